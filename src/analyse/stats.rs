//! The summary counts, read off the rows (quotes and figures are counted by
//! the caller once they are paired).

use super::Stats;
use crate::model::{Row, RowKind, Tag};
use crate::text::word_hash;
use crate::text::words::{count as word_count, each_word, ends};

/// Counts words and paragraphs added, removed, changed and moved, with
/// cosmetic-only changes apart; noise rows count nowhere.
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
    s.shared_wording = shared_wording(rows);
    s
}

/// The share of word pairs (two words in a row, lower-cased; words as
/// `text::words` has them) the two texts
/// have in common, as a multiset, noise aside: independent of how the rows
/// were aligned, and low for two texts that tell one event in their own
/// words even when they share many single words.
fn shared_wording(rows: &[Row<'_>]) -> f64 {
    use std::collections::HashMap;
    // An equal row whose two sides are the same bytes adds the same word
    // pairs to both multisets; only its count matters (min(b + e, a + e) =
    // min(b, a) + e), so its inner pairs are counted, not hashed. Its first
    // word still pairs with the word before it, which may differ by side.
    let mut same = 0usize;
    let pairs = |before: bool, same: &mut usize| -> Vec<u64> {
        let mut out = Vec::new();
        let mut last: Option<u64> = None;
        for row in rows.iter().filter(|r| r.kind != RowKind::Noise) {
            let Some(text) = (if before { row.before } else { row.after }) else {
                continue;
            };
            if row.kind == RowKind::Equal && row.before == row.after {
                let Some((first, end)) = ends(text) else {
                    continue;
                };
                let h = word_hash(first);
                if let Some(l) = last {
                    out.push(l.rotate_left(17) ^ h);
                }
                // Both sides hold the same bytes: count them once.
                if before {
                    *same += word_count(text) - 1;
                }
                last = Some(if end.as_ptr() == first.as_ptr() {
                    h
                } else {
                    word_hash(end)
                });
                continue;
            }
            each_word(text, |start, end| {
                let h = word_hash(&text[start..end]);
                if let Some(l) = last {
                    out.push(l.rotate_left(17) ^ h);
                }
                last = Some(h);
                true
            });
        }
        out
    };
    let (b, a) = (pairs(true, &mut same), pairs(false, &mut same));
    if b.is_empty() && a.is_empty() && same == 0 {
        return 1.0;
    }
    // The pairs are hashes already: the map takes them as they are.
    let mut counts: HashMap<u64, u32, crate::text::Prehashed> =
        HashMap::with_capacity_and_hasher(b.len(), Default::default());
    for p in &b {
        *counts.entry(*p).or_default() += 1;
    }
    let mut common = same;
    for p in &a {
        if let Some(c) = counts.get_mut(p) {
            if *c > 0 {
                *c -= 1;
                common += 1;
            }
        }
    }
    let share = 2.0 * common as f64 / (a.len() + b.len() + 2 * same) as f64;
    (share * 1000.0).round() / 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;

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
