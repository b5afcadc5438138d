"""Machine-readable views of ledger events (JSON Lines, and the event dict the web API serves) and of air nights
(JSON Lines, CSV); the CSV cell rule every CSV kronika writes follows.

The exports of `kronika events` (tidy CSV, ACLED-shaped CSV, Parquet, GeoJSON) are in export_records.py (the
record and `export_events`), export_tidy.py, export_acled.py and export_parquet.py; `to_geojson` here is the
plain event-dict GeoJSON the web map reads.

CSV is opened in spreadsheets, which run a cell that starts with = + - @ (or tab, CR) as a formula:
`=HYPERLINK(...)` in a quote would run. Such text cells get a leading apostrophe, as OWASP advises for CSV
injection, and control characters in text cells are shown as escapes; numbers are written as numbers.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Iterator
from typing import Any

from kronika.ledger.air import AirNight
from kronika.ledger.queries import EventRow


def event_dict(row: EventRow) -> dict[str, Any]:
    ev, place = row.event, row.event.place
    return {
        "id": ev.id,
        "type": ev.type,
        "date": ev.date,
        "date_to": ev.date_to,
        "place": place.name if place else None,
        "region": place.admin1 if place else None,
        "country": place.country if place else None,
        "lat": place.lat if place else None,
        "lon": place.lon if place else None,
        "precision": place.precision if place else None,  # a region's centroid is not where a strike hit
        "status": ev.status,
        "contested": ev.contested,
        "sources": ev.source_count,
        "first_reported": ev.first_reported,
        "last_reported": ev.last_reported,
        "figures": {
            kind: {"value": f.value, "qualifier": f.qualifier, "low": f.low, "high": f.high, "contested": f.contested}
            for kind, f in sorted(row.figures.items())
        },
        "summary": ev.summary,
    }


def to_jsonl(rows: Iterable[EventRow]) -> Iterator[str]:
    for row in rows:
        yield json.dumps(event_dict(row), ensure_ascii=False)


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[-+]?\d+(?:\.\d+)?")
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def csv_cell(value: object) -> object:
    """A value as a CSV cell that a spreadsheet shows and never runs: formula-like text gets a leading "'"
    (plain numbers such as "-12" stay as they are), control characters become escapes."""
    if not isinstance(value, str):
        return value
    if value.startswith(_FORMULA_START) and not _PLAIN_NUMBER.fullmatch(value):
        value = "'" + value
    return _CONTROL.sub(_escaped, value)


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group(0))
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def geojson_collection(rows: Iterable[EventRow]) -> dict[str, Any]:
    """An RFC 7946 FeatureCollection: one Point feature per event ([lon, lat]), null geometry when unplaced."""
    features = []
    for row in rows:
        props = event_dict(row)
        lat, lon = props["lat"], props["lon"]
        geometry = {"type": "Point", "coordinates": [lon, lat]} if lat is not None and lon is not None else None
        features.append({"type": "Feature", "id": props["id"], "geometry": geometry, "properties": props})
    return {"type": "FeatureCollection", "features": features}


def to_geojson(rows: Iterable[EventRow]) -> str:
    return json.dumps(geojson_collection(rows), ensure_ascii=False, indent=1)


# ---------------------------------------------------------------------------------------------- air nights

AIR_CSV_FIELDS = (
    "night", "claimant", "claimant_id", "scope", "side", "area", "breakdown", "drones_launched", "drones_destroyed",
    "missiles_launched", "missiles_destroyed", "weapons_launched", "weapons_destroyed", "drones_rate",
    "missiles_rate", "rate", "phrases", "events", "documents", "reported_on",
)
AIR_REFERENCE_FIELDS = (
    "ref_drones_launched", "ref_drones_destroyed", "ref_drones_not_reached", "ref_missiles_launched",
    "ref_missiles_destroyed", "ref_daytime_drones_launched", "ref_daytime_missiles_launched", "agree", "reason",
    "reason_detail", "record_night",
)


def air_to_jsonl(nights: Iterable[AirNight]) -> Iterator[str]:
    """One JSON object per night and claimant (`AirNight.to_dict()`), the record beside it when reconciled."""
    for night in nights:
        yield json.dumps(night.to_dict(), ensure_ascii=False)


def air_to_csv(nights: Iterable[AirNight], reference: bool = False) -> str:
    """The same rows, flat: lists joined with ';', the record's nationwide figures as ref_* columns."""
    out = io.StringIO()
    fields = AIR_CSV_FIELDS + (AIR_REFERENCE_FIELDS if reference else ())
    writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    for night in nights:
        record = night.to_dict()
        for key in ("phrases", "events", "documents", "reported_on"):
            record[key] = ";".join(str(v) for v in record[key])
        if reference:
            ref = record.get("reference") or {}
            over, day = ref.get("overnight") or {}, ref.get("daytime") or {}
            for kind in ("drones_launched", "drones_destroyed", "drones_not_reached", "missiles_launched",
                         "missiles_destroyed"):
                record[f"ref_{kind}"] = over.get(kind)
            record["ref_daytime_drones_launched"] = day.get("drones_launched")
            record["ref_daytime_missiles_launched"] = day.get("missiles_launched")
        writer.writerow({key: csv_cell(value) for key, value in record.items()})
    return out.getvalue()
