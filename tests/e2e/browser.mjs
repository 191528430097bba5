// Shared set-up for the page tests: Debian's Chromium driven by
// playwright-core, the page opened from disk over file://.
import { chromium } from "playwright-core";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import path from "node:path";

const here = path.dirname(fileURLToPath(import.meta.url));
export const root = path.resolve(here, "..", "..");
export const pagePath = process.env.STORYDIFF_PAGE || path.join(root, "dist", "index.html");
export const pageUrl = pathToFileURL(pagePath).href;
export const scriptUrl = pathToFileURL(path.join(path.dirname(pagePath), "story-diff.js")).href;

export function seed(name) {
  return readFileSync(path.join(root, "seeds", name), "utf8");
}
export const SEED_000 = "000_ba2ed8750da60442.txt";
export const SEED_001 = "001_c841d5658e0f1fdf.txt";
export const SEED_002 = "002_cbe3147d30cbc16f.txt";

/** The 1.4 MB GOV.UK care guidance pair (Open Government Licence) from the
 * shared corpus; on a machine without it, a pair of the same size made from
 * the seeds with an edit every few paragraphs. */
export function largePair() {
  const dir = path.resolve(root, "..", "shared", "corpus", "govuk_care_support_guidance_xlarge");
  if (existsSync(dir)) {
    return [readFileSync(path.join(dir, "a.txt"), "utf8"), readFileSync(path.join(dir, "b.txt"), "utf8")];
  }
  const paragraphs = (seed(SEED_000) + "\n\n" + seed(SEED_001)).split(/\n\n+/);
  const b = [];
  const a = [];
  for (let k = 0; b.join("\n\n").length < 1_400_000; k++) {
    const p = `${paragraphs[k % paragraphs.length]} (${k})`;
    b.push(p);
    if (k % 7 === 3) a.push(p.replace(/\b(the|a)\b/, "this"));
    else if (k % 31 !== 5) a.push(p);
  }
  return [b.join("\n\n") + "\n", a.join("\n\n") + "\n"];
}

/** Debian's Chromium, headless; `extraArgs` join the usual flags (the
 * benchmark adds --js-flags=--expose-gc). */
export async function launch(extraArgs = []) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      ...extraArgs,
    ],
  });
}

/** A fresh page on the app, failing the test on any page error. */
export async function openPage(browser, url = pageUrl, viewport = { width: 1280, height: 900 }) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  await page.goto(url);
  return { page, context, errors };
}

/** Sets a text area's value as a paste would, firing `input`. */
export async function paste(page, selector, text) {
  await page.locator(selector).fill(text);
}

/** Waits until the result shown is the comparison of the texts now in the
 * page: the page keeps `aria-busy` on the result from an input newer
 * than what it shows until that input's comparison is shown in full. */
export async function settled(page, timeout = 30000) {
  await page.waitForFunction(() => !document.getElementById("result").hasAttribute("aria-busy"), null, { timeout });
}

/** Clicks Compare and waits until its result is shown in full. */
export async function compareNow(page, timeout = 30000) {
  await page.click("#compare");
  await settled(page, timeout);
}

/** The page's permalink codec (www/page/link.js, which needs no DOM), run
 * in Node: reads the links the page writes, and makes crafted ones. */
export const { encode: encodeLink, decode: decodeLink } = await import(pathToFileURL(path.join(root, "www", "page", "link.js")).href);

/** Waits until the address bar's fragment holds exactly the text areas
 * (read with the page's own codec); the address. `page` is playwright's,
 * or a page of engines.mjs (any object with `evaluate(fn)`). */
export async function linkSettled(page, timeout = 30000) {
  const until = Date.now() + timeout;
  for (;;) {
    const now = await page.evaluate(() => ({
      hash: location.hash,
      href: location.href,
      before: document.getElementById("before").value,
      after: document.getElementById("after").value,
    }));
    if (now.hash.startsWith("#sd1=")) {
      const s = await decodeLink(now.hash).catch(() => null);
      if (s && s.before === now.before && s.after === now.after) return now.href;
    }
    if (Date.now() > until) throw new Error("the address never held the texts");
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Runs in the page: the comparison of the texts in the text areas with
 * the options ticked on the page, through the public API
 * (`StoryDiff.compare`, as a site would call it): the model the page
 * shows. Call as `page.evaluate(publicModel)`, or evaluate an expression
 * on it: `page.evaluate(`(${publicModel})().rows.length`)`. */
export function publicModel() {
  const options = {};
  for (const box of document.querySelectorAll('input[type="checkbox"][id^="opt-"]')) {
    options[box.id.slice(4).replace(/-(\w)/g, (_, c) => c.toUpperCase())] = box.checked;
  }
  return StoryDiff.compare(document.getElementById("before").value, document.getElementById("after").value, options);
}

/** Clicks Copy Markdown, Copy HTML or Copy JSON (`format`: "markdown",
 * "html" or "json") and returns what it put on the clipboard, read back
 * as a reader's paste would (the context grants clipboard-read and
 * clipboard-write). */
export async function exported(page, format) {
  const what = { markdown: "Markdown", html: "an HTML snippet", json: "JSON" }[format];
  const unset = "(nothing copied yet)";
  await page.evaluate((unset) => navigator.clipboard.writeText(unset), unset);
  await page.click(`#export-${format}`);
  await page.locator("#share-notice", { hasText: `Copied the comparison as ${what}` }).waitFor();
  for (let i = 0; i < 200; i++) {
    const text = await page.evaluate(() => navigator.clipboard.readText());
    if (text !== unset) return text;
    await page.waitForTimeout(50);
  }
  throw new Error(`Copy ${format} put nothing on the clipboard`);
}
