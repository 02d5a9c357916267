// The analyst's view of stored events: a map over offline base layers, a stacked timeline with a
// brush and date inputs, a table, the evidence of each event and the tallies, and downloads of
// what is shown.
//
// Article text, titles, actor names and every other value from the API are untrusted: they are
// put on the page only as text nodes (textContent / createTextNode), never as markup.
"use strict";

(function () {
  const TYPE_COLOURS = {
    "Battles": "#d62728",
    "Explosions/Remote violence": "#ff7f0e",
    "Violence against civilians": "#8c1aa8",
    "Protests": "#2ca02c",
    "Riots": "#e6c300",
    "Strategic developments": "#1f77b4",
  };
  const UNCODED = "Not coded by ACLED";
  const UNCODED_COLOUR = "#7f7f7f";
  const TYPES = [...Object.keys(TYPE_COLOURS), UNCODED];
  const MODALITIES = ["occurred", "claimed", "denied", "planned", "threatened", "simulated",
    "hypothetical", "feared", "negated"];
  // How a marker shows what the reports say about the event: a solid disc for what happened, a
  // dashed ring for a claim, a dotted one for a denial, a hollow one for what is only threatened
  // or planned, a grey hollow one for what did not or may not happen.
  const MODALITY_STYLE = {
    occurred: { fillOpacity: 0.85, dashArray: null, weight: 1 },
    claimed: { fillOpacity: 0.45, dashArray: "4 3", weight: 2 },
    denied: { fillOpacity: 0.45, dashArray: "1 3", weight: 2 },
    planned: { fillOpacity: 0.08, dashArray: "4 3", weight: 2, ring: true },
    threatened: { fillOpacity: 0.08, dashArray: "4 3", weight: 2, ring: true },
    other: { fillOpacity: 0, dashArray: "1 3", weight: 2, grey: true },
  };
  const PAGE = 1000;
  const MAX_EVENTS = 20000;
  const DAY = 86400000;
  const DENSE_RADIUS_KM = 300; // neighbours counted around each event to find the densest place
  const REGION_KM = 1000; // what "the densest region" takes in around that place

  const state = { events: [], range: null, selected: null, tallies: [] };
  let map = null;
  let clusters = null;
  const markersById = new Map();
  const base = { places: [], admin1Labels: [], labelLayer: null };
  let legendAdded = false;

  // --- small DOM helpers (text only) -----------------------------------------------------------

  function el(tag, attrs, children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (key === "text") node.textContent = value == null ? "" : String(value);
      else if (key === "className") node.className = value;
      else node.setAttribute(key, value);
    }
    for (const child of children || []) {
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    }
    return node;
  }

  function svgEl(tag, attrs) {
    const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value != null) node.setAttribute(key, String(value));
    }
    return node;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  function typeOf(event) {
    return event.event_type && TYPE_COLOURS[event.event_type] ? event.event_type : UNCODED;
  }

  function colourOf(event) {
    return TYPE_COLOURS[event.event_type] || UNCODED_COLOUR;
  }

  function dayOf(iso) {
    return iso ? Date.parse(String(iso).slice(0, 10) + "T00:00:00Z") : NaN;
  }

  function isoOf(ms) {
    return new Date(ms).toISOString().slice(0, 10);
  }

  function setStatus(text, isError) {
    const status = document.getElementById("status");
    status.textContent = text;
    status.className = isError ? "error" : "";
  }

  async function getJSON(url) {
    const response = await fetch(url, { headers: { Accept: "application/json" } });
    if (!response.ok) throw new Error(url + ": HTTP " + response.status);
    return response.json();
  }

  function distanceKm(a, b) {
    const rad = Math.PI / 180;
    const dLat = (b[0] - a[0]) * rad;
    const dLon = (b[1] - a[1]) * rad;
    const h = Math.sin(dLat / 2) ** 2 +
      Math.cos(a[0] * rad) * Math.cos(b[0] * rad) * Math.sin(dLon / 2) ** 2;
    return 12742 * Math.asin(Math.min(1, Math.sqrt(h)));
  }

  // --- map and its offline base layers ------------------------------------------------------------

  function initMap() {
    map = L.map("map", { worldCopyJump: true, preferCanvas: false, zoomSnap: 0.5, minZoom: 2, maxZoom: 12 })
      .setView([33.5, 40.5], 5);
    map.attributionControl.addAttribution(
      "Boundaries: Natural Earth · Places: GeoNames (CC BY 4.0)");
    for (const [name, z] of [["countries", 200], ["admin1", 250], ["labels", 350]]) {
      map.createPane(name).style.zIndex = String(z);
    }
    map.getPane("labels").style.pointerEvents = "none";
    clusters = L.markerClusterGroup({
      showCoverageOnHover: false,
      maxClusterRadius: 40,
      spiderfyOnMaxZoom: true,
      iconCreateFunction: clusterIcon,
    }).addTo(map);
  }

  // Countries, first-level areas and populated places: fetched while the events load.
  async function loadBaseLayers() {
    const layers = await Promise.allSettled([
      getJSON("/static/vendor/countries-50m.json"),
      getJSON("/static/vendor/admin1.json"),
      getJSON("/static/vendor/places.json"),
    ]);
    const [countries, admin1, places] = layers.map((r) => (r.status === "fulfilled" ? r.value : null));
    const mapNode = document.getElementById("map");
    if (countries) {
      L.geoJSON(topojson.feature(countries, countries.objects.countries), {
        renderer: L.canvas({ pane: "countries" }),
        style: { color: "#8a8a8a", weight: 0.9, fillColor: "#f2efe9", fillOpacity: 1 },
        interactive: false,
      }).addTo(map);
    }
    if (admin1) {
      const areas = topojson.feature(admin1, admin1.objects.admin1);
      const admin1Layer = L.geoJSON(areas, {
        renderer: L.canvas({ pane: "admin1" }),
        style: { color: "#b3a796", weight: 0.7, fill: false, dashArray: "3 3" },
        interactive: false,
      });
      // First-level borders from zoom 4: at world scale they are only clutter.
      const toggle = () => {
        if (map.getZoom() >= 4) admin1Layer.addTo(map);
        else admin1Layer.remove();
      };
      map.on("zoomend", toggle);
      toggle();
      base.admin1Labels = areas.features
        .filter((f) => f.properties.lat != null && f.properties.name)
        .map((f) => f.properties);
      mapNode.setAttribute("data-admin1-areas", String(areas.features.length));
    }
    if (places) {
      base.places = places.rows; // [name, lat, lon, population, country, capital], largest first
      mapNode.setAttribute("data-places", String(base.places.length));
    }
    if (!countries || !admin1 || !places) setStatus("Some base layers are unavailable", true);
    base.labelLayer = L.layerGroup().addTo(map);
    map.on("moveend", drawLabels);
    drawLabels();
  }

  // The populated places worth a label at this zoom: the largest first, none overlapping.
  function populationFloor(zoom) {
    if (zoom < 4) return 5e6;
    if (zoom < 5) return 1e6;
    if (zoom < 6) return 3e5;
    if (zoom < 7) return 1e5;
    if (zoom < 8) return 4e4;
    return 0;
  }

  function drawLabels() {
    if (!base.labelLayer) return;
    base.labelLayer.clearLayers();
    const zoom = map.getZoom();
    const bounds = map.getBounds().pad(0.05);
    const taken = [];
    const fits = (point, width) => {
      const box = [point.x - 4, point.y - 8, point.x + width, point.y + 8];
      if (taken.some((b) => box[0] < b[2] && box[2] > b[0] && box[1] < b[3] && box[3] > b[1])) {
        return false;
      }
      taken.push(box);
      return true;
    };
    // Big towns first (where a province and its capital share a name, the town keeps its
    // label), then the provinces' names, then smaller towns where there is room.
    const floor = populationFloor(zoom);
    let shown = 0;
    const placeLabels = (big) => {
      for (const [name, lat, lon, population, , capital] of base.places) {
        if (shown >= 150) return;
        if (population < floor && !(capital && zoom >= 3)) continue;
        if (big !== (capital === 1 || population >= 5e5)) continue;
        if (!bounds.contains([lat, lon])) continue;
        const point = map.latLngToContainerPoint([lat, lon]);
        if (!fits(point, 6.5 * name.length + 8)) continue;
        const label = el("span", {}, [el("span", { className: "dot" }), name]);
        L.marker([lat, lon], {
          pane: "labels",
          interactive: false,
          keyboard: false,
          icon: L.divIcon({
            className: "place-label" + (capital ? " capital" : ""),
            html: label,
            iconSize: null,
            iconAnchor: [4, 8],
          }),
        }).addTo(base.labelLayer);
        shown += 1;
      }
    };
    placeLabels(true);
    if (zoom >= 6) {
      for (const area of base.admin1Labels) {
        if (zoom < area.min_zoom - 1 || !bounds.contains([area.lat, area.lon])) continue;
        const point = map.latLngToContainerPoint([area.lat, area.lon]);
        if (!fits(point, 7 * area.name.length)) continue;
        const label = el("span", { text: area.name });
        L.marker([area.lat, area.lon], {
          pane: "labels",
          interactive: false,
          keyboard: false,
          icon: L.divIcon({ className: "admin1-label", html: label, iconSize: null }),
        }).addTo(base.labelLayer);
      }
    }
    placeLabels(false);
  }

  // --- events on the map --------------------------------------------------------------------------

  function clusterIcon(cluster) {
    const count = cluster.getChildCount();
    const size = count < 10 ? 30 : count < 100 ? 36 : 44;
    const label = el("span", { text: String(count) });
    return L.divIcon({ html: label, className: "event-cluster", iconSize: L.point(size, size) });
  }

  function radiusOf(event) {
    // The disc's area grows with the toll (radius with its square root), up to 36 killed: past
    // that a disc would hide its neighbours. Events without a toll keep the smallest size.
    const killed = Math.min(36, event.fatalities || 0);
    return 5 + 3 * Math.sqrt(killed);
  }

  function modalityStyle(event) {
    return MODALITY_STYLE[event.modality] || (event.modality ? MODALITY_STYLE.other : MODALITY_STYLE.occurred);
  }

  function tooltipFor(event) {
    const fatal = event.fatalities == null ? "" :
      " · " + event.fatalities + " killed (" + (event.fatalities_qualifier || "reported") + ")";
    return el("div", {}, [
      el("strong", { text: typeOf(event) }),
      el("br"),
      (event.event_date || "undated") + " · " + (event.location || event.admin1 || event.country || ""),
      el("br"),
      (event.actor1 || "unknown actor") + (event.actor2 ? " vs " + event.actor2 : ""),
      el("br"),
      (event.modality || "occurred") + fatal,
    ]);
  }

  function drawMarkers(events) {
    clusters.clearLayers();
    markersById.clear();
    const markers = [];
    for (const event of events) {
      if (event.latitude == null || event.longitude == null) continue;
      const look = modalityStyle(event);
      const colour = colourOf(event);
      const marker = L.circleMarker([event.latitude, event.longitude], {
        radius: radiusOf(event),
        color: look.grey ? "#555" : look.ring ? colour : "#222",
        weight: look.weight,
        dashArray: look.dashArray,
        fillColor: colour,
        fillOpacity: look.fillOpacity,
        className: "event-marker modality-" + (event.modality || "occurred"),
      });
      marker.bindTooltip(tooltipFor(event));
      marker.on("click", () => selectEvent(event.event_id));
      // The path exists only while the marker is on the map (not folded into a cluster).
      marker.on("add", () => {
        const path = marker.getElement();
        if (!path) return;
        path.setAttribute("data-event-id", event.event_id);
        path.setAttribute("data-fatalities", event.fatalities == null ? "" : String(event.fatalities));
        path.setAttribute("data-modality", event.modality || "occurred");
      });
      markersById.set(event.event_id, marker);
      markers.push(marker);
    }
    clusters.addLayers(markers);
    return markers.map((m) => m.getLatLng()).map((p) => [p.lat, p.lng]);
  }

  // The events around the place where most of them are: one misplaced report far away does not
  // zoom the map out to the ocean.
  function densestRegion(points) {
    if (points.length <= 2) return points;
    const sample = points.length > 1500 ? points.filter((_, i) => i % Math.ceil(points.length / 1500) === 0) : points;
    let best = sample[0];
    let bestCount = -1;
    for (const p of sample) {
      let n = 0;
      for (const q of sample) if (distanceKm(p, q) <= DENSE_RADIUS_KM) n += 1;
      if (n > bestCount) {
        best = p;
        bestCount = n;
      }
    }
    return points.filter((p) => distanceKm(best, p) <= REGION_KM);
  }

  function fit(points, how) {
    if (!points.length) return;
    const shown = how === "all" ? points : densestRegion(points);
    map.fitBounds(L.latLngBounds(shown), { padding: [30, 30], maxZoom: 8 });
    document.getElementById("map").setAttribute("data-fit", how);
    document.getElementById("map").setAttribute("data-fit-count", String(shown.length));
  }

  function legendSymbol(style, colour) {
    const svg = svgEl("svg", { width: 16, height: 16 });
    svg.appendChild(svgEl("circle", {
      cx: 8, cy: 8, r: 6,
      fill: colour, "fill-opacity": style.fillOpacity,
      stroke: style.grey ? "#555" : style.ring ? colour : "#222",
      "stroke-width": style.weight, "stroke-dasharray": style.dashArray,
    }));
    return svg;
  }

  function drawLegend(events) {
    const legend = document.getElementById("legend");
    if (!legendAdded && map) {
      legendAdded = true;
      const control = L.control({ position: "bottomleft" });
      control.onAdd = () => legend;
      control.addTo(map);
      L.DomEvent.disableClickPropagation(legend);
    }
    const wasOpen = !legend.querySelector("details") || legend.querySelector("details").open;
    clear(legend);
    const body = el("details", {}, [el("summary", { text: "Legend" })]);
    body.open = wasOpen;
    const present = new Set(events.map(typeOf));
    body.appendChild(el("h4", { text: "Event type" }));
    for (const name of TYPES) {
      if (!present.has(name)) continue;
      const swatch = el("span", { className: "swatch" });
      swatch.style.background = TYPE_COLOURS[name] || UNCODED_COLOUR;
      body.appendChild(el("div", {}, [swatch, name]));
    }
    body.appendChild(el("h4", { text: "What the reports say" }));
    const seen = new Set(events.map((e) => e.modality || "occurred"));
    for (const [label, key] of [["happened", "occurred"], ["claimed", "claimed"], ["denied", "denied"],
      ["threatened or planned", "threatened"], ["other (simulated, feared…)", "other"]]) {
      const matches = key === "other"
        ? [...seen].some((m) => !(m in MODALITY_STYLE))
        : seen.has(key) || (key === "threatened" && seen.has("planned"));
      if (!matches) continue;
      body.appendChild(el("div", { "data-modality": key }, [legendSymbol(MODALITY_STYLE[key], "#888"), label]));
    }
    body.appendChild(el("div", { className: "hint", text: "Size: fatalities · numbers: events in a cluster" }));
    legend.appendChild(body);
  }

  // --- timeline: stacked bars by type, an axis, a brush ---------------------------------------------

  const timeline = { x0: 0, x1: 0, start: 0, end: 0, dragging: null };

  const STEPS = [
    ["day", DAY], ["2 days", 2 * DAY], ["week", 7 * DAY], ["2 weeks", 14 * DAY],
    ["month", 30 * DAY], ["quarter", 91 * DAY], ["half year", 182 * DAY], ["year", 365 * DAY],
  ];

  function binOf(ms, unit) {
    const d = new Date(ms);
    if (unit === "day") return ms;
    if (unit === "week") return ms - ((d.getUTCDay() + 6) % 7) * DAY; // Monday
    return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
  }

  function nextBin(ms, unit) {
    if (unit === "day") return ms + DAY;
    if (unit === "week") return ms + 7 * DAY;
    const d = new Date(ms);
    return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
  }

  function tickLabel(ms, step) {
    const d = new Date(ms);
    const month = d.toLocaleString("en-GB", { month: "short", timeZone: "UTC" });
    if (step >= 365 * DAY) return String(d.getUTCFullYear());
    if (step >= 30 * DAY) return month + " " + d.getUTCFullYear();
    return d.getUTCDate() + " " + month;
  }

  function ticks(start, end, width) {
    const wanted = Math.max(2, Math.floor(width / 80));
    const [, step] = STEPS.find(([, s]) => (end - start) / s <= wanted) || STEPS[STEPS.length - 1];
    const out = [];
    let t;
    if (step >= 30 * DAY) {
      const months = Math.round(step / (30 * DAY));
      const d = new Date(start);
      let m = Math.ceil((d.getUTCFullYear() * 12 + d.getUTCMonth()) / months) * months;
      for (t = Date.UTC(Math.floor(m / 12), m % 12, 1); t <= end; m += months, t = Date.UTC(Math.floor(m / 12), m % 12, 1)) {
        if (t >= start) out.push(t);
      }
    } else {
      const first = step === 7 * DAY || step === 14 * DAY ? binOf(start, "week") + 7 * DAY : Math.ceil(start / step) * step;
      for (t = first; t <= end; t += step) out.push(t);
    }
    return { step, ticks: out };
  }

  function drawTimeline() {
    const svg = document.getElementById("timeline-svg");
    clear(svg);
    const width = svg.clientWidth || 600;
    const height = svg.clientHeight || 120;
    const dated = state.events.filter((e) => !Number.isNaN(dayOf(e.event_date)));
    if (!dated.length) return;
    const days = dated.map((e) => dayOf(e.event_date));
    const first = Math.min(...days);
    const last = Math.max(...days);
    const spanDays = (last - first) / DAY;
    const unit = spanDays <= 120 ? "day" : spanDays <= 730 ? "week" : "month";
    timeline.start = binOf(first, unit) - (unit === "day" ? DAY : 0);
    timeline.end = nextBin(binOf(last, unit), unit) + (unit === "day" ? DAY : 0);
    const padLeft = 28;
    const padRight = 12;
    const axisY = height - 18;
    timeline.x0 = padLeft;
    timeline.x1 = width - padRight;
    // Counts per bin and type.
    const bins = new Map();
    for (const event of dated) {
      const bin = binOf(dayOf(event.event_date), unit);
      if (!bins.has(bin)) bins.set(bin, new Map());
      const counts = bins.get(bin);
      counts.set(typeOf(event), (counts.get(typeOf(event)) || 0) + 1);
    }
    let top = 1;
    for (const counts of bins.values()) top = Math.max(top, [...counts.values()].reduce((a, b) => a + b, 0));
    const yOf = (n) => axisY - ((axisY - 8) * n) / top;
    const bars = svgEl("g", { class: "bars" });
    for (const [bin, counts] of bins) {
      const a = xOf(bin);
      const w = Math.max(2, xOf(nextBin(bin, unit)) - a - 1);
      const inside = !state.range || (nextBin(bin, unit) > state.range[0] && bin <= state.range[1]);
      let below = 0;
      for (const type of TYPES) {
        const n = counts.get(type);
        if (!n) continue;
        const rect = svgEl("rect", {
          x: a, y: yOf(below + n), width: w, height: yOf(below) - yOf(below + n),
          fill: TYPE_COLOURS[type] || UNCODED_COLOUR,
          class: "bar" + (inside ? "" : " outside"),
          "data-type": type, "data-bin": isoOf(bin), "data-count": n,
        });
        const title = svgEl("title");
        title.textContent = isoOf(bin) + (unit === "day" ? "" : " (" + unit + ")") + ": " + n + " × " + type;
        rect.appendChild(title);
        bars.appendChild(rect);
        below += n;
      }
    }
    svg.appendChild(bars);
    // Axes: dates below, the highest count on the left.
    const axis = svgEl("g", { class: "axis" });
    axis.appendChild(svgEl("line", { x1: timeline.x0, x2: timeline.x1, y1: axisY, y2: axisY, class: "domain" }));
    const scale = ticks(timeline.start, timeline.end, timeline.x1 - timeline.x0);
    for (const t of scale.ticks) {
      const x = xOf(t);
      axis.appendChild(svgEl("line", { x1: x, x2: x, y1: axisY, y2: axisY + 4 }));
      // Labels at either end are anchored inwards so that none is cut off by the edge.
      const anchor = x > timeline.x1 - 25 ? "end" : x < timeline.x0 + 25 ? "start" : "middle";
      const label = svgEl("text", { x, y: height - 3, "text-anchor": anchor, class: "tick" });
      label.textContent = tickLabel(t, scale.step);
      axis.appendChild(label);
    }
    for (const n of [0, top]) {
      const label = svgEl("text", { x: padLeft - 4, y: yOf(n) + 3, "text-anchor": "end", class: "count" });
      label.textContent = String(n);
      axis.appendChild(label);
    }
    svg.appendChild(axis);
    svg.setAttribute("data-unit", unit);
    if (state.range) {
      const a = xOf(Math.max(state.range[0], timeline.start));
      const b = xOf(Math.min(state.range[1] + DAY, timeline.end));
      svg.appendChild(svgEl("rect", { x: a, y: 2, width: Math.max(1, b - a), height: axisY - 2, class: "brush" }));
    }
  }

  function xOf(ms) {
    return timeline.x0 + ((ms - timeline.start) / (timeline.end - timeline.start)) * (timeline.x1 - timeline.x0);
  }

  function msOf(x) {
    const f = Math.min(1, Math.max(0, (x - timeline.x0) / (timeline.x1 - timeline.x0)));
    return timeline.start + f * (timeline.end - timeline.start);
  }

  function initBrush() {
    const svg = document.getElementById("timeline-svg");
    const local = (evt) => evt.clientX - svg.getBoundingClientRect().left;
    svg.addEventListener("mousedown", (evt) => {
      timeline.dragging = local(evt);
    });
    window.addEventListener("mousemove", (evt) => {
      if (timeline.dragging == null) return;
      const a = Math.min(timeline.dragging, local(evt));
      const b = Math.max(timeline.dragging, local(evt));
      let brush = svg.querySelector(".brush");
      if (!brush) {
        brush = svgEl("rect", { y: 2, height: (svg.clientHeight || 120) - 20, class: "brush" });
        svg.appendChild(brush);
      }
      brush.setAttribute("x", a);
      brush.setAttribute("width", Math.max(1, b - a));
    });
    window.addEventListener("mouseup", (evt) => {
      if (timeline.dragging == null) return;
      const a = Math.min(timeline.dragging, local(evt));
      const b = Math.max(timeline.dragging, local(evt));
      timeline.dragging = null;
      if (b - a < 3) {
        setRange(null);
        return;
      }
      const day = (ms) => Math.floor(ms / DAY) * DAY;
      setRange([day(msOf(a)), day(msOf(b))]);
    });
    document.getElementById("clear-brush").addEventListener("click", () => setRange(null));
    for (const id of ["f-since", "f-until"]) {
      document.getElementById(id).addEventListener("change", rangeFromInputs);
    }
  }

  function rangeFromInputs() {
    const since = dayOf(document.getElementById("f-since").value);
    const until = dayOf(document.getElementById("f-until").value);
    if (Number.isNaN(since) && Number.isNaN(until)) {
      setRange(null);
      return;
    }
    const a = Number.isNaN(since) ? -8.64e15 : since;
    const b = Number.isNaN(until) ? 8.64e15 : until;
    setRange([Math.min(a, b), Math.max(a, b)]);
  }

  function setRange(range) {
    state.range = range;
    document.getElementById("clear-brush").disabled = !range;
    const finite = (ms) => (range && Math.abs(ms) < 8e15 ? isoOf(ms) : "");
    document.getElementById("f-since").value = range ? finite(range[0]) : "";
    document.getElementById("f-until").value = range ? finite(range[1]) : "";
    render(true); // the map follows the dates: it fits the events of the range
    loadTallies();
  }

  // --- table ------------------------------------------------------------------------------------

  function drawTable(events) {
    const body = document.querySelector("#events-table tbody");
    clear(body);
    for (const event of events) {
      const swatch = el("span", { className: "swatch" });
      swatch.style.background = colourOf(event);
      const row = el("tr", { "data-event-id": event.event_id }, [
        el("td", { className: "date", text: event.event_date || "" }),
        el("td", {}, [swatch, typeOf(event)]),
        el("td", { text: event.sub_event_type || event.plover || "" }),
        el("td", { text: event.actor1 || "" }),
        el("td", { text: event.actor2 || "" }),
        el("td", { text: event.location || event.admin1 || "" }),
        el("td", { text: event.country || "" }),
        el("td", { text: event.fatalities == null ? "" : event.fatalities }),
        el("td", { text: event.modality || "" }),
        el("td", { text: event.n_documents || 1 }),
      ]);
      if (event.event_id === state.selected) row.classList.add("selected");
      row.addEventListener("click", () => selectEvent(event.event_id));
      body.appendChild(row);
    }
  }

  // --- side panel: evidence of one event, tallies ---------------------------------------------------

  function showTab(name) {
    for (const tab of ["evidence", "tallies"]) {
      document.getElementById("tab-" + tab).setAttribute("aria-selected", String(tab === name));
      document.getElementById(tab).hidden = tab !== name;
    }
  }

  // The article text as text nodes, with each evidence span wrapped in <mark>.
  function highlighted(text, spans) {
    const container = el("div", { className: "article-text" });
    const sorted = spans
      .filter((s) => Number.isInteger(s.start) && Number.isInteger(s.end) && s.start < s.end)
      .sort((a, b) => a.start - b.start);
    let pos = 0;
    for (const span of sorted) {
      const start = Math.max(span.start, pos);
      const end = Math.min(span.end, text.length);
      if (start >= end) continue;
      container.appendChild(document.createTextNode(text.slice(pos, start)));
      container.appendChild(el("mark", { className: "evidence", text: text.slice(start, end) }));
      pos = end;
    }
    container.appendChild(document.createTextNode(text.slice(pos)));
    return container;
  }

  function sourceList(sources) {
    return el("ul", { className: "sources" }, sources.map((s) =>
      el("li", { text: s.name + " (" + s.type + (s.channel ? ", via " + s.channel : "") + ")" })));
  }

  function field(dl, name, value) {
    if (value == null || value === "") return;
    dl.appendChild(el("dt", { text: name }));
    dl.appendChild(el("dd", { text: value }));
  }

  async function selectEvent(eventId) {
    state.selected = eventId;
    showTab("evidence");
    for (const row of document.querySelectorAll("#events-table tbody tr")) {
      row.classList.toggle("selected", row.getAttribute("data-event-id") === eventId);
    }
    const panel = document.getElementById("evidence");
    clear(panel);
    panel.appendChild(el("p", { className: "hint", text: "Loading…" }));
    let event;
    try {
      event = await getJSON("/events/" + encodeURIComponent(eventId));
    } catch (err) {
      clear(panel);
      panel.appendChild(el("p", { className: "error", text: err.message }));
      return;
    }
    const documents = await Promise.all(event.documents.map((d) =>
      getJSON("/documents/" + encodeURIComponent(d.doc_id)).catch(() => null)));
    if (state.selected !== eventId) return; // another event was clicked meanwhile
    clear(panel);
    panel.setAttribute("data-event-id", eventId);
    panel.appendChild(el("h2", { text: typeOf(event) + (event.sub_event_type ? " · " + event.sub_event_type : "") }));
    if (event.notes) panel.appendChild(el("p", { className: "notes", text: event.notes }));
    const dl = el("dl");
    field(dl, "Date", event.date_start && event.date_end && event.date_start !== event.date_end
      ? event.date_start + " – " + event.date_end : event.event_date);
    field(dl, "Actor 1", event.actor1 && event.actor1_text ? event.actor1 + " (“" + event.actor1_text + "”)" : event.actor1);
    field(dl, "Actor 2", event.actor2 && event.actor2_text ? event.actor2 + " (“" + event.actor2_text + "”)" : event.actor2);
    field(dl, "Location", [event.location, event.admin2, event.admin1, event.country].filter(Boolean).join(", "));
    field(dl, "Fatalities", event.fatalities == null ? null : event.fatalities_qualifier + " " + event.fatalities);
    field(dl, "Modality", event.modality);
    field(dl, "PLOVER / CAMEO", [event.plover, event.cameo].filter(Boolean).join(" / "));
    field(dl, "Confidence", event.confidence == null ? null : event.confidence.toFixed(2));
    panel.appendChild(dl);
    panel.appendChild(el("h3", { text: "Sources" }));
    panel.appendChild(sourceList(event.sources || []));
    event.documents.forEach((support, i) => {
      const doc = documents[i];
      const heading = (support.title || "Untitled") + " — " + (support.outlet || "unknown outlet") +
        (support.published ? ", " + support.published : "");
      panel.appendChild(el("h3", { text: heading }));
      if (support.url) panel.appendChild(el("p", { className: "hint", text: support.url }));
      panel.appendChild(sourceList(support.sources || []));
      if (doc) panel.appendChild(highlighted(doc.text, support.evidence || []));
      else panel.appendChild(el("p", { className: "error", text: "Document text unavailable." }));
    });
    const first = panel.querySelector("mark.evidence");
    if (first && first.scrollIntoView) first.scrollIntoView({ block: "nearest" });
    const marker = markersById.get(eventId);
    for (const [id, m] of markersById) {
      m.setStyle({ weight: id === eventId ? 3 : modalityStyle(state.events.find((e) => e.event_id === id) || {}).weight });
    }
    if (marker) {
      clusters.zoomToShowLayer(marker, () => {
        marker.bringToFront();
        marker.openTooltip();
      });
    }
  }

  function tallyCount(t) {
    return (t.count_qualifier && t.count_qualifier !== "exact" ? t.count_qualifier + " " : "") + t.count;
  }

  function drawTallies() {
    const panel = document.getElementById("tallies");
    clear(panel);
    const tab = document.getElementById("tab-tallies");
    tab.textContent = "Tallies (" + state.tallies.length + ")";
    if (!state.tallies.length) {
      panel.appendChild(el("p", { className: "hint", text: "No tallies for these filters." }));
      return;
    }
    panel.appendChild(el("p", { className: "hint", text:
      "Aggregate statements (“85 attacks since October 18”): who counts what, since when. " +
      "They are never expanded into events. Click one to read it in its article." }));
    for (const t of state.tallies) {
      const item = el("article", { className: "tally", "data-tally-id": t.tally_id }, [
        el("p", { className: "headline", text: tallyCount(t) + " " + (t.counted || "") }),
      ]);
      const dl = el("dl");
      field(dl, "Counted by", (t.sources || []).map((s) => s.name).join("; ") || t.outlet);
      field(dl, "Who", [t.actor1, t.actor2].filter(Boolean).join(" vs "));
      field(dl, "Since", t.period_start);
      field(dl, "Until", t.period_end);
      field(dl, "Where", [t.admin1, t.country].filter(Boolean).join(", "));
      field(dl, "Killed", t.fatalities == null ? null : (t.fatalities_qualifier || "") + " " + t.fatalities);
      field(dl, "Injured", t.injuries == null ? null : (t.injuries_qualifier || "") + " " + t.injuries);
      field(dl, "Modality", t.modality);
      field(dl, "Reported by", t.outlet);
      item.appendChild(dl);
      for (const span of t.evidence || []) item.appendChild(el("blockquote", { text: span.text }));
      item.addEventListener("click", () => showTallyDocument(t));
      panel.appendChild(item);
    }
  }

  async function showTallyDocument(t) {
    if (!t.doc_id) return;
    state.selected = null;
    showTab("evidence");
    const panel = document.getElementById("evidence");
    clear(panel);
    let doc;
    try {
      doc = await getJSON("/documents/" + encodeURIComponent(t.doc_id));
    } catch (err) {
      panel.appendChild(el("p", { className: "error", text: err.message }));
      return;
    }
    panel.setAttribute("data-tally-id", t.tally_id);
    panel.removeAttribute("data-event-id");
    panel.appendChild(el("h2", { text: "Tally: " + tallyCount(t) + " " + (t.counted || "") }));
    panel.appendChild(el("h3", { text: (doc.title || "Untitled") + " — " + (doc.outlet || "unknown outlet") +
      (doc.published ? ", " + doc.published : "") }));
    panel.appendChild(sourceList(t.sources || []));
    panel.appendChild(highlighted(doc.text, t.evidence || []));
  }

  let talliesRequest = 0;

  async function loadTallies() {
    const params = new URLSearchParams({ limit: "1000" });
    const country = document.getElementById("f-country").value.trim();
    if (country) params.set("country", country);
    for (const [name, value] of rangeParams()) params.set(name, value);
    const request = ++talliesRequest;
    try {
      const page = await getJSON("/tallies?" + params.toString());
      if (request !== talliesRequest) return;
      state.tallies = page.tallies;
    } catch (err) {
      state.tallies = [];
      setStatus("Could not load tallies: " + err.message, true);
    }
    drawTallies();
  }

  // --- loading, filtering, downloading ----------------------------------------------------------

  function serverFilters() {
    const params = new URLSearchParams();
    for (const [name, id] of [["event_type", "f-type"], ["country", "f-country"],
      ["actor", "f-actor"], ["modality", "f-modality"]]) {
      const value = document.getElementById(id).value.trim();
      if (value) params.set(name, value);
    }
    return params;
  }

  function rangeParams() {
    if (!state.range) return [];
    const out = [];
    if (Math.abs(state.range[0]) < 8e15) out.push(["since", isoOf(state.range[0])]);
    if (Math.abs(state.range[1]) < 8e15) out.push(["until", isoOf(state.range[1])]);
    return out;
  }

  function updateDownloads() {
    const params = serverFilters();
    for (const [name, value] of rangeParams()) params.set(name, value);
    for (const fmt of ["csv", "geojson"]) {
      const query = new URLSearchParams(params);
      query.set("format", fmt);
      document.getElementById("download-" + fmt).setAttribute("href", "/events/export?" + query.toString());
    }
  }

  async function loadEvents() {
    setStatus("Loading…");
    const events = [];
    const params = serverFilters();
    params.set("limit", String(PAGE));
    let total = 0;
    try {
      for (let offset = 0; offset < MAX_EVENTS; offset += PAGE) {
        params.set("offset", String(offset));
        const page = await getJSON("/events?" + params.toString());
        total = page.total;
        events.push(...page.events);
        if (events.length >= total || !page.events.length) break;
      }
    } catch (err) {
      setStatus("Could not load events: " + err.message, true);
      return;
    }
    state.events = events;
    const countries = document.getElementById("countries");
    if (!countries.childElementCount) {
      for (const name of [...new Set(events.map((e) => e.country).filter(Boolean))].sort()) {
        countries.appendChild(el("option", { value: name }));
      }
    }
    render(true);
    loadTallies();
  }

  function inRange(event) {
    if (!state.range) return true;
    const start = dayOf(event.date_start || event.event_date);
    const end = dayOf(event.date_end || event.event_date);
    if (Number.isNaN(start)) return false;
    return end >= state.range[0] && start <= state.range[1];
  }

  let lastPoints = [];

  function render(refit) {
    const visible = state.events.filter(inRange);
    lastPoints = drawMarkers(visible);
    drawLegend(state.events);
    drawTimeline();
    drawTable(visible);
    updateDownloads();
    const range = rangeParams().map(([name, value]) => name + " " + value).join(", ");
    setStatus(visible.length + " of " + state.events.length + " events" + (range ? " (" + range + ")" : ""));
    if (refit) fit(lastPoints, "dense");
  }

  function initControls() {
    const typeSelect = document.getElementById("f-type");
    for (const name of Object.keys(TYPE_COLOURS)) typeSelect.appendChild(el("option", { value: name, text: name }));
    const modality = document.getElementById("f-modality");
    for (const name of MODALITIES) modality.appendChild(el("option", { value: name, text: name }));
    document.getElementById("filters").addEventListener("submit", (evt) => {
      evt.preventDefault();
      loadEvents();
    });
    document.getElementById("fit-all").addEventListener("click", () => fit(lastPoints, "all"));
    document.getElementById("fit-dense").addEventListener("click", () => fit(lastPoints, "dense"));
    document.getElementById("tab-evidence").addEventListener("click", () => showTab("evidence"));
    document.getElementById("tab-tallies").addEventListener("click", () => showTab("tallies"));
  }

  async function main() {
    initControls();
    initBrush();
    initMap();
    await Promise.all([loadBaseLayers(), loadEvents()]);
    window.addEventListener("resize", () => drawTimeline());
    document.body.setAttribute("data-ready", "true");
  }

  main();
})();
