"""The ingest loop: extraction results in, ledger rows out, one transaction per article.

Idempotency: a document is identified by the sha256 of its cleaned text (whitespace runs folded), so the same
article under another file name, or ingested twice, adds nothing. Each article is written in one
transaction: a crash or kill -9 mid-article leaves the ledger as it was before that article, and re-running
the same ingest skips what is stored and finishes the rest, ending where an uninterrupted run ends.

Per extracted event: an analyst's correction about this report decides first (kronika.ledger.corrections);
otherwise the matcher scores the candidates (kronika.ledger.merge). The report joins the event it decided on,
or starts a new event (linked as a possible duplicate when the evidence was not decisive), and records the
score and evidence of that decision. Then the event's dates, place, status and current figures are derived
again from all its reports (kronika.ledger.claims, kronika.ledger.figures), and it is filed in the index.

`reprocess=True` extracts known documents again: their old reports are removed and the new ones placed as
above, so analyst corrections (kept by the reports' stable keys) apply again and outrank the matcher.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from kronika.errors import KronikaError, RejectedInput, StoreError
from kronika.ledger.claims import canonical_claimants, claimant_context
from kronika.ledger.corrections import analyst_decision
from kronika.ledger.evidence import distinctive_terms, toll_update
from kronika.ledger.merge import Decision, Incoming, assign, score_all
from kronika.ledger.refresh import create_event, new_event_id, refresh_event
from kronika.models import DocumentResult, Event
from kronika.store.base import LedgerStore, PossibleDuplicate, SourceReport, StoredDocument


@dataclass(slots=True)
class DocumentOutcome:
    path: str
    status: str  # new | known | reprocessed | rejected
    reason: str = ""
    events_new: int = 0
    events_merged: int = 0
    document_id: int | None = None  # the stored document, when this ingest stored it


@dataclass(slots=True)
class IngestSummary:
    documents_new: int = 0
    documents_known: int = 0
    documents_rejected: int = 0
    events_new: int = 0
    events_merged: int = 0
    rejected: list[tuple[str, str]] = field(default_factory=list)

    def add(self, outcome: DocumentOutcome) -> None:
        if outcome.status in ("new", "reprocessed"):
            self.documents_new += 1
        elif outcome.status == "known":
            self.documents_known += 1
        else:
            self.documents_rejected += 1
            self.rejected.append((outcome.path, outcome.reason))
        self.events_new += outcome.events_new
        self.events_merged += outcome.events_merged


def content_hash(text: str) -> str:
    """The identity of a document: its cleaned text, with runs of whitespace folded."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


def ingest(
    store: LedgerStore,
    results: Iterable[DocumentResult | RejectedInput],
    on_document: Callable[[DocumentOutcome], None] | None = None,
    reprocess: bool = False,
) -> IngestSummary:
    """Write every result into the ledger; rejected inputs are counted and reported, never raised."""
    summary = IngestSummary()
    for result in results:
        if isinstance(result, RejectedInput):
            outcome = DocumentOutcome(result.path, "rejected", result.reason)
        else:
            try:
                outcome = ingest_document(store, result, reprocess=reprocess)
            except StoreError:
                raise  # the ledger itself is failing: stop rather than reject every document after it
            except KronikaError as exc:
                outcome = DocumentOutcome(result.path, "rejected", str(exc))
        summary.add(outcome)
        if on_document is not None:
            on_document(outcome)
    return summary


def ingest_document(store: LedgerStore, doc: DocumentResult, reprocess: bool = False) -> DocumentOutcome:
    """Store one document and merge its events, all in one transaction."""
    digest = content_hash(doc.text)
    if store.has_document(digest) and not reprocess:
        return DocumentOutcome(doc.path, "known")
    outcome = DocumentOutcome(doc.path, "new")
    with store.transaction():
        known = store.find_document(digest) if store.has_document(digest) else None
        if known is not None:
            if not reprocess:  # another ingest wrote it since the check above
                return DocumentOutcome(doc.path, "known")
            outcome.status = "reprocessed"
            for event_id in sorted(store.remove_document_reports(known.id)):
                refresh_event(store, event_id)
            stored = store.refresh_document(known.id, doc)
        else:
            stored = store.add_document(doc, digest)
        outcome.document_id = stored.id
        hints = story_day_hints(doc, stored)
        plans = [_plan(store, doc, stored, event, hints.get(event.id)) for event in doc.events]
        decisions = assign([plan.scored for plan in plans])
        for plan, decision in zip(plans, decisions, strict=True):
            # an analyst's word outranks the matcher; asked again now, since the report it names may be one of
            # this article's own, placed a moment ago
            analyst, _ = analyst_decision(store, plan.key, set())
            if analyst is not None:
                decision = analyst
            merged = _place_event(store, doc, stored, plan, decision)
            if merged:
                outcome.events_merged += 1
            else:
                outcome.events_new += 1
    return outcome


def _story_index(stored: StoredDocument, pos: int) -> int | None:
    for n, (start, end) in enumerate(stored.story_bounds):
        if start <= pos < end:
            return n
    return None


_DATELINE_OUTLET = re.compile(r"\(([A-Z][^()\d]{1,40})\)")


def outlet_of(doc: DocumentResult, story: int | None) -> str | None:
    """The outlet: the document's own, else the agency a story's dateline names ("Kyiv (AFP) Nov 19")."""
    if doc.source:
        return doc.source
    if story is None or not doc.stories[story].dateline:
        return None
    names = _DATELINE_OUTLET.findall(doc.stories[story].dateline or "")
    return names[-1].strip() if names else None


def summary_of(quote: str, dateline: str | None) -> str:
    """The event's one-line summary: its first quote without the story's dateline in front."""
    if dateline and quote.startswith(dateline):
        rest = quote[len(dateline) :].lstrip(" -\u2013\u2014:")
        return rest or quote
    return quote


def incoming_of(event: Event, reported: str | None, document_id: int, story_day: str | None = None) -> Incoming:
    """What the matcher compares: the extracted event with the words of its quote and figures read for evidence.

    `story_day`: the month and day ('--MM-DD') the other events of its story share, for an event whose own
    sentences give no day (see `story_day_hints`)."""
    texts = [event.quote, *(f.quote for f in event.figures if f.quote != event.quote)]
    names = [p.name for p in ([event.location] if event.location else []) + list(event.places)]
    names += [p.admin1 for p in ([event.location] if event.location else []) if p.admin1]
    names += list(event.actors) + [event.claimed_by]
    return Incoming(
        type=event.type,
        date=event.date,
        location=event.location,
        published=reported,
        document_id=document_id,
        actors=list(event.actors),
        claimed_by=event.claimed_by,
        figures=list(event.figures),
        date_basis=event.date_basis if not story_day else "story",
        date_partial=event.date_partial or story_day,
        weekday=event.weekday,
        terms=distinctive_terms(texts, names),
        toll_update=toll_update(texts),
    )


@dataclass(slots=True)
class _Plan:
    """One extracted event of the article being ingested, with what the matcher and the analyst say about it."""

    event: Event
    story: int | None
    reported: str | None
    incoming: Incoming
    key: str
    scored: list  # the candidates that passed the gates, scored against the ledger before this article


_KINDRED = {"strike": "attack", "air_attack": "attack"}


def story_day_hints(doc: DocumentResult, stored: StoredDocument) -> dict[str, str]:
    """Event id -> the month and day ('--MM-DD') its story gives the events of its kind, for the events whose
    own sentences give no day at all.

    An undated article names the day once ("on the morning of July 8, missiles hit Kyiv and Dnipro") and goes on
    with sentences that do not ("In Kyiv, a children's hospital was hit"): the events they report are on the day
    of their story's other events of the same kind (attacks with attacks, talks with talks). Only when those
    events agree on one month and day; the hint is evidence for merging (like a partial date), never a date."""
    days: dict[tuple[int | None, str], set[str]] = {}
    for event in doc.events:
        day = "-" + event.date[4:] if event.date else event.date_partial
        if day and day.startswith("--") and len(day) == len("--MM-DD"):
            key = (_story_index(stored, event.span[0]), _KINDRED.get(event.type, event.type))
            days.setdefault(key, set()).add(day)
    hints: dict[str, str] = {}
    for event in doc.events:
        if event.date or event.date_partial or event.weekday or event.type in ("statement", "other"):
            continue
        found = days.get((_story_index(stored, event.span[0]), _KINDRED.get(event.type, event.type)), set())
        if len(found) == 1:
            hints[event.id] = next(iter(found))
    return hints


def _plan(
    store: LedgerStore, doc: DocumentResult, stored: StoredDocument, event: Event, story_day: str | None = None
) -> _Plan:
    story = _story_index(stored, event.span[0])
    # a wire story is reported on its own dateline's day, which in a bundle of stories can precede the
    # document's publication day
    reported = (doc.stories[story].reference_date if story is not None else None) or stored.published
    incoming = incoming_of(event, reported, stored.id, story_day)
    key = f"{stored.content_hash}:{event.id}"
    analyst, forbidden = analyst_decision(store, key, set())
    scored = [] if analyst is not None else score_all(store, incoming, forbidden)
    return _Plan(event, story, reported, incoming, key, scored)


def _place_event(
    store: LedgerStore, doc: DocumentResult, stored: StoredDocument, plan: _Plan, decision: Decision
) -> bool:
    event, story, reported, incoming, key = plan.event, plan.story, plan.reported, plan.incoming, plan.key
    matched = decision.target is not None
    if decision.target is None:
        dateline = doc.stories[story].dateline if story is not None else None
        target = create_event(store, event, summary_of(event.quote, dateline), reported)
    else:
        target = decision.target
    source_id = store.add_source(
        SourceReport(
            event_id=target.id,
            document_id=stored.id,
            extracted_id=event.id,
            type=event.type,
            status=event.status,
            quote=event.quote,
            span=event.span,
            story_id=stored.story_ids[story] if story is not None else None,
            outlet=outlet_of(doc, story),
            published=reported,
            date=event.date,
            location=event.location,
            places=list(event.places),
            actors=list(event.actors),
            claimed_by=event.claimed_by,
            figures=list(event.figures),
            claimants=canonical_claimants(
                [event.claimed_by, *(f.claimed_by for f in event.figures)],
                claimant_context(event.type, event.location, event.date or reported),
            ),
            date_basis=incoming.date_basis,
            date_partial=incoming.date_partial,
            weekday=event.weekday,
            source_key=key,
            terms=incoming.terms,
            toll_update=incoming.toll_update,
            date_role=_date_role(decision, event),
            match_decision=decision.kind,
            match_score=decision.score,
            match_evidence=[e.as_list() for e in decision.evidence],
        )
    )
    for other in decision.possible:
        store.add_possible_duplicate(
            PossibleDuplicate(target.id, other.event.id, source_id, other.score, [e.as_list() for e in other.evidence])
        )
    refresh_event(store, target.id)
    return matched


def _date_role(decision: Decision, event: Event) -> str | None:
    """'update' for a report that joined an earlier event with a later day of its own: that day is when the
    toll was updated or the report written, not when the event happened, so it never moves the event's day."""
    if not event.date:
        return None
    target = decision.target
    joined_later = decision.kind == "matched" and target is not None and target.date is not None
    if joined_later and event.date > (target.date_to or target.date) and any(  # type: ignore[union-attr,operator]
        e.feature == "day" and "after" in e.detail for e in decision.evidence
    ):
        return "update"
    return "event"


__all__ = ["DocumentOutcome", "IngestSummary", "content_hash", "incoming_of", "ingest", "ingest_document",
           "new_event_id"]
