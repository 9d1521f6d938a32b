/* Maps of result lists and listings with Leaflet (static/vendor/leaflet), drawn from the
   places already on the page: each element matched by the container's data-map-items
   selector with data-lat/data-lon, labelled by its [data-map-label] (a link when it is one).
   So the map shows exactly the listings of the list. Without a place nothing is shown. */
(function () {
  "use strict";

  function escapeHtml(text) {
    return text.replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  function placesOf(container) {
    var places = [];
    document.querySelectorAll(container.getAttribute("data-map-items")).forEach(function (item) {
      var lat = parseFloat(item.getAttribute("data-lat"));
      var lon = parseFloat(item.getAttribute("data-lon"));
      if (!isFinite(lat) || !isFinite(lon)) return;
      var label = item.querySelector("[data-map-label]");
      places.push({
        lat: lat,
        lon: lon,
        label: label ? label.textContent.trim() : "",
        href: label && label.tagName === "A" ? label.getAttribute("href") : "",
      });
    });
    return places;
  }

  function popupFor(place) {
    var element = document.createElement(place.href ? "a" : "span");
    element.textContent = place.label;
    if (place.href) element.href = place.href;
    return element;
  }

  function setUp(container) {
    if (typeof L === "undefined") return;
    var places = placesOf(container);
    if (!places.length) return;
    container.closest("[data-map-block]").hidden = false;
    var map = L.map(container, { scrollWheelZoom: false });
    map.attributionControl.setPrefix(
      '<a href="https://leafletjs.com" rel="external noopener">Leaflet</a>'
    );
    L.tileLayer(container.getAttribute("data-tiles"), {
      attribution: escapeHtml(container.getAttribute("data-attribution") || ""),
      maxZoom: 19,
    }).addTo(map);
    var icon = L.icon({
      iconUrl: container.getAttribute("data-icon"),
      iconRetinaUrl: container.getAttribute("data-icon-2x"),
      shadowUrl: container.getAttribute("data-shadow"),
      iconSize: [25, 41],
      iconAnchor: [12, 41],
      popupAnchor: [1, -34],
      shadowSize: [41, 41],
    });
    var points = places.map(function (place) {
      L.marker([place.lat, place.lon], { icon: icon, title: place.label, alt: place.label })
        .bindPopup(popupFor(place))
        .addTo(map);
      return [place.lat, place.lon];
    });
    if (points.length === 1) {
      map.setView(points[0], 16);
    } else {
      map.fitBounds(points, { padding: [24, 24], maxZoom: 16 });
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-map]").forEach(setUp);
  });
})();
