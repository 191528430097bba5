//! Quotes: find quotations in each version, name their speakers, and pair
//! them across versions.
//!
//! Marks: “curly”, "straight", «guillemets», „low-high“. A quote left open at
//! the end of a paragraph goes on when the next paragraph opens with a
//! quote mark (the convention for quotes over several paragraphs), or
//! closes it before opening another (a text with a sentence a line). An
//! opening “ inside a quote never closed starts the quote anew.
//!
//! Speakers come from the words around the quote: `“…,” X said`, `said X`,
//! `X told reporters: “…”`, `according to X`, `quoted X as saying`, a
//! pronoun (the last speaker named, else the subject of the nearest
//! sentence that names someone), or the quote before it in the same
//! paragraph. A surname alone is resolved to the full name the text gives
//! up to its last quote.

use std::borrow::Cow;
use std::collections::HashMap;

use similar::Instant;

use super::{Change, Quote, QuotePiece, Side};
use crate::model::Options;
use crate::segment::Block;
use crate::text;

/// Most quotes per side that are paired by similarity; beyond it only exact
/// pairs are found (huge documents).
const PAIR_LIMIT: usize = 600;
/// Share of a quote's words that must be in another for the two to be one
/// quote, reworded or regrouped.
const CONTAIN_AT: f64 = 0.6;
/// Share of each other's words two quotes given to different speakers hold
/// to be one quote whose speaker changed.
const SAME_WORDS_AT: f64 = 0.8;

/// One quotation found in one version.
#[derive(Clone, Debug)]
pub(crate) struct Found {
    /// Byte offset of the opening mark.
    pub start: usize,
    /// The quoted words, parts joined by a space.
    pub text: String,
    /// Byte offset just after the closing mark (or the end of the
    /// paragraph when the quote is never closed).
    pub end: usize,
    /// The speaker, resolved to a full name where the text gives one.
    pub speaker: Option<String>,
    /// True when the words around the quote name its speaker (not the quote
    /// before it).
    pub named: bool,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Family {
    /// “…”, "…" and mixtures of the two.
    Double,
    /// „…“ or „…”.
    Low,
    /// «…».
    Guillemet,
}

fn opens(c: char, prev: Option<char>) -> Option<Family> {
    match c {
        '“' | '‟' => Some(Family::Double),
        '„' => Some(Family::Low),
        '«' => Some(Family::Guillemet),
        '"' if prev.is_none_or(|p| p.is_whitespace() || "([{—–-:/".contains(p)) => {
            Some(Family::Double)
        }
        _ => None,
    }
}

fn closes(family: Family, c: char, prev: Option<char>, next: Option<char>) -> bool {
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
    }
}

/// Finds the quotations of one version, with their speakers. `blocks` are
/// the blocks of its text, as `segment::blocks` cuts them (`compare` has
/// them already).
pub(crate) fn find(side: &Side<'_>, blocks: &[Block<'_>]) -> Vec<Found> {
    let text = side.text;
    let base = text.as_ptr() as usize;
    let blocks: Vec<(usize, usize)> = blocks
        .iter()
        .map(|b| {
            let s = b.content.as_ptr() as usize - base;
            (s, s + b.content.len())
        })
        .filter(|&(s, e)| e > s)
        .collect();
    let mut found: Vec<Found> = Vec::new();
    // Marks found per block: (open mark offset, close offset or block end).
    // The quote being read: its family, opening mark, where its current
    // part starts, and its parts so far.
    type Open = (Family, usize, usize, Vec<(usize, usize)>);
    let mut open: Option<Open> = None;
    // Only quote marks open or close a quote, so only they are read, in
    // text order; the text between them is passed over, whether a quote is
    // open or not.
    let mut marks = marks(text).peekable();
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
                    if let Some(family) = opens(c, prev) {
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
                if opens(c, None) == Some(family) {
                    return Some(ns + c.len_utf8());
                }
                let (opening, closing) = match family {
                    Family::Double => ('“', '”'),
                    Family::Guillemet => ('«', '»'),
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
    found.retain(|q| !side.is_noise(q.start) && super::word_count(&q.text) >= 2);
    attribute(text, &blocks, &mut found);
    // Short phrases in quote marks are kept only when someone said them.
    found.retain(|q| super::word_count(&q.text) >= 5 || (q.speaker.is_some() && q.named));
    found
}

/// Where the quote marks of `text` start, in order: `"`, and “ ” „ ‟ « ».
fn marks(text: &str) -> Box<dyn Iterator<Item = usize> + '_> {
    let bytes = text.as_bytes();
    // The marks after `"` are E2 80 9C to E2 80 9F (“ ” „ ‟), C2 AB («) and
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
    if !rare {
        Box::new(
            memchr::memchr3_iter(b'"', 0x9C, 0x9D, bytes).filter_map(move |at| {
                if bytes[at] == b'"' {
                    Some(at)
                } else {
                    ends_mark(at).then(|| at - 2)
                }
            }),
        )
    } else {
        Box::new(
            memchr::memchr3_iter(b'"', 0xE2, 0xC2, bytes).filter(move |&at| match bytes[at] {
                b'"' => true,
                0xE2 => matches!(bytes.get(at + 1..at + 3), Some([0x80, 0x9C..=0x9F])),
                _ => matches!(bytes.get(at + 1), Some(0xAB | 0xBB)),
            }),
        )
    }
}

fn make(text: &str, mark: usize, parts: Vec<(usize, usize)>, end: usize) -> Found {
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
    }
}

// ------------------------------------------------------------ attribution

/// Verbs (and their forms) that attribute speech.
const VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "added",
    "adds",
    "stated",
    "declared",
    "announced",
    "explained",
    "wrote",
    "writes",
    "asked",
    "replied",
    "insisted",
    "warned",
    "noted",
    "argued",
    "claimed",
    "tweeted",
    "confirmed",
    "continued",
    "saying",
    "telling",
    "stressed",
    "urged",
    "recalled",
    "admitted",
    "acknowledged",
    "cautioned",
    "concluded",
    "commented",
    "posted",
    "reported",
    "сказал",
    "сказала",
    "сказали",
    "заявил",
    "заявила",
    "заявили",
    "отметил",
    "отметила",
    "сообщил",
    "сообщила",
    "сообщили",
    "пояснил",
    "пояснила",
    "подчеркнул",
    "подчеркнула",
    "рассказал",
    "рассказала",
    "добавил",
    "добавила",
    "считает",
    "говорит",
    "написал",
    "написала",
    "قال",
    "وقال",
    "قالت",
    "وقالت",
    "أضاف",
    "وأضاف",
    "أكد",
    "وأكد",
    "أوضح",
    "وأوضح",
    "صرح",
    "وصرح",
    "ذكر",
    "وذكر",
    "أشار",
    "وأشار",
    "أعلن",
    "وأعلن",
];

/// Who a speaker talks to, named right after the verb.
const ADDRESSEES: &[&str] = &[
    "reporters",
    "journalists",
    "reuters",
    "ap",
    "afp",
    "cnn",
    "bbc",
    "тасс",
    "риа",
    "интерфакс",
    "журналистам",
    "агентству",
];

const PRONOUNS: &[&str] = &["he", "she", "they", "we", "i", "он", "она", "они"];

/// Words that open a sentence or name a role, never a person.
const NOT_NAMES: &[&str] = &[
    "the",
    "a",
    "an",
    "but",
    "and",
    "in",
    "on",
    "at",
    "last",
    "this",
    "that",
    "it",
    "if",
    "as",
    "when",
    "while",
    "after",
    "before",
    "speaking",
    "asked",
    "new",
    "breaking",
    "update",
    "according",
    "however",
    "meanwhile",
    "earlier",
    "later",
    "also",
    "he",
    "she",
    "they",
    "we",
    "i",
    "his",
    "her",
    "their",
    "our",
    "it's",
    // Question words and determiners that open a sentence in capitals:
    // "Whose Facebook accounts will be targeted…" names no one.
    "who",
    "whose",
    "which",
    "what",
    "where",
    "why",
    "how",
    "these",
    "those",
    "there",
    "its",
    "my",
    "your",
    "some",
    "any",
    "each",
    "every",
    "all",
    "both",
    "such",
    // Conjunctions that open a sentence: "Although Kim's plan…".
    "although",
    "though",
    "because",
    "since",
    "unless",
    "until",
    "whether",
    "despite",
];

/// Titles and roles stripped from the front of a name.
const ROLES: &[&str] = &[
    "president",
    "vice",
    "prime",
    "minister",
    "foreign",
    "defence",
    "defense",
    "interior",
    "secretary",
    "general",
    "state",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "chief",
    "senator",
    "sen.",
    "rep.",
    "gov.",
    "governor",
    "mayor",
    "dr",
    "dr.",
    "mr",
    "mr.",
    "mrs",
    "mrs.",
    "ms",
    "ms.",
    "professor",
    "prof.",
    "judge",
    "justice",
    "director",
    "deputy",
    "ambassador",
    "envoy",
    "commander",
    "lt.",
    "col.",
    "gen.",
    "sgt.",
    "capt.",
    "officer",
    "chairman",
    "chairwoman",
    "leader",
    "king",
    "queen",
    "prince",
    "sheikh",
    "pope",
    "father",
    "u.s.",
    "u.n.",
    "un",
    "us",
    "uk",
    "syrian",
    "russian",
    "american",
    "british",
    "iranian",
    "turkish",
    "french",
    "german",
    "chinese",
    "israeli",
    "palestinian",
    "saudi",
    "egyptian",
    "iraqi",
    "ukrainian",
    "european",
    "nato",
    "kremlin",
    "white",
    "house",
    "health",
    "public",
    "england",
    "national",
    "former",
    "then",
    "acting",
    "executive",
    "senior",
    "information",
    "opposition",
    "rebel",
    "police",
    "medical",
    "consultant",
    "head",
    "u.s",
    "u.n",
    "rep",
    "lt",
    // A word's full stop is not part of it: "Gov." reads "gov".
    "sen",
    "gov",
    "prof",
    "gen",
    "col",
    "sgt",
    "capt",
    "captain",
    "lieutenant",
    "sergeant",
    "colonel",
    "corporal",
    "admiral",
    "coroner",
    "attorney",
    "sheriff",
    "parish",
    "east",
    "west",
    "north",
    "south",
];

/// A word of the text around a quote.
#[derive(Clone, Debug)]
struct Word<'t> {
    /// The word without surrounding punctuation.
    clean: &'t str,
    /// Lower-cased.
    lower: Cow<'t, str>,
    /// A comma, colon or semicolon follows it.
    comma: bool,
}

fn words(s: &str) -> Vec<Word<'_>> {
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

/// The word of one white-space-separated token, if it holds a letter or a
/// digit.
fn word(raw: &str) -> Option<Word<'_>> {
    let clean = raw.trim_matches(|c: char| {
        !(c.is_alphanumeric() || c == '.' || c == '-' || c == '\'' || c == '’')
    });
    let clean = clean.trim_end_matches(['.']);
    let clean = clean
        .strip_suffix("’s")
        .or_else(|| clean.strip_suffix("'s"))
        .unwrap_or(clean);
    if !clean.chars().any(char::is_alphanumeric) {
        return None;
    }
    let tail = raw.trim_end_matches(|c: char| "\"”»’')".contains(c));
    // Most words are their own lower case already: no copy.
    let lower = text::lower(clean);
    Some(Word {
        clean,
        lower,
        comma: tail.ends_with([',', ':', ';', '،']),
    })
}

fn is_capital(w: &Word<'_>) -> bool {
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

fn is_verb(w: &Word<'_>) -> bool {
    VERBS.contains(&w.lower.as_ref())
}

/// A name from a run of capitalised words: roles stripped from its front,
/// and what stands around a name in a run: a place and a role before it
/// ("Baton Rouge Parish Sheriff Sid J. Gautreaux"), a compound that
/// describes it ("English-speaking Zarif"), a place after it ("Frank G.
/// Jackson of Cleveland") and a party letter ("John Bel Edwards (D)").
fn name(run: &[Word<'_>]) -> Option<String> {
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
    // Capitals only, word after word: a heading ("ALEPPO AIR STRIKES").
    let heading = run.len() >= 2 && run.iter().all(|w| is_acronym(w.clean));
    if run.is_empty() || (run.len() == 1 && is_role(&run[0])) || heading {
        return None;
    }
    Some(run.iter().map(|w| w.clean).collect::<Vec<_>>().join(" "))
}

/// Name particles that may sit inside a name run.
fn is_particle(w: &Word<'_>) -> bool {
    is_particle_word(&w.lower)
}

fn is_particle_word(lower: &str) -> bool {
    matches!(
        lower,
        "de" | "al" | "bin" | "van" | "von" | "der" | "la" | "le" | "du" | "da" | "of" | "ibn"
    )
}

/// The speaker named just before a speech verb (`words` ends at the verb).
fn speaker_before(ws: &[Word<'_>]) -> Option<String> {
    let last = ws.last()?;
    if PRONOUNS.contains(&last.lower.as_ref()) {
        return Some(last.lower.to_string());
    }
    // A capitalised run ending next to the verb.
    if is_capital(last) && !last.comma {
        let mut s = ws.len() - 1;
        while s > 0
            && (is_capital(&ws[s - 1])
                || (is_particle(&ws[s - 1]) && s >= 2 && is_capital(&ws[s - 2])))
            && !ws[s - 1].comma
        {
            s -= 1;
        }
        if !after_preposition(ws, s) {
            return name(&ws[s..]);
        }
    }
    // Else the nearest run of two or more capitalised words, close by, that
    // is not a place or a body ("a spokesman for the Baton Rouge Police").
    let from = ws.len().saturating_sub(9);
    let mut e = ws.len();
    while e > from {
        if is_capital(&ws[e - 1]) {
            let mut s = e - 1;
            while s > from && is_capital(&ws[s - 1]) && !ws[s - 1].comma {
                s -= 1;
            }
            if e - s >= 2 && !after_preposition(ws, s) {
                return name(&ws[s..e]);
            }
            e = s;
        } else {
            e -= 1;
        }
    }
    // Else a noun phrase: "a driver at the bus station said", up to a verb
    // before the speech verb ("a woman is heard saying").
    let from = ws.len().saturating_sub(7);
    let at = (from..ws.len()).find(|&i| {
        matches!(ws[i].lower.as_ref(), "a" | "an" | "the" | "one")
            && !ws[i..].iter().any(|w| w.comma)
    })?;
    let e = (at..ws.len())
        .find(|&i| is_auxiliary(&ws[i]))
        .unwrap_or(ws.len());
    Some(
        ws[at..e]
            .iter()
            .map(|w| w.clean)
            .collect::<Vec<_>>()
            .join(" "),
    )
}

/// "is", "was", "would"…: a verb that ends a noun phrase.
fn is_auxiliary(w: &Word<'_>) -> bool {
    matches!(
        w.lower.as_ref(),
        "is" | "was" | "are" | "were" | "has" | "had" | "have" | "would" | "will" | "could"
    )
}

/// The speaker named just after a speech verb (`said X`, `заявил глава X`).
fn speaker_after(ws: &[Word<'_>]) -> Option<String> {
    let first = ws.first()?;
    if PRONOUNS.contains(&first.lower.as_ref()) {
        return Some(first.lower.to_string());
    }
    let cased = ws.iter().any(|w| {
        w.clean
            .chars()
            .any(|c| c.is_uppercase() || c.is_lowercase())
            && w.clean.chars().any(char::is_uppercase)
    });
    let limit = ws.len().min(6);
    for i in 0..limit {
        if ADDRESSEES.contains(&ws[i].lower.as_ref()) {
            // `told Reuters Jane Doe`, `сказал ТАСС X`: the listener.
            continue;
        }
        if is_capital(&ws[i]) {
            let mut e = i + 1;
            while e < ws.len()
                && !ws[e - 1].comma
                && (is_capital(&ws[e])
                    || (is_particle(&ws[e]) && ws.get(e + 1).is_some_and(is_capital)))
            {
                e += 1;
            }
            return name(&ws[i..e]);
        }
        if ws[i].comma {
            break;
        }
    }
    // Uncased scripts (Arabic): the words after the verb, to a comma (a
    // year further on, "عام 2011", is no matter). Not lower-case words of
    // a cased script ("заявил, что человечество ждет").
    let e = ws
        .iter()
        .position(|w| w.comma)
        .map_or(ws.len(), |p| p + 1)
        .min(3);
    let uncased = |w: &Word<'_>| {
        !w.clean.is_ascii()
            && !w
                .clean
                .chars()
                .any(|c| c.is_lowercase() || c.is_uppercase())
    };
    if !cased && ws[..e].iter().all(uncased) {
        return Some(
            ws[..e]
                .iter()
                .map(|w| w.clean)
                .collect::<Vec<_>>()
                .join(" "),
        );
    }
    let at = (0..limit).find(|&i| matches!(ws[i].lower.as_ref(), "a" | "an" | "the"))?;
    let e = (at..ws.len())
        .find_map(|i| {
            if is_auxiliary(&ws[i]) {
                Some(i)
            } else {
                ws[i].comma.then_some(i + 1)
            }
        })
        .unwrap_or(ws.len())
        .min(at + 7);
    Some(
        ws[at..e]
            .iter()
            .map(|w| w.clean)
            .collect::<Vec<_>>()
            .join(" "),
    )
}

/// `according to X` / `по словам X` in a stretch of words.
fn according_to(ws: &[Word<'_>]) -> Option<String> {
    let i = ws.windows(2).position(|p| {
        (p[0].lower == "according" && p[1].lower == "to")
            || (p[0].lower == "по" && p[1].lower == "словам")
    })?;
    speaker_after(&ws[i + 2..])
}

/// `KCNA quoted Kim as saying`, `Zarif was quoted as saying by IRNA`: the
/// words that name the one quoted, who is the speaker (not who quoted
/// them), when the verb at `v` is the `saying` of `quoted … as saying`.
fn quoted_as<'w, 't>(ws: &'w [Word<'t>], v: usize) -> Option<&'w [Word<'t>]> {
    if v < 2 || ws[v].lower != "saying" || ws[v - 1].lower != "as" {
        return None;
    }
    let q = ws[..v - 1].iter().rposition(|w| w.lower == "quoted")?;
    if q + 1 < v - 1 {
        // Who is quoted stands between `quoted` and `as`.
        return Some(&ws[q + 1..v - 1]);
    }
    // `X was quoted as saying`: the subject.
    let mut s = q;
    while s > 0
        && matches!(
            ws[s - 1].lower.as_ref(),
            "was" | "is" | "were" | "been" | "has" | "had"
        )
    {
        s -= 1;
    }
    Some(&ws[..s])
}

/// The speaker from the words after a quote's closing mark, up to the end
/// of the sentence.
fn from_tail(ws: &[Word<'_>]) -> Option<String> {
    if let Some(s) = according_to(ws) {
        return Some(s);
    }
    let v = ws.iter().take(14).position(is_verb)?;
    if v == 0 {
        return speaker_after(&ws[1..]);
    }
    if let Some(quoted) = quoted_as(ws, v) {
        return speaker_before(quoted);
    }
    // `“…,” Jane Doe, a spokeswoman for the council, said`: a name, then
    // what they are between commas.
    let run = ws[..v]
        .iter()
        .take_while(|w| is_capital(w) || is_particle(w))
        .count();
    if run >= 1 && run < v && ws[run - 1].comma {
        return name(&ws[..run]);
    }
    if v > 8 || (ws[..v].iter().any(|w| w.comma) && v > 6) {
        return None;
    }
    speaker_before(&ws[..v]).or_else(|| speaker_after(&ws[v + 1..]))
}

/// The speaker from the words of the sentence before a quote's opening
/// mark.
fn from_lead(ws: &[Word<'_>]) -> Option<String> {
    if let Some(s) = according_to(ws) {
        return Some(s);
    }
    let subject = || {
        // The sentence's subject, when it opens with a name:
        // "Riyad Hijab, the HNC's lead negotiator, played down … “given …”".
        let e = ws
            .iter()
            .position(|w| !is_capital(w) || w.comma)
            .map_or(ws.len(), |p| {
                if ws[p].comma && is_capital(&ws[p]) {
                    p + 1
                } else {
                    p
                }
            });
        (e >= 2).then(|| name(&ws[..e])).flatten()
    };
    match ws.iter().rposition(is_verb) {
        Some(v) if ws.len() - v - 1 <= 6 => match quoted_as(ws, v) {
            Some(quoted) => speaker_before(quoted),
            None => speaker_before(&ws[..v])
                .or_else(|| speaker_after(&ws[v + 1..]))
                .or_else(subject),
        },
        // Arabic news opens the sentence with the verb, then the speaker,
        // however long the way to the quote: "وقال X … «…»".
        _ if ws
            .first()
            .is_some_and(|w| is_verb(w) && !w.clean.is_ascii()) =>
        {
            speaker_after(&ws[1..])
        }
        _ => subject(),
    }
}

/// Where the sentence holding byte `at` starts, not before `floor`.
fn sentence_start(text: &str, floor: usize, at: usize) -> usize {
    let lead = &text[floor..at];
    let mut start = floor;
    for (s, _) in super::sentences::split(lead, floor) {
        start = s;
    }
    start
}

/// Names the speakers of `found` (sorted by position), resolving surnames
/// and pronouns.
fn attribute(text: &str, blocks: &[(usize, usize)], found: &mut [Found]) {
    let block_of = |at: usize| blocks.partition_point(|&(s, _)| s <= at).saturating_sub(1);
    let in_block: Vec<usize> = found.iter().map(|q| block_of(q.start)).collect();
    let mut raw: Vec<Option<String>> = Vec::with_capacity(found.len());
    for (k, q) in found.iter().enumerate() {
        let (bs, _) = blocks[in_block[k]];
        // The tail: after the closing mark to the next quote or the end of
        // the sentence, in the block where the quote ends.
        let (_, le) = blocks[block_of(q.end.saturating_sub(1))];
        let close = q.end.min(le);
        let next_open = found.get(k + 1).map_or(le, |n| n.start).clamp(close, le);
        // Only the sentence the quote closes in: none when it ends at the
        // closing mark ("“…”. He said the plan…", "“…”… According to…").
        let tail_end = super::sentences::first(&text[close..next_open], close)
            .filter(|&(s, _)| text[close..s].trim().is_empty())
            .map_or(close, |(_, e)| e);
        let tail = words(&text[close..tail_end.max(close)]);
        // The lead, read only when the tail names no one: the sentence
        // before the opening mark, not reaching back over the previous
        // quote.
        let lead = || {
            let floor = match k.checked_sub(1).map(|p| &found[p]) {
                Some(p) if p.end > bs && p.end <= q.start => p.end,
                _ => bs,
            };
            let lead_from = sentence_start(text, floor, q.start);
            let mut lead = words(&text[lead_from..q.start]);
            // `X said:` closing the paragraph before the quote.
            if lead.is_empty() && in_block[k] > 0 {
                let (ps, pe) = blocks[in_block[k] - 1];
                if text[ps..pe].ends_with(':') {
                    lead = words(&text[sentence_start(text, ps, pe)..pe]);
                }
            }
            lead
        };
        // A quote inside its sentence that the sentence runs on past, with
        // no break ("aired on “20/20” late Friday, Sue Klebold told…"), is
        // a phrase of it: the words after it name no one for it.
        let mut inside = text[q.start..close].chars().rev();
        let closed = inside.next().is_some_and(|c| "”\"»“".contains(c));
        let stops = |c: char| ",.!?;:…—–".contains(c);
        let breaks = !closed
            || inside.next().is_some_and(stops)
            || text[close..next_open].trim_start().starts_with(stops);
        raw.push(if breaks {
            from_tail(&tail).or_else(|| from_lead(&lead()))
        } else {
            let lead = lead();
            if lead.is_empty() {
                from_tail(&tail)
            } else {
                from_lead(&lead)
            }
        });
    }
    // Names the text gives in full, by surname, for surname-only mentions:
    // up to its last quote. A name given only after it is in a credit or a
    // byline ("Additional reporting by Jack Kim"), not the story.
    let told = found.last().map_or(0, |q| q.end);
    let full = full_names(&text[..told], &raw);
    // The people quoted so far, by surname: who a pronoun may stand for.
    let mut speakers: HashMap<String, String> = HashMap::new();
    let mut last_named: Option<(usize, String)> = None;
    let mut last_block: Option<(usize, Option<String>)> = None;
    for k in 0..found.len() {
        let bi = in_block[k];
        let previous = bi.checked_sub(1).map(|p| &text[blocks[p].0..blocks[p].1]);
        let opens_block = blocks[bi].0 == found[k].start;
        let speaker = match raw[k].clone() {
            Some(p) if PRONOUNS.contains(&p.as_str()) => {
                // The last speaker quoted close by, else the last person
                // named in this paragraph or the one before.
                let recent = last_named.clone().filter(|(b, _)| *b + 1 >= bi);
                recent.map(|(_, s)| s).or_else(|| {
                    // Bounded, so a huge paragraph full of “…,” he said
                    // stays linear.
                    let start = found[k].start;
                    let mut from = blocks[bi.saturating_sub(1)]
                        .0
                        .max(start.saturating_sub(600));
                    while !text.is_char_boundary(from) {
                        from += 1;
                    }
                    last_name(&text[from..start], &speakers).map(|s| resolve(&s, &full))
                })
            }
            Some(s) => Some(resolve(&s, &full)),
            None => {
                // The quote before it in this paragraph or the one before
                // speaks for it, else the next quote in this paragraph.
                let near = last_block
                    .as_ref()
                    .filter(|(b, _)| *b == bi || (*b + 1 == bi && opens_block))
                    .and_then(|(_, s)| s.clone());
                near.or_else(|| {
                    raw.get(k + 1)
                        .cloned()
                        .flatten()
                        .filter(|s| in_block[k + 1] == bi && !PRONOUNS.contains(&s.as_str()))
                        .map(|s| resolve(&s, &full))
                })
                .or_else(|| {
                    // "Smith said the work would go on." then a paragraph
                    // that opens with the quote. The verb follows the
                    // subject: not "…support to potential and confirmed
                    // victims" deep in a sentence.
                    let previous = previous.filter(|_| opens_block)?;
                    let last = super::sentences::split(previous, 0).pop()?;
                    let ws = words(&previous[last.0..last.1]);
                    let v = ws.iter().take(9).position(is_verb)?;
                    speaker_before(&ws[..v])
                        .filter(|s| !PRONOUNS.contains(&s.as_str()))
                        .map(|s| resolve(&s, &full))
                })
            }
        };
        if let Some(s) = &speaker {
            last_named = Some((bi, s.clone()));
            if s.chars().next().is_some_and(char::is_uppercase) {
                speakers.entry(surname(s)).or_insert_with(|| s.clone());
            }
        }
        last_block = Some((bi, speaker.clone()));
        found[k].named = raw[k].is_some();
        found[k].speaker = speaker;
    }
}

/// The person a pronoun most likely stands for in `text`, the text before
/// it: the subject of the nearest sentence that names someone, that is the
/// first run of two or more capitalised words in it, or the surname of one
/// of the `speakers` quoted before (which gives their name). A run after a
/// preposition is a place or an organisation ("in Baton Rouge", "of the
/// Triple S Food Mart"), not who is speaking.
fn last_name(text: &str, speakers: &HashMap<String, String>) -> Option<String> {
    text.lines().rev().find_map(|line| {
        super::sentences::split(line, 0)
            .into_iter()
            .rev()
            .find_map(|(s, e)| subject_name(&line[s..e], speakers))
    })
}

/// Prepositions before a place or an organisation.
const PLACE_PREPOSITIONS: &[&str] = &[
    "in", "on", "at", "of", "for", "from", "into", "near", "across", "outside", "inside",
];

/// True when the word at `i` follows a preposition of place, with or
/// without "the": "in Baton Rouge", "for the Baton Rouge Police".
fn after_preposition(ws: &[Word<'_>], i: usize) -> bool {
    let before = |k: usize| i.checked_sub(k).map(|p| ws[p].lower.as_ref());
    let is_preposition = |w: Option<&str>| w.is_some_and(|w| PLACE_PREPOSITIONS.contains(&w));
    is_preposition(before(1)) || (before(1) == Some("the") && is_preposition(before(2)))
}

fn subject_name(sentence: &str, speakers: &HashMap<String, String>) -> Option<String> {
    let ws = words(sentence);
    let mut i = 0;
    while i < ws.len() {
        if !is_capital(&ws[i]) {
            i += 1;
            continue;
        }
        let mut e = i + 1;
        while e < ws.len() && !ws[e - 1].comma && is_capital(&ws[e]) {
            e += 1;
        }
        if !after_preposition(&ws, i) {
            let n = name(&ws[i..e]);
            let n = match n {
                Some(n) if !n.contains(' ') => speakers.get(&n.to_lowercase()).cloned(),
                n => n,
            };
            if n.is_some() {
                return n;
            }
        }
        i = e;
    }
    None
}

/// Full names (two or more capitalised words) the text gives for the
/// surnames of `speakers`, first mention first.
fn full_names(text: &str, speakers: &[Option<String>]) -> HashMap<String, String> {
    let mut wanted: HashMap<String, String> = HashMap::new();
    for s in speakers.iter().flatten() {
        if !s.contains(' ') && !PRONOUNS.contains(&s.as_str()) {
            wanted.insert(s.to_lowercase(), String::new());
        }
    }
    // Full names used as speakers name themselves.
    for s in speakers.iter().flatten() {
        if let Some(last) = s.rsplit(' ').next().filter(|_| s.contains(' ')) {
            if let Some(slot) = wanted.get_mut(&last.to_lowercase()) {
                if slot.is_empty() {
                    *slot = s.clone();
                }
            }
        }
    }
    if wanted.values().all(|v| !v.is_empty()) {
        return wanted;
    }
    let keys: Vec<String> = wanted
        .iter()
        .filter(|(_, v)| v.is_empty())
        .map(|(k, _)| k.clone())
        .collect();
    // An ASCII key is found by a scan for its capital first letter, one
    // fast byte search per key, and only the words around each hit are
    // read. A word whose lower case is ASCII is ASCII itself, but for the
    // Kelvin sign (the one non-ASCII letter whose lower case is ASCII, `k`):
    // a text with one is read word by word when a key has a `k`.
    let by_key = keys.len() <= 64
        && keys.iter().all(|k| k.is_ascii())
        && !(keys.iter().any(|k| k.contains('k'))
            && memchr::memmem::find(text.as_bytes(), "\u{212A}".as_bytes()).is_some());
    if by_key {
        for key in keys {
            if let Some(full) = first_full_name(text, &key) {
                wanted.insert(key, full);
            }
        }
        return wanted;
    }
    // Else every line is cut into words.
    for line in text.lines() {
        let ws = words(line);
        for (i, w) in ws.iter().enumerate() {
            let Some(slot) = wanted.get_mut(w.lower.as_ref()) else {
                continue;
            };
            if !slot.is_empty() || i == 0 || !is_capital(w) {
                continue;
            }
            let mut s = i;
            while s > 0
                && (is_capital(&ws[s - 1])
                    || (is_particle(&ws[s - 1]) && s >= 2 && is_capital(&ws[s - 2])))
                && !ws[s - 1].comma
            {
                s -= 1;
            }
            if let Some(n) = name(&ws[s..=i]).filter(|n| n.contains(' ')) {
                *slot = n;
            }
        }
    }
    wanted
}

/// The first full name in `text` that ends in the capitalised word whose
/// lower case is `key` (ASCII, with no Kelvin sign in the text that could
/// stand for its `k`): what the word-by-word reading in `full_names` finds
/// for it, found by looking only at the words around each hit.
fn first_full_name(text: &str, key: &str) -> Option<String> {
    // The word is capitalised, so its first letter is the capital of the
    // key's, and the rest matches the key up to ASCII case.
    let first = *key.as_bytes().first()?;
    if !first.is_ascii_lowercase() {
        return None;
    }
    for at in memchr::memchr_iter(first.to_ascii_uppercase(), text.as_bytes()) {
        // Too near the end for the key: so are all later hits.
        let stretch = text.as_bytes().get(at..at + key.len())?;
        if !stretch.eq_ignore_ascii_case(key.as_bytes()) {
            continue;
        }
        // The token (a run of non-white-space) that holds the hit: is its
        // word the key, capitalised?
        let token_start = text[..at]
            .char_indices()
            .rev()
            .find(|&(_, c)| c.is_whitespace())
            .map_or(0, |(k, c)| k + c.len_utf8());
        let token_end = text[at..]
            .find(char::is_whitespace)
            .map_or(text.len(), |k| at + k);
        let Some(w) = word(&text[token_start..token_end]) else {
            continue;
        };
        if w.lower != key || !is_capital(&w) {
            continue;
        }
        // The words before it on its line (`str::lines`: a line ends at
        // "\n", and a "\r" before it is white space like the "\n"), nearest
        // first, read only as far as the name reaches back.
        let line_start = text[..token_start].rfind('\n').map_or(0, |k| k + 1);
        // As `words` reads them, what stands in an editor's square brackets
        // is no word ("Mohemed Sahebi [Central Committee member]"), and no
        // name runs on over them.
        let lead = &text[line_start..at];
        if lead.rfind('[') > lead.rfind(']') {
            continue;
        }
        let mut back = text[line_start..token_start]
            .split_whitespace()
            .rev()
            .take_while(|t| !t.contains(['[', ']']))
            .filter_map(word);
        let mut before: Vec<Word<'_>> = Vec::new();
        // As in `full_names`: the run takes the word before it while that
        // is capitalised, or a particle after a capitalised word, and no
        // comma follows it. `before[n]` is the word the run may take next.
        let mut n: usize = 0;
        loop {
            let more = (n + 2).saturating_sub(before.len());
            before.extend(back.by_ref().take(more));
            let Some(w1) = before.get(n) else {
                break;
            };
            let joins = (is_capital(w1)
                || (is_particle(w1) && before.get(n + 1).is_some_and(is_capital)))
                && !w1.comma;
            if !joins {
                break;
            }
            n += 1;
        }
        if before.is_empty() {
            // The first word of its line names no one.
            continue;
        }
        before.truncate(n);
        before.reverse();
        before.push(w);
        if let Some(full) = name(&before).filter(|n| n.contains(' ')) {
            return Some(full);
        }
    }
    None
}

/// Two or more letters, all capitals: HDP, UNICEF, U.S.
fn is_acronym(word: &str) -> bool {
    word.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && word.chars().all(|c| !c.is_lowercase())
}

fn resolve(speaker: &str, full: &HashMap<String, String>) -> String {
    // An acronym (HDP, UNICEF) names itself.
    if is_acronym(speaker) {
        return speaker.to_string();
    }
    full.get(&speaker.to_lowercase())
        .filter(|f| !f.is_empty())
        .cloned()
        .unwrap_or_else(|| speaker.to_string())
}

// ------------------------------------------------------------ pairing

/// The hashes of a quote's lower-cased words, sorted: for pairing.
fn key_words(text: &str) -> Vec<u64> {
    let mut words: Vec<u64> = text
        .split(|c: char| !text::is_alnum(c))
        .filter(|w| !w.is_empty())
        .map(text::word_hash)
        .collect();
    words.sort_unstable();
    words
}

/// Share of `a`'s words (as a multiset) found in `b`, and how many; both
/// sorted.
fn containment(a: &[u64], b: &[u64]) -> (f64, usize) {
    let common = text::common(a, b);
    (common as f64 / a.len().max(1) as f64, common)
}

/// Finds the quotes of both versions and pairs them.
pub(crate) fn ledger(
    before: &Side<'_>,
    after: &Side<'_>,
    blocks: (&[Block<'_>], &[Block<'_>]),
    options: &Options,
    deadline: Option<Instant>,
) -> Vec<Quote> {
    let qb = find(before, blocks.0);
    let qa = find(after, blocks.1);
    let kb: Vec<Vec<u64>> = qb.iter().map(|q| key_words(&q.text)).collect();
    let ka: Vec<Vec<u64>> = qa.iter().map(|q| key_words(&q.text)).collect();
    let n = qb.len();
    // Union-find over Before quotes (0..n) and After quotes (n..).
    let mut parent: Vec<usize> = (0..n + qa.len()).collect();
    fn root(p: &mut [usize], mut x: usize) -> usize {
        while p[x] != x {
            p[x] = p[p[x]];
            x = p[x];
        }
        x
    }
    let union = |p: &mut Vec<usize>, a: usize, b: usize| {
        let (ra, rb) = (root(p, a), root(p, b));
        if ra != rb {
            p[ra] = rb;
        }
    };
    // Exact pairs first (same words, in any order of punctuation), in order.
    let mut exact: HashMap<&[u64], Vec<usize>> = HashMap::new();
    for (j, k) in ka.iter().enumerate().rev() {
        exact.entry(k.as_slice()).or_default().push(j);
    }
    let mut paired_b = vec![false; n];
    let mut paired_a = vec![false; qa.len()];
    for (i, k) in kb.iter().enumerate() {
        if let Some(j) = exact.get_mut(k.as_slice()).and_then(Vec::pop) {
            paired_b[i] = true;
            paired_a[j] = true;
            union(&mut parent, i, n + j);
        }
    }
    // Then rewordings and regroupings: a quote most of whose words are in
    // a quote of the other version belongs with it.
    let left_b: Vec<usize> = (0..n).filter(|&i| !paired_b[i]).collect();
    let left_a: Vec<usize> = (0..qa.len()).filter(|&j| !paired_a[j]).collect();
    let in_time = deadline.is_none_or(|d| Instant::now() < d);
    let row_b: Vec<usize> = qb
        .iter()
        .map(|q| before.row_at(q.start).map_or(0, |r| r.0))
        .collect();
    let row_a: Vec<usize> = qa
        .iter()
        .map(|q| after.row_at(q.start).map_or(0, |r| r.0))
        .collect();
    // Candidates: all with all when few, else only quotes in the same row
    // (a changed row carries both sides).
    let everything = left_b.len() <= PAIR_LIMIT && left_a.len() <= PAIR_LIMIT && in_time;
    let mut by_row_a: HashMap<usize, Vec<usize>> = HashMap::new();
    let mut by_row_b: HashMap<usize, Vec<usize>> = HashMap::new();
    if !everything {
        for &j in &left_a {
            by_row_a.entry(row_a[j]).or_default().push(j);
        }
        for &i in &left_b {
            by_row_b.entry(row_b[i]).or_default().push(i);
        }
    }
    let none: Vec<usize> = Vec::new();
    // Each quote links to the one of the other version that holds most of
    // its words (the nearest on a tie), when that is most of them and no
    // one else said it. Only best links join quotes, so formulaic quotes
    // ("I don't know what…") do not all melt into one.
    let said_by = |qs: &[Found]| -> Vec<Option<String>> {
        qs.iter()
            .map(|q| q.speaker.as_deref().map(surname))
            .collect()
    };
    let (by_b, by_a) = (said_by(&qb), said_by(&qa));
    let best = |own: (&[u64], usize, &Option<String>),
                cands: &[usize],
                keys: &[Vec<u64>],
                rows: &[usize],
                by: &[Option<String>]| {
        let (own, own_row, own_by) = own;
        let mut top: Option<(f64, usize, usize)> = None;
        for &c in cands.iter().take(if everything { usize::MAX } else { 50 }) {
            let (share, common) = containment(own, &keys[c]);
            // A quote given to someone else is the same quote only when
            // each holds nearly all the other's words (a correction of who
            // said it), not when a short one is mostly in a longer one.
            let someone_else = own_by.is_some() && by[c].is_some() && *own_by != by[c];
            let reattributed =
                || share >= SAME_WORDS_AT && containment(&keys[c], own).0 >= SAME_WORDS_AT;
            if share < CONTAIN_AT || common < 3 || (someone_else && !reattributed()) {
                continue;
            }
            let distance = rows[c].abs_diff(own_row);
            let better = top.is_none_or(|(s, d, _)| share > s || (share == s && distance < d));
            if better {
                top = Some((share, distance, c));
            }
        }
        top.map(|t| t.2)
    };
    for &i in &left_b {
        let cands = if everything {
            &left_a
        } else {
            by_row_a.get(&row_b[i]).unwrap_or(&none)
        };
        if let Some(j) = best((&kb[i], row_b[i], &by_b[i]), cands, &ka, &row_a, &by_a) {
            union(&mut parent, i, n + j);
        }
    }
    for &j in &left_a {
        let cands = if everything {
            &left_b
        } else {
            by_row_b.get(&row_a[j]).unwrap_or(&none)
        };
        if let Some(i) = best((&ka[j], row_a[j], &by_a[j]), cands, &kb, &row_b, &by_b) {
            union(&mut parent, i, n + j);
        }
    }
    // Groups, in the order of their first quote (After first, then Before).
    let mut groups: HashMap<usize, (Vec<usize>, Vec<usize>)> = HashMap::new();
    let mut order: Vec<usize> = Vec::new();
    for j in 0..qa.len() {
        let r = root(&mut parent, n + j);
        if !groups.contains_key(&r) {
            order.push(r);
        }
        groups.entry(r).or_default().1.push(j);
    }
    for i in 0..n {
        let r = root(&mut parent, i);
        if !groups.contains_key(&r) {
            order.push(r);
        }
        groups.entry(r).or_default().0.push(i);
    }
    let mut out = Vec::with_capacity(order.len());
    for r in order {
        let (bs, as_) = &groups[&r];
        let join = |qs: &[Found], idx: &[usize]| -> Option<String> {
            (!idx.is_empty()).then(|| {
                idx.iter()
                    .map(|&i| qs[i].text.as_str())
                    .collect::<Vec<_>>()
                    .join(" ")
            })
        };
        let b_text = join(&qb, bs);
        let a_text = join(&qa, as_);
        let speaker_of =
            |qs: &[Found], idx: &[usize]| idx.iter().find_map(|&i| qs[i].speaker.clone());
        let sb = speaker_of(&qb, bs);
        let sa = speaker_of(&qa, as_);
        let change = match (&b_text, &a_text) {
            (None, _) => Change::Added,
            (_, None) => Change::Removed,
            (Some(b), Some(a)) if text::cosmetic(b, a) => Change::Unchanged,
            _ => Change::Changed,
        };
        let inline = match (change, &b_text, &a_text) {
            (Change::Changed, Some(b), Some(a)) => crate::diff::words(b, a, options, deadline)
                .into_iter()
                .map(|p| QuotePiece {
                    tag: p.tag,
                    text: p.text.to_string(),
                    cosmetic: p.cosmetic,
                })
                .collect(),
            _ => Vec::new(),
        };
        let speaker = sa.clone().or_else(|| sb.clone());
        let before_speaker = sb.filter(|b| sa.as_ref().is_some_and(|a| surname(a) != surname(b)));
        let row = |side: &Side<'_>, qs: &[Found], idx: &[usize]| {
            idx.first()
                .and_then(|&i| side.row_at(qs[i].start))
                .map(|(r, _)| r)
        };
        out.push(Quote {
            change,
            speaker,
            before_speaker,
            before: b_text,
            after: a_text,
            before_row: row(before, &qb, bs),
            after_row: row(after, &qa, as_),
            regrouped: bs.len() > 1 || as_.len() > 1,
            inline,
        });
    }
    // In reading order: rows are in display order on both sides.
    out.sort_by_key(|q| q.before_row.into_iter().chain(q.after_row).min());
    out
}

/// The last word of a speaker's name, lower-cased: what identifies them.
pub(crate) fn surname(speaker: &str) -> String {
    // "Sid J. Gautreaux III" is Gautreaux.
    let mut words = speaker.rsplit(' ').map(str::to_lowercase);
    let last = words.next().unwrap_or_default();
    match last.as_str() {
        "jr" | "sr" | "ii" | "iii" | "iv" => words.next().unwrap_or(last),
        _ => last,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Row;

    fn quotes(text: &str) -> Vec<(String, Option<String>)> {
        let rows = [Row::new(crate::RowKind::Equal, Some(text), Some(text))];
        let side = Side::new(text, &rows, true);
        find(&side, &crate::segment::blocks(text))
            .into_iter()
            .map(|q| (q.text, q.speaker))
            .collect()
    }

    fn check(text: &str, expect: &[(&str, Option<&str>)]) {
        let got = quotes(text);
        let want: Vec<(String, Option<String>)> = expect
            .iter()
            .map(|(q, s)| (q.to_string(), s.map(str::to_string)))
            .collect();
        assert_eq!(got, want, "in {text:?}");
    }

    #[test]
    fn attribution_forms() {
        check(
            "Foreign Minister Walid Moallem spoke.\n\n“We will not negotiate with anyone,” Moallem said. “Bashar is a red line.”\n",
            &[
                ("We will not negotiate with anyone", Some("Walid Moallem")),
                ("Bashar is a red line.", Some("Walid Moallem")),
            ],
        );
        check(
            "\"This is a very fragile situation,\" said Jane Doe, a spokeswoman.",
            &[("This is a very fragile situation", Some("Jane Doe"))],
        );
        check(
            "Kremlin spokesman Dmitry Peskov told reporters: “We need new urgent steps now.”",
            &[("We need new urgent steps now.", Some("Dmitry Peskov"))],
        );
        check(
            "According to the mayor, „the bridge will open next spring“.",
            &[("the bridge will open next spring", Some("the mayor"))],
        );
        check(
            "«Мы не будем вести переговоры», — заявил министр Сергей Лавров.",
            &[("Мы не будем вести переговоры", Some("Сергей Лавров"))],
        );
    }

    #[test]
    fn a_quote_over_two_paragraphs_is_one_quote() {
        check(
            "John Smith said:\n\n“The first part goes on\n\n“and the second part ends here.”\n",
            &[(
                "The first part goes on and the second part ends here.",
                Some("John Smith"),
            )],
        );
    }

    #[test]
    fn a_quote_goes_on_to_the_next_line_that_closes_it() {
        // One sentence a line: once "The river is rising fast." alone, by
        // no one.
        check(
            "The storm came at dawn.\n“The river is rising fast.\nIt will reach the town by noon,” said Mayor Tom Reyes.\n",
            &[(
                "The river is rising fast. It will reach the town by noon",
                Some("Tom Reyes"),
            )],
        );
        // Not a line that never closes it.
        check(
            "The “river is rising fast and the town waits for news.\nMayor Tom Reyes said it would reach the town by noon.\n",
            &[("river is rising fast and the town waits for news.", None)],
        );
    }

    #[test]
    fn quotes_in_noise_rows_stay_out() {
        let text = "Now playing\n“We must run away,” she says in the video.\n\n“We will stay and fight,” Jane Doe said.\n";
        let split = text.find("\n\n").unwrap() + 2;
        let rows = [
            Row::new(crate::RowKind::Noise, Some(&text[..split]), None),
            Row::new(crate::RowKind::Equal, Some(&text[split..]), None),
        ];
        let found: Vec<String> = find(&Side::new(text, &rows, true), &crate::segment::blocks(text))
            .into_iter()
            .map(|q| q.text)
            .collect();
        assert_eq!(found, ["We will stay and fight"]);
    }

    #[test]
    fn an_editor_s_brackets_are_no_part_of_a_name() {
        // "Yazdanpanah [PAK leader] said": once read as "Yazdanpanah PAK".
        check(
            "“We fight like 10,000,” Yazdanpanah [PAK leader] said in 2019.",
            &[("We fight like 10,000", Some("Yazdanpanah"))],
        );
        // The full name the text gives elsewhere, as for any surname.
        check(
            "The party was founded by Said Yazdanpanah, a Kurd.\n\n“We fight like 10,000,” Yazdanpanah [PAK leader] said.[footnote 3]",
            &[("We fight like 10,000", Some("Said Yazdanpanah"))],
        );
        // A footnote between a name and its comma.
        check(
            "“We will stay,” Jane Doe[1], a council spokeswoman for the east, said.",
            &[("We will stay", Some("Jane Doe"))],
        );
    }

    #[test]
    fn a_pronoun_stands_for_the_person_not_the_place_named_last() {
        // Once "Harbour Road" and "Blue Lantern Cafe": the last capitalised
        // words before the quote.
        check(
            "Dana Whitlock, who runs a bakery on Harbour Road, watched the fire.\n\n“It was over in minutes,” she said.\n",
            &[("It was over in minutes", Some("Dana Whitlock"))],
        );
        check(
            "Omar Fenwick, the owner of the Blue Lantern Cafe, saw it all.\n\n“Nobody was hurt, thank God,” he said.\n",
            &[("Nobody was hurt, thank God", Some("Omar Fenwick"))],
        );
        // A place that opens the sentence is not its subject either.
        check(
            "In Port Ellis, Omar Fenwick saw it all.\n\n“Nobody was hurt, thank God,” he said.\n",
            &[("Nobody was hurt, thank God", Some("Omar Fenwick"))],
        );
    }

    #[test]
    fn the_one_quoted_as_saying_speaks_not_who_quoted_them() {
        // Once "Lisbon", "the agency quoted Bellweather as" and "Tass".
        check(
            "Foreign Minister Ana Bellweather arrived late.\n\n\
             “The deal will be done by Friday,” Bellweather was quoted as saying in Lisbon by the agency.\n\n\
             “We are ready for the vote,” the agency quoted Bellweather as saying.\n\n\
             “Nobody will be left out of it,” she was quoted as saying by Tass.\n",
            &[
                ("The deal will be done by Friday", Some("Ana Bellweather")),
                ("We are ready for the vote", Some("Ana Bellweather")),
                ("Nobody will be left out of it", Some("Ana Bellweather")),
            ],
        );
        // Before the quote too.
        check(
            "State media quoted Bellweather as saying: “We are ready for the vote.”",
            &[("We are ready for the vote.", Some("Bellweather"))],
        );
    }

    #[test]
    fn a_name_given_only_after_the_last_quote_is_a_credit() {
        // Once "Jack Kim", from the reporting credit.
        check(
            "“We will build the road by spring,” Kim said.\n\n(Additional reporting by Jack Kim; Editing by Tom Lee)\n",
            &[("We will build the road by spring", Some("Kim"))],
        );
    }

    #[test]
    fn a_conjunction_opening_a_sentence_is_no_part_of_a_name() {
        // Once "Although Kim", the full name of "Kim".
        check(
            "Although Kim gave no date, the plan stands.\n\n“It is only the first step,” Kim said.\n",
            &[("It is only the first step", Some("Kim"))],
        );
    }

    #[test]
    fn a_name_is_cut_from_the_place_role_and_party_around_it() {
        // Once "Harbourview Parish Sheriff Ada M Quill", "Tom Reyes of
        // Dunmore", "Ostland Gov Dee Marsh D" and "Harvard-educated Lena
        // Sauer".
        check(
            "“The water rose very fast,” Harbourview Parish Sheriff Ada M. Quill said.",
            &[("The water rose very fast", Some("Ada M Quill"))],
        );
        check(
            "“We settled the case today,” said Mayor Tom Reyes of Dunmore.",
            &[("We settled the case today", Some("Tom Reyes"))],
        );
        check(
            "“The hatred has to stop now,” Ostland Gov. Dee Marsh (D) said.",
            &[("The hatred has to stop now", Some("Dee Marsh"))],
        );
        check(
            "“We are ready for the vote,” Harvard-educated Lena Sauer said.",
            &[("We are ready for the vote", Some("Lena Sauer"))],
        );
        // A role word that ends a name stays ("Kim Jong Un"), and so does
        // a place named with "of" in one word ("the Duke of Westmark").
        check(
            "“We will not use it first,” Kim Jong Un said.",
            &[("We will not use it first", Some("Kim Jong Un"))],
        );
        check(
            "“We are all very proud,” said Duke of Westmark.",
            &[("We are all very proud", Some("Duke of Westmark"))],
        );
    }

    #[test]
    fn a_surname_is_not_completed_from_inside_an_editor_s_brackets() {
        // Once "Ada Moss Quill": the words before "[Quill".
        check(
            "The plan came from Ada Moss [Quill Party chair] last year.\n\n“We will not stop now,” Quill said.\n",
            &[("We will not stop now", Some("Quill"))],
        );
    }

    #[test]
    fn an_acronym_before_one_word_names_a_body() {
        // Once "Committee", completed from any "… Committee" of the text.
        check(
            "According to the UN Committee on Rights, the law “harms the equality of every person at work.”",
            &[(
                "harms the equality of every person at work.",
                Some("UN Committee"),
            )],
        );
        check(
            "“We will win this,” US President Obama said.",
            &[("We will win this", Some("Obama"))],
        );
    }

    #[test]
    fn a_pronoun_stands_for_a_surname_the_text_gives_in_full() {
        // Once "English-speaking Zarif", then no one.
        check(
            "Foreign Minister Lena Sauer spoke first.\n\n“We are ready,” Sauer said.\n\n\
             The English-speaking Sauer then left the room.\n\n\
             “Some see peace as a threat to them,” she said.\n",
            &[
                ("We are ready", Some("Lena Sauer")),
                ("Some see peace as a threat to them", Some("Lena Sauer")),
            ],
        );
    }

    #[test]
    fn a_pronoun_stands_for_a_speaker_s_surname() {
        // Once "Ada Quill", named in the sentence before.
        check(
            "“We hid nothing from anyone,” Ruiz said.\n\nLast week Ruiz met a critic, Ada Quill.\n\n\
             Ruiz rejected that and said he has been “open about every cost from the start.”\n",
            &[
                ("We hid nothing from anyone", Some("Ruiz")),
                ("open about every cost from the start.", Some("Ruiz")),
            ],
        );
    }

    #[test]
    fn a_pronoun_stands_for_the_surname_of_someone_quoted_before() {
        // Once no one: "Dunmore" was no speaker's surname on its own.
        check(
            "“We want answers today,” Michael Dunmore, head of the local branch, said.\n\n\
             The officers should be held to account, Dunmore said.\n\n\
             “Arrest those two officers now,” he said.\n",
            &[
                ("We want answers today", Some("Michael Dunmore")),
                ("Arrest those two officers now", Some("Michael Dunmore")),
            ],
        );
    }

    #[test]
    fn a_quote_opening_inside_an_unclosed_one_is_the_quote() {
        // Once "reckless. Mayor Tom Reyes said … “open about every cost…".
        check(
            "Critics called the plan “reckless. Mayor Tom Reyes said the city had been “open about every cost from the start.”",
            &[("open about every cost from the start.", Some("Tom Reyes"))],
        );
    }

    #[test]
    fn a_particle_joined_to_a_name_is_part_of_it() {
        // Once "HARBOUR FIRE", the heading: "al-Masri" read as no name.
        check(
            "HARBOUR FIRE\n\nThe port's director, Omar al-Masri, said in an interview on Monday that the damage was small. “We will reopen within the week,” he told a newspaper.\n",
            &[("We will reopen within the week", Some("Omar al-Masri"))],
        );
    }

    #[test]
    fn a_heading_in_capitals_names_no_one() {
        // Once "CITY HALL FIRE".
        check(
            "CITY HALL FIRE\n\n“We lost every single file we had,” she said.\n",
            &[("We lost every single file we had", None)],
        );
    }

    #[test]
    fn a_military_rank_is_a_role() {
        // Once "Captain Ada Quill".
        check(
            "“They were washed away by the water,” Captain Ada Quill said.",
            &[("They were washed away by the water", Some("Ada Quill"))],
        );
    }

    #[test]
    fn a_body_after_a_preposition_is_not_the_speaker() {
        // Once "Harbour Board Police".
        check(
            "“We are still looking for the driver,” a spokesman for the Harbour Board Police said.",
            &[(
                "We are still looking for the driver",
                Some("a spokesman for the Harbour Board Police"),
            )],
        );
    }

    #[test]
    fn a_noun_phrase_speaker_ends_at_a_verb() {
        // Once "a woman is heard" and "the new rules for a landlord would".
        check(
            "In the video, a woman is heard saying: “He is about to start again, oh my God!”",
            &[("He is about to start again, oh my God!", Some("a woman"))],
        );
        check(
            "“We cannot go on like this,” said the new rules for a landlord would hurt.",
            &[(
                "We cannot go on like this",
                Some("the new rules for a landlord"),
            )],
        );
    }

    #[test]
    fn a_title_in_quote_marks_inside_a_sentence_is_no_one_s_quote() {
        // Once a quote by "Ada Quill", from the words the sentence goes on
        // with.
        check(
            "In an interview that aired on “Night Desk” late on Friday, Ada Quill told the host she had known nothing.",
            &[],
        );
        // A break after the quote still lets the words after it name who
        // said it.
        check(
            "The plan is “a disaster,” Ada Quill said.",
            &[("a disaster", Some("Ada Quill"))],
        );
    }

    #[test]
    fn telling_attributes_speech() {
        // Once no one.
        check(
            "“We are not leaving this town,” one man could be heard telling the crowd.",
            &[("We are not leaving this town", Some("one man"))],
        );
    }

    #[test]
    fn lower_case_words_of_a_cased_script_name_no_one() {
        // Once "что страну ждет" ("that the country awaits"), read as an
        // Arabic speaker after the verb.
        check(
            "Экономист, известный своими прогнозами о мировых рынках и кризисах, заявил, что страну ждет «Большая зима».",
            &[],
        );
    }

    #[test]
    fn a_generation_suffix_is_no_surname() {
        assert_eq!(surname("Ned Parr III"), "parr");
        assert_eq!(surname("Carl Dabadie Jr"), "dabadie");
        assert_eq!(surname("Ned Parr"), "parr");
    }

    #[test]
    fn the_tail_is_only_the_sentence_the_quote_closes_in() {
        // Once "Jane Doe", from the next sentence.
        check(
            "“We will rebuild the old school”. Jane Doe said the vote was close.",
            &[("We will rebuild the old school", None)],
        );
        // An ellipsis before a capital ends the sentence: once a quote by
        // "Harlow Vance".
        check(
            "The group calls them “field hands”… According to Harlow Vance, they are few.",
            &[],
        );
    }

    #[test]
    fn an_arabic_sentence_that_opens_with_the_verb_names_the_speaker_after_it() {
        // Once no one: the verb stands far from the quote, and a year
        // (ASCII digits) stood among the words after it.
        check(
            "وقال أحمد سالم، رئيس الغرفة التجارية في المدينة منذ عام 2015 «نحن بحاجة إلى خطة واضحة للمستقبل».",
            &[("نحن بحاجة إلى خطة واضحة للمستقبل", Some("أحمد سالم"))],
        );
    }

    #[test]
    fn a_verb_deep_in_the_paragraph_before_names_no_one() {
        // A glossary: once "Harbour Victim Care Service", from "…provided
        // by the Harbour Victim Care Service to potential and confirmed
        // victims", then passed on down the list.
        check(
            "“care plan” a plan that sets out the support provided by the Harbour Victim Care Service to potential and confirmed victims;\n\n\
             “Harbour Victim Care Service contract” refers to the contract with the council;\n",
            &[("Harbour Victim Care Service contract", None)],
        );
        // The verb after its subject still names the speaker.
        check(
            "Council leader Ada Quill said the work would go on.\n\n“We will finish the bridge next year.”\n",
            &[("We will finish the bridge next year.", Some("Ada Quill"))],
        );
    }

    #[test]
    fn scare_quotes_without_a_speaker_are_not_quotes() {
        check("The talks are part of a “road map” for peace.", &[]);
        // A question word in capitals opening the sentence is no speaker.
        check(
            "Whose Facebook accounts will be targeted will depend on where they fit onto a “social graph;” and more.",
            &[],
        );
    }
}
