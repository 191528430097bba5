// Takes the README's screenshots of the real page (dist/index.html) in
// headless Chromium: wide, narrow (phone) and dark. Not a test; run it with
// `node tests/e2e/screenshots.mjs` after `cargo xtask dist`.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { launch, pageUrl, root } from "./browser.mjs";

const out = path.join(root, "docs", "screenshots");
mkdirSync(out, { recursive: true });
const shots = [
  { name: "wide", viewport: { width: 1280, height: 900 }, colorScheme: "light" },
  { name: "narrow", viewport: { width: 390, height: 844 }, colorScheme: "light" },
  { name: "dark", viewport: { width: 1280, height: 900 }, colorScheme: "dark", scrollTo: "get rid of these illusions" },
];
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
} finally {
  await browser.close();
}
