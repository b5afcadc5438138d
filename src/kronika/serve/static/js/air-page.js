// The air-defence page: per night, launched against destroyed for each claimant, with the interception rate, and
// (when the ledger holds a reference record) the record's figures beside them with the agreement.
import { SERIES, agreementWord, airChart, who } from "./charts.js";
import { el, eventHref, getJSON, showError } from "./common.js";

const form = document.getElementById("air-filters");
const status = document.getElementById("status");
const chartNode = document.getElementById("air-chart");
const table = document.getElementById("air-table");
const note = document.getElementById("record-note");
let references = null; // the records the ledger holds, from /api/config

function params() {
  const here = new URLSearchParams(window.location.search);
  const out = new URLSearchParams();
  for (const key of ["since", "until"]) {
    const value = here.get(key);
    if (value && /^\d{4}-\d{2}-\d{2}$/.test(value)) out.set(key, value);
  }
  // the record is shown whenever the ledger holds one, unless the permalink says reference=false
  if (references.includes("ivaniuk") && here.get("reference") !== "false") out.set("reference", "true");
  return out;
}

function n(value, qualifier) {
  if (value === null || value === undefined) return "–";
  const mark = { at_least: "≥", more_than: ">", about: "~", up_to: "≤" }[qualifier] || "";
  return `${mark}${value}`;
}

function recordCell(x, kind) {
  if (!x.record || !(kind in x.record.figures)) return el("td", { class: "num record" }, "–");
  const ok = x.figure_agreement[kind];
  const cls = ok === undefined ? "" : ok ? " agree" : " differ";
  return el("td", { class: `num record${cls}`, title: x.figure_reasons[kind] || "" }, n(x.record.figures[kind]));
}

function render(body, withRecord) {
  const nights = body.nights;
  const claimants = [...new Set(nights.map(who))];
  const index = (name) => claimants.indexOf(name);
  chartNode.replaceChildren(nights.length ? airChart(nights, index, withRecord) : el("p", {}, "No air-defence figures in this range."));
  chartNode.dataset.state = "ready";
  chartNode.dataset.nights = String(nights.length);
  chartNode.dataset.reference = withRecord ? "shown" : "none";
  document.getElementById("air-legend").replaceChildren(...[
    ...claimants.map((name, i) => el("span", { class: "legend-item" }, el("span", { class: `swatch series-${i % SERIES}` }), name)),
    el("span", { class: "legend-item" }, "pale bar: launched · full bar: destroyed"),
    withRecord ? el("span", { class: "legend-item" }, el("span", { class: "swatch record" }), "dashed bars: the reference record, same weapon classes") : null,
  ].filter(Boolean));
  const r = body.record;
  note.replaceChildren(r
    ? `Beside the ${r.source} record (${r.file}, sha256 ${r.sha256.slice(0, 12)}…, ${r.rows_stored} rows, ${r.first_day} to ${r.last_day}, imported ${r.imported_at}).`
    : "");
  const head = ["Night", "Claimant", "Drones", "Drones down", "Missiles", "Missiles down", "All launched", "All down", "Intercepted"];
  const recordHead = ["Record drones", "Record down", "Record missiles", "Record down", "Agreement", "Likely reason"];
  table.replaceChildren(
    el("thead", {}, el("tr", {}, [...head, ...(withRecord ? recordHead : []), "Events"].map((h) => el("th", { scope: "col" }, h)))),
    el("tbody", {}, nights.map((x) => el("tr", { "data-agree": withRecord ? String(x.agree) : null },
      el("td", {}, x.date || "undated"), el("td", {}, who(x)),
      ["drones_launched", "drones_destroyed", "missiles_launched", "missiles_destroyed"].map((k) => el("td", { class: "num" }, n(x[k], x.qualifiers[k]))),
      el("td", { class: "num" }, n(x.launched)), el("td", { class: "num" }, n(x.destroyed)),
      el("td", { class: "num" }, x.interception_rate === null ? "–" : `${Math.round(x.interception_rate * 100)}%`),
      withRecord ? [
        ["drones_launched", "drones_destroyed", "missiles_launched", "missiles_destroyed"].map((k) => recordCell(x, k)),
        el("td", { class: x.agree === null ? "" : x.agree ? "agree" : "differ" }, agreementWord(x) || "–"),
        el("td", { class: "reason" }, x.reason_detail || (x.reason ? x.reason.replaceAll("_", " ") : "")),
      ] : null,
      el("td", {}, x.events.map((id) => el("a", { href: eventHref(id) }, "event")).flatMap((a) => [a, " "])),
    ))),
  );
  let text = `${nights.length} night and claimant row${nights.length === 1 ? "" : "s"}`;
  if (withRecord) {
    const judged = nights.filter((x) => x.agree !== null);
    text += ` · ${judged.filter((x) => x.agree).length} of ${judged.length} compared row${judged.length === 1 ? "" : "s"} agree with the record`;
  }
  status.textContent = text;
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  const out = new URLSearchParams();
  for (const key of ["since", "until"]) if (form.elements[key].value) out.set(key, form.elements[key].value);
  if (references.length && !form.elements.reference.checked) out.set("reference", "false");
  window.history.pushState(null, "", `/air${out.toString() ? `?${out}` : ""}`);
  start();
});
window.addEventListener("popstate", start);

async function start() {
  try {
    if (references === null) references = (await getJSON("/api/config")).references;
    const p = params();
    for (const key of ["since", "until"]) form.elements[key].value = p.get(key) || "";
    const box = form.elements.reference;
    box.disabled = !references.length;
    box.checked = p.get("reference") === "true";
    box.closest("label").title = references.length ? "" : "Import one with kronika reference import ivaniuk PATH";
    render(await getJSON("/api/stats/air", p), p.get("reference") === "true");
  } catch (error) {
    chartNode.dataset.state = "error";
    showError(status, error);
  }
}

start();
