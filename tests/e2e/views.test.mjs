// The two views as a reader meets them: the inline view (the default on a
// phone and in a narrow blog column) as complete as side by side; the
// side-by-side view with a structure a screen reader can follow; and one
// set of counts wherever counts are stated.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { largePair, launch, openPage, paste, publicModel, seed, SEED_000, SEED_001, compareNow } from "./browser.mjs";

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const PHONE = { width: 375, height: 740 };

async function compareTexts(page, b, a) {
  await paste(page, "#before", b);
  await paste(page, "#after", a);
  // Cleared after the pastes: a comparison the first paste started (live)
  // may finish meanwhile and say "compared in"; the click's comparison
  // supersedes any still under way, so the next "compared in" is its.
  await page.evaluate(() => (document.getElementById("status").textContent = ""));
  await compareNow(page);
  await page.locator("#status", { hasText: /compared in \d+ ms/ }).waitFor({ timeout: 30000 });
}

test("inline on a phone: the ledger above it, page furniture set aside as side by side does, deletions set apart from insertions", async () => {
  const { page, context, errors } = await openPage(browser, undefined, PHONE);
  await compareTexts(page, seed(SEED_000), seed(SEED_001));
  assert.equal(await page.getByLabel("Inline", { exact: true }).isChecked(), true);
  // Only the chosen view is built.
  assert.equal(await page.locator("#result").evaluate((n) => n.childElementCount), 0);

  // The ledger, above the rows, with the added quote and its speaker.
  const order = await page.evaluate(() => {
    const ledger = document.querySelector("#result-inline .sd-ledger");
    const view = document.querySelector("#result-inline .sd-inline-view");
    return !!ledger && !!view && ledger.getBoundingClientRect().bottom <= view.getBoundingClientRect().top + 1;
  });
  assert.ok(order, "the ledger stands above the inline view");
  const added = page.locator("#result-inline .sd-quote-added", { hasText: "They need to get rid of these illusions" });
  assert.match(await added.locator(".sd-speaker").textContent(), /Moallem/);

  // The carousel: one bar, its 81 lines hidden, none of them struck through.
  const bar = page.locator("#result-inline .sd-noise-bar");
  assert.equal(await bar.count(), 1);
  assert.match(await bar.textContent(), /Page furniture set aside: 81 lines Before, 3 lines After/);
  const noise = page.locator("#result-inline .sd-line.sd-noise");
  assert.equal(await noise.isVisible(), false);
  assert.equal(await page.locator("#result-inline del", { hasText: "Now playing" }).count(), 0);
  await bar.getByRole("button", { name: "Show" }).click();
  assert.equal(await noise.isVisible(), true);
  assert.match(await noise.textContent(), /Now playing/);
  assert.equal(await noise.locator("del, ins").count(), 0);
  // "Show noise" shows it without a click, as it does side by side.
  await page.getByLabel("Show noise").check();
  await page.locator("#result-inline .sd-line.sd-noise").waitFor({ state: "visible" });
  assert.equal(await page.locator("#result-inline .sd-noise-bar button").textContent(), "Hide");

  // "(CNN) —" struck, then "CNN —": a visible gap between them that is no
  // part of the text.
  const gap = await page.evaluate(() => {
    const ins = [...document.querySelectorAll("#result-inline ins.sd-joined")].find((n) => n.textContent.startsWith("CNN"));
    const del = ins?.previousSibling;
    if (!del || del.nodeName !== "DEL") return null;
    const range = document.createRange();
    range.setStartBefore(del);
    range.setEndAfter(ins);
    getSelection().removeAllRanges();
    getSelection().addRange(range);
    return {
      del: del.textContent,
      ins: ins.textContent,
      gap: ins.getBoundingClientRect().left - del.getBoundingClientRect().right,
      copied: getSelection().toString(),
    };
  });
  assert.ok(gap, "a deletion followed at once by an insertion");
  assert.equal(gap.del.trim(), "(CNN) —");
  assert.ok(gap.gap >= 3, `the gap is ${gap.gap} px`);
  assert.equal(gap.copied, gap.del + gap.ins);

  // Every line still rebuilds its row: unchanged text and deletions give
  // Before, unchanged text and insertions give After.
  // The rows: the comparison of the texts shown, through the public API;
  // the page shows one line for each.
  const { rows } = await page.evaluate(publicModel);
  assert.equal(await page.locator("#result-inline .sd-line").count(), rows.length);
  const rebuilt = await page.evaluate((rows) => {
    const trim = (t) => (t == null ? "" : t.replace(/[\r\n]+$/, ""));
    const bad = [];
    document.querySelectorAll("#result-inline .sd-line").forEach((line) => {
      const row = rows[Number(line.dataset.row)];
      if (row.kind === "noise" || row.kind === "moved") return;
      const side = (drop) => {
        let text = "";
        const walk = (node) => {
          for (const child of node.childNodes) {
            if (child.nodeType === 3) text += child.data;
            else if (child.nodeName === drop || child.nodeName === "BUTTON") continue;
            else walk(child);
          }
        };
        walk(line);
        return text;
      };
      const b = side("INS");
      const a = side("DEL");
      if ((row.before != null && b !== trim(row.before)) || (row.after != null && a !== trim(row.after))) bad.push(line.id);
    });
    return bad;
  }, rows);
  assert.deepEqual(rebuilt, []);
  assert.deepEqual(errors, []);
  await context.close();
});

test("inline on the 1.4 MB pair: unchanged runs folded, and a switch of view builds the chosen view alone", async () => {
  const [b, a] = largePair();
  const { page, context, errors } = await openPage(browser, undefined, PHONE);
  await page.locator("#status", { hasText: /compared in \d+ ms/ }).waitFor();
  await page.evaluate(([b, a]) => {
    document.getElementById("before").value = b;
    document.getElementById("after").value = a;
    document.getElementById("status").textContent = "";
  }, [b, a]);
  await compareNow(page);
  await page.locator("#status", { hasText: /compared in \d+ ms/ }).waitFor({ timeout: 30000 });
  const measure = () =>
    page.evaluate(() => ({
      height: document.documentElement.scrollHeight,
      folds: document.querySelectorAll(".sd-fold").length,
      sideBuilt: document.querySelectorAll("#result .sd-row").length,
      inlineBuilt: document.querySelectorAll("#result-inline .sd-line").length,
    }));
  const inline = await measure();
  assert.ok(inline.folds > 0, "long unchanged runs are folded");
  assert.equal(inline.sideBuilt, 0);

  // The rows of the comparison shown, through the public API.
  const rows = await page.evaluate(`(${publicModel})().rows.length`);
  /** Switches view and waits for every row. */
  const switchTo = async (label, selector) => {
    await page.getByLabel(label, { exact: true }).check();
    await page.waitForFunction(([s, rows]) => document.querySelectorAll(s).length === rows, [selector, rows], { timeout: 30000 });
  };
  await switchTo("Side by side", "#result .sd-row");
  const side = await measure();
  assert.equal(side.inlineBuilt, 0, "the inline view is dropped once side by side is shown");
  // Folded, the inline view is no taller than side by side (built whole
  // and unfolded it was several times taller, and its switch a 343 ms
  // task: `cargo xtask bench` reports the switch's longest task).
  assert.ok(inline.height <= side.height, `inline ${inline.height} px against side by side ${side.height} px`);
  await switchTo("Inline", "#result-inline .sd-line");
  assert.equal((await measure()).sideBuilt, 0);
  assert.deepEqual(errors, []);
  await context.close();
});

/** In the page: a <story-diff> of the two texts, with `id` (and `ledger`
 * when given), at the top of <main>, once it has rendered. */
async function mountEmbed([id, b, a, ledger]) {
  const host = document.createElement("story-diff");
  host.id = id;
  if (ledger) host.setAttribute("ledger", ledger);
  for (const [slot, text] of [["before", b], ["after", a]]) {
    const pre = document.createElement("pre");
    pre.slot = slot;
    pre.textContent = text;
    host.appendChild(pre);
  }
  const rendered = new Promise((r) => host.addEventListener("story-diff:rendered", r, { once: true }));
  document.querySelector("main").prepend(host);
  await rendered;
}

test("<story-diff> in a narrow column: the ledger, then the inline view alone, furniture set aside; side by side once it is wide", async () => {
  const { page, context, errors } = await openPage(browser, undefined, PHONE);
  await page.locator("#status", { hasText: /compared in/ }).waitFor();
  await page.evaluate(mountEmbed, ["embed", seed(SEED_000), seed(SEED_001)]);
  const narrow = await page.evaluate(() => {
    const host = document.getElementById("embed");
    const shadow = host.shadowRoot;
    const box = shadow.querySelector(".sd-ledger-box");
    const view = shadow.querySelector(".sd-inline-view");
    return {
      views: [...shadow.querySelectorAll(".sd-view, .sd-inline-view")].map((n) => n.className),
      above: box.getBoundingClientRect().bottom <= view.getBoundingClientRect().top,
      quote: !!box.querySelector(".sd-quote-added"),
      bar: shadow.querySelector(".sd-inline-view .sd-noise-bar")?.textContent,
      noiseShown: shadow.querySelector(".sd-line.sd-noise").getClientRects().length > 0,
      struck: [...shadow.querySelectorAll("del")].some((d) => d.textContent.includes("Now playing")),
    };
  });
  assert.deepEqual(narrow.views, ["sd-inline-view"]);
  assert.equal(narrow.above, true);
  assert.equal(narrow.quote, true);
  assert.match(narrow.bar, /81 lines Before, 3 lines After/);
  assert.equal(narrow.noiseShown, false);
  assert.equal(narrow.struck, false);
  await page.setViewportSize({ width: 1100, height: 800 });
  await page.waitForFunction(() => document.getElementById("embed").shadowRoot.querySelector(".sd-view .sd-row"));
  const views = await page.evaluate(() => [...document.getElementById("embed").shadowRoot.querySelectorAll(".sd-view, .sd-inline-view")].map((n) => n.className));
  assert.deepEqual(views, ["sd-view"]);
  assert.deepEqual(errors, []);
  await context.close();
});

/** The children of each entry of an aria snapshot, by indentation:
 * [{ line, children: [line…] }] for the entries `indent` deep. */
function entries(snapshot, indent) {
  const out = [];
  const lines = snapshot.split("\n");
  const at = (line) => line.length - line.trimStart().length;
  lines.forEach((line, k) => {
    if (at(line) !== indent || !line.trimStart().startsWith("- ")) return;
    const children = [];
    for (let j = k + 1; j < lines.length && at(lines[j]) > indent; j++) {
      if (at(lines[j]) === indent + 2 && lines[j].trimStart().startsWith("- ")) children.push(lines[j].trim());
    }
    out.push({ line: line.trim(), children });
  });
  return out;
}

test("side by side reads as a table: Before and After column headers, a row per paragraph, unchanged text read once", async () => {
  const { page, context } = await openPage(browser);
  await compareTexts(page, seed(SEED_000), seed(SEED_001));
  const snapshot = await page.locator("#result .sd-view").ariaSnapshot();
  assert.match(snapshot.split("\n")[0], /^- '?table "Side by side: Before on the left, After on the right"/);
  const rows = entries(snapshot, 2);
  assert.ok(rows.length >= 5, snapshot);
  assert.ok(rows.every((r) => /^- '?row\b/.test(r.line)), "every child of the table is a row");
  // The header row: two column headers.
  assert.deepEqual(rows[0].children, ['- columnheader "Before"', '- columnheader "After"']);
  // An unchanged paragraph: one cell, so it is read once.
  const same = rows.find((r) => r.line.includes("Story highlights"));
  assert.equal(same.children.length, 1, JSON.stringify(same));
  // The dateline changed: a Before cell with the row's number and the
  // deletion, an After cell with the insertion, announced as such.
  const dateline = rows.find((r) => r.line.includes("[deleted: (CNN) —"));
  assert.equal(dateline.children.length, 2, JSON.stringify(dateline));
  assert.match(dateline.children[0], /cell "Row 3: \[deleted: \(CNN\) — \]"/);
  assert.match(dateline.children[1], /cell "\[inserted: CNN — \]"/);
  // The added quote's row: its After cell says "inserted".
  const quote = rows.find((r) => r.line.includes("They need to get rid of these illusions"));
  assert.equal(quote.children.length, 2);
  assert.match(quote.children[1], /\[inserted: They need to get rid of these illusions/);
  // Which column a cell is in is the column header's to say.
  const columns = await page.evaluate(() => {
    const row = document.querySelector("#result .sd-row.sd-changed");
    return [...row.children].map((cell) => cell.getAttribute("role"));
  });
  assert.deepEqual(columns, ["cell", "cell"]);
  await context.close();
});

test("a long unchanged run side by side: one fold for both columns, the hidden side's button out of the Tab order", async () => {
  const { page, context } = await openPage(browser);
  const lines = Array.from({ length: 60 }, (_, k) => `Unchanged line ${k}.`).join("\n");
  await compareTexts(page, `${lines}\n\nThe toll rose to 145.`, `${lines}\n\nThe toll rose to 148.`);
  const row = page.locator("#result .sd-row.sd-equal").first();
  const folds = row.locator(".sd-fold");
  assert.equal(await folds.count(), 2);
  assert.equal(await row.locator(".sd-after").getAttribute("aria-hidden"), "true");
  assert.deepEqual(await folds.evaluateAll((bs) => bs.map((b) => b.tabIndex)), [0, -1]);
  await folds.first().click();
  assert.deepEqual(await row.locator(".sd-fold-body").evaluateAll((bs) => bs.map((b) => !b.hidden)), [true, true]);
  assert.deepEqual(await folds.evaluateAll((bs) => bs.map((b) => b.getAttribute("aria-expanded"))), ["true", "true"]);
  await folds.last().click();
  assert.deepEqual(await row.locator(".sd-fold-body").evaluateAll((bs) => bs.map((b) => !b.hidden)), [false, false]);
  await context.close();
});

/** A pair with a move: the second paragraph goes to the end. */
const MOVE_BEFORE = [
  "Officials said the storm would reach the coast by Monday evening.",
  "The harbour master closed the port to all shipping until further notice.",
  "Residents were told to stay indoors and to keep away from the sea front.",
  "Schools in the district will stay shut on Tuesday, the council said.",
  "Forecasters expect winds of up to 90 miles an hour on exposed coasts.",
].join("\n\n");
const MOVE_AFTER = [
  "Officials said the storm would reach the coast by Monday evening.",
  "Residents were told to stay indoors and to keep away from the sea front.",
  "Schools in the district will stay shut on Tuesday and Wednesday, the council said.",
  "Forecasters expect winds of up to 90 miles an hour on exposed coasts.",
  "The harbour master closed the port to all shipping until further notice.",
].join("\n\n");

test("the counts agree: the status line, the ledger, the element's ledger and caption, and StoryDiff.summary say the model's stats in one wording", async () => {
  const { page, context, errors } = await openPage(browser);
  for (const [b, a, expect] of [
    [seed(SEED_000), seed(SEED_001), /^\+35 words, −46 words · 2 paragraphs changed · 1 paragraph with cosmetic changes only · quotes: 1 added, 2 removed$/],
    [MOVE_BEFORE, MOVE_AFTER, /\b1 paragraph changed · 1 paragraph moved\b/],
  ]) {
    await compareTexts(page, b, a);
    await page.evaluate(mountEmbed, ["with-ledger", b, a]);
    await page.evaluate(mountEmbed, ["without-ledger", b, a, "off"]);
    // The model of the texts shown, through the public API.
    const model = await page.evaluate(publicModel);
    const said = await page.evaluate((model) => {
      // What an element states: the texts of its ledger's counts and of
      // its caption.
      const embed = (id) => {
        const host = document.getElementById(id);
        const said = [".sd-ledger-counts", ".sd-caption"].map((s) => [...host.shadowRoot.querySelectorAll(s)].map((n) => n.textContent));
        host.remove();
        return said;
      };
      return {
        stats: model.stats,
        moves: model.rows.filter((r) => r.kind === "moved").length,
        status: document.getElementById("status").textContent,
        ledger: document.querySelector("#result .sd-stats").textContent,
        summary: StoryDiff.summary(model),
        element: embed("with-ledger"),
        caption: embed("without-ledger"),
      };
    }, model);
    assert.match(said.ledger, expect);
    assert.equal(said.summary, said.ledger);
    // With its ledger, the element says the counts once, in the ledger;
    // with ledger="off", in a caption.
    assert.deepEqual(said.element, [[said.ledger], []]);
    assert.deepEqual(said.caption, [[], [said.ledger]]);
    assert.ok(said.status.startsWith(said.ledger), `status: ${said.status}`);
    // The numbers are the stats': a move is one paragraph, two rows.
    assert.ok(said.ledger.includes(`${said.stats.paragraphsChanged} paragraph`));
    assert.equal(said.moves, 2 * said.stats.paragraphsMoved);
  }
  assert.deepEqual(errors, []);
  await context.close();
});
