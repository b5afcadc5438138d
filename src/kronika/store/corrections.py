"""The analysts' audit trail: corrections with who, when and why, the links between reports they set, retracted
documents, and the events reports are in now.

`SQLiteStore` takes these methods from `Corrections`.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from kronika.store.base import Correction
from kronika.store.rows import _now


class Corrections:
    """Mixin of SQLiteStore: `_db` is its connection."""

    _db: sqlite3.Connection

    def add_correction(self, action: str, target: str, detail: str, who: str, why: str) -> int:
        cur = self._db.execute(
            "INSERT INTO corrections (action, target, detail, who, at, why) VALUES (?,?,?,?,?,?)",
            (action, target, detail, who, _now(), why),
        )
        return int(cur.lastrowid or 0)

    def add_correction_links(self, correction_id: int, pairs: Sequence[tuple[str, str, str]]) -> None:
        self._db.executemany(
            "INSERT OR REPLACE INTO correction_links (correction_id, source_a, source_b, verdict) VALUES (?,?,?,?)",
            [(correction_id, a, b, verdict) for a, b, verdict in pairs if a != b],
        )

    def correction_links(self, source_key: str) -> list[tuple[int, str, str]]:
        """(correction id, the other report's key, verdict) for every link that names this report."""
        rows = self._db.execute(
            "SELECT correction_id, source_b, verdict FROM correction_links WHERE source_a = ?"
            " UNION ALL SELECT correction_id, source_a, verdict FROM correction_links WHERE source_b = ?"
            " ORDER BY 1",
            (source_key, source_key),
        )
        return [(r[0], r[1], r[2]) for r in rows]

    def corrections(self) -> list[Correction]:
        rows = self._db.execute("SELECT id, action, target, detail, who, at, why FROM corrections ORDER BY id")
        return [Correction(*r) for r in rows]

    def event_corrections(self, event_id: str) -> list[Correction]:
        key = "coalesce(s.source_key, d.content_hash || ':' || s.extracted_id)"
        reports = "event_sources s JOIN documents d ON d.id = s.document_id"
        rows = self._db.execute(
            "SELECT id, action, target, detail, who, at, why FROM corrections WHERE id IN ("
            f" SELECT l.correction_id FROM {reports} JOIN correction_links l ON l.source_a = {key}"
            " WHERE s.event_id = ?"
            f" UNION SELECT l.correction_id FROM {reports} JOIN correction_links l ON l.source_b = {key}"
            " WHERE s.event_id = ?"
            f" UNION SELECT r.correction_id FROM {reports} JOIN retractions r ON r.content_hash = d.content_hash"
            " WHERE s.event_id = ?) ORDER BY id",
            (event_id, event_id, event_id),
        )
        return [Correction(*r) for r in rows]

    def retract(self, content_hash: str, correction_id: int) -> None:
        self._db.execute(
            "INSERT OR REPLACE INTO retractions (content_hash, correction_id) VALUES (?, ?)",
            (content_hash, correction_id),
        )

    def is_retracted(self, content_hash: str) -> bool:
        row = self._db.execute("SELECT 1 FROM retractions WHERE content_hash = ?", (content_hash,)).fetchone()
        return row is not None

    def events_with_source_keys(self, keys: Sequence[str]) -> dict[str, str]:
        # a key is '<content hash>:<extracted id>': found through the document, so no index of its own is kept
        out: dict[str, str] = {}
        for key in dict.fromkeys(keys):
            digest, _, extracted = key.partition(":")
            row = self._db.execute(
                "SELECT s.event_id FROM documents d JOIN event_sources s ON s.document_id = d.id"
                " WHERE d.content_hash = ? AND s.extracted_id = ? ORDER BY s.id LIMIT 1",
                (digest, extracted),
            ).fetchone()
            if row is not None:
                out[key] = row[0]
        return out
