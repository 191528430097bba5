// Reading the story like an editor: noise set aside behind a toggle, the
// options as visible controls, moves linked end to end, rich-text paste.
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

async function compareSeeds(page) {
  await paste(page, "#before", seed(SEED_000));
  await paste(page, "#after", seed(SEED_001));
  await compareNow(page);
  await page.locator(".sd-noise-bar").first().waitFor();
}

test("the carousel collapses to a count, and the toggle shows it", async () => {
  const { page, errors, context } = await openPage(browser);
  await compareSeeds(page);
  const bar = page.locator(".sd-noise-bar").first();
  assert.match(await bar.textContent(), /81 lines Before, 3 lines After/);
  const noise = page.locator(".sd-row.sd-noise").first();
  assert.equal(await noise.isVisible(), false);
  assert.equal(await page.getByText("Now playing").first().isVisible(), false);
  // Noise never counts as a change.
  assert.match(await page.locator("#status").textContent(), /^\+35 words, −46 words · 2 paragraphs changed · 1 paragraph with cosmetic changes only · quotes: 1 added, 2 removed \(page furniture set aside\)/);
  await bar.getByRole("button", { name: "Show" }).click();
  assert.equal(await noise.isVisible(), true);
  assert.ok((await noise.locator(".sd-before").textContent()).includes("Now playing"));
  assert.equal(await bar.getByRole("button").getAttribute("aria-expanded"), "true");
  await bar.getByRole("button", { name: "Hide" }).click();
  assert.equal(await noise.isVisible(), false);
  assert.deepEqual(errors, []);
  await context.close();
});

test("each option is a visible control with one line of explanation", async () => {
  const { page, context } = await openPage(browser);
  for (const name of [
    "Ignore case",
    "Ignore white space",
    "Ignore punctuation and typography",
    "Hide cosmetic differences",
    "Show noise",
  ]) {
    const box = page.getByLabel(name);
    assert.ok(await box.isVisible(), name);
    const explanation = page.locator(".sd-option", { has: box }).locator("small");
    assert.ok((await explanation.textContent()).length > 10, name);
  }
  await context.close();
});

test("options change the comparison: case, punctuation, noise, cosmetic", async () => {
  const { page, context, errors } = await openPage(browser);
  await paste(page, "#before", "The Minister said “no.”\n\nSecond paragraph stays the same here.\n");
  await paste(page, "#after", "The minister said \"no.\"\n\nSecond paragraph stays the same here.\n");
  await compareNow(page);
  await page.locator(".sd-row.sd-changed").first().waitFor();
  await page.getByLabel("Ignore case").check();
  await page.getByLabel("Ignore punctuation and typography").check();
  await page.locator(".sd-row.sd-changed").waitFor({ state: "detached" });
  assert.equal(await page.locator("#status").textContent().then((t) => t.startsWith("No changes")), true);
  await page.getByLabel("Ignore case").uncheck();
  await page.getByLabel("Ignore punctuation and typography").uncheck();

  // Show noise: the carousel rows are shown without a click.
  await compareSeeds(page);
  await page.getByLabel("Show noise").check();
  await page.locator(".sd-row.sd-noise").first().waitFor({ state: "visible" });
  // Hide cosmetic: the dateline's cosmetic marks read as plain text.
  const cosmetic = page.locator(".sd-after ins.sd-cosmetic").first();
  const marked = await cosmetic.evaluate((n) => getComputedStyle(n).textDecorationLine);
  await page.getByLabel("Hide cosmetic differences").check();
  await page.locator(".sd-view.sd-hide-cosmetic").waitFor();
  const plain = await page
    .locator(".sd-after ins.sd-cosmetic")
    .first()
    .evaluate((n) => getComputedStyle(n).textDecorationLine);
  assert.notEqual(marked, "none");
  assert.equal(plain, "none");
  assert.deepEqual(errors, []);
  await context.close();
});

test("a moved paragraph links each end to the other", async () => {
  const { page, context, errors } = await openPage(browser, undefined, { width: 1280, height: 500 });
  const paras = Array.from({ length: 12 }, (_, k) => `Paragraph ${k} tells part ${k} of the story with several distinct words number ${k}.`);
  const moved = "The governor said the dam would hold through the weekend, officials told reporters.";
  const b = [moved, ...paras].join("\n\n") + "\n";
  const a = [...paras.slice(0, 8), moved.replace("weekend", "week"), ...paras.slice(8)].join("\n\n") + "\n";
  await paste(page, "#before", b);
  await paste(page, "#after", a);
  await compareNow(page);
  const from = page.locator(".sd-row.sd-moved .sd-move-link", { hasText: "Moved to row" });
  await from.waitFor();
  // The moved paragraph carries its own word diff.
  assert.ok(await page.locator(".sd-row.sd-moved .sd-after ins", { hasText: "week" }).first().isVisible());
  const partner = await from.getAttribute("data-partner");
  await from.click();
  const target = page.locator(`#sd-row-${partner}`);
  await page.waitForFunction((id) => document.activeElement && document.activeElement.id === id, `sd-row-${partner}`);
  assert.ok(await target.isVisible());
  assert.ok(await target.locator(".sd-move-link", { hasText: "Moved from row" }).isVisible());
  assert.deepEqual(errors, []);
  await context.close();
});

test("pasting rich text keeps the story and drops the page, never parsing it into the DOM", async () => {
  const { page, context, errors } = await openPage(browser);
  await page.locator("#before").fill("");
  await page.evaluate(() => {
    window.__ran = false;
  });
  const html =
    '<nav>Home | World</nav><article><h1>Six killed</h1><img src="x" onerror="window.__ran=true">' +
    "<p>Rescuers searched on Sunday.</p><script>window.__ran=true</script></article><footer>© Site</footer>";
  await page.locator("#before").focus();
  await page.evaluate((html) => {
    const data = new DataTransfer();
    data.setData("text/html", html);
    data.setData("text/plain", "plain fallback");
    const area = document.getElementById("before");
    area.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  }, html);
  assert.equal(await page.locator("#before").inputValue(), "Six killed\n\nRescuers searched on Sunday.\n");
  assert.equal(await page.evaluate(() => window.__ran), false);
  assert.deepEqual(errors, []);
  await context.close();
});
