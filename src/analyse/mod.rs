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
mod reach;
mod sentences;
mod stats;

use similar::Instant;

pub(crate) use crate::model::{
    Change, Figure, Ledger, Outlets, Quote, QuotePiece, SentencePair, Stats,
};
use crate::model::{Options, Row, RowKind};
use crate::segment::Block;
pub(crate) use stats::Wording;

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

/// Builds the ledger for the rows of a comparison of `texts` (before,
/// after). `blocks` are the blocks
/// of `before` and `after` that `compare` read, as `segment::blocks` cuts
/// them (the quote finder reads by paragraph), and `walls` where each part
/// of the window after the first starts among them: text on either side
/// of a wall is not adjacent, so nothing is read across one.
///
/// `sharedWording` may be left to count: then the stats hold NaN for it,
/// and the [`Wording`] returned names the equal rows whose words are still
/// to count ([`Wording::counted`]). It is counted here when it is under
/// [`OUTLETS_BELOW`], since whether `outlets` is read hangs on it; to know
/// that it is not, the rows' words are read only as far as it takes.
pub(crate) fn ledger(
    (before, after): (&str, &str),
    blocks: (&[Block<'_>], &[Block<'_>]),
    walls: (&[usize], &[usize]),
    rows: &[Row<'_>],
    options: &Options,
    deadline: Option<Instant>,
    lap: &mut dyn FnMut(&'static str),
) -> (Ledger, Option<Wording>) {
    let sides = (Side::new(before, rows, true), Side::new(after, rows, false));
    let mut stats = stats::count(rows);
    let wording = stats::shared_wording(rows);
    let left = !wording.uncounted.is_empty() && wording.at_least(rows, OUTLETS_BELOW);
    stats.shared_wording = if left {
        f64::NAN
    } else {
        wording.counted(rows)
    };
    lap("stats");
    let (reach_before, reach_after) = if options.whole {
        (
            std::iter::once(0..blocks.0.len()).collect(),
            std::iter::once(0..blocks.1.len()).collect(),
        )
    } else {
        (
            reach::reaches(&sides.0, blocks.0, walls.0, rows, true),
            reach::reaches(&sides.1, blocks.1, walls.1, rows, false),
        )
    };
    lap("reach");
    let quotes = quotes::ledger(
        &sides.0,
        &sides.1,
        blocks,
        (&reach_before, &reach_after),
        walls,
        options,
        deadline,
    );
    lap("quotes");
    let outlets =
        (!left && stats.shared_wording < OUTLETS_BELOW && !before.is_empty() && !after.is_empty())
            .then(|| outlets::pair(&sides.0, &sides.1, figures::has_figure, deadline));
    lap("outlets");
    let figures = figures::ledger(rows, &sides.0, &sides.1, outlets.as_ref());
    lap("figures");
    for q in &quotes {
        match q.change {
            Change::Added => stats.quotes_added += 1,
            Change::Removed => stats.quotes_removed += 1,
            Change::Changed => stats.quotes_changed += 1,
            Change::Unchanged => {}
        }
    }
    stats.figures_changed = figures.len();
    let ledger = Ledger {
        quotes,
        figures,
        stats,
        outlets: outlets.map(|o| o.model),
    };
    (ledger, left.then_some(wording))
}
