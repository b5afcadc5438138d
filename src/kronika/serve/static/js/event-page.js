// The event page: what happened, who claims what (contested claims side by side), each figure's history as a
// chart and a table, and every source side by side with its quote, claimant, span and links to the article.
import { SERIES, historyChart } from "./charts.js";
import { TYPE_LABELS, el, eventHref, formatValue, getJSON, kindLabel, placeText, showError, typeBadge } from "./common.js";

const root = document.getElementById("event");
const STANCE_WORDS = { claimed: "claims", denied: "denies", reported: "reports" };

function eventId() {
  const parts = window.location.pathname.split("/");
  return decodeURIComponent(parts[parts.length - 1] || "");
}

function header(ev) {
  const when = ev.date ? (ev.date_to ? `${ev.date} to ${ev.date_to}` : ev.date) : "undated";
  const title = `${TYPE_LABELS[ev.type] || ev.type}, ${placeText(ev)}, ${when}`;
  document.title = `kronika · ${title}`;
  return el(
    "header",
    { class: "event-head" },
    el("h1", {}, title),
    el(
      "p",
      { class: "meta" },
      typeBadge(ev.type),
      el("span", { class: `badge status-${ev.status}` }, ev.status),
      ev.contested ? el("span", { class: "badge contested" }, "contested") : null,
      ` ${ev.sources} source${ev.sources === 1 ? "" : "s"}, reported ${ev.first_reported || "?"} to ${ev.last_reported || "?"}`,
      ev.lat !== null ? ` · ${ev.lat.toFixed(4)}, ${ev.lon.toFixed(4)} (${ev.precision})` : "",
    ),
    el("p", { class: "event-id" }, "Event ", el("code", {}, ev.id)),
  );
}

function claims(detail) {
  if (!detail.claims.length) return null;
  const contested = detail.event.contested;
  const sourceNumber = new Map(detail.sources.map((s, i) => [s.id, i + 1]));
  const rows = detail.claims.map((c) =>
    el(
      "tr",
      { class: c.stances.includes("denied") ? "denied" : "" },
      el("th", { scope: "row" }, c.claimant || "no claimant named"),
      el("td", {}, c.stances.map((s) => el("span", { class: `badge stance-${s}` }, STANCE_WORDS[s] || s))),
      el("td", {}, c.source_ids.map((id) => el("a", { href: `#source-${id}` }, `[${sourceNumber.get(id)}]`)).flatMap((a) => [a, " "])),
    ),
  );
  return el(
    "section",
    { class: `claims${contested ? " is-contested" : ""}`, "aria-labelledby": "claims-title" },
    el("h2", { id: "claims-title" }, contested ? "Contested: who claims what" : "Who says so"),
    el("div", { class: "table-wrap" }, el("table", { class: "data" },
      el("thead", {}, el("tr", {}, el("th", { scope: "col" }, "Claimant"), el("th", { scope: "col" }, "Stance"), el("th", { scope: "col" }, "Sources"))),
      el("tbody", {}, rows),
    )),
  );
}

function figure(hist, sourceNumber) {
  const cur = hist.current;
  const range = cur.low !== cur.high ? ` (claims range ${cur.low}–${cur.high})` : "";
  const { chart, claimants } = historyChart(hist.history, `${kindLabel(hist.kind)} as reported over time`);
  const legend = el("p", { class: "legend" }, claimants.map((who, n) =>
    el("span", { class: "legend-item" }, el("span", { class: `swatch series-${n % SERIES}` }), who)));
  const table = el("table", { class: "data history" },
    el("caption", {}, `Every report of ${kindLabel(hist.kind)}`),
    el("thead", {}, el("tr", {}, ["Value", "Reported", "Claimant", "Outlet", "Quote", "Source"].map((h) => el("th", { scope: "col" }, h)))),
    el("tbody", {}, hist.history.map((r) => el("tr", {},
      el("td", { class: "num" }, formatValue(r.value, r.qualifier)),
      el("td", {}, r.reported_on || "undated"),
      el("td", {}, r.claimant),
      el("td", {}, r.outlet || "unknown outlet"),
      el("td", {}, el("q", {}, r.quote)),
      el("td", {}, el("a", { href: `#source-${r.source_id}` }, `[${sourceNumber.get(r.source_id) ?? "?"}]`)),
    ))),
  );
  const byClaimant = hist.by_claimant.length > 1
    ? el("ul", { class: "by-claimant" }, hist.by_claimant.map((c) => el("li", {}, `${c.claimant}: ${formatValue(c.value, c.qualifier)}`)))
    : null;
  return el(
    "article",
    { class: "figure", id: `figure-${hist.kind}` },
    el("h3", {}, `${kindLabel(hist.kind)}: ${formatValue(cur.value, cur.qualifier)}${range}`,
      cur.contested ? el("span", { class: "badge contested" }, "contested") : null),
    byClaimant,
    chart,
    legend,
    el("div", { class: "table-wrap" }, table),
  );
}

// Why a report is in this event: the matcher's decision, score and evidence as the ledger recorded them when the
// report was merged (or the analyst's correction that put it here), the same record `kronika show` prints.
const DECISION_WORDS = {
  new: "First report: this report created the event.",
  matched: "Matched to this event on the evidence",
  possible: "First report of this event; it may be another event's report (the evidence did not decide)",
  analyst: "Placed here by an analyst's correction",
};

function points(p) {
  if (!p) return "";
  return `${p > 0 ? "+" : "−"}${Math.abs(p)}`;
}

function evidenceList(evidence) {
  return el("ul", { class: "evidence" }, evidence.map((e) => el("li", { class: `evidence-${e.feature}` },
    el("span", { class: "feature" }, e.feature),
    e.points ? el("span", { class: "points" }, ` ${points(e.points)}`) : null,
    e.detail ? ` ${e.detail}` : null)));
}

function correctionText(c) {
  return `#${c.id} ${c.action} by ${c.who} at ${c.at}: ${c.why}`;
}

function whyHere(src, corrections) {
  const m = src.match;
  const head = DECISION_WORDS[m.decision] || m.decision;
  const score = m.decision === "matched" && m.score !== null ? `, score ${m.score}` : "";
  const parts = [el("p", { class: "decision" }, `${head}${score}${m.evidence.length ? ":" : ""}`)];
  if (m.evidence.length) parts.push(evidenceList(m.evidence));
  if (m.decision === "analyst") {
    const c = corrections.find((x) => x.id === m.correction);
    if (c) parts.push(el("p", { class: "correction" }, correctionText(c)));
  }
  return el("div", { class: `why decision-${m.decision}`, "data-decision": m.decision }, el("h4", {}, "Why here"), parts);
}

function duplicates(detail) {
  if (!detail.possible_duplicates.length) return null;
  return el("section", { class: "duplicates", "aria-labelledby": "duplicates-title" },
    el("h2", { id: "duplicates-title" }, "Possibly the same event as"),
    el("ul", {}, detail.possible_duplicates.map((d) => el("li", {},
      el("a", { href: eventHref(d.linked) }, d.linked), ` (score ${d.score}; an analyst can settle it with kronika merge):`,
      evidenceList(d.evidence)))));
}

function corrections(detail) {
  if (!detail.corrections.length) return null;
  return el("section", { class: "corrections", "aria-labelledby": "corrections-title" },
    el("h2", { id: "corrections-title" }, "Analyst corrections"),
    el("ul", {}, detail.corrections.map((c) => el("li", {}, correctionText(c), el("span", { class: "detail" }, ` (${c.detail})`)))));
}

function source(src, n, detail) {
  const [start, end] = src.span;
  const stored = `/documents/${src.document_id}?span=${start}-${end}`;
  return el(
    "article",
    { class: "source", id: `source-${src.id}` },
    el("h3", {}, `[${n}] ${src.outlet || "unknown outlet"}`, el("span", { class: "date" }, ` ${src.published || "undated"}`)),
    src.title ? el("p", { class: "title" }, src.title) : null,
    src.retracted ? el("p", { class: "retracted" }, "From a retracted article: kept as history, not counted.") : null,
    el("dl", {},
      el("dt", {}, "Claimant"), el("dd", {}, src.claimant || "none named",
        src.claimant_phrase && src.claimant_phrase !== src.claimant ? el("span", { class: "phrase" }, ` (“${src.claimant_phrase}”)`) : null),
      el("dt", {}, "Stance"), el("dd", {}, src.status),
      el("dt", {}, "Reported as"), el("dd", {}, `${TYPE_LABELS[src.type] || src.type}, ${src.date || "no date"}, ${src.place ? src.place.name : "no place"}`),
      src.actors.length ? [el("dt", {}, "Actors"), el("dd", {}, src.actors.join(", "))] : null,
    ),
    el("blockquote", { class: "quote" }, src.quote),
    el("p", { class: "span" }, `characters ${start}–${end}`),
    src.figures.length
      ? el("ul", { class: "source-figures" }, src.figures.map((f) =>
        el("li", {}, `${kindLabel(f.kind)} ${formatValue(f.value, f.qualifier)}`, f.claimant ? ` (${f.claimant})` : "", ": ", el("q", {}, f.quote))))
      : null,
    whyHere(src, detail.corrections),
    el("p", { class: "links" },
      el("a", { href: stored }, "Stored article text"),
      src.url ? [" · ", el("a", { href: src.url, rel: "noopener noreferrer nofollow", target: "_blank" }, "Original article")] : null),
  );
}

async function start() {
  try {
    const detail = await getJSON(`/api/events/${encodeURIComponent(eventId())}`);
    const sourceNumber = new Map(detail.sources.map((s, i) => [s.id, i + 1]));
    root.replaceChildren(...[
      header(detail.event),
      detail.event.summary ? el("blockquote", { class: "summary" }, detail.event.summary) : null,
      claims(detail),
      detail.figures.length
        ? el("section", { "aria-labelledby": "figures-title" }, el("h2", { id: "figures-title" }, "Figures and their history"),
          el("div", { class: "figures" }, detail.figures.map((h) => figure(h, sourceNumber))))
        : null,
      el("section", { "aria-labelledby": "sources-title" },
        el("h2", { id: "sources-title", tabindex: "-1" }, `Sources (${detail.sources.length})`),
        el("div", { class: "sources" }, detail.sources.map((s, i) => source(s, i + 1, detail)))),
      duplicates(detail),
      corrections(detail),
    ].filter(Boolean)); // replaceChildren would write a null as text
    root.dataset.state = "ready";
  } catch (error) {
    root.dataset.state = "error";
    showError(root, error);
  }
}

start();
