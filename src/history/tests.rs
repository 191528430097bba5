//! Tests of the history: datelines, lives and steps.

use super::*;

fn history<'a>(texts: &[&'a str]) -> History<'a> {
    let versions: Vec<Version<'a>> = texts.iter().map(|t| Version::new("", t)).collect();
    compare_history(&versions, &Options::default())
}

#[test]
fn paragraphs_appear_change_and_go() {
    let h = history(&[
        "Five people were killed on Monday, police said.\n\nThe road was closed.\n",
        "Six people were killed on Monday, police said.\n\nThe road was closed.\n\nA vigil is planned.\n",
        "Eight people were killed on Monday, police said.\n\nA vigil is planned.\n",
    ]);
    assert_eq!(h.versions[0].label, "Version 1");
    assert_eq!(h.steps.len(), 2);
    let killed = &h.paragraphs[0];
    assert_eq!(killed.appeared, 0);
    assert_eq!(killed.changed, [1, 2]);
    assert_eq!(killed.went, None);
    assert!(killed.text().starts_with("Eight"));
    assert_eq!(
        killed.text_in(1),
        Some("Six people were killed on Monday, police said.")
    );
    assert_eq!(killed.texts.len(), 3);
    let road = &h.paragraphs[1];
    assert_eq!((road.appeared, road.went), (0, Some(2)));
    let vigil = &h.paragraphs[2];
    assert_eq!((vigil.appeared, vigil.went), (1, None));
    assert!(vigil.changed.is_empty());
}

#[test]
fn a_figure_has_a_line_of_values() {
    let h = history(&[
        "Five people were killed on Monday, police said.\n\nThe road was closed.\n",
        "Six people were killed on Monday, police said.\n\nThe road was closed.\n",
        "Six people were killed on Monday, police said.\n\nThe road was closed again.\n",
        "Eight people were killed on Monday, police said.\n\nThe road was closed again.\n",
    ]);
    assert_eq!(h.figures.len(), 1, "{:?}", h.figures);
    let values: Vec<(&str, usize)> = h.figures[0]
        .values
        .iter()
        .map(|v| (v.value.as_str(), v.version))
        .collect();
    assert_eq!(values, [("Five", 0), ("Six", 1), ("Eight", 3)]);
    assert_eq!(h.figures[0].paragraph, 0);
}

#[test]
fn an_edit_put_back_is_undone() {
    let a = "The minister said the plan would cost £5m.\n\nIt starts in May.\n";
    let b = "The minister said the plan would cost £50m.\n\nIt starts in May.\n";
    let h = history(&[a, b, b, a]);
    assert_eq!(h.undone.len(), 1, "{:?}", h.undone);
    let u = &h.undone[0];
    assert_eq!(
        (u.kind, u.paragraph, u.changed, u.undone),
        (UndoneKind::Edit, 0, 1, 3)
    );
}

#[test]
fn a_removal_put_back_is_undone() {
    let a = "First paragraph of the story.\n\nA sentence that will be taken out and put back.\n\nLast one.\n";
    let b = "First paragraph of the story.\n\nLast one.\n";
    let h = history(&[a, b, a]);
    let u = &h.undone[0];
    assert_eq!(
        (u.kind, u.paragraph, u.changed, u.undone),
        (UndoneKind::Removal, 1, 1, 2)
    );
    assert_eq!(u.restored_as, Some(3));
}

#[test]
fn a_quote_lives_changes_and_goes() {
    let h = history(&[
        "\u{201c}We will rebuild the bridge this year,\u{201d} the mayor, Ann Lee, said.\n\nOther news.\n",
        "\u{201c}We will rebuild the bridge next year,\u{201d} the mayor, Ann Lee, said.\n\nOther news.\n",
        "Other news.\n",
    ]);
    assert_eq!(h.quotes.len(), 1, "{:?}", h.quotes);
    let q = &h.quotes[0];
    assert_eq!((q.appeared, q.went), (0, Some(2)));
    assert_eq!(q.changes.len(), 1);
    assert_eq!(q.changes[0].version, 1);
    assert!(q.changes[0].before.contains("this year"));
    assert!(q.changes[0].after.contains("next year"));
}

#[test]
fn two_versions_hold_the_comparison_unchanged() {
    let (a, b) = ("Five killed.\n", "Six killed.\n");
    let h = history(&[a, b]);
    assert_eq!(h.compare(0, 1), crate::compare(a, b, &Options::default()));
    assert_eq!(
        h.steps[0].stats,
        crate::compare(a, b, &Options::default()).ledger.stats
    );
}

#[test]
fn datelines_are_read_near_the_top() {
    assert_eq!(
        dateline("News story\n\nPublished\n\n14 May 2022\n\nLast updated\n\n6 September 2022 — See all updates\n"),
        Some("6 September 2022".into())
    );
    assert_eq!(
        dateline("Updated May 20, 2022 at 3 p.m.\n"),
        Some("May 20, 2022".into())
    );
    assert_eq!(
        dateline("Published 2021-03-24\n"),
        Some("2021-03-24".into())
    );
    assert_eq!(dateline("Five killed on 3 May 2022.\n"), None);
}
