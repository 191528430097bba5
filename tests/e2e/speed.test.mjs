// A page that never freezes: the comparison runs in a Web Worker, long
// results are shown a slice at a time, and the worker's model is the same
// as the synchronous one. Behaviour checks with generous bounds, not a
// benchmark (that is `cargo xtask bench`).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { largePair, launch, openPage, paste, seed, SEED_000, SEED_001 } from "./browser.mjs";

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** Puts text into a text area as a paste does (the value, then `input`);
 * Playwright's `fill` types megabytes far slower than a paste. */
async function setText(page, selector, text) {
  await page.evaluate(
    ([selector, text]) => {
      window.__pastedAt = performance.now();
      const area = document.querySelector(selector);
      area.value = text;
      area.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertFromPaste" }));
    },
    [selector, text]
  );
}

test("the worker gives the same model as StoryDiff.compare", async () => {
  const { page, context, errors } = await openPage(browser);
  const pairs = [
    [seed(SEED_000), seed(SEED_001)],
    ["Five killed.\r\n\r\nRescuers searched. 👩‍👩‍👧 café", "Six killed.\n\nRescuers searched on Sunday. 叙利亚 👩‍👩‍👧 cafe"],
    ["", "Only after."],
  ];
  for (const [b, a] of pairs) {
    const same = await page.evaluate(async ([b, a]) => {
      const sync = StoryDiff.compare(b, a);
      const worker = await StoryDiff.compareAsync(b, a);
      const join = (side) => worker.rows.map((r) => r[side] ?? "").join("");
      return JSON.stringify(sync) === JSON.stringify(worker) && join("before") === b && join("after") === a;
    }, [b, a]);
    assert.ok(same, `worker and main thread differ on ${JSON.stringify(b.slice(0, 30))}`);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test("pasting the 1.4 MB pair shows its result within 3 s, and no main-thread task runs over 200 ms", async (t) => {
  const [b, a] = largePair();
  const { page, context, errors } = await openPage(browser);
  await page.locator("#status", { hasText: /compared in \d+ ms/ }).waitFor();
  await page.evaluate(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push(Math.round(e.duration));
    }).observe({ type: "longtask" });
    // When the result shows: a new view with its first rows in it.
    const old = document.querySelector("#result .sd-view");
    new MutationObserver((_, observer) => {
      const v = document.querySelector("#result .sd-view");
      if (v && v !== old && v.querySelector(".sd-row") && window.__pastedAt != null) {
        window.__shownAt = performance.now();
        observer.disconnect();
      }
    }).observe(document.querySelector("#result"), { childList: true, subtree: true });
  });
  // Timed in the page, from the moment the pair is pasted (the second
  // paste): the time Playwright takes to carry 2.8 MB to the browser is not
  // the page's.
  await setText(page, "#before", b);
  await setText(page, "#after", a);
  await page.waitForFunction(() => window.__shownAt != null, null, { timeout: 10000 });
  const shown = Math.round(await page.evaluate(() => window.__shownAt - window.__pastedAt));
  // Then every row, and some scrolling through it.
  await page.locator("#status", { hasText: /compared in \d+ ms/ }).waitFor({ timeout: 30000 });
  for (let k = 0; k < 5; k++) await page.mouse.wheel(0, 3000);
  await page.waitForTimeout(300);
  const longTasks = await page.evaluate(() => window.__longTasks);
  const rows = await page.locator("#result .sd-row").count();
  assert.ok(shown <= 3000, `the result took ${shown} ms to show`);
  assert.ok(rows > 10, `only ${rows} rows`);
  const worst = Math.max(0, ...longTasks);
  t.diagnostic(`shown ${shown} ms after the paste; ${rows} rows; long tasks (ms): ${longTasks.join(", ") || "none"}`);
  assert.ok(worst <= 200, `a main-thread task ran ${worst} ms (long tasks: ${longTasks.join(", ")})`);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a long unchanged run is collapsed behind a button, and the text stays whole", async () => {
  const { page, context } = await openPage(browser);
  const lines = Array.from({ length: 60 }, (_, k) => `Unchanged line ${k}.`).join("\n");
  await paste(page, "#before", `${lines}\n\nThe toll rose to 145.`);
  await paste(page, "#after", `${lines}\n\nThe toll rose to 148.`);
  await page.click("#compare");
  const button = page.locator(".sd-before .sd-fold");
  await button.waitFor();
  assert.match(await button.textContent(), /Show \d+ unchanged lines/);
  assert.equal(await page.locator(".sd-before .sd-fold-body").first().isVisible(), false);
  const left = (await page.locator(".sd-before").allTextContents()).join("");
  assert.ok(left.includes("Unchanged line 30.") && left.includes("The toll rose to"));
  await button.click();
  assert.ok(await page.locator(".sd-before .sd-fold-body").first().isVisible());
  await context.close();
});
