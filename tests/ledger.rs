//! The fact-checker's ledger over story pairs: the seeds, the GOV.UK
//! fixtures in `tests/fixtures/`, and the shared corpus (read at test time
//! from `$CARGO_MANIFEST_DIR/../shared/corpus`; its text is never copied
//! here). Every test goes through one `check(pair, claims)`.
//!
//! Claims, one a line:
//! - `quote CHANGE "WORDS" by SPEAKER`: a quote with that change whose text
//!   holds WORDS and whose speaker holds SPEAKER (`by` part optional);
//! - `no quote CHANGE "WORDS"` (CHANGE may be `any`);
//! - `figure "BEFORE" -> "AFTER"`;
//! - `quotes CHANGE N`: exactly N quotes with that change;
//! - `said "WORDS" by "SPEAKER" before "BEFORE"`: a changed quote holding
//!   WORDS whose speaker was BEFORE (a re-attribution, or a name
//!   corrected);
//! - `attributed "WORDS" "BEFORE" -> "AFTER"`: a changed quote holding
//!   WORDS whose attribution line was BEFORE and is AFTER;
//! - `outlets` / `no outlets`: whether the texts read as two outlets'.

use std::path::PathBuf;

use storydiff::{compare, Change, Comparison, Options, Quote};

/// Where a story pair comes from.
enum Pair {
    Seeds(&'static str, &'static str),
    Fixture(&'static str),
    Corpus(&'static str),
    Text(String, String),
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: PathBuf) -> String {
    std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "cannot read {}: {e}. The corpus pairs live in ../shared/corpus next to the \
             project (CI has it); fixtures and seeds are in the repository.",
            path.display()
        )
    })
}

fn load(pair: &Pair) -> (String, String) {
    match pair {
        Pair::Seeds(b, a) => (
            read(root().join("seeds").join(b)),
            read(root().join("seeds").join(a)),
        ),
        Pair::Fixture(name) => {
            let dir = root().join("tests/fixtures").join(name);
            (read(dir.join("before.txt")), read(dir.join("after.txt")))
        }
        Pair::Corpus(name) => {
            let dir = root().join("../shared/corpus").join(name);
            (read(dir.join("a.txt")), read(dir.join("b.txt")))
        }
        Pair::Text(b, a) => (b.clone(), a.clone()),
    }
}

fn change_name(c: Change) -> &'static str {
    match c {
        Change::Added => "added",
        Change::Removed => "removed",
        Change::Changed => "changed",
        Change::Unchanged => "unchanged",
    }
}

fn quote_holds(q: &Quote, words: &str) -> bool {
    q.before.as_deref().is_some_and(|t| t.contains(words))
        || q.after.as_deref().is_some_and(|t| t.contains(words))
}

/// Quoted strings of a claim line, in order.
fn quoted(line: &str) -> Vec<&str> {
    line.split('"').skip(1).step_by(2).collect()
}

/// Checks what always holds of a ledger: its row links point at rows that
/// hold what the entry names.
fn check_links(c: &Comparison<'_>) {
    let rows = &c.rows;
    let starts = |row: Option<usize>, before: bool, words: &str| {
        if let Some(r) = row {
            let text = if before {
                rows[r].before
            } else {
                rows[r].after
            };
            let first: String = words
                .split_whitespace()
                .take(2)
                .collect::<Vec<_>>()
                .join(" ");
            assert!(
                text.is_some_and(|t| t.contains(&first)),
                "row {r} should hold {first:?}"
            );
        }
    };
    for q in &c.ledger.quotes {
        assert!(q.before_row.is_some() || q.after_row.is_some());
        if let Some(b) = &q.before {
            starts(q.before_row, true, b);
        }
        if let Some(a) = &q.after {
            starts(q.after_row, false, a);
        }
    }
    for f in &c.ledger.figures {
        assert!(f.before_row.is_some_and(|r| r < rows.len()));
        assert!(f.after_row.is_some_and(|r| r < rows.len()));
    }
}

fn check(pair: Pair, claims: &str) {
    let (before, after) = load(&pair);
    // Claims about unchanged quotes are claims about the whole reading: by
    // default only those near a change are listed (`tests/window.rs` holds
    // the two readings to the same changes).
    let options = Options {
        whole: claims.contains("unchanged"),
        ..Options::default()
    };
    let c = compare(&before, &after, &options);
    check_links(&c);
    let ledger = &c.ledger;
    let shown = || {
        let quotes: Vec<String> = ledger
            .quotes
            .iter()
            .map(|q| {
                format!(
                    "  {} {:?} by {:?}: {:?} / {:?}",
                    change_name(q.change),
                    q.change,
                    q.speaker,
                    q.before
                        .as_deref()
                        .map(|s| s.chars().take(60).collect::<String>()),
                    q.after
                        .as_deref()
                        .map(|s| s.chars().take(60).collect::<String>())
                )
            })
            .collect();
        let figures: Vec<String> = ledger
            .figures
            .iter()
            .map(|f| format!("  {:?} -> {:?}", f.before, f.after))
            .collect();
        format!(
            "quotes:\n{}\nfigures:\n{}",
            quotes.join("\n"),
            figures.join("\n")
        )
    };
    for line in claims.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let words: Vec<&str> = line.split_whitespace().collect();
        let strings = quoted(line);
        let ok = match words.as_slice() {
            ["quote", change, ..] => {
                let speaker = line.split(" by ").nth(1).map(str::trim);
                ledger.quotes.iter().any(|q| {
                    change_name(q.change) == *change
                        && quote_holds(q, strings[0])
                        && speaker
                            .is_none_or(|s| q.speaker.as_deref().is_some_and(|q| q.contains(s)))
                })
            }
            ["quotes", change, n] => {
                let n: usize = n.parse().expect("a count");
                let got = ledger
                    .quotes
                    .iter()
                    .filter(|q| change_name(q.change) == *change)
                    .count();
                assert_eq!(got, n, "{line}");
                true
            }
            ["no", "quote", change, ..] => !ledger.quotes.iter().any(|q| {
                (*change == "any" || change_name(q.change) == *change) && quote_holds(q, strings[0])
            }),
            ["figure", ..] => ledger
                .figures
                .iter()
                .any(|f| f.before == strings[0] && f.after == strings[1]),
            ["said", ..] => ledger.quotes.iter().any(|q| {
                q.change == Change::Changed
                    && quote_holds(q, strings[0])
                    && q.speaker.as_deref() == Some(strings[1])
                    && q.before_speaker.as_deref() == Some(strings[2])
            }),
            ["attributed", ..] => ledger.quotes.iter().any(|q| {
                q.change == Change::Changed
                    && quote_holds(q, strings[0])
                    && q.before_attribution.as_deref() == Some(strings[1])
                    && q.attribution.as_deref() == Some(strings[2])
            }),
            ["outlets"] => ledger.outlets.is_some(),
            ["no", "outlets"] => ledger.outlets.is_none(),
            _ => panic!("unknown claim {line:?}"),
        };
        assert!(ok, "claim failed: {line}\n{}", shown());
    }
}

#[test]
fn seeds_000_001_the_added_quote_and_the_regrouped_one() {
    check(
        Pair::Seeds("000_ba2ed8750da60442.txt", "001_c841d5658e0f1fdf.txt"),
        r#"
        quote added "They need to get rid of these illusions" by Moallem
        no quote removed "We will not negotiate"
        no quote removed "Bashar is (a) red line"
        quote unchanged "We will not negotiate with anyone on the presidency" by Moallem
        quote removed "we haven’t done very much" by Lakhdar Brahimi
        quote unchanged "close to collapse" by Riyad Hijab
        quote unchanged "If the regime and its backers" by John Kerry
        no outlets
        "#,
    );
}

/// Quotes inside page furniture (the video carousel's captions) stay out of
/// the ledger: the analyse stage reads the rows' `noise` kind, which the
/// clean stage sets.
#[test]
fn seeds_000_001_no_quote_from_the_video_captions() {
    check(
        Pair::Seeds("000_ba2ed8750da60442.txt", "001_c841d5658e0f1fdf.txt"),
        r#"no quote any "We can try to fight but the kids are our weakness""#,
    );
}

#[test]
fn seeds_001_002_are_two_outlets() {
    check(
        Pair::Seeds("001_c841d5658e0f1fdf.txt", "002_cbe3147d30cbc16f.txt"),
        r#"
        outlets
        quote added "The bloodshed will drag on without negotiations" by John Kerry
        quote removed "They need to get rid of these illusions" by Walid Moallem
        "#,
    );
}

#[test]
fn govuk_hepatitis_figure_correction_20_to_25() {
    check(
        Pair::Fixture("govuk_hepatitis_figure_correction"),
        r#"
        figure "20" -> "25"
        no outlets
        "#,
    );
}

/// A statement (a press-release quote, no quote marks) whose attribution
/// line was corrected: one changed quote, its words the same, the line
/// before and after.
#[test]
fn govuk_surescreen_statement_attribution_corrected() {
    check(
        Pair::Fixture("govuk_surescreen_attribution_corrected"),
        r#"
        attributed "Rapid lateral flow tests" "Health Secretary Matt Hancock said" -> "Health and Social Care Secretary Matt Hancock said"
        quote changed "Rapid lateral flow tests" by Matt Hancock
        quotes changed 1
        quotes added 0
        quotes removed 0
        "#,
    );
}

/// A speaker's name corrected in a quote's attribution ("said Mathew
/// Rycroft" → "said Matthew Rycroft"): a changed quote that names both.
#[test]
fn govuk_rycroft_speaker_name_respelled() {
    check(
        Pair::Fixture("govuk_rycroft_name_respelled"),
        r#"
        said "These ties are reliant" by "Matthew Rycroft" before "Mathew Rycroft"
        quotes added 0
        quotes removed 0
        "#,
    );
}

/// A statement added: the attribution line and its two paragraphs, the
/// speaker named by the line.
#[test]
fn govuk_social_care_statement_added() {
    check(
        Pair::Fixture("govuk_social_care_statement_added"),
        r#"
        quote added "Our social care workforce has shown such courage" by Helen Whately
        quote added "I am thrilled to see the launch of these awards" by Helen Whately
        quotes added 1
        quotes removed 0
        "#,
    );
}

/// The qualifier is the correction: "less than £1,750" → "£1,750".
#[test]
fn govuk_quarantine_fee_correction_keeps_the_qualifier() {
    check(
        Pair::Fixture("govuk_quarantine_fee_correction"),
        r#"figure "less than £1,750" -> "£1,750""#,
    );
}

#[test]
fn corpus_reuters_syria_toll_update() {
    check(
        Pair::Corpus("wire_reuters_syria_bombs_tollupdate"),
        r#"
        figure "145" -> "148"
        figure "more than 140" -> "nearly 150"
        quote unchanged "This demonstrates yet again" by Dmitry Peskov
        quote added "Two days ago some camps" by Abu Saadah
        no outlets
        "#,
    );
}

#[test]
fn corpus_texas_floods_toll_update() {
    check(
        Pair::Corpus("wire_texas_floods_tollupdate"),
        r#"figure "Five" -> "Six""#,
    );
}

#[test]
fn corpus_russian_wire_vs_outlet_boxer_names_the_speaker_in_full() {
    check(
        Pair::Corpus("russian_wire_vs_outlet_tass_vs_newsru_boxer"),
        r#"quote unchanged "Мы хотим описать путь" by Сурхай Сунгуров"#,
    );
}

/// The same wire story republished by another outlet shares most of its
/// wording: it is compared as two versions, not paired sentence by sentence.
#[test]
fn corpus_wire_republished_by_an_outlet_is_not_two_outlets() {
    for name in [
        "russian_wire_vs_outlet_tass_vs_newsru_boxer",
        "arabic_wire_greece_reform_alyaum_vs_alriyadh",
        "wire_vs_outlet_reuters_philly_trayvon_gun",
    ] {
        check(Pair::Corpus(name), "no outlets");
    }
}

/// More quotes than are paired all with all: those in the same changed row
/// are still paired, so an edited quote is `changed`, not removed and added.
#[test]
fn many_quotes_still_pair_within_their_rows() {
    let para = |i: usize, edited: bool| {
        let extra = if edited && i % 3 == 0 { " indeed" } else { "" };
        format!("“Quote number {i} says the river rose again{extra},” said Person{i} Jones.\n\n")
    };
    let before: String = (0..1500).map(|i| para(i, false)).collect();
    let after: String = (0..1500).map(|i| para(i, true)).collect();
    check(
        Pair::Text(before, after),
        "quotes changed 500\nquotes added 0\nquotes removed 0\nquotes unchanged 1000",
    );
}

/// The same words given to someone else are one quote whose speaker
/// changed: a fact-checker's correction of who said it.
#[test]
fn the_same_quote_given_to_someone_else_is_changed_with_both_speakers() {
    let c = storydiff::compare(
        "The storm passed.\n\n“We will rebuild every home that the storm took from us,” Mayor Ada Quill said.\n",
        "The storm passed.\n\n“We will rebuild every home that the storm took from us all,” Governor Tom Reyes said.\n",
        &storydiff::Options::default(),
    );
    let q = &c.ledger.quotes;
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].change, storydiff::Change::Changed);
    assert_eq!(q[0].speaker.as_deref(), Some("Tom Reyes"));
    assert_eq!(q[0].before_speaker.as_deref(), Some("Ada Quill"));
}

/// A quote said by someone else is not the same quote reworded, however
/// many words they share: once one `changed` quote, by the mayor before and
/// the cousin after.
#[test]
fn a_quote_by_someone_else_is_not_the_same_quote() {
    check(
        Pair::Text(
            "The storm passed on Sunday.\n\n“If this is not the moment for all of us, then I don’t know what is,” Mayor Ada Quill said.\n".to_string(),
            "The storm passed on Sunday.\n\n“I don’t know what happened,” his cousin Tom Reyes said.\n".to_string(),
        ),
        r#"
        quote removed "If this is not the moment" by Ada Quill
        quote added "I don’t know what happened" by Tom Reyes
        quotes changed 0
        "#,
    );
}
