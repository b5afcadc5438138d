"""Datelines: the wire-copy line that says where and when a story was filed ("Moscow (AFP) Nov 20, 2025",
"KYIV, Nov 19 (Reuters) -"), and the "Published ..." / "Updated ..." stamps of web pages. Both must open a
line: the same words in mid-sentence ("the report, published November 20, ...") are not about this text."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from kronika.dates._calendar import DAY_RE, MONTH_RE, WEEKDAY_RE, YEAR_RE
from kronika.dates.absolute import DateMention, find_date_mentions

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
_ANY_DATE = rf"(?:{_DATE}|{YEAR_RE}-\d{{2}}-\d{{2}}|\d{{1,2}}\.\d{{1,2}}\.{YEAR_RE})"
_CLOCK = r"\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:\s*[aApP]\.?[mM]\.?)?(?:\s+\(?[A-Z]{2,5}\b\)?)?"  # 08:30, 4:21 PM, 05:04:01
_SEP = r"\s*[|•·,–—-]?\s*"
_TIME = rf"(?:{_SEP}(?:at\s+)?{_CLOCK})"
_TIME_FIRST = rf"(?:(?:at\s+)?{_CLOCK}{_SEP})"  # "20:13 25.09.2023", "Posted at 4:21 PM, Apr 23, 2022"
_STAMP_RE = re.compile(
    rf"(?mi)^[ \t|•·*-]*(?P<kind>first published|published|last updated|updated|posted)(?:\s+(?:on|at))?:?\s*"
    rf"{_TIME_FIRST}?(?P<date>(?:{WEEKDAY_RE},?\s+)?{_ANY_DATE}){_TIME}?"
)
# A line that is nothing but a date (and time), as page templates print it under the headline:
# "Wed 19 Nov 2025 08.00 GMT", "19.11.2025 10:30", "November 19, 2025", "Mar 18, 2022 | 8:08 AM"
_READ_TIME = r"(?:\s*[|•·,-]?\s*\d{1,2}\s*min(?:ute)?s?(?:\s+read)?)"  # "10:13 AM 3 min read"
_DATE_LINE_RE = re.compile(
    rf"(?m)^[ \t|•·]*{_TIME_FIRST}?(?P<date>(?:{WEEKDAY_RE},?\s+)?{_ANY_DATE}){_TIME}?{_READ_TIME}?[ \t|•·]*$"
)
# A byline carrying the date: "By Olena Harmash | November 19, 2025", "By AFP · 19 Nov 2025 10:12", and the
# capitalised author line some sites print: "OLENA HARMASH – SATURDAY, 1 OCTOBER 2022, 17:00"
_BYLINE_RE = re.compile(
    r"(?m)^[ \t]*(?:[Bb]y\s+[^\n]{1,80}?|[A-Z][A-Z'’.-]+(?:\s+[A-Z][A-Z'’.-]+){1,3}\s)[|•·,–—-]\s*"
    r"(?P<date>[^\n|•·]{6,40}?)[ \t]*$"
)


@dataclass(frozen=True, slots=True)
class Dateline:
    """A located dateline. `date` is set only when the line states the year; `mention` keeps the month/day
    (and weekday) so callers can supply the year from other evidence."""

    start: int
    end: int
    date: dt.date | None
    place: str | None
    text: str
    kind: str = "wire"  # "wire" (place + agency/date); page stamps: "published", "dated" (a bare date or byline
    # date line), "updated"
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


def _stamp(text: str, m: re.Match[str], kind: str | None) -> Dateline | None:
    mention = _first_mention(m.group("date"), m.start("date"))
    if mention is None:
        return None
    if kind is None:  # a bare date line or a dated byline
        if mention.year is None:
            return None  # a bare "November 19" line is a heading more often than a stamp
        kind, start = "dated", m.start() + (len(m.group(0)) - len(m.group(0).lstrip(" \t|•·")))
    else:
        start = m.start("kind")
    return Dateline(start, m.end(), mention.text_date, None, text[start : m.end()].strip(), kind, None, mention)


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
            elif m := _STAMP_RE.match(text, pos, eol):
                kind = "updated" if "updated" in m.group("kind").lower() else "published"
                line = _stamp(text, m, kind)
            elif eol - pos <= 120 and (m := _DATE_LINE_RE.match(text, pos, eol) or _BYLINE_RE.match(text, pos, eol)):
                line = _stamp(text, m, None)
            if line is not None:
                found.append(line)
        pos = eol + 1
    return tuple(found)
