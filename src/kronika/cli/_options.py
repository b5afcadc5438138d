"""Options the commands share, spelt once so every command means the same by the same name (the CLI test walks
the app and holds them to it): `--db` (before or after the command, or after a command group), `-f/--format`,
`--limit`, `-o/--output`, `-q/--quiet`, the event filters, and the ledger a command opens.

    kronika --db X stats air   =   kronika stats --db X air   =   kronika stats air --db X
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from kronika.errors import KronikaError
from kronika.models import EVENT_TYPES
from kronika.store import default_db_path

DB_HELP = "Ledger file (default: kronika/ledger.db in your user data directory); also before the command."
DbOption = Annotated[Path | None, typer.Option("--db", help=DB_HELP, show_default=False)]
LimitOption = Annotated[int | None, typer.Option("--limit", min=1, help="At most this many results.")]
OutputOption = Annotated[
    Path | None, typer.Option("--output", "-o", help="Write to this file instead of standard output.")
]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="No progress display and no closing summary.")]
FollowSymlinksOption = Annotated[
    bool, typer.Option("--follow-symlinks", help="Read files that symlinks in a folder point to outside it.")
]
AllowPrivateOption = Annotated[
    bool, typer.Option("--allow-private", help="Let URLs reach loopback and private addresses (your own network).")
]

# the filters of kronika.ledger.list_events, by the library's names; repeatable ones keep every value given
SinceOption = Annotated[str | None, typer.Option("--since", help="On or after this day (YYYY-MM-DD).")]
UntilOption = Annotated[str | None, typer.Option("--until", help="On or before this day (YYYY-MM-DD).")]
TypeOption = Annotated[
    list[str] | None,
    typer.Option("--type", help=f"Event type ({', '.join(EVENT_TYPES)}); repeat for several (any of them)."),
]
PlaceOption = Annotated[
    list[str] | None,
    typer.Option("--place", help="Place, oblast or district name, as the geocoder knows it (Kiev finds Kyiv) or "
                 "a part of it; repeat for several (any of them)."),
]
NearOption = Annotated[str | None, typer.Option("--near", help="LAT,LON,KM: events within KM of a point.")]
ClaimantOption = Annotated[
    list[str] | None,
    typer.Option("--claimant", help="Claimant name or a part of it; repeat for several (any of them)."),
]
ContestedOption = Annotated[
    bool | None,
    typer.Option("--contested/--uncontested", help="Only contested events, or only uncontested ones.",
                 show_default=False),
]
QOption = Annotated[str | None, typer.Option("--q", help="Words a source article of the event contains (all).")]
FiguresOption = Annotated[
    str,
    typer.Option("--figures", help="latest (the current-figures rule) or conservative (ACLED's lowest reading)."),
]


def format_option(choices: tuple[str, ...], default: str) -> object:
    """A `-f/--format` option naming its choices (check_format refuses any other)."""
    return typer.Option("--format", "-f", help=f"Output format: {', '.join(choices)} (default {default}).",
                        show_default=False)


def check_format(value: str, choices: tuple[str, ...]) -> str:
    """`value` when it is one of `choices`; otherwise the one-line error every command gives."""
    if value not in choices:
        raise KronikaError(f"--format must be one of {', '.join(choices)}; got {value!r}")
    return value


# ---------------------------------------------------------------------------------------------- --db


def ledger_db(db: Path | None) -> Path | None:
    """The --db of this invocation, wherever it was given: after the command, after its group (`kronika stats
    --db X air`) or before the command (`kronika --db X events`); None when nowhere. Read from the click contexts
    of the invocation, so nothing carries over from one invocation to the next in one process."""
    from kronika.cli._click import get_current_context

    given: list[Path] = [Path(db)] if db is not None else []
    ctx = get_current_context(silent=True)
    while ctx is not None:
        value = ctx.params.get("db")
        if value is not None:
            given.append(Path(value))
        ctx = ctx.parent
    distinct = list(dict.fromkeys(given))
    if len(distinct) > 1:
        raise KronikaError(f"--db is given twice, as {distinct[-1]} and as {distinct[0]}: give it once")
    return distinct[0] if distinct else None


def ledger_path(db: Path | None) -> Path:
    """The ledger a command writes to: --db wherever it was given, else the default one."""
    return ledger_db(db) or default_db_path()


def existing_ledger(db: Path | None) -> Path:
    """The ledger a reading command reads: it must exist (a mistyped --db never creates an empty ledger)."""
    path = ledger_path(db)
    if not path.is_file():
        raise KronikaError(f"no ledger at {path}: build one with `kronika ingest FILES --db {path}` or `kronika demo`")
    return path


# ---------------------------------------------------------------------------------------------- summaries


def machine_summary(message: str) -> None:
    """The closing line of a command whose standard output is data (jsonl, csv, parquet ...): on stderr, and only
    when a person watches it, so a pipeline's stderr stays empty on success."""
    if sys.stderr.isatty():
        from kronika.cli._console import make_console, safe

        make_console(stderr=True, highlight=False).print(safe(message))


# ---------------------------------------------------------------------------------------------- results

RESULT_FORMATS = ("text", "json")  # the -f of a command that changes something: a summary line, or its JSON


def print_json(record: object) -> None:
    """One JSON object on its own line on standard output (dataclasses as their fields)."""
    import json
    from dataclasses import asdict, is_dataclass

    if is_dataclass(record) and not isinstance(record, type):
        record = asdict(record)
    sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    sys.stdout.flush()


def print_jsonl(rows: list, what: str) -> None:
    """Each row as one JSON line (dataclasses as their fields), then the closing count: "3 correction(s)"."""
    for row in rows:
        print_json(row)
    machine_summary(f"{len(rows)} {what}")


def first(rows: list, limit: int | None) -> list:
    """`rows` cut to `limit` (all of them when None), for the listings the library gives whole."""
    return rows if limit is None else rows[:limit]
