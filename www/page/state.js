/* The page's one state object. Each feature module imports it and puts its
 * part on it; nothing else is shared between them. It is no global: only
 * the modules that import it reach it (tests/architecture.rs checks that
 * no module of www/ puts anything on window but the public StoryDiff).
 *
 * - storage.js: notice(text, {actions, error}), readOptions(),
 *   applyOptions(options), state() (what a link or the store holds),
 *   setTexts(before, after, options), keep() (now), keepSoon() (at idle
 *   time, idle.js), forget(), kept, firstVisit, restored.
 * - permalink.js: link ({ tooLong, size, limit, current }), openingLink
 *   (a Promise). Its codec is link.js (no DOM, and no part of the state).
 * - export.js: copy(text, what, title, note), exportAs(format), model
 *   (the last one shown).
 * - ui.js: view ("side" or "inline").
 * - history.js: history (the versions' helpers).
 * - app.js: showAgain().
 *
 * - paste.js: awaiting() (the side emptied of the example for the
 *   reader's text, while it is empty: "Before", "After" or null).
 *
 * card.js, idle.js and link.js put nothing on it; they, and paste.js,
 * export what other modules call (openSide, whenIdle, the link codec).
 */
export var page = {
  view: "side",
  model: null,
};
