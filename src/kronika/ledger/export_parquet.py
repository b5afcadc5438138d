"""Ledger events as Parquet (pyarrow): typed columns, figures and sources as nested lists.

The columns are the tidy fields (`export_records.TIDY_FIELDS`) with their types: days as date32, counts as int64
(null when no report gives the kind, never 0), flags as bool, lists as list<string>, `updated_at` as a UTC
timestamp. Two nested columns carry what a flat row cannot:

    figures   list<struct>: every current value of the event, one per kind and claimant; claimant "*" is the
              overall value (as in the ledger's current_figures), `stated_by` who gives it
    sources   list<struct>: every report, with outlet, URL, file, title, publication day, claimant, stance,
              quote and the quote's character span in the document's cleaned text

Rows are written in row groups of `ROW_GROUP` events, so an export of any size streams.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from typing import IO, Any

import pyarrow as pa
import pyarrow.parquet as pq

from kronika.ledger.export_records import TIDY_FIELDS, ExportRecord, flat_record
from kronika.ledger.figures import OVERALL
from kronika.models import FIGURE_KINDS
from kronika.store.base import CurrentFigure

ROW_GROUP = 10_000

_FIGURE = pa.struct([
    ("kind", pa.string()), ("claimant", pa.string()), ("stated_by", pa.string()), ("value", pa.int64()),
    ("qualifier", pa.string()), ("low", pa.int64()), ("high", pa.int64()), ("contested", pa.bool_()),
    ("reports", pa.int32()),
])
_SOURCE = pa.struct([
    ("source_id", pa.int64()), ("document_id", pa.int64()), ("outlet", pa.string()), ("url", pa.string()),
    ("path", pa.string()), ("title", pa.string()), ("published", pa.date32()), ("claimed_by", pa.string()),
    ("claimant", pa.string()), ("status", pa.string()), ("quote", pa.string()), ("span_start", pa.int64()),
    ("span_end", pa.int64()),
])
_TYPES: dict[str, pa.DataType] = {
    "year": pa.int16(), "contested": pa.bool_(), "lat": pa.float64(), "lon": pa.float64(),
    "source_count": pa.int32(), "updated_at": pa.timestamp("ms", tz="UTC"),
    **{name: pa.date32() for name in ("date", "date_to", "first_reported", "last_reported")},
    **{name: pa.list_(pa.string()) for name in ("actors", "claimants", "outlets", "urls")},
    **{kind: pa.int64() for kind in FIGURE_KINDS},
    **{kind + "_low": pa.int64() for kind in FIGURE_KINDS},
    **{kind + "_high": pa.int64() for kind in FIGURE_KINDS},
    **{kind + "_contested": pa.bool_() for kind in FIGURE_KINDS},
}
SCHEMA = pa.schema(
    [(name, _TYPES.get(name, pa.string())) for name in TIDY_FIELDS]
    + [("figures", pa.list_(_FIGURE)), ("sources", pa.list_(_SOURCE))]
)
_DAYS = ("date", "date_to", "first_reported", "last_reported")


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _figure(fig: CurrentFigure, claimant: str, stated_by: str | None) -> dict[str, Any]:
    return {"kind": fig.kind, "claimant": claimant, "stated_by": stated_by, "value": fig.value,
            "qualifier": fig.qualifier, "low": fig.low, "high": fig.high, "contested": fig.contested,
            "reports": fig.reports}


def parquet_row(rec: ExportRecord) -> dict[str, Any]:
    row = flat_record(rec)
    for name in _DAYS:
        row[name] = _day(row[name])
    row["updated_at"] = datetime.fromisoformat(row["updated_at"]) if row["updated_at"] else None
    overall = [_figure(fig, OVERALL, rec.figure_claimant(kind)) for kind, fig in sorted(rec.row.figures.items())]
    row["figures"] = overall + [_figure(fig, fig.claimant, fig.claimant) for fig in rec.extras.by_claimant]
    row["sources"] = [
        {"source_id": s.source_id, "document_id": s.document_id, "outlet": s.outlet, "url": s.url, "path": s.path,
         "title": s.title, "published": _day(s.published), "claimed_by": s.claimed_by, "claimant": s.claimant,
         "status": s.status, "quote": s.quote, "span_start": s.span[0], "span_end": s.span[1]}
        for s in rec.extras.sources
    ]
    return row


def write_parquet(records: Iterable[ExportRecord], sink: str | IO[bytes]) -> int:
    """Write the events to `sink` (a path or a binary file); returns the number of events."""
    n = 0
    batch: list[dict[str, Any]] = []
    with pq.ParquetWriter(sink, SCHEMA, compression="zstd") as writer:
        for rec in records:
            batch.append(parquet_row(rec))
            n += 1
            if len(batch) >= ROW_GROUP:
                writer.write_table(pa.Table.from_pylist(batch, schema=SCHEMA))
                batch = []
        if batch or n == 0:
            writer.write_table(pa.Table.from_pylist(batch, schema=SCHEMA))
    return n
