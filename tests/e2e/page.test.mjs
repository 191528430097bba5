// The page as a person uses it: opened from disk, two texts pasted, the
// result read side by side.
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

test("first open shows the seed example compared", async () => {
  const { page, errors, context } = await openPage(browser);
  assert.equal(await page.locator("#before").inputValue(), seed(SEED_000));
  assert.equal(await page.locator("#after").inputValue(), seed(SEED_001));
  await page.locator(".sd-row:not([hidden])").first().waitFor();
  assert.match(await page.locator("#status").textContent(), /compared in \d+ ms/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("labels Before and After are visible and tied to the text areas", async () => {
  const { page, context } = await openPage(browser);
  await assert.doesNotReject(page.getByLabel("Before", { exact: true }).fill("x"));
  await assert.doesNotReject(page.getByLabel("After", { exact: true }).fill("y"));
  assert.ok(await page.getByText("Before", { exact: true }).first().isVisible());
  await context.close();
});

test("pasting seeds 000 and 001 shows the added quote and the replaced paragraph", async () => {
  const { page, errors, context } = await openPage(browser);
  await paste(page, "#before", "");
  await paste(page, "#after", "");
  await paste(page, "#before", seed(SEED_000));
  await paste(page, "#after", seed(SEED_001));
  await compareNow(page);
  const ins = page.locator(".sd-after ins", { hasText: "They need to get rid of these illusions" });
  await ins.first().waitFor();
  // The Before side of that row keeps the old wording, with no insertion.
  const row = page.locator(".sd-row", { has: ins });
  assert.match(await row.locator(".sd-before").textContent(), /We will not negotiate with anyone on the presidency/);
  assert.equal(await row.locator(".sd-before ins").count(), 0);
  // The Brahimi paragraph is deleted on the left; the demands appear on the right.
  assert.ok(await page.locator(".sd-before del", { hasText: "Lakhdar Brahimi" }).first().isVisible());
  assert.ok(await page.locator(".sd-after ins", { hasText: "Assad have no role" }).first().isVisible());
  // Both texts are whole on their sides: nothing is lost.
  const left = (await page.locator(".sd-before").allTextContents()).join("");
  assert.ok(left.includes("CNN’s Hamdi Alkhshali and Mariano Castillo contributed to this report."));
  assert.deepEqual(errors, []);
  await context.close();
});

test("compares as you type, debounced", async () => {
  const { page, context } = await openPage(browser);
  await paste(page, "#before", "The toll rose to 145 on Monday.");
  await paste(page, "#after", "The toll rose to 148 on Monday.");
  await page.locator(".sd-before del", { hasText: "145" }).waitFor({ timeout: 5000 });
  assert.equal(await page.locator(".sd-after ins").textContent(), "148");
  await context.close();
});

test("pasted markup is shown as text, never run or parsed", async () => {
  const { page, context, errors } = await openPage(browser);
  await page.evaluate(() => {
    window.__ran = false;
  });
  const hostile = '<img src=x onerror="window.__ran=true"><script>window.__ran=true</script><b>bold</b>';
  await paste(page, "#before", "Intro.\n\n" + hostile);
  await paste(page, "#after", "Intro.\n\n" + hostile + " more");
  await compareNow(page);
  await page.locator(".sd-after ins", { hasText: "more" }).waitFor();
  assert.equal(await page.locator("#result img, #result script, #result b").count(), 0);
  assert.ok((await page.locator("#result").textContent()).includes(hostile));
  assert.equal(await page.evaluate(() => window.__ran), false);
  assert.deepEqual(errors, []);
  await context.close();
});

test("StoryDiff.compare returns the model, and its rows rebuild both texts", async () => {
  const { page, context } = await openPage(browser);
  const b = seed(SEED_000);
  const a = seed(SEED_001).replace(/\n/g, "\r\n");
  const check = await page.evaluate(
    ([b, a]) => {
      const m = StoryDiff.compare(b, a);
      const join = (side) => m.rows.map((r) => r[side] ?? "").join("");
      const inlineOk = m.rows
        .filter((r) => r.kind === "changed")
        .every(
          (r) =>
            r.inline.filter((p) => p.tag !== "insert").map((p) => p.text).join("") === r.before &&
            r.inline.filter((p) => p.tag !== "delete").map((p) => p.text).join("") === r.after
        );
      return {
        before: join("before") === b,
        after: join("after") === a,
        inlineOk,
        kinds: [...new Set(m.rows.map((r) => r.kind))].sort(),
        approximate: m.approximate,
      };
    },
    [b, a]
  );
  assert.deepEqual(check, {
    before: true,
    after: true,
    inlineOk: true,
    kinds: check.kinds.filter((k) => ["equal", "changed", "added", "removed", "moved", "noise"].includes(k)),
    approximate: false,
  });
  assert.ok(check.kinds.includes("changed"));
  await context.close();
});

test("StoryDiff.compare reads its options and refuses bad ones", async () => {
  const { page, context } = await openPage(browser);
  const out = await page.evaluate(() => {
    const before = "The council said on Monday that five people were killed in the floods.\n";
    const after = "The Council said on Monday that five people were killed in the floods.\n";
    const model = (options) => JSON.stringify(StoryDiff.compare(before, after, options).rows);
    const refused = (options) => {
      try {
        StoryDiff.compare("a\n", "b\n", options);
        return "accepted";
      } catch (e) {
        return e.internal ? "internal" : String(e.message);
      }
    };
    return {
      defaultsAsUndefined: model(undefined) === model({}) && model(null) === model({}),
      ignoreCaseReadsDifferently: model({ ignoreCase: true }) !== model({}),
      unknownIgnored: model({ ignoreCase: true, colour: "red" }) === model({ ignoreCase: true }),
      falseIsDefault: model({ ignoreCase: false, deadlineMs: 2000 }) === model({}),
      badFlag: refused({ ignoreCase: "yes" }),
      badDeadline: refused({ deadlineMs: 1.5 }),
      negativeDeadline: refused({ deadlineMs: -1 }),
      notAnObject: refused("fast"),
      againAfterwards: StoryDiff.compare(before, before).rows[0].kind,
    };
  });
  assert.deepEqual(out, {
    defaultsAsUndefined: true,
    ignoreCaseReadsDifferently: true,
    unknownIgnored: true,
    falseIsDefault: true,
    badFlag: "storydiff: bad options: ignoreCase must be true or false",
    badDeadline: "storydiff: bad options: deadlineMs must be a whole number of milliseconds",
    negativeDeadline: "storydiff: bad options: deadlineMs must be a whole number of milliseconds",
    notAnObject: "storydiff: bad options: expected an object of options",
    againAfterwards: "equal",
  });
  await context.close();
});
