// A stored article: its cleaned text (the text every quote span points into), the quoted span marked.
import { el, eventHref, getJSON, showError } from "./common.js";

const root = document.getElementById("document");

function span() {
  const match = /^(\d+)-(\d+)$/.exec(new URLSearchParams(window.location.search).get("span") || "");
  return match ? [Number(match[1]), Number(match[2])] : null;
}

function body(text, marked) {
  const node = el("div", { class: "article-text" });
  if (!marked || marked[0] >= marked[1] || marked[1] > text.length) {
    node.append(text);
    return node;
  }
  const [start, end] = marked;
  node.append(text.slice(0, start), el("mark", { id: "quote", tabindex: "-1" }, text.slice(start, end)), text.slice(end));
  return node;
}

async function start() {
  const id = window.location.pathname.split("/").pop();
  try {
    const doc = await getJSON(`/api/documents/${encodeURIComponent(id)}`);
    document.title = `kronika · ${doc.title || doc.path}`;
    root.replaceChildren(
      el("h1", {}, doc.title || doc.path),
      el("p", { class: "meta" }, `${doc.outlet || "unknown outlet"} · ${doc.published || "undated"} · ${doc.path}`,
        doc.url ? [" · ", el("a", { href: doc.url, rel: "noopener noreferrer nofollow", target: "_blank" }, "original")] : null),
      doc.events.length ? el("p", {}, "Events from this article: ",
        doc.events.map((e) => el("a", { href: eventHref(e) }, e)).flatMap((a) => [a, " "])) : null,
      body(doc.text, span()),
    );
    root.dataset.state = "ready";
    document.getElementById("quote")?.scrollIntoView({ block: "center" });
  } catch (error) {
    root.dataset.state = "error";
    showError(root, error);
  }
}

start();
