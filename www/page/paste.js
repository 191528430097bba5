/* Pastes that cost what a `value` costs. The browser's own paste of a
 * megabyte into a text area is one task of seconds (Chromium builds an
 * undo step and lays the text out); setting the text is milliseconds. So
 * a plain-text paste of PASTE_CHARS or more, and every rich-text paste (its
 * story read by the Rust reader), is put in by the page: the text replaces
 * the selection as a paste would (`setRangeText`), then the page hears an
 * `input` as it does from typing. Since that skips the browser's undo, the
 * page keeps its own: "Undo paste" in #input-notice, and Ctrl+Z / Cmd+Z in
 * that text area (or its card) right after the paste, put back the text and
 * the selection as they were. A smaller plain-text paste is the browser's
 * own (its undo included).
 *
 * Also here: a whole side pasted, opened or dropped while the page shows its
 * example replaces the example, so the example's other side is emptied
 * (never compared with the reader's text), with "Put the example back". */
import StoryDiff from "../api.js";
import { CARD_CHARS, areaOf, cardBefore, nameText, sizeOf } from "./card.js";
import { SEEDS } from "./seeds.js";
import { page } from "./state.js";

/** From this many characters a plain-text paste is the page's. */
export var PASTE_CHARS = 64 * 1024;

var before = document.getElementById("before");
var after = document.getElementById("after");
var notice = document.getElementById("input-notice");

/** The page's last paste, while its undo still applies: the text area,
 * its text, selection and direction before, its text after; the other
 * side's text before and after (emptied when the paste replaced the
 * example). */
var undo = null;
/** The example's side emptied by a text of the reader's: the side, the
 * example's text, and the side and text that replaced the example. */
var emptied = null;
/** A paste the browser makes itself, until its `input`. */
var pending = null;

function otherOf(area) {
  return area === before ? after : before;
}

function nameOf(area) {
  return area === before ? "Before" : "After";
}

function showsExample() {
  return before.value === SEEDS.before && after.value === SEEDS.after;
}

/** After a whole side was replaced by the reader's own text while the
 * page showed its example: the other side (the example's) is emptied. */
function leaveExample(area) {
  var other = otherOf(area);
  var example = area === before ? SEEDS.before : SEEDS.after;
  if (area.value === example) return;
  emptied = { area: other, text: other.value, by: area, byText: area.value };
  other.value = "";
}

/** Puts `text` in place of the text area's selection, as a paste does,
 * with the page's own undo, and tells the page (`input`). */
function insert(area, text) {
  var other = otherOf(area);
  var was = {
    area: area,
    text: area.value,
    start: area.selectionStart,
    end: area.selectionEnd,
    direction: area.selectionDirection,
    otherText: other.value,
  };
  var example = showsExample();
  var whole = was.start === 0 && was.end === was.text.length;
  if (was.text.length - (was.end - was.start) + text.length >= CARD_CHARS) cardBefore(area);
  area.setRangeText(text, was.start, was.end, "end");
  nameText(area.value, "Pasted text");
  if (example && whole) leaveExample(area);
  was.pasted = area.value;
  was.otherAfter = other.value;
  was.size = sizeOf(text);
  undo = was;
  area.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertFromPaste" }));
  render();
}

/** Puts back the text area (and the other side) as they were before the
 * page's last paste, selection included. */
function undoPaste() {
  var u = undo;
  if (!valid(u)) return;
  undo = null;
  var other = otherOf(u.area);
  if (other.value !== u.otherText) {
    other.value = u.otherText;
    emptied = null;
  }
  u.area.value = u.text;
  u.area.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "historyUndo" }));
  // The text area may be a card again (card.js), if the text before was
  // large: then the card takes the focus.
  u.area.setSelectionRange(u.start, u.end, u.direction);
  if (!u.area.hidden) u.area.focus();
  else document.getElementById(u.area.id + "-card").focus();
  render();
}

function putExampleBack() {
  var e = emptied;
  if (!stillEmptied(e)) return;
  emptied = null;
  e.area.value = e.text;
  e.area.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertReplacementText" }));
  render();
}

/** Whether the page's undo still applies: the text area holds what the
 * paste made, and the other side what the paste left there (or the
 * example put back). */
function valid(u) {
  if (!u || u.area.value !== u.pasted) return false;
  var other = otherOf(u.area).value;
  return other === u.otherAfter || other === u.otherText;
}

function stillEmptied(e) {
  return !!e && e.area.value === "" && e.by.value === e.byText;
}

function button(label, run) {
  var b = document.createElement("button");
  b.type = "button";
  b.textContent = label;
  b.addEventListener("click", run);
  return b;
}

/** #input-notice: what the last paste did, and how to take it back. */
function render() {
  if (!valid(undo)) undo = null;
  if (!stillEmptied(emptied)) emptied = null;
  var parts = [];
  if (undo) {
    parts.push(document.createTextNode("Pasted " + undo.size + " into " + nameOf(undo.area) + ". "), button("Undo paste", undoPaste));
  }
  if (emptied) {
    if (parts.length) parts.push(document.createTextNode(" "));
    parts.push(
      document.createTextNode(
        "The example’s " + nameOf(emptied.area) + " was emptied, so your text is not compared with it: paste or open yours there. "
      ),
      button("Put the example back", putExampleBack)
    );
  }
  notice.replaceChildren.apply(notice, parts);
  notice.hidden = !parts.length;
}

/** The story's text when the clipboard holds rich text (HTML): the Rust
 * reader's, as a string (the HTML is never put into this page's DOM);
 * null when there is none. */
function storyOf(data) {
  if (Array.prototype.indexOf.call(data.types || [], "text/html") < 0) return null;
  try {
    var text = StoryDiff.readHtml(data.getData("text/html"));
    return text.trim() ? text : null;
  } catch (e) {
    return null; // the plain text goes ahead
  }
}

function onPaste(event) {
  var area = event.target;
  var data = event.clipboardData;
  pending = null;
  if (!data) return;
  var text = storyOf(data);
  if (text == null) {
    text = data.getData("text/plain");
    if (text.length < PASTE_CHARS) {
      // The browser's own paste (and undo); its `input` follows.
      pending = {
        area: area,
        example: showsExample(),
        whole: area.selectionStart === 0 && area.selectionEnd === area.value.length,
      };
      return;
    }
  }
  event.preventDefault();
  insert(area, text);
}

[before, after].forEach(function (area) {
  area.addEventListener("paste", onPaste);
  area.addEventListener("input", function (event) {
    var p = pending;
    pending = null;
    if (p && p.area === area && event.inputType === "insertFromPaste" && p.example && p.whole) leaveExample(area);
    render();
  });
});

// Ctrl+Z (Cmd+Z) right after the page's paste, in its text area or the
// card that stands for it: the page's undo, before the browser's.
document.addEventListener(
  "keydown",
  function (event) {
    if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey || event.key.toLowerCase() !== "z") return;
    if (!valid(undo) || areaOf(event.target) !== undo.area) return;
    event.preventDefault();
    undoPaste();
  },
  true
);

document.addEventListener("storydiff:comparing", render);

/** The side ("Before" or "After") emptied of the example for the
 * reader's text, while it is still empty: app.js then waits for the
 * reader's text there instead of comparing with nothing. */
page.awaiting = function () {
  return stillEmptied(emptied) ? nameOf(emptied.area) : null;
};

/** Puts a file's text in a side (ui.js: opened or dropped): as a paste of
 * the whole side, it replaces the example, if that is what the page
 * shows. */
export function openSide(area, text, name) {
  var example = showsExample();
  area.value = text;
  nameText(area.value, name);
  if (example) leaveExample(area);
  render();
}
