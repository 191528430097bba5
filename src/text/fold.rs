//! Folding: the forms of a text that decide what counts as a cosmetic
//! difference, and the hashes of them.

use std::hash::Hasher;

use unicode_segmentation::UnicodeSegmentation;

use super::hash::Fnv;
use super::{exact_hash, is_alnum, is_own_lower};

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
pub(super) fn fold_strict(text: &str, options: &Ignore) -> String {
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
pub(super) fn fold_each(
    text: &str,
    options: &Ignore,
    typography: bool,
    mut emit: impl FnMut(char),
) {
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
pub(super) fn each_kept(text: &str, mut emit: impl FnMut(char)) {
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
pub(super) struct Separator {
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
