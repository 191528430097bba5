/* Large texts that do not freeze the editor: a text area holding a
 * megabyte costs the browser seconds of layout whenever it shows or
 * changes. So while a side holds CARD_CHARS or more, its text area is
 * hidden and a compact card stands in its place: the text's name (the
 * file's, or "Pasted text"), its size, its paragraphs, its first lines
 * (as text) and an Edit button that brings the text area back (then it
 * stays, until the side gets a new text or a small one). The text area
 * still holds the text: everything else reads it as before. */
/** From this many characters a side is shown as a card. */
export var CARD_CHARS = 200000;
/** First lines the card shows, and characters of each. */
var LINES = 4;
var LINE_CHARS = 160;

var areas = [document.getElementById("before"), document.getElementById("after")];
var sides = areas.map(makeCard);
/** Names given to texts (a file's name), by text: a name holds while
 * its side holds that very text, wherever it moves (Swap). */
var names = [];

/** "1.4 MB", "12 KB". */
export function sizeOf(text) {
  var kb = text.length / 1024;
  return kb >= 1024 ? (kb / 1024).toFixed(1) + " MB" : Math.max(1, Math.round(kb)) + " KB";
}

/** Gives `text` a name for its card (a file's name, "Pasted text"). */
export function nameText(text, name) {
  names = names.filter(function (n) {
    return areas.some(function (area) {
      return area.value === n.text;
    });
  });
  if (text.length >= CARD_CHARS) names.push({ text: text, name: name });
}

function nameOf(text) {
  for (var i = names.length - 1; i >= 0; i--) {
    if (names[i].text === text) return names[i].name;
  }
  return "Text";
}

function el(tag, className, text) {
  var node = document.createElement(tag);
  if (className) node.className = className;
  if (text != null) node.textContent = text;
  return node;
}

function makeCard(area) {
  var side = area.id === "before" ? "Before" : "After";
  var card = el("div", "sd-card");
  card.id = area.id + "-card";
  card.hidden = true;
  card.tabIndex = -1;
  card.setAttribute("role", "group");
  card.setAttribute("aria-label", side + ": a large text, shown as a card");
  var name = el("strong", "sd-card-name");
  var facts = el("span", "sd-card-facts");
  var head = el("div", "sd-card-head");
  var edit = el("button", "sd-card-edit", "Edit");
  edit.type = "button";
  edit.title = "Show the whole text in a text area (slow to lay out on a large text)";
  head.append(name, " ", facts, " ", edit);
  var lines = el("pre", "sd-card-lines");
  card.append(head, lines);
  area.insertAdjacentElement("afterend", card);
  var state = { area: area, card: card, name: name, facts: facts, lines: lines, shown: null, editing: false, typed: area.value };
  edit.addEventListener("click", function () {
    state.editing = true;
    update(state);
    area.focus();
  });
  return state;
}

/** Paragraphs: runs of lines with a letter, figure or sign, between
 * blank lines (split by the regular expression engine: a loop over a
 * megabyte's characters in JS costs tens of milliseconds before the JIT
 * has warmed to it). */
function paragraphs(text) {
  var count = 0;
  var parts = text.split(/\n(?:[ \t\r]*\n)+/);
  for (var i = 0; i < parts.length; i++) {
    if (/\S/.test(parts[i])) count++;
  }
  return count;
}

function firstLines(text) {
  var out = [];
  var lines = text.slice(0, LINES * LINE_CHARS * 4).split("\n");
  for (var i = 0; i < lines.length && out.length < LINES; i++) {
    var line = lines[i].trim();
    if (line) out.push(line.length > LINE_CHARS ? line.slice(0, LINE_CHARS - 1) + "…" : line);
  }
  return out.join("\n");
}

/** Shows the card or the text area, as the side's text is now. */
function update(state) {
  var area = state.area;
  var text = area.value;
  if (text.length < CARD_CHARS) state.editing = false;
  var card = text.length >= CARD_CHARS && !state.editing;
  if (card && state.shown !== text) {
    state.shown = text;
    var n = paragraphs(text);
    state.name.textContent = nameOf(text);
    state.facts.textContent =
      sizeOf(text) + " · " + n.toLocaleString("en") + " paragraph" + (n === 1 ? "" : "s") + " · " + text.length.toLocaleString("en") + " characters";
    state.lines.textContent = firstLines(text);
  }
  if (!card) state.shown = null;
  if (card === !state.card.hidden) return;
  // The focus follows the text from the text area to its card.
  var focused = document.activeElement === area;
  area.hidden = card;
  state.card.hidden = !card;
  if (card && focused) state.card.focus();
}

/** Shows `area`'s card now, before a large text goes in (paste.js): a
 * focused, visible text area is laid out whole when its text is set, so
 * it is hidden first. Its card is filled in at the `input` that follows. */
export function cardBefore(area) {
  sides.forEach(function (state) {
    if (state.area !== area || !state.card.hidden) return;
    state.editing = false;
    var focused = document.activeElement === area;
    area.hidden = true;
    state.card.hidden = false;
    if (focused) state.card.focus();
  });
}

/** Whether `node` is a side's text area or inside its card, and which
 * side's text area that is. */
export function areaOf(node) {
  for (var i = 0; i < sides.length; i++) {
    if (node === sides[i].area || (node && sides[i].card.contains(node))) return sides[i].area;
  }
  return null;
}

sides.forEach(function (state) {
  state.area.addEventListener("input", function (event) {
    // A new text (pasted or dropped) is shown as a card again; typing
    // in the text area keeps it open.
    if (/^insertFrom(Paste|Drop)/.test(event.inputType || "")) state.editing = false;
    state.typed = state.area.value;
    update(state);
  });
});

// Every change of text ends in a comparison (app.js says when one
// starts): a text set by the page (a file, a link, Swap, Clear) is new
// too.
document.addEventListener("storydiff:comparing", function () {
  sides.forEach(function (state) {
    if (state.area.value !== state.typed) {
      state.editing = false;
      state.typed = state.area.value;
    }
    update(state);
  });
});

sides.forEach(update);
