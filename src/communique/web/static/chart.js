// Communiqué relations chart: a readout of the period under the pointer (or keyboard focus).
// The chart itself is SVG drawn by the server; this only reads its data-* attributes.
(function () {
  "use strict";
  var NAMES = ["verbal cooperation", "material cooperation", "verbal conflict", "material conflict"];
  function init(figure) {
    var out = figure.querySelector(".chart-readout");
    var hits = figure.querySelectorAll("rect.hit");
    function show(hit) {
      for (var i = 0; i < hits.length; i++) { hits[i].classList.remove("active"); }
      hit.classList.add("active");
      var counts = (hit.getAttribute("data-counts") || "").split(",");
      var parts = [];
      for (var k = 0; k < NAMES.length; k++) {
        if (counts[k] && counts[k] !== "0") { parts.push(counts[k] + " " + NAMES[k]); }
      }
      var gold = hit.getAttribute("data-goldstein");
      out.textContent = hit.getAttribute("data-period") + ": " + hit.getAttribute("data-events") +
        " events" + (parts.length ? " (" + parts.join(", ") + ")" : "") +
        (gold ? ", mean Goldstein " + gold : "");
    }
    for (var i = 0; i < hits.length; i++) {
      hits[i].setAttribute("tabindex", "0");
      hits[i].addEventListener("mouseenter", function (e) { show(e.currentTarget); });
      hits[i].addEventListener("focus", function (e) { show(e.currentTarget); });
    }
    // Start on the busiest period so the readout is never empty.
    var best = null;
    for (var j = 0; j < hits.length; j++) {
      if (!best || +hits[j].getAttribute("data-events") > +best.getAttribute("data-events")) { best = hits[j]; }
    }
    if (best) { show(best); }
    figure.setAttribute("data-ready", "true");
  }
  var figures = document.querySelectorAll("figure.chart");
  for (var f = 0; f < figures.length; f++) { init(figures[f]); }
})();
