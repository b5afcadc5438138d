"""Ledger events as an ACLED-shaped CSV: ACLED's column names, in ACLED's order, for the columns that apply.

Columns (ACLED_COLUMNS) and how kronika fills them:

    event_id_cnty    kronika's event id (ev-2025-11-19-ternopil-strike-1): stable, joins back to the ledger
    event_date       the event's day, YYYY-MM-DD (as ACLED's API gives it); empty for an undated event
    year             the event's year
    time_precision   1 the day is known; 2 reports put it within a week (date..date_to up to 7 days); 3 wider
    disorder_type    Political violence, or Strategic developments (see TYPE_MAP)
    event_type       see TYPE_MAP
    sub_event_type   see TYPE_MAP; from the weapons the figures count, empty when the ledger does not know them
    actor1, actor2   the first two actors the reports name, as kronika names them (not ACLED's actor
                     dictionary; further actors are in the tidy CSV's `actors`)
    country          the country's English name (from kronika's gazetteer)
    admin1, admin2   oblast and raion
    location         the place's name
    latitude,        the place's coordinates (a raion's or oblast's administrative centre at precision 2-3);
    longitude        empty for a country-wide event: never a made-up point
    geo_precision    1 settlement; 2 raion (admin2); 3 oblast (admin1) or a sea; empty when country-wide
    source           the outlets that reported it, "; "-separated, as ACLED lists sources
    source_scale     empty: kronika does not know each outlet's scale
    notes            the quote of the first report; a status other than "reported" is added in brackets
                     ("[claimed]", "[denied]", "[contested]")
    fatalities       the most conservative toll: the current killed figure (the latest value of each claimant,
                     rising as tolls rise); when claimants contradict each other, the lowest of their latest
                     values; the number as stated for "at least 10", "more than 10", "about 10", "up to 10";
                     children_killed when the reports give no killed figure; 0 when no toll is reported, as
                     ACLED codes it (kronika's own exports leave it empty)
    timestamp        Unix time (seconds) of the latest ingest of one of its documents

TYPE_MAP (kronika type -> disorder_type, event_type; sub_event_type):

    air_attack    Political violence, Explosions/Remote violence; weapon rule
    strike        Political violence, Explosions/Remote violence; weapon rule
    ground_claim  Political violence, Battles; Armed clash (the claim's status is in notes)
    diplomacy     Strategic developments, Strategic developments; Other
    statement     Strategic developments, Strategic developments; Other
    other         Strategic developments, Strategic developments; Other

Weapon rule: drones among the figures (drones_launched, drones_destroyed) -> Air/drone strike, also for a
combined barrage of drones and missiles; missiles only -> Shelling/artillery/missile attack; neither (a toll
without a weapon count, or weapons_* totals that do not split) -> empty.

ACLED columns left out: assoc_actor_1/2, inter1/2, interaction and civilian_targeting (kronika has no actor
typology), iso and region (ACLED's world region, not an oblast), admin3, tags.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from datetime import date, datetime
from functools import lru_cache
from typing import IO, Any

from kronika.ledger.export import csv_cell
from kronika.ledger.export_records import ExportRecord, map_point
from kronika.store.base import CurrentFigure

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "actor2", "country", "admin1", "admin2", "location", "latitude", "longitude", "geo_precision",
    "source", "source_scale", "notes", "fatalities", "timestamp",
)
POLITICAL_VIOLENCE = "Political violence"
STRATEGIC = "Strategic developments"
TYPE_MAP: dict[str, tuple[str, str, str | None]] = {
    "air_attack": (POLITICAL_VIOLENCE, "Explosions/Remote violence", None),
    "strike": (POLITICAL_VIOLENCE, "Explosions/Remote violence", None),
    "ground_claim": (POLITICAL_VIOLENCE, "Battles", "Armed clash"),
    "diplomacy": (STRATEGIC, STRATEGIC, "Other"),
    "statement": (STRATEGIC, STRATEGIC, "Other"),
    "other": (STRATEGIC, STRATEGIC, "Other"),
}
AIR_DRONE = "Air/drone strike"
MISSILE = "Shelling/artillery/missile attack"
GEO_PRECISION = {"settlement": 1, "admin2": 2, "admin1": 3, "water": 3}
SOURCE_SEPARATOR = "; "


def sub_event_type(rec: ExportRecord) -> str | None:
    kinds = rec.row.figures.keys()
    fixed = TYPE_MAP.get(rec.row.event.type, (None, None, None))[2]
    if fixed is not None:
        return fixed
    if any(k.startswith("drones_") for k in kinds):
        return AIR_DRONE
    if any(k.startswith("missiles_") for k in kinds):
        return MISSILE
    return None


def time_precision(day: str | None, day_to: str | None) -> int | None:
    if day is None:
        return None
    if day_to is None or day_to == day:
        return 1
    return 2 if (date.fromisoformat(day_to) - date.fromisoformat(day)).days <= 7 else 3


def conservative(fig: CurrentFigure | None) -> int | None:
    """The number a conservative count takes: the lowest claimant's latest value when they contradict."""
    if fig is None:
        return None
    return fig.low if fig.contested else fig.value


def fatalities(rec: ExportRecord) -> int:
    figures = rec.row.figures
    for kind in ("killed", "children_killed"):
        value = conservative(figures.get(kind))
        if value is not None:
            return value
    return 0


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    from kronika.geo.gazetteer import load

    return {p.country: p.name for p in load().places if p.kind == "country" and p.country}


def country_name(code: str | None) -> str | None:
    if not code:
        return None
    return _country_names().get(code.upper(), code)


def _unix(stamp: str | None) -> int | None:
    return int(datetime.fromisoformat(stamp).timestamp()) if stamp else None


def acled_row(rec: ExportRecord) -> dict[str, Any]:
    ev, place = rec.row.event, rec.row.event.place
    disorder, event_type, _ = TYPE_MAP.get(ev.type, (None, None, None))
    point = map_point(place)
    actors = rec.extras.actors
    notes = ev.summary + (f" [{ev.status}]" if ev.status != "reported" else "")
    return {
        "event_id_cnty": ev.id,
        "event_date": ev.date,
        "year": int(ev.date[:4]) if ev.date else None,
        "time_precision": time_precision(ev.date, ev.date_to),
        "disorder_type": disorder,
        "event_type": event_type,
        "sub_event_type": sub_event_type(rec),
        "actor1": actors[0] if actors else None,
        "actor2": actors[1] if len(actors) > 1 else None,
        "country": country_name(place.country) if place else None,
        "admin1": place.admin1 if place else None,
        "admin2": place.admin2 if place else None,
        "location": place.name if place else None,
        "latitude": point[0] if point else None,
        "longitude": point[1] if point else None,
        "geo_precision": GEO_PRECISION.get(place.precision) if point and place else None,
        "source": SOURCE_SEPARATOR.join(dict.fromkeys(s.outlet for s in rec.extras.sources if s.outlet)) or None,
        "source_scale": None,
        "notes": notes,
        "fatalities": fatalities(rec),
        "timestamp": _unix(rec.extras.updated_at),
    }


def write_acled_csv(records: Iterable[ExportRecord], out: IO[str]) -> int:
    """Write ACLED_COLUMNS and one row per event; returns the number of events."""
    writer = csv.DictWriter(out, fieldnames=ACLED_COLUMNS, lineterminator="\n")
    writer.writeheader()
    n = 0
    for rec in records:
        writer.writerow({key: csv_cell(value) for key, value in acled_row(rec).items()})
        n += 1
    return n
