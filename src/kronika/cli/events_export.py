"""`kronika events --format csv|acled|parquet|geojson [-o FILE]`: the ledger's exports, written to standard
output or to a file (written whole under a temporary name, then renamed: an interrupted export never leaves
half a file under the name asked for). A one-line summary goes to stderr.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from pathlib import Path

from kronika.cli._console import make_console, safe
from kronika.cli._options import machine_summary
from kronika.errors import KronikaError
from kronika.ledger.export_records import BINARY_FORMATS, EXPORT_FORMATS, export_events
from kronika.ledger.queries import EventRow
from kronika.store.base import LedgerStore

err = make_console(stderr=True, highlight=False)


def write_events(store: LedgerStore, rows: Iterable[EventRow], format: str, output: Path | None) -> int:
    """Write `rows` in `format` to `output` (None: standard output); returns the number of events written."""
    if format not in EXPORT_FORMATS:
        raise KronikaError(f"--output takes one of {', '.join(EXPORT_FORMATS)}; got --format {format!r}")
    rows = list(rows)
    binary = format in BINARY_FORMATS
    if output is None:
        if binary and sys.stdout.isatty():
            raise KronikaError("Parquet is binary: give -o FILE.parquet, or redirect standard output to a file")
        n = export_events(store, rows, format, sys.stdout.buffer if binary else sys.stdout)
        sys.stdout.flush()
        machine_summary(f"{n} event(s) written as {format}")
        return n
    output = Path(output)
    if output.is_dir():
        raise KronikaError(f"--output {output} is a folder: give a file name")
    if not output.parent.is_dir():
        raise KronikaError(f"--output {output}: folder {output.parent} does not exist")
    partial = output.with_name(f".{output.name}.partial")
    try:
        with open(partial, "wb" if binary else "w", encoding=None if binary else "utf-8",
                  newline=None if binary else "") as out:
            n = export_events(store, rows, format, out)
        os.replace(partial, output)
    except OSError as exc:
        raise KronikaError(f"cannot write {output}: {exc.strerror or exc}") from None
    finally:
        partial.unlink(missing_ok=True)
    err.print(f"{n} event(s) written as {format} to {safe(output)}")
    return n
