"""The Python API behind the ledger commands: one function per command, same names, same options.

    list_events(store, ...)   -> EventList            `kronika events` (a list of EventRow, with `next_cursor`)
    show_event(store, id)     -> EventDetail          `kronika show`
    air_stats(store, ...)     -> list[AirNight]       `kronika stats air` (in kronika.ledger.air)
    timeline(store, ...)      -> list[TimelineDay]    `kronika timeline`
    day_counts(store, ...)    -> list[DayCount]       `kronika timeline --counts`: events per day and type
    ledger_stats(store)       -> dict[str, int]       `kronika stats`
    search_documents(store, q)                        full-text search over stored articles (FTS5)
    show_document(store, id)  -> DocumentRecord       one stored article, its cleaned text and its events

Filters (list_events and timeline take the same ones): since, until, type, place and claimant (each one or
several: any of them matches), near, contested, q (words that a source article of the event contains). A place
matches by substring of a place's name, oblast or district, and by the name the geocoder resolves it to ("Kiev"
finds Kyiv). Listings are in a fixed order
(day, undated last, then creation order), so `limit` with the `cursor` of the previous page pages through them
without skipping or repeating an event, however the ledger grows meanwhile.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import groupby

from kronika.claimants import Claimant
from kronika.errors import FilterError, KronikaError
from kronika.ledger.claims import claimant_groups, claimant_key
from kronika.ledger.figures import FIGURE_READINGS, OVERALL, conservative_figures, format_history, report_order
from kronika.ledger.validate import checked_filters
from kronika.store.base import (
    Correction,
    CurrentFigure,
    DocumentRecord,
    EventFilter,
    FigureReport,
    LedgerEvent,
    LedgerStore,
    PossibleDuplicate,
    SourceReport,
)

MAX_SEARCH_WORDS = 16


class UnknownEventError(KronikaError):
    """`show` was asked for an event id the ledger does not hold."""


class UnknownDocumentError(KronikaError):
    """A document id the ledger does not hold."""


# One exception for every unusable filter value (validation, cursors, search words): the CLI, the Python API and
# the HTTP API report them the same way. The older name stays for callers that imported it.
BadQueryError = FilterError


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
class ClaimantStance:
    """What one claimant says of an event: its stances (claimed, denied, reported) and the reports saying it."""

    claimant: str | None  # the canonical name when kronika knows the body or person; None: no claimant named
    stances: list[str]
    source_ids: list[int]
    claimant_id: str | None = None  # the canonical claimant's id ("ua.air_force"), when known
    phrases: list[str] = field(default_factory=list)  # the texts' own phrases for it


@dataclass(slots=True)
class EventDetail:
    event: LedgerEvent
    sources: list[SourceReport]
    figures: list[FigureHistory]
    claims: list[ClaimantStance] = field(default_factory=list)
    # events this one may be the same as (the evidence did not decide); each source's match_decision,
    # match_score and match_evidence say why it is here
    possible_duplicates: list[PossibleDuplicate] = field(default_factory=list)
    # the analyst corrections that touched its reports (merges, splits, retractions), oldest first
    corrections: list[Correction] = field(default_factory=list)


@dataclass(slots=True)
class TimelineDay:
    date: str | None
    events: list[EventRow]


@dataclass(slots=True)
class DayCount:
    """How many events (of each type, contested, and their killed) a day has; an event counts on its first day."""

    date: str | None
    events: int = 0
    types: dict[str, int] = field(default_factory=dict)
    contested: int = 0
    killed: int = 0


class EventList(list[EventRow]):
    """The events of one listing; `next_cursor` continues it when `limit` cut it short, else None."""

    next_cursor: str | None = None


def _reading(figures: str) -> str:
    if figures not in FIGURE_READINGS:
        raise BadQueryError(f"figures must be one of {', '.join(FIGURE_READINGS)}; got {figures!r}")
    return figures


def _rows(store: LedgerStore, events: list[LedgerEvent], figures: str = "latest") -> list[EventRow]:
    """Each event with its overall current figures: the stored (latest) reading, or the conservative one."""
    if figures == "conservative":
        rows = []
        for ev in events:
            lowest = conservative_figures(store.figure_reports(ev.id))
            rows.append(EventRow(ev, {c.kind: c for c in lowest if c.claimant == OVERALL}))
        return rows
    current = store.current_figures_of([ev.id for ev in events], OVERALL)
    return [EventRow(ev, {c.kind: c for c in current.get(ev.id, [])}) for ev in events]


def event_cursor(event: LedgerEvent) -> str:
    """Where a listing continues after `event`: 'DAY:SEQ', or 'undated:SEQ'."""
    return f"{event.date or 'undated'}:{event.seq}"


_CURSOR = re.compile(r"(\d{4}-\d{2}-\d{2}|undated):(\d{1,15})")


def parse_cursor(cursor: str) -> tuple[str | None, int]:
    match = _CURSOR.fullmatch(cursor.strip())
    if match is None:
        raise BadQueryError(f"cursor {cursor[:40]!r} is not one this ledger gave (DAY:N or undated:N)")
    day = None if match.group(1) == "undated" else match.group(1)
    return day, int(match.group(2))


def search_words(q: str) -> str:
    """Plain words as an FTS5 query that wants every word (punctuation is not syntax here)."""
    words = re.findall(r"\w+", q)
    if not words:
        raise BadQueryError(f"search {q[:40]!r} has no words to look for")
    if len(words) > MAX_SEARCH_WORDS:
        raise BadQueryError(f"search has {len(words)} words; at most {MAX_SEARCH_WORDS}")
    return " ".join(f'"{w}"' for w in words)


@checked_filters
def list_events(
    store: LedgerStore,
    *,
    since: str | None = None,
    until: str | None = None,
    type: str | Sequence[str] | None = None,
    place: str | Sequence[str] | None = None,
    near: tuple[float, float, float] | None = None,
    claimant: str | Sequence[str] | None = None,
    contested: bool | None = None,
    q: str | None = None,
    limit: int | None = None,
    cursor: str | None = None,
    figures: str = "latest",
) -> EventList:
    """Events matching every filter given, by date then creation order (undated last).

    `figures`: "latest" (the current-figures rule) or "conservative" (ACLED's lowest reading).

    With `limit`, at most that many; `next_cursor` of the result, passed back as `cursor`, gives the next ones.
    """
    if limit is not None and limit < 1:
        raise BadQueryError(f"limit must be at least 1, got {limit}")
    flt = EventFilter(
        since,
        until,
        type,
        place,
        near,
        claimant,
        contested,
        q=search_words(q) if q is not None else None,
        after=parse_cursor(cursor) if cursor else None,
        limit=limit + 1 if limit is not None else None,
    )
    events = store.find_events(flt)
    out = EventList(_rows(store, events[:limit] if limit is not None else events, _reading(figures)))
    if limit is not None and len(events) > limit:
        out.next_cursor = event_cursor(events[limit - 1])
    return out


def show_event(store: LedgerStore, event_id: str, figures: str = "latest") -> EventDetail:
    """An event with every report of it (and why it was merged), the history of each figure, and the events
    it may be a duplicate of."""
    event = store.get_event(event_id)
    if event is None:
        raise UnknownEventError(f"no event {event_id!r} in the ledger (list them with `kronika events`)")
    if _reading(figures) == "conservative":
        current = conservative_figures(store.figure_reports(event_id))
    else:
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
    sources = store.sources(event_id)
    return EventDetail(event, sources, histories, _claimant_stances(sources), store.possible_duplicates(event_id),
                       store.event_corrections(event_id))


def source_claimant(src: SourceReport) -> Claimant | None:
    """The canonical body or person behind a report's claimant phrase (None for a phrase read as no known body)."""
    found = src.claimants.get(src.claimed_by or "")
    if found is None or found.id.startswith("other:"):
        return None
    return found


def _claimant_stances(sources: list[SourceReport]) -> list[ClaimantStance]:
    """Reports grouped by claimant (one canonical body however spelt, else spellings of a phrase folded), in the
    order claimants first speak."""
    groups = claimant_groups(s.claimed_by for s in sources)
    out: dict[str | None, ClaimantStance] = {}
    for src in sources:
        canonical = source_claimant(src)
        key = claimant_key(src.claimed_by)
        group = f"id:{canonical.id}" if canonical else (groups.get(key, key) if key else None)
        stance = out.get(group)
        if stance is None:
            name = canonical.name if canonical else src.claimed_by
            stance = out[group] = ClaimantStance(name, [], [], canonical.id if canonical else None)
        elif not canonical and src.claimed_by and len(src.claimed_by) > len(stance.claimant or ""):
            stance.claimant = src.claimed_by  # the fullest name of the claimant
        if src.claimed_by and src.claimed_by not in stance.phrases:
            stance.phrases.append(src.claimed_by)
        if src.status not in stance.stances:
            stance.stances.append(src.status)
        stance.source_ids.append(src.id)
    return list(out.values())


@checked_filters
def timeline(
    store: LedgerStore,
    *,
    since: str | None = None,
    until: str | None = None,
    type: str | Sequence[str] | None = None,
    place: str | Sequence[str] | None = None,
    near: tuple[float, float, float] | None = None,
    claimant: str | Sequence[str] | None = None,
    contested: bool | None = None,
    q: str | None = None,
    limit: int | None = None,
) -> list[TimelineDay]:
    """Events grouped by day, oldest first; undated events last. Takes the filters of `list_events`, and
    `limit` (at most that many events)."""
    rows = list_events(
        store, since=since, until=until, type=type, place=place, near=near, claimant=claimant,
        contested=contested, q=q, limit=limit,
    )
    return [TimelineDay(day, list(group)) for day, group in groupby(rows, key=lambda r: r.event.date)]


@checked_filters
def day_counts(
    store: LedgerStore,
    *,
    since: str | None = None,
    until: str | None = None,
    type: str | Sequence[str] | None = None,
    place: str | Sequence[str] | None = None,
    near: tuple[float, float, float] | None = None,
    claimant: str | Sequence[str] | None = None,
    contested: bool | None = None,
    q: str | None = None,
) -> list[DayCount]:
    """The timeline as counts, oldest day first, undated last: one aggregate query, whatever the ledger's size."""
    words = search_words(q) if q is not None else None
    flt = EventFilter(since, until, type, place, near, claimant, contested, q=words)
    days: dict[str | None, DayCount] = {}
    for day, event_type, n, n_contested, killed in store.count_events(flt):
        count = days.setdefault(day, DayCount(day))
        count.events += n
        count.types[event_type] = n
        count.contested += n_contested
        count.killed += killed
    return list(days.values())


def ledger_stats(store: LedgerStore) -> dict[str, int]:
    """Row counts of the ledger's main tables."""
    return store.counts()


def search_documents(store: LedgerStore, query: str, limit: int = 20) -> list[tuple[int, str, str | None, str]]:
    """(document id, path, title, snippet) of stored articles matching an FTS5 query."""
    return store.search_documents(query, limit)


def show_document(store: LedgerStore, document_id: int) -> DocumentRecord:
    """One stored article: its cleaned text (every quote's span points into it) and the events it reports."""
    doc = store.get_document(document_id)
    if doc is None:
        raise UnknownDocumentError(f"no document {document_id} in the ledger")
    return doc
