//! Statements: the press-release form of a quote, with no quote marks.
//!
//! An attribution line ends in a speech verb and a colon ("Environment
//! Minister Rebecca Pow said:", "He added:", "The Prime Minister will
//! say:"); the quoted words are the paragraphs after it. The statement
//! runs from the first of them:
//! - the first paragraph is always part of it, unless it is a heading,
//!   another attribution line, or opens with a quote mark (then the marks
//!   finder reads it, and the line names its speaker);
//! - each later paragraph goes on the statement while it speaks in the
//!   speaker's voice: a first- or second-person word ("I", "we", "our",
//!   "you"), or an opening that carries an argument on ("It", "This",
//!   "There", "But", "So"). Narration that follows a statement speaks of
//!   things in the third person ("The centres will begin…", "Today's
//!   announcement follows…");
//! - it stops at the next attribution line, a heading (a short line with
//!   no full stop: "Notes to editors", "Background", "ENDS"), a line that
//!   ends in a colon (a list follows), a paragraph that opens with a quote
//!   mark, a
//!   paragraph that names the speaker in the third person, or after
//!   [`MOST_PARAGRAPHS`].
//!
//! Measured against the `<blockquote>` of 37 GOV.UK pages of the
//! development set, this takes 215 of the 233 quoted paragraphs after an
//! attribution line, and 5 paragraphs that are not quoted.

use super::forms::from_line;
use super::lexicon::VERBS;
use super::marks::opens;
use super::words::words;
use super::{surname, Found};
use crate::text;

/// Most paragraphs a statement runs to: past it, a press release has gone
/// back to narration even when it keeps saying "we".
pub(super) const MOST_PARAGRAPHS: usize = 6;

/// Most words an attribution line holds: a name, a role, an occasion.
const LINE_WORDS: usize = 40;

/// Most words a heading holds.
const HEADING_WORDS: usize = 8;

/// Words of the speaker's voice: first and second person.
const VOICE: &[&str] = &[
    "i", "i'm", "i've", "i'd", "i'll", "me", "my", "we", "we're", "we've", "we'd", "we'll", "us",
    "our", "ours", "you", "you're", "you've", "your",
];

/// Openings that carry a spoken argument on from the paragraph before.
const CARRY_ON: &[&str] = &[
    "it", "it's", "this", "that", "there", "these", "those", "but", "and", "so",
];

/// Words that may follow the verb of an attribution line: "said today:".
const AFTER_VERB: &[&str] = &["today", "yesterday", "tonight", "recently", "previously"];

/// The lower-cased words of `s` ([`text::words`]), with apostrophes made
/// straight.
fn lower_words(s: &str) -> impl Iterator<Item = String> + '_ {
    text::words::words(s)
        .into_iter()
        .map(|w| w.replace('’', "'").to_lowercase())
}

/// True when `block` is an attribution line: it ends in a speech verb (and
/// perhaps "today") and a colon, and is short. Returns where its verb
/// starts (its words before the verb name the speaker).
pub(super) fn attribution_line(block: &str) -> Option<usize> {
    let line = block.trim().strip_suffix(':')?;
    if line.contains('\n') {
        return None;
    }
    if text::words::count(line) > LINE_WORDS {
        return None;
    }
    if line.starts_with(|c: char| opens(c, None, None).is_some()) {
        return None;
    }
    let mut tokens = line.split_whitespace().rev().peekable();
    let mut last = tokens.next()?.trim_end_matches(',');
    if AFTER_VERB.contains(&last.to_lowercase().as_str()) {
        last = tokens.next()?;
    }
    let verb = last.to_lowercase();
    if verb == "saying" || verb == "telling" || !VERBS.contains(&verb.as_str()) {
        return None;
    }
    line.rfind(last)
}

/// True when a paragraph is a heading: a short line with no sentence end.
fn heading(block: &str) -> bool {
    let t = block.trim();
    text::words::count(t) <= HEADING_WORDS && !t.ends_with(['.', '!', '?', '”', '"', '’', '…'])
}

/// True when a paragraph opens with a quote mark: a quote the marks
/// finder reads.
fn opens_with_mark(block: &str) -> bool {
    block
        .trim_start()
        .starts_with(|c: char| opens(c, None, None).is_some())
}

/// True when a later paragraph goes on a statement: in the speaker's voice.
fn voiced(block: &str) -> bool {
    let mut words = lower_words(block);
    let first = words.next();
    first
        .as_deref()
        .is_some_and(|w| CARRY_ON.contains(&w) || VOICE.contains(&w))
        || words.any(|w| VOICE.contains(&w.as_str()))
}

/// A paragraph's block-quote sign: the bytes of "> " that open it (a
/// `<blockquote>` read from HTML), or 0.
fn quote_sign(block: &str) -> usize {
    if block.starts_with("> ") {
        2
    } else {
        usize::from(block == ">")
    }
}

/// The words of a block-quoted paragraph without the sign on each line.
fn unquoted(block: &str) -> String {
    block
        .lines()
        .map(|l| {
            l.strip_prefix("> ")
                .or(l.strip_prefix('>'))
                .unwrap_or(l)
                .trim()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Most paragraphs of one block quote read as one statement.
const MOST_QUOTED: usize = 40;

/// Finds the statements of `text` (its paragraphs' byte ranges in
/// `blocks`): each a [`Found`] whose `line` is its attribution line. Where
/// the paragraphs after the line are block-quoted ("> ", a `<blockquote>`
/// read from HTML), the statement is exactly those paragraphs. A block
/// quote that no line attributes is not read as a quote: in Markdown and
/// e-mail it holds questions, links and notes as often as speech.
pub(super) fn find(text: &str, blocks: &[(usize, usize)]) -> Vec<Found> {
    let quoted = |k: usize| {
        blocks
            .get(k)
            .is_some_and(|&(s, e)| quote_sign(&text[s..e]) > 0)
    };
    let mut found = Vec::new();
    let mut i = 0;
    while i < blocks.len() {
        let (bs, le) = blocks[i];
        let ls = bs + quote_sign(&text[bs..le]);
        let verb = attribution_line(&text[ls..le]);
        let mut parts: Vec<(usize, usize)> = Vec::new();
        let mut j = i + 1;
        match verb {
            None => {}
            Some(_) if quoted(i + 1) => {
                while quoted(j) && parts.len() < MOST_QUOTED {
                    let (s, e) = blocks[j];
                    if attribution_line(&text[s + quote_sign(&text[s..e])..e]).is_some() {
                        break;
                    }
                    parts.push((s, e));
                    j += 1;
                }
            }
            Some(verb) => {
                // Narration names the speaker by surname.
                let surname = from_line(&words(&text[ls..ls + verb]))
                    .filter(|s| s.contains(' '))
                    .map(|s| surname(&s));
                while let Some(&(s, e)) = blocks.get(j) {
                    let block = &text[s..e];
                    let first = parts.is_empty();
                    let stops = attribution_line(block).is_some()
                        || heading(block)
                        || block.trim_end().ends_with(':')
                        || opens_with_mark(block)
                        || parts.len() >= MOST_PARAGRAPHS
                        || (!first
                            && (!voiced(block)
                                || surname
                                    .as_deref()
                                    .is_some_and(|n| lower_words(block).any(|w| w == n))));
                    if stops {
                        break;
                    }
                    parts.push((s, e));
                    j += 1;
                }
            }
        }
        if let (Some(&(start, _)), Some(&(_, end))) = (parts.first(), parts.last()) {
            let words = parts
                .iter()
                .map(|&(s, e)| unquoted(&text[s..e]))
                .collect::<Vec<_>>()
                .join(" ");
            found.push(Found {
                start,
                text: words,
                end,
                speaker: None,
                named: false,
                line: verb.map(|_| (ls, le)),
            });
        }
        i = j.max(i + 1);
    }
    found
}
