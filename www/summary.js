/* The one line that states a comparison's counts. */

export function plural(n, one, many) {
  return n + " " + (n === 1 ? one : many || one + "s");
}

/** The one line that states a comparison's counts, read off the model's
 * `stats`: the ledger's first line, the page's status, the element's
 * caption and `StoryDiff.summary` all say it in these words. A move is
 * one paragraph (its two rows are its two ends); a paragraph whose
 * changes are all cosmetic is counted apart from those changed. */
export function summary(stats) {
  var parts = [];
  if (stats.wordsAdded || stats.wordsRemoved) {
    parts.push("+" + plural(stats.wordsAdded, "word") + ", \u2212" + plural(stats.wordsRemoved, "word"));
  }
  [
    ["paragraphsChanged", "changed"],
    ["paragraphsAdded", "added"],
    ["paragraphsRemoved", "removed"],
    ["paragraphsMoved", "moved"],
  ].forEach(function (p) {
    if (stats[p[0]]) parts.push(plural(stats[p[0]], "paragraph") + " " + p[1]);
  });
  if (stats.paragraphsCosmetic) parts.push(plural(stats.paragraphsCosmetic, "paragraph") + " with cosmetic changes only");
  var quotes = [];
  if (stats.quotesAdded) quotes.push(stats.quotesAdded + " added");
  if (stats.quotesRemoved) quotes.push(stats.quotesRemoved + " removed");
  if (stats.quotesChanged) quotes.push(stats.quotesChanged + " changed");
  if (quotes.length) parts.push("quotes: " + quotes.join(", "));
  if (stats.figuresChanged) parts.push(plural(stats.figuresChanged, "figure") + " changed");
  return parts.length ? parts.join(" \u00b7 ") : "No changes";
}

/** `StoryDiff.summary`: the summary line of a model. */
export function modelSummary(model) {
  return model && model.stats ? summary(model.stats) : "No changes";
}
