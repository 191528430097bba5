// Share it and keep it: the permalink in the URL fragment and the draft in
// localStorage (issue 5).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { deflateRawSync, inflateRawSync } from "node:zlib";
import { launch, openPage, paste, pageUrl, seed, SEED_000, SEED_001, SEED_002, compareNow, decodeLink, encodeLink, linkSettled } from "./browser.mjs";

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const b64url = (bytes) => Buffer.from(bytes).toString("base64url");
const linkFor = (object) => "#sd1=" + b64url(deflateRawSync(Buffer.from(JSON.stringify(object))));

/** The first block's type of a link's deflate-raw data: 0 for stored
 * blocks (the page's own codec, deflate.js), 1 or 2 for compressed ones
 * (a browser's CompressionStream). */
const blockType = (url) => (Buffer.from(new URL(url).hash.slice("#sd1=".length), "base64url")[0] >> 1) & 3;

test("done when: the address after comparing seeds 000 and 001 restores both texts in a fresh profile; the bare page keeps them", async () => {
  const { page, context, errors } = await openPage(browser);
  await page.click("#clear");
  assert.equal(await page.locator("#before").inputValue(), "");
  await paste(page, "#before", seed(SEED_000));
  await paste(page, "#after", seed(SEED_001));
  await compareNow(page);
  const url = await linkSettled(page);
  assert.ok(url.startsWith(pageUrl + "#sd1="));

  // A fresh browser profile: nothing stored, only the address.
  const fresh = await openPage(browser, url);
  await fresh.page.locator(".sd-after ins", { hasText: "They need to get rid of these illusions" }).first().waitFor();
  assert.equal(await fresh.page.locator("#before").inputValue(), seed(SEED_000));
  assert.equal(await fresh.page.locator("#after").inputValue(), seed(SEED_001));
  assert.match(await fresh.page.locator("#status").textContent(), /compared in \d+ ms/);
  assert.ok(await fresh.page.locator(".sd-before del", { hasText: "Lakhdar Brahimi" }).first().isVisible());
  assert.deepEqual(fresh.errors, []);
  await fresh.context.close();

  // The bare page, reopened in the first profile, keeps what was pasted
  // (it is the stored draft, not the built-in seed example).
  const stored = await page.evaluate(() => ({
    before: localStorage.getItem("storydiff.draft.v2.before"),
    after: localStorage.getItem("storydiff.draft.v2.after"),
  }));
  assert.equal(stored.before, seed(SEED_000));
  assert.equal(stored.after, seed(SEED_001));
  await page.goto(pageUrl);
  assert.equal(await page.locator("#before").inputValue(), seed(SEED_000));
  assert.equal(await page.locator("#after").inputValue(), seed(SEED_001));
  await page.locator(".sd-after ins", { hasText: "They need to get rid of these illusions" }).first().waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test("a draft kept by version 1 (one JSON value) is put back, then kept as two texts; a keep writes only the side that changed", async () => {
  const { page, context, errors } = await openPage(browser);
  await page.evaluate(() => {
    localStorage.clear();
    localStorage.setItem(
      "storydiff.draft.v1",
      JSON.stringify({ before: "Old before, “quoted”.", after: "Old after.\n", options: { ignoreCase: true } })
    );
  });
  await page.goto(pageUrl);
  assert.equal(await page.locator("#before").inputValue(), "Old before, “quoted”.");
  assert.equal(await page.locator("#after").inputValue(), "Old after.\n");
  assert.ok(await page.locator("#opt-ignore-case").isChecked());
  await page.evaluate(() => {
    window.__written = [];
    const set = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      window.__written.push(key);
      return set.call(this, key, value);
    };
  });
  await paste(page, "#after", "New after.");
  await page.waitForFunction(() => localStorage.getItem("storydiff.draft.v2.after") === "New after.");
  const kept = await page.evaluate(() => ({
    written: window.__written,
    old: localStorage.getItem("storydiff.draft.v1"),
    before: localStorage.getItem("storydiff.draft.v2.before"),
    options: JSON.parse(localStorage.getItem("storydiff.draft.v2.options")),
  }));
  assert.equal(kept.old, null, "the version 1 draft is replaced");
  assert.equal(kept.before, "Old before, “quoted”.");
  assert.deepEqual(kept.options, { ignoreCase: true });
  // The first keep writes both texts (the store held version 1); the next
  // writes only the side typed in.
  await page.evaluate(() => (window.__written = []));
  await paste(page, "#after", "Newer after.");
  await page.waitForFunction(() => localStorage.getItem("storydiff.draft.v2.after") === "Newer after.");
  const written = await page.evaluate(() => window.__written);
  assert.ok(!written.includes("storydiff.draft.v2.before"), `wrote ${written.join(", ")}`);
  await page.goto(pageUrl);
  assert.equal(await page.locator("#after").inputValue(), "Newer after.");
  assert.deepEqual(errors, []);
  await context.close();
});

test("a link restores texts exactly: unicode, tabs, blank lines, trailing space", async () => {
  const { page, context } = await openPage(browser);
  const b = "Заголовок\tone  \n\n\nالرئيس قال 😀 “quoted” — end \n";
  const a = "Заголовок\tone  \n\n\nالرئيس قال 😀 “quoted” — fin, 中文 \n\n";
  await paste(page, "#before", b);
  await paste(page, "#after", a);
  await compareNow(page);
  const url = await linkSettled(page);
  const fresh = await openPage(browser, url);
  await fresh.page.locator(".sd-after ins").first().waitFor();
  assert.equal(await fresh.page.locator("#before").inputValue(), b);
  assert.equal(await fresh.page.locator("#after").inputValue(), a);
  await fresh.context.close();
  await context.close();
});

test("what was pasted survives a reload and a closed tab, until Clear; then the page stays empty", async () => {
  const { page, context } = await openPage(browser);
  await paste(page, "#before", "Kept before.");
  await paste(page, "#after", "Kept after, edited.");
  await page.waitForTimeout(400); // the store is debounced
  await page.reload();
  assert.equal(await page.locator("#before").inputValue(), "Kept before.");
  await page.close(); // a closed tab
  const tab = await context.newPage();
  await tab.goto(pageUrl);
  assert.equal(await tab.locator("#before").inputValue(), "Kept before.");
  assert.equal(await tab.locator("#after").inputValue(), "Kept after, edited.");
  await tab.locator(".sd-after ins", { hasText: "edited" }).waitFor();
  await tab.click("#clear");
  assert.equal(await tab.locator("#before").inputValue(), "");
  assert.equal(await tab.locator("#after").inputValue(), "");
  assert.equal(new URL(tab.url()).hash, "");
  // Cleared stays cleared: the example is for a first visit only.
  await tab.goto(pageUrl);
  await tab.locator("#result .sd-start").waitFor();
  assert.equal(await tab.locator("#before").inputValue(), "");
  assert.equal(await tab.locator("#after").inputValue(), "");
  await context.close();
});

test("a fresh open with nothing stored and no fragment shows the seed example", async () => {
  const { page, context } = await openPage(browser);
  assert.equal(await page.locator("#before").inputValue(), seed(SEED_000));
  assert.equal(await page.locator("#after").inputValue(), seed(SEED_001));
  await context.close();
});

test("a broken or crafted link says so and never loses what is in the text areas", async () => {
  const cases = [
    ["#sd1=!!not base64!!", /characters a storydiff link never has/],
    ["#sd1=AAAAAAAA", /damaged or cut short/],
    [linkFor({ v: 1, b: 5, a: null }), /not what a storydiff link holds/],
    ["#sd1=" + b64url(deflateRawSync(Buffer.from("not json {"))), /not what a storydiff link holds/],
    ["#sd1=" + b64url(deflateRawSync(Buffer.from([0xff, 0xfe, 0x00]))), /not valid UTF-8/],
    ["#sd1=" + b64url(deflateRawSync(Buffer.alloc(20 * 1024 * 1024, 97))), /more than 16 MB/],
    ["#sd9=abc", /newer storydiff/],
  ];
  const { page, context } = await openPage(browser);
  await paste(page, "#before", "My own before.");
  await paste(page, "#after", "My own after.");
  await page.waitForTimeout(400);
  for (const [hash, message] of cases) {
    await page.goto("about:blank");
    await page.goto(pageUrl + hash);
    const notice = page.locator("#share-notice");
    await notice.waitFor();
    assert.match(await notice.textContent(), message, hash.slice(0, 40));
    assert.match(await notice.textContent(), /nothing was changed/);
    assert.equal(await page.locator("#before").inputValue(), "My own before.");
    assert.equal(await page.locator("#after").inputValue(), "My own after.");
  }
  // A crafted link with markup in it shows it as text only.
  await page.goto("about:blank");
  const hostile = '<img src=x onerror="window.__ran=1"><script>window.__ran=1</script>';
  await page.goto(pageUrl + linkFor({ v: 1, b: hostile, a: hostile + " more", o: { ignoreCase: "yes", evil: true } }));
  await page.locator(".sd-after ins", { hasText: "more" }).waitFor();
  assert.equal(await page.locator("#before").inputValue(), hostile);
  assert.equal(await page.locator("#result img, #result script").count(), 0);
  assert.equal(await page.evaluate(() => window.__ran), undefined);
  // A link that replaced a kept draft offers it back.
  await page.getByRole("button", { name: "Bring my earlier texts back" }).click();
  assert.equal(await page.locator("#before").inputValue(), "My own before.");
  await context.close();
});

test("a link too long to carry says so and offers an export; Copy link copies the address", async () => {
  const { page, context } = await openPage(browser);
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.click("#copy-link");
  await page.locator("#share-notice", { hasText: "Copied the link" }).waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, page.url());
  assert.match(copied, /#sd1=/);

  // About 200 KB of text that does not compress well.
  let x = 12345;
  const word = () => {
    let w = "";
    for (let i = 0; i < 6; i++) {
      x = (x * 1103515245 + 12345) % 2147483648;
      w += String.fromCharCode(97 + (x % 26));
    }
    return w;
  };
  const big = Array.from({ length: 30000 }, word).join(" ");
  await paste(page, "#before", big);
  await paste(page, "#after", big + " end");
  await compareNow(page);
  const notice = page.locator("#share-notice", { hasText: "too long for a link" });
  await notice.waitFor();
  assert.match(await notice.textContent(), /32 KB/);
  assert.equal(new URL(page.url()).hash, "");
  await page.click("#copy-link");
  await notice.waitFor();
  await notice.getByRole("button", { name: "Copy Markdown" }).click();
  await page.locator("#share-notice", { hasText: "Copied the comparison as Markdown" }).waitFor();
  await context.close();
});

test("a link made a piece at a time is the link of the whole JSON text, surrogate pairs at the seams included", async () => {
  // The page's codec (www/page/link.js) in Node, with Node's
  // CompressionStream: the same zlib deflate-raw as Chromium's.
  const same = await (async () => {
    const deflateWhole = async (text) => {
      const stream = new Blob([text]).stream().pipeThrough(new CompressionStream("deflate-raw"));
      const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
      let binary = "";
      for (const b of bytes) binary += String.fromCharCode(b);
      return "sd1=" + btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
    };
    // Emoji (surrogate pairs) at every offset around the 64 K seams, a lone
    // half, quotes and line breaks that JSON escapes.
    const unit = 'x😀"\\\n\t“q” ';
    const long = unit.repeat(Math.ceil(200000 / unit.length)) + "\ud800 end";
    const results = [];
    for (const shift of [0, 1, 2, 3]) {
      const state = { before: "a".repeat(shift) + long, after: long.slice(shift) + "😀", options: { ignoreCase: true } };
      const json = JSON.stringify({ v: 1, b: state.before, a: state.after, o: { ignoreCase: true } });
      results.push((await encodeLink(state)) === (await deflateWhole(json)));
    }
    return results;
  })();
  assert.deepEqual(same, [true, true, true, true]);
});

test("the link carries the options", async () => {
  const fragment = await encodeLink({ before: "A", after: "a", options: { ignoreCase: true, deadlineMs: 5 } });
  assert.deepEqual(await decodeLink(fragment), { before: "A", after: "a", options: { ignoreCase: true } });
  // And the page opens it so: the texts, and the option ticked.
  const { page, context, errors } = await openPage(browser, pageUrl + "#" + fragment);
  await page.waitForFunction(() => document.getElementById("before").value === "A");
  assert.equal(await page.locator("#after").inputValue(), "a");
  assert.equal(await page.locator("#opt-ignore-case").isChecked(), true);
  assert.deepEqual(errors, []);
  await context.close();
});

test("seed 002 pasted into an open page replaces the address's link", async () => {
  const { page, context } = await openPage(browser);
  await paste(page, "#after", seed(SEED_002));
  await compareNow(page);
  const url = await linkSettled(page);
  const fresh = await openPage(browser, url);
  await fresh.page.locator("#result .sd-row:visible").first().waitFor();
  assert.equal(await fresh.page.locator("#after").inputValue(), seed(SEED_002));
  await fresh.context.close();
  await context.close();
});

test("the options on the page travel in the link", async () => {
  const { page, context } = await openPage(browser);
  await paste(page, "#before", "The TOLL rose.");
  await paste(page, "#after", "The toll rose again.");
  await page.locator("#opt-ignore-case").check();
  await compareNow(page);
  const url = await linkSettled(page);
  assert.deepEqual((await decodeLink(new URL(url).hash)).options, { ignoreCase: true });
  const fresh = await openPage(browser, url);
  await fresh.page.locator(".sd-after ins", { hasText: "again" }).waitFor();
  assert.equal(await fresh.page.locator("#opt-ignore-case").isChecked(), true);
  await fresh.context.close();
  await context.close();
});

test("without CompressionStream('deflate-raw') (an older engine) the page makes and opens links with its own codec, and they open everywhere", async () => {
  /** A fresh profile whose browser has no deflate-raw streams. */
  const older = async (url) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addInitScript(() => {
      delete window.CompressionStream;
      delete window.DecompressionStream;
    });
    const page = await context.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.goto(url);
    return { page, context, errors };
  };
  const b = seed(SEED_000);
  const a = seed(SEED_001) + "\n\n👩‍👩‍👧 “Quoted,” she said.";
  const old = await older(pageUrl);
  assert.equal(await old.page.evaluate(() => typeof CompressionStream + typeof DecompressionStream), "undefinedundefined");
  await old.page.click("#clear");
  await paste(old.page, "#before", b);
  await paste(old.page, "#after", a);
  await compareNow(old.page);
  const url = await linkSettled(old.page);
  // Stored blocks: longer than a compressed link, and still deflate-raw.
  const state = JSON.parse(inflateRawSync(Buffer.from(new URL(url).hash.slice("#sd1=".length), "base64url")).toString("utf8"));
  assert.deepEqual([state.b, state.a], [b, a]);
  // Made by the page's own codec (deflate.js): stored blocks.
  assert.equal(blockType(url), 0);

  // That link in a browser with the streams.
  const fresh = await openPage(browser, url);
  await fresh.page.locator(".sd-after ins", { hasText: "They need to get rid of these illusions" }).first().waitFor();
  assert.equal(await fresh.page.locator("#after").inputValue(), a);
  // That browser writes the link again with its own CompressionStream:
  // the same texts, in compressed blocks.
  await fresh.page.waitForFunction((hash) => location.hash.startsWith("#sd1=") && location.hash !== hash, new URL(url).hash);
  const again = await linkSettled(fresh.page);
  assert.notEqual(blockType(again), 0);
  assert.deepEqual(await decodeLink(new URL(again).hash), await decodeLink(new URL(url).hash));
  await fresh.context.close();

  // A compressed link (as the other browsers make them) in the older one.
  const other = await older(pageUrl + linkFor({ v: 1, b: seed(SEED_002), a: seed(SEED_002) + " Updated.", o: { ignoreCase: true } }));
  await other.page.locator(".sd-after ins", { hasText: "Updated." }).first().waitFor();
  assert.equal(await other.page.locator("#before").inputValue(), seed(SEED_002));
  assert.equal(await other.page.locator("#opt-ignore-case").isChecked(), true);
  // And a damaged one: said so, the texts kept.
  await other.page.evaluate(() => (location.hash = "#sd1=" + "q".repeat(40)));
  await other.page.locator("#share-notice", { hasText: "could not be opened" }).waitFor();
  assert.equal(await other.page.locator("#before").inputValue(), seed(SEED_002));
  assert.deepEqual([...old.errors, ...other.errors], []);
  await other.context.close();
  await old.context.close();
});
