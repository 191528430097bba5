// The fact-checker's ledger on the page: above the side-by-side view, its
// links reach their rows, and StoryDiff.compare carries the same ledger as
// `storydiff --json`.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { launch, openPage, paste, seed, root, SEED_000, SEED_001, SEED_002, compareNow } from "./browser.mjs";

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

async function compareSeeds(page, b, a) {
  await paste(page, "#before", seed(b));
  await paste(page, "#after", seed(a));
  await compareNow(page);
  await page.locator(".sd-ledger .sd-stats").waitFor();
}

test("the ledger shows above the side-by-side view on seeds 000 → 001", async () => {
  const { page, errors, context } = await openPage(browser);
  await compareSeeds(page, SEED_000, SEED_001);
  const order = await page.evaluate(() => {
    const ledger = document.querySelector("#result .sd-ledger");
    const view = document.querySelector("#result .sd-view");
    return ledger && view ? ledger.compareDocumentPosition(view) & Node.DOCUMENT_POSITION_FOLLOWING : 0;
  });
  assert.ok(order, "the ledger comes before the side-by-side view");
  const box = await page.locator(".sd-ledger").boundingBox();
  const view = await page.locator(".sd-view").boundingBox();
  assert.ok(box.y + box.height <= view.y + 1, "the ledger sits above the view");
  // The summary header counts words and quotes.
  assert.match(await page.locator(".sd-stats").textContent(), /\+\d+ words?/);
  // The added quote, with its speaker, as a person sees it.
  const added = page.locator(".sd-quote-added", { hasText: "They need to get rid of these illusions" });
  assert.equal(await added.count(), 1);
  assert.match(await added.locator(".sd-speaker").textContent(), /Moallem/);
  assert.ok(await added.locator("ins").first().isVisible());
  // "We will not negotiate…" is not called removed.
  assert.equal(await page.locator(".sd-quote-removed", { hasText: "We will not negotiate" }).count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test("every ledger link reaches its row", async () => {
  const { page, context } = await openPage(browser);
  await compareSeeds(page, SEED_000, SEED_001);
  // Open the folded lists so that every link is visible.
  await page.evaluate(() => document.querySelectorAll(".sd-ledger details").forEach((d) => (d.open = true)));
  const links = page.locator(".sd-ledger a.sd-row-link");
  const count = await links.count();
  assert.ok(count >= 3, `links: ${count}`);
  const targets = await links.evaluateAll((as) => as.map((a) => a.getAttribute("href")));
  for (const href of targets) {
    assert.match(href, /^#sd-row-\d+$/);
    assert.equal(await page.locator(href).count(), 1, `${href} exists`);
  }
  // Following the added quote's link brings its row into view, and the row
  // holds the quote.
  const link = page.locator(".sd-quote-added", { hasText: "They need to get rid" }).locator("a.sd-row-link");
  const href = await link.getAttribute("href");
  await page.waitForFunction(() => location.hash.startsWith("#sd1="));
  await link.click();
  const row = page.locator(href);
  assert.ok(await row.isVisible());
  assert.match(await row.locator(".sd-after").textContent(), /They need to get rid of these illusions/);
  // The address bar keeps the share link; the row is the current one.
  assert.match(await page.evaluate(() => location.hash), /^#sd1=/);
  assert.equal(await page.evaluate(() => document.activeElement.id), href.slice(1));
  const inView = await row.evaluate((r) => {
    const b = r.getBoundingClientRect();
    return b.top < window.innerHeight && b.bottom > 0;
  });
  assert.ok(inView, "the row is scrolled into view");
  await context.close();
});

test("two outlets' stories (seeds 001 → 002) are said to share little wording", async () => {
  const { page, errors, context } = await openPage(browser);
  await compareSeeds(page, SEED_001, SEED_002);
  assert.match(await page.locator(".sd-outlets-note").textContent(), /share little wording/);
  await page.evaluate(() => document.querySelectorAll(".sd-ledger details").forEach((d) => (d.open = true)));
  assert.ok((await page.locator(".sd-pair").count()) > 5);
  assert.deepEqual(errors, []);
  await context.close();
});

test("StoryDiff.compare returns the same model as storydiff --json", async () => {
  // The CLI built from the same source as the page (a no-op when fresh).
  execFileSync("cargo", ["build", "--quiet", "--bin", "storydiff"], { cwd: root, stdio: "inherit" });
  const target = process.env.CARGO_TARGET_DIR ? path.resolve(root, process.env.CARGO_TARGET_DIR) : path.join(root, "target");
  const cli = path.join(target, "debug", process.platform === "win32" ? "storydiff.exe" : "storydiff");
  assert.ok(existsSync(cli), cli);
  const { page, context } = await openPage(browser);
  for (const [b, a] of [
    [SEED_000, SEED_001],
    [SEED_001, SEED_002],
  ]) {
    const json = execFileSync(cli, ["--json", path.join(root, "seeds", b), path.join(root, "seeds", a)], {
      encoding: "utf8",
      maxBuffer: 64 << 20,
    });
    const model = await page.evaluate(([b, a]) => StoryDiff.compare(b, a), [seed(b), seed(a)]);
    assert.deepStrictEqual(model, JSON.parse(json), `${b} → ${a}`);
    assert.deepEqual(Object.keys(model), Object.keys(JSON.parse(json)));
  }

  // A long pair whose shared middle crosses into the wasm once (the texts
  // are put back together inside it): still the CLI's model. Edits near
  // both ends, as in a re-published report; an emoji (a surrogate pair)
  // and CRLF near the run's edges.
  const numbered = Array.from({ length: 400 }, (_, n) => `Paragraph ${n} of the annex, on item ${n * 7}.`);
  const body = [SEED_000, SEED_001, SEED_002].map(seed).join("\n\n") + "\n\n" + numbered.join("\n\n");
  const beforeText = "Updated 17 May 2022 😀\r\n\n" + body + "\n\nContents\n\nPrint this page\n";
  const afterText =
    "Updated 25 August 2022 😀\r\n\nA new opening paragraph, inserted.\n\n" + body + "\n\nBack to top\n";
  const dir = mkdtempSync(path.join(os.tmpdir(), "storydiff-"));
  writeFileSync(path.join(dir, "before.txt"), beforeText);
  writeFileSync(path.join(dir, "after.txt"), afterText);
  const json = execFileSync(cli, ["--json", path.join(dir, "before.txt"), path.join(dir, "after.txt")], {
    encoding: "utf8",
    maxBuffer: 64 << 20,
  });
  const { run, model } = await page.evaluate(
    ([b, a]) => ({ run: StoryDiff._sharedRun(b, a), model: StoryDiff.compare(b, a) }),
    [beforeText, afterText]
  );
  assert.ok(run && run.length > body.length * 0.9, `a shared run was found: ${JSON.stringify(run)}`);
  assert.equal(beforeText.slice(run.before, run.before + run.length), afterText.slice(run.after, run.after + run.length));
  assert.deepStrictEqual(model, JSON.parse(json), "the long pair");

  // The run is widened by comparing slices of doubling length, then a
  // binary search: it must agree with a loop over the characters, both
  // ways, on texts that differ here and there (one in a thousand
  // characters) and that end anywhere.
  const mismatches = await page.evaluate(() => {
    let seed = 7;
    const rnd = (n) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff), seed % n);
    const loop = (x, b, y, a, step) => {
      let n = 0;
      if (step > 0) while (b + n < x.length && a + n < y.length && x[b + n] === y[a + n]) n++;
      else while (b - n > 0 && a - n > 0 && x[b - n - 1] === y[a - n - 1]) n++;
      return n;
    };
    const out = [];
    for (let t = 0; t < 3000; t++) {
      const x = Array.from({ length: rnd(5000) }, () => "ab"[rnd(2)]).join("");
      const y = [...x].map((c) => (rnd(1000) === 0 ? "c" : c)).join("") + "ab".repeat(rnd(3));
      const b = rnd(x.length + 1);
      const a = Math.min(b, y.length);
      const step = rnd(2) ? 1 : -1;
      const got = StoryDiff._commonLength(x, b, y, a, step);
      const want = loop(x, b, y, a, step);
      if (got !== want) out.push({ t, b, a, step, got, want });
    }
    return out;
  });
  assert.deepEqual(mismatches, []);
  await context.close();
});

test("sharedWording, counted when it is read, is the CLI's on every corpus pair, on the main thread and from the worker", async () => {
  // On a small change in a long story the wasm leaves the shared runs'
  // words to count until `stats.sharedWording` is read (MODEL.md): the
  // value read, and every other field of the ledger, must be the CLI's.
  execFileSync("cargo", ["build", "--quiet", "--bin", "storydiff"], { cwd: root, stdio: "inherit" });
  const target = process.env.CARGO_TARGET_DIR ? path.resolve(root, process.env.CARGO_TARGET_DIR) : path.join(root, "target");
  const cli = path.join(target, "debug", process.platform === "win32" ? "storydiff.exe" : "storydiff");
  const { readFileSync, readdirSync, statSync } = await import("node:fs");
  const corpus = path.resolve(root, "..", "shared", "corpus");
  // The corpus's pairs under 300 KB (the debug CLI is slow on the largest),
  // or, on a machine without the corpus, the seeds.
  const pairs = existsSync(corpus)
    ? readdirSync(corpus)
        .map((d) => [path.join(corpus, d, "a.txt"), path.join(corpus, d, "b.txt")])
        .filter(([b, a]) => existsSync(b) && existsSync(a) && statSync(b).size + statSync(a).size < 300_000)
    : [
        [SEED_000, SEED_001],
        [SEED_001, SEED_002],
      ].map((p) => p.map((s) => path.join(root, "seeds", s)));
  const { page, errors, context } = await openPage(browser);
  let left = 0;
  for (const [b, a] of pairs) {
    const want = JSON.parse(execFileSync(cli, ["--json", b, a], { encoding: "utf8", maxBuffer: 64 << 20 }));
    delete want.rows;
    for (const where of ["main", "worker"]) {
      const got = await page.evaluate(
        async ([b, a, where]) => {
          const model = where === "main" ? StoryDiff.compare(b, a) : await StoryDiff.compareAsync(b, a);
          const left = typeof Object.getOwnPropertyDescriptor(model.stats, "sharedWording").get === "function";
          const read = model.stats.sharedWording;
          const again = model.stats.sharedWording;
          delete model.rows;
          return { left, read, again, json: JSON.stringify(model), keys: Object.keys(model.stats) };
        },
        [readFileSync(b, "utf8"), readFileSync(a, "utf8"), where]
      );
      const name = `${path.basename(path.dirname(b))} (${where})`;
      if (got.left) left++;
      assert.equal(got.read, want.stats.sharedWording, name);
      assert.equal(got.again, got.read, name);
      assert.deepStrictEqual(JSON.parse(got.json), want, name);
      assert.deepEqual(got.keys, Object.keys(want.stats), name);
    }
  }
  // The path under test ran: most near-identical pairs leave the count.
  assert.ok(left >= 2, `sharedWording was left to count ${left} times`);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a statement whose attribution line was corrected shows the old line and the new in the ledger", async () => {
  const { page, errors, context } = await openPage(browser);
  const dir = path.join(root, "tests", "fixtures", "govuk_surescreen_attribution_corrected");
  const { readFileSync } = await import("node:fs");
  await paste(page, "#before", readFileSync(path.join(dir, "before.txt"), "utf8"));
  await paste(page, "#after", readFileSync(path.join(dir, "after.txt"), "utf8"));
  await compareNow(page);
  const quote = page.locator(".sd-ledger .sd-quote-changed", { hasText: "Rapid lateral flow tests" });
  await quote.waitFor();
  assert.match(await quote.locator(".sd-speaker").textContent(), /Matt Hancock/);
  assert.equal(await quote.locator(".sd-attribution del").textContent(), "Health Secretary Matt Hancock said");
  assert.equal(await quote.locator(".sd-attribution ins").textContent(), "Health and Social Care Secretary Matt Hancock said");
  // Its row link reaches the statement.
  const href = await quote.locator("a.sd-row-link").getAttribute("href");
  assert.match(await page.locator(href).textContent(), /Rapid lateral flow tests/);
  assert.deepEqual(errors, []);
  await context.close();
});
