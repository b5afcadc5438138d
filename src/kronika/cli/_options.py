"""Options the commands share, spelt once: `--db` (before or after the command), `-f/--format`, `--limit`,
`-o/--output`, and the ledger a reading command opens.

    kronika --db ledger.db events        the same as   kronika events --db ledger.db
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kronika.errors import KronikaError
from kronika.store import default_db_path

DB_HELP = "Ledger file (default: kronika/ledger.db in your user data directory); also before the command."
DbOption = Annotated[Path | None, typer.Option("--db", help=DB_HELP)]
LimitOption = Annotated[int | None, typer.Option("--limit", min=1, help="At most this many results.")]
OutputOption = Annotated[
    Path | None, typer.Option("--output", "-o", help="Write to this file instead of standard output.")
]


def format_option(choices: tuple[str, ...], default: str) -> object:
    """A `-f/--format` option naming its choices in its help."""
    return typer.Option("--format", "-f", help=f"Output format: {', '.join(choices)} (default {default}).")


def check_format(value: str, choices: tuple[str, ...]) -> str:
    if value not in choices:
        raise KronikaError(f"--format must be one of {', '.join(choices)}; got {value!r}")
    return value


_ROOT: dict[str, Path | None] = {"db": None}


def set_root_db(db: Path | None) -> None:
    """Record the --db given before the command (the app's callback calls this once per invocation)."""
    _ROOT["db"] = db


def ledger_db(db: Path | None) -> Path | None:
    """The --db given after the command, else the one given before it (`kronika --db X ...`), else None."""
    before = _ROOT["db"]
    if db is not None and before is not None and Path(db) != Path(before):
        raise KronikaError(f"--db is given twice, as {before} and as {db}: give it once")
    return db if db is not None else before


def existing_ledger(db: Path | None) -> Path:
    """The ledger a reading command reads: it must exist (a mistyped --db never creates an empty ledger)."""
    path = ledger_db(db) or default_db_path()
    if not Path(path).is_file():
        raise KronikaError(f"no ledger at {path}: build one with `kronika ingest FILES --db {path}` or `kronika demo`")
    return Path(path)


def machine_summary(message: str) -> None:
    """The closing line of a command whose standard output is data (jsonl, csv, parquet ...): on stderr, and only
    when a person watches it, so a pipeline's stderr stays empty on success."""
    import sys

    if sys.stderr.isatty():
        from kronika.cli._console import make_console, safe

        make_console(stderr=True, highlight=False).print(safe(message))
