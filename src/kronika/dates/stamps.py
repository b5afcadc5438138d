"""Page stamps: the lines a web page prints its own date in, as sites print them.

A stamp line is page furniture around one date: split at its separators ("|", "•", "·", "›", " / ", " – "),
every part must be one of
    a date part     an optional label, the date, and times, zones, "at"/"on" around it:
                    "Published: 14 March 2025, 09:41 EET", "Updated 9:41 AM EDT, Fri March 14, 2025",
                    "2025-03-14T09:41:00+02:00", "Date: March 20, 2025", "Posted on 31.01.2025 by Desk";
                    a byline or author list may lead it ("By Olena Petrenko in Kyiv March 14, 2025",
                    "Olena Petrenko, Ivan MelnykFriday, 14 March 2025, 09:41"), and a site section with a comma
                    ("Press releases, 16.06.2024")
    furniture       a time ("09:41"), a reading time ("3 min read"), a relative stamp ("2 hours ago",
                    "Updated 35 minutes ago"), a counter ("1,204 views"), a byline ("By Desk Staff"), an author
                    name, a site section of up to three words ("Kyiv Gazette", "War")
and one part at least must hold a date. Anything else (a sentence, a headline, a "Read more" link, a photo
credit) makes the line no stamp. A line of furniture with a relative stamp and no date is a `relative` stamp:
it fixes nothing without a crawl time, but it is no headline and no sentence either.

Labels decide the kind: "published" (Published, First published, Posted, Date, Dated, Released, Issued,
Created, Filed), "updated" (Updated, Last updated, Modified, Last modified, Edited, Revised); a date without a
label is "dated", and "byline" when the line also names who wrote it. Where the rest of this package ranks them:
`publication`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from kronika.dates.absolute import DMY, MDY, DateMention, find_date_mentions, numeric_order

MAX_STAMP_CHARS = 200  # a stamp line is short; longer lines are prose

_LABEL = re.compile(
    r"(?i)^(?:(?:this\s+)?(?:page|article|story|post)\s+(?:was\s+)?)?"
    r"(?P<label>first\s+published|originally\s+published|published|posted|publication\s+date|date\s+published"
    r"|published\s+date|release\s+date|dated|date|released|issued|created|filed|last\s+updated|updated"
    r"|last\s+modified|date\s+modified|modified|last\s+edited|edited|last\s+revised|revised)\b"
    r"(?:\s+(?:on|at))?\s*:?\s*"
)
_UPDATED = ("updat", "modif", "edit", "revis")

_CLOCK = r"(?:\d{1,2}[:.h]\d{2}(?:[:.]\d{2})?(?:\s*[aApP]\.?\s?[mM]\.?)?|\d{1,2}\s*[aApP]\.?[mM]\.?(?!\w))"
_ISO_TIME = r"T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?"
_US_ZONE = r"(?:ET|EST|EDT|CT|CST|CDT|MT|MST|MDT|PT|PST|PDT|AKST|AKDT|HST)"
_EU_ZONE = r"(?:CEST|CET|EEST|EET|WEST|WET|BST|MSK|(?i:kyiv|kiev|moscow)\s+time)"
_OFFSET = r"(?:(?:GMT|UTC)\s*(?P<sign>[+-−])\s*(?P<hours>\d{1,2})(?::?\d{2})?|(?:GMT|UTC)|[+-]\d{2}:?\d{2})"
_ZONE = rf"(?:\(?(?:{_OFFSET}|{_US_ZONE}|{_EU_ZONE}|UK|(?i:local\s+time))\)?)(?!\w)"
_READ = r"(?:(?i:reading\s+time|read\s+time)\s*:?\s*)?\d{1,3}\s*(?i:min(?:ute)?s?|mins?)\.?(?:\s+(?i:read|reading))?"
_AGO = (
    r"(?i:(?:(?:updated|published|posted|edited|modified)\s+)?(?:(?:\d{1,3}|an?|one|few)\s+(?:sec(?:ond)?s?|min(?:ute)?s?|h(?:ou)?rs?|hours?|days?|weeks?|months?)|"
    r"moments?)\s+ago|just\s+now|yesterday|today)"
)
_COUNTER = r"\d[\d,.]*[kK]?\s+(?i:views?|comments?|shares?|reads?)"
_JOIN = r"(?:[\s,|•·:;()\[\]–—-]|(?i:at|on)(?!\w))"
_FURNITURE = re.compile(rf"(?:{_JOIN}|{_CLOCK}|{_ISO_TIME}|{_ZONE}|{_READ}|{_AGO}|{_COUNTER})*")
_RELATIVE = re.compile(_AGO)
_TIME_ONLY = re.compile(rf"{_CLOCK}")

_NAME = r"[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|de|van|von|al|el|bin))*"
# "By Olena Petrenko", "by The Kyiv Independent news desk", "Written by Desk in Kyiv", "By AFP"
_BYLINE = re.compile(
    r"(?i:(?:written|story|words|reporting|text)\s+)?(?i:by)\s*(?:the\s+)?(?=[A-Z])[^\d|•·:;!?]{2,80}?"
    r"(?:\s+(?i:in|from)\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)?"
)
# an author line without "By": two to four capitalised words a name, names joined by commas or "and"
_PERSON = r"[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3}"
_AUTHORS = re.compile(rf"{_PERSON}(?:\s*(?:,|&|\band\b)\s*{_PERSON}){{0,3}}")
_SECTION = re.compile(r"[A-Z][\w'’&.-]*(?:\s+[\w'’&.-]+){0,2}")  # "Kyiv Gazette", "War", "Russia-Ukraine war"
_SPLIT = re.compile(r"\s*[|•·›»]\s*|\s+[/–—-]\s+")
_NOT_STAMP = re.compile(
    r"(?i)^\W*(?:read\s+(?:more|also)|see\s+also|also\s+read|related|more\s+on|recommended|watch|listen|photo|image"
    r"|picture|video|credit|source|copyright|all\s+rights)\b|©"
)
# "Olena PetrenkoFriday, 14 March 2025": scrapers glue the author to the weekday
_GLUED_WEEKDAY = re.compile(r"(?<=[a-z])(?=(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b)")


@dataclass(frozen=True, slots=True)
class Stamp:
    """A stamp line: its kind, the date part's mention (None for a relative stamp), and where the line is."""

    start: int
    end: int
    kind: str  # "published", "updated", "dated", "byline", "relative"
    mention: DateMention | None


def _is_update(label: str) -> bool:
    return any(word in label for word in _UPDATED)


def _furniture(text: str) -> bool:
    return _FURNITURE.fullmatch(text) is not None


def _lead_in(text: str, labelled: bool) -> tuple[bool, bool]:
    """Is what precedes a date in its part furniture, and does it name an author? Bylines, author lists and
    a section with its comma may lead an unlabelled date only."""
    if _furniture(text):
        return True, False
    if labelled:
        return False, False
    head = text.rstrip(" \t,–—-:").rstrip()
    head = re.sub(r"\s+(?i:on|at)$", "", head)
    if _BYLINE.fullmatch(head) or _AUTHORS.fullmatch(head):
        return True, True
    if text.rstrip().endswith(",") and _SECTION.fullmatch(head):
        return True, False
    return False, False


def _tail(text: str) -> bool:
    """Is what follows a date furniture, perhaps ending on who posted it ("by Desk")?"""
    if _furniture(text):
        return True
    m = re.search(r"\s(?i:by)\s+[A-Z][^\d|•·:;!?]{0,60}$", text)
    return m is not None and _furniture(text[: m.start()])


@dataclass(frozen=True, slots=True)
class _Part:
    kind: str  # "date", "relative", "furniture", "author", or "" (not a stamp's part)
    label: str | None = None
    mention: DateMention | None = None
    timed: bool = False  # a time or zone stands by the date: a stamp, not a heading


def _part(text: str) -> _Part:
    label = None
    rest = text
    if m := _LABEL.match(text):
        label, rest = m.group("label").lower(), text[m.end() :]
    mentions = find_date_mentions(rest, ambiguous=True)
    if mentions:
        mention = mentions[0]
        lead_ok, author = _lead_in(rest[: mention.start], label is not None)
        after = rest[mention.end :]
        if not lead_ok or not _tail(after):
            return _Part("")
        timed = bool(_TIME_ONLY.search(after) or _TIME_ONLY.search(rest[: mention.start]) or "T" in after[:1])
        shift = len(text) - len(rest)
        mention = replace(mention, start=mention.start + shift, end=mention.end + shift)
        kind = "author" if author else "date"
        return _Part(kind, label, mention, timed or label is not None)
    if not rest.strip() or _furniture(rest):
        relative = _RELATIVE.search(rest) is not None
        return _Part("relative" if relative else "furniture" if (rest.strip() or label) else "")
    if label is None and (_BYLINE.fullmatch(text) or _AUTHORS.fullmatch(text)):
        return _Part("furniture", timed=True)
    if label is None and len(text) <= 40 and _SECTION.fullmatch(text):
        return _Part("furniture")
    return _Part("")


def _zone_order(line: str) -> str | None:
    """The order a time zone printed in the stamp implies for its numeric date: American zones and negative
    offsets month-first, European zones and offsets from 0 to +3 day-first; GMT or UTC alone says nothing."""
    if re.search(rf"(?<!\w){_US_ZONE}(?!\w)", line):
        return MDY
    if re.search(rf"(?<!\w){_EU_ZONE}(?!\w)", line):
        return DMY
    m = re.search(r"(?:GMT|UTC)\s*([+-−])\s*(\d{1,2})", line)
    if m:
        hours = int(m.group(2))
        if m.group(1) == "+" and hours <= 3:
            return DMY
        if m.group(1) != "+" and 3 <= hours <= 10:
            return MDY
    return None


# Cheap gate: a stamp holds a year, a clock time, a label or a relative word; most short lines with a digit
# (headlines with a count, list items) hold none and cost one search
_GATE = re.compile(r"(?:19|20)\d\d|\d:\d\d|(?i:ago|yesterday|today|just now|published|posted|updated|date)")


@lru_cache(maxsize=2048)  # the cleaner and the dateline scan ask about the same lines
def read_stamp(line: str) -> tuple[str, DateMention | None] | None:
    """The kind and date of one line when it is a page stamp, else None. Positions in the mention are the
    line's (before any unglueing)."""
    if len(line) > MAX_STAMP_CHARS or not _GATE.search(line) or _NOT_STAMP.search(line):
        return None
    glued = _GLUED_WEEKDAY.search(line)
    work = line if glued is None else line[: glued.start()] + " " + line[glued.start() :]
    parts: list[tuple[int, _Part]] = []
    pos = 0
    for sep in [*_SPLIT.finditer(work), None]:
        end = sep.start() if sep is not None else len(work)
        piece = work[pos:end]
        if piece.strip():
            part = _part(piece.strip())
            if not part.kind:
                return None
            parts.append((pos + len(piece) - len(piece.lstrip()), part))
        pos = sep.end() if sep is not None else pos
    dated = [(at, p) for at, p in parts if p.mention is not None]
    if not dated:
        if any(p.kind == "relative" for _, p in parts):
            return "relative", None
        return None
    labelled = [(at, p) for at, p in dated if p.label and not _is_update(p.label)]
    plain = [(at, p) for at, p in dated if not p.label]
    at, best = (labelled or plain or dated)[0]
    mention = best.mention
    assert mention is not None
    if len(parts) == 1 and best.label is None and not best.timed and mention.year is None:
        return None  # a bare "November 19" line is a heading more often than a stamp
    if best.label and _is_update(best.label):
        kind = "updated"
    elif best.label:
        kind = "published"
    elif best.kind == "author" or any(p.kind == "furniture" and p.timed for _, p in parts):
        kind = "byline"
    else:
        kind = "dated"
    if mention.ambiguous and (order := _zone_order(line)) is not None:
        mention = mention.settle(order)
    offset = at - (1 if glued is not None and at + mention.start > glued.start() else 0)
    assert mention is not None
    return kind, replace(mention, start=mention.start + offset, end=mention.end + offset)


def settle_numeric(text: str, mention: DateMention) -> DateMention:
    """An ambiguous numeric stamp read in the order the text's other numeric dates prove, when they do."""
    if not mention.ambiguous:
        return mention
    order = numeric_order(find_date_mentions(text, ambiguous=True))
    return mention.settle(order) or mention
