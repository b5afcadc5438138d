"""The day a sentence's event happened, relative to its story's reference day.

Expressions fall into three families:
    precise   fix one day: "on Thursday", "late Tuesday", "overnight", "yesterday", "(Nov 14)", "14 November"
    vague     say "around then" without fixing a day: "in recent weeks", "earlier this month", "since July",
              "in September", "between October 14 and November 11", "days after", "last week", "the 2022 offensive"
    false     look like dates and are not: "an earlier Thursday deadline", "the 1,371st day", "a 46-year-old",
              "24 hours", "7:00 am"
False expressions are blanked out first (keeping offsets), then the first precise expression wins; a sentence
with only vague ones is vague (None); a sentence with none leaves the story's reference day to the caller.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from kronika.dates._calendar import (
    DAY_RE,
    FULL_WEEKDAY_RE,
    MONTH_RE,
    MONTHS,
    YEAR_RE,
    at_word_starts,
    day_number,
    is_capitalised,
    last_weekday,
    make_date,
    month_number,
    next_weekday,
    weekday_number,
)
from kronika.dates.absolute import DateMention, find_date_mentions


@dataclass(frozen=True, slots=True)
class DateResolution:
    """`date` is the event day (None when it cannot be fixed), `expression` the words that said so, `vague`
    whether the sentence places the event only loosely in time (so the story's day must not be used)."""

    date: dt.date | None
    expression: str | None
    vague: bool


NO_EXPRESSION = DateResolution(None, None, False)

_WEEKDAY_WORDS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
_MONTH_WORDS = frozenset(MONTHS)
_UNIT_WORDS = frozenset({"day", "days", "week", "weeks", "month", "months", "year", "years", "weekend"})
_RELATIVE_WORDS = frozenset(
    {"yesterday", "today", "tonight", "tomorrow", "overnight", "night", "morning", "afternoon", "evening", "hours"}
)
_VAGUE_WORDS = _UNIT_WORDS | {"recent", "recently", "spring", "summer", "autumn", "fall", "winter", "start",
                              "beginning", "outbreak", "launch"}  # fmt: skip
# Cheap gate: a sentence sharing no word with this set (and holding no year-like number) cannot state a date,
# so the dozen regexes of the full analysis are skipped. Most sentences of a news story take this path; the
# words found also decide which regex families run at all.
_GATE_WORDS = _WEEKDAY_WORDS | _MONTH_WORDS | _RELATIVE_WORDS | _VAGUE_WORDS
_TOKEN = re.compile(r"[a-z]+")
_YEARISH = re.compile(r"(?:19|20)\d\d")

_MONTH_WORD = rf"(?<![\w-]){MONTH_RE}(?![\w-])"

# --- false expressions: blanked before anything else is looked at -------------------------------------------
_FALSE: list[tuple[frozenset[str], re.Pattern[str]]] = [
    # a 46-year-old man
    (frozenset({"year", "month", "week", "day", "hour", "old"}),
     re.compile(r"(?i)\b\d+(?:\.\d+)?[- ](?:year|month|week|day|hour)s?[- ]old\b")),
    (frozenset({"aged", "age"}), re.compile(r"(?i)\baged?\s+\d+")),
    # 24 hours: a duration, not a day
    (frozenset({"hour", "hours", "minute", "minutes", "second", "seconds"}),
     re.compile(r"(?i)\b(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|twelve|a few|several|\d+-)"
                r"\s*(?:-\s*)?(?:hours?|minutes?|seconds?)\b")),
    (frozenset({"am", "pm", "a", "p", "gmt"}),
     re.compile(r"(?i)\b\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s*\(\d{3,4}\s*GMT\))?|\b\d{1,2}\s*[ap]\.m\.")),
    # the 1,371st day, day 1,000, the first day of the offensive
    (frozenset({"day"}), re.compile(r"(?i)\b(?:the\s+)?[\d,]+(?:st|nd|rd|th)\s+day\b|\bday\s+\d[\d,]*\b")),
    (frozenset({"day"}),
     re.compile(r"(?i)\b(?:the\s+)?(?:first|second|third|last|final|same|next)\s+day\s+(?:of|since)\b")),
    # "an earlier Thursday deadline": a weekday naming a deadline, not the day something happened
    (_WEEKDAY_WORDS,
     re.compile(rf"\b{FULL_WEEKDAY_RE}(?:['’]s)?\s+(?i:deadline|ultimatum|cutoff|cut-off)s?\b"
                rf"|(?i:\b(?:an?|the|its|his|her|their)\s+(?:(?:earlier|previous|original|new)\s+)?){FULL_WEEKDAY_RE}"
                r"\s+(?i:target|vote|session|meeting\s+deadline)s?\b")),
    # "5000 soldiers a week": a rate
    (frozenset({"day", "week", "month", "year"}),
     re.compile(r"(?i)\b(?:per|a|each|every)\s+(?:day|week|month|year)\b(?!\s+(?:earlier|later|before|after|ago))")),
    (frozenset({"days", "weeks", "months", "years"}),
     re.compile(r"(?i)\b(?:for|within)\s+(?:days|weeks|months|years)\b")),
]  # fmt: skip

# --- vague expressions --------------------------------------------------------------------------------------
_RANGE = at_word_starts(
    rf"(?i:between|from)\s+(?:{MONTH_RE}\s+{DAY_RE}|{DAY_RE}\s+{MONTH_RE})(?:,?\s+{YEAR_RE})?\s+(?i:and|to|until|through)\s+"
    rf"(?:{MONTH_RE}\s+{DAY_RE}|{DAY_RE}\s+{MONTH_RE}|{DAY_RE})"
    rf"|{MONTH_RE}\s+{DAY_RE}\s*(?:-|–|to)\s*{DAY_RE}\b|\b{DAY_RE}\s*(?:-|–)\s*{DAY_RE}\s+{MONTH_RE}"
)
_VAGUE = at_word_starts(
    r"(?i)\b(?:in|over|during)\s+(?:the\s+)?(?:recent|past|last|coming|next|previous)\s+(?:few\s+|several\s+|two\s+|three\s+)?"
    r"(?:days|weeks|months|years)\b"
    r"|\b(?:earlier|later)\s+(?:this|that|in\s+the)\s+(?:week|month|year)\b"
    r"|\b(?:last|this|next|past|previous)\s+(?:month|year|weekend|spring|summer|autumn|fall|winter)\b"
    r"|\b(?:last|next|past|previous)\s+week\b|\bearlier\s+in\s+the\s+week\b"
    r"|\b(?:at|over|on)\s+the\s+weekend\b"
    r"|\b(?:days|weeks|months|years)\s+(?:after|before|later|earlier|ago|since|into)\b"
    r"|\b(?:a|one|two|three|four|several|a\s+few)\s+(?:weeks|months?|years?)\s+(?:ago|earlier|later)\b"
    r"|\brecent(?:ly)?\b(?!\s+(?:attack|strike|barrage|talks|meeting|visit)s?\b)"
    r"|\bsince\s+(?:the\s+)?(?:start|beginning|outbreak|launch|spring|summer|autumn|fall|winter)\b"
    r"|\b(?:early|mid|late)[- ](?:(?:19|20)\d\d|january|february|march|april|may|june|july|august|september"
    r"|october|november|december)\b"
)
_VAGUE_MONTH = at_word_starts(  # a month named without a day: "in September", "since July", "last March"
    rf"(?i:\b(?:in|since|by|until|till|from|during|through|last|this|next|early|late|mid|of|before|after)\s+)?"
    rf"{_MONTH_WORD}(?!\s*{DAY_RE}\b)(?:,?\s+{YEAR_RE})?"
)
_VAGUE_YEAR = at_word_starts(  # "in 2022", "since 2014", "the 2022 offensive", "of 2023"
    rf"(?i)\b(?:in|since|by|until|from|during|through|of|the|before|after|early|late|mid-?|summer|winter|spring"
    rf"|autumn|fall|its|a)\s+(?:of\s+)?{YEAR_RE}\b(?![\d,])(?!\s+(?:people|drones|missiles|soldiers|troops|civilians"
    rf"|residents|shells|homes|buildings|km|kilomet|miles|tonnes|tons)\b)"
)
_ANCHORED = re.compile(r"(?i)\b(?:since|until|till|by|through|before|after)\s+$")  # "since November 14": vague

# --- precise expressions ------------------------------------------------------------------------------------
_WEEKDAY = at_word_starts(
    rf"(?:(?P<mod>\b(?i:last|next|this|coming|past|on|late|early|earlier|later|(?:overnight|night)(?:\s+(?:in)?to|\s+on)?"
    rf"|early\s+hours\s+of|since|until|till|by|through))\s+)?"
    rf"\b(?P<wd>{FULL_WEEKDAY_RE})\b(?:'s|’s)?"
)
# a night that spans two days is dated by the morning after, as wire reports of overnight attacks are:
# "the night of Tuesday to Wednesday", "overnight from Monday into Tuesday", "Sunday night into Monday"
_NIGHT_SPAN = re.compile(
    rf"(?:(?i:night|overnight)\s+(?i:of|from|on)?\s*{FULL_WEEKDAY_RE}|{FULL_WEEKDAY_RE}\s+(?i:night|evening))"
    rf"\s+(?i:to|into|and)\s+(?P<wd>{FULL_WEEKDAY_RE})"
)
# "the night of November 18-19", "overnight on Nov 18 to 19": the second day (checked to follow the first)
_NIGHT_DATES = re.compile(
    rf"(?i:night|overnight)\s+(?i:of|on|from)?\s*(?P<month>{MONTH_RE})\s+(?P<d1>{DAY_RE})\s*(?:-|–|(?i:to|into|and))\s*"
    rf"(?P<d2>{DAY_RE})\b"
    rf"|(?i:night|overnight)\s+(?i:of|on|from)?\s*(?:the\s+)?(?P<e1>{DAY_RE})\s*(?:-|–|(?i:to|into|and))\s*"
    rf"(?P<e2>{DAY_RE})\s+(?P<emonth>{MONTH_RE})"
)
_RELATIVE: list[tuple[frozenset[str], re.Pattern[str], int]] = [
    (frozenset({"yesterday"}), re.compile(r"(?i)\b(?:the\s+)?day\s+before\s+yesterday\b"), -2),
    (frozenset({"tomorrow"}), re.compile(r"(?i)\bday\s+after\s+tomorrow\b"), 2),
    (frozenset({"yesterday"}), re.compile(r"(?i)\byesterday\b"), -1),
    (frozenset({"tomorrow"}), re.compile(r"(?i)\btomorrow\b"), 1),
    (frozenset({"today", "tonight", "morning", "afternoon", "evening"}),
     re.compile(r"(?i)\b(?:earlier\s+|later\s+)?today\b|\btonight\b|\bthis\s+(?:morning|afternoon|evening)\b"), 0),
    (frozenset({"overnight", "night", "hours"}),
     re.compile(r"(?i)\bovernight\b|\blast\s+night\b|\b(?:in|during)\s+the\s+early\s+hours\b(?!\s+of\b)"), 0),
    # "A day earlier he said ...": one day before the story's day, which is the narrative's "now"
    (frozenset({"day"}),
     re.compile(r"(?i)\b(?:a|one)\s+day\s+(?:earlier|before)\b|\bthe\s+(?:previous|preceding)\s+day\b"
                r"|\bthe\s+day\s+before\b"), -1),
    (frozenset({"day"}), re.compile(r"(?i)\b(?:a|one)\s+day\s+later\b|\bthe\s+(?:next|following)\s+day\b"), 1),
    (frozenset({"days"}), re.compile(r"(?i)\b(?:two|2)\s+days\s+(?:ago|earlier)\b"), -2),
    (frozenset({"days"}), re.compile(r"(?i)\b(?:three|3)\s+days\s+(?:ago|earlier)\b"), -3),
    (frozenset({"week"}), re.compile(r"(?i)\b(?:a|one)\s+week\s+(?:ago|earlier)\b"), -7),
]  # fmt: skip
_FUTURE = re.compile(
    r"(?i)\b(?:will|won't|shall|would)\b|['’]ll\b|\b(?:is|are|was|were)\s+(?:scheduled|set|due|expected|slated|planned"
    r"|going|poised)\s+to\b|\bplans?\s+to\b|\bplanned\s+to\b|\bintends?\s+to\b|\bupcoming\b|\bahead\s+of\b"
    r"|\b(?:scheduled|planned|set|slated|due|expected)\s+(?:for|on)\b"
)
# "the biggest attack since 2022", "for the first time since the start of the war": a comparison, not the time
# of the event, so the "since ..." phrase is blanked rather than read as vague
_SINCE_COMPARISON = at_word_starts(
    r"(?i)\b(?:first|biggest|largest|deadliest|heaviest|worst|most|highest|lowest|record|strongest|longest|"
    r"fiercest|major|only)\b[^.;:]{0,60}?\b(?P<since>since\s+(?:the\s+)?(?:(?:start|beginning|outbreak|launch)\s+of\s+"
    rf"(?:the\s+|its\s+|russia['’]s\s+)?(?:full-scale\s+)?(?:war|invasion|conflict|offensive)|{YEAR_RE}\b|"
    rf"{MONTH_RE}(?:\s+{YEAR_RE})?))"
)
_PAST_REPORT = re.compile(r"(?i)\b(?:said|told|announced|reported|wrote|posted|claimed|added|stated)\b")


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    if not spans:
        return text
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def is_future_at(sentence: str, pos: int) -> bool:
    """Is the word at `pos` governed by a future cue before it in the same clause ("is scheduled to meet Putin
    on Friday")? A reporting verb in between ("X, who will travel, said on Friday") breaks the link."""
    window = sentence[max(0, pos - 90) : pos]
    window = window[max(window.rfind(". "), window.rfind("\n"), window.rfind("? "), window.rfind("! ")) + 1 :]
    cues = list(_FUTURE.finditer(window))
    if not cues:
        return False
    return not _PAST_REPORT.search(window[cues[-1].end() :])


_ABBREVIATIONS = {"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}


def _year_for(month: int, day: int, reference: dt.date, future: bool) -> dt.date | None:
    """The year of a year-less date: news reports the past, so the latest such day not after the reference
    (two weeks of slack: a coming event is written without its year too); a future-tense sentence takes the
    first one from the day before."""
    candidates = [d for k in (-1, 0, 1) if (d := make_date(reference.year + k, month, day)) is not None]
    if future:
        later = [d for d in candidates if d >= reference - dt.timedelta(days=1)]
        return min(later) if later else None
    earlier = [d for d in candidates if d <= reference + dt.timedelta(days=14)]
    return max(earlier) if earlier else None


@dataclass(frozen=True, slots=True)
class _Found:
    start: int
    end: int
    date: dt.date | None
    precise: bool


def _night_dates(text: str) -> list[tuple[int, int, int, int]]:
    """(start, end, month, second day) of each "night of November 18-19" whose two days follow each other."""
    out = []
    for m in _NIGHT_DATES.finditer(text):
        month = month_number(m.group("month") or m.group("emonth"))
        first, second = (day_number(m.group(a) or m.group(b)) for a, b in (("d1", "e1"), ("d2", "e2")))
        if month is not None and second == first + 1:
            out.append((m.start(), m.end(), month, second))
    return out


def _precise(
    sentence: str, text: str, mentions: list[DateMention], words: set[str], reference: dt.date | None
) -> list[_Found]:
    """Expressions that name a day in `text` (the sentence with false and range spans blanked); a weekday
    anchoring a span ("since Sunday") comes back as not precise."""
    found: list[_Found] = []
    for start, end, month, second in _night_dates(text) if words & _MONTH_WORDS else ():
        day = _year_for(month, second, reference, is_future_at(sentence, start)) if reference else None
        found.append(_Found(start, end, day, True))
    nights = [(f.start, f.end) for f in found]
    for mention in (mn for mn in mentions if all(mn.end <= a or mn.start >= b for a, b in nights)):
        if _ANCHORED.search(text[max(0, mention.start - 10) : mention.start]):
            continue  # "since November 14" is handled as vague
        if mention.year is not None:
            day = mention.text_date
        elif reference is not None:
            day = _year_for(mention.month, mention.day, reference, is_future_at(sentence, mention.start))
        else:
            day = None
        if day is not None and not mention.weekday_agrees(day):
            day = None  # "Friday, Nov 13" in a year where that is a Thursday: do not pick either
        found.append(_Found(mention.start, mention.end, day, True))
    taken = [(f.start, f.end) for f in found]

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    weekdays = bool(words & _WEEKDAY_WORDS)
    for m in _NIGHT_SPAN.finditer(text) if weekdays else ():
        if free(m.start(), m.end()):
            wd = weekday_number(m.group("wd"))
            day = last_weekday(reference, wd) if reference and wd is not None else None
            found.append(_Found(m.start(), m.end(), day, True))
            taken.append((m.start(), m.end()))
    for m in _WEEKDAY.finditer(text) if weekdays else ():
        if not free(m.start("wd"), m.end("wd")):
            continue
        wd = weekday_number(m.group("wd"))
        mod = (m.group("mod") or "").lower()
        possessive = m.group(0).endswith(("'s", "’s"))  # "damaged by Sunday's strike" names the day
        if mod in ("since", "until", "till", "by", "through") and not possessive:
            found.append(_Found(m.start(), m.end(), None, False))  # "since Sunday": a span; "by Friday": a deadline
            taken.append((m.start(), m.end()))
            continue
        day = None
        if reference is not None and wd is not None:
            if mod in ("next", "coming"):
                day = next_weekday(reference, wd, strictly_after=True)
            elif mod in ("last", "past"):
                day = last_weekday(reference, wd, strictly_before=True)
            elif is_future_at(sentence, m.start()):
                day = next_weekday(reference, wd)
            else:
                day = last_weekday(reference, wd)
        found.append(_Found(m.start(), m.end(), day, True))
        taken.append((m.start(), m.end()))
    for triggers, pattern, offset in _RELATIVE:
        for m in pattern.finditer(text) if words & triggers else ():
            if free(m.start(), m.end()):
                day = reference + dt.timedelta(days=offset) if reference is not None else None
                found.append(_Found(m.start(), m.end(), day, True))
                taken.append((m.start(), m.end()))
    return found


def _vague(text: str, words: set[str], yearish: bool) -> list[_Found]:
    found = []
    if words & _VAGUE_WORDS or yearish:
        found.extend(_Found(m.start(), m.end(), None, False) for m in _VAGUE.finditer(text))
    for m in _VAGUE_MONTH.finditer(text) if words & _MONTH_WORDS else ():
        parts = m.group(0).split()
        month_word = next((w for w in parts if re.fullmatch(MONTH_RE, w)), "")
        if not is_capitalised(month_word) or len(month_word.rstrip(".")) < 3:
            continue
        if month_word == "May" and len(parts) == 1:
            continue  # "May" alone is the modal verb far more often than the month
        found.append(_Found(m.start(), m.end(), None, False))
    if yearish:
        found.extend(_Found(m.start(), m.end(), None, False) for m in _VAGUE_YEAR.finditer(text))
    return found


def _expression(sentence: str, found: _Found) -> str:
    words = sentence[found.start : found.end].strip()
    # MONTH_RE keeps the dot of "Nov."; a full word ending a sentence ("since July.") does not need it
    if words.endswith(".") and words.split()[-1][:-1].lower() not in _ABBREVIATIONS:
        return words[:-1]
    return words


@lru_cache(maxsize=8192)
def resolve_date(sentence: str, reference: dt.date | None) -> DateResolution:
    """The event day a sentence states, relative to its story's `reference` day.

    Past-tense weekday = the most recent such day on or before the reference; future-tense ("will", "is
    scheduled to", "next") = the next one on or after it. Without a reference, relative expressions give no
    date (the expression is still reported) while dates with a stated year still resolve.
    """
    words = set(_TOKEN.findall(sentence.lower()))
    yearish = _YEARISH.search(sentence) is not None
    if not (words & _GATE_WORDS or yearish):
        return NO_EXPRESSION
    blanks = [
        (m.start(), m.end()) for triggers, pattern in _FALSE if words & triggers for m in pattern.finditer(sentence)
    ]
    if "since" in words:
        blanks.extend(m.span("since") for m in _SINCE_COMPARISON.finditer(sentence))
    text = _blank(sentence, blanks)
    ranges = [(m.start(), m.end()) for m in _RANGE.finditer(text)] if words & _MONTH_WORDS else []
    if ranges and ("night" in words or "overnight" in words):
        nights = [(a, b) for a, b, _, _ in _night_dates(text)]
        ranges = [r for r in ranges if not any(a <= r[0] < b for a, b in nights)]
    text_no_ranges = _blank(text, ranges)
    mentions = find_date_mentions(text_no_ranges) if words & _MONTH_WORDS or yearish else []
    named = _precise(sentence, text_no_ranges, mentions, words, reference)
    precise = [f for f in named if f.precise]
    vague_spans = [_Found(s, e, None, False) for s, e in ranges] + _vague(text_no_ranges, words, yearish)
    vague_spans += [f for f in named if not f.precise]
    # a precise expression that sits inside a vague one ("days after Tuesday") is not precise
    precise = [p for p in precise if not any(v.start <= p.start and p.end <= v.end for v in vague_spans)]
    if precise:
        first = min(precise, key=lambda f: f.start)
        return DateResolution(first.date, _expression(sentence, first), False)
    # "since November 14", "until March 3": a stated day that anchors a span rather than the event
    for mention in mentions:
        vague_spans.append(_Found(mention.start, mention.end, None, False))
    if vague_spans:
        first = min(vague_spans, key=lambda f: f.start)
        return DateResolution(None, _expression(sentence, first), True)
    return NO_EXPRESSION
