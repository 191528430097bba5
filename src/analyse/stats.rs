//! The summary counts, read off the rows (quotes and figures are counted by
//! the caller once they are paired).

use super::{word_count, Stats};
use crate::model::{Row, RowKind, Tag};
use crate::text::{is_alnum, word_hash};

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

/// The share of word pairs (two words in a row, lower-cased) the two texts
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
                let mut words = words(text);
                let Some(first) = words.next() else { continue };
                let h = word_hash(first);
                if let Some(l) = last {
                    out.push(l.rotate_left(17) ^ h);
                }
                let end = text
                    .split(|c: char| !is_alnum(c))
                    .rfind(|w| !w.is_empty())
                    .unwrap_or(first);
                // Both sides hold the same bytes: count them once.
                if before {
                    *same += count_words(text) - 1;
                }
                last = Some(if end.as_ptr() == first.as_ptr() {
                    h
                } else {
                    word_hash(end)
                });
                continue;
            }
            each_word_hash(text, |h| {
                if let Some(l) = last {
                    out.push(l.rotate_left(17) ^ h);
                }
                last = Some(h);
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

/// The words of a text for word pairs: runs of letters and digits.
fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !is_alnum(c)).filter(|w| !w.is_empty())
}

/// `text::word_hash` of each of `words(text)` in order, read in one pass: a
/// word's end and whether it is its own lower case are found together, a
/// byte at a time through ASCII.
fn each_word_hash(text: &str, mut each: impl FnMut(u64)) {
    let bytes = text.as_bytes();
    let mut i = 0;
    // The word being read: where it starts, and whether it is its own
    // lower case so far.
    let mut word: Option<(usize, bool)> = None;
    let mut end = |from: usize, to: usize, own_lower: bool| {
        let w = &text[from..to];
        each(if own_lower {
            crate::text::exact_hash(w)
        } else {
            crate::text::exact_hash(&w.to_lowercase())
        });
    };
    while i < bytes.len() {
        let b = bytes[i];
        let (alnum, own_lower, len) = if b.is_ascii() {
            (b.is_ascii_alphanumeric(), !b.is_ascii_uppercase(), 1)
        } else {
            let c = text[i..].chars().next().expect("a char boundary");
            (is_alnum(c), crate::text::is_own_lower(c), c.len_utf8())
        };
        match (alnum, word) {
            (true, None) => word = Some((i, own_lower)),
            (true, Some((from, lower))) => word = Some((from, lower && own_lower)),
            (false, Some((from, lower))) => {
                end(from, i, lower);
                word = None;
            }
            (false, None) => {}
        }
        i += len;
    }
    if let Some((from, lower)) = word {
        end(from, bytes.len(), lower);
    }
}

/// Bit 7 of each byte of a word.
#[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
const HIGH: u64 = 0x8080_8080_8080_8080;

/// Of sixteen bytes, a bit set for each that is an ASCII letter or digit
/// (bit k for byte k), or `None` when one of them is not ASCII. With the
/// wasm's 128-bit SIMD, sixteen lanes at once.
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
fn alnum_mask(b: &[u8; 16]) -> Option<u32> {
    use core::arch::wasm32::*;
    // Two eight-byte loads (sixteen one-byte lanes would be sixteen
    // inserts).
    let (low, high) = b.split_at(8);
    let v = u64x2(
        u64::from_le_bytes(low.try_into().expect("eight bytes")),
        u64::from_le_bytes(high.try_into().expect("eight bytes")),
    );
    if u8x16_bitmask(v) != 0 {
        return None;
    }
    let within = |v: v128, low: u8, high: u8| {
        v128_and(
            u8x16_ge(v, u8x16_splat(low)),
            u8x16_le(v, u8x16_splat(high)),
        )
    };
    let letters = within(v128_or(v, u8x16_splat(0x20)), b'a', b'z');
    Some(u32::from(u8x16_bitmask(v128_or(
        within(v, b'0', b'9'),
        letters,
    ))))
}

/// Of sixteen bytes, a bit set for each that is an ASCII letter or digit
/// (bit k for byte k), or `None` when one of them is not ASCII: two words
/// of eight bytes (SWAR).
#[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
fn alnum_mask(b: &[u8; 16]) -> Option<u32> {
    let (low, high) = b.split_at(8);
    let low = u64::from_le_bytes(low.try_into().expect("eight bytes"));
    let high = u64::from_le_bytes(high.try_into().expect("eight bytes"));
    if (low | high) & HIGH != 0 {
        return None;
    }
    Some(u32::from(bits(ascii_alnum(low))) | u32::from(bits(ascii_alnum(high))) << 8)
}

/// Bit 7 of each of eight bytes gathered into one byte (bit k from byte k):
/// a multiply moves each into the top byte, without carries into it (the
/// products above it wrap away).
#[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
fn bits(x: u64) -> u8 {
    ((x >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56) as u8
}

/// Of eight ASCII bytes, bit 7 set on each that is a letter or a digit
/// (SWAR: per byte, `b | 0x80` minus the bound keeps bit 7 when `b` is at
/// least the bound, and no byte borrows from the next).
#[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
fn ascii_alnum(x: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let within = |x: u64, low: u8, high: u8| {
        let at_least = (x | HIGH) - ONES * u64::from(low);
        let at_most = ONES * (u64::from(high) + 0x80) - x;
        at_least & at_most & HIGH
    };
    within(x, b'0', b'9') | within(x | (ONES * 0x20), b'a', b'z')
}

/// How many words `words` yields, without cutting them out.
fn count_words(text: &str) -> usize {
    let bytes = text.as_bytes();
    let mut count = 0;
    let mut inside = false;
    let mut i = 0;
    while i < bytes.len() {
        // Sixteen ASCII bytes at a time: a word starts at each letter or
        // digit that does not follow one.
        if let Some(chunk) = bytes.get(i..i + 16) {
            if let Some(alnum) = alnum_mask(chunk.try_into().expect("sixteen bytes")) {
                let follows = (alnum << 1) | u32::from(inside);
                count += (alnum & !follows).count_ones() as usize;
                inside = alnum >> 15 != 0;
                i += 16;
                continue;
            }
        }
        let b = bytes[i];
        let alnum = if b.is_ascii() {
            i += 1;
            b.is_ascii_alphanumeric()
        } else {
            let c = text[i..].chars().next().expect("a char boundary");
            i += c.len_utf8();
            is_alnum(c)
        };
        if alnum && !inside {
            count += 1;
        }
        inside = alnum;
    }
    count
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

    #[test]
    fn word_hashes_in_one_pass_agree_with_cutting_the_words() {
        const ALPHABET: &[char] = &[
            'a', 'z', 'A', 'Z', '0', '9', ' ', '\n', '\'', '-', 'é', 'É', '’', '中', 'م', 'Σ', 'ß',
            '\u{130}', '\u{212a}',
        ];
        for text in crate::text::generated(ALPHABET, 40, 0x2545_f491_4f6c_dd1d) {
            let mut fast = Vec::new();
            each_word_hash(&text, |h| fast.push(h));
            let slow: Vec<u64> = words(&text).map(word_hash).collect();
            assert_eq!(fast, slow, "{text:?}");
        }
    }

    #[test]
    fn counting_words_agrees_with_cutting_them() {
        // Texts from a fixed-seed generator over letters, digits, the bytes
        // around their ranges, and characters beyond ASCII, so that the
        // sixteen-byte path, the one-byte path and their seams all run.
        const ALPHABET: &[char] = &[
            'a', 'z', 'A', 'Z', '0', '9', '/', ':', '@', '[', '`', '{', ' ', '\n', '\'', '-',
            '\x7f', 'é', '’', '中', 'م',
        ];
        for text in crate::text::generated(ALPHABET, 70, 0x9e37_79b9_7f4a_7c15) {
            assert_eq!(count_words(&text), words(&text).count(), "{text:?}");
        }
        for b in 0u8..128 {
            let t = String::from(char::from(b)).repeat(17);
            assert_eq!(count_words(&t), words(&t).count(), "{t:?}");
        }
    }
}
