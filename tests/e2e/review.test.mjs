// What a user-experience review of the page found, each pinned: the
// embed's furniture shown though "set aside", dark-mode contrast, row links
// that lost the share link, two highlighted rows, printed controls, empty
// and binary input, the ledger's layout.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { launch, openPage, pagePath, pageUrl, seed, SEED_000, SEED_001, SEED_002 } from "./browser.mjs";
import { lowContrast } from "./contrast.mjs";

const distDir = path.dirname(pagePath);
const escape = (text) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** A blog page next to dist/ holding the CNN example in <story-diff>,
 * written in `theme` (CSS for the page). */
function blogPage(name, theme) {
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A post</title>
<style>body { margin: 0; font: 18px/1.7 Georgia, serif; } .column { max-width: 640px; margin: 0 auto; } ${theme}</style>
<script src="story-diff.js"></script>
</head><body><article class="column">
<p>The wire copy was edited twice.</p>
<story-diff id="one">
<pre slot="before">${escape(seed(SEED_000))}</pre>
<pre slot="after">${escape(seed(SEED_001))}</pre>
</story-diff>
</article></body></html>
`;
  const file = path.join(distDir, name);
  writeFileSync(file, html);
  return pathToFileURL(file).href;
}

/** Before and After with a long unchanged run between two changes (folded
 * behind a "Show N unchanged lines" button) and the example's furniture. */
function foldedPair() {
  const same = Array.from({ length: 40 }, (_, i) => "Line " + i + " stays as it was.").join("\n");
  return [seed(SEED_000) + "\n" + same + "\nThe toll rose to 145.\n", seed(SEED_001) + "\n" + same + "\nThe toll rose to 148.\n"];
}

test("the embed's page furniture is set aside as it says: one styled bar, the rows hidden until Show", async () => {
  const { page, context, errors } = await openPage(browser, blogPage("review-blog.html", ""), { width: 1000, height: 900 });
  await page.waitForFunction(() => document.getElementById("one").shadowRoot?.querySelector(".sd-view"));
  const furniture = () =>
    page.evaluate(() => {
      const root = document.getElementById("one").shadowRoot;
      const view = root.querySelector(".sd-view");
      const bar = view.querySelector(".sd-noise-bar");
      const style = getComputedStyle(bar);
      return {
        bar: bar.textContent,
        shownRows: [...view.querySelectorAll(".sd-row.sd-noise")].filter((r) => r.getClientRects().length).length,
        rows: view.querySelectorAll(".sd-row.sd-noise").length,
        padded: parseFloat(style.paddingLeft) > 0,
        tinted: style.backgroundColor !== "rgba(0, 0, 0, 0)",
        small: parseFloat(style.fontSize) < parseFloat(getComputedStyle(view).fontSize),
      };
    });
  const shut = await furniture();
  assert.match(shut.bar, /^Page furniture set aside: 81 lines Before, 3 lines After\. Show$/);
  assert.ok(shut.rows > 0);
  assert.equal(shut.shownRows, 0, "furniture rows show though set aside");
  assert.deepEqual([shut.padded, shut.tinted, shut.small], [true, true, true]);
  await page.locator("story-diff .sd-view .sd-noise-toggle").first().click();
  assert.equal((await furniture()).shownRows, 1);
  assert.deepEqual(errors, []);
  await context.close();
});

test("dark mode: every text on the page, the fold buttons and the furniture bar included, reads at 4.5:1 or more", async () => {
  const context = await browser.newContext({ colorScheme: "dark", viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(pageUrl);
  const [b, a] = foldedPair();
  await page.locator("#before").fill(b);
  await page.locator("#after").fill(a);
  await page.locator("#result .sd-fold").first().waitFor();
  await page.locator("#result .sd-noise-bar").first().waitFor();
  assert.deepEqual(await page.evaluate(lowContrast, ["body", 4.5]), []);
  // Everything folded open: the ledger's lists, the furniture, a fold.
  await page.evaluate(() => {
    document.querySelectorAll("#result details").forEach((d) => (d.open = true));
    document.querySelector("#result .sd-noise-toggle").click();
    document.querySelector("#result .sd-fold").click();
  });
  assert.deepEqual(await page.evaluate(lowContrast, ["body", 4.5]), []);
  // Two outlets' stories: the sentence pairs.
  await page.locator("#before").fill(seed(SEED_001));
  await page.locator("#after").fill(seed(SEED_002));
  await page.locator("#result .sd-outlets").waitFor();
  await page.evaluate(() => document.querySelectorAll("#result details").forEach((d) => (d.open = true)));
  assert.deepEqual(await page.evaluate(lowContrast, ["body", 4.5]), []);
  await context.close();
});

for (const [name, theme] of [
  ["says it is dark", ":root { color-scheme: dark; } body { background: #16181b; color: #dcdfe3; }"],
  ["is dark by its colours alone", "body { background: #16181b; color: #dcdfe3; }"],
  ["is light", "body { background: #fdfcf8; color: #222; }"],
]) {
  test(`<story-diff> on a page that ${name}: every text reads at 4.5:1 or more`, async () => {
    const { page, context, errors } = await openPage(browser, blogPage("review-theme.html", theme), { width: 1000, height: 900 });
    await page.waitForFunction(() => document.getElementById("one").shadowRoot?.querySelector(".sd-view"));
    // Furniture and every fold of the ledger open.
    await page.evaluate(() => {
      const root = document.getElementById("one").shadowRoot;
      root.querySelectorAll("details").forEach((d) => (d.open = true));
      root.querySelector(".sd-view .sd-noise-toggle").click();
    });
    assert.deepEqual(await page.evaluate(lowContrast, ["story-diff", 4.5]), []);
    assert.deepEqual(errors, []);
    await context.close();
  });
}
