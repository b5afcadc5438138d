"""The event ledger: one event per real-world event, every report of it, every figure's history.

    ingest.py   the ingest loop (idempotent by content hash, one transaction per article)
    merge.py    when two reports are the same event, and the (day, place cell) index that finds candidates
    figures.py  the current value of each figure kind and its history
    claims.py   claimants and contested stances
    queries.py  the Python API behind `kronika events / show / stats / timeline`
    air.py      `kronika stats air`: air-defence figures per night and canonical claimant
    validate.py the checks every query runs on its filters (a wrong value raises FilterError, never matches nothing)
    text_search.py  `kronika search`: full-text search of articles and event quotes (FTS5, ranked, with snippets)
    export.py   JSON Lines views, the CSV cell rule; air nights as JSON Lines and CSV
    export_records.py  the record the event exports are made from, and `export_events` (`kronika events -f ...`)
    export_tidy.py, export_acled.py, export_parquet.py  tidy CSV and GeoJSON, ACLED-shaped CSV, Parquet
"""

from __future__ import annotations

from kronika.ledger.air import AirNight, air_stats
from kronika.ledger.export_records import EXPORT_FORMATS, ExportRecord, export_events, export_records, flat_record
from kronika.ledger.ingest import DocumentOutcome, IngestSummary, content_hash, ingest, ingest_document
from kronika.ledger.queries import (
    BadQueryError,
    ClaimantStance,
    DayCount,
    EventDetail,
    EventList,
    EventRow,
    FigureHistory,
    TimelineDay,
    UnknownDocumentError,
    UnknownEventError,
    day_counts,
    event_cursor,
    ledger_stats,
    list_events,
    search_documents,
    show_document,
    show_event,
    timeline,
)
from kronika.ledger.text_search import search
from kronika.store.fulltext import SearchHit

__all__ = [
    "AirNight",
    "BadQueryError",
    "ClaimantStance",
    "DayCount",
    "DocumentOutcome",
    "EXPORT_FORMATS",
    "EventDetail",
    "EventList",
    "EventRow",
    "ExportRecord",
    "FigureHistory",
    "IngestSummary",
    "SearchHit",
    "TimelineDay",
    "UnknownDocumentError",
    "UnknownEventError",
    "air_stats",
    "content_hash",
    "day_counts",
    "event_cursor",
    "export_events",
    "export_records",
    "flat_record",
    "ingest",
    "ingest_document",
    "ledger_stats",
    "list_events",
    "search",
    "search_documents",
    "show_document",
    "show_event",
    "timeline",
]
