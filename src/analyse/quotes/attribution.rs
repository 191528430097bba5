//! Attribution: who said each quote. The words around one quote are read
//! by the forms of `forms`; this part adds what needs the whole text: a
//! pronoun stands for someone named before, a quote with no words of its
//! own is said by the quote before it, a surname stands for the full name
//! the text gives.

use std::collections::HashMap;

use super::forms::{from_lead, from_line, from_tail, speaker_before};
use super::lexicon::PRONOUNS;
use super::words::{
    after_preposition, is_acronym, is_capital, is_particle, is_verb, name, word, words, Word,
};
use super::{surname, Found};

/// Where the sentence holding byte `at` starts, not before `floor`.
pub(super) fn sentence_start(text: &str, floor: usize, at: usize) -> usize {
    let lead = &text[floor..at];
    let mut start = floor;
    for (s, _) in crate::analyse::sentences::split(lead, floor) {
        start = s;
    }
    start
}

/// Names the speakers of `found` (sorted by position), resolving surnames
/// and pronouns.
pub(super) fn attribute(text: &str, blocks: &[(usize, usize)], found: &mut [Found]) {
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
        let tail_end = crate::analyse::sentences::first(&text[close..next_open], close)
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
        if let Some((s, e)) = q.line {
            let line = &text[s..e];
            let verb = super::statements::attribution_line(line).unwrap_or(line.len());
            // Only the line's last sentence: "… noted the report. The
            // report added:".
            let from = sentence_start(line, 0, verb);
            raw.push(from_line(&words(&line[from..verb])));
            continue;
        }
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
                // A statement's line ("He added:") stands between it
                // and the quote before.
                let reach = 1 + usize::from(found[k].line.is_some());
                let recent = last_named.clone().filter(|(b, _)| *b + reach >= bi);
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
                    let last = crate::analyse::sentences::split(previous, 0).pop()?;
                    let ws = words(&previous[last.0..last.1]);
                    let v = ws.iter().take(9).position(is_verb)?;
                    speaker_before(&ws[..v])
                        .filter(|s| !PRONOUNS.contains(&s.as_str()))
                        .map(|s| resolve(&s, &full))
                })
            }
        };
        if let Some(s) = &speaker {
            // Where the quote ends: a statement runs over paragraphs.
            let at = if found[k].line.is_some() {
                block_of(found[k].end.saturating_sub(1))
            } else {
                bi
            };
            last_named = Some((at, s.clone()));
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
pub(super) fn last_name(text: &str, speakers: &HashMap<String, String>) -> Option<String> {
    text.lines().rev().find_map(|line| {
        crate::analyse::sentences::split(line, 0)
            .into_iter()
            .rev()
            .find_map(|(s, e)| subject_name(&line[s..e], speakers))
    })
}

pub(super) fn subject_name(sentence: &str, speakers: &HashMap<String, String>) -> Option<String> {
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
pub(super) fn full_names(text: &str, speakers: &[Option<String>]) -> HashMap<String, String> {
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
pub(super) fn first_full_name(text: &str, key: &str) -> Option<String> {
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

pub(super) fn resolve(speaker: &str, full: &HashMap<String, String>) -> String {
    // An acronym (HDP, UNICEF) names itself.
    if is_acronym(speaker) {
        return speaker.to_string();
    }
    full.get(&speaker.to_lowercase())
        .filter(|f| !f.is_empty())
        .cloned()
        .unwrap_or_else(|| speaker.to_string())
}
