/* storydiff, part two: the inline (unified) view and the <story-diff>
 * custom element. `cargo xtask dist` puts this file inside story-diff.js's
 * factory (at its ELEMENT mark), so one classic <script src="story-diff.js">
 * gives a site both window.StoryDiff and <story-diff>, and this code uses
 * the factory's private `el`, `visible`, `ledger` and `summary` (the stats
 * line) rather than copies of them. */
(function () {
  "use strict";
  var StoryDiff = window.StoryDiff;
  var ELEMENT_CSS = "/*@ELEMENT_CSS@*/";

  /** The marked runs of a row in reading order, for the inline view:
   * [mark, text] with mark "", "delete", "insert" or "cosmetic-delete"... */
  function inlineRuns(row) {
    var out = [];
    if (row.inline && row.before != null && row.after != null) {
      row.inline.forEach(function (piece) {
        out.push([piece.tag === "equal" ? "" : piece.tag, piece.text, !!piece.cosmetic]);
      });
    } else if (row.before != null && row.after != null) {
      if (row.before === row.after) out.push(["", row.after, false]);
      else out.push(["delete", row.before, !!row.cosmetic], ["insert", row.after, !!row.cosmetic]);
    } else if (row.before != null) {
      out.push([row.kind === "equal" || row.kind === "noise" ? "" : "delete", row.before, false]);
    } else if (row.after != null) {
      out.push([row.kind === "equal" || row.kind === "noise" ? "" : "insert", row.after, false]);
    }
    // Line breaks at the end of the row are the row's edge, not content.
    while (out.length) {
      var last = out[out.length - 1];
      last[1] = last[1].replace(/[\r\n]+$/, "");
      if (last[1]) break;
      out.pop();
    }
    return out;
  }

  /** The inline (unified) view of a model: one column, deletions and
   * insertions in reading order. Rows keep the ids and kinds of the
   * side-by-side view (`sd-line-N`). */
  function inlineView(model) {
    var root = el("div", "sd-inline-view");
    model.rows.forEach(function (row, index) {
      var line = el("div", "sd-line sd-" + row.kind + (row.cosmetic ? " sd-row-cosmetic" : ""));
      line.id = "sd-line-" + index;
      line.dataset.kind = row.kind;
      line.dataset.row = String(index);
      if (row.kind === "moved") {
        line.appendChild(el("span", "sd-tag", row.after == null ? "moved from here" : "moved here"));
      }
      inlineRuns(row).forEach(function (run) {
        var text = visible(run[1]);
        if (!run[0]) {
          line.appendChild(document.createTextNode(text));
          return;
        }
        line.appendChild(el(run[0] === "delete" ? "del" : "ins", run[2] ? "sd-cosmetic" : "", text));
      });
      root.appendChild(line);
    });
    return root;
  }

  /** A one-line account of a model: "2 changed · 1 added". */
  function rowSummary(model) {
    var counts = {};
    model.rows.forEach(function (row) {
      counts[row.kind] = (counts[row.kind] || 0) + 1;
    });
    var parts = [];
    ["changed", "added", "removed", "moved"].forEach(function (kind) {
      if (counts[kind]) parts.push(counts[kind] + " " + kind);
    });
    return parts.length ? parts.join(" · ") : "no changes";
  }

  StoryDiff.inlineView = inlineView;
  StoryDiff.summary = rowSummary;

  if (typeof customElements === "undefined" || typeof HTMLElement === "undefined") return;
  if (customElements.get("story-diff")) return;

  var sheet = null;
  function styleInto(shadow) {
    // A constructed sheet is shared by every element on the page; where
    // that is not supported, a <style> in each shadow root.
    try {
      if (!sheet) {
        sheet = new CSSStyleSheet();
        sheet.replaceSync(ELEMENT_CSS);
      }
      shadow.adoptedStyleSheets = [sheet];
    } catch (e) {
      shadow.appendChild(el("style", null, ELEMENT_CSS));
    }
  }

  var OPTIONS = {
    "ignore-case": "ignoreCase",
    "ignore-whitespace": "ignoreWhitespace",
    "ignore-punctuation": "ignorePunctuation",
  };

  /** The ledger as the element shows it: a <details> whose summary is the
   * stats line and whose body is the quotes and figures (as the page's
   * ledger), open unless `open` is false. */
  function ledgerBox(model, open) {
    var body = ledger(model);
    var stats = body.querySelector(".sd-stats");
    if (stats) stats.remove();
    var box = el("details", "sd-ledger-box");
    box.open = open;
    var head = el("summary", "sd-ledger-summary");
    head.appendChild(el("span", "sd-ledger-title", "What changed: "));
    head.appendChild(document.createTextNode(model.stats ? summary(model.stats) : "No changes."));
    box.appendChild(head);
    if (body.childNodes.length) box.appendChild(body);
    else box.classList.add("sd-ledger-empty");
    return box;
  }

  /** <story-diff>: compares <pre slot="before"> with <pre slot="after">
   * (or the texts at before-src / after-src) and shows the result in its
   * shadow root: the ledger (unless ledger="off"; ledger="closed" folds
   * it), then side by side when wide, inline when narrow. */
  class StoryDiffElement extends HTMLElement {
    static get observedAttributes() {
      return ["before-src", "after-src", "ledger"].concat(Object.keys(OPTIONS));
    }

    constructor() {
      super();
      this._shadow = this.attachShadow({ mode: "open" });
      styleInto(this._shadow);
      this._wrap = el("div", "sd-wrap");
      this._shadow.appendChild(this._wrap);
      // The ledger's row links ("row 5") point at ids inside the shadow
      // root, which the document's fragment navigation cannot reach.
      this._wrap.addEventListener("click", function (event) {
        var link = event.target.closest && event.target.closest("a.sd-row-link");
        if (!link) return;
        event.preventDefault();
        var index = (link.getAttribute("href") || "").replace("#sd-row-", "");
        var wrap = event.currentTarget;
        var targets = [wrap.querySelector('[id="sd-row-' + index + '"]'), wrap.querySelector('[id="sd-line-' + index + '"]')];
        var target = targets.filter(function (t) { return t && t.getClientRects().length; })[0];
        if (target) target.scrollIntoView({ block: "center" });
      });
      this._pending = 0;
      this._generation = 0;
      this.model = null;
    }

    connectedCallback() {
      var self = this;
      if (!this._observer) {
        // Children may arrive after the element (the parser, or a script).
        this._observer = new MutationObserver(function () {
          self._schedule();
        });
      }
      this._observer.observe(this, { childList: true, subtree: true, characterData: true });
      if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", function () {
          self._schedule();
        }, { once: true });
      }
      this._schedule();
    }

    disconnectedCallback() {
      if (this._observer) this._observer.disconnect();
    }

    attributeChangedCallback() {
      if (this.isConnected) this._schedule();
    }

    _schedule() {
      var self = this;
      clearTimeout(this._pending);
      this._pending = setTimeout(function () {
        self.refresh();
      }, 0);
    }

    options() {
      var options = {};
      var self = this;
      Object.keys(OPTIONS).forEach(function (attribute) {
        if (self.hasAttribute(attribute)) options[OPTIONS[attribute]] = true;
      });
      return options;
    }

    _text(side) {
      var pre = this.querySelector(':scope > [slot="' + side + '"]');
      return pre ? pre.textContent : null;
    }

    _message(text, isError) {
      this._wrap.replaceChildren(el("p", "sd-message" + (isError ? " sd-error" : ""), text));
    }

    /** Reads both texts again and renders; returns a promise of the model. */
    refresh() {
      var self = this;
      var generation = ++this._generation;
      var beforeSrc = this.getAttribute("before-src");
      var afterSrc = this.getAttribute("after-src");
      var texts;
      if (beforeSrc || afterSrc) {
        if (!/^https?:$/.test(location.protocol)) {
          this._message("story-diff: before-src and after-src need the page to be served over http(s); put the texts in <pre slot=\"before\"> and <pre slot=\"after\"> instead.", true);
          return Promise.resolve(null);
        }
        var get = function (src, side) {
          if (!src) return Promise.resolve(self._text(side) || "");
          return fetch(src).then(function (response) {
            if (!response.ok) throw new Error("could not load " + src + " (" + response.status + ")");
            return response.text();
          });
        };
        this._message("Loading…", false);
        texts = Promise.all([get(beforeSrc, "before"), get(afterSrc, "after")]);
      } else {
        var before = this._text("before");
        var after = this._text("after");
        if (before == null && after == null) {
          if (document.readyState !== "loading") {
            this._message('story-diff: put the two versions in <pre slot="before"> and <pre slot="after">.', false);
          }
          return Promise.resolve(null);
        }
        texts = Promise.resolve([before || "", after || ""]);
      }
      return texts.then(
        function (pair) {
          if (generation !== self._generation) return self.model;
          return self._show(pair[0], pair[1]);
        },
        function (error) {
          if (generation === self._generation) self._message("story-diff: " + (error && error.message ? error.message : error), true);
          return null;
        }
      );
    }

    _show(before, after) {
      var model;
      try {
        model = StoryDiff.compare(before, after, this.options());
      } catch (e) {
        this._message("story-diff: could not compare: " + (e && e.message ? e.message : e), true);
        return null;
      }
      this.model = model;
      var caption = el("p", "sd-caption", rowSummary(model) + (model.approximate ? " (approximate)" : ""));
      var setting = (this.getAttribute("ledger") || "").toLowerCase();
      var parts = [caption];
      if (setting !== "off") parts.push(ledgerBox(model, setting !== "closed"));
      var wide = StoryDiff.view(model);
      wide.setAttribute("role", "group");
      wide.setAttribute("aria-label", "Side by side: Before on the left, After on the right");
      var narrow = inlineView(model);
      narrow.setAttribute("role", "group");
      narrow.setAttribute("aria-label", "Inline: deletions and insertions in reading order");
      this._wrap.replaceChildren.apply(this._wrap, parts.concat([wide, narrow]));
      this.dispatchEvent(new CustomEvent("story-diff:rendered", { detail: { model: model } }));
      return model;
    }
  }

  customElements.define("story-diff", StoryDiffElement);
})();
