"""Reads of many events at once, for the exports: their reports with outlets and URLs, their actors, the
figure report behind each overall value, every claimant's current value, and when the event last changed.

`SQLiteStore` takes these methods from `BulkReads`; a query reads a chunk of events (at most `CHUNK` ids), so an
export of a million events runs a few thousand queries, not millions.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field

from kronika.models import Span
from kronika.store.base import CurrentFigure, FigureReport
from kronika.store.rows import _FIGURE_COLUMNS, _figure

CHUNK = 500  # ids per query: well under SQLite's bound on host parameters


@dataclass(slots=True)
class ExportSource:
    """One report of an event as an export shows it: who published it where, who it cites, and its quote."""

    source_id: int
    document_id: int
    outlet: str | None
    url: str | None
    path: str
    title: str | None
    published: str | None
    claimed_by: str | None  # the claimant as the text names it
    claimant: str | None  # the canonical claimant's name when kronika knows the body, else claimed_by
    status: str
    quote: str
    span: Span
    ingested_at: str


@dataclass(slots=True)
class EventExtras:
    """What an export shows of an event beyond its `LedgerEvent` and overall figures."""

    sources: list[ExportSource] = field(default_factory=list)
    actors: list[str] = field(default_factory=list)  # in the order reports first name them
    overall_reports: dict[str, FigureReport] = field(default_factory=dict)  # kind -> the report the value is from
    by_claimant: list[CurrentFigure] = field(default_factory=list)  # each claimant's current value, by kind
    updated_at: str | None = None  # when the latest of its documents was ingested (UTC, ISO 8601)


def _chunks(ids: Sequence[str]) -> list[list[str]]:
    unique = list(dict.fromkeys(ids))
    return [unique[i : i + CHUNK] for i in range(0, len(unique), CHUNK)]


class BulkReads:
    """Mixin of SQLiteStore: `_db` is its connection."""

    _db: sqlite3.Connection

    def event_extras(self, event_ids: Sequence[str]) -> dict[str, EventExtras]:
        """The extras of each event in `event_ids` (events the ledger does not hold are left out)."""
        out: dict[str, EventExtras] = {}
        for chunk in _chunks(event_ids):
            marks = ",".join("?" * len(chunk))
            rows = self._db.execute(
                "SELECT s.event_id, s.id, s.document_id, s.outlet, d.url, d.path, d.title, s.published, s.claimed_by,"
                " CASE WHEN s.claimant_id LIKE 'other:%' THEN NULL ELSE c.name END, s.status, s.quote, s.span_start,"
                " s.span_end, d.ingested_at"
                " FROM event_sources s JOIN documents d ON d.id = s.document_id"
                " LEFT JOIN claimants c ON c.id = s.claimant_id"
                f" WHERE s.event_id IN ({marks}) ORDER BY s.event_id, s.id",
                chunk,
            )
            for r in rows:
                extras = out.setdefault(r[0], EventExtras())
                extras.sources.append(
                    ExportSource(r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9] or r[8], r[10], r[11],
                                 (r[12], r[13]), r[14])
                )
                if extras.updated_at is None or r[14] > extras.updated_at:
                    extras.updated_at = r[14]
            rows = self._db.execute(
                "SELECT s.event_id, a.name FROM event_sources s"
                " JOIN event_source_actors sa ON sa.event_source_id = s.id JOIN actors a ON a.id = sa.actor_id"
                f" WHERE s.event_id IN ({marks}) GROUP BY s.event_id, a.name ORDER BY s.event_id, min(s.id), a.name",
                chunk,
            )
            for event_id, name in rows:
                out.setdefault(event_id, EventExtras()).actors.append(name)
            rows = self._db.execute(
                f"SELECT cf.kind, {_FIGURE_COLUMNS} FROM current_figures cf JOIN figures f ON f.id = cf.figure_id"
                f" LEFT JOIN claimants c ON c.id = f.claimant_id WHERE cf.claimant = '*' AND cf.event_id IN ({marks})",
                chunk,
            )
            for r in rows:
                report = _figure(r[1:])
                out.setdefault(report.event_id, EventExtras()).overall_reports[r[0]] = report
            rows = self._db.execute(
                "SELECT event_id, kind, claimant, value, qualifier, low, high, contested, reports, figure_id"
                f" FROM current_figures WHERE claimant != '*' AND event_id IN ({marks})"
                " ORDER BY event_id, kind, claimant",
                chunk,
            )
            for r in rows:
                out.setdefault(r[0], EventExtras()).by_claimant.append(
                    CurrentFigure(r[1], r[2], r[3], r[4], r[5], r[6], bool(r[7]), r[8], r[9])
                )
        return out
