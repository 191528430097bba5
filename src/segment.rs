//! Segment: cut a text into blocks, the units that are aligned.
//!
//! A block is a paragraph, or a single line where a page scrape put one item
//! per line. Every byte of the text belongs to exactly one block: blank lines
//! and line endings ride with the block before them (or, at the very start,
//! with the first block), so joining the blocks gives the text back.

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
    fn empty_and_blank_texts() {
        assert!(blocks("").is_empty());
        assert_eq!(texts(" \n\n"), [" \n\n"]);
        assert_eq!(blocks(" \n\n")[0].content, "");
    }
}
