/* storydiff: compare two versions of a story. One classic script that
 * carries its own WebAssembly, so it works from file:// and from any site.
 * Defines window.StoryDiff = { compare, render, view, readHtml, version }. */
(function () {
  "use strict";

  /*@GLUE@*/

  var WASM_BASE64 = "/*@WASM@*/";
  var KINDS = ["equal", "changed", "added", "removed", "moved", "noise"];
  var TAGS = ["equal", "delete", "insert"];
  var ROW_WIDTH = 8;
  var PIECE_WIDTH = 3;
  var NONE = 0xffffffff;
  var ready = false;

  function init() {
    if (ready) return;
    var raw = atob(WASM_BASE64);
    var bytes = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
    wasm_bindgen.initSync({ module: bytes });
    ready = true;
  }

  /** Compares two texts and returns the model: {rows, approximate}. */
  function compare(before, after, options) {
    before = before == null ? "" : String(before);
    after = after == null ? "" : String(after);
    init();
    var packed = wasm_bindgen.comparePacked(before, after, options || {});
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
    return { rows: rows, approximate: packed.approximate };
  }

  /** The story's text out of pasted HTML: the page around it dropped, the
   * markup never parsed by the browser. */
  function readHtml(html) {
    init();
    return wasm_bindgen.readHtml(html == null ? "" : String(html));
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

  /** The marked runs of one side of a row, line breaks at the end trimmed. */
  function runs(row, before) {
    var text = before ? row.before : row.after;
    if (text == null) return [];
    var out;
    // A moved row's ends show its own word diff, each on its side.
    if (row.inline) {
      var side = before ? "delete" : "insert";
      out = [];
      row.inline.forEach(function (piece) {
        if (piece.tag === "equal") out.push(["", piece.text]);
        else if (piece.tag === side) out.push([piece.cosmetic ? "cosmetic" : piece.tag, piece.text]);
      });
    } else {
      var mark = row.kind === "removed" ? "delete" : row.kind === "added" ? "insert" : "";
      out = [[mark, text]];
    }
    while (out.length) {
      var last = out[out.length - 1];
      last[1] = last[1].replace(/[\r\n]+$/, "");
      if (last[1]) break;
      out.pop();
    }
    return out;
  }

  function side(row, before) {
    var cell = el("div", before ? "sd-before" : "sd-after");
    if ((before ? row.before : row.after) == null) cell.classList.add("sd-empty");
    runs(row, before).forEach(function (run) {
      var mark = run[0];
      var text = visible(run[1]);
      if (!mark) {
        cell.appendChild(document.createTextNode(text));
        return;
      }
      var tag = mark === "delete" || (mark === "cosmetic" && before) ? "del" : "ins";
      var node = el(tag, mark === "cosmetic" ? "sd-cosmetic" : "", text);
      cell.appendChild(node);
    });
    return cell;
  }

  function lineCount(text) {
    return text == null ? 0 : text.split("\n").filter(function (l) { return l.trim(); }).length;
  }

  /** The bar that stands for a collapsed noise row, with its toggle. */
  function noiseBar(row, line, shown) {
    var counts = [];
    var b = lineCount(row.before);
    var a = lineCount(row.after);
    if (b) counts.push(b + (b === 1 ? " line" : " lines") + " Before");
    if (a) counts.push(a + (a === 1 ? " line" : " lines") + " After");
    var bar = el("div", "sd-noise-bar");
    bar.appendChild(el("span", null, "Page furniture set aside: " + counts.join(", ") + ". "));
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
    bar.appendChild(button);
    return bar;
  }

  /** The link from one end of a move to the other. */
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

  /** The side-by-side view of a model, as a DOM element. `options.showNoise`
   * shows noise rows in full (else each collapses to a bar with a toggle);
   * `options.hideCosmetic` shows cosmetic differences as plain text. */
  function view(model, options) {
    options = options || {};
    var root = el("div", "sd-view" + (options.hideCosmetic ? " sd-hide-cosmetic" : ""));
    var head = el("div", "sd-head");
    head.appendChild(el("div", null, "Before"));
    head.appendChild(el("div", null, "After"));
    root.appendChild(head);
    model.rows.forEach(function (row, index) {
      var line = el("div", "sd-row sd-" + row.kind + (row.cosmetic ? " sd-row-cosmetic" : ""));
      line.id = "sd-row-" + index;
      line.dataset.kind = row.kind;
      var left = side(row, true);
      var right = side(row, false);
      if (row.split) right.appendChild(el("span", "sd-note", "split in two"));
      if (row.merged) right.appendChild(el("span", "sd-note", "two paragraphs merged"));
      if (row.kind === "moved" && row.partner != null) {
        line.tabIndex = -1;
        (row.before == null ? right : left).appendChild(moveLink(row, root));
      }
      line.appendChild(left);
      line.appendChild(right);
      if (row.kind === "noise") {
        line.hidden = !options.showNoise;
        root.appendChild(noiseBar(row, line, !!options.showNoise));
      }
      root.appendChild(line);
    });
    return root;
  }

  /** Compares and renders into `element`, replacing what it held. */
  function render(element, before, after, options) {
    var model = compare(before, after, options);
    element.replaceChildren(view(model, options));
    return model;
  }

  window.StoryDiff = { compare: compare, render: render, view: view, readHtml: readHtml, version: "/*@VERSION@*/" };
})();
