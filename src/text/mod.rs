//! Text utilities shared by the stages: word tokens and the folding that
//! decides what counts as a cosmetic difference.

mod fold;
mod hash;
mod tokens;
pub(crate) mod words;

pub(crate) use fold::*;
pub(crate) use hash::*;
pub(crate) use tokens::*;

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
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    (0..20_000).map(move |_| {
        // The length from a step of its own: an empty text must not stop
        // the generator (it once drew nothing but empty texts after the
        // first).
        (0..next() % longest)
            .map(|_| alphabet[(next() % alphabet.len() as u64) as usize])
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_segmentation::UnicodeSegmentation;

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
            // Token by token, the fast path then the segmenter agree.
            let mut each = Vec::new();
            each_token(t, |start, end, word| {
                assert_eq!(word, words::is_word(&t[start..end]), "{t:?}");
                each.push(&t[start..end]);
                true
            });
            assert_eq!(each, expected, "{t:?}");
            // A combining mark outside a word is left to the segmenter.
            if t.chars().any(|c| wb(c) == Some(Wb::Extend)) && simple_tokens(t).is_none() {
                return;
            }
            assert_eq!(simple_tokens(t).as_ref(), Some(&expected), "{t:?}");
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
        assert_eq!(simple_tokens("e\u{301}"), None);
        // Marks inside Arabic words stay on the fast path.
        assert_eq!(simple_tokens("مّم مًا").map(|t| t.len()), Some(3));
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
            let mut each = Vec::new();
            each_token(text, |start, end, _| {
                each.push(&text[start..end]);
                true
            });
            assert_eq!(each, tokens_by_graphemes(text), "{text:?}");
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
