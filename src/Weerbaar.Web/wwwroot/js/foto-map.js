// The foto map: the gemeente outline, its buurten coloured by vulnerability class (polygons, or circles sized by
// population when only points are loaded), vulnerable locations and noodsteunpunten as layers. All data come inline
// with the page, so the map works offline (without background tiles). Keyboard and screen-reader users get the
// same data in the tables below the map; the map itself is an extra view.
(function () {
  "use strict";
  var el = document.getElementById("foto-kaart");
  var source = document.getElementById("foto-kaart-data");
  if (!el || !source || typeof L === "undefined") return;
  var data = JSON.parse(source.textContent || "{}");
  var map = L.map(el, { scrollWheelZoom: false, keyboard: true });
  map.attributionControl.setPrefix("Bron: CBS");
  var tileUrl = el.getAttribute("data-tile-url");
  if (tileUrl) {
    L.tileLayer(tileUrl, { maxZoom: 19, attribution: el.getAttribute("data-tile-attribution") || "" }).addTo(map);
  }
  var colour = {};
  (data.classes || []).forEach(function (c) { colour[c.cls] = c.colour; });
  var grey = "#bdbdbd";
  function text(s) { var d = document.createElement("div"); d.textContent = s; return d.innerHTML; }

  var bounds = null;
  if (data.outline) {
    var outline = L.geoJSON(data.outline, { style: { color: "#01689b", weight: 2, fill: false }, interactive: false }).addTo(map);
    bounds = outline.getBounds();
  }

  var overlays = {};
  var buurten = L.layerGroup();
  var maxResidents = 1;
  (data.buurten || []).forEach(function (b) { if (b.residents > maxResidents) maxResidents = b.residents; });
  (data.buurten || []).forEach(function (b) {
    var fill = colour[b.cls] || grey;
    var popup = "<strong>" + text(b.name) + "</strong><br>" + text(b.label) + "<br>" + text(b.residents.toLocaleString("nl-NL")) + " inwoners";
    var layer;
    if (b.geometry && b.geometry.type !== "Point") {
      layer = L.geoJSON(b.geometry, { style: { color: "#333", weight: 0.6, fillColor: fill, fillOpacity: 0.75, className: "buurt-vlak" } });
    } else if (b.lat != null) {
      var radius = 3 + 15 * Math.sqrt(b.residents / maxResidents);
      layer = L.circleMarker([b.lat, b.lon], { radius: radius, color: "#333", weight: 0.8, fillColor: fill, fillOpacity: 0.8, className: "buurt-punt" });
    }
    if (layer) { layer.bindPopup(popup); buurten.addLayer(layer); }
  });
  if (buurten.getLayers().length > 0) {
    buurten.addTo(map);
    overlays["Buurten naar kwetsbaarheid"] = buurten;
  }

  function points(items, style, describe) {
    var group = L.layerGroup();
    (items || []).forEach(function (p) {
      if (p.lat == null || p.lon == null) return;
      var m = L.circleMarker([p.lat, p.lon], style).bindPopup(describe(p));
      group.addLayer(m);
      if (bounds) bounds.extend([p.lat, p.lon]);
    });
    return group;
  }
  var locations = points(data.locations, { radius: 6, color: "#000", weight: 2, fillColor: "#fff", fillOpacity: 1 },
    function (p) { return "<strong>" + text(p.name) + "</strong><br>" + text(p.category) + "<br>" + text(p.people.toLocaleString("nl-NL")) + " personen"; });
  if (locations.getLayers().length > 0) { locations.addTo(map); overlays["Kwetsbare locaties"] = locations; }
  var steunpunten = points(data.noodsteunpunten, { radius: 8, color: "#fff", weight: 2, fillColor: "#01689b", fillOpacity: 1 },
    function (p) { return "<strong>" + text(p.name) + "</strong><br>Noodsteunpunt" + (p.capacity ? ", " + text(p.capacity.toLocaleString("nl-NL")) + " personen" : ""); });
  if (steunpunten.getLayers().length > 0) { steunpunten.addTo(map); overlays["Noodsteunpunten"] = steunpunten; }

  if (Object.keys(overlays).length > 0) {
    L.control.layers(null, overlays, { collapsed: false }).addTo(map);
  }
  var legend = L.control({ position: "bottomright" });
  legend.onAdd = function () {
    var div = L.DomUtil.create("div", "site-map-legend");
    var html = "<p class=\"site-map-legend__title\">Kwetsbaarheid (landelijk)</p><ul>";
    (data.classes || []).forEach(function (c) {
      html += "<li><span class=\"site-map-legend__swatch\" data-swatch=\"background:" + c.colour + "\"></span>" + text(c.label) + "</li>";
    });
    html += "<li><span class=\"site-map-legend__swatch\" data-swatch=\"background:" + grey + "\"></span>Geen index</li>";
    html += "<li><span class=\"site-map-legend__dot site-map-legend__dot--location\"></span>Kwetsbare locatie</li>";
    html += "<li><span class=\"site-map-legend__dot site-map-legend__dot--steunpunt\"></span>Noodsteunpunt</li></ul>";
    div.innerHTML = html;
    // Colours via the style property: the Content-Security-Policy refuses inline style attributes.
    div.querySelectorAll("[data-swatch]").forEach(function (s) { s.style.cssText = s.getAttribute("data-swatch"); });
    return div;
  };
  legend.addTo(map);

  if (bounds && bounds.isValid()) map.fitBounds(bounds, { padding: [8, 8] });
  else map.setView([52.2, 5.3], 7);
  el.setAttribute("tabindex", "0");
})();
