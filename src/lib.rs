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
//! A story goes through `read` (pasted HTML to text, [`read_html`], or
//! [`read_events`] off a parser's events),
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
#[cfg(not(target_arch = "wasm32"))]
pub use read::read_html;
pub use read::{read_events, HtmlEvent};

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
    compare_leaving(before, after, options, false, lap).0
}

/// [`compare_in_laps`]; with `leave`, `sharedWording` may be left to count
/// when it is read (the wasm's `comparePacked`): then the stats hold NaN
/// for it and the [`analyse::Wording`] says what is left to count.
pub(crate) fn compare_leaving<'a>(
    before: &'a str,
    after: &'a str,
    options: &Options,
    leave: bool,
    lap: &mut dyn FnMut(&'static str),
) -> (Comparison<'a>, Option<analyse::Wording>) {
    let deadline = deadline::after_ms(options.deadline_ms);
    // Only where the versions differ is read, with the paragraphs around
    // it: the runs both open and close with, and long runs both share in
    // between, are equal rows.
    let window = if options.whole {
        segment::Window::whole(before, after)
    } else {
        segment::window(before, after)
    };
    lap("window");
    let mut read = read_parts(before, after, &window, options, deadline, lap);
    if read.crosses {
        // A block one part removed may be one another part added: a move,
        // which only a reading of both parts together finds.
        read = read_parts(
            before,
            after,
            &window.without_gaps(),
            options,
            deadline,
            lap,
        );
    }
    let (mut ledger, mut wording) = analyse::ledger(
        (before, after),
        (&read.blocks.0, &read.blocks.1),
        (&read.walls.0, &read.walls.1),
        &read.rows,
        options,
        deadline,
        lap,
    );
    if let Some(w) = wording.take_if(|_| !leave) {
        ledger.stats.shared_wording = w.counted(&read.rows);
    }
    let rows = read.rows;
    let rough = read.rough;
    // Read after the ledger: its pairing, too, gives up at the deadline.
    let approximate = rough || deadline::passed(deadline);
    let comparison = Comparison {
        rows,
        approximate,
        ledger,
        line_endings: LineEndings::between(before, after),
    };
    (comparison, wording)
}

/// The window read, part by part, into rows.
struct Read<'a> {
    /// The rows of the whole texts.
    rows: Vec<Row<'a>>,
    /// The blocks of every part, in order, on each side.
    blocks: (Vec<segment::Block<'a>>, Vec<segment::Block<'a>>),
    /// Where each part after the first starts in `blocks`, on each side.
    walls: (Vec<usize>, Vec<usize>),
    /// Whether alignment gave up at the deadline.
    rough: bool,
    /// Whether the parts, read apart, may read otherwise than the whole
    /// window would (see `read_parts`).
    crosses: bool,
}

/// Reads each part of `window` through segment, clean, align and rows, a
/// stage at a time over all parts, and joins their rows with the shared
/// runs between them.
fn read_parts<'a>(
    before: &'a str,
    after: &'a str,
    window: &segment::Window,
    options: &Options,
    deadline: Option<similar::Instant>,
    lap: &mut dyn FnMut(&'static str),
) -> Read<'a> {
    let mut window = window.clone();
    let (parts, blocks, articles) = loop {
        let parts: Vec<(&'a str, &'a str)> = window
            .parts()
            .into_iter()
            .map(|(b, a)| (&before[b], &after[a]))
            .collect();
        // Paragraphs one version ran together come back where the other
        // has them.
        let blocks: Vec<_> = parts
            .iter()
            .map(|&(b, a)| segment::recut(segment::blocks(b), segment::blocks(a)))
            .collect();
        lap("segment");
        // Page furniture is set aside before alignment: it takes part in
        // no pairing and becomes `noise` rows where it stands.
        let articles: Vec<_> = blocks
            .iter()
            .map(|(all_before, all_after)| {
                let (noise_before, noise_after) = clean::noise_both(all_before, all_after);
                (
                    clean::article(all_before, noise_before),
                    clean::article(all_after, noise_after),
                )
            })
            .collect();
        lap("clean");
        // A part whose alignment hangs on which end it trims first reads
        // as the whole window would only joined with its neighbour (the
        // whole window trims its own ends, not the part's).
        let ambiguous = articles
            .iter()
            .position(|((before, _), (after, _))| align::ambiguous(before, after));
        match ambiguous {
            Some(k) if !window.gaps.is_empty() => {
                window.gaps.remove(k.saturating_sub(1));
            }
            _ => break (parts, blocks, articles),
        }
    };
    let mut rough = false;
    let links: Vec<_> = articles
        .iter()
        .map(|((blocks_before, _), (blocks_after, _))| {
            let (links, r) = align::align(blocks_before, blocks_after, options, deadline);
            rough |= r;
            links
        })
        .collect();
    lap("align");
    let part_rows: Vec<Vec<Row<'a>>> = parts
        .iter()
        .zip(&blocks)
        .zip(articles.iter().zip(links))
        .map(
            |((&(text_before, text_after), (all_before, all_after)), (article, links))| {
                let ((blocks_before, index_before), (blocks_after, index_after)) = article;
                rows::build(
                    &rows::Version {
                        text: text_before,
                        all: all_before,
                        article: blocks_before,
                        index: index_before,
                    },
                    &rows::Version {
                        text: text_after,
                        all: all_after,
                        article: blocks_after,
                        index: index_after,
                    },
                    links,
                    options,
                    deadline,
                )
            },
        )
        .collect();
    // Read apart, the parts must read as the whole window would: no block
    // one part removed may be one another added (a move).
    let crosses = parts.len() > 1 && {
        let texts = |rows: &[Row<'a>], kind: RowKind| -> Vec<&'a str> {
            rows.iter()
                .filter(|r| r.kind == kind)
                .filter_map(|r| r.before.or(r.after))
                .collect()
        };
        let removed: Vec<_> = part_rows
            .iter()
            .map(|r| texts(r, RowKind::Removed))
            .collect();
        let added: Vec<_> = part_rows.iter().map(|r| texts(r, RowKind::Added)).collect();
        (0..parts.len())
            .any(|k| (0..parts.len()).any(|l| l != k && align::may_move(&removed[k], &added[l])))
    };
    let rows = rows::with_runs(part_rows, before, after, &window);
    lap("rows");
    let mut walls = (Vec::new(), Vec::new());
    let mut all = (Vec::new(), Vec::new());
    for (k, (b, a)) in blocks.into_iter().enumerate() {
        if k > 0 {
            walls.0.push(all.0.len());
            walls.1.push(all.1.len());
        }
        all.0.extend(b);
        all.1.extend(a);
    }
    Read {
        rows,
        blocks: all,
        walls,
        rough,
        crosses,
    }
}
