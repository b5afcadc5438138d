// Small SVG charts of our own, drawn with text nodes and attributes only (no inline style: the CSP forbids it).
import { svg } from "./common.js";

export const SERIES = 8; // CSS classes series-0 .. series-7

// The top of a 4-tick axis of counts: every tick a whole number (1, 2, 5, 10, 20, 25, 50, ... per tick).
function niceMax(value) {
  const tick = Math.max(1, value / 4);
  const power = 10 ** Math.floor(Math.log10(tick));
  for (const m of [1, 2, 2.5, 5, 10]) {
    const step = m * power;
    if (step >= tick && Number.isInteger(step)) return 4 * step;
  }
  return 40 * power;
}

function yAxis(chart, max, left, top, height, width) {
  for (let i = 0; i <= 4; i++) {
    const value = (max * i) / 4;
    const y = top + height - (height * i) / 4;
    chart.append(svg("line", { x1: left, x2: left + width, y1: y, y2: y, class: "grid" }));
    chart.append(svg("text", { x: left - 6, y: y + 4, "text-anchor": "end", class: "tick" }, Number.isInteger(value) ? value : value.toFixed(1)));
  }
}

/**
 * One figure's history: a point per report (x: report order, labelled with its day), a line per claimant.
 * `reports` are the API's history items; series are keyed by claimant.
 */
export function historyChart(reports, title) {
  const W = 640, H = 260, L = 48, R = 16, T = 16, B = 56;
  const claimants = [...new Set(reports.map((r) => r.claimant))];
  const max = niceMax(Math.max(...reports.map((r) => r.value)));
  const PAD = 24; // keeps the first and last day labels inside the chart
  const step = reports.length > 1 ? (W - L - R - 2 * PAD) / (reports.length - 1) : 0;
  const x = (i) => (reports.length > 1 ? L + PAD + i * step : L + (W - L - R) / 2);
  const y = (v) => T + (H - T - B) * (1 - v / max);
  const chart = svg("svg", { viewBox: `0 0 ${W} ${H}`, class: "chart history-chart", role: "img", "aria-label": title });
  chart.append(svg("title", {}, title));
  yAxis(chart, max, L, T, H - T - B, W - L - R);
  claimants.forEach((who, n) => {
    const points = reports.map((r, i) => [r, i]).filter(([r]) => r.claimant === who);
    const cls = `series-${n % SERIES}`;
    if (points.length > 1) {
      const d = points.map(([r, i], k) => `${k ? "L" : "M"}${x(i).toFixed(1)},${y(r.value).toFixed(1)}`).join(" ");
      chart.append(svg("path", { d, class: `line ${cls}` }));
    }
    for (const [r, i] of points) {
      const dot = svg("circle", { cx: x(i), cy: y(r.value), r: 5, class: `dot ${cls}${r.qualifier === "exact" ? "" : " bound"}` });
      dot.append(svg("title", {}, `${r.value} (${r.qualifier.replace("_", " ")}) on ${r.reported_on || "an undated report"}, ${r.claimant}`));
      chart.append(dot);
    }
  });
  reports.forEach((r, i) => {
    chart.append(svg("text", { x: x(i), y: H - B + 18, "text-anchor": "middle", class: "tick" }, r.reported_on ? r.reported_on.slice(5) : "?"));
  });
  return { chart, claimants };
}

/** A claimant as the air page names it: with the area when the figures are a regional breakdown. */
export function who(night) {
  return night.area ? `${night.claimant} (${night.area})` : night.claimant;
}

/** The agreement of a row with the record, in a word, and its mark on the chart. */
export function agreementWord(night) {
  if (night.agree === true) return "agrees";
  if (night.agree === false) return "differs";
  return night.reason ? "not compared" : "";
}

/**
 * Air-defence nights: for each night and claimant a pair of bars (launched pale, destroyed full) and the
 * interception rate above; with the reference record, the record's pair beside it (outlined, the same weapon
 * classes as the news row) and a mark for the agreement. `nights` are /api/stats/air items.
 */
export function airChart(nights, claimantIndex, withRecord) {
  const rows = nights.filter((n) => n.launched !== null || n.destroyed !== null);
  const groupWidth = withRecord ? 104 : 56;
  const L = 52, R = 16, T = 40, B = 64;
  const W = Math.max(640, L + R + rows.length * groupWidth);
  const H = 320;
  const top = (n) => Math.max(n.launched || 0, n.destroyed || 0, ...(n.record ? [n.record.launched || 0, n.record.destroyed || 0] : []));
  const max = niceMax(Math.max(1, ...rows.map(top)));
  const y = (v) => T + (H - T - B) * (1 - v / max);
  const label = withRecord ? "Launched and destroyed per night and claimant, beside the reference record" : "Launched and destroyed per night and claimant";
  const chart = svg("svg", { viewBox: `0 0 ${W} ${H}`, width: W, height: H, class: "chart air", role: "img", "aria-label": label });
  yAxis(chart, max, L, T, H - T - B, W - L - R);
  rows.forEach((night, i) => {
    const x0 = L + i * groupWidth + 6;
    const cls = `series-${claimantIndex(who(night)) % SERIES}`;
    const group = svg("g", { class: "night", "data-night": night.date || "undated" });
    const bar = (x, value, key, extra, text) => {
      const rect = svg("rect", { x, y: y(value), width: 20, height: y(0) - y(value), class: `bar ${key} ${extra}` });
      rect.append(svg("title", {}, text));
      group.append(rect);
    };
    for (const [k, key] of ["launched", "destroyed"].entries()) {
      if (night[key] !== null) bar(x0 + k * 22, night[key], key, cls, `${night.date || "undated"}, ${who(night)}: ${night[key]} ${key}`);
    }
    const rec = withRecord ? night.record : null;
    if (rec) {
      for (const [k, key] of ["launched", "destroyed"].entries()) {
        if (rec[key] === null) continue;
        const lost = key === "destroyed" && rec.drones_not_reached ? ` (and ${rec.drones_not_reached} drones lost, not destroyed)` : "";
        bar(x0 + 48 + k * 22, rec[key], key, "record", `${night.date}, the record: ${rec[key]} ${key}${lost}`);
      }
    }
    const centre = x0 + (rec ? 43 : 21);
    if (night.interception_rate !== null) {
      group.append(svg("text", { x: x0 + 21, y: y(Math.max(night.launched || 0, night.destroyed || 0)) - 6, "text-anchor": "middle", class: "rate" }, `${Math.round(night.interception_rate * 100)}%`));
    }
    if (withRecord && night.agree !== null) {
      const mark = svg("g", { class: "agreement-mark" },
        svg("title", {}, night.agree ? "Every figure is the record's" : night.reason_detail || night.reason || "differs"),
        svg("text", { x: centre, y: T - 18, "text-anchor": "middle", class: `agreement ${night.agree ? "agree" : "differ"}` }, night.agree ? "✓ agrees" : "✗ differs"));
      group.append(mark);
    }
    group.append(svg("text", { x: centre, y: H - B + 16, "text-anchor": "middle", class: "tick" }, night.date ? night.date.slice(5) : "?"));
    chart.append(group);
  });
  return chart;
}
