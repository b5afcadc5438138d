"""What the ledger needs from a store: the records it reads and writes, and the `LedgerStore` protocol.

The ledger code (kronika.ledger) talks only to this protocol, so a PostgreSQL store can be added next to
the SQLite one without touching merging, figures or queries. Everything a store returns is one of the
plain records below, never a driver row.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from kronika.claimants import Claimant
from kronika.errors import FilterError
from kronika.models import DocumentResult, Figure, Location, Span

if TYPE_CHECKING:
    from kronika.store.bulk import EventExtras
    from kronika.store.fulltext import SearchHit


@dataclass(slots=True)
class StoredDocument:
    id: int
    content_hash: str
    path: str
    outlet: str | None
    title: str | None
    published: str | None
    story_ids: list[int] = field(default_factory=list)
    story_bounds: list[Span] = field(default_factory=list)


@dataclass(slots=True)
class LedgerEvent:
    """One real-world event in the ledger, whatever the number of reports behind it."""

    id: str
    type: str
    date: str | None
    date_to: str | None = None
    place: Location | None = None
    status: str = "reported"
    contested: bool = False
    source_count: int = 0
    first_reported: str | None = None
    last_reported: str | None = None
    summary: str = ""
    seq: int = 0


@dataclass(slots=True)
class SourceReport:
    """One report of an event: an event extraction found in one document."""

    event_id: str
    document_id: int
    extracted_id: str
    type: str
    status: str
    quote: str
    span: Span
    story_id: int | None = None
    outlet: str | None = None
    published: str | None = None
    date: str | None = None
    location: Location | None = None
    places: list[Location] = field(default_factory=list)
    actors: list[str] = field(default_factory=list)
    claimed_by: str | None = None
    figures: list[Figure] = field(default_factory=list)
    id: int = 0
    document_path: str = ""
    document_title: str | None = None
    # the canonical claimant of each phrase this report uses (claimed_by of the report and of its figures)
    claimants: dict[str, Claimant] = field(default_factory=dict)
    date_basis: str | None = None
    date_partial: str | None = None
    weekday: int | None = None
    source_key: str | None = None  # content hash + extracted id: the report's identity across re-ingests
    terms: dict[str, float] = field(default_factory=dict)
    toll_update: bool = False
    date_role: str | None = None  # event: the report's day is the event's; update: a later report's own day
    match_decision: str | None = None  # new | matched | possible | analyst
    match_score: float | None = None
    match_evidence: list[list[object]] = field(default_factory=list)
    document_url: str | None = None
    retracted: bool = False


@dataclass(slots=True)
class EventProfile:
    """What an event's reports say that matching compares against: their days, partial days, terms, actors."""

    text_dates: list[str] = field(default_factory=list)  # days fixed by the reports' own words
    story_dates: list[str] = field(default_factory=list)  # days taken from the report's own day
    update_dates: list[str] = field(default_factory=list)  # days of reports that joined as later updates
    partials: set[str] = field(default_factory=set)
    weekdays: set[int] = field(default_factory=set)
    terms: set[str] = field(default_factory=set)
    actors: set[str] = field(default_factory=set)
    claimants: set[str] = field(default_factory=set)
    documents: set[int] = field(default_factory=set)
    updates: bool = False  # some report tells of a toll that has risen since
    only_updates: bool = False  # every report that gives a day tells of a risen toll: that day may be late


@dataclass(slots=True)
class PossibleDuplicate:
    event_id: str
    other_id: str
    source_id: int
    score: float
    evidence: list[list[object]]


@dataclass(slots=True)
class Correction:
    """One analyst decision, as the audit table records it."""

    id: int
    action: str
    target: str
    detail: str
    who: str
    at: str
    why: str


@dataclass(slots=True)
class FigureReport:
    """One figure as one report states it, with when and by whom it was reported."""

    id: int
    event_id: str
    source_id: int
    document_id: int
    position: int
    kind: str
    value: int
    qualifier: str
    claimed_by: str | None
    outlet: str | None
    reported_on: str | None
    quote: str
    span: Span
    claimant_id: str | None = None  # the canonical claimant (kronika.claimants), when the phrase names one
    claimant_name: str | None = None
    report_claimant_id: str | None = None  # the canonical claimant of the report (event source) it belongs to
    retracted: bool = False  # from a document an analyst retracted: kept as history, never current


@dataclass(slots=True)
class CurrentFigure:
    """The value of one figure kind for an event, overall (`claimant == "*"`) or for one claimant."""

    kind: str
    claimant: str
    value: int
    qualifier: str
    low: int
    high: int
    contested: bool
    reports: int
    figure_id: int


MAX_FILTER_CHARS = 200  # the longest place or claimant name is under 100 characters


def check_filter_text(name: str, value: str | None, limit: int = MAX_FILTER_CHARS) -> str | None:
    """`value` when it is a text a filter can search for; FilterError (one line) when it is not."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise FilterError(f"{name} filter must be text, not {type(value).__name__}")
    if not value.strip():
        raise FilterError(f"{name} filter is empty: give a name, or leave the filter out")
    if len(value) > limit:
        raise FilterError(f"{name} filter is {len(value):,} characters long; at most {limit}")
    if any(0xD800 <= ord(ch) <= 0xDFFF for ch in value):
        raise FilterError(f"{name} filter is not valid UTF-8 text (undecodable bytes)")
    if any(not ch.isprintable() for ch in value):
        raise FilterError(f"{name} filter contains control characters")
    return value


@dataclass(slots=True)
class ReferenceImport:
    """One imported reference record and its provenance (kronika.reference)."""

    source: str  # "ivaniuk"
    path: str
    file_sha256: str
    rows_read: int
    rows_stored: int
    rows_rejected: int
    first_day: str | None = None
    last_day: str | None = None
    catalogue_path: str | None = None
    catalogue_sha256: str | None = None
    imported_at: str = ""
    id: int = 0


@dataclass(slots=True)
class ReferenceDay:
    """A reference record's figures for one report day, period (overnight | daytime) and command."""

    day: str
    scope: str  # national | regional | other
    period: str
    command: str  # "national", or the regional command's claimant id
    drones_launched: int = 0
    drones_destroyed: int = 0
    drones_not_reached: int = 0  # "lost" to electronic warfare: apart from destroyed
    missiles_launched: int = 0
    missiles_destroyed: int = 0
    missiles_not_reached: int = 0
    other_launched: int = 0
    rows: int = 0
    rows_missing_values: int = 0
    posts: int = 0
    window_start: str | None = None
    window_end: str | None = None
    bodies: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)


@dataclass(slots=True)
class EventFilter:
    """What `find_events` filters on; text filters are checked here, so every caller gets the same errors."""

    since: str | None = None
    until: str | None = None
    type: str | Sequence[str] | None = None  # one type, or any of several
    place: str | Sequence[str] | None = None  # a name, or any of several (substrings of name, admin1, admin2)
    near: tuple[float, float, float] | None = None  # lat, lon, km
    claimant: str | Sequence[str] | None = None  # a name, or any of several (substrings)
    contested: bool | None = None
    q: str | None = None  # full-text words, all of which a source document of the event contains
    after: tuple[str | None, int] | None = None  # keyset cursor: (date, seq) of the last event already listed
    limit: int | None = None

    def __post_init__(self) -> None:
        for name in ("since", "until"):
            check_filter_text(name, getattr(self, name))
        for name in ("type", "place", "claimant"):
            for value in filter_values(getattr(self, name)):
                check_filter_text(name, value)


def filter_values(value: str | Sequence[str] | None) -> tuple[str, ...]:
    """A text filter given once or several times, as a tuple (empty when not given)."""
    if value is None:
        return ()
    return (value,) if isinstance(value, str) else tuple(value)


@dataclass(slots=True)
class DocumentRecord:
    """A stored article as a reader of the ledger sees it: its cleaned text and the events it reports."""

    id: int
    path: str
    outlet: str | None
    title: str | None
    url: str | None
    published: str | None
    text: str
    event_ids: list[str] = field(default_factory=list)


@runtime_checkable
class LedgerStore(Protocol):
    """The storage seam of the ledger. Writes happen inside `transaction()`: one per article."""

    path: str

    def close(self) -> None: ...

    def transaction(self) -> AbstractContextManager[None]: ...

    # documents
    def has_document(self, content_hash: str) -> bool: ...

    def add_document(self, doc: DocumentResult, content_hash: str) -> StoredDocument: ...

    # events and their reports
    def candidate_events(self, days: Sequence[str], cells: Sequence[str]) -> list[LedgerEvent]: ...

    def event_ids_of_document(self, document_id: int) -> set[str]: ...

    def count_event_ids(self, prefix: str) -> int: ...

    def insert_event(self, event: LedgerEvent) -> None: ...

    def update_event(self, event: LedgerEvent) -> None: ...

    def add_source(self, report: SourceReport) -> int: ...

    def index_event(self, event_id: str, day: str, cells: Sequence[str]) -> None: ...

    def reindex_event(self, event_id: str, entries: Sequence[tuple[str, str]], recent_cells: Sequence[str]) -> None: ...

    def recent_events(self, cells: Sequence[str], limit: int) -> list[LedgerEvent]: ...

    def event_profile(self, event_id: str) -> EventProfile: ...

    def add_possible_duplicate(self, dup: PossibleDuplicate) -> None: ...

    def possible_duplicates(self, event_id: str) -> list[PossibleDuplicate]: ...

    # analyst corrections
    def add_correction(self, action: str, target: str, detail: str, who: str, why: str) -> int: ...

    def add_correction_links(self, correction_id: int, pairs: Sequence[tuple[str, str, str]]) -> None: ...

    def correction_links(self, source_key: str) -> list[tuple[int, str, str]]: ...

    def corrections(self) -> list[Correction]: ...

    # the corrections that touched this event's reports: merges and splits naming them, retractions of their articles
    def event_corrections(self, event_id: str) -> list[Correction]: ...

    def retract(self, content_hash: str, correction_id: int) -> None: ...

    def is_retracted(self, content_hash: str) -> bool: ...

    def events_with_source_keys(self, keys: Sequence[str]) -> dict[str, str]: ...

    def move_source(self, source_id: int, event_id: str) -> None: ...

    def set_match(self, source_id: int, decision: str, score: float | None, evidence: list[list[object]]) -> None: ...

    def delete_event(self, event_id: str) -> None: ...

    def find_document(self, ref: str) -> StoredDocument | None: ...

    def events_of_document(self, document_id: int) -> list[str]: ...

    def remove_document_reports(self, document_id: int) -> set[str]: ...

    def refresh_document(self, document_id: int, doc: DocumentResult) -> StoredDocument: ...

    def next_event_number(self, prefix: str) -> int: ...

    def replace_current_figures(self, event_id: str, rows: Sequence[CurrentFigure]) -> None: ...

    # reads
    def get_event(self, event_id: str) -> LedgerEvent | None: ...

    def find_events(self, flt: EventFilter) -> list[LedgerEvent]: ...

    def count_events(self, flt: EventFilter) -> list[tuple[str | None, str, int, int, int]]: ...

    def sources(self, event_id: str) -> list[SourceReport]: ...

    def actors_of_event(self, event_id: str) -> set[str]: ...

    def stances(self, event_id: str) -> list[tuple[str | None, str]]: ...

    def figure_reports(self, event_id: str) -> list[FigureReport]: ...

    def current_figures(self, event_id: str) -> list[CurrentFigure]: ...

    def current_figures_of(self, event_ids: Sequence[str], claimant: str) -> dict[str, list[CurrentFigure]]: ...

    def get_document(self, document_id: int) -> DocumentRecord | None: ...

    def figure_reports_of_kinds(
        self, kinds: Sequence[str], since: str | None, until: str | None
    ) -> list[tuple[LedgerEvent, FigureReport]]: ...

    def search_documents(self, query: str, limit: int = 20) -> list[tuple[int, str, str | None, str]]: ...

    def claimants(self) -> dict[str, Claimant]: ...

    # reference records
    def reference_import(self, source: str) -> ReferenceImport | None: ...

    def reference_imports(self) -> list[ReferenceImport]: ...

    def replace_reference(
        self, imp: ReferenceImport, rows: Sequence[tuple[object, ...]], days: Sequence[ReferenceDay]
    ) -> None: ...

    def reference_days(self, source: str, since: str | None, until: str | None) -> list[ReferenceDay]: ...

    def counts(self) -> dict[str, int]: ...

    def dump(self) -> Iterator[tuple[str, tuple[object, ...]]]: ...

    # exports and full-text search (kronika.store.bulk, kronika.store.fulltext)
    def event_extras(self, event_ids: Sequence[str]) -> dict[str, EventExtras]: ...

    def search_text(self, query: str, kinds: tuple[str, ...], limit: int) -> list[SearchHit]: ...
