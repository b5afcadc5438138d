"""What keeps the server safe to leave running: request bounds, security headers, and the write token.

- `LimitsMiddleware`: a request whose URL (path plus query) or body is larger than the bounds is answered with
  a JSON 414 or 413 before any route runs; a body sent without Content-Length is counted as it arrives.
- `HostMiddleware`: a server on loopback answers only requests for a loopback host name, so a web page whose
  domain an attacker re-points at 127.0.0.1 cannot read it.
- `HeadersMiddleware`: every response carries a Content-Security-Policy with no inline script (and no inline
  style), no framing, no referrer, no MIME sniffing. Article text reaches pages only as JSON that our scripts
  put into the page as text nodes, so a quote holding markup stays text.
- `bearer_guard`: writes need `Authorization: Bearer TOKEN` when the server has a token, and are refused when it
  has none (a server started without a token is read-only).
"""

from __future__ import annotations

import hmac
import json
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any
from urllib.parse import urlsplit

from fastapi import HTTPException, Request

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

MAX_URL_BYTES = 4096
MAX_BODY_BYTES = 2 * 1024 * 1024


class _TooLarge(Exception):
    pass


async def _json_error(send: Send, status: int, message: str, headers: list[tuple[bytes, bytes]] = ()) -> None:
    body = json.dumps({"error": message, "status": status}).encode()
    await send({
        "type": "http.response.start",
        "status": status,
        "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                    *headers],
    })
    await send({"type": "http.response.body", "body": body})


class LimitsMiddleware:
    """Refuse over-long URLs (414) and over-large bodies (413), with a JSON error."""

    def __init__(self, app: ASGIApp, max_url: int = MAX_URL_BYTES, max_body: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.max_url = max_url
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        url_bytes = len(scope.get("raw_path") or scope["path"].encode()) + len(scope.get("query_string", b""))
        if url_bytes > self.max_url:
            await _json_error(send, 414, f"URL longer than {self.max_url} bytes")
            return
        length = dict(scope.get("headers") or []).get(b"content-length")
        if length is not None:
            try:
                declared = int(length)
            except ValueError:
                await _json_error(send, 400, "Content-Length is not a number")
                return
            if declared > self.max_body:
                await _json_error(send, 413, f"request body larger than {self.max_body} bytes")
                return
        received = 0
        started = False

        async def counted_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body:
                    raise _TooLarge
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counted_receive, tracking_send)
        except _TooLarge:
            if not started:
                await _json_error(send, 413, f"request body larger than {self.max_body} bytes")


class HostMiddleware:
    """Answer only requests addressed to an allowed host name (DNS rebinding cannot reach a loopback server)."""

    def __init__(self, app: ASGIApp, allowed_hosts: list[str]) -> None:
        self.app = app
        self.any = "*" in allowed_hosts
        self.allowed = {h.lower() for h in allowed_hosts}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and not self.any:
            host = dict(scope.get("headers") or []).get(b"host", b"").decode("latin-1").lower()
            name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
            if name not in self.allowed:
                await _json_error(send, 400, "this server does not answer for that host name")
                return
        await self.app(scope, receive, send)


def content_security_policy(tiles: str | None = None) -> str:
    img = "'self' data:"
    if tiles:
        parts = urlsplit(tiles.replace("{s}", "a"))
        if parts.scheme in ("http", "https") and parts.netloc:
            origin = f"{parts.scheme}://{parts.netloc}"
            if "{s}" in tiles:  # Leaflet's subdomains a, b, c
                origin = f"{parts.scheme}://*.{parts.netloc.split('.', 1)[1]}" if "." in parts.netloc else origin
            img += f" {origin}"
    return (
        "default-src 'none'; script-src 'self'; style-src 'self'; "
        f"img-src {img}; connect-src 'self'; font-src 'self'; "
        "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    )


class HeadersMiddleware:
    """Security headers on every response."""

    def __init__(self, app: ASGIApp, csp: str) -> None:
        self.app = app
        self.headers = [
            (b"content-security-policy", csp.encode()),
            (b"x-content-type-options", b"nosniff"),
            (b"x-frame-options", b"DENY"),
            (b"referrer-policy", b"no-referrer"),
            (b"cross-origin-opener-policy", b"same-origin"),
            (b"cross-origin-resource-policy", b"same-origin"),
        ]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = [*message.get("headers", []), *(h for h in self.headers if h[0] not in present)]
            await send(message)

        await self.app(scope, receive, with_headers)


def bearer_guard(token: str | None) -> Callable[[Request], None]:
    """A FastAPI dependency: 403 when the server is read-only, 401 without the right bearer token."""

    def guard(request: Request) -> None:
        if not token:
            raise HTTPException(403, "this server is read-only: start `kronika serve` with --token to accept writes")
        scheme, _, given = request.headers.get("authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), token.encode()):
            raise HTTPException(401, "this endpoint needs the header Authorization: Bearer TOKEN",
                                headers={"WWW-Authenticate": "Bearer"})

    return guard
