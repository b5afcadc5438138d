"""Full-text search over the ledger's two FTS5 indexes: `documents_fts` (article titles and texts) and
`event_sources_fts` (the sentence each report of an event comes from). Both are kept in sync by triggers
(the full-text migration in store/schema.py) and ranked by bm25, best first.

`SQLiteStore` takes `search_text` from `FullTextSearch`; `kronika.ledger.text_search` turns plain words into the
FTS5 query this expects and checks the arguments.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from kronika.errors import FilterError
from kronika.models import Span

MARK_START, MARK_END = "[", "]"  # around the matching words in a snippet
SNIPPET_TOKENS = 24


@dataclass(slots=True)
class SearchHit:
    """One match: an article (`kind == "document"`) or the quote of one report of an event (`"quote"`)."""

    kind: str
    document_id: int
    path: str
    url: str | None
    title: str | None
    outlet: str | None
    published: str | None
    snippet: str  # the matching words between [ and ]
    score: float  # bm25: lower is a better match; comparable only between hits of one kind and one query
    event_id: str | None = None  # quote hits: the event the report belongs to
    event_type: str | None = None
    source_id: int | None = None
    span: Span | None = None  # quote hits: the quote's characters in the document's cleaned text


class FullTextSearch:
    """Mixin of SQLiteStore: `_db` is its connection."""

    _db: sqlite3.Connection

    def search_text(self, query: str, kinds: tuple[str, ...], limit: int) -> list[SearchHit]:
        """Up to `limit` hits of each kind in `kinds` ("document", "quote") for an FTS5 query, best first."""
        hits: list[SearchHit] = []
        try:
            if "document" in kinds:
                hits += self._document_hits(query, limit)
            if "quote" in kinds:
                hits += self._quote_hits(query, limit)
        except sqlite3.OperationalError as exc:  # the ledger's StoreError twin: the sqlite3 error is its cause
            reason = str(exc.__cause__ or exc).removeprefix("fts5: ")
            raise FilterError(f"cannot search for {query[:80]!r}: {reason}") from None
        return hits

    def _document_hits(self, query: str, limit: int) -> list[SearchHit]:
        rows = self._db.execute(
            "SELECT d.id, d.path, d.url, d.title, d.outlet, d.published,"
            f" snippet(documents_fts, -1, '{MARK_START}', '{MARK_END}', ' … ', {SNIPPET_TOKENS}),"
            " bm25(documents_fts, 2.0, 1.0) AS score"
            " FROM documents_fts JOIN documents d ON d.id = documents_fts.rowid"
            " WHERE documents_fts MATCH ? ORDER BY score, d.id LIMIT ?",
            (query, limit),
        )
        return [SearchHit("document", *r) for r in rows]

    def _quote_hits(self, query: str, limit: int) -> list[SearchHit]:
        rows = self._db.execute(
            "SELECT s.document_id, d.path, d.url, d.title, s.outlet, s.published,"
            f" snippet(event_sources_fts, 0, '{MARK_START}', '{MARK_END}', ' … ', {SNIPPET_TOKENS}),"
            " bm25(event_sources_fts) AS score, s.event_id, e.type, s.id, s.span_start, s.span_end"
            " FROM event_sources_fts JOIN event_sources s ON s.id = event_sources_fts.rowid"
            " JOIN documents d ON d.id = s.document_id JOIN events e ON e.id = s.event_id"
            " WHERE event_sources_fts MATCH ? ORDER BY score, s.id LIMIT ?",
            (query, limit),
        )
        return [SearchHit("quote", *r[:11], span=(r[11], r[12])) for r in rows]
