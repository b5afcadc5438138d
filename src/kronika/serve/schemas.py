"""The shapes the HTTP API answers with, as pydantic models (they are the OpenAPI schema), and the converters
from the library's records.

An event is the same record `kronika events --format jsonl` prints (`kronika.ledger.export.event_dict`), so the
CLI and the API name every field alike.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from kronika.ledger import ClaimantStance, DayCount, DocumentOutcome, EventDetail, EventRow
from kronika.ledger.export import event_dict
from kronika.ledger.figures import claimant_label
from kronika.ledger.queries import source_claimant
from kronika.ledger.why import correction_id, decision, evidence_text, why_text
from kronika.models import Figure, Location
from kronika.store import CurrentFigure, DocumentRecord, FigureReport, SourceReport
from kronika.store.base import Correction, PossibleDuplicate


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ErrorOut(_Model):
    error: str = Field(description="What went wrong, in one line.")
    status: int


class FigureValue(_Model):
    value: int
    qualifier: str
    low: int
    high: int
    contested: bool


class EventOut(_Model):
    id: str
    type: str
    date: str | None
    date_to: str | None
    place: str | None
    region: str | None
    country: str | None
    lat: float | None
    lon: float | None
    precision: str | None
    status: str
    contested: bool
    sources: int
    first_reported: str | None
    last_reported: str | None
    figures: dict[str, FigureValue]
    summary: str


class EventPage(_Model):
    events: list[EventOut]
    next_cursor: str | None = Field(description="Pass as `cursor` for the next page; null on the last page.")


class PointGeometry(_Model):
    type: Literal["Point"]
    coordinates: list[float] = Field(min_length=2, max_length=2, description="[longitude, latitude]")


class EventFeature(_Model):
    type: Literal["Feature"]
    id: str
    geometry: PointGeometry | None
    properties: EventOut


class EventCollection(_Model):
    """An RFC 7946 FeatureCollection; `next_cursor` is a foreign member for paging."""

    type: Literal["FeatureCollection"]
    features: list[EventFeature]
    next_cursor: str | None


class PlaceOut(_Model):
    name: str
    region: str | None
    admin2: str | None
    country: str | None
    lat: float | None
    lon: float | None
    precision: str


class SourceFigure(_Model):
    kind: str
    value: int
    qualifier: str
    claimant: str | None = Field(description="Who says so: the canonical name when kronika knows the body")
    claimant_phrase: str | None = Field(description="The claimant as the text names it")
    quote: str
    span: list[int]


class EvidenceOut(_Model):
    """One piece of the matcher's evidence: a feature, the points it gave, and what it saw."""

    feature: str = Field(description="type, place, day, actors, figure, toll, claimant, terms, undecided, analyst")
    points: float
    detail: str


class MatchOut(_Model):
    """Why this report is in this event, as the matcher (or an analyst) decided it (`kronika show`'s "why here")."""

    decision: Literal["new", "matched", "possible", "analyst"] = Field(
        description="new: it created the event; matched: it joined on the evidence; possible: it created the "
        "event and may be another's report; analyst: a correction put it here")
    score: float | None = Field(description="The score of the event it joined (null: it created the event)")
    evidence: list[EvidenceOut]
    correction: int | None = Field(description="For `analyst`: the correction's id (in `corrections`)")
    why: str = Field(description="The decision and evidence in one line")


class SourceOut(_Model):
    id: int
    role: Literal["first report", "merged"]
    document_id: int
    document: str = Field(description="API path of the stored article")
    outlet: str | None
    published: str | None
    title: str | None
    url: str | None = Field(description="Where the article was published, when the input said")
    path: str
    claimant: str | None = Field(description="Who says so: the canonical name when kronika knows the body")
    claimant_id: str | None = Field(description="The canonical claimant's id (ua.air_force, ...), when known")
    claimant_phrase: str | None = Field(description="The claimant as the text names it")
    status: str
    type: str
    date: str | None
    place: PlaceOut | None
    actors: list[str]
    quote: str
    span: list[int]
    figures: list[SourceFigure]
    retracted: bool = Field(description="From an article an analyst retracted: history, not current figures")
    match: MatchOut


class ClaimantFigure(_Model):
    claimant: str
    value: int
    qualifier: str
    low: int
    high: int
    reports: int


class FigureReportOut(_Model):
    value: int
    qualifier: str
    claimant: str = Field(description="Who says so: the canonical name when kronika knows the body (an "
                          "unattributed figure is its outlet's)")
    claimant_phrase: str | None = Field(description="The claimant as the text names it")
    outlet: str | None
    reported_on: str | None
    quote: str
    span: list[int]
    source_id: int
    document_id: int


class FigureHistoryOut(_Model):
    kind: str
    current: FigureValue
    by_claimant: list[ClaimantFigure]
    history: list[FigureReportOut]
    text: str


class ClaimOut(_Model):
    claimant: str | None = Field(description="The canonical name when kronika knows the body; null: none named")
    claimant_id: str | None
    phrases: list[str] = Field(description="The texts' own phrases for this claimant")
    stances: list[str]
    source_ids: list[int]


class PossibleDuplicateOut(_Model):
    """Two events that may be one: a report created `event_id` because the evidence for `other_id` did not decide."""

    event_id: str = Field(description="The event the undecided report created")
    other_id: str = Field(description="The existing event it may be the same as")
    linked: str = Field(description="Of the two, the one that is not the event asked for")
    source_id: int = Field(description="The undecided report")
    score: float
    evidence: list[EvidenceOut]
    why: str


class CorrectionOut(_Model):
    """An analyst's correction that touched this event's reports (`kronika corrections` lists them all)."""

    id: int
    action: Literal["merge", "split", "retract"]
    target: str
    detail: str
    who: str
    at: str = Field(description="UTC timestamp")
    why: str


class EventDetailOut(_Model):
    event: EventOut
    sources: list[SourceOut]
    figures: list[FigureHistoryOut]
    claims: list[ClaimOut]
    possible_duplicates: list[PossibleDuplicateOut]
    corrections: list[CorrectionOut]


class TimelineDayOut(_Model):
    """One day: its events (an event counts on its first day), per type, contested, and the killed they report."""

    date: str | None
    events: int
    types: dict[str, int]
    contested: int
    killed: int


class TimelineOut(_Model):
    days: list[TimelineDayOut]


class SearchHit(_Model):
    document_id: int
    path: str
    title: str | None
    snippet: str = Field(description="Matching words between [ and ]")


class SearchOut(_Model):
    results: list[SearchHit]


class DocumentOut(_Model):
    id: int
    path: str
    outlet: str | None
    title: str | None
    url: str | None
    published: str | None
    text: str = Field(description="The cleaned text every quote span points into")
    events: list[str]


class StatsOut(_Model):
    counts: dict[str, int]


class ConfigOut(_Model):
    read_only: bool
    tiles: str | None
    tiles_attribution: str | None
    version: str
    references: list[str] = Field(description="The reference records the ledger holds (`kronika reference list`)")


class IngestIn(_Model):
    """One article, with the fields of a JSON Lines input record."""

    text: str = Field(min_length=1, max_length=1_000_000)
    title: str | None = Field(None, max_length=1000)
    url: str | None = Field(None, max_length=2000)
    source: str | None = Field(None, max_length=200, description="The outlet")
    published: str | None = Field(None, max_length=40, description="Publication day, YYYY-MM-DD")


class IngestOut(_Model):
    status: Literal["new", "known", "rejected"]
    reason: str
    events_new: int
    events_merged: int
    document_id: int | None
    events: list[str]


# ---------------------------------------------------------------------------------------------- converters


def place_out(loc: Location | None) -> PlaceOut | None:
    if loc is None:
        return None
    return PlaceOut(name=loc.name, region=loc.admin1, admin2=loc.admin2, country=loc.country, lat=loc.lat,
                    lon=loc.lon, precision=loc.precision)


def _figure_value(c: CurrentFigure) -> FigureValue:
    return FigureValue(value=c.value, qualifier=c.qualifier, low=c.low, high=c.high, contested=c.contested)


def _evidence(evidence: list[list[object]]) -> list[EvidenceOut]:
    return [EvidenceOut(feature=str(f), points=float(p), detail=str(d)) for f, p, d in evidence]  # type: ignore[arg-type]


def match_out(src: SourceReport) -> MatchOut:
    return MatchOut(decision=decision(src), score=src.match_score, evidence=_evidence(src.match_evidence),  # type: ignore[arg-type]
                    correction=correction_id(src), why=why_text(src))


FigureKey = tuple[int, int, int]  # (source id, span start, span end): one figure of one report


def _source_figure(f: Figure, source_id: int, canonical: dict[FigureKey, str]) -> SourceFigure:
    name = canonical.get((source_id, f.span[0], f.span[1]), f.claimed_by)
    return SourceFigure(kind=f.kind, value=f.value, qualifier=f.qualifier, claimant=name,
                        claimant_phrase=f.claimed_by, quote=f.quote, span=list(f.span))


def source_out(src: SourceReport, first: bool, figure_claimants: dict[FigureKey, str]) -> SourceOut:
    canonical = source_claimant(src)
    return SourceOut(
        id=src.id,
        role="first report" if first else "merged",
        document_id=src.document_id,
        document=f"/api/documents/{src.document_id}",
        outlet=src.outlet,
        published=src.published,
        title=src.document_title,
        url=src.document_url,
        path=src.document_path,
        claimant=canonical.name if canonical else src.claimed_by,
        claimant_id=canonical.id if canonical else None,
        claimant_phrase=src.claimed_by,
        status=src.status,
        type=src.type,
        date=src.date,
        place=place_out(src.location),
        actors=src.actors,
        quote=src.quote,
        span=list(src.span),
        figures=[_source_figure(f, src.id, figure_claimants) for f in src.figures],
        retracted=src.retracted,
        match=match_out(src),
    )


def _figure_report(f: FigureReport) -> FigureReportOut:
    return FigureReportOut(value=f.value, qualifier=f.qualifier, claimant=claimant_label(f),
                           claimant_phrase=f.claimed_by, outlet=f.outlet, reported_on=f.reported_on, quote=f.quote,
                           span=list(f.span), source_id=f.source_id, document_id=f.document_id)


def _duplicate(dup: PossibleDuplicate, event_id: str) -> PossibleDuplicateOut:
    return PossibleDuplicateOut(
        event_id=dup.event_id, other_id=dup.other_id, linked=dup.other_id if dup.event_id == event_id else dup.event_id,
        source_id=dup.source_id, score=dup.score, evidence=_evidence(dup.evidence), why=evidence_text(dup.evidence),
    )


def _correction(c: Correction) -> CorrectionOut:
    return CorrectionOut(id=c.id, action=c.action, target=c.target, detail=c.detail, who=c.who, at=c.at,  # type: ignore[arg-type]
                         why=c.why)


def _claim(c: ClaimantStance) -> ClaimOut:
    return ClaimOut(claimant=c.claimant, claimant_id=c.claimant_id, phrases=c.phrases, stances=c.stances,
                    source_ids=c.source_ids)


def event_out(row: EventRow) -> EventOut:
    return EventOut(**event_dict(row))


def detail_out(detail: EventDetail) -> EventDetailOut:
    row = EventRow(detail.event, {h.kind: h.current for h in detail.figures})
    # a figure of a report is the same row as in the figure history, which carries its canonical claimant
    figure_claimants = {(r.source_id, *r.span): claimant_label(r) for h in detail.figures for r in h.reports}
    return EventDetailOut(
        event=event_out(row),
        sources=[source_out(s, n == 0, figure_claimants) for n, s in enumerate(detail.sources)],
        figures=[
            FigureHistoryOut(
                kind=h.kind,
                current=_figure_value(h.current),
                by_claimant=[
                    ClaimantFigure(claimant=c.claimant, value=c.value, qualifier=c.qualifier, low=c.low, high=c.high,
                                   reports=c.reports)
                    for c in h.by_claimant
                ],
                history=[_figure_report(r) for r in h.reports],
                text=h.text,
            )
            for h in detail.figures
        ],
        claims=[_claim(c) for c in detail.claims],
        possible_duplicates=[_duplicate(d, detail.event.id) for d in detail.possible_duplicates],
        corrections=[_correction(c) for c in detail.corrections],
    )


def timeline_out(days: list[DayCount]) -> TimelineOut:
    return TimelineOut(days=[
        TimelineDayOut(date=d.date, events=d.events, types=d.types, contested=d.contested, killed=d.killed)
        for d in days
    ])


def document_out(doc: DocumentRecord) -> DocumentOut:
    return DocumentOut(id=doc.id, path=doc.path, outlet=doc.outlet, title=doc.title, url=doc.url,
                       published=doc.published, text=doc.text, events=doc.event_ids)


def ingest_out(outcome: DocumentOutcome, events: list[str]) -> IngestOut:
    return IngestOut(status=outcome.status, reason=outcome.reason, events_new=outcome.events_new,  # type: ignore[arg-type]
                     events_merged=outcome.events_merged, document_id=outcome.document_id, events=events)
