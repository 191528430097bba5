/* Nothing lost: the two texts (and the options) are kept in localStorage
 * as a person edits them, and put back when the page opens again, until
 * they press Clear. Runs before app.js, so a kept draft is in the text
 * areas before the first comparison; with nothing kept, app.js shows the
 * seed example. Also holds the page's helpers for notices, options and texts (on
 * `page`, page/state.js). */
import { OPTIONS } from "../core/options.js";
import { drop, whenIdle } from "./idle.js";
import { page } from "./state.js";

// The draft: each text under its own key, as it is (no JSON to escape a
// megabyte through), and the options as JSON. Version 1 kept all three
// in one JSON value under "storydiff.draft.v1"; such a draft is still
// read, and replaced by the first keep.
var KEY = "storydiff.draft.v2";
var KEYS = { before: KEY + ".before", after: KEY + ".after", options: KEY + ".options" };
var OLD_KEY = "storydiff.draft.v1";
// What the store holds now, so that a keep writes only the text that
// changed (typing in one side rewrites that side only).
var stored = { before: null, after: null };
var before = document.getElementById("before");
var after = document.getElementById("after");
var noticeEl = document.getElementById("share-notice");
var dirty = false;

/** Shows a message under the toolbar, with optional action buttons:
 * actions = [{label, run}]. An empty text hides it. */
page.notice = function (text, options) {
  options = options || {};
  noticeEl.replaceChildren();
  noticeEl.hidden = !text;
  noticeEl.classList.toggle("sd-error", !!options.error);
  if (!text) return;
  noticeEl.appendChild(document.createTextNode(text));
  (options.actions || []).forEach(function (action) {
    var button = document.createElement("button");
    button.type = "button";
    button.textContent = action.label;
    button.addEventListener("click", action.run);
    noticeEl.appendChild(document.createTextNode(" "));
    noticeEl.appendChild(button);
  });
};

/** The comparison options a link and the store carry, and the page's
 * checkbox for each: id "opt-ignore-case" for ignoreCase, and so on (or
 * any input marked data-sd-option="ignoreCase"). */
function optionBox(option) {
  return (
    document.getElementById("opt-" + option.attribute) ||
    document.querySelector('input[data-sd-option="' + option.key + '"]')
  );
}
page.readOptions = function () {
  var options = {};
  OPTIONS.forEach(function (option) {
    var box = optionBox(option);
    if (box && box.checked) options[option.key] = true;
  });
  return options;
};
page.applyOptions = function (options) {
  OPTIONS.forEach(function (option) {
    var box = optionBox(option);
    if (box) box.checked = !!(options && options[option.key] === true);
  });
};

/** The page's state: what a link or the store holds. */
page.state = function () {
  return { before: before.value, after: after.value, options: page.readOptions() };
};

/** Sets both texts (and options) as if typed, keeps them (once the
 * result is shown), compares. */
page.setTexts = function (b, a, options) {
  before.value = b;
  after.value = a;
  if (options) page.applyOptions(options);
  page.keepSoon();
  document.getElementById("compare").click();
};

function load() {
  try {
    var b = localStorage.getItem(KEYS.before);
    var a = localStorage.getItem(KEYS.after);
    if (b != null && a != null) {
      stored = { before: b, after: a };
      return { before: b, after: a, options: JSON.parse(localStorage.getItem(KEYS.options) || "{}") };
    }
    var raw = localStorage.getItem(OLD_KEY);
    if (!raw) return null;
    var draft = JSON.parse(raw);
    if (!draft || typeof draft.before !== "string" || typeof draft.after !== "string") return null;
    return draft;
  } catch (e) {
    return null;
  }
}

/** Stores the current texts now. */
page.keep = function () {
  drop("draft");
  dirty = false;
  var state = page.state();
  try {
    ["before", "after"].forEach(function (side) {
      if (state[side] === stored[side]) return;
      // Unknown while it is written: a failed write may leave either.
      stored[side] = null;
      localStorage.setItem(KEYS[side], state[side]);
      stored[side] = state[side];
    });
    localStorage.setItem(KEYS.options, JSON.stringify(state.options));
    localStorage.removeItem(OLD_KEY);
    page.kept = true;
  } catch (e) {
    // Too large: nothing half-kept is put back later.
    page.forget();
    page.kept = false;
    page.notice(
      "These texts are too large for this browser to keep (" +
        Math.round((before.value.length + after.value.length) / 1024) +
        " KB): they will not survive closing the tab. Export them if you need them later.",
      { error: true }
    );
  }
};

/** Forgets the stored draft (either version). */
page.forget = function () {
  drop("draft");
  dirty = false;
  stored = { before: null, after: null };
  try {
    [KEYS.before, KEYS.after, KEYS.options, OLD_KEY].forEach(function (key) {
      localStorage.removeItem(key);
    });
  } catch (e) {
    /* nothing stored, nothing to forget */
  }
};

/** Stores the current texts when the browser is idle and the result is
 * shown (idle.js): a megabyte written to localStorage waits for the
 * comparison, never the other way round. */
page.keepSoon = function () {
  dirty = true;
  whenIdle("draft", flush);
};
before.addEventListener("input", page.keepSoon);
after.addEventListener("input", page.keepSoon);
document.addEventListener("change", function (event) {
  var target = event.target;
  if (target && target.id && (target.id.indexOf("opt-") === 0 || target.hasAttribute("data-sd-option"))) page.keepSoon();
});
// A tab closed, reloaded or hidden before the idle keep still keeps the
// last keystrokes.
function flush() {
  if (dirty) page.keep();
}
window.addEventListener("pagehide", flush);
document.addEventListener("visibilitychange", function () {
  if (document.visibilityState === "hidden") flush();
});

var draft = load();
// Whether this browser has never opened the page: only then does app.js
// show the example (after Clear, an empty page stays empty).
var SEEN = "storydiff.seen.v1";
try {
  page.firstVisit = !draft && !localStorage.getItem(SEEN);
  localStorage.setItem(SEEN, "1");
} catch (e) {
  page.firstVisit = !draft;
}
page.restored = false;
if (draft && !before.value && !after.value) {
  before.value = draft.before;
  after.value = draft.after;
  page.applyOptions(draft.options);
  page.restored = true;
}
