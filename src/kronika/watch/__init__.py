"""Watching news feeds: RSS and Atom in, new articles into the ledger within a poll (`kronika watch`).

    poll.py     one poll, top to bottom: feeds -> new items -> pages -> articles -> kronika.ledger.ingest
    client.py   the polite, bounded HTTP client (timeouts, size limits, redirects, retries, per-host limits)
    guard.py    the SSRF guard under the client: public addresses only, connected to as checked
    robots.py   robots.txt for article pages
    feeds.py    feed documents into items (feedparser)
    pages.py    an article page into an Article (the same reader as .html files)
    urls.py     canonical URLs: one identity per article
    state.py    feed and item state in the ledger database; `kronika stats feeds`

Errors (all KronikaError, so the CLI prints one line):
    FetchError       a URL could not be fetched (`reason`, `transient`)
    ├── Disallowed   robots.txt forbids it
    └── NotAnArticle it is not an HTML page
    BlockedAddress   the SSRF guard refused a host (raised as a FetchError's reason during a poll)
    FeedError        a response is not a feed kronika can read
"""

from __future__ import annotations

from kronika.watch.client import USER_AGENT, FetchError, FetchPolicy, PoliteClient
from kronika.watch.feeds import FeedError, FeedItem, ParsedFeed, parse_feed
from kronika.watch.guard import AddressGuard, BlockedAddress
from kronika.watch.pages import NotAnArticle
from kronika.watch.poll import FeedReport, ItemResult, PollReport, Watcher, extract_urls, fetch_urls
from kronika.watch.robots import Disallowed
from kronika.watch.state import FeedState, FeedStats, feed_stats
from kronika.watch.urls import canonical_url, is_http_url

__all__ = [
    "USER_AGENT",
    "AddressGuard",
    "BlockedAddress",
    "Disallowed",
    "FeedError",
    "FeedItem",
    "FeedReport",
    "FeedState",
    "FeedStats",
    "FetchError",
    "FetchPolicy",
    "ItemResult",
    "NotAnArticle",
    "ParsedFeed",
    "PollReport",
    "PoliteClient",
    "Watcher",
    "canonical_url",
    "extract_urls",
    "feed_stats",
    "fetch_urls",
    "is_http_url",
    "parse_feed",
]
