// The npm package as a TypeScript user meets it: `cargo xtask test` runs
// `tsc --noEmit --strict` on this file against dist/npm (tsconfig.json maps
// "storydiff" there, so the package's own package.json finds the
// declarations). Nothing here runs. It calls every export, reads every
// model field with its exact type (`same`), and lists every field (`keyof`),
// so a field added to the declarations must be added here too; each
// `@ts-expect-error` line is a wrong use that must stay an error.
import StoryDiff, {
  cancel,
  compare,
  compareAsync,
  inlineView,
  ledger,
  readHtml,
  render,
  summary,
  version,
  view,
  viewInto,
} from "storydiff";
import type {
  Change,
  Comparison,
  Ending,
  Figure,
  LineEndings,
  Options,
  Outlets,
  Piece,
  Quote,
  Row,
  RowKind,
  SentencePair,
  Stats,
  StoryDiffElement,
  StoryDiffError,
  Tag,
  ViewOptions,
  ViewIntoOptions,
  ViewProgress,
} from "storydiff";

/** True only when A and B are the same type (not merely assignable). */
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
/** Type-checks only when A and B are the same type. */
function same<A, B>(_proof: Same<A, B>): void {}

// ------------------------------------------------------------ the model

function model(m: Comparison): void {
  same<keyof Comparison, "rows" | "approximate" | "quotes" | "figures" | "stats" | "outlets" | "line_endings">(true);
  same<Comparison["rows"], Row[]>(true);
  same<Comparison["approximate"], boolean>(true);
  same<Comparison["quotes"], Quote[]>(true);
  same<Comparison["figures"], Figure[]>(true);
  same<Comparison["stats"], Stats>(true);
  same<Comparison["outlets"], Outlets | null>(true);
  same<Comparison["line_endings"], LineEndings | undefined>(true);

  same<keyof Row, "kind" | "before" | "after" | "inline" | "cosmetic" | "partner" | "split" | "merged">(true);
  same<Row["kind"], RowKind>(true);
  same<RowKind, "equal" | "changed" | "added" | "removed" | "moved" | "noise">(true);
  same<Row["before"], string | null>(true);
  same<Row["after"], string | null>(true);
  same<Row["inline"], Piece[] | undefined>(true);
  same<Row["cosmetic"], true | undefined>(true);
  same<Row["partner"], number | undefined>(true);
  same<Row["split"], true | undefined>(true);
  same<Row["merged"], true | undefined>(true);

  same<keyof Piece, "tag" | "text" | "cosmetic">(true);
  same<Piece["tag"], Tag>(true);
  same<Tag, "equal" | "delete" | "insert">(true);
  same<Piece["text"], string>(true);
  same<Piece["cosmetic"], true | undefined>(true);

  same<
    keyof Quote,
    | "change"
    | "speaker"
    | "beforeSpeaker"
    | "attribution"
    | "beforeAttribution"
    | "before"
    | "after"
    | "beforeRow"
    | "afterRow"
    | "regrouped"
    | "inline"
  >(true);
  same<Quote["change"], Change>(true);
  same<Change, "added" | "removed" | "changed" | "unchanged">(true);
  same<Quote["speaker"], string | null>(true);
  same<Quote["beforeSpeaker"], string | undefined>(true);
  same<Quote["attribution"], string | undefined>(true);
  same<Quote["beforeAttribution"], string | undefined>(true);
  same<Quote["before"], string | null>(true);
  same<Quote["after"], string | null>(true);
  same<Quote["beforeRow"], number | null>(true);
  same<Quote["afterRow"], number | null>(true);
  same<Quote["regrouped"], true | undefined>(true);
  same<Quote["inline"], Piece[] | undefined>(true);

  same<keyof Figure, "before" | "after" | "context" | "beforeRow" | "afterRow">(true);
  same<Figure["before"], string>(true);
  same<Figure["after"], string>(true);
  same<Figure["context"], string>(true);
  same<Figure["beforeRow"], number | null>(true);
  same<Figure["afterRow"], number | null>(true);

  same<
    keyof Stats,
    | "wordsAdded"
    | "wordsRemoved"
    | "paragraphsChanged"
    | "paragraphsAdded"
    | "paragraphsRemoved"
    | "paragraphsMoved"
    | "paragraphsCosmetic"
    | "cosmeticEdits"
    | "quotesAdded"
    | "quotesRemoved"
    | "quotesChanged"
    | "figuresChanged"
    | "sharedWording"
  >(true);
  same<Stats[keyof Stats], number>(true);

  same<keyof Outlets, "sentences" | "inBoth" | "beforeOnly" | "afterOnly">(true);
  same<Outlets["sentences"], SentencePair[]>(true);
  same<Outlets["inBoth"], number>(true);
  same<Outlets["beforeOnly"], number>(true);
  same<Outlets["afterOnly"], number>(true);

  same<keyof SentencePair, "before" | "after" | "beforeRow" | "afterRow" | "similarity" | "quote" | "figure">(true);
  same<SentencePair["before"], string | null>(true);
  same<SentencePair["after"], string | null>(true);
  same<SentencePair["beforeRow"], number | null>(true);
  same<SentencePair["afterRow"], number | null>(true);
  same<SentencePair["similarity"], number>(true);
  same<SentencePair["quote"], true | undefined>(true);
  same<SentencePair["figure"], true | undefined>(true);

  same<keyof LineEndings, "before" | "after">(true);
  same<LineEndings["before"], Ending>(true);
  same<LineEndings["after"], Ending>(true);
  same<Ending, "lf" | "crlf" | "cr" | "mixed">(true);

  // Reading a model as a front end does: strict null checks hold.
  for (const row of m.rows) {
    if (row.kind === "moved" && row.partner !== undefined) {
      const other: Row | undefined = m.rows[row.partner];
      void other;
    }
    const text: string = (row.inline ?? []).map((p) => (p.tag === "delete" ? "" : p.text)).join("");
    void text;
  }
  const speakers: string[] = m.quotes.flatMap((q) => (q.speaker === null ? [] : [q.speaker]));
  const share: number = m.stats.sharedWording;
  const pairs: number = m.outlets?.inBoth ?? 0;
  const endings: string = m.line_endings ? `${m.line_endings.before} → ${m.line_endings.after}` : "";
  void [speakers, share, pairs, endings];

  // @ts-expect-error: a field the model does not have
  m.stat;
  // @ts-expect-error: line_endings is absent unless the endings differ
  m.line_endings.before;
  // @ts-expect-error: a quote's speaker may be null
  m.quotes[0].speaker.length;
  // @ts-expect-error: a figure's row may be null
  const row: number = m.figures[0].beforeRow;
  // @ts-expect-error: outlets is null unless the texts share little wording
  m.outlets.sentences;
  // @ts-expect-error: not a row kind
  const kind: RowKind = "deleted";
  // @ts-expect-error: the model is JSON (snake case only for line_endings)
  m.lineEndings;
  void [row, kind];
}

// ------------------------------------------------------------ the API

async function api(element: HTMLElement): Promise<void> {
  const options: Options = {
    ignoreCase: true,
    ignoreWhitespace: false,
    ignorePunctuation: true,
    showNoise: true,
    hideCosmetic: false,
    deadlineMs: 500,
  };
  const viewOptions: ViewOptions = { showNoise: true, hideCosmetic: true };

  const m: Comparison = compare("Five killed.", "Six killed.", options);
  const later: Comparison = await compareAsync("Five killed.", "Six killed.");
  try {
    await compareAsync("a", "b", { deadlineMs: 100 });
  } catch (e) {
    const error = e as StoryDiffError;
    const why: boolean = error.cancelled === true || error.internal === true;
    void why;
  }
  cancel();
  const rendered: Comparison = render(element, "a", "b", options);
  const side: HTMLElement = view(m, viewOptions);
  const sideDefault: HTMLElement = view(later);
  const progress: ViewProgress = viewInto(element, m, viewOptions, (done: number, total: number) => void (done / total), 8);
  const finished: boolean = await progress;
  progress.cancel();
  const box: HTMLElement = ledger(m);
  const text: string = readHtml("<article><p>Six killed.</p></article>");
  const inline: HTMLElement = inlineView(m);
  const inlineFolded: HTMLElement = inlineView(m, viewOptions);
  const intoOptions: ViewIntoOptions = { inline: true, showNoise: false };
  const inlineShown: boolean = await viewInto(element, m, intoOptions);
  const line: string = summary(m);
  const v: string = version;
  void [rendered, side, sideDefault, finished, box, text, inline, inlineFolded, inlineShown, line, v];

  // The default export and window.StoryDiff are the same API.
  same<typeof StoryDiff, Window["StoryDiff"]>(true);
  same<
    keyof typeof StoryDiff,
    | "compare"
    | "compareAsync"
    | "cancel"
    | "render"
    | "view"
    | "viewInto"
    | "ledger"
    | "readHtml"
    | "inlineView"
    | "summary"
    | "version"
  >(true);
  const again: Comparison = window.StoryDiff.compare("a", "b");
  const same2: typeof compare = StoryDiff.compare;
  void [again, same2];

  // @ts-expect-error: After is required
  compare("only Before");
  // @ts-expect-error: options are booleans
  compare("a", "b", { ignoreCase: "yes" });
  // @ts-expect-error: a misspelt option
  compare("a", "b", { ignoreCas: true });
  // @ts-expect-error: view takes the view options, not the comparison's
  view(m, { ignoreCase: true });
  // @ts-expect-error: compareAsync gives a Promise, not a model
  const sync: Comparison = compareAsync("a", "b");
  // @ts-expect-error: viewInto settles with a boolean
  const wrong: Promise<string> = viewInto(element, m);
  // @ts-expect-error: the test hooks are not part of the API
  StoryDiff._sharedRun;
  void [sync, wrong];
}

// ------------------------------------------------------------ <story-diff>

async function element(): Promise<void> {
  const el: StoryDiffElement = document.createElement("story-diff");
  const found: StoryDiffElement | null = document.querySelector("story-diff");
  const shown: Comparison | null = el.model;
  const fresh: Comparison | null = await el.refresh();
  const options: Options = el.options();
  el.addEventListener("story-diff:rendered", (event) => {
    const rows: Row[] = event.detail.model.rows;
    void rows;
    // @ts-expect-error: the detail holds the model, not its rows
    event.detail.rows;
  });
  el.addEventListener("click", (event) => void event.clientX);
  void [found, shown, fresh, options];

  // @ts-expect-error: the model is the element's to set
  el.model = null;
}

void [model, api, element];
