/* The page's one state object. Each feature module imports it and puts its
 * part on it; nothing else is shared between them (no global: main.js only
 * shows it to tests and the console as window.StoryDiffPage, and no module
 * reads it from there).
 *
 * - storage.js: notice(text, {actions, error}), readOptions(),
 *   applyOptions(options), state() (what a link or the store holds),
 *   setTexts(before, after, options), keep() (now), keepSoon() (at idle
 *   time, idle.js), forget(), kept, firstVisit, restored.
 * - main.js: codec (deflate.js's, for tests: { native, store, inflate }).
 * - permalink.js: link ({ tooLong, size, limit, current }), syncLink(),
 *   openingLink (a Promise), encodeLink(state), decodeLink(fragment).
 * - export.js: copy(text, what, title, note), exportAs(format),
 *   exporters ({ html, markdown, json }), model (the last one shown).
 * - ui.js: view ("side" or "inline").
 * - history.js: history (the versions' helpers).
 * - app.js: showAgain().
 *
 * - paste.js: awaiting() (the side emptied of the example for the
 *   reader's text, while it is empty: "Before", "After" or null).
 *
 * card.js and idle.js put nothing on it; they, and paste.js, export what
 * other modules call (openSide, whenIdle).
 */
export var page = {
  view: "side",
  model: null,
};
