// A page people enjoy: files, clean paste, swap, inline view, next /
// previous change, mini-map, dark mode, phone width, accessibility (issue 5).
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

const STORY_HTML = `<!doctype html><html><head><title>T</title><style>p{color:red}</style>
<script>window.__ran = 1</script></head><body><nav>Home</nav>
<h1>Storm   hits coast</h1><p>The toll rose to <b>145</b>&nbsp;on Monday.</p>
<img src="http://example.invalid/x.png" onerror="window.__ran=2"><p>Second<br>line &amp; more.</p></body></html>`;

test("an .html file from the picker becomes clean text; nothing in it runs or loads", async () => {
  const { page, context, errors } = await openPage(browser);
  const requests = [];
  page.on("request", (r) => {
    if (!r.url().startsWith("file:") && !r.url().startsWith("data:") && !r.url().startsWith("blob:")) requests.push(r.url());
  });
  await page.setInputFiles("#before-file", { name: "story.html", mimeType: "text/html", buffer: Buffer.from(STORY_HTML) });
  await page.locator("#share-notice", { hasText: "Opened “story.html” as Before" }).waitFor();
  // (With the Rust reader of issue 3, the <nav> is dropped as furniture.)
  assert.match(await page.locator("#before").inputValue(), /^(Home\n\n)?Storm hits coast\n\nThe toll rose to 145[ \u00a0]on Monday\.\n\nSecond\nline & more\.\n$/);
  await page.setInputFiles("#after-file", { name: "after.txt", mimeType: "text/plain", buffer: Buffer.from("The toll rose to 148 on Monday.\n") });
  await page.locator(".sd-after ins", { hasText: "148" }).waitFor();
  assert.equal(await page.evaluate(() => window.__ran), undefined);
  assert.deepEqual(requests, []);
  // Not a text file: refused, with the text area untouched.
  await page.setInputFiles("#after-file", { name: "photo.png", mimeType: "image/png", buffer: Buffer.from([137, 80, 78, 71]) });
  await page.locator("#share-notice", { hasText: "is not a .txt or .html file" }).waitFor();
  assert.equal(await page.locator("#after").inputValue(), "The toll rose to 148 on Monday.\n");
  assert.deepEqual(errors, []);
  await context.close();
});

test("a file dropped on a text area opens there", async () => {
  const { page, context } = await openPage(browser);
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.items.add(new File(["Dropped after.\n"], "after.txt", { type: "text/plain" }));
    const target = document.getElementById("after");
    target.dispatchEvent(new DragEvent("dragover", { dataTransfer: data, bubbles: true, cancelable: true }));
    target.dispatchEvent(new DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true }));
  });
  await page.locator("#share-notice", { hasText: "Opened “after.txt” as After" }).waitFor();
  assert.equal(await page.locator("#after").inputValue(), "Dropped after.\n");
  await context.close();
});

test("pasted rich text becomes clean text, paragraphs kept", async () => {
  const { page, context } = await openPage(browser);
  await paste(page, "#before", "");
  await page.focus("#before");
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.setData("text/html", '<meta charset="utf-8"><p style="color:red">One <b>two</b></p><p>Three<img src=x onerror="window.__ran=1"></p><script>window.__ran=1</script>');
    data.setData("text/plain", "One two\nThree");
    document.getElementById("before").dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  });
  assert.match(await page.locator("#before").inputValue(), /^One two\n\nThree\n?$/);
  assert.equal(await page.evaluate(() => window.__ran), undefined);
  await context.close();
});

test("swap exchanges Before and After", async () => {
  const { page, context } = await openPage(browser);
  await paste(page, "#before", "The toll rose to 145.");
  await paste(page, "#after", "The toll rose to 148.");
  await page.click("#swap");
  assert.equal(await page.locator("#before").inputValue(), "The toll rose to 148.");
  await page.locator(".sd-after ins", { hasText: "145" }).waitFor();
  await context.close();
});

test("the inline view shows deletions and insertions in reading order, and is remembered", async () => {
  const { page, context } = await openPage(browser);
  await page.locator("#result .sd-row:visible").first().waitFor();
  await page.getByLabel("Inline", { exact: true }).check();
  assert.equal(await page.locator("#result").isVisible(), false);
  const ins = page.locator("#result-inline ins", { hasText: "They need to get rid of these illusions" });
  await ins.first().waitFor();
  assert.ok(await page.locator("#result-inline del", { hasText: "Lakhdar Brahimi" }).first().isVisible());
  // The inline text of a changed row reads old words, then new ones.
  const line = await page.locator("#result-inline .sd-line", { has: page.locator("ins", { hasText: "They need to get rid of these illusions" }) }).first().textContent();
  assert.ok(line.includes("get rid of these illusions"));
  await page.reload();
  await page.locator("#result-inline .sd-line:visible").first().waitFor();
  assert.equal(await page.getByLabel("Inline", { exact: true }).isChecked(), true);
  await page.getByLabel("Side by side", { exact: true }).check();
  assert.equal(await page.locator("#result").isVisible(), true);
  await context.close();
});

test("next and previous change: J and K, buttons that show them, and a position", async () => {
  const { page, context } = await openPage(browser);
  await paste(page, "#before", "A.\n\nSame one.\n\nB old.\n\nSame two.\n\nC.\n");
  await paste(page, "#after", "A new.\n\nSame one.\n\nB.\n\nSame two.\n\nC.\n\nD.\n");
  await compareNow(page);
  await page.locator(".sd-after ins").first().waitFor();
  assert.match(await page.locator("#next-change").textContent(), /Next change\s*J/);
  assert.match(await page.locator("#prev-change").textContent(), /Previous change\s*K/);
  assert.equal(await page.locator("#next-change kbd").isVisible(), true);
  await page.locator("body").click({ position: { x: 5, y: 5 } });
  await page.keyboard.press("j");
  assert.equal(await page.locator("#change-position").textContent(), "Change 1 of 3");
  assert.match(await page.locator(".sd-current").textContent(), /A/);
  await page.keyboard.press("j");
  await page.keyboard.press("j");
  assert.equal(await page.locator("#change-position").textContent(), "Change 3 of 3");
  assert.match(await page.locator(".sd-current").textContent(), /D\./);
  await page.keyboard.press("k");
  assert.equal(await page.locator("#change-position").textContent(), "Change 2 of 3");
  // Typing a j in a text area types it.
  await page.focus("#after");
  await page.keyboard.press("End");
  await page.keyboard.type("j");
  assert.match(await page.locator("#after").inputValue(), /j$/);
  await page.click("#prev-change");
  assert.match(await page.locator("#change-position").textContent(), /Change \d of \d/);
  await context.close();
});

test("the mini-map marks every change along the scroll bar and takes you there", async () => {
  const { page, context } = await openPage(browser);
  await page.locator("#result .sd-row:visible").first().waitFor();
  await page.waitForTimeout(100);
  const count = await page.evaluate(() => [...document.querySelectorAll("#result .sd-row:not(.sd-equal):not(.sd-noise)")].filter((r) => r.getClientRects().length).length);
  assert.ok(count > 0);
  assert.equal(await page.locator("#minimap .sd-mark").count(), count);
  const box = await page.locator("#minimap").boundingBox();
  assert.ok(box.x + box.width >= 1270 && box.height >= 890);
  await page.locator("#minimap .sd-mark").last().click();
  assert.equal(await page.locator("#change-position").textContent(), `Change ${count} of ${count}`);
  assert.ok(await page.evaluate(() => window.scrollY > 0));
  await context.close();
});

test("dark mode follows prefers-color-scheme, keeping the marks apart", async () => {
  const browserContext = await browser.newContext({ colorScheme: "dark", viewport: { width: 1280, height: 900 } });
  const page = await browserContext.newPage();
  const { pageUrl } = await import("./browser.mjs");
  await page.goto(pageUrl);
  await page.locator("#result .sd-row:visible").first().waitFor();
  const colours = await page.evaluate(() => ({
    body: getComputedStyle(document.body).backgroundColor,
    text: getComputedStyle(document.body).color,
    ins: getComputedStyle(document.querySelector("#result ins:not(.sd-cosmetic)")).backgroundColor,
    del: getComputedStyle(document.querySelector("#result del:not(.sd-cosmetic)")).backgroundColor,
    textarea: getComputedStyle(document.getElementById("before")).backgroundColor,
  }));
  assert.equal(colours.body, "rgb(21, 23, 26)");
  assert.equal(colours.text, "rgb(230, 230, 230)");
  assert.equal(colours.textarea, "rgb(21, 23, 26)");
  assert.notEqual(colours.ins, colours.del);
  await browserContext.close();
});

test("at phone width: one column, the inline view, nothing wider than the screen", async () => {
  const { page, context, errors } = await openPage(browser, undefined, { width: 375, height: 740 });
  await page.locator("#result-inline .sd-line:visible").first().waitFor();
  const sizes = await page.evaluate(() => ({
    page: document.documentElement.scrollWidth,
    before: document.getElementById("before").getBoundingClientRect(),
    after: document.getElementById("after").getBoundingClientRect(),
  }));
  assert.ok(sizes.page <= 375, `page is ${sizes.page} px wide`);
  assert.ok(sizes.after.top > sizes.before.bottom); // stacked
  assert.equal(await page.getByLabel("Inline", { exact: true }).isChecked(), true);
  // Side by side still fits.
  await page.getByLabel("Side by side", { exact: true }).check();
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 375));
  assert.deepEqual(errors, []);
  await context.close();
});

test("accessible: marks read out, every control named, all of it reachable by keyboard", async () => {
  const { page, context } = await openPage(browser);
  await page.locator("#result .sd-row:visible").first().waitFor();
  const said = await page.evaluate(() => [
    getComputedStyle(document.querySelector("#result ins"), "::before").content,
    getComputedStyle(document.querySelector("#result del"), "::before").content,
    // The markers are not part of the text: copying copies the story only.
    document.querySelector("#result ins").textContent.includes("inserted"),
  ]);
  assert.deepEqual(said, ['" [inserted: "', '" [deleted: "', false]);
  const unnamed = await page.evaluate(() =>
    [...document.querySelectorAll("button, input, textarea, select")]
      .filter((n) => !(n.labels?.length || n.getAttribute("aria-label") || n.getAttribute("aria-labelledby") || n.textContent.trim()))
      .map((n) => n.id || n.outerHTML)
  );
  assert.deepEqual(unnamed, []);
  // Tab from the top reaches every control.
  const seen = new Set();
  await page.locator("body").click({ position: { x: 5, y: 5 } });
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press("Tab");
    seen.add(await page.evaluate(() => document.activeElement.id));
  }
  for (const id of ["before-file", "before", "after-file", "after", "compare", "live", "swap", "clear", "view-side", "prev-change", "next-change", "copy-link", "export-html", "export-markdown", "export-json", "print"]) {
    assert.ok(seen.has(id), `${id} is reachable by Tab`);
  }
  // The view switch works from the keyboard.
  await page.focus("#view-side");
  await page.keyboard.press("ArrowRight");
  assert.equal(await page.getByLabel("Inline", { exact: true }).isChecked(), true);
  await context.close();
});
