//! Analyse: the fact-checker's ledger, read off the rows.
//!
//! After the rows are built, this stage finds what a fact-checker asks about
//! first: the quotes (who said what, added, removed, altered), the figures
//! that changed between matched sentences, a summary of how much changed,
//! and, when the two texts share little wording, which sentences of one
//! outlet report the same thing as which of the other.
//!
//! It reads the rows' kinds (noise rows stay out of the ledger) and never
//! re-aligns the texts. Every step is linear in the text or bounded: quote
//! and sentence pairing give up on huge inputs rather than hang.

mod figures;
mod outlets;
mod quotes;
mod sentences;
mod stats;

use serde::Serialize;
use similar::Instant;

use crate::model::{Options, Row, RowKind, Tag};
use crate::segment::Block;

/// The fact-checker's ledger: quotes, figures, a summary and, for two
/// outlets' texts, paired sentences. Serialised flat into the model's JSON
/// (`quotes`, `figures`, `stats`, `outlets`).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Ledger {
    /// Every quotation found in either version, paired across them.
    pub quotes: Vec<Quote>,
    /// Figures (numbers, money, percentages, dates) that differ between
    /// matched sentences.
    pub figures: Vec<Figure>,
    /// How much changed.
    pub stats: Stats,
    /// Present when the two texts share little wording (two outlets' stories
    /// of one event): the sentences paired by what they report.
    pub outlets: Option<Outlets>,
}

/// What happened to a quote between the two versions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Change {
    /// Only in After.
    Added,
    /// Only in Before.
    Removed,
    /// In both, with different words, or said by someone else, or
    /// attributed in other words.
    Changed,
    /// In both, with the same words (punctuation and typography aside).
    Unchanged,
}

/// One piece of a quote's word diff, like a row's inline [`crate::Piece`]
/// but owning its text (a quote may join several stretches of a version).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct QuotePiece {
    /// What the piece is.
    pub tag: Tag,
    /// The piece's text.
    pub text: String,
    /// True on a delete or insert that differs only in punctuation, case or
    /// typography.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub cosmetic: bool,
}

/// A quotation, paired across the two versions.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Quote {
    /// Added, removed, changed or unchanged.
    pub change: Change,
    /// Who said it, as the text names them (full name when the text gives
    /// it anywhere), from After when After has it; `None` when the text does
    /// not say.
    pub speaker: Option<String>,
    /// The speaker in Before, when it differs from `speaker`: another
    /// person, or the same person's name corrected. The quote is then
    /// `changed`, even when its words are the same.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub before_speaker: Option<String>,
    /// For a statement (a press-release quote with no quote marks), the
    /// line that attributes it, without its colon ("Environment Minister
    /// Rebecca Pow said"), from After when After has it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attribution: Option<String>,
    /// The statement's attribution line in Before, when it differs from
    /// `attribution` ("Health Secretary Matt Hancock said" → "Health and
    /// Social Care Secretary Matt Hancock said"). The quote is then
    /// `changed`, even when its words are the same.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub before_attribution: Option<String>,
    /// The quoted words in Before (several quotes joined by a space when
    /// they were regrouped), or `None`.
    pub before: Option<String>,
    /// The quoted words in After, or `None`.
    pub after: Option<String>,
    /// The row (index into `rows`) where the quote starts in Before.
    pub before_row: Option<usize>,
    /// The row where the quote starts in After.
    pub after_row: Option<usize>,
    /// True when the quote's words were split or joined differently (two
    /// quotes became one, or one became two).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub regrouped: bool,
    /// The word diff of `before` and `after`, on changed quotes.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub inline: Vec<QuotePiece>,
}

/// A figure that differs between two matched sentences.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Figure {
    /// The figure in Before with its qualifier and unit ("more than 140").
    pub before: String,
    /// The figure in After ("nearly 150").
    pub after: String,
    /// The After sentence it stands in.
    pub context: String,
    /// The row holding the Before sentence.
    pub before_row: Option<usize>,
    /// The row holding the After sentence.
    pub after_row: Option<usize>,
}

/// How much changed. Cosmetic-only changes (white space, case, punctuation,
/// typography) are counted apart and not in the other counts.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Stats {
    /// Words only in After (inserted words and added paragraphs).
    pub words_added: usize,
    /// Words only in Before.
    pub words_removed: usize,
    /// Paragraphs edited in place (cosmetic-only ones excluded).
    pub paragraphs_changed: usize,
    /// Paragraphs only in After.
    pub paragraphs_added: usize,
    /// Paragraphs only in Before.
    pub paragraphs_removed: usize,
    /// Paragraphs that stand elsewhere in After.
    pub paragraphs_moved: usize,
    /// Paragraphs whose every difference is cosmetic.
    pub paragraphs_cosmetic: usize,
    /// Cosmetic edits (a run of white space, case, punctuation or
    /// typography) inside paragraphs.
    pub cosmetic_edits: usize,
    /// Quotes only in After.
    pub quotes_added: usize,
    /// Quotes only in Before.
    pub quotes_removed: usize,
    /// Quotes whose words changed.
    pub quotes_changed: usize,
    /// Figures that changed.
    pub figures_changed: usize,
    /// The share of the two texts' word pairs (two words in a row) that
    /// they have in common, `0..=1` (noise aside), however the rows were
    /// aligned: near 1 for two versions of one story, low for two outlets'
    /// stories of one event or a rewrite.
    pub shared_wording: f64,
}

/// Two outlets' texts of one event: sentences paired by similarity.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Outlets {
    /// Sentences in both (paired by similarity), then in one only, in After
    /// order with Before-only sentences after them.
    pub sentences: Vec<SentencePair>,
    /// Number of sentence pairs found in both.
    pub in_both: usize,
    /// Number of sentences only in Before.
    pub before_only: usize,
    /// Number of sentences only in After.
    pub after_only: usize,
}

/// A sentence of one outlet with its counterpart in the other, if any.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SentencePair {
    /// The Before sentence, or `None`.
    pub before: Option<String>,
    /// The After sentence, or `None`.
    pub after: Option<String>,
    /// The row holding the Before sentence.
    pub before_row: Option<usize>,
    /// The row holding the After sentence.
    pub after_row: Option<usize>,
    /// Similarity of the two sentences' words, `0..=1` (0 when one-sided).
    pub similarity: f64,
    /// True when one of the two sentences holds a quotation.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub quote: bool,
    /// True when one of the two sentences holds a figure.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub figure: bool,
}

/// Shared wording under which two texts are treated as two outlets'
/// stories rather than two versions of one.
pub(crate) const OUTLETS_BELOW: f64 = 0.5;

/// One side of the comparison as the analyse stage sees it: the whole text
/// and, for every row that carries this side, where its text starts.
pub(crate) struct Side<'a> {
    pub text: &'a str,
    /// (byte offset, row index, row kind), in text order.
    starts: Vec<(usize, usize, RowKind)>,
}

impl<'a> Side<'a> {
    fn new(text: &'a str, rows: &[Row<'a>], before: bool) -> Self {
        let base = text.as_ptr() as usize;
        let starts = rows
            .iter()
            .enumerate()
            .filter_map(|(i, r)| {
                let s = if before { r.before } else { r.after }?;
                let at = (s.as_ptr() as usize).checked_sub(base)?;
                Some((at, i, r.kind))
            })
            .collect();
        Side { text, starts }
    }

    /// The row holding byte `at` and its kind.
    pub fn row_at(&self, at: usize) -> Option<(usize, RowKind)> {
        let k = self.starts.partition_point(|&(s, _, _)| s <= at);
        let (_, row, kind) = *self.starts.get(k.checked_sub(1)?)?;
        Some((row, kind))
    }

    /// True when byte `at` lies in a noise row.
    pub fn is_noise(&self, at: usize) -> bool {
        self.row_at(at).is_some_and(|(_, k)| k == RowKind::Noise)
    }
}

/// Builds the ledger for the rows of a comparison. `blocks` are the blocks
/// of `before` and `after`, as `segment::blocks` cuts them (the quote finder
/// reads by paragraph, and `compare` has them already).
pub(crate) fn ledger(
    before: &str,
    after: &str,
    blocks: (&[Block<'_>], &[Block<'_>]),
    rows: &[Row<'_>],
    options: &Options,
    deadline: Option<Instant>,
) -> Ledger {
    let sides = (Side::new(before, rows, true), Side::new(after, rows, false));
    let mut stats = stats::count(rows);
    let quotes = quotes::ledger(&sides.0, &sides.1, blocks, options, deadline);
    let outlets = (stats.shared_wording < OUTLETS_BELOW && !before.is_empty() && !after.is_empty())
        .then(|| outlets::pair(&sides.0, &sides.1, deadline));
    let figures = figures::ledger(rows, &sides.0, &sides.1, outlets.as_ref());
    for q in &quotes {
        match q.change {
            Change::Added => stats.quotes_added += 1,
            Change::Removed => stats.quotes_removed += 1,
            Change::Changed => stats.quotes_changed += 1,
            Change::Unchanged => {}
        }
    }
    stats.figures_changed = figures.len();
    Ledger {
        quotes,
        figures,
        stats,
        outlets: outlets.map(|o| o.model),
    }
}

/// Counts words the way the ledger does: runs of letters and digits, and
/// each ideograph (Chinese, Japanese) as a word of its own.
pub(crate) fn word_count(text: &str) -> usize {
    let mut count = 0;
    let mut inside = false;
    for c in text.chars() {
        if is_ideograph(c) {
            count += 1;
            inside = false;
        } else if crate::text::is_alnum(c) {
            if !inside {
                count += 1;
            }
            inside = true;
        } else if !(inside && (c == '\'' || c == '’' || c == '-')) {
            inside = false;
        }
    }
    count
}

fn is_ideograph(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{f900}'..='\u{faff}')
}
