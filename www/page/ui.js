/* The page's comforts: files by drag and drop or a picker (an HTML file
 * read for its story), swap, the inline view, next / previous change
 * (J / K), and a mini-map of the changes along the scroll bar. */
import StoryDiff from "../api.js";
import { openSide } from "./paste.js";
import { page } from "./state.js";

var before = document.getElementById("before");
var after = document.getElementById("after");
var result = document.getElementById("result");
var resultInline = document.getElementById("result-inline");
var minimap = document.getElementById("minimap");
var position = document.getElementById("change-position");
var VIEW_KEY = "storydiff.view.v1";

// ------------------------------------------------------------ clean text

/** The story's text out of an HTML file: the Rust reader
 * (StoryDiff.readHtml, which also drops the page around the story); the
 * file as it is when the reader fails. */
function cleanHtml(html) {
  try {
    return StoryDiff.readHtml(html);
  } catch (e) {
    return html;
  }
}

function looksLikeHtml(name, type) {
  return /\.(html?|xhtml)$/i.test(name || "") || /html/.test(type || "");
}

async function loadFile(file, textarea) {
  if (!file) return;
  var sideName = textarea === before ? "Before" : "After";
  if (!/\.(txt|text|md|html?|xhtml)$/i.test(file.name) && !/^text\//.test(file.type)) {
    page.notice("“" + file.name + "” is not a .txt or .html file, so it was not opened. " + sideName + " is unchanged.", { error: true });
    return;
  }
  var text;
  try {
    text = await file.text();
  } catch (e) {
    page.notice("Could not read “" + file.name + "”. " + sideName + " is unchanged.", { error: true });
    return;
  }
  if (looksLikeHtml(file.name, file.type)) text = cleanHtml(text);
  openSide(textarea, text, file.name);
  page.notice("Opened “" + file.name + "” as " + sideName + ".");
  page.keepSoon();
  document.getElementById("compare").click();
}

[[before, "before-file"], [after, "after-file"]].forEach(function (pair) {
  var textarea = pair[0];
  var picker = document.getElementById(pair[1]);
  picker.addEventListener("change", function () {
    loadFile(picker.files[0], textarea);
    picker.value = "";
  });
  textarea.addEventListener("dragover", function (event) {
    if (event.dataTransfer && Array.prototype.indexOf.call(event.dataTransfer.types, "Files") >= 0) {
      event.preventDefault();
      textarea.classList.add("sd-drop");
    }
  });
  textarea.addEventListener("dragleave", function () {
    textarea.classList.remove("sd-drop");
  });
  textarea.addEventListener("drop", function (event) {
    textarea.classList.remove("sd-drop");
    var files = event.dataTransfer && event.dataTransfer.files;
    if (files && files.length) {
      event.preventDefault();
      loadFile(files[0], textarea);
    }
  });
});

// ------------------------------------------------------------ swap, clear

document.getElementById("swap").addEventListener("click", function () {
  var b = before.value;
  before.value = after.value;
  after.value = b;
  page.keepSoon();
  document.getElementById("compare").click();
});

document.getElementById("clear").addEventListener("click", function () {
  page.forget();
  before.value = "";
  after.value = "";
  history.replaceState(null, "", location.href.replace(/#.*$/, ""));
  page.notice(CLEARED);
  document.getElementById("compare").click();
  before.focus();
});

// "Cleared." is said until there is text again (typed, pasted, opened
// or linked: each ends in a comparison).
var CLEARED = "Cleared. Nothing is stored; paste or open two new versions.";
document.addEventListener("storydiff:compared", function () {
  var notice = document.getElementById("share-notice");
  if ((before.value || after.value) && notice.textContent === CLEARED) page.notice("");
});

// ------------------------------------------------------------ views

var view = "side";
try {
  view = localStorage.getItem(VIEW_KEY) || "";
} catch (e) {
  view = "";
}
if (view !== "side" && view !== "inline") {
  // A phone: one column reads better.
  view = window.matchMedia && window.matchMedia("(max-width: 640px)").matches ? "inline" : "side";
}

/** Shows the chosen view's section. app.js builds the view in it (only
 * the one chosen, a slice at a time), reading page.view. */
function showView() {
  var inline = view === "inline";
  page.view = view;
  document.getElementById("view-" + view).checked = true;
  result.hidden = inline;
  resultInline.hidden = !inline;
  current = null;
  updateMap();
}

document.querySelectorAll('input[name="view"]').forEach(function (radio) {
  radio.addEventListener("change", function () {
    if (!radio.checked) return;
    view = radio.value;
    try {
      localStorage.setItem(VIEW_KEY, view);
    } catch (e) {
      /* the choice lasts for this visit only */
    }
    showView();
    if (page.showAgain) {
      page.showAgain().then(function (complete) {
        if (complete) updateMap();
      });
    }
  });
});

// ------------------------------------------------------------ changes

// The current row: at most one, outlined. J / K, the mini-map, the
// ledger's "row N" links and the move links all set it.
var current = null;

/** The rows of the visible view that hold a change, in order. */
function changes() {
  var root = view === "inline" ? resultInline : result;
  return Array.prototype.filter.call(root.querySelectorAll(".sd-row, .sd-line"), function (row) {
    var kind = row.dataset.kind;
    // Rows folded away (hidden noise, say) are not stops.
    return kind && kind !== "equal" && kind !== "noise" && row.getClientRects().length > 0;
  });
}

/** Makes `row` the current row: outlined, in view, focused. */
function select(row) {
  document.querySelectorAll(".sd-current").forEach(function (r) {
    r.classList.remove("sd-current");
  });
  current = row;
  row.classList.add("sd-current");
  row.setAttribute("tabindex", "-1");
  row.scrollIntoView({ block: "center" });
  row.focus({ preventScroll: true });
  var list = changes();
  var at = list.indexOf(row);
  position.textContent = at < 0 ? "" : "Change " + (at + 1) + " of " + list.length;
}

function go(step) {
  var list = changes();
  if (!list.length) {
    position.textContent = "No changes";
    return;
  }
  var at = current ? list.indexOf(current) : -1;
  if (at >= 0) {
    at = Math.min(list.length - 1, Math.max(0, at + step));
  } else if (current && current.isConnected) {
    // A row that is no change (an unchanged quote's row): the next
    // change after it, or the last one before it.
    var after = list.filter(function (r) {
      return current.compareDocumentPosition(r) & Node.DOCUMENT_POSITION_FOLLOWING;
    }).length;
    at = step > 0 ? Math.min(list.length - 1, list.length - after) : Math.max(0, list.length - after - 1);
  } else {
    at = step > 0 ? 0 : list.length - 1;
  }
  select(list[at]);
}

// The ledger's "row N" links (href="#sd-row-N", real links in an HTML
// report) and the move links: to the row in the view that shows, made
// current, with the address bar left alone (it holds the share link).
document.addEventListener("click", function (event) {
  var target = event.target;
  if (!target.closest || !(result.contains(target) || resultInline.contains(target))) return;
  var link = target.closest("a.sd-row-link");
  var move = target.closest(".sd-move-link");
  var index;
  if (link) {
    var match = /^#sd-row-(\d+)$/.exec(link.getAttribute("href") || "");
    if (!match) return;
    event.preventDefault();
    index = match[1];
  } else if (move) {
    index = move.dataset.partner;
  } else {
    return;
  }
  var row = (view === "inline" ? resultInline : result).querySelector("#sd-row-" + index);
  if (row && row.getClientRects().length) select(row);
});

document.getElementById("next-change").addEventListener("click", function () {
  go(1);
});
document.getElementById("prev-change").addEventListener("click", function () {
  go(-1);
});
document.addEventListener("keydown", function (event) {
  if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
  var target = event.target;
  if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.nodeName))) return;
  var key = event.key.toLowerCase();
  if (key === "j" || key === "n") {
    event.preventDefault();
    go(1);
  } else if (key === "k" || key === "p") {
    event.preventDefault();
    go(-1);
  }
});

// ------------------------------------------------------------ mini-map

// The map reads where every changed row stands. Read in an animation
// frame, that lays out the whole result inside this script's task (a
// long result took over 100 ms); read just after the frame, the
// browser's own rendering step has laid it out already, and the reads
// are cheap.
var mapFrame = 0;
var mapTimer = 0;
function updateMap() {
  cancelAnimationFrame(mapFrame);
  clearTimeout(mapTimer);
  mapFrame = requestAnimationFrame(function () {
    mapTimer = setTimeout(drawMap, 0);
  });
}

function drawMap() {
  var list = changes();
  var height = document.documentElement.scrollHeight;
  // Every read first, then every write, into a fragment added once: a
  // write between two reads would lay the whole page out again, and a
  // long result has thousands of changed rows.
  var top = window.scrollY;
  var boxes = list.map(function (row) {
    var box = row.getBoundingClientRect();
    return { top: box.top + top, height: box.height };
  });
  var marks = document.createDocumentFragment();
  list.forEach(function (row, index) {
    var mark = document.createElement("div");
    mark.className = "sd-mark sd-mark-" + row.dataset.kind;
    mark.style.top = (boxes[index].top / height) * 100 + "%";
    mark.style.height = Math.max(0.4, (boxes[index].height / height) * 100) + "%";
    mark.title = "Change " + (index + 1) + ": " + row.dataset.kind;
    mark.addEventListener("click", function () {
      select(row);
    });
    marks.appendChild(mark);
  });
  minimap.replaceChildren(marks);
  minimap.hidden = !list.length;
}

window.addEventListener("resize", updateMap);
document.addEventListener("storydiff:compared", function () {
  current = null;
  position.textContent = "";
  showView();
});
showView();
