//! The summary counts, read off the rows (quotes and figures are counted by
//! the caller once they are paired).

use super::{word_count, Stats};
use crate::model::{Row, RowKind, Tag};

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
                for p in &row.inline {
                    let n = word_count(p.text);
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

/// The share of word pairs (two words in a row, lower-cased) the two texts
/// have in common, as a multiset, noise aside: independent of how the rows
/// were aligned, and low for two texts that tell one event in their own
/// words even when they share many single words.
fn shared_wording(rows: &[Row<'_>]) -> f64 {
    use std::collections::HashMap;
    let pairs = |before: bool| -> Vec<u64> {
        let mut out = Vec::new();
        let mut last: Option<u64> = None;
        for row in rows.iter().filter(|r| r.kind != RowKind::Noise) {
            let Some(text) = (if before { row.before } else { row.after }) else {
                continue;
            };
            for word in text
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
            {
                let h = crate::text::hash(&word.to_lowercase());
                if let Some(l) = last {
                    out.push(l.rotate_left(17) ^ h);
                }
                last = Some(h);
            }
        }
        out
    };
    let (b, a) = (pairs(true), pairs(false));
    if b.is_empty() && a.is_empty() {
        return 1.0;
    }
    let mut counts: HashMap<u64, u32> = HashMap::with_capacity(b.len());
    for p in &b {
        *counts.entry(*p).or_default() += 1;
    }
    let mut common = 0usize;
    for p in &a {
        if let Some(c) = counts.get_mut(p) {
            if *c > 0 {
                *c -= 1;
                common += 1;
            }
        }
    }
    let share = 2.0 * common as f64 / (a.len() + b.len()) as f64;
    (share * 1000.0).round() / 1000.0
}
