//! Property tests on the core: for any two texts (unicode, CRLF, NUL,
//! combining marks, emoji joined by ZWJ, right-to-left and CJK scripts),
//! `compare` does not panic, the rows rebuild both texts byte for byte,
//! the inline pieces rebuild their rows, and no piece starts or ends inside
//! a grapheme cluster. The case count is kept modest so `cargo xtask test`
//! stays quick; `PROPTEST_CASES=5000 cargo test --test properties` digs
//! deeper.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use proptest::test_runner::FileFailurePersistence;
use storydiff::present::{report, side_by_side, Style};
use storydiff::{compare, Comparison, Options, Tag};
use unicode_segmentation::GraphemeCursor;

/// Pieces of text that stress the stages: words, separators of every kind,
/// controls, marks that attach to what comes before or after, scripts
/// without spaces or written right to left.
const FRAGMENTS: &[&str] = &[
    "the",
    "The",
    "minister",
    "said",
    "145",
    "1,750",
    "killed",
    " ",
    "  ",
    "\t",
    "\n",
    "\n\n",
    "\r\n",
    "\r\n\r\n",
    "\r",
    ".",
    ",",
    "’",
    "\"",
    "—",
    "(CNN)",
    "\0",
    "\u{1}",
    "\u{1b}[31m",
    "\u{7f}",
    "e\u{301}",
    "\u{301}",
    "\u{200d}",
    "👩\u{200d}👩\u{200d}👧",
    "👍🏽",
    "🇬🇧",
    "🇫🇷",
    "مرحبا بالعالم",
    "שלום",
    "\u{202e}",
    "\u{200f}",
    "叙利亚总统阿萨德",
    "日本語のテキスト",
    "한국어",
    "ไทย",
    "\u{600}",
    "\u{feff}",
    "\u{2028}",
    "\u{fffd}",
    "<script>",
    "&amp;",
    "a\u{308}\u{308}",
];

fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => proptest::sample::select(FRAGMENTS).prop_map(str::to_string),
        1 => any::<char>().prop_map(String::from),
        1 => "\\PC{0,8}",
    ]
}

fn text() -> impl Strategy<Value = Vec<String>> {
    proptest::collection::vec(fragment(), 0..60)
}

/// Two texts, the second most often an edit of the first (so blocks pair,
/// move and get word diffs), sometimes unrelated.
fn pair() -> impl Strategy<Value = (String, String)> {
    let edited = (
        text(),
        proptest::collection::vec((any::<prop::sample::Index>(), 0u8..4, fragment()), 0..8),
    )
        .prop_map(|(before, edits)| {
            let mut after = before.clone();
            for (at, op, fragment) in edits {
                let at = if after.is_empty() {
                    0
                } else {
                    at.index(after.len())
                };
                match op {
                    0 => after.insert(at, fragment),
                    1 if at < after.len() => drop(after.remove(at)),
                    2 if at < after.len() => after[at] = fragment,
                    _ => {
                        // Move a fragment elsewhere.
                        if at < after.len() {
                            let f = after.remove(at);
                            let to = after.len() / 2;
                            after.insert(to, f);
                        }
                    }
                }
            }
            (before.concat(), after.concat())
        });
    let unrelated = (text(), text()).prop_map(|(b, a)| (b.concat(), a.concat()));
    prop_oneof![4 => edited, 1 => unrelated]
}

fn options() -> impl Strategy<Value = Options> {
    (any::<bool>(), any::<bool>(), any::<bool>()).prop_map(|(c, w, p)| Options {
        ignore_case: c,
        ignore_whitespace: w,
        ignore_punctuation: p,
        ..Options::default()
    })
}

/// The byte offset of `part` inside `whole`, which it must be a slice of.
fn offset(whole: &str, part: &str) -> usize {
    let at = (part.as_ptr() as usize).wrapping_sub(whole.as_ptr() as usize);
    assert!(
        at <= whole.len() && at + part.len() <= whole.len(),
        "{part:?} is not a slice of its input"
    );
    at
}

fn grapheme_boundary(whole: &str, at: usize) -> bool {
    GraphemeCursor::new(at, whole.len(), true)
        .is_boundary(whole, 0)
        .expect("the whole text is one chunk")
}

/// Every property, on one comparison.
fn check(before: &str, after: &str, c: &Comparison<'_>) -> Result<(), TestCaseError> {
    let rebuilt_before: String = c.rows.iter().filter_map(|r| r.before).collect();
    let rebuilt_after: String = c.rows.iter().filter_map(|r| r.after).collect();
    prop_assert_eq!(&rebuilt_before, before, "the rows must rebuild Before");
    prop_assert_eq!(&rebuilt_after, after, "the rows must rebuild After");

    for (index, row) in c.rows.iter().enumerate() {
        for (side, whole) in [(row.before, before), (row.after, after)] {
            if let Some(s) = side {
                prop_assert!(!s.is_empty(), "row {} has an empty side", index);
                let at = offset(whole, s);
                prop_assert!(
                    grapheme_boundary(whole, at) && grapheme_boundary(whole, at + s.len())
                );
            }
        }
        if row.inline.is_empty() {
            continue;
        }
        // A moved row keeps only its own end; the other end is its partner's.
        let partner = row.partner.map(|p| &c.rows[p]);
        let b = row.before.or(partner.and_then(|p| p.before));
        let a = row.after.or(partner.and_then(|p| p.after));
        let (Some(b), Some(a)) = (b, a) else {
            return Err(TestCaseError::fail(format!(
                "row {index} has inline pieces but not both ends"
            )));
        };
        let side = |keep: Tag| -> String {
            row.inline
                .iter()
                .filter(|p| p.tag == Tag::Equal || p.tag == keep)
                .map(|p| p.text)
                .collect()
        };
        prop_assert_eq!(side(Tag::Delete), b, "equal + delete pieces rebuild Before");
        prop_assert_eq!(side(Tag::Insert), a, "equal + insert pieces rebuild After");
        for piece in &row.inline {
            prop_assert!(!piece.text.is_empty(), "an empty piece in row {}", index);
            let whole = if piece.tag == Tag::Insert {
                after
            } else {
                before
            };
            let at = offset(whole, piece.text);
            prop_assert!(
                grapheme_boundary(whole, at) && grapheme_boundary(whole, at + piece.text.len()),
                "piece {:?} splits a grapheme",
                piece.text
            );
        }
    }

    // The JSON round-trips the texts, NUL and lone surrogates' stand-ins
    // included.
    let json: serde_json::Value = serde_json::from_str(&c.to_json()).expect("valid JSON");
    let join = |key: &str| -> String {
        json["rows"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|r| r[key].as_str())
            .collect()
    };
    prop_assert_eq!(join("before"), before);
    prop_assert_eq!(join("after"), after);

    // The CLI's views do not panic on it either.
    let _ = side_by_side(c, 80, Style::Plain);
    let _ = side_by_side(c, 0, Style::Colour);
    let html = report(c, "t");
    prop_assert!(
        !html.contains("<script>"),
        "text must be escaped in the report"
    );
    Ok(())
}

/// True when no row is a change: every row is `equal`, or `noise` (page
/// furniture, set aside, which is no change either).
fn unchanged(c: &Comparison<'_>) -> bool {
    use storydiff::RowKind::{Equal, Noise};
    c.rows.iter().all(|r| matches!(r.kind, Equal | Noise))
}

proptest! {
    #![proptest_config(ProptestConfig {
        // 300 by default; PROPTEST_CASES=5000 for a deeper run.
        cases: if std::env::var_os("PROPTEST_CASES").is_some() {
            ProptestConfig::default().cases
        } else {
            300
        },
        failure_persistence: Some(Box::new(FileFailurePersistence::Direct(
            "tests/properties.proptest-regressions",
        ))),
        ..ProptestConfig::default()
    })]

    #[test]
    fn any_two_texts_rebuild_exactly((before, after) in pair(), options in options()) {
        let c = compare(&before, &after, &options);
        check(&before, &after, &c)?;
    }

    #[test]
    fn arbitrary_unicode_strings_rebuild_exactly(before in "\\PC*", after in "\\PC*") {
        let c = compare(&before, &after, &Options::default());
        check(&before, &after, &c)?;
    }

    #[test]
    fn a_text_against_itself_is_all_equal((before, _) in pair()) {
        let c = compare(&before, &before, &Options::default());
        check(&before, &before, &c)?;
        prop_assert!(unchanged(&c), "a text against itself has no change");
    }

    #[test]
    fn line_endings_alone_are_never_a_rewrite((before, _) in pair()) {
        let lf = before.replace("\r\n", "\n").replace('\r', "\n");
        let crlf = lf.replace('\n', "\r\n");
        let c = compare(&lf, &crlf, &Options::default());
        check(&lf, &crlf, &c)?;
        prop_assert!(unchanged(&c), "a line-ending change must leave every row equal");
    }
}

/// Found by `any_two_texts_rebuild_exactly`: a word boundary after U+0600
/// (a prepended mark) cut a grapheme, so a piece ended inside one.
#[test]
fn regression_prepended_mark_split_a_piece() {
    let before = "thethe\u{600}.thethethethethethethethe thethethethethe\"thethethethethethethe";
    let after =
        "e\u{301}thethe\u{600}.thethethethethethethethe thethethethethe\"thethethethethethethe";
    let c = compare(before, after, &Options::default());
    check(before, after, &c).unwrap();
}

/// Found by `any_two_texts_rebuild_exactly` after the ledger landed: a blank
/// text's block content was a literal "" outside the text, and the quote
/// finder's offset arithmetic overflowed (a panic in debug builds).
#[test]
fn regression_blank_text_panicked_the_quote_finder() {
    for (before, after) in [("", " "), (" ", ""), (" \n\n", "x"), ("\t", "\r\n")] {
        let c = compare(before, after, &Options::default());
        check(before, after, &c).unwrap();
    }
}
