// The day-by-day timeline: one stacked bar per day (colour by type), every day of the range drawn, empty ones too.
// A click on a day selects it; the chart is one tab stop, where arrow keys move the selection and Escape clears it.
import { TYPES, svg } from "./common.js";

const WIDTH = 1000;
const HEIGHT = 180;
const AXIS = 24;

function addDays(day, n) {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

function dayRange(first, last) {
  const out = [];
  for (let day = first; day <= last && out.length < 20000; day = addDays(day, 1)) out.push(day);
  return out;
}

export function drawTimeline(node, days, selected, onSelect) {
  const dated = days.filter((d) => d.date);
  if (!dated.length) {
    node.replaceChildren(document.createTextNode("No dated events."));
    return;
  }
  const byDay = new Map(dated.map((d) => [d.date, d]));
  const range = dayRange(dated[0].date, dated.at(-1).date);
  const peak = Math.max(...dated.map((d) => d.events));
  const step = WIDTH / range.length;
  const scale = (HEIGHT - AXIS - 8) / peak;
  const chart = svg("svg", {
    viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
    class: "timeline-chart",
    role: "group",
    tabindex: "0",
    "aria-label": `Events per day from ${range[0]} to ${range.at(-1)}; arrow keys choose a day, Escape shows all days`,
  });
  range.forEach((day, i) => {
    const entry = byDay.get(day);
    const x = i * step;
    const group = svg("g", { class: `day${day === selected ? " selected" : ""}`, "data-day": day });
    group.append(svg("rect", { class: "hit", x, y: 0, width: Math.max(step, 1), height: HEIGHT - AXIS }));
    let y = HEIGHT - AXIS;
    for (const type of TYPES) {
      const n = entry ? entry.types[type] || 0 : 0;
      if (!n) continue;
      const h = n * scale;
      y -= h;
      group.append(svg("rect", { class: `bar type-${type}`, x: x + step * 0.1, y, width: Math.max(step * 0.8, 0.5), height: h }));
    }
    const label = entry ? `${day}: ${entry.events} event${entry.events === 1 ? "" : "s"}` : `${day}: no events`;
    group.append(svg("title", {}, label));
    group.addEventListener("click", () => onSelect(day === selected ? null : day));
    chart.append(group);
  });
  // month ticks, or day ticks on a short range
  const ticks = range.length <= 31 ? range : range.filter((d) => d.endsWith("-01"));
  const every = Math.ceil(ticks.length / 12);
  ticks.forEach((day, n) => {
    if (n % every) return;
    const x = range.indexOf(day) * step + step / 2;
    chart.append(svg("text", { x, y: HEIGHT - 6, class: "tick", "text-anchor": "middle" }, range.length <= 31 ? day.slice(5) : day.slice(0, 7)));
  });
  chart.append(svg("line", { x1: 0, x2: WIDTH, y1: HEIGHT - AXIS, y2: HEIGHT - AXIS, class: "axis" }));
  chart.addEventListener("keydown", (event) => {
    const datedDays = dated.map((d) => d.date);
    const at = selected ? datedDays.indexOf(selected) : -1;
    if (event.key === "ArrowRight" || event.key === "ArrowLeft") {
      event.preventDefault();
      const delta = event.key === "ArrowRight" ? 1 : -1;
      const next = at < 0 ? (delta > 0 ? 0 : datedDays.length - 1) : Math.min(datedDays.length - 1, Math.max(0, at + delta));
      onSelect(datedDays[next]);
      document.querySelector(".timeline-chart")?.focus();
    } else if (event.key === "Escape") {
      onSelect(null);
      document.querySelector(".timeline-chart")?.focus();
    }
  });
  node.replaceChildren(chart);
}
