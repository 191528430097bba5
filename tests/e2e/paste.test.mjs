// Pastes that cost what a `value` costs (issue 16): a large paste put in by
// the page with its own undo, the example's other side emptied when a
// whole side replaces it, a card for a large text, and a small paste left
// to the browser. Every paste here is a real one: the text goes into the
// clipboard (navigator.clipboard.writeText, with the permission granted),
// then Ctrl+V in the focused text area. Nothing here is timed (`node
// xtask/bench.mjs --paste` reports the timings).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, openPage, publicModel, seed, settled, SEED_000, SEED_001 } from "./browser.mjs";

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** A quote of seed 001 that seed 000 lacks: shown only when a text is
 * compared with the example's After. */
const ADDED_QUOTE = "They need to get rid of these illusions";
const lf = (t) => t.replace(/\r\n?/g, "\n");

/** A story of about `chars` characters, paragraph `k` numbered. */
function story(chars, tag = "Story") {
  const out = [];
  let length = 0;
  for (let k = 0; length < chars; k++) {
    const p = `${tag} paragraph ${k}: the council met on Monday and agreed the budget, officials said.`;
    out.push(p);
    length += p.length + 2;
  }
  return out.join("\n\n") + "\n";
}

/** A page with the clipboard permission; every `paste` event's
 * defaultPrevented recorded after its handlers ran (window, bubbling). */
async function open() {
  const opened = await openPage(browser);
  await opened.context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await opened.page.evaluate(() => {
    window.__pastes = [];
    window.addEventListener("paste", (e) => window.__pastes.push({ target: e.target.id, page: e.defaultPrevented }));
  });
  await settled(opened.page);
  return opened;
}

/** Empties the page (Clear) and waits for its invitation. */
async function clear(page) {
  await page.click("#clear");
  await page.locator("#result .sd-start").waitFor();
  await settled(page);
}

/** A real paste: `text` into the system clipboard, then Ctrl+V in
 * `selector` (after Ctrl+A when `all`). */
async function realPaste(page, selector, text, { all = false } = {}) {
  await page.evaluate((text) => navigator.clipboard.writeText(text), text);
  await page.focus(selector);
  if (all) await page.keyboard.press("Control+A");
  const count = await page.evaluate(() => window.__pastes.length);
  await page.keyboard.press("Control+V");
  await page.waitForFunction((count) => window.__pastes.length > count, count);
  return page.evaluate(() => window.__pastes[window.__pastes.length - 1]);
}

const value = (page, selector) => page.locator(selector).inputValue();
const selection = (page, selector) =>
  page.evaluate((s) => {
    const a = document.querySelector(s);
    return { start: a.selectionStart, end: a.selectionEnd, direction: a.selectionDirection };
  }, selector);

test("a large paste is the page's and lands exactly: CRLF as a text area keeps it, NUL, a lone surrogate; rich text never as HTML", async () => {
  const { page, context, errors } = await open();
  await clear(page);
  const text = "First line\r\nsecond\u0000line\rthird \ud800 lone\n\n" + story(80000) + "\r\nLast\u0000";
  const how = await realPaste(page, "#before", text);
  assert.deepEqual(how, { target: "before", page: true }, "a paste this large is put in by the page");
  // What the clipboard gave (Chromium's clipboard keeps CR and NUL; it
  // carries text as UTF-8, so a lone surrogate comes out as U+FFFD), as
  // the browser's own paste would put it into a text area (CRLF and CR
  // folded to LF, per HTML).
  const carried = await page.evaluate(() => navigator.clipboard.readText());
  assert.ok(carried.includes("\r\n") && carried.includes("\u0000"), "the clipboard carried CRLF and NUL");
  // The browser's own paste of the same clipboard, into a text area of
  // no handler.
  await page.evaluate(() => {
    const scratch = document.createElement("textarea");
    scratch.id = "scratch";
    document.body.appendChild(scratch);
  });
  assert.equal((await realPaste(page, "#scratch", text)).page, false);
  const own = await value(page, "#scratch");
  await page.evaluate(() => document.getElementById("scratch").remove());
  assert.equal(await value(page, "#before"), lf(carried));
  assert.equal(await value(page, "#before"), own, "the same text as the browser's own paste");
  assert.ok((await value(page, "#before")).includes("second\u0000line"));
  // A lone surrogate in the paste itself (the clipboard of another
  // engine, or a page's own DataTransfer) is kept as it is.
  await page.evaluate((text) => {
    const area = document.getElementById("after");
    area.focus();
    const data = new DataTransfer();
    data.setData("text/plain", text);
    area.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
  assert.equal(await value(page, "#after"), lf(text));
  assert.ok((await value(page, "#after")).includes("third \ud800 lone"));
  // Rich text: the story's text, never markup in the page.
  await clear(page);
  await page.evaluate((big) => {
    const area = document.getElementById("before");
    area.focus();
    const data = new DataTransfer();
    data.setData("text/html", `<p>Lead <b>bold</b></p><img src=x onerror="window.__ran=1"><p>${big}</p>`);
    data.setData("text/plain", "Lead bold");
    area.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  }, "x".repeat(70000));
  assert.match(await value(page, "#before"), /^Lead bold\n\nx{70000}\n?$/);
  assert.equal(await page.evaluate(() => window.__ran), undefined);
  await settled(page);
  assert.deepEqual(errors, []);
  await context.close();
});

test("Undo paste and Ctrl+Z put back the text and the selection as they were before the page's paste", async () => {
  const { page, context, errors } = await open();
  await clear(page);
  const kept = "Kept before: one two three four.\r\nSecond line.";
  await page.locator("#before").fill(kept);
  const big = story(90000, "Pasted");
  for (const how of ["button", "keys"]) {
    await page.focus("#before");
    await page.evaluate(() => document.getElementById("before").setSelectionRange(13, 21, "backward"));
    const was = await selection(page, "#before");
    assert.equal((await realPaste(page, "#before", big)).page, true);
    assert.equal(await value(page, "#before"), lf(kept).slice(0, 13) + lf(big) + lf(kept).slice(21), "the paste replaced the selection");
    const notice = page.locator("#input-notice");
    await notice.waitFor();
    assert.match(await notice.textContent(), /Pasted \d+ KB into Before/);
    assert.equal(await notice.getAttribute("aria-live"), "polite");
    await settled(page);
    if (how === "button") {
      await notice.getByRole("button", { name: "Undo paste" }).click();
    } else {
      await page.focus("#before");
      await page.keyboard.press("Control+Z");
    }
    assert.equal(await value(page, "#before"), lf(kept), `${how}: the text as it was`);
    assert.deepEqual(await selection(page, "#before"), was, `${how}: the selection as it was`);
    assert.equal(await page.evaluate(() => document.activeElement.id), "before");
    await notice.waitFor({ state: "hidden" });
    await settled(page);
    // The result is the comparison of the text put back: the public API's
    // comparison of the texts now in the page rebuilds it, and the page
    // shows that comparison's rows, as StoryDiff renders them.
    const model = await page.evaluate(publicModel);
    assert.equal(model.rows.map((r) => r.before ?? "").join(""), lf(kept));
    const shown = await page.evaluate((model) => {
      const inline = !document.querySelector("#result .sd-row");
      const view = inline ? StoryDiff.inlineView(model) : StoryDiff.view(model);
      const texts = (root) => [...root.querySelectorAll(inline ? ".sd-line" : ".sd-row")].map((row) => row.textContent);
      return { shown: texts(document.getElementById(inline ? "result-inline" : "result")), expected: texts(view) };
    }, model);
    assert.equal(shown.shown.length, model.rows.length);
    assert.deepEqual(shown.shown, shown.expected);
  }
  // Typing after the paste: Ctrl+Z is the browser's again (the page's
  // undo no longer applies, and is no longer offered).
  await realPaste(page, "#before", big);
  await page.locator("#input-notice").waitFor();
  await page.focus("#before");
  await page.keyboard.press("End");
  await page.keyboard.type("!");
  await page.locator("#input-notice").waitFor({ state: "hidden" });
  await page.keyboard.press("Control+Z");
  assert.notEqual(await value(page, "#before"), lf(kept));
  await settled(page);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a whole side pasted over the example empties the example's other side, never compared with it; Put the example back restores it", async () => {
  for (const size of [20000, 120000]) {
    const { page, context, errors } = await open();
    assert.equal(await value(page, "#before"), seed(SEED_000));
    await page.locator("#result .sd-row:visible").first().waitFor();
    // From the paste on, no row with the example's After is ever added to
    // the result (a superseded comparison is never shown).
    await page.evaluate((quote) => {
      window.__stale = 0;
      new MutationObserver((records) => {
        for (const r of records) for (const n of r.addedNodes) if (n.textContent.includes(quote)) window.__stale++;
      }).observe(document.getElementById("result"), { childList: true, subtree: true });
    }, ADDED_QUOTE);
    const mine = story(size, "Mine");
    const how = await realPaste(page, "#before", mine, { all: true });
    assert.equal(how.page, size >= 65536, "small: the browser's paste; large: the page's");
    assert.equal(await value(page, "#before"), mine);
    assert.equal(await value(page, "#after"), "", "the example's After was emptied");
    const notice = page.locator("#input-notice");
    await notice.waitFor();
    assert.match(await notice.textContent(), /example’s After was emptied/);
    await settled(page);
    assert.equal(await page.evaluate(() => window.__stale), 0, "the pasted text was never compared with the example");
    // Nor with nothing: the result waits for the After.
    await page.locator("#result .sd-start", { hasText: "Paste or open the later version in After" }).waitFor();
    assert.equal(await page.locator("#result .sd-row").count(), 0);
    assert.equal(await page.locator("#example-note").isVisible(), false);
    await notice.getByRole("button", { name: "Put the example back" }).click();
    assert.equal(await value(page, "#after"), seed(SEED_001));
    assert.equal(await value(page, "#before"), mine, "the reader's text stays");
    await settled(page);
    assert.ok(await page.locator("#result ins", { hasText: ADDED_QUOTE }).count(), "compared with the example's After, as asked");
    assert.equal(await page.locator("#input-notice").isVisible(), size >= 65536, "the paste's undo is still offered");
    if (size >= 65536) {
      // Undo paste: the example, both sides, as before the paste.
      await notice.getByRole("button", { name: "Undo paste" }).click();
      assert.deepEqual([await value(page, "#before"), await value(page, "#after")], [seed(SEED_000), seed(SEED_001)]);
      await settled(page);
      await page.locator("#example-note").waitFor();
    }
    assert.deepEqual(errors, []);
    await context.close();
  }
  // A file opened over the example does the same.
  const { page, context } = await open();
  await page.setInputFiles("#after-file", { name: "later.txt", mimeType: "text/plain", buffer: Buffer.from("My later version.\n") });
  await page.locator("#share-notice", { hasText: "Opened “later.txt” as After" }).waitFor();
  assert.equal(await value(page, "#before"), "");
  await page.locator("#input-notice", { hasText: "example’s Before was emptied" }).waitFor();
  await settled(page);
  await context.close();
});

test("a side of 200,000 characters or more is a card (name, size, paragraphs, first lines as text); Edit opens its text area", async () => {
  const { page, context, errors } = await open();
  await clear(page);
  const big = "<b>Headline</b> & more\n\n" + story(260000, "Card");
  const card = page.locator("#after-card");
  // Ctrl+Z on the card (it has the focus) is the page's undo of the paste.
  await realPaste(page, "#after", big);
  await card.waitFor();
  await page.keyboard.press("Control+Z");
  assert.equal(await value(page, "#after"), "");
  await page.locator("#after").waitFor();
  assert.equal(await card.isHidden(), true);
  assert.equal(await page.evaluate(() => document.activeElement.id), "after");
  await settled(page);
  await realPaste(page, "#after", big);
  await card.waitFor();
  assert.equal(await page.locator("#after").isHidden(), true);
  assert.equal(await value(page, "#after"), big, "the text area still holds the text");
  const shown = await card.evaluate((c) => ({
    name: c.querySelector(".sd-card-name").textContent,
    facts: c.querySelector(".sd-card-facts").textContent,
    lines: c.querySelector(".sd-card-lines").textContent,
    markup: c.querySelector(".sd-card-lines").children.length,
    focused: document.activeElement === c,
  }));
  const paragraphs = big.split(/\n\n/).filter((p) => p.trim()).length;
  assert.equal(shown.name, "Pasted text");
  assert.match(shown.facts, new RegExp(`^\\d+ KB · ${paragraphs.toLocaleString("en")} paragraphs · `));
  assert.equal(shown.lines.split("\n")[0], "<b>Headline</b> & more", "the first lines, as text");
  assert.equal(shown.markup, 0);
  assert.equal(shown.focused, true, "the focus went from the text area to its card");
  await settled(page);
  // Edit: the text area again, focused, until the side is small again.
  await card.getByRole("button", { name: "Edit" }).click();
  assert.equal(await page.locator("#after").isVisible(), true);
  assert.equal(await card.isHidden(), true);
  assert.equal(await page.evaluate(() => document.activeElement.id), "after");
  await page.keyboard.press("Control+End");
  await page.keyboard.type(" edited");
  assert.equal(await card.isHidden(), true, "typing in the opened text area keeps it open");
  await page.locator("#after").fill("Small now.");
  assert.equal(await card.isHidden(), true);
  assert.equal(await page.locator("#after").isVisible(), true);
  // A file's card is named after the file; Clear brings the text area back.
  await page.setInputFiles("#before-file", { name: "report.txt", mimeType: "text/plain", buffer: Buffer.from(story(210000, "File")) });
  await page.locator("#before-card .sd-card-name", { hasText: "report.txt" }).waitFor();
  assert.equal(await page.locator("#before").isHidden(), true);
  await settled(page);
  await page.click("#clear");
  await page.locator("#before").waitFor();
  assert.equal(await page.locator("#before-card").isHidden(), true);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a small paste is the browser's own, undone by the browser", async () => {
  const { page, context, errors } = await open();
  await clear(page);
  await page.locator("#before").fill("Start.");
  await page.focus("#before");
  await page.keyboard.press("End");
  const how = await realPaste(page, "#before", " Small pasted.");
  assert.deepEqual(how, { target: "before", page: false });
  assert.equal(await value(page, "#before"), "Start. Small pasted.");
  assert.equal(await page.locator("#input-notice").isHidden(), true, "no page undo offered: the browser has it");
  await page.keyboard.press("Control+Z");
  assert.equal(await value(page, "#before"), "Start.");
  await settled(page);
  assert.deepEqual(errors, []);
  await context.close();
});
