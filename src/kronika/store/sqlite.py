"""The SQLite ledger store: one file, WAL journal, one transaction per article.

Opening (creation, locking for migrations, quick_check, read-only mode, one-line errors) is in connection.py.

WAL lets readers (Datasette, a second `kronika events`) read while an ingest writes; `synchronous=NORMAL`
is enough in WAL mode to survive a killed process (only a power cut can lose the last commit, never
corrupt the file). Rows use plain INTEGER PRIMARY KEYs rather than AUTOINCREMENT on purpose: a rolled-back
article gives its ids back, so an interrupted and resumed ingest writes exactly the ids an uninterrupted
one would.
"""

from __future__ import annotations

import json
import math
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from kronika.claimants import Claimant
from kronika.errors import StoreError
from kronika.models import DocumentResult, Location
from kronika.store.base import (
    Correction,
    CurrentFigure,
    DocumentRecord,
    EventFilter,
    EventProfile,
    FigureReport,
    LedgerEvent,
    PossibleDuplicate,
    ReferenceDay,
    ReferenceImport,
    SourceReport,
    StoredDocument,
    check_filter_text,
    filter_values,
)
from kronika.store.bulk import BulkReads
from kronika.store.connection import connect
from kronika.store.fulltext import FullTextSearch

MAX_SEARCH_CHARS = 1000  # an FTS5 query of a few dozen terms; longer ones make the query planner slow

# columns that record when something was written, not what: left out of `dump()` so two ledgers built
# from the same input at different times compare equal
_WALL_CLOCK_COLUMNS = {"documents": {"ingested_at"}, "schema_migrations": {"applied_at"}, "corrections": {"at"}}
_DUMP_TABLES = (
    "schema_migrations",
    "documents",
    "stories",
    "places",
    "actors",
    "events",
    "event_sources",
    "event_source_places",
    "event_source_actors",
    "claims",
    "figures",
    "current_figures",
    "event_index",
    "claimants",
    "event_recent",
    "possible_duplicates",
    "corrections",
    "correction_links",
    "retractions",
)

# the order events are listed in: by day, undated last ('~' sorts after every ISO day), then creation order;
# migration 2 indexes (this expression, seq), which keyset pagination (`EventFilter.after`) walks
_UNDATED_KEY = "~"
_WORDS_BATCH = 250  # events of the listing checked against the full-text index at a time (common words)
_RANGE_SPREAD = 20  # a batch's articles are probed by rowid range when the range is at most this many per article
_FEW_ARTICLES = 2000  # below this many matching articles (or reports at a place), a filter lists them first
_MAX_PLACES = 20000  # a place filter matching more places than this matches names report by report
_LISTING_KEY = "ifnull(e.date, '~')"

_EVENT_COLUMNS = (
    "e.id, e.type, e.date, e.date_to, e.status, e.contested, e.source_count, e.first_reported, "
    "e.last_reported, e.summary, e.seq, p.name, p.admin1, p.admin2, p.country, p.lat, p.lon, p.precision, "
    "p.gazetteer_id"
)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _place_key(loc: Location) -> str:
    if loc.gazetteer_id:
        return loc.gazetteer_id
    return "|".join(part.strip().lower() for part in (loc.name, loc.admin1 or "", loc.country or ""))


def _location(row: Sequence[object], offset: int) -> Location | None:
    name = row[offset]
    if name is None:
        return None
    return Location(
        name=str(name),
        admin1=row[offset + 1],  # type: ignore[arg-type]
        admin2=row[offset + 2],  # type: ignore[arg-type]
        country=row[offset + 3],  # type: ignore[arg-type]
        lat=row[offset + 4],  # type: ignore[arg-type]
        lon=row[offset + 5],  # type: ignore[arg-type]
        precision=row[offset + 6] or "ambiguous",  # type: ignore[arg-type]
        gazetteer_id=row[offset + 7],  # type: ignore[arg-type]
    )


def _event(row: Sequence[object]) -> LedgerEvent:
    return LedgerEvent(
        id=row[0],  # type: ignore[arg-type]
        type=row[1],  # type: ignore[arg-type]
        date=row[2],  # type: ignore[arg-type]
        date_to=row[3],  # type: ignore[arg-type]
        status=row[4],  # type: ignore[arg-type]
        contested=bool(row[5]),
        source_count=row[6],  # type: ignore[arg-type]
        first_reported=row[7],  # type: ignore[arg-type]
        last_reported=row[8],  # type: ignore[arg-type]
        summary=row[9],  # type: ignore[arg-type]
        seq=row[10],  # type: ignore[arg-type]
        place=_location(row, 11),
    )


_LIKE = "LIKE ? ESCAPE '\\'"


def contains_pattern(value: str) -> str:
    """A LIKE pattern (for `_LIKE`) matching `value` as a plain substring: its % and _ are letters, not wildcards."""
    escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, a)))


def _sql_haversine_km(lat1: float | None, lon1: float | None, lat2: float | None, lon2: float | None) -> float | None:
    if lat1 is None or lon1 is None or lat2 is None or lon2 is None:
        return None
    return haversine_km(lat1, lon1, lat2, lon2)


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

class SQLiteStore(BulkReads, FullTextSearch):
    """A ledger in one SQLite file (or ':memory:' for tests); `readonly` for commands that only read."""

    def __init__(self, path: str | Path, *, readonly: bool = False) -> None:
        self.path = str(path)
        self.readonly = readonly
        self._depth = 0  # open transactions: 0 none, 1 a transaction, more: savepoints inside it
        self._db = connect(self.path, readonly=readonly)
        self._db.create_function("haversine_km", 4, _sql_haversine_km, deterministic=True)

    # ------------------------------------------------------------------ lifecycle

    @property
    def schema_version(self) -> int:
        return int(self._db.execute("PRAGMA user_version").fetchone()[0])

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> SQLiteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One transaction; inside another (a batch of articles in one commit, an analyst correction), a savepoint:
        each article stays all-or-nothing either way."""
        if self._depth:
            yield from self._savepoint()
            return
        # the connection's errors are already one-line StoreErrors (locked too long, read-only, disk full)
        self._db.execute("BEGIN IMMEDIATE")
        self._depth = 1
        try:
            yield
        except BaseException:
            if self._db.in_transaction:
                self._db.execute("ROLLBACK")
            raise
        finally:
            self._depth = 0
        self._db.execute("COMMIT")

    def _savepoint(self) -> Iterator[None]:
        name = f"sp{self._depth}"
        self._db.execute(f"SAVEPOINT {name}")
        self._depth += 1
        try:
            yield
        except BaseException:
            self._db.execute(f"ROLLBACK TO {name}")
            self._db.execute(f"RELEASE {name}")
            raise
        finally:
            self._depth -= 1
        self._db.execute(f"RELEASE {name}")

    # ------------------------------------------------------------------ documents

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

    # ------------------------------------------------------------------ events

    def candidate_events(self, days: Sequence[str], cells: Sequence[str]) -> list[LedgerEvent]:
        if not days or not cells:
            return []
        day_marks = ",".join("?" * len(days))
        cell_marks = ",".join("?" * len(cells))
        rows = self._db.execute(
            f"SELECT {_EVENT_COLUMNS} FROM events e LEFT JOIN places p ON p.id = e.place_id"
            f" WHERE e.id IN (SELECT event_id FROM event_index WHERE day IN ({day_marks}) AND cell IN ({cell_marks}))"
            " ORDER BY e.seq",
            (*days, *cells),
        ).fetchall()
        return [_event(r) for r in rows]

    def event_ids_of_document(self, document_id: int) -> set[str]:
        rows = self._db.execute("SELECT DISTINCT event_id FROM event_sources WHERE document_id = ?", (document_id,))
        return {r[0] for r in rows}

    def count_event_ids(self, prefix: str) -> int:
        # a range scan on the primary key: ids sharing a prefix are contiguous
        row = self._db.execute(
            "SELECT count(*) FROM events WHERE id >= ? AND id < ?", (prefix + "-", prefix + "-\U0010ffff")
        ).fetchone()
        return int(row[0])

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

    def _claimant_id(self, c: Claimant) -> str:
        """Store a canonical claimant once (the first name an `other:` id came with stays) and return its id."""
        self._db.execute(
            "INSERT OR IGNORE INTO claimants (id, name, kind, scope, side, region, city, known)"
            " VALUES (?,?,?,?,?,?,?,?)",
            (c.id, c.name, c.kind, c.scope, c.side, c.region, c.city, int(c.known)),
        )
        return c.id

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

    def recent_events(self, cells: Sequence[str], limit: int) -> list[LedgerEvent]:
        ids: set[str] = set()
        for cell in dict.fromkeys(cells):
            rows = self._db.execute(
                "SELECT event_id FROM event_recent WHERE cell = ? ORDER BY seq DESC LIMIT ?", (cell, limit)
            )
            ids.update(r[0] for r in rows)
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        rows = self._db.execute(
            f"SELECT {_EVENT_COLUMNS} FROM events e LEFT JOIN places p ON p.id = e.place_id"
            f" WHERE e.id IN ({marks}) ORDER BY e.seq",
            tuple(ids),
        ).fetchall()
        return [_event(r) for r in rows]

    def event_profile(self, event_id: str) -> EventProfile:
        prof = EventProfile()
        rows = self._db.execute(
            "SELECT date, date_basis, date_partial, weekday, terms, date_role, document_id, claimed_by, toll_update"
            " FROM event_sources WHERE event_id = ?",
            (event_id,),
        )
        dated_updates = dated = 0
        for day, basis, partial, weekday, terms, role, document_id, claimant, update in rows:
            prof.documents.add(document_id)
            prof.updates = prof.updates or bool(update)
            dated += bool(day)
            dated_updates += bool(day) and (bool(update) or role == "update")
            if day:
                if role == "update":
                    prof.update_dates.append(day)
                elif basis == "story":
                    prof.story_dates.append(day)
                else:
                    prof.text_dates.append(day)
            if partial:
                prof.partials.add(partial)
            if weekday:
                prof.weekdays.add(int(weekday))
            if terms:
                prof.terms.update(json.loads(terms))
            if claimant:
                prof.actors.add(claimant)
                prof.claimants.add(claimant)
        prof.actors |= self.actors_of_event(event_id)
        prof.only_updates = dated > 0 and dated == dated_updates
        return prof

    def add_possible_duplicate(self, dup: PossibleDuplicate) -> None:
        self._db.execute(
            "INSERT OR REPLACE INTO possible_duplicates (event_id, other_id, source_id, score, evidence)"
            " VALUES (?,?,?,?,?)",
            (dup.event_id, dup.other_id, dup.source_id, dup.score, json.dumps(dup.evidence)),
        )

    def possible_duplicates(self, event_id: str) -> list[PossibleDuplicate]:
        rows = self._db.execute(
            "SELECT event_id, other_id, source_id, score, evidence FROM possible_duplicates"
            " WHERE event_id = ? OR other_id = ? ORDER BY score DESC, event_id, other_id",
            (event_id, event_id),
        )
        return [PossibleDuplicate(r[0], r[1], r[2], r[3], json.loads(r[4])) for r in rows]

    # ------------------------------------------------------------------ analyst corrections

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

    def next_event_number(self, prefix: str) -> int:
        """1 + the largest number among ids 'PREFIX-N' (not a count: a deleted event leaves a gap)."""
        rows = self._db.execute(
            "SELECT id FROM events WHERE id >= ? AND id < ?", (prefix + "-", prefix + "-\U0010ffff")
        )
        numbers = [int(tail) for (eid,) in rows if (tail := eid[len(prefix) + 1 :]).isdigit()]
        return max(numbers, default=0) + 1

    # ------------------------------------------------------------------ reads

    def get_event(self, event_id: str) -> LedgerEvent | None:
        row = self._db.execute(
            f"SELECT {_EVENT_COLUMNS} FROM events e LEFT JOIN places p ON p.id = e.place_id WHERE e.id = ?",
            (event_id,),
        ).fetchone()
        return _event(row) if row else None

    def find_events(self, flt: EventFilter) -> list[LedgerEvent]:
        if flt.q and flt.limit is not None and self._few_articles(flt.q) is None:
            return self._find_by_common_words(flt, flt.q, flt.limit)
        where, args = self._event_where(flt)
        sql = f"SELECT {_EVENT_COLUMNS} FROM events e LEFT JOIN places p ON p.id = e.place_id"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += f" ORDER BY {_LISTING_KEY}, e.seq"
        if flt.limit is not None:
            sql += " LIMIT ?"
            args.append(flt.limit)
        return [_event(r) for r in self._db.execute(sql, args)]

    def count_events(self, flt: EventFilter) -> list[tuple[str | None, str, int, int, int]]:
        """(day, type, events, contested events, killed) of the events matching `flt`, by first day, undated last."""
        where, args = self._event_where(flt)
        sql = (
            "SELECT e.date, e.type, count(*), sum(e.contested), coalesce(sum(cf.value), 0)"
            " FROM events e LEFT JOIN places p ON p.id = e.place_id"
            " LEFT JOIN current_figures cf ON cf.event_id = e.id AND cf.kind = 'killed' AND cf.claimant = '*'"
        )
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += f" GROUP BY e.date, e.type ORDER BY {_LISTING_KEY}, e.type"
        return [(r[0], r[1], int(r[2]), int(r[3] or 0), int(r[4])) for r in self._db.execute(sql, args)]

    def _event_where(self, flt: EventFilter) -> tuple[list[str], list[object]]:
        """The WHERE conditions (joined with AND) and their arguments for `flt` over `events e`, `places p`."""
        where: list[str] = []
        args: list[object] = []
        if flt.since:
            # an event spanning days (date..date_to) is in range when its last day is; the lower bound on the
            # listing key is the earliest first day of such an event, so the listing index gives a range scan
            where.append(f"{_LISTING_KEY} >= ? AND coalesce(e.date_to, e.date) >= ?")
            args += [self._earliest_start_overlapping(flt.since), flt.since]
        if flt.until:
            where.append(f"{_LISTING_KEY} <= ?")
            args.append(flt.until)
        types = (flt.type,) if isinstance(flt.type, str) else tuple(flt.type or ())
        if types:
            where.append(f"e.type IN ({','.join('?' * len(types))})")
            args += types
        if flt.contested is not None:
            where.append("e.contested = ?")
            args.append(int(flt.contested))
        if flt.place:  # any of the names given
            likes = [contains_pattern(name) for name in filter_values(flt.place)]
            named = " OR ".join(f"q.name {_LIKE} OR q.admin1 {_LIKE} OR q.admin2 {_LIKE}" for _ in likes)
            triples = [like for like in likes for _ in range(3)]
            places = [r[0] for r in self._db.execute(f"SELECT id FROM places q WHERE {named}", triples)]
            if len(places) <= _MAX_PLACES:
                clause, values = self._place_clause(places)
            else:  # too many to list: match names report by report
                clause = (
                    "EXISTS (SELECT 1 FROM event_sources s JOIN event_source_places sp ON sp.event_source_id = s.id"
                    f" JOIN places q ON q.id = sp.place_id WHERE s.event_id = e.id AND ({named}))"
                )
                values = triples
            where.append(clause)
            args += values
        if flt.claimant:  # any of the names given
            likes = [contains_pattern(name) for name in filter_values(flt.claimant)]
            clauses = []
            for table, column in (("claims", "claimant"), ("figures", "claimed_by")):
                names = list(dict.fromkeys(n for like in likes for n in self._distinct_like(table, column, like)))
                if names:
                    clause, values = self._claimant_clause(table, column, names)
                    clauses.append(clause)
                    args += values
            where.append("(" + " OR ".join(clauses) + ")" if clauses else "0")
        if flt.near:
            lat, lon, km = flt.near
            dlat = km / 111.0
            dlon = km / max(1e-6, 111.0 * math.cos(math.radians(lat)))
            where.append("p.lat BETWEEN ? AND ? AND p.lon BETWEEN ? AND ? AND haversine_km(?, ?, p.lat, p.lon) <= ?")
            args += [lat - dlat, lat + dlat, lon - dlon, lon + dlon, lat, lon, km]
        if flt.q:
            clause, values = self._words_clause(flt.q)
            where.append(clause)
            args += values
        if flt.after:
            day, seq = flt.after
            key = day if day is not None else _UNDATED_KEY
            # (key, seq) > (?, ?) spelt out: SQLite turns only this form into a range on the listing index
            where.append(f"{_LISTING_KEY} >= ? AND ({_LISTING_KEY} > ? OR e.seq > ?)")
            args += [key, key, seq]
        return where, args

    def _place_clause(self, places: list[int]) -> tuple[str, list[object]]:
        """Events a report of which names one of `places`, by the cheaper of two plans.

        Few reports name them (a village): look those reports up by place and take their events. Many (a
        region): walk the listing and check each event's reports, so a page stops after `limit` events.
        """
        if not places:
            return "0", []
        marks = ",".join("?" * len(places))
        few = self._db.execute(
            f"SELECT count(*) FROM (SELECT 1 FROM event_source_places WHERE place_id IN ({marks}) LIMIT ?)",
            (*places, _FEW_ARTICLES + 1),
        ).fetchone()[0] <= _FEW_ARTICLES
        if few:
            return (
                "e.id IN (SELECT s.event_id FROM event_source_places sp JOIN event_sources s"
                f" ON s.id = sp.event_source_id WHERE sp.place_id IN ({marks}))",
                list(places),
            )
        return (
            "EXISTS (SELECT 1 FROM event_sources s JOIN event_source_places sp ON sp.event_source_id = s.id"
            f" WHERE s.event_id = e.id AND +sp.place_id IN ({marks}))",  # '+': a set to test, not a key to probe
            list(places),
        )

    def _distinct_like(self, table: str, column: str, like: str) -> list[str]:
        """The distinct values of an indexed column that match a LIKE pattern, one index seek per value.

        Claimants are few and repeat across millions of rows: hopping from one value to the next in the index
        (a loose index scan) reads each once, where `WHERE column LIKE ?` would read every row.
        """
        rows = self._db.execute(
            f"WITH RECURSIVE v(x) AS (SELECT min({column}) FROM {table}"
            f" UNION ALL SELECT (SELECT min({column}) FROM {table} WHERE {column} > v.x) FROM v WHERE v.x IS NOT NULL)"
            f" SELECT x FROM v WHERE x {_LIKE}",
            (like,),
        )
        return [r[0] for r in rows]

    def _claimant_clause(self, table: str, column: str, names: list[str]) -> tuple[str, list[object]]:
        """Events with a row of `table` whose `column` is one of `names`, by the cheaper of two plans."""
        names = names[:_MAX_PLACES]
        marks = ",".join("?" * len(names))
        count = self._db.execute(
            f"SELECT count(*) FROM (SELECT 1 FROM {table} WHERE {column} IN ({marks}) LIMIT ?)",
            (*names, _FEW_ARTICLES + 1),
        ).fetchone()[0]
        if count <= _FEW_ARTICLES:
            return f"e.id IN (SELECT event_id FROM {table} WHERE {column} IN ({marks}))", list(names)
        return f"EXISTS (SELECT 1 FROM {table} t WHERE t.event_id = e.id AND +t.{column} IN ({marks}))", list(names)

    def _words_clause(self, query: str) -> tuple[str, list[object]]:
        """Events with a source article matching an FTS5 query, by the cheaper of two plans.

        Rare words: the few matching articles are listed first and their events looked up. Common words: the
        listing walks events in order and asks the full-text index about each one's articles, so a page stops
        after `limit` events instead of collecting every article that mentions "strike".
        """
        docs = self._few_articles(query)
        if docs is not None:
            return (
                "e.id IN (SELECT s.event_id FROM event_sources s"
                " WHERE s.document_id IN (SELECT value FROM json_each(?)))",
                [json.dumps(docs)],
            )
        return (
            "EXISTS (SELECT 1 FROM event_sources s JOIN documents_fts f ON f.rowid = s.document_id"
            " WHERE s.event_id = e.id AND f.documents_fts MATCH ?)",
            [query],
        )

    def _few_articles(self, query: str) -> list[int] | None:
        """The articles matching an FTS5 query when they are few (at most _FEW_ARTICLES), else None."""
        try:
            docs = [r[0] for r in self._db.execute(
                "SELECT rowid FROM documents_fts WHERE documents_fts MATCH ? LIMIT ?", (query, _FEW_ARTICLES + 1)
            )]
        except sqlite3.OperationalError as exc:
            raise StoreError(f"bad search words {query!r}: {exc}") from exc
        return docs if len(docs) <= _FEW_ARTICLES else None

    def _find_by_common_words(self, flt: EventFilter, query: str, limit: int) -> list[LedgerEvent]:
        """A page of the listing filtered by common words: the listing is walked (the other filters in SQL) a
        batch of events at a time, and the full-text index is asked about a batch's articles at once, by their
        rowid range when they lie close together (articles are stored as they come, and a page of the listing is
        mostly articles of the same days), else article by article. One probe per report costs ~30 µs; one
        range probe for a batch of 500 reports costs under 1 ms."""
        where, args = self._event_where(replace(flt, q=None, limit=None))
        sql = f"SELECT {_EVENT_COLUMNS} FROM events e LEFT JOIN places p ON p.id = e.place_id"
        if where:
            sql += " WHERE " + " AND ".join(where)
        rows = self._db.execute(sql + f" ORDER BY {_LISTING_KEY}, e.seq", args)
        out: list[LedgerEvent] = []
        while len(out) < limit:
            batch = [_event(r) for r in rows.fetchmany(_WORDS_BATCH)]
            if not batch:
                break
            reports = self._db.execute(
                "SELECT event_id, document_id FROM event_sources WHERE event_id IN (SELECT value FROM json_each(?))",
                (json.dumps([e.id for e in batch]),),
            ).fetchall()
            matching = self._matching_articles(query, {d for _, d in reports})
            hits = {event_id for event_id, d in reports if d in matching}
            out += [e for e in batch if e.id in hits][: limit - len(out)]
        rows.close()
        return out

    def _matching_articles(self, query: str, docs: set[int]) -> set[int]:
        if not docs:
            return set()
        lo, hi = min(docs), max(docs)
        if hi - lo < _RANGE_SPREAD * len(docs):
            found = self._db.execute(
                "SELECT rowid FROM documents_fts WHERE documents_fts MATCH ? AND rowid BETWEEN ? AND ?", (query, lo, hi)
            )
        else:
            found = self._db.execute(
                "SELECT rowid FROM documents_fts WHERE documents_fts MATCH ? AND rowid IN"
                " (SELECT value FROM json_each(?))", (query, json.dumps(sorted(docs))),
            )
        return {r[0] for r in found} & docs

    def _earliest_start_overlapping(self, day: str) -> str:
        """The first day of the earliest multi-day event still running on `day` (or `day` itself)."""
        # the partial index holds only multi-day events; without INDEXED BY the planner may walk events_date
        row = self._db.execute(
            "SELECT min(date) FROM events INDEXED BY events_spans WHERE date_to IS NOT NULL AND date_to >= ?", (day,)
        ).fetchone()
        return min(row[0], day) if row and row[0] else day

    def sources(self, event_id: str) -> list[SourceReport]:
        rows = self._db.execute(
            "SELECT s.id, s.event_id, s.document_id, s.extracted_id, s.type, s.status, s.quote, s.span_start,"
            " s.span_end, s.story_id, s.outlet, s.published, s.date, s.claimed_by, d.path, d.title,"
            " p.name, p.admin1, p.admin2, p.country, p.lat, p.lon, p.precision, p.gazetteer_id,"
            " s.date_basis, s.date_partial, s.weekday, coalesce(s.source_key, d.content_hash || ':' || s.extracted_id),"
            " s.terms, s.toll_update, s.date_role,"
            " s.match_decision, s.match_score, s.match_evidence, d.url,"
            " EXISTS (SELECT 1 FROM retractions r WHERE r.content_hash = d.content_hash),"
            " c.id, c.name, c.kind, c.scope, c.side, c.region, c.city, c.known"
            " FROM event_sources s JOIN documents d ON d.id = s.document_id LEFT JOIN places p ON p.id = s.place_id"
            " LEFT JOIN claimants c ON c.id = s.claimant_id"
            " WHERE s.event_id = ? ORDER BY s.id",
            (event_id,),
        ).fetchall()
        reports = []
        for r in rows:
            report = SourceReport(
                id=r[0],
                event_id=r[1],
                document_id=r[2],
                extracted_id=r[3],
                type=r[4],
                status=r[5],
                quote=r[6],
                span=(r[7], r[8]),
                story_id=r[9],
                outlet=r[10],
                published=r[11],
                date=r[12],
                claimed_by=r[13],
                document_path=r[14],
                document_title=r[15],
                location=_location(r, 16),
                date_basis=r[24],
                date_partial=r[25],
                weekday=r[26],
                source_key=r[27],
                terms=json.loads(r[28]) if r[28] else {},
                toll_update=bool(r[29]),
                date_role=r[30],
                match_decision=r[31],
                match_score=r[32],
                match_evidence=json.loads(r[33]) if r[33] else [],
                document_url=r[34],
                retracted=bool(r[35]),
            )
            if r[36] is not None and report.claimed_by:  # the canonical claimant of the report's own phrase
                report.claimants[report.claimed_by] = Claimant(
                    r[36], r[37], r[38], r[39], side=r[40], region=r[41], city=r[42], known=bool(r[43]),
                    phrase=report.claimed_by,
                )
            report.actors = [
                a[0]
                for a in self._db.execute(
                    "SELECT a.name FROM event_source_actors sa JOIN actors a ON a.id = sa.actor_id"
                    " WHERE sa.event_source_id = ? ORDER BY a.name",
                    (report.id,),
                )
            ]
            reports.append(report)
        return reports

    def actors_of_event(self, event_id: str) -> set[str]:
        rows = self._db.execute(
            "SELECT DISTINCT a.name FROM event_sources s JOIN event_source_actors sa ON sa.event_source_id = s.id"
            " JOIN actors a ON a.id = sa.actor_id WHERE s.event_id = ?",
            (event_id,),
        )
        return {r[0] for r in rows}

    def stances(self, event_id: str) -> list[tuple[str | None, str]]:
        rows = self._db.execute(
            "SELECT s.claimed_by, s.status FROM event_sources s JOIN documents d ON d.id = s.document_id"
            " WHERE s.event_id = ? AND NOT EXISTS (SELECT 1 FROM retractions r WHERE r.content_hash = d.content_hash)"
            " ORDER BY s.id",
            (event_id,),
        )
        return [(r[0], r[1]) for r in rows]

    def figure_reports(self, event_id: str) -> list[FigureReport]:
        rows = self._db.execute(
            f"SELECT {_FIGURE_COLUMNS} FROM figures f LEFT JOIN claimants c ON c.id = f.claimant_id"
            " WHERE f.event_id = ? ORDER BY f.id",
            (event_id,),
        ).fetchall()
        return [_figure(r) for r in rows]

    def current_figures(self, event_id: str) -> list[CurrentFigure]:
        rows = self._db.execute(
            "SELECT kind, claimant, value, qualifier, low, high, contested, reports, figure_id FROM current_figures"
            " WHERE event_id = ? ORDER BY kind, claimant = '*' DESC, claimant",
            (event_id,),
        ).fetchall()
        return [CurrentFigure(r[0], r[1], r[2], r[3], r[4], r[5], bool(r[6]), r[7], r[8]) for r in rows]

    def current_figures_of(self, event_ids: Sequence[str], claimant: str) -> dict[str, list[CurrentFigure]]:
        """One claimant's current figures (OVERALL for the event's own) of many events, in one query per 500."""
        out: dict[str, list[CurrentFigure]] = {}
        ids = list(dict.fromkeys(event_ids))
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            rows = self._db.execute(
                "SELECT event_id, kind, claimant, value, qualifier, low, high, contested, reports, figure_id"
                f" FROM current_figures WHERE claimant = ? AND event_id IN ({','.join('?' * len(chunk))})"
                " ORDER BY event_id, kind",
                (claimant, *chunk),
            )
            for r in rows:
                out.setdefault(r[0], []).append(
                    CurrentFigure(r[1], r[2], r[3], r[4], r[5], r[6], bool(r[7]), r[8], r[9])
                )
        return out

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

    def figure_reports_of_kinds(
        self, kinds: Sequence[str], since: str | None, until: str | None
    ) -> list[tuple[LedgerEvent, FigureReport]]:
        marks = ",".join("?" * len(kinds))
        sql = (
            f"SELECT {_EVENT_COLUMNS}, {_FIGURE_COLUMNS}"
            " FROM figures f JOIN events e ON e.id = f.event_id LEFT JOIN places p ON p.id = e.place_id"
            f" LEFT JOIN claimants c ON c.id = f.claimant_id WHERE f.kind IN ({marks})"
        )
        args: list[object] = list(kinds)
        if since:
            sql += " AND e.date >= ?"
            args.append(since)
        if until:
            sql += " AND e.date <= ?"
            args.append(until)
        sql += " ORDER BY e.date, e.seq, f.id"
        out = []
        for r in self._db.execute(sql, args):
            out.append((_event(r[:19]), _figure(r[19:])))
        return out

    def claimants(self) -> dict[str, Claimant]:
        rows = self._db.execute("SELECT id, name, kind, scope, side, region, city, known FROM claimants")
        return {
            r[0]: Claimant(r[0], r[1], r[2], r[3], side=r[4], region=r[5], city=r[6], known=bool(r[7])) for r in rows
        }

    # ------------------------------------------------------------------ reference records

    _IMPORT_COLUMNS = (
        "source, path, file_sha256, rows_read, rows_stored, rows_rejected, first_day, last_day, catalogue_path,"
        " catalogue_sha256, imported_at, id"
    )
    _DAY_COLUMNS = (
        "day, scope, period, command, drones_launched, drones_destroyed, drones_not_reached, missiles_launched,"
        " missiles_destroyed, missiles_not_reached, other_launched, rows, rows_missing_values, posts, window_start,"
        " window_end, bodies, targets"
    )

    def reference_import(self, source: str) -> ReferenceImport | None:
        row = self._db.execute(
            f"SELECT {self._IMPORT_COLUMNS} FROM reference_imports WHERE source = ?", (source,)
        ).fetchone()
        return ReferenceImport(*row) if row else None

    def reference_imports(self) -> list[ReferenceImport]:
        rows = self._db.execute(f"SELECT {self._IMPORT_COLUMNS} FROM reference_imports ORDER BY source")
        return [ReferenceImport(*r) for r in rows]

    def replace_reference(
        self, imp: ReferenceImport, rows: Sequence[tuple[object, ...]], days: Sequence[ReferenceDay]
    ) -> None:
        """Replace the source's earlier import (its rows and days) with this one; call inside transaction()."""
        old = self._db.execute("SELECT id FROM reference_imports WHERE source = ?", (imp.source,)).fetchone()
        if old is not None:
            for table in ("reference_days", "reference_rows"):
                self._db.execute(f"DELETE FROM {table} WHERE import_id = ?", (old[0],))
            self._db.execute("DELETE FROM reference_imports WHERE id = ?", (old[0],))
        imp.imported_at = imp.imported_at or _now()
        cur = self._db.execute(
            "INSERT INTO reference_imports (source, path, file_sha256, rows_read, rows_stored, rows_rejected,"
            " first_day, last_day, catalogue_path, catalogue_sha256, imported_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            (imp.source, imp.path, imp.file_sha256, imp.rows_read, imp.rows_stored, imp.rows_rejected, imp.first_day,
             imp.last_day, imp.catalogue_path, imp.catalogue_sha256, imp.imported_at),
        )
        imp.id = int(cur.lastrowid or 0)
        self._db.executemany(
            "INSERT INTO reference_rows (import_id, line, day, time_start, time_end, model, weapon, launched,"
            " destroyed, not_reached, target, source, claimant_id, scope, period)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [(imp.id, *r) for r in rows],
        )
        self._db.executemany(
            f"INSERT INTO reference_days (import_id, {self._DAY_COLUMNS}) VALUES ({','.join('?' * 19)})",
            [
                (imp.id, d.day, d.scope, d.period, d.command, d.drones_launched, d.drones_destroyed,
                 d.drones_not_reached, d.missiles_launched, d.missiles_destroyed, d.missiles_not_reached,
                 d.other_launched, d.rows, d.rows_missing_values, d.posts, d.window_start, d.window_end,
                 ",".join(d.bodies), "; ".join(d.targets))
                for d in days
            ],
        )

    def reference_days(self, source: str, since: str | None, until: str | None) -> list[ReferenceDay]:
        sql = (
            f"SELECT {', '.join('d.' + c.strip() for c in self._DAY_COLUMNS.split(','))} FROM reference_days d"
            " JOIN reference_imports i ON i.id = d.import_id WHERE i.source = ?"
        )
        args: list[object] = [source]
        if since:
            sql += " AND d.day >= ?"
            args.append(since)
        if until:
            sql += " AND d.day <= ?"
            args.append(until)
        out = []
        for r in self._db.execute(sql + " ORDER BY d.day, d.scope, d.period, d.command", args):
            out.append(ReferenceDay(*r[:16], bodies=[b for b in r[16].split(",") if b],
                                    targets=[t for t in r[17].split("; ") if t]))
        return out

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

    def counts(self) -> dict[str, int]:
        tables = ("documents", "stories", "events", "event_sources", "figures", "claims", "places", "actors")
        out = {t: int(self._db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]) for t in tables}
        out["contested_events"] = int(self._db.execute("SELECT count(*) FROM events WHERE contested").fetchone()[0])
        return out

    def dump(self) -> Iterator[tuple[str, tuple[object, ...]]]:
        """Every row of every table, wall-clock columns left out: equal dumps mean equal ledgers."""
        for table in _DUMP_TABLES:
            cols = [r[1] for r in self._db.execute(f"PRAGMA table_info({table})")]
            keep = [c for c in cols if c not in _WALL_CLOCK_COLUMNS.get(table, set())]
            for row in self._db.execute(f"SELECT {', '.join(keep)} FROM {table} ORDER BY {', '.join(keep)}"):
                yield table, tuple(row)

    def check_fts(self) -> None:
        """Raise sqlite3.DatabaseError when the full-text index disagrees with the documents table."""
        self._db.execute("INSERT INTO documents_fts(documents_fts) VALUES ('integrity-check')")


_FIGURE_COLUMNS = (
    "f.id, f.event_id, f.event_source_id, f.document_id, f.position, f.kind, f.value, f.qualifier, f.claimed_by,"
    " f.outlet, f.reported_on, f.quote, f.span_start, f.span_end, f.claimant_id, c.name,"
    " (SELECT s.claimant_id FROM event_sources s WHERE s.id = f.event_source_id),"
    # from a document an analyst retracted: kept as history, never counted as current
    " EXISTS (SELECT 1 FROM retractions r JOIN documents d ON d.content_hash = r.content_hash"
    " WHERE d.id = f.document_id)"
)


def _figure(r: Sequence[object]) -> FigureReport:
    return FigureReport(
        id=r[0],  # type: ignore[arg-type]
        event_id=r[1],  # type: ignore[arg-type]
        source_id=r[2],  # type: ignore[arg-type]
        document_id=r[3],  # type: ignore[arg-type]
        position=r[4],  # type: ignore[arg-type]
        kind=r[5],  # type: ignore[arg-type]
        value=r[6],  # type: ignore[arg-type]
        qualifier=r[7],  # type: ignore[arg-type]
        claimed_by=r[8],  # type: ignore[arg-type]
        outlet=r[9],  # type: ignore[arg-type]
        reported_on=r[10],  # type: ignore[arg-type]
        quote=r[11],  # type: ignore[arg-type]
        span=(r[12], r[13]),  # type: ignore[arg-type]
        claimant_id=r[14],  # type: ignore[arg-type]
        claimant_name=r[15],  # type: ignore[arg-type]
        report_claimant_id=r[16],  # type: ignore[arg-type]
        retracted=bool(r[17]) if len(r) > 17 else False,
    )
