// The page's worker: started once per page, given the compiled
// WebAssembly.Module (never the wasm's bytes), kept while the reader types
// during a comparison, and an answer to older input never shown.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { launch, largePair, pageUrl } from "./browser.mjs";

const browser = await launch();
after(() => browser.close());

/** Counts the workers the page starts and what is posted to them, and
 * notes the After text of every result the page announces as shown. */
function instrument() {
  const Real = window.Worker;
  window.__workers = { started: 0, terminated: 0, firstIsModule: null, bytesPosted: false };
  window.Worker = class extends Real {
    constructor(...args) {
      super(...args);
      window.__workers.started++;
      let first = true;
      const post = this.postMessage.bind(this);
      this.postMessage = (message, transfer) => {
        if (first) window.__workers.firstIsModule = message && message.module instanceof WebAssembly.Module;
        first = false;
        if (message && Object.values(message).some((v) => v instanceof ArrayBuffer || ArrayBuffer.isView(v))) {
          window.__workers.bytesPosted = true;
        }
        return post(message, transfer);
      };
      const terminate = this.terminate.bind(this);
      this.terminate = () => {
        window.__workers.terminated++;
        return terminate();
      };
    }
  };
  window.__shown = [];
  document.addEventListener("storydiff:compared", (event) => {
    const rows = event.detail.model.rows;
    window.__shown.push(rows.map((row) => row.after || "").join(""));
  });
}

test("one worker per page, given the module; newer input during a comparison is compared next, the older answer never shown", async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(instrument);
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(pageUrl);
  await page.waitForFunction(() => /compared in/.test(document.getElementById("status").textContent));
  const [before, long] = largePair();
  const last = "The newest After, typed while the long one was compared.\n";
  await page.evaluate(
    ([b, a, newest]) => {
      const set = (id, text) => {
        const area = document.getElementById(id);
        area.value = text;
        area.dispatchEvent(new Event("input", { bubbles: true }));
      };
      window.__shown = [];
      set("before", b);
      set("after", a);
      document.getElementById("compare").click();
      // Newer input while the long comparison is in the worker: typed, then
      // compared at once.
      setTimeout(() => {
        set("after", newest);
        document.getElementById("compare").click();
      }, 0);
    },
    [before, long, last]
  );
  await page.waitForFunction((newest) => window.__shown.includes(newest), last, { timeout: 60000 });
  const state = await page.evaluate(() => ({ workers: window.__workers, shown: window.__shown }));
  assert.deepEqual(state.shown, [last], "only the newest input's result is shown");
  assert.equal(state.workers.started, 1);
  assert.equal(state.workers.terminated, 0);
  assert.equal(state.workers.firstIsModule, true);
  assert.equal(state.workers.bytesPosted, false);
  assert.equal(await page.evaluate(() => document.getElementById("result").getAttribute("aria-busy")), null, "the newest result shown: not busy");
  // And the worker still answers. From the input on, the result says it is
  // busy (it shows an older input) until the new comparison is shown.
  const busyOnInput = await page.evaluate(() => {
    const area = document.getElementById("after");
    area.value = "Another After.";
    area.dispatchEvent(new Event("input", { bubbles: true }));
    return document.getElementById("result").getAttribute("aria-busy");
  });
  assert.equal(busyOnInput, "true");
  await page.waitForFunction(() => window.__shown.includes("Another After."), null, { timeout: 30000 });
  await page.waitForFunction(() => !document.getElementById("result").hasAttribute("aria-busy"), null, { timeout: 30000 });
  assert.equal(await page.evaluate(() => window.__workers.started), 1);
  assert.deepEqual(errors, []);
  await context.close();
});
