"""The record the event exports are made from: an event, its overall figures, its reports and actors.

`export_records(store, rows)` reads the extras of events in chunks (kronika.store.bulk), so an export streams
however large the ledger. `flat_record(rec)` is the one flat row the tidy CSV writes and GeoJSON carries as
properties (and Parquet as columns); the ACLED export maps the same record to ACLED's columns.

Flat fields (TIDY_FIELDS, in order):

    id, type, date, date_to, year         the event; date_to only when its reports give different days
    status, contested                     reported | claimed | denied | contested; contested also for figures
    place, admin1, admin2, country        the place, its oblast and raion, ISO 3166-1 alpha-2 country
    lat, lon, precision                   empty for a country-wide event: never a made-up point
    source_count, first_reported, last_reported
    actors, claimants, outlets, urls      lists (CSV: joined with " | "); claimants as kronika names them
    <kind>, <kind>_qualifier, <kind>_low, <kind>_high, <kind>_claimant, <kind>_contested
                                          for each figure kind of kronika.models.FIGURE_KINDS: the overall
                                          current value, its qualifier (exact, at_least, more_than, about,
                                          up_to), the range of the claimants' latest values, who states the
                                          value, and whether claimants disagree; all empty when no report gives
                                          the kind
    summary                               the quote of the first report
    updated_at                            when the latest of its documents was ingested (UTC)
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import IO, Any

from kronika.errors import FilterError
from kronika.ledger.figures import claimant_label
from kronika.ledger.queries import EventRow
from kronika.models import FIGURE_KINDS, Location
from kronika.store.base import LedgerStore
from kronika.store.bulk import CHUNK, EventExtras

# the precisions a point on a map can stand for: a settlement's own coordinates, a raion's or an oblast's
# administrative centre, a sea; a country-wide event (a national air-defence total) gets no point
MAPPED_PRECISIONS = frozenset({"settlement", "admin2", "admin1", "water"})
FIGURE_SUFFIXES = ("", "_qualifier", "_low", "_high", "_claimant", "_contested")
LIST_FIELDS = ("actors", "claimants", "outlets", "urls")
TIDY_FIELDS: tuple[str, ...] = (
    "id", "type", "date", "date_to", "year", "status", "contested", "place", "admin1", "admin2", "country", "lat",
    "lon", "precision", "source_count", "first_reported", "last_reported", *LIST_FIELDS,
    *(kind + suffix for kind in FIGURE_KINDS for suffix in FIGURE_SUFFIXES),
    "summary", "updated_at",
)


@dataclass(slots=True)
class ExportRecord:
    row: EventRow
    extras: EventExtras

    def figure_claimant(self, kind: str) -> str | None:
        """Who states the overall value of `kind`: the canonical claimant, the text's phrase, or the outlet."""
        report = self.extras.overall_reports.get(kind)
        return claimant_label(report) if report is not None else None


def export_records(store: LedgerStore, rows: Iterable[EventRow], chunk: int = CHUNK) -> Iterator[ExportRecord]:
    """Each row with its extras, read `chunk` events at a time, in the order of `rows`."""
    batch: list[EventRow] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= chunk:
            yield from _with_extras(store, batch)
            batch = []
    if batch:
        yield from _with_extras(store, batch)


def _with_extras(store: LedgerStore, rows: list[EventRow]) -> Iterator[ExportRecord]:
    extras = store.event_extras([r.event.id for r in rows])
    for row in rows:
        yield ExportRecord(row, extras.get(row.event.id) or EventExtras())


def map_point(place: Location | None) -> tuple[float, float] | None:
    """(lat, lon) when a map can show the place honestly; None for a country-wide event or no coordinates."""
    if place is None or place.lat is None or place.lon is None or place.precision not in MAPPED_PRECISIONS:
        return None
    return place.lat, place.lon


def _distinct(values: Iterable[str | None]) -> list[str]:
    return list(dict.fromkeys(v for v in values if v))


def flat_record(rec: ExportRecord) -> dict[str, Any]:
    """The TIDY_FIELDS of one event; lists stay lists, absent values are None."""
    ev, place, sources = rec.row.event, rec.row.event.place, rec.extras.sources
    point = map_point(place)
    out: dict[str, Any] = {
        "id": ev.id,
        "type": ev.type,
        "date": ev.date,
        "date_to": ev.date_to,
        "year": int(ev.date[:4]) if ev.date else None,
        "status": ev.status,
        "contested": ev.contested,
        "place": place.name if place else None,
        "admin1": place.admin1 if place else None,
        "admin2": place.admin2 if place else None,
        "country": place.country if place else None,
        "lat": point[0] if point else None,
        "lon": point[1] if point else None,
        "precision": place.precision if place else None,
        "source_count": ev.source_count,
        "first_reported": ev.first_reported,
        "last_reported": ev.last_reported,
        "actors": list(rec.extras.actors),
        "claimants": _distinct(s.claimant for s in sources),
        "outlets": _distinct(s.outlet for s in sources),
        "urls": _distinct(s.url for s in sources),
    }
    for kind in FIGURE_KINDS:
        fig = rec.row.figures.get(kind)
        values = (
            (fig.value, fig.qualifier, fig.low, fig.high, rec.figure_claimant(kind), fig.contested)
            if fig is not None
            else (None,) * len(FIGURE_SUFFIXES)
        )
        out.update(zip((kind + suffix for suffix in FIGURE_SUFFIXES), values, strict=True))
    out["summary"] = ev.summary
    out["updated_at"] = rec.extras.updated_at
    return out


EXPORT_FORMATS = ("jsonl", "csv", "acled", "parquet", "geojson")
BINARY_FORMATS = frozenset({"parquet"})


def export_events(store: LedgerStore, rows: Iterable[EventRow], format: str, out: IO) -> int:
    """Write `rows` (from list_events) to `out` as `format`; returns the number of events written.

    jsonl: `export.event_dict` per line. csv: tidy (export_tidy). acled: ACLED-shaped CSV (export_acled).
    geojson: RFC 7946 (export_tidy). parquet: typed columns and nested lists (export_parquet); `out` is then a
    binary file or a path. Text formats want a text stream (open CSV files with newline="").
    """
    if format == "jsonl":
        from kronika.ledger.export import to_jsonl

        n = 0
        for line in to_jsonl(rows):
            out.write(line + "\n")
            n += 1
        return n
    records = export_records(store, rows)
    if format == "csv":
        from kronika.ledger.export_tidy import write_tidy_csv

        return write_tidy_csv(records, out)
    if format == "geojson":
        from kronika.ledger.export_tidy import write_geojson

        return write_geojson(records, out)
    if format == "acled":
        from kronika.ledger.export_acled import write_acled_csv

        return write_acled_csv(records, out)
    if format == "parquet":
        from kronika.ledger.export_parquet import write_parquet

        return write_parquet(records, out)
    raise FilterError(f"format must be one of {', '.join(EXPORT_FORMATS)}; got {format!r}")
