//! The comparison model: the one type every front end (page, embed, CLI,
//! JSON) receives. Rows borrow their text from the two inputs, so building the
//! model copies no text, and serialising it gives the documented JSON.

use serde::{Deserialize, Serialize};

/// What happened to a row between the two versions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RowKind {
    /// The same content on both sides (line endings and trailing white space
    /// may still differ; `before` and `after` hold each side's exact bytes).
    Equal,
    /// A block on each side, paired because they are alike; `inline` holds
    /// the word diff.
    Changed,
    /// Only in the After version.
    Added,
    /// Only in the Before version.
    Removed,
    /// A block that stands elsewhere in the other version; `partner` is the
    /// index of the row at the other end.
    Moved,
    /// Page furniture (video carousel, credits, navigation), set aside.
    Noise,
}

/// The tag of one inline piece of a word diff.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Tag {
    /// Text on both sides.
    Equal,
    /// Text only on the Before side.
    Delete,
    /// Text only on the After side.
    Insert,
}

/// One piece of a word diff. Equal and delete pieces are Before text, insert
/// pieces are After text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Piece<'a> {
    /// What the piece is.
    pub tag: Tag,
    /// The piece's exact text.
    pub text: &'a str,
    /// True on a delete or insert that differs from its counterpart only in
    /// white space, case, punctuation or typography (per the options).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub cosmetic: bool,
}

/// One row of the side-by-side view.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Row<'a> {
    /// What happened to the row.
    pub kind: RowKind,
    /// The row's exact Before text, or `None` when it has none.
    pub before: Option<&'a str>,
    /// The row's exact After text, or `None` when it has none.
    pub after: Option<&'a str>,
    /// The word diff of a changed row (and of an edited moved row), empty
    /// otherwise. Equal and delete pieces rebuild `before`; equal and insert
    /// pieces rebuild `after`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub inline: Vec<Piece<'a>>,
    /// True when every difference in the row is cosmetic.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub cosmetic: bool,
    /// For a moved row, the index of the row at the other end.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub partner: Option<usize>,
    /// On a changed row: one Before block was split into two After blocks
    /// (`after` holds both, with the break between them).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub split: bool,
    /// On a changed row: two Before blocks were merged into one After block
    /// (`before` holds both).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub merged: bool,
}

impl<'a> Row<'a> {
    pub(crate) fn new(kind: RowKind, before: Option<&'a str>, after: Option<&'a str>) -> Self {
        Row {
            kind,
            before,
            after,
            inline: Vec::new(),
            cosmetic: false,
            partner: None,
            split: false,
            merged: false,
        }
    }
}

/// The result of comparing two versions of a story.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Comparison<'a> {
    /// Rows in display order. Joining every row's `before` gives the Before
    /// text byte for byte; the same holds for `after`.
    pub rows: Vec<Row<'a>>,
    /// True when a deadline cut the diff short and the result is rougher
    /// than it would otherwise be (never wrong: it still rebuilds both texts).
    pub approximate: bool,
    /// The fact-checker's ledger (quotes, figures, stats, outlets), read off
    /// the rows; its fields sit at the top level of the JSON.
    #[serde(flatten)]
    pub ledger: Ledger,
    /// Set when the two texts end their lines differently (say CRLF before,
    /// LF after). Rows that differ only in line endings are `equal` rows,
    /// so a line-ending change reads as one note, not as a rewrite.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line_endings: Option<LineEndings>,
}

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

/// One piece of a quote's word diff, like a row's inline [`Piece`]
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

/// The line endings of each side, when they differ.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct LineEndings {
    /// How the Before text ends its lines.
    pub before: Ending,
    /// How the After text ends its lines.
    pub after: Ending,
}

/// How a text ends its lines.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Ending {
    /// `\n` (Unix, the web).
    Lf,
    /// `\r\n` (Windows, many e-mail and wire systems).
    Crlf,
    /// A lone `\r` (old Mac OS).
    Cr,
    /// More than one kind.
    Mixed,
}

impl Ending {
    /// How `text` ends its lines, or `None` when it has no line break.
    pub fn of(text: &str) -> Option<Ending> {
        let bytes = text.as_bytes();
        if memchr::memchr(b'\r', bytes).is_none() {
            return memchr::memchr(b'\n', bytes).map(|_| Ending::Lf);
        }
        let (mut lf, mut crlf, mut cr) = (false, false, false);
        for (at, &b) in bytes.iter().enumerate() {
            match b {
                b'\n' if at > 0 && bytes[at - 1] == b'\r' => crlf = true,
                b'\n' => lf = true,
                b'\r' if bytes.get(at + 1) != Some(&b'\n') => cr = true,
                _ => {}
            }
        }
        match (lf, crlf, cr) {
            (false, false, false) => None,
            (true, false, false) => Some(Ending::Lf),
            (false, true, false) => Some(Ending::Crlf),
            (false, false, true) => Some(Ending::Cr),
            _ => Some(Ending::Mixed),
        }
    }
}

impl LineEndings {
    /// The line endings of two texts, when both have line breaks and they
    /// end them differently.
    pub fn between(before: &str, after: &str) -> Option<LineEndings> {
        match (Ending::of(before)?, Ending::of(after)?) {
            (b, a) if b == a => None,
            (before, after) => Some(LineEndings { before, after }),
        }
    }
}

/// How to compare.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct Options {
    /// Treat letters that differ only in case as equal (shown as cosmetic).
    pub ignore_case: bool,
    /// Treat differences in white space as equal (shown as cosmetic).
    pub ignore_whitespace: bool,
    /// Treat differences in punctuation and typography (curly vs straight
    /// quotes, dashes) as equal (shown as cosmetic).
    pub ignore_punctuation: bool,
    /// Front ends show noise rows (page furniture) in full rather than
    /// collapsed to a count. The model always holds them.
    pub show_noise: bool,
    /// Front ends show cosmetic differences (quotes, dashes, white space)
    /// as plain text. The model still marks them `cosmetic`.
    pub hide_cosmetic: bool,
    /// Milliseconds the word diff may take before it settles for a rougher
    /// answer (`approximate: true`).
    pub deadline_ms: u32,
    /// Read the whole of both texts, not only the window where they
    /// differ: quotes in the text both versions open and close with are
    /// then listed (as unchanged), and furniture there is set aside as
    /// noise. Slower on a small change in a long story; the rows and the
    /// changes are the same either way.
    pub whole: bool,
}

impl Options {
    /// What the text layer's folding ignores, by these options.
    pub(crate) fn ignore(&self) -> crate::text::Ignore {
        crate::text::Ignore {
            ignore_case: self.ignore_case,
            ignore_whitespace: self.ignore_whitespace,
            ignore_punctuation: self.ignore_punctuation,
        }
    }
}

impl Default for Options {
    fn default() -> Self {
        Options {
            ignore_case: false,
            ignore_whitespace: false,
            ignore_punctuation: false,
            show_noise: false,
            hide_cosmetic: false,
            deadline_ms: 2000,
            whole: false,
        }
    }
}
