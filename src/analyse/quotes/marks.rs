//! Finding quotations by their quote marks.

use super::Found;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Family {
    /// “…”, "…" and mixtures of the two.
    Double,
    /// „…“ or „…”.
    Low,
    /// «…».
    Guillemet,
    /// ‘…’: British copy's quotation marks.
    Single,
}

/// The family of quote `c` opens, with the characters either side (`None`
/// where unknown or at a paragraph's edge).
pub(super) fn opens(c: char, prev: Option<char>, next: Option<char>) -> Option<Family> {
    match c {
        '“' | '‟' => Some(Family::Double),
        // Not ‘90s, nor a ‘ typed for an apostrophe inside a word.
        '‘' if prev.is_none_or(|p| p.is_whitespace() || "([{—–-:/\"“".contains(p))
            && next.is_none_or(|n| n.is_alphanumeric() || n == '…') =>
        {
            Some(Family::Single)
        }
        '„' => Some(Family::Low),
        '«' => Some(Family::Guillemet),
        '"' if prev.is_none_or(|p| p.is_whitespace() || "([{—–-:/".contains(p)) => {
            Some(Family::Double)
        }
        _ => None,
    }
}

pub(super) fn closes(family: Family, c: char, prev: Option<char>, next: Option<char>) -> bool {
    match family {
        Family::Double => match c {
            '”' | '"' => true,
            // A sloppy close typed as an opening mark.
            '“' => {
                prev.is_some_and(|p| !p.is_whitespace())
                    && next.is_none_or(|n| !n.is_alphanumeric())
            }
            _ => false,
        },
        Family::Low => matches!(c, '“' | '”' | '"'),
        Family::Guillemet => c == '»',
        // Not the apostrophe inside a word ("don’t").
        Family::Single => c == '’' && next.is_none_or(|n| !n.is_alphanumeric()),
    }
}

/// Finds the quotations of `text` that quote marks open, in text order.
/// `blocks` are its paragraphs' byte ranges, in order.
pub(super) fn find(text: &str, blocks: &[(usize, usize)]) -> Vec<Found> {
    let mut found: Vec<Found> = Vec::new();
    // Marks found per block: (open mark offset, close offset or block end).
    // The quote being read: its family, opening mark, where its current
    // part starts, and its parts so far.
    type Open = (Family, usize, usize, Vec<(usize, usize)>);
    let mut open: Option<Open> = None;
    // Only quote marks open or close a quote, so only they are read, in
    // text order; the text between them is passed over, whether a quote is
    // open or not.
    // Marks before the first block are never read: the search starts there.
    let mut marks = marks(text, blocks.first().map_or(0, |b| b.0)).peekable();
    for (bi, &(bs, be)) in blocks.iter().enumerate() {
        let s = &text[bs..be];
        while marks.next_if(|&m| m < bs).is_some() {}
        while let Some(at) = marks.next_if(|&m| m < be) {
            let i = at - bs;
            let c = s[i..].chars().next().expect("a char boundary");
            // The characters either side, within the block.
            let prev = s[..i].chars().next_back();
            let next = s[i + c.len_utf8()..].chars().next();
            if open.as_ref().is_some_and(|o| at < o.2) {
                // The mark that continues a quote from the last paragraph.
                continue;
            }
            match &mut open {
                Some((family, mark, from, parts)) => {
                    if closes(*family, c, prev, next) {
                        parts.push((*from, at));
                        let end = at + c.len_utf8();
                        found.push(make(text, *mark, std::mem::take(parts), end));
                        open = None;
                    } else if c == '“'
                        && prev.is_none_or(char::is_whitespace)
                        && next.is_some_and(char::is_alphanumeric)
                    {
                        // A quote opens inside the open one, which was never
                        // closed ("called it “divisive. He said he has been
                        // “unequivocal…”"): the quote is the new one.
                        open = Some((Family::Double, at, at + c.len_utf8(), Vec::new()));
                    }
                }
                None => {
                    if let Some(family) = opens(c, prev, next) {
                        open = Some((family, at, at + c.len_utf8(), Vec::new()));
                    }
                }
            }
        }
        if let Some((family, mark, from, mut parts)) = open.take() {
            parts.push((from, be));
            // Goes on when the next paragraph opens with a mark of its kind,
            // or closes the quote before it opens another: a scrape that
            // put each sentence on a line of its own ("“Climate change is a
            // threat.\nIt will grow,” said …").
            let goes_on = blocks.get(bi + 1).and_then(|&(ns, ne)| {
                let c = text[ns..].chars().next()?;
                if opens(c, None, None) == Some(family) {
                    return Some(ns + c.len_utf8());
                }
                let (opening, closing) = match family {
                    Family::Double => ('“', '”'),
                    Family::Guillemet => ('«', '»'),
                    Family::Single => ('‘', '’'),
                    Family::Low => return None,
                };
                let first = text[ns..ne].find([opening, closing])?;
                text[ns + first..].starts_with(closing).then_some(ns)
            });
            match goes_on {
                Some(next_from) if parts.len() < 20 => {
                    open = Some((family, mark, next_from, parts));
                }
                _ => found.push(make(text, mark, parts, be)),
            }
        }
    }
    found
}

/// Where the quote marks of `text` start, in order, from byte `from` (a
/// char boundary) on: `"`, and “ ” „ ‟ « ». Which marks count is read off
/// the whole text.
pub(super) fn marks(text: &str, from: usize) -> Box<dyn Iterator<Item = usize> + '_> {
    let bytes = text.as_bytes();
    // The marks after `"` are E2 80 9C to E2 80 9F (“ ” „ ‟), E2 80 98 and
    // 99 (‘ ’), C2 AB («) and
    // C2 BB (»). Vector searches pass over most of a text at once, and
    // stop as rarely as can be: where no „ ‟ « » is (most English text),
    // only `"` and the last bytes of “ and ” are looked for; else `"` and
    // the lead bytes of all the marks, which stops on every ’ – … and
    // no-break space too.
    let ends_mark = move |at: usize| match bytes[at] {
        0x9C..=0x9F => at >= 2 && bytes[at - 2..at] == [0xE2, 0x80],
        0xAB | 0xBB => at >= 1 && bytes[at - 1] == 0xC2,
        _ => false,
    };
    let rare = memchr::memchr3_iter(0x9E, 0x9F, 0xAB, bytes).any(ends_mark)
        || memchr::memchr_iter(0xBB, bytes).any(ends_mark);
    // ‘ (E2 80 98) opens British quotes; where there is one, ’ (E2 80 99)
    // is read too, apostrophes and all.
    let singles = memchr::memmem::find(bytes, "‘".as_bytes()).is_some();
    let low = if singles { 0x98 } else { 0x9C };
    let rare = rare || singles;
    if !rare {
        Box::new(
            memchr::memchr3_iter(b'"', 0x9C, 0x9D, &bytes[from..]).filter_map(move |k| {
                let at = from + k;
                if bytes[at] == b'"' {
                    Some(at)
                } else {
                    ends_mark(at).then(|| at - 2)
                }
            }),
        )
    } else {
        Box::new(
            memchr::memchr3_iter(b'"', 0xE2, 0xC2, &bytes[from..])
                .map(move |k| from + k)
                .filter(move |&at| match bytes[at] {
                    b'"' => true,
                    0xE2 => {
                        matches!(bytes.get(at + 1..at + 3), Some([0x80, b]) if (low..=0x9F).contains(b))
                    }
                    _ => matches!(bytes.get(at + 1), Some(0xAB | 0xBB)),
                }),
        )
    }
}

pub(super) fn make(text: &str, mark: usize, parts: Vec<(usize, usize)>, end: usize) -> Found {
    let parts: Vec<(usize, usize)> = parts
        .into_iter()
        .map(|(s, e)| {
            let piece = &text[s..e];
            let lead = piece.len() - piece.trim_start().len();
            (s + lead, s + lead + piece.trim().len())
        })
        .filter(|(s, e)| e > s)
        .collect();
    let text = parts
        .iter()
        .map(|&(s, e)| &text[s..e])
        .collect::<Vec<_>>()
        .join(" ");
    // The comma that closes a quote in English style is not quoted.
    let text = text.trim_end_matches([',', ' ']).to_string();
    Found {
        start: mark,
        text,
        end,
        speaker: None,
        named: false,
        line: None,
    }
}
