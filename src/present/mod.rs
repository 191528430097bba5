//! Present: turn a [`Comparison`] into something to read.
//! The page renders the model in JS; these are the CLI's views.

mod history;
mod html;
mod json;
mod ledger;
mod terminal;

pub use history::{history, step_heading};
pub use html::report;
pub use ledger::summary;
pub use terminal::{hunks, side_by_side, side_by_side_with, Style};

use crate::{Comparison, Ending, Row, RowKind, Tag};

/// Whether the story changed: a paragraph changed, added, removed or moved
/// (cosmetic changes included; page furniture and line endings are no
/// change). The CLI's `--exit-code` reads it.
pub fn differs(comparison: &Comparison<'_>) -> bool {
    comparison.rows.iter().any(terminal::is_change)
}

/// A one-line note when the two texts end their lines differently, e.g.
/// "Line endings changed: CRLF in Before, LF in After".
pub fn line_endings_note(comparison: &Comparison<'_>) -> Option<String> {
    let name = |e: Ending| match e {
        Ending::Lf => "LF",
        Ending::Crlf => "CRLF",
        Ending::Cr => "CR",
        Ending::Mixed => "mixed",
    };
    comparison.line_endings.map(|l| {
        format!(
            "Line endings changed: {} in Before, {} in After",
            name(l.before),
            name(l.after)
        )
    })
}

/// What a run of text is, for display.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mark {
    Plain,
    Deleted,
    Inserted,
    Cosmetic,
    Noise,
}

/// The marked runs of one side of a row, `before` picking the side, without
/// the line breaks that end the row.
fn runs<'a>(row: &Row<'a>, before: bool) -> Vec<(Mark, &'a str)> {
    let mut runs = all_runs(row, before);
    while let Some(last) = runs.last_mut() {
        last.1 = last.1.trim_end_matches(['\n', '\r']);
        if !last.1.is_empty() {
            break;
        }
        runs.pop();
    }
    runs
}

fn all_runs<'a>(row: &Row<'a>, before: bool) -> Vec<(Mark, &'a str)> {
    let text = if before { row.before } else { row.after };
    let Some(text) = text else {
        return Vec::new();
    };
    // A moved row's ends show its own word diff, each on its side.
    if !row.inline.is_empty() {
        let side = if before { Tag::Delete } else { Tag::Insert };
        return row
            .inline
            .iter()
            .filter(|p| p.tag == Tag::Equal || p.tag == side)
            .map(|p| match (p.tag, p.cosmetic) {
                (Tag::Equal, _) => (Mark::Plain, p.text),
                (_, true) => (Mark::Cosmetic, p.text),
                (Tag::Delete, false) => (Mark::Deleted, p.text),
                (Tag::Insert, false) => (Mark::Inserted, p.text),
            })
            .collect();
    }
    let mark = match row.kind {
        RowKind::Removed => Mark::Deleted,
        RowKind::Added => Mark::Inserted,
        RowKind::Noise => Mark::Noise,
        _ => Mark::Plain,
    };
    vec![(mark, text)]
}
