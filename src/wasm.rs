//! The wasm boundary: the only module that knows wasm-bindgen, js-sys
//! and web-sys.
//!
//! "Minimise copying, minimise serialising": JS already holds both texts, so
//! the model crosses as two packed `Uint32Array`s of kinds and UTF-16
//! offsets, and the JS side (www/story-diff.js) slices its own strings to
//! build the documented model. See ARCHITECTURE.md for the layout.

use wasm_bindgen::prelude::*;

use crate::{compare_leaving, Ending, HtmlEvent, Options, RowKind, Tag};

/// No row on that side, or no partner.
const NONE: u32 = u32::MAX;
/// Numbers per row in `rows`.
const ROW_WIDTH: usize = 8;
/// Numbers per piece in `pieces`.
const PIECE_WIDTH: usize = 3;

/// Installs a panic hook so that a bug shows as a message in the console
/// (and, through the thrown error, on the page) rather than a dead page.
#[wasm_bindgen(start)]
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&JsValue::from_str(&format!("storydiff: {info}")));
    }));
}

/// Compares two texts; returns `{rows: Uint32Array, pieces: Uint32Array,
/// approximate: boolean, ledger: string}`. (The texts cross as strings:
/// wasm-bindgen writes them straight into the wasm's memory, which measured
/// as fast as `TextEncoder.encodeInto` and faster than `encode`, which
/// allocates.)
///
/// Each row is `ROW_WIDTH` numbers: kind, flags (1 = cosmetic, 2 = split,
/// 4 = merged), before start
/// and end, after start and end (UTF-16 offsets, or `NONE`), partner row
/// (or `NONE`), piece count. Each piece is `PIECE_WIDTH` numbers: tag
/// (0 equal, 1 delete, 2 insert; +4 when cosmetic), start and end in the
/// side the tag says (Before for equal and delete, After for insert).
/// `ledger` (quotes, figures, stats, outlets) crosses as JSON text, as
/// `storydiff --json` prints those fields, for the JS side to parse and
/// attach to the model as it is: one string is cheaper to cross than an
/// object built a field at a time.
///
/// `sharedWording` may be left to count when it is read: then the ledger
/// holds `null` for it and `wording` (a `Uint32Array`) is what
/// [`shared_wording`] needs, with the rows whose texts it counts.
#[wasm_bindgen(js_name = comparePacked)]
pub fn compare_packed(before: &str, after: &str, options: JsValue) -> Result<JsValue, JsError> {
    let options = read_options(&options)?;
    let (comparison, wording) = compare_leaving(before, after, &options, true, &mut |_| {});
    let before_index = Utf16Index::new(before);
    let after_index = Utf16Index::new(after);

    let mut rows: Vec<u32> = Vec::with_capacity(comparison.rows.len() * ROW_WIDTH);
    let mut pieces: Vec<u32> = Vec::with_capacity(comparison.rows.len() * PIECE_WIDTH);
    for row in &comparison.rows {
        let (bs, be) = before_index.range(row.before);
        let (as_, ae) = after_index.range(row.after);
        rows.extend_from_slice(&[
            kind_code(row.kind),
            u32::from(row.cosmetic) | u32::from(row.split) << 1 | u32::from(row.merged) << 2,
            bs,
            be,
            as_,
            ae,
            row.partner.map_or(NONE, |p| p as u32),
            row.inline.len() as u32,
        ]);
        for piece in &row.inline {
            let (tag, index) = match piece.tag {
                Tag::Equal => (0, &before_index),
                Tag::Delete => (1, &before_index),
                Tag::Insert => (2, &after_index),
            };
            let (s, e) = index.range(Some(piece.text));
            pieces.extend_from_slice(&[tag | if piece.cosmetic { 4 } else { 0 }, s, e]);
        }
    }
    let out = js_sys::Object::new();
    let set = |k: &str, v: &JsValue| js_sys::Reflect::set(&out, &JsValue::from_str(k), v);
    set("rows", &js_sys::Uint32Array::from(rows.as_slice()).into())
        .and_then(|_| {
            set(
                "pieces",
                &js_sys::Uint32Array::from(pieces.as_slice()).into(),
            )
        })
        .and_then(|_| set("approximate", &JsValue::from_bool(comparison.approximate)))
        .and_then(|_| match comparison.line_endings {
            // [before, after], as the JSON names them ("lf", "crlf"...).
            Some(l) => set(
                "lineEndings",
                &js_sys::Array::of2(&ending(l.before).into(), &ending(l.after).into()).into(),
            ),
            None => Ok(true),
        })
        .map_err(|_| JsError::new("storydiff: could not build the result"))?;
    set("ledger", &JsValue::from_str(&comparison.ledger.to_json()))
        .and_then(|_| match wording {
            Some(w) => {
                let mut packed = vec![w.common as u32, w.pairs as u32, w.same as u32];
                packed.extend(w.uncounted.iter().map(|&k| k as u32));
                set(
                    "wording",
                    &js_sys::Uint32Array::from(packed.as_slice()).into(),
                )
            }
            None => Ok(true),
        })
        .map_err(|_| JsError::new("storydiff: could not build the result"))?;
    Ok(out.into())
}

/// `sharedWording` of a comparison that left it to count: `wording` as
/// `comparePacked` gave it, `texts` the Before texts of the rows it names,
/// in its order.
#[wasm_bindgen(js_name = sharedWording)]
pub fn shared_wording(wording: &[u32], texts: Vec<String>) -> Result<f64, JsError> {
    let [common, pairs, same, rows @ ..] = wording else {
        return Err(JsError::new(
            "storydiff: sharedWording needs a comparison's `wording`",
        ));
    };
    if rows.len() != texts.len() {
        return Err(JsError::new(
            "storydiff: sharedWording needs one text per row it names",
        ));
    }
    let w = crate::analyse::Wording {
        common: *common as usize,
        pairs: *pairs as usize,
        same: *same as usize,
        uncounted: Vec::new(),
    };
    Ok(w.share_with(texts.iter().map(String::as_str)))
}

/// `comparePacked` of Before = `before_head` + `shared` + `before_tail`
/// and After = `after_head` + `shared` + `after_tail`: the page hands a long
/// run both texts share across once (copying text into the wasm costs
/// about as much per character as comparing it), and the texts are put
/// back together here, a `memcpy` each. The result is the same as
/// `comparePacked` on the whole texts.
#[wasm_bindgen(js_name = comparePackedShared)]
pub fn compare_packed_shared(
    before_head: &str,
    before_tail: &str,
    after_head: &str,
    after_tail: &str,
    shared: &str,
    options: JsValue,
) -> Result<JsValue, JsError> {
    let before = [before_head, shared, before_tail].concat();
    let after = [after_head, shared, after_tail].concat();
    compare_packed(&before, &after, options)
}

/// A story's history over N versions (`compare_history`), as the JSON of
/// the history model (MODEL.md) without the steps' comparisons: the page
/// asks `comparePacked` for the two versions it shows. `labels` may be
/// shorter than `texts` (a missing label is "Version N").
#[wasm_bindgen(js_name = compareHistory)]
pub fn compare_history(
    texts: Vec<String>,
    labels: Vec<String>,
    options: JsValue,
) -> Result<String, JsError> {
    let options = read_options(&options)?;
    let versions: Vec<crate::Version<'_>> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| crate::Version::new(labels.get(i).cloned().unwrap_or_default(), t))
        .collect();
    Ok(crate::compare_history(&versions, &options).to_json())
}

/// Panics, on purpose: the only way to test that a panic inside the wasm
/// becomes a message and the page stays usable (`StoryDiff._panicForTest`).
#[wasm_bindgen(js_name = panicForTest)]
pub fn panic_for_test() {
    panic!("a deliberate panic, to test recovery");
}

/// The story's text out of pasted HTML, read off the events of the
/// document the page's own parser built (`www/html.js` walks it; see
/// `read_events`): `items` is one number per event, its kind in the low two
/// bits (0 start tag, 1 end tag, 2 text) and its length above them, in
/// UTF-16 code units of `text`, which holds every event's name or text one
/// after another. Two values cross, not one object per node.
#[wasm_bindgen(js_name = readEvents)]
pub fn read_events(items: &[u32], text: &str) -> String {
    let mut rest = text;
    crate::read_events(items.iter().map(move |&item| {
        let units = (item >> 2) as usize;
        let (mut seen, mut end) = (0, 0);
        for c in rest.chars() {
            if seen >= units {
                break;
            }
            seen += c.len_utf16();
            end += c.len_utf8();
        }
        let (piece, after) = rest.split_at(end);
        rest = after;
        match item & 3 {
            0 => HtmlEvent::Start(piece),
            1 => HtmlEvent::End(piece),
            _ => HtmlEvent::Text(piece),
        }
    }))
}

/// The options object as JS passes it (`undefined` or `null`: the
/// defaults; a field that is missing or `undefined`: its default; fields
/// the model does not know are ignored), read field by field. Not by
/// serde-wasm-bindgen: its errors format floating-point numbers, and that
/// machinery alone was about 30 KB of the wasm.
fn read_options(value: &JsValue) -> Result<Options, JsError> {
    let mut options = Options::default();
    if value.is_undefined() || value.is_null() {
        return Ok(options);
    }
    if !value.is_object() {
        return Err(JsError::new(
            "storydiff: bad options: expected an object of options",
        ));
    }
    let field = |name: &str| {
        js_sys::Reflect::get(value, &JsValue::from_str(name))
            .map_err(|_| JsError::new("storydiff: bad options: could not read them"))
    };
    for (name, flag) in [
        ("ignoreCase", &mut options.ignore_case),
        ("ignoreWhitespace", &mut options.ignore_whitespace),
        ("ignorePunctuation", &mut options.ignore_punctuation),
        ("showNoise", &mut options.show_noise),
        ("hideCosmetic", &mut options.hide_cosmetic),
        ("whole", &mut options.whole),
    ] {
        let v = field(name)?;
        if !v.is_undefined() {
            *flag = v.as_bool().ok_or_else(|| {
                JsError::new(&["storydiff: bad options: ", name, " must be true or false"].concat())
            })?;
        }
    }
    let deadline = field("deadlineMs")?;
    if !deadline.is_undefined() {
        options.deadline_ms = deadline
            .as_f64()
            .filter(|ms| ms.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(ms))
            .map(|ms| ms as u32)
            .ok_or_else(|| {
                JsError::new(
                    "storydiff: bad options: deadlineMs must be a whole number of milliseconds",
                )
            })?;
    }
    Ok(options)
}

/// An ending's name, as the JSON spells it.
fn ending(e: Ending) -> &'static str {
    match e {
        Ending::Lf => "lf",
        Ending::Crlf => "crlf",
        Ending::Cr => "cr",
        Ending::Mixed => "mixed",
    }
}

fn kind_code(kind: RowKind) -> u32 {
    match kind {
        RowKind::Equal => 0,
        RowKind::Changed => 1,
        RowKind::Added => 2,
        RowKind::Removed => 3,
        RowKind::Moved => 4,
        RowKind::Noise => 5,
    }
}

/// Byte offsets of a text to UTF-16 offsets, counted from bytes without
/// decoding: every byte that is not a UTF-8 continuation byte is one UTF-16
/// unit, and a four-byte character is two. The offsets asked for mostly go
/// forward (rows in order, pieces in order inside them), so a cursor counts
/// only the bytes since the last one; a moved row's pieces jump elsewhere
/// and back, so marks left along the way keep every jump short.
struct Utf16Index<'a> {
    text: &'a str,
    ascii: bool,
    /// The last offset found: (byte offset, UTF-16 offset).
    cursor: std::cell::Cell<(usize, usize)>,
    /// Offsets found before, in byte order, at least `MARK_EVERY` apart.
    marks: std::cell::RefCell<Vec<(usize, usize)>>,
}

const MARK_EVERY: usize = 4096;

impl<'a> Utf16Index<'a> {
    fn new(text: &'a str) -> Self {
        Utf16Index {
            text,
            ascii: text.is_ascii(),
            cursor: std::cell::Cell::new((0, 0)),
            marks: std::cell::RefCell::new(vec![(0, 0)]),
        }
    }

    fn offset(&self, byte: usize) -> u32 {
        if self.ascii {
            return byte as u32;
        }
        let bytes = self.text.as_bytes();
        let mut marks = self.marks.borrow_mut();
        // The nearest known offset at or before `byte`, or the cursor if it
        // is nearer (before or after).
        let (mut at, mut units) = marks[marks.partition_point(|&(b, _)| b <= byte) - 1];
        let (c, cu) = self.cursor.get();
        if c.abs_diff(byte) < byte - at {
            (at, units) = (c, cu);
        }
        let units = if byte >= at {
            units + utf16_units(&bytes[at..byte])
        } else {
            units - utf16_units(&bytes[byte..at])
        };
        self.cursor.set((byte, units));
        if marks.last().is_some_and(|&(b, _)| byte >= b + MARK_EVERY) {
            marks.push((byte, units));
        }
        units as u32
    }

    /// The UTF-16 range of a slice of the text, or `(NONE, NONE)`.
    fn range(&self, slice: Option<&str>) -> (u32, u32) {
        match slice {
            None => (NONE, NONE),
            Some(s) => {
                let start = s.as_ptr() as usize - self.text.as_ptr() as usize;
                (self.offset(start), self.offset(start + s.len()))
            }
        }
    }
}

/// The UTF-16 length of whole UTF-8 characters: one unit per byte that is
/// not a continuation byte (`10xxxxxx`), two for a four-byte character's
/// first byte (`11110xxx`). Eight bytes at a time.
fn utf16_units(bytes: &[u8]) -> usize {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut chunks = bytes.chunks_exact(8);
    let mut units = 0;
    for chunk in &mut chunks {
        let x = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        // Per byte, bit 7 of: continuation (bit 7 set, bit 6 clear) and
        // four-byte lead (bits 7 to 4 set).
        let continuation = x & !(x << 1) & HIGH;
        let lead4 = x & (x << 1) & (x << 2) & (x << 3) & HIGH;
        units += 8 - continuation.count_ones() as usize + lead4.count_ones() as usize;
    }
    units
        + chunks
            .remainder()
            .iter()
            .map(|&b| usize::from((b as i8) >= -64) + usize::from(b >= 0xf0))
            .sum::<usize>()
}
