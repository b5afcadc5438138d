"""The vocabulary of kronika: typed records that flow through the pipeline.

    Article   what a reader produced from one input (a file, or one line of a JSON Lines corpus)
    Story     one dated story inside an article (digests and wire copy can hold several)
    Location  a resolved place, with the precision of the resolution
    Figure    one number the text states (killed, drones launched, ...) and who states it
    Event     something that happened, with its date, place, actors, claimant and figures
    DocumentResult  an article with its events: the unit `kronika extract` prints

Every record that quotes the text carries `span`, a (start, end) pair of character offsets into the
*cleaned* text of its article, so any item can be shown in context.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

EVENT_TYPES = ("air_attack", "strike", "ground_claim", "diplomacy", "statement", "other")
STATUSES = ("reported", "claimed", "denied")
QUALIFIERS = ("exact", "at_least", "more_than", "about", "up_to")
FIGURE_KINDS = (
    "killed",
    "injured",
    "children_killed",
    "children_injured",
    "rescued",
    "missing",
    "drones_launched",
    "drones_destroyed",
    "missiles_launched",
    "missiles_destroyed",
    "weapons_launched",  # drones and missiles as one total, when the text does not split them
    "weapons_destroyed",
    "without_power",
    "fires",
)
# the kinds that count weapons (air attacks) rather than people (strikes)
WEAPON_KINDS = tuple(k for k in FIGURE_KINDS if k.startswith(("drones_", "missiles_", "weapons_")))
PRECISIONS = ("settlement", "admin2", "admin1", "country", "water", "ambiguous")

Span = tuple[int, int]


@dataclass(slots=True)
class Article:
    """One input document as read, before cleaning.

    `metadata_date` is what the source's metadata says (a leading `date ...` line, an HTML meta tag, a
    JSON field); it is evidence, never trusted over the text itself.
    """

    path: str
    text: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    metadata_date: str | None = None


@dataclass(slots=True)
class CleanedText:
    """The story text with navigation and blurbs removed.

    `captions` are spans of photo captions: kept in the text (their dates are evidence for dating) but
    never a source of events or figures.
    """

    text: str
    captions: list[Span] = field(default_factory=list)

    def in_caption(self, pos: int) -> bool:
        return any(start <= pos < end for start, end in self.captions)


@dataclass(slots=True)
class Story:
    """A contiguous part of the cleaned text that is dated against its own dateline."""

    start: int
    end: int
    reference_date: str | None = None  # ISO day the story's relative dates resolve against
    dateline: str | None = None  # e.g. "Kyiv, Ukraine (AFP) Nov 19, 2025"
    title: str | None = None
    # the day the story's lead reports ("killed 23 people yesterday"): what its undated sentences are about
    event_date: str | None = None
    # without a reference day, a day the text points near (a photo caption's): weekdays and year-less dates
    # may resolve against it, but it dates nothing by itself
    anchor_date: str | None = None


@dataclass(slots=True)
class Location:
    name: str
    admin1: str | None = None
    admin2: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    precision: str = "ambiguous"
    gazetteer_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "admin1": self.admin1,
            "admin2": self.admin2,
            "country": self.country,
            "lat": self.lat,
            "lon": self.lon,
            "precision": self.precision,
            "gazetteer_id": self.gazetteer_id,
        }


@dataclass(slots=True)
class Figure:
    kind: str
    value: int
    qualifier: str = "exact"
    claimed_by: str | None = None
    quote: str = ""
    span: Span = (0, 0)

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "value": self.value,
            "qualifier": self.qualifier,
            "claimed_by": self.claimed_by,
            "quote": self.quote,
            "span": list(self.span),
        }


DATE_BASES = ("text", "story")  # the event's day came from the sentence's own words / from the story's day


@dataclass(slots=True)
class Event:
    """One event an article reports.

    Date evidence beside `date` (for merging reports across articles):
      date_basis    "text" when the sentence's own words fixed the day, "story" when the event took the day of
                    its context for want of date words (its paragraph's stated day, the day the story's lead
                    reports, the story's reference day), None when there is no date
      date_partial  what the text fixes when it cannot fix a whole day: "--MM-DD" (month and day, no year) or
                    "YYYY-MM" (a month); None otherwise
      weekday       the ISO weekday (1 = Monday .. 7 = Sunday) the text names for the event, even without a date
    """

    id: str
    type: str
    date: str | None = None
    location: Location | None = None
    places: list[Location] = field(default_factory=list)
    actors: list[str] = field(default_factory=list)
    claimed_by: str | None = None
    status: str = "reported"
    quote: str = ""
    span: Span = (0, 0)
    figures: list[Figure] = field(default_factory=list)
    date_basis: str | None = None
    date_partial: str | None = None
    weekday: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.type,
            "date": self.date,
            "date_basis": self.date_basis,
            "date_partial": self.date_partial,
            "weekday": self.weekday,
            "location": self.location.to_dict() if self.location else None,
            "places": [p.to_dict() for p in self.places],
            "actors": list(self.actors),
            "claimed_by": self.claimed_by,
            "status": self.status,
            "quote": self.quote,
            "span": list(self.span),
            "figures": [f.to_dict() for f in self.figures],
        }


@dataclass(slots=True)
class DocumentResult:
    """One article and the events extracted from it: one line of `kronika extract --format jsonl`."""

    path: str
    text: str  # the cleaned text that every span points into
    source: str | None = None
    title: str | None = None
    url: str | None = None
    published: str | None = None
    metadata_date: str | None = None
    date_conflict: bool = False
    stories: list[Story] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)

    def to_dict(self, include_text: bool = False) -> dict[str, Any]:
        doc: dict[str, Any] = {
            "path": self.path,
            "source": self.source,
            "title": self.title,
            "url": self.url,
            "published": self.published,
            "metadata_date": self.metadata_date,
            "date_conflict": self.date_conflict,
            "stories": len(self.stories),
        }
        if include_text:
            doc["text"] = self.text
        return {"document": doc, "events": [e.to_dict() for e in self.events]}
