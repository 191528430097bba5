// Finding one's way: row numbers a reader can see (the "row N" of the
// ledger's links and of the move links), the first-open example said to be
// one, the sentence pairing of two outlets open, and notices that stay
// true (Cleared, Copy link from a file).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync, rmSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { launch, openPage, pagePath, paste, seed, SEED_000, SEED_001, SEED_002, compareNow, exported } from "./browser.mjs";

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const PARAS = ["Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot"].map(
  (w) => `${w} paragraph that says something long enough to be a paragraph of its own in a story.`
);
// The first paragraph moves to the end (a move, with a link at each end),
const MOVED_BEFORE = PARAS.join("\n\n") + "\n";
// and the third is reworded between them.
const MOVED_AFTER = [...PARAS.slice(1), PARAS[0]].join("\n\n").replace("Charlie paragraph that says", "Charlie paragraph that now says") + "\n";

async function compareTexts(page, b, a, scope = "#result") {
  await page.evaluate(() => (document.getElementById("status").textContent = ""));
  await paste(page, "#before", b);
  await paste(page, "#after", a);
  await compareNow(page);
  await page.locator("#status", { hasText: /compared in \d+ ms/ }).waitFor({ timeout: 30000 });
  await page.locator(`${scope} [data-n]:visible`).first().waitFor();
}

/** Whether the gutter of `selector`'s row shows something: a screenshot
 * of its left edge with the numbers, against one with them hidden. */
async function gutterShows(page, selector) {
  const row = page.locator(selector).first();
  await row.scrollIntoViewIfNeeded();
  const box = await row.boundingBox();
  const clip = { x: box.x + 1, y: box.y + 1, width: 28, height: Math.min(box.height - 2, 20) };
  const shown = await page.screenshot({ clip });
  // The number moves out of data-n and back (a style sheet would not
  // reach into the element's shadow root).
  const swap = (from, to) =>
    row.evaluate(
      (row, [from, to]) => {
        for (const node of [row, ...row.children]) {
          if (node.dataset[from] == null) continue;
          node.dataset[to] = node.dataset[from];
          delete node.dataset[from];
        }
      },
      [from, to]
    );
  await swap("n", "hiddenN");
  const hidden = await page.screenshot({ clip });
  await swap("hiddenN", "n");
  return !shown.equals(hidden);
}

/** The number, the "row N" links that reach each row and the move links,
 * read off one view (`scope`: #result or #result-inline). */
function rowsAndLinks(scope) {
  const root = document.querySelector(scope);
  const numberOf = (id) => {
    const row = root.querySelector("#" + id);
    const carrier = row.matches("[data-n]") ? row : row.querySelector(":scope > [data-n]");
    return carrier ? carrier.dataset.n : null;
  };
  const links = [...root.querySelectorAll(".sd-ledger a.sd-row-link")].map((a) => ({
    says: a.textContent,
    number: numberOf(a.getAttribute("href").slice(1)),
  }));
  const moves = [...root.querySelectorAll(".sd-move-link")].map((b) => ({
    says: b.textContent,
    number: numberOf("sd-row-" + b.dataset.partner),
  }));
  const rows = [...root.querySelectorAll(".sd-row, .sd-line")].map((row) => ({ id: row.id, number: numberOf(row.id) }));
  return { links, moves, rows };
}

function checkNumbers({ links, moves, rows }) {
  assert.ok(rows.length >= 5, `${rows.length} rows`);
  rows.forEach((row) => assert.equal(row.number, String(Number(row.id.replace("sd-row-", "")) + 1), row.id));
  for (const link of links) assert.equal(link.says, "row " + link.number);
  for (const move of moves) assert.match(move.says, new RegExp("Moved (to|from) row " + move.number + "$"));
}

/** Copies the text of rows `from`..`to` of a view as a reader would
 * (select, Ctrl+C), and what those rows say. */
async function copyRows(page, scope, from, to) {
  return page.evaluate(
    async ([scope, from, to]) => {
      const root = document.querySelector(scope);
      const range = document.createRange();
      range.setStartBefore(root.querySelector("#sd-row-" + from));
      range.setEndAfter(root.querySelector("#sd-row-" + to));
      getSelection().removeAllRanges();
      getSelection().addRange(range);
      document.execCommand("copy");
      const copied = await navigator.clipboard.readText();
      return { copied, said: range.cloneContents().textContent };
    },
    [scope, from, to]
  );
}

const squash = (text) => text.replace(/\s+/g, "");

test("row numbers: side by side and inline, the ledger's and the move links' numbers, never copied, read out as Row N", async () => {
  const { page, context, errors } = await openPage(browser);
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await compareTexts(page, seed(SEED_000), seed(SEED_001));
  const side = await page.evaluate(rowsAndLinks, "#result");
  assert.ok(side.links.length >= 2, "the ledger links to rows");
  checkNumbers(side);
  const linked = await page.locator("#result .sd-ledger a.sd-row-link").first().getAttribute("href");
  assert.ok(await gutterShows(page, `#result ${linked}`), "the linked row shows its number");
  // A screen reader hears the number as the row begins.
  const number = await page.locator(`#result ${linked} > [data-n]`).getAttribute("data-n");
  assert.match(await page.locator(`#result ${linked}`).ariaSnapshot(), new RegExp(`row "Row ${number}: `));
  // Copying rows copies the story only: no numbers.
  const copy = await copyRows(page, "#result", 1, 4);
  assert.ok(copy.said.length > 40);
  assert.equal(squash(copy.copied), squash(copy.said));

  // A move: each end's link names the other end's number.
  await compareTexts(page, MOVED_BEFORE, MOVED_AFTER);
  const moved = await page.evaluate(rowsAndLinks, "#result");
  assert.equal(moved.moves.length, 2);
  checkNumbers(moved);
  // Where it arrives, its empty Before side is named with the number.
  const arrived = page.locator("#result .sd-row.sd-moved").last().locator("> .sd-before");
  assert.equal(await arrived.getAttribute("aria-label"), `Row ${await arrived.getAttribute("data-n")}: not in Before`);

  // Inline, the same numbers on the same rows.
  await page.getByLabel("Inline", { exact: true }).check();
  await page.locator("#result-inline .sd-move-link").first().waitFor();
  const inlineMoved = await page.evaluate(rowsAndLinks, "#result-inline");
  assert.equal(inlineMoved.moves.length, 2);
  checkNumbers(inlineMoved);
  await compareTexts(page, seed(SEED_000), seed(SEED_001), "#result-inline");
  const inline = await page.evaluate(rowsAndLinks, "#result-inline");
  assert.deepEqual(inline.links, side.links);
  checkNumbers(inline);
  assert.ok(await gutterShows(page, `#result-inline ${linked}`), "the linked line shows its number");
  assert.match(await page.locator(`#result-inline ${linked}`).ariaSnapshot(), new RegExp(`^- text: "Row ${number}: `));
  const copyInline = await copyRows(page, "#result-inline", 1, 4);
  assert.equal(squash(copyInline.copied), squash(copyInline.said));
  assert.deepEqual(errors, []);
  await context.close();
});

test("row numbers in the <story-diff> element, wide (side by side) and narrow (inline)", async () => {
  const file = path.join(path.dirname(pagePath), "orientation-test.html");
  const escape = (text) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;");
  const element = (id, width) =>
    `<div style="width:${width}"><story-diff id="${id}"><pre slot="before">${escape(MOVED_BEFORE)}</pre><pre slot="after">${escape(MOVED_AFTER)}</pre></story-diff></div>`;
  writeFileSync(
    file,
    `<!doctype html><meta charset="utf-8"><script src="story-diff.js"></script><body>${element("wide", "900px")}${element("narrow", "360px")}</body>`
  );
  try {
    const { page, context, errors } = await openPage(browser, pathToFileURL(file).href);
    for (const [id, kind] of [["wide", ".sd-row"], ["narrow", ".sd-line"]]) {
      const rows = page.locator(`#${id} ${kind}`);
      await rows.first().waitFor();
      const read = await page.evaluate(
        ([id, kind]) => {
          const root = document.getElementById(id).shadowRoot;
          return {
            rows: [...root.querySelectorAll(kind)].map((row) => ({
              id: row.id,
              number: (row.matches("[data-n]") ? row : row.querySelector(":scope > [data-n]")).dataset.n,
            })),
            moves: [...root.querySelectorAll(".sd-move-link")].map((b) => ({
              says: b.textContent,
              number: root.querySelector("#sd-row-" + b.dataset.partner + (kind === ".sd-row" ? " > [data-n]" : "")).dataset.n,
            })),
            links: [],
          };
        },
        [id, kind]
      );
      assert.equal(read.moves.length, 2, id);
      checkNumbers(read);
      assert.ok(await gutterShows(page, `#${id} #sd-row-0`), `${id}: the first row shows its number`);
    }
    assert.deepEqual(errors, []);
    await context.close();
  } finally {
    rmSync(file, { force: true });
  }
});

test("Copy HTML keeps the numbers the move links name", async () => {
  const { page, context } = await openPage(browser);
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await compareTexts(page, MOVED_BEFORE, MOVED_AFTER);
  const html = await exported(page, "html");
  await page.setContent(`<!doctype html><body style="width:900px">${html}</body>`);
  const first = page.locator(".sd-row").first();
  assert.equal(await first.locator("> [data-n]").getAttribute("data-n"), "1");
  assert.ok(await gutterShows(page, ".sd-row >> nth=0"), "the snippet's rows show their numbers");
  await context.close();
});

test("the first-open example says it is one, until the reader brings their own", async () => {
  const { page, context, errors } = await openPage(browser);
  const note = page.locator("#example-note");
  await page.locator("#result .sd-row:visible").first().waitFor();
  await note.waitFor();
  assert.equal(await note.textContent(), "Example: two versions of a CNN story — paste your own to compare.");
  // Above the result.
  const above = await page.evaluate(
    () => document.getElementById("example-note").getBoundingClientRect().bottom <= document.getElementById("result").getBoundingClientRect().top
  );
  assert.ok(above);
  // Typing drops it.
  await page.locator("#after").press("End");
  await page.locator("#after").type(" More.");
  await note.waitFor({ state: "hidden" });
  // Cleared, then the example again: labelled again.
  await page.click("#clear");
  await page.locator("#result .sd-start button", { hasText: "Show an example" }).click();
  await note.waitFor();
  // A file opened drops it.
  await page.locator("#before-file").setInputFiles({ name: "mine.txt", mimeType: "text/plain", buffer: Buffer.from("My own story.\n") });
  await page.locator("#share-notice", { hasText: "Opened “mine.txt”" }).waitFor();
  await note.waitFor({ state: "hidden" });
  // A second visit with a draft of its own: no label.
  await page.reload();
  await page.locator("#result .sd-row:visible").first().waitFor();
  assert.equal(await note.isVisible(), false);
  assert.deepEqual(errors, []);
  await context.close();
});

test("two outlets' texts: the sentence pairing is open", async () => {
  const { page, context, errors } = await openPage(browser);
  await compareTexts(page, seed(SEED_001), seed(SEED_002));
  const pairing = page.locator("#result details.sd-outlets");
  await pairing.waitFor();
  assert.equal(await pairing.evaluate((d) => d.open), true);
  assert.equal(await pairing.locator(".sd-pair").nth(1).isVisible(), true);
  // Two versions of one story have no such pairing.
  await compareTexts(page, seed(SEED_000), seed(SEED_001));
  assert.equal(await page.locator("#result details.sd-outlets").count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test("'Cleared.' goes once there is text again", async () => {
  const { page, context } = await openPage(browser);
  await page.locator("#result .sd-row:visible").first().waitFor();
  const notice = page.locator("#share-notice");
  await page.click("#clear");
  await page.locator("#share-notice", { hasText: "Cleared." }).waitFor();
  // Empty still: it stays.
  await compareNow(page);
  await page.locator("#result .sd-start").waitFor();
  assert.equal(await notice.isVisible(), true);
  await page.locator("#before").type("A");
  await notice.waitFor({ state: "hidden" });
  await context.close();
});

test("Copy link from a file says the link needs the page, and points to Copy HTML", async () => {
  const { page, context } = await openPage(browser);
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.locator("#result .sd-row:visible").first().waitFor();
  await page.click("#copy-link");
  const notice = page.locator("#share-notice", { hasText: "Copied the link" });
  await notice.waitFor();
  const text = await notice.textContent();
  assert.ok(text.includes("opened from a file"), text);
  assert.ok(text.includes(pagePath), text);
  assert.ok(text.includes("Copy HTML"), text);
  await context.close();
});
