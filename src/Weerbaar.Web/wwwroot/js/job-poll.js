// Keeps a JobStatusPanel up to date while its job is queued or running: asks GET /api/v1/jobs/{id} every 1.5 s (the
// login cookie authenticates), updates status, progress, text and elapsed time in place, and reloads the page when
// the job has ended so the page shows the result. Without JavaScript the panel asks the user to reload instead.
(function () {
  "use strict";
  var STATUS = { queued: "In de wachtrij", running: "Bezig", done: "Klaar", failed: "Mislukt", cancelled: "Afgebroken" };
  var INTERVAL = 1500;

  function duration(ms) {
    var s = Math.max(0, Math.floor(ms / 1000));
    if (s < 60) return s + " s";
    if (s < 3600) return Math.floor(s / 60) + " min " + (s % 60) + " s";
    return Math.floor(s / 3600) + " uur " + Math.floor((s % 3600) / 60) + " min";
  }

  function percent(p) {
    return Math.round(Math.min(1, Math.max(0, p)) * 100) + "%";
  }

  function setText(el, text) {
    // Only on change: the status line is a live region and should not be announced again and again.
    if (el && el.textContent !== text) el.textContent = text;
  }

  function watch(panel) {
    if (panel.getAttribute("data-job-watched")) return;
    panel.setAttribute("data-job-watched", "1");
    var url = panel.getAttribute("data-job-url");
    var skew = Date.parse(panel.getAttribute("data-server-now") || "") - Date.now();
    if (isNaN(skew)) skew = 0;
    var field = function (name) { return panel.querySelector("[data-job-field='" + name + "']"); };
    var hint = panel.querySelector("[data-job-nojs]");
    if (hint) hint.hidden = true;
    var job = {
      status: panel.getAttribute("data-job-status"),
      createdAt: panel.getAttribute("data-job-created"),
      startedAt: panel.getAttribute("data-job-started")
    };

    function elapsed() {
      var now = Date.now() + skew;
      if (job.status === "queued") setText(field("elapsed"), "In de wachtrij sinds " + duration(now - Date.parse(job.createdAt)));
      else if (job.status === "running") setText(field("elapsed"), "Bezig sinds " + duration(now - Date.parse(job.startedAt || job.createdAt)));
    }

    function poll() {
      fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (j) {
          if (!j) { if (hint) hint.hidden = false; return; }
          if (j.status !== "queued" && j.status !== "running") { window.location.reload(); return; }
          if (j.status !== job.status) { window.location.reload(); return; } // queued → running: the panel changes shape
          job = j;
          setText(field("status"), STATUS[j.status] || j.status);
          setText(field("progress-text"), j.progressText ? ": " + j.progressText : "");
          var bar = field("progress");
          if (bar && j.status === "running") {
            bar.value = j.progress;
            setText(bar, percent(j.progress));
            setText(field("percent"), percent(j.progress));
          }
          elapsed();
          window.setTimeout(poll, INTERVAL);
        })
        .catch(function () { if (hint) hint.hidden = false; });
    }

    window.setInterval(elapsed, 1000);
    window.setTimeout(poll, INTERVAL);
  }

  var panels = document.querySelectorAll("section[data-job-url]");
  for (var i = 0; i < panels.length; i++) {
    var status = panels[i].getAttribute("data-job-status");
    if (status === "queued" || status === "running") watch(panels[i]);
  }
})();
