//! Rows: the links of the alignment turned into the rows of the model, in
//! display order. Each run of page furniture is put back where it stood
//! (one `noise` row, with both sides when both have noise at that point),
//! the two ends of a move name each other, and the word diff is made
//! inside the blocks that changed.

use similar::Instant;

use crate::align::Link;
use crate::diff;
use crate::model::{Options, Row, RowKind, Tag};
use crate::segment::{Block, Window};
use crate::text;

/// One version as the rows are built from it: its whole text, all its
/// blocks, its article blocks (what was aligned) and where each of those
/// stands among all the blocks.
pub(crate) struct Version<'s, 'a> {
    pub text: &'a str,
    pub all: &'s [Block<'a>],
    pub article: &'s [Block<'a>],
    pub index: &'s [usize],
}

/// The rows of the comparison, in display order, from the alignment's
/// `links` of the two versions' article blocks.
pub(crate) fn build<'a>(
    before: &Version<'_, 'a>,
    after: &Version<'_, 'a>,
    links: Vec<Link>,
    options: &Options,
    deadline: Option<Instant>,
) -> Vec<Row<'a>> {
    let (all_before, all_after) = (before.all, after.all);
    let (blocks_before, blocks_after) = (before.article, after.article);
    let (index_before, index_after) = (before.index, after.index);
    let mut rows: Vec<Row<'a>> = Vec::with_capacity(links.len());
    let mut noise = Noise {
        before: Side {
            whole: before.text,
            blocks: all_before,
            next: 0,
        },
        after: Side {
            whole: after.text,
            blocks: all_after,
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
                    || text::same_under(b.content, a.content, &options.ignore())
                {
                    push_equal(&mut rows, (before.text, after.text), b.text, a.text);
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
                let joined =
                    text::extend(after.text, blocks_after[j].text, blocks_after[j + 1].text)
                        .expect("split blocks are adjacent");
                let mut row = changed(blocks_before[i].text, joined, options, deadline);
                row.split = true;
                rows.push(row);
            }
            Link::Merge(i, j) => {
                let joined = text::extend(
                    before.text,
                    blocks_before[i].text,
                    blocks_before[i + 1].text,
                )
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
    rows
}

/// The noise blocks not yet shown on each side.
struct Noise<'s, 'a> {
    before: Side<'s, 'a>,
    after: Side<'s, 'a>,
}

/// One side's text, all its blocks, and the first block not yet in a row.
struct Side<'s, 'a> {
    whole: &'a str,
    blocks: &'s [Block<'a>],
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
/// The rows of the whole texts from the rows of each part of their
/// `window`: the shared opening and closing runs and the gaps between the
/// parts become equal rows, joined with the parts' equal rows beside them
/// as the whole text's equal blocks would be, and the moves' partners
/// follow.
pub(crate) fn with_runs<'a>(
    parts: Vec<Vec<Row<'a>>>,
    before: &'a str,
    after: &'a str,
    window: &Window,
) -> Vec<Row<'a>> {
    let wholes = (before, after);
    let mut out = Vec::with_capacity(parts.iter().map(Vec::len).sum::<usize>() + parts.len() + 2);
    if window.head > 0 {
        out.push(Row::new(
            RowKind::Equal,
            Some(&before[..window.head]),
            Some(&after[..window.head]),
        ));
    }
    for (k, rows) in parts.into_iter().enumerate() {
        if let Some(g) = k.checked_sub(1).map(|g| window.gaps[g]) {
            push_equal(
                &mut out,
                wholes,
                &before[g.before..g.before + g.len],
                &after[g.after..g.after + g.len],
            );
        }
        // A part opens where a shared run ends: an equal row that opens it
        // joins that run's row.
        let joins = out.last().is_some_and(|r| r.kind == RowKind::Equal)
            && rows.first().is_some_and(|r| r.kind == RowKind::Equal);
        let shift = out.len() - usize::from(joins);
        for (i, mut row) in rows.into_iter().enumerate() {
            row.partner = row.partner.map(|p| p + shift);
            match (i, row.kind, row.before, row.after) {
                (0, RowKind::Equal, Some(b), Some(a)) => push_equal(&mut out, wholes, b, a),
                _ => out.push(row),
            }
        }
    }
    if window.before_end < before.len() {
        push_equal(
            &mut out,
            wholes,
            &before[window.before_end..],
            &after[window.after_end..],
        );
    }
    out
}

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
