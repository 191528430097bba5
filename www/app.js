/* The page: two text areas, compare as you type, the result side by side. */
(function () {
  "use strict";
  var before = document.getElementById("before");
  var after = document.getElementById("after");
  var result = document.getElementById("result");
  var status = document.getElementById("status");
  var live = document.getElementById("live");
  var timer = 0;

  function summary(model) {
    var counts = {};
    model.rows.forEach(function (row) {
      counts[row.kind] = (counts[row.kind] || 0) + 1;
    });
    var parts = [];
    ["changed", "added", "removed", "moved"].forEach(function (kind) {
      if (counts[kind]) parts.push(counts[kind] + " " + kind);
    });
    return parts.length ? parts.join(" · ") : "no changes";
  }

  function run() {
    clearTimeout(timer);
    var started = performance.now();
    try {
      var model = StoryDiff.render(result, before.value, after.value);
      var ms = Math.round(performance.now() - started);
      status.textContent =
        summary(model) + " — compared in " + ms + " ms" + (model.approximate ? " (approximate: the diff hit its deadline)" : "");
      status.classList.remove("sd-error");
      // For the share, keep and navigate features (www/ui.js and friends).
      document.dispatchEvent(new CustomEvent("storydiff:compared", { detail: { model: model, ms: ms } }));
    } catch (e) {
      status.textContent = "Could not compare: " + (e && e.message ? e.message : e) + ". Your text is untouched.";
      status.classList.add("sd-error");
    }
  }

  function schedule() {
    if (!live.checked) return;
    clearTimeout(timer);
    timer = setTimeout(run, 250);
  }

  before.addEventListener("input", schedule);
  after.addEventListener("input", schedule);
  document.getElementById("compare").addEventListener("click", run);

  if (!before.value && !after.value) {
    before.value = window.STORYDIFF_SEEDS.before;
    after.value = window.STORYDIFF_SEEDS.after;
  }
  run();
})();
