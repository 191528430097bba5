// `cargo xtask bench` (after bench.mjs): the page given a story's whole
// history. The 38 versions of the GOV.UK monkeypox "latest updates" page
// (../shared/chains, Open Government Licence v3.0) are dropped on the page
// at once, as files; it reports how long until the timeline shows every
// version with its step sizes and the last step's comparison is shown, and
// the longest main-thread task meanwhile (the target: within 2 s, no task
// over 200 ms). A report, not an assertion: timings belong here, not in
// the tests.
//
// Environment: STORYDIFF_PAGE (dist/index.html), STORYDIFF_CHAINS
// (../shared/chains), STORYDIFF_RUNS (default 5).
import { launch } from "../tests/e2e/browser.mjs";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import path from "node:path";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const pagePath = process.env.STORYDIFF_PAGE || path.join(root, "dist", "index.html");
const chains = process.env.STORYDIFF_CHAINS || path.resolve(root, "..", "shared", "chains");
const runs = Number(process.env.STORYDIFF_RUNS || 5);
const dir = path.join(chains, "monkeypox_latest_updates");
if (!existsSync(dir)) {
  console.log(`history bench: ${dir} is missing; skipped`);
  process.exit(0);
}
const files = readdirSync(dir)
  .filter((f) => /^v\d+\.txt$/.test(f))
  .sort()
  .map((name) => ({ name, text: readFileSync(path.join(dir, name), "utf8") }));

const browser = await launch();
const results = [];
for (let run = 0; run < runs; run++) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(pathToFileURL(pagePath).href);
  await page.locator("#status", { hasText: /compared in \d+ ms/ }).waitFor();
  const r = await page.evaluate(async (files) => {
    const longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) longTasks.push(e.duration);
    }).observe({ type: "longtask" });
    const data = new DataTransfer();
    for (const f of files) data.items.add(new File([f.text], f.name, { type: "text/plain" }));
    const start = performance.now();
    const history = new Promise((resolve) =>
      document.addEventListener("storydiff:history", () => resolve(performance.now()), { once: true })
    );
    // The last step shown: the view holds the rows of After = the last version.
    const last = files[files.length - 1].text;
    const shown = new Promise((resolve) => {
      document.addEventListener("storydiff:compared", function on(e) {
        if (document.getElementById("after").value === last && e.detail.model.rows.length) {
          document.removeEventListener("storydiff:compared", on);
          resolve(performance.now());
        }
      });
    });
    document.getElementById("after").dispatchEvent(new DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true }));
    const [h, s] = await Promise.all([history, shown]);
    // Let the timeline paint, then read it.
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const painted = performance.now();
    const versions = document.querySelectorAll(".sd-timeline-version").length;
    const sizes = document.querySelectorAll(".sd-timeline-size").length;
    return {
      historyMs: h - start,
      lastStepMs: s - start,
      bothMs: Math.max(h, s) - start,
      paintedMs: painted - start,
      versions,
      sizes,
      longestTaskMs: longTasks.length ? Math.max(...longTasks) : 0,
      longTasks: longTasks.length,
    };
  }, files);
  results.push(r);
  await context.close();
}
await browser.close();
const median = (key) => {
  const v = results.map((r) => r[key]).sort((a, b) => a - b);
  return v[Math.floor(v.length / 2)];
};
console.log(
  `history: ${files.length} versions of monkeypox_latest_updates dropped at once, median of ${runs}:\n` +
    `  timeline with every version (${results[0].versions}) and step size (${results[0].sizes}): ${median("historyMs").toFixed(0)} ms\n` +
    `  last step shown: ${median("lastStepMs").toFixed(0)} ms; both: ${median("bothMs").toFixed(0)} ms (target: 2000 ms)\n` +
    `  longest main-thread task: ${median("longestTaskMs").toFixed(0)} ms (target: at most 200 ms; worst run ${Math.max(
      ...results.map((r) => r.longestTaskMs)
    ).toFixed(0)} ms)`
);
