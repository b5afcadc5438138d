"""What a text says about its own day, besides a publication stamp.

war_day      a day counter of the war: "day 378 of the invasion", "the 1,371st day of Russia's war", "458 Days of
             Russia-Ukraine War", "List of key events, day 900". Outlets count from 24 February 2022 but not all
             alike (day 1 or day 0, their own time zone), so the day it gives is good to a couple of days: enough
             to prove a page stamp months off wrong, not enough to date an event.
digest_day   a digest or live page naming the day it covers: "Here is the situation on Friday, February 28",
             "recent developments as of May 27, 2023", "Key developments on Feb. 27".
lead_day     the day a story's lead reports, when it is not the day the story is printed
url_date     the day in a URL path ("/2025/04/13/", "/2024/8/13/", "/2023/mar/08/"), as htmldate reads it; a
             year and month alone ("/2025/11/") fix no day. `source_url` finds the original page's URL that an
             aggregator's copy names in its head ("... at its original source at https://...").
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from kronika.dates._calendar import MONTH_RE, era_year, make_date, month_number
from kronika.dates.absolute import DateMention, find_date_mentions
from kronika.dates.relative import resolve_date

WAR_START = dt.date(2022, 2, 24)  # day 1 of the full-scale invasion
HEAD_CHARS = 600  # a digest names its day and its day number in its first lines

_N = r"(\d{1,2},\d{3}|\d{1,5})"  # 1,371 or 1371
_WAR = (
    r"(?:the\s+|russia['’]s\s+|this\s+)?(?:full[- ]scale\s+)?(?:russia[-–]ukraine\s+|russian\s+)?"
    r"(?:war|invasion|conflict)"
)
_WAR_DAY = re.compile(
    rf"(?i)\bday\s+{_N}\s+of\s+{_WAR}"
    rf"|\b{_N}(?:st|nd|rd|th)\s+day\s+of\s+{_WAR}"
    rf"|\b{_N}\s+days\s+of\s+{_WAR}"
    rf"|\bkey\s+(?:events|developments)\b[,:]?\s*(?:[-–—]\s*)?(?:on\s+)?day\s+{_N}\b"
    rf"|\b(?:war|invasion)\s+(?:enters|entered|marks|marked|reaches|reached)\s+(?:its\s+)?{_N}(?:st|nd|rd|th)\s+day"
)
_DIGEST_DAY = re.compile(
    r"(?i)\b(?:(?P<own>(?:here\s+is|here['’]s|this\s+is)\s+(?:the\s+situation|what\s+we\s+know))"
    r"|(?:here\s+is|here['’]s|this\s+is)\s+what\s+happened"
    r"|(?:key\s+|main\s+|latest\s+|recent\s+)?(?:events|developments|updates))"
    r"[^.\n]{0,20}?\b(?:on|as\s+of|for)\s+(?=\S)"
)
_URL_DAY = re.compile(
    rf"(?<![\d])(?P<y>20\d\d)[/_-](?P<m>1[0-2]|0?[1-9]|(?i:{MONTH_RE}))[/_-](?P<d>3[01]|[12]\d|0?[1-9])(?:[/_.?#-]|$)"
)


@dataclass(frozen=True, slots=True)
class TextDay:
    day: dt.date
    evidence: str
    own: bool = False  # the page dates itself: "Here is the situation on Wednesday, March 12, 2025"


def war_day(text: str) -> TextDay | None:
    """The day a war-day counter in the head of the text points to (give or take two days)."""
    m = _WAR_DAY.search(text[:HEAD_CHARS])
    if m is None:
        return None
    n = int(next(g for g in m.groups() if g).replace(",", ""))
    if not 1 <= n <= 20000:
        return None
    return TextDay(WAR_START + dt.timedelta(days=n - 1), f'day counter "{m.group(0)}"')


def digest_day(text: str, year_from: dt.date | None) -> tuple[TextDay, DateMention] | None:
    """The day a digest says it covers. A year-less date takes its year from `year_from` (the metadata or a
    caption), else from its weekday when one year of the war alone fits it, and is dropped otherwise.

    "Here is the situation on <day>" and "here's what we know on <day>" are the page dating itself in the
    present tense, as a live page or daily digest does on the day it runs (`own`); "what happened on",
    "developments as of" name the day a summary covers, which may be days before it ran."""
    head = text[:HEAD_CHARS]
    for m in _DIGEST_DAY.finditer(head):
        mentions = find_date_mentions(head[m.end() : m.end() + 40])
        if not mentions or mentions[0].start > 12:  # the date must follow the cue: "on Friday, February 28"
            continue
        mention = mentions[0]
        day = mention.resolve(year_from, spread_days=45)
        if day is None and year_from is None and mention.year is None and mention.weekday is not None:
            day = era_year(mention.month, mention.day, mention.weekday)
        if day is not None:
            shown = head[m.start() : m.end() + mention.end]
            return TextDay(day, f'digest day "{shown}"', own=bool(m.group("own"))), mention
    return None


# "You can find the current article at its original source at https://...", "Originally published at https://...":
# an aggregator's copy names the page it copied, whose URL dates it as the page's own would
_SOURCE_URL = re.compile(
    r"(?i)\b(?:original(?:ly)?|source|canonical|first\s+published|read\s+(?:the\s+)?(?:full|original))\b"
    r"[^\n]{0,80}?(?P<url>https?://[^\s<>\"')]+)"
)


def source_url(text: str) -> str | None:
    """The URL of the original page a copy names in its head, or None."""
    head = text[: 2 * HEAD_CHARS]
    if "http" not in head:
        return None
    m = _SOURCE_URL.search(head)
    return m.group("url") if m else None


def url_date(url: str | None) -> dt.date | None:
    """The publication day a URL path states, or None."""
    if not url:
        return None
    m = _URL_DAY.search(url)
    if m is None:
        return None
    month = int(m.group("m")) if m.group("m").isdigit() else month_number(m.group("m"))
    return make_date(int(m.group("y")), month, int(m.group("d"))) if month else None


LEAD_WINDOW = dt.timedelta(days=6)  # a weekday in the lead names a day of the week before the story's day


def lead_day(sentences: list[str], reference: dt.date | None, anchor: dt.date | None = None) -> dt.date | None:
    """The day a story's lead reports, for what the story goes on to say without dates of its own.

    "Russian attacks on Kyiv killed 23 people yesterday" makes the story's news yesterday's, though it is
    printed today; "Ukraine said on Sunday ..." in a Monday paper makes it Sunday's. The first lead sentence
    that fixes a past day within the week before `reference` decides (a future one, "talks will open
    today", is no news yet). Without a reference, only a stated calendar date can decide, its year stated,
    taken from the `anchor` (a photo caption's day) or singled out by its weekday: a weekday counted from an
    anchor is too loose to date anything.
    """
    base = reference or anchor
    for sentence in sentences:
        found = resolve_date(sentence, base, weak=reference is None)
        if found.date is None or found.future:
            continue
        if reference is not None:
            if reference - LEAD_WINDOW <= found.date <= reference:
                return found.date
        elif not found.relative:
            return found.date
    return None
