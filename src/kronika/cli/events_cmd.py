"""`kronika events` and `kronika timeline`: the ledger's events, filtered, as a table, a day-by-day view or an export.

Each makes one call into kronika.ledger (list_events, timeline, day_counts) with the library's filters under the
library's names; the library checks their values (a wrong one is a one-line error).
"""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer
from rich.table import Table

from kronika.cli._console import cell, make_console, qualified, safe
from kronika.cli._options import (
    ClaimantOption,
    ContestedOption,
    DbOption,
    FiguresOption,
    LimitOption,
    NearOption,
    OutputOption,
    PlaceOption,
    QOption,
    SinceOption,
    TypeOption,
    UntilOption,
    check_format,
    existing_ledger,
    format_option,
    machine_summary,
)
from kronika.cli.events_export import write_events
from kronika.errors import KronikaError
from kronika.ledger import DayCount, EventRow, TimelineDay, day_counts, list_events, timeline
from kronika.ledger.export import event_dict
from kronika.ledger.export_records import EXPORT_FORMATS
from kronika.store import open_store

FORMATS = ("table", *EXPORT_FORMATS)
TIMELINE_FORMATS = ("text", "jsonl")

out = make_console(highlight=False, soft_wrap=False)
err = make_console(stderr=True, highlight=False)


def parse_near(value: str | None) -> tuple[float, float, float] | None:
    """'LAT,LON,KM' as the (lat, lon, km) the library takes (it checks the ranges)."""
    if value is None:
        return None
    try:
        lat, lon, km = (float(part) for part in value.split(","))
    except ValueError:
        raise KronikaError(f"--near wants LAT,LON,KM (e.g. 50.45,30.52,25), got {value!r}") from None
    return lat, lon, km


def filters(since: str | None, until: str | None, type: list[str] | None, place: list[str] | None,
            near: str | None, claimant: list[str] | None, contested: bool | None, q: str | None) -> dict[str, object]:
    """The event filters as list_events takes them (a repeated option is a list: any of its values matches)."""
    return dict(since=since, until=until, type=type or None, place=place or None, near=parse_near(near),
                claimant=claimant or None, contested=contested, q=q)


def figures_text(row: EventRow, limit: int = 4) -> str:
    """'killed ≥10, injured 9?': the overall current figures, a contested one marked '?'."""
    parts = []
    for kind, fig in sorted(row.figures.items()):
        mark = "?" if fig.contested else ""
        parts.append(f"{kind.replace('_', ' ')} {qualified(fig.value, fig.qualifier)}{mark}")
    return ", ".join(parts[:limit]) + (" …" if len(parts) > limit else "")


def place_text(row: EventRow) -> str:
    place = row.event.place
    if place is None:
        return "-"
    region = f", {place.admin1}" if place.admin1 and place.admin1 != place.name else ""
    return f"{place.name}{region}"


# ---------------------------------------------------------------------------------------------- events


def events_cmd(
    db: DbOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    type: TypeOption = None,
    place: PlaceOption = None,
    near: NearOption = None,
    claimant: ClaimantOption = None,
    contested: ContestedOption = None,
    q: QOption = None,
    limit: LimitOption = None,
    cursor: Annotated[
        str | None, typer.Option("--cursor", help="Continue a --limit listing where it stopped (printed on stderr).")
    ] = None,
    format: Annotated[str, format_option(FORMATS, "table")] = "table",
    output: OutputOption = None,
    figures: FiguresOption = "latest",
) -> None:
    """List ledger events, filtered; export them as JSON Lines, tidy CSV, ACLED-shaped CSV, Parquet or GeoJSON.

    Repeated --type, --place and --claimant keep every value (an event matching any of them); different filters
    all apply. With --limit, the line on stderr gives the --cursor of the next page.
    """
    check_format(format, FORMATS)
    with open_store(existing_ledger(db), readonly=True) as store:
        rows = list_events(store, **filters(since, until, type, place, near, claimant, contested, q),
                           limit=limit, cursor=cursor, figures=figures)
        if format != "table" or output is not None:
            write_events(store, rows, format, output)
    if format == "table" and output is None:
        print_events(rows)
    if rows.next_cursor:
        err.print(f"more events: add --cursor {rows.next_cursor}")


def print_events(rows: list[EventRow]) -> None:
    table = Table(show_lines=False, caption="figures: ≥ at least · > more than · ~ about · ≤ up to · ? contested")
    table.add_column("event", no_wrap=True)  # ids are copied into `kronika show`: never break them
    for col in ("date", "type", "place", "status", "sources", "figures"):
        table.add_column(col, overflow="fold")
    for row in rows:
        ev = row.event
        when = ev.date or "undated"
        if ev.date_to:
            when += f"..{ev.date_to[5:]}"
        status = ev.status + (" (contested)" if ev.contested and ev.status != "contested" else "")
        values = (ev.id, when, ev.type, place_text(row), status, str(ev.source_count), figures_text(row))
        table.add_row(*map(cell, values))
    out.print(table)
    out.print(f"{len(rows)} event(s)")


# ---------------------------------------------------------------------------------------------- timeline


def timeline_cmd(
    db: DbOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    type: TypeOption = None,
    place: PlaceOption = None,
    near: NearOption = None,
    claimant: ClaimantOption = None,
    contested: ContestedOption = None,
    q: QOption = None,
    limit: LimitOption = None,
    counts: Annotated[bool, typer.Option("--counts", help="Events per day and type instead of each event.")] = False,
    format: Annotated[str, format_option(TIMELINE_FORMATS, "text")] = "text",
) -> None:
    """A readable day-by-day view of the ledger (the filters of `kronika events`).

    --format jsonl prints one object per day: {"date", "events": [...]} with the records of `kronika events
    --format jsonl`, or with --counts {"date", "events", "types", "contested", "killed"} as /api/timeline gives.
    """
    check_format(format, TIMELINE_FORMATS)
    chosen = filters(since, until, type, place, near, claimant, contested, q)
    if counts and limit is not None:
        raise KronikaError("--limit counts events; --counts gives one row per day: use --since/--until instead")
    with open_store(existing_ledger(db), readonly=True) as store:
        if counts:
            tally = day_counts(store, **chosen)
        else:
            days = timeline(store, **chosen, limit=limit)
    if counts:
        if format == "jsonl":
            for d in tally:
                _jsonl({"date": d.date, "events": d.events, "types": d.types, "contested": d.contested,
                        "killed": d.killed})
            machine_summary(f"{len(tally)} day(s), {sum(d.events for d in tally)} event(s)")
        else:
            print_counts(tally)
        return
    if format == "jsonl":
        timeline_jsonl(days)
    else:
        print_timeline(days)


def timeline_jsonl(days: list[TimelineDay]) -> None:
    """One line per day: {"date", "events": [the records of `kronika events --format jsonl`]}."""
    for day in days:
        _jsonl({"date": day.date, "events": [event_dict(row) for row in day.events]})
    machine_summary(f"{len(days)} day(s), {sum(len(d.events) for d in days)} event(s)")


def _jsonl(record: dict) -> None:
    sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")


def print_timeline(days: list[TimelineDay]) -> None:
    for day in days:
        out.print(f"\n[bold]{safe(day.date or 'undated')}[/]")
        for row in day.events:
            ev = row.event
            flags = []
            if ev.contested:
                flags.append("[red]contested[/]")
            flags.append(f"{ev.source_count} source{'s' if ev.source_count != 1 else ''}")
            out.print(
                f"  {safe(ev.type):<12} {safe(place_text(row)):<32} {safe(figures_text(row, limit=6))}"
                f"  [dim]{' · '.join(flags)} · {safe(ev.id)}[/]"
            )
            if ev.summary:
                room = max(40, out.width - 18)  # one line per summary keeps the day readable
                summary = ev.summary if len(ev.summary) <= room else ev.summary[: room - 3] + "..."
                out.print(f'  [dim]{"":<12} "{safe(summary)}"[/]')
    if not days:
        out.print("the ledger has no events in that range")
    else:
        out.print(f"\n{len(days)} day(s), {sum(len(d.events) for d in days)} event(s)")


def print_counts(days: list[DayCount]) -> None:
    table = Table()
    for col in ("day", "events", "by type", "contested", "killed"):
        table.add_column(col, justify="right" if col in ("events", "contested", "killed") else "left")
    for d in days:
        types = ", ".join(f"{t} {n}" for t, n in sorted(d.types.items()))
        table.add_row(d.date or "undated", str(d.events), types, str(d.contested), str(d.killed))
    out.print(table)
    out.print(f"{len(days)} day(s), {sum(d.events for d in days)} event(s)")


def register_events(app: typer.Typer) -> None:
    app.command("events")(events_cmd)


def register_timeline(app: typer.Typer) -> None:
    app.command("timeline")(timeline_cmd)
