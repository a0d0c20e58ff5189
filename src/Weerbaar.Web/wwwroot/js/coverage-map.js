// The coverage map: buurten as circles on their point (blue = within the norm distance, orange with a black edge =
// beyond it), noodsteunpunten as black squares with a ring of the norm distance. Data come inline with the page; the
// table below the map holds the same figures for keyboard and screen-reader users.
(function () {
  "use strict";
  var el = document.getElementById("dekking-kaart");
  var source = document.getElementById("dekking-kaart-data");
  if (!el || !source || typeof L === "undefined") return;
  var data = JSON.parse(source.textContent || "{}");
  var map = L.map(el, { scrollWheelZoom: false, keyboard: true });
  map.attributionControl.setPrefix("Bron: CBS, CBS/Kadaster");
  var tileUrl = el.getAttribute("data-tile-url");
  if (tileUrl) {
    L.tileLayer(tileUrl, { maxZoom: 19, attribution: el.getAttribute("data-tile-attribution") || "" }).addTo(map);
  }
  function text(s) { var d = document.createElement("div"); d.textContent = s; return d.innerHTML; }
  var bounds = L.latLngBounds([]);
  if (data.outline) {
    var outline = L.geoJSON(data.outline, { style: { color: "#01689b", weight: 2, fill: false }, interactive: false }).addTo(map);
    bounds.extend(outline.getBounds());
  }
  var maxResidents = 1;
  (data.buurten || []).forEach(function (b) { if (b.residents > maxResidents) maxResidents = b.residents; });
  var buurten = L.layerGroup();
  (data.buurten || []).forEach(function (b) {
    var radius = 3 + 12 * Math.sqrt(b.residents / maxResidents);
    var style = b.covered
      ? { radius: radius, color: "#01689b", weight: 1, fillColor: "#4a90c2", fillOpacity: 0.75 }
      : { radius: radius, color: "#000", weight: 2, fillColor: "#e17000", fillOpacity: 0.85 };
    var popup = "<strong>" + text(b.name) + "</strong><br>" + text(b.residents.toLocaleString("nl-NL")) + " inwoners<br>"
      + (b.distance != null ? text(b.distance.toLocaleString("nl-NL")) + " m tot het dichtstbijzijnde noodsteunpunt" : "geen noodsteunpunt met coördinaten")
      + "<br>" + (b.covered ? "binnen de normafstand" : "buiten de normafstand");
    buurten.addLayer(L.circleMarker([b.lat, b.lon], style).bindPopup(popup));
    bounds.extend([b.lat, b.lon]);
  });
  buurten.addTo(map);
  var points = L.layerGroup();
  (data.points || []).forEach(function (p) {
    points.addLayer(L.circle([p.lat, p.lon], { radius: data.ringMeters, color: "#000", weight: 1.5, dashArray: "4 4", fill: false, interactive: false }));
    var icon = L.divIcon({ className: "site-map-square", iconSize: [12, 12] });
    points.addLayer(L.marker([p.lat, p.lon], { icon: icon, keyboard: true, title: p.name, alt: p.name }).bindPopup("<strong>" + text(p.name) + "</strong><br>Noodsteunpunt"));
    bounds.extend([p.lat, p.lon]);
  });
  points.addTo(map);
  L.control.layers(null, { "Buurten": buurten, "Noodsteunpunten met normafstand": points }, { collapsed: false }).addTo(map);
  var legend = L.control({ position: "bottomright" });
  legend.onAdd = function () {
    var div = L.DomUtil.create("div", "site-map-legend");
    div.innerHTML = "<p class=\"site-map-legend__title\">Dekking</p><ul>"
      + "<li><span class=\"site-map-legend__swatch\" data-swatch=\"background:#4a90c2\"></span>Buurt binnen normafstand</li>"
      + "<li><span class=\"site-map-legend__swatch\" data-swatch=\"background:#e17000;outline:2px solid #000\"></span>Buurt buiten normafstand</li>"
      + "<li><span class=\"site-map-legend__swatch\" data-swatch=\"background:#000\"></span>Noodsteunpunt (stippellijn: normafstand)</li></ul>";
    // Colours via the style property: the Content-Security-Policy refuses inline style attributes.
    div.querySelectorAll("[data-swatch]").forEach(function (s) { s.style.cssText = s.getAttribute("data-swatch"); });
    return div;
  };
  legend.addTo(map);
  if (bounds.isValid()) map.fitBounds(bounds, { padding: [8, 8] });
  else map.setView([52.2, 5.3], 7);
  el.setAttribute("tabindex", "0");
})();
