"""`kronika serve`: the ledger as a web app and JSON API (kronika.serve), on uvicorn.

Binds to loopback unless told otherwise. Without a token (--token or KRONIKA_TOKEN) the server is read-only;
with one, POST /api/ingest needs `Authorization: Bearer TOKEN`.
"""

from __future__ import annotations

import ipaddress
import socket
from pathlib import Path
from typing import Annotated

import typer

from kronika.cli._console import make_console
from kronika.cli._options import DbOption
from kronika.cli._options import existing_ledger as _existing
from kronika.errors import KronikaError

err = make_console(stderr=True, highlight=False)

LOOPBACK_NAMES = ["127.0.0.1", "localhost", "::1", "[::1]"]


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _check_port(host: str, port: int) -> None:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host.strip("[]"), port))
        except OSError as exc:
            raise KronikaError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None


def serve_cmd(
    db: DbOption = None,
    host: Annotated[str, typer.Option("--host", help="Address to listen on (loopback by default).")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port to listen on.")] = 8000,
    token: Annotated[
        str | None,
        typer.Option("--token", envvar="KRONIKA_TOKEN", show_envvar=True,
                     help="Accept writes (POST /api/ingest) with Authorization: Bearer TOKEN; read-only without."),
    ] = None,
    tiles: Annotated[
        str | None,
        typer.Option("--tiles", help="Tile URL template ({z}/{x}/{y}) under the map, for users online; "
                     "without it the shipped country and oblast outlines are the base map."),
    ] = None,
    tiles_attribution: Annotated[
        str | None, typer.Option("--tiles-attribution", help="Credit line the tile provider asks for.")
    ] = None,
) -> None:
    """Serve the ledger: web app (map, timeline, events, air defence) and JSON API with OpenAPI docs."""
    import uvicorn

    from kronika.serve import ServeConfig, create_app

    path = _existing(db)
    if token is not None and len(token) < 8:
        raise KronikaError("--token must be at least 8 characters")
    if tiles is not None and not (tiles.startswith(("http://", "https://")) and "{z}" in tiles):
        raise KronikaError(f"--tiles wants an http(s) URL template with {{z}}, {{x}} and {{y}}, got {tiles!r}")
    loopback = is_loopback(host)
    _check_port(host, port)
    app = create_app(ServeConfig(
        db=Path(path), token=token, tiles=tiles, tiles_attribution=tiles_attribution,
        allowed_hosts=LOOPBACK_NAMES if loopback else ["*"],
    ))
    shown = f"[{host}]" if ":" in host else host
    mode = "writes need the bearer token" if token else "read-only (no --token)"
    err.print(f"kronika serve: ledger {path} at http://{shown}:{port}/ · API docs at /docs · {mode}")
    if not loopback:
        err.print(f"kronika serve: listening on {host}, reachable from other machines")
    uvicorn.run(app, host=host.strip("[]"), port=port, log_level="warning", server_header=False)
    err.print("kronika serve: stopped")


def register(app: typer.Typer) -> None:
    app.command("serve")(serve_cmd)
