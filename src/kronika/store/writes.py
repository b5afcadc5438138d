"""The write path of events: an event and its reports (places, actors, claims, figures), its current figures, its
filing in the day/cell indexes the resolver looks candidates up in, possible duplicates, and the moves and
deletes a merge or a re-ingest makes.

`SQLiteStore` takes these methods from `EventWrites`; call them inside `transaction()`.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence

from kronika.claimants import Claimant
from kronika.models import Location
from kronika.store.base import CurrentFigure, LedgerEvent, PossibleDuplicate, SourceReport


def _place_key(loc: Location) -> str:
    if loc.gazetteer_id:
        return loc.gazetteer_id
    return "|".join(part.strip().lower() for part in (loc.name, loc.admin1 or "", loc.country or ""))


# the columns of `events` that an update may change (id and seq never do)
_EVENT_WRITABLE = (
    "type",
    "date",
    "date_to",
    "place_id",
    "status",
    "contested",
    "source_count",
    "first_reported",
    "last_reported",
    "summary",
)


class EventWrites:
    """Mixin of SQLiteStore: `_db` is its connection."""

    _db: sqlite3.Connection

    def _place_id(self, loc: Location | None) -> int | None:
        if loc is None or not loc.name:
            return None
        key = _place_key(loc)
        row = self._db.execute("SELECT id, lat FROM places WHERE place_key = ?", (key,)).fetchone()
        if row is not None:
            if row[1] is None and loc.lat is not None:
                # a later report resolved the same place to coordinates: keep the better record
                self._db.execute(
                    "UPDATE places SET lat = ?, lon = ?, precision = ? WHERE id = ?",
                    (loc.lat, loc.lon, loc.precision, row[0]),
                )
            return int(row[0])
        cur = self._db.execute(
            "INSERT INTO places (place_key, name, admin1, admin2, country, lat, lon, precision, gazetteer_id)"
            " VALUES (?,?,?,?,?,?,?,?,?)",
            (key, loc.name, loc.admin1, loc.admin2, loc.country, loc.lat, loc.lon, loc.precision, loc.gazetteer_id),
        )
        return int(cur.lastrowid or 0)

    def _actor_id(self, name: str) -> int:
        row = self._db.execute("SELECT id FROM actors WHERE name = ?", (name,)).fetchone()
        if row is not None:
            return int(row[0])
        return int(self._db.execute("INSERT INTO actors (name) VALUES (?)", (name,)).lastrowid or 0)

    def _claimant_id(self, c: Claimant) -> str:
        """Store a canonical claimant once (the first name an `other:` id came with stays) and return its id."""
        self._db.execute(
            "INSERT OR IGNORE INTO claimants (id, name, kind, scope, side, region, city, known)"
            " VALUES (?,?,?,?,?,?,?,?)",
            (c.id, c.name, c.kind, c.scope, c.side, c.region, c.city, int(c.known)),
        )
        return c.id

    def _event_values(self, event: LedgerEvent) -> tuple:
        """The values of _EVENT_WRITABLE for an event, in that order."""
        return (
            event.type,
            event.date,
            event.date_to,
            self._place_id(event.place),
            event.status,
            int(event.contested),
            event.source_count,
            event.first_reported,
            event.last_reported,
            event.summary,
        )

    def insert_event(self, event: LedgerEvent) -> None:
        seq = self._db.execute("SELECT coalesce(max(seq), 0) + 1 FROM events").fetchone()[0]
        event.seq = int(seq)
        columns = ", ".join(_EVENT_WRITABLE)
        marks = ",".join("?" * (len(_EVENT_WRITABLE) + 2))
        self._db.execute(
            f"INSERT INTO events (id, seq, {columns}) VALUES ({marks})",
            (event.id, event.seq, *self._event_values(event)),
        )

    def update_event(self, event: LedgerEvent) -> None:
        # only the columns that changed: every index on a column named in SET is rewritten, and at a million
        # events those index pages are what a commit has to write
        values = self._event_values(event)
        row = self._db.execute(f"SELECT {', '.join(_EVENT_WRITABLE)} FROM events WHERE id = ?", (event.id,)).fetchone()
        changed = [(c, v) for c, v, old in zip(_EVENT_WRITABLE, values, row or [None] * len(values), strict=True)
                   if row is None or v != old]
        if changed:
            assignments = ", ".join(f"{c}=?" for c, _ in changed)
            self._db.execute(f"UPDATE events SET {assignments} WHERE id=?", (*(v for _, v in changed), event.id))

    def add_source(self, report: SourceReport) -> int:
        place_id = self._place_id(report.location)
        claimant_ids = {phrase: self._claimant_id(c) for phrase, c in report.claimants.items()}
        cur = self._db.execute(
            "INSERT INTO event_sources (event_id, document_id, story_id, extracted_id, outlet, published, type,"
            " date, place_id, claimed_by, status, quote, span_start, span_end, claimant_id, date_basis, date_partial,"
            " weekday, source_key, terms, toll_update, date_role, match_decision, match_score, match_evidence)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                report.event_id,
                report.document_id,
                report.story_id,
                report.extracted_id,
                report.outlet,
                report.published,
                report.type,
                report.date,
                place_id,
                report.claimed_by,
                report.status,
                report.quote,
                report.span[0],
                report.span[1],
                claimant_ids.get(report.claimed_by or ""),
                report.date_basis,
                report.date_partial,
                report.weekday,
                report.source_key,
                json.dumps(report.terms, sort_keys=True) if report.terms else None,
                int(report.toll_update),
                report.date_role,
                report.match_decision,
                report.match_score,
                json.dumps(report.match_evidence) if report.match_evidence else None,
            ),
        )
        source_id = int(cur.lastrowid or 0)
        report.id = source_id
        if place_id is not None:
            self._db.execute(
                "INSERT OR IGNORE INTO event_source_places VALUES (?, ?, 'primary')", (source_id, place_id)
            )
        for loc in report.places:
            other = self._place_id(loc)
            if other is not None and other != place_id:
                self._db.execute(
                    "INSERT OR IGNORE INTO event_source_places VALUES (?, ?, 'mentioned')", (source_id, other)
                )
        for actor in dict.fromkeys(a.strip() for a in report.actors if a.strip()):
            actor_id = self._actor_id(actor)
            self._db.execute("INSERT OR IGNORE INTO event_source_actors VALUES (?, ?)", (source_id, actor_id))
        if report.claimed_by or report.status != "reported":
            self._db.execute(
                "INSERT INTO claims (event_id, event_source_id, claimant, stance, outlet, published, quote,"
                " claimant_id) VALUES (?,?,?,?,?,?,?,?)",
                (
                    report.event_id,
                    source_id,
                    report.claimed_by,
                    report.status,
                    report.outlet,
                    report.published,
                    report.quote,
                    claimant_ids.get(report.claimed_by or ""),
                ),
            )
        for position, fig in enumerate(report.figures):
            self._db.execute(
                "INSERT INTO figures (event_id, event_source_id, document_id, position, kind, value, qualifier,"
                " claimed_by, outlet, reported_on, quote, span_start, span_end, claimant_id, claimant_person)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    report.event_id,
                    source_id,
                    report.document_id,
                    position,
                    fig.kind,
                    fig.value,
                    fig.qualifier,
                    fig.claimed_by,
                    report.outlet,
                    report.published,
                    fig.quote,
                    fig.span[0],
                    fig.span[1],
                    claimant_ids.get(fig.claimed_by or ""),
                    report.claimants[fig.claimed_by].person if fig.claimed_by in report.claimants else None,
                ),
            )
        return source_id

    def index_event(self, event_id: str, day: str, cells: Sequence[str]) -> None:
        self._db.executemany(
            "INSERT OR IGNORE INTO event_index (day, cell, event_id) VALUES (?, ?, ?)",
            [(day, cell, event_id) for cell in cells],
        )

    def replace_current_figures(self, event_id: str, rows: Sequence[CurrentFigure]) -> None:
        self._db.execute("DELETE FROM current_figures WHERE event_id = ?", (event_id,))
        self._db.executemany(
            "INSERT INTO current_figures VALUES (?,?,?,?,?,?,?,?,?,?)",
            [
                (event_id, r.kind, r.claimant, r.value, r.qualifier, r.low, r.high, int(r.contested), r.reports,
                 r.figure_id)
                for r in rows
            ],
        )

    def reindex_event(self, event_id: str, entries: Sequence[tuple[str, str]], recent_cells: Sequence[str]) -> None:
        """File an event afresh: (day key, cell) pairs in event_index, and its cells in event_recent. Only the
        difference from how it is filed now is written."""
        want = set(entries)
        have = {(r[0], r[1]) for r in self._db.execute("SELECT day, cell FROM event_index WHERE event_id = ?",
                                                        (event_id,))}
        self._db.executemany("DELETE FROM event_index WHERE day = ? AND cell = ? AND event_id = ?",
                             [(day, cell, event_id) for day, cell in sorted(have - want)])
        self._db.executemany("INSERT OR IGNORE INTO event_index (day, cell, event_id) VALUES (?, ?, ?)",
                             [(day, cell, event_id) for day, cell in sorted(want - have)])
        seq = self._db.execute("SELECT seq FROM events WHERE id = ?", (event_id,)).fetchone()
        if seq is None:
            return
        cells = set(recent_cells)
        filed = {r[0] for r in self._db.execute("SELECT cell FROM event_recent WHERE event_id = ?", (event_id,))}
        self._db.executemany("DELETE FROM event_recent WHERE cell = ? AND seq = ?",
                             [(cell, seq[0]) for cell in sorted(filed - cells)])
        self._db.executemany("INSERT OR IGNORE INTO event_recent (cell, seq, event_id) VALUES (?, ?, ?)",
                             [(cell, seq[0], event_id) for cell in sorted(cells - filed)])

    def add_possible_duplicate(self, dup: PossibleDuplicate) -> None:
        self._db.execute(
            "INSERT OR REPLACE INTO possible_duplicates (event_id, other_id, source_id, score, evidence)"
            " VALUES (?,?,?,?,?)",
            (dup.event_id, dup.other_id, dup.source_id, dup.score, json.dumps(dup.evidence)),
        )

    def move_source(self, source_id: int, event_id: str) -> None:
        for table, column in (("event_sources", "id"), ("claims", "event_source_id"), ("figures", "event_source_id")):
            self._db.execute(f"UPDATE {table} SET event_id = ? WHERE {column} = ?", (event_id, source_id))

    def set_match(self, source_id: int, decision: str, score: float | None, evidence: list[list[object]]) -> None:
        self._db.execute(
            "UPDATE event_sources SET match_decision = ?, match_score = ?, match_evidence = ? WHERE id = ?",
            (decision, score, json.dumps(evidence), source_id),
        )

    def delete_event(self, event_id: str) -> None:
        """Remove an event that no report feeds any more (after a merge moved them all, or a re-ingest)."""
        for sql in (
            "DELETE FROM current_figures WHERE event_id = ?",
            "DELETE FROM event_index WHERE event_id = ?",
            "DELETE FROM event_recent WHERE event_id = ?",
            "DELETE FROM possible_duplicates WHERE event_id = ?1 OR other_id = ?1",
            "DELETE FROM events WHERE id = ?",
        ):
            self._db.execute(sql, (event_id,))
