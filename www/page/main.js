/* The page's entry (esbuild bundles it, with everything it imports, into
 * the one inline script of dist/index.html). The features run in this
 * order: the stored draft is restored (storage.js) before the first
 * comparison (app.js), card.js shows a large draft as a card before it
 * is laid out, and history.js catches dropped files before ui.js. */
import StoryDiff from "../api.js";
import { defineElement } from "../element/element.js";
import "./storage.js";
import "./card.js";
import "./paste.js";
import "./permalink.js";
import "./export.js";
import "./ui.js";
import "./history.js";
import "./app.js";

// The same API a site gets from story-diff.js: the page's one global.
// Its state (state.js) is shared by imports alone; tests use the page as
// a reader does, and the public API.
window.StoryDiff = StoryDiff;
defineElement();
