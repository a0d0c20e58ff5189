// The siting result map: buurten as circles on their point (blue = within the norm distance in the optimum, orange
// with a black edge = beyond it), existing noodsteunpunten as black squares, the optimum's new sites as orange
// squares with a black edge and the greedy answer's new sites as purple rings, each a layer that can be switched off. Data come inline
// with the page; the tables below the map hold the same sites and buurten for keyboard and screen-reader users.
(function () {
  "use strict";
  var el = document.getElementById("locatiekeuze-kaart");
  var source = document.getElementById("locatiekeuze-kaart-data");
  if (!el || !source || typeof L === "undefined") return;
  var data = JSON.parse(source.textContent || "{}");
  // A national result has thousands of buurten and sites: canvas and plain circles keep the map responsive.
  var large = (data.buurten || []).length > 2000 || (data.sites || []).length > 500;
  var map = L.map(el, { scrollWheelZoom: false, keyboard: true, preferCanvas: large });
  map.attributionControl.setPrefix("Bron: CBS, CBS/Kadaster");
  var tileUrl = el.getAttribute("data-tile-url");
  if (tileUrl) {
    L.tileLayer(tileUrl, { maxZoom: 19, attribution: el.getAttribute("data-tile-attribution") || "" }).addTo(map);
  }
  function text(s) { var d = document.createElement("div"); d.textContent = s; return d.innerHTML; }
  function metres(m) { return m == null ? "geen punt" : Math.round(m).toLocaleString("nl-NL") + " m"; }
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
    var covered = b.optimal != null && b.optimal <= data.normMeters;
    var style = covered
      ? { radius: radius, color: "#01689b", weight: 1, fillColor: "#4a90c2", fillOpacity: 0.7 }
      : { radius: radius, color: "#000", weight: 2, fillColor: "#e17000", fillOpacity: 0.8 };
    buurten.addLayer(L.circleMarker([b.lat, b.lon], style).bindPopup("<strong>" + text(b.name) + "</strong><br>"
      + text(b.residents.toLocaleString("nl-NL")) + " inwoners<br>Nu: " + metres(b.now) + "<br>Optimum: " + metres(b.optimal) + "<br>Gulzig: " + metres(b.greedy)));
    bounds.extend([b.lat, b.lon]);
  });
  buurten.addTo(map);
  var colours = { "site-map-square": "#000", "site-map-square site-map-square--greedy": "#6b2c91", "site-map-square site-map-square--optimal": "#e17000" };
  function markers(filter, className, label) {
    var group = L.layerGroup();
    (data.sites || []).filter(filter).forEach(function (s) {
      var popup = "<strong>" + text(s.name) + "</strong><br>" + label;
      if (large) {
        group.addLayer(L.circleMarker([s.lat, s.lon], { radius: 4, color: "#000", weight: 1, fillColor: colours[className] || "#000", fillOpacity: 1 }).bindPopup(popup));
      } else {
        var icon = L.divIcon({ className: className, iconSize: [14, 14] });
        group.addLayer(L.marker([s.lat, s.lon], { icon: icon, keyboard: true, title: s.name, alt: s.name }).bindPopup(popup));
      }
      bounds.extend([s.lat, s.lon]);
    });
    group.addTo(map);
    return group;
  }
  var existing = markers(function (s) { return s.existing; }, "site-map-square", "Bestaand noodsteunpunt");
  var greedy = markers(function (s) { return !s.existing && s.greedy; }, "site-map-square site-map-square--greedy", "Nieuw in de gulzige oplossing");
  var optimal = markers(function (s) { return !s.existing && s.optimal; }, "site-map-square site-map-square--optimal", "Nieuw in het optimum");
  var layers = { "Buurten": buurten, "Bestaande noodsteunpunten": existing, "Optimum: nieuwe locaties": optimal, "Gulzig: nieuwe locaties": greedy };
  L.control.layers(null, layers, { collapsed: false }).addTo(map);
  var legend = L.control({ position: "bottomright" });
  legend.onAdd = function () {
    var div = L.DomUtil.create("div", "site-map-legend");
    div.innerHTML = "<p class=\"site-map-legend__title\">Locatiekeuze</p><ul>"
      + "<li><span class=\"site-map-legend__swatch\" data-swatch=\"background:#4a90c2\"></span>Buurt binnen normafstand (optimum)</li>"
      + "<li><span class=\"site-map-legend__swatch\" data-swatch=\"background:#e17000;outline:2px solid #000\"></span>Buurt buiten normafstand (optimum)</li>"
      + "<li><span class=\"site-map-legend__swatch\" data-swatch=\"background:#000\"></span>Bestaand noodsteunpunt</li>"
      + "<li><span class=\"site-map-legend__swatch\" data-swatch=\"background:#e17000;outline:2px solid #000\"></span>Nieuw: optimum</li>"
      + "<li><span class=\"site-map-legend__swatch\" data-swatch=\"background:#fff;border:3px solid #6b2c91;border-radius:50%\"></span>Nieuw: gulzig</li></ul>";
    // Colours via the style property: the Content-Security-Policy refuses inline style attributes.
    div.querySelectorAll("[data-swatch]").forEach(function (s) { s.style.cssText = s.getAttribute("data-swatch"); });
    return div;
  };
  legend.addTo(map);
  if (bounds.isValid()) map.fitBounds(bounds, { padding: [8, 8] });
  else map.setView([52.2, 5.3], 7);
  el.setAttribute("tabindex", "0");
})();
