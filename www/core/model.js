/* The wasm's packed answer and the model made from it (MODEL.md), and
 * what is decided before the texts cross: the long shared run that crosses
 * once. Plain functions of their inputs, used by the page and the worker. */
var KINDS = ["equal", "changed", "added", "removed", "moved", "noise"];
var TAGS = ["equal", "delete", "insert"];
var ROW_WIDTH = 8;
var PIECE_WIDTH = 3;
var NONE = 0xffffffff;

/** The packed result of the wasm's compare. Copying a text into the
 * wasm costs about as much per character as the whole comparison, so a
 * long run of lines that both versions share crosses once, and the wasm
 * puts each text back together from its edges and the run (BENCHMARKS.md,
 * speed3). */
export function comparePacked(g, before, after, options) {
  var run = sharedRun(before, after);
  if (!run) return g.comparePacked(before, after, options || {});
  return g.comparePackedShared(
    before.slice(0, run.before),
    before.slice(run.before + run.length),
    after.slice(0, run.after),
    after.slice(run.after + run.length),
    before.slice(run.before, run.before + run.length),
    options || {}
  );
}

// Texts shorter than this cross whole: finding a run costs more than it
// saves.
var SHARED_FROM = 20000;

/** A long run of whole lines that stands in both texts, as
 * diff-match-patch's half-match finds one: a quarter of After from its
 * middle, looked for in Before with indexOf, then widened both ways while
 * the texts agree (comparing slices: memcmp, not a loop per character),
 * and cut to whole lines (so no surrogate pair is split). {before, after,
 * length} in UTF-16 units, or null. */
export function sharedRun(before, after) {
  if (before.length < SHARED_FROM || after.length < SHARED_FROM) return null;
  var seedLength = after.length >> 2;
  var seedAt = (after.length - seedLength) >> 1;
  var at = before.indexOf(after.substr(seedAt, seedLength));
  if (at < 0) return null;
  // Widen backwards: the longest common suffix of the two heads.
  var back = commonLength(before, at, after, seedAt, -1);
  var forward = commonLength(before, at + seedLength, after, seedAt + seedLength, 1);
  var b = at - back;
  var a = seedAt - back;
  var end = at + seedLength + forward;
  // Whole lines only: from the first line start inside the run (the
  // run's own start when a line starts there in both texts) to the end of
  // its last line break. Inside the run the texts are the same, so a line
  // break there is one in both.
  var start = b;
  var lineStart = (b === 0 || before[b - 1] === "\n") && (a === 0 || after[a - 1] === "\n");
  if (!lineStart) {
    var first = before.indexOf("\n", b);
    if (first < 0 || first >= end) return null;
    start = first + 1;
  }
  var last = before.lastIndexOf("\n", end - 1);
  if (last < start) return null;
  var length = last + 1 - start;
  if (length < SHARED_FROM) return null;
  return { before: start, after: a + (start - b), length: length };
}

/** How many characters the two texts have in common going from
 * before[b] and after[a] forwards (step 1) or, before those positions,
 * backwards (step -1): slices of doubling length compared while they
 * agree (so the characters compared are about twice the answer, not the
 * whole text for every step of a binary search), then a binary search
 * inside the first slice that differs. */
export function commonLength(before, b, after, a, step) {
  var most = step > 0 ? Math.min(before.length - b, after.length - a) : Math.min(b, a);
  var same = function (from, length) {
    return step > 0
      ? before.substr(b + from, length) === after.substr(a + from, length)
      : before.substr(b - from - length, length) === after.substr(a - from - length, length);
  };
  var low = 0;
  var size = 256;
  while (low < most) {
    var length = Math.min(size, most - low);
    if (!same(low, length)) break;
    low += length;
    size *= 2;
  }
  if (low >= most) return most;
  // The answer lies in [low, low + size): binary search on how much of
  // that slice agrees.
  var high = Math.min(low + size, most);
  while (low < high) {
    var mid = (low + high + 1) >> 1;
    if (same(low, mid - low)) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** The model from the packed rows and pieces (offsets into the texts).
 * When the wasm left `sharedWording` to count (`packed.wording`), it is a
 * getter that asks `countWording(wording, texts)` once, with the Before texts of
 * the rows the wording names (MODEL.md). */
export function unpack(packed, before, after, countWording) {
  var r = packed.rows;
  var p = packed.pieces;
  var rows = new Array(r.length / ROW_WIDTH);
  var piece = 0;
  for (var i = 0, k = 0; k < r.length; i++, k += ROW_WIDTH) {
    var row = {
      kind: KINDS[r[k]],
      before: r[k + 2] === NONE ? null : before.slice(r[k + 2], r[k + 3]),
      after: r[k + 4] === NONE ? null : after.slice(r[k + 4], r[k + 5]),
    };
    var count = r[k + 7];
    if (count > 0) {
      var inline = new Array(count);
      for (var j = 0; j < count; j++, piece += PIECE_WIDTH) {
        var code = p[piece];
        var source = (code & 3) === 2 ? after : before;
        var item = { tag: TAGS[code & 3], text: source.slice(p[piece + 1], p[piece + 2]) };
        if (code & 4) item.cosmetic = true;
        inline[j] = item;
      }
      row.inline = inline;
    }
    if (r[k + 1] & 1) row.cosmetic = true;
    if (r[k + 1] & 2) row.split = true;
    if (r[k + 1] & 4) row.merged = true;
    if (r[k + 6] !== NONE) row.partner = r[k + 6];
    rows[i] = row;
  }
  var model = { rows: rows, approximate: packed.approximate };
  // The ledger crosses as JSON text (one string, parsed natively, rather
  // than an object built field by field across the boundary): its fields
  // join the model in the order `storydiff --json` prints them.
  var ledger = packed.ledger ? JSON.parse(packed.ledger) : {};
  Object.keys(ledger).forEach(function (key) {
    model[key] = ledger[key];
  });
  if (packed.wording && model.stats) leaveWording(model.stats, packed.wording, rows, countWording);
  if (packed.lineEndings) model.line_endings = { before: packed.lineEndings[0], after: packed.lineEndings[1] };
  return model;
}

/** Makes `stats.sharedWording` (null in the ledger's JSON, so its place
 * among the fields is kept) a getter: counted on first read, then kept as
 * a plain value. */
function leaveWording(stats, wording, rows, countWording) {
  var set = function (value) {
    Object.defineProperty(stats, "sharedWording", {
      value: value,
      writable: true,
      enumerable: true,
      configurable: true,
    });
  };
  Object.defineProperty(stats, "sharedWording", {
    get: function () {
      var texts = [];
      for (var k = 3; k < wording.length; k++) texts.push(rows[wording[k]].before);
      var value = countWording(wording, texts);
      set(value);
      return value;
    },
    set: set,
    enumerable: true,
    configurable: true,
  });
}

/** The texts and labels of a list of versions: strings, or objects
 * `{ text, label? }`. */
export function versionTexts(versions) {
  var texts = [];
  var labels = [];
  (versions || []).forEach(function (v, i) {
    var text = v != null && typeof v === "object" ? v.text : v;
    var label = v != null && typeof v === "object" && v.label != null ? String(v.label) : "";
    texts.push(text == null ? "" : String(text));
    labels.push(label || "Version " + (i + 1));
  });
  return { texts: texts, labels: labels };
}
