// Type declarations for storydiff (story-diff.mjs, and window.StoryDiff
// from the classic story-diff.js). The model is documented in MODEL.md.
// tests/types/usage.ts reads every field and calls every function here
// (`cargo xtask test` runs tsc on it), and tests/e2e/types.test.mjs holds
// these declarations to the real module and to real models.

// ------------------------------------------------------------ the model

/** What happened to a row of the side-by-side view. */
export type RowKind = "equal" | "changed" | "added" | "removed" | "moved" | "noise";

/** The tag of a piece of an inline word diff. */
export type Tag = "equal" | "delete" | "insert";

/** A run of an inline word diff; pieces start and end on word boundaries. */
export interface Piece {
  tag: Tag;
  text: string;
  /** Present when the difference is white space, case, punctuation or typography only. */
  cosmetic?: true;
}

/** One row of the side-by-side view. Joining every row's `before` gives
 * the Before text byte for byte; the same holds for `after`. */
export interface Row {
  kind: RowKind;
  /** The row's exact Before text, or null when the row has no Before side. */
  before: string | null;
  /** The row's exact After text, or null when the row has no After side. */
  after: string | null;
  /** The word diff, on changed rows (and edited moved rows). */
  inline?: Piece[];
  /** Every difference in the row is cosmetic. */
  cosmetic?: true;
  /** On moved rows: the index of the row at the move's other end. */
  partner?: number;
  /** On a changed row: one Before block became two After blocks (`after` holds both). */
  split?: true;
  /** On a changed row: two Before blocks became one After block (`before` holds both). */
  merged?: true;
}

/** What happened to a quote; `unchanged` allows differences of punctuation
 * and typography only. */
export type Change = "added" | "removed" | "changed" | "unchanged";

/** A quotation in either version, paired across them. */
export interface Quote {
  change: Change;
  /** Who said it, as the text names them (After's when After names one), or
   * null when the text does not say. */
  speaker: string | null;
  /** Before's speaker, when it is someone else or their name was
   * corrected; the quote is then `changed`, even with the same words. */
  beforeSpeaker?: string;
  /** For a statement (a press-release quote with no quote marks), the line
   * that attributes it, without its colon ("Environment Minister Rebecca
   * Pow said"); After's when After has it. */
  attribution?: string;
  /** The statement's attribution line in Before, when it differs; the
   * quote is then `changed`, even with the same words. */
  beforeAttribution?: string;
  /** The quoted words in Before (quotes regrouped into one joined by a space), or null. */
  before: string | null;
  /** The quoted words in After, or null. */
  after: string | null;
  /** The row (index into `rows`) where the quote starts in Before, or null. */
  beforeRow: number | null;
  /** The row where the quote starts in After, or null. */
  afterRow: number | null;
  /** The words were split or joined differently (two quotes became one). */
  regrouped?: true;
  /** The word diff of `before` and `after`, on changed quotes. */
  inline?: Piece[];
}

/** A figure (number, money, percentage, date) that differs between two
 * matched sentences. */
export interface Figure {
  /** The Before figure with its qualifier and unit: "more than 140". */
  before: string;
  /** The After figure: "nearly 150". */
  after: string;
  /** The After sentence. */
  context: string;
  /** The row holding the Before sentence (null if no row can be named). */
  beforeRow: number | null;
  /** The row holding the After sentence (null if no row can be named). */
  afterRow: number | null;
}

/** How much changed. Cosmetic-only changes are counted apart and in no
 * other count; noise rows count nowhere. */
export interface Stats {
  /** Words only in After (inserted words and added paragraphs). */
  wordsAdded: number;
  /** Words only in Before. */
  wordsRemoved: number;
  /** Paragraphs edited in place (cosmetic-only ones excluded). */
  paragraphsChanged: number;
  /** Paragraphs only in After. */
  paragraphsAdded: number;
  /** Paragraphs only in Before. */
  paragraphsRemoved: number;
  /** Paragraphs that stand elsewhere in After. */
  paragraphsMoved: number;
  /** Paragraphs whose every difference is cosmetic. */
  paragraphsCosmetic: number;
  /** Cosmetic edits inside paragraphs. */
  cosmeticEdits: number;
  /** Quotes only in After. */
  quotesAdded: number;
  /** Quotes only in Before. */
  quotesRemoved: number;
  /** Quotes whose words changed. */
  quotesChanged: number;
  /** Figures that changed. */
  figuresChanged: number;
  /** The share (0 to 1) of the two texts' word pairs they have in common. */
  sharedWording: number;
}

/** A sentence of one text with its counterpart in the other, if any. */
export interface SentencePair {
  /** The Before sentence, or null for a sentence only in After. */
  before: string | null;
  /** The After sentence, or null for a sentence only in Before. */
  after: string | null;
  /** The row holding the Before sentence, or null. */
  beforeRow: number | null;
  /** The row holding the After sentence, or null. */
  afterRow: number | null;
  /** How alike the two sentences' words are, 0 to 1 (0 when one-sided). */
  similarity: number;
  /** Either sentence holds a quotation. */
  quote?: true;
  /** Either sentence holds a figure. */
  figure?: true;
}

/** Two outlets' stories of one event (or a rewrite): the sentences paired
 * by what they report. */
export interface Outlets {
  /** Pairs in After order, then the Before-only sentences. */
  sentences: SentencePair[];
  inBoth: number;
  beforeOnly: number;
  afterOnly: number;
}

/** How a text ends its lines: `cr` is a lone carriage return. */
export type Ending = "lf" | "crlf" | "cr" | "mixed";

/** Each side's line endings, when the two differ. */
export interface LineEndings {
  before: Ending;
  after: Ending;
}

/** The comparison model (MODEL.md), the same object `storydiff --json`
 * prints. Fields are only ever added; none changes meaning. */
export interface Comparison {
  /** The side-by-side view, in display order. */
  rows: Row[];
  /** True when a deadline or a size cap cut the diff short (a rougher answer). */
  approximate: boolean;
  /** The quotations near a change (every one with `whole`), paired, in reading order (noise rows aside). */
  quotes: Quote[];
  /** Figures that changed between matched sentences. */
  figures: Figure[];
  /** How much changed. */
  stats: Stats;
  /** Null unless the texts share little wording (`stats.sharedWording` under 0.5). */
  outlets: Outlets | null;
  /** Present only when both texts have line breaks and end them differently. */
  line_endings?: LineEndings;
}

// ------------------------------------------------------------ options

/** How front ends show a model; both default to false. */
export interface ViewOptions {
  /** Show noise rows (page furniture) in full, not collapsed to a bar with a toggle. */
  showNoise?: boolean;
  /** Show cosmetic differences as plain text (the model still marks them). */
  hideCosmetic?: boolean;
}

/** `viewInto`'s options: the view options, and which view to show. */
export interface ViewIntoOptions extends ViewOptions {
  /** Show the inline view instead of side by side. */
  inline?: boolean;
}

/** Comparison options; all default to false (deadlineMs to 2000). */
export interface Options extends ViewOptions {
  /** Case differences count as equal (shown as cosmetic). */
  ignoreCase?: boolean;
  /** White-space differences count as equal (shown as cosmetic). */
  ignoreWhitespace?: boolean;
  /** Punctuation and typography differences count as equal (shown as cosmetic). */
  ignorePunctuation?: boolean;
  /** Milliseconds before the diff settles for a rougher answer (`approximate`). */
  deadlineMs?: number;
  /** Read the whole of both texts, not only the window where they differ:
   * then `quotes` lists every quotation, unchanged ones far from every
   * change included. Slower on a small change in a long story. */
  whole?: boolean;
}

/** What `compare` throws and `compareAsync` rejects with, besides a plain
 * Error for bad options. */
export interface StoryDiffError extends Error {
  /** An internal error (a trap in the wasm): the instance was reset, and
   * comparing again starts afresh. */
  internal?: true;
  /** From `compareAsync`: `cancel()` stopped the comparison. */
  cancelled?: true;
}

/** `viewInto`'s Promise: settles true when every row is in, false when
 * `cancel()` stopped it first. */
export interface ViewProgress extends Promise<boolean> {
  /** Stops adding rows (a newer result replaces this one). */
  cancel(): void;
}

// ------------------------------------------------------------ the history

/** One version given to `compareHistory`: its text, or the text with the
 * person's label (a file name). */
export type VersionInput = string | { text: string; label?: string };

/** What the history says of one version. */
export interface VersionInfo {
  /** The person's label ("Version N" when none was given). */
  label: string;
  /** The date the text carries on an "Updated", "Last updated", "Published"
   * or "Posted" line near its top, as the text writes it; null when none. */
  date: string | null;
  /** The text's length in bytes (UTF-8). */
  bytes: number;
}

/** One step, from one version to the next. */
export interface Step {
  /** Index of the earlier version in `versions`. */
  from: number;
  /** Index of the later version (`from + 1`). */
  to: number;
  /** The step's stats, as its comparison's ledger has them. */
  stats: Stats;
  /** True when the step's comparison was cut short by its deadline. */
  approximate: boolean;
  /** The step's whole comparison: in `storydiff --json`'s history only. */
  comparison?: Comparison;
}

/** One text a paragraph had, and the version since which it stood. */
export interface ParagraphText {
  since: number;
  text: string;
}

/** A paragraph's life across the versions (versions are indices into
 * `versions`). */
export interface ParagraphLife {
  /** Every text it had, oldest first; the last is its latest. */
  texts: ParagraphText[];
  /** The version it first stands in. */
  appeared: number;
  /** The versions in which its words changed (cosmetic changes aside). */
  changed: number[];
  /** The versions in which it changed cosmetically only. */
  cosmetic?: number[];
  /** The versions in which it moved. */
  moved?: number[];
  /** The first version without it; null while the latest holds it. */
  went: number | null;
}

/** A quote's change in one step: reworded, given to another speaker, or both. */
export interface QuoteChange {
  version: number;
  before: string;
  after: string;
  speaker: string | null;
  /** The speaker before, when the step gave the quote to someone else. */
  beforeSpeaker?: string;
}

/** A quotation's life across the versions. */
export interface QuoteLife {
  /** Who said it, in the last version that holds it. */
  speaker: string | null;
  /** Its words in the last version that holds it. */
  words: string;
  appeared: number;
  changes: QuoteChange[];
  went: number | null;
}

/** One value of a figure's line, with the version it first stands in. */
export interface FigureValue {
  value: string;
  version: number;
}

/** A figure's line of values: "5 → 6 → 8 killed". */
export interface FigureLine {
  /** The values in order; the first value's version is the one since
   * which its paragraph stood unchanged. */
  values: FigureValue[];
  /** The sentence of the latest value. */
  context: string;
  /** The paragraph (index into `paragraphs`) that holds it. */
  paragraph: number;
}

/** A change that a later version reverts. */
export interface Undone {
  /** An edit put back, or a removed paragraph restored. */
  kind: "edit" | "removal";
  /** The paragraph changed or removed (index into `paragraphs`). */
  paragraph: number;
  /** The version that made the change. */
  changed: number;
  /** The later version that undid it. */
  undone: number;
  /** The text it came back to. */
  text: string;
  /** For a removal, the paragraph that brought the text back. */
  restoredAs?: number;
}

/** A story's history over N versions (MODEL.md, "The history model"). */
export interface History {
  versions: VersionInfo[];
  steps: Step[];
  paragraphs: ParagraphLife[];
  quotes: QuoteLife[];
  figures: FigureLine[];
  undone: Undone[];
}

// ------------------------------------------------------------ the API

/** Compares two texts (synchronously) and returns the model. */
export function compare(before: string, after: string, options?: Options): Comparison;

/** Like `compare`, off the main thread (in a Web Worker, or on the main
 * thread where none can start): a Promise of the model. */
export function compareAsync(before: string, after: string, options?: Options): Promise<Comparison>;

/** A story's history over its versions, oldest first: each step's stats
 * and each paragraph's, quote's and figure's life. The steps' rows are not
 * in it: `compare` the two versions you show. */
export function compareHistory(versions: VersionInput[], options?: Options): History;

/** Like `compareHistory`, off the main thread: a Promise of the history. */
export function compareHistoryAsync(versions: VersionInput[], options?: Options): Promise<History>;

/** Stops the comparisons under way in the worker: their Promises reject
 * with an error whose `cancelled` is true. */
export function cancel(): void;

/** Compares and renders the ledger and the side-by-side view into
 * `element`, replacing its children; returns the model. */
export function render(element: Element, before: string, after: string, options?: Options): Comparison;

/** The side-by-side view of a model, as a DOM element (`.sd-view`). */
export function view(model: Comparison, options?: ViewOptions): HTMLElement;

/** Shows the ledger and the side-by-side view (or, with `options.inline`,
 * the inline view) of a model in `element`, a slice of rows at a time (at most `budgetMs`, 12 by default, of work
 * each), so a long result never freezes the page; `onProgress(done, total)`
 * follows along. */
export function viewInto(
  element: Element,
  model: Comparison,
  options?: ViewIntoOptions,
  onProgress?: (done: number, total: number) => void,
  budgetMs?: number,
): ViewProgress;

/** The fact-checker's ledger of a model (summary, quotes, figures,
 * outlets), as a DOM element (`.sd-ledger`); its links reach the rows of `view`. */
export function ledger(model: Comparison): HTMLElement;

/** The story's text out of pasted HTML: the page around it dropped. The
 * browser's parser reads the markup into an inert document (`DOMParser`:
 * no script runs, nothing loads); needs a DOM (a page's main thread, not a
 * worker or Node). */
export function readHtml(html: string): string;

/** The inline (unified) view of a model, as a DOM element (`.sd-inline-view`):
 * one column, deletions and insertions in reading order, long unchanged
 * runs folded and noise set aside as in `view`. */
export function inlineView(model: Comparison, options?: ViewOptions): HTMLElement;

/** The one line of a model's counts, read off `stats`, as the ledger says
 * it: e.g. "+35 words, −46 words · 2 paragraphs changed · quotes: 1 added"
 * ("No changes"). */
export function summary(model: Comparison): string;

/** The package version. */
export const version: string;

/** Every function above, and `version`: the ES module's default export and
 * the classic script's `window.StoryDiff`. */
declare const StoryDiff: {
  compare: typeof compare;
  compareAsync: typeof compareAsync;
  compareHistory: typeof compareHistory;
  compareHistoryAsync: typeof compareHistoryAsync;
  cancel: typeof cancel;
  render: typeof render;
  view: typeof view;
  viewInto: typeof viewInto;
  ledger: typeof ledger;
  readHtml: typeof readHtml;
  inlineView: typeof inlineView;
  summary: typeof summary;
  version: string;
};
export default StoryDiff;

// ------------------------------------------------------------ <story-diff>

/** The events a <story-diff> dispatches, besides HTMLElement's. */
export interface StoryDiffElementEventMap extends HTMLElementEventMap {
  /** After each render, with the model shown (and, given several
   * `<pre slot="version">`, the story's history). */
  "story-diff:rendered": CustomEvent<{ model: Comparison; history?: History }>;
}

/** <story-diff>: reads <pre slot="before"> / <pre slot="after"> (or the
 * before-src / after-src attributes over http; or two or more <pre
 * slot="version">: a timeline of the versions above the last step) and
 * renders in a shadow root. */
export interface StoryDiffElement extends HTMLElement {
  /** The last model shown, or null. */
  readonly model: Comparison | null;
  /** Reads the texts again and renders. */
  refresh(): Promise<Comparison | null>;
  /** The options its attributes set (`ignore-case` and so on). */
  options(): Options;
  addEventListener<K extends keyof StoryDiffElementEventMap>(
    type: K,
    listener: (this: StoryDiffElement, event: StoryDiffElementEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof StoryDiffElementEventMap>(
    type: K,
    listener: (this: StoryDiffElement, event: StoryDiffElementEventMap[K]) => unknown,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

declare global {
  interface Window {
    /** Set by the classic script (story-diff.js); the ES module sets no global. */
    StoryDiff: typeof StoryDiff;
  }
  interface HTMLElementTagNameMap {
    "story-diff": StoryDiffElement;
  }
}
