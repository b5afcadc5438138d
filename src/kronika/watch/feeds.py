"""RSS and Atom feeds into items (feedparser), with a one-line reason for what is not a feed.

    parse_feed(data, url, content_type) -> ParsedFeed (title, items, note), or raises FeedError

feedparser reads every RSS and Atom dialect and recovers what it can from broken XML. kronika takes that
leniency only where it is safe: a feed whose XML is malformed but complete (an unescaped `&` in a title is the
usual case) is read, with a note; a feed cut short (no closing root element) is refused, since its last item
may carry a truncated link or date. Its ETag is not stored either, so the next poll reads it whole. Each item
keeps its link resolved against the feed's URL, its canonical URL (kronika.watch.urls), its guid, its title
and its date (published, else updated) as an ISO day: the date is evidence for the article's publication day,
never more.
"""

from __future__ import annotations

import email.utils
import re
import time
from dataclasses import dataclass, field
from datetime import datetime

from kronika.errors import KronikaError
from kronika.watch.urls import canonical_url, is_http_url

_FEED_END = re.compile(rb"</(?:[\w-]+:)?(?:rss|feed|rdf|RDF)\s*>\s*\Z")
_HTML_START = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!doctype\s+html|<html[\s>])", re.IGNORECASE)


class FeedError(KronikaError):
    """The response is not a feed kronika can read; the message is the one-line reason."""


@dataclass(slots=True)
class FeedItem:
    link: str  # as the feed gives it, made absolute
    url: str  # canonical: the item's identity
    guid: str | None = None
    title: str | None = None
    date: str | None = None  # ISO day


@dataclass(slots=True)
class ParsedFeed:
    title: str | None
    items: list[FeedItem] = field(default_factory=list)
    note: str | None = None  # read leniently, items without a usable link, ...


def parse_feed(data: bytes, url: str, content_type: str = "") -> ParsedFeed:
    """The items of a feed document, in feed order, each canonical URL once; raises FeedError."""
    import feedparser  # imported late: only `kronika watch` needs it

    if not data.strip():
        raise FeedError("empty response, not a feed")
    parsed = feedparser.parse(
        data,
        # no content-location: feedparser would resolve a guid like "g-1" against it into a URL nobody gave;
        # links are resolved here, against the feed's own URL
        response_headers={"content-type": content_type or "application/xml"},
        sanitize_html=False,
        resolve_relative_uris=False,
    )
    version = parsed.get("version") or ""
    problem = parsed.get("bozo_exception") if parsed.get("bozo") else None
    xml_error = _xml_error(problem)
    if not version and not parsed.entries:
        if _HTML_START.match(data[:2048]):
            raise FeedError("not a feed: the URL serves an HTML page (look for its RSS or Atom link)")
        if xml_error:
            raise FeedError(f"not a feed: malformed XML ({xml_error})")
        raise FeedError(f"not a feed ({content_type or 'no content type'}, neither RSS nor Atom)")
    note = None
    if xml_error:
        if not _FEED_END.search(data.rstrip()[-200:]):
            raise FeedError(f"malformed XML, the feed is cut short ({xml_error})")
        note = f"malformed XML read leniently ({xml_error})"
    title = _text(parsed.feed.get("title"))
    items: list[FeedItem] = []
    seen: set[str] = set()
    unusable = 0
    for entry in parsed.entries:
        item = _item(entry, url)
        if item is None:
            unusable += 1
            continue
        if item.url in seen:
            continue
        seen.add(item.url)
        items.append(item)
    if unusable:
        extra = f"{unusable} item(s) without an http(s) link skipped"
        note = f"{note}; {extra}" if note else extra
    return ParsedFeed(title, items, note)


def _item(entry: dict, feed_url: str) -> FeedItem | None:
    from urllib.parse import urljoin

    link = _text(entry.get("link"))
    if not link:
        for candidate in entry.get("links") or []:
            if candidate.get("rel", "alternate") == "alternate" and candidate.get("href"):
                link = _text(candidate.get("href"))
                break
    guid = _text(entry.get("id"))
    if not link and guid and is_http_url(guid):
        link = guid  # RSS: <guid isPermaLink="true"> is the item's link
    if not link:
        return None
    link = urljoin(feed_url, link)
    if not is_http_url(link):
        return None
    try:
        url = canonical_url(link)
    except ValueError:
        return None
    day = _local_day(entry.get("published"), entry.get("published_parsed"))
    if day is None:
        day = _local_day(entry.get("updated"), entry.get("updated_parsed"))
    return FeedItem(link=link, url=url, guid=guid, title=_text(entry.get("title")), date=day)


def _local_day(raw: object, parsed: time.struct_time | None) -> str | None:
    """The day in the publisher's own time zone ("Wed, 19 Nov 2025 01:30 +0200" is the 19th, though feedparser's
    UTC time is the 18th), else feedparser's UTC day."""
    if isinstance(raw, str) and raw.strip():
        text = raw.strip()
        try:
            return email.utils.parsedate_to_datetime(text).date().isoformat()
        except (TypeError, ValueError, IndexError):
            pass
        try:
            return datetime.fromisoformat(text.replace("Z", "+00:00")).date().isoformat()
        except ValueError:
            pass
    if not parsed:
        return None
    try:
        return time.strftime("%Y-%m-%d", parsed)
    except (TypeError, ValueError):
        return None


def _text(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    text = " ".join(value.split())
    return text or None


def _xml_error(exc: object) -> str | None:
    """The parser's complaint as 'line 3, column 10: mismatched tag', for XML errors only."""
    if exc is None:
        return None
    get_line = getattr(exc, "getLineNumber", None)
    if get_line is None:
        return None  # encoding overrides and other notes feedparser raises are not malformed XML
    message = getattr(exc, "getMessage", lambda: str(exc))()
    return f"line {get_line()}, column {exc.getColumnNumber()}: {message}"  # type: ignore[attr-defined]


__all__ = ["FeedError", "FeedItem", "ParsedFeed", "parse_feed"]
