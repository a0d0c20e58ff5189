// The place map of the noodsteunpunt form: a click on the map fills in breedtegraad and lengtegraad (5 decimals, about
// a metre) and moves the marker; typed coordinates move the marker too. The gemeente outline and the other
// noodsteunpunten come inline with the page, so the map works without background tiles. Without JavaScript the map
// stays hidden and the coordinates are typed: the form does not depend on it.
(function () {
  "use strict";
  var block = document.getElementById("plaats-kaart-blok");
  var el = document.getElementById("plaats-kaart");
  var source = document.getElementById("plaats-kaart-data");
  var latInput = document.getElementById("breedtegraad");
  var lonInput = document.getElementById("lengtegraad");
  var status = document.getElementById("plaats-kaart-melding");
  if (!block || !el || !source || !latInput || !lonInput || typeof L === "undefined") return;
  block.hidden = false;
  var data = JSON.parse(source.textContent || "{}");
  var map = L.map(el, { scrollWheelZoom: false, keyboard: true });
  var tileUrl = el.getAttribute("data-tile-url");
  if (tileUrl) {
    L.tileLayer(tileUrl, { maxZoom: 19, attribution: el.getAttribute("data-tile-attribution") || "" }).addTo(map);
  }
  map.attributionControl.setPrefix("Bron: CBS");

  // Layers are built first and added once the map has a view: a path added earlier can meet a renderer that is not on
  // the map yet.
  var bounds = null;
  var outline = null;
  if (data.outline) {
    outline = L.geoJSON(data.outline, { style: { color: "#01689b", weight: 2, fillOpacity: 0.08 }, interactive: false });
    bounds = outline.getBounds();
  }
  var others = L.layerGroup();
  (data.points || []).forEach(function (p) {
    others.addLayer(L.circleMarker([p.lat, p.lon], { radius: 7, color: "#fff", weight: 2, fillColor: "#01689b", fillOpacity: 1 })
      .bindTooltip(p.name + " (" + p.status.toLowerCase() + ")"));
    if (bounds) bounds.extend([p.lat, p.lon]);
  });

  var marker = null;
  function place(lat, lon) {
    if (marker) marker.setLatLng([lat, lon]);
    else marker = L.circleMarker([lat, lon], { radius: 9, color: "#000", weight: 3, fillColor: "#ffb612", fillOpacity: 1, interactive: false }).addTo(map);
  }
  function number(value) {
    var n = parseFloat(String(value).trim().replace(",", "."));
    return isFinite(n) ? n : null;
  }
  function typedPlace() {
    var lat = number(latInput.value), lon = number(lonInput.value);
    return lat !== null && lon !== null && lat > 50 && lat < 54 && lon > 3 && lon < 8 ? [lat, lon] : null;
  }
  function typed() {
    var at = typedPlace();
    if (at) place(at[0], at[1]);
  }

  var start = typedPlace();
  if (start) map.setView(start, 14);
  else if (bounds && bounds.isValid()) map.fitBounds(bounds, { padding: [8, 8] });
  else map.setView([52.2, 5.3], 7);
  if (outline) outline.addTo(map);
  others.addTo(map);
  if (start) place(start[0], start[1]);

  map.on("click", function (e) {
    latInput.value = e.latlng.lat.toFixed(5);
    lonInput.value = e.latlng.lng.toFixed(5);
    place(e.latlng.lat, e.latlng.lng);
    if (status) status.textContent = "Coördinaten ingevuld: breedtegraad " + latInput.value + ", lengtegraad " + lonInput.value + ".";
  });
  latInput.addEventListener("change", typed);
  lonInput.addEventListener("change", typed);

  el.setAttribute("tabindex", "0");
})();
