"""kronika: from raw news articles to a sourced, dated, geolocated event ledger.

    import kronika
    results = kronika.extract("article.txt", "corpus.jsonl")  # list[DocumentResult], one per document
    results.rejected                                           # the inputs refused, each with its reason
    result = kronika.extract_text("Kyiv, Nov 19, 2025 (AFP) - ...")

The ledger (kronika.store.open_store, kronika.ledger.ingest / list_events / show_event / search / ...) is
documented in kronika.ledger and in the README's "Python API" section.

The heavy modules (spaCy, the gazetteer) load on first use, so `import kronika` stays cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kronika.errors import GazetteerError, KronikaError, RejectedInput, SchemaVersionError, StoreError
from kronika.models import Article, DocumentResult, Event, Figure, Location, Story

if TYPE_CHECKING:
    from kronika.pipeline import (
        Extraction,
        extract,
        extract_articles,
        extract_items,
        extract_paths,
        extract_text,
    )

__version__ = "0.1.0"

__all__ = [
    "Article",
    "DocumentResult",
    "Event",
    "Extraction",
    "Figure",
    "GazetteerError",
    "KronikaError",
    "Location",
    "RejectedInput",
    "SchemaVersionError",
    "StoreError",
    "Story",
    "extract",
    "extract_articles",
    "extract_items",
    "extract_paths",
    "extract_text",
]

_LAZY = {"Extraction", "extract", "extract_articles", "extract_items", "extract_paths", "extract_text"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from kronika import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'kronika' has no attribute {name!r}")
