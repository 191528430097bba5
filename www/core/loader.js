/* The wasm, called safely: one instance of the wasm-bindgen glue at a
 * time, over a compiled WebAssembly.Module that is given once (the page's
 * own compile on the main thread; in the worker, the module the page
 * posted). */
// The wasm-bindgen glue (`--target no-modules`) as a factory: each call
// makes a fresh instance, so that after a panic (a trap: the release build
// aborts) the old instance, whose memory may be inconsistent, is thrown
// away and never called again. xtask/bundle.mjs provides it.
import makeGlue from "storydiff:glue";

var moduleSource = null;
var glue = null;

/** Where the compiled module comes from: a function called on first use
 * (so a page that never compares never compiles). */
export function useModule(source) {
  moduleSource = source;
  glue = null;
}

function init() {
  if (glue) return glue;
  if (!moduleSource) throw new Error("storydiff: no WebAssembly module was given");
  var fresh = makeGlue();
  fresh.initSync({ module: moduleSource() });
  glue = fresh;
  return glue;
}

/** Calls into the wasm; on a trap, drops the instance and throws a clear
 * error. The next call starts a fresh instance (over the same compiled
 * module), so the page stays usable. */
export function call(fn) {
  var g = init();
  try {
    return fn(g);
  } catch (e) {
    if (e instanceof WebAssembly.RuntimeError || e instanceof RangeError) {
      glue = null;
      var error = new Error(
        "storydiff hit an internal error (" + e.message + ") and has been reset; " +
          "your texts are untouched, and comparing again will start afresh"
      );
      error.cause = e;
      error.internal = true;
      throw error;
    }
    throw e;
  }
}

/** `sharedWording` of a comparison that left it to count (the model's
 * getter, www/core/model.js): the wasm counts the rows' words. */
export function countWording(wording, texts) {
  return call(function (g) {
    return g.sharedWording(wording, texts);
  });
}
