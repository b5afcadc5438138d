"""kronika: from raw news articles to a sourced, dated, geolocated event ledger.

    import kronika
    results = kronika.extract("article.txt")          # list[DocumentResult], one per document
    result = kronika.extract_text("Kyiv, Nov 19, 2025 (AFP) - ...")

The heavy modules (spaCy, the gazetteer) load on first use, so `import kronika` stays cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kronika.errors import GazetteerError, KronikaError, RejectedInput, SchemaVersionError, StoreError
from kronika.models import Article, DocumentResult, Event, Figure, Location, Story

if TYPE_CHECKING:
    from kronika.pipeline import extract, extract_articles, extract_items, extract_paths, extract_text

__version__ = "0.1.0"

__all__ = [
    "Article",
    "DocumentResult",
    "Event",
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

_LAZY = {"extract", "extract_articles", "extract_items", "extract_paths", "extract_text"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from kronika import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'kronika' has no attribute {name!r}")
