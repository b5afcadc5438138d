"""Analyst corrections: merge, split, retract, and the audit table (`kronika corrections`).

Each command opens the ledger and makes one call into kronika.ledger.corrections; every correction is recorded
with who (--by, default the login name), when and why (--reason, required), and applies again when the same
articles are ingested again (`kronika ingest --reprocess`).
"""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from kronika.cli._console import cell, make_console, safe
from kronika.cli._options import (
    RESULT_FORMATS,
    DbOption,
    LimitOption,
    check_format,
    first,
    format_option,
    print_json,
    print_jsonl,
)
from kronika.cli._options import existing_ledger as _existing
from kronika.ledger.corrections import CorrectionResult, list_corrections, merge_events, retract_document, split_event
from kronika.store import open_store

out = make_console(highlight=False, soft_wrap=False)

ReasonOption = Annotated[str, typer.Option("--reason", "-r", help="Why: recorded in the audit table (required).")]
ByOption = Annotated[str | None, typer.Option("--by", help="Who decides (default: your login name).")]
ResultFormat = Annotated[str, format_option(RESULT_FORMATS, "text")]


def print_result(result: CorrectionResult, format: str) -> None:
    """The correction made: its number and what it changed, as a line (and the events recomputed) or as JSON."""
    if format == "json":
        print_json(result)
        return
    out.print(f"correction #{result.correction_id}: {safe(result.detail)}")
    for event_id in result.events:
        out.print(f"  recomputed {safe(event_id)}")


def merge_cmd(
    keep: Annotated[str, typer.Argument(help="The event that stays.")],
    other: Annotated[str, typer.Argument(help="The event whose reports move into it.")],
    reason: ReasonOption,
    db: DbOption = None,
    by: ByOption = None,
    format: ResultFormat = "text",
) -> None:
    """Merge two events that are one real-world event: OTHER's sources join KEEP."""
    check_format(format, RESULT_FORMATS)
    with open_store(_existing(db)) as store:
        result = merge_events(store, keep, other, why=reason, who=by)
    print_result(result, format)


def split_cmd(
    event_id: Annotated[str, typer.Argument(help="The event holding a report of something else.")],
    source: Annotated[int, typer.Option("--source", "-s", help="The source's number, as `kronika show` lists it.")],
    reason: ReasonOption,
    db: DbOption = None,
    by: ByOption = None,
    format: ResultFormat = "text",
) -> None:
    """Split one source off an event into an event of its own."""
    check_format(format, RESULT_FORMATS)
    with open_store(_existing(db)) as store:
        result = split_event(store, event_id, source, why=reason, who=by)
    print_result(result, format)


def retract_cmd(
    document: Annotated[str, typer.Argument(help="Document id, path, URL or content hash.")],
    reason: ReasonOption,
    db: DbOption = None,
    by: ByOption = None,
    format: ResultFormat = "text",
) -> None:
    """Retract a document: its figures leave the current figures (its reports stay, marked, as history)."""
    check_format(format, RESULT_FORMATS)
    with open_store(_existing(db)) as store:
        result = retract_document(store, document, why=reason, who=by)
    print_result(result, format)


FORMATS = ("table", "jsonl")


def corrections_cmd(
    db: DbOption = None,
    limit: LimitOption = None,
    format: Annotated[str, format_option(FORMATS, "table")] = "table",
) -> None:
    """The audit table: every analyst correction, with who, when and why (oldest first)."""
    check_format(format, FORMATS)
    with open_store(_existing(db), readonly=True) as store:
        rows = first(list_corrections(store), limit)
    if format == "jsonl":
        print_jsonl(rows, "correction(s)")
        return
    table = Table()
    for col in ("#", "action", "target", "who", "when", "why", "what it changed"):
        table.add_column(col, overflow="fold")
    for c in rows:
        table.add_row(str(c.id), c.action, cell(c.target), cell(c.who), c.at, cell(c.why), cell(c.detail))
    out.print(table)
    out.print(f"{len(rows)} correction(s)")


def register(app: typer.Typer) -> None:
    app.command("merge")(merge_cmd)
    app.command("split")(split_cmd)
    app.command("retract")(retract_cmd)
    app.command("corrections")(corrections_cmd)


__all__ = ["register"]
