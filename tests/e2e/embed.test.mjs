// Embed it: the <story-diff> element on a blog page, StoryDiff on that
// page, and the npm package that `cargo xtask dist` writes (issue 5).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync, readFileSync, existsSync } from "node:fs";
import { createServer } from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { launch, openPage, pagePath, seed, SEED_000, SEED_001 } from "./browser.mjs";

const distDir = path.dirname(pagePath);
const escape = (text) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** A blog page next to dist/: a theme that strips <ins>/<del> styling, a
 * 640 px column, two <story-diff> elements, story-diff.js by classic
 * <script src>, loaded in <head> (before the elements exist). */
function blogPage() {
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>A blog post that compares two versions</title>
<style>
  body { margin: 0; font: 18px/1.7 Georgia, serif; color: #222; background: #fdfcf8; }
  .column { max-width: 640px; margin: 0 auto; padding: 0; }
  /* The theme: no decoration, no colour on ins and del, anywhere. */
  ins, del { text-decoration: none !important; background: none !important; color: inherit !important; }
  div, pre { font-family: inherit; }
  pre { white-space: pre; overflow-x: auto; }
</style>
<script src="story-diff.js"></script>
</head><body><article class="column">
<h1>What the story said, and what it says now</h1>
<p>The wire copy was edited twice. <ins>Theme ins</ins> <del>theme del</del></p>
<story-diff id="one">
<pre slot="before">${escape(seed(SEED_000))}</pre>
<pre slot="after">${escape(seed(SEED_001))}</pre>
</story-diff>
<p>And a smaller edit, with a very long unbroken token: ${"x".repeat(20)}</p>
<story-diff id="two">
<pre slot="before">The toll rose to 145 on Monday. https://example.org/${"a".repeat(150)}</pre>
<pre slot="after">The toll rose to 148 on Monday. https://example.org/${"a".repeat(150)}</pre>
</story-diff>
<div id="api"></div>
</article></body></html>
`;
  const file = path.join(distDir, "blog-test.html");
  writeFileSync(file, html);
  return pathToFileURL(file).href;
}

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** What the test needs to know about one element's shadow root. */
function inspect(id) {
  const host = document.getElementById(id);
  const root = host.shadowRoot;
  if (!root || !root.querySelector(".sd-view, .sd-inline-view")) return null;
  // The marks of the rows (the ledger above them has its own).
  const visibleIns = [...root.querySelectorAll(".sd-view ins, .sd-inline-view ins")].filter((n) => {
    const box = n.getBoundingClientRect();
    const style = getComputedStyle(n);
    return box.width > 0 && box.height > 0 && style.textDecorationLine.includes("underline") && style.backgroundColor !== "rgba(0, 0, 0, 0)";
  });
  const wrap = root.querySelector(".sd-wrap");
  const shown = [...root.querySelectorAll(".sd-view, .sd-inline-view")].filter((n) => getComputedStyle(n).display !== "none");
  return {
    insTexts: visibleIns.map((n) => n.textContent),
    delCount: [...root.querySelectorAll(".sd-view del, .sd-inline-view del")].filter((n) => n.getBoundingClientRect().width > 0 && getComputedStyle(n).textDecorationLine.includes("line-through")).length,
    hostWidth: host.getBoundingClientRect().width,
    overflow: wrap.scrollWidth > wrap.clientWidth + 1 || shown.some((n) => n.scrollWidth > n.clientWidth + 1),
    shown: shown.map((n) => n.className),
    lightPreShown: [...host.querySelectorAll("pre")].some((p) => p.getBoundingClientRect().height > 0),
  };
}

test("done when: a blog page with a theme that strips ins/del, a 640 px column and two <story-diff> renders both, visibly, with no horizontal overflow", async () => {
  const { page, context, errors } = await openPage(browser, blogPage(), { width: 1000, height: 900 });
  await page.waitForFunction(() => document.getElementById("one").shadowRoot?.querySelector(".sd-view") && document.getElementById("two").shadowRoot?.querySelector(".sd-view"));
  // The theme does strip the light DOM's ins.
  assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector("article > p ins")).textDecorationLine), "none");
  const one = await page.evaluate(inspect, "one");
  const two = await page.evaluate(inspect, "two");
  assert.ok(one.insTexts.some((t) => t.includes("They need to get rid of these illusions")), JSON.stringify(one.insTexts));
  assert.ok(one.delCount > 0);
  assert.deepEqual(two.insTexts.filter((t) => t === "148"), ["148"]);
  for (const info of [one, two]) {
    assert.equal(info.hostWidth, 640);
    assert.equal(info.overflow, false);
    assert.deepEqual(info.shown, ["sd-view"]); // side by side in 640 px
    assert.equal(info.lightPreShown, false); // the source texts are not shown twice
  }
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), true);

  // StoryDiff.compare and StoryDiff.render work on the same page.
  const api = await page.evaluate(() => {
    const model = StoryDiff.compare("Five killed.\n", "Six killed.\n");
    StoryDiff.render(document.getElementById("api"), "The toll rose to 145.", "The toll rose to 148.");
    return {
      kinds: model.rows.map((r) => r.kind),
      inline: model.rows[0].inline,
      rendered: document.querySelector("#api .sd-after ins")?.textContent,
    };
  });
  assert.deepEqual(api.kinds, ["changed"]);
  assert.deepEqual(api.inline, [
    { tag: "delete", text: "Five" },
    { tag: "insert", text: "Six" },
    { tag: "equal", text: " killed.\n" },
  ]);
  assert.equal(api.rendered, "148");
  assert.deepEqual(errors, []);
  await context.close();
});

/** What one element's shadow-root ledger shows. */
function ledgerOf(id) {
  const root = document.getElementById(id).shadowRoot;
  const box = root.querySelector(".sd-ledger-box");
  const view = root.querySelector(".sd-view");
  if (!box) return { box: false, viewShown: !!view && view.getBoundingClientRect().height > 0 };
  const quotes = [...box.querySelectorAll("li.sd-quote")].map((li) => ({
    change: [...li.classList].find((c) => c.startsWith("sd-quote-") && c !== "sd-quote"),
    speaker: li.querySelector(".sd-speaker")?.textContent,
    words: li.querySelector("q")?.textContent,
    shown: li.checkVisibility(),
  }));
  return {
    box: true,
    open: box.open,
    summary: box.querySelector("summary").textContent,
    above: !!view && box.getBoundingClientRect().bottom <= view.getBoundingClientRect().top,
    quotes,
    figures: [...box.querySelectorAll("li.sd-figure")].map((li) => [li.querySelector("del").textContent, li.querySelector("ins").textContent]),
    imgs: root.querySelectorAll("img").length,
    viewShown: !!view && view.getBoundingClientRect().height > 0,
  };
}

test("<story-diff> shows the ledger above its rows: the added quote with its speaker, the changed figures; ledger=closed folds it, ledger=off drops it", async () => {
  const { page, context, errors } = await openPage(browser, blogPage(), { width: 1000, height: 900 });
  await page.waitForFunction(() => document.getElementById("one").shadowRoot?.querySelector(".sd-view") && document.getElementById("two").shadowRoot?.querySelector(".sd-view"));
  const one = await page.evaluate(ledgerOf, "one");
  assert.equal(one.box, true);
  assert.equal(one.open, true);
  assert.equal(one.above, true);
  assert.match(one.summary, /quotes: 1 added/);
  const added = one.quotes.find((q) => q.words?.includes("They need to get rid of these illusions"));
  assert.ok(added, JSON.stringify(one.quotes));
  assert.deepEqual([added.change, added.speaker, added.shown], ["sd-quote-added", "Walid Moallem", true]);
  const two = await page.evaluate(ledgerOf, "two");
  assert.deepEqual(two.figures, [["145", "148"]]);
  // A row link in the ledger reaches the row inside the shadow root, and
  // leaves the page's address alone.
  const reached = await page.evaluate(async () => {
    const root = document.getElementById("one").shadowRoot;
    const link = root.querySelector(".sd-quote-added a.sd-row-link");
    const row = root.getElementById(link.getAttribute("href").slice(1));
    window.scrollTo(0, 0);
    link.click();
    await new Promise((r) => setTimeout(r, 100));
    const box = row.getBoundingClientRect();
    return { hash: location.hash, inView: box.top >= 0 && box.top < window.innerHeight };
  });
  assert.deepEqual(reached, { hash: "", inView: true });

  const setLedger = (value) =>
    page.evaluate(async (value) => {
      const host = document.getElementById("one");
      const done = new Promise((r) => host.addEventListener("story-diff:rendered", r, { once: true }));
      host.setAttribute("ledger", value);
      await done;
    }, value);
  await setLedger("closed");
  const closed = await page.evaluate(ledgerOf, "one");
  assert.equal(closed.open, false);
  assert.match(closed.summary, /quotes: 1 added/);
  assert.equal(closed.quotes.find((q) => q.words?.includes("get rid of these illusions")).shown, false);
  await setLedger("off");
  assert.deepEqual(await page.evaluate(ledgerOf, "one"), { box: false, viewShown: true });
  assert.deepEqual(errors, []);
  await context.close();
});

test("<story-diff>'s ledger shows a hostile quote as text", async () => {
  const { page, context, errors } = await openPage(browser, blogPage(), { width: 1000, height: 900 });
  await page.waitForFunction(() => document.getElementById("two").shadowRoot?.querySelector(".sd-view"));
  const payload = "<img src=x onerror=window.__ran=1>";
  await page.evaluate(async (payload) => {
    const made = document.createElement("story-diff");
    made.id = "hostile";
    const before = document.createElement("pre");
    before.slot = "before";
    before.textContent = "The minister spoke on Monday.\n\nNothing else happened.";
    const after = document.createElement("pre");
    after.slot = "after";
    after.textContent = `The minister spoke on Monday.\n\n"${payload} is all we have," said Jane Doe.\n\nNothing else happened.`;
    made.append(before, after);
    const done = new Promise((r) => made.addEventListener("story-diff:rendered", r, { once: true }));
    document.body.appendChild(made);
    await done;
  }, payload);
  const info = await page.evaluate(ledgerOf, "hostile");
  const quote = info.quotes.find((q) => q.words?.includes(payload));
  assert.ok(quote, JSON.stringify(info.quotes));
  assert.equal(quote.speaker, "Jane Doe");
  assert.equal(info.imgs, 0);
  assert.equal(await page.evaluate(() => window.__ran), undefined);
  assert.deepEqual(errors, []);
  await context.close();
});

test("<story-diff> goes inline in a narrow column and stays inside it", async () => {
  const { page, context, errors } = await openPage(browser, blogPage(), { width: 360, height: 800 });
  await page.waitForFunction(() => document.getElementById("two").shadowRoot?.querySelector(".sd-inline-view"));
  for (const id of ["one", "two"]) {
    const info = await page.evaluate(inspect, id);
    assert.deepEqual(info.shown, ["sd-inline-view"]);
    assert.equal(info.overflow, false);
    assert.ok(info.insTexts.length > 0);
  }
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), true);
  // Wider again: side by side, from the same model (no new comparison).
  await page.setViewportSize({ width: 1000, height: 800 });
  await page.waitForFunction(() => {
    const view = document.getElementById("two").shadowRoot.querySelector(".sd-view");
    return view && getComputedStyle(view).display !== "none";
  });
  assert.deepEqual(errors, []);
  await context.close();
});

test("<story-diff> follows edits to its texts and its attributes, and shows markup as text", async () => {
  const { page, context, errors } = await openPage(browser, blogPage());
  await page.waitForFunction(() => document.getElementById("two").shadowRoot?.querySelector(".sd-view"));
  const result = await page.evaluate(async () => {
    const host = document.getElementById("two");
    const rendered = () => new Promise((r) => host.addEventListener("story-diff:rendered", (e) => r(e.detail.model), { once: true }));
    let done = rendered();
    host.querySelector('[slot="after"]').textContent = '<img src=x onerror="window.__ran=1"> THE TOLL';
    await done;
    const imgs = host.shadowRoot.querySelectorAll("img").length;
    done = rendered();
    host.setAttribute("ignore-case", "");
    host.querySelector('[slot="before"]').textContent = '<img src=x onerror="window.__ran=1"> the toll';
    const model = await done;
    // One made by a script.
    const made = document.createElement("story-diff");
    made.innerHTML = '<pre slot="before">a b c</pre><pre slot="after">a B d</pre>';
    done = new Promise((r) => made.addEventListener("story-diff:rendered", (e) => r(e.detail.model), { once: true }));
    document.body.appendChild(made);
    const third = await done;
    return { imgs, text: host.shadowRoot.textContent.includes("<img src=x"), kinds: model.rows.map((r) => r.kind), third: third.rows[0].inline.filter((p) => p.tag === "insert").map((p) => p.text).join(""), ran: window.__ran };
  });
  assert.equal(result.imgs, 0);
  assert.equal(result.text, true);
  assert.deepEqual(result.kinds, ["equal"]);
  assert.match(result.third, /d/);
  assert.equal(result.ran, undefined);
  assert.deepEqual(errors, []);
  await context.close();
});

test("<story-diff> with before-src / after-src: loads over http, explains itself on file://", async () => {
  const files = {
    "/post.html": `<!doctype html><meta charset="utf-8"><script src="/story-diff.js"></script><story-diff id="x" before-src="/a.txt" after-src="/b.txt"></story-diff>`,
    "/story-diff.js": readFileSync(path.join(distDir, "story-diff.js")),
    "/a.txt": seed(SEED_000),
    "/b.txt": seed(SEED_001),
  };
  const server = createServer((req, res) => {
    if (req.url === "/favicon.ico") return res.writeHead(204).end();
    const body = files[req.url];
    res.writeHead(body ? 200 : 404, { "content-type": req.url.endsWith(".html") ? "text/html" : req.url.endsWith(".js") ? "text/javascript" : "text/plain; charset=utf-8" });
    res.end(body || "not found");
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  try {
    const { page, context, errors } = await openPage(browser, `http://127.0.0.1:${server.address().port}/post.html`);
    await page.waitForFunction(() => document.getElementById("x").shadowRoot?.querySelector("ins"));
    const found = await page.evaluate(() => [...document.getElementById("x").shadowRoot.querySelectorAll(".sd-view ins")].some((n) => n.textContent.includes("get rid of these illusions")));
    assert.equal(found, true);
    assert.deepEqual(errors, []);
    await context.close();
  } finally {
    server.close();
  }
  const file = path.join(distDir, "blog-src-test.html");
  writeFileSync(file, `<!doctype html><meta charset="utf-8"><script src="story-diff.js"></script><story-diff id="x" before-src="a.txt" after-src="b.txt"></story-diff>`);
  const { page, context } = await openPage(browser, pathToFileURL(file).href);
  await page.waitForFunction(() => document.getElementById("x").shadowRoot?.querySelector(".sd-error"));
  assert.match(await page.evaluate(() => document.getElementById("x").shadowRoot.textContent), /served over http/);
  await context.close();
});

test("dist/npm: package.json, an ES module and a classic build, declarations, README", async () => {
  const npm = path.join(distDir, "npm");
  const pkg = JSON.parse(readFileSync(path.join(npm, "package.json"), "utf8"));
  assert.equal(pkg.name, "storydiff");
  assert.match(pkg.version, /^\d+\.\d+\.\d+/);
  for (const file of [pkg.main, pkg.types, pkg.exports["."].import, pkg.exports["./classic"], "README.md"]) {
    assert.ok(existsSync(path.join(npm, file)), file);
  }
  const dts = readFileSync(path.join(npm, pkg.types), "utf8");
  for (const name of ["export function compare", "export function render", "export interface Comparison", "export interface Row", "export interface Piece", "export interface Options", '"story-diff": StoryDiffElement']) {
    assert.ok(dts.includes(name), name);
  }
  // The ES module works in Node too, and sets no global.
  const mod = await import(pathToFileURL(path.join(npm, pkg.main)).href);
  const model = mod.compare("The toll rose to 145.", "The toll rose to 148.");
  assert.deepEqual(model.rows[0].inline.filter((p) => p.tag === "insert"), [{ tag: "insert", text: "148" }]);
  assert.equal(mod.default.compare, mod.compare);
  assert.equal(typeof globalThis.StoryDiff, "undefined");
  // The classic build is dist/story-diff.js itself.
  assert.equal(readFileSync(path.join(npm, "story-diff.js"), "utf8"), readFileSync(path.join(distDir, "story-diff.js"), "utf8"));
});
