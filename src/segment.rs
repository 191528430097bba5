//! Segment: cut a text into blocks, the units that are aligned.
//!
//! A block is a paragraph, or a single line where a page scrape put one item
//! per line. Every byte of the text belongs to exactly one block: blank lines
//! and line endings ride with the block before them (or, at the very start,
//! with the first block), so joining the blocks gives the text back.

mod window;

pub(crate) use window::{window, Window, CONTEXT_AFTER, CONTEXT_BEFORE};

/// One block of a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Block<'a> {
    /// The block's exact bytes, separators included.
    pub text: &'a str,
    /// The block without its surrounding white space: what is compared.
    pub content: &'a str,
    /// `text::exact_hash(content)`, made once: the clean and align stages
    /// both look blocks up by it.
    pub hash: u64,
}

impl<'a> Block<'a> {
    fn new(text: &'a str, content: &'a str) -> Self {
        Block {
            text,
            content,
            hash: crate::text::exact_hash(content),
        }
    }
}

/// Cuts `text` into blocks. An empty text has no blocks.
pub(crate) fn blocks(text: &str) -> Vec<Block<'_>> {
    let mut starts: Vec<usize> = Vec::new();
    let mut offset = 0;
    let mut previous: Option<&str> = None;
    while offset < text.len() {
        // The next line, its line break included (`memchr` finds it faster
        // than `split_inclusive`'s searcher).
        let end = memchr::memchr(b'\n', &text.as_bytes()[offset..])
            .map_or(text.len(), |k| offset + k + 1);
        let line = &text[offset..end];
        let body = crate::text::trim(line);
        if !body.is_empty() {
            let continues = previous.is_some_and(|p| is_wrapped(p, body));
            if !continues {
                starts.push(offset);
            }
            previous = Some(body);
        } else {
            previous = None;
        }
        offset += line.len();
    }
    if starts.is_empty() {
        return if text.is_empty() {
            Vec::new()
        } else {
            // The content is an empty slice *of the text* (not a literal ""), so
            // offsets taken from it stay inside the text.
            vec![Block::new(text, text.trim())]
        };
    }
    // Leading blank lines belong to the first block.
    starts[0] = 0;
    let mut out = Vec::with_capacity(starts.len());
    for (i, &start) in starts.iter().enumerate() {
        let end = starts.get(i + 1).copied().unwrap_or(text.len());
        let slice = &text[start..end];
        out.push(Block::new(slice, crate::text::trim(slice)));
    }
    out
}

/// Bytes of a block's opening that [`recut`] looks for in the other
/// version's long blocks: long enough that a match is that block's start,
/// not a common phrase.
const OPENING: usize = 32;
/// Blocks shorter than this (in bytes) are not searched for others'
/// openings.
const RECUT_FROM: usize = 3 * OPENING;

/// Cuts again each long block of either version that holds, at word
/// starts and in order, the openings of at least two blocks of the other,
/// at those starts: where one version lost its paragraph breaks (a scrape
/// that ran a story into one paragraph, or a wire copy unwrapped), its
/// paragraphs come back and pair one by one with the other version's. A
/// block the other version has as it is stays whole, and so does one whose
/// found openings begin less than half of it (a quoted sentence is no
/// paragraph). Joining the blocks still gives each text.
pub(crate) fn recut<'a, 'b>(
    before: Vec<Block<'a>>,
    after: Vec<Block<'b>>,
) -> (Vec<Block<'a>>, Vec<Block<'b>>) {
    let long = |blocks: &[Block<'_>]| blocks.iter().any(|b| b.content.len() >= RECUT_FROM);
    if !long(&before) && !long(&after) {
        return (before, after);
    }
    // Only blocks that can hold an opening are looked up (a long block's
    // twin is as long).
    let hashes = |blocks: &[Block<'_>]| {
        let mut set = Hashes::with_capacity_and_hasher(blocks.len(), Default::default());
        set.extend(
            blocks
                .iter()
                .filter(|b| b.content.len() >= OPENING)
                .map(|b| b.hash),
        );
        set
    };
    let (in_before, in_after) = (hashes(&before), hashes(&after));
    let before = recut_one(before, &after, &in_after, &in_before);
    let after = recut_one(after, &before, &in_before, &in_after);
    (before, after)
}

/// A set of block hashes.
type Hashes = std::collections::HashSet<u64, crate::text::Prehashed>;

/// [`recut`] of one version's `blocks` against the `other`'s; `in_other`
/// and `in_blocks` hold the hashes of each version's blocks of at least
/// [`OPENING`] bytes, as they were.
fn recut_one<'a>(
    blocks: Vec<Block<'a>>,
    other: &[Block<'_>],
    in_other: &Hashes,
    in_blocks: &Hashes,
) -> Vec<Block<'a>> {
    let cut = |b: &Block<'_>| b.content.len() >= RECUT_FROM && !in_other.contains(&b.hash);
    if !blocks.iter().any(cut) {
        return blocks;
    }
    // The openings of the other version's blocks that this one lacks, by
    // hash; a block's place in `other` keeps the cuts in order.
    let mut openings: std::collections::HashMap<u64, (usize, usize), crate::text::Prehashed> =
        Default::default();
    // And a bit for each opening's first four bytes, which turns most word
    // starts away before their opening is hashed.
    let mut firsts = [0u64; 64];
    let first = |head: &str| {
        let four = u32::from_le_bytes(head.as_bytes()[..4].try_into().expect("four bytes"));
        (four.wrapping_mul(0x9e37_79b1) >> 20) as usize
    };
    for (k, b) in other.iter().enumerate() {
        let Some(head) = opening(b.content, 0) else {
            continue;
        };
        if in_blocks.contains(&b.hash) {
            continue;
        }
        openings
            .entry(crate::text::exact_hash(head))
            .or_insert((k, b.content.len()));
        let bit = first(head);
        firsts[bit / 64] |= 1 << (bit % 64);
    }
    let mut out = Vec::with_capacity(blocks.len());
    for block in blocks {
        let content = block.content;
        if !cut(&block) {
            out.push(block);
            continue;
        }
        // Word starts (after white space, or after an ideographic full
        // stop) where another block's opening stands.
        let bytes = content.as_bytes();
        let mut cuts: Vec<usize> = Vec::new();
        let (mut last, mut covered) = (None, 0usize);
        for at in 0..bytes.len() {
            let start = at == 0
                || (bytes[at - 1].is_ascii_whitespace() && !bytes[at].is_ascii_whitespace())
                || (at >= 3 && &bytes[at - 3..at] == "。".as_bytes());
            if !start {
                continue;
            }
            let Some(head) = opening(content, at) else {
                continue;
            };
            let bit = first(head);
            if firsts[bit / 64] & (1 << (bit % 64)) == 0 {
                continue;
            }
            let Some(&(k, len)) = openings.get(&crate::text::exact_hash(head)) else {
                continue;
            };
            if last.is_some_and(|l| k <= l) || !other[k].content.starts_with(head) {
                continue;
            }
            (last, covered) = (Some(k), covered + len);
            // The cut goes before a bullet, a table's bar or a section
            // number that opens the piece; a piece without a letter is no
            // piece.
            let from = cuts.last().copied().unwrap_or(0);
            let piece = content[from..at].trim_end();
            let token = piece
                .char_indices()
                .rev()
                .find(|&(_, c)| c.is_whitespace())
                .map_or(0, |(w, c)| w + c.len_utf8());
            let cut = if piece[token..].chars().any(char::is_alphabetic) {
                at
            } else {
                from + token
            };
            if content[from..cut].chars().any(char::is_alphabetic) {
                cuts.push(cut);
            }
        }
        if cuts.len() < 2 || 2 * covered < content.len() {
            out.push(block);
            continue;
        }
        // The pieces: the block's leading white space rides with the first,
        // each cut's preceding white space with the piece before it.
        let offset = content.as_ptr() as usize - block.text.as_ptr() as usize;
        let mut from = 0;
        for at in cuts
            .into_iter()
            .map(|c| c + offset)
            .chain([block.text.len()])
        {
            let text = &block.text[from..at];
            out.push(Block::new(text, crate::text::trim(text)));
            from = at;
        }
    }
    out
}

/// The first [`OPENING`] bytes of `content` from `at` (rounded down to a
/// character boundary); `None` when fewer are left.
fn opening(content: &str, at: usize) -> Option<&str> {
    let mut end = at + OPENING;
    if end > content.len() {
        return None;
    }
    while !content.is_char_boundary(end) {
        end -= 1;
    }
    Some(&content[at..end])
}

/// True when `next` continues the paragraph that `line` belongs to, as in a
/// hard-wrapped wire story: the line stops mid-sentence and the next starts
/// in lower case.
fn is_wrapped(line: &str, next: &str) -> bool {
    let ends_open = line
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphanumeric() || c == ',' || c == ';');
    let starts_lower = next.chars().next().is_some_and(char::is_lowercase);
    ends_open && starts_lower && line.chars().count() >= 40
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<&str> {
        blocks(s).iter().map(|b| b.text).collect()
    }

    #[test]
    fn paragraphs_keep_their_blank_lines() {
        assert_eq!(texts("a\n\nb\n"), ["a\n\n", "b\n"]);
    }

    #[test]
    fn leading_blank_lines_join_the_first_block() {
        assert_eq!(texts("\n\r\na\r\nb"), ["\n\r\na\r\n", "b"]);
    }

    #[test]
    fn one_item_per_line_is_one_block_per_line() {
        assert_eq!(
            texts("Now playing\n05:25\nTitle\n"),
            ["Now playing\n", "05:25\n", "Title\n"]
        );
    }

    #[test]
    fn hard_wrapped_paragraph_is_one_block() {
        let s = "The minister said on Saturday that the talks would\ngo ahead as planned.\n\nNext.";
        assert_eq!(
            texts(s),
            [
                "The minister said on Saturday that the talks would\ngo ahead as planned.\n\n",
                "Next."
            ]
        );
    }

    #[test]
    fn regression_a_blank_text_content_lies_inside_the_text() {
        // A literal "" here sent the quote finder's offsets out of the text
        // (an overflow panic in debug builds) on `compare("", " ")`.
        let text = " \n\n";
        let b = blocks(text)[0];
        let at = b.content.as_ptr() as usize - text.as_ptr() as usize;
        assert!(at <= text.len());
    }

    #[test]
    fn a_story_run_into_one_paragraph_is_cut_where_the_other_has_paragraphs() {
        let paragraphs = "The minister said on Saturday that the talks would go ahead.\n\n\
                          Rebel leaders said they would attend, but only if the sieges end.\n\n\
                          A spokesman for the envoy declined to comment on the report.\n";
        let run_in = "Intro.\n\nThe minister said on Saturday that the talks would go ahead. \
                      Rebel leaders said they would attend, but only if the sieges end. \
                      A spokesman for the envoy declined to comment on the report.\n";
        let (cut, other) = recut(blocks(run_in), blocks(paragraphs));
        assert_eq!(other, blocks(paragraphs));
        let contents: Vec<&str> = cut.iter().map(|b| b.content).collect();
        assert_eq!(
            contents,
            [
                "Intro.",
                "The minister said on Saturday that the talks would go ahead.",
                "Rebel leaders said they would attend, but only if the sieges end.",
                "A spokesman for the envoy declined to comment on the report.",
            ]
        );
        assert_eq!(cut.iter().map(|b| b.text).collect::<String>(), run_in);
        assert!(cut
            .iter()
            .all(|b| b.hash == crate::text::exact_hash(b.content)));
        // The other way round: the same cuts.
        let (other, cut) = recut(blocks(paragraphs), blocks(run_in));
        assert_eq!((other, cut.len()), (blocks(paragraphs), 4));
    }

    #[test]
    fn a_quoted_opening_or_a_lone_split_does_not_cut_a_paragraph() {
        let long = "He read the statement aloud: the talks would go ahead as planned, and \
                    the rebel leaders said they would attend, but only if the sieges end. \
                    Nobody else spoke at the meeting, which ended after an hour of silence.\n";
        // A bullet before an opening stays with it.
        let other = blocks(
            "First point of the list, which is long enough to be found.\n\n\
                            Second point of the list, which is long enough to be found.\n\n\
                            Third point of the list, which is long enough to be found.\n",
        );
        let list = "- First point of the list, which is long enough to be found. \
                    - Second point of the list, which is long enough to be found. \
                    4.1. Third point of the list, which is long enough to be found.\n";
        let contents: Vec<&str> = recut(blocks(list), other)
            .0
            .iter()
            .map(|b| b.content)
            .collect();
        assert_eq!(
            contents,
            [
                "- First point of the list, which is long enough to be found.",
                "- Second point of the list, which is long enough to be found.",
                "4.1. Third point of the list, which is long enough to be found.",
            ]
        );
        // One opening found (a split, which alignment pairs as such).
        let other = blocks(
            "The talks would go ahead as planned, officials said.\n\n\
                            Nobody else spoke at the meeting, which ended after an hour.\n",
        );
        assert_eq!(recut(blocks(long), other).0.len(), 1);
        // Two openings, but short blocks that cover little of it.
        let other = blocks(
            "the talks would go ahead as planned, and more\n\n\
                            Nobody else spoke at the meeting, which ended\n",
        );
        assert_eq!(recut(blocks(long), other).0.len(), 1);
    }

    #[test]
    fn empty_and_blank_texts() {
        assert!(blocks("").is_empty());
        assert_eq!(texts(" \n\n"), [" \n\n"]);
        assert_eq!(blocks(" \n\n")[0].content, "");
    }
}
