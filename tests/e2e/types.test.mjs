// The npm package's TypeScript declarations (www/npm/story-diff.d.ts, copied
// into dist/npm) held to the real code, so that they cannot drift: the
// names they export are the ES module's named exports, its default export's
// members and window.StoryDiff's (test hooks, `_…`, aside); and real models
// type-check as `Comparison` (tsc --strict: no field the declarations lack,
// none they require missing, every value of its declared type), while every
// field the declarations give the model turns up in one of them.
// tests/types/usage.ts (tsc in `cargo xtask test`) checks the other way: a
// user's code against the declarations.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { launch, openPage, pagePath, root, seed, SEED_000, SEED_001, SEED_002 } from "./browser.mjs";

const distDir = path.dirname(pagePath);
const npm = path.join(distDir, "npm");
const dts = readFileSync(path.join(npm, "story-diff.d.ts"), "utf8");
const moduleUrl = pathToFileURL(path.join(npm, "story-diff.mjs")).href;

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const isPublic = (name) => !name.startsWith("_");
const sorted = (names) => [...names].sort();

/** The values the declarations export by name: `export function f(` and
 * `export const c:` lines. */
function declaredExports() {
  return sorted(new Set([...dts.matchAll(/^export (?:function|const) (\w+)/gm)].map((m) => m[1])));
}

/** The members of the declared default export (`declare const StoryDiff: {…}`). */
function declaredDefault() {
  const body = dts.match(/^declare const StoryDiff: \{\n([\s\S]*?)\n\};/m);
  assert.ok(body, "story-diff.d.ts declares `const StoryDiff: { … }`");
  return sorted([...body[1].matchAll(/^\s+(\w+):/gm)].map((m) => m[1]));
}

/** Each `export interface` of the declarations: its field names. */
function declaredInterfaces() {
  const out = {};
  for (const m of dts.matchAll(/^export interface (\w+)[^{\n]*\{\n([\s\S]*?)\n\}/gm)) {
    out[m[1]] = [...m[2].matchAll(/^ {2}(\w+)\??:/gm)].map((f) => f[1]);
  }
  return out;
}

test("the ES module's named exports, its default export, window.StoryDiff and story-diff.d.ts name the same API", async () => {
  const mod = await import(moduleUrl);
  const named = sorted(Object.keys(mod).filter((k) => k !== "default"));
  const members = sorted(Object.keys(mod.default).filter(isPublic));
  assert.deepEqual(named, members, "named exports = the default export's public members");
  for (const name of named) assert.equal(mod[name], mod.default[name], name);
  assert.deepEqual(declaredExports(), named, "story-diff.d.ts's `export function|const` = the module's named exports");
  assert.deepEqual(declaredDefault(), named, "story-diff.d.ts's default export = the module's named exports");
  // Functions are declared as functions, the version as a string.
  for (const name of named) {
    const declared = new RegExp(`^export function ${name}\\(`, "m").test(dts) ? "function" : "string";
    assert.equal(typeof mod[name], declared, name);
  }

  // The classic script in a page: window.StoryDiff has the same members.
  const file = path.join(distDir, "types-test.html");
  writeFileSync(file, `<!doctype html><meta charset="utf-8"><script src="story-diff.js"></script>`);
  const { page, context, errors } = await openPage(browser, pathToFileURL(file).href);
  const global = await page.evaluate(() =>
    Object.keys(window.StoryDiff)
      .filter((k) => !k.startsWith("_"))
      .map((k) => [k, typeof window.StoryDiff[k]])
  );
  assert.deepEqual(sorted(global.map(([k]) => k)), named, "window.StoryDiff's public members = the module's named exports");
  for (const [name, type] of global) assert.equal(type, typeof mod[name], name);
  assert.deepEqual(errors, []);
  await context.close();
});

test("story-diff.d.ts's Options and ViewOptions are MODEL.md's options", () => {
  const model = readFileSync(path.join(root, "MODEL.md"), "utf8");
  const table = model.slice(model.indexOf("## Options"));
  const documented = [...table.matchAll(/^\| `(\w+)` \|/gm)].map((m) => m[1]);
  const interfaces = declaredInterfaces();
  assert.deepEqual(sorted([...interfaces.Options, ...interfaces.ViewOptions]), sorted(documented));
});

/** Pairs whose models between them carry every field of the model:
 * the seeds (quotes, figures, outlets), and small made-up pairs for the
 * rest (moves, a split and a merge, a changed quote whose speaker changed,
 * a statement whose attribution line changed, a changed figure, other line
 * endings). */
function pairs() {
  const p = (...paragraphs) => paragraphs.join("\n\n") + "\n";
  const storm = [
    "The storm reached the coast on Monday morning, officials said.",
    "Power was cut to thousands of homes across the region.",
    "Schools were closed and trains were cancelled.",
    "The weather service warned of more rain on Tuesday.",
    "Residents were told to stay indoors until the wind dropped.",
  ];
  const joined = p(
    "The storm reached the coast on Monday morning, officials said, and power was cut to thousands of homes across the region within the hour.",
    storm[2]
  );
  const apart = p(storm[0], "Power was cut to thousands of homes across the region within the hour.", storm[2]);
  return {
    seeds_000_001: [seed(SEED_000), seed(SEED_001)],
    seeds_001_002: [seed(SEED_001), seed(SEED_002)],
    moved: [p(...storm), p(storm[0], storm[3], storm[1], storm[2], storm[4])],
    split: [joined, apart],
    merged: [apart, joined],
    quote: [
      p(storm[0], '"We will rebuild every home and every school that the storm took from us," said John Smith.'),
      p(storm[0], '"We will rebuild every home and every school that the storm took from us all," said Jane Doe.'),
    ],
    figure: [p("Bombs killed more than 140 people in the city, officials said."), p("Bombs killed nearly 150 people in the city, officials said.")],
    statement: [
      p(storm[0], "Health Secretary Matt Hancock said:", "We will rebuild every home that the storm took from us."),
      p(storm[0], "Health and Social Care Secretary Matt Hancock said:", "We will rebuild every home that the storm took from us."),
    ],
    line_endings: ["A line.\r\nAnother line.\r\n", "A line.\nAnother line.\n"],
  };
}

/** Where each model interface of the declarations stands in a model. */
const PLACES = {
  Comparison: [""],
  Row: [".rows[]"],
  Piece: [".rows[].inline[]", ".quotes[].inline[]"],
  Quote: [".quotes[]"],
  Figure: [".figures[]"],
  Stats: [".stats"],
  Outlets: [".outlets"],
  SentencePair: [".outlets.sentences[]"],
  LineEndings: [".line_endings"],
};

/** Every key path in `value`: ".rows[].kind" and so on. */
function keyPaths(value, at = "", out = new Set()) {
  if (Array.isArray(value)) {
    for (const item of value) keyPaths(item, at + "[]", out);
  } else if (value && typeof value === "object") {
    for (const [key, field] of Object.entries(value)) {
      out.add(`${at}.${key}`);
      keyPaths(field, `${at}.${key}`, out);
    }
  }
  return out;
}

test("real models type-check as Comparison (tsc --strict), and every declared field turns up in one", async () => {
  const { compare } = await import(moduleUrl);
  const models = Object.entries(pairs()).map(([name, [b, a]]) => [name, compare(b, a)]);

  // tsc: each model as an object literal typed Comparison. Excess property
  // checks catch an undeclared field at any depth; missing or mistyped
  // fields fail too.
  const dir = path.join(root, "target", "types-check");
  mkdirSync(dir, { recursive: true });
  const source = [
    'import type { Comparison } from "storydiff";',
    ...models.map(([name, model]) => `export const ${name}: Comparison = ${JSON.stringify(model, null, 1)};`),
    "",
  ].join("\n");
  writeFileSync(path.join(dir, "models.ts"), source);
  writeFileSync(
    path.join(dir, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: {
        target: "ES2022",
        module: "ESNext",
        moduleResolution: "bundler",
        lib: ["ES2022", "DOM"],
        types: [],
        strict: true,
        noEmit: true,
        paths: { storydiff: [npm] },
      },
      files: ["models.ts"],
    })
  );
  const tsc = spawnSync(path.join(root, "node_modules", ".bin", "tsc"), ["--project", path.join(dir, "tsconfig.json")], {
    encoding: "utf8",
  });
  assert.equal(tsc.status, 0, `real models do not type-check as Comparison:\n${tsc.stdout}${tsc.stderr}`);

  // Every field the declarations give the model is in one of the models
  // (so none is made up, and the pairs above stay worth checking).
  const seen = new Set();
  for (const [, model] of models) keyPaths(model, "", seen);
  const interfaces = declaredInterfaces();
  for (const [name, places] of Object.entries(PLACES)) {
    assert.ok(interfaces[name], `story-diff.d.ts declares ${name}`);
    for (const field of interfaces[name]) {
      assert.ok(
        places.some((place) => seen.has(`${place}.${field}`)),
        `${name}.${field} is declared but no real model here carries it`
      );
    }
  }
  // And the other way, by name as well as by tsc: every key path seen is a
  // declared field of the interface that stands there.
  for (const keyPath of seen) {
    const at = keyPath.slice(0, keyPath.lastIndexOf("."));
    const field = keyPath.slice(keyPath.lastIndexOf(".") + 1);
    const owner = Object.keys(PLACES).find((name) => PLACES[name].includes(at));
    assert.ok(owner, `${keyPath}: no declared interface stands at ${at || "the top"}`);
    assert.ok(interfaces[owner].includes(field), `${keyPath}: ${owner} does not declare ${field}`);
  }
});
