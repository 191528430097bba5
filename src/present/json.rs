//! JSON: the comparison model, its ledger and the history written as the
//! documented JSON (MODEL.md), byte for byte what serde_json wrote for the
//! serde derives these types had: fields in declaration order, camelCase
//! names (but `line_endings`), the same fields left out when empty, `false` or `None`, strings
//! escaped as serde_json escapes them and numbers written as it writes them
//! (floats by zmij, serde_json's own formatter).
//!
//! By hand rather than by serde: serde's generic machinery was about 25 KB
//! of the wasm, which needs JSON only for the ledger and the history
//! (BENCHMARKS.md, "Size"). Every field name of the JSON is in this file.

use crate::history::{
    FigureLine, FigureValue, History, ParagraphLife, ParagraphText, QuoteChange, QuoteLife, Step,
    Undone, UndoneKind, VersionInfo,
};
use crate::model::{
    Change, Comparison, Ending, Figure, Ledger, LineEndings, Outlets, Piece, Quote, QuotePiece,
    Row, RowKind, SentencePair, Stats, Tag,
};

impl Comparison<'_> {
    /// The model as JSON, the same object the page and `StoryDiff.compare`
    /// see.
    pub fn to_json(&self) -> String {
        to_string(self)
    }
}

impl Ledger {
    /// The ledger as JSON: the model's `quotes`, `figures`, `stats` and
    /// `outlets`, as [`Comparison::to_json`] writes them.
    pub fn to_json(&self) -> String {
        to_string(self)
    }
}

impl History<'_> {
    /// The history as JSON.
    pub fn to_json(&self) -> String {
        to_string(self)
    }
}

/// A value that writes itself as JSON.
trait Json {
    /// Appends the value's JSON to `out`.
    fn write(&self, out: &mut String);
}

/// `value` as JSON text.
fn to_string(value: &impl Json) -> String {
    let mut out = String::new();
    value.write(&mut out);
    out
}

/// An object being written: `{`, its fields, then `}` from [`Object::end`].
struct Object<'o> {
    out: &'o mut String,
    first: bool,
}

impl<'o> Object<'o> {
    fn new(out: &'o mut String) -> Self {
        out.push('{');
        Object { out, first: true }
    }

    /// Writes the field `name: value`.
    fn field(&mut self, name: &str, value: &(impl Json + ?Sized)) -> &mut Self {
        if !self.first {
            self.out.push(',');
        }
        self.first = false;
        string(self.out, name);
        self.out.push(':');
        value.write(self.out);
        self
    }

    /// Writes the field only when `present` (serde's `skip_serializing_if`).
    fn field_if(&mut self, present: bool, name: &str, value: &(impl Json + ?Sized)) -> &mut Self {
        if present {
            self.field(name, value);
        }
        self
    }

    fn end(&mut self) {
        self.out.push('}');
    }
}

/// A JSON string, escaped as serde_json escapes: `"` and `\`, and control
/// characters (`\b`, `\t`, `\n`, `\f`, `\r`, the others as `\u00XX` in
/// lower-case hex); everything else as it is.
fn string(out: &mut String, text: &str) {
    out.push('"');
    let mut run = 0;
    for (at, b) in text.bytes().enumerate() {
        let short = match b {
            b'"' => b'"',
            b'\\' => b'\\',
            0x08 => b'b',
            b'\t' => b't',
            b'\n' => b'n',
            0x0c => b'f',
            b'\r' => b'r',
            0..=0x1f => b'u',
            _ => continue,
        };
        out.push_str(&text[run..at]);
        run = at + 1;
        out.push('\\');
        out.push(char::from(short));
        if short == b'u' {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.push_str("00");
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 0xf)]));
        }
    }
    out.push_str(&text[run..]);
    out.push('"');
}

impl Json for str {
    fn write(&self, out: &mut String) {
        string(out, self);
    }
}

impl Json for String {
    fn write(&self, out: &mut String) {
        string(out, self);
    }
}

impl Json for bool {
    fn write(&self, out: &mut String) {
        out.push_str(if *self { "true" } else { "false" });
    }
}

impl Json for usize {
    fn write(&self, out: &mut String) {
        let mut digits = [0u8; 20];
        let mut at = digits.len();
        let mut n = *self;
        loop {
            at -= 1;
            digits[at] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        for &d in &digits[at..] {
            out.push(char::from(d));
        }
    }
}

impl Json for f64 {
    /// As serde_json: the shortest form that reads back the same (zmij's),
    /// `null` when not finite.
    fn write(&self, out: &mut String) {
        if self.is_finite() {
            out.push_str(zmij::Buffer::new().format_finite(*self));
        } else {
            out.push_str("null");
        }
    }
}

impl<T: Json + ?Sized> Json for &T {
    fn write(&self, out: &mut String) {
        (**self).write(out);
    }
}

impl<T: Json> Json for Option<T> {
    fn write(&self, out: &mut String) {
        match self {
            Some(value) => value.write(out),
            None => out.push_str("null"),
        }
    }
}

impl<T: Json> Json for [T] {
    fn write(&self, out: &mut String) {
        out.push('[');
        for (i, value) in self.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            value.write(out);
        }
        out.push(']');
    }
}

impl<T: Json> Json for Vec<T> {
    fn write(&self, out: &mut String) {
        self.as_slice().write(out);
    }
}

/// The enums, by their names in the JSON.
macro_rules! names {
    ($($type:ty { $($variant:ident => $name:literal),+ $(,)? })+) => {$(
        impl Json for $type {
            fn write(&self, out: &mut String) {
                string(out, match self { $(<$type>::$variant => $name),+ });
            }
        }
    )+};
}

names! {
    RowKind {
        Equal => "equal",
        Changed => "changed",
        Added => "added",
        Removed => "removed",
        Moved => "moved",
        Noise => "noise",
    }
    Tag { Equal => "equal", Delete => "delete", Insert => "insert" }
    Change { Added => "added", Removed => "removed", Changed => "changed", Unchanged => "unchanged" }
    Ending { Lf => "lf", Crlf => "crlf", Cr => "cr", Mixed => "mixed" }
    UndoneKind { Edit => "edit", Removal => "removal" }
}

impl Json for Comparison<'_> {
    /// The rows, then the ledger's fields at the top level.
    fn write(&self, out: &mut String) {
        let mut o = Object::new(out);
        o.field("rows", &self.rows)
            .field("approximate", &self.approximate);
        ledger_fields(&mut o, &self.ledger);
        // snake_case, as MODEL.md documents it (the one field so named).
        o.field_if(
            self.line_endings.is_some(),
            "line_endings",
            &self.line_endings,
        )
        .end();
    }
}

fn ledger_fields(o: &mut Object<'_>, ledger: &Ledger) {
    o.field("quotes", &ledger.quotes)
        .field("figures", &ledger.figures)
        .field("stats", &ledger.stats)
        .field("outlets", &ledger.outlets);
}

impl Json for Ledger {
    fn write(&self, out: &mut String) {
        let mut o = Object::new(out);
        ledger_fields(&mut o, self);
        o.end();
    }
}

impl Json for Row<'_> {
    fn write(&self, out: &mut String) {
        Object::new(out)
            .field("kind", &self.kind)
            .field("before", &self.before)
            .field("after", &self.after)
            .field_if(!self.inline.is_empty(), "inline", &self.inline)
            .field_if(self.cosmetic, "cosmetic", &self.cosmetic)
            .field_if(self.partner.is_some(), "partner", &self.partner)
            .field_if(self.split, "split", &self.split)
            .field_if(self.merged, "merged", &self.merged)
            .end();
    }
}

impl Json for Piece<'_> {
    fn write(&self, out: &mut String) {
        piece(out, self.tag, self.text, self.cosmetic);
    }
}

impl Json for QuotePiece {
    fn write(&self, out: &mut String) {
        piece(out, self.tag, &self.text, self.cosmetic);
    }
}

fn piece(out: &mut String, tag: Tag, text: &str, cosmetic: bool) {
    Object::new(out)
        .field("tag", &tag)
        .field("text", &text)
        .field_if(cosmetic, "cosmetic", &cosmetic)
        .end();
}

impl Json for Quote {
    fn write(&self, out: &mut String) {
        Object::new(out)
            .field("change", &self.change)
            .field("speaker", &self.speaker)
            .field_if(
                self.before_speaker.is_some(),
                "beforeSpeaker",
                &self.before_speaker,
            )
            .field_if(self.attribution.is_some(), "attribution", &self.attribution)
            .field_if(
                self.before_attribution.is_some(),
                "beforeAttribution",
                &self.before_attribution,
            )
            .field("before", &self.before)
            .field("after", &self.after)
            .field("beforeRow", &self.before_row)
            .field("afterRow", &self.after_row)
            .field_if(self.regrouped, "regrouped", &self.regrouped)
            .field_if(!self.inline.is_empty(), "inline", &self.inline)
            .end();
    }
}

impl Json for Figure {
    fn write(&self, out: &mut String) {
        Object::new(out)
            .field("before", &self.before)
            .field("after", &self.after)
            .field("context", &self.context)
            .field("beforeRow", &self.before_row)
            .field("afterRow", &self.after_row)
            .end();
    }
}

impl Json for Stats {
    fn write(&self, out: &mut String) {
        Object::new(out)
            .field("wordsAdded", &self.words_added)
            .field("wordsRemoved", &self.words_removed)
            .field("paragraphsChanged", &self.paragraphs_changed)
            .field("paragraphsAdded", &self.paragraphs_added)
            .field("paragraphsRemoved", &self.paragraphs_removed)
            .field("paragraphsMoved", &self.paragraphs_moved)
            .field("paragraphsCosmetic", &self.paragraphs_cosmetic)
            .field("cosmeticEdits", &self.cosmetic_edits)
            .field("quotesAdded", &self.quotes_added)
            .field("quotesRemoved", &self.quotes_removed)
            .field("quotesChanged", &self.quotes_changed)
            .field("figuresChanged", &self.figures_changed)
            .field("sharedWording", &self.shared_wording)
            .end();
    }
}

impl Json for Outlets {
    fn write(&self, out: &mut String) {
        Object::new(out)
            .field("sentences", &self.sentences)
            .field("inBoth", &self.in_both)
            .field("beforeOnly", &self.before_only)
            .field("afterOnly", &self.after_only)
            .end();
    }
}

impl Json for SentencePair {
    fn write(&self, out: &mut String) {
        Object::new(out)
            .field("before", &self.before)
            .field("after", &self.after)
            .field("beforeRow", &self.before_row)
            .field("afterRow", &self.after_row)
            .field("similarity", &self.similarity)
            .field_if(self.quote, "quote", &self.quote)
            .field_if(self.figure, "figure", &self.figure)
            .end();
    }
}

impl Json for LineEndings {
    fn write(&self, out: &mut String) {
        Object::new(out)
            .field("before", &self.before)
            .field("after", &self.after)
            .end();
    }
}

impl Json for History<'_> {
    fn write(&self, out: &mut String) {
        Object::new(out)
            .field("versions", &self.versions)
            .field("steps", &self.steps)
            .field("paragraphs", &self.paragraphs)
            .field("quotes", &self.quotes)
            .field("figures", &self.figures)
            .field("undone", &self.undone)
            .end();
    }
}

impl Json for VersionInfo {
    fn write(&self, out: &mut String) {
        Object::new(out)
            .field("label", &self.label)
            .field("date", &self.date)
            .field("bytes", &self.bytes)
            .end();
    }
}

impl Json for Step<'_> {
    fn write(&self, out: &mut String) {
        Object::new(out)
            .field("from", &self.from)
            .field("to", &self.to)
            .field("stats", &self.stats)
            .field("approximate", &self.approximate)
            .field_if(self.comparison.is_some(), "comparison", &self.comparison)
            .end();
    }
}

impl Json for ParagraphLife<'_> {
    fn write(&self, out: &mut String) {
        Object::new(out)
            .field("texts", &self.texts)
            .field("appeared", &self.appeared)
            .field("changed", &self.changed)
            .field_if(!self.cosmetic.is_empty(), "cosmetic", &self.cosmetic)
            .field_if(!self.moved.is_empty(), "moved", &self.moved)
            .field("went", &self.went)
            .end();
    }
}

impl Json for ParagraphText<'_> {
    fn write(&self, out: &mut String) {
        Object::new(out)
            .field("since", &self.since)
            .field("text", &self.text)
            .end();
    }
}

impl Json for QuoteLife {
    fn write(&self, out: &mut String) {
        Object::new(out)
            .field("speaker", &self.speaker)
            .field("words", &self.words)
            .field("appeared", &self.appeared)
            .field("changes", &self.changes)
            .field("went", &self.went)
            .end();
    }
}

impl Json for QuoteChange {
    fn write(&self, out: &mut String) {
        Object::new(out)
            .field("version", &self.version)
            .field("before", &self.before)
            .field("after", &self.after)
            .field("speaker", &self.speaker)
            .field_if(
                self.before_speaker.is_some(),
                "beforeSpeaker",
                &self.before_speaker,
            )
            .end();
    }
}

impl Json for FigureLine {
    fn write(&self, out: &mut String) {
        Object::new(out)
            .field("values", &self.values)
            .field("context", &self.context)
            .field("paragraph", &self.paragraph)
            .end();
    }
}

impl Json for FigureValue {
    fn write(&self, out: &mut String) {
        Object::new(out)
            .field("value", &self.value)
            .field("version", &self.version)
            .end();
    }
}

impl Json for Undone<'_> {
    fn write(&self, out: &mut String) {
        Object::new(out)
            .field("kind", &self.kind)
            .field("paragraph", &self.paragraph)
            .field("changed", &self.changed)
            .field("undone", &self.undone)
            .field("text", &self.text)
            .field_if(self.restored_as.is_some(), "restoredAs", &self.restored_as)
            .end();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        let every_ascii: String = (0u8..=0x7f).map(char::from).collect();
        for text in [
            every_ascii.as_str(),
            "",
            "é “quoted” 中文 😀 \\n",
            "\u{2028}\u{2029}",
        ] {
            assert_eq!(to_string(&text), serde_json::to_string(text).unwrap());
        }
    }

    #[test]
    fn numbers_are_written_as_serde_json_writes_them() {
        for n in [0, 7, 10, 99, 1234567, usize::MAX] {
            assert_eq!(to_string(&n), serde_json::to_string(&n).unwrap());
        }
        for x in [
            0.0,
            -0.0,
            1.0,
            0.979,
            0.98,
            0.001,
            1.0 / 3.0,
            1e-7,
            1e21,
            f64::MIN_POSITIVE,
            f64::NAN,
            f64::INFINITY,
        ] {
            assert_eq!(to_string(&x), serde_json::to_string(&x).unwrap(), "{x}");
        }
    }

    #[test]
    fn empty_and_absent() {
        assert_eq!(to_string(&Vec::<usize>::new()), "[]");
        assert_eq!(to_string(&None::<usize>), "null");
        assert_eq!(to_string(&vec![Some(1usize), None]), "[1,null]");
    }
}
