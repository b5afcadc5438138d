"""An event derived again from all its reports: days, place, report range, status, current figures, index.

Called after every change to an event's reports (a report joins, an analyst merges, splits or retracts, a
document is extracted again), so an event never depends on the order its reports came in beyond ties.

Days. A report's day counts for the event when the report's own words fix it ('text'), or, when no report
does, when it is the report's day ('story'); reports that joined as later updates ('update': "the toll has
risen to 40 on Sunday") never move the event's day, and a report that tells of a risen toll counts only when
no other report gives a day. A month and day without a year ("on Dec. 1") counts with the year of the dated
report nearest it ("Ukraine on Wednesday denied", 2025-12-03: the claim was 2025-12-01). The event runs from the
first to the last counted day.
"""

from __future__ import annotations

from datetime import date

from kronika.ledger.claims import event_status, stance_contested
from kronika.ledger.figures import OVERALL, current_figures
from kronika.ledger.merge import UPDATE_DAYS
from kronika.ledger.places import better_place, index_cells, slug
from kronika.models import Event
from kronika.store.base import LedgerEvent, LedgerStore, SourceReport

RETRACTED = "retracted"


def refresh_event(store: LedgerStore, event_id: str) -> None:
    """Recompute what the event derives from its reports; an event left without reports is removed."""
    target = store.get_event(event_id)
    if target is None:
        return
    sources = store.sources(event_id)
    if not sources:
        store.delete_event(event_id)
        return
    counted = [s for s in sources if s.date and s.date_role != "update"]
    if any(not s.toll_update for s in counted):
        counted = [s for s in counted if not s.toll_update]  # an update's day is weaker than the event's own
    text = [s.date for s in counted if s.date_basis != "story"]
    story = [s.date for s in counted if s.date_basis == "story"]
    anchor = min((s.date for s in sources if s.date), default=None)
    for src in sources:
        day = _year_for(src.date_partial, anchor) if not src.date else None
        if day:
            (story if src.date_basis == "story" else text).append(day)
    if text:
        days = text
    elif story:
        days = [min(story)]  # reports dated by their own day: the earliest bounds the event best
    else:
        days = sorted(s.date for s in sources if s.date)[:1]
    target.date = min(days) if days else None
    target.date_to = max(days) if days and max(days) != min(days) else None
    place = None
    for src in sources:
        place = better_place(place, src.location)
    target.place = place
    reported = sorted(s.published for s in sources if s.published)
    target.first_reported = reported[0] if reported else None
    target.last_reported = reported[-1] if reported else None
    target.source_count = len(sources)
    stances = store.stances(event_id)
    live = [f for f in store.figure_reports(event_id) if not f.retracted]
    rows = current_figures(live)
    store.replace_current_figures(event_id, rows)
    if all(s.retracted for s in sources):
        target.status, target.contested = RETRACTED, False
    else:
        target.status = event_status(stances)
        target.contested = stance_contested(stances) or any(r.contested for r in rows if r.claimant == OVERALL)
    store.update_event(target)
    dated = [s for s in sources if s.date]
    only_updates = bool(dated) and all(s.toll_update or s.date_role == "update" for s in dated)
    _reindex(store, target.id, target.date, target.date_to, sources, only_updates)


PARTIAL_DAYS = UPDATE_DAYS + 1  # how far a month and day without a year may lie from the dated report it joined


def _year_for(partial: str | None, anchor: str | None) -> str | None:
    """'--12-01' of a report that joined an event dated 2025-12-03 by another report: 2025-12-01. The year is
    the one that puts the day nearest the dated report, and only within `PARTIAL_DAYS` of it."""
    if not partial or not anchor or not partial.startswith("--"):
        return None
    near = date.fromisoformat(anchor)
    best: date | None = None
    for year in (near.year - 1, near.year, near.year + 1):
        try:
            day = date(year, int(partial[2:4]), int(partial[5:7]))
        except ValueError:
            continue
        if best is None or abs((day - near).days) < abs((best - near).days):
            best = day
    return best.isoformat() if best is not None and abs((best - near).days) <= PARTIAL_DAYS else None


def _reindex(
    store: LedgerStore, event_id: str, first: str | None, last: str | None, sources: list, only_updates: bool
) -> None:
    cells: list[str] = []
    for src in sources:
        cells += index_cells(src.type, src.location)
    cells = list(dict.fromkeys(cells))
    keys: list[str] = []
    if first:
        lo, hi = date.fromisoformat(first), date.fromisoformat(last or first)
        if only_updates:  # its day is a late one: the original report, days earlier, must still find it
            lo = date.fromordinal(lo.toordinal() - UPDATE_DAYS)
        for k in range((hi - lo).days + 1):
            d = date.fromordinal(lo.toordinal() + k)
            keys += [d.isoformat(), d.strftime("--%m-%d")]
    else:
        keys.append("*")
    keys += [s.date_partial for s in sources if s.date_partial and s.date_partial.startswith("--")]
    store.reindex_event(event_id, [(k, c) for k in dict.fromkeys(keys) for c in cells], cells)


def new_event_id(store: LedgerStore, event_type: str, day: str | None, place_name: str | None) -> str:
    """'ev-2025-11-19-ternopil-strike-1': readable, and stable for a given ingest order."""
    prefix = f"ev-{day or 'undated'}-{slug(place_name) or 'unplaced'}-{event_type.replace('_', '-')}"
    return f"{prefix}-{store.next_event_number(prefix)}"


def create_event(
    store: LedgerStore, report: Event | SourceReport, summary: str, reported: str | None = None
) -> LedgerEvent:
    """A new ledger event for a report that starts it (an extracted event, or a source an analyst split off)."""
    place = report.location
    event = LedgerEvent(
        id=new_event_id(store, report.type, report.date, place.name if place else None),
        type=report.type,
        date=report.date,
        place=place,
        status=report.status,
        first_reported=reported,
        last_reported=reported,
        summary=summary,
    )
    store.insert_event(event)
    return event
