"""Air-defence figures per night and canonical claimant: the Python API behind `kronika stats air`.

    air_stats(store, since=None, until=None, reference=False) -> list[AirNight]

One row per night (the morning report's day, as the events carry it), canonical claimant (kronika.claimants:
"Ukraine's air force" and "the air force" are one row) and area. A regional breakdown (an event placed at a region
or a city: "13 of them over the Mykolaiv region", a governor's own count) is a row of its own under its night,
never a second nationwide figure. Reports that give no day are kept, one row per event with `date=None`, after
the dated nights.

A figure its sentence attributes to no one counts for the claimant of its report (the event source it belongs
to), else it is "unattributed (OUTLET)". Within a row, each figure is the claimant's latest report of it (a
revision supersedes, higher or lower); several events of one night and area from one claimant give the largest.
An interception rate is computed only from one report (one document) that gives both launched and destroyed:
launched from one article and destroyed from another are two counts, and their ratio means nothing. The overall
rate needs a report that gives launched and destroyed for every weapon class it mentions ("47 drones and 53
missiles; 35 missiles downed" has a missile rate, and no overall one).

With `reference=True` each row carries the imported record's figures for its night and the reconciliation
(kronika.reference.reconcile): whether news and record agree, and the likely reason when they do not.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from kronika.claimants import Claimant, canonical_claimant
from kronika.ledger.claims import claimant_context
from kronika.ledger.figures import report_order
from kronika.ledger.validate import checked_filters
from kronika.models import WEAPON_KINDS
from kronika.store.base import FigureReport, LedgerEvent, LedgerStore

if TYPE_CHECKING:
    from kronika.reference.reconcile import Agreement
    from kronika.reference.record import RecordNight

CLASSES = ("drones", "missiles", "weapons")


@dataclass(slots=True)
class AirNight:
    """One night's air-defence figures as one claimant gives them, for the country or for one area.

    date        the night (the morning report's day); None when the reports give no day
    claimant    canonical name ("Ukraine's Air Force"); for figures with no claimant, "unattributed (OUTLET)"
    claimant_id canonical id ("ua.air_force"), or "outlet:NAME" for unattributed figures
    scope       the claimant's scope: national | regional | city | international | unknown
    side        the claimant's country; for unattributed figures, the country under attack
    area        the region or city a breakdown covers (None: the whole country)
    phrases     the texts' own phrases for the claimant
    rates       drones_rate, missiles_rate, rate: destroyed / launched from one report, else None
    """

    date: str | None
    claimant: str
    claimant_id: str | None = None
    scope: str = "unknown"
    side: str | None = None
    area: str | None = None
    area_region: str | None = None
    phrases: list[str] = field(default_factory=list)
    drones_launched: int | None = None
    drones_destroyed: int | None = None
    missiles_launched: int | None = None
    missiles_destroyed: int | None = None
    weapons_launched: int | None = None
    weapons_destroyed: int | None = None
    qualifiers: dict[str, str] = field(default_factory=dict)  # kind -> qualifier, for the figures not exact
    quotes: dict[str, str] = field(default_factory=dict)  # kind -> the sentence the figure came from
    drones_rate: float | None = None
    missiles_rate: float | None = None
    rate: float | None = None
    rate_document: int | None = None  # the report the overall rate comes from
    events: list[str] = field(default_factory=list)
    documents: list[int] = field(default_factory=list)
    reported_on: list[str] = field(default_factory=list)
    reference: RecordNight | None = None
    agreement: Agreement | None = None

    @property
    def launched(self) -> int | None:
        if self.drones_launched is not None or self.missiles_launched is not None:
            return (self.drones_launched or 0) + (self.missiles_launched or 0)
        return self.weapons_launched

    @property
    def destroyed(self) -> int | None:
        if self.drones_destroyed is not None or self.missiles_destroyed is not None:
            return (self.drones_destroyed or 0) + (self.missiles_destroyed or 0)
        return self.weapons_destroyed

    @property
    def interception_rate(self) -> float | None:
        """The overall rate, from one report only (see the module docstring)."""
        return self.rate

    @property
    def breakdown(self) -> bool:
        """A regional or city count: it stays under its night, never a nationwide figure."""
        return self.area is not None or self.scope in ("regional", "city")

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "night": self.date,
            "claimant": self.claimant,
            "claimant_id": self.claimant_id,
            "scope": self.scope,
            "side": self.side,
            "area": self.area,
            "breakdown": self.breakdown,
            "phrases": list(self.phrases),
        }
        for kind in WEAPON_KINDS:
            out[kind] = getattr(self, kind)
        out["qualifiers"] = dict(self.qualifiers)
        out["drones_rate"] = _round(self.drones_rate)
        out["missiles_rate"] = _round(self.missiles_rate)
        out["rate"] = _round(self.rate)
        out["events"] = list(self.events)
        out["documents"] = list(self.documents)
        out["reported_on"] = list(self.reported_on)
        out["quotes"] = dict(self.quotes)
        if self.reference is not None or self.agreement is not None:
            out["reference"] = self.reference.to_dict() if self.reference is not None else None
            out.update(self.agreement.to_dict() if self.agreement is not None else {"agree": None})
        return out


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


@dataclass(slots=True)
class _Row:
    night: AirNight
    # kind -> (event id, figure) chosen; per document: kind -> the figure that report gives
    chosen: dict[str, FigureReport] = field(default_factory=dict)
    by_document: dict[int, dict[str, FigureReport]] = field(default_factory=lambda: defaultdict(dict))


def _area(event: LedgerEvent) -> tuple[str | None, str | None]:
    place = event.place
    if place is None or place.precision == "country":
        return None, None
    return place.name, place.admin1


def _claimant_of(event: LedgerEvent, fig: FigureReport, stored: dict[str, Claimant]) -> Claimant | None:
    """The figure's canonical claimant; a figure its sentence attributes to no one takes its report's claimant
    ("Russia launched 574 drones, the air force said. 546 were shot down." is one report, the air force's)."""
    if fig.claimant_id and fig.claimant_id in stored:
        return stored[fig.claimant_id]
    if fig.claimed_by:  # a ledger written before claimants were stored: read the phrase now
        return canonical_claimant(fig.claimed_by, claimant_context(event.type, event.place, event.date))
    if fig.report_claimant_id and fig.report_claimant_id in stored:
        return stored[fig.report_claimant_id]
    return None


@checked_filters
def air_stats(
    store: LedgerStore, *, since: str | None = None, until: str | None = None, reference: bool = False
) -> list[AirNight]:
    """Per night, canonical claimant and area: drones and missiles launched and destroyed, and the rates.

    `reference=True` puts the imported reference record beside each row (kronika.reference); it raises
    KronikaError when the ledger holds no reference import.
    """
    stored = store.claimants()
    rows: dict[tuple[str, str, str], _Row] = {}
    for event, fig in store.figure_reports_of_kinds(WEAPON_KINDS, since, until):
        claimant = _claimant_of(event, fig, stored)
        area, area_region = _area(event)
        if claimant is not None:
            key_id, name, scope, side = claimant.id, claimant.name, claimant.scope, claimant.side
            if not claimant.known and claimant.id.startswith("other:"):
                name = fig.claimed_by or name
        else:
            key_id = f"outlet:{(fig.outlet or 'unknown outlet').casefold()}"
            name, scope = f"unattributed ({fig.outlet or 'unknown outlet'})", "unknown"
            side = event.place.country if event.place is not None else None
        # a report with no day is its own row: two undated reports are no reason to think them one night
        key = (event.date or f"~{event.id}", key_id, area or "")
        row = rows.get(key)
        if row is None:
            row = rows[key] = _Row(AirNight(event.date, name, key_id, scope, side, area, area_region))
        night = row.night
        if fig.claimed_by and fig.claimed_by not in night.phrases:
            night.phrases.append(fig.claimed_by)
        if event.id not in night.events:
            night.events.append(event.id)
        _keep(row, fig)
    nights = [_finish(rows[k]) for k in sorted(rows, key=_order(rows))]
    if reference:
        from kronika.reference import reconcile_store

        reconcile_store(store, nights)
    return nights


def _keep(row: _Row, fig: FigureReport) -> None:
    """The latest report of a kind wins; one document's several events of the night give their largest."""
    current = row.chosen.get(fig.kind)
    if current is None or (current.document_id == fig.document_id and fig.value > current.value) or (
        current.document_id != fig.document_id and report_order(fig) >= report_order(current)
    ):
        row.chosen[fig.kind] = fig
    mine = row.by_document[fig.document_id].get(fig.kind)
    if mine is None or fig.value > mine.value:
        row.by_document[fig.document_id][fig.kind] = fig


def _finish(row: _Row) -> AirNight:
    night = row.night
    for kind, fig in row.chosen.items():
        setattr(night, kind, fig.value)
        if fig.qualifier != "exact":
            night.qualifiers[kind] = fig.qualifier
        night.quotes[kind] = fig.quote
        if fig.document_id not in night.documents:
            night.documents.append(fig.document_id)
        if fig.reported_on and fig.reported_on not in night.reported_on:
            night.reported_on.append(fig.reported_on)
    night.reported_on.sort()
    latest = sorted(row.by_document.items(), key=lambda item: max(report_order(f) for f in item[1].values()))
    for cls in ("drones", "missiles"):
        for _doc, figs in reversed(latest):
            rate = _pair_rate(figs, cls)
            if rate is not None:
                setattr(night, f"{cls}_rate", rate)
                break
    for doc, figs in reversed(latest):
        rate = _overall_rate(figs)
        if rate is not None:
            night.rate, night.rate_document = rate, doc
            break
    return night


def _pair_rate(figs: dict[str, FigureReport], cls: str) -> float | None:
    launched, destroyed = figs.get(f"{cls}_launched"), figs.get(f"{cls}_destroyed")
    if launched is None or destroyed is None or not launched.value:
        return None
    return destroyed.value / launched.value


def _overall_rate(figs: dict[str, FigureReport]) -> float | None:
    """destroyed / launched of one report that gives both for every weapon class it mentions."""
    present = [c for c in ("drones", "missiles") if f"{c}_launched" in figs or f"{c}_destroyed" in figs]
    if not present:
        present = ["weapons"] if "weapons_launched" in figs or "weapons_destroyed" in figs else []
    if not present or any(f"{c}_launched" not in figs or f"{c}_destroyed" not in figs for c in present):
        return None
    launched = sum(figs[f"{c}_launched"].value for c in present)
    destroyed = sum(figs[f"{c}_destroyed"].value for c in present)
    return destroyed / launched if launched else None


def _order(rows: dict[tuple[str, str, str], _Row]):  # noqa: ANN202
    """Dated nights first, oldest first; within a night the nationwide rows, then each breakdown by area."""

    def key(k: tuple[str, str, str]) -> tuple:
        n = rows[k].night
        return (n.date is None, n.date or "", n.breakdown, n.side != "UA", n.area or "", n.claimant, k[1])

    return key
