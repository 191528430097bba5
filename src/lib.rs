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
//! A story goes through `read` (pasted HTML to text, [`read_html`]),
//! `segment` (blocks), `clean` (page furniture set aside as noise), `align`
//! (pair article blocks: changes, moves, splits and merges), `diff` (words
//! inside paired blocks) and `analyse` (the fact-checker's [`Ledger`]:
//! quotes, figures, stats); the result is one [`Comparison`], which the
//! page, the `<story-diff>` element, the CLI and `--json` all receive. See
//! ARCHITECTURE.md for the code map and MODEL.md for the JSON.
#![deny(missing_docs)]

mod align;
mod analyse;
mod clean;
mod diff;
mod history;
mod model;
pub mod present;
mod read;
mod segment;
mod text;
#[cfg(target_arch = "wasm32")]
mod wasm;

pub use analyse::{Change, Figure, Ledger, Outlets, Quote, QuotePiece, SentencePair, Stats};
pub use history::{
    compare_history, FigureLine, FigureValue, History, ParagraphLife, ParagraphText, QuoteChange,
    QuoteLife, Step, Undone, UndoneKind, Version, VersionInfo,
};
pub use model::{Comparison, Ending, LineEndings, Options, Piece, Row, RowKind, Tag};
pub use read::read_html;

use align::Link;
use similar::Instant;

/// Compares two versions of a story. It cannot fail: a deadline
/// (`options.deadline_ms`) gives a rougher answer marked `approximate`.
pub fn compare<'a>(before: &'a str, after: &'a str, options: &Options) -> Comparison<'a> {
    let deadline = Instant::now().checked_add(std::time::Duration::from_millis(u64::from(
        options.deadline_ms,
    )));
    // Paragraphs one version ran together come back where the other has them.
    let (all_before, all_after) = segment::recut(segment::blocks(before), segment::blocks(after));
    // Page furniture is set aside before alignment: it takes part in no
    // pairing and becomes `noise` rows where it stands.
    let (noise_before, noise_after) = clean::noise_both(&all_before, &all_after);
    let (blocks_before, index_before) = article(&all_before, noise_before);
    let (blocks_after, index_after) = article(&all_after, noise_after);
    let (links, rough) = align::align(&blocks_before, &blocks_after, options, deadline);

    let mut rows: Vec<model::Row<'a>> = Vec::with_capacity(links.len());
    let mut noise = Noise {
        before: Side {
            whole: before,
            blocks: &all_before,
            next: 0,
        },
        after: Side {
            whole: after,
            blocks: &all_after,
            next: 0,
        },
    };
    // Row index of each move's ends, to fill in `partner`.
    let mut move_from: Vec<(usize, usize)> = Vec::new();
    let mut move_to: std::collections::HashMap<usize, usize> = Default::default();
    // The first block each link shows on each side, as an index into all
    // blocks; then, for each link, the next such block on each side from
    // that link on.
    let firsts: Vec<(Option<usize>, Option<usize>)> = links
        .iter()
        .map(|link| match *link {
            Link::Equal(i, j) | Link::Paired(i, j) | Link::Split(i, j) | Link::Merge(i, j) => {
                (Some(index_before[i]), Some(index_after[j]))
            }
            Link::Removed(i) | Link::MovedFrom(i, _) => (Some(index_before[i]), None),
            Link::Added(j) | Link::MovedTo(_, j) => (None, Some(index_after[j])),
        })
        .collect();
    let mut upcoming = vec![(all_before.len(), all_after.len()); links.len() + 1];
    for k in (0..links.len()).rev() {
        upcoming[k] = (
            firsts[k].0.unwrap_or(upcoming[k + 1].0),
            firsts[k].1.unwrap_or(upcoming[k + 1].1),
        );
    }
    for (k, link) in links.into_iter().enumerate() {
        // A side's noise is shown before the link's own block on that side;
        // the other side's noise joins it on the row when it comes before
        // that side's next block (so both runs of furniture share a row).
        let (before_to, after_to) = match firsts[k] {
            (Some(b), Some(a)) => (b, a),
            (Some(b), None) if b > noise.before.next => (b, upcoming[k].1),
            (None, Some(a)) if a > noise.after.next => (upcoming[k].0, a),
            (b, a) => (b.unwrap_or(0), a.unwrap_or(0)),
        };
        noise.flush(&mut rows, before_to, after_to);
        if let Some(b) = firsts[k].0 {
            noise.before.next = b + 1;
        }
        if let Some(a) = firsts[k].1 {
            noise.after.next = a + 1;
        }
        match link {
            Link::Equal(i, j) => {
                // Equal keys: the same content up to white space and what
                // the options ignore.
                let (b, a) = (blocks_before[i], blocks_after[j]);
                if b.content == a.content
                    || text::same_but_line_endings(b.content, a.content)
                    || text::same_under(b.content, a.content, options)
                {
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
            Link::Split(i, j) => {
                let joined = text::extend(after, blocks_after[j].text, blocks_after[j + 1].text)
                    .expect("split blocks are adjacent");
                let mut row = changed(blocks_before[i].text, joined, options, deadline);
                row.split = true;
                rows.push(row);
            }
            Link::Merge(i, j) => {
                let joined = text::extend(before, blocks_before[i].text, blocks_before[i + 1].text)
                    .expect("merged blocks are adjacent");
                let mut row = changed(joined, blocks_after[j].text, options, deadline);
                row.merged = true;
                rows.push(row);
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
        // A split or merge took two blocks on one side.
        match link {
            Link::Split(_, j) => noise.after.next = index_after[j + 1] + 1,
            Link::Merge(i, _) => noise.before.next = index_before[i + 1] + 1,
            _ => {}
        }
    }
    noise.flush(&mut rows, all_before.len(), all_after.len());
    for (from, j) in move_from {
        if let Some(&to) = move_to.get(&j) {
            rows[from].partner = Some(to);
            rows[to].partner = Some(from);
        }
    }
    let approximate = rough || deadline.is_some_and(|d| Instant::now() > d);
    let ledger = analyse::ledger(
        before,
        after,
        (&all_before, &all_after),
        &rows,
        options,
        deadline,
    );
    Comparison {
        rows,
        approximate,
        ledger,
        line_endings: LineEndings::between(before, after),
    }
}

/// The blocks that are not page furniture (`noise` false), and the index
/// of each in `all`.
fn article<'a>(
    all: &[segment::Block<'a>],
    noise: Vec<bool>,
) -> (Vec<segment::Block<'a>>, Vec<usize>) {
    all.iter()
        .zip(noise)
        .enumerate()
        .filter(|(_, (_, n))| !n)
        .map(|(k, (b, _))| (*b, k))
        .unzip()
}

/// The noise blocks not yet shown on each side.
struct Noise<'s, 'a> {
    before: Side<'s, 'a>,
    after: Side<'s, 'a>,
}

/// One side's text, all its blocks, and the first block not yet in a row.
struct Side<'s, 'a> {
    whole: &'a str,
    blocks: &'s [segment::Block<'a>],
    next: usize,
}

impl<'a> Side<'_, 'a> {
    /// The noise blocks from `next` up to (not including) block `upto`, as
    /// one slice; moves `next` to `upto`.
    fn take(&mut self, upto: usize) -> Option<&'a str> {
        let from = self.next;
        if upto <= from {
            return None;
        }
        self.next = upto;
        let base = self.whole.as_ptr() as usize;
        let last = self.blocks[upto - 1].text;
        let start = self.blocks[from].text.as_ptr() as usize - base;
        let end = last.as_ptr() as usize - base + last.len();
        Some(&self.whole[start..end])
    }
}

impl<'a> Noise<'_, 'a> {
    /// Shows the noise that stands before block `before` and block `after`
    /// as one noise row, with both sides when both have some. Every block
    /// skipped here is noise: article blocks reach a row in order.
    fn flush(&mut self, rows: &mut Vec<Row<'a>>, before: usize, after: usize) {
        let b = self.before.take(before);
        let a = self.after.take(after);
        if b.is_some() || a.is_some() {
            rows.push(Row::new(RowKind::Noise, b, a));
        }
    }
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
