/* The fact-checker's ledger of a model as DOM: the counts line, quotes,
 * figures and, for two outlets' texts, their sentences paired. */
import { el, mark, visible } from "./dom.js";
import { plural, summary } from "./summary.js";

/** A text of the model as shown: control characters as visible symbols,
 * as in the views (and the CLI's report); none when there is none. */
function shown(text) {
  return text == null ? "" : visible(text);
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
  li.appendChild(el("span", q.speaker ? "sd-speaker" : "sd-speaker sd-unknown", shown(who)));
  li.appendChild(document.createTextNode(": "));
  var words = el("q");
  if (q.inline && q.inline.length) {
    q.inline.forEach(function (p) {
      if (p.tag === "equal") words.appendChild(document.createTextNode(shown(p.text)));
      else mark(words, p.tag, shown(p.text), p.cosmetic);
    });
  } else if (q.change === "removed") {
    words.appendChild(el("del", "", shown(q.before)));
  } else if (q.change === "added") {
    words.appendChild(el("ins", "", shown(q.after)));
  } else {
    words.textContent = shown(q.after);
  }
  li.appendChild(words);
  if (q.regrouped) li.appendChild(el("span", "sd-ledger-note", " (regrouped)"));
  if (q.beforeAttribution) {
    // The line that attributes a statement was edited ("Health
    // Secretary Matt Hancock said" became "Health and Social Care
    // Secretary…"): the old line struck, the new one marked.
    var line = el("span", "sd-ledger-note sd-attribution", " attributed: ");
    line.appendChild(el("del", "", shown(q.beforeAttribution)));
    line.appendChild(document.createTextNode(" \u2192 "));
    line.appendChild(el("ins", "", shown(q.attribution)));
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
export function ledger(model) {
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
      // By default the model lists only the unchanged quotes near a change
      // (MODEL.md); say so, rather than claim they are all there are.
      details.appendChild(el("summary", null, plural(still.length, labels.unchanged + " quote") + " near the changes"));
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
      li.appendChild(el("del", "", shown(f.before)));
      li.appendChild(document.createTextNode(" \u2192 "));
      li.appendChild(el("ins", "", shown(f.after)));
      li.appendChild(el("span", "sd-context", " " + shown(f.context)));
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
      line.appendChild(el("div", "sd-before", shown(p.before)));
      line.appendChild(el("div", "sd-after", shown(p.after)));
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
