//! Reaches: the runs of blocks the quote finder reads.
//!
//! Quotes are read near the changes, not across the whole story: a quote
//! far from any change is in both versions as it was, and finding every
//! one of them was most of the time a small correction in a long story
//! took. A block is near a change when it is in a changed row, or stands
//! at most [`CONTEXT_BEFORE`] blocks before one (a speaker named earlier, a
//! statement's "X said:" line) or [`CONTEXT_AFTER`] blocks after one (a
//! "she said" in the next paragraph). A row only the other version has is
//! a change between two blocks of this one, so both versions read the
//! same unchanged blocks around it. `Options::whole` reads everything.

use std::ops::Range;

use super::Side;
use crate::model::{Row, RowKind};
use crate::segment::Block;
use crate::segment::{CONTEXT_AFTER, CONTEXT_BEFORE};

/// The runs of consecutive `blocks` (as index ranges) of one side that are near a change in
/// `rows` (`before`: the Before side, else After), none across one of the
/// `walls` (the block indices where a part of the window starts).
pub(crate) fn reaches(
    side: &Side<'_>,
    blocks: &[Block<'_>],
    walls: &[usize],
    rows: &[Row<'_>],
    before: bool,
) -> Vec<Range<usize>> {
    let changed = |r: &Row<'_>| !matches!(r.kind, RowKind::Equal | RowKind::Noise);
    // Changed rows before each row index.
    let mut upto = Vec::with_capacity(rows.len() + 1);
    upto.push(0usize);
    for r in rows {
        upto.push(upto.last().copied().unwrap_or(0) + usize::from(changed(r)));
    }
    let base = side.text.as_ptr() as usize;
    let row_of = |b: &Block<'_>| {
        let at = b.text.as_ptr() as usize - base;
        side.row_at(at).map_or(0, |(r, _)| r)
    };
    let present = |r: &Row<'_>| if before { r.before } else { r.after }.is_some();
    // Each change as the blocks it makes near: a changed block j reaches
    // from j - CONTEXT_BEFORE to j + CONTEXT_AFTER; a change in the gap
    // before block g (a row this side does not show) from g -
    // CONTEXT_BEFORE to g + CONTEXT_AFTER - 1.
    let n = blocks.len() as isize;
    let (cb, ca) = (CONTEXT_BEFORE as isize, CONTEXT_AFTER as isize);
    let mut spans: Vec<(isize, isize)> = Vec::new();
    let mut next_row = 0;
    for (i, b) in blocks.iter().enumerate() {
        let (i, r) = (i as isize, row_of(b));
        if upto[r] > upto[next_row.min(r)]
            && rows[next_row..r].iter().any(|x| changed(x) && !present(x))
        {
            spans.push((i - cb, i + ca - 1));
        }
        if rows.get(r).is_some_and(changed) {
            spans.push((i - cb, i + ca));
        }
        next_row = next_row.max(r + 1);
    }
    if upto[rows.len()] > upto[next_row.min(rows.len())] {
        spans.push((n - cb, n + ca - 1));
    }
    let mut near = vec![false; blocks.len()];
    for (lo, hi) in spans {
        for k in lo.max(0)..=hi.min(n - 1) {
            near[k as usize] = true;
        }
    }
    let mut out = Vec::new();
    let mut i = 0;
    while i < blocks.len() {
        if near[i] {
            // A reach stops at a wall: the blocks either side of one are
            // not adjacent in the text.
            let start = i;
            let wall = walls
                .iter()
                .copied()
                .find(|&w| w > start)
                .unwrap_or(blocks.len());
            while i < wall && near[i] {
                i += 1;
            }
            out.push(start..i);
        } else {
            i += 1;
        }
    }
    out
}
