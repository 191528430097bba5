/* storydiff, part two: the inline (unified) view and the <story-diff>
 * custom element. `cargo xtask dist` appends this file to story-diff.js, so
 * one classic <script src="story-diff.js"> gives a site both
 * window.StoryDiff and <story-diff>. */
(function () {
  "use strict";
  var StoryDiff = window.StoryDiff;
  var ELEMENT_CSS = "/*@ELEMENT_CSS@*/";

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text != null) node.textContent = text;
    return node;
  }

  function visible(text) {
    return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, function (c) {
      return String.fromCharCode(0x2400 + c.charCodeAt(0));
    });
  }

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
  function summary(model) {
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
  StoryDiff.summary = summary;

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

  /** <story-diff>: compares <pre slot="before"> with <pre slot="after">
   * (or the texts at before-src / after-src) and shows the result in its
   * shadow root: side by side when wide, inline when narrow. */
  class StoryDiffElement extends HTMLElement {
    static get observedAttributes() {
      return ["before-src", "after-src"].concat(Object.keys(OPTIONS));
    }

    constructor() {
      super();
      this._shadow = this.attachShadow({ mode: "open" });
      styleInto(this._shadow);
      this._wrap = el("div", "sd-wrap");
      this._shadow.appendChild(this._wrap);
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
      var caption = el("p", "sd-caption", summary(model) + (model.approximate ? " (approximate)" : ""));
      var wide = StoryDiff.view(model);
      wide.setAttribute("role", "group");
      wide.setAttribute("aria-label", "Side by side: Before on the left, After on the right");
      var narrow = inlineView(model);
      narrow.setAttribute("role", "group");
      narrow.setAttribute("aria-label", "Inline: deletions and insertions in reading order");
      this._wrap.replaceChildren(caption, wide, narrow);
      this.dispatchEvent(new CustomEvent("story-diff:rendered", { detail: { model: model } }));
      return model;
    }
  }

  customElements.define("story-diff", StoryDiffElement);
})();
