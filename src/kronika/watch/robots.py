"""robots.txt for article pages, read as RFC 9309 says (with the standard library's parser).

    RobotsRules(client).check(url)  None when kronika may fetch `url`, else raises FetchError

* 2xx: the rules for the `kronika` user agent (or `*`) decide; a Crawl-delay raises the host's delay.
* 4xx, or otherwise unavailable (a redirect loop, over the size limit): everything may be fetched.
* 5xx, 429 or unreachable: nothing may be fetched for now (a transient failure: the item is tried again later).
One robots.txt per origin is kept for `ttl` seconds (RFC 9309: at most a day); fetches of the same origin
from several threads wait for the first.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

from kronika.watch.client import FetchError, PoliteClient
from kronika.watch.guard import BlockedAddress

ROBOTS_MAX_BYTES = 512 * 1024  # RFC 9309 asks crawlers to read at least 500 KiB
USER_AGENT_TOKEN = "kronika"


@dataclass(slots=True)
class _Entry:
    expires: float
    parser: RobotFileParser | None  # None: everything allowed
    error: FetchError | None = None  # set: robots.txt unreachable, nothing allowed until it expires


class Disallowed(FetchError):
    """robots.txt disallows the URL for kronika: the item is skipped, not failed."""


class RobotsRules:
    def __init__(self, client: PoliteClient, ttl: float = 24 * 3600, retry_after: float = 300) -> None:
        self.client = client
        self.ttl = ttl
        self.retry_after = retry_after  # how long an unreachable robots.txt is believed
        self._entries: dict[str, _Entry] = {}
        self._locks: dict[str, threading.Lock] = {}
        self._lock = threading.Lock()

    def check(self, url: str) -> None:
        """Return when `url` may be fetched; raise FetchError (permanent when disallowed, transient when the
        robots.txt cannot be read now) when not."""
        parts = urlsplit(url)
        origin = f"{parts.scheme.lower()}://{parts.netloc.lower()}"
        try:  # a host the guard refuses is named as such, not as an unreadable robots.txt
            self.client.guard.check_host(parts.hostname or "", parts.port or (443 if parts.scheme == "https" else 80))
        except BlockedAddress as exc:
            raise FetchError(url, str(exc)) from None
        entry = self._entry(origin)
        if entry.error is not None:
            raise FetchError(url, f"not fetched: {entry.error.reason} for {origin}/robots.txt", transient=True)
        if entry.parser is not None and not entry.parser.can_fetch(USER_AGENT_TOKEN, url):
            raise Disallowed(url, f"{origin}/robots.txt disallows it for {USER_AGENT_TOKEN}")

    def _entry(self, origin: str) -> _Entry:
        with self._lock:
            lock = self._locks.setdefault(origin, threading.Lock())
        with lock:
            entry = self._entries.get(origin)
            if entry is None or entry.expires < time.monotonic():
                entry = self._load(origin)
                self._entries[origin] = entry
            return entry

    def _load(self, origin: str) -> _Entry:
        now = time.monotonic()
        try:
            fetched = self.client.fetch(f"{origin}/robots.txt", max_bytes=ROBOTS_MAX_BYTES)
        except FetchError as exc:
            if exc.transient:  # 5xx, 429, timeouts, refused connections: unreachable, nothing allowed for now
                return _Entry(now + self.retry_after, None, exc)
            return _Entry(now + self.ttl, None)  # 4xx, a redirect loop, not text: unavailable, all allowed
        parser = RobotFileParser()
        parser.parse(fetched.content.decode("utf-8", errors="replace").splitlines())
        parser.modified()  # marks it read: can_fetch answers False for a parser that never was
        delay = parser.crawl_delay(USER_AGENT_TOKEN)
        if delay:
            host = urlsplit(origin).netloc
            self.client.limiter.set_delay(host, min(float(delay), self.client.policy.max_crawl_delay))
        return _Entry(now + self.ttl, parser)


__all__ = ["ROBOTS_MAX_BYTES", "USER_AGENT_TOKEN", "Disallowed", "RobotsRules"]
