"""A local news site for the watch tests: an HTTP server on a free loopback port, serving feeds and article pages
written for the tests, with routes that misbehave on purpose (slow, 500, oversized, compression bombs,
redirect loops, redirects to private addresses). Every request is logged with its headers.

The tests reach it as http://news.test:PORT through an injected resolver (`FakeResolver`: news.test ->
127.0.0.1, and a few names for private and metadata addresses), so the SSRF guard stays on for every other name
and address. `FAST` is a client policy with short timeouts and no politeness delay. The server stops by itself
when its `with` ends.

A module of its own (not conftest.py): `from conftest import ...` is ambiguous when several test folders have a
conftest, and the kill test's subprocess imports it too.
"""

from __future__ import annotations

import gzip
import hashlib
import html
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpcore

from kronika.watch import FetchPolicy

HOST = "news.test"
Response = tuple[int, dict[str, str], bytes | Iterable[bytes]]

NAMES = {
    HOST: ["127.0.0.1"],
    "internal.test": ["10.0.0.5"],
    "metadata.test": ["169.254.169.254"],
    "mixed.test": ["93.184.216.34", "10.0.0.7"],
    "public.test": ["93.184.216.34"],
}

FAST = FetchPolicy(connect_timeout=1.0, read_timeout=0.5, total_timeout=3.0, max_bytes=1024 * 1024, host_delay=0.0,
                   retries=1, backoff=0.01, max_retry_wait=1.0, workers=4)


class FakeResolver:
    """The test names, and a log of every name asked for."""

    def __init__(self, names: dict[str, list[str]] | None = None) -> None:
        self.names = dict(NAMES if names is None else names)
        self.asked: list[str] = []

    def __call__(self, host: str, port: int) -> Sequence[str]:
        self.asked.append(host)
        if host not in self.names:
            raise httpcore.ConnectError(f"cannot resolve {host}: unknown test name")
        return self.names[host]


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False  # a handler still dripping a body must not hold up the end of a test

    def handle_error(self, request: object, client_address: object) -> None:
        """Clients that hang up (size limits, timeouts) are part of the tests, not errors to print."""


@dataclass
class Logged:
    method: str
    path: str
    headers: dict[str, str]
    status: int = 0
    at: float = field(default_factory=time.monotonic)


@dataclass
class Site:
    routes: dict[str, Callable[[Logged], Response]] = field(default_factory=dict)
    log: list[Logged] = field(default_factory=list)
    in_flight: int = 0
    max_in_flight: int = 0

    def __post_init__(self) -> None:
        self._lock = threading.Lock()
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True  # headers and body go in two writes: no 40 ms delayed-ACK stall

            def log_message(self, *args: object) -> None:  # quiet
                pass

            def do_GET(self) -> None:  # noqa: N802 - the http.server API
                site._serve(self)

        self.server = _Server(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        self._thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    # ------------------------------------------------------------------ lifecycle

    def __enter__(self) -> Site:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()

    def url(self, path: str, host: str = HOST) -> str:
        return f"http://{host}:{self.port}{path}"

    def requests(self, path: str) -> list[Logged]:
        with self._lock:
            return [r for r in self.log if r.path == path]

    # ------------------------------------------------------------------ routes

    def add(self, path: str, fn: Callable[[Logged], Response]) -> None:
        self.routes[path] = fn

    def static(self, path: str, body: bytes | str, content_type: str = "text/html; charset=utf-8",
               validators: bool = True, headers: dict[str, str] | None = None) -> None:
        """A resource with an ETag and Last-Modified that answers conditional requests with 304."""
        data = body.encode("utf-8") if isinstance(body, str) else body
        etag = '"' + hashlib.sha256(data).hexdigest()[:16] + '"'
        modified = formatdate(time.time() - 3600, usegmt=True)

        def serve(req: Logged) -> Response:
            extra = dict(headers or {})
            if validators:
                extra.update({"ETag": etag, "Last-Modified": modified})
                if req.headers.get("if-none-match") == etag:
                    return 304, extra, b""
            return 200, {"Content-Type": content_type, **extra}, data

        self.add(path, serve)

    def redirect(self, path: str, location: str, status: int = 302) -> None:
        self.add(path, lambda req: (status, {"Location": location}, b""))

    # ------------------------------------------------------------------ serving

    def _serve(self, handler: BaseHTTPRequestHandler) -> None:
        path = handler.path
        req = Logged("GET", path, {k.lower(): v for k, v in handler.headers.items()})
        with self._lock:
            self.log.append(req)
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)
        try:
            fn = self.routes.get(path.split("?", 1)[0])
            status, headers, body = fn(req) if fn else (404, {"Content-Type": "text/plain"}, b"not here")
            req.status = status
            handler.send_response(status)
            for key, value in headers.items():
                handler.send_header(key, value)
            if isinstance(body, bytes):
                handler.send_header("Content-Length", str(len(body)))
                handler.end_headers()
                handler.wfile.write(body)
            else:
                handler.send_header("Transfer-Encoding", "chunked")
                handler.end_headers()
                for chunk in body:
                    handler.wfile.write(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
                handler.wfile.write(b"0\r\n\r\n")
            handler.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            handler.close_connection = True  # the client stopped reading (a size limit): nothing to do
        finally:
            with self._lock:
                self.in_flight -= 1


# ---------------------------------------------------------------------------------------------- content


def article_html(title: str, paragraphs: list[str], *, published: str | None = None,
                 site_name: str = "Test Wire") -> str:
    meta = f'<meta property="article:published_time" content="{published}">' if published else ""
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return (
        "<!doctype html><html><head><meta charset=\"utf-8\">"
        f"<title>{html.escape(title)}</title><meta property=\"og:site_name\" content=\"{html.escape(site_name)}\">"
        f"{meta}</head><body><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav>"
        f"<article><h1>{html.escape(title)}</h1>\n{body}</article>"
        "<footer>Copyright Test Wire. All rights reserved.</footer></body></html>"
    )


@dataclass
class Item:
    title: str
    link: str
    date: str | None = None  # RFC 822 for RSS, ISO 8601 for Atom
    guid: str | None = None


def rss(title: str, items: list[Item]) -> str:
    entries = []
    for it in items:
        date = f"<pubDate>{it.date}</pubDate>" if it.date else ""
        guid = f"<guid>{html.escape(it.guid)}</guid>" if it.guid else ""
        entries.append(f"<item><title>{html.escape(it.title)}</title><link>{html.escape(it.link)}</link>{date}{guid}"
                       "</item>")
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>{html.escape(title)}</title><link>http://{HOST}/</link><description>test</description>"
        + "".join(entries)
        + "</channel></rss>"
    )


def atom(title: str, items: list[Item]) -> str:
    entries = []
    for n, it in enumerate(items):
        date = f"<updated>{it.date}</updated>" if it.date else ""
        entries.append(f"<entry><title>{html.escape(it.title)}</title><link rel=\"alternate\" "
                       f"href=\"{html.escape(it.link)}\"/><id>{html.escape(it.guid or f'urn:test:{n}')}</id>{date}"
                       "</entry>")
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>{html.escape(title)}</title><id>urn:test:feed</id><updated>2025-11-20T10:00:00Z</updated>"
        + "".join(entries)
        + "</feed>"
    )


def gzip_bomb(size: int) -> bytes:
    """`size` zero bytes, gzipped (about a thousandth of that on the wire)."""
    return gzip.compress(b"\0" * size, compresslevel=9)


__all__ = ["FAST", "HOST", "NAMES", "FakeResolver", "Item", "Logged", "Site", "article_html", "atom", "gzip_bomb", "rss"]
