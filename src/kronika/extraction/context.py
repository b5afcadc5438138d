"""What the sentence rules know about the article being read, and the drafts they write.

`ArticleContext` answers position questions in constant or logarithmic time (which story, which paragraph, which
line, which places lie between two offsets) so that reading a sentence never rescans the article. A `Draft` is an
event while the article is being read; `consolidate` turns drafts into `models.Event`s.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc

from kronika.extraction.actors import NameBook
from kronika.extraction.places import PlaceRef, fold_city_districts, role_of
from kronika.models import CleanedText, Figure, Location, Story

# a line ending like this is a sentence, not a title; ":" and ";" end the lead-in and the items of a list
_TERMINAL = re.compile(r"[.!?\"”’')\]:;]\s*$")


@dataclass(slots=True)
class Draft:
    """An event while the article is being read; becomes a models.Event once merged."""

    type: str
    date: str | None
    date_explicit: bool
    location: Location | None = None
    story: int = 0
    paragraph: int = 0
    quote: str = ""
    span: tuple[int, int] = (0, 0)
    claimed_by: str | None = None
    status: str = "reported"
    places: list[Location] = field(default_factory=list)
    actors: list[str] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    separate: bool = False  # the text says this is a separate/another attack (or another sanctions package)
    date_partial: str | None = None  # "--MM-DD" / "YYYY-MM": what the sentence fixes short of a day
    weekday: int | None = None  # the ISO weekday the sentence names
    act: str | None = None  # for diplomacy: the kind of act (talks, call, summons, sanctions, aid, plan, ...)
    persons: list[str] = field(default_factory=list)  # for diplomacy: the people the sentence names
    mention: bool = False  # only names where an act the article reports took place: it merges or goes


@dataclass(slots=True)
class ArticleContext:
    """Everything the sentence rules need to know about the article being read."""

    doc: Doc
    cleaned: CleanedText
    stories: Sequence[Story]
    places: Sequence  # geo PlaceMention objects, in text order
    masked: Sequence[tuple[int, int]]  # datelines: their places and dates are not event evidence
    country: dict[str, Location]  # "UA"/"RU" -> country Location, for tolls with no nearer place
    names: NameBook = field(init=False)
    line_starts: list[int] = field(init=False)
    para_starts: list[int] = field(init=False)
    story_starts: list[int] = field(init=False)
    place_starts: list[int] = field(init=False)
    _masked: list[tuple[int, int]] = field(init=False)  # sorted by start
    _masked_starts: list[int] = field(init=False)
    _masked_reach: list[int] = field(init=False)  # the furthest end among the spans sorted up to each one

    def __post_init__(self) -> None:
        self.names = NameBook(self.doc)
        text = self.cleaned.text
        self.line_starts = [0] + [m.end() for m in re.finditer(r"\n", text)]
        self.para_starts = [0] + [m.end() for m in re.finditer(r"\n+", text)]
        self.story_starts = [s.start for s in self.stories]
        self.place_starts = [p.start for p in self.places]
        self._masked = sorted(self.masked)
        self._masked_starts = [s for s, _ in self._masked]
        self._masked_reach = list(itertools.accumulate((e for _, e in self._masked), max))

    def story_index(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.story_starts, pos) - 1)

    def paragraph(self, pos: int) -> int:
        return bisect.bisect_right(self.para_starts, pos)

    def line(self, pos: int) -> str:
        i = bisect.bisect_right(self.line_starts, pos) - 1
        start = self.line_starts[i]
        end = self.line_starts[i + 1] - 1 if i + 1 < len(self.line_starts) else len(self.cleaned.text)
        return self.cleaned.text[start:end]

    def is_masked(self, start: int, end: int) -> bool:
        """Does one masked span contain [start, end)?"""
        i = bisect.bisect_right(self._masked_starts, start) - 1
        return i >= 0 and self._masked_reach[i] >= end

    def masked_in(self, start: int, end: int) -> list[tuple[int, int]]:
        """The masked spans overlapping [start, end), found by bisection rather than a scan of the article."""
        lo = bisect.bisect_right(self._masked_reach, start)
        hi = bisect.bisect_left(self._masked_starts, end)
        return [(s, e) for s, e in self._masked[lo:hi] if e > start]

    def place_refs(self, start: int, end: int) -> list[PlaceRef]:
        lo = bisect.bisect_left(self.place_starts, start)
        hi = bisect.bisect_left(self.place_starts, end)
        refs = []
        for p in self.places[lo:hi]:
            if p.end > end or self.is_masked(p.start, p.end) or p.location is None:
                continue
            if getattr(p, "kind", "") == "organisation":
                continue
            refs.append(PlaceRef(p.start, p.end, p.surface, p.location, role_of(self.doc, p.start, p.end)))
        return fold_city_districts(refs, self.cleaned.text)


def is_headline(line: str) -> bool:
    """A title or sub-heading line: short and without closing punctuation. Its facts repeat the body's."""
    words = line.split()
    return 0 < len(words) <= 22 and not _TERMINAL.search(line)


def masked_text(ctx: ArticleContext, start: int, end: int) -> str:
    """The text between two offsets with datelines blanked out (offsets keep their meaning)."""
    text = ctx.cleaned.text[start:end]
    for s, e in ctx.masked_in(start, end):
        a, b = max(s, start) - start, min(e, end) - start
        text = text[:a] + " " * (b - a) + text[b:]
    return text


def as_date(iso: str | None) -> dt.date | None:
    return dt.date.fromisoformat(iso) if iso else None
