"""The publication day of a document, from the strongest evidence its text holds.

Evidence, strongest first:
    1. a page stamp opening a line: "Published November 26, 2025", or a line that is only a date
    2. wire datelines: "Moscow (AFP) Nov 20, 2025" (the latest one, when a document carries several stories);
       then an "Updated ..." stamp, which metadata from on or before that day overrules
    3. an explicit date in the lead: "on Friday (Nov 14)" (a year-less date takes the metadata's year only when
       the stated weekday or the nearness of the metadata day confirms it)
    4. the metadata date
    5. dates in photo captions: "... launched a massive attack on Kyiv August 28, 2025"; when the text says the
       attack happened "yesterday", the document is from the day after
Metadata that contradicts the text is overruled and flagged (`conflict`). Nothing else is used: without
evidence the answer is None, never today's date.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from kronika.dates._calendar import era_year, parse_metadata_date
from kronika.dates.absolute import DateMention, find_date_mentions
from kronika.dates.datelines import Dateline, find_datelines
from kronika.dates.relative import is_future_at
from kronika.dates.storyday import TextDay, digest_day, source_url, url_date, war_day
from kronika.models import CleanedText

LEAD_CHARS = 1200  # the lead: headline, standfirst and first paragraphs
STAMP_HEAD_CHARS = 600  # where a page prints its date: under the headline ...
STAMP_FOOT_CHARS = 300  # ... or at the very end
TOLERANCE = dt.timedelta(days=1)  # time zones: a dateline a day off the metadata is no contradiction
TEXT_DAY_TOLERANCE = dt.timedelta(days=3)  # war-day counters and digest days are good to a couple of days
_METADATA_TOKEN = re.compile(r"^\s*date\s+\d{4}-\d{2}-\d{2}\S*")  # a reader's metadata line left in the text
_ATTACK = re.compile(
    r"(?i)\b(?:attack|strike|struck|barrage|bombard|shell|missile|drone|kill|dead|died|wound|injur|explosion|blast)"
)
_YESTERDAY = re.compile(r"(?i)\byesterday\b")
# "KYIV, Oct 5 (Reuters) - ..., the air force said on Sunday": the day a wire story reports on is its own day
_REPORTING_WEEKDAY = re.compile(
    r"(?i)\b(?:said|says|told|announced|reported|wrote|posted|claimed|confirmed|stated)\s+(?:\w+\s+){0,2}?"
    r"on\s+(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b(?!\s+(?:night|evening|morning))"
)
# any weekday of a lead, with what tells it is the evening or night before: "late on Friday", "Friday night"
_LEAD_WEEKDAY = re.compile(
    r"(?:(?P<late>\blate\s+(?:on\s+)?)|\b)(?P<wd>(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\b(?:['’]s)?"
    r"(?P<night>\s+(?:night|evening))?"
)
_SENTENCE_END = re.compile(r"[.!?](?=\s+[\"“‘(]?[A-Z]|\s*$)")
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# words just before a lead date that make it background rather than the news: "the war began on Feb 24, 2022"
_BACKGROUND = re.compile(
    r"(?i)\b(?:began|begun|start(?:ed)?|since|invaded|invasion|anniversary|until|till|by|before|ago|annexed)\b"
    r"[^.;]{0,25}$"
)
# photo captions that a cleaner left unmarked: agency-style "KYIV, UKRAINE - ..." or position notes "(center)"
_CAPTION_START = re.compile(r"[A-Z][A-Z'’. -]+,\s+[A-Z][A-Z'’. -]+\s+[-–—:]\s")
_CAPTION_CUE = re.compile(r"\((?:center|centre|left|right|C|L|R)\)|\b(?:Getty Images|via Getty|Photo:|Photograph:)")


@dataclass(slots=True)
class PublicationDate:
    """The publication day and its evidence. When nothing fixes it, two weaker days may still be known:
    `story_day`, the day a digest says it covers ("Here is the situation on Friday, February 28"), which dates
    the story's news like a publication day would; and `anchor`, a day the text points near (a photo caption's
    date, a lead date, a war-day counter), against which a weekday or a year-less date can be resolved but
    which is no one's date of its own."""

    published: dt.date | None
    conflict: bool  # the metadata date contradicts the text
    evidence: str | None  # what fixed the date, for humans: 'dateline "Moscow (AFP) Nov 20, 2025"'
    story_day: dt.date | None = None
    story_evidence: str | None = None
    anchor: dt.date | None = None
    anchor_evidence: str | None = None


def _decide(day: dt.date, meta: dt.date | None, evidence: str) -> PublicationDate:
    """Text evidence that fixes the day: it wins, and the metadata is flagged when it disagrees."""
    return PublicationDate(day, meta is not None and abs(day - meta) > TOLERANCE, evidence)


def caption_spans(cleaned: CleanedText) -> list[tuple[int, int]]:
    """The cleaner's caption spans, plus lines that plainly read as photo captions when it marked none, plus
    lines that repeat a caption (pages print a caption twice, once without its credit)."""
    return list(_caption_spans(cleaned.text, tuple(cleaned.captions)))


@lru_cache(maxsize=16)  # the publication dater and the story splitter both ask, for the same text
def _caption_spans(text: str, marked: tuple[tuple[int, int], ...]) -> tuple[tuple[int, int], ...]:
    lines: list[tuple[int, str]] = []
    pos = 0
    for line in text.split("\n"):
        lines.append((pos, line))
        pos += len(line) + 1
    spans = list(marked) or [
        (start, start + len(line))
        for start, line in lines
        if len(line) > 60 and (_CAPTION_START.match(line.lstrip()) or _CAPTION_CUE.search(line))
    ]
    found = list(spans)
    for start, line in lines:
        if len(line) > 60 and not _inside(start, spans) and any(_repeats(text, line.strip(), a, b) for a, b in spans):
            found.append((start, start + len(line)))
    return tuple(sorted(found))


def _repeats(text: str, line: str, start: int, end: int) -> bool:
    """Does the caption at start..end begin with this line's words?"""
    caption = text[start:end].lstrip()
    return caption.startswith(line)


def _agency_line(line: Dateline) -> bool:
    """A wire dateline with its agency ("MOSCOW, Feb 24, 2025 (BSS/AFP) -") is one even where an agency credit
    made the line look like a caption."""
    return line.kind == "wire" and line.agency is not None and line.mention is not None


_FILE_PHOTO = re.compile(r"^\s*FILE\b|\bFile\)|\b(?i:file (?:photo|picture|image))\b")


def _current(text: str, captions: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Captions of photos of the news: an archive photo ("FILE - ...", "(AP Photo/..., File)") shows an older
    day, so its date is no evidence of this story's."""
    return [(a, b) for a, b in captions if not _FILE_PHOTO.search(text, a, b)]


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= pos < end for start, end in spans)


def _sentence_at(text: str, pos: int) -> str:
    start = max(text.rfind(". ", 0, pos), text.rfind("\n", 0, pos)) + 1
    ends = [e for e in (text.find(". ", pos), text.find("\n", pos)) if e != -1]
    return text[start : min(ends) if ends else len(text)]


@dataclass(frozen=True, slots=True)
class _YearAnchor:
    """Where a year-less date ("Nov 19 (Reuters)") takes its year from: the metadata day, else the latest
    full date of a photo caption (captions show the current events; a body date may be background, like
    "February 24, 2022"); the day must then fall within `spread` days of it."""

    day: dt.date | None
    spread: int

    def resolve(self, mention: DateMention) -> dt.date | None:
        return mention.resolve(self.day, spread_days=self.spread)


def _year_anchor(text: str, meta: dt.date | None, captions: list[tuple[int, int]]) -> _YearAnchor:
    if meta is not None:
        return _YearAnchor(meta, 7)
    stated = [
        d for a, b in _current(text, captions) for m in find_date_mentions(text[a:b]) if (d := m.text_date) is not None
    ]
    return _YearAnchor(max(stated) if stated else None, 45)


_TITLE_LINE = re.compile(r"(?m)^[ \t]*[^\W\d_][^\n]*(?:\s+[^\s\d][^\s]*){3,}[ \t]*$")  # four words or more


def _stamp_or_dateline(
    lines: list[Dateline],
    meta: dt.date | None,
    anchor: _YearAnchor,
    text: str,
    text_day: TextDay | None,
    overruled: list[Dateline],
) -> PublicationDate | None:
    size = len(text)
    stamps: list[tuple[dt.date, Dateline]] = []
    for line in lines:
        # a bare date line is the page's stamp only in the page head or foot; inside the body it heads an
        # entry of a timeline
        # (a byline is the page's own however far down a scraper left it in the head)
        head = LEAD_CHARS if line.kind == "byline" else STAMP_HEAD_CHARS
        in_frame = line.start < head or line.end > size - STAMP_FOOT_CHARS
        unlabelled = line.kind in ("dated", "byline")
        if (line.kind == "published" or (unlabelled and in_frame)) and line.mention is not None:
            day = anchor.resolve(line.mention)
            if day is None:
                continue
            if unlabelled and _text_day_contradicts(day, text_day):
                overruled.append(line)  # a bare date months off the page's own day counter is the site's
                continue
            stamps.append((day, line))
    if stamps:
        day, line = _page_stamp(stamps, text)
        return _decide(day, meta, f'{line.kind} stamp "{line.text}"')
    wire = [
        (day, line)
        for line in lines
        if line.kind == "wire" and line.mention is not None
        if (day := anchor.resolve(line.mention)) is not None
    ]
    if wire:
        day, line = max(wire, key=lambda pair: pair[0])
        return _decide(day, meta, f'dateline "{line.text}"')
    for line in lines:
        if line.kind == "updated" and line.mention is not None and (day := anchor.resolve(line.mention)):
            # a page is updated after it is published: metadata on or before the update agrees with it
            if meta is not None and meta <= day + TOLERANCE:
                return PublicationDate(meta, False, f'metadata, before the update stamp "{line.text}"')
            return _decide(day, meta, f'updated stamp "{line.text}"')
    return None


def _page_stamp(stamps: list[tuple[dt.date, Dateline]], text: str) -> tuple[dt.date, Dateline]:
    """The first "Published" stamp; else, of bare date lines that disagree, the first below a title line: a
    date above the headline belongs to the site's top bar, not to the article."""
    published = [pair for pair in stamps if pair[1].kind == "published"]
    if published:
        return published[0]
    if any(abs(day - stamps[0][0]) > TOLERANCE for day, _ in stamps[1:]):
        for day, line in stamps:
            if _TITLE_LINE.search(text, 0, line.start):
                return day, line
    return stamps[0]


def _lead_date(
    text: str, skip: list[tuple[int, int]], meta: dt.date | None, anchor: _YearAnchor
) -> tuple[PublicationDate | None, tuple[dt.date, str] | None]:
    """An explicit date in the lead reports the main event, so it bounds the publication from below: a
    metadata day from that day to two days later agrees with it; one before it is contradicted. Without
    metadata it fixes no publication day (the story may have run days later) and comes back as the lead's day.
    """
    for mention in find_date_mentions(text[:LEAD_CHARS]):
        if _inside(mention.start, skip) or is_future_at(text, mention.start):
            continue
        if _BACKGROUND.search(text[max(0, mention.start - 40) : mention.start]):
            continue
        day = anchor.resolve(mention)
        if day is None:
            continue
        shown = text[mention.start : mention.end]
        if meta is None:
            return None, (day, f'lead date "{shown}"')
        if day <= meta:
            if (meta - day).days <= 2:
                return PublicationDate(meta, False, f'metadata, agreeing with the lead date "{shown}"'), None
            return None, None  # an older date in the lead is background, not a contradiction
        return _decide(day, meta, f'lead date "{shown}"'), None
    return None, None


def _lend_year(line: Dateline, day: dt.date) -> dt.date | None:
    return line.mention.resolve(day, spread_days=7) if line.mention is not None else None


def _caption_date(text: str, captions: list[tuple[int, int]], anchor: _YearAnchor) -> tuple[dt.date, str, bool] | None:
    """The latest dated photo caption, and whether it fixes the publication: it does when the text calls that
    attack "yesterday" (the document is from the day after); a caption date alone is only the photo's day."""
    best: tuple[dt.date, DateMention] | None = None
    for start, end in _current(text, captions):
        for mention in find_date_mentions(text[start:end]):
            day = anchor.resolve(mention)
            if day is not None and (best is None or day > best[0]):
                best = (day, replace(mention, start=start + mention.start, end=start + mention.end))
    if best is None:
        return None
    day, mention = best
    shown = text[mention.start : mention.end]
    if _ATTACK.search(_sentence_at(text, mention.start)):
        for m in _YESTERDAY.finditer(text):
            if not _inside(m.start(), captions) and _ATTACK.search(_sentence_at(text, m.start())):
                return day + dt.timedelta(days=1), f'caption date "{shown}" and the attack "yesterday"', True
    return day, f'caption date "{shown}"', False


def _lead_weekday(lead: str) -> tuple[int, str] | None:
    """The weekday a wire lead reports on, and the words that say so.

    Reuters and AP name the dateline's own day in the lead ("... hit Kharkiv on Saturday, killing three",
    "..., the mayor said on Saturday"). A reporting verb's weekday decides; else the lead's one weekday, unless
    it names the evening or night before ("late on Friday", "Friday night") or a day to come, which are not the
    dateline's day. Two different weekdays and no reporting verb decide nothing."""
    if m := _REPORTING_WEEKDAY.search(lead):
        return _WEEKDAYS.index(m.group(1).lower()), m.group(0)
    found: dict[int, str] = {}
    for m in _LEAD_WEEKDAY.finditer(lead):
        if m.group("late") or m.group("night") or is_future_at(lead, m.start()):
            continue
        found.setdefault(_WEEKDAYS.index(m.group("wd").lower()), m.group(0).strip())
    if len(found) != 1:
        return None
    return next(iter(found.items()))


def _year_from_reporting_weekday(text: str, lines: list[Dateline]) -> PublicationDate | None:
    """A year-less wire dateline whose own lead names the weekday it reports on.

    "KYIV, Oct 5 (Reuters) - ... hit Kharkiv on Sunday" fixes the year only if a single year since the war's
    start (and not after the present) has 5 October on a Sunday; otherwise the date stays unknown.
    """
    for line in lines:
        if line.kind != "wire" or line.date is not None or line.mention is None:
            continue
        end = text.find("\n", line.end)
        lead = text[line.end : end if end != -1 else len(text)]
        if not lead.strip(" \t-–—:"):  # the dateline ends its line: the lead is the next one
            nxt = text.find("\n", end + 1) if end != -1 else -1
            lead = text[end + 1 : nxt if nxt != -1 else len(text)] if end != -1 else ""
        cut = _SENTENCE_END.search(lead)
        found = _lead_weekday(lead[: cut.start() + 1 if cut else 400][:400])
        if found is None:
            continue
        weekday, words = found
        day = era_year(line.mention.month, line.mention.day, weekday)
        if day is not None:
            return PublicationDate(day, False, f'dateline "{line.text}" and "{words}" ({day.year})')
    return None


SETTLE_WINDOW = dt.timedelta(days=7)  # the two readings of "03.04.2025" are four weeks apart or more


def _settle_by_days(lines: list[Dateline], days: list[dt.date]) -> list[Dateline]:
    """Stamps whose numeric date the numbers, the site's other dates and its time zone left ambiguous, read the
    one way that puts them within a week of a day the text fixes otherwise (its metadata, its URL, a dated
    lead or caption, its war-day counter); when neither or both readings are, they stay ambiguous and date
    nothing."""
    out = []
    for line in lines:
        mention = line.mention
        if mention is not None and mention.ambiguous:
            near = [r for r in mention.readings() if any(abs(r - d) <= SETTLE_WINDOW for d in days)]
            settled = mention.settle_by(near[0]) if len(near) == 1 else None
            if settled is not None:
                line = replace(line, mention=settled, date=settled.text_date)
        out.append(line)
    return out


def _text_day_contradicts(day: dt.date | None, text_day: TextDay | None) -> bool:
    return day is not None and text_day is not None and abs(day - text_day.day) > TEXT_DAY_TOLERANCE


def _weigh_url(meta: dt.date | None, url_day: dt.date | None) -> tuple[dt.date | None, str]:
    """The metadata day, or the URL's: a URL path is written when the page is first published, so it also
    wins over a later metadata day (a modification time, a crawl stamp)."""
    if url_day is None:
        return meta, "metadata"
    if meta is None or url_day < meta - TOLERANCE:
        return url_day, "URL date"
    return meta, "metadata"


def publication_date(cleaned: CleanedText, metadata_date: str | None, url: str | None = None) -> PublicationDate:
    """The document's publication day, whether the metadata contradicts the text, and the evidence used; when
    nothing fixes the publication, the day the text says its news is from (`story_day`) or points near
    (`anchor`)."""
    text = _METADATA_TOKEN.sub(lambda m: " " * len(m.group(0)), cleaned.text, count=1)
    url = url or source_url(text)
    meta, meta_label = _weigh_url(parse_metadata_date(metadata_date), url_date(url))
    captions = caption_spans(cleaned)
    lines = [line for line in find_datelines(text) if not _inside(line.start, captions) or _agency_line(line)]

    counter = war_day(text)
    if any(line.mention is not None and line.mention.ambiguous for line in lines):
        known = [parse_metadata_date(metadata_date), url_date(url), counter.day if counter else None]
        known += [m.text_date for m in find_date_mentions(text)]
        lines = _settle_by_days(lines, [d for d in known if d is not None])
    anchor = _year_anchor(text, meta, captions)
    digest = digest_day(text, anchor.day or (counter.day if counter else None))
    text_day = digest[0] if digest else counter
    contradicted = _text_day_contradicts(meta, text_day)  # "day 458 of the war" on a page stamped months later
    if contradicted:
        meta, anchor = None, _year_anchor(text, None, captions)
    overruled: list[Dateline] = []
    found = _stamp_or_dateline(lines, meta, anchor, text, text_day, overruled)
    contradicted = contradicted or bool(overruled)
    if found is None and digest is not None and digest[0].own:
        # a live page or digest that dates itself ("Here is the situation on Wednesday, March 12, 2025") runs
        # on that day, like a page stamp
        found = _decide(digest[0].day, meta, digest[0].evidence)
    lead: tuple[dt.date, str] | None = None
    if found is None:
        skip = captions + [(line.start, line.end) for line in lines]
        found, lead = _lead_date(text, skip, meta, anchor)
        yearless = [line for line in lines if line.mention is not None and line.mention.year is None]
        if found is None and lead is not None and yearless:
            # "KYIV, Nov 19 (Reuters)": a lead date can lend the dateline its year, but one far from Nov 19
            # is background ("the war began on February 24, 2022") and fixes nothing
            fits = [(d, line) for line in yearless if (d := _lend_year(line, lead[0])) is not None]
            if fits:
                found = _decide(fits[0][0], meta, f'dateline "{fits[0][1].text}" in the lead\'s year')
    if found is None and meta is None:
        found = _year_from_reporting_weekday(text, lines)
    if found is not None:
        return _flag(found, contradicted)
    from_captions = _caption_date(text, captions, anchor)
    if from_captions is not None and from_captions[2]:  # the caption's attack was "yesterday"
        return PublicationDate(from_captions[0], meta is not None and meta != from_captions[0], from_captions[1])
    if meta is not None:
        if from_captions is not None and from_captions[0] > meta + TOLERANCE:
            # the photo is from after the metadata's day: the metadata is wrong, and a photo's day is only a
            # lower bound of the publication
            return PublicationDate(None, True, None, anchor=from_captions[0], anchor_evidence=from_captions[1])
        return PublicationDate(meta, False, meta_label)
    # nothing fixes the publication day: what the text says about its own day, for relative dates
    weak = lead or (from_captions[:2] if from_captions else None)
    if weak is None and counter is not None:
        weak = (counter.day, counter.evidence)
    return PublicationDate(
        None,
        contradicted,
        None,
        story_day=digest[0].day if digest else None,
        story_evidence=digest[0].evidence if digest else None,
        anchor=weak[0] if weak else None,
        anchor_evidence=weak[1] if weak else None,
    )


def _flag(found: PublicationDate, contradicted: bool) -> PublicationDate:
    return replace(found, conflict=True) if contradicted else found
