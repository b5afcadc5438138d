"""`kronika search QUERY`: full-text search of the ledger's articles and event quotes (kronika.ledger.text_search)."""

from __future__ import annotations

import csv
import json
import sys
from dataclasses import asdict
from typing import Annotated

import typer
from rich.table import Table

from kronika.cli._console import cell, make_console, safe
from kronika.cli._options import (
    DbOption,
    LimitOption,
    check_format,
    existing_ledger,
    format_option,
    machine_summary,
)
from kronika.errors import KronikaError
from kronika.ledger.export import csv_cell
from kronika.ledger.text_search import SCOPES, search
from kronika.store import open_store
from kronika.store.fulltext import SearchHit

FORMATS = ("table", "jsonl", "csv")
CSV_FIELDS = ("kind", "score", "event_id", "event_type", "document_id", "outlet", "published", "title", "url", "path",
              "snippet", "span_start", "span_end")

out = make_console(highlight=False, soft_wrap=False)


def hit_dict(hit: SearchHit) -> dict[str, object]:
    record = asdict(hit)
    span = record.pop("span")
    record["span_start"], record["span_end"] = span if span else (None, None)
    return record


def search_cmd(
    query: Annotated[list[str], typer.Argument(help="Words to find (all of them); \"a phrase\", prefix*, -exclude.")],
    db: DbOption = None,
    scope: Annotated[
        str, typer.Option("--in", help=f"Where to search: {', '.join(SCOPES)} (articles, event quotes or both).")
    ] = "all",
    fts: Annotated[bool, typer.Option("--fts", help="Read QUERY as SQLite FTS5 syntax (OR, NEAR, column:).")] = False,
    limit: LimitOption = 20,
    format: Annotated[str, format_option(FORMATS, "table")] = "table",
) -> None:
    """Search the ledger's articles and the quotes its events come from, best match first."""
    check_format(format, FORMATS)
    if scope not in SCOPES:
        raise KronikaError(f"--in must be one of {', '.join(SCOPES)}; got {scope!r}")
    with open_store(existing_ledger(db), readonly=True) as store:
        hits = search(store, " ".join(query), scope=scope, limit=limit or 20, syntax="fts5" if fts else "words")
    if format == "jsonl":
        for hit in hits:
            sys.stdout.write(json.dumps(hit_dict(hit), ensure_ascii=False) + "\n")
    elif format == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=CSV_FIELDS, lineterminator="\n")
        writer.writeheader()
        for hit in hits:
            writer.writerow({k: csv_cell(v) for k, v in hit_dict(hit).items()})
    else:
        _print_table(hits)
    documents = sum(h.kind == "document" for h in hits)
    more = limit and max(documents, len(hits) - documents) >= limit
    summary = f"{documents} article(s), {len(hits) - documents} event quote(s) match" + (
        f" (at most {limit} of each: raise --limit for more)" if more else "")
    if format == "table":
        out.print(safe(summary))
    else:
        machine_summary(summary)

def _print_table(hits: list[SearchHit]) -> None:
    table = Table(show_lines=False)
    table.add_column("match", no_wrap=True)
    table.add_column("event", no_wrap=True)
    for col in ("outlet", "published", "snippet", "source"):
        table.add_column(col, overflow="fold")
    for hit in hits:
        what = "article" if hit.kind == "document" else f"quote ({hit.event_type})"
        source = hit.url or hit.path
        table.add_row(*map(cell, (what, hit.event_id or "", hit.outlet or "", hit.published or "", hit.snippet,
                                  source)))
    out.print(table)


def register(app: typer.Typer) -> None:
    app.command("search")(search_cmd)
