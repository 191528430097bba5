// Hard inputs in the page: each ends in a result (or a clear message)
// within seconds, shown the way the text reads; and a bug inside the wasm
// never kills the page.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, openPage, paste, compareNow } from "./browser.mjs";

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

// How long a step may wait before the test calls it hung: a guard against
// a page that never answers, not a measure of speed (the time a step takes
// depends on the machine and what else runs on it; `cargo xtask bench`
// reports the page's timings).
const HUNG = 300000;

/** Puts two texts in the text areas (as one paste each) and compares;
 * returns the status line once the comparison is done. */
async function compareInPage(page, b, a) {
  await page.evaluate(
    ([b, a]) => {
      document.getElementById("live").checked = false;
      document.getElementById("before").value = b;
      document.getElementById("after").value = a;
      document.getElementById("status").textContent = "";
    },
    [b, a]
  );
  await compareNow(page);
  await page.locator("#status", { hasText: /compared in|Could not compare/ }).waitFor({ timeout: HUNG });
  return page.locator("#status").textContent();
}

/** The rows of StoryDiff.compare rebuild both texts. */
async function rebuilds(page, b, a) {
  return page.evaluate(
    ([b, a]) => {
      const m = StoryDiff.compare(b, a);
      const join = (side) => m.rows.map((r) => r[side] ?? "").join("");
      return join("before") === b && join("after") === a;
    },
    [b, a]
  );
}

function words(n, seed) {
  const pool = ["the", "minister", "said", "on", "Sunday", "flood", "waters", "rose", "police", "report", "killed", "rebels"];
  let x = seed;
  return Array.from({ length: n }, (_, i) => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return pool[x % pool.length] + ((x >> 8) % 7) + (i % 3);
  });
}

test("empty against empty, empty against text, identical texts: a result", async () => {
  const { page, context, errors } = await openPage(browser);
  assert.match(await compareInPage(page, "", "A story.\n\nTwo paragraphs."), /added/);
  assert.match(await compareInPage(page, "Same.\n\nText.", "Same.\n\nText."), /No changes/);
  // Both empty: nothing to compare, and the page says what to do.
  await page.locator("#before").fill("");
  await page.locator("#after").fill("");
  await compareNow(page);
  await page.locator("#result .sd-start", { hasText: "Paste the earlier version" }).waitFor({ timeout: HUNG });
  assert.deepEqual(errors, []);
  await context.close();
});

test("CRLF against LF is one line-ending note, every row equal", async () => {
  const { page, context } = await openPage(browser);
  const lf = "First paragraph of the story, long enough to wrap\nonto a second line.\n\nSecond one.\n";
  const crlf = lf.replace(/\n/g, "\r\n");
  const m = await page.evaluate(([b, a]) => StoryDiff.compare(b, a), [crlf, lf]);
  assert.deepEqual([...new Set(m.rows.map((r) => r.kind))], ["equal"]);
  assert.deepEqual(m.line_endings, { before: "crlf", after: "lf" });
  assert.ok(await rebuilds(page, crlf, lf));
  await context.close();
});

test("a 1.4 MB single line, 100k short lines: a result in seconds", async () => {
  const { page, context, errors } = await openPage(browser);
  const w = words(200000, 1);
  const line = w.join(" ");
  const changed = w.map((x, i) => (i % 9000 === 0 ? "CHANGED" : x)).join(" ");
  assert.ok(line.length > 1400000);
  assert.match(await compareInPage(page, line, changed), /compared in/);
  assert.ok(await page.locator(".sd-after ins", { hasText: "CHANGED" }).count() > 0);

  const lines = words(100000, 2).map((x) => x + "\n").join("");
  const edited = lines.replace("\n" + lines.split("\n")[50000] + "\n", "\nan inserted line\n");
  assert.match(await compareInPage(page, lines, edited), /compared in/);
  assert.ok(await rebuilds(page, lines, edited));
  assert.deepEqual(errors, []);
  await context.close();
});

test("two totally different 600 KB texts: a result, marked approximate", async () => {
  const { page, context } = await openPage(browser);
  // Two vocabularies, so no paragraph of one is like any of the other.
  const paragraphs = (seed) => {
    const w = words(110000, seed).map((x) => (seed % 2 ? x : x.toUpperCase() + "Q"));
    const out = [];
    for (let i = 0; i < w.length; i += 40) out.push(w.slice(i, i + 40).join(" ") + ".\n\n");
    return out.join("");
  };
  const b = paragraphs(3);
  const a = paragraphs(4);
  assert.ok(b.length > 600000 && a.length > 600000);
  // The whole page flow: compared, drawn (2,750 changed rows, the
  // mini-map included) and said to be approximate. (The mini-map once took a
  // minute here: regression_minimap_relaid_the_page_per_mark.)
  assert.match(await compareInPage(page, b, a), /2750 paragraphs changed.*approximate/);
  // And the engine as StoryDiff.compare gives it: the rows rebuild both.
  const m = await page.evaluate(([b, a]) => {
    const m = StoryDiff.compare(b, a);
    const join = (side) => m.rows.map((r) => r[side] ?? "").join("");
    return { approximate: m.approximate, rebuilt: join("before") === b && join("after") === a };
  }, [b, a]);
  assert.deepEqual(m, { approximate: true, rebuilt: true });
  await context.close();
});

test("NUL and control characters are kept, and shown as visible symbols", async () => {
  const { page, context, errors } = await openPage(browser);
  await compareInPage(page, "NUL \0 here, escape \u001b[31m red.", "NUL \0 here, escape \u001b[32m green.");
  // The side-by-side rows (the ledger under them is checked by its own tests).
  const shown = (await page.locator("#result .sd-row").allTextContents()).join("");
  assert.ok(shown.includes("NUL \u2400 here, escape \u241b[31m"), shown);
  assert.ok(!shown.includes("\0") && !shown.includes("\u001b"));
  assert.ok(await rebuilds(page, "a\0b\u0007c", "a\0b\u0008c"));
  assert.deepEqual(errors, []);
  await context.close();
});

test("right-to-left text is shown right to left, in the text areas and the result", async () => {
  const { page, context } = await openPage(browser);
  const b = "قال الوزير إن المحادثات ستستمر يوم الأحد.\n\nThe English paragraph stays left to right.";
  const a = "قال الوزير إن المحادثات ستتوقف يوم الأحد.\n\nThe English paragraph stays left to right.";
  await paste(page, "#before", b);
  await paste(page, "#after", a);
  await compareNow(page);
  await page.locator(".sd-after ins", { hasText: "ستتوقف" }).waitFor();
  const dirs = await page.evaluate(() => ({
    textarea: document.getElementById("before").matches(":dir(rtl)"),
    arabic: Array.from(document.querySelectorAll(".sd-row")[0].children).map((c) => c.matches(":dir(rtl)")),
    english: Array.from(document.querySelectorAll(".sd-row")[1].children).map((c) => c.matches(":dir(ltr)")),
  }));
  assert.deepEqual(dirs, { textarea: true, arabic: [true, true], english: [true, true] });
  await context.close();
});

test("emoji sequences and combining marks are never split; CJK is diffed by character", async () => {
  const { page, context } = await openPage(browser);
  await compareInPage(
    page,
    "Family 👩\u200d👩\u200d👧 at the cafe\u0301, flag 🇬🇧, thumbs 👍🏽.",
    "Family 👩\u200d👩\u200d👦 at the cafe\u0300, flag 🇫🇷, thumbs 👍🏿."
  );
  const marks = await page.locator("#result ins, #result del").allTextContents();
  for (const whole of ["👩\u200d👩\u200d👦", "cafe\u0300", "🇫🇷", "👍🏿"]) {
    assert.ok(marks.some((m) => m.includes(whole)), `${whole} whole in ${JSON.stringify(marks)}`);
  }
  for (const m of marks) assert.doesNotMatch(m, /^[\u200d\u0300-\u036f\u{1f3fb}-\u{1f3ff}]/u, m);

  await compareInPage(page, "叙利亚总统阿萨德周日表示，政府不会与反对派谈判。", "叙利亚总理阿萨德周日表示，政府将会与反对派谈判。");
  const cjk = await page.locator("#result ins, #result del").allTextContents();
  assert.ok(cjk.length > 0 && cjk.every((m) => [...m].length <= 4), JSON.stringify(cjk));
  await context.close();
});

test("a panic inside the wasm becomes a visible message, and the page stays usable", async () => {
  const { page, context, errors } = await openPage(browser);
  await page.locator("#status", { hasText: /compared in/ }).waitFor();
  await page.locator("#live").uncheck();
  await paste(page, "#before", "The toll rose to 145 on Monday.");
  await paste(page, "#after", "The toll rose to 148 on Monday.");
  // The next comparison the page makes (by whichever entry point the page
  // uses) panics inside the wasm.
  await page.evaluate(() => {
    const real = { render: StoryDiff.render, compareAsync: StoryDiff.compareAsync };
    const restore = () => Object.assign(StoryDiff, real);
    StoryDiff.render = function () {
      restore();
      return StoryDiff._panicForTest();
    };
    if (real.compareAsync) {
      StoryDiff.compareAsync = function () {
        restore();
        try {
          StoryDiff._panicForTest();
        } catch (e) {
          return Promise.reject(e);
        }
      };
    }
  });
  await compareNow(page);
  const status = page.locator("#status.sd-error");
  await status.waitFor();
  assert.match(await status.textContent(), /Could not compare: storydiff hit an internal error .* has been reset/);
  // The texts are untouched, and the next comparison works on a fresh instance.
  assert.equal(await page.locator("#before").inputValue(), "The toll rose to 145 on Monday.");
  await compareNow(page);
  await page.locator(".sd-after ins", { hasText: "148" }).waitFor();
  assert.match(await page.locator("#status").textContent(), /compared in/);
  assert.equal(await page.locator("#status.sd-error").count(), 0);
  // StoryDiff itself survives a panic too, many times over.
  const again = await page.evaluate(() => {
    const out = [];
    for (let i = 0; i < 3; i++) {
      try {
        StoryDiff._panicForTest();
      } catch (e) {
        out.push(e.internal === true);
      }
      out.push(StoryDiff.compare("a b", "a c").rows[0].kind);
    }
    return out;
  });
  assert.deepEqual(again, [true, "changed", true, "changed", true, "changed"]);
  // The only errors are the panic's own report in the console.
  assert.ok(errors.length > 0 && errors.every((e) => /deliberate panic|RuntimeError|unreachable/.test(e)), JSON.stringify(errors));
  await context.close();
});
