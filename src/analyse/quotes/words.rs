//! Words around a quote, and names read from runs of them.

use std::borrow::Cow;

use super::lexicon::{is_particle_word, NOT_NAMES, PLACE_PREPOSITIONS, ROLES, TITLES, VERBS};
use crate::text;

/// A word of the text around a quote.
#[derive(Clone, Debug)]
pub(super) struct Word<'t> {
    /// The word without surrounding punctuation.
    pub clean: &'t str,
    /// Lower-cased.
    pub lower: Cow<'t, str>,
    /// A comma, colon or semicolon follows it.
    pub comma: bool,
}

pub(super) fn words(s: &str) -> Vec<Word<'_>> {
    // Square brackets hold what an editor inserted ("Yazdanpanah [PAK
    // leader] said", "fighters[footnote 197]."): never part of a name,
    // nor a verb. Only the part of a token outside them is read.
    let mut inside = false;
    let mut out = Vec::new();
    for raw in s.split_whitespace() {
        let mut token = raw;
        if inside {
            match token.find(']') {
                Some(k) => {
                    inside = false;
                    token = &token[k + 1..];
                }
                None => continue,
            }
        }
        let kept = match token.find('[') {
            Some(k) => {
                inside = !token[k..].contains(']');
                &token[..k]
            }
            None => token,
        };
        if let Some(mut w) = word(kept) {
            // "Smith[1]," is still followed by a comma.
            w.comma |= kept.len() < token.len() && word(raw).is_some_and(|r| r.comma);
            out.push(w);
        }
    }
    out
}

/// The word of one white-space-separated token, if it holds a word
/// ([`text::words`]): the token from its first word to its last, less a
/// possessive "'s" ("U.S.-backed", "al-Jubeir", "O’Brien" whole;
/// "“Smith," and "Jones’" without their marks).
pub(super) fn word(raw: &str) -> Option<Word<'_>> {
    let mut span: Option<(usize, usize)> = None;
    text::words::each_word(raw, |start, end| {
        span = Some((span.map_or(start, |(first, _)| first), end));
        true
    });
    let (start, end) = span?;
    let clean = &raw[start..end];
    let clean = clean
        .strip_suffix("’s")
        .or_else(|| clean.strip_suffix("'s"))
        .unwrap_or(clean);
    let tail = raw.trim_end_matches(|c: char| "\"”»’')".contains(c));
    // Most words are their own lower case already: no copy.
    let lower = text::lower(clean);
    Some(Word {
        clean,
        lower,
        comma: tail.ends_with([',', ':', ';', '،']),
    })
}

pub(super) fn is_capital(w: &Word<'_>) -> bool {
    // "al-Jubeir", "bin-Talal": a particle joined to a capitalised name.
    let joined = || {
        w.clean.split_once('-').is_some_and(|(particle, rest)| {
            is_particle_word(particle) && rest.chars().next().is_some_and(char::is_uppercase)
        })
    };
    (w.clean.chars().next().is_some_and(char::is_uppercase) || joined())
        && !NOT_NAMES.contains(&w.lower.as_ref())
        && !text::is_month_or_weekday(&w.lower)
}

pub(super) fn is_verb(w: &Word<'_>) -> bool {
    VERBS.contains(&w.lower.as_ref())
}

/// A name from a run of capitalised words: roles stripped from its front,
/// and what stands around a name in a run: a place and a role before it
/// ("Baton Rouge Parish Sheriff Sid J. Gautreaux"), a compound that
/// describes it ("English-speaking Zarif"), a place after it ("Frank G.
/// Jackson of Cleveland") and a party letter ("John Bel Edwards (D)").
pub(super) fn name(run: &[Word<'_>]) -> Option<String> {
    let is_role = |w: &Word<'_>| ROLES.contains(&w.lower.as_ref());
    // "English-speaking", "U.S.-backed": a capital, then lower case after
    // the last hyphen.
    let describes = |w: &Word<'_>| {
        w.clean
            .rsplit_once('-')
            .is_some_and(|(_, tail)| tail.chars().next().is_some_and(char::is_lowercase))
    };
    let mut start = 0;
    while start + 1 < run.len()
        && (is_role(&run[start]) || is_particle(&run[start]) || describes(&run[start]))
    {
        // "UN Committee", "US Army": an acronym before one word names a
        // body, and the word alone names nothing.
        if start + 2 == run.len() && is_acronym(run[start].clean) {
            break;
        }
        start += 1;
    }
    // The words after the last role, when they are two or more.
    if let Some(r) = run[start..].iter().rposition(is_role) {
        if run.len() - (start + r + 1) >= 2 {
            start += r + 1;
        }
    }
    let mut run = &run[start..];
    if let Some(of) = run
        .iter()
        .position(|w| w.lower == "of")
        .filter(|&of| of >= 2)
    {
        run = &run[..of];
    }
    if let [rest @ .., last] = run {
        if rest.len() >= 2 && last.clean.len() == 1 && last.clean.chars().all(char::is_uppercase) {
            run = rest;
        }
    }
    // Letters after a name ("Alex Chalk QC MP", "Jane Doe MBE"), not a
    // generation ("Gautreaux III").
    let generation = |w: &Word<'_>| matches!(w.lower.as_ref(), "ii" | "iii" | "iv" | "jr" | "sr");
    let letters = run
        .iter()
        .rev()
        .take_while(|w| is_acronym(w.clean) && !generation(w))
        .count();
    if letters > 0 && run.len() - letters >= 2 {
        run = &run[..run.len() - letters];
    }
    // Capitals only, word after word: a heading ("ALEPPO AIR STRIKES").
    let heading = run.len() >= 2 && run.iter().all(|w| is_acronym(w.clean));
    // A title with no name after it ("Social Care Secretary", "MHRA Chief
    // Executive") names no one.
    let titled = run
        .last()
        .is_some_and(|w| TITLES.contains(&w.lower.as_ref()));
    if run.is_empty() || (run.len() == 1 && is_role(&run[0])) || titled || heading {
        return None;
    }
    Some(run.iter().map(|w| w.clean).collect::<Vec<_>>().join(" "))
}

/// Name particles that may sit inside a name run.
pub(super) fn is_particle(w: &Word<'_>) -> bool {
    is_particle_word(&w.lower)
}

/// "is", "was", "would"…: a verb that ends a noun phrase.
pub(super) fn is_auxiliary(w: &Word<'_>) -> bool {
    matches!(
        w.lower.as_ref(),
        "is" | "was" | "are" | "were" | "has" | "had" | "have" | "would" | "will" | "could"
    )
}

/// True when the word at `i` follows a preposition of place, with or
/// without "the": "in Baton Rouge", "for the Baton Rouge Police".
pub(super) fn after_preposition(ws: &[Word<'_>], i: usize) -> bool {
    let before = |k: usize| i.checked_sub(k).map(|p| ws[p].lower.as_ref());
    let is_preposition = |w: Option<&str>| w.is_some_and(|w| PLACE_PREPOSITIONS.contains(&w));
    is_preposition(before(1)) || (before(1) == Some("the") && is_preposition(before(2)))
}

/// Two or more letters, all capitals: HDP, UNICEF, U.S.
pub(super) fn is_acronym(word: &str) -> bool {
    word.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && word.chars().all(|c| !c.is_lowercase())
}

#[cfg(test)]
mod tests {
    use super::word;

    #[test]
    fn a_token_is_read_from_its_first_word_to_its_last() {
        for (raw, clean, comma) in [
            ("“Smith,", "Smith", true),
            ("Jones’", "Jones", false),
            ("U.S.-backed", "U.S.-backed", false),
            ("al-Jubeir", "al-Jubeir", false),
            ("O’Brien's", "O’Brien", false),
            ("J.", "J", false),
            ("(D)", "D", false),
            ("Khan:", "Khan", true),
        ] {
            let w = word(raw).unwrap_or_else(|| panic!("{raw}: no word"));
            assert_eq!((w.clean, w.comma), (clean, comma), "{raw}");
        }
        assert!(word("—").is_none());
        assert!(word("“").is_none());
    }
}
