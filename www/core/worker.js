/* The page's side of the worker: one worker per page, started on first
 * use and kept; it is given the module the page compiled (never the
 * wasm's bytes) and answers requests in order. */
import workerSource from "storydiff:worker";
import { countWording } from "./loader.js";
import { unpack, versionTexts } from "./model.js";
import { wasmModuleAsync } from "./wasm.js";

var worker = null;
var waiting = {};
var nextId = 1;
// Until the worker has its module: requests wait here, in order.
var ready = null;

/** Answers every waiting request on the main thread instead (the worker
 * could not start: a strict CSP, say). */
function fallBack() {
  worker = false;
  Object.keys(waiting).forEach(function (id) {
    var job = waiting[id];
    delete waiting[id];
    try {
      job.resolve(job.local(job));
    } catch (e) {
      job.reject(e);
    }
  });
}

/** The worker, started on first use; null when the page cannot have one
 * (then the requests are answered on the main thread). */
function startWorker(local) {
  if (worker !== null) return worker || null;
  try {
    var url = URL.createObjectURL(new Blob([workerSource], { type: "text/javascript" }));
    var w = new Worker(url);
    worker = w;
    w.onmessage = function (event) {
      var m = event.data;
      var job = waiting[m.id];
      delete waiting[m.id];
      if (!job) return;
      if (m.error) job.reject(new Error(m.error));
      else if (m.history !== undefined) job.resolve(JSON.parse(m.history));
      else job.resolve(unpack(m.packed, job.before, job.after, countWording));
    };
    w.onerror = function (event) {
      event.preventDefault();
      if (worker === w) fallBack();
    };
    // Compiled once per page (and shared with the synchronous calls); a
    // module posts cheaply, so a worker started again after `cancel` costs
    // no second compile.
    ready = wasmModuleAsync().then(function (module) {
      if (worker === w) w.postMessage({ module: module });
    });
  } catch (e) {
    worker = false;
  }
  return worker || null;
}

/** Sends one request; a Promise of its answer. `local(job)` answers it on
 * the main thread when there is no worker. */
function request(message, job, local) {
  return new Promise(function (resolve, reject) {
    var w = startWorker(local);
    if (!w) {
      resolve(local(job));
      return;
    }
    var id = nextId++;
    job.resolve = resolve;
    job.reject = reject;
    job.local = local;
    waiting[id] = job;
    message.id = id;
    ready.then(function () {
      if (worker === w) w.postMessage(message);
    });
  });
}

/** Stops the comparisons under way in the worker (their Promises reject
 * with an error whose `cancelled` is true); the next request starts a
 * fresh worker, given the module already compiled. */
export function cancel() {
  if (!worker) return;
  worker.terminate();
  worker = null;
  Object.keys(waiting).forEach(function (id) {
    var job = waiting[id];
    delete waiting[id];
    var e = new Error("comparison cancelled");
    e.cancelled = true;
    job.reject(e);
  });
}

/** Compares off the main thread: a Promise of the model. */
export function compareInWorker(before, after, options, local) {
  return request(
    { before: before, after: after, options: options || {} },
    { before: before, after: after, options: options },
    local
  );
}

/** The history off the main thread: a Promise of it. */
export function historyInWorker(versions, options, local) {
  var v = versionTexts(versions);
  return request(
    { texts: v.texts, labels: v.labels, options: options || {} },
    { versions: versions, options: options },
    local
  );
}
