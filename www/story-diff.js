/* storydiff: compare two versions of a story. One classic script that
 * carries its own WebAssembly, so it works from file:// and from any site.
 * Defines window.StoryDiff = { compare, compareAsync, cancel, render, view,
 * inlineView, viewInto, ledger, summary, readHtml, version }.
 *
 * The same source runs as the page's Web Worker: compareAsync starts a
 * classic worker from a Blob URL whose text is this very function (the
 * glue and the wasm inside it), the only kind of worker file:// allows. */
(function storyDiffFactory() {
  "use strict";

  // The wasm-bindgen glue, wrapped so that a fresh instance can be made:
  // after a panic (a trap: the release build aborts) the old instance's
  // memory may be inconsistent, so it is thrown away, never called again.
  function makeGlue() {
    /*@GLUE@*/
    return wasm_bindgen;
  }

  var WASM_BASE64 = "/*@WASM@*/";
  var KINDS = ["equal", "changed", "added", "removed", "moved", "noise"];
  var TAGS = ["equal", "delete", "insert"];
  var ROW_WIDTH = 8;
  var PIECE_WIDTH = 3;
  var NONE = 0xffffffff;
  var wasmModule = null;
  var glue = null;

  function init() {
    if (glue) return glue;
    if (!wasmModule) {
      var raw = atob(WASM_BASE64);
      var bytes = new Uint8Array(raw.length);
      for (var i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
      wasmModule = new WebAssembly.Module(bytes);
    }
    var fresh = makeGlue();
    fresh.initSync({ module: wasmModule });
    glue = fresh;
    return glue;
  }

  /** Calls into the wasm; on a trap, drops the instance and throws a clear
   * error. The next call starts a fresh instance, so the page stays usable. */
  function call(fn) {
    var g = init();
    try {
      return fn(g);
    } catch (e) {
      if (e instanceof WebAssembly.RuntimeError || e instanceof RangeError) {
        glue = null;
        var error = new Error(
          "storydiff hit an internal error (" + e.message + ") and has been reset; " +
            "your texts are untouched, and comparing again will start afresh"
        );
        error.cause = e;
        error.internal = true;
        throw error;
      }
      throw e;
    }
  }

  /** Compares two texts and returns the model: {rows, approximate, quotes,
   * figures, stats, outlets} (MODEL.md). */
  function compare(before, after, options) {
    before = before == null ? "" : String(before);
    after = after == null ? "" : String(after);
    var packed = call(function (g) {
      return comparePacked(g, before, after, options);
    });
    return unpack(packed, before, after);
  }

  /** The packed result of the wasm's compare. Copying a text into the
   * wasm costs about as much per character as the whole comparison, so a
   * long run of lines that both versions share crosses once, and the wasm
   * puts each text back together from its edges and the run (BENCHMARKS.md,
   * speed3). */
  function comparePacked(g, before, after, options) {
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
  function sharedRun(before, after) {
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
  function commonLength(before, b, after, a, step) {
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

  /** The model from the packed rows and pieces (offsets into the texts). */
  function unpack(packed, before, after) {
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
    if (packed.lineEndings) model.line_endings = { before: packed.lineEndings[0], after: packed.lineEndings[1] };
    return model;
  }

  /** The story's text out of pasted HTML: the page around it dropped, the
   * markup never parsed by the browser. */
  function readHtml(html) {
    html = html == null ? "" : String(html);
    return call(function (g) {
      return g.readHtml(html);
    });
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text != null) node.textContent = text;
    return node;
  }

  /** Shows control characters (NUL, escape...) as visible symbols. */
  function visible(text) {
    return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, function (c) {
      return String.fromCharCode(0x2400 + c.charCodeAt(0));
    });
  }

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

  /** Appends one mark: <del> for "delete", <ins> for "insert". A mark that
   * stands right against one of the other kind ("27 January" struck, then
   * "15 June") is set a little apart by CSS (`sd-joined`): a gap that is
   * no part of the text, so copying still gives the story's words. */
  function mark(parent, tag, text, cosmetic) {
    var name = tag === "delete" ? "del" : "ins";
    var node = el(name, cosmetic ? "sd-cosmetic" : "", text);
    var last = parent.lastChild;
    if (last && last.nodeType === 1 && /^(DEL|INS)$/.test(last.nodeName) && last.nodeName.toLowerCase() !== name) {
      node.classList.add("sd-joined");
    }
    parent.appendChild(node);
    return node;
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
  function view(model, options) {
    return build(SIDE, model, options);
  }

  /** The inline (unified) view of a model, as a DOM element; `options` as
   * for `view`. Rows keep the ids and kinds of the side-by-side view. */
  function inlineView(model, options) {
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
  function viewInto(element, model, options, onProgress, budgetMs) {
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

  function plural(n, one, many) {
    return n + " " + (n === 1 ? one : many || one + "s");
  }

  /** The one line that states a comparison's counts, read off the model's
   * `stats`: the ledger's first line, the page's status, the element's
   * caption and `StoryDiff.summary` all say it in these words. A move is
   * one paragraph (its two rows are its two ends); a paragraph whose
   * changes are all cosmetic is counted apart from those changed. */
  function summary(stats) {
    var parts = [];
    if (stats.wordsAdded || stats.wordsRemoved) {
      parts.push("+" + plural(stats.wordsAdded, "word") + ", \u2212" + plural(stats.wordsRemoved, "word"));
    }
    [
      ["paragraphsChanged", "changed"],
      ["paragraphsAdded", "added"],
      ["paragraphsRemoved", "removed"],
      ["paragraphsMoved", "moved"],
    ].forEach(function (p) {
      if (stats[p[0]]) parts.push(plural(stats[p[0]], "paragraph") + " " + p[1]);
    });
    if (stats.paragraphsCosmetic) parts.push(plural(stats.paragraphsCosmetic, "paragraph") + " with cosmetic changes only");
    var quotes = [];
    if (stats.quotesAdded) quotes.push(stats.quotesAdded + " added");
    if (stats.quotesRemoved) quotes.push(stats.quotesRemoved + " removed");
    if (stats.quotesChanged) quotes.push(stats.quotesChanged + " changed");
    if (quotes.length) parts.push("quotes: " + quotes.join(", "));
    if (stats.figuresChanged) parts.push(plural(stats.figuresChanged, "figure") + " changed");
    return parts.length ? parts.join(" \u00b7 ") : "No changes";
  }

  /** `StoryDiff.summary`: the summary line of a model. */
  function modelSummary(model) {
    return model && model.stats ? summary(model.stats) : "No changes";
  }

  /** A link to a row of the view (either view: both give row N the id
   * `sd-row-N`). */
  function rowLink(before, after) {
    var row = after != null ? after : before;
    if (row == null) return null;
    var a = el("a", "sd-row-link", "row " + (row + 1));
    a.href = "#sd-row-" + row;
    return a;
  }

  var QUOTE_LABELS = {
    changes: { added: "added", removed: "removed", changed: "changed", unchanged: "unchanged" },
    outlets: { added: "only in After", removed: "only in Before", changed: "in both, reworded", unchanged: "in both" },
  };

  function quoteItem(q, labels) {
    var li = el("li", "sd-quote sd-quote-" + q.change);
    li.appendChild(el("span", "sd-badge", labels[q.change]));
    li.appendChild(document.createTextNode(" "));
    var who = q.speaker || "unattributed";
    if (q.beforeSpeaker) who += " (Before: " + q.beforeSpeaker + ")";
    li.appendChild(el("span", q.speaker ? "sd-speaker" : "sd-speaker sd-unknown", who));
    li.appendChild(document.createTextNode(": "));
    var words = el("q");
    if (q.inline && q.inline.length) {
      q.inline.forEach(function (p) {
        if (p.tag === "equal") words.appendChild(document.createTextNode(p.text));
        else mark(words, p.tag, p.text, p.cosmetic);
      });
    } else if (q.change === "removed") {
      words.appendChild(el("del", "", q.before));
    } else if (q.change === "added") {
      words.appendChild(el("ins", "", q.after));
    } else {
      words.textContent = q.after;
    }
    li.appendChild(words);
    if (q.regrouped) li.appendChild(el("span", "sd-ledger-note", " (regrouped)"));
    if (q.beforeAttribution) {
      // The line that attributes a statement was edited ("Health
      // Secretary Matt Hancock said" became "Health and Social Care
      // Secretary…"): the old line struck, the new one marked.
      var line = el("span", "sd-ledger-note sd-attribution", " attributed: ");
      line.appendChild(el("del", "", q.beforeAttribution));
      line.appendChild(document.createTextNode(" \u2192 "));
      line.appendChild(el("ins", "", q.attribution || ""));
      li.appendChild(line);
    }
    var link = rowLink(q.beforeRow, q.afterRow);
    if (link) {
      li.appendChild(document.createTextNode(" "));
      li.appendChild(link);
    }
    return li;
  }

  /** Appends a list of `items` to `box`: the first few shown, the rest
   * folded under "N more". */
  function listInto(box, items, item, noun) {
    var SHOWN = 12;
    var list = el("ul");
    items.slice(0, SHOWN).forEach(function (x) { list.appendChild(item(x)); });
    box.appendChild(list);
    if (items.length > SHOWN) {
      var more = el("details", "sd-more");
      more.appendChild(el("summary", null, plural(items.length - SHOWN, "more " + noun)));
      var rest = el("ul");
      items.slice(SHOWN).forEach(function (x) { rest.appendChild(item(x)); });
      more.appendChild(rest);
      box.appendChild(more);
    }
  }

  /** The fact-checker's ledger of a model (summary, quotes, figures,
   * outlets), as a DOM element; its links reach the rows of `view`. */
  function ledger(model) {
    var root = el("section", "sd-ledger");
    root.setAttribute("aria-label", "Ledger: what changed");
    if (!model.stats) return root;
    root.appendChild(el("p", "sd-stats", summary(model.stats)));
    var outlets = model.outlets;
    if (outlets) {
      root.appendChild(
        el(
          "p",
          "sd-outlets-note",
          "These texts share little wording (" + Math.round(model.stats.sharedWording * 100) +
            "%): they read as two tellings of one event (two outlets, or a rewrite). Sentences are paired by what they report: " +
            outlets.inBoth + " in both, " + outlets.beforeOnly + " only in Before, " + outlets.afterOnly + " only in After."
        )
      );
    }
    var labels = outlets ? QUOTE_LABELS.outlets : QUOTE_LABELS.changes;
    var quotes = model.quotes || [];
    var moved = quotes.filter(function (q) { return q.change !== "unchanged"; });
    var still = quotes.filter(function (q) { return q.change === "unchanged"; });
    if (quotes.length) {
      var box = el("div", "sd-quotes");
      box.appendChild(el("h2", null, "Quotes"));
      if (moved.length) {
        listInto(box, moved, function (q) { return quoteItem(q, labels); }, "quote");
      }
      if (still.length) {
        var details = el("details", "sd-unchanged");
        details.appendChild(el("summary", null, plural(still.length, labels.unchanged + " quote")));
        var ul = el("ul");
        still.forEach(function (q) { ul.appendChild(quoteItem(q, labels)); });
        details.appendChild(ul);
        box.appendChild(details);
      }
      root.appendChild(box);
    }
    var figures = model.figures || [];
    if (figures.length) {
      var fbox = el("div", "sd-figures");
      fbox.appendChild(el("h2", null, "Figures"));
      listInto(fbox, figures, function (f) {
        var li = el("li", "sd-figure");
        li.appendChild(el("del", "", f.before));
        li.appendChild(document.createTextNode(" \u2192 "));
        li.appendChild(el("ins", "", f.after));
        li.appendChild(el("span", "sd-context", " " + f.context));
        var link = rowLink(f.beforeRow, f.afterRow);
        if (link) {
          li.appendChild(document.createTextNode(" "));
          li.appendChild(link);
        }
        return li;
      }, "figure");
      root.appendChild(fbox);
    }
    if (outlets && outlets.sentences.length) {
      // Open: for two tellings of one event, this pairing is the most
      // useful part of the comparison.
      var sd = el("details", "sd-outlets");
      sd.open = true;
      sd.appendChild(el("summary", null, "Sentences, outlet against outlet"));
      var grid = el("div", "sd-pairs");
      var head = el("div", "sd-pair sd-pair-head");
      head.append(el("div", "sd-before", "Before"), el("div", "sd-after", "After"), el("div"));
      grid.appendChild(head);
      outlets.sentences.forEach(function (p) {
        var line = el("div", "sd-pair" + (p.before == null ? " sd-after-only" : p.after == null ? " sd-before-only" : ""));
        line.appendChild(el("div", "sd-before", p.before == null ? "" : p.before));
        line.appendChild(el("div", "sd-after", p.after == null ? "" : p.after));
        var side = el("div", "sd-pair-notes");
        side.appendChild(el("span", "sd-badge", p.before == null ? "only in After" : p.after == null ? "only in Before" : "in both"));
        if (p.quote) side.appendChild(el("span", "sd-badge", "quote"));
        if (p.figure) side.appendChild(el("span", "sd-badge", "figure"));
        var link = rowLink(p.beforeRow, p.afterRow);
        if (link) side.appendChild(link);
        line.appendChild(side);
        grid.appendChild(line);
      });
      sd.appendChild(grid);
      root.appendChild(sd);
    }
    return root;
  }

  /** Compares and renders into `element` (the ledger above the side-by-side
   * view), replacing what it held. */
  function render(element, before, after, options) {
    var model = compare(before, after, options);
    element.replaceChildren(ledger(model), view(model, options));
    return model;
  }

  // ------------------------------------------------------------ worker

  // In the worker: answer each request with the packed result, its arrays
  // transferred, not copied. The page slices its own strings from it.
  if (typeof window === "undefined" && typeof importScripts === "function") {
    self.onmessage = function (event) {
      var q = event.data;
      if (q.texts) {
        try {
          var json = call(function (g) {
            return g.compareHistory(q.texts, q.labels, q.options);
          });
          self.postMessage({ id: q.id, history: json });
        } catch (e) {
          self.postMessage({ id: q.id, error: String(e && e.message ? e.message : e) });
        }
        return;
      }
      try {
        var packed = call(function (g) {
          return comparePacked(g, q.before, q.after, q.options);
        });
        self.postMessage({ id: q.id, packed: packed }, [packed.rows.buffer, packed.pieces.buffer]);
      } catch (e) {
        self.postMessage({ id: q.id, error: String(e && e.message ? e.message : e) });
      }
    };
    return;
  }

  var worker = null;
  var waiting = {};
  var nextId = 1;

  /** The worker, started on first use; null when the page cannot have one
   * (then compareAsync compares on the main thread). */
  function startWorker() {
    if (worker !== null) return worker || null;
    try {
      var source = "(" + storyDiffFactory.toString() + ")();";
      var url = URL.createObjectURL(new Blob([source], { type: "text/javascript" }));
      worker = new Worker(url);
      worker.onmessage = function (event) {
        var m = event.data;
        var job = waiting[m.id];
        delete waiting[m.id];
        if (!job) return;
        if (m.error) job.reject(new Error(m.error));
        else if (m.history !== undefined) job.resolve(JSON.parse(m.history));
        else job.resolve(unpack(m.packed, job.before, job.after));
      };
      worker.onerror = function (event) {
        // A worker that cannot start (a strict CSP, say): every waiting
        // request is answered on the main thread instead.
        event.preventDefault();
        worker = false;
        Object.keys(waiting).forEach(function (id) {
          var job = waiting[id];
          delete waiting[id];
          try {
            job.resolve(
              job.versions
                ? compareHistory(job.versions, job.options)
                : compare(job.before, job.after, job.options)
            );
          } catch (e) {
            job.reject(e);
          }
        });
      };
    } catch (e) {
      worker = false;
    }
    return worker || null;
  }

  /** Stops the comparisons under way in the worker (their Promises reject
   * with an error whose `cancelled` is true); the next compareAsync starts
   * a fresh worker. For when newer input makes them pointless. */
  function cancel() {
    if (!worker) return;
    worker.terminate();
    worker = null;
    Object.keys(waiting).forEach(function (id) {
      var job = waiting[id];
      delete waiting[id];
      var e = new Error("comparison cancelled");
      e.cancelled = true;
      job.reject(e);
    });
  }

  /** Like compare, off the main thread: a Promise of the model. The page
   * stays responsive however long the texts are. */
  function compareAsync(before, after, options) {
    before = before == null ? "" : String(before);
    after = after == null ? "" : String(after);
    return new Promise(function (resolve, reject) {
      var w = startWorker();
      if (!w) {
        resolve(compare(before, after, options));
        return;
      }
      var id = nextId++;
      waiting[id] = { resolve: resolve, reject: reject, before: before, after: after, options: options };
      w.postMessage({ id: id, before: before, after: after, options: options || {} });
    });
  }

  /** The texts and labels of a list of versions: strings, or objects
   * `{ text, label? }`. */
  function versionTexts(versions) {
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

  /** A story's history over its versions, oldest first (MODEL.md, "The
   * history model"): each step's stats, each paragraph's, quote's and
   * figure's life, the changes a later version undid. The steps' rows are
   * not in it: compare the two versions you show. */
  function compareHistory(versions, options) {
    var v = versionTexts(versions);
    return JSON.parse(
      call(function (g) {
        return g.compareHistory(v.texts, v.labels, options || {});
      })
    );
  }

  /** Like compareHistory, off the main thread: a Promise of the history. */
  function compareHistoryAsync(versions, options) {
    var v = versionTexts(versions);
    return new Promise(function (resolve, reject) {
      var w = startWorker();
      if (!w) {
        resolve(compareHistory(versions, options));
        return;
      }
      var id = nextId++;
      waiting[id] = { resolve: resolve, reject: reject, versions: versions, options: options };
      w.postMessage({ id: id, texts: v.texts, labels: v.labels, options: options || {} });
    });
  }

  window.StoryDiff = {
    compare: compare,
    compareAsync: compareAsync,
    compareHistory: compareHistory,
    compareHistoryAsync: compareHistoryAsync,
    cancel: cancel,
    render: render,
    view: view,
    viewInto: viewInto,
    ledger: ledger,
    readHtml: readHtml,
    inlineView: inlineView,
    summary: modelSummary,
    version: "/*@VERSION@*/",
    // For the tests only: the run of lines that crosses once, and how it
    // is widened.
    _sharedRun: sharedRun,
    _commonLength: commonLength,
    // For the tests of the recovery path only: makes the wasm panic.
    _panicForTest: function () {
      return call(function (g) {
        return g.panicForTest();
      });
    },
  };

  // `cargo xtask dist` puts www/element.js here (the <story-diff>
  // element), inside the factory so that it shares `el` and `ledger`
  // without making them public. The worker returned above, so it never
  // runs this.
  /*@ELEMENT@*/
})();
