//! The window (`Options::whole` off, the default) against the whole-text
//! reading, on every real pair there is: the corpus (`../shared/corpus`,
//! read at test time, never committed), the devset (`../shared/devset`) and
//! the seeds.
//!
//! What MODEL.md promises holds on each: the rows are the same, except that
//! page furniture inside the runs both versions open and close with is an
//! equal row rather than a noise row; every changed, added or removed quote
//! is the same, speaker and rows included; the figures and every count but
//! `sharedWording` (which leaves furniture out) are the same; and the rows
//! still rebuild both texts.

mod common;

use common::pairs;

use storydiff::{compare, Change, Comparison, Options, RowKind};

/// The rows as (kind, Before, After), with furniture both sides share
/// counted as equal text and neighbouring equal rows joined; and, for each
/// row of `c`, the index of the row it is part of there.
fn rows(c: &Comparison<'_>) -> (Vec<(RowKind, String, String)>, Vec<usize>) {
    let mut out: Vec<(RowKind, String, String)> = Vec::new();
    let mut index = Vec::with_capacity(c.rows.len());
    for r in &c.rows {
        let kind = match r.kind {
            RowKind::Noise if r.before == r.after => RowKind::Equal,
            k => k,
        };
        let (b, a) = (r.before.unwrap_or(""), r.after.unwrap_or(""));
        match out.last_mut() {
            Some(last) if kind == RowKind::Equal && last.0 == RowKind::Equal => {
                last.1.push_str(b);
                last.2.push_str(a);
            }
            _ => out.push((kind, b.to_string(), a.to_string())),
        }
        index.push(out.len() - 1);
    }
    (out, index)
}

#[test]
fn the_window_reads_every_change_as_the_whole_text_does() {
    let whole = Options {
        whole: true,
        ..Options::default()
    };
    let mut read_less = 0;
    for (name, a, b) in pairs() {
        if a.len() > 500_000 && cfg!(debug_assertions) {
            continue; // the 1.4 MB pair is the benchmark's, in release
        }
        let (w, n) = (
            compare(&a, &b, &whole),
            compare(&a, &b, &Options::default()),
        );
        common::check_invariants(&a, &b, &n, &name);
        let ((rows_w, at_w), (rows_n, at_n)) = (rows(&w), rows(&n));
        assert!(rows_w == rows_n, "{name}: the rows differ");
        // Row numbers as the joined rows number them: furniture in a run
        // shared by both versions joins its equal row.
        let changed = |c: &Comparison<'_>, at: &[usize]| {
            c.ledger
                .quotes
                .iter()
                .filter(|q| q.change != Change::Unchanged)
                .cloned()
                .map(|mut q| {
                    q.before_row = q.before_row.map(|r| at[r]);
                    q.after_row = q.after_row.map(|r| at[r]);
                    q
                })
                .collect::<Vec<_>>()
        };
        assert_eq!(
            changed(&w, &at_w),
            changed(&n, &at_n),
            "{name}: the changed quotes differ"
        );
        let figures = |c: &Comparison<'_>, at: &[usize]| {
            c.ledger
                .figures
                .iter()
                .cloned()
                .map(|mut f| {
                    f.before_row = f.before_row.map(|r| at[r]);
                    f.after_row = f.after_row.map(|r| at[r]);
                    f
                })
                .collect::<Vec<_>>()
        };
        assert_eq!(
            figures(&w, &at_w),
            figures(&n, &at_n),
            "{name}: the figures differ"
        );
        let (mut sw, mut sn) = (w.ledger.stats.clone(), n.ledger.stats.clone());
        (sw.shared_wording, sn.shared_wording) = (0.0, 0.0);
        assert_eq!(sw, sn, "{name}: the counts differ");
        read_less += usize::from(w.ledger.quotes.len() > n.ledger.quotes.len());
    }
    // The window is no copy of the whole reading: on real pairs it leaves
    // unchanged quotes far from the changes unread.
    assert!(
        read_less >= 10,
        "the window read as much as the whole text on all but {read_less} pairs"
    );
}
