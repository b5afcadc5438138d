"""Reference commands: `kronika reference import SOURCE PATH`, `kronika reference list`; and the rendering of
`kronika stats air` (registered with the ledger commands), which can put the record beside the news.

Each command makes one call into kronika.reference or kronika.ledger; bad input raises KronikaError, which the
`kronika` entry point turns into one line on stderr.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from kronika.cli._console import cell, make_console, safe
from kronika.errors import KronikaError
from kronika.ledger.air import AirNight
from kronika.ledger.export import air_to_csv, air_to_jsonl
from kronika.reference import SOURCES, import_ivaniuk, reference_imports
from kronika.store import default_db_path, open_store

AIR_FORMATS = ("table", "jsonl", "csv")

out = make_console(highlight=False, soft_wrap=False)
err = make_console(stderr=True, highlight=False)

DbOption = Annotated[
    Path | None, typer.Option("--db", help="Ledger file (default: kronika/ledger.db in your user data directory).")
]


def import_cmd(
    source: Annotated[str, typer.Argument(help=f"The record: {', '.join(SOURCES)}.")],
    path: Annotated[
        Path, typer.Argument(help="missile_attacks_daily.csv, or the folder holding it (and missiles_and_uavs.csv).")
    ],
    db: DbOption = None,
) -> None:
    """Import a reference record you downloaded (kronika ships none); a newer file replaces the older import."""
    if source not in SOURCES:
        raise KronikaError(f"unknown reference record {source!r}; kronika reads: {', '.join(SOURCES)}")
    with open_store(db) as store, err.status(f"reading {safe(str(path))}"):
        summary = import_ivaniuk(store, path)
        ledger = store.path
    for line, reason in summary.rejected:
        err.print(f"rejected line {line}: {safe(reason)}")
    for model, rows in sorted(summary.unclassified.items()):
        err.print(f"model {safe(repr(model))} is in no catalogue and its name says nothing: {rows} row(s) counted "
                  "as neither drone nor missile")
    if summary.status == "unchanged":
        out.print(f"{source}: {safe(summary.path)} is already imported (sha256 {summary.file_sha256[:12]}), "
                  f"nothing changed · {summary.rows_stored} rows, {summary.first_day} to {summary.last_day} · "
                  f"ledger: {safe(ledger)}")
        return
    verb = "replaced the import of " + (summary.previous.imported_at if summary.previous else "?") \
        if summary.status == "replaced" else "imported"
    catalogue = "with catalogue" if summary.catalogue else "no catalogue beside it: weapons classified by name"
    out.print(
        f"{source}: {verb} · {summary.rows_read} rows read, {summary.rows_stored} stored, "
        f"{summary.rows_rejected} rejected · {summary.days} report days ({summary.first_day} to {summary.last_day}), "
        f"{summary.national_nights} with a nationwide overnight report · {catalogue} · "
        f"sha256 {summary.file_sha256[:12]} · ledger: {safe(ledger)}"
    )
    if summary.rejected:
        raise typer.Exit(1)


def list_cmd(db: DbOption = None) -> None:
    """The reference records the ledger holds, with their provenance."""
    path = Path(db) if db is not None else default_db_path()
    if not path.is_file():
        raise KronikaError(f"no ledger at {path}")
    with open_store(path, readonly=True) as store:
        imports = reference_imports(store)
    table = Table(title=f"reference records in {path}")
    for col in ("source", "file", "sha256", "rows", "rejected", "days", "imported"):
        table.add_column(col, overflow="fold")
    for imp in imports:
        table.add_row(imp.source, cell(imp.path), imp.file_sha256[:12], str(imp.rows_stored), str(imp.rows_rejected),
                      f"{imp.first_day} to {imp.last_day}", imp.imported_at)
    out.print(table)
    out.print(f"{len(imports)} reference record(s)")


# ---------------------------------------------------------------------------------------------- stats air


def _n(v: int | None, qualifier: str | None = None) -> str:
    if v is None:
        return "-"
    mark = {"at_least": "≥", "more_than": ">", "about": "~", "up_to": "≤"}.get(qualifier or "", "")
    return f"{mark}{v}"


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
    if format not in AIR_FORMATS:
        raise KronikaError(f"--format must be one of {', '.join(AIR_FORMATS)}; got {format!r}")
    if format == "jsonl":
        for line in air_to_jsonl(nights):
            sys.stdout.write(line + "\n")
        return
    if format == "csv":
        sys.stdout.write(air_to_csv(nights, reference))
        return
    title = "air attacks per night, by claimant" + (" · beside the reference record" if reference else "")
    caption = "launched/destroyed · rate: destroyed/launched of one report · ↳ a regional count under its night"
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
    """Add `kronika reference import / list`."""
    ref = typer.Typer(help="Reference records held against the ledger (e.g. the Air Force's per-night record).",
                      add_completion=False, no_args_is_help=True)
    ref.command("import")(import_cmd)
    ref.command("list")(list_cmd)
    app.add_typer(ref, name="reference")


__all__ = ["print_air", "register"]
