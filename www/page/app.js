/* The page: two text areas, compare as you type, the result side by side. */
import StoryDiff from "../api.js";
import { OPTIONS } from "../core/options.js";
import { SEEDS } from "./seeds.js";
import { page } from "./state.js";

var before = document.getElementById("before");
var after = document.getElementById("after");
var result = document.getElementById("result");
var resultInline = document.getElementById("result-inline");
var status = document.getElementById("status");
var live = document.getElementById("live");
var progress = document.getElementById("progress");
var warning = document.getElementById("input-warning");
var exampleNote = document.getElementById("example-note");
var timer = 0;
/** Every option's checkbox, checked or not (`page.readOptions` gives only
 * those checked, for links and the store). */
function options() {
  var out = {};
  OPTIONS.forEach(function (option) {
    var box = document.getElementById("opt-" + option.attribute);
    if (box) out[option.key] = box.checked;
  });
  return out;
}

/** The status line's account of a model: the ledger's counts line
 * (StoryDiff.summary, read off the model's stats), then what the counts
 * leave out. */
function summary(model) {
  var text = StoryDiff.summary(model);
  if (model.rows.some(function (row) { return row.kind === "noise"; })) text += " (page furniture set aside)";
  var endings = model.line_endings;
  if (endings) text += " · line endings changed: " + endings.before.toUpperCase() + " → " + endings.after.toUpperCase();
  return text;
}

// The comparison runs in the page's one Web Worker (StoryDiff.compareAsync)
// and the result is shown a slice at a time (StoryDiff.viewInto), so typing
// and scrolling never wait for it. One comparison at a time is in the
// worker: input that arrives meanwhile is compared when it answers (the
// newest input only, however many changes came), and an answer to older
// input is never shown (`current`, the generation of the input, says which
// is newest). The worker is kept, never stopped for newer input.
var busy = false;
var again = false;
var current = 0;
var showing = null;
var shown = null;

/** Shows a model in the view the reader chose (page.view, which ui.js
 * keeps: "side" in #result, "inline" in #result-inline), a slice at a
 * time; the other view is emptied, so only one is ever built. */
function show(model, opts, onProgress) {
  if (showing) showing.cancel();
  var inline = page.view === "inline";
  (inline ? result : resultInline).replaceChildren();
  shown = { model: model, opts: opts };
  showing = StoryDiff.viewInto(inline ? resultInline : result, model, Object.assign({}, opts, { inline: inline }), onProgress);
  return showing;
}

/** Shows the current model again, in the view now chosen (ui.js calls
 * it when the reader switches views). A Promise as viewInto's. */
page.showAgain = function () {
  return shown ? show(shown.model, shown.opts) : Promise.resolve(false);
};

/** Settles true once `model` is shown in full, in whichever view (a
 * switch of view part way starts it again in the other), or false when
 * a newer model replaced it. */
function whenShown(model) {
  var mine = showing;
  return mine.then(function (complete) {
    if (complete) return true;
    return showing !== mine && shown && shown.model === model ? whenShown(model) : false;
  });
}

/** Marks the result busy (aria-busy) from the moment an input is newer
 * than what it shows until that input's comparison is shown in full, so
 * assistive technology (and the tests) know whether what they read is
 * the comparison of the texts now in the page. */
function setBusy(on) {
  [result, resultInline].forEach(function (box) {
    if (on) box.setAttribute("aria-busy", "true");
    else box.removeAttribute("aria-busy");
  });
}

function size(text) {
  var kb = text.length / 1024;
  return kb >= 1024 ? (kb / 1024).toFixed(1) + " MB" : Math.max(1, Math.round(kb)) + " KB";
}

function fail(e) {
  setBusy(false);
  progress.hidden = true;
  var message = e && e.message ? e.message : String(e);
  status.textContent = "Could not compare: " + message + (e && e.internal ? "." : ". Your text is untouched.");
  status.classList.add("sd-error");
}

/** Characters text never holds: C0 and C1 controls other than tab and
 * line breaks, and U+FFFD (bytes that were not UTF-8). */
var STRANGE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffd]/g;

/** Whether a text looks like a binary file (a PDF, an image, a Word
 * file) rather than a story: in its first 64 K characters, more than one
 * in a hundred is a control character or U+FFFD. */
function looksBinary(text) {
  var sample = text.slice(0, 65536);
  var strange = (sample.match(STRANGE) || []).length;
  return strange >= 4 && strange * 100 > sample.length;
}

/** A notice (never a refusal) when a side looks like binary data. */
function warnIfBinary(b, a) {
  var sides = [];
  if (looksBinary(b)) sides.push("Before");
  if (looksBinary(a)) sides.push("After");
  warning.hidden = !sides.length;
  warning.textContent = sides.length
    ? sides.join(" and ") + (sides.length > 1 ? " look" : " looks") +
      " like binary data (a PDF, an image or a Word file?), not text: many of its characters are control codes or unreadable bytes, shown as symbols below. It is compared as it is and nothing was changed; to compare a story, paste its text or open it as .txt or .html."
    : "";
}

/** What the result shows while both texts are empty. */
function invitation() {
  var box = document.createElement("div");
  box.className = "sd-start";
  var p = document.createElement("p");
  p.textContent = "Paste the earlier version of a story into Before and the later one into After (or open a file for each): the comparison appears here as you type.";
  var example = document.createElement("button");
  example.type = "button";
  example.textContent = "Show an example";
  example.title = "Two versions of a CNN story";
  example.addEventListener("click", function () {
    showExample();
    before.dispatchEvent(new Event("input", { bubbles: true }));
    after.dispatchEvent(new Event("input", { bubbles: true }));
    run();
  });
  box.append(p, example);
  return box;
}

/** Stops building the result on show and clears the status line: before
 * a result that is not a comparison (the invitation, a side awaited). */
function stopShowing() {
  if (showing) showing.cancel();
  showing = null;
  shown = null;
  progress.hidden = true;
  status.textContent = "";
  status.classList.remove("sd-error");
}

/** The reader's text replaced one side of the example, and the other
 * side was emptied (paste.js): nothing is compared (the text against
 * nothing is all one change, which nobody asked for) until that side is
 * filled or the example put back. */
function awaitSide(side) {
  stopShowing();
  warnIfBinary(before.value, after.value);
  exampleNote.hidden = true;
  [result, resultInline].forEach(function (box) {
    var start = document.createElement("div");
    start.className = "sd-start";
    var p = document.createElement("p");
    p.textContent =
      "Your text is in " + (side === "After" ? "Before" : "After") + ". Paste or open the " +
      (side === "After" ? "later" : "earlier") + " version in " + side + ": the comparison appears here.";
    start.appendChild(p);
    box.replaceChildren(start);
  });
  setBusy(false);
  document.dispatchEvent(new CustomEvent("storydiff:compared", { detail: { model: null, ms: 0 } }));
}

/** Fills in the example: two versions of a CNN story. */
function showExample() {
  before.value = SEEDS.before;
  after.value = SEEDS.after;
}

/** Newer input came: the result shown (or being shown) is no longer the
 * comparison of the texts, so the rest of it is not built, and a switch
 * of view waits for the newer one. */
function supersede() {
  setBusy(true);
  if (showing) showing.cancel();
  shown = null;
}

function run() {
  clearTimeout(timer);
  // For the features that follow the texts (card.js, paste.js): the
  // texts are read now, whoever set them.
  document.dispatchEvent(new CustomEvent("storydiff:comparing"));
  setDirection(before);
  setDirection(after);
  var token = ++current;
  supersede();
  if (busy) {
    again = true;
    return;
  }
  var awaited = page.awaiting ? page.awaiting() : null;
  if (awaited) {
    awaitSide(awaited);
    return;
  }
  busy = true;
  var b = before.value;
  var a = after.value;
  var opts = options();
  warnIfBinary(b, a);
  // Labelled while the texts are the example, and no longer once the
  // reader types, pastes or opens their own.
  exampleNote.hidden = b !== SEEDS.before || a !== SEEDS.after;
  var started = performance.now();
  // Long inputs show progress; short ones are done before it would show.
  var long = b.length + a.length > 100000;
  if (long) {
    progress.removeAttribute("value");
    progress.hidden = false;
    status.textContent = "Comparing " + size(b) + " with " + size(a) + "…";
    status.classList.remove("sd-error");
  }
  StoryDiff.compareAsync(b, a, opts)
    .then(function (model) {
      if (settle(token)) return;
      var ms = Math.round(performance.now() - started);
      if (!b && !a) {
        // Nothing to compare: say what to do (in either view), not "No
        // changes." over an empty table.
        stopShowing();
        result.replaceChildren(invitation());
        resultInline.replaceChildren(invitation());
        setBusy(false);
        document.dispatchEvent(new CustomEvent("storydiff:compared", { detail: { model: model, ms: ms } }));
        return;
      }
      progress.max = model.rows.length || 1;
      show(model, opts, function (done, total) {
        if (!long) return;
        progress.value = done;
        status.textContent =
          "Compared in " + ms + " ms; showing row " + done.toLocaleString("en") + " of " + total.toLocaleString("en") + "…";
      });
      var line =
        summary(model) + " — compared in " + ms + " ms" + (model.approximate ? " (approximate: the texts were too large or too different for a full comparison in time)" : "");
      status.classList.remove("sd-error");
      if (!long) status.textContent = line;
      whenShown(model).then(function (complete) {
        if (!complete) return;
        if (token === current) setBusy(false);
        progress.hidden = true;
        status.textContent = line;
        // For the share, keep and navigate features (www/ui.js and friends).
        document.dispatchEvent(new CustomEvent("storydiff:compared", { detail: { model: model, ms: ms } }));
      });
    })
    .catch(function (e) {
      if (settle(token)) return;
      fail(e);
    });
}

/** The worker answered the comparison of generation `token`: true when
 * that answer is stale (newer input came meanwhile), which is then
 * compared in its place. */
function settle(token) {
  busy = false;
  if (again) {
    again = false;
    run();
    return true;
  }
  return token !== current;
}

/** A text area's direction from its first letter, so Arabic and Hebrew
 * read right to left. (Not dir="auto": on a 1.4 MB text area Chromium
 * takes seconds to resolve it on every change.) */
function setDirection(area) {
  var letter = /\p{L}/u.exec(area.value.slice(0, 4096));
  var rtl = letter && /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]/u.test(letter[0]);
  area.dir = rtl ? "rtl" : "ltr";
}

/** Compares a moment after typing stops; at once after a paste, a drop
 * or an undo (no more keystrokes are coming). */
function schedule(event) {
  if (!live.checked) return;
  supersede();
  clearTimeout(timer);
  var whole = event && /^(insertFrom|history)/.test(event.inputType || "");
  timer = setTimeout(run, whole ? 0 : 250);
}

OPTIONS.forEach(function (option) {
  var box = document.getElementById("opt-" + option.attribute);
  if (box) box.addEventListener("change", run);
});
before.addEventListener("input", schedule);
after.addEventListener("input", schedule);
[before, after].forEach(function (area) {
  area.addEventListener("input", function () {
    exampleNote.hidden = true;
  });
});
document.getElementById("compare").addEventListener("click", run);

// The example on a first visit only: a page emptied with Clear stays so.
var firstVisit = page.firstVisit !== false;
if (!before.value && !after.value && firstVisit) showExample();
run();
