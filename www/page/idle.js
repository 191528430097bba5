/* Work that can wait: keeping the draft (storage.js) and writing the link
 * (permalink.js). A megabyte written to localStorage, or compressed for
 * the address bar, is a task the reader does not need before the result;
 * so such work is queued here and done when the browser is idle
 * (requestIdleCallback; a timeout where there is none, as in Safari), and
 * never while the result is busy (#result's aria-busy, which app.js sets
 * from a newer input until its comparison is shown in full). Leaving the
 * page does its own writes at once (storage.js, permalink.js). */

var result = document.getElementById("result");
/** The queued jobs by name, in the order first queued: a job queued again
 * before it ran runs once, as queued last. */
var jobs = new Map();
var asked = false;
var watching = null;

function busy() {
  return result.hasAttribute("aria-busy");
}

/** Runs `job` once the browser is idle and the result is not busy; a
 * job of the same `name` still waiting is replaced. */
export function whenIdle(name, job) {
  jobs.delete(name);
  jobs.set(name, job);
  ask();
}

/** Forgets a job still waiting. */
export function drop(name) {
  jobs.delete(name);
}

function ask() {
  if (asked || !jobs.size) return;
  if (busy()) {
    // Asked again when the result is no longer busy.
    if (!watching) {
      watching = new MutationObserver(function () {
        if (busy()) return;
        watching.disconnect();
        watching = null;
        ask();
      });
      watching.observe(result, { attributes: true, attributeFilter: ["aria-busy"] });
    }
    return;
  }
  asked = true;
  if (typeof requestIdleCallback === "function") requestIdleCallback(runJobs, { timeout: 2000 });
  else setTimeout(runJobs, 100);
}

function runJobs() {
  asked = false;
  // One job an idle period: a job may take tens of milliseconds (a
  // megabyte into localStorage), and input may have come meanwhile.
  if (!busy() && jobs.size) {
    var name = jobs.keys().next().value;
    var job = jobs.get(name);
    jobs.delete(name);
    try {
      job();
    } catch (e) {
      // One job's failure does not stop the others (each says its own).
      setTimeout(function () {
        throw e;
      });
    }
  }
  ask();
}
