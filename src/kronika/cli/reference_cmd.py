"""Reference commands: `kronika reference import SOURCE PATH`, `kronika reference list`. `kronika stats air
--reference` (stats_cmd.py) puts the record beside the news.

Each command makes one call into kronika.reference; bad input raises KronikaError, which the `kronika` entry
point turns into one line on stderr. A missing or unreadable record never creates a ledger.
"""

from __future__ import annotations

from contextlib import nullcontext
from dataclasses import asdict
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from kronika.cli._console import cell, make_console, safe
from kronika.cli._options import (
    RESULT_FORMATS,
    DbOption,
    LimitOption,
    QuietOption,
    check_format,
    existing_ledger,
    first,
    format_option,
    ledger_path,
    print_json,
    print_jsonl,
)
from kronika.errors import KronikaError
from kronika.reference import SOURCES, import_ivaniuk, reference_imports
from kronika.reference.importer import attacks_file
from kronika.store import open_store

LIST_FORMATS = ("table", "jsonl")

out = make_console(highlight=False, soft_wrap=False)
err = make_console(stderr=True, highlight=False)


def import_cmd(
    source: Annotated[str, typer.Argument(help=f"The record: {', '.join(SOURCES)}.")],
    path: Annotated[
        Path, typer.Argument(help="missile_attacks_daily.csv, or the folder holding it (and missiles_and_uavs.csv).")
    ],
    db: DbOption = None,
    quiet: QuietOption = False,
    format: Annotated[str, format_option(RESULT_FORMATS, "text")] = "text",
) -> None:
    """Import a reference record you downloaded (kronika ships none); a newer file replaces the older import.

    Ends with a summary line (rows read, stored, rejected; days covered; the file's sha256); each rejected row
    gets a line on stderr and the exit status is then 1. --format json prints the summary as one JSON object.
    The record is read from a file, not standard input: its provenance is the file's path and sha256, and the
    catalogue beside it.
    """
    check_format(format, RESULT_FORMATS)
    if source not in SOURCES:
        raise KronikaError(f"unknown reference record {source!r}; kronika reads: {', '.join(SOURCES)}")
    attacks_file(path)  # a missing record is an error before any ledger is opened (or created)
    reading = nullcontext() if quiet or format == "json" else err.status(f"reading {safe(str(path))}")
    with open_store(ledger_path(db)) as store, reading:
        summary = import_ivaniuk(store, path)
        ledger = store.path
    for line, reason in summary.rejected:
        err.print(f"kronika: rejected line {line}: {safe(reason)}")
    for model, rows in sorted(summary.unclassified.items()):
        err.print(f"model {safe(repr(model))} is in no catalogue and its name says nothing: {rows} row(s) counted "
                  "as neither drone nor missile")
    if format == "json":
        print_json({**asdict(summary), "ledger": ledger})
    elif quiet:
        pass
    elif summary.status == "unchanged":
        out.print(f"{source}: {safe(summary.path)} is already imported (sha256 {summary.file_sha256[:12]}), "
                  f"nothing changed · {summary.rows_stored} rows, {summary.first_day} to {summary.last_day} · "
                  f"ledger: {safe(ledger)}")
    else:
        verb = "replaced the import of " + (summary.previous.imported_at if summary.previous else "?") \
            if summary.status == "replaced" else "imported"
        catalogue = "with catalogue" if summary.catalogue else "no catalogue beside it: weapons classified by name"
        out.print(
            f"{source}: {verb} · {summary.rows_read} rows read, {summary.rows_stored} stored, "
            f"{summary.rows_rejected} rejected · {summary.days} report days ({summary.first_day} to "
            f"{summary.last_day}), {summary.national_nights} with a nationwide overnight report · {catalogue} · "
            f"sha256 {summary.file_sha256[:12]} · ledger: {safe(ledger)}"
        )
    if summary.rejected:
        raise typer.Exit(1)


def list_cmd(
    db: DbOption = None,
    limit: LimitOption = None,
    format: Annotated[str, format_option(LIST_FORMATS, "table")] = "table",
) -> None:
    """The reference records the ledger holds, with their provenance (file, sha256, rows, days, when imported)."""
    check_format(format, LIST_FORMATS)
    path = existing_ledger(db)
    with open_store(path, readonly=True) as store:
        imports = first(reference_imports(store), limit)
    if format == "jsonl":
        print_jsonl(imports, "reference record(s)")
        return
    table = Table(title=f"reference records in {safe(path)}")
    for col in ("source", "file", "sha256", "rows", "rejected", "days", "imported"):
        table.add_column(col, overflow="fold")
    for imp in imports:
        table.add_row(imp.source, cell(imp.path), imp.file_sha256[:12], str(imp.rows_stored), str(imp.rows_rejected),
                      f"{imp.first_day} to {imp.last_day}", imp.imported_at)
    out.print(table)
    out.print(f"{len(imports)} reference record(s)")


def reference_group(db: DbOption = None) -> None:
    """Reference records held against the ledger (e.g. the Air Force's per-night record)."""
    # `kronika reference --db X list` reads X: the commands read --db from the invocation's contexts


def register(app: typer.Typer) -> None:
    """Add `kronika reference import / list`."""
    ref = typer.Typer(add_completion=False, no_args_is_help=True)  # its help is reference_group's docstring
    ref.callback()(reference_group)
    ref.command("import")(import_cmd)
    ref.command("list")(list_cmd)
    app.add_typer(ref, name="reference")


__all__ = ["register"]
