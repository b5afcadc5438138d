"""The routes under /api/: one per ledger query, each one call into kronika.ledger, as the CLI makes.

Filters carry the names and meaning of `kronika events` options (since, until, type repeatable, place, near,
claimant, contested, q), and listings page with `limit` (bounded) and the `cursor` the previous page returned.
Routes are plain functions: FastAPI runs them in its thread pool, each thread with its own ledger connection.
"""

from __future__ import annotations

import json
import threading
from datetime import date
from typing import Annotated, Any, Literal

import orjson
from fastapi import APIRouter, Body, Depends, HTTPException, Path, Query, Request
from fastapi.responses import Response
from pydantic import StringConstraints

from kronika import __version__
from kronika.errors import RejectedInput
from kronika.ledger import (
    EventList,
    air_stats,
    day_counts,
    ingest_document,
    ledger_stats,
    list_events,
    search_documents,
    show_document,
    show_event,
)
from kronika.ledger.export import geojson_collection
from kronika.ledger.queries import MAX_SEARCH_WORDS, search_words
from kronika.models import EVENT_TYPES
from kronika.readers import article_from_json
from kronika.reference import reference_imports
from kronika.serve import schemas as s
from kronika.serve.air import AirStatsOut, air_out
from kronika.serve.security import bearer_guard
from kronika.serve.stores import StorePool

MAX_LIMIT = 5000
REFERENCE = "ivaniuk"  # the record `stats air --reference` holds the news against
MAX_GEOJSON_LIMIT = 10000  # a map page loads whole filtered sets: fewer, larger pages
EventType = Literal["air_attack", "strike", "ground_claim", "diplomacy", "statement", "other"]
assert set(EventType.__args__) == set(EVENT_TYPES)  # type: ignore[attr-defined]

ERRORS = {
    400: {"model": s.ErrorOut, "description": "A filter value that cannot be used"},
    414: {"model": s.ErrorOut, "description": "URL longer than the server takes (4 KB)"},
    422: {"model": s.ErrorOut, "description": "A parameter of the wrong form"},
}
NOT_FOUND = {404: {"model": s.ErrorOut, "description": "No such record in the ledger"}}


def _day(value: str | None, name: str) -> str | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise HTTPException(400, f"{name} wants a day as YYYY-MM-DD, got {value[:20]!r}") from None


def _near(value: str | None) -> tuple[float, float, float] | None:
    if value is None:
        return None
    try:
        lat, lon, km = (float(part) for part in value.split(","))
    except ValueError:
        raise HTTPException(400, f"near wants LAT,LON,KM (e.g. 50.45,30.52,25), got {value[:40]!r}") from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180 and 0 < km < 100000):
        raise HTTPException(400, "near is out of range: latitude -90..90, longitude -180..180, 0 < km < 100000")
    return lat, lon, km


# The patterns say in the schema what the library accepts, so a request the schema allows is one that is answered.
DAY = r"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$"
_LAT = r"[-+]?(90(\.0+)?|[1-8]?\d(\.\d+)?)"
_LON = r"[-+]?(180(\.0+)?|(1[0-7]\d|[1-9]?\d)(\.\d+)?)"
_KM = r"([1-9]\d{0,4}(\.\d+)?|0\.\d*[1-9]\d*)"
NEAR = f"^{_LAT},{_LON},{_KM}$"
CURSOR = r"^(\d{4}-\d{2}-\d{2}|undated):\d{1,15}$"


def _day_query(description: str) -> Any:
    return Query(pattern=DAY, description=description, json_schema_extra={"format": "date"})


Name = Annotated[str, StringConstraints(max_length=100)]  # one value of a repeatable name filter; "" is no filter


class Filters:
    """The filters of `kronika events`, as query parameters (type, place and claimant repeat: any value)."""

    def __init__(
        self,
        since: Annotated[str | None, _day_query("Events on or after this day (YYYY-MM-DD)")] = None,
        until: Annotated[str | None, _day_query("Events on or before this day (YYYY-MM-DD)")] = None,
        type: Annotated[list[EventType] | None, Query(max_length=6, description="Event type; repeat for several")]
        = None,
        place: Annotated[
            list[Name] | None,
            Query(max_length=10, description="Place, oblast or district name (substring; the geocoder's name for it "
                  "too: Kiev finds Kyiv); repeat for several"),
        ] = None,
        near: Annotated[
            str | None, Query(max_length=80, pattern=NEAR, description="LAT,LON,KM: events within KM of a point")
        ] = None,
        claimant: Annotated[
            list[Name] | None, Query(max_length=10, description="Claimant name (substring); repeat for several")
        ] = None,
        contested: Annotated[bool | None, Query(description="Only contested (true) or uncontested (false)")] = None,
        q: Annotated[
            str | None,
            Query(max_length=200,
                  description=f"Words a source article contains (all of them; at most {MAX_SEARCH_WORDS})"),
        ] = None,
    ) -> None:
        self.values = {
            "since": _day(since, "since"),
            "until": _day(until, "until"),
            "type": list(dict.fromkeys(type)) if type else None,
            "place": _names(place),
            "near": _near(near),
            "claimant": _names(claimant),
            "contested": contested,
            "q": q,
        }


def _names(values: list[str] | None) -> list[str] | None:
    """A repeated name filter without its empty values (a form's blank field); None when nothing is left."""
    kept = list(dict.fromkeys(v for v in values or () if v.strip()))
    return kept or None


Figures = Annotated[
    Literal["latest", "conservative"],
    Query(description="latest (the current-figures rule) or conservative (ACLED's lowest reading)"),
]


Cursor = Annotated[
    str | None, Query(max_length=40, pattern=CURSOR, description="The next_cursor of the previous page")
]


def make_router(pool: StorePool, token: str | None, tiles: str | None, tiles_attribution: str | None) -> APIRouter:
    router = APIRouter(prefix="/api", responses=ERRORS)
    ingest_lock = threading.Lock()  # one extraction at a time: the spaCy pipeline is shared

    def page(filters: Filters, limit: int, cursor: str | None, figures: str) -> EventList:
        return list_events(pool.store(), **filters.values, limit=limit, cursor=cursor, figures=figures)

    @router.get("/events", response_model=s.EventPage, summary="List events (the filters of `kronika events`)")
    def events(
        filters: Annotated[Filters, Depends()],
        limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 100,
        cursor: Cursor = None,
        figures: Figures = "latest",
    ) -> Response:
        rows = page(filters, limit, cursor, figures)
        body = s.EventPage(events=[s.event_out(r) for r in rows], next_cursor=rows.next_cursor)
        # written by pydantic directly: FastAPI would dump, validate again and encode the page it was just given
        return Response(body.model_dump_json(), media_type="application/json")

    @router.get(
        "/events.geojson",
        response_model=s.EventCollection,
        responses={200: {"content": {"application/geo+json": {}}}},
        summary="Events as an RFC 7946 FeatureCollection",
    )
    def events_geojson(
        filters: Annotated[Filters, Depends()],
        limit: Annotated[int, Query(ge=1, le=MAX_GEOJSON_LIMIT)] = MAX_GEOJSON_LIMIT,
        cursor: Cursor = None,
        figures: Figures = "latest",
    ) -> Response:
        rows = page(filters, limit, cursor, figures)
        body = geojson_collection(rows)
        body["next_cursor"] = rows.next_cursor
        # a map page asks for up to 10k features (~6 MB): orjson writes them ten times faster than json
        return Response(orjson.dumps(body), media_type="application/geo+json")

    @router.get("/events/{event_id}", response_model=s.EventDetailOut, responses=NOT_FOUND,
                summary="One event: every source, the figure histories, who claims what")
    def event(event_id: Annotated[str, Path(max_length=200)], figures: Figures = "latest") -> s.EventDetailOut:
        return s.detail_out(show_event(pool.store(), event_id, figures=figures))

    @router.get("/timeline", response_model=s.TimelineOut,
                summary="Events per day and type (the filters of `kronika events`; `kronika timeline --counts`)")
    def timeline_route(filters: Annotated[Filters, Depends()]) -> s.TimelineOut:
        return s.timeline_out(day_counts(pool.store(), **filters.values))

    @router.get("/stats", response_model=s.StatsOut, summary="Row counts of the ledger")
    def stats() -> s.StatsOut:
        return s.StatsOut(counts=ledger_stats(pool.store()))

    @router.get("/stats/air", response_model=AirStatsOut, responses=NOT_FOUND,
                summary="Per night and claimant: drones and missiles launched and destroyed (`kronika stats air`)")
    def stats_air(
        since: Annotated[str | None, _day_query("Nights on or after this day (YYYY-MM-DD)")] = None,
        until: Annotated[str | None, _day_query("Nights on or before this day (YYYY-MM-DD)")] = None,
        reference: Annotated[bool, Query(description="Put the imported reference record beside each night, "
                                         "with the agreement and the likely reason for a disagreement")] = False,
    ) -> AirStatsOut:
        store = pool.store()
        record = store.reference_import(REFERENCE) if reference else None
        if reference and record is None:
            raise HTTPException(404, f"the ledger holds no {REFERENCE} reference record: import one with "
                                f"`kronika reference import {REFERENCE} PATH`")
        nights = air_stats(store, since=_day(since, "since"), until=_day(until, "until"), reference=reference)
        return air_out(nights, record)

    @router.get("/search", response_model=s.SearchOut,
                summary="Stored articles that contain every word of q, best match first")
    def search(
        q: Annotated[str, Query(max_length=200, description=f"Words, all of them (at most {MAX_SEARCH_WORDS})")],
        limit: Annotated[int, Query(ge=1, le=100)] = 20,
    ) -> s.SearchOut:
        hits = search_documents(pool.store(), search_words(q), limit)
        return s.SearchOut(results=[s.SearchHit(document_id=d, path=p, title=t, snippet=n) for d, p, t, n in hits])

    @router.get("/documents/{document_id}", response_model=s.DocumentOut, responses=NOT_FOUND,
                summary="One stored article: its cleaned text and the events it reports")
    def document(document_id: Annotated[int, Path(ge=1, le=2**62)]) -> s.DocumentOut:
        return s.document_out(show_document(pool.store(), document_id))

    @router.get("/config", response_model=s.ConfigOut, summary="What the web app needs to know of this server")
    def config() -> s.ConfigOut:
        return s.ConfigOut(read_only=not token, tiles=tiles, tiles_attribution=tiles_attribution,
                           version=__version__, references=[r.source for r in reference_imports(pool.store())])

    @router.post(
        "/ingest",
        response_model=s.IngestOut,
        dependencies=[Depends(bearer_guard(token))],
        responses={
            401: {"model": s.ErrorOut, "description": "Missing or wrong bearer token"},
            403: {"model": s.ErrorOut, "description": "The server is read-only (started without a token)"},
            413: {"model": s.ErrorOut, "description": "Body too large"},
        },
        summary="Extract one article and merge its events into the ledger (needs the token)",
    )
    def ingest_route(article: Annotated[s.IngestIn, Body()], request: Request) -> s.IngestOut:
        from kronika.pipeline import extract_items

        line = json.dumps(article.model_dump(exclude_none=True)).encode()
        try:
            parsed = article_from_json(f"api:{request.client.host if request.client else 'client'}", line)
        except RejectedInput as rejected:
            raise HTTPException(400, f"article rejected: {rejected.reason}") from None
        with ingest_lock:
            (result,) = list(extract_items([parsed], 1))
            if isinstance(result, RejectedInput):
                raise HTTPException(400, f"article rejected: {result.reason}")
            store = pool.store()
            outcome = ingest_document(store, result)
        events = show_document(store, outcome.document_id).event_ids if outcome.document_id else []
        return s.ingest_out(outcome, events)

    return router
