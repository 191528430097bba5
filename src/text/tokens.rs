//! Word tokens (UAX #29 by the rules of news copy's characters) and the
//! character classes they rest on.

use unicode_segmentation::UnicodeSegmentation;

/// The text's unicode word-boundary tokens (UAX #29): words, runs of
/// horizontal white space, single punctuation marks, line breaks. Ideographs
/// come one per token, so Chinese is diffed by character; grapheme clusters
/// (emoji sequences, combining marks) are never split.
///
/// UAX #29 word boundaries can fall inside a grapheme cluster: a prepended
/// mark such as U+0600 ARABIC NUMBER SIGN binds to the character after it
/// as a grapheme but to the one before it as a word. Such a boundary is
/// dropped, so a piece never starts or ends inside a grapheme. Both
/// segmentations are walked once, side by side, so this stays linear.
pub(crate) fn tokens(text: &str) -> Vec<&str> {
    if let Some(tokens) = simple_tokens(text) {
        return tokens;
    }
    if simple_graphemes(text) {
        return text.split_word_bounds().collect();
    }
    tokens_by_graphemes(text)
}

/// `tokens`, with word bounds regrouped by grapheme boundaries.
pub(super) fn tokens_by_graphemes(text: &str) -> Vec<&str> {
    let mut graphemes = text.grapheme_indices(true).map(|(at, _)| at).peekable();
    let mut out = Vec::new();
    let mut start = 0;
    for (at, _) in text.split_word_bound_indices().skip(1) {
        while graphemes.next_if(|&g| g < at).is_some() {}
        if graphemes.peek() == Some(&at) {
            out.push(&text[start..at]);
            start = at;
        }
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

/// True when every character boundary of `text` is a grapheme boundary
/// but inside "\r\n" (which no word boundary splits either): ASCII, Latin-1
/// and Latin Extended letters, general punctuation (dashes, curly quotes)
/// arrows (the "↩" of footnotes), CJK ideographs and punctuation (not
/// the combining marks among them) and full-width forms, none of which extends or joins a
/// grapheme (no zero-width joiner: an arrow that is a pictograph stands
/// alone). Word bounds then need no
/// regrouping by graphemes.
pub(super) fn simple_graphemes(text: &str) -> bool {
    text.is_ascii()
        || text.chars().all(|c| {
            matches!(c, '\0'..='\u{7f}' | '\u{a0}'..='\u{24f}' | '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205e}' | '\u{2190}'..='\u{21ff}'
                | '\u{3000}'..='\u{3029}' | '\u{3030}'..='\u{303f}' | '\u{3400}'..='\u{4dbf}'
                | '\u{4e00}'..='\u{9fff}' | '\u{ff01}'..='\u{ff5e}')
        })
}

/// Calls `each(start, end, is_word)` for each of [`tokens`]`(text)` in
/// order (`is_word`: [`words::is_word`](super::words::is_word)), until it
/// returns false, without collecting them where [`simple_bounds`] knows
/// the characters. Where it meets one it does not know, the segmenter cuts
/// the stretch around it, between two [`safe`] places, and the walk goes
/// on after it: work stays linear however the unknown characters lie.
/// (Every token the walk gave before is the segmenter's too: it gives a
/// token only once the characters that decide its end are known.)
pub(crate) fn each_token(text: &str, mut each: impl FnMut(usize, usize, bool) -> bool) {
    let mut from = 0;
    loop {
        let mut resume = from;
        let mut stopped = false;
        let known = simple_bounds(&text[from..], |start, end, word| {
            resume = from + end;
            stopped = !each(from + start, from + end, word);
            !stopped
        });
        if known.is_some() || stopped {
            return;
        }
        // The walk stopped at the first character it does not know after
        // `resume`, or later (a mark it knows only inside a word).
        let unknown = text[resume..]
            .char_indices()
            .find(|&(_, c)| wb(c).is_none_or(|k| k == Wb::Extend))
            .map_or(text.len(), |(at, _)| resume + at);
        let start = safe_before(text, resume).max(from);
        let end = safe_after(text, unknown);
        let stretch = &text[start..end];
        let slow = if simple_graphemes(stretch) {
            stretch.split_word_bounds().collect()
        } else {
            tokens_by_graphemes(stretch)
        };
        for t in slow {
            let at = start + (t.as_ptr() as usize - stretch.as_ptr() as usize);
            if at < resume {
                continue;
            }
            if !each(at, at + t.len(), super::words::is_word(t)) {
                return;
            }
        }
        if end == text.len() {
            return;
        }
        from = end;
    }
}

/// True when the tokens (and the graphemes) of `text` after byte `at` are
/// those of `text[at..]` alone, and those before it those of `text[..at]`:
/// at either end, after a line feed (always a boundary, and no rule looks
/// back past it), or after a space between ASCII characters that are no
/// spaces (no rule joins them, nor looks back past the space; a prepended
/// mark such as U+0600, never ASCII, would take the space into its
/// grapheme).
pub(crate) fn safe(text: &str, at: usize) -> bool {
    let bytes = text.as_bytes();
    at == 0
        || at >= bytes.len()
        || bytes[at - 1] == b'\n'
        || (bytes[at - 1] == b' '
            && bytes[at].is_ascii()
            && bytes[at] != b' '
            && (at < 2 || (bytes[at - 2].is_ascii() && bytes[at - 2] != b' ')))
}

/// The last [`safe`] place at or before `at`.
pub(crate) fn safe_before(text: &str, at: usize) -> usize {
    let bytes = text.as_bytes();
    let mut k = at.min(bytes.len());
    while k > 0 && !safe(text, k) {
        k = bytes[..k - 1]
            .iter()
            .rposition(|&b| matches!(b, b'\n' | b' '))
            .map_or(0, |j| j + 1);
    }
    k
}

/// The first [`safe`] place after `at` (the text's end at the latest).
pub(crate) fn safe_after(text: &str, at: usize) -> usize {
    let bytes = text.as_bytes();
    (at + 1..bytes.len())
        .find(|&k| matches!(bytes[k - 1], b'\n' | b' ') && safe(text, k))
        .unwrap_or(bytes.len())
}

/// [`tokens`] by [`simple_bounds`]; `None` beyond its characters.
pub(super) fn simple_tokens(text: &str) -> Option<Vec<&str>> {
    let mut out = Vec::new();
    simple_bounds(text, |start, end, _| {
        out.push(&text[start..end]);
        true
    })?;
    Some(out)
}

/// The UAX #29 word-boundary tokens of `text`, without the segmenter's
/// table searches, for text whose every character is one of the few whose
/// word class `wb` knows (ASCII, Latin, Cyrillic and Arabic letters, CJK
/// ideographs, and the quotes, dashes, spaces and signs of news copy):
/// `each(start, end, is_word)` for every token in order, until it returns
/// false; `None` (at once or part-way) when another character comes up.
///
/// Letters, digits and `_` make one token (WB5, WB8 to WB10, WB13a and
/// b); one `:`, `.`, `'`, `‘` or `’` between two letters joins them (WB6,
/// WB7), and one `.`, `,`, `;`, `'`, `‘` or `’` between two digits (WB11,
/// WB12). Spaces run together (WB3d), `\r\n` is one token (WB3), and any
/// other character is a token of its own. A token is a word when it holds
/// a letter or a digit (an ideograph is both). None of these characters
/// extends or joins a grapheme, so no regrouping is needed. A test checks
/// it against the segmenter.
pub(super) fn simple_bounds(
    text: &str,
    each: impl FnMut(usize, usize, bool) -> bool,
) -> Option<()> {
    let bytes = text.as_bytes();
    if text.is_ascii() {
        // The classes read without decoding, and never `None` (so the
        // compiler drops those checks).
        let class_at = |i: usize| {
            Some(
                bytes
                    .get(i)
                    .map_or((Wb::End, 0), |&b| (ASCII_WB[usize::from(b)], 1)),
            )
        };
        return bounds_by(text, class_at, each);
    }
    let class_at = |i: usize| -> Option<(Wb, usize)> {
        match bytes.get(i) {
            None => Some((Wb::End, 0)),
            Some(&b) if b < 0x80 => Some((ASCII_WB[usize::from(b)], 1)),
            Some(_) => {
                let c = text[i..].chars().next()?;
                Some((wb(c)?, c.len_utf8()))
            }
        }
    };
    bounds_by(text, class_at, each)
}

/// [`simple_bounds`]' walk, given the word class and length of the
/// character at each byte offset.
pub(super) fn bounds_by(
    text: &str,
    class_at: impl Fn(usize) -> Option<(Wb, usize)>,
    mut each: impl FnMut(usize, usize, bool) -> bool,
) -> Option<()> {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let start = i;
        let (first, len) = class_at(i)?;
        i += len;
        let word = match first {
            Wb::Letter | Wb::Digit | Wb::Under => {
                let mut word = first != Wb::Under;
                let mut last = first;
                loop {
                    let (class, len) = class_at(i)?;
                    match class {
                        // A combining mark belongs to the letter before it
                        // (WB4); most Arabic marks count as letters.
                        Wb::Extend => {
                            word |= text[i..].chars().next().is_some_and(is_alnum);
                            i += len;
                        }
                        Wb::Letter | Wb::Digit | Wb::Under => {
                            word |= class != Wb::Under;
                            last = class;
                            i += len;
                        }
                        Wb::MidLetter | Wb::MidNumLet | Wb::MidNum => {
                            let (next, next_len) = class_at(i + len)?;
                            if next == Wb::Extend {
                                // The segmenter reads past the mark (WB4).
                                return None;
                            }
                            let letters = last == Wb::Letter
                                && next == Wb::Letter
                                && matches!(class, Wb::MidLetter | Wb::MidNumLet);
                            let digits = last == Wb::Digit
                                && next == Wb::Digit
                                && matches!(class, Wb::MidNum | Wb::MidNumLet);
                            if !(letters || digits) {
                                break;
                            }
                            i += len + next_len;
                            last = next;
                        }
                        _ => break,
                    }
                }
                word
            }
            Wb::Cr => {
                if bytes.get(i) == Some(&b'\n') {
                    i += 1;
                }
                false
            }
            Wb::Space => {
                loop {
                    let (class, len) = class_at(i)?;
                    if class != Wb::Space {
                        break;
                    }
                    i += len;
                }
                false
            }
            Wb::Ideograph => true,
            Wb::Extend => return None,
            _ => false,
        };
        if class_at(i)?.0 == Wb::Extend && (!word || first == Wb::Ideograph) {
            // A mark after a space, a sign, a line break or an ideograph
            // (whose token it would join): before the token is given, so
            // that every token given is the segmenter's (`each_token`).
            return None;
        }
        if !each(start, i, word) {
            break;
        }
    }
    Some(())
}

/// UAX #29 word classes, of the characters `wb` knows, and the end of the
/// text.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Wb {
    Letter,
    Digit,
    Under,
    MidLetter,
    MidNumLet,
    MidNum,
    Space,
    Cr,
    Ideograph,
    /// A combining mark: only known inside a word (anywhere else, the
    /// segmenter decides).
    Extend,
    Other,
    End,
}

/// The word class of each ASCII character, looked up.
pub(super) const ASCII_WB: [Wb; 128] = {
    let mut table = [Wb::Other; 128];
    let mut b = 0;
    while b < 128 {
        table[b as usize] = ascii_wb(b);
        b += 1;
    }
    table
};

pub(super) const fn ascii_wb(b: u8) -> Wb {
    match b {
        b'a'..=b'z' | b'A'..=b'Z' => Wb::Letter,
        b'0'..=b'9' => Wb::Digit,
        b'_' => Wb::Under,
        b':' => Wb::MidLetter,
        b'.' | b'\'' => Wb::MidNumLet,
        b',' | b';' => Wb::MidNum,
        b' ' => Wb::Space,
        b'\r' => Wb::Cr,
        _ => Wb::Other,
    }
}

/// The word class of a character, `None` for one `wb` does not know.
/// Below U+0800 (ASCII and the two-byte characters: Latin, Cyrillic,
/// Arabic) it is read from a table, one load instead of a search through
/// the ranges that Arabic and Cyrillic text asked for at every letter.
pub(super) fn wb(c: char) -> Option<Wb> {
    match TWO_BYTES.get(c as usize) {
        Some(&class) => class,
        None => wb_of(c),
    }
}

/// [`wb_of`] for every character below U+0800.
static TWO_BYTES: [Option<Wb>; 0x800] = {
    let mut table = [None; 0x800];
    let mut k = 0;
    while k < 0x800 {
        if let Some(c) = char::from_u32(k as u32) {
            table[k] = wb_of(c);
        }
        k += 1;
    }
    table
};

/// The word classes `wb` knows, by range.
const fn wb_of(c: char) -> Option<Wb> {
    // Ideographs first: Chinese asks for one per character.
    if is_cjk(c) {
        return Some(Wb::Ideograph);
    }
    Some(match c {
        '\0'..='\x7f' => ascii_wb(c as u8),
        '\u{2018}' | '\u{2019}' => Wb::MidNumLet,
        '\u{3000}' => Wb::Space,
        // Latin, Cyrillic, Arabic letters and digits.
        '\u{c0}'..='\u{d6}'
        | '\u{d8}'..='\u{f6}'
        | '\u{f8}'..='\u{24f}'
        | '\u{401}'
        | '\u{410}'..='\u{44f}'
        | '\u{451}'
        | '\u{621}'..='\u{63a}'
        | '\u{641}'..='\u{64a}'
        // Persian and Kurdish letters; Vietnamese's.
        | '\u{671}'..='\u{6d3}'
        | '\u{6d5}'
        | '\u{1ea0}'..='\u{1ef9}' => Wb::Letter,
        '\u{660}'..='\u{669}' => Wb::Digit,
        // Arabic vowel marks, shadda, sukun.
        '\u{64b}'..='\u{65f}' | '\u{670}' => Wb::Extend,
        '\u{60c}' | '\u{ff0c}' | '\u{ff1b}' => Wb::MidNum,
        '\u{ff1a}' => Wb::MidLetter,
        '\u{a0}' | '\u{a3}' | '\u{a9}' | '\u{ab}' | '\u{b0}' | '\u{bb}' | '\u{61b}' | '\u{61f}'
        | '\u{2013}' | '\u{2014}' | '\u{201c}' | '\u{201d}' | '\u{2022}' | '\u{2026}'
        | '\u{20ac}' | '\u{2192}' | '\u{21a9}' | '\u{3001}' | '\u{3002}' | '\u{300a}'
        | '\u{300b}' | '\u{3010}' | '\u{3011}' | '\u{ff01}' | '\u{ff08}' | '\u{ff09}'
        | '\u{ff1f}' | '\u{ff5c}' => Wb::Other,
        _ => return None,
    })
}

/// `char::is_alphanumeric`, without std's table search for every
/// character: beyond ASCII, the answer for each block of 256 code points
/// of the Basic Multilingual Plane is read from std once, the first time a
/// text holds one of them, and kept as a bit set. (The search costs tens
/// of nanoseconds; Arabic or Cyrillic text asks it for every letter.)
pub(crate) fn is_alnum(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    if is_cjk(c) {
        return true;
    }
    match page(c) {
        Some(p) => p.has(&p.alnum, c),
        None => c.is_alphanumeric(),
    }
}

/// True when `c` is its own lower case (`c.to_lowercase()` yields `c`
/// alone): digits, lower-case letters, and the letters of scripts without
/// case (Arabic, Hebrew, the ideographs). Read like [`is_alnum`].
pub(crate) fn is_own_lower(c: char) -> bool {
    if c.is_ascii() {
        return !c.is_ascii_uppercase();
    }
    if is_cjk(c) {
        return true;
    }
    match page(c) {
        Some(p) => p.has(&p.own_lower, c),
        None => own_lower(c),
    }
}

/// CJK unified ideographs: letters without case, asked for one by one in
/// Chinese text.
pub(super) const fn is_cjk(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}')
}

pub(super) fn own_lower(c: char) -> bool {
    let mut lower = c.to_lowercase();
    lower.next() == Some(c) && lower.next().is_none()
}

/// Character classes of 256 code points.
pub(super) struct Page {
    alnum: [u64; 4],
    own_lower: [u64; 4],
}

impl Page {
    fn of(first: u32) -> Self {
        let mut page = Page {
            alnum: [0; 4],
            own_lower: [0; 4],
        };
        for k in 0..256u32 {
            // Surrogates are no chars: they stay out of both sets.
            let Some(c) = char::from_u32(first + k) else {
                continue;
            };
            let bit = 1u64 << (k % 64);
            if c.is_alphanumeric() {
                page.alnum[(k / 64) as usize] |= bit;
            }
            if own_lower(c) {
                page.own_lower[(k / 64) as usize] |= bit;
            }
        }
        page
    }

    fn has(&self, set: &[u64; 4], c: char) -> bool {
        let k = c as u32 & 0xff;
        set[(k / 64) as usize] & (1 << (k % 64)) != 0
    }
}

/// The page of `c`, filled on first use; `None` beyond the Basic
/// Multilingual Plane (rare in news text: std answers).
pub(super) fn page(c: char) -> Option<&'static Page> {
    static PAGES: [std::sync::OnceLock<Page>; 256] = [const { std::sync::OnceLock::new() }; 256];
    let at = c as u32;
    (at <= 0xffff).then(|| PAGES[(at >> 8) as usize].get_or_init(|| Page::of(at & !0xff)))
}
