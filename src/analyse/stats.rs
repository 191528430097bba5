//! The summary counts, read off the rows (quotes and figures are counted by
//! the caller once they are paired).

use super::{word_count, Stats};
use crate::model::{Row, RowKind, Tag};

/// Counts words and paragraphs added, removed, changed and moved, with
/// cosmetic-only changes apart; noise rows count nowhere.
pub(crate) fn count(rows: &[Row<'_>]) -> Stats {
    let mut s = Stats::default();
    // Words on each side, and words the two sides share.
    let (mut total, mut shared) = (0usize, 0usize);
    for row in rows {
        let words = |t: Option<&str>| t.map_or(0, word_count);
        match row.kind {
            RowKind::Noise => {}
            RowKind::Equal => {
                let (b, a) = (words(row.before), words(row.after));
                total += b + a;
                shared += 2 * b.min(a);
            }
            RowKind::Added => {
                let a = words(row.after);
                s.paragraphs_added += 1;
                s.words_added += a;
                total += a;
            }
            RowKind::Removed => {
                let b = words(row.before);
                s.paragraphs_removed += 1;
                s.words_removed += b;
                total += b;
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
                    // An unedited move: all its words are shared.
                    let b = words(row.before);
                    total += 2 * b;
                    shared += 2 * b;
                    continue;
                }
                let mut real = false;
                let mut last_cosmetic = false;
                for p in &row.inline {
                    let n = word_count(p.text);
                    match (p.tag, p.cosmetic) {
                        (Tag::Equal, _) => {
                            total += 2 * n;
                            shared += 2 * n;
                            last_cosmetic = false;
                        }
                        (_, true) => {
                            // A cosmetic edit is a delete and insert pair.
                            if p.tag == Tag::Delete || !last_cosmetic {
                                s.cosmetic_edits += 1;
                            }
                            last_cosmetic = p.tag == Tag::Delete;
                            total += n;
                            shared += n;
                        }
                        (Tag::Delete, false) => {
                            s.words_removed += n;
                            total += n;
                            real |= n > 0;
                            last_cosmetic = false;
                        }
                        (Tag::Insert, false) => {
                            s.words_added += n;
                            total += n;
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
    s.shared_wording = if total == 0 {
        1.0
    } else {
        (shared as f64 / total as f64 * 1000.0).round() / 1000.0
    };
    s
}
