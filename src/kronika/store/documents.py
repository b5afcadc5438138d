"""The articles in the ledger: storing one and its stories, extracting it again, finding it by id, path, URL or
hash, removing its reports, and searching their texts.

`SQLiteStore` takes these methods from `DocumentStore`.
"""

from __future__ import annotations

import sqlite3

from kronika.errors import StoreError
from kronika.models import DocumentResult
from kronika.store.base import DocumentRecord, StoredDocument, check_filter_text
from kronika.store.rows import _now

MAX_SEARCH_CHARS = 1000  # an FTS5 query of a few dozen terms; longer ones make the query planner slow


class DocumentStore:
    """Mixin of SQLiteStore: `_db` is its connection."""

    _db: sqlite3.Connection

    def has_document(self, content_hash: str) -> bool:
        row = self._db.execute("SELECT 1 FROM documents WHERE content_hash = ?", (content_hash,)).fetchone()
        return row is not None

    def add_document(self, doc: DocumentResult, content_hash: str) -> StoredDocument:
        cur = self._db.execute(
            "INSERT INTO documents (content_hash, path, outlet, title, url, published, metadata_date,"
            " date_conflict, text, ingested_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
            (
                content_hash,
                doc.path,
                doc.source,
                doc.title,
                doc.url,
                doc.published,
                doc.metadata_date,
                int(doc.date_conflict),
                doc.text,
                _now(),
            ),
        )
        doc_id = int(cur.lastrowid or 0)  # a trigger indexes it in documents_fts (store/schema.py)
        return self._add_stories(StoredDocument(doc_id, content_hash, doc.path, doc.source, doc.title, doc.published),
                                 doc)

    def refresh_document(self, document_id: int, doc: DocumentResult) -> StoredDocument:
        """A known document extracted again: its metadata and stories as this extraction gives them."""
        row = self._db.execute("SELECT content_hash, path FROM documents WHERE id = ?", (document_id,)).fetchone()
        self._db.execute(
            "UPDATE documents SET outlet = ?, title = ?, url = coalesce(?, url), published = ?, metadata_date = ?,"
            " date_conflict = ? WHERE id = ?",
            (doc.source, doc.title, doc.url, doc.published, doc.metadata_date, int(doc.date_conflict), document_id),
        )
        self._db.execute("DELETE FROM stories WHERE document_id = ?", (document_id,))
        return self._add_stories(StoredDocument(document_id, row[0], row[1], doc.source, doc.title, doc.published), doc)

    def _add_stories(self, stored: StoredDocument, doc: DocumentResult) -> StoredDocument:
        doc_id = stored.id
        for position, story in enumerate(doc.stories):
            cur = self._db.execute(
                "INSERT INTO stories (document_id, position, start_char, end_char, reference_date, dateline, title)"
                " VALUES (?,?,?,?,?,?,?)",
                (doc_id, position, story.start, story.end, story.reference_date, story.dateline, story.title),
            )
            stored.story_ids.append(int(cur.lastrowid or 0))
            stored.story_bounds.append((story.start, story.end))
        return stored

    def find_document(self, ref: str) -> StoredDocument | None:
        """A stored document by id, path, URL or content hash (a prefix of 8 characters or more)."""
        sql = "SELECT id, content_hash, path, outlet, title, published FROM documents WHERE "
        row = None
        if ref.isdigit():
            row = self._db.execute(sql + "id = ?", (int(ref),)).fetchone()
        for clause, arg in (("path = ?", ref), ("url = ?", ref)):
            row = row or self._db.execute(sql + clause + " ORDER BY id LIMIT 1", (arg,)).fetchone()
        if row is None and len(ref) >= 8 and all(c in "0123456789abcdef" for c in ref.lower()):
            row = self._db.execute(
                sql + "content_hash >= ? AND content_hash < ? ORDER BY id LIMIT 1", (ref.lower(), ref.lower() + "g")
            ).fetchone()
        return StoredDocument(*row) if row else None

    def events_of_document(self, document_id: int) -> list[str]:
        rows = self._db.execute(
            "SELECT event_id FROM event_sources WHERE document_id = ? GROUP BY event_id ORDER BY min(id)",
            (document_id,),
        )
        return [r[0] for r in rows]

    def event_ids_of_document(self, document_id: int) -> set[str]:
        rows = self._db.execute("SELECT DISTINCT event_id FROM event_sources WHERE document_id = ?", (document_id,))
        return {r[0] for r in rows}

    def remove_document_reports(self, document_id: int) -> set[str]:
        """Delete every report a document made (before it is extracted again); returns the events they fed."""
        events = set(self.events_of_document(document_id))
        for event_id in events:  # current values point at the figures about to go; refresh_event derives them again
            self._db.execute("DELETE FROM current_figures WHERE event_id = ?", (event_id,))
        sub = "(SELECT id FROM event_sources WHERE document_id = ?)"
        for sql in (
            f"DELETE FROM figures WHERE event_source_id IN {sub}",
            f"DELETE FROM claims WHERE event_source_id IN {sub}",
            f"DELETE FROM event_source_places WHERE event_source_id IN {sub}",
            f"DELETE FROM event_source_actors WHERE event_source_id IN {sub}",
            f"DELETE FROM possible_duplicates WHERE source_id IN {sub}",
            "DELETE FROM event_sources WHERE document_id = ?",
        ):
            self._db.execute(sql, (document_id,))
        return events

    def get_document(self, document_id: int) -> DocumentRecord | None:
        row = self._db.execute(
            "SELECT id, path, outlet, title, url, published, text FROM documents WHERE id = ?", (document_id,)
        ).fetchone()
        if row is None:
            return None
        events = self._db.execute(
            "SELECT event_id FROM event_sources WHERE document_id = ? GROUP BY event_id ORDER BY min(id)",
            (document_id,),
        )
        return DocumentRecord(*row, event_ids=[r[0] for r in events])

    def search_documents(self, query: str, limit: int = 20) -> list[tuple[int, str, str | None, str]]:
        check_filter_text("search", query, limit=MAX_SEARCH_CHARS)
        try:
            rows = self._db.execute(
                "SELECT d.id, d.path, d.title, snippet(documents_fts, 1, '[', ']', ' … ', 12)"
                " FROM documents_fts JOIN documents d ON d.id = documents_fts.rowid"
                " WHERE documents_fts MATCH ? ORDER BY rank LIMIT ?",
                (query, limit),
            ).fetchall()
        except sqlite3.OperationalError as exc:
            raise StoreError(f"bad search query {query!r}: {exc}") from exc
        return [(r[0], r[1], r[2], r[3]) for r in rows]
