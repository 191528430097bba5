//! Text utilities shared by the stages: word tokens and the folding that
//! decides what counts as a cosmetic difference.

use std::hash::Hasher;

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
fn tokens_by_graphemes(text: &str) -> Vec<&str> {
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
fn simple_graphemes(text: &str) -> bool {
    text.is_ascii()
        || text.chars().all(|c| {
            matches!(c, '\0'..='\u{7f}' | '\u{a0}'..='\u{24f}' | '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205e}' | '\u{2190}'..='\u{21ff}'
                | '\u{3000}'..='\u{3029}' | '\u{3030}'..='\u{303f}' | '\u{3400}'..='\u{4dbf}'
                | '\u{4e00}'..='\u{9fff}' | '\u{ff01}'..='\u{ff5e}')
        })
}

/// How many of `tokens(text)` are words (`is_word`), without collecting
/// the tokens.
pub(crate) fn count_words(text: &str) -> usize {
    if let Some(count) = count_simple_words(text, usize::MAX) {
        return count;
    }
    if simple_graphemes(text) {
        return text.split_word_bounds().filter(|t| is_word(t)).count();
    }
    let mut graphemes = text.grapheme_indices(true).map(|(at, _)| at).peekable();
    let mut count = 0;
    let mut start = 0;
    for (at, _) in text.split_word_bound_indices().skip(1) {
        while graphemes.next_if(|&g| g < at).is_some() {}
        if graphemes.peek() == Some(&at) {
            count += usize::from(is_word(&text[start..at]));
            start = at;
        }
    }
    if start < text.len() {
        count += usize::from(is_word(&text[start..]));
    }
    count
}

/// [`count_words`] by [`simple_bounds`]; `None` beyond its characters.
/// Stops counting at `stop` words.
pub(crate) fn count_simple_words(text: &str, stop: usize) -> Option<usize> {
    let mut count = 0;
    simple_bounds(text, |_, _, word| {
        count += usize::from(word);
        count < stop
    })?;
    Some(count)
}

/// [`tokens`] by [`simple_bounds`]; `None` beyond its characters.
fn simple_tokens(text: &str) -> Option<Vec<&str>> {
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
fn simple_bounds(text: &str, each: impl FnMut(usize, usize, bool) -> bool) -> Option<()> {
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
fn bounds_by(
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
        if class_at(i)?.0 == Wb::Extend && !word {
            // A mark after a space, a sign or a line break.
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
enum Wb {
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
const ASCII_WB: [Wb; 128] = {
    let mut table = [Wb::Other; 128];
    let mut b = 0;
    while b < 128 {
        table[b as usize] = ascii_wb(b);
        b += 1;
    }
    table
};

const fn ascii_wb(b: u8) -> Wb {
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

fn wb(c: char) -> Option<Wb> {
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
        | '\u{641}'..='\u{64a}' => Wb::Letter,
        '\u{660}'..='\u{669}' => Wb::Digit,
        // Arabic vowel marks, shadda, sukun.
        '\u{64b}'..='\u{65f}' | '\u{670}' => Wb::Extend,
        '\u{60c}' | '\u{ff0c}' | '\u{ff1b}' => Wb::MidNum,
        '\u{ff1a}' => Wb::MidLetter,
        '\u{4e00}'..='\u{9fff}' => Wb::Ideograph,
        '\u{a0}' | '\u{a3}' | '\u{a9}' | '\u{ab}' | '\u{b0}' | '\u{bb}' | '\u{61b}' | '\u{61f}'
        | '\u{2013}' | '\u{2014}' | '\u{201c}' | '\u{201d}' | '\u{2022}' | '\u{2026}'
        | '\u{20ac}' | '\u{2192}' | '\u{21a9}' | '\u{3001}' | '\u{3002}' | '\u{300a}'
        | '\u{300b}' | '\u{ff01}' | '\u{ff08}' | '\u{ff09}' | '\u{ff1f}' => Wb::Other,
        _ => return None,
    })
}

/// True when a token holds a letter or a digit.
pub(crate) fn is_word(token: &str) -> bool {
    token.chars().any(is_alnum)
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
fn is_cjk(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}')
}

fn own_lower(c: char) -> bool {
    let mut lower = c.to_lowercase();
    lower.next() == Some(c) && lower.next().is_none()
}

/// Character classes of 256 code points.
struct Page {
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
fn page(c: char) -> Option<&'static Page> {
    static PAGES: [std::sync::OnceLock<Page>; 256] = [const { std::sync::OnceLock::new() }; 256];
    let at = c as u32;
    (at <= 0xffff).then(|| PAGES[(at >> 8) as usize].get_or_init(|| Page::of(at & !0xff)))
}

/// Maps typographic variants to one plain form: curly quotes to straight,
/// dashes to a hyphen, non-breaking and other spaces to a space.
pub(crate) fn plain_char(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '`' | '\u{00B4}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}'
        | '\u{00BB}' => '"',
        '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
        '\u{2026}' => '.',
        c if c.is_whitespace() => ' ',
        c => c,
    }
}

/// What folding ignores: the comparison options that reach the text layer
/// (`model::Options::ignore` gives them).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Ignore {
    /// Letters that differ only in case.
    pub ignore_case: bool,
    /// Differences in white space.
    pub ignore_whitespace: bool,
    /// Differences in punctuation and typography.
    pub ignore_punctuation: bool,
}

/// The form of `text` that options compare: white space collapsed (always;
/// a block's line endings and runs of spaces never make it a different
/// block), and case, punctuation and typography folded as asked.
pub(crate) fn fold(text: &str, options: &Ignore) -> String {
    let mut out = String::with_capacity(text.len());
    fold_each(text, options, true, |c| out.push(c));
    out
}

/// [`fold`], with typography (curly quotes, dashes, the ellipsis) folded
/// only when the options ignore punctuation: what decides that two blocks
/// are the same, where [`fold`] decides only that they pair.
fn fold_strict(text: &str, options: &Ignore) -> String {
    let mut out = String::with_capacity(text.len());
    fold_each(text, options, options.ignore_punctuation, |c| out.push(c));
    out
}

/// The hash of [`fold`]`(text, options)`, without building the string:
/// equal folded forms give equal hashes.
pub(crate) fn fold_hash(text: &str, options: &Ignore) -> u64 {
    let mut h = Fnv(0xcbf2_9ce4_8422_2325);
    fold_each(text, options, true, |c| h.write_u32(c as u32));
    h.finish()
}

/// Feeds the characters of the folded form of `text` to `emit`, with
/// typographic variants made plain when `typography`.
fn fold_each(text: &str, options: &Ignore, typography: bool, mut emit: impl FnMut(char)) {
    let mut space = false;
    let mut started = false;
    let mut separator = Separator::default();
    for c in text.chars() {
        let c = if typography {
            plain_char(c)
        } else if c.is_whitespace() {
            ' '
        } else {
            c
        };
        if c == ' ' || (options.ignore_punctuation && !is_alnum(c)) {
            space |= c == ' ';
            separator.dropped(c);
            continue;
        }
        separator.kept(c).into_iter().for_each(&mut emit);
        if space && started && !options.ignore_whitespace {
            emit(' ');
        }
        space = false;
        started = true;
        if options.ignore_case {
            c.to_lowercase().for_each(&mut emit);
        } else {
            emit(c);
        }
    }
}

/// The hash of a word, lower-cased: [`exact_hash`] of [`lower`], so a
/// word that is its own lower case (most are) is hashed where it lies,
/// eight bytes at a time.
pub(crate) fn word_hash(word: &str) -> u64 {
    exact_hash(&lower(word))
}

/// `text.to_lowercase()`, borrowed when the text is its own lower case
/// (digits, lower-case letters, scripts without case such as Chinese or
/// Arabic), which is most words.
pub(crate) fn lower(text: &str) -> std::borrow::Cow<'_, str> {
    if text.chars().all(is_own_lower) {
        std::borrow::Cow::Borrowed(text)
    } else {
        std::borrow::Cow::Owned(text.to_lowercase())
    }
}

/// The loosest form of `text`: only letters and digits, lower-cased, and
/// the point or comma between two digits (`3.5` is not `35`, nor `£1,750`
/// `£1.750`). Two texts with the same loose form differ only cosmetically.
pub(crate) fn loose(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    each_kept(text, |c| c.to_lowercase().for_each(|l| out.push(l)));
    out
}

/// Feeds `emit` the letters and digits of `text`, and each `.` or `,`
/// that stands between two digits.
fn each_kept(text: &str, mut emit: impl FnMut(char)) {
    let mut separator = Separator::default();
    for c in text.chars() {
        if is_alnum(c) {
            separator.kept(c).into_iter().for_each(&mut emit);
            emit(c);
        } else {
            separator.dropped(c);
        }
    }
}

/// A point or comma between two digits is part of a figure's value (a
/// decimal point, a thousands separator), not punctuation: where
/// punctuation is dropped, one after a digit is held until the next kept
/// character shows whether a digit follows.
#[derive(Default)]
struct Separator {
    held: Option<char>,
    after_digit: bool,
}

impl Separator {
    /// `c` is dropped (punctuation, or white space).
    fn dropped(&mut self, c: char) {
        self.held = (self.after_digit && matches!(c, '.' | ',')).then_some(c);
        self.after_digit = false;
    }

    /// `c` is kept: the separator held before it, when `c` is a digit.
    fn kept(&mut self, c: char) -> Option<char> {
        self.after_digit = c.is_ascii_digit();
        self.held.take().filter(|_| self.after_digit)
    }
}

/// True when `before` and `after` differ only in what `options` ignore.
/// Unlike [`fold`], white space counts here unless the options ignore it.
pub(crate) fn same_under(before: &str, after: &str, options: &Ignore) -> bool {
    if options.ignore_whitespace {
        return fold_strict(before, options) == fold_strict(after, options);
    }
    let strict = |s: &str| {
        s.split_word_bounds()
            .map(|t| {
                if t.chars().all(char::is_whitespace) {
                    std::borrow::Cow::Borrowed(t)
                } else {
                    std::borrow::Cow::Owned(fold_strict(t, options))
                }
            })
            .collect::<String>()
    };
    strict(before) == strict(after)
}

/// True when `before` and `after` are the same text once every line break
/// (`\r\n`, `\r`, `\n`) is read as one `\n`.
pub(crate) fn same_but_line_endings(before: &str, after: &str) -> bool {
    fn lines(s: &str) -> impl Iterator<Item = u8> + '_ {
        let bytes = s.as_bytes();
        bytes
            .iter()
            .enumerate()
            .filter_map(move |(at, &b)| match b {
                b'\r' if bytes.get(at + 1) == Some(&b'\n') => None,
                b'\r' => Some(b'\n'),
                b => Some(b),
            })
    }
    lines(before).eq(lines(after))
}

/// True when `before` and `after` differ only in white space, case,
/// punctuation or typography.
pub(crate) fn cosmetic(before: &str, after: &str) -> bool {
    loose(before) == loose(after)
}

/// The slice of `whole` from the start of `a` to the end of `b`, when both
/// are slices of `whole` and `b` follows `a` directly; else `None`.
pub(crate) fn extend<'a>(whole: &'a str, a: &str, b: &str) -> Option<&'a str> {
    let base = whole.as_ptr() as usize;
    let start = (a.as_ptr() as usize).checked_sub(base)?;
    let middle = (b.as_ptr() as usize).checked_sub(base)?;
    let end = middle + b.len();
    (start + a.len() == middle && end <= whole.len()).then(|| &whole[start..end])
}

/// A fast hash of a text's exact bytes, eight at a time (FxHash's
/// rotate-xor-multiply): for finding byte-identical blocks, where folding
/// every character would cost ten times more.
pub(crate) fn exact_hash(text: &str) -> u64 {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let bytes = text.as_bytes();
    let mut h = bytes.len() as u64;
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let word = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        h = (h.rotate_left(5) ^ word).wrapping_mul(K);
    }
    let mut last = [0u8; 8];
    last[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
    h = (h.rotate_left(5) ^ u64::from_le_bytes(last)).wrapping_mul(K);
    h ^ (h >> 29)
}

/// `str::trim`, with ASCII white space stripped a byte at a time: only a
/// text that then starts or ends beyond ASCII (where Unicode white space
/// may stand) goes through `str::trim`'s decoding.
pub(crate) fn trim(text: &str) -> &str {
    let space = |b: &u8| matches!(b, b'\t'..=b'\r' | b' ');
    let bytes = text.as_bytes();
    // All white space: the empty slice at the start, as `str::trim` gives.
    let Some(start) = bytes.iter().position(|b| !space(b)) else {
        return &text[..0];
    };
    let end = bytes
        .iter()
        .rposition(|b| !space(b))
        .map_or(start, |k| k + 1);
    let inner = &text[start..end];
    match (inner.as_bytes().first(), inner.as_bytes().last()) {
        (Some(a), Some(z)) if !a.is_ascii() || !z.is_ascii() => match inner.trim() {
            "" => &text[..0],
            t => t,
        },
        _ => inner,
    }
}

/// A hasher for keys that are hashes already: it passes them through.
pub(crate) type Prehashed = std::hash::BuildHasherDefault<PassThrough>;

#[derive(Default)]
pub(crate) struct PassThrough(u64);

impl std::hash::Hasher for PassThrough {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        // Only `u64` keys are hashed here; any other bytes are folded in.
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// FNV-1a, through std's Hasher interface.
struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }

    fn write_u32(&mut self, n: u32) {
        // One round per character, not four: folding feeds characters.
        self.0 ^= u64::from(n);
        self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
    }
}

/// Full month names, lower case.
pub(crate) const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Month abbreviations, lower case ("may" is a full name already).
pub(crate) const MONTH_ABBREVIATIONS: &[&str] = &[
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
];

/// Weekday names, lower case.
pub(crate) const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// True for a full month or weekday name, given in lower case: a date word,
/// never a speaker's name.
pub(crate) fn is_month_or_weekday(lower: &str) -> bool {
    MONTHS.contains(&lower) || WEEKDAYS.contains(&lower)
}

/// How many items two sorted multisets share (one merge pass).
pub(crate) fn common<T: Ord>(a: &[T], b: &[T]) -> usize {
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    common
}

/// 20,000 texts of fewer than `longest` characters drawn from `alphabet`
/// by a fixed-seed generator (xorshift), for tests that hold a fast path to
/// a slow one.
#[cfg(test)]
pub(crate) fn generated(
    alphabet: &[char],
    longest: u64,
    mut seed: u64,
) -> impl Iterator<Item = String> + '_ {
    (0..20_000).map(move |_| {
        let mut text = String::new();
        for _ in 0..(seed % longest) {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            text.push(alphabet[(seed % alphabet.len() as u64) as usize]);
        }
        text
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trim_agrees_with_str_trim() {
        const ALPHABET: &[char] = &[
            'a', ' ', '\t', '\n', '\r', '\x0b', '\x0c', '\u{85}', '\u{a0}', '\u{2028}', '\u{3000}',
            'é', '\u{200b}',
        ];
        for text in generated(ALPHABET, 12, 0x2545_f491_4f6c_dd1d) {
            assert_eq!(trim(&text), text.trim(), "{text:?}");
            // The same slice, not an equal copy: offsets are taken from it.
            assert_eq!(trim(&text).as_ptr(), text.trim().as_ptr(), "{text:?}");
        }
    }

    #[test]
    fn the_simple_tokens_agree_with_the_segmenter() {
        // Every text of up to four characters over characters of each
        // class, then longer texts from a fixed-seed generator, then each
        // known character between letters, between digits, and alone.
        const ALPHABET: &[char] = &[
            'a', 'Z', '0', '9', '_', ':', '.', '\'', ',', ';', ' ', '-', '\n', '\r', '\t', 'é',
            'Ł', 'ж', 'م', '٣', '،', '\u{651}', '中', '，', '：', '\u{3000}', '\u{2019}',
            '\u{2018}', '\u{201c}', '\u{a0}', '\u{2013}', '£', '↩',
        ];
        let check = |t: &str| {
            let expected: Vec<&str> = t.split_word_bounds().collect();
            let words = expected.iter().filter(|w| is_word(w)).count();
            // A combining mark outside a word is left to the segmenter.
            if t.chars().any(|c| wb(c) == Some(Wb::Extend)) && simple_tokens(t).is_none() {
                assert_eq!(count_simple_words(t, usize::MAX), None, "{t:?}");
                return;
            }
            assert_eq!(simple_tokens(t).as_ref(), Some(&expected), "{t:?}");
            assert_eq!(count_simple_words(t, usize::MAX), Some(words), "{t:?}");
        };
        let mut text = String::new();
        for len in 0..=4u32 {
            for mut n in 0..ALPHABET.len().pow(len) {
                text.clear();
                for _ in 0..len {
                    text.push(ALPHABET[n % ALPHABET.len()]);
                    n /= ALPHABET.len();
                }
                check(&text);
            }
        }
        for text in generated(ALPHABET, 40, 0x2545_f491_4f6c_dd1d) {
            check(&text);
        }
        for c in ('\0'..='\u{ffff}').filter(|&c| wb(c).is_some()) {
            for probe in [
                format!("ab{c}cd"),
                format!("12{c}34"),
                format!("{c}"),
                format!("{c}{c}"),
                format!("_{c}x"),
                format!("中{c}a"),
            ] {
                check(&probe);
            }
        }
        assert_eq!(count_simple_words("one two three four", 2), Some(2));
        assert_eq!(simple_tokens("e\u{301}"), None);
        // Marks inside Arabic words stay on the fast path.
        assert_eq!(count_simple_words("مّم مًا", usize::MAX), Some(2));
    }

    #[test]
    fn the_character_pages_agree_with_std() {
        for c in (0..=0x10ffffu32).step_by(7).filter_map(char::from_u32) {
            assert_eq!(is_alnum(c), c.is_alphanumeric(), "{c:?}");
            assert_eq!(is_own_lower(c), own_lower(c), "{c:?}");
        }
    }

    #[test]
    fn the_fast_token_path_agrees_with_the_grapheme_path() {
        for text in [
            "Plain words, 1,234.5 and don't stop.\r\nNext line\n",
            "Café naïve – “quoted” ‘words’ — ellipsis… Œuvre ȸ",
            "Footnote↩ back ↩↩ arrows ← → ⇒ 12%\u{a0}more\u{ad}text",
            "A\r\n\r\nB ‐‑‒ ‰ ′″ ⁄ ⁞",
            "中文新闻，“引号”。（括号）Ｆｕｌｌ ２０２４年 〇〜",
        ] {
            assert!(simple_graphemes(text), "{text:?}");
            assert_eq!(tokens(text), tokens_by_graphemes(text), "{text:?}");
            let words = tokens_by_graphemes(text)
                .iter()
                .filter(|t| is_word(t))
                .count();
            assert_eq!(count_words(text), words, "{text:?}");
        }
        assert!(!simple_graphemes("e\u{301}"));
        assert!(!simple_graphemes("a\u{200d}b"));
    }

    #[test]
    fn tokens_rebuild_the_text_and_keep_graphemes() {
        let s = "Bashar’s 👩‍👩‍👧 café\r\n叙利亚总统";
        let t = tokens(s);
        assert_eq!(t.concat(), s);
        assert!(t.contains(&"👩‍👩‍👧"));
        assert!(t.contains(&"叙"));
    }

    #[test]
    fn regression_prepended_mark_is_never_split_from_its_grapheme() {
        // U+0600 binds forward as a grapheme, backward as a word.
        let s = "the\u{600}.the";
        let t = tokens(s);
        assert_eq!(t.concat(), s);
        assert!(t.contains(&"the\u{600}."), "{t:?}");
    }

    #[test]
    fn fold_collapses_space_and_typography() {
        let o = Ignore::default();
        assert_eq!(fold(" “red  line”\u{a0}— ", &o), "\"red line\" -");
        let loose_opts = Ignore {
            ignore_case: true,
            ignore_punctuation: true,
            ..Ignore::default()
        };
        assert_eq!(fold("(CNN) —", &loose_opts), "cnn");
    }

    #[test]
    fn typography_makes_blocks_differ_unless_punctuation_is_ignored() {
        let plain = Ignore::default();
        let loose_opts = Ignore {
            ignore_punctuation: true,
            ..Ignore::default()
        };
        for (a, b) in [
            ("A para — here.", "A para - here."),
            ("“Quoted,” she said.", "\"Quoted,\" she said."),
        ] {
            assert!(!same_under(a, b, &plain), "{a:?}");
            assert!(same_under(a, b, &loose_opts), "{a:?}");
            // They still pair: the alignment key folds typography.
            assert_eq!(fold_hash(a, &plain), fold_hash(b, &plain), "{a:?}");
        }
        let spaces = Ignore {
            ignore_whitespace: true,
            ..Ignore::default()
        };
        assert!(!same_under("a — b", "a-b", &spaces));
        assert!(same_under("a - b", "a-b", &spaces));
    }

    #[test]
    fn a_figures_point_or_comma_is_no_punctuation() {
        for (a, b) in [("3.5", "35"), ("£1,750", "£1.750"), ("1,5 млн", "15 млн")] {
            assert!(!cosmetic(a, b), "{a:?} {b:?}");
            let o = Ignore {
                ignore_punctuation: true,
                ..Ignore::default()
            };
            assert_ne!(fold(a, &o), fold(b, &o), "{a:?} {b:?}");
        }
        // Punctuation around figures stays cosmetic.
        for (a, b) in [
            ("(1,750)", "1,750"),
            ("20.", "20"),
            ("3, 4", "3 4"),
            ("(CNN) —", "CNN —"),
        ] {
            assert!(cosmetic(a, b), "{a:?} {b:?}");
        }
    }

    #[test]
    fn line_endings_alone_make_no_difference() {
        assert!(same_but_line_endings("a\r\nb\rc\n", "a\nb\nc\r\n"));
        assert!(!same_but_line_endings("a\r\nb", "a\n\nb"));
        assert!(!same_but_line_endings("a b", "a  b"));
    }

    #[test]
    fn fold_hash_is_the_hash_of_the_fold() {
        let o = Ignore {
            ignore_case: true,
            ..Ignore::default()
        };
        let (a, b) = (" “Red  line”\n", "\"red line\"");
        assert_eq!(fold(a, &o), fold(b, &o));
        assert_eq!(fold_hash(a, &o), fold_hash(b, &o));
        assert_ne!(fold_hash(a, &o), fold_hash("red lines", &o));
        assert_eq!(word_hash("Café"), word_hash("CAFÉ"));
    }

    #[test]
    fn cosmetic_sees_only_letters_and_digits() {
        assert!(cosmetic("(CNN) —", "CNN  —"));
        assert!(!cosmetic("145 killed", "148 killed"));
    }
}
