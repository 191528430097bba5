//! Runs the real comparison as wasm (in Node, through
//! wasm-bindgen-test-runner): similar's deadlines call `Instant::now()`,
//! which panics on wasm32 unless the `wasm32_web_time` feature is on. These
//! tests keep that panic from ever coming back.
#![cfg(target_arch = "wasm32")]

use storydiff::{compare, HtmlEvent, Options, RowKind};
use wasm_bindgen_test::wasm_bindgen_test;

const SEED_000: &str = include_str!("../seeds/000_ba2ed8750da60442.txt");
const SEED_001: &str = include_str!("../seeds/001_c841d5658e0f1fdf.txt");

#[wasm_bindgen_test]
fn seeds_compare_as_wasm_with_a_deadline() {
    let options = Options {
        deadline_ms: 500,
        ..Options::default()
    };
    let c = compare(SEED_000, SEED_001, &options);
    let rebuilt: String = c.rows.iter().filter_map(|r| r.before).collect();
    assert_eq!(rebuilt, SEED_000);
    let quote = c
        .rows
        .iter()
        .find(|r| {
            r.after
                .is_some_and(|a| a.contains("They need to get rid of these illusions"))
        })
        .expect("the quote paragraph has a row");
    assert_eq!(quote.kind, RowKind::Changed);
    assert!(quote
        .inline
        .iter()
        .any(|p| p.text.contains("They need to get rid")));
}

#[wasm_bindgen_test]
fn a_deadline_already_passed_gives_an_approximate_result_not_a_panic() {
    let before = "word ".repeat(3000);
    let after = "other ".repeat(3000);
    let options = Options {
        deadline_ms: 0,
        ..Options::default()
    };
    let c = compare(&before, &after, &options);
    let rebuilt: String = c.rows.iter().filter_map(|r| r.after).collect();
    assert_eq!(rebuilt, after);
}

#[wasm_bindgen_test]
fn noise_and_the_html_reader_run_as_wasm() {
    let c = compare(SEED_000, SEED_001, &Options::default());
    assert_eq!(c.rows[0].kind, RowKind::Noise);
    assert_eq!(
        storydiff::read_events([
            HtmlEvent::Start("nav"),
            HtmlEvent::Text("Home"),
            HtmlEvent::End("nav"),
            HtmlEvent::Start("article"),
            HtmlEvent::Start("p"),
            HtmlEvent::Text("A & B"),
            HtmlEvent::End("p"),
            HtmlEvent::End("article"),
        ]),
        "A & B\n"
    );
}

#[wasm_bindgen_test]
fn the_ledger_runs_as_wasm_and_diffs_a_changed_quote() {
    let before = "“We will not negotiate with anyone,” Walid Moallem said.\n";
    let after = "“We will not negotiate with anyone, ever,” Walid Moallem said.\n";
    let c = compare(before, after, &Options::default());
    let quote = &c.ledger.quotes[0];
    assert_eq!(quote.change, storydiff::Change::Changed);
    assert_eq!(quote.speaker.as_deref(), Some("Walid Moallem"));
    assert!(quote.inline.iter().any(|p| p.text.contains("ever")));
}

include!("cases/shared_wording.rs");

#[wasm_bindgen_test]
fn shared_wording_counts_the_words_of_equal_rows_as_wasm() {
    let (before, after, expected) = shared_wording_case();
    let c = compare(&before, &after, &Options::default());
    assert_eq!(c.ledger.stats.shared_wording, expected);
}
