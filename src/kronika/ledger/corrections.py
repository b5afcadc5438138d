"""Analyst corrections: merge, split and retract, recorded in an audit table, outranking the matcher for good.

    merge_events(store, A, B)          B's reports are the same event as A's: they move to A, B disappears
    split_event(store, E, source=N)    report N of E (as `kronika show` numbers them) is another event
    retract_document(store, DOC)       the document's figures and stances leave the current values; its
                                       reports stay, marked, as history (nothing stored is lost)

Each is one row of `corrections` (action, target, detail, who, when, why). What a merge or a split says about
reports is stored in `correction_links` as pairs of *report keys* (the document's content hash and the id
extraction gave the event inside it), and a retraction in `retractions` by content hash: neither depends on
ledger event ids, so when the same articles are extracted and merged again (`kronika ingest --reprocess`), the
decisions apply again. For a report being placed, `analyst_decision` reads its links: the latest correction
about a pair of reports wins; an event holding a report the analyst called different is never a candidate;
an event holding a report the analyst called the same is joined without asking the matcher.
"""

from __future__ import annotations

import getpass
from dataclasses import dataclass

from kronika.errors import KronikaError
from kronika.ledger.merge import Decision, Evidence
from kronika.ledger.refresh import create_event, refresh_event
from kronika.store.base import Correction, LedgerEvent, LedgerStore

SAME = "same"
DIFFERENT = "different"


class CorrectionError(KronikaError):
    """A correction names an event, report or document the ledger does not hold, or cannot apply."""


@dataclass(slots=True)
class CorrectionResult:
    correction_id: int
    detail: str
    events: list[str]


def default_analyst() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name in this environment (a container without passwd entry)
        return "unknown"


def _event(store: LedgerStore, event_id: str) -> LedgerEvent:
    event = store.get_event(event_id)
    if event is None:
        raise CorrectionError(f"no event {event_id!r} in the ledger (list them with `kronika events`)")
    return event


def _why(why: str) -> str:
    if not why or not why.strip():
        raise CorrectionError("say why: every correction is recorded with its reason (--reason TEXT)")
    return why.strip()


def merge_events(store: LedgerStore, keep: str, other: str, *, why: str, who: str | None = None) -> CorrectionResult:
    """Move every report of `other` into `keep`; `other` is removed. Both must exist and differ."""
    reason = _why(why)
    if keep == other:
        raise CorrectionError(f"cannot merge {keep} with itself")
    with store.transaction():
        _event(store, keep), _event(store, other)
        ours, theirs = store.sources(keep), store.sources(other)
        detail = f"moved {len(theirs)} report(s) of {other} into {keep}"
        cid = store.add_correction("merge", f"{keep} {other}", detail, who or default_analyst(), reason)
        store.add_correction_links(
            cid, [(a.source_key or "", b.source_key or "", SAME) for a in ours for b in theirs]
        )
        note = [["analyst", 0.0, f"correction #{cid}: {detail} ({reason})"]]
        for src in theirs:
            store.move_source(src.id, keep)
            store.set_match(src.id, "analyst", None, note)
        refresh_event(store, other)  # no reports left: removed
        refresh_event(store, keep)
    return CorrectionResult(cid, detail, [keep])


def split_event(
    store: LedgerStore, event_id: str, source: int, *, why: str, who: str | None = None
) -> CorrectionResult:
    """Make report number `source` (1-based, as `kronika show` lists them) an event of its own."""
    reason = _why(why)
    with store.transaction():
        event = _event(store, event_id)
        sources = store.sources(event_id)
        if not 1 <= source <= len(sources):
            raise CorrectionError(f"{event_id} has {len(sources)} source(s); --source wants 1..{len(sources)}")
        if len(sources) == 1:
            raise CorrectionError(f"{event_id} has a single source: there is nothing to split")
        moving = sources[source - 1]
        new = create_event(store, moving, moving.quote)
        detail = f"source {source} ({moving.document_path}) of {event_id} became {new.id}"
        cid = store.add_correction("split", f"{event_id} --source {source}", detail, who or default_analyst(), reason)
        store.add_correction_links(
            cid, [(moving.source_key or "", s.source_key or "", DIFFERENT) for s in sources if s.id != moving.id]
        )
        store.move_source(moving.id, new.id)
        store.set_match(moving.id, "analyst", None, [["analyst", 0.0, f"correction #{cid}: {detail} ({reason})"]])
        refresh_event(store, event.id)
        refresh_event(store, new.id)
    return CorrectionResult(cid, detail, [event.id, new.id])


def retract_document(store: LedgerStore, ref: str, *, why: str, who: str | None = None) -> CorrectionResult:
    """Retract a document (by id, path, URL or content hash): its figures no longer count as current."""
    reason = _why(why)
    with store.transaction():
        doc = store.find_document(ref)
        if doc is None:
            raise CorrectionError(f"no document {ref!r} in the ledger (give its id, path, URL or content hash)")
        if store.is_retracted(doc.content_hash):
            raise CorrectionError(f"document {doc.id} ({doc.path}) is already retracted")
        events = store.events_of_document(doc.id)
        detail = f"document {doc.id} ({doc.path}) retracted; {len(events)} event(s) recomputed"
        cid = store.add_correction("retract", str(doc.id), detail, who or default_analyst(), reason)
        store.retract(doc.content_hash, cid)
        for event_id in events:
            refresh_event(store, event_id)
    return CorrectionResult(cid, detail, events)


def list_corrections(store: LedgerStore) -> list[Correction]:
    """The audit table, oldest first."""
    return store.corrections()


def analyst_decision(store: LedgerStore, key: str, fed: set[str]) -> tuple[Decision | None, set[str]]:
    """What the analyst said about the report with this key: (a decision that outranks the matcher, or None;
    the events it must not join)."""
    links = store.correction_links(key)
    if not links:
        return None, set()
    verdicts: dict[str, tuple[int, str]] = {}
    for cid, other, verdict in links:  # oldest first: a later correction about a pair overrides an earlier one
        verdicts[other] = (cid, verdict)
    where = store.events_with_source_keys(list(verdicts))
    forbidden = {where[k] for k, (_, v) in verdicts.items() if v == DIFFERENT and k in where}
    same = sorted(
        ((cid, where[k]) for k, (cid, v) in verdicts.items() if v == SAME and k in where and where[k] not in forbidden),
        reverse=True,
    )
    if not same:
        return None, forbidden
    cid, event_id = same[0]
    event = store.get_event(event_id)
    if event is None:
        return None, forbidden
    evidence = [Evidence("analyst", 0.0, f"correction #{cid}: an analyst merged this report with {event_id}")]
    return Decision("analyst", event, None, evidence), forbidden


__all__ = [
    "CorrectionError",
    "CorrectionResult",
    "analyst_decision",
    "list_corrections",
    "merge_events",
    "retract_document",
    "split_event",
]
