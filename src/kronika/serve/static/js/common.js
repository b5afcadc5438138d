// Shared helpers of kronika's pages. Article text is untrusted: everything from the API enters the page through
// el()/text nodes (never innerHTML), and links only ever point at http(s) URLs or at our own pages.

export const TYPES = ["air_attack", "strike", "ground_claim", "diplomacy", "statement", "other"];
export const TYPE_LABELS = {
  air_attack: "Air attack",
  strike: "Strike",
  ground_claim: "Ground claim",
  diplomacy: "Diplomacy",
  statement: "Statement",
  other: "Other",
};
export const TYPE_COLOURS = {
  air_attack: "#c62828",
  strike: "#ef6c00",
  ground_claim: "#1565c0",
  diplomacy: "#2e7d32",
  statement: "#6a1b9a",
  other: "#616161",
};
export const FILTER_KEYS = ["since", "until", "type", "place", "claimant", "contested", "q", "near"];

/** An element: el("a", {href: "/x", class: "y"}, "text", child, ...). Strings become text nodes. */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  setAttrs(node, attrs);
  append(node, children);
  return node;
}

const SVG_NS = "http://www.w3.org/2000/svg";

/** An SVG element, same calling convention as el(). */
export function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  setAttrs(node, attrs);
  append(node, children);
  return node;
}

function setAttrs(node, attrs) {
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "href" && node.namespaceURI !== SVG_NS && !safeHref(value)) continue;
    node.setAttribute(key, value === true ? "" : String(value));
  }
}

function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Our own paths, and http(s) URLs; nothing else (no javascript:, data:, ...). */
export function safeHref(value) {
  const text = String(value);
  if (text.startsWith("/") && !text.startsWith("//")) return true;
  try {
    const url = new URL(text);
    return url.protocol === "https:" || url.protocol === "http:";
  } catch {
    return false;
  }
}

export function eventHref(id) {
  return `/events/${encodeURIComponent(id)}`;
}

/** GET a JSON document from the API; throws an Error carrying the API's one-line message. */
export async function getJSON(path, params) {
  const query = params && params.toString() ? `?${params}` : "";
  const response = await fetch(`${path}${query}`, { headers: { accept: "application/json" } });
  let body = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (!response.ok) {
    throw new Error((body && body.error) || `${response.status} ${response.statusText}`);
  }
  return body;
}

/** The filters the page URL carries (the permalink), as URLSearchParams with only the known keys. */
export function filtersFromURL(extraKeys = []) {
  const here = new URLSearchParams(window.location.search);
  const out = new URLSearchParams();
  for (const key of [...FILTER_KEYS, ...extraKeys]) {
    for (const value of here.getAll(key)) {
      if (value !== "") out.append(key, value);
    }
  }
  return out;
}

export function showError(where, error) {
  where.replaceChildren(el("p", { class: "error", role: "alert" }, `Could not load: ${error.message}`));
}

export function formatValue(value, qualifier) {
  const words = { at_least: "at least ", more_than: "more than ", about: "about ", up_to: "up to " };
  return `${words[qualifier] || ""}${value}`;
}

export function kindLabel(kind) {
  return kind.replaceAll("_", " ");
}

export function placeText(props) {
  if (!props.place) return "no place";
  return props.region && props.region !== props.place ? `${props.place}, ${props.region}` : props.place;
}

/** The toll a marker is sized by: killed plus injured, as the ledger currently has them. */
export function toll(figures) {
  const killed = figures.killed ? figures.killed.value : 0;
  const injured = figures.injured ? figures.injured.value : 0;
  return killed + injured;
}

export function typeBadge(type) {
  return el("span", { class: `badge type-${type}` }, TYPE_LABELS[type] || type);
}
