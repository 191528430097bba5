//! The summary counts, read off the rows (quotes and figures are counted by
//! the caller once they are paired).

use super::Stats;
use crate::model::{Row, RowKind, Tag};
use crate::text::word_hash;
use crate::text::words::{count as word_count, count_at_least, each_word, ends};

/// Counts words and paragraphs added, removed, changed and moved, with
/// cosmetic-only changes apart; noise rows count nowhere. `sharedWording`
/// is left to [`shared_wording`].
pub(crate) fn count(rows: &[Row<'_>]) -> Stats {
    let mut s = Stats::default();
    for row in rows {
        let words = |t: Option<&str>| t.map_or(0, word_count);
        match row.kind {
            RowKind::Noise => {}
            RowKind::Equal => {}
            RowKind::Added => {
                let a = words(row.after);
                s.paragraphs_added += 1;
                s.words_added += a;
            }
            RowKind::Removed => {
                let b = words(row.before);
                s.paragraphs_removed += 1;
                s.words_removed += b;
            }
            RowKind::Changed | RowKind::Moved => {
                if row.kind == RowKind::Moved {
                    // Count a move once, at its Before end.
                    if row.before.is_none() {
                        continue;
                    }
                    s.paragraphs_moved += 1;
                }
                if row.inline.is_empty() {
                    // An unedited move.
                    continue;
                }
                let mut real = false;
                let mut last_cosmetic = false;
                // White space at the block's edges (its separator: a blank
                // line on one side, a space where the other ran paragraphs
                // together) is no edit.
                let inner = |k: usize| {
                    let blank = |p: &crate::model::Piece<'_>| p.text.trim().is_empty();
                    let edge = |mut range: std::ops::Range<usize>| {
                        range.all(|j| row.inline[j].tag != Tag::Equal && blank(&row.inline[j]))
                    };
                    !(blank(&row.inline[k]) && (edge(0..k) || edge(k + 1..row.inline.len())))
                };
                for (k, p) in row.inline.iter().enumerate() {
                    let n = word_count(p.text);
                    if p.cosmetic && !inner(k) {
                        continue;
                    }
                    match (p.tag, p.cosmetic) {
                        (Tag::Equal, _) => last_cosmetic = false,
                        (_, true) => {
                            // A cosmetic edit is a delete and insert pair.
                            if p.tag == Tag::Delete || !last_cosmetic {
                                s.cosmetic_edits += 1;
                            }
                            last_cosmetic = p.tag == Tag::Delete;
                        }
                        (Tag::Delete, false) => {
                            s.words_removed += n;
                            real |= n > 0;
                            last_cosmetic = false;
                        }
                        (Tag::Insert, false) => {
                            s.words_added += n;
                            real |= n > 0;
                            last_cosmetic = false;
                        }
                    }
                }
                if row.kind == RowKind::Changed {
                    if real {
                        s.paragraphs_changed += 1;
                    } else {
                        s.paragraphs_cosmetic += 1;
                    }
                }
            }
        }
    }
    s
}

/// The share of word pairs (two words in a row, lower-cased; words as
/// `text::words` has them) the two texts
/// have in common, as a multiset, noise aside: independent of how the rows
/// were aligned, and low for two texts that tell one event in their own
/// words even when they share many single words.
///
/// Pairs that both texts hold in the same bytes (an equal row, a long
/// equal piece of a changed row) add the same pairs to both multisets;
/// only their count matters (min(b + e, a + e) = min(b, a) + e), so they
/// are counted, not hashed.
///
/// The words of an equal row whose sides are the same bytes are left to
/// count: the row is named in [`Wording::uncounted`] (its first and last
/// words, which pair with the rows beside it, are read). On a small change
/// in a long story those rows are most of the text, and their count most
/// of the work.
pub(crate) fn shared_wording(rows: &[Row<'_>]) -> Wording {
    use std::collections::HashMap;
    let mut same = 0usize;
    let mut uncounted = Vec::new();
    let mut sides = [Side::default(), Side::default()];
    for (k, row) in rows
        .iter()
        .enumerate()
        .filter(|(_, r)| r.kind != RowKind::Noise)
    {
        match (row.before, row.after) {
            (Some(b), Some(a)) if row.kind == RowKind::Equal && b == a => {
                let Some((first, end)) = ends(b) else {
                    continue;
                };
                uncounted.push(k);
                let h = word_hash(first);
                let last = if end.as_ptr() == first.as_ptr() {
                    h
                } else {
                    word_hash(end)
                };
                for side in &mut sides {
                    side.pair_with(h);
                    side.last = Some(last);
                }
            }
            (Some(b), Some(a)) if row.kind == RowKind::Equal || !row.inline.is_empty() => {
                let spans = [spans(b), spans(a)];
                let runs = if row.inline.is_empty() {
                    same_words((b, a), &spans)
                } else {
                    shared_runs(row, (b, a), &spans)
                };
                for ((side, text), (spans, runs)) in
                    sides.iter_mut().zip([b, a]).zip(spans.iter().zip(&runs))
                {
                    side.words(text, spans, runs);
                }
                same += runs[0].iter().map(|r| r.end - r.start - 1).sum::<usize>();
            }
            (b, a) => {
                for (side, text) in sides.iter_mut().zip([b, a]) {
                    if let Some(text) = text {
                        side.words(text, &spans(text), &[]);
                    }
                }
            }
        }
    }
    let [b, a] = sides.map(|s| s.pairs);
    // The pairs are hashes already: the map takes them as they are.
    let mut counts: HashMap<u64, u32, crate::text::Prehashed> =
        HashMap::with_capacity_and_hasher(b.len(), Default::default());
    for p in &b {
        *counts.entry(*p).or_default() += 1;
    }
    let mut common = 0;
    for p in &a {
        if let Some(c) = counts.get_mut(p) {
            if *c > 0 {
                *c -= 1;
                common += 1;
            }
        }
    }
    Wording {
        common,
        pairs: a.len() + b.len(),
        same,
        uncounted,
    }
}

/// `sharedWording` in parts: the word pairs matched by their hashes, and
/// those both texts hold in the same bytes, counted; and the rows whose
/// pairs are left to count ([`shared_wording`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Wording {
    /// Pairs of one side matched in the other, by hash.
    pub common: usize,
    /// Pairs hashed, both sides.
    pub pairs: usize,
    /// Pairs both sides hold in the same bytes (each side's once).
    pub same: usize,
    /// Equal rows (both sides the same bytes, a word or more) whose pairs
    /// are not in `same`: each row's words less one.
    pub uncounted: Vec<usize>,
}

impl Wording {
    /// The share, rounded to thousandths, once `more` pairs held in the
    /// same bytes join `same`: `2 (common + same) / (pairs + 2 same)`,
    /// 1 for two texts without word pairs. It only grows with `more`, so
    /// with the uncounted rows left out it is a lower bound.
    pub fn share(&self, more: usize) -> f64 {
        let same = self.same + more;
        if self.pairs == 0 && same == 0 {
            return 1.0;
        }
        let share = 2.0 * (self.common + same) as f64 / (self.pairs + 2 * same) as f64;
        (share * 1000.0).round() / 1000.0
    }

    /// The share with the uncounted rows' `texts` (their words less one
    /// each) counted.
    pub fn share_with<'t>(&self, texts: impl IntoIterator<Item = &'t str>) -> f64 {
        let more = texts
            .into_iter()
            .map(|t| word_count(t).saturating_sub(1))
            .sum();
        self.share(more)
    }

    /// The share, counting the uncounted rows of `rows`.
    pub fn counted(&self, rows: &[Row<'_>]) -> f64 {
        self.share_with(self.uncounted.iter().filter_map(|&k| rows[k].before))
    }

    /// True when the share, once the uncounted rows of `rows` are counted,
    /// is `line` or more: read from as few of their words as it takes
    /// (the share only grows with them; a long shared run holds far more
    /// than the line needs).
    pub fn at_least(&self, rows: &[Row<'_>], line: f64) -> bool {
        let mut more = 0usize;
        for text in self.uncounted.iter().filter_map(|&k| rows[k].before) {
            if self.share(more) >= line {
                return true;
            }
            // The pairs still wanted, from 2 (c + s + m) >= line (p + 2 s
            // + 2 m), and a few over for the rounding: where the count of
            // this row may stop.
            let (c, s, p) = (
                self.common as f64,
                (self.same + more) as f64,
                self.pairs as f64,
            );
            let want = ((line * (p + 2.0 * s) - 2.0 * (c + s)) / (2.0 - 2.0 * line)).max(0.0);
            let stop = (want.ceil() as usize).saturating_add(4);
            more += count_at_least(text, stop).saturating_sub(1);
        }
        self.share(more) >= line
    }
}

/// One text's word pairs, as hashes, and the last word's hash.
#[derive(Default)]
struct Side {
    pairs: Vec<u64>,
    last: Option<u64>,
}

impl Side {
    /// Adds the pair of the last word and the word hashed `h`.
    fn pair_with(&mut self, h: u64) {
        if let Some(l) = self.last {
            self.pairs.push(l.rotate_left(17) ^ h);
        }
    }

    /// Adds the pairs of the words `spans` of `text`, but those inside a
    /// run of `runs` (word indices; the run's first word still pairs with
    /// the word before it).
    fn words(&mut self, text: &str, spans: &[(usize, usize)], runs: &[std::ops::Range<usize>]) {
        let mut runs = runs.iter().peekable();
        let mut k = 0;
        while k < spans.len() {
            if let Some(run) = runs.next_if(|r| r.start == k) {
                let (s, e) = spans[run.start];
                self.pair_with(word_hash(&text[s..e]));
                let (s, e) = spans[run.end - 1];
                self.last = Some(word_hash(&text[s..e]));
                k = run.end;
                continue;
            }
            let (s, e) = spans[k];
            let h = word_hash(&text[s..e]);
            self.pair_with(h);
            self.last = Some(h);
            k += 1;
        }
    }
}

/// How far from an equal piece's edges its words are read alike on both
/// sides when one at an edge is not: farther than a word's reading looks
/// past it.
const EDGE_BYTES: usize = 16;

/// The byte ranges of the words of `text`.
fn spans(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    each_word(text, |start, end| {
        out.push((start, end));
        true
    });
    out
}

/// An equal row whose sides differ in their bytes (white space between
/// its paragraphs, or what the options ignore): one run of all its words
/// when both sides hold the same words, as [`shared_runs`] gives them.
fn same_words(
    (before, after): (&str, &str),
    spans: &[Vec<(usize, usize)>; 2],
) -> [Vec<std::ops::Range<usize>>; 2] {
    let n = spans[0].len();
    let same = n >= 2
        && spans[1].len() == n
        && spans[0]
            .iter()
            .zip(&spans[1])
            .all(|(&(s, e), &(t, f))| before[s..e] == after[t..f]);
    if same {
        let all = std::iter::once(0..n).collect::<Vec<_>>();
        [all.clone(), all]
    } else {
        [Vec::new(), Vec::new()]
    }
}

/// The runs of words a changed row's two sides hold in the same bytes at
/// the same places of one equal piece, as ranges of word indices on each
/// side (each of two words or more): the words each side's reading finds
/// inside the piece, when both find the same ones.
fn shared_runs(
    row: &Row<'_>,
    (before, after): (&str, &str),
    spans: &[Vec<(usize, usize)>; 2],
) -> [Vec<std::ops::Range<usize>>; 2] {
    let mut runs = [Vec::new(), Vec::new()];
    let mut at = [0usize, 0usize];
    let mut pieces = Vec::new();
    for p in &row.inline {
        let len = p.text.len();
        match p.tag {
            Tag::Equal => {
                pieces.push((at[0], at[1], len));
                at[0] += len;
                at[1] += len;
            }
            Tag::Delete => at[0] += len,
            Tag::Insert => at[1] += len,
        }
    }
    if at != [before.len(), after.len()] {
        return runs;
    }
    // The words wholly inside `from + margin..from + len - margin`, as
    // indices.
    let inside = |spans: &[(usize, usize)], from: usize, len: usize, margin: usize| {
        let i = spans.partition_point(|&(s, _)| s < from + margin);
        let j = spans.partition_point(|&(_, e)| e + margin <= from + len);
        i..j.max(i)
    };
    for (b, a, len) in pieces {
        // The same words, at the same places of the same bytes.
        let agree = |rb: &std::ops::Range<usize>, ra: &std::ops::Range<usize>| {
            rb.len() == ra.len()
                && spans[0][rb.clone()]
                    .iter()
                    .zip(&spans[1][ra.clone()])
                    .all(|(&(s, e), &(t, f))| s - b == t - a && e - b == f - a)
                && before[b..b + len] == after[a..a + len]
        };
        // Wholly inside, or else (a word at an edge read otherwise on one
        // side, joined to what stands beside the piece) away from the
        // edges.
        let Some((rb, ra)) = [0, EDGE_BYTES]
            .into_iter()
            .map(|m| (inside(&spans[0], b, len, m), inside(&spans[1], a, len, m)))
            .find(|(rb, ra)| agree(rb, ra))
        else {
            continue;
        };
        if rb.len() >= 2 {
            runs[0].push(rb);
            runs[1].push(ra);
        }
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Piece;

    /// `shared_wording` as defined: every word pair of each side hashed.
    fn by_definition(rows: &[Row<'_>]) -> f64 {
        let sides = [true, false].map(|before| {
            let mut side = Side::default();
            for row in rows.iter().filter(|r| r.kind != RowKind::Noise) {
                if let Some(text) = if before { row.before } else { row.after } {
                    side.words(text, &spans(text), &[]);
                }
            }
            side.pairs
        });
        let mut rest = sides[1].clone();
        let common = sides[0]
            .iter()
            .filter(|p| {
                rest.iter()
                    .position(|q| q == *p)
                    .map(|k| rest.swap_remove(k))
                    .is_some()
            })
            .count();
        if sides[0].is_empty() && sides[1].is_empty() {
            return 1.0;
        }
        let share = 2.0 * common as f64 / (sides[0].len() + sides[1].len()) as f64;
        (share * 1000.0).round() / 1000.0
    }

    #[test]
    fn shared_runs_count_as_the_definition_does() {
        let piece = |tag, text| Piece {
            tag,
            text,
            cosmetic: false,
        };
        let long = "the talks in Geneva went on for three more days and ended without a deal ";
        // A changed row: an equal piece whose edge word joins the piece
        // beside it on one side ("e-" + "mail"), a case-only equal piece.
        let before = format!("{long}by e-mail today");
        let after = format!("{long}by e-mail now");
        let mut changed = Row::new(RowKind::Changed, Some(&before), Some(&after));
        changed.inline = vec![
            piece(Tag::Equal, &before[..before.len() - 5]),
            piece(Tag::Delete, "today"),
            piece(Tag::Insert, "now"),
        ];
        let split = format!("{long}by e-");
        let mut joined = Row::new(RowKind::Changed, Some(&before), Some(&after));
        joined.inline = vec![
            piece(Tag::Equal, &split),
            piece(Tag::Delete, "mail today"),
            piece(Tag::Insert, "mail now"),
        ];
        let upper = long.to_uppercase();
        let mut cased = Row::new(RowKind::Changed, Some(long), Some(&upper));
        cased.inline = vec![piece(Tag::Equal, long)];
        // An equal row whose sides differ in white space only, and one
        // whose words differ (what the options ignore).
        let spaced = long.replace(' ', "  ");
        let white = Row::new(RowKind::Equal, Some(long), Some(&spaced));
        let dotted = long.replace("three", "thr.ee");
        let loose = Row::new(RowKind::Equal, Some(long), Some(&dotted));
        let same = Row::new(RowKind::Equal, Some(long), Some(long));
        let cases: Vec<Vec<Row<'_>>> = vec![
            vec![changed.clone()],
            vec![joined.clone()],
            vec![cased.clone()],
            vec![white.clone()],
            vec![loose.clone()],
            vec![
                same.clone(),
                changed,
                white,
                same.clone(),
                joined,
                loose,
                cased,
                same,
            ],
        ];
        for rows in cases {
            // Counted, the share the definition gives; never more
            // without the rows left to count.
            let left = shared_wording(&rows);
            assert_eq!(left.counted(&rows), by_definition(&rows), "{rows:?}");
            assert!(left.share(0) <= left.counted(&rows), "{rows:?}");
            for line in [0.0, 0.3, 0.5, 0.9, 1.0] {
                assert_eq!(
                    left.at_least(&rows, line),
                    left.counted(&rows) >= line,
                    "{line} {rows:?}"
                );
            }
        }
    }

    #[test]
    fn white_space_at_a_rows_edges_is_no_cosmetic_edit() {
        use crate::model::Piece;
        let piece = |tag, text, cosmetic| Piece {
            tag,
            text,
            cosmetic,
        };
        let mut row = Row::new(RowKind::Changed, Some(" a, b c\n\n"), Some("a b c "));
        row.inline = vec![
            piece(Tag::Delete, " ", true),
            piece(Tag::Equal, "a", false),
            piece(Tag::Delete, ",", true),
            piece(Tag::Equal, " b ", false),
            piece(Tag::Delete, "c\n\n", false),
            piece(Tag::Insert, "c ", false),
        ];
        // The comma is one edit; the leading space is none.
        assert_eq!(count(&[row.clone()]).cosmetic_edits, 1);
        row.inline[4] = piece(Tag::Equal, "c", false);
        row.inline[5] = piece(Tag::Delete, "\n\n", true);
        row.inline.push(piece(Tag::Insert, " ", true));
        assert_eq!(count(&[row]).cosmetic_edits, 1);
    }
}
