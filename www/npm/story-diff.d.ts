// Type declarations for storydiff (story-diff.mjs, and window.StoryDiff
// from the classic story-diff.js). The model is documented in MODEL.md.

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

/** One row of the side-by-side view. */
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
}

/** The comparison model. Fields are only ever added. */
export interface Comparison {
  rows: Row[];
  /** True when the deadline cut the diff short (a rougher answer). */
  approximate: boolean;
  [field: string]: unknown;
}

/** Comparison options; all default to false (deadlineMs to 2000). */
export interface Options {
  ignoreCase?: boolean;
  ignoreWhitespace?: boolean;
  ignorePunctuation?: boolean;
  deadlineMs?: number;
}

/** Compares two texts (synchronously) and returns the model. */
export function compare(before: string, after: string, options?: Options): Comparison;

/** Compares and renders the side-by-side view into `element`, replacing its children. */
export function render(element: Element, before: string, after: string, options?: Options): Comparison;

/** The side-by-side view of a model, as a DOM element (`.sd-view`). */
export function view(model: Comparison): HTMLElement;

/** The inline (unified) view of a model, as a DOM element (`.sd-inline-view`). */
export function inlineView(model: Comparison): HTMLElement;

/** A one-line account of a model, e.g. "2 changed · 1 added". */
export function summary(model: Comparison): string;

/** The package version. */
export const version: string;

declare const StoryDiff: {
  compare: typeof compare;
  render: typeof render;
  view: typeof view;
  inlineView: typeof inlineView;
  summary: typeof summary;
  version: string;
};
export default StoryDiff;

/** <story-diff>: reads <pre slot="before"> / <pre slot="after"> (or the
 * before-src / after-src attributes over http) and renders in a shadow root. */
export interface StoryDiffElement extends HTMLElement {
  /** The last model shown, or null. */
  readonly model: Comparison | null;
  /** Reads the texts again and renders. */
  refresh(): Promise<Comparison | null>;
}

declare global {
  interface Window {
    StoryDiff: typeof StoryDiff;
  }
  interface HTMLElementTagNameMap {
    "story-diff": StoryDiffElement;
  }
}
