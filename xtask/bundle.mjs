// The page, the classic script and the ES module, bundled by esbuild from
// the ES modules in www/ (run by `cargo xtask dist`):
//
//   node xtask/bundle.mjs <glue.js> <storydiff_bg.wasm> <version> <out dir>
//
// writes story-diff.js (IIFE: sets window.StoryDiff), story-diff.mjs (ES
// module), page.js (IIFE: the page's one script), page.css and print.css
// into <out dir>; xtask puts page.js and the CSS into www/index.html.
//
// Three names are the build's to give (www/core/*.js imports them):
// - "storydiff:glue": the wasm-bindgen glue (`--target no-modules`) as a
//   factory, `export default function makeGlue()`, each call a fresh
//   instance (see core/loader.js);
// - "storydiff:wasm": the wasm's bytes (esbuild's binary loader: a
//   Uint8Array, inlined as base64);
// - "storydiff:worker": the worker's source (core/worker-main.js bundled
//   on its own as a classic script: the glue, never the wasm), as a string.
import * as esbuild from "esbuild";
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const [gluePath, wasmPath, version, outDir] = process.argv.slice(2);
if (!outDir) {
  console.error("usage: node xtask/bundle.mjs <glue.js> <wasm> <version> <out dir>");
  process.exit(2);
}
const www = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "www");

const common = {
  bundle: true,
  write: false,
  charset: "utf8",
  target: "es2020",
  legalComments: "none",
  logLevel: "warning",
  define: { STORYDIFF_VERSION: JSON.stringify(version) },
};

/** The glue as a module with a factory: its text is a script that declares
 * `wasm_bindgen`; the factory runs it and returns that. */
function glueModule() {
  const glue = readFileSync(gluePath, "utf8");
  if (!/^let wasm_bindgen = /m.test(glue)) throw new Error(`${gluePath}: not wasm-bindgen's no-modules glue`);
  return `export default function makeGlue() {\n${glue}\nreturn wasm_bindgen;\n}\n`;
}

const glue = {
  name: "storydiff-glue",
  setup(build) {
    build.onResolve({ filter: /^storydiff:glue$/ }, () => ({ path: "glue", namespace: "storydiff" }));
    build.onLoad({ filter: /^glue$/, namespace: "storydiff" }, () => ({ contents: glueModule(), loader: "js" }));
  },
};

async function workerSource() {
  const out = await esbuild.build({
    ...common,
    entryPoints: [path.join(www, "core", "worker-main.js")],
    format: "iife",
    plugins: [glue],
  });
  return out.outputFiles[0].text;
}

const wasmAndWorker = {
  name: "storydiff-wasm-worker",
  setup(build) {
    build.onResolve({ filter: /^storydiff:wasm$/ }, () => ({ path: path.resolve(wasmPath) }));
    build.onResolve({ filter: /^storydiff:worker$/ }, () => ({ path: "worker", namespace: "storydiff" }));
    build.onLoad({ filter: /^worker$/, namespace: "storydiff" }, async () => ({
      contents: `export default ${JSON.stringify(await workerSource())};\n`,
      loader: "js",
    }));
  },
};

async function js(entry, format) {
  const out = await esbuild.build({
    ...common,
    entryPoints: [path.join(www, entry)],
    format,
    loader: { ".wasm": "binary" },
    plugins: [glue, wasmAndWorker],
  });
  return out.outputFiles[0].text;
}

async function css(entry) {
  const out = await esbuild.build({ ...common, entryPoints: [path.join(www, entry)], loader: { ".css": "css" } });
  return out.outputFiles[0].text;
}

mkdirSync(outDir, { recursive: true });
const files = {
  "story-diff.js": await js("story-diff.js", "iife"),
  "story-diff.mjs": await js("npm/story-diff.mjs", "esm"),
  "page.js": await js("page/main.js", "iife"),
  "page.css": await css("page/page.css"),
  "print.css": await css("page/print.css"),
};
for (const [name, text] of Object.entries(files)) writeFileSync(path.join(outDir, name), text);
