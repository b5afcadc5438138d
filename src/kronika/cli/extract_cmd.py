"""`kronika extract`: articles in, one JSON object (or a table) per document out."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from kronika.cli._console import cell, make_console, printable, qualified, safe
from kronika.cli._options import FollowSymlinksOption, LimitOption, QuietOption, check_format, format_option
from kronika.errors import RejectedInput
from kronika.models import DocumentResult

FORMATS = ("jsonl", "table")


def _table(result: DocumentResult, console: Console) -> None:
    d = result
    head = f"[bold]{safe(d.path)}[/bold]" + (f"  {safe(d.url)}" if d.url else "")
    head += f"  published={d.published or '—'}"
    if d.date_conflict:
        head += f"  [yellow](metadata says {safe(d.metadata_date)})[/yellow]"
    head += f"  stories={len(d.stories)}"
    console.print(head)
    table = Table(show_lines=False, expand=False)
    for col in ("type", "date", "place", "claimed by", "figures", "quote"):
        table.add_column(col, overflow="fold")
    for e in d.events:
        place = e.location.name if e.location else "—"
        if e.location and e.location.admin1 and e.location.admin1 != e.location.name:
            place += f" ({e.location.admin1})"
        figs = ", ".join(f"{f.kind}={qualified(f.value, f.qualifier)}" for f in e.figures)
        quote = e.quote if len(e.quote) <= 110 else e.quote[:107] + "…"
        table.add_row(*map(cell, (e.type, e.date or "—", place, e.claimed_by or "—", figs or "—", quote)))
    console.print(table)


def extract_command(
    paths: Annotated[list[Path], typer.Argument(help="Text, HTML or JSON Lines files, or directories; - for stdin.")],
    fmt: Annotated[str, format_option(FORMATS, "jsonl")] = "jsonl",
    include_text: Annotated[
        bool, typer.Option("--include-text", help="Add the cleaned text to each document.")
    ] = False,
    limit: LimitOption = None,
    quiet: QuietOption = False,
    follow_symlinks: FollowSymlinksOption = False,
) -> None:
    """Extract dated, placed, attributed events from news articles.

    Prints, for jsonl, one JSON object per input document: {"document": {...}, "events": [...]}. Rejected inputs
    (empty, binary, undecodable, too large, broken) get a one-line reason on stderr; the exit status is 1 when
    any input was rejected, 0 otherwise. --limit stops after that many documents (rejected inputs not counted).
    The table marks each figure's qualifier: ≥ at least, > more than, ~ about, ≤ up to.
    """
    check_format(fmt, FORMATS)
    from kronika.pipeline import extract_paths

    err = make_console(stderr=True)
    out = make_console(soft_wrap=True) if fmt == "table" else None
    done = rejected = events = 0
    for result in extract_paths([str(p) for p in paths], follow_symlinks=follow_symlinks):
        if isinstance(result, RejectedInput):
            rejected += 1
            print(f"kronika: rejected {printable(result.path)}: {printable(result.reason)}", file=sys.stderr)
            continue
        done += 1
        events += len(result.events)
        if out is not None:
            _table(result, out)
        else:
            sys.stdout.write(json.dumps(result.to_dict(include_text=include_text), ensure_ascii=False) + "\n")
            sys.stdout.flush()
        if not quiet and done % 100 == 0:
            err.print(f"[dim]… {done} documents, {events} events[/dim]")
        if limit is not None and done >= limit:
            break
    if not quiet:
        err.print(f"[dim]extract: {done} documents, {events} events, {rejected} rejected[/dim]")
    if rejected:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    """Add `kronika extract`."""
    app.command("extract")(extract_command)
