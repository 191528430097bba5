/* A story's whole history: several versions dropped at once (or added one
 * by one), a timeline strip of the versions, the history's ledger (figures'
 * lines of values, quotes' lives, changes undone) above the view, and any
 * two versions compared in the text areas as two are. The history is read
 * in the worker (StoryDiff.compareHistoryAsync); the page compares only the
 * two versions it shows. The versions are kept in this browser
 * (localStorage) until Clear. Runs before app.js: a drop of several files
 * is caught here, before ui.js opens the first of them as one side. */
import StoryDiff from "../api.js";
import { page } from "./state.js";

var KEY = "storydiff.history.v1";
/** Most figures, quotes and undone changes listed. */
var LIST = 12;

var versions = []; // { label, text }
var history = null; // the model, once read
var pair = null; // [from, to] shown
var asked = 0; // the newest history request

var before = document.getElementById("before");
var after = document.getElementById("after");
var result = document.getElementById("result");

function el(tag, className, text) {
  var node = document.createElement(tag);
  if (className) node.className = className;
  if (text != null) node.textContent = text;
  return node;
}

// ---------------------------------------------------------------- state

/** Name order with runs of digits by value: "v2" before "v10". */
function nameOrder(a, b) {
  var re = /(\d+)|(\D+)/g;
  var pa = a.match(re) || [];
  var pb = b.match(re) || [];
  for (var i = 0; i < Math.min(pa.length, pb.length); i++) {
    var x = pa[i];
    var y = pb[i];
    var dx = /^\d/.test(x);
    var dy = /^\d/.test(y);
    if (dx && dy) {
      var nx = x.replace(/^0+/, "");
      var ny = y.replace(/^0+/, "");
      if (nx.length !== ny.length) return nx.length - ny.length;
      if (nx !== ny) return nx < ny ? -1 : 1;
    } else if (x !== y) {
      return x < y ? -1 : 1;
    }
  }
  return pa.length - pb.length || (a < b ? -1 : a > b ? 1 : 0);
}

function keepVersions() {
  try {
    if (versions.length) {
      localStorage.setItem(KEY, JSON.stringify({ v: 1, versions: versions, pair: pair }));
    } else {
      localStorage.removeItem(KEY);
    }
  } catch (e) {
    page.notice("These versions are too large to keep in this browser; they stay until you leave the page.", { error: true });
  }
}

function restoreVersions() {
  try {
    var kept = JSON.parse(localStorage.getItem(KEY) || "null");
    if (!kept || kept.v !== 1 || !Array.isArray(kept.versions)) return;
    versions = kept.versions
      .filter(function (v) {
        return v && typeof v.text === "string";
      })
      .map(function (v, i) {
        return { label: typeof v.label === "string" ? v.label : "Version " + (i + 1), text: v.text };
      });
    if (versions.length < 2) {
      versions = [];
      return;
    }
    pair = Array.isArray(kept.pair) ? kept.pair : [versions.length - 2, versions.length - 1];
  } catch (e) {
    versions = [];
  }
}

/** Shows versions `from` and `to` in the text areas and compares them. */
function showPair(from, to) {
  if (!versions[from] || !versions[to]) return;
  pair = [from, to];
  keepVersions();
  page.setTexts(versions[from].text, versions[to].text);
  paint();
}

/** Reads the history of the versions (in the worker), then paints it. */
function readHistory() {
  var mine = ++asked;
  history = null;
  paint();
  if (versions.length < 2) return;
  StoryDiff.compareHistoryAsync(versions, page.readOptions ? page.readOptions() : {})
    .then(function (h) {
      if (mine !== asked) return;
      history = h;
      paint();
      document.dispatchEvent(new CustomEvent("storydiff:history", { detail: { history: h } }));
    })
    .catch(function (e) {
      if (mine !== asked) return;
      // A newer comparison cancelled the worker: read it again after.
      if (e && e.cancelled) {
        document.addEventListener("storydiff:compared", readHistory, { once: true });
        return;
      }
      page.notice("Could not read the history: " + (e && e.message ? e.message : e), { error: true });
    });
}

/** Sets the versions (oldest first) and shows the last step. */
function setVersions(list, note) {
  versions = list;
  pair = [versions.length - 2, versions.length - 1];
  if (note) page.notice(note);
  showPair(pair[0], pair[1]);
  readHistory();
}

async function readFiles(files) {
  var list = Array.prototype.slice.call(files);
  list.sort(function (a, b) {
    return nameOrder(a.name, b.name);
  });
  var out = [];
  for (var i = 0; i < list.length; i++) {
    var file = list[i];
    if (!/\.(txt|text|md|html?|xhtml)$/i.test(file.name) && !/^text\//.test(file.type)) continue;
    var text = await file.text();
    if (/\.(html?|xhtml)$/i.test(file.name) || /html/.test(file.type)) {
      text = StoryDiff.readHtml(text);
    }
    out.push({ label: file.name, text: text });
  }
  return out;
}

// ---------------------------------------------------------------- paint

var box = el("section", "sd-history");
box.id = "history";
box.setAttribute("aria-label", "The story's versions");
box.hidden = true;
result.parentNode.insertBefore(box, document.getElementById("share-notice"));

function stepWords(stats) {
  return "+" + stats.wordsAdded + " −" + stats.wordsRemoved;
}

function select(id, label, value) {
  var wrap = el("label", "sd-history-pick", label + " ");
  var s = el("select");
  s.id = id;
  versions.forEach(function (v, i) {
    var o = el("option", null, i + 1 + ". " + v.label);
    o.value = String(i);
    s.appendChild(o);
  });
  s.value = String(value);
  wrap.appendChild(s);
  return wrap;
}

/** The step into version `k` in a few words: its first figure that
 * changed (not the page's own date: the value that is the date the
 * version carries), else its first quote that came, changed or went,
 * else its counts. */
function headline(h, k) {
  var date = h.versions[k].date;
  for (var f = 0; f < h.figures.length; f++) {
    var line = h.figures[f];
    for (var i = 1; i < line.values.length; i++) {
      var v = line.values[i];
      if (v.version === k && v.value !== date) return line.values[i - 1].value + " → " + v.value;
    }
  }
  for (var q = 0; q < h.quotes.length; q++) {
    var life = h.quotes[q];
    var who = life.speaker || "unattributed";
    if (life.appeared === k) return "Quote added (" + who + ")";
    if (life.went === k) return "Quote removed (" + who + ")";
    for (var c = 0; c < life.changes.length; c++) {
      if (life.changes[c].version === k) return "Quote changed (" + who + ")";
    }
  }
  // The counts, without the words the size already says.
  return StoryDiff.summary({ stats: h.steps[k - 1].stats }).replace(/^\+[^·]*· /, "");
}

function paint() {
  box.hidden = versions.length < 2;
  if (box.hidden) {
    box.replaceChildren();
    return;
  }
  var n = versions.length;
  var head = el("div", "sd-history-head");
  head.appendChild(el("strong", null, n + " versions"));
  var last = el("button", null, "Last step");
  last.type = "button";
  last.id = "history-last";
  last.addEventListener("click", function () {
    showPair(n - 2, n - 1);
  });
  var whole = el("button", null, "First → latest");
  whole.type = "button";
  whole.id = "history-whole";
  whole.addEventListener("click", function () {
    showPair(0, n - 1);
  });
  var from = select("history-from", "Compare", pair ? pair[0] : n - 2);
  var to = select("history-to", "with", pair ? pair[1] : n - 1);
  [from, to].forEach(function (wrap) {
    wrap.querySelector("select").addEventListener("change", function () {
      showPair(Number(from.querySelector("select").value), Number(to.querySelector("select").value));
    });
  });
  var forget = el("button", null, "Forget versions");
  forget.type = "button";
  forget.addEventListener("click", clearVersions);
  head.append(last, whole, from, to, forget);
  if (!history) head.appendChild(el("span", "sd-history-busy", "Reading the history…"));

  var strip = el("ol", "sd-timeline");
  strip.setAttribute("aria-label", "Timeline: choose a version to see the step into it");
  versions.forEach(function (v, i) {
    var li = el("li", "sd-timeline-version");
    var b = el("button");
    b.type = "button";
    b.dataset.version = String(i);
    b.appendChild(el("span", "sd-timeline-label", v.label));
    var info = history && history.versions[i];
    if (info && info.date) b.appendChild(el("span", "sd-timeline-date", info.date));
    var step = history && i > 0 ? history.steps[i - 1] : null;
    if (step) {
      b.appendChild(el("span", "sd-timeline-size", stepWords(step.stats)));
      b.appendChild(el("span", "sd-timeline-headline", headline(history, i)));
      b.title = StoryDiff.summary({ stats: step.stats });
    } else if (i === 0) {
      b.appendChild(el("span", "sd-timeline-size", "first"));
    }
    if (pair && (pair[0] === i || pair[1] === i)) {
      li.classList.add(pair[0] === i ? "sd-timeline-from" : "sd-timeline-to");
    }
    if (pair && pair[1] === i && pair[0] === i - 1) b.setAttribute("aria-current", "step");
    b.addEventListener("click", function () {
      if (i === 0) showPair(0, Math.min(1, n - 1));
      else showPair(i - 1, i);
    });
    li.appendChild(b);
    strip.appendChild(li);
  });
  var parts = [head, strip];
  if (history) parts.push(ledger(history));
  box.replaceChildren.apply(box, parts);
}

function short(text) {
  return text.length > 120 ? text.slice(0, 119) + "…" : text;
}

/** The history's ledger: figures' lines of values, quotes' lives, changes
 * undone. */
function ledger(h) {
  var label = function (v) {
    return h.versions[v].label;
  };
  var root = el("div", "sd-history-ledger");
  var p = h.paragraphs;
  var added = p.filter(function (x) { return x.appeared > 0; }).length;
  var changed = p.filter(function (x) { return x.changed.length > 0; }).length;
  var went = p.filter(function (x) { return x.went != null; }).length;
  root.appendChild(
    el("p", "sd-stats", p.length + " paragraphs in all: " + added + " added after the first version, " + changed + " changed, " + went + " removed")
  );
  function list(title, items, line) {
    if (!items.length) return;
    var section = el("div", "sd-history-list");
    section.appendChild(el("h2", null, title));
    var ul = el("ul");
    items.slice(0, LIST).forEach(function (item) {
      ul.appendChild(line(item));
    });
    if (items.length > LIST) ul.appendChild(el("li", null, "… and " + (items.length - LIST) + " more"));
    section.appendChild(ul);
    root.appendChild(section);
  }
  list("Figures", h.figures, function (f) {
    var li = el("li", "sd-history-figure");
    f.values.forEach(function (v, i) {
      if (i) li.appendChild(document.createTextNode(" → "));
      var value = el("button", "sd-history-value", v.value);
      value.type = "button";
      value.title = label(v.version);
      value.addEventListener("click", function () {
        if (i > 0) showPair(f.values[i - 1].version, v.version);
      });
      li.appendChild(value);
    });
    li.appendChild(el("span", "sd-context", " " + short(f.context)));
    return li;
  });
  var lives = h.quotes.filter(function (q) {
    return q.changes.length || q.appeared > 0 || q.went != null;
  });
  list("Quotes", lives, function (q) {
    var events = [];
    if (q.appeared > 0) events.push("added in " + label(q.appeared));
    q.changes.forEach(function (c) {
      events.push(c.beforeSpeaker ? "given to " + (c.speaker || "no one") + " (was " + c.beforeSpeaker + ") in " + label(c.version) : "reworded in " + label(c.version));
    });
    if (q.went != null) events.push("removed in " + label(q.went));
    var li = el("li", "sd-history-quote");
    li.appendChild(el("span", "sd-speaker", q.speaker || "unattributed"));
    li.appendChild(document.createTextNode(": " + events.join(", ") + ": "));
    li.appendChild(el("q", null, short(q.words)));
    return li;
  });
  list("Undone", h.undone, function (u) {
    var li = el("li", "sd-history-undone");
    var what = u.kind === "edit" ? "An edit of " : "A removal in ";
    li.appendChild(document.createTextNode(what + label(u.changed) + " put back in " + label(u.undone) + ": "));
    li.appendChild(el("q", null, short(u.text)));
    return li;
  });
  return root;
}

// ---------------------------------------------------------------- input

function clearVersions() {
  versions = [];
  history = null;
  pair = null;
  asked++;
  keepVersions();
  paint();
}

function hasFiles(event) {
  return event.dataTransfer && Array.prototype.indexOf.call(event.dataTransfer.types, "Files") >= 0;
}

// Several files dropped anywhere on the page (the text areas included):
// the versions of one story, in name order. One file is ui.js's: one side.
document.addEventListener(
  "dragover",
  function (event) {
    if (hasFiles(event)) event.preventDefault();
  },
  false
);
document.addEventListener(
  "drop",
  function (event) {
    var files = event.dataTransfer && event.dataTransfer.files;
    if (!files || !files.length) return;
    if (files.length < 2) {
      // One file on a text area is ui.js's; elsewhere, not a page to open.
      if (event.target !== before && event.target !== after) {
        event.preventDefault();
        page.notice("Drop one file on Before or After, or two or more anywhere: the versions of one story.");
      }
      return;
    }
    event.preventDefault();
    event.stopPropagation();
    [before, after].forEach(function (a) {
      a.classList.remove("sd-drop");
    });
    readFiles(files).then(function (list) {
      if (list.length < 2) {
        page.notice("Drop two or more .txt or .html files: the versions of one story.", { error: true });
        return;
      }
      setVersions(list, "Opened " + list.length + " versions, in name order; showing the last step.");
    });
  },
  true
);

// "Add versions…": files added after the versions there are; with none
// yet, the two text areas are the first two.
var controls = document.querySelector(".sd-controls");
var add = el("label", "sd-file", "Add versions… ");
add.title = "Add .txt or .html files as later versions of the story";
var picker = el("input");
picker.type = "file";
picker.id = "add-versions";
picker.multiple = true;
picker.accept = ".txt,.text,.html,.htm,text/plain,text/html";
picker.setAttribute("aria-label", "Add files as later versions");
add.appendChild(picker);
var keepAfter = el("button", null, "Add After as a version");
keepAfter.type = "button";
keepAfter.id = "add-after";
keepAfter.title = "Keep the text in After (pasted, say) as the next version of the story";
controls.insertBefore(keepAfter, document.getElementById("progress"));
controls.insertBefore(add, keepAfter);

function start() {
  if (versions.length) return versions.slice();
  var out = [];
  if (before.value.trim()) out.push({ label: "Version 1", text: before.value });
  return out;
}

picker.addEventListener("change", function () {
  var files = picker.files;
  readFiles(files).then(function (list) {
    picker.value = "";
    var all = start().concat(list);
    if (!versions.length && after.value.trim() && all.length) all.splice(1, 0, { label: "Version 2", text: after.value });
    if (all.length < 2) {
      page.notice("Add at least two versions of the story.", { error: true });
      return;
    }
    setVersions(all, "Added " + list.length + " version" + (list.length === 1 ? "" : "s") + "; showing the last step.");
  });
});

keepAfter.addEventListener("click", function () {
  var all = start();
  if (!after.value.trim()) {
    page.notice("After is empty: paste the next version there first.", { error: true });
    return;
  }
  var last = all[all.length - 1];
  if (last && last.text === after.value) {
    page.notice("After is already the latest version.");
    return;
  }
  all.push({ label: "Version " + (all.length + 1), text: after.value });
  if (all.length < 2) {
    page.notice("Kept After as version 1; paste the next version in After and add it too.");
    versions = all;
    keepVersions();
    return;
  }
  setVersions(all, "Added After as version " + all.length + ".");
});

document.getElementById("clear").addEventListener("click", clearVersions);
var optionsBox = document.querySelector(".sd-options");
if (optionsBox) {
  optionsBox.addEventListener("change", function () {
    if (versions.length >= 2) readHistory();
  });
}

/** A link's versions (permalink.js), its pair already in the text
 * areas; none: the versions kept here are forgotten. */
function open(list, shown) {
  if (!list || list.length < 2) {
    if (versions.length) clearVersions();
    return;
  }
  versions = list;
  pair = shown || [list.length - 2, list.length - 1];
  keepVersions();
  readHistory();
}

page.history = {
  versions: function () {
    return versions.slice();
  },
  pair: function () {
    return pair ? pair.slice() : null;
  },
  open: open,
  model: function () {
    return history;
  },
  setVersions: setVersions,
  showPair: showPair,
};

restoreVersions();
if (versions.length >= 2) {
  // The text areas hold the kept draft (storage.js); the history is read
  // again from the kept versions.
  paint();
  window.addEventListener("load", readHistory, { once: true });
}
