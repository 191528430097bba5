//! Diff: the word diff inside a pair of blocks.
//!
//! Tokens are unicode words (see [`crate::text::tokens`]), so pieces always
//! start and end on word boundaries. Small unchanged islands between two
//! changes (white space, punctuation, a lone short word) are folded into the
//! change, so a rewritten clause reads as one replacement.

use similar::{capture_diff_deadline, Algorithm, DiffOp, Instant};

use crate::model::{Options, Piece, Tag};
use crate::text;

/// The word diff of `before` and `after`. Equal and delete pieces rebuild
/// `before`; equal and insert pieces rebuild `after`.
pub(crate) fn words<'a>(
    before: &'a str,
    after: &'a str,
    options: &Options,
    deadline: Option<Instant>,
) -> Vec<Piece<'a>> {
    let old = text::tokens(before);
    let new = text::tokens(after);
    let plain = !(options.ignore_case || options.ignore_punctuation || options.ignore_whitespace);
    let deadline = crate::deadline::for_diff(old.len(), new.len(), deadline);
    // One item type (`&str`) for both diffs, so similar's Myers is compiled
    // once for words, not once per key type: the folded keys are borrowed.
    let ops = if plain {
        myers(&old, &new, deadline)
    } else {
        let ignore = options.ignore();
        let fold = |tokens: &[&str]| -> Vec<String> {
            tokens.iter().map(|t| text::fold(t, &ignore)).collect()
        };
        let (old_keys, new_keys) = (fold(&old), fold(&new));
        let old_keys: Vec<&str> = old_keys.iter().map(String::as_str).collect();
        let new_keys: Vec<&str> = new_keys.iter().map(String::as_str).collect();
        myers(&old_keys, &new_keys, deadline)
    };
    let spans = fold_islands(&ops, &old, &new);
    let mut pieces = Vec::new();
    let slice = |tokens: &[&'a str], range: std::ops::Range<usize>, whole: &'a str| -> &'a str {
        join(whole, &tokens[range])
    };
    for span in spans {
        match span {
            Span::Equal { old: o, new: n } => {
                // Tokens equal under the options may still differ in bytes:
                // those become cosmetic replacements, so the pieces still
                // rebuild each side exactly.
                let mut i = 0;
                while i < o.len() {
                    let same = old[o.start + i] == new[n.start + i];
                    let mut j = i + 1;
                    while j < o.len() && (old[o.start + j] == new[n.start + j]) == same {
                        j += 1;
                    }
                    let b = slice(&old, o.start + i..o.start + j, before);
                    if same {
                        push(&mut pieces, before, Tag::Equal, b, false);
                    } else {
                        let a = slice(&new, n.start + i..n.start + j, after);
                        push(&mut pieces, before, Tag::Delete, b, true);
                        push(&mut pieces, after, Tag::Insert, a, true);
                    }
                    i = j;
                }
            }
            Span::Change { old: o, new: n } => {
                let b = slice(&old, o, before);
                let a = slice(&new, n, after);
                // White space or punctuation alone, added or dropped, is
                // cosmetic too: the letters and digits are the same.
                let cosmetic = text::cosmetic(b, a);
                push(&mut pieces, before, Tag::Delete, b, cosmetic);
                push(&mut pieces, after, Tag::Insert, a, cosmetic);
            }
        }
    }
    pieces
}

/// similar's Myers diff of two token lists: the one instance of it for
/// words, plain or folded.
#[allow(
    clippy::ptr_arg,
    reason = "similar is instantiated for `Vec<&str>`, as before the two diffs \
              shared it: over a slice its Myers loop compiled to 0.15% more \
              instructions on the care pair (BENCHMARKS.md, size2)"
)]
fn myers(old: &Vec<&str>, new: &Vec<&str>, deadline: Option<Instant>) -> Vec<DiffOp> {
    capture_diff_deadline(
        Algorithm::Myers,
        old,
        0..old.len(),
        new,
        0..new.len(),
        deadline,
    )
}

/// Appends a piece, merging it into the last one when they agree. Empty
/// pieces are dropped. `whole` is the side the piece comes from.
fn push<'a>(pieces: &mut Vec<Piece<'a>>, whole: &'a str, tag: Tag, text: &'a str, cosmetic: bool) {
    if text.is_empty() {
        return;
    }
    if let Some(last) = pieces.last_mut() {
        if last.tag == tag && last.cosmetic == cosmetic {
            if let Some(joined) = text::extend(whole, last.text, text) {
                last.text = joined;
                return;
            }
        }
    }
    pieces.push(Piece {
        tag,
        text,
        cosmetic,
    });
}

/// The slice of `whole` that the consecutive `tokens` (slices of `whole`)
/// cover.
fn join<'a>(whole: &'a str, tokens: &[&'a str]) -> &'a str {
    match (tokens.first(), tokens.last()) {
        (Some(first), Some(last)) => {
            let start = first.as_ptr() as usize - whole.as_ptr() as usize;
            let end = last.as_ptr() as usize - whole.as_ptr() as usize + last.len();
            &whole[start..end]
        }
        _ => "",
    }
}

/// A run of the diff after small islands are folded.
#[derive(Debug, PartialEq, Eq)]
enum Span {
    Equal {
        old: std::ops::Range<usize>,
        new: std::ops::Range<usize>,
    },
    Change {
        old: std::ops::Range<usize>,
        new: std::ops::Range<usize>,
    },
}

/// Turns diff ops into alternating equal and change runs, folding an equal
/// island into the surrounding change when it sits between two changes and
/// is small: only white space and punctuation, a single short word, or (as
/// in diff-match-patch's semantic cleanup, counted in words) no more words
/// than the larger side of the change on its left and of the one on its
/// right.
fn fold_islands(ops: &[DiffOp], old: &[&str], new: &[&str]) -> Vec<Span> {
    let ranges: Vec<(Range, Range, bool)> = ops.iter().map(op_ranges).collect();
    let words = |tokens: &[&str], r: &Range| text::words::count_in_tokens(&tokens[r.clone()]);
    // Words on each side of every op, counted once.
    let counts: Vec<(usize, usize)> = ranges
        .iter()
        .map(|(o, n, _)| (words(old, o), words(new, n)))
        .collect();
    let mut spans: Vec<Span> = Vec::new();
    // Words on each side of the change span being built (the last span).
    let mut open = (0usize, 0usize);
    let last = ranges.len().saturating_sub(1);
    for (i, (o, n, equal)) in ranges.iter().cloned().enumerate() {
        let island = equal && i > 0 && i < last && {
            // The size of a change: the larger of its two sides, in words.
            let (rd, ri) = ranges[i + 1..]
                .iter()
                .zip(&counts[i + 1..])
                .take_while(|((_, _, e), _)| !e)
                .fold((0, 0), |(d, n), (_, c)| (d + c.0, n + c.1));
            let left = match spans.last() {
                Some(Span::Change { .. }) => open.0.max(open.1),
                _ => 0,
            };
            let island_words = counts[i].0;
            is_island(&old[o.clone()]) || (island_words <= left && island_words <= rd.max(ri))
        };
        if equal && !island {
            spans.push(Span::Equal { old: o, new: n });
        } else if let Some(Span::Change { old: po, new: pn }) = spans.last_mut() {
            po.end = o.end;
            pn.end = n.end;
            open.0 += counts[i].0;
            open.1 += counts[i].1;
        } else {
            spans.push(Span::Change { old: o, new: n });
            open = counts[i];
        }
    }
    debug_assert!(spans.iter().all(|s| match s {
        Span::Equal { old: o, new: n } | Span::Change { old: o, new: n } =>
            o.end <= old.len() && n.end <= new.len(),
    }));
    spans
}

type Range = std::ops::Range<usize>;

/// An op's token ranges in Before and After, and whether it is equal.
fn op_ranges(op: &DiffOp) -> (Range, Range, bool) {
    match *op {
        DiffOp::Equal {
            old_index,
            new_index,
            len,
        } => (old_index..old_index + len, new_index..new_index + len, true),
        DiffOp::Delete {
            old_index,
            old_len,
            new_index,
        } => (old_index..old_index + old_len, new_index..new_index, false),
        DiffOp::Insert {
            old_index,
            new_index,
            new_len,
        } => (old_index..old_index, new_index..new_index + new_len, false),
        DiffOp::Replace {
            old_index,
            old_len,
            new_index,
            new_len,
        } => (
            old_index..old_index + old_len,
            new_index..new_index + new_len,
            false,
        ),
    }
}

/// An unchanged run too small to stand between two changes on its own.
fn is_island(tokens: &[&str]) -> bool {
    match text::words::count_in_tokens(tokens) {
        0 => true,
        1 => {
            tokens.len() <= 3
                && tokens
                    .iter()
                    .find(|t| text::words::is_word(t))
                    .is_some_and(|w| w.chars().count() <= 3)
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(before: &str, after: &str) -> String {
        words(before, after, &Options::default(), None)
            .iter()
            .map(|p| match (p.tag, p.cosmetic) {
                (Tag::Equal, _) => p.text.to_string(),
                (Tag::Delete, false) => format!("[-{}-]", p.text),
                (Tag::Insert, false) => format!("{{+{}+}}", p.text),
                (Tag::Delete, true) => format!("[~-{}-]", p.text),
                (Tag::Insert, true) => format!("{{~+{}+}}", p.text),
            })
            .collect()
    }

    #[test]
    fn pieces_fall_on_word_boundaries() {
        assert_eq!(
            show("the text here", "the test here"),
            "the [-text-]{+test+} here"
        );
    }

    #[test]
    fn a_two_word_rewording_marks_just_those_words() {
        assert_eq!(
            show(
                "The big cat sat on the mat.",
                "The large dog sat on the mat."
            ),
            "The [-big cat-]{+large dog+} sat on the mat."
        );
    }

    #[test]
    fn small_islands_fold_into_the_change() {
        assert_eq!(
            show(
                "killed 145 of the people",
                "killed nearly 150 of all people"
            ),
            "killed [-145 of the-]{+nearly 150 of all+} people"
        );
    }

    #[test]
    fn a_rewritten_clause_reads_as_one_replacement() {
        assert_eq!(
            show(
                "Brahimi said that we have done little.",
                "The rebels demand that Assad go."
            ),
            "[-Brahimi said that we have done little-]{+The rebels demand that Assad go+}."
        );
    }

    #[test]
    fn an_added_space_or_comma_is_cosmetic() {
        assert_eq!(
            show(
                "100 miles (160 km)southeast",
                "100 miles (160 km) southeast"
            ),
            "100 miles (160 km){~+ +}southeast"
        );
        assert_eq!(show("Yes he said", "Yes, he said"), "Yes{~+,+} he said");
    }

    #[test]
    fn typography_only_is_cosmetic() {
        assert_eq!(
            show("(CNN) — The", "CNN  — The"),
            "[~-(CNN) -]{~+CNN  +}— The"
        );
    }
}
