// The map page: filters (carried in the URL, so a view is a permalink), the map of events (clustered, colour by
// type, size by toll) over the shipped outlines, the day-by-day timeline that selects a day and moves the map,
// and the list of the events shown (the keyboard's way to every event page).
import {
  TYPES,
  TYPE_COLOURS,
  TYPE_LABELS,
  el,
  eventHref,
  filtersFromURL,
  formatValue,
  getJSON,
  placeText,
  showError,
  toll,
  typeBadge,
} from "./common.js";
import { drawTimeline } from "./timeline.js";

const PAGE = 10000; // the API's largest GeoJSON page
const MAX_EVENTS = 100000; // a bound on what one browser tab is asked to draw
const LIST_LIMIT = 300;
const UKRAINE = [[44.3, 22.1], [52.4, 40.2]];

const form = document.getElementById("filters");
const status = document.getElementById("status");
const mapNode = document.getElementById("map");
const list = document.getElementById("events-list");
const dayBar = document.getElementById("day-bar");
const timelineNode = document.getElementById("timeline");

let map;
let clusters;
let features = []; // every event the filters match, loaded page by page
let days = []; // the timeline of the same filters
let selectedDay = null;
let loadToken = 0;
let shownSearch = window.location.search; // the query string the page shows
let markersAdded = null; // called once the markers being added are all on the map

function buildTypeBoxes(params) {
  const chosen = new Set(params.getAll("type"));
  const boxes = document.getElementById("type-boxes");
  boxes.replaceChildren(
    ...TYPES.map((type) =>
      el(
        "label",
        { class: "check" },
        el("input", { type: "checkbox", name: "type", value: type, checked: chosen.has(type) }),
        el("span", { class: `swatch type-${type}`, "aria-hidden": "true" }),
        ` ${TYPE_LABELS[type]}`,
      ),
    ),
  );
}

function fillForm(params) {
  buildTypeBoxes(params);
  for (const name of ["since", "until", "place", "claimant", "q"]) {
    form.elements[name].value = params.get(name) || "";
  }
  form.elements.contested.checked = params.get("contested") === "true";
}

function readForm() {
  const params = new URLSearchParams();
  for (const name of ["since", "until"]) {
    if (form.elements[name].value) params.set(name, form.elements[name].value);
  }
  for (const box of form.querySelectorAll("input[name=type]:checked")) params.append("type", box.value);
  for (const name of ["place", "claimant", "q"]) {
    const value = form.elements[name].value.trim();
    if (value) params.set(name, value);
  }
  if (form.elements.contested.checked) params.set("contested", "true");
  return params;
}

function currentFilters() {
  return filtersFromURL();
}

function writeURL(filters, day, push) {
  const params = new URLSearchParams(filters);
  if (day) params.set("day", day);
  const url = `${window.location.pathname}${params.toString() ? `?${params}` : ""}`;
  if (push) window.history.pushState(null, "", url);
  else window.history.replaceState(null, "", url);
  shownSearch = window.location.search;
}

function initMap(config) {
  map = L.map(mapNode, { zoomControl: true, keyboard: true, minZoom: 3, maxZoom: config.tiles ? 18 : 12 }).fitBounds(UKRAINE);
  mapNode.setAttribute("aria-label", "Map of events; arrow keys pan, plus and minus zoom");
  if (config.tiles) {
    L.tileLayer(config.tiles, { attribution: config.tiles_attribution || "", maxZoom: 18 }).addTo(map);
  }
  map.attributionControl.addAttribution("Outlines: Natural Earth");
  getJSON("/static/basemap.geojson")
    .then((outlines) => {
      L.geoJSON(outlines, {
        interactive: false,
        style: (f) => ({
          className: `outline outline-${f.properties.kind}${config.tiles ? " over-tiles" : ""}`,
          weight: f.properties.kind === "country" ? 1 : 0.7,
        }),
      }).addTo(map).bringToBack();
    })
    .catch(() => {
      status.append(" (the base map outlines did not load)");
    });
  clusters = L.markerClusterGroup({
    chunkedLoading: true,
    chunkInterval: 400, // ms of work per chunk: fewer pauses for 10k markers, still responsive for 100k
    chunkDelay: 20,
    // the page is ready once the last chunk of markers is on the map, not when adding them starts
    chunkProgress: (processed, total) => {
      if (processed === total && markersAdded) window.requestAnimationFrame(markersAdded);
    },
    showCoverageOnHover: false,
    maxClusterRadius: 40,
    spiderfyOnMaxZoom: true,
  });
  map.addLayer(clusters);
}

function radius(props) {
  return Math.min(24, 5 + 2.5 * Math.sqrt(toll(props.figures)));
}

function popup(props) {
  const figures = Object.entries(props.figures)
    .slice(0, 4)
    .map(([kind, f]) => `${kind.replaceAll("_", " ")} ${formatValue(f.value, f.qualifier)}${f.contested ? "?" : ""}`);
  return el(
    "div",
    { class: "popup" },
    el("a", { href: eventHref(props.id) }, `${TYPE_LABELS[props.type] || props.type}, ${placeText(props)}`),
    el("div", {}, `${props.date || "undated"} · ${props.sources} source${props.sources === 1 ? "" : "s"}`),
    figures.length ? el("div", {}, figures.join(", ")) : null,
    props.contested ? el("div", { class: "contested" }, "contested") : null,
  );
}

function onDay(props, day) {
  if (!props.date) return false;
  return props.date <= day && day <= (props.date_to || props.date);
}

function shown() {
  return selectedDay ? features.filter((f) => onDay(f.properties, selectedDay)) : features;
}

function render(fit) {
  const visible = shown();
  const placed = visible.filter((f) => f.geometry);
  const markers = placed.map((f) => {
    const [lon, lat] = f.geometry.coordinates;
    const p = f.properties;
    const marker = L.circleMarker([lat, lon], {
      radius: radius(p),
      color: p.contested ? "#111" : "#fff",
      dashArray: p.contested ? "3 2" : null,
      weight: p.contested ? 2 : 1,
      fillColor: TYPE_COLOURS[p.type] || "#616161",
      fillOpacity: 0.85,
      className: `event-marker type-${p.type}`,
    });
    marker.bindPopup(() => popup(p));
    return marker;
  });
  mapNode.dataset.state = "drawing";
  performance.mark("kronika:markers-built");
  markersAdded = () => {
    markersAdded = null;
    performance.mark("kronika:markers-shown");
    mapNode.dataset.events = String(placed.length);
    mapNode.dataset.day = selectedDay || "";
    mapNode.dataset.state = "ready";
  };
  clusters.clearLayers();
  clusters.addLayers(markers);
  if (fit && markers.length) {
    map.fitBounds(L.featureGroup(markers).getBounds().pad(0.2), { maxZoom: 9 });
  } else if (fit) {
    map.fitBounds(UKRAINE);
  }
  const unplaced = visible.length - placed.length;
  const where = selectedDay ? ` on ${selectedDay}` : "";
  status.textContent =
    `${visible.length} event${visible.length === 1 ? "" : "s"}${where}; ${placed.length} on the map` +
    (unplaced ? `, ${unplaced} without a place` : "") +
    (features.length >= MAX_EVENTS ? ` (only the first ${MAX_EVENTS} loaded: narrow the filters)` : "");
  renderList(visible);
  drawTimeline(timelineNode, days, selectedDay, selectDay);
  renderDayBar();
}

function renderList(visible) {
  const items = visible.slice(0, LIST_LIMIT).map((f) => {
    const p = f.properties;
    const t = toll(p.figures);
    return el(
      "li",
      {},
      el("a", { href: eventHref(p.id) }, `${p.date || "undated"} · ${placeText(p)}`),
      " ",
      typeBadge(p.type),
      p.contested ? el("span", { class: "badge contested" }, "contested") : null,
      t ? el("span", { class: "toll" }, ` ${t} killed or injured`) : null,
      el("div", { class: "summary" }, p.summary),
    );
  });
  if (visible.length > LIST_LIMIT) {
    items.push(el("li", { class: "more" }, `… and ${visible.length - LIST_LIMIT} more (choose a day or narrow the filters)`));
  }
  if (!items.length) items.push(el("li", { class: "more" }, "No events match these filters."));
  list.replaceChildren(...items);
}

function renderDayBar() {
  const dated = days.filter((d) => d.date).map((d) => d.date);
  const index = selectedDay ? dated.indexOf(selectedDay) : -1;
  const step = (delta) => () => {
    if (!dated.length) return;
    const next = index < 0 ? (delta > 0 ? 0 : dated.length - 1) : Math.min(dated.length - 1, Math.max(0, index + delta));
    selectDay(dated[next]);
  };
  const input = el("input", { type: "date", id: "day-input", value: selectedDay || "", min: dated[0], max: dated.at(-1) });
  input.addEventListener("change", () => selectDay(input.value || null));
  const prev = el("button", { type: "button", id: "day-prev" }, "◀ Previous day");
  const next = el("button", { type: "button", id: "day-next" }, "Next day ▶");
  const all = el("button", { type: "button", id: "day-all", disabled: !selectedDay }, "All days");
  prev.addEventListener("click", step(-1));
  next.addEventListener("click", step(1));
  all.addEventListener("click", () => selectDay(null));
  dayBar.replaceChildren(el("label", { for: "day-input" }, "Day "), input, prev, next, all);
}

function selectDay(day) {
  selectedDay = day || null;
  writeURL(currentFilters(), selectedDay, true);
  render(true);
}

async function loadEvents(filters) {
  const token = ++loadToken;
  mapNode.dataset.state = "loading";
  status.textContent = "Loading events…";
  const loaded = [];
  let cursor = null;
  do {
    const params = new URLSearchParams(filters);
    params.set("limit", String(PAGE));
    if (cursor) params.set("cursor", cursor);
    const page = await getJSON("/api/events.geojson", params);
    if (token !== loadToken) return null; // newer filters were applied meanwhile
    loaded.push(...page.features);
    cursor = page.next_cursor;
    if (cursor) status.textContent = `Loading events… ${loaded.length}`;
  } while (cursor && loaded.length < MAX_EVENTS);
  return loaded;
}

function fetchView(filters) {
  return Promise.all([loadEvents(filters), getJSON("/api/timeline", filters)]);
}

async function apply(push, fit, pending = null) {
  shownSearch = window.location.search;
  const filters = currentFilters();
  const day = new URLSearchParams(window.location.search).get("day");
  selectedDay = day && /^\d{4}-\d{2}-\d{2}$/.test(day) ? day : null;
  fillForm(filters);
  try {
    const [loaded, timeline] = await (pending || fetchView(filters));
    if (loaded === null) return;
    performance.mark("kronika:events-loaded");
    features = loaded;
    days = timeline.days;
    render(fit);
  } catch (error) {
    mapNode.dataset.state = "error";
    showError(status, error);
  }
  if (push) list.focus({ preventScroll: true });
}

function legend() {
  const node = document.getElementById("legend");
  node.replaceChildren(
    ...TYPES.map((type) => el("span", { class: "legend-item" }, el("span", { class: `swatch type-${type}` }), TYPE_LABELS[type])),
    el("span", { class: "legend-item" }, "size: killed and injured · dashed: contested"),
  );
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  writeURL(readForm(), null, true);
  apply(false, true);
});
window.addEventListener("popstate", () => {
  if (window.location.search === shownSearch) return; // a jump to an anchor (the skip link), not a new view
  apply(false, true);
});

async function start() {
  legend();
  const pending = fetchView(currentFilters()); // the events load while the map is set up
  pending.catch(() => {}); // apply() reports a failure
  let config = { tiles: null, tiles_attribution: null };
  try {
    config = await getJSON("/api/config");
  } catch {
    // the map works without the config: outlines only
  }
  initMap(config);
  await apply(false, Boolean(new URLSearchParams(window.location.search).get("day")), pending);
}

start();
