// Issue 14: the page reads HTML with the browser's parser (DOMParser, its
// events handed to the wasm's reading rules) and the CLI with html5gum; the
// two must give the same text. For every devset page (../shared/devset/*/
// a.html and b.html), every story chain's page (../shared/chains, when
// present; GOV.UK pages, Open Government Licence v3.0) and a few made up
// where the two could part (misnested and unclosed markup, references),
// StoryDiff.readHtml in the page equals the CLI's reading of the file: the
// Before side of `storydiff --json --whole FILE.html empty.txt`, its rows
// joined. In each engine a reader uses (Chromium, Firefox ESR, WebKitGTK),
// whose parsers are three implementations of one spec.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { root } from "./browser.mjs";
import { ENGINES, launchEngine } from "./engines.mjs";

const devset = path.resolve(root, "..", "shared", "devset");
// The story chains' versions (GOV.UK pages, Open Government Licence v3.0),
// read too where ../shared/chains is present.
const chains = path.resolve(root, "..", "shared", "chains");

let cli;
before(() => {
  // The CLI built from the same source as the page (a no-op when fresh).
  execFileSync("cargo", ["build", "--quiet", "--bin", "storydiff"], { cwd: root, stdio: "inherit" });
  const target = process.env.CARGO_TARGET_DIR ? path.resolve(root, process.env.CARGO_TARGET_DIR) : path.join(root, "target");
  cli = path.join(target, "debug", process.platform === "win32" ? "storydiff.exe" : "storydiff");
});

/** The CLI's reading of an .html file: the Before side of a comparison
 * with an empty text (the rows rebuild the text they were given). */
function cliReading(file, empty) {
  const out = execFileSync(cli, ["--json", "--whole", file, empty], { maxBuffer: 64 << 20 });
  return JSON.parse(out)
    .rows.map((r) => r.before ?? "")
    .join("");
}

function firstDifference(a, b) {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  const around = (s) => JSON.stringify(s.slice(Math.max(0, i - 60), i + 60));
  return `at character ${i}:\n  cli:  ${around(a)}\n  page: ${around(b)}`;
}

const MADE_UP = [
  "<p>A<div>B</div>C</p><br>D",
  "<html><head><title>T</title><meta charset=utf-8><body><p>A</p>",
  "<p>caf&eacute; &hellip; &mdash; it&rsquo;s&nbsp;x &copy 2024 &notit; &#x80;&#0;</p>",
  "<article><h1>Six</h1><figure><img src=a.jpg><figcaption>AFP</figcaption></figure><p>One<br>two</p><ul><li>A<li>B</ul></article><aside>x</aside>",
  "<blockquote><p>We will act.<p>Now.</blockquote><p>End.",
  "<pre>\n  kept   as is\n</pre><p>a   b</p><table><tr><td>1<td>2</table>",
  "<main><nav>Home<p>Menu</nav><p>Story</p></main><footer>©</footer>",
  "<p>A <b>bold <i>mixed</b> up</i> line</p><script>x = '</p>'</script><p>z",
];

/** Every page to read with the CLI's reading of it, made once. */
let cases;
function allCases() {
  if (cases) return cases;
  assert.ok(existsSync(cli), cli);
  assert.ok(existsSync(devset), `the devset is missing: ${devset}`);
  const dir = mkdtempSync(path.join(os.tmpdir(), "storydiff-read-"));
  const empty = path.join(dir, "empty.txt");
  writeFileSync(empty, "");
  const files = [];
  for (const name of readdirSync(devset).sort()) {
    for (const side of ["a.html", "b.html"]) {
      const file = path.join(devset, name, side);
      if (existsSync(file)) files.push(file);
    }
  }
  assert.ok(files.length >= 146, `devset files: ${files.length}`);
  if (existsSync(chains)) {
    for (const name of readdirSync(chains).sort()) {
      const folder = path.join(chains, name);
      if (!statSync(folder).isDirectory()) continue;
      for (const f of readdirSync(folder).sort()) {
        if (/\.html?$/.test(f)) files.push(path.join(folder, f));
      }
    }
  } else {
    console.log(`# ${chains} is absent: the chains' pages are not read`);
  }
  MADE_UP.forEach((html, k) => {
    const file = path.join(dir, `made-up-${k}.html`);
    writeFileSync(file, html);
    files.push(file);
  });
  cases = files.map((file) => ({ file, html: readFileSync(file, "utf8"), expected: cliReading(file, empty) }));
  // Not an agreement on nothing: every page has a story.
  const empties = cases.filter((c) => c.expected.length === 0).map((c) => c.file);
  assert.deepEqual(empties, []);
  return cases;
}

for (const name of ENGINES) {
  test(`the page reads every devset page as the CLI does (${name})`, async () => {
    const all = allCases();
    const engine = await launchEngine(name);
    try {
      const page = await engine.newPage();
      for (const { file, html, expected } of all) {
        const got = await page.evaluate((h) => window.StoryDiff.readHtml(h), html);
        assert.ok(got === expected, `${name}: ${path.relative(root, file)}: ${firstDifference(expected, got)}`);
      }
      assert.deepEqual(await page.errorsNow(), []);
      await page.close();
    } finally {
      await engine.close();
    }
  });
}
