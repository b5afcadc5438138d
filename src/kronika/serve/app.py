"""The FastAPI application: the /api routes, the web app's pages and assets, errors as JSON.

    create_app(ServeConfig(db=...)) -> FastAPI

Pages are static HTML files of our own (static/), filled in the browser from the API by our scripts, which put
article text into the page as text, never as markup. Front-end libraries are served from the Python packages
that ship them (XStatic-Leaflet, XStatic-Leaflet-MarkerCluster, fastapi-offline's Swagger UI), never from a
CDN. Every error, ours or the framework's, is answered as {"error": message, "status": code}; an unexpected
one is logged on the server and answered with a generic message, never a stack trace.
"""

from __future__ import annotations

import importlib.util
import logging
from dataclasses import dataclass, field
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from kronika import __version__
from kronika.errors import FilterError, KronikaError, StoreError
from kronika.ledger import BadQueryError, UnknownDocumentError, UnknownEventError
from kronika.serve.api import make_router
from kronika.serve.security import HeadersMiddleware, HostMiddleware, LimitsMiddleware, content_security_policy
from kronika.serve.stores import StorePool

STATIC = Path(__file__).parent / "static"
log = logging.getLogger("kronika.serve")


@dataclass(slots=True)
class ServeConfig:
    db: str | Path
    token: str | None = None
    tiles: str | None = None  # a tile URL template, {z}/{x}/{y}; None: the shipped outlines only
    tiles_attribution: str | None = None
    allowed_hosts: list[str] = field(default_factory=lambda: ["*"])


def _package_dir(module: str, sub: str = "") -> Path:
    spec = importlib.util.find_spec(module)
    if spec is None or not spec.submodule_search_locations:
        raise KronikaError(f"the web assets package for {module} is not installed (pip install kronika again)")
    return Path(next(iter(spec.submodule_search_locations))) / sub


VENDOR = {
    "leaflet": ("xstatic.pkg.leaflet", "data"),
    "markercluster": ("xstatic.pkg.leaflet_markercluster", "data"),
    "swagger-ui": ("fastapi_offline", "static"),
}

PAGES = {
    "/": "index.html",
    "/air": "air.html",
    "/events/{event_id}": "event.html",
    "/documents/{document_id}": "document.html",
    "/docs": "docs.html",
}


def _error(status: int, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"error": message, "status": status}, status_code=status, headers=headers)


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors()[:5]:
        where = ".".join(str(p) for p in err.get("loc", ()) if p not in ("query", "path", "body"))
        parts.append(f"{where or 'request'}: {err.get('msg', 'invalid')}")
    return "; ".join(parts) or "invalid request"


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        message = exc.detail if isinstance(exc.detail, str) else "request refused"
        if exc.status_code == 404 and message == "Not Found":
            message = f"no such page or API route: {request.url.path[:200]}"
        elif exc.status_code == 405:
            message = f"{request.method} is not allowed on {request.url.path[:200]}"
        return _error(exc.status_code, message, getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        return _error(422, _validation_message(exc))

    @app.exception_handler(UnknownEventError)
    @app.exception_handler(UnknownDocumentError)
    async def not_found(request: Request, exc: KronikaError) -> JSONResponse:
        return _error(404, str(exc))

    @app.exception_handler(BadQueryError)
    @app.exception_handler(FilterError)
    async def bad_query(request: Request, exc: KronikaError) -> JSONResponse:
        return _error(400, str(exc))

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError) -> JSONResponse:
        if str(exc).startswith("bad search"):  # an FTS5 query the user typed: their error, not the ledger's
            return _error(400, str(exc))
        log.error("ledger error on %s: %s", request.url.path, exc)
        return _error(503, "the ledger cannot be read right now")

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("internal error on %s", request.url.path)
        return _error(500, "internal error (the server log has the details)")


def create_app(config: ServeConfig) -> FastAPI:
    """The kronika web app and API over the ledger at `config.db` (which must exist)."""
    if not Path(config.db).is_file():
        raise KronikaError(f"no ledger at {config.db}: build one with `kronika ingest FILES --db {config.db}`")
    app = FastAPI(
        title="kronika",
        version=__version__,
        summary="A sourced, dated, geolocated ledger of events of an armed conflict",
        description="Every figure with who says so and the sentence it came from. The same filters as "
        "`kronika events`; listings page with `limit` and `cursor`.",
        docs_url=None,
        redoc_url=None,
    )
    pool = StorePool(config.db, readonly=not config.token)
    app.include_router(make_router(pool, config.token, config.tiles, config.tiles_attribution))
    _install_error_handlers(app)

    def page(name: str):  # noqa: ANN202 - a route function
        path = STATIC / name

        def serve_page() -> FileResponse:
            return FileResponse(path, media_type="text/html", headers={"cache-control": "no-cache"})

        return serve_page

    for route, name in PAGES.items():
        app.get(route, include_in_schema=False)(page(name))

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    for name, (module, sub) in VENDOR.items():
        app.mount(f"/vendor/{name}", StaticFiles(directory=_package_dir(module, sub)), name=f"vendor-{name}")

    # the last added runs first: bounds, then the host check, then headers on whatever is answered
    app.add_middleware(HeadersMiddleware, csp=content_security_policy(config.tiles))
    app.add_middleware(HostMiddleware, allowed_hosts=config.allowed_hosts)
    app.add_middleware(LimitsMiddleware)
    return app
