// Takes the README's screenshots of the real page (dist/index.html) in
// headless Chromium: wide, narrow (phone) and dark; then the seeds
// comparison at 1280 × 900 in each engine (wide-chromium.png,
// wide-firefox.png, wide-webkit.png), through the same layer the journeys
// use. Not a test; run it with `node tests/e2e/screenshots.mjs` after
// `cargo xtask dist` (`--engines` takes only the three engines' shots).
import { mkdirSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import path from "node:path";
import { launch, pagePath, pageUrl, root } from "./browser.mjs";
import { ENGINES, launchEngine } from "./engines.mjs";

const out = path.join(root, "docs", "screenshots");
mkdirSync(out, { recursive: true });
const shots = [
  { name: "wide", viewport: { width: 1280, height: 900 }, colorScheme: "light" },
  { name: "narrow", viewport: { width: 390, height: 844 }, colorScheme: "light" },
  { name: "dark", viewport: { width: 1280, height: 900 }, colorScheme: "dark", scrollTo: "get rid of these illusions" },
];
const onlyEngines = process.argv.includes("--engines");
if (!onlyEngines) await chromiumShots();

/** The README's shots, in Chromium: wide, narrow, dark, and the embed. */
async function chromiumShots() {
  const browser = await launch();
  try {
    for (const shot of shots) {
      const context = await browser.newContext({ viewport: shot.viewport, colorScheme: shot.colorScheme, deviceScaleFactor: 1 });
      const page = await context.newPage();
      await page.goto(pageUrl);
      await page.locator(".sd-row:visible, .sd-line:visible").first().waitFor();
      if (shot.scrollTo) {
        // The rows with word-level marks (the added quote), mid-screen.
        await page.locator(".sd-row", { has: page.locator("ins", { hasText: shot.scrollTo }) }).first().evaluate((row) => row.scrollIntoView({ block: "center" }));
      }
      await page.waitForTimeout(200);
      const file = path.join(out, shot.name + ".png");
      await page.screenshot({ path: file });
      console.log("wrote", path.relative(root, file));
      await context.close();
    }
    // <story-diff> in a 640 px blog column whose theme strips ins and del.
    const blog = path.join(path.dirname(pagePath), "blog-screenshot.html");
    const esc = (t) => t.replace(/&/g, "&amp;").replace(/</g, "&lt;");
    writeFileSync(
      blog,
      `<!doctype html><meta charset="utf-8"><style>body{margin:0;background:#fdfcf8;font:18px/1.6 Georgia,serif;color:#222}
article{max-width:640px;margin:0 auto;padding:1px 0}ins,del{text-decoration:none!important;background:none!important}</style>
<script src="story-diff.js"></script><article><h2>What the agency changed</h2><p>The second version adds a figure and a quote.</p>
<story-diff><pre slot="before">${esc("Five people were killed on Monday, police said.\n\nThe storm moved north overnight.\n")}</pre>
<pre slot="after">${esc("Six people were killed on Monday, police said.\n\n“We have never seen water like this,” the mayor said.\n\nThe storm moved north overnight.\n")}</pre></story-diff></article>`
    );
    const context = await browser.newContext({ viewport: { width: 760, height: 420 }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    await page.goto(pathToFileURL(blog).href);
    await page.waitForFunction(() => document.querySelector("story-diff").shadowRoot.querySelector("ins"));
    await page.screenshot({ path: path.join(out, "embed.png") });
    console.log("wrote", path.relative(root, path.join(out, "embed.png")));
    await context.close();
  } finally {
    await browser.close();
  }
}

// The seeds comparison in each engine, for a reviewer to set side by side.
for (const name of ENGINES) {
  const engine = await launchEngine(name);
  try {
    const page = await engine.newPage({ viewport: { width: 1280, height: 900 } });
    await page.waitFor(() => /compared in \d+ ms/.test(document.getElementById("status").textContent) && !!document.querySelector("#result .sd-row"));
    // Fonts and layout settled: two animation frames.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const file = path.join(out, `wide-${name}.png`);
    await page.screenshot(file);
    console.log("wrote", path.relative(root, file), "in", engine.label);
    await page.close();
  } finally {
    await engine.close();
  }
}
