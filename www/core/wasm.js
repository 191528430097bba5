/* The wasm's bytes (inlined by the bundler: esbuild's binary loader) and
 * their compiled module, compiled once per page on the main thread and
 * shared by the synchronous calls and the worker. */
import bytes from "storydiff:wasm";

var compiled = null;
var compiling = null;

/** The compiled module, compiled now if it has not been (synchronously:
 * `StoryDiff.compare` must answer at once). */
export function wasmModule() {
  if (!compiled) compiled = new WebAssembly.Module(bytes);
  return compiled;
}

/** A Promise of the compiled module, compiled off the main thread's
 * critical path when nothing has compiled it yet. */
export function wasmModuleAsync() {
  if (compiled) return Promise.resolve(compiled);
  if (!compiling) {
    compiling = WebAssembly.compile(bytes).then(function (m) {
      if (!compiled) compiled = m;
      return compiled;
    });
  }
  return compiling;
}
