// The analyst's view of stored events: map, brushable timeline, table and evidence panel.
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
  const MODALITIES = ["occurred", "claimed", "denied", "planned", "threatened", "simulated",
    "hypothetical", "feared", "negated"];
  const PAGE = 1000;
  const MAX_EVENTS = 20000;
  const DAY = 86400000;

  const state = { events: [], range: null, selected: null };
  let map = null;
  let markerLayer = null;
  const markersById = new Map();
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
    for (const [key, value] of Object.entries(attrs || {})) node.setAttribute(key, String(value));
    return node;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  function typeOf(event) {
    return event.event_type || UNCODED;
  }

  function colourOf(event) {
    return TYPE_COLOURS[event.event_type] || UNCODED_COLOUR;
  }

  function dayOf(iso) {
    return iso ? Date.parse(iso.slice(0, 10) + "T00:00:00Z") : NaN;
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

  // --- map ------------------------------------------------------------------------------------

  async function initMap() {
    map = L.map("map", { worldCopyJump: true, preferCanvas: false }).setView([33.5, 40.5], 5);
    map.attributionControl.addAttribution("Boundaries: Natural Earth (world-atlas)");
    markerLayer = L.layerGroup().addTo(map);
    try {
      const topo = await getJSON("/static/vendor/countries-50m.json");
      const countries = topojson.feature(topo, topo.objects.countries);
      L.geoJSON(countries, {
        style: { color: "#8a8a8a", weight: 0.8, fillColor: "#f2efe9", fillOpacity: 1 },
        interactive: false,
      }).addTo(map);
      markerLayer.eachLayer((m) => m.bringToFront && m.bringToFront());
    } catch (err) {
      setStatus("Basemap unavailable: " + err.message, true);
    }
  }

  function tooltipFor(event) {
    return el("div", {}, [
      el("strong", { text: typeOf(event) }),
      el("br"),
      (event.event_date || "undated") + " · " + (event.location || event.admin1 || event.country || ""),
      el("br"),
      (event.actor1 || "unknown actor") + (event.actor2 ? " vs " + event.actor2 : ""),
    ]);
  }

  function drawMarkers(events) {
    markerLayer.clearLayers();
    markersById.clear();
    const points = [];
    for (const event of events) {
      if (event.latitude == null || event.longitude == null) continue;
      const marker = L.circleMarker([event.latitude, event.longitude], {
        radius: 6 + Math.min(6, 2 * ((event.n_documents || 1) - 1)),
        color: "#222",
        weight: 1,
        fillColor: colourOf(event),
        fillOpacity: 0.85,
        className: "event-marker",
      });
      marker.bindTooltip(tooltipFor(event));
      marker.on("click", () => selectEvent(event.event_id));
      marker.addTo(markerLayer);
      const path = marker.getElement && marker.getElement();
      if (path) path.setAttribute("data-event-id", event.event_id);
      markersById.set(event.event_id, marker);
      points.push([event.latitude, event.longitude]);
    }
    return points;
  }

  function drawLegend(events) {
    const legend = document.getElementById("legend");
    if (!legendAdded && map) {
      legendAdded = true;
      // The legend lives in the map's bottom-left corner as a Leaflet control.
      const control = L.control({ position: "bottomleft" });
      control.onAdd = () => legend;
      control.addTo(map);
    }
    clear(legend);
    const present = new Set(events.map(typeOf));
    for (const [name, colour] of [...Object.entries(TYPE_COLOURS), [UNCODED, UNCODED_COLOUR]]) {
      if (!present.has(name)) continue;
      const swatch = el("span", { className: "swatch" });
      swatch.style.background = colour;
      legend.appendChild(el("div", {}, [swatch, name]));
    }
  }

  // --- timeline with a brush --------------------------------------------------------------------

  const timeline = { svg: null, x0: 0, x1: 0, start: 0, end: 0, dragging: null };

  function drawTimeline() {
    const svg = document.getElementById("timeline-svg");
    timeline.svg = svg;
    clear(svg);
    const width = svg.clientWidth || 600;
    const height = svg.clientHeight || 100;
    const days = state.events.map((e) => dayOf(e.event_date)).filter((d) => !Number.isNaN(d));
    if (!days.length) return;
    const pad = 20;
    timeline.start = Math.min(...days) - DAY;
    timeline.end = Math.max(...days) + 2 * DAY;
    timeline.x0 = pad;
    timeline.x1 = width - pad;
    const span = timeline.end - timeline.start;
    const binDays = Math.max(1, Math.ceil(span / DAY / 120));
    const bins = new Map();
    for (const d of days) {
      const bin = timeline.start + Math.floor((d - timeline.start) / (binDays * DAY)) * binDays * DAY;
      bins.set(bin, (bins.get(bin) || 0) + 1);
    }
    const top = Math.max(...bins.values());
    const barWidth = Math.max(2, ((timeline.x1 - timeline.x0) * binDays * DAY) / span - 1);
    for (const [bin, count] of bins) {
      const h = ((height - 30) * count) / top;
      const inRange = !state.range || (bin + binDays * DAY > state.range[0] && bin <= state.range[1]);
      const bar = svgEl("rect", {
        x: xOf(bin), y: height - 18 - h, width: barWidth, height: h,
        class: "bar" + (inRange ? " in-range" : ""),
      });
      const title = svgEl("title");
      title.textContent = isoOf(bin) + ": " + count + " event" + (count === 1 ? "" : "s");
      bar.appendChild(title);
      svg.appendChild(bar);
    }
    for (const [ms, anchor] of [[timeline.start + DAY, "start"], [timeline.end - 2 * DAY, "end"]]) {
      const label = svgEl("text", { x: xOf(ms), y: height - 4, class: "axis", "text-anchor": anchor });
      label.textContent = isoOf(ms);
      svg.appendChild(label);
    }
    if (state.range) {
      const a = xOf(state.range[0]);
      const b = xOf(state.range[1] + DAY);
      svg.appendChild(svgEl("rect", { x: a, y: 2, width: Math.max(1, b - a), height: height - 22, class: "brush" }));
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
        brush = svgEl("rect", { y: 2, height: (svg.clientHeight || 100) - 22, class: "brush" });
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
  }

  function setRange(range) {
    state.range = range;
    document.getElementById("clear-brush").disabled = !range;
    render(false);
  }

  // --- table ------------------------------------------------------------------------------------

  function drawTable(events) {
    const body = document.querySelector("#events-table tbody");
    clear(body);
    for (const event of events) {
      const swatch = el("span", { className: "swatch" });
      swatch.style.background = colourOf(event);
      const row = el("tr", { "data-event-id": event.event_id }, [
        el("td", { text: event.event_date || "" }),
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

  // --- evidence panel ---------------------------------------------------------------------------

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
    for (const [id, m] of markersById) m.setStyle({ weight: id === eventId ? 3 : 1 });
    const marker = markersById.get(eventId);
    if (marker) {
      marker.bringToFront();
      marker.openTooltip();
    }
  }

  // --- loading and filtering --------------------------------------------------------------------

  function queryString() {
    const params = new URLSearchParams();
    for (const [name, id] of [["event_type", "f-type"], ["country", "f-country"],
      ["actor", "f-actor"], ["modality", "f-modality"]]) {
      const value = document.getElementById(id).value.trim();
      if (value) params.set(name, value);
    }
    return params;
  }

  async function loadEvents() {
    setStatus("Loading…");
    const events = [];
    const params = queryString();
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
    render(true);
  }

  function inRange(event) {
    if (!state.range) return true;
    const start = dayOf(event.date_start || event.event_date);
    const end = dayOf(event.date_end || event.event_date);
    if (Number.isNaN(start)) return false;
    return end >= state.range[0] && start <= state.range[1];
  }

  function render(fit) {
    const visible = state.events.filter(inRange);
    const points = drawMarkers(visible);
    drawLegend(state.events);
    drawTimeline();
    drawTable(visible);
    const range = state.range ? " between " + isoOf(state.range[0]) + " and " + isoOf(state.range[1]) : "";
    setStatus(visible.length + " of " + state.events.length + " events" + range);
    if (fit && points.length) map.fitBounds(points, { padding: [30, 30], maxZoom: 8 });
  }

  function initFilters() {
    const typeSelect = document.getElementById("f-type");
    for (const name of Object.keys(TYPE_COLOURS)) typeSelect.appendChild(el("option", { value: name, text: name }));
    const modality = document.getElementById("f-modality");
    for (const name of MODALITIES) modality.appendChild(el("option", { value: name, text: name }));
    document.getElementById("filters").addEventListener("submit", (evt) => {
      evt.preventDefault();
      loadEvents();
    });
  }

  async function main() {
    initFilters();
    initBrush();
    await initMap();
    await loadEvents();
    window.addEventListener("resize", () => drawTimeline());
    document.body.setAttribute("data-ready", "true");
  }

  main();
})();
