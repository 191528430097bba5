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
    pub ledger: crate::analyse::Ledger,
    /// Set when the two texts end their lines differently (say CRLF before,
    /// LF after). Rows that differ only in line endings are `equal` rows,
    /// so a line-ending change reads as one note, not as a rewrite.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line_endings: Option<LineEndings>,
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

impl Comparison<'_> {
    /// The model as JSON, the same object the page and `StoryDiff.compare`
    /// see.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("the model always serialises")
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
        }
    }
}
