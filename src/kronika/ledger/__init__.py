"""The event ledger: one event per real-world event, every report of it, every figure's history.

    ingest.py   the ingest loop (idempotent by content hash, one transaction per article)
    merge.py    when two reports are the same event, and the (day, place cell) index that finds candidates
    figures.py  the current value of each figure kind and its history
    claims.py   claimants and contested stances
    queries.py  the Python API behind `kronika events / show / stats / timeline`
    air.py      `kronika stats air`: air-defence figures per night and canonical claimant
    export.py   JSON Lines, CSV and GeoJSON views
"""

from __future__ import annotations

from kronika.ledger.air import AirNight, air_stats
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

__all__ = [
    "AirNight",
    "BadQueryError",
    "ClaimantStance",
    "DayCount",
    "DocumentOutcome",
    "EventDetail",
    "EventList",
    "EventRow",
    "FigureHistory",
    "IngestSummary",
    "TimelineDay",
    "UnknownDocumentError",
    "UnknownEventError",
    "air_stats",
    "content_hash",
    "day_counts",
    "event_cursor",
    "ingest",
    "ingest_document",
    "ledger_stats",
    "list_events",
    "search_documents",
    "show_document",
    "show_event",
    "timeline",
]
