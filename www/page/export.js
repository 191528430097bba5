/* Exports: the comparison as a self-contained HTML snippet, as Markdown
 * (the ledger, then Before / After for each change), as JSON (the model),
 * and printed.
 * Everything a story says is escaped: the HTML snippet is serialised from
 * DOM built with textContent, and Markdown escapes its special characters. */
import StoryDiff from "../api.js";
import { page } from "./state.js";

/* The snippet's own stylesheet, every rule under .storydiff-snippet so
   it neither leaks into nor (mostly) gives way to a blog's theme. */
var SNIPPET_CSS = [
  ".storydiff-snippet{container-type:inline-size;font:15px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1b1b1b;background:#fff;margin:1em 0}",
  ".storydiff-snippet *{box-sizing:border-box}",
  ".storydiff-snippet .sd-caption{font-size:.85em;color:#5f6368;margin:0 0 .3em}",
  ".storydiff-snippet .sd-view{border:1px solid #d0d4d9;border-radius:4px;overflow-wrap:anywhere}",
  ".storydiff-snippet .sd-head,.storydiff-snippet .sd-row{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr)}",
  ".storydiff-snippet .sd-head{font-weight:600;border-bottom:1px solid #d0d4d9}",
  ".storydiff-snippet .sd-head>div{padding:.25em .6em}",
  ".storydiff-snippet .sd-row>div{padding:.3em .6em;white-space:pre-wrap;border-bottom:1px solid #eef0f2;min-width:0}",
  ".storydiff-snippet .sd-before{border-right:1px solid #d0d4d9}",
  ".storydiff-snippet .sd-equal>div,.storydiff-snippet .sd-noise>div{color:#5f6368}",
  ".storydiff-snippet .sd-changed{background:#fffbea}",
  ".storydiff-snippet .sd-moved{box-shadow:inset 4px 0 0 #6a3d9a}",
  ".storydiff-snippet .sd-empty{background:repeating-linear-gradient(135deg,transparent 0 6px,#f3f3f3 6px 12px)}",
  ".storydiff-snippet del{background:#fde0c5;color:#7a3300;text-decoration:line-through}",
  ".storydiff-snippet ins{background:#cfe6fb;color:#003e73;text-decoration:underline}",
  ".storydiff-snippet .sd-cosmetic{background:#ecebf5;color:inherit;text-decoration-style:dotted}",
  ".storydiff-snippet ins::before,.storydiff-snippet ins::after,.storydiff-snippet del::before,.storydiff-snippet del::after{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(100%);white-space:nowrap}",
  ".storydiff-snippet ins::before{content:' [inserted: '}",
  ".storydiff-snippet del::before{content:' [deleted: '}",
  ".storydiff-snippet ins::after,.storydiff-snippet del::after{content:'] '}",
  // Row numbers in a gutter (the move links name them), while there is
  // room for two columns; the one column below labels its sides instead.
  "@container not (max-width:34rem){.storydiff-snippet .sd-row{position:relative}.storydiff-snippet .sd-head,.storydiff-snippet .sd-row{padding-left:2.2em}.storydiff-snippet .sd-row>[data-n]::before{content:attr(data-n) / 'Row ' attr(data-n) ': ';position:absolute;left:0;width:2.6em;text-align:right;font-size:.75em;line-height:2;color:#5f6368;font-variant-numeric:tabular-nums}}",
  ".storydiff-snippet .sd-ledger{margin:0 0 .6em;overflow-wrap:anywhere}",
  ".storydiff-snippet .sd-stats{font-weight:600;margin:.2em 0}",
  ".storydiff-snippet .sd-ledger h2{font-size:1em;margin:.5em 0 .2em}",
  ".storydiff-snippet .sd-ledger ul{margin:0;padding-left:1.2em}",
  ".storydiff-snippet .sd-ledger li{margin:.15em 0}",
  ".storydiff-snippet .sd-outlets-note{border-left:4px solid #6a3d9a;padding:.3em .6em;margin:.4em 0}",
  ".storydiff-snippet .sd-badge{display:inline-block;font-size:.75em;font-weight:600;text-transform:uppercase;padding:0 .35em;border:1px solid currentColor;border-radius:3px;color:#5f6368}",
  ".storydiff-snippet .sd-speaker{font-weight:600}",
  ".storydiff-snippet .sd-unknown{font-weight:normal;font-style:italic;color:#5f6368}",
  ".storydiff-snippet .sd-ledger-note,.storydiff-snippet .sd-context{color:#5f6368}",
  "@container (max-width:34rem){.storydiff-snippet .sd-head{display:none}.storydiff-snippet .sd-row{grid-template-columns:minmax(0,1fr)}.storydiff-snippet .sd-before{border-right:0}.storydiff-snippet .sd-row>.sd-empty{display:none}.storydiff-snippet .sd-before::before,.storydiff-snippet .sd-after::before{display:block;font-size:.75em;font-weight:600;color:#5f6368}.storydiff-snippet .sd-before::before{content:'Before'}.storydiff-snippet .sd-after::before{content:'After'}}",
].join("\n");

/** A self-contained, styled HTML snippet of the side-by-side view. */
function html(model) {
  var box = document.createElement("div");
  box.className = "storydiff-snippet";
  var style = document.createElement("style");
  style.textContent = SNIPPET_CSS;
  box.appendChild(style);
  var caption = document.createElement("p");
  caption.className = "sd-caption";
  // The counts follow in the ledger's first line.
  caption.textContent = "Compared with storydiff. Deletions struck through, insertions underlined.";
  box.appendChild(caption);
  // The ledger (summary, quotes with speakers, figures) before the rows,
  // as on the page; its links to rows would point nowhere once the ids
  // go, and the outlet-against-outlet sentences repeat the rows.
  var ledger = StoryDiff.ledger(model);
  ledger.querySelectorAll(".sd-row-link, .sd-outlets").forEach(function (node) {
    node.remove();
  });
  ledger.querySelectorAll("li").forEach(function (li) {
    // The space that stood before a removed link.
    if (li.lastChild && li.lastChild.nodeType === 3 && li.lastChild.data === " ") li.lastChild.remove();
  });
  box.appendChild(ledger);
  var view = StoryDiff.view(model);
  // Ids of the page's rows would clash with the host page's.
  view.querySelectorAll("[id]").forEach(function (node) {
    node.removeAttribute("id");
  });
  box.appendChild(view);
  // The serialiser escapes &, <, > and quotes in text and attributes.
  return box.outerHTML + "\n";
}

/** Backslash-escapes what Markdown would read as markup. */
function escapeMarkdown(text) {
  return text
    .replace(/([\\`*_{}\[\]<>~|#&!])/g, "\\$1")
    .replace(/^(\s*)([-+=>])/gm, "$1\\$2")
    .replace(/^(\s*\d+)([.)])/gm, "$1\\$2");
}

/** One side of a change as Markdown, marks kept (strike / bold), white
 * space kept outside the marks, every line quoted. */
function markdownSide(row, side) {
  var text = side === "before" ? row.before : row.after;
  if (text == null) return "> *(nothing)*";
  var out = "";
  var mark = side === "before" ? "~~" : "**";
  var own = side === "before" ? "delete" : "insert";
  var pieces = row.inline && row.before != null && row.after != null
    ? row.inline.filter(function (p) { return p.tag === "equal" || p.tag === own; })
    : [{ tag: row.kind === "added" || row.kind === "removed" ? own : "equal", text: text }];
  pieces.forEach(function (piece) {
    // A mark cannot span a line break: mark each line's run on its own.
    piece.text.split(/(\r?\n)/).forEach(function (part) {
      if (/^\r?\n$/.test(part)) {
        out += "\n";
        return;
      }
      if (piece.tag === "equal" || !part.trim()) {
        out += escapeMarkdown(part);
        return;
      }
      var lead = part.match(/^\s*/)[0];
      var trail = part.match(/\s*$/)[0];
      out += lead + mark + escapeMarkdown(part.trim()) + mark + trail;
    });
  });
  out = out.replace(/\s+$/, "").replace(/\n{3,}/g, "\n\n");
  return out
    .split("\n")
    .map(function (line) {
      return line ? "> " + line : ">";
    })
    .join("\n");
}

/** One line of Markdown from a story's words: escaped, and on one line
 * (a list item or a mark cannot span a line break). */
function inlineText(text) {
  return escapeMarkdown(String(text).replace(/\s+/g, " ").trim());
}

/** A run of words struck through or in bold, white space kept outside
 * the marks. */
function marked(text, mark) {
  var one = String(text).replace(/\s+/g, " ");
  if (!one.trim()) return one;
  var lead = one.match(/^\s*/)[0];
  var trail = one.match(/\s*$/)[0];
  return lead + mark + escapeMarkdown(one.trim()) + mark + trail;
}

/** The ledger as Markdown: the stats line, the quotes that changed (with
 * their speakers) and the figures that changed. */
function markdownLedger(model) {
  var lines = [];
  var ledger = StoryDiff.ledger(model);
  var stats = ledger.querySelector(".sd-stats");
  if (stats) lines.push("**" + inlineText(stats.textContent) + "**", "");
  var outlets = !!model.outlets;
  var labels = outlets
    ? { added: "Only in After", removed: "Only in Before", changed: "In both, reworded" }
    : { added: "Added", removed: "Removed", changed: "Changed" };
  var quotes = (model.quotes || []).filter(function (q) { return q.change !== "unchanged"; });
  if (quotes.length) {
    lines.push(outlets ? "**Quotes, outlet against outlet:**" : "**Quotes that changed:**", "");
    quotes.forEach(function (q) {
      var who = q.speaker ? "**" + inlineText(q.speaker) + "**" : "*unattributed*";
      if (q.beforeSpeaker) who += " (Before: " + inlineText(q.beforeSpeaker) + ")";
      var words;
      if (q.inline && q.inline.length) {
        words = q.inline.map(function (p) {
          if (p.tag === "equal") return escapeMarkdown(String(p.text).replace(/\s+/g, " "));
          return marked(p.text, p.tag === "delete" ? "~~" : "**");
        }).join("").trim();
      } else if (q.change === "removed") {
        words = marked(q.before, "~~").trim();
      } else if (q.change === "added") {
        words = marked(q.after, "**").trim();
      } else {
        words = inlineText(q.after != null ? q.after : q.before);
      }
      var attributed = q.beforeAttribution
        ? " (attributed: " + marked(q.beforeAttribution, "~~").trim() + " \u2192 " + marked(q.attribution || "", "**").trim() + ")"
        : "";
      lines.push("- " + labels[q.change] + ": " + who + ": \u201c" + words + "\u201d" + (q.regrouped ? " (regrouped)" : "") + attributed);
    });
    lines.push("");
  }
  var figures = model.figures || [];
  if (figures.length) {
    lines.push("**Figures that changed:**", "");
    figures.forEach(function (f) {
      lines.push("- " + marked(f.before, "~~").trim() + " \u2192 " + marked(f.after, "**").trim() + (f.context ? " (" + inlineText(f.context) + ")" : ""));
    });
    lines.push("");
  }
  return lines;
}

/** Markdown for a blog post: the ledger, then one entry per change (a run of changed,
 * added and removed rows with nothing equal between them is one change),
 * each with its Before and After. */
function markdown(model) {
  var changes = [];
  var numberOf = {};
  var open = null;
  model.rows.forEach(function (row, index) {
    var quiet = row.kind === "equal" || row.kind === "noise" || (row.kind === "changed" && row.cosmetic);
    if (quiet || row.kind === "moved") open = null;
    if (quiet) return;
    if (row.kind === "moved") {
      changes.push({ moved: row, rows: [row] });
    } else if (open) {
      open.rows.push(row);
    } else {
      open = { rows: [row] };
      changes.push(open);
    }
    numberOf[index] = changes.length;
  });
  // The counts come first in the ledger's lines.
  var lines = ["## What changed", "", "*Deleted words ~~struck through~~, inserted words in **bold**.*", ""];
  lines = lines.concat(markdownLedger(model));
  if (!changes.length) lines.push("The two versions say the same thing.", "");
  function side(rows, name) {
    var parts = rows
      .filter(function (row) { return row[name] != null; })
      .map(function (row) { return markdownSide(row, name); });
    return parts.length ? parts.join("\n>\n") : "> *(nothing)*";
  }
  changes.forEach(function (change, n) {
    var title;
    if (change.moved) {
      var row = change.moved;
      var other = numberOf[row.partner];
      title = (row.after == null ? "Moved from here" : "Moved here") + (other ? " (see " + other + ")" : "");
      var name = row.after == null ? "before" : "after";
      lines.push("### " + (n + 1) + ". " + title, "", name === "before" ? "**Before:**" : "**After:**", "", markdownSide(row, name), "");
      return;
    }
    var kinds = {};
    change.rows.forEach(function (row) { kinds[row.kind] = true; });
    title = kinds.changed || (kinds.added && kinds.removed) ? "Changed" : kinds.added ? "Added" : "Removed";
    lines.push("### " + (n + 1) + ". " + title, "", "**Before:**", "", side(change.rows, "before"), "", "**After:**", "", side(change.rows, "after"), "");
  });
  return lines.join("\n");
}

/** The model as JSON, as `storydiff --json` prints it. */
function json(model) {
  return JSON.stringify(model, null, 2) + "\n";
}

var dialog = document.getElementById("export-dialog");
var dialogText = document.getElementById("export-text");

/** Shows text to copy by hand, selected (when the clipboard says no). */
function showToCopy(title, why, text) {
  document.getElementById("export-title").textContent = title;
  document.getElementById("export-why").textContent = why;
  dialogText.value = text;
  if (dialog.showModal) dialog.showModal();
  else dialog.setAttribute("open", "");
  dialogText.focus();
  dialogText.select();
}

/** Copies text to the clipboard, saying so (and `note`, when given,
 * after); falls back to a dialog. */
page.copy = async function (text, what, title, note) {
  var after = note ? " " + note : "";
  try {
    await navigator.clipboard.writeText(text);
    page.notice("Copied " + what + " to the clipboard." + after);
  } catch (e) {
    showToCopy(title || "Copy this", "This browser did not allow copying to the clipboard: select all and copy " + what + " by hand." + after, text);
  }
};

var FORMATS = {
  html: [html, "the comparison as an HTML snippet", "Copy as HTML"],
  markdown: [markdown, "the comparison as Markdown", "Copy as Markdown"],
  json: [json, "the comparison as JSON", "Copy as JSON"],
};

page.exportAs = function (format) {
  if (!page.model) {
    page.notice("Compare first: there is nothing to export yet.", { error: true });
    return;
  }
  var f = FORMATS[format];
  return page.copy(f[0](page.model), f[1], f[2]);
};

document.addEventListener("storydiff:compared", function (event) {
  page.model = event.detail.model;
});
["html", "markdown", "json"].forEach(function (format) {
  document.getElementById("export-" + format).addEventListener("click", function () {
    page.exportAs(format);
  });
});
document.getElementById("export-close").addEventListener("click", function () {
  if (dialog.close) dialog.close();
  else dialog.removeAttribute("open");
});
document.getElementById("print").addEventListener("click", function () {
  window.print();
});
