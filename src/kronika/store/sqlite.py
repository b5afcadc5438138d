"""The SQLite ledger store: one file, WAL journal, one transaction per article.

Opening (creation, locking for migrations, quick_check, read-only mode, one-line errors) is in connection.py.

`SQLiteStore` is the connection, its transactions and the whole-ledger checks; its methods come from mixins named
for what they do, each over the same connection:

    documents.py    DocumentStore     articles and their stories: store, refresh, find, remove reports, search
    writes.py       EventWrites       the write path: events, reports, claims, figures, indexes, merges, deletes
    reads.py        EventReads        one event's parts, the resolver's candidates and profiles, claimants
    queries.py      EventQueries      listings by filter (find_events, count_events) and their query plans
    corrections.py  Corrections       analysts' corrections, report links, retractions
    reference.py    ReferenceRecords  imported reference records
    bulk.py         BulkReads         reads of many events at once, for the exports
    fulltext.py     FullTextSearch    ranked full-text search
    rows.py                           the column lists and row-to-record functions the reads share

WAL lets readers (Datasette, a second `kronika events`) read while an ingest writes; `synchronous=NORMAL`
is enough in WAL mode to survive a killed process (only a power cut can lose the last commit, never
corrupt the file). Rows use plain INTEGER PRIMARY KEYs rather than AUTOINCREMENT on purpose: a rolled-back
article gives its ids back, so an interrupted and resumed ingest writes exactly the ids an uninterrupted
one would.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from kronika.store.bulk import BulkReads
from kronika.store.connection import connect
from kronika.store.corrections import Corrections
from kronika.store.documents import MAX_SEARCH_CHARS, DocumentStore
from kronika.store.fulltext import FullTextSearch
from kronika.store.queries import EventQueries, contains_pattern
from kronika.store.reads import EventReads
from kronika.store.reference import ReferenceRecords
from kronika.store.rows import _FIGURE_COLUMNS, _figure
from kronika.store.writes import EventWrites

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


class SQLiteStore(DocumentStore, EventWrites, EventReads, EventQueries, Corrections, ReferenceRecords, BulkReads,
                  FullTextSearch):
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

    # ------------------------------------------------------------------ the whole ledger

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


__all__ = ["MAX_SEARCH_CHARS", "SQLiteStore", "_FIGURE_COLUMNS", "_figure", "contains_pattern", "haversine_km"]
