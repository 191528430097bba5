/* The two views of a model, side by side (`view`) and inline
 * (`inlineView`), built whole or a slice at a time (`viewInto`), and the
 * one line of counts (`summary`). DOM built with textContent only. */
import { ledger } from "./ledger.js";
import { el, mark, visible } from "./dom.js";

/** The marked runs of a row, `[tag, text, cosmetic]` with tag "" for
 * unchanged text, "delete" or "insert", line breaks at the end trimmed:
 * one side of it for the side-by-side view (`side` "before" or "after"),
 * or both in reading order for the inline view (`side` null). */
function runs(row, side) {
  var out = [];
  if (side && row[side] == null) return out;
  if (row.inline) {
    // A moved row's ends show its own word diff, each on its side.
    var drop = side === "before" ? "insert" : side === "after" ? "delete" : null;
    row.inline.forEach(function (piece) {
      if (piece.tag !== drop) out.push([piece.tag === "equal" ? "" : piece.tag, piece.text, !!piece.cosmetic]);
    });
  } else if (side) {
    out.push([row.kind === "removed" ? "delete" : row.kind === "added" ? "insert" : "", row[side], false]);
  } else if (row.kind === "equal" || row.before === row.after) {
    out.push(["", row.after, false]);
  } else {
    out.push(["delete", row.before, !!row.cosmetic], ["insert", row.after, !!row.cosmetic]);
  }
  return trimEnd(out);
}

/** Line breaks at the end of a row are its edge, not content. */
function trimEnd(out) {
  while (out.length) {
    var last = out[out.length - 1];
    last[1] = last[1].replace(/[\r\n]+$/, "");
    if (last[1]) break;
    out.pop();
  }
  return out;
}

/** The runs of a row in the inline view: a row with one side shows that
 * side (an added or removed block marked whole), except that the Before
 * end of a move reads as gone from there; any other row, its word diff
 * in reading order. */
function inlineRuns(row) {
  if (row.before == null) return runs(row, "after");
  if (row.after == null) return row.kind === "moved" ? trimEnd([["delete", row.before, false]]) : runs(row, "before");
  return runs(row, null);
}

/** Appends runs to a cell (or an inline line): unchanged text as text
 * (a long unchanged row folded), the rest as <del> / <ins>. */
function fill(cell, row, list) {
  list.forEach(function (run) {
    var text = visible(run[1]);
    if (run[0]) mark(cell, run[0], text, run[2]);
    else if (row.kind === "equal") fold(cell, text);
    else cell.appendChild(document.createTextNode(text));
  });
}

/** One side of a row; `number`, given for the side that leads the row,
 * is the row's number (shown in the gutter, see `appendRow`). */
function side(row, before, number) {
  var cell = el("div", before ? "sd-before" : "sd-after");
  if (number) cell.dataset.n = String(number);
  cell.setAttribute("role", "cell");
  // Each side takes its direction from its own first strong character,
  // so Arabic and Hebrew read right to left.
  cell.dir = "auto";
  if ((before ? row.before : row.after) == null) {
    cell.classList.add("sd-empty");
    cell.setAttribute("aria-label", (number ? "Row " + number + ": not in " : "Not in ") + (before ? "Before" : "After"));
  }
  fill(cell, row, runs(row, before ? "before" : "after"));
  return cell;
}

/** Lines of an unchanged run shown around a collapsed middle, and the
 * fewest lines worth collapsing. */
var FOLD_KEEP = 4;
var FOLD_AT = 24;

/** Appends unchanged text; a long run shows its first and last lines and
 * collapses the rest behind a button (the text stays in the page, hidden,
 * so nothing is lost and the browser lays out only what shows). */
function fold(cell, text) {
  var head = nthNewline(text, FOLD_KEEP, false);
  var tail = nthNewline(text, FOLD_KEEP, true);
  var middle = head < 0 || tail <= head ? "" : text.slice(head + 1, tail + 1);
  var lines = 0;
  for (var i = middle.indexOf("\n"); i >= 0 && lines < FOLD_AT; i = middle.indexOf("\n", i + 1)) lines++;
  if (lines < FOLD_AT) {
    cell.appendChild(document.createTextNode(text));
    return;
  }
  for (; i >= 0; i = middle.indexOf("\n", i + 1)) lines++;
  cell.appendChild(document.createTextNode(text.slice(0, head + 1)));
  var button = el("button", "sd-fold");
  button.type = "button";
  button.dataset.lines = lines.toLocaleString("en");
  var body = el("span", "sd-fold-body", middle);
  button.addEventListener("click", function () {
    var open = body.hidden;
    // Side by side, an unchanged row's two folds open and close
    // together, so the columns stay level.
    var row = button.closest(".sd-row");
    Array.prototype.forEach.call(row ? row.querySelectorAll(".sd-fold") : [button], function (b) {
      setFold(b, open);
    });
  });
  cell.appendChild(button);
  cell.appendChild(body);
  setFold(button, false);
  cell.appendChild(document.createTextNode(text.slice(tail + 1)));
}

/** Opens or closes a fold: its button, and the body just after it. */
function setFold(button, open) {
  button.nextSibling.hidden = !open;
  button.setAttribute("aria-expanded", String(open));
  button.textContent = (open ? "Hide " : "Show ") + button.dataset.lines + " unchanged lines";
}

/** The index of the n-th line break from the start (or from the end),
 * or -1 when the text has fewer. */
function nthNewline(text, n, fromEnd) {
  var at = fromEnd ? text.length - 1 : -1;
  // From the end, skip the run's own closing line breaks first.
  while (fromEnd && at >= 0 && (text[at] === "\n" || text[at] === "\r")) at--;
  for (var k = 0; k < n; k++) {
    at = fromEnd ? text.lastIndexOf("\n", at - 1) : text.indexOf("\n", at + 1);
    if (at < 0) return -1;
  }
  return at;
}

function lineCount(text) {
  return text == null ? 0 : text.split("\n").filter(function (l) { return l.trim(); }).length;
}

/** The bar that stands for a collapsed noise row, with its toggle: a
 * block whose one child holds the words and the button. */
function noiseBar(row, line, shown) {
  var counts = [];
  var b = lineCount(row.before);
  var a = lineCount(row.after);
  if (b) counts.push(b + (b === 1 ? " line" : " lines") + " Before");
  if (a) counts.push(a + (a === 1 ? " line" : " lines") + " After");
  var bar = el("div", "sd-noise-bar");
  var inner = el("div");
  inner.appendChild(el("span", null, "Page furniture set aside: " + counts.join(", ") + ". "));
  var button = el("button", "sd-noise-toggle", shown ? "Hide" : "Show");
  button.type = "button";
  button.setAttribute("aria-expanded", String(shown));
  button.setAttribute("aria-controls", line.id);
  button.addEventListener("click", function () {
    var open = line.hidden;
    line.hidden = !open;
    button.textContent = open ? "Hide" : "Show";
    button.setAttribute("aria-expanded", String(open));
  });
  inner.appendChild(button);
  bar.appendChild(inner);
  return bar;
}

/** The link from one end of a move to the other (in either view: both
 * give row N the id `sd-row-N`). */
function moveLink(row, root) {
  var to = row.before == null ? "from" : "to";
  var button = el("button", "sd-move-link", (to === "to" ? "↓ Moved to row " : "↑ Moved from row ") + (row.partner + 1));
  button.type = "button";
  button.dataset.partner = String(row.partner);
  button.addEventListener("click", function () {
    var target = root.querySelector("#sd-row-" + row.partner);
    if (!target) return;
    if (target.scrollIntoView) target.scrollIntoView({ block: "center" });
    target.focus({ preventScroll: true });
    target.classList.add("sd-flash");
    setTimeout(function () { target.classList.remove("sd-flash"); }, 1200);
  });
  return button;
}

/** The notes a split or merged row carries. */
function notes(row, cell) {
  if (row.split) cell.appendChild(el("span", "sd-note", "split in two"));
  if (row.merged) cell.appendChild(el("span", "sd-note", "two paragraphs merged"));
}

/** Puts a row's element into `parent`; a noise row goes behind its bar,
 * hidden unless `options.showNoise`. */
function place(parent, row, line, options) {
  var bar = null;
  if (row.kind === "noise") {
    line.hidden = !options.showNoise;
    bar = noiseBar(row, line, !!options.showNoise);
    parent.appendChild(bar);
  }
  parent.appendChild(line);
  return bar;
}

// The two views. Each is a root and a way to append one row to it; both
// share the runs, the folds of long unchanged rows, the noise bars, the
// move links, and viewInto's slices.

/** Side by side: an ARIA table (columns Before and After), so a screen
 * reader says which version it is reading and where a row ends. */
function viewRoot(options) {
  var root = el("div", "sd-view" + (options.hideCosmetic ? " sd-hide-cosmetic" : ""));
  root.setAttribute("role", "table");
  root.setAttribute("aria-label", "Side by side: Before on the left, After on the right");
  var head = el("div", "sd-head");
  head.setAttribute("role", "row");
  ["Before", "After"].forEach(function (name) {
    var cell = el("div", null, name);
    cell.setAttribute("role", "columnheader");
    head.appendChild(cell);
  });
  root.appendChild(head);
  return root;
}

/** Appends one row of the side-by-side view (and its noise bar) to
 * `parent`; `root` is the view, for move links. */
function appendRow(root, row, index, options, parent) {
  var line = el("div", "sd-row sd-" + row.kind + (row.cosmetic ? " sd-row-cosmetic" : ""));
  line.id = "sd-row-" + index;
  line.dataset.kind = row.kind;
  line.setAttribute("role", "row");
  // The row's number (the "row N" of the ledger's and the move links),
  // on its first cell: CSS shows it in the gutter as generated content,
  // so it is no part of a copied passage, and a screen reader hears
  // "Row N:" as the row begins.
  var left = side(row, true, index + 1);
  var right = side(row, false);
  notes(row, right);
  if (row.kind === "moved" && row.partner != null) {
    line.tabIndex = -1;
    (row.before == null ? right : left).appendChild(moveLink(row, root));
  }
  if (row.kind === "equal" && row.before === row.after) {
    // The same words on both sides are read once, as one cell that
    // spans both columns. The After side's fold follows the Before
    // side's, so it leaves the Tab order with the rest of its cell.
    left.setAttribute("aria-colspan", "2");
    right.setAttribute("aria-hidden", "true");
    right.querySelectorAll(".sd-fold").forEach(function (b) {
      b.tabIndex = -1;
    });
  }
  line.appendChild(left);
  line.appendChild(right);
  var bar = place(parent || root, row, line, options);
  if (bar) {
    bar.setAttribute("role", "row");
    bar.firstChild.setAttribute("role", "cell");
    bar.firstChild.setAttribute("aria-colspan", "2");
  }
}

/** Inline: one column, deletions and insertions in reading order. */
function inlineRoot(options) {
  var root = el("div", "sd-inline-view" + (options.hideCosmetic ? " sd-hide-cosmetic" : ""));
  root.setAttribute("role", "group");
  root.setAttribute("aria-label", "Inline: deletions and insertions in reading order");
  return root;
}

/** Appends one line of the inline view (and its noise bar) to `parent`.
 * A noise line holds each side's furniture, labelled when it has both. */
function appendLine(root, row, index, options, parent) {
  var line = el("div", "sd-line sd-" + row.kind + (row.cosmetic ? " sd-row-cosmetic" : ""));
  line.id = "sd-row-" + index;
  line.dataset.kind = row.kind;
  line.dataset.row = String(index);
  line.dataset.n = String(index + 1);
  line.dir = "auto";
  if (row.kind === "noise") {
    ["before", "after"].forEach(function (name) {
      if (row[name] == null) return;
      var part = el("div", "sd-noise-" + name);
      if (row.before != null && row.after != null) part.appendChild(el("span", "sd-tag", name === "before" ? "Before" : "After"));
      fill(part, row, trimEnd([["", row[name], false]]));
      line.appendChild(part);
    });
  } else {
    fill(line, row, inlineRuns(row));
    notes(row, line);
    if (row.kind === "moved" && row.partner != null) {
      line.tabIndex = -1;
      line.appendChild(moveLink(row, root));
    }
  }
  place(parent || root, row, line, options);
}

var SIDE = { root: viewRoot, row: appendRow };
var INLINE = { root: inlineRoot, row: appendLine };

/** A whole view of a model at once. */
function build(layout, model, options) {
  options = options || {};
  var root = layout.root(options);
  model.rows.forEach(function (row, index) {
    layout.row(root, row, index, options);
  });
  return root;
}

/** The side-by-side view of a model, as a DOM element. `options.showNoise`
 * shows noise rows in full (else each collapses to a bar with a toggle);
 * `options.hideCosmetic` shows cosmetic differences as plain text. */
export function view(model, options) {
  return build(SIDE, model, options);
}

/** The inline (unified) view of a model, as a DOM element; `options` as
 * for `view`. Rows keep the ids and kinds of the side-by-side view. */
export function inlineView(model, options) {
  return build(INLINE, model, options);
}

/** Rows one slice of `viewInto` builds at most, however fast the
 * machine: so a slice is small on any machine, and a test can tell a
 * result built in slices from one built whole without timing anything. */
var SLICE_ROWS = 200;

/** Shows a model in `element` a slice at a time, yielding to the browser
 * between slices (at most `budgetMs` of work or SLICE_ROWS rows each), so
 * that a long result never freezes the page: the ledger, then the
 * side-by-side view, or the inline view when `options.inline`; `options`
 * otherwise as for `view`.
 * `onProgress(done, total)` follows along. Returns a Promise that settles
 * (true) when every row is in; `cancel()` on it stops the rest (a newer
 * result replaces this one; it then settles false). */
export function viewInto(element, model, options, onProgress, budgetMs) {
  options = options || {};
  var layout = options.inline ? INLINE : SIDE;
  var root = layout.root(options);
  var rows = model.rows;
  var next = 0;
  var cancelled = false;
  var budget = budgetMs || 12;
  // The ledger (summary, quotes, figures) stands above the rows, as in
  // render.
  element.replaceChildren(ledger(model), root);
  var done = new Promise(function (resolve) {
    function slice() {
      if (cancelled) return resolve(false);
      var start = performance.now();
      var part = document.createDocumentFragment();
      var last = Math.min(rows.length, next + SLICE_ROWS);
      while (next < last && performance.now() - start < budget) {
        layout.row(root, rows[next], next, options, part);
        next++;
      }
      root.appendChild(part);
      if (onProgress) onProgress(next, rows.length);
      if (next < rows.length) later(slice);
      else resolve(true);
    }
    slice();
  });
  done.cancel = function () {
    cancelled = true;
  };
  return done;
}

/** Runs `f` after the browser has had a turn (input, paint). */
function later(f) {
  if (typeof requestAnimationFrame === "function" && !document.hidden) {
    requestAnimationFrame(function () {
      setTimeout(f, 0);
    });
  } else {
    setTimeout(f, 0);
  }
}
