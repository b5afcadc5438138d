"""`kronika stats` (row counts of the ledger) and `kronika stats air` (air-defence figures per night and
claimant, optionally beside the imported reference record); `kronika stats feeds` is added by watch_cmd.py.

Each makes one call into kronika.ledger (ledger_stats, air_stats). `--db` may follow `stats` itself:
`kronika stats --db X air` reads X, as `kronika --db X stats air` and `kronika stats air --db X` do.
"""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer
from rich.table import Table

from kronika.cli._console import cell, make_console, qualified, safe
from kronika.cli._options import (
    DbOption,
    LimitOption,
    SinceOption,
    UntilOption,
    check_format,
    existing_ledger,
    first,
    format_option,
    machine_summary,
)
from kronika.errors import KronikaError
from kronika.ledger import air_stats, ledger_stats
from kronika.ledger.air import AirNight
from kronika.ledger.export import air_to_csv, air_to_jsonl
from kronika.store import open_store

STATS_FORMATS = ("table", "json")
AIR_FORMATS = ("table", "jsonl", "csv")

out = make_console(highlight=False, soft_wrap=False)


def stats_cmd(
    ctx: typer.Context,
    db: DbOption = None,
    format: Annotated[str, format_option(STATS_FORMATS, "table")] = "table",
) -> None:
    """Counts of what the ledger holds (sub-commands: `air`, air-defence figures per night; `feeds`, watched feeds).

    --format json prints {"counts": {...}}, as GET /api/stats does.
    """
    if ctx.invoked_subcommand is not None:  # `kronika stats --db X air` reads X; a --format here would be lost
        if getattr(ctx.get_parameter_source("format"), "name", "DEFAULT") != "DEFAULT":
            raise KronikaError(f"--format goes after `stats {ctx.invoked_subcommand}`, whose formats differ")
        return
    check_format(format, STATS_FORMATS)
    with open_store(existing_ledger(db), readonly=True) as store:
        counts = ledger_stats(store)
        path = store.path
    if format == "json":
        sys.stdout.write(json.dumps({"counts": counts}) + "\n")
        return
    table = Table(title=f"ledger {safe(path)}")
    table.add_column("table")
    table.add_column("rows", justify="right")
    for name, value in counts.items():
        table.add_row(cell(name.replace("_", " ")), str(value))
    out.print(table)


def stats_air_cmd(
    db: DbOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    reference: Annotated[
        bool, typer.Option("--reference", help="Put the imported reference record beside each night.")
    ] = False,
    limit: LimitOption = None,
    format: Annotated[str, format_option(AIR_FORMATS, "table")] = "table",
) -> None:
    """Per night and claimant: drones and missiles launched and destroyed, interception rate (one report's).

    --limit counts rows (a night's regional counts are rows of their own), oldest night first."""
    check_format(format, AIR_FORMATS)
    with open_store(existing_ledger(db), readonly=True) as store:
        nights = first(air_stats(store, since=since, until=until, reference=reference), limit)
    print_air(nights, format, reference)


def _n(v: int | None, qualifier: str | None = None) -> str:
    return qualified(v, qualifier)


def _rate(v: float | None) -> str:
    return "-" if v is None else f"{v:.0%}"


def _drones(night: AirNight) -> str:
    return f"{_n(night.drones_launched, night.qualifiers.get('drones_launched'))}/" \
           f"{_n(night.drones_destroyed, night.qualifiers.get('drones_destroyed'))}"


def _missiles(night: AirNight) -> str:
    text = f"{_n(night.missiles_launched, night.qualifiers.get('missiles_launched'))}/" \
           f"{_n(night.missiles_destroyed, night.qualifiers.get('missiles_destroyed'))}"
    if night.weapons_launched is not None or night.weapons_destroyed is not None:
        text += f" (all {_n(night.weapons_launched)}/{_n(night.weapons_destroyed)})"
    return text


def _record(night: AirNight) -> tuple[str, str]:
    ref = night.reference
    report = None
    if ref is not None:
        report = ref.command(night.claimant_id or "") if night.breakdown else ref.overnight
    if report is None:
        return "-", "-"
    lost = f" +{report.drones_not_reached} lost" if report.drones_not_reached else ""
    day = ""
    if not night.breakdown and ref is not None and ref.daytime is not None:
        day = f" (day {ref.daytime.drones_launched}/{ref.daytime.drones_destroyed})"
    drones = f"{report.drones_launched}/{report.drones_destroyed}{lost}{day}"
    return drones, f"{report.missiles_launched}/{report.missiles_destroyed}"


def print_air(nights: list[AirNight], format: str, reference: bool) -> None:
    """Render `air_stats` rows: a table (breakdowns indented under their night), JSON Lines or CSV."""
    if format == "jsonl":
        for line in air_to_jsonl(nights):
            sys.stdout.write(line + "\n")
        machine_summary(f"{len(nights)} night/claimant row(s)")
        return
    if format == "csv":
        sys.stdout.write(air_to_csv(nights, reference))
        machine_summary(f"{len(nights)} night/claimant row(s)")
        return
    title = "air attacks per night, by claimant" + (" · beside the reference record" if reference else "")
    caption = ("launched/destroyed · rate: destroyed/launched of one report · ↳ a regional count under its night · "
               "≥ at least · > more than · ~ about · ≤ up to")
    table = Table(title=title, caption=caption)
    cols = ["night", "claimant", "drones", "missiles", "rate"]
    if reference:
        cols += ["record drones", "record missiles", "agree", "reason"]
    for col in cols:
        wrap = col in ("claimant", "reason", "record drones")
        table.add_column(col, overflow="fold", no_wrap=not wrap, min_width=18 if col == "claimant" else None)
    last = None
    for night in nights:
        day = night.date or "undated"
        who = night.claimant
        if night.breakdown:
            who = f"  ↳ {who}" + (f" · {night.area}" if night.area else "")
        cells = [day if day != last else "", cell(who), _drones(night), _missiles(night), _rate(night.rate)]
        last = day
        if reference:
            agreement = night.agreement
            flag = "-" if agreement is None or agreement.agree is None else ("yes" if agreement.agree else "no")
            reason = agreement.reason.replace("_", " ") if agreement and agreement.reason else ""
            if agreement and agreement.record_night and agreement.record_night != night.date:
                reason += f" ({agreement.record_night})"
            cells += [*_record(night), flag, cell(reason)]
        table.add_row(*cells)
    out.print(table)
    dated = {n.date for n in nights if n.date}
    summary = f"{len(nights)} night/claimant row(s) over {len(dated)} night(s)"
    if reference:
        judged = [n for n in nights if n.agreement is not None and n.agreement.agree is not None]
        agree = sum(1 for n in judged if n.agreement and n.agreement.agree)
        summary += f" · {agree} of {len(judged)} compared row(s) agree with the record"
    out.print(summary)


def register(app: typer.Typer) -> None:
    """Add the `stats` group and `stats air`."""
    stats_app = typer.Typer(add_completion=False)  # its help is stats_cmd's docstring
    stats_app.callback(invoke_without_command=True)(stats_cmd)
    stats_app.command("air")(stats_air_cmd)
    app.add_typer(stats_app, name="stats")


__all__ = ["print_air", "register"]
