// The user journeys, written once and run in every engine a reader uses:
// journeys-chromium.test.mjs, journeys-firefox.test.mjs and
// journeys-webkit.test.mjs each call `journeys(name)`, which starts that
// engine once (engines.mjs) and runs every journey in it. Each test's name
// starts with the engine's name and version, so a failure says where.
//
// Nothing here is timed: "responsive" is checked by what happened (a key
// handled while the worker works, a result built a slice at a time), and
// the only time limits are the layer's generous ones against a hang.
import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import { deflateRawSync } from "node:zlib";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { HANG, launchEngine } from "./engines.mjs";
import { largePair, linkSettled, pagePath, pageUrl, seed, SEED_000, SEED_001 } from "./browser.mjs";
import { lowContrast } from "./contrast.mjs";
import { DANGEROUS, PAYLOADS, shown } from "./payloads.mjs";

const distDir = path.dirname(pagePath);
const ADDED_QUOTE = "They need to get rid of these illusions";

/** Runs in the page: whether the comparison of the texts now in the page
 * is shown (the result is not aria-busy, and the status line says it is
 * done) and `text` is in an <ins> of it. */
function insShown(text) {
  if (document.getElementById("result").hasAttribute("aria-busy")) return false;
  const status = document.getElementById("status").textContent;
  if (!/compared in \d+ ms/.test(status) || /showing row/.test(status)) return false;
  return [...document.querySelectorAll("#result .sd-after ins, #result-inline ins")].some((n) => n.textContent.includes(text));
}

/** Runs in the page: the text areas' values. */
function texts() {
  return { before: document.getElementById("before").value, after: document.getElementById("after").value };
}

/** A themed blog page next to dist/: a theme that strips <ins>/<del>, a
 * 640 px column, two <story-diff>, the second with its ledger closed. */
function blogPage(name, body) {
  const escape = (text) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>A blog post that compares two versions</title>
<style>
  body { margin: 0; font: 18px/1.7 Georgia, serif; color: #222; background: #fdfcf8; }
  .column { max-width: 640px; margin: 0 auto; }
  ins, del { text-decoration: none !important; background: none !important; color: inherit !important; }
</style>
<script src="story-diff.js"></script>
</head><body><article class="column">
<h1>What the story said, and what it says now</h1>
<p>The wire copy was edited twice. <ins>Theme ins</ins></p>
${body(escape)}
</article></body></html>
`;
  const file = path.join(distDir, name);
  writeFileSync(file, html);
  return pathToFileURL(file).href;
}

/** Runs in the page: what the test needs to know of each <story-diff>
 * named, or null until all of them have rendered. */
function embedStates(ids) {
  const state = (id) => {
  const host = document.getElementById(id);
  const root = host && host.shadowRoot;
  if (!root || !root.querySelector(".sd-view, .sd-inline-view")) return null;
  const marked = (n, line) => {
    const style = getComputedStyle(n);
    const box = n.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && style.textDecorationLine.includes(line) && style.backgroundColor !== "rgba(0, 0, 0, 0)";
  };
  const shown = [...root.querySelectorAll(".sd-view, .sd-inline-view")].filter((n) => getComputedStyle(n).display !== "none");
  const wrap = root.querySelector(".sd-wrap");
  const ledger = root.querySelector("details.sd-ledger-box");
  const quote = root.querySelector(".sd-quote-added");
  return {
    ins: [...root.querySelectorAll(".sd-view ins, .sd-inline-view ins")].filter((n) => marked(n, "underline")).map((n) => n.textContent),
    del: [...root.querySelectorAll(".sd-view del, .sd-inline-view del")].filter((n) => marked(n, "line-through")).length,
    width: Math.round(host.getBoundingClientRect().width),
    overflow: (wrap && wrap.scrollWidth > wrap.clientWidth + 1) || shown.some((n) => n.scrollWidth > n.clientWidth + 1),
    views: shown.map((n) => n.className),
    ledgerOpen: ledger ? ledger.open : null,
    quoteShown: quote ? quote.checkVisibility() : null,
    counts: root.querySelector(".sd-ledger-counts")?.textContent || "",
  };
  };
  const out = ids.map(state);
  return out.every(Boolean) ? out : null;
}

export async function journeys(name) {
  const engine = await launchEngine(name);
  const at = engine.label;
  after(() => engine.close());
  /** A text as the clipboard carries it: WebKit's copy turns a
   * non-breaking space into a space (the seeds have one, after "CNN —"). */
  const pasted = (text) => (name === "webkit" ? text.replace(/\u00a0/g, " ") : text);

  describe(at, () => {
    test(`${at}: opened from disk it shows the example; two texts pasted show side by side and inline`, async () => {
      const page = await engine.newPage();
      try {
        await page.waitFor(insShown, ADDED_QUOTE, { message: "the example compared" });
        assert.deepEqual(await page.evaluate(texts), { before: seed(SEED_000), after: seed(SEED_001) });
        assert.equal(await page.evaluate(() => document.getElementById("example-note").hidden), false);

        await page.click("#clear");
        await page.waitFor(() => !document.getElementById("before").value && !!document.querySelector("#result .sd-start"));
        await page.click("#live"); // compare on the button only
        await page.paste("#before", seed(SEED_000));
        await page.paste("#after", seed(SEED_001));
        assert.deepEqual(await page.evaluate(texts), { before: pasted(seed(SEED_000)), after: pasted(seed(SEED_001)) });
        await page.click("#compare");
        await page.waitFor(insShown, ADDED_QUOTE, { message: "the pasted texts compared" });
        const side = await page.evaluate((quote) => {
          const ins = [...document.querySelectorAll("#result .sd-after ins")].find((n) => n.textContent.includes(quote));
          const row = ins.closest(".sd-row");
          return {
            oldWording: row.querySelector(".sd-before").textContent.includes("We will not negotiate with anyone on the presidency"),
            insOnLeft: row.querySelectorAll(".sd-before ins").length,
            brahimi: [...document.querySelectorAll("#result .sd-before del")].some((n) => n.textContent.includes("Lakhdar Brahimi")),
            // Each side whole: the last line of Before is there.
            whole: [...document.querySelectorAll("#result .sd-before")].map((n) => n.textContent).join("").includes("contributed to this report."),
            // Side by side: Before's column left of After's.
            leftOf: row.querySelector(".sd-before").getBoundingClientRect().right <= row.querySelector(".sd-after").getBoundingClientRect().left + 1,
          };
        }, ADDED_QUOTE);
        assert.deepEqual(side, { oldWording: true, insOnLeft: 0, brahimi: true, whole: true, leftOf: true });

        await page.click("#view-inline");
        const inline = await page.waitFor((quote) => {
          const box = document.getElementById("result-inline");
          if (box.hidden || !box.querySelector(".sd-line")) return false;
          return {
            ins: [...box.querySelectorAll("ins")].some((n) => n.textContent.includes(quote)),
            del: [...box.querySelectorAll("del")].some((n) => n.textContent.includes("Lakhdar Brahimi")),
            sideBuilt: document.querySelectorAll("#result .sd-row").length,
          };
        }, ADDED_QUOTE);
        assert.deepEqual(inline, { ins: true, del: true, sideBuilt: 0 });
        assert.deepEqual(await page.errorsNow(), []);
      } finally {
        await page.close();
      }
    });

    test(`${at}: the permalink, copied with Copy link, opens the same texts and result in a fresh profile`, async () => {
      const page = await engine.newPage();
      let fresh;
      try {
        await page.click("#clear");
        await page.setValue("#before", seed(SEED_000));
        await page.setValue("#after", seed(SEED_001));
        await page.click("#compare");
        await page.waitFor(insShown, ADDED_QUOTE);
        // The address bar holds both texts (read with the page's codec).
        const address = await linkSettled(page, HANG);
        assert.ok(address.startsWith(pageUrl + "#sd1="));
        // Copy link: into the clipboard, or (where the engine refuses) a
        // dialog with the address selected to copy by hand.
        await page.click("#copy-link");
        const how = await page.waitFor(() => {
          const dialog = document.getElementById("export-dialog");
          if (dialog.open) return { dialog: document.getElementById("export-text").value };
          const notice = document.getElementById("share-notice");
          return !notice.hidden && /Copied/.test(notice.textContent) && { notice: notice.textContent };
        });
        let copied;
        if (how.dialog) {
          copied = how.dialog;
          await page.click("#export-close");
        } else {
          // What the clipboard holds, read by a real paste.
          await page.evaluate(() => {
            const scratch = document.createElement("textarea");
            scratch.id = "__read_clipboard";
            document.body.appendChild(scratch);
            scratch.focus();
          });
          await page.press("Control+v");
          copied = await page.evaluate(() => document.getElementById("__read_clipboard").value);
        }
        assert.equal(copied, address);

        fresh = await engine.newPage({ url: copied });
        await fresh.waitFor(insShown, ADDED_QUOTE, { message: "the linked texts compared" });
        assert.deepEqual(await fresh.evaluate(texts), { before: seed(SEED_000), after: seed(SEED_001) });
        assert.equal(await fresh.evaluate(() => [...document.querySelectorAll("#result .sd-before del")].some((n) => n.textContent.includes("Lakhdar Brahimi"))), true);
        // Kept once the result is shown, when the browser is idle.
        await fresh.waitFor((text) => localStorage.getItem("storydiff.draft.v2.before") === text, seed(SEED_000), { message: "the linked texts kept" });
        assert.deepEqual(await fresh.errorsNow(), []);
        assert.deepEqual(await page.errorsNow(), []);
      } finally {
        await fresh?.close();
        await page.close();
      }
    });

    test(`${at}: a reload keeps the draft; Clear clears it, and it stays cleared`, async () => {
      const page = await engine.newPage();
      try {
        await page.click("#clear");
        await page.type("#before", "Kept before.");
        await page.paste("#after", "Kept after, edited.");
        // Kept in localStorage (debounced): wait until it is there.
        await page.waitFor(() => localStorage.getItem("storydiff.draft.v2.after") === "Kept after, edited." && localStorage.getItem("storydiff.draft.v2.before") === "Kept before.");
        await page.reload();
        await page.waitFor(insShown, "edited", { message: "the kept draft compared after a reload" });
        assert.deepEqual(await page.evaluate(texts), { before: "Kept before.", after: "Kept after, edited." });
        await page.click("#clear");
        assert.deepEqual(await page.evaluate(texts), { before: "", after: "" });
        assert.equal(await page.evaluate(() => localStorage.getItem("storydiff.draft.v2.before")), null);
        await page.reload();
        await page.waitFor(() => !!document.querySelector("#result .sd-start"));
        assert.deepEqual(await page.evaluate(texts), { before: "", after: "" });
        assert.deepEqual(await page.errorsNow(), []);
      } finally {
        await page.close();
      }
    });

    test(`${at}: <story-diff> in a themed 640 px blog column, twice on one page, the ledger opened and closed by a click`, async () => {
      const url = blogPage(`journey-blog-${name}.html`, (escape) => `
<story-diff id="one">
<pre slot="before">${escape(seed(SEED_000))}</pre>
<pre slot="after">${escape(seed(SEED_001))}</pre>
</story-diff>
<p>And a smaller edit.</p>
<story-diff id="two" ledger="closed">
<pre slot="before">The toll rose to 145 on Monday, police said.</pre>
<pre slot="after">The toll rose to 148 on Monday, police said. “We are still searching,” Chief Ada Obi said.</pre>
</story-diff>`);
      const page = await engine.newPage({ url, viewport: { width: 1000, height: 900 } });
      try {
        const [one, two] = await page.waitFor(embedStates, ["one", "two"], { message: "both elements rendered" });
        assert.ok(one.ins.some((t) => t.includes(ADDED_QUOTE)), JSON.stringify(one.ins));
        assert.ok(one.del > 0);
        assert.ok(two.ins.some((t) => t.includes("148")), JSON.stringify(two.ins));
        for (const info of [one, two]) {
          assert.equal(info.width, 640);
          assert.equal(info.overflow, false);
          assert.deepEqual(info.views, ["sd-view"]);
        }
        assert.equal(one.ledgerOpen, true);
        assert.equal(one.quoteShown, true);
        assert.match(one.counts, /quotes: 1 added/);
        assert.equal(two.ledgerOpen, false);
        assert.equal(two.quoteShown, false);
        // A reader opens the second's ledger and closes the first's.
        await page.click("#two >>> summary.sd-ledger-summary");
        await page.click("#one >>> summary.sd-ledger-summary");
        const after = await page.evaluate(embedStates, ["one", "two"]);
        assert.deepEqual([after[0].ledgerOpen, after[0].quoteShown], [false, false]);
        assert.deepEqual([after[1].ledgerOpen, after[1].quoteShown], [true, true]);
        assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), true);
        assert.deepEqual(await page.errorsNow(), []);
      } finally {
        await page.close();
      }
    });

    test(`${at}: the worker: a 1.4 MB pair answers; a long comparison leaves the page answering keys, and its result is built a slice at a time`, async () => {
      const page = await engine.newPage();
      try {
        await page.waitFor(insShown, ADDED_QUOTE);
        await page.click("#live"); // compare on the button only
        // The 1.4 MB pair: an answer whose rows rebuild both texts.
        const [b, a] = largePair();
        await page.setValue("#before", b);
        await page.setValue("#after", a);
        await page.click("#compare");
        await page.waitFor(() => {
          const status = document.getElementById("status").textContent;
          return /compared in \d+ ms/.test(status) && !/showing row/.test(status);
        }, null, { message: "the 1.4 MB pair compared" });
        // The worker's answer for the texts shown, through the public API
        // (StoryDiff.compareAsync, as the page asks it, with the page's
        // options); the page shows a row for each of its rows.
        const big = await page.evaluate(async () => {
          const options = {};
          for (const box of document.querySelectorAll('input[type="checkbox"][id^="opt-"]')) {
            options[box.id.slice(4).replace(/-(\w)/g, (_, c) => c.toUpperCase())] = box.checked;
          }
          const before = document.getElementById("before").value;
          const after = document.getElementById("after").value;
          const model = await StoryDiff.compareAsync(before, after, options);
          const join = (side) => model.rows.map((r) => r[side] ?? "").join("");
          return {
            rebuilt: join("before") === before && join("after") === after,
            built: document.querySelectorAll("#result .sd-row").length === model.rows.length,
            changed: model.rows.some((r) => r.kind === "changed"),
          };
        });
        assert.deepEqual(big, { rebuilt: true, built: true, changed: true });

        // Two unlike texts of 600 KB each: seconds of work for the worker
        // (2,750 changed rows, marked approximate). Meanwhile real key
        // presses are handled, and the rows arrive a slice at a time.
        const [ub, ua] = unlikePair();
        await page.setValue("#before", ub);
        await page.setValue("#after", ua);
        await page.evaluate(() => {
          window.__keys = [];
          window.__slices = [];
          const status = document.getElementById("status");
          document.addEventListener("keydown", (e) => window.__keys.push(status.textContent.startsWith("Comparing")), true);
          let seen = 0;
          window.__sliceObserver = new MutationObserver(() => {
            const now = document.querySelectorAll("#result .sd-row").length;
            if (now > seen) window.__slices.push(now - seen);
            seen = now;
          });
          window.__sliceObserver.observe(document.getElementById("result"), { childList: true, subtree: true });
          document.getElementById("result").replaceChildren();
          status.textContent = "";
        });
        await page.click("#compare");
        for (let k = 0; k < 200; k++) {
          await page.press("j");
          const state = await page.evaluate(() => ({
            during: window.__keys.some(Boolean),
            working: document.getElementById("status").textContent.startsWith("Comparing"),
          }));
          if (state.during || !state.working) break;
        }
        const done = await page.waitFor(() => {
          const status = document.getElementById("status").textContent;
          if (!/compared in \d+ ms/.test(status) || /showing row/.test(status)) return false;
          window.__sliceObserver.disconnect();
          return {
            status,
            rows: document.querySelectorAll("#result .sd-row").length,
            slices: window.__slices,
            keys: window.__keys,
          };
        }, null, { message: "the unlike pair compared" });
        assert.match(done.status, /2750 paragraphs changed.*approximate/);
        assert.ok(done.keys.some(Boolean), `no key was handled while the worker compared (keys: ${JSON.stringify(done.keys)})`);
        // At most 200 rows a slice (SLICE_ROWS in story-diff.js), so many slices.
        assert.equal(done.slices.reduce((x, y) => x + y, 0), done.rows);
        assert.ok(Math.max(...done.slices) <= 200, `a slice built ${Math.max(...done.slices)} rows`);
        assert.ok(done.slices.length >= Math.ceil(done.rows / 200), `${done.rows} rows in ${done.slices.length} slices`);
        assert.deepEqual(await page.errorsNow(), []);
      } finally {
        await page.close();
      }
    });

    test(`${at}: hostile payloads, pasted, linked and embedded: nothing runs, everything shows as text`, async () => {
      const b = PAYLOADS.join("\n\n");
      const a = b + "\n\nAn added paragraph.";
      /** Runs in the page: what `root` shows, and whether anything ran. */
      const inspect = ([selector, dangerous]) => {
        const at = selector.indexOf(">>>");
        const root = at < 0 ? document.querySelector(selector) : document.querySelector(selector.slice(0, at).trim())?.shadowRoot;
        if (!root) return null;
        // The text a side shows, its fold buttons ("Show 63 unchanged lines") aside.
        const side = (name) =>
          Array.from(root.querySelectorAll(name), (c) => {
            const copy = c.cloneNode(true);
            copy.querySelectorAll("button").forEach((b) => b.remove());
            return copy.textContent;
          })
            .join("")
            .replace(/[\r\n]/g, "");
        return {
          before: side(".sd-before"),
          after: side(".sd-after"),
          markup: [...root.querySelectorAll(dangerous)].map((n) => n.nodeName),
          handlers: [...root.querySelectorAll("*")].filter((n) => [...n.attributes].some((x) => /^on/i.test(x.name) || /javascript:/i.test(x.value))).length,
          ran: window.__pwned ?? null,
        };
      };
      const expected = { before: shown(b), after: shown(a), markup: [], handlers: 0, ran: null };

      // Pasted into the text areas.
      const page = await engine.newPage();
      try {
        await page.click("#live");
        await page.setValue("#before", b);
        await page.setValue("#after", a);
        await page.click("#compare");
        await page.waitFor(insShown, "An added paragraph.", { message: "the payloads compared, pasted" });
        assert.deepEqual(await page.evaluate(inspect, ["#result", DANGEROUS]), expected);
        assert.deepEqual(await page.errorsNow(), []);
      } finally {
        await page.close();
      }

      // A crafted link, in a fresh profile.
      const link = pageUrl + "#sd1=" + Buffer.from(deflateRawSync(Buffer.from(JSON.stringify({ v: 1, b, a, o: {} })))).toString("base64url");
      const linked = await engine.newPage({ url: link });
      try {
        await linked.waitFor(insShown, "An added paragraph.", { message: "the payloads compared, linked" });
        assert.deepEqual(await linked.evaluate(inspect, ["#result", DANGEROUS]), expected);
        // A text area's value has its line breaks as LF.
        const lf = (t) => t.replace(/\r\n?/g, "\n");
        assert.deepEqual(await linked.evaluate(texts), { before: lf(b), after: lf(a) });
        assert.deepEqual(await linked.errorsNow(), []);
      } finally {
        await linked.close();
      }

      // In a <story-diff> on a blog page.
      const url = blogPage(`journey-hostile-${name}.html`, (escape) => `
<story-diff id="hostile">
<pre slot="before">${escape(b)}</pre>
<pre slot="after">${escape(a)}</pre>
</story-diff>`);
      const blog = await engine.newPage({ url, viewport: { width: 1000, height: 900 } });
      try {
        await blog.waitFor(() => !!document.getElementById("hostile").shadowRoot?.querySelector(".sd-view .sd-row"));
        // The element reads its texts from the <pre>s' text, which HTML
        // parsing gives with CR LF as LF and without NUL.
        const lf = (t) => t.replace(/\r\n?/g, "\n").replace(/\u0000/g, "");
        const want = { ...expected, before: shown(lf(b)), after: shown(lf(a)) };
        assert.deepEqual(await blog.evaluate(inspect, ["#hostile >>>", DANGEROUS]), want);
        assert.deepEqual(await blog.errorsNow(), []);
      } finally {
        await blog.close();
      }
    });

    test(`${at}: keyboard: J and K move between changes; a j typed in a text area is typed`, async () => {
      const page = await engine.newPage();
      try {
        await page.click("#live");
        await page.setValue("#before", "A.\n\nSame one.\n\nB old.\n\nSame two.\n\nC.\n");
        await page.setValue("#after", "A new.\n\nSame one.\n\nB.\n\nSame two.\n\nC.\n\nD.\n");
        await page.click("#compare");
        await page.waitFor(insShown, "new");
        await page.click("h1");
        const position = () => page.evaluate(() => [document.getElementById("change-position").textContent, document.querySelector(".sd-current")?.textContent ?? null]);
        await page.press("j");
        assert.match((await position())[0], /^Change 1 of 3$/);
        await page.press("j");
        await page.press("j");
        const third = await position();
        assert.equal(third[0], "Change 3 of 3");
        assert.match(third[1], /D\./);
        await page.press("k");
        assert.equal((await position())[0], "Change 2 of 3");
        await page.click("#after");
        await page.press("Control+End");
        await page.press("j");
        assert.match(await page.evaluate(() => document.getElementById("after").value), /j$/);
        assert.deepEqual(await page.errorsNow(), []);
      } finally {
        await page.close();
      }
    });

    test(`${at}: dark mode: the page follows the reader's setting, and every text reads at 4.5:1 or more`, async () => {
      const dark = await launchEngine(name, { dark: true });
      try {
        const page = await dark.newPage();
        await page.waitFor(insShown, ADDED_QUOTE);
        const colours = await page.evaluate(() => ({
          dark: matchMedia("(prefers-color-scheme: dark)").matches,
          body: getComputedStyle(document.body).backgroundColor,
          text: getComputedStyle(document.body).color,
        }));
        assert.deepEqual(colours, { dark: true, body: "rgb(21, 23, 26)", text: "rgb(230, 230, 230)" });
        assert.deepEqual(await page.evaluate(lowContrast, ["body", 4.5]), []);
        // The ledger's folds open, the furniture shown.
        await page.evaluate(() => {
          document.querySelectorAll("#result details").forEach((d) => (d.open = true));
          document.querySelector("#result .sd-noise-toggle")?.click();
        });
        assert.deepEqual(await page.evaluate(lowContrast, ["body", 4.5]), []);
        assert.deepEqual(await page.errorsNow(), []);
        await page.close();
      } finally {
        await dark.close();
      }
    });

    test(`${at}: the npm package's ES module, imported by a page (served on 127.0.0.1)`, async () => {
      const files = {
        "/post.html": `<!doctype html><html lang="en"><meta charset="utf-8"><title>module</title>
<script type="importmap">{ "imports": { "storydiff": "/npm/story-diff.mjs" } }</script>
<div id="out"></div>
<story-diff id="el"><pre slot="before">Five people were killed.</pre><pre slot="after">Six people were killed.</pre></story-diff>
<script type="module">
import StoryDiff, { compare, render, version } from "storydiff";
const model = compare("The toll rose to 145.", "The toll rose to 148.");
render(document.getElementById("out"), "The toll rose to 145.", "The toll rose to 148.");
window.__module = { kinds: model.rows.map((r) => r.kind), version, same: StoryDiff.compare === compare, global: typeof window.StoryDiff };
</script>`,
        "/npm/story-diff.mjs": readFileSync(path.join(distDir, "npm", "story-diff.mjs")),
      };
      const server = createServer((req, res) => {
        if (req.url === "/favicon.ico") return res.writeHead(204).end();
        const body = files[req.url];
        res.writeHead(body ? 200 : 404, { "content-type": req.url.endsWith(".html") ? "text/html" : "text/javascript" });
        res.end(body || "not found");
      });
      await new Promise((r) => server.listen(0, "127.0.0.1", r));
      let page;
      try {
        page = await engine.newPage({ url: `http://127.0.0.1:${server.address().port}/post.html` });
        const got = await page.waitFor(() => {
          const el = document.getElementById("el").shadowRoot;
          const ins = el && [...el.querySelectorAll(".sd-view ins, .sd-inline-view ins")].map((n) => n.textContent);
          return window.__module && ins && ins.length && { ...window.__module, rendered: document.querySelector("#out .sd-after ins")?.textContent, element: ins };
        }, null, { message: "the module's page rendered" });
        const pkg = JSON.parse(readFileSync(path.join(distDir, "npm", "package.json"), "utf8"));
        assert.deepEqual(got, { kinds: ["changed"], version: pkg.version, same: true, global: "undefined", rendered: "148", element: ["Six"] });
        assert.deepEqual(await page.errorsNow(), []);
      } finally {
        await page?.close();
        server.close();
      }
    });
  });
}

/** Two unlike texts of about 600 KB (no paragraph of one like any of the
 * other): 2,750 changed rows, seconds of work. */
function unlikePair() {
  const pool = ["the", "minister", "said", "on", "Sunday", "flood", "waters", "rose", "police", "report", "killed", "rebels"];
  const words = (n, seed) => {
    let x = seed;
    return Array.from({ length: n }, (_, i) => {
      x = (x * 1103515245 + 12345) % 2147483648;
      return pool[x % pool.length] + ((x >> 8) % 7) + (i % 3);
    });
  };
  const paragraphs = (seed) => {
    const w = words(110000, seed).map((x) => (seed % 2 ? x : x.toUpperCase() + "Q"));
    const out = [];
    for (let i = 0; i < w.length; i += 40) out.push(w.slice(i, i + 40).join(" ") + ".\n\n");
    return out.join("");
  };
  return [paragraphs(3), paragraphs(4)];
}
