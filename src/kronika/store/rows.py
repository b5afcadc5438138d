"""How ledger rows become records: the columns a read selects for an event (with its place) or a figure report,
and the functions that turn such a row into a `LedgerEvent`, `Location` or `FigureReport`.

Shared by every read of the store (sqlite.py and its mixins, bulk.py); `_now` is the one wall clock writes use.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from kronika.models import Location
from kronika.store.base import FigureReport, LedgerEvent

_EVENT_COLUMNS = (
    "e.id, e.type, e.date, e.date_to, e.status, e.contested, e.source_count, e.first_reported, "
    "e.last_reported, e.summary, e.seq, p.name, p.admin1, p.admin2, p.country, p.lat, p.lon, p.precision, "
    "p.gazetteer_id"
)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _location(row: Sequence[object], offset: int) -> Location | None:
    name = row[offset]
    if name is None:
        return None
    return Location(
        name=str(name),
        admin1=row[offset + 1],  # type: ignore[arg-type]
        admin2=row[offset + 2],  # type: ignore[arg-type]
        country=row[offset + 3],  # type: ignore[arg-type]
        lat=row[offset + 4],  # type: ignore[arg-type]
        lon=row[offset + 5],  # type: ignore[arg-type]
        precision=row[offset + 6] or "ambiguous",  # type: ignore[arg-type]
        gazetteer_id=row[offset + 7],  # type: ignore[arg-type]
    )


def _event(row: Sequence[object]) -> LedgerEvent:
    return LedgerEvent(
        id=row[0],  # type: ignore[arg-type]
        type=row[1],  # type: ignore[arg-type]
        date=row[2],  # type: ignore[arg-type]
        date_to=row[3],  # type: ignore[arg-type]
        status=row[4],  # type: ignore[arg-type]
        contested=bool(row[5]),
        source_count=row[6],  # type: ignore[arg-type]
        first_reported=row[7],  # type: ignore[arg-type]
        last_reported=row[8],  # type: ignore[arg-type]
        summary=row[9],  # type: ignore[arg-type]
        seq=row[10],  # type: ignore[arg-type]
        place=_location(row, 11),
    )


_FIGURE_COLUMNS = (
    "f.id, f.event_id, f.event_source_id, f.document_id, f.position, f.kind, f.value, f.qualifier, f.claimed_by,"
    " f.outlet, f.reported_on, f.quote, f.span_start, f.span_end, f.claimant_id, c.name,"
    " (SELECT s.claimant_id FROM event_sources s WHERE s.id = f.event_source_id),"
    # from a document an analyst retracted: kept as history, never counted as current
    " EXISTS (SELECT 1 FROM retractions r JOIN documents d ON d.content_hash = r.content_hash"
    " WHERE d.id = f.document_id)"
)


def _figure(r: Sequence[object]) -> FigureReport:
    return FigureReport(
        id=r[0],  # type: ignore[arg-type]
        event_id=r[1],  # type: ignore[arg-type]
        source_id=r[2],  # type: ignore[arg-type]
        document_id=r[3],  # type: ignore[arg-type]
        position=r[4],  # type: ignore[arg-type]
        kind=r[5],  # type: ignore[arg-type]
        value=r[6],  # type: ignore[arg-type]
        qualifier=r[7],  # type: ignore[arg-type]
        claimed_by=r[8],  # type: ignore[arg-type]
        outlet=r[9],  # type: ignore[arg-type]
        reported_on=r[10],  # type: ignore[arg-type]
        quote=r[11],  # type: ignore[arg-type]
        span=(r[12], r[13]),  # type: ignore[arg-type]
        claimant_id=r[14],  # type: ignore[arg-type]
        claimant_name=r[15],  # type: ignore[arg-type]
        report_claimant_id=r[16],  # type: ignore[arg-type]
        retracted=bool(r[17]) if len(r) > 17 else False,
    )

