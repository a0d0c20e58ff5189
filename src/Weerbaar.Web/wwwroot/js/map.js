// Draws the gemeente outline with Leaflet. The outline comes inline with the page, so it is drawn even when
// background tiles cannot load (offline, blocked); tiles are optional and their URL is configurable.
(function () {
  "use strict";
  var el = document.getElementById("kaart");
  var data = document.getElementById("kaart-omtrek");
  if (!el || !data || typeof L === "undefined") return;
  var geometry = JSON.parse(data.textContent || "null");
  var map = L.map(el, { scrollWheelZoom: false, keyboard: true });
  var tileUrl = el.getAttribute("data-tile-url");
  if (tileUrl) {
    L.tileLayer(tileUrl, { maxZoom: 19, attribution: el.getAttribute("data-tile-attribution") || "" }).addTo(map);
  }
  if (geometry) {
    var layer = L.geoJSON(geometry, { style: { color: "#01689b", weight: 2, fillOpacity: 0.15 } }).addTo(map);
    map.fitBounds(layer.getBounds(), { padding: [8, 8] });
  } else {
    map.setView([52.2, 5.3], 7);
  }
  // The map container is focusable for keyboard panning; give the focusable element an accessible name.
  el.setAttribute("tabindex", "0");
})();
