"""Tidy CSV and GeoJSON of ledger events: one row (one feature) per event, one column (property) per fact.

Both carry `export_records.TIDY_FIELDS`: one numeric column per figure kind with its qualifier, low, high,
claimant and contested flag; actors, claimants, outlets and URLs; admin1 (oblast) and admin2 (raion).

CSV: lists are joined with " | " (a character URLs do not hold unescaped); numbers are written as numbers,
empty cells are unknown, never zero; text cells that a spreadsheet would run as a formula are neutralised
(`export.csv_cell`).

GeoJSON (RFC 7946): a FeatureCollection of Point features, coordinates [longitude, latitude] in WGS 84 with
six decimals, the event id as the feature id, the flat fields as properties (lists as arrays). An event a map
cannot place honestly (country-wide, such as a national air-defence total, or a place without coordinates) is
a feature with a null geometry, kept so that nothing silently drops out of a map export.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import IO, Any

from kronika.ledger.export import csv_cell
from kronika.ledger.export_records import LIST_FIELDS, TIDY_FIELDS, ExportRecord, flat_record

LIST_SEPARATOR = " | "
COORDINATE_DECIMALS = 6  # about 10 cm: RFC 7946 section 11.2


def write_tidy_csv(records: Iterable[ExportRecord], out: IO[str]) -> int:
    """Write the header and one row per event; returns the number of events."""
    writer = csv.DictWriter(out, fieldnames=TIDY_FIELDS, lineterminator="\n")
    writer.writeheader()
    n = 0
    for rec in records:
        row = flat_record(rec)
        for name in LIST_FIELDS:
            row[name] = LIST_SEPARATOR.join(row[name])
        writer.writerow({key: csv_cell(value) for key, value in row.items()})
        n += 1
    return n


def geojson_feature(rec: ExportRecord) -> dict[str, Any]:
    props = flat_record(rec)
    lat, lon = props["lat"], props["lon"]
    geometry = None
    if lat is not None and lon is not None:
        geometry = {"type": "Point", "coordinates": [round(lon, COORDINATE_DECIMALS), round(lat, COORDINATE_DECIMALS)]}
    return {"type": "Feature", "id": props["id"], "geometry": geometry, "properties": props}


def write_geojson(records: Iterable[ExportRecord], out: IO[str]) -> int:
    """Write one FeatureCollection, a feature per line as it goes; returns the number of events."""
    out.write('{"type": "FeatureCollection", "features": [\n')
    n = 0
    for rec in records:
        out.write((",\n" if n else "") + json.dumps(geojson_feature(rec), ensure_ascii=False))
        n += 1
    out.write("\n]}\n")
    return n
