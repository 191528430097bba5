/* The <story-diff> custom element: given two <pre slot="before|after">
 * (or two or more <pre slot="version">: their history's timeline first),
 * the ledger above the rows, then the one view that fits its column. Its
 * style lives in its shadow root (element.css, the shared ledger.css, then
 * what the element's ledger does differently). */
import StoryDiff from "../api.js";
import { COMPARE_OPTIONS } from "../core/options.js";
import { el } from "../dom.js";
import { ledger } from "../ledger.js";
import { modelSummary } from "../summary.js";
import elementCss from "./element.css" with { type: "text" };
import marksCss from "../marks.css" with { type: "text" };
import ledgerCss from "../ledger.css" with { type: "text" };
import elementLedgerCss from "./element-ledger.css" with { type: "text" };

var ELEMENT_CSS = [elementCss, marksCss, ledgerCss, elementLedgerCss].join("\n");

// A column narrower than this (a phone, a slim blog column) shows the
// inline view; a wider one, side by side.
var NARROW_REM = 34;

function isNarrow(box) {
  var rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
  return box.clientWidth <= NARROW_REM * rem;
}

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

// The element's attributes for the options compare reads
// ("ignore-case" for ignoreCase...).
var OPTIONS = {};
COMPARE_OPTIONS.forEach(function (option) {
  OPTIONS[option.attribute] = option.key;
});

/** The counts line, as the ledger and the page say it. */
function counts(model) {
  return modelSummary(model) + (model.approximate ? " (approximate)" : "");
}

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
  head.appendChild(el("span", "sd-ledger-counts", counts(model)));
  box.appendChild(head);
  if (body.childNodes.length) box.appendChild(body);
  else box.classList.add("sd-ledger-empty");
  return box;
}

/** <story-diff>: compares <pre slot="before"> with <pre slot="after">
 * (or the texts at before-src / after-src; or, given two or more <pre
 * slot="version">, the story's history: a timeline of the versions above
 * the last step, any step one click away) and shows the result in its
 * shadow root: the ledger (unless ledger="off"; ledger="closed" folds
 * it), then side by side when wide, inline when narrow. */
function elementClass() {
  return class StoryDiffElement extends HTMLElement {
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
        var target = wrap.querySelector('[id="sd-row-' + index + '"]');
        if (target && target.getClientRects().length) target.scrollIntoView({ block: "center" });
      });
      this._pending = 0;
      this._generation = 0;
      this.model = null;
      // Only the view that fits the column is built; when the column
      // crosses the line (a rotated phone, a resized window), the other
      // replaces it, from the same model. The swap waits for the next
      // frame: made inside the observer's callback, it would resize what
      // the observer watches in the same frame.
      this._narrow = false;
      this._view = null;
      var self = this;
      if (typeof ResizeObserver === "function") {
        new ResizeObserver(function () {
          if (!self._view || isNarrow(self._wrap) === self._narrow) return;
          requestAnimationFrame(function () {
            if (self._view && isNarrow(self._wrap) !== self._narrow) self._showView();
          });
        }).observe(this._wrap);
      }
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

    /** The <pre slot="version"> children, oldest first: { text, label }
     * (the label from `data-label` or `title`, else "Version N"). */
    _versions() {
      var pres = this.querySelectorAll(':scope > [slot="version"]');
      return Array.prototype.map.call(pres, function (pre, i) {
        return {
          text: pre.textContent,
          label: pre.getAttribute("data-label") || pre.getAttribute("title") || "Version " + (i + 1),
        };
      });
    }

    /** The timeline of a history: a button for each version (the step into
     * it), the two shown marked, and "First → latest". */
    _timeline() {
      var self = this;
      var h = this._history;
      var n = h.versions.length;
      var box = el("nav", "sd-timeline-box");
      box.setAttribute("aria-label", "Versions");
      var strip = el("ol", "sd-timeline");
      h.versions.forEach(function (v, i) {
        var li = el("li", "sd-timeline-version");
        var b = el("button");
        b.type = "button";
        b.dataset.version = String(i);
        b.appendChild(el("span", "sd-timeline-label", v.label));
        if (v.date) b.appendChild(el("span", "sd-timeline-date", v.date));
        var step = i > 0 ? h.steps[i - 1] : null;
        if (step) {
          b.appendChild(el("span", "sd-timeline-size", "+" + step.stats.wordsAdded + " −" + step.stats.wordsRemoved));
          b.title = modelSummary({ stats: step.stats });
        }
        if (self._pair[0] === i) li.classList.add("sd-timeline-from");
        if (self._pair[1] === i) li.classList.add("sd-timeline-to");
        if (self._pair[1] === i && self._pair[0] === i - 1) b.setAttribute("aria-current", "step");
        b.addEventListener("click", function () {
          self._pick(Math.max(0, i - 1), Math.max(1, i));
        });
        li.appendChild(b);
        strip.appendChild(li);
      });
      var whole = el("button", "sd-timeline-whole", "First → latest");
      whole.type = "button";
      whole.addEventListener("click", function () {
        self._pick(0, n - 1);
      });
      box.append(el("span", "sd-timeline-count", n + " versions"), whole, strip);
      return box;
    }

    /** Shows versions `from` and `to` of the history. */
    _pick(from, to) {
      this._pair = [from, to];
      return this._show(this._versionTexts[from], this._versionTexts[to]);
    }

    _text(side) {
      var pre = this.querySelector(':scope > [slot="' + side + '"]');
      return pre ? pre.textContent : null;
    }

    /** Shows the model's view that fits the column: side by side, or
     * inline when narrow. */
    _showView() {
      this._narrow = isNarrow(this._wrap);
      var view = this._narrow ? StoryDiff.inlineView(this.model) : StoryDiff.view(this.model);
      if (this._view) this._view.replaceWith(view);
      else this._wrap.appendChild(view);
      this._view = view;
    }

    _message(text, isError) {
      this._view = null;
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
      } else if (this._versions().length >= 2) {
        // Several versions: their history, and the last step shown.
        var versions = this._versions();
        try {
          this._history = StoryDiff.compareHistory(versions, this.options());
        } catch (e) {
          this._message("story-diff: could not compare: " + (e && e.message ? e.message : e), true);
          return Promise.resolve(null);
        }
        this._versionTexts = versions.map(function (v) {
          return v.text;
        });
        var n = versions.length;
        this._pair = [n - 2, n - 1];
        texts = Promise.resolve([versions[n - 2].text, versions[n - 1].text]);
      } else {
        this._history = null;
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
      var setting = (this.getAttribute("ledger") || "").toLowerCase();
      // The counts, once: in the ledger's first line, or in a caption when
      // the ledger is off.
      var top = setting === "off" ? el("p", "sd-caption", counts(model)) : ledgerBox(model, setting !== "closed");
      this._view = null;
      this._wrap.replaceChildren(top);
      if (this._history) this._wrap.insertBefore(this._timeline(), top);
      this._showView();
      this.dispatchEvent(
        new CustomEvent("story-diff:rendered", { detail: this._history ? { model: model, history: this._history } : { model: model } })
      );
      return model;
    }
  };
}

/** Registers <story-diff> (once, and only where custom elements exist). */
export function defineElement() {
  if (typeof customElements === "undefined" || typeof HTMLElement === "undefined") return;
  if (customElements.get("story-diff")) return;
  customElements.define("story-diff", elementClass());
}
