/* window.StoryDiff (and the ES module's exports): compare two texts, or a
 * story's versions, on the main thread or in the worker; show the result. */
import { call, countWording, useModule } from "./core/loader.js";
import { commonLength, comparePacked, sharedRun, unpack, versionTexts } from "./core/model.js";
import { wasmModule } from "./core/wasm.js";
import { htmlEvents } from "./html.js";
import { cancel, compareInWorker, historyInWorker } from "./core/worker.js";
import { ledger } from "./ledger.js";
import { modelSummary } from "./summary.js";
import { inlineView, view, viewInto } from "./views.js";

// The synchronous calls use the module the page compiles once (the same
// module the worker is given).
useModule(wasmModule);

/** Compares two texts and returns the model: {rows, approximate, quotes,
 * figures, stats, outlets} (MODEL.md). */
export function compare(before, after, options) {
  before = before == null ? "" : String(before);
  after = after == null ? "" : String(after);
  var packed = call(function (g) {
    return comparePacked(g, before, after, options);
  });
  return unpack(packed, before, after, countWording);
}

/** The story's text out of pasted HTML: the page around it dropped. The
 * browser's parser reads the markup into an inert document (DOMParser: no
 * script runs, nothing loads, nothing is shown) and the wasm's reading
 * rules read its events (www/html.js), as the CLI reads html5gum's tokens.
 * Needs DOMParser: a page's main thread. */
export function readHtml(html) {
  var events = htmlEvents(html == null ? "" : String(html));
  return call(function (g) {
    return g.readEvents(events.items, events.text);
  });
}

/** Compares and renders into `element` (the ledger above the side-by-side
 * view), replacing what it held. */
export function render(element, before, after, options) {
  var model = compare(before, after, options);
  element.replaceChildren(ledger(model), view(model, options));
  return model;
}

/** A story's history over its versions, oldest first (MODEL.md, "The
 * history model"): each step's stats, each paragraph's, quote's and
 * figure's life, the changes a later version undid. The steps' rows are
 * not in it: compare the two versions you show. */
export function compareHistory(versions, options) {
  var v = versionTexts(versions);
  return JSON.parse(
    call(function (g) {
      return g.compareHistory(v.texts, v.labels, options || {});
    })
  );
}

/** Like compare, off the main thread: a Promise of the model. The page
 * stays responsive however long the texts are. Requests are answered in
 * the order they were made, by one worker that lives as long as the page. */
export function compareAsync(before, after, options) {
  before = before == null ? "" : String(before);
  after = after == null ? "" : String(after);
  return compareInWorker(before, after, options, function (job) {
    return compare(job.before, job.after, job.options);
  });
}

/** Like compareHistory, off the main thread: a Promise of the history. */
export function compareHistoryAsync(versions, options) {
  return historyInWorker(versions, options, function (job) {
    return compareHistory(job.versions, job.options);
  });
}

export { cancel, inlineView, ledger, view, viewInto };
export var summary = modelSummary;
// The crate's version, given by the build (esbuild's `define`).
/* global STORYDIFF_VERSION */
export var version = STORYDIFF_VERSION;

/** Everything above, as one object: window.StoryDiff and the ES module's
 * default export. */
var StoryDiff = {
  compare: compare,
  compareAsync: compareAsync,
  compareHistory: compareHistory,
  compareHistoryAsync: compareHistoryAsync,
  cancel: cancel,
  render: render,
  view: view,
  viewInto: viewInto,
  ledger: ledger,
  readHtml: readHtml,
  inlineView: inlineView,
  summary: modelSummary,
  version: version,
  // For the tests only: the run of lines that crosses once, and how it
  // is widened.
  _sharedRun: sharedRun,
  _commonLength: commonLength,
  // For the tests of the recovery path only: makes the wasm panic.
  _panicForTest: function () {
    return call(function (g) {
      return g.panicForTest();
    });
  },
};
export default StoryDiff;
