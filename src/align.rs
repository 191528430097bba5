//! Align: pair the blocks of the two versions.
//!
//! 0. The common prefix and suffix of identical blocks are set aside first,
//!    by comparing bytes: a near-identical 1 MB pair costs one pass.
//! 1. Blocks are aligned with Myers on a fast hash of their exact bytes;
//!    inside the gaps that leaves, blocks are hashed on their folded
//!    content (white space, and what the options ignore) and aligned again.
//! 2. Inside each run of unmatched blocks, blocks are paired by word
//!    similarity, keeping order.
//! 3. A pair whose neighbour on one side is unpaired, and which reads
//!    better with that neighbour joined, is a split (one Before block, two
//!    After blocks) or a merge (two Before blocks, one After block).
//! 4. Unpaired blocks that stand elsewhere in the other version are moves.
//! 5. What is left in a gap with as many blocks on each side is a
//!    replacement, paired by position.

use std::collections::HashMap;

use similar::{capture_diff_slices_deadline, Algorithm, DiffOp, Instant};

use crate::model::Options;
use crate::segment::Block;
use crate::text;

/// How one or two blocks appear in the display, in display order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Link {
    /// Same folded content.
    Equal(usize, usize),
    /// Alike enough to be shown as one changed row.
    Paired(usize, usize),
    /// Only in Before.
    Removed(usize),
    /// Only in After.
    Added(usize),
    /// The Before end of a move to After block `.1`.
    MovedFrom(usize, usize),
    /// The After end of a move from Before block `.0`.
    MovedTo(usize, usize),
    /// Before block `.0` split into After blocks `.1` and `.1 + 1`.
    Split(usize, usize),
    /// Before blocks `.0` and `.0 + 1` merged into After block `.1`.
    Merge(usize, usize),
}

/// Word similarity under which two blocks are not paired.
const PAIR_AT: f64 = 0.4;
/// Word similarity under which two distant blocks are not a move.
const MOVE_AT: f64 = 0.6;
/// Largest gap (blocks before × blocks after) paired by similarity.
const PAIR_CELLS: usize = 250_000;
/// Most unpaired blocks on each side searched for moves by similarity.
const MOVE_CANDIDATES: usize = 600;

/// Aligns the two block lists. The flag is true when a size cap made a
/// stage give up (a gap too large to pair by similarity, too many blocks to
/// search for edited moves): the result is rougher, so it is `approximate`.
pub(crate) fn align(
    before: &[Block<'_>],
    after: &[Block<'_>],
    options: &Options,
    deadline: Option<Instant>,
) -> (Vec<Link>, bool) {
    let (head, tail) = trims(before, after, false);
    align_trimmed(before, after, (head, tail), options, deadline)
}

/// Whether the blocks both versions open and close with can be told
/// apart two ways: when the same block stands on both sides of a change
/// ("- 27 May 2022" above a new note and above the old one), trimming the
/// opening first pairs it with one, the closing first with the other.
pub(crate) fn ambiguous(before: &[Block<'_>], after: &[Block<'_>]) -> bool {
    trims(before, after, false) != trims(before, after, true)
}

/// How many blocks the two versions open with and close with, the same
/// in content: the opening counted first, unless `closing_first`.
fn trims(before: &[Block<'_>], after: &[Block<'_>], closing_first: bool) -> (usize, usize) {
    // Blocks with the same content, which Myers would align as equal
    // anyway, found without hashing a byte.
    let same = |(b, a): (&Block<'_>, &Block<'_>)| b.content == a.content;
    let opening = |before: &[Block<'_>], after: &[Block<'_>]| {
        before.iter().zip(after).take_while(|&p| same(p)).count()
    };
    let closing = |before: &[Block<'_>], after: &[Block<'_>]| {
        before
            .iter()
            .rev()
            .zip(after.iter().rev())
            .take_while(|&p| same(p))
            .count()
    };
    if closing_first {
        let tail = closing(before, after);
        let head = opening(&before[..before.len() - tail], &after[..after.len() - tail]);
        (head, tail)
    } else {
        let head = opening(before, after);
        (head, closing(&before[head..], &after[head..]))
    }
}

/// [`align`] with the common opening and closing blocks counted.
fn align_trimmed(
    before: &[Block<'_>],
    after: &[Block<'_>],
    (head, tail): (usize, usize),
    options: &Options,
    deadline: Option<Instant>,
) -> (Vec<Link>, bool) {
    let (middle, rough) = align_middle(
        &before[head..before.len() - tail],
        &after[head..after.len() - tail],
        options,
        deadline,
    );
    let mut links = Vec::with_capacity(head + middle.len() + tail);
    links.extend((0..head).map(|k| Link::Equal(k, k)));
    links.extend(middle.into_iter().map(|l| l.shifted(head)));
    let (n, m) = (before.len() - tail, after.len() - tail);
    links.extend((0..tail).map(|k| Link::Equal(n + k, m + k)));
    (links, rough)
}

impl Link {
    /// The same link with both block indices moved on by `by`.
    fn shifted(self, by: usize) -> Link {
        match self {
            Link::Equal(i, j) => Link::Equal(i + by, j + by),
            Link::Paired(i, j) => Link::Paired(i + by, j + by),
            Link::Split(i, j) => Link::Split(i + by, j + by),
            Link::Merge(i, j) => Link::Merge(i + by, j + by),
            Link::Removed(i) => Link::Removed(i + by),
            Link::Added(j) => Link::Added(j + by),
            Link::MovedFrom(i, j) => Link::MovedFrom(i + by, j + by),
            Link::MovedTo(i, j) => Link::MovedTo(i + by, j + by),
        }
    }
}

/// Aligns block lists that share no prefix or suffix; the flag as in
/// [`align`].
fn align_middle(
    before: &[Block<'_>],
    after: &[Block<'_>],
    options: &Options,
    deadline: Option<Instant>,
) -> (Vec<Link>, bool) {
    // Byte-identical blocks first, cheaply; then folded keys, only in the
    // gaps. A hash collision is harmless: `compare` checks equal blocks.
    let mut keys_before: Vec<u64> = before.iter().map(|b| b.hash).collect();
    let mut keys_after: Vec<u64> = after.iter().map(|b| b.hash).collect();
    let exact = capture_diff_slices_deadline(
        Algorithm::Myers,
        &keys_before,
        &keys_after,
        crate::deadline::for_diff(keys_before.len(), keys_after.len(), deadline),
    );
    let mut ops = Vec::with_capacity(exact.len());
    for op in exact {
        if let DiffOp::Equal { .. } = op {
            ops.push(op);
            continue;
        }
        let (o, n) = (op.old_range(), op.new_range());
        for i in o.clone() {
            keys_before[i] = key(&before[i], options);
        }
        for j in n.clone() {
            keys_after[j] = key(&after[j], options);
        }
        let inner = capture_diff_slices_deadline(
            Algorithm::Myers,
            &keys_before[o.clone()],
            &keys_after[n.clone()],
            crate::deadline::for_diff(o.len(), n.len(), deadline),
        );
        ops.extend(inner.into_iter().map(|op| shift_op(op, o.start, n.start)));
    }
    // Word sets only for blocks outside equal runs: the only ones paired by
    // similarity or searched for moves (the others stay empty, unallocated).
    let mut words_before: Vec<Vec<u64>> = vec![Vec::new(); before.len()];
    let mut words_after: Vec<Vec<u64>> = vec![Vec::new(); after.len()];
    for op in ops.iter().filter(|op| !matches!(op, DiffOp::Equal { .. })) {
        for i in op.old_range() {
            words_before[i] = word_set(before[i].content);
        }
        for j in op.new_range() {
            words_after[j] = word_set(after[j].content);
        }
    }

    let mut links = Vec::with_capacity(before.len().max(after.len()));
    let mut rough = false;
    for op in ops {
        match op {
            DiffOp::Equal {
                old_index,
                new_index,
                len,
            } => links.extend((0..len).map(|k| Link::Equal(old_index + k, new_index + k))),
            DiffOp::Delete {
                old_index, old_len, ..
            } => links.extend((old_index..old_index + old_len).map(Link::Removed)),
            DiffOp::Insert {
                new_index, new_len, ..
            } => links.extend((new_index..new_index + new_len).map(Link::Added)),
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => {
                rough |= !pair_gap(
                    old_index..old_index + old_len,
                    new_index..new_index + new_len,
                    &words_before,
                    &words_after,
                    &mut links,
                )
            }
        }
    }
    join_splits(&mut links, before, after, &words_before, &words_after);
    rough |= !find_moves(
        &mut links,
        &keys_before,
        &keys_after,
        &words_before,
        &words_after,
    );
    pair_replacements(&mut links);
    (links, rough)
}

/// A diff op of a gap, moved on to the gap's place in the whole.
fn shift_op(op: DiffOp, old: usize, new: usize) -> DiffOp {
    match op {
        DiffOp::Equal {
            old_index,
            new_index,
            len,
        } => DiffOp::Equal {
            old_index: old_index + old,
            new_index: new_index + new,
            len,
        },
        DiffOp::Delete {
            old_index,
            old_len,
            new_index,
        } => DiffOp::Delete {
            old_index: old_index + old,
            old_len,
            new_index: new_index + new,
        },
        DiffOp::Insert {
            old_index,
            new_index,
            new_len,
        } => DiffOp::Insert {
            old_index: old_index + old,
            new_index: new_index + new,
            new_len,
        },
        DiffOp::Replace {
            old_index,
            old_len,
            new_index,
            new_len,
        } => DiffOp::Replace {
            old_index: old_index + old,
            old_len,
            new_index: new_index + new,
            new_len,
        },
    }
}

/// A block's alignment key: the hash of its folded content.
fn key(block: &Block<'_>, options: &Options) -> u64 {
    text::fold_hash(block.content, &options.ignore())
}

/// The sorted hashes of a block's words, lower-cased.
fn word_set(content: &str) -> Vec<u64> {
    let mut set = Vec::new();
    text::words::each_word(content, |start, end| {
        set.push(text::word_hash(&content[start..end]));
        true
    });
    set.sort_unstable();
    set
}

/// Whether a block of `removed` and one of `added` could be one block
/// moved, as `find_moves` would pair them: four words or more, and words
/// alike enough (the same content included). More blocks than it searches
/// for moves count as could.
pub(crate) fn may_move(removed: &[&str], added: &[&str]) -> bool {
    if removed.len() > MOVE_CANDIDATES || added.len() > MOVE_CANDIDATES {
        return true;
    }
    let sets = |texts: &[&str]| -> Vec<Vec<u64>> {
        texts
            .iter()
            .map(|t| word_set(t))
            .filter(|w| w.len() >= 4)
            .collect()
    };
    let (r, a) = (sets(removed), sets(added));
    r.iter().any(|r| {
        a.iter()
            .any(|a| similarity_at_least(r, a, MOVE_AT) >= MOVE_AT)
    })
}

/// Dice similarity of two sorted word multisets, in `0..=1`.
pub(crate) fn similarity(a: &[u64], b: &[u64]) -> f64 {
    similarity_at_least(a, b, 0.0)
}

/// The Dice similarity of two sorted word multisets (in `0..=1`) when it is
/// at least `at`, else 0, found sooner: the
/// merge stops as soon as the words left cannot reach `at` (most pairs of
/// blocks in a large gap are unalike, so most stop at once).
fn similarity_at_least(a: &[u64], b: &[u64], at: f64) -> f64 {
    let total = (a.len() + b.len()) as f64;
    let reachable = |common: usize, left: usize| 2.0 * (common + left) as f64 >= at * total;
    if total == 0.0 || !reachable(0, a.len().min(b.len())) {
        return if total == 0.0 && at <= 1.0 { 1.0 } else { 0.0 };
    }
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => {
                i += 1;
                if !reachable(common, (a.len() - i).min(b.len() - j)) {
                    return 0.0;
                }
            }
            std::cmp::Ordering::Greater => {
                j += 1;
                if !reachable(common, (a.len() - i).min(b.len() - j)) {
                    return 0.0;
                }
            }
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let s = 2.0 * common as f64 / total;
    if s >= at {
        s
    } else {
        0.0
    }
}

/// Pairs the blocks of one unmatched gap by similarity, keeping order
/// (the heaviest order-keeping pairing), and emits them in display order.
/// Returns false when the gap was too large to pair.
fn pair_gap(
    old: std::ops::Range<usize>,
    new: std::ops::Range<usize>,
    words_before: &[Vec<u64>],
    words_after: &[Vec<u64>],
    links: &mut Vec<Link>,
) -> bool {
    let (n, m) = (old.len(), new.len());
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    let small = n.saturating_mul(m) <= PAIR_CELLS;
    if small {
        // score[i][j]: best total similarity pairing old[i..] with new[j..].
        let w = m + 1;
        let mut score = vec![0f64; (n + 1) * w];
        for i in (0..n).rev() {
            for j in (0..m).rev() {
                let s = similarity_at_least(
                    &words_before[old.start + i],
                    &words_after[new.start + j],
                    PAIR_AT,
                );
                let take = if s >= PAIR_AT {
                    s + score[(i + 1) * w + j + 1]
                } else {
                    0.0
                };
                score[i * w + j] = take.max(score[(i + 1) * w + j]).max(score[i * w + j + 1]);
            }
        }
        let (mut i, mut j) = (0, 0);
        while i < n && j < m {
            let here = score[i * w + j];
            if here == 0.0 {
                break;
            }
            if here == score[(i + 1) * w + j] {
                i += 1;
            } else if here == score[i * w + j + 1] {
                j += 1;
            } else {
                pairs.push((old.start + i, new.start + j));
                i += 1;
                j += 1;
            }
        }
    }
    let (mut i, mut j) = (old.start, new.start);
    for (pi, pj) in pairs {
        links.extend((i..pi).map(Link::Removed));
        links.extend((j..pj).map(Link::Added));
        links.push(Link::Paired(pi, pj));
        i = pi + 1;
        j = pj + 1;
    }
    links.extend((i..old.end).map(Link::Removed));
    links.extend((j..new.end).map(Link::Added));
    small
}

/// Word similarity a split or merge must reach with the two blocks joined.
const JOIN_AT: f64 = 0.75;
/// How much better the joined blocks must match than the pair alone.
const JOIN_GAIN: f64 = 0.1;
/// How many links away from a pair its unpaired neighbour may be listed.
const JOIN_REACH: usize = 4;

/// True when block `b` follows block `a` directly in the text.
fn adjacent(a: &Block<'_>, b: &Block<'_>) -> bool {
    a.text.as_ptr() as usize + a.text.len() == b.text.as_ptr() as usize
}

/// The union (as multisets) of two sorted word lists.
fn joined(a: &[u64], b: &[u64]) -> Vec<u64> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    out.extend_from_slice(a);
    out.extend_from_slice(b);
    out.sort_unstable();
    out
}

/// Turns a pair plus an unpaired neighbour into a split or a merge when the
/// two blocks joined match their counterpart clearly better than one alone.
fn join_splits(
    links: &mut Vec<Link>,
    before: &[Block<'_>],
    after: &[Block<'_>],
    words_before: &[Vec<u64>],
    words_after: &[Vec<u64>],
) {
    let mut gone = vec![false; links.len()];
    for at in 0..links.len() {
        let Link::Paired(i, j) = links[at] else {
            continue;
        };
        let alone = similarity(&words_before[i], &words_after[j]);
        let near = at.saturating_sub(JOIN_REACH)..(at + JOIN_REACH + 1).min(links.len());
        let mut best: Option<(f64, usize, Link)> = None;
        for bt in near {
            if gone[bt] {
                continue;
            }
            let (score, link) = match links[bt] {
                Link::Added(k) if k == j + 1 && adjacent(&after[j], &after[k]) => (
                    similarity(&words_before[i], &joined(&words_after[j], &words_after[k])),
                    Link::Split(i, j),
                ),
                Link::Added(k) if k + 1 == j && adjacent(&after[k], &after[j]) => (
                    similarity(&words_before[i], &joined(&words_after[k], &words_after[j])),
                    Link::Split(i, k),
                ),
                Link::Removed(k) if k == i + 1 && adjacent(&before[i], &before[k]) => (
                    similarity(&joined(&words_before[i], &words_before[k]), &words_after[j]),
                    Link::Merge(i, j),
                ),
                Link::Removed(k) if k + 1 == i && adjacent(&before[k], &before[i]) => (
                    similarity(&joined(&words_before[k], &words_before[i]), &words_after[j]),
                    Link::Merge(k, j),
                ),
                _ => continue,
            };
            if score >= JOIN_AT
                && score >= alone + JOIN_GAIN
                && best.is_none_or(|(s, _, _)| score > s)
            {
                best = Some((score, bt, link));
            }
        }
        if let Some((_, bt, link)) = best {
            links[at] = link;
            gone[bt] = true;
        }
    }
    let mut k = 0;
    links.retain(|_| {
        k += 1;
        !gone[k - 1]
    });
}

/// Turns a removed block and an added block into the two ends of a move
/// when they hold the same content, or nearly. Returns false when there
/// were too many candidates to search for edited moves.
fn find_moves(
    links: &mut [Link],
    keys_before: &[u64],
    keys_after: &[u64],
    words_before: &[Vec<u64>],
    words_after: &[Vec<u64>],
) -> bool {
    let removed: Vec<(usize, usize)> = links
        .iter()
        .enumerate()
        .filter_map(|(at, l)| match *l {
            Link::Removed(i) if words_before[i].len() >= 4 => Some((at, i)),
            _ => None,
        })
        .collect();
    let mut added: HashMap<u64, Vec<(usize, usize)>, crate::text::Prehashed> = HashMap::default();
    let mut added_list: Vec<(usize, usize)> = Vec::new();
    for (at, l) in links.iter().enumerate() {
        if let Link::Added(j) = *l {
            if words_after[j].len() >= 4 {
                added.entry(keys_after[j]).or_default().push((at, j));
                added_list.push((at, j));
            }
        }
    }
    let mut taken = vec![false; links.len()];
    let mut matches: Vec<(usize, usize, usize, usize)> = Vec::new();
    // Exact moves first.
    for &(at, i) in &removed {
        if let Some(list) = added.get_mut(&keys_before[i]) {
            if let Some(pos) = list.iter().position(|&(bt, _)| !taken[bt]) {
                let (bt, j) = list[pos];
                taken[at] = true;
                taken[bt] = true;
                matches.push((at, i, bt, j));
            }
        }
    }
    // Then edited moves, best first.
    let searched = removed.len() <= MOVE_CANDIDATES && added_list.len() <= MOVE_CANDIDATES;
    if searched {
        // (similarity, index into `removed`, index into `added_list`).
        let mut candidates: Vec<(f64, usize, usize)> = Vec::new();
        for (r, &(_, i)) in removed
            .iter()
            .enumerate()
            .filter(|(_, (at, _))| !taken[*at])
        {
            for (a, &(_, j)) in added_list
                .iter()
                .enumerate()
                .filter(|(_, (bt, _))| !taken[*bt])
            {
                let s = similarity_at_least(&words_before[i], &words_after[j], MOVE_AT);
                if s >= MOVE_AT {
                    candidates.push((s, r, a));
                }
            }
        }
        best_first(&mut candidates);
        for (_, r, a) in candidates {
            let ((at, i), (bt, j)) = (removed[r], added_list[a]);
            if !taken[at] && !taken[bt] {
                taken[at] = true;
                taken[bt] = true;
                matches.push((at, i, bt, j));
            }
        }
    }
    for (at, i, bt, j) in matches {
        links[at] = Link::MovedFrom(i, j);
        links[bt] = Link::MovedTo(i, j);
    }
    searched
}

/// Sorts pairing candidates `(similarity, before, after)` best first, ties
/// in reading order (by `before`, then `after`). The one sort that pairs
/// blocks (moves), sentences (outlets) and figures' sentences, and puts
/// quotes in reading order (all of one score), so that it is compiled once.
pub(crate) fn best_first(candidates: &mut [(f64, usize, usize)]) {
    candidates.sort_unstable_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
}

/// In a gap between two anchors, as many removed as added blocks left over
/// are a replacement: each is paired with the one at the same position.
fn pair_replacements(links: &mut Vec<Link>) {
    let mut out = Vec::with_capacity(links.len());
    let mut at = 0;
    while at < links.len() {
        let start = at;
        while at < links.len() && matches!(links[at], Link::Removed(_) | Link::Added(_)) {
            at += 1;
        }
        let gap = &links[start..at];
        let removed: Vec<usize> = gap
            .iter()
            .filter_map(|l| {
                if let Link::Removed(i) = *l {
                    Some(i)
                } else {
                    None
                }
            })
            .collect();
        let added: Vec<usize> = gap
            .iter()
            .filter_map(|l| {
                if let Link::Added(j) = *l {
                    Some(j)
                } else {
                    None
                }
            })
            .collect();
        if !removed.is_empty() && removed.len() == added.len() {
            out.extend(
                removed
                    .into_iter()
                    .zip(added)
                    .map(|(i, j)| Link::Paired(i, j)),
            );
        } else {
            out.extend_from_slice(gap);
        }
        if at < links.len() {
            out.push(links[at]);
            at += 1;
        }
    }
    *links = out;
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The plain Dice merge that `similarity_at_least` must agree with.
    fn dice(a: &[u64], b: &[u64]) -> f64 {
        if a.is_empty() && b.is_empty() {
            return 1.0;
        }
        let common = a.iter().filter(|x| b.contains(x)).count().min(b.len());
        2.0 * common as f64 / (a.len() + b.len()) as f64
    }

    #[test]
    fn similarity_at_least_prunes_only_what_falls_short() {
        // Sets of distinct words drawn from a small vocabulary.
        let mut seed = 7u64;
        let mut set = |n: usize| {
            let mut v: Vec<u64> = (0..n)
                .map(|_| {
                    seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1);
                    (seed >> 33) % 40
                })
                .collect();
            v.sort_unstable();
            v.dedup();
            v
        };
        for k in 0..400 {
            let (a, b) = (set(k % 23), set(k % 17));
            let exact = dice(&a, &b);
            for at in [0.0, 0.4, 0.6] {
                let got = similarity_at_least(&a, &b, at);
                let want = if exact >= at { exact } else { 0.0 };
                assert!((got - want).abs() < 1e-12, "{a:?} {b:?} at {at}");
            }
        }
    }
}
