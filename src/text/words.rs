//! What a word is: the one definition that every count and cut of words
//! in the crate uses (`wordsAdded`, `wordsRemoved`, `sharedWording`, the
//! word sets that pair blocks and quotes, the words of a speaker's name,
//! the sentence stems that pair outlets' sentences and figures, the diff's
//! islands, `clean`'s short blocks, the quotes' least words).
//!
//! A word is a word token of [`tokens`](super::tokens) (UAX #29: a token
//! that holds a letter or a digit), and two word tokens with one hyphen
//! between them, no space, are one word. So "don't", "U.S.", "3.5",
//! "1,400" and "e-mail" are one word each, and every Han ideograph is a
//! word of its own. [`FORMS`] names each form with its examples; a test
//! runs every example, through the definition ([`words`]) and through the
//! fast count ([`count`]).

use super::tokens::{each_token, safe_after, safe_before, Wb, ASCII_WB};

/// One form a word takes in news copy, with its examples.
// The table is the definition's documentation and its test: only the tests
// read it (the code below reads the rules as the tokens give them).
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) struct Form {
    /// The form.
    pub name: &'static str,
    /// The rule that makes it one word (or several).
    pub rule: &'static str,
    /// Examples: a text and its words. Only in the tests' build.
    #[cfg(test)]
    pub examples: &'static [(&'static str, &'static [&'static str])],
}

/// The forms of words, as data: each rule with its examples (every
/// example is a test).
// Read by the tests only, like `Form`.
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) const FORMS: &[Form] = &[
    Form {
        name: "plain word",
        rule: "a run of letters and digits (UAX #29 WB5, WB8 to WB10)",
        #[cfg(test)]
        examples: &[
            ("news", &["news"]),
            ("Covid19 in 2024", &["Covid19", "in", "2024"]),
            ("Café naïve Œuvre", &["Café", "naïve", "Œuvre"]),
        ],
    },
    Form {
        name: "contraction or possessive",
        rule: "an apostrophe (' or ’ or ‘) between two letters joins them (WB6, WB7); \
               one at a word's end is punctuation",
        #[cfg(test)]
        examples: &[
            ("don't", &["don't"]),
            ("don’t", &["don’t"]),
            ("O’Brien's view", &["O’Brien's", "view"]),
            ("the ministers’ talks", &["the", "ministers", "talks"]),
            ("‘quoted’", &["quoted"]),
        ],
    },
    Form {
        name: "abbreviation with points",
        rule: "a point between two letters joins them (WB6, WB7); the last point is punctuation",
        #[cfg(test)]
        examples: &[
            ("U.S.", &["U.S"]),
            ("the U.S. and U.K.", &["the", "U.S", "and", "U.K"]),
            ("e.g. this", &["e.g", "this"]),
            ("Dr. Smith", &["Dr", "Smith"]),
        ],
    },
    Form {
        name: "figure",
        rule: "a point, comma, semicolon or apostrophe between two digits joins them \
               (WB11, WB12); a sign or unit beside the digits is no word",
        #[cfg(test)]
        examples: &[
            ("3.5", &["3.5"]),
            ("1,400 people", &["1,400", "people"]),
            ("£1,750 and 2.5%", &["1,750", "and", "2.5"]),
            ("1,5 млн", &["1,5", "млн"]),
            ("20.", &["20"]),
            ("3, 4", &["3", "4"]),
        ],
    },
    Form {
        name: "time",
        rule: "a colon joins letters (WB6, WB7), not digits: a time is two words",
        #[cfg(test)]
        examples: &[("at 10:30", &["at", "10", "30"])],
    },
    Form {
        name: "hyphenated compound",
        rule: "one hyphen (-, ‐ or ‑) between two words, no space, joins them; \
               a dash, a slash or a spaced hyphen does not",
        #[cfg(test)]
        examples: &[
            ("e-mail", &["e-mail"]),
            ("a five-year-old", &["a", "five-year-old"]),
            ("Covid-19", &["Covid-19"]),
            ("the 1990-91 season", &["the", "1990-91", "season"]),
            ("U.S.-led", &["U.S", "led"]),
            ("well- and ill-", &["well", "and", "ill"]),
            ("a - b", &["a", "b"]),
            ("a--b", &["a", "b"]),
            ("5–7", &["5", "7"]),
            ("and/or", &["and", "or"]),
        ],
    },
    Form {
        name: "underscore",
        rule: "an underscore joins letters and digits (WB13a, WB13b)",
        #[cfg(test)]
        examples: &[("every_one", &["every_one"]), ("a _ b", &["a", "b"])],
    },
    Form {
        name: "Cyrillic and Arabic",
        rule: "words of other alphabets by the same rules; Arabic vowel marks belong \
               to their letter (WB4)",
        #[cfg(test)]
        examples: &[
            ("Путин заявил", &["Путин", "заявил"]),
            ("قال الرئيس", &["قال", "الرئيس"]),
            ("مّم مًا", &["مّم", "مًا"]),
            ("١٢٣ شخصا", &["١٢٣", "شخصا"]),
        ],
    },
    Form {
        name: "Han and kana",
        rule: "each Han ideograph is a word (the diff works by character in Chinese); \
               each hiragana too; a run of katakana is one word (WB13)",
        #[cfg(test)]
        examples: &[
            ("中文新闻", &["中", "文", "新", "闻"]),
            ("２０２４年", &["２０２４", "年"]),
            ("ニュース", &["ニュース"]),
        ],
    },
    Form {
        name: "no word",
        rule: "white space, punctuation, signs and symbols are no words",
        #[cfg(test)]
        examples: &[(" — “…” £ % ↩ ", &[]), ("", &[])],
    },
];

/// True for a hyphen that joins two words.
fn is_hyphen(token: &str) -> bool {
    matches!(token, "-" | "\u{2010}" | "\u{2011}")
}

/// Calls `each(start, end)` with the byte range of every word of `text`,
/// in order, until it returns false: the definition, read off the tokens.
pub(crate) fn each_word(text: &str, mut each: impl FnMut(usize, usize) -> bool) {
    // The word being read, and where a hyphen after it ends (when one
    // follows it straight away).
    let mut word: Option<(usize, usize)> = None;
    let mut hyphen: Option<usize> = None;
    let mut stopped = false;
    each_token(text, |start, end, is_word| {
        if is_word {
            match (word, hyphen) {
                (Some((from, _)), Some(h)) if h == start => word = Some((from, end)),
                _ => {
                    if let Some((from, to)) = word {
                        if !each(from, to) {
                            stopped = true;
                            return false;
                        }
                    }
                    word = Some((start, end));
                }
            }
            hyphen = None;
        } else {
            hyphen = match (word, hyphen) {
                (Some((_, to)), None) if to == start && is_hyphen(&text[start..end]) => Some(end),
                _ => None,
            };
            if hyphen.is_none() {
                if let Some((from, to)) = word.take() {
                    if !each(from, to) {
                        stopped = true;
                        return false;
                    }
                }
            }
        }
        true
    });
    if let (Some((from, to)), false) = (word, stopped) {
        each(from, to);
    }
}

/// True when `word` (one of [`each_word`]'s) is a Han ideograph, which is
/// a word of its own.
pub(crate) fn is_ideograph(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(super::tokens::is_cjk) && chars.next().is_none()
}

/// The words of `text`, in order.
pub(crate) fn words(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    each_word(text, |start, end| {
        out.push(&text[start..end]);
        true
    });
    out
}

/// The words among `tokens` (consecutive tokens of one text): its word
/// tokens less the hyphens that join two of them.
pub(crate) fn count_in_tokens(tokens: &[&str]) -> usize {
    let mut count = 0;
    for (k, t) in tokens.iter().enumerate() {
        if is_word(t) {
            let joined = k >= 2 && is_hyphen(tokens[k - 1]) && is_word(tokens[k - 2]);
            count += usize::from(!joined);
        }
    }
    count
}

/// True when a token holds a letter or a digit: a word, or a part of a
/// hyphenated one.
pub(crate) fn is_word(token: &str) -> bool {
    token.chars().any(super::is_alnum)
}

/// How many words `text` holds ([`words`]`(text).len()`), without cutting
/// them out: [`count_known`], and where it meets a character it does not
/// know, the words of the stretch around it (between two places where the
/// tokens start afresh, `tokens::safe`) by the tokens.
pub(crate) fn count(text: &str) -> usize {
    let mut total = 0;
    let mut from = 0;
    loop {
        match count_from(&text[from..], usize::MAX) {
            Ok(n) => return total + n,
            Err((at, n)) => {
                let at = from + at;
                let start = safe_before(text, at).max(from);
                let end = safe_after(text, at);
                // The words counted before `start` (the count starts
                // afresh there as it does in the text).
                total += n - count_from(&text[start..at], usize::MAX).unwrap_or(0);
                each_word(&text[start..end], |_, _| {
                    total += 1;
                    true
                });
                if end == text.len() {
                    return total;
                }
                from = end;
            }
        }
    }
}

/// [`count`], or a number from `stop` up to it: how many words `text`
/// holds, read only as far as `stop` of them when that is all a caller
/// needs to know.
pub(crate) fn count_at_least(text: &str, stop: usize) -> usize {
    count_known(text, stop).unwrap_or_else(|| count(text))
}

/// The first and last words of `text`, or `None` when it has none,
/// without reading the words between.
pub(crate) fn ends(text: &str) -> Option<(&str, &str)> {
    let mut first = None;
    each_word(text, |start, end| {
        first = Some(&text[start..end]);
        false
    });
    let first = first?;
    // The last word is read from the text after the last place where the
    // tokens start afresh (`tokens::safe`) that has words after it.
    let mut end = text.len();
    loop {
        let from = safe_before(text, end.saturating_sub(1));
        let mut last = None;
        each_word(&text[from..end], |start, end| {
            last = Some(&text[from + start..from + end]);
            true
        });
        if let Some(last) = last {
            return Some((first, last));
        }
        if from == 0 {
            return None;
        }
        end = from;
    }
}

/// What the fast count knows of a character: its word class, with the
/// hyphen apart.
#[derive(Clone, Copy, PartialEq, Eq)]
enum K {
    Letter,
    Digit,
    Under,
    MidLetter,
    MidNumLet,
    MidNum,
    Hyphen,
    Ideograph,
    Gap,
}

fn k_of(class: Wb, hyphen: bool) -> Option<K> {
    Some(match class {
        Wb::Letter => K::Letter,
        Wb::Digit => K::Digit,
        Wb::Under => K::Under,
        Wb::MidLetter => K::MidLetter,
        Wb::MidNumLet => K::MidNumLet,
        Wb::MidNum => K::MidNum,
        Wb::Ideograph => K::Ideograph,
        // A mark's place in a word needs the tokens.
        Wb::Extend => return None,
        _ if hyphen => K::Hyphen,
        _ => K::Gap,
    })
}

/// The fast count's state: the classes of the two characters before, and
/// of the run of letters, digits and underscores being read, whether it
/// counts already (it holds a letter or digit, or a hyphen joined it to
/// the word before).
struct Count {
    p1: K,
    p2: K,
    counted: bool,
    /// The run holds a letter or digit (so a hyphen after it may join).
    alnum: bool,
    /// The character before is a hyphen right after a word.
    joins: bool,
    n: usize,
}

impl Count {
    fn step(&mut self, k: K) {
        let in_run = matches!(self.p1, K::Letter | K::Digit | K::Under);
        match k {
            K::Letter | K::Digit => {
                let mid = matches!(
                    (self.p2, self.p1, k),
                    (K::Letter, K::MidLetter | K::MidNumLet, K::Letter)
                        | (K::Digit, K::MidNum | K::MidNumLet, K::Digit)
                );
                if in_run || mid {
                    if !self.counted {
                        self.n += 1;
                        self.counted = true;
                    }
                } else {
                    self.n += usize::from(!self.joins);
                    self.counted = true;
                }
                self.alnum = true;
            }
            K::Under if !in_run => {
                self.counted = self.joins;
                self.alnum = false;
            }
            K::Ideograph => {
                self.n += usize::from(!self.joins);
                self.counted = true;
            }
            _ => {}
        }
        self.joins = k == K::Hyphen && (self.p1 == K::Ideograph || (in_run && self.alnum));
        self.p2 = self.p1;
        self.p1 = k;
    }
}

/// [`count`] for text of the characters the simple tokens know
/// (`tokens::simple_bounds`), Arabic marks aside; `None` for other text.
/// Stops counting at `stop` words or a little past.
///
/// Sixteen ASCII bytes at a time: a word starts at a letter or digit that
/// follows none, unless the character before it joins it to the word
/// before (an apostrophe, point, comma, colon, semicolon or hyphen, read
/// for those few starts only). A test holds it to [`words`].
pub(crate) fn count_known(text: &str, stop: usize) -> Option<usize> {
    count_from(text, stop).ok()
}

/// [`count_known`], or `Err` with where the first character it does not
/// know stands and the words that start before it.
fn count_from(text: &str, stop: usize) -> Result<usize, (usize, usize)> {
    let bytes = text.as_bytes();
    let mut st = Count {
        p1: K::Gap,
        p2: K::Gap,
        counted: false,
        alnum: false,
        joins: false,
        n: 0,
    };
    let mut i = 0;
    while i < bytes.len() {
        if st.n >= stop {
            break;
        }
        // Sixteen bytes at a time: the two before `i` (already read, so in
        // the state), then fourteen new ones; the state is read again from
        // the last two bytes once the run of chunks ends.
        let run_from = i;
        // Where the one-character steps go on to, past what stopped the
        // chunks (a character beyond ASCII, an underscore).
        let mut until = i + 1;
        while i >= 2 && st.n < stop {
            let Some(chunk) = bytes.get(i - 2..i + 14) else {
                break;
            };
            match count_chunk(chunk.try_into().expect("sixteen bytes")) {
                Some(n) => {
                    st.n += n;
                    i += 14;
                }
                None => {
                    let first = chunk.iter().position(|&b| b >= 0x80 || b == b'_');
                    match first {
                        // A character beyond ASCII among the fourteen:
                        // the words that start before it are counted as
                        // the chunk would (spaces after it start none),
                        // and the one-character steps read it and the
                        // two bytes a chunk needs before it.
                        Some(q) if q >= 2 && chunk[q] >= 0x80 => {
                            let mut head = [b' '; 16];
                            head[..q].copy_from_slice(&chunk[..q]);
                            st.n += count_chunk(&head).expect("ASCII without underscores");
                            i += q - 2;
                            let len = match chunk[q] {
                                0xf0.. => 4,
                                0xe0.. => 3,
                                _ => 2,
                            };
                            until = i + len + 2;
                        }
                        // One in the two bytes before: step past them.
                        Some(q) if q < 2 && chunk[q] >= 0x80 => until = i + 2,
                        // An underscore: step past the last one.
                        _ => {
                            let bad = chunk.iter().rposition(|&b| b >= 0x80 || b == b'_');
                            until = bad.map_or(i + 1, |p| (i + p).saturating_sub(1).max(i + 1));
                        }
                    }
                    break;
                }
            }
        }
        if i > run_from {
            let k = |b: u8| k_of(ASCII_WB[usize::from(b)], b == b'-').expect("ASCII");
            st.p1 = k(bytes[i - 1]);
            st.p2 = k(bytes[i - 2]);
            // No underscore ends a chunk: a run that ends it, or that a
            // point or apostrophe after it may go on, holds a letter or
            // digit.
            st.counted =
                matches!(st.p1, K::Letter | K::Digit) || matches!(st.p2, K::Letter | K::Digit);
            st.alnum = st.counted;
            st.joins = st.p1 == K::Hyphen && matches!(st.p2, K::Letter | K::Digit);
            until = until.max(i + 1);
        }
        while i < until.min(bytes.len()) {
            let b = bytes[i];
            let (k, len) = if b < 0x80 {
                (
                    k_of(ASCII_WB[usize::from(b)], b == b'-').ok_or((i, st.n))?,
                    1,
                )
            } else {
                let c = text[i..].chars().next().expect("a char boundary");
                let k = super::tokens::wb(c).and_then(|class| k_of(class, false));
                (k.ok_or((i, st.n))?, c.len_utf8())
            };
            st.step(k);
            i += len;
        }
    }
    Ok(st.n)
}

/// Of sixteen bytes, the two before the text being counted and fourteen
/// of it, the words that start among the fourteen; `None` when a byte is
/// not ASCII, or an underscore stands where the start of a word, or the
/// state after the chunk, depends on it (a run that starts with
/// underscores counts at its first letter or digit, however far).
fn count_chunk(chunk: &[u8; 16]) -> Option<usize> {
    const SPACES: u64 = 0x2020_2020_2020_2020;
    let alnum = alnum_mask(chunk)?;
    if chunk[15] == b'_' || chunk[14] == b'_' {
        return None;
    }
    let (low, high) = chunk.split_at(8);
    let low = u64::from_le_bytes(low.try_into().expect("eight bytes"));
    let high = u64::from_le_bytes(high.try_into().expect("eight bytes"));
    let starts = alnum & !(alnum << 1) & 0xfffc;
    // Only a start after a character other than a space may be joined to
    // the word before.
    let spaces = u32::from(bits(zeros(low ^ SPACES))) | u32::from(bits(zeros(high ^ SPACES))) << 8;
    let mut n = (starts & (spaces << 1)).count_ones() as usize;
    let mut starts = starts & !(spaces << 1);
    while starts != 0 {
        let k = starts.trailing_zeros() as usize;
        starts &= starts - 1;
        let (before, at) = (chunk[k - 1], chunk[k]);
        let joined = match before {
            b'_' => return None,
            b'-' if chunk[k - 2] == b'_' => return None,
            b'-' => alnum & (1 << (k - 2)) != 0,
            b'\'' | b'.' | b':' | b',' | b';' => {
                let (b2, digit) = (chunk[k - 2], at.is_ascii_digit());
                if digit {
                    b2.is_ascii_digit() && before != b':'
                } else {
                    b2.is_ascii_alphabetic() && matches!(before, b'\'' | b'.' | b':')
                }
            }
            _ => false,
        };
        n += usize::from(!joined);
    }
    Some(n)
}

/// Of eight ASCII bytes, bit 7 set on each that is zero, exactly.
fn zeros(x: u64) -> u64 {
    const LOW: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    !(((x & LOW) + LOW) | x | LOW)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_form_reads_its_examples() {
        for form in FORMS {
            for &(text, expected) in form.examples {
                assert_eq!(
                    words(text),
                    expected,
                    "{} ({}): {text:?}",
                    form.name,
                    form.rule
                );
                assert_eq!(count(text), expected.len(), "{}: {text:?}", form.name);
                let tokens = super::super::tokens(text);
                assert_eq!(
                    count_in_tokens(&tokens),
                    expected.len(),
                    "{}: {text:?}",
                    form.name
                );
                let ends = ends(text);
                let want = expected.first().map(|&f| (f, *expected.last().unwrap()));
                assert_eq!(ends, want, "{}: {text:?}", form.name);
            }
        }
    }

    #[test]
    fn the_fast_count_agrees_with_the_words() {
        // Texts from a fixed-seed generator over letters, digits, the
        // joiners, the bytes around their ranges, and characters beyond
        // ASCII (some the simple tokens do not know), so that the
        // sixteen-byte path, the one-character path and their seams all run.
        const ALPHABET: &[char] = &[
            'a', 'z', 'A', 'Z', '0', '9', '/', ':', '@', '[', '`', '{', ' ', '\n', '\'', '-', '.',
            ',', ';', '_', '\x7f', 'é', '’', '中', 'م', '\u{651}', '\u{2010}', '\u{ad}', 'ニ', ' ',
            '\n', '\u{600}', '\u{200d}', '👩',
        ];
        for text in crate::text::generated(ALPHABET, 70, 0x9e37_79b9_7f4a_7c15) {
            let expected = words(&text);
            assert_eq!(count(&text), expected.len(), "{text:?}");
            let tokens = super::super::tokens(&text);
            assert_eq!(count_in_tokens(&tokens), expected.len(), "{text:?}");
            // The walk's tokens, past characters it does not know, are the
            // segmenter's.
            let mut each = Vec::new();
            each_token(&text, |start, end, _| {
                each.push(&text[start..end]);
                true
            });
            assert_eq!(each, tokens, "{text:?}");
            let ends = ends(&text);
            let want = expected.first().map(|&f| (f, *expected.last().unwrap()));
            assert_eq!(ends, want, "{text:?}");
            if let Some(n) = count_known(&text, 3) {
                assert!(n >= expected.len().min(3), "{text:?}");
            }
        }
        // Mostly ASCII, long: the sixteen-byte path in earnest.
        const ASCII: &[char] = &[
            'a', 'b', 'Z', '1', '2', ' ', ' ', ' ', '.', '\'', ',', ':', ';', '-', '_', '"',
        ];
        for text in crate::text::generated(ASCII, 90, 0x2545_f491_4f6c_dd1d) {
            assert_eq!(count(&text), words(&text).len(), "{text:?}");
        }
        for b in 0u8..128 {
            let t = String::from(char::from(b)).repeat(17);
            assert_eq!(count(&t), words(&t).len(), "{t:?}");
            let t = format!("ab{}cd ", char::from(b)).repeat(9);
            assert_eq!(count(&t), words(&t).len(), "{t:?}");
        }
    }
}
