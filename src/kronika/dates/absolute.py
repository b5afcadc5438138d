"""Explicit calendar dates anywhere in a text: "November 26, 2025", "Nov 14", "(Nov 14)", "26 November 2025",
"2025-11-26", "2025-11-26T09:41:00Z", "19.11.2025", "11/19/2025", "Wednesday, November 26th". A date without a
year stays partial until a caller supplies the year from evidence; it is never completed with today's year.

Numeric dates and their order. "2025-11-26" (year first) is always year-month-day. With the year last, the
numbers settle the order when one of them is over 12 ("19.11.2025" is day-first, "11/19/2025" month-first). When
both are 12 or less ("03.04.2025", "03/04/2025") the text must settle it, and nothing else does: Ukrainian and
most European sites print day-first with dots, but month-first dotted dates exist too ("Sunday (01.15.2023)"),
so neither the separator nor the outlet's country is proof. What settles it, strongest first:
    1. a weekday printed with the date ("Thursday 03.04.2025": 3 April 2025 was a Thursday, 4 March a Tuesday);
    2. the other numeric dates of the same text, whose numbers force one order (`numeric_order`);
    3. a time zone printed beside it (EDT, PT, GMT-5 are American, month-first; CET, EET, Kyiv time, GMT+2 are
       European, day-first), read by the page-stamp parser (`stamps`);
    4. a day the text fixes otherwise (metadata, URL, a dated dateline or caption) within a week of exactly one
       reading: the two readings of a swapped pair are always at least four weeks apart (`publication`).
Until then the mention is `ambiguous`: it has no `text_date`, and `find_date_mentions` leaves it out unless asked.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

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
    # 2025-11-26, 2025/11/26, 2025.11.26, and the ISO timestamp 2025-11-26T09:41:00Z
    rf"(?<![\d./-])(?P<iy>{YEAR_RE})(?P<isep>[-/.])(?P<im>0[1-9]|1[0-2])(?P=isep)(?P<id>0[1-9]|[12]\d|3[01])"
    r"(?![\d]|[./-]\d)"
    # 19.11.2025, 11/19/2025, 19-11-2025: the order is read in _numeric
    rf"|\b{_WD.format(n='n')}(?<![\d./-])(?P<na>\d{{1,2}})(?P<nsep>[./-])(?P<nb>\d{{1,2}})(?P=nsep)(?P<ny>{YEAR_RE})"
    r"(?!\d|[./-]\d)"
    rf"|\b{_WD.format(n=1)}(?:the\s+)?(?P<d1>{DAY_RE})(?:\s+of)?\s+(?P<m1>{MONTH_RE})(?!\w)(?:,?\s+(?P<y1>{YEAR_RE})\b)?"
    rf"|\b{_WD.format(n=2)}(?P<m2>{MONTH_RE})\s+(?P<d2>{DAY_RE})\b(?!\s*(?:km|kilomet|mile|%)|:\d)(?:,?\s+(?P<y2>{YEAR_RE})\b)?",
    first="[0-9JFMASONDTWjfmasondtw]",
)

DMY, MDY = "dmy", "mdy"


@dataclass(frozen=True, slots=True)
class DateMention:
    """One explicit date as written: `year` and `weekday` are None when the text does not state them.

    A numeric date whose order the numbers do not settle ("03.04.2025") carries its day-first reading in
    `month`/`day` and the month-first one in `alt` (month, day); it is `ambiguous` until `settle` picks one.
    `order` is the order a numeric date's own numbers (or its weekday) prove, else None."""

    start: int
    end: int
    month: int
    day: int
    year: int | None
    weekday: int | None  # 0 = Monday, as in datetime
    order: str | None = None  # DMY or MDY when the numbers or the weekday prove it
    alt: tuple[int, int] | None = None  # the month-first (month, day) of an ambiguous numeric date

    @property
    def ambiguous(self) -> bool:
        return self.alt is not None

    @property
    def text_date(self) -> dt.date | None:
        """The date when the text states the year (and the order of an all-numeric date is settled), else None."""
        if self.year is None or self.alt is not None:
            return None
        return make_date(self.year, self.month, self.day)

    def readings(self) -> list[dt.date]:
        """Both days an ambiguous numeric date may be (day-first first); the one day of any other mention."""
        if self.alt is None:
            return [d] if (d := self.text_date) is not None else []
        assert self.year is not None  # only numeric dates, which always state the year, are ambiguous
        days = [make_date(self.year, self.month, self.day), make_date(self.year, *self.alt)]
        return [d for d in days if d is not None]

    def settle(self, order: str | None) -> DateMention | None:
        """The mention read in `order`; None when no order is given for an ambiguous one."""
        if self.alt is None:
            return self
        if order == DMY:
            return replace(self, order=DMY, alt=None)
        if order == MDY:
            return replace(self, month=self.alt[0], day=self.alt[1], order=MDY, alt=None)
        return None

    def settle_by(self, day: dt.date) -> DateMention | None:
        """The reading that is `day`, if either is."""
        for order in (DMY, MDY):
            settled = self.settle(order)
            if settled is not None and settled.text_date == day:
                return settled
        return None

    def with_year(self, year: int) -> dt.date | None:
        return make_date(year, self.month, self.day)

    def weekday_agrees(self, day: dt.date) -> bool:
        return self.weekday is None or day.weekday() == self.weekday

    def resolve(self, around: dt.date | None, spread_days: int | None = None) -> dt.date | None:
        """The full date: the stated year; else the year the stated weekday singles out near `around`; else
        (no weekday) the year that puts the day nearest `around`, accepted only within `spread_days` of it
        when a spread is given. An ambiguous numeric date resolves to nothing."""
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


def _numeric(start: int, end: int, a: int, b: int, year: int, weekday: int | None) -> DateMention | None:
    """A year-last numeric date: day-first or month-first as its numbers or its weekday prove, else both."""
    readings = []
    if b <= 12 and (d := make_date(year, b, a)) is not None:
        readings.append((DMY, d))
    if a <= 12 and a != b and (d := make_date(year, a, b)) is not None:
        readings.append((MDY, d))
    if weekday is not None and len(readings) == 2:
        matching = [r for r in readings if r[1].weekday() == weekday]
        readings = matching if len(matching) == 1 else readings
    if not readings:
        return None
    if len(readings) == 1:
        order, day = readings[0]
        forced = order if (a > 12 or b > 12 or weekday is not None) and a != b else None
        return DateMention(start, end, day.month, day.day, year, weekday, forced)
    return DateMention(start, end, b, a, year, weekday, None, (a, b))


def find_date_mentions(text: str, ambiguous: bool = False) -> list[DateMention]:
    """Every explicit day-and-month date in `text`, in order, with the year and weekday when stated. Numeric
    dates whose order nothing in them settles are left out unless `ambiguous` is asked for."""
    out: list[DateMention] = []
    for m in _DATE_RE.finditer(text):
        if m.group("iy"):
            day = make_date(int(m.group("iy")), int(m.group("im")), int(m.group("id")))
            if day is not None:
                out.append(DateMention(m.start(), m.end(), day.month, day.day, day.year, None))
            continue
        if m.group("na"):
            wd_tok = m.group("wdn")
            if wd_tok and not is_capitalised(wd_tok):
                continue
            weekday = weekday_number(wd_tok) if wd_tok else None
            end = m.end() + 1 if "(" in m.group(0) and text[m.end() : m.end() + 1] == ")" else m.end()
            found = _numeric(m.start(), end, int(m.group("na")), int(m.group("nb")), int(m.group("ny")), weekday)
            if found is not None and (ambiguous or not found.ambiguous):
                out.append(found)
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


def numeric_order(mentions: list[DateMention]) -> str | None:
    """The order a text prints its numeric dates in, when those whose numbers prove an order all agree: a site
    that prints "25.03.2025" prints "03.04.2025" day-first too."""
    orders = {m.order for m in mentions if m.order is not None}
    return orders.pop() if len(orders) == 1 else None


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
