//! Sentences inside a stretch of text, and the similarity that pairs them.

/// Abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "gen", "sen", "rep", "gov", "lt", "col", "sgt", "st", "jr", "sr",
    "no", "vs", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
    "dec", "inc", "corp", "co", "ltd", "prof", "capt", "cmdr", "adm", "maj", "pres", "approx",
    "etc", "fig", "gov't", "u.s", "u.n", "u.k", "e.g", "i.e",
];

/// The sentences of `text` as byte ranges offset by `base`, trimmed of white
/// space. A sentence ends at `.`, `!`, `?` (or `。！？`) followed by white
/// space, or at a line break; abbreviations and initials do not end one.
pub(crate) fn split(text: &str, base: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    each(text, base, |s| {
        out.push(s);
        true
    });
    out
}

/// The first of [`split`]'s sentences, read no further than its end.
pub(crate) fn first(text: &str, base: usize) -> Option<(usize, usize)> {
    let mut found = None;
    each(text, base, |s| {
        found = Some(s);
        false
    });
    found
}

/// [`split`]'s sentences in order, to `found`, until it returns false.
fn each(text: &str, base: usize, mut found: impl FnMut((usize, usize)) -> bool) {
    let mut start = 0;
    let bytes = text.as_bytes();
    // Whether to go on: false once `found` has had enough.
    let mut push = |s: usize, e: usize| {
        let piece = &text[s..e];
        let lead = piece.len() - piece.trim_start().len();
        let trimmed = piece.trim();
        !trimmed.chars().any(char::is_alphanumeric)
            || found((base + s + lead, base + s + lead + trimmed.len()))
    };
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let end = i + c.len_utf8();
        let ends = match c {
            '\n' => true,
            '。' | '！' | '？' => true,
            // An ellipsis before a capital: "…cadres”… According to…".
            '…' => {
                let rest = text[end..].trim_start();
                rest.len() < text.len() - end && rest.chars().next().is_some_and(char::is_uppercase)
            }
            '.' | '!' | '?' => {
                // Closing quotes and brackets ride with the sentence.
                let mut e = end;
                while let Some(&(j, d)) = iter.peek() {
                    if matches!(d, '"' | '”' | '’' | '\'' | '»' | ')' | '“') {
                        e = j + d.len_utf8();
                        iter.next();
                    } else {
                        break;
                    }
                }
                // A footnote marker glued after the stop rides with the
                // sentence too: "…forces.’[footnote 196] According to…".
                if let Some(&(j, '[')) = iter.peek() {
                    let marker = text[j..]
                        .find(']')
                        .filter(|&k| k <= 40 && !text[j..j + k].contains('\n'));
                    if let Some(k) = marker {
                        e = j + k + 1;
                        while iter.next_if(|&(m, _)| m < e).is_some() {}
                    }
                }
                let next_space = iter.peek().is_none_or(|&(_, d)| d.is_whitespace());
                if next_space && (c != '.' || !is_abbreviation(&text[start..i])) {
                    if !push(start, e) {
                        return;
                    }
                    start = e;
                }
                false
            }
            _ => false,
        };
        if ends {
            if !push(start, end) {
                return;
            }
            start = end;
        }
    }
    if start < bytes.len() {
        push(start, bytes.len());
    }
}

/// True when the text before a full stop ends with an abbreviation or an
/// initial ("U.S", "Feb", "J").
fn is_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or("");
    let lower = word.to_lowercase();
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    (letters == 1 && word.chars().next().is_some_and(char::is_uppercase))
        || ABBREVIATIONS.contains(&lower.as_str())
        || (word.contains('.') && word.len() <= 6)
}

/// The loose word stems of a sentence for similarity across outlets, read
/// off its words ([`crate::text::words`]): lower-cased, Arabic article and
/// conjunction prefixes dropped, long words cut to their first six letters
/// (a crude stem that catches inflection in English and Russian). Common
/// and short words are dropped, bar figures. Chinese has a word for every
/// ideograph, too short to tell a sentence by: two ideographs in a row are
/// a stem (the bigrams that index Chinese text where no dictionary cuts
/// it into words). Each stem is kept as its hash ([`exact_hash`]), sorted
/// and without repeats: all that [`similarity`] compares.
///
/// [`exact_hash`]: crate::text::exact_hash
pub(crate) fn stems(text: &str) -> Vec<u64> {
    let mut out: Vec<u64> = Vec::new();
    // Where the word just read started, if it was an ideograph, and where
    // it ended.
    let mut ideograph: Option<(usize, usize)> = None;
    crate::text::words::each_word(text, |start, end| {
        let word = &text[start..end];
        if crate::text::words::is_ideograph(word) {
            if let Some((first, _)) = ideograph.filter(|&(_, at)| at == start) {
                out.push(crate::text::exact_hash(&text[first..end]));
            }
            ideograph = Some((start, end));
            return true;
        }
        ideograph = None;
        let lower = crate::text::lower(word);
        let mut w: &str = &lower;
        for prefix in ["وال", "بال", "لل", "ال", "و"] {
            if let Some(rest) = w.strip_prefix(prefix) {
                if w.chars().count() > prefix.chars().count() + 2 {
                    w = rest;
                    break;
                }
            }
        }
        let short = w.len() < 3 || (w.len() < 12 && w.chars().count() < 3);
        if !(STOP.contains(&w) || (short && !w.chars().any(|c| c.is_numeric()))) {
            let six = w.char_indices().nth(6).map_or(w.len(), |(k, _)| k);
            out.push(crate::text::exact_hash(&w[..six]));
        }
        true
    });
    out.sort_unstable();
    out.dedup();
    out
}

const STOP: &[&str] = &[
    "the",
    "and",
    "for",
    "that",
    "with",
    "was",
    "were",
    "are",
    "has",
    "have",
    "had",
    "this",
    "from",
    "not",
    "but",
    "its",
    "his",
    "her",
    "their",
    "they",
    "said",
    "will",
    "would",
    "which",
    "who",
    "been",
    "also",
    "into",
    "than",
    "more",
    "after",
    "about",
    "what",
    "when",
    "there",
    "что",
    "это",
    "как",
    "для",
    "его",
    "она",
    "они",
    "при",
    "или",
    "уже",
    "также",
    "который",
    "في",
    "من",
    "على",
    "إلى",
    "عن",
    "مع",
    "التي",
    "الذي",
    "هذا",
    "هذه",
];

/// Dice similarity of two sorted, deduplicated stem lists.
pub(crate) fn similarity(a: &[u64], b: &[u64]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let common = crate::text::common(a, b);
    2.0 * common as f64 / (a.len() + b.len()) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_sentence_is_the_first_of_all() {
        const ALPHABET: &[char] = &['a', 'D', 'r', ' ', '.', '!', '\n', '”', '。', '(', '1'];
        for text in crate::text::generated(ALPHABET, 30, 0x2545_f491_4f6c_dd1d) {
            assert_eq!(
                first(&text, 7),
                split(&text, 7).first().copied(),
                "{text:?}"
            );
        }
    }

    fn texts(s: &str) -> Vec<&str> {
        split(s, 0).into_iter().map(|(a, b)| &s[a..b]).collect()
    }

    #[test]
    fn sentences_skip_abbreviations_and_keep_closing_quotes() {
        assert_eq!(
            texts("The U.S. envoy met Mr. Smith on Feb. 27. “It went well.” He left."),
            [
                "The U.S. envoy met Mr. Smith on Feb. 27.",
                "“It went well.”",
                "He left."
            ]
        );
    }

    #[test]
    fn an_ellipsis_before_a_capital_ends_the_sentence() {
        assert_eq!(
            texts("They are “cadres”… According to one source, few. It goes … on…”"),
            [
                "They are “cadres”…",
                "According to one source, few.",
                "It goes … on…”"
            ]
        );
    }

    #[test]
    fn a_footnote_marker_after_the_stop_ends_the_sentence_with_it() {
        assert_eq!(
            texts("They joined forces.’[footnote 196] According to another source, few.[1] End"),
            [
                "They joined forces.’[footnote 196]",
                "According to another source, few.[1]",
                "End"
            ]
        );
        // Not a marker: a bracket that runs on, or over a line break.
        assert_eq!(
            texts("See item.[a long aside that goes on and on and on and on] Next."),
            ["See item.[a long aside that goes on and on and on and on] Next."]
        );
        assert_eq!(texts("Stop.[\nnext]"), ["Stop.[", "next]"]);
    }

    #[test]
    fn stems_are_read_off_the_words() {
        let hashes = |stems: &[&str]| {
            let mut out: Vec<u64> = stems.iter().map(|s| crate::text::exact_hash(s)).collect();
            out.sort_unstable();
            out
        };
        // One stem each, as every count has them one word; long words cut
        // to six letters.
        assert_eq!(
            stems("Don't e-mail 3.5 U.S. Ministers"),
            hashes(&["3.5", "don't", "e-mail", "u.s", "minist"])
        );
        // Two ideographs in a row; a lone one is no stem.
        assert_eq!(stems("中国经济，好"), hashes(&["中国", "国经", "经济"]));
    }

    #[test]
    fn chinese_sentences_that_share_their_words_are_alike() {
        let told = stems("国务院发布了新的经济政策");
        assert!(similarity(&told, &stems("国务院今天发布新经济政策")) > 0.5);
        assert_eq!(similarity(&told, &stems("明天北京有雨")), 0.0);
    }

    #[test]
    fn stems_catch_inflection() {
        assert!(
            similarity(
                &stems("Russia raised oil output"),
                &stems("Russian oil outputs rose")
            ) > 0.5
        );
    }
}
