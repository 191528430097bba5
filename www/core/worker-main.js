/* The worker (a classic script: xtask/bundle.mjs builds this file on its
 * own, and the page starts it from a Blob URL, the only worker file://
 * allows). Its first message is the page's compiled WebAssembly.Module;
 * every later one a request, answered with the packed result (its arrays
 * transferred, not copied) or the history's JSON. The page slices its own
 * strings from the packed result. */
import { call, useModule } from "./loader.js";
import { comparePacked } from "./model.js";

self.onmessage = function (event) {
  var q = event.data;
  if (q.module) {
    useModule(function () {
      return q.module;
    });
    return;
  }
  try {
    if (q.texts) {
      var json = call(function (g) {
        return g.compareHistory(q.texts, q.labels, q.options);
      });
      self.postMessage({ id: q.id, history: json });
      return;
    }
    var packed = call(function (g) {
      return comparePacked(g, q.before, q.after, q.options);
    });
    self.postMessage({ id: q.id, packed: packed }, [packed.rows.buffer, packed.pieces.buffer]);
  } catch (e) {
    self.postMessage({ id: q.id, error: String(e && e.message ? e.message : e) });
  }
};
