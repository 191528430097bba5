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

mod attribution;
mod forms;
mod lexicon;
mod marks;
mod pair;
mod statements;
mod words;

pub(crate) use pair::ledger;

use std::ops::Range;

use super::Side;
use crate::segment::Block;

/// Most quotes per side that are paired by similarity; beyond it only exact
/// pairs are found (huge documents).
pub(super) const PAIR_LIMIT: usize = 600;
/// Share of a quote's words that must be in another for the two to be one
/// quote, reworded or regrouped.
pub(super) const CONTAIN_AT: f64 = 0.6;
/// Share of each other's words two quotes given to different speakers hold
/// to be one quote whose speaker changed.
pub(super) const SAME_WORDS_AT: f64 = 0.8;

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
    /// For a statement (a quote with no marks, after a line such as "Jane
    /// Doe said:"), the byte range of that line.
    pub line: Option<(usize, usize)>,
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

/// Blocks past a reach's end that a quote opened inside it may run on
/// into: a press release's statement is several paragraphs in the
/// speaker's voice after its "X said:" line.
const SPILL: usize = 12;

/// Finds the quotations of one version, with their speakers, that open in
/// one of its `reaches` (ranges of its `blocks`, as `segment::blocks` cuts
/// them; `compare` has them already). Nothing is read across one of the
/// `walls` (block indices where text that is not adjacent starts).
pub(crate) fn find(
    side: &Side<'_>,
    blocks: &[Block<'_>],
    reaches: &[Range<usize>],
    walls: &[usize],
) -> Vec<Found> {
    let base = side.text.as_ptr() as usize;
    let mut out = Vec::new();
    for reach in reaches {
        // Each reach is read alone, so a statement or a speaker named a
        // paragraph earlier never joins text across a gap; a quote it
        // opens may run on past its end, up to a wall.
        let wall = walls
            .iter()
            .copied()
            .find(|&w| w > reach.start)
            .unwrap_or(blocks.len());
        let end = (reach.end + SPILL).min(wall);
        let limit = blocks
            .get(reach.end)
            .map_or(usize::MAX, |b| b.text.as_ptr() as usize - base);
        out.extend(
            find_in(side, &blocks[reach.start..end])
                .into_iter()
                .filter(|q| q.start < limit),
        );
    }
    out
}

/// Sorts `items` by `key`, equal keys kept in their order (as
/// `sort_by_key`), by sorting (key, index) pairs with the pairing
/// candidates' sort (all of one score, so by key, then index): no stable
/// sort compiled for the quotes found and the ledger's quotes.
pub(super) fn sort_by_key_kept<T>(items: &mut Vec<T>, key: impl Fn(&T) -> usize) {
    if items.is_sorted_by_key(&key) {
        return;
    }
    let mut order: Vec<(f64, usize, usize)> = items
        .iter()
        .map(key)
        .zip(0..)
        .map(|(k, i)| (0.0, k, i))
        .collect();
    crate::align::best_first(&mut order);
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(order.iter().filter_map(|&(_, _, i)| slots[i].take()));
}

/// [`find`] in one run of consecutive blocks.
fn find_in(side: &Side<'_>, blocks: &[Block<'_>]) -> Vec<Found> {
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
    let mut found = marks::find(text, &blocks);
    let statements = statements::find(text, &blocks);
    if !statements.is_empty() {
        // A phrase in quote marks inside a statement is part of it.
        found.retain(|q| {
            !statements
                .iter()
                .any(|s| s.start <= q.start && q.start < s.end)
        });
        found.extend(statements);
        sort_by_key_kept(&mut found, |q| q.start);
    }
    found.retain(|q| !side.is_noise(q.start) && crate::text::words::count(&q.text) >= 2);
    attribution::attribute(text, &blocks, &mut found);
    // Short phrases in quote marks are kept only when someone said them;
    // so is all in single marks, which British copy also puts around
    // titles and terms ("the ‘Get Ready for Brexit’ workshop").
    found.retain(|q| {
        let said = q.speaker.is_some() && q.named;
        let single = text[q.start..].starts_with('‘');
        said || (crate::text::words::count(&q.text) >= 5 && !single)
    });
    found
}

#[cfg(test)]
mod tests;
