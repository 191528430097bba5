//! One meaning of word (#14): the model's word counts (`wordsAdded`,
//! `wordsRemoved`) and its word pairs (`sharedWording`) read "don't",
//! "e-mail", "3.5" and "U.S." as the same number of words, the one that
//! `text::words` defines.

use storydiff::{compare, Options, RowKind};

/// Words as `text::words` has them: each text and its count.
const WORDS: &[(&str, usize)] = &[
    ("don't", 1),
    ("don’t", 1),
    ("e-mail", 1),
    ("3.5", 1),
    ("U.S.", 1),
    ("1,400", 1),
    ("five-year-old", 1),
    ("Covid-19", 1),
    ("10:30", 2),
    ("5–7", 2),
    ("新闻", 2),
];

/// A paragraph both versions hold: 12 words.
const KEPT: &str = "The minister told reporters in London that the plan would go ahead.";
const KEPT_WORDS: usize = 12;

/// `sharedWording` as the model rounds it.
fn share(common: usize, before: usize, after: usize) -> f64 {
    let s = 2.0 * common as f64 / (before + after) as f64;
    (s * 1000.0).round() / 1000.0
}

/// A paragraph of 9 words and `word` twice.
fn with(word: &str) -> String {
    format!("Officials repeated {word} in the statement and {word} again on Tuesday.")
}

#[test]
fn an_added_or_removed_paragraph_counts_its_words_as_word_pairs_do() {
    for &(word, n) in WORDS {
        let one = format!("{KEPT}\n");
        let two = format!("{KEPT}\n\n{}\n", with(word));
        let c = compare(&one, &two, &Options::default());
        assert!(c.rows.iter().all(|r| r.kind != RowKind::Noise), "{word:?}");
        let s = &c.ledger.stats;
        assert_eq!(s.words_added, 9 + 2 * n, "{word:?}");
        // Word pairs run across paragraphs: Before has KEPT_WORDS - 1,
        // After as many more as it has words more, and shares Before's.
        let pairs = KEPT_WORDS - 1;
        assert_eq!(
            s.shared_wording,
            share(pairs, pairs, pairs + s.words_added),
            "{word:?}"
        );
        let c = compare(&two, &one, &Options::default());
        let s = &c.ledger.stats;
        assert_eq!(s.words_removed, 9 + 2 * n, "{word:?}");
        assert_eq!(
            s.shared_wording,
            share(pairs, pairs + s.words_removed, pairs),
            "{word:?}"
        );
    }
}

#[test]
fn a_word_put_into_a_sentence_counts_as_word_pairs_do() {
    for &(word, n) in WORDS {
        let before = format!("{KEPT}\n");
        let after =
            format!("The minister told reporters in London {word} that the plan would go ahead.\n");
        let c = compare(&before, &after, &Options::default());
        let s = &c.ledger.stats;
        assert_eq!((s.words_added, s.words_removed), (n, 0), "{word:?}");
        // The pair ("London", "that") is broken; n words make n + 1 pairs.
        let pairs = KEPT_WORDS - 1;
        assert_eq!(
            s.shared_wording,
            share(pairs - 1, pairs, pairs + n),
            "{word:?}"
        );
    }
}
