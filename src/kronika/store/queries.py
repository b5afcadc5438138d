"""Listings of events by filter (`find_events`, `count_events`): an `EventFilter` becomes SQL over the listing
index, and each place, claimant or word filter picks the cheaper of two plans by how many rows match.

`SQLiteStore` takes these methods from `EventQueries`.
"""

from __future__ import annotations

import json
import math
import sqlite3
from dataclasses import replace

from kronika.errors import StoreError
from kronika.store.base import EventFilter, LedgerEvent, filter_values
from kronika.store.rows import _EVENT_COLUMNS, _event

# the order events are listed in: by day, undated last ('~' sorts after every ISO day), then creation order;
# migration 2 indexes (this expression, seq), which keyset pagination (`EventFilter.after`) walks
_UNDATED_KEY = "~"
_WORDS_BATCH = 250  # events of the listing checked against the full-text index at a time (common words)
_RANGE_SPREAD = 20  # a batch's articles are probed by rowid range when the range is at most this many per article
_FEW_ARTICLES = 2000  # below this many matching articles (or reports at a place), a filter lists them first
_MAX_PLACES = 20000  # a place filter matching more places than this matches names report by report
_LISTING_KEY = "ifnull(e.date, '~')"

_LIKE = "LIKE ? ESCAPE '\\'"


def contains_pattern(value: str) -> str:
    """A LIKE pattern (for `_LIKE`) matching `value` as a plain substring: its % and _ are letters, not wildcards."""
    escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


class EventQueries:
    """Mixin of SQLiteStore: `_db` is its connection."""

    _db: sqlite3.Connection

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
