"""The Python API behind the ledger commands: one function per command, same names, same options.

    list_events(store, ...)   -> list[EventRow]       `kronika events`
    show_event(store, id)     -> EventDetail          `kronika show`
    air_stats(store, ...)     -> list[AirNight]       `kronika stats air` (in kronika.ledger.air)
    timeline(store, ...)      -> list[TimelineDay]    `kronika timeline`
    ledger_stats(store)       -> dict[str, int]       `kronika stats`
    search_documents(store, q)                        full-text search over stored articles (FTS5)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import groupby

from kronika.errors import KronikaError
from kronika.ledger.figures import OVERALL, format_history, report_order
from kronika.store.base import CurrentFigure, EventFilter, FigureReport, LedgerEvent, LedgerStore, SourceReport


class UnknownEventError(KronikaError):
    """`show` was asked for an event id the ledger does not hold."""


@dataclass(slots=True)
class EventRow:
    event: LedgerEvent
    figures: dict[str, CurrentFigure] = field(default_factory=dict)  # kind -> overall current value


@dataclass(slots=True)
class FigureHistory:
    kind: str
    current: CurrentFigure
    by_claimant: list[CurrentFigure]
    reports: list[FigureReport]

    @property
    def text(self) -> str:
        return format_history(self.reports)


@dataclass(slots=True)
class EventDetail:
    event: LedgerEvent
    sources: list[SourceReport]
    figures: list[FigureHistory]


@dataclass(slots=True)
class TimelineDay:
    date: str | None
    events: list[EventRow]


def _rows(store: LedgerStore, events: list[LedgerEvent]) -> list[EventRow]:
    rows = []
    for ev in events:
        current = {c.kind: c for c in store.current_figures(ev.id) if c.claimant == OVERALL}
        rows.append(EventRow(ev, current))
    return rows


def list_events(
    store: LedgerStore,
    *,
    since: str | None = None,
    until: str | None = None,
    type: str | None = None,
    place: str | None = None,
    near: tuple[float, float, float] | None = None,
    claimant: str | None = None,
    contested: bool | None = None,
) -> list[EventRow]:
    """Events matching every filter given, by date then creation order (undated last)."""
    flt = EventFilter(since, until, type, place, near, claimant, contested)
    return _rows(store, store.find_events(flt))


def show_event(store: LedgerStore, event_id: str) -> EventDetail:
    """An event with every report of it and the history of each figure."""
    event = store.get_event(event_id)
    if event is None:
        raise UnknownEventError(f"no event {event_id!r} in the ledger (list them with `kronika events`)")
    current = store.current_figures(event_id)
    reports = store.figure_reports(event_id)
    histories = []
    for kind in sorted({c.kind for c in current}):
        rows = [c for c in current if c.kind == kind]
        overall = next(c for c in rows if c.claimant == OVERALL)
        histories.append(
            FigureHistory(
                kind,
                overall,
                [c for c in rows if c.claimant != OVERALL],
                sorted((r for r in reports if r.kind == kind), key=report_order),
            )
        )
    return EventDetail(event, store.sources(event_id), histories)


def timeline(store: LedgerStore, *, since: str | None = None, until: str | None = None) -> list[TimelineDay]:
    """Events grouped by day, oldest first; undated events last."""
    rows = list_events(store, since=since, until=until)
    return [TimelineDay(day, list(group)) for day, group in groupby(rows, key=lambda r: r.event.date)]


def ledger_stats(store: LedgerStore) -> dict[str, int]:
    """Row counts of the ledger's main tables."""
    return store.counts()


def search_documents(store: LedgerStore, query: str, limit: int = 20) -> list[tuple[int, str, str | None, str]]:
    """(document id, path, title, snippet) of stored articles matching an FTS5 query."""
    return store.search_documents(query, limit)
