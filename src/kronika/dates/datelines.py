"""Datelines: the wire-copy line that says where and when a story was filed ("Moscow (AFP) Nov 20, 2025",
"KYIV, Nov 19 (Reuters) -"), and the page stamps of web pages (`stamps`: "Published ...", "Outlet | War |
14.03.2025 09:41", "By Desk | March 14, 2025"). A dateline opens a line and a stamp is a whole line: the same
words in mid-sentence ("the report, published November 20, ...") are not about this text."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from kronika.dates._calendar import DAY_RE, MONTH_RE, YEAR_RE
from kronika.dates.absolute import DateMention, find_date_mentions
from kronika.dates.stamps import MAX_STAMP_CHARS, read_stamp, settle_numeric

_DATE = rf"(?:{MONTH_RE}\s+{DAY_RE}|{DAY_RE}\s+{MONTH_RE})(?:,?\s+{YEAR_RE})?"
_NAME = r"[A-Z][^\W\d_]*(?:['’-][^\W\d_]+)*"  # Kyiv, KYIV, Kryvyi, Bila-Tserkva, Kam'yanske
_PLACE = rf"{_NAME}(?:\s+(?:{_NAME}|de|on|upon)){{0,3}}(?:,\s+{_NAME}(?:\s+{_NAME}){{0,2}})?"
_AGENCY = r"\([A-Z][\w.&'’ /-]{0,40}\)"  # (AFP), (Reuters), (AP), (Kyiv Independent)
_DASH = r"\s*(?:-{1,2}|–|—|:)"


def _wire_pattern() -> re.Pattern[str]:
    """Five wire shapes, each with its own group names (a=agency then date, b=date then agency,
    c=agency only, d=date then dash, e=date then /AGENCY/ as TASS writes it)."""
    shapes = [
        rf"(?P<place_a>{_PLACE})\s+(?P<agency_a>{_AGENCY})\s+(?P<date_a>{_DATE})(?={_DASH}|[ \t]*$)",
        rf"(?P<place_b>{_PLACE}),\s+(?P<date_b>{_DATE})\s+(?P<agency_b>{_AGENCY})(?={_DASH})",
        rf"(?P<place_c>{_PLACE})\s+(?P<agency_c>{_AGENCY})(?={_DASH})",
        rf"(?P<place_d>{_PLACE}),\s+(?P<date_d>{_DATE})(?={_DASH}\s)",
        rf"(?P<place_e>{_PLACE}),\s+(?P<date_e>{_DATE})\.?\s*(?P<agency_e>/[A-Z][\w-]{{1,20}}/)\.?",
    ]
    return re.compile(r"(?m)^[ \t]*(?:" + "|".join(shapes) + ")")


_WIRE_RE = _wire_pattern()


@dataclass(frozen=True, slots=True)
class Dateline:
    """A located dateline. `date` is set only when the line states the year; `mention` keeps the month/day
    (and weekday) so callers can supply the year from other evidence."""

    start: int
    end: int
    date: dt.date | None
    place: str | None
    text: str
    kind: str = "wire"  # "wire" (place + agency/date); page stamps (see `stamps`): "published", "updated",
    # "dated" (a date line without a label), "byline" (one that names its author), "relative" ("2 hours ago")
    agency: str | None = None
    mention: DateMention | None = None


def _first_mention(text: str, offset: int) -> DateMention | None:
    mentions = find_date_mentions(text)
    if not mentions:
        return None
    m = mentions[0]
    return DateMention(m.start + offset, m.end + offset, m.month, m.day, m.year, m.weekday)


def _wire(text: str, m: re.Match[str]) -> Dateline | None:
    shape = next(k for k in "abcde" if m.group("place_" + k))
    place = m.group("place_" + shape)
    agency = m.group("agency_" + shape) if shape != "d" else None
    date_group = "date_" + shape if shape != "c" else None
    mention = _first_mention(m.group(date_group), m.start(date_group)) if date_group else None
    if date_group and mention is None:
        return None  # "May 40" and the like: not a date, so not a dateline
    start = m.start() + (len(m.group(0)) - len(m.group(0).lstrip()))
    return Dateline(
        start=start,
        end=m.end(),
        date=mention.text_date if mention else None,
        place=place.strip(),
        text=text[start : m.end()].strip(),
        kind="wire",
        agency=agency.strip(" ()/") if agency else None,
        mention=mention,
    )


def _stamp(text: str, pos: int, eol: int) -> Dateline | None:
    raw = text[pos:eol]
    line = raw.strip()
    found = read_stamp(line) if line else None
    if found is None:
        return None
    kind, mention = found
    start = pos + len(raw) - len(raw.lstrip())
    if mention is not None:
        mention = replace(mention, start=mention.start + start, end=mention.end + start)
        if mention.ambiguous:
            mention = settle_numeric(text, mention)
    date = mention.text_date if mention is not None else None
    return Dateline(start, start + len(line), date, None, line, kind, None, mention)


_DIGIT = re.compile(r"\d")


def find_datelines(text: str) -> list[Dateline]:
    """Wire datelines and publication stamps that open a line, in text order."""
    return list(_find_datelines(text))


@lru_cache(maxsize=16)  # the publication dater and the story splitter both ask, for the same text
def _find_datelines(text: str) -> tuple[Dateline, ...]:
    found: list[Dateline] = []
    pos = 0
    while pos <= len(text):
        eol = text.find("\n", pos)
        eol = len(text) if eol == -1 else eol
        # every pattern needs a digit or an agency's parenthesis near the line start: most lines stop here
        head = text[pos : min(eol, pos + 160)]
        if _DIGIT.search(head) or "(" in head:
            line: Dateline | None = None
            if m := _WIRE_RE.match(text, pos, eol):
                line = _wire(text, m)
            elif eol - pos <= MAX_STAMP_CHARS + 40:
                line = _stamp(text, pos, eol)
            if line is not None:
                found.append(line)
        pos = eol + 1
    return tuple(found)
