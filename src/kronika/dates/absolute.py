"""Explicit calendar dates anywhere in a text: "November 26, 2025", "Nov 14", "(Nov 14)", "26 November 2025",
"2025-11-26", "19.11.2025", "Wednesday, November 26th". A date without a year stays partial until a caller
supplies the year from evidence; it is never completed with today's year."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from kronika.dates._calendar import (
    DAY_RE,
    MONTH_RE,
    WEEKDAY_RE,
    YEAR_RE,
    at_word_starts,
    day_number,
    is_capitalised,
    make_date,
    month_number,
    nearest_year,
    weekday_number,
    year_by_weekday,
)

_WD = rf"(?:(?P<wd{{n}}>{WEEKDAY_RE}),?\s*\(?\s*)?"
# a date starts with a digit, a month name, a weekday name or "the": the lookahead set lists those letters
_DATE_RE = at_word_starts(
    rf"\b(?P<iy>{YEAR_RE})-(?P<im>0[1-9]|1[0-2])-(?P<id>0[1-9]|[12]\d|3[01])\b"
    # 19.11.2025: day first, as European sites write it (the US 11/19/2025 is left alone: it is ambiguous)
    rf"|(?<![\d.])(?P<ed>0?[1-9]|[12]\d|3[01])\.(?P<em>0?[1-9]|1[0-2])\.(?P<ey>{YEAR_RE})(?![\d.]\d)"
    rf"|\b{_WD.format(n=1)}(?:the\s+)?(?P<d1>{DAY_RE})(?:\s+of)?\s+(?P<m1>{MONTH_RE})(?!\w)(?:,?\s+(?P<y1>{YEAR_RE})\b)?"
    rf"|\b{_WD.format(n=2)}(?P<m2>{MONTH_RE})\s+(?P<d2>{DAY_RE})\b(?!\s*(?:km|kilomet|mile|%)|:\d)(?:,?\s+(?P<y2>{YEAR_RE})\b)?",
    first="[0-9JFMASONDTWjfmasondtw]",
)


@dataclass(frozen=True, slots=True)
class DateMention:
    """One explicit date as written: `year` and `weekday` are None when the text does not state them."""

    start: int
    end: int
    month: int
    day: int
    year: int | None
    weekday: int | None  # 0 = Monday, as in datetime

    @property
    def text_date(self) -> dt.date | None:
        """The date when the text states the year, else None."""
        return make_date(self.year, self.month, self.day) if self.year else None

    def with_year(self, year: int) -> dt.date | None:
        return make_date(year, self.month, self.day)

    def weekday_agrees(self, day: dt.date) -> bool:
        return self.weekday is None or day.weekday() == self.weekday

    def resolve(self, around: dt.date | None, spread_days: int | None = None) -> dt.date | None:
        """The full date: the stated year; else the year the stated weekday singles out near `around`; else
        (no weekday) the year that puts the day nearest `around`, accepted only within `spread_days` of it
        when a spread is given."""
        if self.year:
            return self.text_date
        if around is None:
            return None
        if self.weekday is not None:
            return year_by_weekday(self.month, self.day, self.weekday, around.year)
        best = nearest_year(self.month, self.day, around)
        if best is not None and spread_days is not None and abs((best - around).days) > spread_days:
            return None
        return best


def find_date_mentions(text: str) -> list[DateMention]:
    """Every explicit day-and-month date in `text`, in order, with the year and weekday when stated."""
    out: list[DateMention] = []
    for m in _DATE_RE.finditer(text):
        numeric = ("iy", "im", "id") if m.group("iy") else ("ey", "em", "ed") if m.group("ey") else None
        if numeric:
            day = make_date(*(int(m.group(g)) for g in numeric))
            if day is not None:
                out.append(DateMention(m.start(), m.end(), day.month, day.day, day.year, None))
            continue
        n = "1" if m.group("m1") else "2"
        month_tok, wd_tok, year_tok = m.group("m" + n), m.group("wd" + n), m.group("y" + n)
        if not is_capitalised(month_tok) or (wd_tok and not is_capitalised(wd_tok)):
            continue
        month = month_number(month_tok)
        day = day_number(m.group("d" + n))
        if month is None or make_date(2000, month, day) is None:  # 2000 is a leap year: Feb 29 stays legal
            continue
        weekday = weekday_number(wd_tok) if wd_tok else None
        # "Friday (Nov 14)": the closing parenthesis belongs to the mention
        end = m.end() + 1 if "(" in m.group(0) and text[m.end() : m.end() + 1] == ")" else m.end()
        out.append(DateMention(m.start(), end, month, day, int(year_tok) if year_tok else None, weekday))
    return out


def find_dates(text: str, default_year: int | None = None) -> list[tuple[int, int, dt.date]]:
    """Explicit calendar dates in `text` as (start, end, date).

    A date without a year takes `default_year` only when one is given, and is dropped when its stated weekday
    contradicts that year (the year was then not really known); without a default it is left out.
    """
    out: list[tuple[int, int, dt.date]] = []
    for mention in find_date_mentions(text):
        if mention.year is not None:
            day = mention.text_date
        elif default_year is not None:
            day = mention.with_year(default_year)
            if day is not None and not mention.weekday_agrees(day):
                day = None
        else:
            day = None
        if day is not None:
            out.append((mention.start, mention.end, day))
    return out
