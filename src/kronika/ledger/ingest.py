"""The ingest loop: extraction results in, ledger rows out, one transaction per article.

Idempotency: a document is identified by the sha256 of its cleaned text (whitespace runs folded), so the same
article under another file name, or ingested twice, adds nothing. Each article is written in one
transaction: a crash or kill -9 mid-article leaves the ledger as it was before that article, and re-running
the same ingest skips what is stored and finishes the rest, ending where an uninterrupted run ends.

Per extracted event: find the ledger event it is another report of (kronika.ledger.merge); add it as a
source of that event, or create a new event; then recompute the event's status and current figures from all
its reports (kronika.ledger.claims, kronika.ledger.figures).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from kronika.errors import KronikaError, RejectedInput, StoreError
from kronika.ledger.claims import canonical_claimants, claimant_context, event_status, stance_contested
from kronika.ledger.figures import OVERALL, current_figures
from kronika.ledger.merge import Incoming, better_place, find_match, index_cells, slug
from kronika.models import DocumentResult, Event
from kronika.store.base import LedgerEvent, LedgerStore, SourceReport, StoredDocument


@dataclass(slots=True)
class DocumentOutcome:
    path: str
    status: str  # new | known | rejected
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
        if outcome.status == "new":
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
) -> IngestSummary:
    """Write every result into the ledger; rejected inputs are counted and reported, never raised."""
    summary = IngestSummary()
    for result in results:
        if isinstance(result, RejectedInput):
            outcome = DocumentOutcome(result.path, "rejected", result.reason)
        else:
            try:
                outcome = ingest_document(store, result)
            except StoreError:
                raise  # the ledger itself is failing: stop rather than reject every document after it
            except KronikaError as exc:
                outcome = DocumentOutcome(result.path, "rejected", str(exc))
        summary.add(outcome)
        if on_document is not None:
            on_document(outcome)
    return summary


def ingest_document(store: LedgerStore, doc: DocumentResult) -> DocumentOutcome:
    """Store one document and merge its events, all in one transaction."""
    digest = content_hash(doc.text)
    if store.has_document(digest):
        return DocumentOutcome(doc.path, "known")
    outcome = DocumentOutcome(doc.path, "new")
    with store.transaction():
        if store.has_document(digest):  # another ingest wrote it since the check above
            return DocumentOutcome(doc.path, "known")
        stored = store.add_document(doc, digest)
        outcome.document_id = stored.id
        fed: set[str] = set()  # ledger events this document already reports
        for event in doc.events:
            event_id, merged = _place_event(store, doc, stored, event, fed)
            fed.add(event_id)
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


def new_event_id(store: LedgerStore, event_type: str, day: str | None, place_name: str | None) -> str:
    """'ev-2025-11-19-ternopil-strike-1': readable, and stable for a given ingest order."""
    prefix = f"ev-{day or 'undated'}-{slug(place_name) or 'unplaced'}-{event_type.replace('_', '-')}"
    return f"{prefix}-{store.count_event_ids(prefix) + 1}"


def _place_event(
    store: LedgerStore, doc: DocumentResult, stored: StoredDocument, event: Event, fed: set[str]
) -> tuple[str, bool]:
    story = _story_index(stored, event.span[0])
    # a wire story is reported on its own dateline's day, which in a bundle of stories can precede the
    # document's publication day
    reported = (doc.stories[story].reference_date if story is not None else None) or stored.published
    incoming = Incoming(
        type=event.type,
        date=event.date,
        location=event.location,
        published=reported,
        document_id=stored.id,
        actors=list(event.actors),
        claimed_by=event.claimed_by,
        figures=list(event.figures),
    )
    match = find_match(store, incoming, exclude=fed)
    if match is None:
        target = LedgerEvent(
            id=new_event_id(store, event.type, event.date, event.location.name if event.location else None),
            type=event.type,
            date=event.date,
            place=event.location,
            status=event.status,
            first_reported=reported,
            last_reported=reported,
            summary=summary_of(event.quote, doc.stories[story].dateline if story is not None else None),
        )
        store.insert_event(target)
    else:
        target = match
    store.add_source(
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
        )
    )
    if event.date:
        store.index_event(target.id, event.date, index_cells(event.type, event.location))
    _refresh(store, target, event, merged=match is not None, published=reported)
    return target.id, match is not None


def _refresh(store: LedgerStore, target: LedgerEvent, event: Event, merged: bool, published: str | None) -> None:
    """Recompute what an event derives from its reports: dates, place, status, figures, counts."""
    if merged:
        if event.date:
            days = [d for d in (target.date, target.date_to, event.date) if d]
            target.date, target.date_to = min(days), max(days)
            if target.date_to == target.date:
                target.date_to = None
        target.place = better_place(target.place, event.location)
        if published:
            target.first_reported = min(filter(None, (target.first_reported, published)))
            target.last_reported = max(filter(None, (target.last_reported, published)))
    target.source_count += 1
    stances = store.stances(target.id)
    target.status = event_status(stances)
    rows = current_figures(store.figure_reports(target.id))
    store.replace_current_figures(target.id, rows)
    target.contested = stance_contested(stances) or any(r.contested for r in rows if r.claimant == OVERALL)
    store.update_event(target)


__all__ = ["DocumentOutcome", "IngestSummary", "content_hash", "ingest", "ingest_document", "new_event_id"]
