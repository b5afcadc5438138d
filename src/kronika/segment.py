"""Split a document into stories, each dated against its own dateline.

A document can hold several stories: wire copy that appends an earlier dispatch, a page that runs a second
short item under the first, a daily digest with one section per topic. Three rules open a new story:

    dateline    a dated wire dateline ("Kyiv, Ukraine (AFP) Nov 19, 2025 - ...") after the current story already
                has body text; the story starts at the headline line right above it when there is one
    headline    a late news headline (a toll with a count, or a trailing ", says Ukraine" attribution) whose
                next paragraph restates it: a second item without its own dateline (several such items make
                a live page or roll-up, whose items share the page's day)
    digest      short heading lines ("finding", "peace plan") each followed by a long paragraph, in a document
                that reads as a digest (lowercase machine-translated headings, or "Here's what happened ...")
Section sub-headings of one article ("Russia continues to make territorial gains") open nothing.

Reference days: a story's own dateline; else, for the first story, the publication day; a later story
without its own date gets None (its relative dates cannot be fixed), except a digest section, which shares
the digest's day. Where there is no reference day, the first story (and digest sections) keep the anchor the
text points near, for weekdays and year-less dates only.

Event days: the day a story's lead reports ("... killed 23 people yesterday"), read from its headline lines
and first body sentences; the story's undated sentences are about that day.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from kronika.dates import Dateline, caption_spans, find_datelines, lead_day
from kronika.models import CleanedText, Story

__all__ = ["split_stories"]

_SENTENCE_END = ".!?;:,…"
_TOLL = re.compile(r"(?i)\b(?:kills?|killed|wounds?|wounded|injures?|injured|dead|dies|die)\b")
_COUNT = re.compile(
    r"(?i)\b(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|scores|hundreds)\b"
)
_NAME = r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}"
_ATTRIBUTION = re.compile(  # ", says Ukraine", ", Kyiv says", " - officials"
    rf",\s+(?:says|said|claims|reports)\s+{_NAME}$|,\s+{_NAME}\s+(?:says|claims)$"
    r"|\s[-–—:]\s*(?:officials|police|governor|mayor|military|army|ministry|report)s?$"
)
_DIGEST_CUE = re.compile(
    r"(?i)here[’']s what (?:happened|we know)|what we know|key (?:events|developments)|main events"
    r"|\b\d[\d,]*(?:st|nd|rd|th) day\b|\bday \d[\d,]*\b|live updates|as it happened|round-?up|\bdigest\b"
)
_STOPWORDS = frozenset(
    {
        "the", "a", "an", "of", "in", "on", "at", "to", "for", "and", "or", "as", "by", "with", "from", "after",
        "over", "into", "says", "said", "say", "its", "their", "his", "her", "is", "are", "was", "were", "has",
        "have", "had", "be", "been", "this", "that",
    }
)  # fmt: skip
DIGEST_CUE_CHARS = 600  # a digest announces itself in its first lines
MIN_BODY_BEFORE_HEADLINE = 3  # paragraphs the current story needs before a headline can end it
MIN_BODY_BEFORE_DATELINE = 2  # a standfirst paragraph above the first dateline is not a story of its own
LEAD_SENTENCES = 3  # body sentences of a story read for the day its lead reports
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?])[\"”’']?\s+(?=[\"“‘(]?[A-Z0-9])")


@dataclass(slots=True)
class _Line:
    start: int
    end: int
    text: str
    caption: bool

    @property
    def words(self) -> list[str]:
        return self.text.split()


def _lines(cleaned: CleanedText) -> list[_Line]:
    captions = caption_spans(cleaned)
    out: list[_Line] = []
    pos = 0
    for raw in cleaned.text.split("\n"):
        stripped = raw.strip()
        if stripped:
            start = pos + (len(raw) - len(raw.lstrip()))
            caption = any(s <= start < e for s, e in captions)
            out.append(_Line(start, start + len(stripped), stripped, caption))
        pos += len(raw) + 1
    return out


def _is_body(line: _Line) -> bool:
    return not line.caption and (len(line.text) >= 120 or (len(line.words) >= 8 and line.text[-1] in ".!?\"”’'"))


def _is_headline(line: _Line) -> bool:
    """A title-like line: a few words, a capital first letter, no sentence ending."""
    words = line.words
    return (
        not line.caption
        and 3 <= len(words) <= 20
        and len(line.text) <= 150
        and line.text[0].isupper()
        and line.text[-1] not in _SENTENCE_END
        and not line.text.lower().startswith("by ")
    )


def _stems(text: str) -> set[str]:
    words = re.findall(r"[^\W_]+", text.lower())
    return {w[:4] for w in words if len(w) > 2 and w not in _STOPWORDS}


def _restates(headline: str, paragraph: str) -> bool:
    """Does the paragraph retell the headline? Half its content words (by 4-letter stem) must recur early."""
    head = _stems(headline)
    return bool(head) and len(head & _stems(paragraph[:400])) >= 0.5 * len(head)


def _is_news_headline(line: _Line) -> bool:
    """A headline of a separate news item rather than a section heading: it states a toll with a count or
    ends on an attribution, as item headlines do and section headings do not."""
    if not _is_headline(line):
        return False
    return bool(_ATTRIBUTION.search(line.text)) or bool(_TOLL.search(line.text) and _COUNT.search(line.text))


def _digest_headings(lines: list[_Line], text: str) -> list[int]:
    """Indexes of digest section headings, or [] when the document is not a digest.

    A heading is a short line (four words at most) over a paragraph. Two or more make a digest when the
    document announces itself as one ("the main events of ...", "Here's what happened") or when the headings
    are lowercase, as machine-translated digests print them (then over long paragraphs only)."""
    heads = [
        i
        for i, line in enumerate(lines[:-1])
        if not line.caption
        and 1 <= len(line.words) <= 4
        and len(line.text) <= 40
        and line.text[-1] not in _SENTENCE_END
        and not line.text.lower().startswith("by ")
        and not any(ch.isdigit() for ch in line.text)
        and len(lines[i + 1].text) >= 60
        and lines[i + 1].text[-1] in ".!?\"”’'"
    ]
    if len(heads) < 2:
        return []
    if _DIGEST_CUE.search(text[:DIGEST_CUE_CHARS]):
        return heads
    lowercase = all(lines[i].text[0].islower() and len(lines[i + 1].text) >= 150 for i in heads)
    return heads if lowercase else []


def _dateline_day(line: Dateline | None, published: dt.date | None) -> dt.date | None:
    """A dateline's day; a year-less one ("KYIV, Nov 19 (Reuters)") takes its year from the publication day."""
    if line is None or line.mention is None:
        return None
    return line.mention.resolve(published, spread_days=31) if line.date is None else line.date


def _leading_headline(lines: list[_Line], stamps: set[int]) -> str | None:
    """The document's own headline: the first title-like line above the body that is not a date stamp."""
    for line in lines:
        if _is_body(line):
            return None
        if line.start not in stamps and _is_headline(line):
            return line.text
    return None


@dataclass(slots=True)
class _Start:
    line: int  # index into the lines
    title: str | None
    dateline: Dateline | None
    digest: bool = False


def _story_starts(lines: list[_Line], text: str, by_line: dict[int, Dateline]) -> list[_Start]:
    heads = _digest_headings(lines, text)
    if heads:
        return [_Start(i, lines[i].text, None, digest=True) for i in heads]
    starts = [_Start(0, None, None)]
    body = 0  # body paragraphs in the current story
    for i, line in enumerate(lines):
        dateline = by_line.get(line.start) if not line.caption else None
        if dateline is not None:
            rest_is_body = len(line.text) - len(dateline.text) >= 80  # "Kyiv (AFP) Nov 19, 2025 - Russia ..."
            # a place-only dateline ("KYIV (AP) —") could not date a new story: it marks where copy starts
            if body >= MIN_BODY_BEFORE_DATELINE and dateline.mention is not None:
                above = lines[i - 1] if i > 0 else None
                if above is not None and i - 1 > starts[-1].line and _is_headline(above):
                    starts.append(_Start(i - 1, above.text, dateline))
                else:
                    starts.append(_Start(i, None, dateline))
                body = int(rest_is_body)
            else:
                if starts[-1].dateline is None:
                    starts[-1].dateline = dateline
                body += int(rest_is_body)
            continue
        following = lines[i + 1] if i + 1 < len(lines) else None
        if (
            body >= MIN_BODY_BEFORE_HEADLINE
            and following is not None
            and following.start not in by_line
            and _is_news_headline(line)
            and _restates(line.text, following.text)
        ):
            # other item headlines listed right above it ("Kyiv wakes up to aftermath of new attack") make the
            # page a live page, whose items share its day
            listed = i >= 2 and all(_is_headline(lines[j]) and not _is_body(lines[j]) for j in (i - 1, i - 2))
            starts.append(_Start(i, line.text, None, digest=listed))
            body = 0
            continue
        body += _is_body(line)
    items = [start for start in starts[1:] if start.dateline is None]
    if len(items) >= 2:
        # a run of undated items is a live page or a roll-up: its items share the page's day, like digest
        # sections; a single appended item is a separate, older story and stays undated
        for start in items:
            start.digest = True
    return starts


def _lead_sentences(lines: list[_Line], start: int, end: int, masked: list[tuple[int, int]]) -> list[str]:
    """The headline lines and first body sentences of the story at start..end, datelines and stamps blanked."""
    out: list[str] = []
    body = 0
    for line in lines:
        if line.start < start or line.caption:
            continue
        if line.start >= end or body >= LEAD_SENTENCES:
            break
        text = line.text
        for a, b in masked:
            if a < line.end and b > line.start:
                lo, hi = max(a, line.start) - line.start, min(b, line.end) - line.start
                text = text[:lo] + " " * (hi - lo) + text[hi:]
        if not text.strip():
            continue
        if text[-1] not in _SENTENCE_END and len(text) < 200:
            out.append(text)  # a headline or standfirst
            continue
        for sentence in _SENTENCE_SPLIT.split(text):
            if body < LEAD_SENTENCES:
                out.append(sentence)
                body += 1
    return out


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def split_stories(cleaned: CleanedText, published: dt.date | None, anchor: dt.date | None = None) -> list[Story]:
    """The stories of a document, in order, covering its whole text, each with its reference day, the day its
    lead reports and, without a reference day, the `anchor` day the text points near."""
    text = cleaned.text
    lines = _lines(cleaned)
    if not lines:
        return [Story(0, len(text), _iso(published), anchor_date=None if published else _iso(anchor))]
    datelines = find_datelines(text)
    wire = {d.start: d for d in datelines if d.kind == "wire"}
    stamps = {d.start for d in datelines}
    masked = [(d.start, d.end) for d in datelines]
    starts = _story_starts(lines, text, wire)
    stories: list[Story] = []
    for k, begin in enumerate(starts):
        start = 0 if k == 0 else lines[begin.line].start
        end = lines[starts[k + 1].line].start if k + 1 < len(starts) else len(text)
        day = _dateline_day(begin.dateline, published)
        first_or_section = k == 0 or begin.digest
        if day is None and first_or_section:
            day = published
        near = anchor if day is None and first_or_section else None
        lead = _lead_sentences(lines, lines[begin.line].start, end, masked)  # a digest's head is not its lead
        event_day = lead_day(lead, day, near)
        title = begin.title
        if k == 0 and title is None:
            title = _leading_headline(lines, stamps)
        stories.append(
            Story(
                start=start,
                end=end,
                reference_date=_iso(day),
                dateline=begin.dateline.text if begin.dateline else None,
                title=title,
                event_date=_iso(event_day) if event_day != day else None,
                anchor_date=_iso(near),
            )
        )
    return stories
