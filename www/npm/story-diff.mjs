/* storydiff: the entry of the ES module build, dist/npm/story-diff.mjs:
 * the same code as story-diff.js, exporting instead of setting
 * window.StoryDiff; <story-diff> is registered all the same. */
import { defineElement } from "../element/element.js";

export {
  compare,
  compareAsync,
  compareHistory,
  compareHistoryAsync,
  cancel,
  render,
  view,
  viewInto,
  ledger,
  readHtml,
  inlineView,
  summary,
  version,
  default,
} from "../api.js";

defineElement();
