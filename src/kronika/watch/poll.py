"""One poll of a set of feeds, top to bottom: feeds -> new items -> pages -> articles -> the ledger.

    Watcher(db, client).poll(feed_urls) -> PollReport   one poll (`kronika watch` runs one every --interval)
    fetch_urls(urls, client)                             pages as Articles, for `kronika ingest URL`

A poll:
    1. fetch every feed (concurrently, conditional GET with its stored ETag / Last-Modified), parse it
    2. store each feed's new items and validators, feed by feed in the order given (one transaction a feed)
    3. fetch the pages of every pending item of those feeds (concurrently, politely: kronika.watch.client)
    4. extract and ingest them in the order the items were first seen, through `kronika.ledger.ingest`, the
       call `kronika ingest` makes; record each item's outcome as its document is stored
Step 4 runs in a fixed order, not in the order pages arrive, so a poll that is killed and run again builds the
same ledger as one that was not (see kronika.watch.state for why nothing is lost or doubled).
A bad feed or page never stops the poll: it gets a one-line reason in the report and the rest go on.
"""

from __future__ import annotations

import os
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from kronika.errors import KronikaError, RejectedInput
from kronika.ledger import DocumentOutcome, content_hash, ingest
from kronika.models import Article, DocumentResult
from kronika.store import open_store
from kronika.watch.client import Fetched, FetchError, PoliteClient
from kronika.watch.feeds import FeedError, ParsedFeed, parse_feed
from kronika.watch.pages import ItemHints, NotAnArticle, fetch_article
from kronika.watch.robots import Disallowed, RobotsRules
from kronika.watch.state import FeedRow, FeedState, PendingItem, now_utc
from kronika.watch.urls import canonical_url

FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1"
BATCH_SIZE = 4  # articles per spaCy batch: small, so the first items of a burst are not held for the last

Extractor = Callable[[Iterable[Article | RejectedInput]], Iterator[DocumentResult | RejectedInput]]


@dataclass(slots=True)
class ItemResult:
    url: str
    feed_url: str
    state: str  # ingested | known | skipped | failed | retry
    reason: str | None = None


@dataclass(slots=True)
class FeedReport:
    url: str
    status: str = "ok"  # ok | not modified | failed
    reason: str | None = None
    note: str | None = None
    new: int = 0
    states: Counter = field(default_factory=Counter)
    problems: list[ItemResult] = field(default_factory=list)  # items failed, skipped or to retry

    def line(self) -> str:
        """The feed's one line in a poll: what it brought and what became of its items."""
        if self.status == "failed":
            head = f"feed {self.url}: failed: {self.reason}"
        elif self.status == "not modified":
            head = f"feed {self.url}: not modified"
        else:
            head = f"feed {self.url}: {self.new} new"
        parts = [f"{self.states[s]} {label}" for s, label in _STATE_LABELS if self.states[s]]
        if parts:
            head += (" · " if self.status != "failed" else "; earlier items: ") + ", ".join(parts)
        if self.note:
            head += f" ({self.note})"
        return head


_STATE_LABELS = (
    ("ingested", "ingested"),
    ("known", "already in the ledger"),
    ("skipped", "skipped"),
    ("retry", "to retry"),
    ("failed", "failed"),
)


@dataclass(slots=True)
class PollReport:
    feeds: list[FeedReport]
    seconds: float = 0.0
    events_new: int = 0
    events_merged: int = 0
    ledger: str = ""

    def count(self, state: str) -> int:
        return sum(f.states[state] for f in self.feeds)

    @property
    def new(self) -> int:
        return sum(f.new for f in self.feeds)

    @property
    def feeds_failed(self) -> int:
        return sum(f.status == "failed" for f in self.feeds)

    @property
    def ok(self) -> bool:
        """Nothing failed: every feed read, no item failed or left to retry."""
        return not self.feeds_failed and not self.count("failed") and not self.count("retry")

    def summary(self) -> str:
        items = ", ".join(f"{self.count(s)} {label}" for s, label in _STATE_LABELS if self.count(s))
        failed = f" ({self.feeds_failed} failed)" if self.feeds_failed else ""
        return (
            f"poll: {len(self.feeds)} feed(s){failed}, {self.new} new item(s)"
            + (f": {items}" if items else "")
            + f" · events: {self.events_new} new, {self.events_merged} merged · {self.seconds:.1f} s"
            + (f" · ledger: {self.ledger}" if self.ledger else "")
        )


def _default_extract(items: Iterable[Article | RejectedInput]) -> Iterator[DocumentResult | RejectedInput]:
    from kronika.pipeline import extract_items  # imported late: loading spaCy is the slow part of a start

    return extract_items(items, BATCH_SIZE)


class Watcher:
    """Polls feeds into one ledger. `extract` must yield one result per input, in order (extract_items does)."""

    def __init__(
        self,
        db: str | Path | None,
        client: PoliteClient,
        *,
        robots: bool = True,
        extract: Extractor = _default_extract,
        on_item: Callable[[ItemResult], None] | None = None,
        on_feed: Callable[[FeedReport], None] | None = None,
    ) -> None:
        self.db = db
        self.client = client
        self.robots = RobotsRules(client) if robots else None
        self.extract = extract
        self.on_item = on_item
        self.on_feed = on_feed

    # ------------------------------------------------------------------ one poll

    def poll(self, feed_urls: Sequence[str]) -> PollReport:
        started = time.monotonic()
        urls = list(dict.fromkeys(feed_urls))
        pool = ThreadPoolExecutor(max_workers=self.client.policy.workers, thread_name_prefix="kronika-fetch")
        try:
            with open_store(self.db) as store, poll_lock(store.path), FeedState(store.path) as state:
                feeds = [state.feed(url) for url in urls]
                reports = {feed.id: FeedReport(feed.url) for feed in feeds}
                outlets = {feed.id: feed.title for feed in feeds}
                fetches = [pool.submit(self._fetch_feed, feed) for feed in feeds]
                for feed, future in zip(feeds, fetches, strict=True):
                    title = self._record_feed(state, feed, future.result(), reports[feed.id])
                    outlets[feed.id] = title or outlets[feed.id]
                pending = state.pending(feed.id for feed in feeds)
                report = PollReport(list(reports.values()), ledger=store.path)
                self._take(store, state, pending, pool, reports, outlets, report)
        finally:
            pool.shutdown(wait=False, cancel_futures=True)
        report.seconds = time.monotonic() - started
        if self.on_feed is not None:
            for feed_report in report.feeds:
                self.on_feed(feed_report)
        return report

    def _fetch_feed(self, feed: FeedRow) -> tuple[Fetched, ParsedFeed | None] | KronikaError:
        headers = {"Accept": FEED_ACCEPT}
        if feed.etag:
            headers["If-None-Match"] = feed.etag
        if feed.last_modified:
            headers["If-Modified-Since"] = feed.last_modified
        try:
            fetched = self.client.fetch(feed.url, headers=headers)
            if fetched.not_modified:
                return fetched, None
            return fetched, parse_feed(fetched.content, fetched.url, fetched.content_type)
        except (FetchError, FeedError) as exc:
            return exc
        except Exception as exc:  # noqa: BLE001 - a parser bug on one feed must not stop the others
            return FeedError(f"cannot read the feed ({type(exc).__name__}: {exc})")

    def _record_feed(
        self, state: FeedState, feed: FeedRow, result: tuple[Fetched, ParsedFeed | None] | KronikaError,
        report: FeedReport,
    ) -> str | None:
        at = now_utc()
        if isinstance(result, KronikaError):
            report.status = "failed"
            report.reason = result.reason if isinstance(result, FetchError) else str(result)
            state.record_failure(feed, report.reason, at)
            return None
        fetched, parsed = result
        if parsed is None:
            report.status = "not modified"
            state.record_not_modified(feed, at)
            return None
        report.note = parsed.note
        report.new = state.record_items(
            feed, parsed.items, title=parsed.title, etag=fetched.headers.get("etag"),
            last_modified=fetched.headers.get("last-modified"), seen_at=at,
        )
        return parsed.title

    # ------------------------------------------------------------------ items

    def _fetch_item(self, item: PendingItem, outlet: str | None) -> tuple[Article | KronikaError, str | None]:
        hints = ItemHints(title=item.title, date=item.feed_date, outlet=outlet)
        try:
            return fetch_article(self.client, self.robots, item.link, item.url, hints), now_utc()
        except (FetchError, RejectedInput) as exc:
            return exc, None
        except Exception as exc:  # noqa: BLE001 - a reader bug on one page must not stop the poll
            return RejectedInput(item.url, f"cannot read the page ({type(exc).__name__}: {exc})"), None

    def _take(
        self, store: object, state: FeedState, pending: list[PendingItem], pool: ThreadPoolExecutor,
        reports: dict[int, FeedReport], outlets: dict[int, str | None], report: PollReport,
    ) -> None:
        if not pending:
            return
        futures: list[Future] = [pool.submit(self._fetch_item, item, outlets[item.feed_id]) for item in pending]
        taken: deque[tuple[PendingItem, Article | KronikaError, str | None]] = deque()
        last_hash: list[str | None] = [None]

        def articles() -> Iterator[Article | RejectedInput]:
            for item, future in zip(pending, futures, strict=True):
                page, fetched_at = future.result()
                taken.append((item, page, fetched_at))
                if isinstance(page, (Article, RejectedInput)):
                    yield page
                else:
                    yield RejectedInput(item.url, page.reason if isinstance(page, FetchError) else str(page))

        def results() -> Iterator[DocumentResult | RejectedInput]:
            for result in self.extract(articles()):
                last_hash[0] = content_hash(result.text) if isinstance(result, DocumentResult) else None
                yield result

        def on_document(outcome: DocumentOutcome) -> None:
            item, page, fetched_at = taken.popleft()
            feed_report = reports[item.feed_id]
            result = self._finish(state, item, feed_report.url, page, fetched_at, outcome, last_hash[0])
            feed_report.states[result.state] += 1
            if result.state not in ("ingested", "known"):
                feed_report.problems.append(result)
            if self.on_item is not None:
                self.on_item(result)

        summary = ingest(store, results(), on_document=on_document)  # type: ignore[arg-type]
        report.events_new += summary.events_new
        report.events_merged += summary.events_merged

    def _finish(
        self, state: FeedState, item: PendingItem, feed_url: str, page: Article | KronikaError,
        fetched_at: str | None, outcome: DocumentOutcome, digest: str | None,
    ) -> ItemResult:
        if isinstance(page, (Disallowed, NotAnArticle)):
            state_, reason = state.finish_item(item, "skipped", reason=page.reason)
        elif isinstance(page, FetchError):
            state_, reason = state.finish_item(item, "retry" if page.transient else "failed", reason=page.reason)
        elif outcome.status == "rejected" or digest is None:
            why = outcome.reason or (page.reason if isinstance(page, RejectedInput) else "rejected")
            state_, reason = state.finish_item(item, "failed", reason=why, fetched_at=fetched_at)
        else:
            doc = state.document(digest)
            document_id = doc[0] if doc else None
            if outcome.status == "known" and doc is not None and doc[1] != item.url:
                state_, reason = state.finish_item(item, "known", reason=f"same text as {doc[1]}",
                                                   fetched_at=fetched_at, content_hash=digest,
                                                   document_id=document_id)
            else:  # new, or known under this item's own URL: a poll killed after storing it and before this
                state_, reason = state.finish_item(item, "ingested", fetched_at=fetched_at, ingested_at=now_utc(),
                                                   content_hash=digest, document_id=document_id)
        return ItemResult(item.link, feed_url, state_, reason)

@contextmanager
def poll_lock(db_path: str) -> Iterator[None]:
    """One poll per ledger at a time: two would take the same pending items in interleaved order. A second poll
    (cron starting one while the last still runs) is refused with one line; the lock dies with its process."""
    if db_path == ":memory:":
        yield
        return
    try:
        import fcntl
    except ImportError:  # not a POSIX system: no lock, as before
        yield
        return
    path = f"{db_path}.watch-lock"
    with open(path, "a+") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            fh.seek(0)
            holder = fh.read().strip() or "another process"
            raise KronikaError(f"another poll into {db_path} is running ({holder}): this one is skipped") from None
        fh.seek(0)
        fh.truncate()
        fh.write(f"pid {os.getpid()}")
        fh.flush()
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def fetch_urls(urls: Iterable[str], client: PoliteClient) -> Iterator[Article | RejectedInput]:
    """Each URL's page as an Article (robots.txt respected), or a RejectedInput with the reason."""
    robots = RobotsRules(client)
    for url in urls:
        try:
            yield fetch_article(client, robots, url, canonical_url(url))
        except FetchError as exc:
            yield RejectedInput(url, exc.reason)
        except RejectedInput as exc:
            yield exc
        except ValueError as exc:
            yield RejectedInput(url, str(exc))


def extract_urls(urls: Sequence[str], client: PoliteClient) -> Iterator[DocumentResult | RejectedInput]:
    """Fetch and extract pages given by URL, in order (what `kronika ingest URL...` feeds the ledger)."""
    if not urls:
        return
    yield from _default_extract(fetch_urls(urls, client))


__all__ = [
    "BATCH_SIZE",
    "FeedReport",
    "ItemResult",
    "PollReport",
    "Watcher",
    "extract_urls",
    "fetch_urls",
    "poll_lock",
]
