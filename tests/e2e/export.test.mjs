// Exports: HTML snippet, Markdown, JSON, print (issue 5).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, openPage, paste, compareNow, exported } from "./browser.mjs";

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

async function opened() {
  const opened = await openPage(browser);
  await opened.context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await opened.page.locator("#result .sd-row:visible").first().waitFor();
  return opened;
}

test("Copy Markdown: Before / After for each change, insertions and deletions marked", async () => {
  const { page, context, errors } = await opened();
  const md = await exported(page, "markdown");
  // The Markdown of the comparison shown: its first line of the ledger is
  // the page's (Markdown's escapes taken off), and a second copy is the same.
  const shown = await page.locator("#result .sd-stats").textContent();
  assert.equal(md.split("\n").find((line) => line.startsWith("**")).replace(/\\(.)/g, "$1"), `**${shown.replace(/\s+/g, " ").trim()}**`);
  assert.equal(await exported(page, "markdown"), md);
  assert.match(md, /^## What changed/);
  assert.match(md, /### 1\. /);
  assert.ok(md.includes("**Before:**") && md.includes("**After:**"));
  assert.match(md, /\*\*[^*]*They need to get rid of these illusions[^*]*\*\*/);
  assert.match(md, /~~[^~]*Lakhdar Brahimi[^~]*~~/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("Markdown escapes what the story says", async () => {
  const { page, context } = await opened();
  await paste(page, "#before", "Intro.\n\n# Not a heading *nor bold* [link](x) <b>tag</b> 1. list");
  await paste(page, "#after", "Intro.\n\n# Not a heading *nor bold* [link](x) <b>tag</b> 1. list ~~new~~");
  await compareNow(page);
  await page.locator(".sd-after ins").first().waitFor();
  const md = await exported(page, "markdown");
  assert.ok(md.includes("> \\# Not a heading \\*nor bold\\* \\[link\\](x) \\<b\\>tag\\</b\\> 1. list"), md);
  assert.ok(md.includes("**\\~\\~new\\~\\~**"), md);
  await context.close();
});

test("Copy HTML: a self-contained, styled snippet with every text escaped", async () => {
  const { page, context } = await opened();
  const hostile = '<img src=x onerror="window.__ran=1"><script>window.__ran=1</script>&amp;';
  await paste(page, "#before", "Intro.\n\n" + hostile);
  await paste(page, "#after", "Intro.\n\n" + hostile + " more");
  await compareNow(page);
  await page.locator(".sd-after ins", { hasText: "more" }).waitFor();
  const html = await exported(page, "html");
  const check = await page.evaluate((html) => {
    const doc = new DOMParser().parseFromString(html, "text/html");
    const box = doc.body.firstElementChild;
    return {
      cls: box.className,
      style: !!box.querySelector("style") && box.querySelector("style").textContent.includes(".storydiff-snippet ins"),
      dangerous: doc.querySelectorAll("img, script, [onerror]").length,
      text: box.querySelector(".sd-view").textContent,
      ins: [...box.querySelectorAll("ins")].map((n) => n.textContent),
      ids: box.querySelectorAll("[id]").length,
    };
  }, html);
  assert.equal(check.cls, "storydiff-snippet");
  assert.equal(check.style, true);
  assert.equal(check.dangerous, 0);
  assert.ok(check.text.includes(hostile));
  assert.ok(check.ins.some((t) => t.includes("more")));
  assert.equal(check.ids, 0);
  // Pasted into a page, the snippet shows its marks.
  const shown = await page.evaluate((html) => {
    const holder = document.createElement("div");
    holder.innerHTML = html; // the snippet, as a blog would paste it
    document.body.appendChild(holder);
    const ins = holder.querySelector("ins");
    const style = getComputedStyle(ins);
    const out = [style.textDecorationLine, style.backgroundColor, window.__ran];
    holder.remove();
    return out;
  }, html);
  assert.deepEqual(shown, ["underline", "rgb(207, 230, 251)", undefined]);
  await context.close();
});

/** The HTML snippet's ledger, read back by a parser. */
function snippetLedger(html) {
  const doc = new DOMParser().parseFromString(html, "text/html");
  const box = doc.body.firstElementChild;
  const ledger = box.querySelector(".sd-ledger");
  const view = box.querySelector(".sd-view");
  return {
    before: !!ledger && !!view && !!(ledger.compareDocumentPosition(view) & Node.DOCUMENT_POSITION_FOLLOWING),
    stats: ledger?.querySelector(".sd-stats")?.textContent,
    quotes: [...(ledger?.querySelectorAll("li.sd-quote") || [])].map((li) => [li.querySelector(".sd-speaker")?.textContent, li.querySelector("q")?.textContent]),
    figures: [...(ledger?.querySelectorAll("li.sd-figure") || [])].map((li) => li.textContent),
    links: box.querySelectorAll("a").length,
    dangerous: doc.querySelectorAll("img, script, [onerror]").length,
  };
}

test("Markdown and HTML exports carry the ledger before the rows: summary, quotes with speakers, figures", async () => {
  const { page, context, errors } = await opened();
  const md = await exported(page, "markdown");
  const quoteLine = md.split("\n").find((line) => line.includes("They need to get rid of these illusions"));
  assert.ok(quoteLine, md);
  assert.match(quoteLine, /^- Added: \*\*Walid Moallem\*\*: \u201c\*\*They need to get rid of these illusions/);
  assert.ok(md.indexOf(quoteLine) < md.indexOf("### 1. "), md);
  assert.match(md, /^\*\*.*quotes: 1 added.*\*\*$/m);

  const html = await exported(page, "html");
  const ledger = await page.evaluate(snippetLedger, html);
  assert.equal(ledger.before, true);
  assert.match(ledger.stats, /quotes: 1 added/);
  assert.ok(ledger.quotes.some(([who, words]) => who === "Walid Moallem" && words.includes("They need to get rid of these illusions")), JSON.stringify(ledger.quotes));
  assert.equal(ledger.links, 0); // row links would point nowhere in a blog post

  // A figure that changed.
  await paste(page, "#before", "The toll rose to 145 on Monday, officials said.");
  await paste(page, "#after", "The toll rose to 148 on Monday, officials said.");
  await compareNow(page);
  await page.locator(".sd-after ins", { hasText: "148" }).waitFor();
  const md2 = await exported(page, "markdown");
  assert.match(md2, /^- ~~145~~ \u2192 \*\*148\*\* \(The toll rose to 148 on Monday, officials said\.\)$/m);
  const html2 = await exported(page, "html");
  assert.deepEqual((await page.evaluate(snippetLedger, html2)).figures, ["145 \u2192 148 The toll rose to 148 on Monday, officials said."]);
  assert.deepEqual(errors, []);
  await context.close();
});

test("the exports' ledger shows a hostile quote as text, escaped", async () => {
  const { page, context } = await opened();
  const payload = "<img src=x onerror=window.__ran=1> *bold* [link](x)";
  const story = [
    "The minister spoke to reporters in the capital on Monday about the talks.",
    "Officials from both sides met for three hours and agreed to meet again next week.",
    "The talks are the first since the ceasefire collapsed in the spring.",
  ];
  await paste(page, "#before", story.join("\n\n"));
  await paste(page, "#after", [story[0], `"${payload} is all we have," said Jane Doe.`, story[1], story[2]].join("\n\n"));
  await compareNow(page);
  await page.locator(".sd-after ins").first().waitFor();
  const md = await exported(page, "markdown");
  assert.ok(
    md.includes('- Added: **Jane Doe**: \u201c**\\<img src=x onerror=window.\\_\\_ran=1\\> \\*bold\\* \\[link\\](x) is all we have**\u201d'),
    md
  );
  const html = await exported(page, "html");
  const ledger = await page.evaluate(snippetLedger, html);
  assert.equal(ledger.dangerous, 0);
  assert.ok(ledger.quotes.some(([who, words]) => who === "Jane Doe" && words.includes(payload)), JSON.stringify(ledger.quotes));
  assert.equal(await page.evaluate(() => window.__ran), undefined);
  await context.close();
});

test("Copy JSON: the model", async () => {
  const { page, context } = await opened();
  await page.click("#export-json");
  await page.locator("#share-notice", { hasText: "Copied the comparison as JSON" }).waitFor();
  const text = await page.evaluate(() => navigator.clipboard.readText());
  const same = await page.evaluate((text) => {
    const model = StoryDiff.compare(document.getElementById("before").value, document.getElementById("after").value);
    return JSON.stringify(JSON.parse(text)) === JSON.stringify(model);
  }, text);
  assert.equal(same, true);
  await context.close();
});

test("when the clipboard refuses, the export is shown selected to copy by hand", async () => {
  const { page, context } = await openPage(browser);
  await page.locator("#result .sd-row:visible").first().waitFor();
  await page.evaluate(() => {
    Object.defineProperty(navigator, "clipboard", { value: { writeText: () => Promise.reject(new Error("denied")) } });
  });
  await page.click("#export-json");
  const dialog = page.locator("#export-dialog");
  await dialog.waitFor();
  assert.match(await page.locator("#export-text").inputValue(), /"rows"/);
  await page.keyboard.press("Escape");
  await dialog.waitFor({ state: "hidden" });
  await context.close();
});

test("print: only the comparison, marks kept, and a PDF comes out", async () => {
  const { page, context } = await opened();
  await page.emulateMedia({ media: "print" });
  assert.equal(await page.locator(".sd-inputs").isVisible(), false);
  assert.equal(await page.locator(".sd-toolbar").isVisible(), false);
  assert.equal(await page.locator("#minimap").isVisible(), false);
  assert.equal(await page.locator("#result").isVisible(), true);
  const style = await page.evaluate(() => {
    const ins = document.querySelector("#result ins");
    const row = document.querySelector("#result .sd-row");
    return [getComputedStyle(ins).textDecorationLine, getComputedStyle(row).breakInside, getComputedStyle(document.querySelector(".sd-head")).position];
  });
  assert.deepEqual(style, ["underline", "avoid", "static"]);
  const pdf = await page.pdf({ format: "A4" });
  assert.ok(pdf.length > 10000);
  assert.equal(pdf.subarray(0, 5).toString(), "%PDF-");
  await context.close();
});
