// What a user-experience review of the page found, each pinned: the
// embed's furniture shown though "set aside", dark-mode contrast, row links
// that lost the share link, two highlighted rows, printed controls, empty
// and binary input, the ledger's layout.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { launch, linkSettled, openPage, pagePath, pageUrl, seed, settled, SEED_000, SEED_001, SEED_002 } from "./browser.mjs";
import { lowContrast } from "./contrast.mjs";

const distDir = path.dirname(pagePath);
const escape = (text) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** A blog page next to dist/ holding the CNN example in <story-diff>,
 * written in `theme` (CSS for the page). */
function blogPage(name, theme) {
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A post</title>
<style>body { margin: 0; font: 18px/1.7 Georgia, serif; } .column { max-width: 640px; margin: 0 auto; } ${theme}</style>
<script src="story-diff.js"></script>
</head><body><article class="column">
<p>The wire copy was edited twice.</p>
<story-diff id="one">
<pre slot="before">${escape(seed(SEED_000))}</pre>
<pre slot="after">${escape(seed(SEED_001))}</pre>
</story-diff>
</article></body></html>
`;
  const file = path.join(distDir, name);
  writeFileSync(file, html);
  return pathToFileURL(file).href;
}

/** Before and After with a long unchanged run between two changes (folded
 * behind a "Show N unchanged lines" button) and the example's furniture. */
function foldedPair() {
  const same = Array.from({ length: 40 }, (_, i) => "Line " + i + " stays as it was.").join("\n");
  return [seed(SEED_000) + "\n" + same + "\nThe toll rose to 145.\n", seed(SEED_001) + "\n" + same + "\nThe toll rose to 148.\n"];
}

test("the embed's page furniture is set aside as it says: one styled bar, the rows hidden until Show", async () => {
  const { page, context, errors } = await openPage(browser, blogPage("review-blog.html", ""), { width: 1000, height: 900 });
  await page.waitForFunction(() => document.getElementById("one").shadowRoot?.querySelector(".sd-view"));
  const furniture = () =>
    page.evaluate(() => {
      const root = document.getElementById("one").shadowRoot;
      const view = root.querySelector(".sd-view");
      const bar = view.querySelector(".sd-noise-bar");
      const style = getComputedStyle(bar);
      return {
        bar: bar.textContent,
        shownRows: [...view.querySelectorAll(".sd-row.sd-noise")].filter((r) => r.getClientRects().length).length,
        rows: view.querySelectorAll(".sd-row.sd-noise").length,
        padded: parseFloat(style.paddingLeft) > 0,
        tinted: style.backgroundColor !== "rgba(0, 0, 0, 0)",
        small: parseFloat(style.fontSize) < parseFloat(getComputedStyle(view).fontSize),
      };
    });
  const shut = await furniture();
  assert.match(shut.bar, /^Page furniture set aside: 81 lines Before, 3 lines After\. Show$/);
  assert.ok(shut.rows > 0);
  assert.equal(shut.shownRows, 0, "furniture rows show though set aside");
  assert.deepEqual([shut.padded, shut.tinted, shut.small], [true, true, true]);
  await page.locator("story-diff .sd-view .sd-noise-toggle").first().click();
  assert.equal((await furniture()).shownRows, 1);
  assert.deepEqual(errors, []);
  await context.close();
});

test("dark mode: every text on the page, the fold buttons and the furniture bar included, reads at 4.5:1 or more", async () => {
  const context = await browser.newContext({ colorScheme: "dark", viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(pageUrl);
  const [b, a] = foldedPair();
  await page.locator("#before").fill(b);
  await page.locator("#after").fill(a);
  await settled(page);
  await page.locator("#result .sd-fold").first().waitFor();
  await page.locator("#result .sd-noise-bar").first().waitFor();
  assert.deepEqual(await page.evaluate(lowContrast, ["body", 4.5]), []);
  // Everything folded open: the ledger's lists, the furniture, a fold.
  await page.evaluate(() => {
    document.querySelectorAll("#result details").forEach((d) => (d.open = true));
    document.querySelector("#result .sd-noise-toggle").click();
    document.querySelector("#result .sd-fold").click();
  });
  assert.deepEqual(await page.evaluate(lowContrast, ["body", 4.5]), []);
  // Two outlets' stories: the sentence pairs.
  await page.locator("#before").fill(seed(SEED_001));
  await page.locator("#after").fill(seed(SEED_002));
  await page.locator("#result .sd-outlets").waitFor();
  await page.evaluate(() => document.querySelectorAll("#result details").forEach((d) => (d.open = true)));
  assert.deepEqual(await page.evaluate(lowContrast, ["body", 4.5]), []);
  await context.close();
});

for (const [name, theme] of [
  ["says it is dark", ":root { color-scheme: dark; } body { background: #16181b; color: #dcdfe3; }"],
  ["is dark by its colours alone", "body { background: #16181b; color: #dcdfe3; }"],
  ["is light", "body { background: #fdfcf8; color: #222; }"],
]) {
  test(`<story-diff> on a page that ${name}: every text reads at 4.5:1 or more`, async () => {
    const { page, context, errors } = await openPage(browser, blogPage("review-theme.html", theme), { width: 1000, height: 900 });
    await page.waitForFunction(() => document.getElementById("one").shadowRoot?.querySelector(".sd-view"));
    // Furniture and every fold of the ledger open.
    await page.evaluate(() => {
      const root = document.getElementById("one").shadowRoot;
      root.querySelectorAll("details").forEach((d) => (d.open = true));
      root.querySelector(".sd-view .sd-noise-toggle").click();
    });
    assert.deepEqual(await page.evaluate(lowContrast, ["story-diff", 4.5]), []);
    assert.deepEqual(errors, []);
    await context.close();
  });
}


test("a ledger's \"row N\" link makes that row the current one and leaves the share link in the address bar; J goes on from it, one current row at a time", async () => {
  const { page, context, errors } = await openPage(browser);
  await page.locator("#result .sd-row-link").first().waitFor();
  const link = await linkSettled(page);
  const href = await page.locator("#result .sd-row-link").first().getAttribute("href");
  assert.equal(href, "#sd-row-4"); // a real link, for pages without script
  await page.locator("#result .sd-row-link").first().click();
  assert.equal(page.url(), link);
  const state = () =>
    page.evaluate(() => ({
      current: [...document.querySelectorAll(".sd-current")].map((r) => r.id),
      focused: document.activeElement.id,
      targeted: document.querySelectorAll(":target").length,
      outlined: [...document.querySelectorAll("#result .sd-row")].filter((r) => getComputedStyle(r).outlineStyle !== "none").map((r) => r.id),
      inView: (() => {
        const box = document.querySelector(".sd-current")?.getBoundingClientRect();
        return !!box && box.top >= 0 && box.bottom <= innerHeight;
      })(),
    }));
  assert.deepEqual(await state(), { current: ["sd-row-4"], focused: "sd-row-4", targeted: 0, outlined: ["sd-row-4"], inView: true });
  await page.keyboard.press("j");
  const next = await state();
  assert.equal(next.current.length, 1);
  assert.notEqual(next.current[0], "sd-row-4");
  assert.deepEqual(next.outlined, next.current, "two rows outlined at once");
  assert.equal(Number(next.current[0].slice(7)) > 4, true, "J goes on after the linked row");
  assert.equal(page.url(), link);
  // A move link, too, moves the one current row.
  const paras = Array.from({ length: 12 }, (_, k) => `Paragraph ${k} tells part ${k} of the story with several distinct words number ${k}.`);
  const paragraph = "The governor said the dam would hold through the weekend, officials told reporters.";
  await page.locator("#before").fill([paragraph, ...paras].join("\n\n") + "\n");
  await page.locator("#after").fill([...paras.slice(0, 8), paragraph, ...paras.slice(8)].join("\n\n") + "\n");
  const from = page.locator("#result .sd-move-link", { hasText: "Moved to row" });
  await from.waitFor();
  await page.locator("#next-change").click();
  await page.locator("#next-change").click();
  await from.click();
  const partner = "sd-row-" + (await from.getAttribute("data-partner"));
  const moved = await state();
  assert.deepEqual([moved.current, moved.focused], [[partner], partner]);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a reload 100 ms after typing, with a link in the address bar, brings back what was typed, and the link catches up", async () => {
  const { page, context, errors } = await openPage(browser);
  await page.locator("#result .sd-row-link").first().waitFor();
  const old = await linkSettled(page);
  await page.locator("#after").fill("Typed just now, after.");
  await page.waitForTimeout(100);
  await page.reload();
  assert.equal(await page.locator("#after").inputValue(), "Typed just now, after.");
  assert.equal(await page.locator("#before").inputValue(), seed(SEED_000));
  await linkSettled(page);
  // The older link, opened again in this tab, is that link's texts again.
  await page.goto("about:blank");
  await page.goto(old);
  await page.waitForFunction((after) => document.getElementById("after").value === after, seed(SEED_001));
  assert.deepEqual(errors, []);
  await context.close();
});

test("hiding the page writes what was typed into the draft and the link at once", async () => {
  const { page, context } = await openPage(browser);
  await page.locator("#result .sd-row-link").first().waitFor();
  await linkSettled(page);
  await page.evaluate(() => {
    // Typed, then the tab hidden before the debounces run out.
    const after = document.getElementById("after");
    document.getElementById("live").checked = false;
    after.value = "Typed, then the tab hidden.";
    after.dispatchEvent(new Event("input", { bubbles: true }));
    Object.defineProperty(document, "visibilityState", { value: "hidden", configurable: true });
    document.dispatchEvent(new Event("visibilitychange"));
  });
  assert.equal(await page.evaluate(() => localStorage.getItem("storydiff.draft.v2.after")), "Typed, then the tab hidden.");
  await linkSettled(page);
  await context.close();
});

test("Print / PDF prints the comparison alone: no options, buttons or row links; a fold says what it leaves out", async () => {
  const { page, context, errors } = await openPage(browser);
  const [b, a] = foldedPair();
  await page.locator("#before").fill(b);
  await page.locator("#after").fill(a);
  await settled(page);
  await page.locator("#result .sd-fold").first().waitFor();
  const rows = await page.locator("#result .sd-row:visible").count();
  await page.emulateMedia({ media: "print" });
  const printed = await page.evaluate(() => {
    const shown = (n) => n.getClientRects().length > 0 && getComputedStyle(n).visibility !== "hidden";
    const controls = [...document.querySelectorAll("button, input, select, textarea, a[href], fieldset, progress")].filter(shown);
    return {
      controls: controls.filter((n) => !n.classList.contains("sd-fold")).map((n) => n.outerHTML.slice(0, 60)),
      // A fold's button is a line of text on paper: its own words unseen.
      folds: controls.filter((n) => n.classList.contains("sd-fold")).map((n) => [getComputedStyle(n).fontSize, getComputedStyle(n, "::before").content, getComputedStyle(n).borderStyle]),
      rows: [...document.querySelectorAll("#result .sd-row")].filter(shown).length,
      ledger: shown(document.querySelector("#result .sd-ledger")),
      status: shown(document.getElementById("status")),
    };
  });
  assert.deepEqual(printed.controls, []);
  assert.ok(printed.folds.length >= 2);
  for (const [size, note, border] of printed.folds) {
    assert.deepEqual([size, border], ["0px", "none"]);
    assert.match(note, /^"\[\d+ unchanged lines not printed\]"$/);
  }
  assert.equal(printed.rows, rows);
  assert.equal(printed.ledger, true);
  assert.equal(printed.status, true);
  assert.deepEqual(errors, []);
  await context.close();
});

test("both texts empty: an invitation to paste two versions (and an example), not \"No changes.\" over an empty table", async () => {
  const { page, context, errors } = await openPage(browser);
  await page.locator("#result .sd-row-link").first().waitFor();
  await page.locator("#before").fill("");
  await page.locator("#after").fill("");
  await page.locator("#result .sd-start").waitFor();
  assert.match(await page.locator("#result").innerText(), /^Paste the earlier version of a story into Before and the later one into After/);
  assert.equal(await page.locator("#result .sd-view, #result .sd-ledger").count(), 0);
  assert.equal(await page.locator("#status").textContent(), "");
  assert.equal(new URL(page.url()).hash, "");
  await page.locator("#result .sd-start button", { hasText: "Show an example" }).click();
  await page.locator("#result .sd-row-link").first().waitFor();
  assert.equal(await page.locator("#before").inputValue(), seed(SEED_000));
  assert.deepEqual(errors, []);
  await context.close();
});

test("after Clear and a reload the page stays empty: the example is for a first visit only", async () => {
  const { page, context, errors } = await openPage(browser);
  await page.locator("#result .sd-row-link").first().waitFor();
  await page.click("#clear");
  await page.locator("#result .sd-start").waitFor();
  await page.reload();
  await page.locator("#result .sd-start").waitFor();
  assert.deepEqual([await page.locator("#before").inputValue(), await page.locator("#after").inputValue()], ["", ""]);
  // A new tab in the same browser: still no example.
  const tab = await context.newPage();
  await tab.goto(pageUrl);
  await tab.locator("#result .sd-start").waitFor();
  assert.equal(await tab.locator("#before").inputValue(), "");
  assert.deepEqual(errors, []);
  await context.close();
});

test("binary-looking input is compared with a clear notice, and its text is kept as it is", async () => {
  const { page, context, errors } = await openPage(browser);
  await page.locator("#result .sd-row-link").first().waitFor();
  let binary = "%PDF-1.4\n";
  // (No CR: a text area turns it into a line feed.)
  for (let i = 0; i < 3000; i++) binary += String.fromCharCode((i * 7919) % 256).replace("\r", "");
  const warning = page.locator("#input-warning");
  assert.equal(await warning.isVisible(), false);
  await page.locator("#after").fill(binary);
  await warning.waitFor();
  assert.match(await warning.textContent(), /^After looks like binary data .* It is compared as it is and nothing was changed/);
  await page.locator("#before").fill(binary.replace("%PDF-1.4", "%PDF-1.5") + "\ufffd\ufffd");
  await settled(page);
  await page.locator("#input-warning", { hasText: "Before and After look like binary data" }).waitFor();
  await page.waitForFunction(() => /compared in/.test(document.getElementById("status").textContent));
  assert.equal(await page.locator("#after").inputValue(), binary);
  // A story with a stray control character or two is no binary file.
  await page.locator("#before").fill("The toll rose to 145\u0000 on Monday.\n");
  await page.locator("#after").fill("The toll rose to 148 on Monday.\u0007\n");
  await page.locator("#result .sd-after ins", { hasText: "148" }).waitFor();
  assert.equal(await warning.isVisible(), false);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a long unbroken token in a ledger entry wraps inside the page", async () => {
  const { page, context, errors } = await openPage(browser);
  await page.locator("#result .sd-row-link").first().waitFor();
  const token = "https://example.org/" + "a".repeat(400);
  await page.locator("#before").fill(`“The toll is ${token},” the mayor said.\n`);
  await page.locator("#after").fill(`“The toll is ${token}, now,” the mayor said.\n`);
  await page.locator("#result .sd-ledger li.sd-quote", { hasText: "the mayor" }).waitFor();
  const fit = await page.evaluate(() => ({
    page: document.documentElement.scrollWidth <= innerWidth,
    items: [...document.querySelectorAll("#result .sd-ledger li")].every((li) => {
      const words = document.createRange();
      words.selectNodeContents(li);
      return words.getBoundingClientRect().right <= document.getElementById("result").getBoundingClientRect().right + 1;
    }),
  }));
  assert.deepEqual(fit, { page: true, items: true });
  assert.deepEqual(errors, []);
  await context.close();
});

for (const where of ["page", "element"]) {
  test(`two outlets' sentence pairs (${where}): Before / After headings, and one column divider for every row`, async () => {
    const { page, context, errors } = await openPage(browser, where === "page" ? pageUrl : blogPage("review-pairs.html", ""), { width: 1280, height: 900 });
    if (where === "page") {
      await page.locator("#before").fill(seed(SEED_001));
      await page.locator("#after").fill(seed(SEED_002));
      await page.locator("#result .sd-outlets").waitFor();
    } else {
      await page.waitForFunction(() => document.getElementById("one").shadowRoot?.querySelector(".sd-view"));
      await page.evaluate(([b, a]) => {
        const host = document.getElementById("one");
        host.querySelector('[slot="before"]').textContent = b;
        host.querySelector('[slot="after"]').textContent = a;
      }, [seed(SEED_001), seed(SEED_002)]);
      await page.waitForFunction(() => document.getElementById("one").shadowRoot.querySelector(".sd-outlets"));
    }
    const table = await page.evaluate((where) => {
      const root = where === "page" ? document : document.getElementById("one").shadowRoot;
      const outlets = root.querySelector(".sd-outlets");
      outlets.open = true;
      outlets.closest(".sd-ledger-box")?.setAttribute("open", "");
      const rows = [...outlets.querySelectorAll(".sd-pair")];
      const edge = (row, side) => Math.round(row.querySelector(side).getBoundingClientRect()[side === ".sd-before" ? "right" : "left"]);
      const divider = (row) => {
        const cell = row.querySelector(".sd-before");
        return [Math.round(cell.getBoundingClientRect().right), getComputedStyle(cell).borderRightStyle];
      };
      return {
        head: [...rows[0].children].map((c) => c.textContent),
        dividers: [...new Set(rows.map((r) => JSON.stringify(divider(r))))],
        afterStarts: new Set(rows.map((r) => edge(r, ".sd-after"))).size,
        rows: rows.length,
      };
    }, where);
    assert.deepEqual(table.head, ["Before", "After", ""]);
    assert.ok(table.rows > 20);
    assert.equal(table.dividers.length, 1, "the divider moves between rows: " + table.dividers.join(" "));
    assert.equal(JSON.parse(table.dividers[0])[1], "solid");
    assert.equal(table.afterStarts, 1);
    assert.deepEqual(errors, []);
    await context.close();
  });
}
