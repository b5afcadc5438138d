"""Feed state in the ledger database: what each feed last said and how far each of its items got.

    FeedState(path)                one connection to the ledger's `feeds` and `feed_items` tables
    feed_stats(path)               per feed: items, failures, last success, seen -> ingested latency

Why this survives `kill -9` without duplicates or gaps: a feed's new items and its new ETag are written in one
transaction, so either both are stored or neither (then the next poll reads the whole feed again). An item is
`pending` from then until its outcome is written; a killed poll leaves it pending and the next poll takes it,
in the same order (by id). Its document is written by the ledger's own one-transaction ingest; when a kill
lands between that commit and the item's update, the next poll finds the content already stored under the
item's own URL and records the item as ingested, as an uninterrupted run would have.

Item states: pending (waiting), retry (a transient failure; tried again on later polls, MAX_ATTEMPTS in all),
ingested (a new document), known (its text was already in the ledger under another URL), skipped (robots.txt,
not an HTML page), failed (with its reason).

The store's tables are created by the ledger's migrations (kronika.store.schema); this module only opens a
second connection to the same file, so the store's API stays as it is.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from kronika.errors import StoreError
from kronika.watch.feeds import FeedItem

MAX_ATTEMPTS = 3
OPEN_STATES = ("pending", "retry")
FINAL_STATES = ("ingested", "known", "skipped", "failed")


def now_utc() -> str:
    """A timestamp for the state tables: UTC, milliseconds (latencies are computed from them)."""
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def _seconds(start: str | None, end: str | None) -> float | None:
    if not start or not end:
        return None
    return (datetime.fromisoformat(end) - datetime.fromisoformat(start)).total_seconds()


@dataclass(slots=True)
class FeedRow:
    id: int
    url: str
    title: str | None
    etag: str | None
    last_modified: str | None


@dataclass(slots=True)
class PendingItem:
    id: int
    feed_id: int
    url: str  # canonical
    link: str
    title: str | None
    feed_date: str | None
    attempts: int
    first_seen_at: str


@dataclass(slots=True)
class FeedStats:
    url: str
    title: str | None
    items: int
    ingested: int
    known: int
    skipped: int
    failed: int
    waiting: int  # pending or retry
    feed_failures: int  # polls that failed
    polls: int
    last_success: str | None
    last_error: str | None
    latency_p50: float | None  # seconds, first seen -> ingested
    latency_p95: float | None


class FeedState:
    """The watch tables of one ledger file; open it after `open_store(path)` has migrated the file."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        try:
            self._db = sqlite3.connect(self.path, isolation_level=None, timeout=30)
            self._db.execute("PRAGMA synchronous=NORMAL")  # as the store's: WAL survives a kill at NORMAL
            self._db.execute("PRAGMA foreign_keys=ON")
            self._db.execute("SELECT 1 FROM feeds LIMIT 1")
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open the feed state in {self.path}: {exc}") from exc

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> FeedState:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """One IMMEDIATE transaction: all of it is stored, or none of it."""
        try:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
        except sqlite3.Error as exc:
            raise StoreError(f"cannot write the feed state to {self.path}: {exc}") from exc

    # ------------------------------------------------------------------ feeds

    def feed(self, url: str) -> FeedRow:
        """The feed's row, created on first use."""
        with self._transaction() as db:
            db.execute("INSERT OR IGNORE INTO feeds (url, added_at) VALUES (?, ?)", (url, now_utc()))
        row = self._db.execute(
            "SELECT id, url, title, etag, last_modified FROM feeds WHERE url = ?", (url,)
        ).fetchone()
        return FeedRow(*row)

    def record_items(
        self, feed: FeedRow, items: Sequence[FeedItem], *, title: str | None, etag: str | None,
        last_modified: str | None, seen_at: str,
    ) -> int:
        """Store a successful fetch: the items not known yet (as pending) and the feed's new validators, in one
        transaction. Returns how many items were new."""
        new = 0
        with self._transaction() as db:
            for item in items:
                new += db.execute(
                    "INSERT OR IGNORE INTO feed_items (feed_id, url, link, guid, title, feed_date, state,"
                    " first_seen_at) VALUES (?, ?, ?, ?, ?, ?, 'pending', ?)",
                    (feed.id, item.url, item.link, item.guid, item.title, item.date, seen_at),
                ).rowcount
            db.execute(
                "UPDATE feeds SET title = coalesce(?, title), etag = ?, last_modified = ?, last_poll_at = ?,"
                " last_success_at = ?, last_status = 'ok', last_error = NULL, polls = polls + 1,"
                " items_seen = items_seen + ? WHERE id = ?",
                (title, etag, last_modified, seen_at, seen_at, new, feed.id),
            )
        return new

    def record_not_modified(self, feed: FeedRow, at: str) -> None:
        with self._transaction() as db:
            db.execute(
                "UPDATE feeds SET last_poll_at = ?, last_success_at = ?, last_status = 'not modified',"
                " last_error = NULL, polls = polls + 1 WHERE id = ?",
                (at, at, feed.id),
            )

    def record_failure(self, feed: FeedRow, reason: str, at: str) -> None:
        with self._transaction() as db:
            db.execute(
                "UPDATE feeds SET last_poll_at = ?, last_status = 'failed', last_error = ?, polls = polls + 1,"
                " failures = failures + 1 WHERE id = ?",
                (at, reason, feed.id),
            )

    # ------------------------------------------------------------------ items

    def pending(self, feed_ids: Iterable[int]) -> list[PendingItem]:
        """Items of these feeds still to take, in the order they were first seen."""
        ids = sorted(set(feed_ids))
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        rows = self._db.execute(
            "SELECT id, feed_id, url, link, title, feed_date, attempts, first_seen_at FROM feed_items"
            f" WHERE feed_id IN ({marks}) AND state IN ('pending', 'retry') ORDER BY id",
            ids,
        ).fetchall()
        return [PendingItem(*r) for r in rows]

    def finish_item(
        self, item: PendingItem, state: str, *, reason: str | None = None, fetched_at: str | None = None,
        ingested_at: str | None = None, content_hash: str | None = None, document_id: int | None = None,
    ) -> tuple[str, str | None]:
        """Record an item's outcome; a transient failure ('retry') becomes 'failed' after MAX_ATTEMPTS.
        Returns the state and reason stored."""
        attempts = item.attempts + 1
        if state == "retry" and attempts >= MAX_ATTEMPTS:
            state = "failed"
            reason = f"{reason} (gave up after {attempts} attempts)"
        with self._transaction() as db:
            db.execute(
                "UPDATE feed_items SET state = ?, reason = ?, attempts = ?, fetched_at = coalesce(?, fetched_at),"
                " ingested_at = ?, content_hash = ?, document_id = ? WHERE id = ?",
                (state, reason, attempts, fetched_at, ingested_at, content_hash, document_id, item.id),
            )
        return state, reason

    def document(self, content_hash: str) -> tuple[int, str] | None:
        """(id, path) of the ledger document with this content hash, if any."""
        row = self._db.execute("SELECT id, path FROM documents WHERE content_hash = ?", (content_hash,)).fetchone()
        return (int(row[0]), str(row[1])) if row else None

    def items(self) -> list[tuple[object, ...]]:
        """Every item's identity and outcome, wall-clock columns left out (for comparing two runs)."""
        return self._db.execute(
            "SELECT f.url, i.id, i.url, i.link, i.guid, i.title, i.feed_date, i.state, i.reason, i.content_hash,"
            " i.document_id FROM feed_items i JOIN feeds f ON f.id = i.feed_id ORDER BY i.id"
        ).fetchall()

    # ------------------------------------------------------------------ statistics

    def stats(self) -> list[FeedStats]:
        out = []
        feeds = self._db.execute(
            "SELECT id, url, title, polls, failures, last_success_at, last_error FROM feeds ORDER BY id"
        ).fetchall()
        for feed_id, url, title, polls, failures, last_success, last_error in feeds:
            counts = dict(
                self._db.execute(
                    "SELECT state, count(*) FROM feed_items WHERE feed_id = ? GROUP BY state", (feed_id,)
                ).fetchall()
            )
            latencies = sorted(
                s
                for s in (
                    _seconds(a, b)
                    for a, b in self._db.execute(
                        "SELECT first_seen_at, ingested_at FROM feed_items WHERE feed_id = ? AND state = 'ingested'",
                        (feed_id,),
                    )
                )
                if s is not None
            )
            out.append(
                FeedStats(
                    url=url,
                    title=title,
                    items=sum(counts.values()),
                    ingested=counts.get("ingested", 0),
                    known=counts.get("known", 0),
                    skipped=counts.get("skipped", 0),
                    failed=counts.get("failed", 0),
                    waiting=counts.get("pending", 0) + counts.get("retry", 0),
                    feed_failures=failures,
                    polls=polls,
                    last_success=last_success,
                    last_error=last_error,
                    latency_p50=percentile(latencies, 50),
                    latency_p95=percentile(latencies, 95),
                )
            )
        return out


def percentile(sorted_values: Sequence[float], pct: float) -> float | None:
    """The pct-th percentile (nearest rank) of sorted values, or None for none."""
    if not sorted_values:
        return None
    rank = max(1, -(-len(sorted_values) * pct // 100))  # ceil(n * pct / 100)
    return float(sorted_values[int(rank) - 1])


def feed_stats(path: str | Path) -> list[FeedStats]:
    """Per feed of the ledger at `path`: items by state, failures, last success, seen -> ingested latency."""
    with FeedState(path) as state:
        return state.stats()


__all__ = [
    "FINAL_STATES",
    "MAX_ATTEMPTS",
    "OPEN_STATES",
    "FeedRow",
    "FeedState",
    "FeedStats",
    "PendingItem",
    "feed_stats",
    "now_utc",
    "percentile",
]
