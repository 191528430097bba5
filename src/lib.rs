//! # storydiff
//!
//! Compare two versions of a news story: paragraphs aligned on rows, words
//! diffed inside the paragraphs that changed, moves found.
//!
//! ```
//! use storydiff::{compare, Options, RowKind};
//!
//! let before = "Five killed in Texas floods.\n\nRescuers searched on Sunday.\n";
//! let after = "Six killed in Texas floods.\n\nRescuers searched on Sunday.\n";
//! let comparison = compare(before, after, &Options::default());
//!
//! assert_eq!(comparison.rows[0].kind, RowKind::Changed);
//! assert_eq!(comparison.rows[1].kind, RowKind::Equal);
//! // Nothing is lost: the rows rebuild both texts.
//! let rebuilt: String = comparison.rows.iter().filter_map(|r| r.before).collect();
//! assert_eq!(rebuilt, before);
//! ```
//!
//! # The stages
//!
//! A story goes through `segment` (blocks), `align` (pair blocks) and `diff`
//! (words inside paired blocks); the result is one [`Comparison`], which the
//! page, the `<story-diff>` element, the CLI and `--json` all receive. See
//! ARCHITECTURE.md for the code map and MODEL.md for the JSON.
#![deny(missing_docs)]

mod align;
mod diff;
mod model;
pub mod present;
mod segment;
mod text;
#[cfg(target_arch = "wasm32")]
mod wasm;

pub use model::{Comparison, Options, Piece, Row, RowKind, Tag};

use align::Link;
use similar::Instant;

/// Compares two versions of a story. It cannot fail: a deadline
/// (`options.deadline_ms`) gives a rougher answer marked `approximate`.
pub fn compare<'a>(before: &'a str, after: &'a str, options: &Options) -> Comparison<'a> {
    let deadline = Instant::now().checked_add(std::time::Duration::from_millis(u64::from(
        options.deadline_ms,
    )));
    let blocks_before = segment::blocks(before);
    let blocks_after = segment::blocks(after);
    let links = align::align(&blocks_before, &blocks_after, options, deadline);

    let mut rows: Vec<model::Row<'a>> = Vec::with_capacity(links.len());
    // Row index of each move's ends, to fill in `partner`.
    let mut move_from: Vec<(usize, usize)> = Vec::new();
    let mut move_to: std::collections::HashMap<usize, usize> = Default::default();
    for link in links {
        match link {
            Link::Equal(i, j) => {
                // Equal keys: the same content up to white space and what
                // the options ignore.
                let (b, a) = (blocks_before[i], blocks_after[j]);
                if b.content == a.content || text::same_under(b.content, a.content, options) {
                    push_equal(&mut rows, (before, after), b.text, a.text);
                } else {
                    rows.push(changed(b.text, a.text, options, deadline));
                }
            }
            Link::Paired(i, j) => {
                rows.push(changed(
                    blocks_before[i].text,
                    blocks_after[j].text,
                    options,
                    deadline,
                ));
            }
            Link::Removed(i) => {
                rows.push(Row::new(
                    RowKind::Removed,
                    Some(blocks_before[i].text),
                    None,
                ));
            }
            Link::Added(j) => {
                rows.push(Row::new(RowKind::Added, None, Some(blocks_after[j].text)));
            }
            Link::MovedFrom(i, j) => {
                move_from.push((rows.len(), j));
                let mut row = moved(
                    blocks_before[i].text,
                    blocks_after[j].text,
                    options,
                    deadline,
                );
                row.after = None;
                rows.push(row);
            }
            Link::MovedTo(i, j) => {
                move_to.insert(j, rows.len());
                let mut row = moved(
                    blocks_before[i].text,
                    blocks_after[j].text,
                    options,
                    deadline,
                );
                row.before = None;
                rows.push(row);
            }
        }
    }
    for (from, j) in move_from {
        if let Some(&to) = move_to.get(&j) {
            rows[from].partner = Some(to);
            rows[to].partner = Some(from);
        }
    }
    let approximate = deadline.is_some_and(|d| Instant::now() > d);
    Comparison { rows, approximate }
}

/// Appends an equal block, extending the last row when it is equal too.
fn push_equal<'a>(
    rows: &mut Vec<Row<'a>>,
    wholes: (&'a str, &'a str),
    before: &'a str,
    after: &'a str,
) {
    if let Some(last) = rows.last_mut() {
        if last.kind == RowKind::Equal {
            if let (Some(b), Some(a)) = (last.before, last.after) {
                let joined = (
                    text::extend(wholes.0, b, before),
                    text::extend(wholes.1, a, after),
                );
                if let (Some(b), Some(a)) = joined {
                    last.before = Some(b);
                    last.after = Some(a);
                    return;
                }
            }
        }
    }
    rows.push(Row::new(RowKind::Equal, Some(before), Some(after)));
}

/// A changed row with its word diff.
fn changed<'a>(
    before: &'a str,
    after: &'a str,
    options: &Options,
    deadline: Option<Instant>,
) -> Row<'a> {
    let mut row = moved(before, after, options, deadline);
    row.kind = RowKind::Changed;
    row
}

/// A moved row with the word diff between its two ends (empty when the
/// moved block is unchanged).
fn moved<'a>(
    before: &'a str,
    after: &'a str,
    options: &Options,
    deadline: Option<Instant>,
) -> Row<'a> {
    let mut row = Row::new(RowKind::Moved, Some(before), Some(after));
    if before != after {
        row.inline = diff::words(before, after, options, deadline);
        row.cosmetic = row.inline.iter().all(|p| p.tag == Tag::Equal || p.cosmetic);
    }
    row
}
