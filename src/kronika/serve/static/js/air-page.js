// The air-defence page: per night, launched against destroyed for each claimant, with the interception rate.
import { SERIES, airChart, who } from "./charts.js";
import { el, eventHref, getJSON, showError } from "./common.js";

const form = document.getElementById("air-filters");
const status = document.getElementById("status");
const chartNode = document.getElementById("air-chart");
const table = document.getElementById("air-table");

function params() {
  const here = new URLSearchParams(window.location.search);
  const out = new URLSearchParams();
  for (const key of ["since", "until"]) {
    const value = here.get(key);
    if (value && /^\d{4}-\d{2}-\d{2}$/.test(value)) out.set(key, value);
  }
  return out;
}

function n(value) {
  return value === null ? "–" : String(value);
}

function render(nights) {
  const claimants = [...new Set(nights.map(who))];
  const index = (who) => claimants.indexOf(who);
  chartNode.replaceChildren(nights.length ? airChart(nights, index) : el("p", {}, "No air-defence figures in this range."));
  chartNode.dataset.state = "ready";
  chartNode.dataset.nights = String(nights.length);
  document.getElementById("air-legend").replaceChildren(
    ...claimants.map((who, i) => el("span", { class: "legend-item" }, el("span", { class: `swatch series-${i % SERIES}` }), who)),
    el("span", { class: "legend-item" }, "pale bar: launched · full bar: destroyed"),
  );
  const head = ["Night", "Claimant", "Drones", "Drones down", "Missiles", "Missiles down", "All launched", "All down", "Intercepted", "Events"];
  table.replaceChildren(
    el("thead", {}, el("tr", {}, head.map((h) => el("th", { scope: "col" }, h)))),
    el("tbody", {}, nights.map((x) => el("tr", {},
      el("td", {}, x.date || "undated"), el("td", {}, who(x)),
      el("td", { class: "num" }, n(x.drones_launched)), el("td", { class: "num" }, n(x.drones_destroyed)),
      el("td", { class: "num" }, n(x.missiles_launched)), el("td", { class: "num" }, n(x.missiles_destroyed)),
      el("td", { class: "num" }, n(x.launched)), el("td", { class: "num" }, n(x.destroyed)),
      el("td", { class: "num" }, x.interception_rate === null ? "–" : `${Math.round(x.interception_rate * 100)}%`),
      el("td", {}, x.events.map((id) => el("a", { href: eventHref(id) }, "event")).flatMap((a) => [a, " "])),
    ))),
  );
  status.textContent = `${nights.length} night and claimant row${nights.length === 1 ? "" : "s"}`;
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  const out = new URLSearchParams();
  for (const key of ["since", "until"]) if (form.elements[key].value) out.set(key, form.elements[key].value);
  window.history.pushState(null, "", `/air${out.toString() ? `?${out}` : ""}`);
  start();
});
window.addEventListener("popstate", start);

async function start() {
  const p = params();
  for (const key of ["since", "until"]) form.elements[key].value = p.get(key) || "";
  try {
    render((await getJSON("/api/stats/air", p)).nights);
  } catch (error) {
    chartNode.dataset.state = "error";
    showError(status, error);
  }
}

start();
