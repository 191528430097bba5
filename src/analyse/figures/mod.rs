//! Figures: numbers, number words, money, percentages and dates that differ
//! between matched sentences, with their qualifiers ("more than 140").

use std::collections::{HashMap, HashSet, VecDeque};

use super::outlets::Paired;
use super::sentences;
use super::{Figure, Side};
use crate::model::{Row, RowKind};
use crate::text;

/// Words that say how exact a figure is; kept in the figure's text.
const QUALIFIERS: &[&str] = &[
    "more than",
    "less than",
    "fewer than",
    "at least",
    "at most",
    "up to",
    "as many as",
    "as few as",
    "close to",
    "just over",
    "just under",
    "nearly",
    "almost",
    "about",
    "around",
    "approximately",
    "roughly",
    "over",
    "under",
    "some",
    "an estimated",
    "estimated",
    "only",
    "более",
    "менее",
    "около",
    "почти",
    "свыше",
    "порядка",
    "примерно",
    "не менее",
    "не более",
    "أكثر من",
    "نحو",
    "حوالي",
    "قرابة",
];

const NUMBER_WORDS: &[&str] = &[
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "hundred",
    "dozen",
    "dozens",
    "scores",
    "hundreds",
    "thousands",
    "millions",
    "billions",
    "half",
];

/// Words after a number that belong to the figure.
const UNITS: &[&str] = &[
    "%",
    "percent",
    "per",
    "cent",
    "million",
    "billion",
    "trillion",
    "thousand",
    "hundred",
    "bn",
    "m",
    "k",
    "gbp",
    "usd",
    "eur",
    "dollars",
    "pounds",
    "euros",
    "pence",
    "cents",
    "млн",
    "млрд",
    "тыс",
    "процента",
    "процентов",
    "процент",
    "рублей",
    "долларов",
    "%.",
];

const CURRENCY: &[&str] = &["$", "£", "€", "¥", "₽", "US$", "GBP", "USD", "EUR"];

/// Currency signs and words, lower-cased, and the one code a figure's key
/// gives each: "$100 млн" and "100 млн долларов" are one figure, "$100" and
/// "£100" are two.
const CURRENCY_CODES: &[(&str, &str)] = &[
    ("$", "usd"),
    ("usd", "usd"),
    ("dollars", "usd"),
    ("долларов", "usd"),
    ("£", "gbp"),
    ("gbp", "gbp"),
    ("pounds", "gbp"),
    ("€", "eur"),
    ("eur", "eur"),
    ("euros", "eur"),
    ("¥", "jpy"),
    ("₽", "rub"),
    ("рублей", "rub"),
];

/// What a figure is compared by, from its tokens: their [`text::loose`]
/// form without its currency, then the currency's code, wherever the sign
/// or word stood.
fn key(figure: &[&str]) -> String {
    let mut currency = None;
    let mut out = String::new();
    for &t in figure {
        let l = text::lower(t);
        match CURRENCY_CODES.iter().find(|(name, _)| *name == l) {
            Some((_, code)) => currency = Some(*code),
            None => out.push_str(&text::loose(t)),
        }
    }
    if let Some(code) = currency {
        out.push(' ');
        out.push_str(code);
    }
    out
}

/// One figure in a sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Found<'a> {
    /// The figure's text, qualifier and unit included.
    text: &'a str,
    /// Loose form, for comparing.
    key: String,
    /// The words just before and after it, lower-cased, for pairing.
    before_word: String,
    after_word: String,
    /// The next figure of the sentence is this one's former value: "16
    /// September (previously 1 August)".
    replaces_next: bool,
}

/// What stands between a figure and its former value in a correction:
/// "16 September (previously 1 August)", "£400, up from £200".
const FORMERLY: &[&str] = &[
    "(previously",
    "(was",
    "(formerly",
    "(originally",
    "(not",
    "(corrected from",
    "(changed from",
    "(amended from",
    "(updated from",
    ", previously",
    ", formerly",
    ", not",
    "instead of",
    "rather than",
];

fn is_number(token: &str) -> bool {
    token.chars().any(|c| {
        c.is_ascii_digit()
            || ('\u{660}'..='\u{669}').contains(&c)
            || ('\u{6f0}'..='\u{6f9}').contains(&c)
    }) || is_number_word(token)
}

/// One of `NUMBER_WORDS`, in any case. They are all ASCII letters, so a
/// token that does not open with one (an ideograph, a mark) is read no
/// further.
fn is_number_word(token: &str) -> bool {
    token
        .as_bytes()
        .first()
        .is_some_and(u8::is_ascii_alphabetic)
        && NUMBER_WORDS.iter().any(|w| w.eq_ignore_ascii_case(token))
}

fn is_date_word(token: &str) -> bool {
    token.chars().next().is_some_and(char::is_uppercase) && {
        let l = text::lower(token);
        text::is_month_or_weekday(&l) || text::MONTH_ABBREVIATIONS.contains(&&*l)
    }
}

/// The figures of one sentence.
fn find(sentence: &str) -> Vec<Found<'_>> {
    let tokens = text::tokens(sentence);
    let mut offsets = Vec::with_capacity(tokens.len() + 1);
    let mut at = 0;
    for t in &tokens {
        offsets.push(at);
        at += t.len();
    }
    offsets.push(at);
    let word_at = |i: usize| tokens.get(i).copied().unwrap_or("");
    let is_space = |i: usize| word_at(i).chars().all(char::is_whitespace) && !word_at(i).is_empty();
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let t = tokens[i];
        if !(is_number(t) || is_date_word(t)) {
            i += 1;
            continue;
        }
        let (mut s, mut e) = (i, i + 1);
        // Forward: units, and dates ("20 May 2022", "May 20, 2016").
        loop {
            let next = if is_space(e) { e + 1 } else { e };
            let w = word_at(next);
            let lw = text::lower(w);
            let dated = tokens[s..e].iter().any(|t| is_date_word(t));
            let digits = !w.is_empty() && w.chars().all(|c| c.is_ascii_digit());
            let join = UNITS.contains(&&*lw)
                || is_date_word(w)
                || (dated && digits && (w.len() <= 2 || w.len() == 4))
                || (w == "."
                    && next == e
                    && is_date_word(word_at(e - 1))
                    && word_at(e - 1).chars().count() <= 4);
            if join && next < tokens.len() && (next == e || is_space(e)) {
                e = next + 1;
            } else if matches!(word_at(e), "-" | "–")
                && word_at(e + 1).starts_with(|c: char| c.is_ascii_digit())
                && word_at(e - 1).ends_with(|c: char| c.is_ascii_digit())
            {
                // A date or a range written with hyphens or dashes:
                // "2023-05-28", "10-12", "5–7".
                e += 2;
            } else if word_at(e) == "/"
                && word_at(e + 2) == "/"
                && [e - 1, e + 1].iter().all(|&k| {
                    let w = word_at(k);
                    (1..=2).contains(&w.len()) && w.chars().all(|c| c.is_ascii_digit())
                })
                && matches!(word_at(e + 3).len(), 2 | 4)
                && word_at(e + 3).chars().all(|c| c.is_ascii_digit())
            {
                // A date with slashes: "16/09/2022".
                e += 4;
            } else if word_at(e) == "-"
                && is_number_word(word_at(e - 1))
                && is_number_word(word_at(e + 1))
            {
                // A number in words: "Thirty-two", "twenty-one".
                e += 2;
            } else if is_space(e)
                && is_number_word(word_at(e - 1))
                && is_number_word(word_at(e + 1))
            {
                // Number words in a row: "two dozen", "one hundred".
                e += 2;
            } else if word_at(e) == "+" && word_at(e - 1).ends_with(|c: char| c.is_ascii_digit()) {
                // "40+", "18+": and over.
                e += 1;
            } else if is_space(e)
                && text::lower(word_at(e + 1)) == "to"
                && is_space(e + 2)
                && [e - 1, e + 3].iter().all(|&k| {
                    !word_at(k).is_empty() && word_at(k).chars().all(|c| c.is_ascii_digit())
                })
                && word_at(e + 4) != ":"
                && !tokens[s..e].contains(&":")
            {
                // A range of whole numbers: "19 to 24", "5 to 7 days" (not
                // times: "08:30 to 17:00" is two).
                e += 4;
            } else if is_space(e)
                && word_at(s).starts_with('0')
                && word_at(s).len() >= 3
                && word_at(s).chars().all(|c| c.is_ascii_digit())
                && word_at(e + 1).len() >= 3
                && word_at(e + 1).chars().all(|c| c.is_ascii_digit())
            {
                // A telephone number: "0300 123 4567".
                e += 2;
            } else if (word_at(e) == ":"
                && word_at(e + 1)
                    .chars()
                    .take(2)
                    .filter(char::is_ascii_digit)
                    .count()
                    == 2)
                || (word_at(e) == "."
                    && word_at(e + 1).starts_with(|c: char| c.is_ascii_digit())
                    && word_at(e - 1).chars().all(|c| c.is_ascii_digit()))
            {
                // A time: "08:30".
                e += 2;
            } else if word_at(e) == ","
                && is_space(e + 1)
                && word_at(e + 2).len() == 4
                && word_at(e + 2).chars().all(|c| c.is_ascii_digit())
                && tokens[s..e].iter().any(|t| is_date_word(t))
            {
                e += 3;
            } else {
                break;
            }
        }
        // Backward: "a dozen", "a hundred".
        if s >= 2
            && is_space(s - 1)
            && text::lower(word_at(s - 2)) == "a"
            && matches!(
                text::lower(t).as_ref(),
                "dozen" | "hundred" | "thousand" | "million" | "billion"
            )
        {
            s -= 2;
        }
        // Backward: a currency sign, then qualifiers.
        if s > 0 && CURRENCY.contains(&word_at(s - 1)) {
            s -= 1;
        }
        // Qualifiers are short: only the end of the sentence before the
        // figure is read (lower-casing the whole prefix for every figure is
        // quadratic on a long sentence full of numbers).
        let before_figure = &sentence[..offsets[s]];
        let mut from = before_figure.len().saturating_sub(256);
        while !before_figure.is_char_boundary(from) {
            from += 1;
        }
        let head = text::lower(&before_figure[from..]);
        let trimmed = head.trim_end();
        if trimmed.len() < head.len() {
            for q in QUALIFIERS {
                if trimmed.ends_with(q)
                    && trimmed[..trimmed.len() - q.len()]
                        .chars()
                        .next_back()
                        .is_none_or(|c| !c.is_alphanumeric())
                {
                    // Step back over the qualifier's tokens.
                    let start = offsets[s] - (head.len() - trimmed.len()) - q.len();
                    if let Some(k) = offsets.iter().position(|&o| o == start) {
                        s = k;
                    }
                    break;
                }
            }
        }
        let figure = &sentence[offsets[s]..offsets[e]];
        // A section number opening a paragraph ("2.41 Victims…") is not a
        // fact: renumbered guidance would flood the ledger.
        let numbering = sentence[..offsets[s]].trim().is_empty()
            && e == i + 1
            && t.contains('.')
            && t.chars().all(|c| c.is_ascii_digit() || c == '.');
        if numbering {
            i = e;
            continue;
        }
        let neighbour = |from: isize, step: isize| {
            let mut k = from;
            while k >= 0 && (k as usize) < tokens.len() {
                if text::words::is_word(tokens[k as usize]) {
                    return tokens[k as usize].to_lowercase();
                }
                k += step;
            }
            String::new()
        };
        out.push(Found {
            text: figure,
            key: key(&tokens[s..e]),
            before_word: neighbour(s as isize - 1, -1),
            after_word: neighbour(e as isize, 1),
            replaces_next: false,
        });
        // The words after it, to the next figure: a former value's sign?
        let gap: String = tokens[e..(e + 8).min(tokens.len())].concat();
        let gap = text::lower(gap.trim_start());
        if FORMERLY.iter().any(|f| gap.starts_with(f)) {
            if let Some(last) = out.last_mut() {
                last.replaces_next = true;
            }
        }
        i = e;
    }
    out
}

/// The figures that differ between two matched sentences, paired by the
/// words around them, and, when `by_order`, the rest by order when as many
/// are left on each side. Two outlets' sentences are paired loosely
/// (they may tell two moments of one story): there a figure pairs only
/// by its words.
fn differ<'s>(before: &'s str, after: &'s str, by_order: bool) -> Vec<(&'s str, &'s str)> {
    let fb = find(before);
    let fa = find(after);
    let mut used_b = vec![false; fb.len()];
    let mut used_a = vec![false; fa.len()];
    // Each Before figure takes the first unused After figure with the same
    // key (through queues, not a scan: a long one-line text can hold
    // thousands of figures).
    let take = |used_b: &mut [bool],
                used_a: &mut [bool],
                key: &dyn for<'f> Fn(&'f Found<'s>) -> &'f str| {
        let mut queues: HashMap<&str, VecDeque<usize>> = HashMap::new();
        for (j, f) in fa.iter().enumerate() {
            if !used_a[j] && !key(f).is_empty() {
                queues.entry(key(f)).or_default().push_back(j);
            }
        }
        let mut pairs = Vec::new();
        for (k, f) in fb.iter().enumerate() {
            if used_b[k] {
                continue;
            }
            if let Some(j) = queues.get_mut(key(f)).and_then(VecDeque::pop_front) {
                used_b[k] = true;
                used_a[j] = true;
                pairs.push((k, j));
            }
        }
        pairs
    };
    let mut out: Vec<(&'s str, &'s str)> = Vec::new();
    // A correction that names the former value ("16 September 2022
    // (previously 1 August 2022)"): the Before figure it names became the
    // figure before it.
    for j in 0..fa.len().saturating_sub(1) {
        if !fa[j].replaces_next || fa[j].key == fa[j + 1].key {
            continue;
        }
        if let Some(k) = (0..fb.len()).find(|&k| !used_b[k] && fb[k].key == fa[j + 1].key) {
            used_b[k] = true;
            used_a[j] = true;
            used_a[j + 1] = true;
            out.push((fb[k].text, fa[j].text));
        }
    }
    // Figures on both sides are not changes.
    take(&mut used_b, &mut used_a, &|f| f.key.as_str());
    // Pair by the word after, then the word before, then by order.
    for (k, j) in take(&mut used_b, &mut used_a, &|f| f.after_word.as_str()) {
        out.push((fb[k].text, fa[j].text));
    }
    for (k, j) in take(&mut used_b, &mut used_a, &|f| f.before_word.as_str()) {
        out.push((fb[k].text, fa[j].text));
    }
    let rest_b: Vec<usize> = (0..fb.len()).filter(|&k| !used_b[k]).collect();
    let rest_a: Vec<usize> = (0..fa.len()).filter(|&j| !used_a[j]).collect();
    if by_order && rest_b.len() == rest_a.len() {
        out.extend(
            rest_b
                .into_iter()
                .zip(rest_a)
                .map(|(k, j)| (fb[k].text, fa[j].text)),
        );
    }
    out
}

/// Pairs the sentences of two paragraphs: equal ones drop out, the rest
/// pair best-first by word similarity.
fn pair_sentences(before: &str, after: &str) -> Vec<(usize, usize, usize, usize)> {
    let sb = sentences::split(before, 0);
    let sa = sentences::split(after, 0);
    if sb.len() * sa.len() > 10_000 {
        return Vec::new();
    }
    let (mut used_b, mut used_a) = (vec![false; sb.len()], vec![false; sa.len()]);
    // Equal sentences first, in order: they pair before any other (they
    // are the most similar) and drop out. Only the sentences left need
    // their stems, which cost more than the rest (most sentences of an
    // edited paragraph are unchanged).
    for (i, &(bs, be)) in sb.iter().enumerate() {
        for (j, &(as_, ae)) in sa.iter().enumerate() {
            if !used_a[j] && before[bs..be] == after[as_..ae] {
                used_b[i] = true;
                used_a[j] = true;
                break;
            }
        }
    }
    let stems = |side: &str, ranges: &[(usize, usize)], used: &[bool]| -> Vec<Vec<u64>> {
        ranges
            .iter()
            .zip(used)
            .map(|(&(s, e), &u)| {
                if u {
                    Vec::new()
                } else {
                    sentences::stems(&side[s..e])
                }
            })
            .collect()
    };
    let stems_b = stems(before, &sb, &used_b);
    let stems_a = stems(after, &sa, &used_a);
    let mut candidates = Vec::new();
    for i in (0..sb.len()).filter(|&i| !used_b[i]) {
        for j in (0..sa.len()).filter(|&j| !used_a[j]) {
            let sim = sentences::similarity(&stems_b[i], &stems_a[j]);
            if sim >= 0.4 {
                candidates.push((sim, i, j));
            }
        }
    }
    // Pushed in reading order, so ties stay in reading order.
    crate::align::best_first(&mut candidates);
    let mut out = Vec::new();
    for (_, i, j) in candidates {
        if used_b[i] || used_a[j] {
            continue;
        }
        used_b[i] = true;
        used_a[j] = true;
        out.push((sb[i].0, sb[i].1, sa[j].0, sa[j].1));
    }
    out.sort_unstable_by_key(|p| p.2);
    out
}

/// The changed figures: inside every edited paragraph, and between the
/// sentences paired across two outlets' texts.
pub(crate) fn ledger(
    rows: &[Row<'_>],
    before: &Side<'_>,
    after: &Side<'_>,
    outlets: Option<&Paired>,
) -> Vec<Figure> {
    let mut out = Vec::new();
    let mut seen: HashSet<(Option<usize>, Option<usize>, String, String)> = HashSet::new();
    let mut add = |b: &str, a: &str, context: &str, rb: Option<usize>, ra: Option<usize>| {
        let figure = Figure {
            before: b.to_string(),
            after: a.to_string(),
            context: context.to_string(),
            before_row: rb,
            after_row: ra,
        };
        if seen.insert((rb, ra, figure.before.clone(), figure.after.clone())) {
            out.push(figure);
        }
    };
    for (index, row) in rows.iter().enumerate() {
        if row.inline.is_empty() || row.cosmetic {
            continue;
        }
        let (b, a, rb, ra) = match row.kind {
            RowKind::Changed => match (row.before, row.after) {
                (Some(b), Some(a)) => (b, a, index, index),
                _ => continue,
            },
            RowKind::Moved if row.before.is_some() => {
                let Some(partner) = row.partner else { continue };
                match (row.before, rows.get(partner).and_then(|p| p.after)) {
                    (Some(b), Some(a)) => (b, a, index, partner),
                    _ => continue,
                }
            }
            _ => continue,
        };
        for (bs, be, as_, ae) in pair_sentences(b, a) {
            for (fb, fa) in differ(&b[bs..be], &a[as_..ae], true) {
                add(fb, fa, &a[as_..ae], Some(rb), Some(ra));
            }
        }
    }
    if let Some(paired) = outlets {
        for &(bs, be, as_, ae) in &paired.pairs {
            let (b, a) = (&before.text[bs..be], &after.text[as_..ae]);
            let rb = before.row_at(bs).map(|r| r.0);
            let ra = after.row_at(as_).map(|r| r.0);
            for (fb, fa) in differ(b, a, false) {
                add(fb, fa, a, rb, ra);
            }
        }
    }
    out
}

/// True when the sentence holds a figure.
pub(crate) fn has_figure(sentence: &str) -> bool {
    !find(sentence).is_empty()
}

#[cfg(test)]
mod tests;
