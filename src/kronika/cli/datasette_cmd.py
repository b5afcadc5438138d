"""`kronika datasette-metadata`: Datasette metadata for a ledger (kronika.store.datasette)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from kronika.cli._console import make_console, safe
from kronika.cli._options import DbOption, OutputOption, check_format, existing_ledger, format_option
from kronika.errors import KronikaError
from kronika.store import open_store
from kronika.store.datasette import datasette_metadata, ledger_tables

FORMATS = ("json",)

err = make_console(stderr=True, highlight=False)


def datasette_metadata_cmd(
    db: DbOption = None,
    output: OutputOption = None,
    format: Annotated[str, format_option(FORMATS, "json")] = "json",
) -> None:
    """Print Datasette metadata for the ledger: descriptions and units, canned queries (datasette -m FILE)."""
    check_format(format, FORMATS)
    path = existing_ledger(db)
    with open_store(path, readonly=True):  # checks it is a ledger, at this kronika's schema version
        pass
    text = json.dumps(datasette_metadata(path.stem, ledger_tables(str(path))), ensure_ascii=False, indent=2) + "\n"
    if output is None:
        sys.stdout.write(text)
        return
    try:
        Path(output).write_text(text, encoding="utf-8")
    except OSError as exc:
        raise KronikaError(f"cannot write {output}: {exc.strerror or exc}") from None
    err.print(f"metadata written to {safe(output)}: datasette {safe(path)} --metadata {safe(output)}")


def register(app: typer.Typer) -> None:
    app.command("datasette-metadata")(datasette_metadata_cmd)
