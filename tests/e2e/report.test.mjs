// The CLI's HTML report shows the ledger the page shows: `storydiff --html`
// writes its markup in Rust (src/present/ledger.rs `html`), the page builds
// it in JS (www/ledger.js `ledger`); on every pair, the report's ledger
// element is the element StoryDiff.ledger builds for StoryDiff.compare of
// the same texts, tag for tag and character for character (issue #14).
// Its side-by-side view is StoryDiff.view's too, but for three things that
// need the page's script, which the page's side is turned into the report's
// static form of before comparing: a long unchanged row's folded middle
// (shown whole), a move's button (a link to the other end), page furniture's
// bar and toggle (a <details> holding the row).
// The pairs: the seeds, the fixtures, and every pair of the shared corpus
// (read at test time from ../shared/corpus, never copied into the project).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { launch, openPage, root, scriptUrl, SEED_000, SEED_001, SEED_002 } from "./browser.mjs";

const corpus = path.resolve(root, "..", "shared", "corpus");
const fixtures = path.join(root, "tests", "fixtures");

/** Every pair as [name, before file, after file]. */
function pairs() {
  const seeds = (a, b) => [`seeds ${a.slice(0, 3)} → ${b.slice(0, 3)}`, path.join(root, "seeds", a), path.join(root, "seeds", b)];
  const list = [seeds(SEED_000, SEED_001), seeds(SEED_001, SEED_002), seeds(SEED_000, SEED_002)];
  const folders = (dir, b, a) =>
    readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isDirectory() && existsSync(path.join(dir, e.name, b)) && existsSync(path.join(dir, e.name, a)))
      .map((e) => e.name)
      .sort()
      .map((name) => [`${path.basename(dir)}/${name}`, path.join(dir, name, b), path.join(dir, name, a)]);
  list.push(...folders(fixtures, "before.txt", "after.txt"));
  if (existsSync(corpus)) list.push(...folders(corpus, "a.txt", "b.txt"));
  else console.log(`report.test: no shared corpus at ${corpus}; comparing the seeds and fixtures only`);
  return list;
}

/** Pairs made up to reach what the texts above may not: a control
 * character inside a quote, more quotes than the ledger lists before
 * folding the rest, an unattributed quote, a quote that stays, a
 * cosmetic mark against a mark of the other kind, a move (which the
 * seeds and fixtures alone lack). */
function madeUpPairs(dir) {
  const said = (n, words) => `“${words} number ${n},” said Alex Smith${n}.`;
  const many = Array.from({ length: 15 }, (_, n) => said(n, "We will build it"));
  const more = Array.from({ length: 15 }, (_, n) => said(n, n % 2 ? "We will build it soon" : "We will build it"));
  const made = [
    [
      "many quotes, one kept",
      `Opening.\n\n${many.join("\n\n")}\n\n“Nothing changes here,” she said.\n\nFigures: 140 dead, 12 hurt.\n`,
      `Opening, changed.\n\n${more.join("\n\n")}\n\n“Nothing changes here,” she said.\n\nFigures: 148 dead, 15 hurt.\n\n“A new one.”\n`,
    ],
    ["a control character in a quote", "Intro.\n\n“It was \u0007 fine,” he said.\n", "Intro.\n\n“It was \u0007 bad,” he said.\n"],
    [
      "a paragraph moved",
      "A first paragraph of the story.\n\nA second one, about the toll.\n\nA third one, about the weather.\n",
      "A second one, about the toll.\n\nA third one, about the weather.\n\nA first paragraph of the story.\n",
    ],
    [
      "a quote with a cosmetic change",
      "Intro.\n\n“It’s a good day, really,” said Jo Bloggs.\n",
      "Intro.\n\n“It's a good day - really, truly,” said Jo Bloggs.\n",
    ],
  ];
  return made.map(([name, b, a], k) => {
    writeFileSync(path.join(dir, `made${k}-before.txt`), b);
    writeFileSync(path.join(dir, `made${k}-after.txt`), a);
    return [`made up: ${name}`, path.join(dir, `made${k}-before.txt`), path.join(dir, `made${k}-after.txt`)];
  });
}

/** Where two strings first differ, with some of each around it. */
function firstDifference(a, b) {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const around = (s) => JSON.stringify(s.slice(Math.max(0, i - 160), i + 160));
  return `at character ${i} of ${a.length} (report) and ${b.length} (page):\n  report: ${around(a)}\n  page:   ${around(b)}`;
}

let browser;
let cli;
before(async () => {
  // The CLI built from the same source as the page (a no-op when fresh),
  // as tests/e2e/ledger.test.mjs builds it.
  execFileSync("cargo", ["build", "--quiet", "--bin", "storydiff"], { cwd: root, stdio: "inherit" });
  const target = process.env.CARGO_TARGET_DIR ? path.resolve(root, process.env.CARGO_TARGET_DIR) : path.join(root, "target");
  cli = path.join(target, "debug", process.platform === "win32" ? "storydiff.exe" : "storydiff");
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test("the report's ledger and rows are the page's on every pair", async () => {
  assert.ok(existsSync(cli), cli);
  const dir = mkdtempSync(path.join(os.tmpdir(), "storydiff-report-"));
  const all = [...pairs(), ...madeUpPairs(dir)];
  // The page's side: a blank page with the embed script (dist/story-diff.js,
  // window.StoryDiff), as a site that shows a comparison loads it.
  const blank = path.join(dir, "embed.html");
  writeFileSync(blank, `<!doctype html><meta charset="utf-8"><title>embed</title><script src="${scriptUrl}"></script>`);
  const page = await openPage(browser, pathToFileURL(blank).href);
  await page.page.waitForFunction(() => window.StoryDiff && StoryDiff.compare);
  const report = await openPage(browser, "about:blank");
  const differ = [];
  // What the ledgers hold over all pairs, so that a test that passes has
  // compared each part of the ledger at least once.
  const parts = {
    quotes: /class="sd-quote /g,
    figures: /class="sd-figure"/g,
    "outlets' notes": /class="sd-outlets-note"/g,
    "sentence pairs": /class="sd-pair[ "]/g,
    "lists folded under N more": /class="sd-more"/g,
    "unchanged quotes": /class="sd-unchanged"/g,
    "unattributed quotes": /sd-unknown/g,
    "another speaker in Before": /\(Before: /g,
    "re-attributions": /sd-attribution/g,
    regroupings: /\(regrouped\)/g,
    "joined marks": /sd-joined/g,
    "cosmetic marks": /class="sd-cosmetic/g,
  };
  const seen = Object.fromEntries(Object.keys(parts).map((k) => [k, 0]));
  const widgets = [0, 0, 0];
  for (const [name, b, a] of all) {
    const out = path.join(dir, "report.html");
    execFileSync(cli, ["--html", out, b, a], { stdio: ["ignore", "ignore", "inherit"] });
    await report.page.goto(pathToFileURL(out).href);
    const fromRust = await report.page.evaluate(() => {
      const one = (selector) => {
        const found = document.querySelectorAll(selector);
        return found.length === 1 ? found[0].outerHTML : `${found.length} × ${selector}`;
      };
      return { ledger: one(".sd-ledger"), view: one(".sd-view") };
    });
    const fromJs = await page.page.evaluate(
      ([b, a]) => {
        const model = StoryDiff.compare(b, a);
        const view = StoryDiff.view(model);
        const widgets = ["sd-fold", "sd-move-link", "sd-noise-bar"].map((c) => view.getElementsByClassName(c).length);
        // The page's folds, unfolded: the button gone, its body's text
        // back in the cell.
        view.querySelectorAll(".sd-fold").forEach((button) => {
          const body = button.nextSibling;
          body.replaceWith(document.createTextNode(body.textContent));
          button.remove();
        });
        // A move's button, as the report's link to the other end.
        view.querySelectorAll("button.sd-move-link").forEach((button) => {
          const link = document.createElement("a");
          link.className = "sd-move-link";
          link.href = "#sd-row-" + button.dataset.partner;
          link.textContent = button.textContent;
          button.replaceWith(link);
        });
        // A furniture bar and its hidden row, as a <details> holding the
        // row under the bar's words.
        view.querySelectorAll("div.sd-noise-bar").forEach((bar) => {
          const row = bar.nextSibling;
          const details = document.createElement("details");
          details.className = "sd-noise-bar";
          const summary = document.createElement("summary");
          summary.textContent = bar.querySelector("span").textContent.trim();
          row.removeAttribute("hidden");
          details.append(summary, row);
          bar.replaceWith(details);
        });
        // Written out as HTML and read back, as the report is read: so a
        // carriage return in a text reads as the parser reads it.
        const reread = (node) => {
          const t = document.createElement("template");
          t.innerHTML = node.outerHTML;
          return t.innerHTML;
        };
        return { ledger: reread(StoryDiff.ledger(model)), view: reread(view), widgets };
      },
      [readFileSync(b, "utf8"), readFileSync(a, "utf8")]
    );
    for (const part of ["ledger", "view"]) {
      if (fromRust[part] !== fromJs[part]) differ.push(`${name}, ${part}: ${firstDifference(fromRust[part], fromJs[part])}`);
    }
    const ledgerJs = fromJs.ledger;
    fromJs.widgets.forEach((n, k) => (widgets[k] += n));
    for (const [part, pattern] of Object.entries(parts)) seen[part] += (ledgerJs.match(pattern) || []).length;
  }
  console.log(
    `report.test: ${all.length} pairs compared; ${differ.length} differ. In the ledgers: ` +
      Object.entries(seen)
        .map(([part, n]) => `${n} ${part}`)
        .join(", ") +
      `; in the views: ${widgets[0]} folds, ${widgets[1]} move links, ${widgets[2]} furniture bars`
  );
  assert.deepEqual(differ, [], "the report's ledger or rows differ from the page's");
  for (const [part, n] of Object.entries(seen)) assert.ok(n > 0, `no pair's ledger has ${part}`);
  assert.ok(widgets.every((n) => n > 0), "the pairs exercise the folds, move links and furniture bars");
  assert.deepEqual(page.errors, []);
  await page.context.close();
  await report.context.close();
});
