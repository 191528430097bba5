/* Nothing lost: the two texts (and the options) are kept in localStorage
 * as a person edits them, and put back when the page opens again, until
 * they press Clear. Runs before app.js, so a kept draft is in the text
 * areas before the first comparison; with nothing kept, app.js shows the
 * seed example. Also holds the page's shared helpers (window.StoryDiffPage). */
(function () {
  "use strict";
  var KEY = "storydiff.draft.v1";
  var page = (window.StoryDiffPage = window.StoryDiffPage || {});
  var before = document.getElementById("before");
  var after = document.getElementById("after");
  var noticeEl = document.getElementById("share-notice");
  var timer = 0;
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
  page.OPTION_KEYS = ["ignoreCase", "ignoreWhitespace", "ignorePunctuation", "hideCosmetic", "showNoise"];
  function optionBox(key) {
    return (
      document.getElementById("opt-" + key.replace(/[A-Z]/g, function (c) { return "-" + c.toLowerCase(); })) ||
      document.querySelector('input[data-sd-option="' + key + '"]')
    );
  }
  page.readOptions = function () {
    var options = {};
    page.OPTION_KEYS.forEach(function (key) {
      var box = optionBox(key);
      if (box && box.checked) options[key] = true;
    });
    return options;
  };
  page.applyOptions = function (options) {
    page.OPTION_KEYS.forEach(function (key) {
      var box = optionBox(key);
      if (box) box.checked = !!(options && options[key] === true);
    });
  };

  /** The page's state: what a link or the store holds. */
  page.state = function () {
    return { before: before.value, after: after.value, options: page.readOptions() };
  };

  /** Sets both texts (and options) as if typed, keeps them, compares. */
  page.setTexts = function (b, a, options) {
    before.value = b;
    after.value = a;
    if (options) page.applyOptions(options);
    page.keep();
    document.getElementById("compare").click();
  };

  function load() {
    try {
      var raw = localStorage.getItem(KEY);
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
    clearTimeout(timer);
    dirty = false;
    try {
      localStorage.setItem(KEY, JSON.stringify(page.state()));
      page.kept = true;
    } catch (e) {
      page.kept = false;
      page.notice(
        "These texts are too large for this browser to keep (" +
          Math.round((before.value.length + after.value.length) / 1024) +
          " KB): they will not survive closing the tab. Export them if you need them later.",
        { error: true }
      );
    }
  };

  /** Forgets the stored texts and empties both sides. */
  page.forget = function () {
    clearTimeout(timer);
    dirty = false;
    try {
      localStorage.removeItem(KEY);
    } catch (e) {
      /* nothing stored, nothing to forget */
    }
  };

  function schedule() {
    dirty = true;
    clearTimeout(timer);
    timer = setTimeout(page.keep, 300);
  }
  before.addEventListener("input", schedule);
  after.addEventListener("input", schedule);
  document.addEventListener("change", function (event) {
    var target = event.target;
    if (target && target.id && (target.id.indexOf("opt-") === 0 || target.hasAttribute("data-sd-option"))) schedule();
  });
  // A tab closed within the debounce still keeps the last keystrokes.
  window.addEventListener("pagehide", function () {
    if (dirty) page.keep();
  });

  var draft = load();
  page.restored = false;
  if (draft && !before.value && !after.value) {
    before.value = draft.before;
    after.value = draft.after;
    page.applyOptions(draft.options);
    page.restored = true;
  }
})();
