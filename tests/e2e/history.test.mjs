// A story's whole history in the page: every chain in ../shared/chains
// (GOV.UK pages, Open Government Licence v3.0: contains public sector
// information licensed under the Open Government Licence v3.0) dropped as
// its v*.txt files at once. The timeline shows every version, the last step
// is shown, any two can be compared, and the history is the one
// `storydiff --json FOLDER` reads (whose figures and quotes tests/history.rs
// holds to the change notes).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { launch, openPage, root, decodeLink, encodeLink } from "./browser.mjs";

const chains = path.resolve(root, "..", "shared", "chains");

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

function cli() {
  execFileSync("cargo", ["build", "--quiet", "--bin", "storydiff"], { cwd: root, stdio: "inherit" });
  const target = process.env.CARGO_TARGET_DIR ? path.resolve(root, process.env.CARGO_TARGET_DIR) : path.join(root, "target");
  return path.join(target, "debug", "storydiff");
}

/** Drops files on the After text area, as a person dropping several files
 * from a file manager. */
async function drop(page, files) {
  await page.evaluate((files) => {
    const data = new DataTransfer();
    for (const f of files) data.items.add(new File([f.text], f.name, { type: "text/plain" }));
    const target = document.getElementById("after");
    target.dispatchEvent(new DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true }));
  }, files);
}

test("every chain dropped at once: its timeline, the last step, any two versions", async () => {
  assert.ok(existsSync(chains), `${chains} is missing (put the shared chains there to run this test)`);
  const bin = cli();
  for (const name of readdirSync(chains).sort()) {
    const dir = path.join(chains, name);
    if (!existsSync(path.join(dir, "CHANGES.json"))) continue;
    const names = readdirSync(dir).filter((f) => /^v\d+\.txt$/.test(f));
    // Dropped in a shuffled order: the page puts them in name order.
    const files = names
      .map((n) => ({ name: n, text: readFileSync(path.join(dir, n), "utf8") }))
      .reverse();
    const texts = [...files].reverse().map((f) => f.text);
    const n = texts.length;

    const { page, context, errors } = await openPage(browser);
    await page.locator("#status", { hasText: /compared in \d+ ms/ }).waitFor();
    const ready = page.evaluate(
      () => new Promise((resolve) => document.addEventListener("storydiff:history", (e) => resolve(e.detail.history), { once: true }))
    );
    await drop(page, files);
    const history = await ready;
    assert.equal(await page.locator(".sd-timeline-version").count(), n, name);
    assert.deepEqual(
      history.versions.map((v) => v.label),
      [...names].sort(),
      name
    );
    // The last step is shown.
    assert.equal(await page.locator("#before").inputValue(), texts[n - 2], name);
    assert.equal(await page.locator("#after").inputValue(), texts[n - 1], name);
    // The same history as the command line's (without its steps' rows).
    const json = JSON.parse(execFileSync(bin, ["--json", dir], { encoding: "utf8", maxBuffer: 256 << 20 }));
    for (const step of json.steps) delete step.comparison;
    assert.deepEqual(history, json, name);
    // First → latest, then any two by the pickers.
    await page.locator("#history-whole").click();
    assert.equal(await page.locator("#before").inputValue(), texts[0], name);
    assert.equal(await page.locator("#after").inputValue(), texts[n - 1], name);
    await page.locator("#history-from").selectOption(String(Math.floor(n / 3)));
    assert.equal(await page.locator("#before").inputValue(), texts[Math.floor(n / 3)], name);
    await page.locator("#status", { hasText: /compared in \d+ ms/ }).waitFor();
    // A step from the timeline.
    await page.locator(`.sd-timeline-version button[data-version="1"]`).click();
    assert.equal(await page.locator("#before").inputValue(), texts[0], name);
    assert.equal(await page.locator("#after").inputValue(), texts[1], name);
    await page.locator("#status", { hasText: /compared in \d+ ms/ }).waitFor();
    assert.deepEqual(errors, [], name);
    await context.close();
  }
});

test("the versions are kept: a reload shows the same timeline", async () => {
  const { page, context, errors } = await openPage(browser);
  await page.locator("#status", { hasText: /compared in \d+ ms/ }).waitFor();
  const files = [
    { name: "v1.txt", text: "Five people were killed on Monday, police said.\n" },
    { name: "v2.txt", text: "Six people were killed on Monday, police said.\n" },
    { name: "v3.txt", text: "Eight people were killed on Monday, police said.\n" },
  ];
  const ready = page.evaluate(
    () => new Promise((resolve) => document.addEventListener("storydiff:history", (e) => resolve(e.detail.history), { once: true }))
  );
  await drop(page, files);
  const history = await ready;
  assert.deepEqual(
    history.figures[0].values.map((v) => [v.value, v.version]),
    [["Five", 0], ["Six", 1], ["Eight", 2]]
  );
  assert.match(await page.locator(".sd-history-ledger").innerText(), /Five → Six → Eight/);
  await page.reload();
  await page.locator(".sd-timeline-version").first().waitFor();
  assert.equal(await page.locator(".sd-timeline-version").count(), 3);
  await page.locator(".sd-history-ledger").waitFor();
  // Clear forgets them.
  await page.locator("#clear").click();
  assert.equal(await page.locator("#history").isHidden(), true);
  assert.deepEqual(errors, []);
  await context.close();
});

test("<story-diff> with several <pre slot=\"version\"> shows their timeline", async () => {
  const { page, context, errors } = await openPage(browser);
  await page.evaluate(() => {
    const host = document.createElement("story-diff");
    host.id = "embed-history";
    for (const [label, text] of [
      ["9 a.m.", "Five people were killed on Monday, police said.\n"],
      ["noon", "Six people were killed on Monday, police said.\n"],
      ["3 p.m.", "Eight people were killed on Monday, police said.\n\nA vigil is planned.\n"],
    ]) {
      const pre = document.createElement("pre");
      pre.slot = "version";
      pre.dataset.label = label;
      pre.textContent = text;
      host.appendChild(pre);
    }
    window.__rendered = new Promise((r) => host.addEventListener("story-diff:rendered", (e) => r(e.detail), { once: true }));
    document.body.appendChild(host);
  });
  const detail = await page.evaluate(() => window.__rendered.then((d) => ({ versions: d.history.versions.map((v) => v.label), rows: d.model.rows.length })));
  assert.deepEqual(detail.versions, ["9 a.m.", "noon", "3 p.m."]);
  const shadow = (selector) => page.locator(`#embed-history ${selector}`);
  assert.equal(await shadow(".sd-timeline-version").count(), 3);
  // The last step: Six → Eight.
  assert.equal(await shadow(".sd-before del, .sd-before .sd-del").first().textContent(), "Six");
  await shadow(".sd-timeline-whole").click();
  await page.waitForFunction(() => document.querySelector("#embed-history").model.rows[0].before.startsWith("Five"));
  assert.equal(await shadow(".sd-timeline-from").count(), 1);
  assert.equal(await shadow(".sd-timeline-version").first().getAttribute("class"), "sd-timeline-version sd-timeline-from");
  assert.deepEqual(errors, []);
  await context.close();
});

test("the link carries every version, and a crafted one changes nothing", async () => {
  const { page, context, errors } = await openPage(browser);
  await page.locator("#status", { hasText: /compared in \d+ ms/ }).waitFor();
  const files = [
    { name: "v1.txt", text: "Five people were killed on Monday, police said.\n" },
    { name: "v2.txt", text: "Six people were killed on Monday, police said.\n" },
    { name: "v3.txt", text: "Eight people were killed on Monday, police said.\n" },
  ];
  await drop(page, files);
  await page.locator("#history-whole").click();
  await page.waitForFunction(() => location.hash.startsWith("#sd1=") && document.getElementById("before").value.startsWith("Five"));
  // Copy link brings the link up to date and copies it: the address.
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.click("#copy-link");
  await page.locator("#share-notice", { hasText: "Copied the link" }).waitFor();
  const address = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(address, page.url());
  // Read with the page's own codec (www/page/link.js).
  const state = await decodeLink(new URL(address).hash);
  assert.deepEqual(
    state.versions.map((v) => v.label),
    ["v1.txt", "v2.txt", "v3.txt"]
  );
  assert.deepEqual(state.pair, [0, 2]);
  // A crafted link: a pair outside the versions.
  const crafted = await encodeLink({
    before: "x",
    after: "y",
    options: {},
    versions: [
      { label: "a", text: "x" },
      { label: "b", text: "y" },
    ],
    pair: [0, 5],
  });
  await context.close();

  // Opened elsewhere (no kept draft): the same versions and pair.
  const other = await openPage(browser, address);
  await other.page.locator(".sd-timeline-version").nth(2).waitFor();
  assert.equal(await other.page.locator(".sd-timeline-version").count(), 3);
  assert.equal(await other.page.locator("#before").inputValue(), files[0].text);
  assert.equal(await other.page.locator("#after").inputValue(), files[2].text);
  assert.equal(await other.page.locator(".sd-timeline-from").count(), 1);
  await other.page.goto(address.replace(/#.*$/, "") + "#" + crafted);
  await other.page.locator("#share-notice", { hasText: /could not be opened/ }).waitFor();
  assert.equal(await other.page.locator("#after").inputValue(), files[2].text);
  assert.deepEqual([...errors, ...other.errors], []);
  await other.context.close();
});
