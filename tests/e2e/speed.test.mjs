// The worker's model is the same as the synchronous one, and long
// unchanged runs fold. That the page stays responsive (a key handled while
// the worker compares, the result built a slice at a time) is a user
// journey, checked in every engine (journeys.mjs); how long it takes is
// `cargo xtask bench`'s to report, never a test's to assert.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, openPage, paste, seed, SEED_000, SEED_001, compareNow } from "./browser.mjs";

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

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

test("a long unchanged run is collapsed behind a button, and the text stays whole", async () => {
  const { page, context } = await openPage(browser);
  const lines = Array.from({ length: 60 }, (_, k) => `Unchanged line ${k}.`).join("\n");
  await paste(page, "#before", `${lines}\n\nThe toll rose to 145.`);
  await paste(page, "#after", `${lines}\n\nThe toll rose to 148.`);
  await compareNow(page);
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
