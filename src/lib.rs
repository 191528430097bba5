//! # storydiff
//!
//! Compare two versions of a news story: paragraphs aligned on rows, words
//! diffed inside the paragraphs that changed, moves found.
//!
//! ```
//! use storydiff::{compare, Options, RowKind};
//!
//! let before = "Five killed in Texas floods.\n\nRescuers searched on Sunday.\n";
//! let after = "Six killed in Texas floods.\n\nRescuers searched on Sunday.\n";
//! let comparison = compare(before, after, &Options::default());
//!
//! assert_eq!(comparison.rows[0].kind, RowKind::Changed);
//! assert_eq!(comparison.rows[1].kind, RowKind::Equal);
//! // Nothing is lost: the rows rebuild both texts.
//! let rebuilt: String = comparison.rows.iter().filter_map(|r| r.before).collect();
//! assert_eq!(rebuilt, before);
//! ```
//!
//! # The stages
//!
//! A story goes through `read` (pasted HTML to text, [`read_html`]),
//! `segment` (blocks), `clean` (page furniture set aside as noise), `align`
//! (pair article blocks: changes, moves, splits and merges), `diff` (words
//! inside paired blocks) and `analyse` (the fact-checker's [`Ledger`]:
//! quotes, figures, stats); the result is one [`Comparison`], which the
//! page, the `<story-diff>` element, the CLI and `--json` all receive. See
//! ARCHITECTURE.md for the code map and MODEL.md for the JSON.
#![deny(missing_docs)]

mod align;
mod analyse;
mod clean;
mod deadline;
mod diff;
mod history;
mod model;
pub mod present;
mod read;
mod rows;
mod segment;
mod text;
#[cfg(target_arch = "wasm32")]
mod wasm;

pub use history::{
    compare_history, FigureLine, FigureValue, History, ParagraphLife, ParagraphText, QuoteChange,
    QuoteLife, Step, Undone, UndoneKind, Version, VersionInfo,
};
pub use model::{
    Change, Comparison, Ending, Figure, Ledger, LineEndings, Options, Outlets, Piece, Quote,
    QuotePiece, Row, RowKind, SentencePair, Stats, Tag,
};
pub use read::read_html;

/// Compares two versions of a story. It cannot fail: a deadline
/// (`options.deadline_ms`) gives a rougher answer marked `approximate`.
pub fn compare<'a>(before: &'a str, after: &'a str, options: &Options) -> Comparison<'a> {
    compare_in_laps(before, after, options, &mut |_| {})
}

/// [`compare`], calling `lap` with each stage's name as that stage ends
/// (`"window"`, `"segment"`, `"clean"`, `"align"`, `"rows"`, then the
/// ledger's `"stats"`, `"reach"`, `"quotes"`, `"outlets"` and `"figures"`),
/// in that order: how the benchmark times the stages (the library itself
/// reads no clock, which wasm does not have).
pub fn compare_in_laps<'a>(
    before: &'a str,
    after: &'a str,
    options: &Options,
    lap: &mut dyn FnMut(&'static str),
) -> Comparison<'a> {
    let deadline = deadline::after_ms(options.deadline_ms);
    // Only where the versions differ is read, with the paragraphs around
    // it: the runs both open and close with are equal rows.
    let window = if options.whole {
        segment::Window::whole(before, after)
    } else {
        segment::window(before, after)
    };
    lap("window");
    let (inside_before, inside_after) = (
        &before[window.head..window.before_end],
        &after[window.head..window.after_end],
    );
    // Paragraphs one version ran together come back where the other has them.
    let (all_before, all_after) = segment::recut(
        segment::blocks(inside_before),
        segment::blocks(inside_after),
    );
    lap("segment");
    // Page furniture is set aside before alignment: it takes part in no
    // pairing and becomes `noise` rows where it stands.
    let (noise_before, noise_after) = clean::noise_both(&all_before, &all_after);
    let (blocks_before, index_before) = clean::article(&all_before, noise_before);
    let (blocks_after, index_after) = clean::article(&all_after, noise_after);
    lap("clean");
    let (links, rough) = align::align(&blocks_before, &blocks_after, options, deadline);
    lap("align");
    let rows = rows::build(
        &rows::Version {
            text: inside_before,
            all: &all_before,
            article: &blocks_before,
            index: &index_before,
        },
        &rows::Version {
            text: inside_after,
            all: &all_after,
            article: &blocks_after,
            index: &index_after,
        },
        links,
        options,
        deadline,
    );
    let rows = rows::with_runs(rows, before, after, window);
    lap("rows");
    let ledger = analyse::ledger(
        before,
        after,
        (&all_before, &all_after),
        &rows,
        options,
        deadline,
        lap,
    );
    // Read after the ledger: its pairing, too, gives up at the deadline.
    let approximate = rough || deadline::passed(deadline);
    Comparison {
        rows,
        approximate,
        ledger,
        line_endings: LineEndings::between(before, after),
    }
}
