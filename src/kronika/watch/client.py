"""A polite, bounded HTTP client for feeds and article pages (httpx under the SSRF guard).

    PoliteClient(policy, guard).fetch(url, headers=...)  -> Fetched, or raises FetchError with a one-line reason

What "polite" and "bounded" mean here (each number is a `FetchPolicy` field):
* connect and read timeouts, and a deadline for the whole response, so a server that drips one byte a
  second cannot hold a worker forever;
* at most `max_bytes` of body, counted after decompression: kronika asks only for gzip and deflate and
  inflates them itself in bounded steps, so a small compressed "bomb" is cut off at the limit, never inflated
  whole into memory;
* at most `max_redirects` redirects, each to http(s) only, a loop named as such; every hop opens a new
  connection through the guard (kronika.watch.guard), so a redirect to a private address is refused;
* at most `per_host` requests at a time to one host, each of those slots resting `host_delay` seconds after
  its request before the next (raised by a robots.txt Crawl-delay);
* 429 and 5xx answers are retried `retries` times with exponential backoff, waiting what Retry-After asks
  when it asks (seconds or an HTTP date), and giving up at once when it asks for more than `max_retry_wait`;
* a User-Agent that names kronika, and no proxy from the environment (a proxy would connect for us, past
  the guard).

`FetchError.transient` tells a failure worth trying again on a later poll (timeouts, 5xx, 429, refused
connections) from one that will not change (404, too large, blocked address).
"""

from __future__ import annotations

import email.utils
import random
import ssl
import threading
import time
import zlib
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib.metadata import PackageNotFoundError
from importlib.metadata import version as package_version
from urllib.parse import urljoin, urlsplit

import certifi
import httpcore
import httpx

from kronika.errors import KronikaError
from kronika.watch.guard import AddressGuard, BlockedAddress, GuardedBackend
from kronika.watch.urls import is_http_url

MB = 1024 * 1024
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})


def _kronika_version() -> str:
    try:
        return package_version("kronika")
    except PackageNotFoundError:  # running from a source tree that was never installed
        return "dev"


USER_AGENT = f"kronika/{_kronika_version()} (news event ledger; feed watcher; +https://pypi.org/project/kronika/)"


@dataclass(frozen=True, slots=True)
class FetchPolicy:
    """The limits every request lives within (see the module docstring)."""

    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    total_timeout: float = 60.0  # the whole response, body included
    max_bytes: int = 10 * MB  # decompressed
    max_redirects: int = 5
    per_host: int = 2
    host_delay: float = 0.5
    max_crawl_delay: float = 30.0  # a robots.txt Crawl-delay above this is capped
    retries: int = 2
    backoff: float = 1.0  # first wait; doubled each retry, with jitter
    max_retry_wait: float = 60.0
    user_agent: str = USER_AGENT
    workers: int = 6  # requests in flight at once, all hosts together


class FetchError(KronikaError):
    """A URL could not be fetched; `reason` is one line, `transient` says whether a later try may succeed."""

    def __init__(self, url: str, reason: str, *, transient: bool = False, status: int | None = None) -> None:
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason
        self.transient = transient
        self.status = status


@dataclass(slots=True)
class Fetched:
    """A response: the final URL after redirects, its status (304: not modified, no body) and headers."""

    url: str
    status: int
    headers: Mapping[str, str]
    content: bytes = b""
    redirects: list[str] = field(default_factory=list)

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";", 1)[0].strip().lower()

    @property
    def charset(self) -> str | None:
        for part in self.headers.get("content-type", "").split(";")[1:]:
            key, _, value = part.partition("=")
            if key.strip().lower() == "charset" and value.strip():
                return value.strip().strip("\"'")
        return None


class HostLimiter:
    """At most `per_host` requests at a time per host; each of those slots rests `delay` seconds after its request
    before it takes the next (so one host sees at most per_host / delay requests a second)."""

    def __init__(self, per_host: int, delay: float) -> None:
        self.per_host = per_host
        self.delay = delay
        self._lock = threading.Lock()
        self._free_at: dict[str, list[float]] = {}  # per host: when each idle slot may be used again
        self._idle = threading.Condition(self._lock)
        self._delays: dict[str, float] = {}

    def set_delay(self, host: str, seconds: float) -> None:
        with self._lock:
            self._delays[host] = max(self.delay, seconds)

    def delay_for(self, host: str) -> float:
        with self._lock:
            return self._delays.get(host, self.delay)

    @contextmanager
    def slot(self, host: str) -> Iterator[None]:
        with self._idle:
            slots = self._free_at.setdefault(host, [0.0] * self.per_host)
            while not slots:
                self._idle.wait()
            slots.sort()
            free_at = slots.pop(0)  # the slot that rested longest
        wait = free_at - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        try:
            yield
        finally:
            with self._idle:
                slots.append(time.monotonic() + self._delays.get(host, self.delay))
                self._idle.notify()


class GuardedTransport(httpx.HTTPTransport):
    """httpx's transport over a connection pool whose every connection goes through the guard."""

    def __init__(self, guard: AddressGuard, limits: httpx.Limits, backend: httpcore.NetworkBackend | None) -> None:
        super().__init__(trust_env=False, limits=limits)
        self._pool = httpcore.ConnectionPool(
            ssl_context=ssl.create_default_context(cafile=certifi.where()),
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry,
            network_backend=GuardedBackend(guard, backend),
        )


class PoliteClient:
    """One client for a whole run: connections, per-host limits and crawl delays are shared by its threads."""

    def __init__(
        self,
        policy: FetchPolicy | None = None,
        guard: AddressGuard | None = None,
        network_backend: httpcore.NetworkBackend | None = None,
    ) -> None:
        self.policy = policy or FetchPolicy()
        self.guard = guard or AddressGuard()
        self.limiter = HostLimiter(self.policy.per_host, self.policy.host_delay)
        p = self.policy
        limits = httpx.Limits(max_connections=max(4, p.workers * 2), max_keepalive_connections=p.workers)
        self._http = httpx.Client(
            transport=GuardedTransport(self.guard, limits, network_backend),
            timeout=httpx.Timeout(p.read_timeout, connect=p.connect_timeout, pool=p.total_timeout),
            headers={"User-Agent": p.user_agent, "Accept-Encoding": "gzip, deflate"},
            follow_redirects=False,
            trust_env=False,
        )

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> PoliteClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ fetching

    def fetch(
        self, url: str, headers: Mapping[str, str] | None = None, max_bytes: int | None = None
    ) -> Fetched:
        """GET `url` within the policy; follows redirects; returns the final response or raises FetchError."""
        if not is_http_url(url):
            raise FetchError(url, "not an http(s) URL")
        limit = max_bytes if max_bytes is not None else self.policy.max_bytes
        visited = [url]
        current = url
        for hop in range(self.policy.max_redirects + 1):
            try:
                fetched = self._with_retries(current, headers or {}, limit)
            except FetchError as exc:
                if hop == 0:
                    raise
                raise FetchError(url, f"redirect to {current}: {exc.reason}", transient=exc.transient,
                                 status=exc.status) from None
            if fetched.status not in REDIRECT_STATUSES:
                fetched.redirects = visited[1:]
                return fetched
            location = fetched.headers.get("location", "").strip()
            if not location:
                raise FetchError(url, f"HTTP {fetched.status} redirect without a Location", status=fetched.status)
            target = urljoin(current, location)
            if not is_http_url(target):
                raise FetchError(url, f"redirect to {target[:200]!r}: only http and https are followed")
            if target in visited:
                raise FetchError(url, f"redirect loop ({' -> '.join([*visited[visited.index(target):], target])})")
            visited.append(target)
            current = target
        raise FetchError(url, f"more than {self.policy.max_redirects} redirects (last to {current})")

    def _with_retries(self, url: str, headers: Mapping[str, str], limit: int) -> Fetched:
        p = self.policy
        for attempt in range(p.retries + 1):
            fetched = self._once(url, headers, limit)
            if fetched.status not in RETRY_STATUSES:
                return fetched
            phrase = _phrase(fetched.status)
            asked = retry_after(fetched.headers.get("retry-after"))
            if asked is not None and asked > p.max_retry_wait:
                raise FetchError(url, f"HTTP {fetched.status} {phrase}; the server asks to wait {asked:.0f} s",
                                 transient=True, status=fetched.status)
            if attempt == p.retries:
                tries = f" (after {attempt + 1} tries)" if attempt else ""
                raise FetchError(url, f"HTTP {fetched.status} {phrase}{tries}", transient=True,
                                 status=fetched.status)
            wait = asked if asked is not None else p.backoff * (2**attempt) * random.uniform(0.8, 1.2)
            time.sleep(min(wait, p.max_retry_wait))
        raise AssertionError("unreachable")

    def _once(self, url: str, headers: Mapping[str, str], limit: int) -> Fetched:
        p = self.policy
        host = urlsplit(url).netloc.lower()
        with self.limiter.slot(host):
            try:
                request = self._http.build_request("GET", url, headers=dict(headers))
                response = self._http.send(request, stream=True)
            except BlockedAddress as exc:
                raise FetchError(url, str(exc)) from None
            except httpx.HTTPError as exc:
                raise _network_error(url, exc, p) from None
            try:
                status = response.status_code
                kept = {k.lower(): v for k, v in response.headers.items()}
                if status in REDIRECT_STATUSES or status == 304 or status in RETRY_STATUSES:
                    return Fetched(url, status, kept)
                if status >= 400:
                    raise FetchError(url, f"HTTP {status} {_phrase(status)}", transient=status == 408, status=status)
                if status != 200:
                    raise FetchError(url, f"HTTP {status} {_phrase(status)}: expected 200", status=status)
                body = _read_body(url, response, limit, time.monotonic() + p.total_timeout, p.total_timeout)
                return Fetched(str(response.url), status, kept, body)
            except httpx.HTTPError as exc:
                raise _network_error(url, exc, p) from None
            finally:
                response.close()


def _phrase(status: int) -> str:
    try:
        return httpx.codes(status).phrase
    except ValueError:
        return ""


def _network_error(url: str, exc: httpx.HTTPError, p: FetchPolicy) -> FetchError:
    if isinstance(exc, httpx.ConnectTimeout):
        return FetchError(url, f"connection timed out after {p.connect_timeout:g} s", transient=True)
    if isinstance(exc, httpx.ReadTimeout):
        return FetchError(url, f"timed out after {p.read_timeout:g} s waiting for the server", transient=True)
    if isinstance(exc, httpx.TimeoutException):
        return FetchError(url, f"timed out ({type(exc).__name__})", transient=True)
    if isinstance(exc, httpx.ConnectError):
        detail = str(exc) or "connection refused"
        return FetchError(url, f"cannot connect: {detail}", transient=True)
    if isinstance(exc, httpx.RemoteProtocolError):
        return FetchError(url, f"the server broke the connection ({exc})", transient=True)
    return FetchError(url, f"{type(exc).__name__}: {exc}", transient=True)


def retry_after(value: str | None) -> float | None:
    """Seconds a Retry-After header asks for (a number or an HTTP date), or None when absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


class _Inflater:
    """Bounded gzip/deflate decoding: never produces more than it is asked for in one step."""

    def __init__(self, url: str, encoding: str) -> None:
        self.url = url
        self.encoding = encoding
        self._wbits = 31 if encoding in ("gzip", "x-gzip") else 15
        self._obj = zlib.decompressobj(self._wbits)
        self._started = False

    def feed(self, data: bytes, room: int) -> bytes:
        try:
            out = self._obj.decompress(data, room)
        except zlib.error:
            if self._started or self._wbits != 15:
                raise FetchError(self.url, f"the response's {self.encoding} data is corrupt") from None
            self._obj = zlib.decompressobj(-15)  # "deflate" sent as a raw stream, as some servers do
            self._wbits = -15
            return self.feed(data, room)
        self._started = True
        return out  # `room` bytes (one past the limit) when there is more: the caller stops there


def _read_body(url: str, response: httpx.Response, limit: int, deadline: float, total: float) -> bytes:
    encoding = response.headers.get("content-encoding", "identity").strip().lower() or "identity"
    if encoding not in ("identity", "gzip", "x-gzip", "deflate"):
        raise FetchError(url, f"unsupported content encoding {encoding!r} (kronika asked for gzip or deflate)")
    inflater = None if encoding == "identity" else _Inflater(url, encoding)
    declared = response.headers.get("content-length", "")
    if inflater is None and declared.isdigit() and int(declared) > limit:
        raise FetchError(url, f"larger than the {_size(limit)} limit ({_size(int(declared))} announced)")
    chunks: list[bytes] = []
    size = 0
    for raw in response.iter_raw():  # as they arrive: a chunk size would buffer up to it
        if time.monotonic() > deadline:
            raise FetchError(url, f"the response took longer than {total:g} s", transient=True)
        data = raw if inflater is None else inflater.feed(raw, limit - size + 1)
        size += len(data)
        if size > limit:
            after = " after decompression" if inflater is not None else ""
            raise FetchError(url, f"larger than the {_size(limit)} limit{after}")
        chunks.append(data)
    return b"".join(chunks)


def _size(n: int) -> str:
    return f"{n / MB:.1f} MB" if n >= MB else f"{n / 1024:.0f} KB"


__all__ = [
    "USER_AGENT",
    "FetchError",
    "FetchPolicy",
    "Fetched",
    "HostLimiter",
    "PoliteClient",
    "retry_after",
]
