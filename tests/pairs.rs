//! Data-driven tests over story pairs: the seeds and the fixtures in
//! `tests/fixtures/`. One `check` helper compares each pair, checks the
//! model's invariants and compares a summary with its snapshot in
//! `tests/snapshots/`. To accept new snapshots after a deliberate change:
//! `STORYDIFF_BLESS=1 cargo test --test pairs`, then review the diff.

mod common;

use std::path::{Path, PathBuf};

use storydiff::{compare, Comparison, Options, RowKind, Tag};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Compares `before` and `after`, checks the invariants and the snapshot
/// `name`; returns the comparison for further checks.
fn check<'a>(name: &str, before: &'a str, after: &'a str) -> Comparison<'a> {
    let c = compare(before, after, &Options::default());
    common::check_invariants(before, after, &c, name);
    let actual = common::summary(&c);
    let path = root().join("tests/snapshots").join(format!("{name}.txt"));
    if std::env::var_os("STORYDIFF_BLESS").is_some() {
        std::fs::write(&path, &actual).expect("write snapshot");
    } else {
        let expected = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            expected == actual,
            "{name}: the comparison differs from {}.\n\
             Run STORYDIFF_BLESS=1 cargo test --test pairs to accept it.\n--- actual:\n{actual}",
            path.display()
        );
    }
    c
}

const SEED_000: &str = include_str!("../seeds/000_ba2ed8750da60442.txt");
const SEED_001: &str = include_str!("../seeds/001_c841d5658e0f1fdf.txt");
const SEED_002: &str = include_str!("../seeds/002_cbe3147d30cbc16f.txt");

#[test]
fn seeds() {
    check("seed_000_001", SEED_000, SEED_001);
    check("seed_001_002", SEED_001, SEED_002);
}

#[test]
fn govuk_fixtures() {
    let dir = root().join("tests/fixtures");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("tests/fixtures")
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert!(!names.is_empty());
    for name in names {
        let before = read(&dir.join(&name).join("before.txt"));
        let after = read(&dir.join(&name).join("after.txt"));
        check(&name, &before, &after);
    }
}

/// Line numbers (1-based) of a side's text covered by rows of `kind`.
fn lines_in(c: &Comparison<'_>, kind: RowKind, before: bool) -> Vec<usize> {
    let mut out = Vec::new();
    let mut line = 1;
    for row in &c.rows {
        let Some(text) = (if before { row.before } else { row.after }) else {
            continue;
        };
        for l in text.split_inclusive('\n') {
            if row.kind == kind && !l.trim().is_empty() {
                out.push(line);
            }
            line += usize::from(l.ends_with('\n'));
        }
    }
    out
}

#[test]
fn seed_000_carousel_is_noise_and_the_article_is_not() {
    let c = compare(SEED_000, SEED_001, &Options::default());
    assert_eq!(
        lines_in(&c, RowKind::Noise, true),
        (1..=81).collect::<Vec<_>>()
    );
    assert_eq!(lines_in(&c, RowKind::Noise, false), [1, 2, 3]);
}

#[test]
fn seed_000_001_three_article_rows_changed() {
    let c = compare(SEED_000, SEED_001, &Options::default());
    let changed: Vec<_> = c
        .rows
        .iter()
        .filter(|r| r.kind != RowKind::Equal && r.kind != RowKind::Noise)
        .collect();
    assert_eq!(changed.len(), 3, "{}", common::summary(&c));
    assert!(changed.iter().all(|r| r.kind == RowKind::Changed));

    // The dateline, cosmetic only.
    assert!(changed[0].cosmetic);
    assert!(changed[0].before.unwrap().contains("(CNN)"));

    // The quote paragraph: the new quote is an insertion.
    let quote = changed[1];
    assert!(!quote.cosmetic);
    let inserted: String = quote
        .inline
        .iter()
        .filter(|p| p.tag == Tag::Insert)
        .map(|p| p.text)
        .collect();
    assert!(
        inserted.contains("They need to get rid of these illusions,” Moallem said of the rebels."),
        "{inserted:?}"
    );

    // The Brahimi paragraph replaced by the rebels' demands.
    let brahimi = changed[2];
    assert!(brahimi.before.unwrap().contains("Lakhdar Brahimi"));
    assert!(brahimi.after.unwrap().contains("The rebel group demands"));
    let kept: Vec<&str> = brahimi
        .inline
        .iter()
        .filter(|p| p.tag == Tag::Equal)
        .map(|p| p.text.trim())
        .filter(|t| !t.is_empty())
        .collect();
    assert!(
        kept.is_empty(),
        "a replaced paragraph keeps no islands: {kept:?}"
    );
}

#[test]
fn a_split_paragraph_is_one_row() {
    let before = "Intro line stays.\n\nThe storm reached the coast on Sunday night and cut power to thousands of homes, officials said, adding that crews would work through Monday.\n\nEnd.\n";
    let after = "Intro line stays.\n\nThe storm reached the coast on Sunday night and cut power to thousands of homes, officials said.\n\nThey added that crews would work through Monday.\n\nEnd.\n";
    let c = check("split_paragraph", before, after);
    let row = c.rows.iter().find(|r| r.split).expect("a split row");
    assert_eq!(row.kind, RowKind::Changed);
    assert!(row.after.unwrap().contains("They added"));
    assert!(!c.rows.iter().any(|r| r.kind == RowKind::Added));

    // And the other way round: a merge.
    let c = check("merged_paragraphs", after, before);
    let row = c.rows.iter().find(|r| r.merged).expect("a merged row");
    assert!(row.before.unwrap().contains("They added"));
    assert!(!c.rows.iter().any(|r| r.kind == RowKind::Removed));
}

#[test]
fn a_two_word_rewording_marks_just_those_two_words() {
    let before = "Officials said the big fire destroyed the old market on Tuesday.\n";
    let after = "Officials said the huge blaze destroyed the old market on Tuesday.\n";
    let c = check("two_word_rewording", before, after);
    let changes: Vec<(Tag, &str)> = c.rows[0]
        .inline
        .iter()
        .filter(|p| p.tag != Tag::Equal)
        .map(|p| (p.tag, p.text))
        .collect();
    assert_eq!(
        changes,
        [(Tag::Delete, "big fire"), (Tag::Insert, "huge blaze")]
    );
}

#[test]
fn typography_alone_is_a_cosmetic_change_and_a_figures_point_is_not() {
    let before = "He said “no” — twice.\n\nThe fee rose to 3.5 per cent.\n";
    let after = "He said \"no\" - twice.\n\nThe fee rose to 35 per cent.\n";
    let c = compare(before, after, &Options::default());
    common::check_invariants(before, after, &c, "typography");
    assert_eq!(c.rows[0].kind, RowKind::Changed);
    assert!(c.rows[0].cosmetic, "{:?}", c.rows[0]);
    assert_eq!(c.rows[1].kind, RowKind::Changed);
    assert!(!c.rows[1].cosmetic, "{:?}", c.rows[1]);
    assert!(c.rows[1]
        .inline
        .iter()
        .any(|p| p.text == "3.5" && !p.cosmetic));
    assert_eq!(c.ledger.stats.paragraphs_cosmetic, 1);
    assert_eq!(c.ledger.stats.paragraphs_changed, 1);
    // Ignoring punctuation makes the first row equal, not the second.
    let o = Options {
        ignore_punctuation: true,
        ..Options::default()
    };
    let c = compare(before, after, &o);
    assert_eq!(c.rows[0].kind, RowKind::Equal);
    assert_eq!(c.rows[1].kind, RowKind::Changed);
}

#[test]
fn a_story_run_into_one_paragraph_pairs_paragraph_by_paragraph() {
    // Seed 001 with every blank line run into a space, as a scrape that
    // lost the paragraph breaks gives it.
    let run_in = SEED_001
        .split("\n\n")
        .map(str::trim)
        .collect::<Vec<_>>()
        .join(" ");
    let c = compare(SEED_001, &run_in, &Options::default());
    common::check_invariants(SEED_001, &run_in, &c, "run-in");
    let s = &c.ledger.stats;
    // Only the short lines at the top (too short to be found) differ.
    assert!(s.words_added + s.words_removed < 25, "{s:?}");
    assert_eq!(s.paragraphs_added, 0, "{s:?}");
    let equal = c.rows.iter().filter(|r| r.kind == RowKind::Equal).count();
    assert!(equal >= 2, "{equal} equal rows");
    // The quote ledger sees the same quotes on both sides.
    assert!(c
        .ledger
        .quotes
        .iter()
        .all(|q| q.change == storydiff::Change::Unchanged));
}

include!("cases/shared_wording.rs");

#[test]
fn shared_wording_counts_the_words_of_equal_rows() {
    let (before, after, expected) = shared_wording_case();
    let c = compare(&before, &after, &Options::default());
    assert_eq!(c.ledger.stats.shared_wording, expected);
}

/// `compare_in_laps` is `compare` with the stages named as they end, in
/// pipeline order, once each: what the benchmark's per-stage times rest on.
#[test]
fn laps_name_every_stage_once_in_order_and_change_nothing() {
    let options = Options::default();
    let mut stages = Vec::new();
    let timed = storydiff::compare_in_laps(SEED_000, SEED_001, &options, &mut |s| stages.push(s));
    assert_eq!(
        stages,
        [
            "window", "segment", "clean", "align", "rows", "stats", "reach", "quotes", "outlets",
            "figures"
        ]
    );
    let plain = compare(SEED_000, SEED_001, &options);
    assert_eq!(timed.to_json(), plain.to_json());
}
