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
    era_year,
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
    relative: bool = False  # the day was counted from the reference ("on Friday", "yesterday"), not stated
    future: bool = False  # the expression is governed by a future cue ("will meet on Friday")
    partial: str | None = None  # what it fixes short of a day: "--03-08" ("on March 8", no year), "2024-09"
    weekday: int | None = None  # the ISO weekday it names (1 = Monday), with or without a date
    of_attack: bool = False  # the day is an attack's own: "Saturday's strike", "the strike on the block on Saturday"


NO_EXPRESSION = DateResolution(None, None, False)

_WEEKDAY_WORDS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
_MONTH_WORDS = frozenset(MONTHS)
_UNIT_WORDS = frozenset({"day", "days", "week", "weeks", "month", "months", "year", "years", "weekend"})
_RELATIVE_NIGHT = frozenset({"overnight", "night", "hours"})  # the words of "overnight", "last night"
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
_AS_OF = re.compile(r"(?i)\bas\s+of\s+(?:the\s+)?$")
_CAUSE_WORDS = frozenset({"after", "before", "due", "because", "response", "retaliation", "following"})
_BACKGROUND_CAUSE = re.compile(
    r"(?i)\b(?:(?:after|before)\s+(?!midnight|dawn|noon|dark)[a-z]+ing\b|due\s+to(?=\s+(?:the|an?|its|their|his|her)\s)"
    r"|because\s+of|in\s+(?:response|retaliation)\s+(?:to|for)|following(?!\s+(?:day|week|morning|night|evening)))"
    r"\s[^,;.]*"
)
_BACKGROUND_AFTER = re.compile(
    r"(?i)\b(?:(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|a\s+few|just|only|\d+)\s+"
    r"(?:hours?|days?|weeks?|months?|years?)|hours|days|weeks|months|years)\s+(?:after|before|since|into)\s+"
    r"(?!yesterday|tomorrow)(?=\w)[^,;.]*"
)
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
    # "weeks after Moscow's forces withdrew", "a day after missiles rocked Kyiv", "three years into the war": the
    # phrase dates a background event against the news, not the news itself
    (_UNIT_WORDS | {"hour", "hours"}, _BACKGROUND_AFTER),
    # "Russia's full-scale invasion, launched in 2022": the war's start as background
    (frozenset({"invasion", "war", "annexation"}),
     re.compile(r"(?i)\b(?:invasion|war|annexation)(?:\s+of\s+(?:ukraine|crimea))?(?:,?\s+(?:which|that)\s+(?:was\s+)?"
                r"(?:launched|began|begun|started)|,\s+(?:launched|begun|started))?\s+(?:in|on)\s+(?:(?:late|early)\s+)?"
                r"(?:february\s+(?:24(?:th)?,?\s+)?)?(?:2014|2022)\b")),
    # "the recently-appointed minister": an adjective, not the time of the sentence's event
    (frozenset({"recently", "newly"}),
     re.compile(r"(?i)\b(?:recently|newly)(?:-\w+|\s+(?:appointed|elected|named|installed|inaugurated)\b)")),
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
    r"|\b(?:days|weeks|months|years)\s+(?:later|earlier|ago)\b"
    r"|\b(?:a|one|two|three|four|several|a\s+few)\s+(?:weeks|months?|years?)\s+(?:ago|earlier|later)\b"
    r"|\brecent(?:ly)?\b(?!-|\s+(?:attack|strike|barrage|talks|meeting|visit)s?\b)"
    # "the weekend strike", "the weekend's attack": a strike dated only to a weekend
    r"|\b(?:the\s+)?weekend(?:['’]s)?\s+(?:[\w-]+\s+){0,3}?(?:attack|strike|barrage|shelling|bombardment|assault)s?\b"
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
    (_RELATIVE_NIGHT,
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
    relative: bool = False
    future: bool = False
    partial: str | None = None
    weekday: int | None = None  # 0 = Monday, as in datetime


@dataclass(frozen=True, slots=True)
class _Frame:
    """The days a sentence's expressions count from: `reference` (the story's "now"), `night` (the night the
    story's news came from, for "overnight"), `report` (the day the sentence's own reporting verb states: in
    "Russia fired 100 drones overnight, officials said yesterday" the night is yesterday's), and `weak` (the
    reference is only an anchor: weekdays and year-less dates may resolve against it, offsets may not)."""

    reference: dt.date | None
    night: dt.date | None
    report: dt.date | None
    weak: bool

    def offset(self, days: int, night: bool) -> dt.date | None:
        if self.weak or self.reference is None:
            return None
        if days == 0 and self.report is not None:
            return self.report
        base = (self.night or self.reference) if night else self.reference
        return base + dt.timedelta(days=days)


# a reporting verb with its day: "officials said yesterday", "the air force said on Sunday", "told AFP Friday"
_REPORT_DAY = at_word_starts(
    rf"(?i)\b(?:said|says|told|announced|reported|wrote|posted|stated|confirmed|added)\b(?:\s+[\w'’-]+){{0,3}}?"
    rf"\s+(?:(?P<yesterday>yesterday)|(?:on\s+)?(?P<wd>{FULL_WEEKDAY_RE}))\b(?!['’]s|\s+(?:night|evening))"
)
# an Air Force report "from 18:00 on January 14" or "from 7 p.m. on Wednesday" counts the night that began
# that evening: its attack is the next morning's
_EVENING_START = re.compile(
    r"(?i)\b(?:from|since|starting(?:\s+(?:at|from))?)\s+(?P<h>\d{1,2})(?:[:.]\d{2})?\s*(?P<pm>[ap]\.?\s?m\.?)?"
    r"\s*(?:\([^)]{0,12}\)\s*)?(?:(?:local|kyiv|moscow)\s+time\s+)?(?:on\s+)?(?:the\s+evening\s+of\s+)?$"
)
# a date that modifies a noun rather than the sentence's verb: "invited him to the summit scheduled for March 6"
_NOUN_SCHEDULE = re.compile(
    r"(?i)(?<!\bis\s)(?<!\bare\s)(?<!\bwas\s)(?<!\bwere\s)(?<!\bbe\s)(?<!\bbeen\s)"
    r"\b(?P<cue>scheduled|slated|planned|set|due)\s+(?:for|on)\s+(?:the\s+)?$"
)
# a death toll update: the day the count rose is the report's; the strike's own day is what the event needs
_TOLL_UPDATE = re.compile(
    r"(?i)\b(?:toll|number\s+of\s+(?:the\s+)?(?:dead|deaths|fatalities|victims|people\s+killed|those\s+killed))\b"
    r"[^.;]{0,160}?\b(?:rose|risen|rises|climbed|climbs|increased|reached|reaches|jumped|grew|stood|stands)\b"
    r"|\b(?:raising|raised|bringing|brought|pushing|pushed|taking|took)\s+the\s+(?:death\s+)?toll\b"
)
# a reporting verb right before a date: "authorities reported Sunday (...) that the toll rose": the count's day
_REPORTED_JUST_BEFORE = re.compile(
    r"(?i)\b(?:said|says|reported|reports|announced|told|confirmed|stated|wrote|added)\s+(?:on\s+)?$"
)
_TOLL_WORDS = frozenset({"toll", "tolls", "fatalities", "dead", "deaths", "victims", "killed"})
_CASUALTY_WORDS = frozenset({"killed", "dead", "died", "wounded", "injured", "injuring", "killing", "toll"})
_ATTACK_NOUN = r"(?:attack|strike|barrage|shelling|bombardment|assault|explosion|blast)s?"
_ATTACK_WORDS = frozenset(
    {"attack", "attacks", "strike", "strikes", "barrage", "shelling", "bombardment", "assault", "explosion", "blast"}
)
_ATTACK_NOUN_RE = re.compile(rf"(?i)\b{_ATTACK_NOUN}\b")
_ATTACK_DATED = re.compile(
    rf"\b{FULL_WEEKDAY_RE}(?:['’]s)?\s+(?:[\w-]+\s+){{0,3}}?{_ATTACK_NOUN}\b"
    rf"|(?i:\b{_ATTACK_NOUN})\s+(?:(?:on|in|at)\s+(?:the\s+)?[\w'’-]+(?:\s+[\w'’-]+){{0,3}}?\s+)?(?:on|of)\s+"
    rf"(?:{FULL_WEEKDAY_RE}|{MONTH_RE}\s+{DAY_RE}|{DAY_RE}\s+{MONTH_RE})"
)


_TO_DATE = re.compile(r"\s*(?:on|of|into|to)?\s*(?:the\s+)?", re.IGNORECASE)


def _names_its_date(text: str, end: int, dated_at: set[int]) -> bool:
    """Does a stated date follow "overnight" / "last night" at `end` ("overnight on March 14")?"""
    m = _TO_DATE.match(text, end)
    return m is not None and m.end() in dated_at


def _count_day(text: str, found: _Found) -> bool:
    """In a toll update, is this the day of the count? It is when it follows the verb of the rise ("rose to 31
    on Monday"), stands by a reporting verb ("reported Sunday that ..."), or is the night of the search that
    raised the toll; a day between the toll and its verb ("the number killed in the attack on October 10
    increased to 19") is the attack's."""
    m = _TOLL_UPDATE.search(text)
    if m is None:
        return False
    if found.start >= m.end() or _REPORTED_JUST_BEFORE.search(text, max(0, found.start - 30), found.start):
        return True
    return found.relative and found.start < m.start()


def _night_dates(text: str) -> list[tuple[int, int, int, int]]:
    """(start, end, month, second day) of each "night of November 18-19" whose two days follow each other."""
    out = []
    for m in _NIGHT_DATES.finditer(text):
        month = month_number(m.group("month") or m.group("emonth"))
        first, second = (day_number(m.group(a) or m.group(b)) for a, b in (("d1", "e1"), ("d2", "e2")))
        if month is not None and second == first + 1:
            out.append((m.start(), m.end(), month, second))
    return out


def _report_day(text: str, reference: dt.date | None) -> dt.date | None:
    if reference is None:
        return None
    m = _REPORT_DAY.search(text)
    if m is None or is_future_at(text, m.start()):
        return None
    if m.group("yesterday"):
        return reference - dt.timedelta(days=1)
    wd = weekday_number(m.group("wd"))
    return last_weekday(reference, wd) if wd is not None else None


def _evening_start(sentence: str, pos: int) -> bool:
    m = _EVENING_START.search(sentence, max(0, pos - 50), pos)
    if m is None:
        return False
    hour = int(m.group("h"))
    if m.group("pm") and m.group("pm").lower().startswith("p") and hour < 12:
        hour += 12
    return 17 <= hour <= 23


def _modifies_noun(sentence: str, pos: int) -> bool:
    m = _NOUN_SCHEDULE.search(sentence, max(0, pos - 30), pos)
    return m is not None and not is_future_at(sentence, m.start("cue"))


def _precise(sentence: str, text: str, mentions: list[DateMention], words: set[str], frame: _Frame) -> list[_Found]:
    """Expressions that name a day in `text` (the sentence with false and range spans blanked); a weekday
    anchoring a span ("since Sunday") comes back as not precise."""
    reference = frame.reference
    found: list[_Found] = []
    for start, end, month, second in _night_dates(text) if words & _MONTH_WORDS else ():
        future = is_future_at(sentence, start)
        day = _year_for(month, second, reference, future) if reference else None
        found.append(_Found(start, end, day, True, future=future, partial=f"--{month:02d}-{second:02d}"))
    nights = [(f.start, f.end) for f in found]
    for mention in (mn for mn in mentions if all(mn.end <= a or mn.start >= b for a, b in nights)):
        if _ANCHORED.search(text[max(0, mention.start - 10) : mention.start]):
            continue  # "since November 14" is handled as vague
        future = is_future_at(sentence, mention.start)
        if mention.year is not None:
            day = mention.text_date
        elif reference is not None:
            day = _year_for(mention.month, mention.day, reference, future)
        elif mention.weekday is not None:
            # "On Saturday, 19 August" with no day to count from: the one year of the war it fits, if one
            day = era_year(mention.month, mention.day, mention.weekday)
        else:
            day = None
        if day is not None and not mention.weekday_agrees(day):
            day = None  # "Friday, Nov 13" in a year where that is a Thursday: do not pick either
        if day is not None and _evening_start(sentence, mention.start):
            day += dt.timedelta(days=1)
        partial = f"--{mention.month:02d}-{mention.day:02d}" if mention.year is None else None
        found.append(
            _Found(mention.start, mention.end, day, True, future=future, partial=partial, weekday=mention.weekday)
        )
    taken = [(f.start, f.end) for f in found]

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    weekdays = bool(words & _WEEKDAY_WORDS)
    for m in _NIGHT_SPAN.finditer(text) if weekdays else ():
        if free(m.start(), m.end()):
            wd = weekday_number(m.group("wd"))
            day = last_weekday(reference, wd) if reference and wd is not None else None
            found.append(_Found(m.start(), m.end(), day, True, relative=True, weekday=wd))
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
        if _modifies_noun(sentence, m.start("wd")):
            taken.append((m.start(), m.end()))
            continue
        day = None
        future = is_future_at(sentence, m.start())
        if reference is not None and wd is not None:
            if mod in ("next", "coming"):
                day, future = next_weekday(reference, wd, strictly_after=True), True
            elif mod in ("last", "past"):
                day = last_weekday(reference, wd, strictly_before=True)
            elif future:
                day = next_weekday(reference, wd)
            else:
                day = last_weekday(reference, wd)
            if _evening_start(sentence, m.start()):
                day += dt.timedelta(days=1)
        found.append(_Found(m.start(), m.end(), day, True, relative=True, future=future, weekday=wd))
        taken.append((m.start(), m.end()))
    dated_at = {f.start for f in found if f.precise and not f.relative}
    for triggers, pattern, offset in _RELATIVE:
        for m in pattern.finditer(text) if words & triggers else ():
            if dated_at and triggers is _RELATIVE_NIGHT and _names_its_date(text, m.end(), dated_at):
                continue  # "overnight on March 14": the night is the stated date's, known or not
            if free(m.start(), m.end()):
                day = frame.offset(offset, night=triggers is _RELATIVE_NIGHT)
                future = offset > 0 or is_future_at(sentence, m.start())
                found.append(_Found(m.start(), m.end(), day, True, relative=True, future=future))
                taken.append((m.start(), m.end()))
    return found


_IN_MONTH = re.compile(rf"(?i:(?:in|during|early|mid|late)[\s-]+)?(?P<month>{MONTH_RE})(?:,?\s+(?P<year>{YEAR_RE}))?$")


def _month_partial(words: str, reference: dt.date | None) -> str | None:
    """ "in September 2024" -> "2024-09"; "in September" -> the latest September not after the reference;
    "since July" and "by March" place a span, not the event, and fix no month."""
    m = _IN_MONTH.match(words)
    if m is None or (m.start("month") == 0 and not m.group("year")):
        return None
    month = month_number(m.group("month"))
    if month is None:
        return None
    if m.group("year"):
        return f"{m.group('year')}-{month:02d}"
    if reference is None:
        return None
    year = reference.year if month <= reference.month else reference.year - 1
    return f"{year}-{month:02d}"


def _vague(text: str, words: set[str], yearish: bool, reference: dt.date | None = None) -> list[_Found]:
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
        partial = _month_partial(m.group(0).strip(), reference)
        found.append(_Found(m.start(), m.end(), None, False, partial=partial))
    if yearish:
        found.extend(_Found(m.start(), m.end(), None, False) for m in _VAGUE_YEAR.finditer(text))
    return found


def _expression(sentence: str, found: _Found) -> str:
    words = sentence[found.start : found.end].strip()
    # MONTH_RE keeps the dot of "Nov."; a full word ending a sentence ("since July.") does not need it
    if words.endswith(".") and words.split()[-1][:-1].lower() not in _ABBREVIATIONS:
        return words[:-1]
    return words


_QUOTES = " \t\"“‘'«"
_CONDITIONAL = re.compile(r"[\s\"“‘'«]*If\s")
_MODAL_IF = re.compile(r"(?i)\b(?:can|could|would|might)\b.*\bif\b|\bif\b.*\b(?:can|could|would|might)\b")

# ", which Ukrainian forces had recently liberated": a clause about something else, whose vague words do not
# make the sentence's own event vague
_ASIDE = re.compile(r",\s+(?:which|who|whose|where)\b[^,;.]*")


@lru_cache(maxsize=8192)
def resolve_date(
    sentence: str, reference: dt.date | None, night: dt.date | None = None, weak: bool = False
) -> DateResolution:
    """The event day a sentence states, relative to its story's `reference` day.

    Past-tense weekday = the most recent such day on or before the reference; future-tense ("will", "is
    scheduled to", "next") = the next one on or after it. "Overnight" is the night of `night` when given (the
    day the story's news is from), else of the reference; a reporting verb's own day ("officials said
    yesterday") takes its place. Without a reference, relative expressions give no date (the expression is
    still reported) while dates with a stated year still resolve; with a `weak` reference (only an anchor
    near the story's day) weekdays and year-less dates resolve but "yesterday" and "overnight" do not.
    """
    if _CONDITIONAL.match(sentence):  # "If Russian forces take the town, it would ...": nothing that happened
        return DateResolution(None, sentence.lstrip(_QUOTES)[:2], True)
    words = set(_TOKEN.findall(sentence.lower()))
    yearish = _YEARISH.search(sentence) is not None
    if not (words & _GATE_WORDS or yearish):
        return NO_EXPRESSION
    toll_update = bool(words & _TOLL_WORDS) and _TOLL_UPDATE.search(sentence) is not None
    # in a toll update, "two days after the strike on Saturday" dates the very strike the toll is of
    rules = [rule for rule in _FALSE if not (toll_update and rule[1] is _BACKGROUND_AFTER)]
    blanks = [
        (m.start(), m.end()) for triggers, pattern in rules if words & triggers for m in pattern.finditer(sentence)
    ]
    if "since" in words:
        blanks.extend(m.span("since") for m in _SINCE_COMPARISON.finditer(sentence))
    text = _blank(sentence, blanks)
    ranges = [(m.start(), m.end()) for m in _RANGE.finditer(text)] if words & _MONTH_WORDS else []
    if ranges and ("night" in words or "overnight" in words):
        nights = [(a, b) for a, b, _, _ in _night_dates(text)]
        ranges = [r for r in ranges if not any(a <= r[0] < b for a, b in nights)]
    text_no_ranges = _blank(text, ranges)
    mentions = find_date_mentions(text_no_ranges, ambiguous=True) if words & _MONTH_WORDS or yearish else []
    # "on 03.04.2025" with nothing in the sentence to settle the order: a date the sentence states but no day
    unsettled = [_Found(m.start, m.end, None, False) for m in mentions if m.ambiguous]
    if unsettled:
        mentions = [m for m in mentions if not m.ambiguous]
    if mentions and ("for" in words or "on" in words):
        # "invited him to the summit scheduled for March 6": the summit's day, not the invitation's
        nouns = [m for m in mentions if _modifies_noun(sentence, m.start)]
        if nouns:
            mentions = [m for m in mentions if m not in nouns]
            text_no_ranges = _blank(text_no_ranges, [(m.start, m.end) for m in nouns])
    report = None if weak or not (words & _RELATIVE_WORDS) else _report_day(text_no_ranges, reference)
    frame = _Frame(reference, night, report, weak)
    named = _precise(sentence, text_no_ranges, mentions, words, frame)
    precise = [f for f in named if f.precise]
    vague_spans = [_Found(s, e, None, False) for s, e in ranges]
    vague_spans += _vague(text_no_ranges, words, yearish, None if weak else reference)
    if "," in sentence and vague_spans:
        asides = [m.span() for m in _ASIDE.finditer(text_no_ranges)]
        vague_spans = [v for v in vague_spans if not any(a <= v.start < b for a, b in asides)]
    vague_spans += [f for f in named if not f.precise] + unsettled
    # a precise expression that sits inside a vague one ("days after Tuesday") is not precise
    precise = [p for p in precise if not any(v.start <= p.start and p.end <= v.end for v in vague_spans)]
    if precise and words & _CAUSE_WORDS:
        # "after launching an incursion on August 6", "due to the violation of its airspace on September 13": the
        # day of the cause or the earlier deed, not of the sentence's own event (a vague one there still tells
        # that the event the phrase names is not dated)
        causes = [m.span() for m in _BACKGROUND_CAUSE.finditer(text_no_ranges)]
        if causes and words & _CASUALTY_WORDS:
            # "30 were killed following a missile strike on a block on January 14": the toll's own strike, whose
            # day is the sentence's
            struck = [m.start() for m in _ATTACK_DATED.finditer(text_no_ranges)]
            causes = [(a, b) for a, b in causes if not any(a <= s < b for s in struck)]
        precise = [p for p in precise if not any(a <= p.start < b for a, b in causes)]
        mentions = [m for m in mentions if not any(a <= m.start < b for a, b in causes)]
    if len(precise) > 1 and "as" in words:
        # "As of Tuesday morning, 18 were killed in the attack on the mall on Monday, June 27": the count's day
        # gives way to the day of the deed
        deeds = [p for p in precise if not _AS_OF.search(text_no_ranges, max(0, p.start - 12), p.start)]
        precise = deeds or precise
    if toll_update:
        # "the toll from Friday's strike rose to 40 on Sunday": the strike's day, not the count's
        dated = [m.span() for m in _ATTACK_DATED.finditer(text_no_ranges)]
        own = [p for p in precise if any(a <= p.start < b for a, b in dated)]
        if own:
            precise = own
        elif any(v.start < v.end and _ATTACK_NOUN_RE.search(text_no_ranges, v.start, v.end) for v in vague_spans):
            # "the toll from the weekend strike rose to 35, officials said on Monday"
            first = min(vague_spans, key=lambda f: f.start)
            return DateResolution(None, _expression(sentence, first), True, of_attack=True)
        elif precise and all(_count_day(text_no_ranges, p) for p in precise):
            # "officials reported on Sunday that the number of dead had risen to 21", "the toll rose to 31 on
            # Monday", "pulled bodies out overnight, raising the death toll to 31": the day of the count, not of
            # the strike, which the sentence leaves to the rest of the story
            first = min(precise, key=lambda f: f.start)
            return DateResolution(None, _expression(sentence, first), True, of_attack=True)
    if precise:
        first = min(precise, key=lambda f: f.start)
        if first.future and "if" in words and _MODAL_IF.search(sentence):
            # "Russia can start talks even tomorrow, if it leaves our land": a condition, not a plan
            return DateResolution(None, _expression(sentence, first), True, True, True)
        iso = first.weekday + 1 if first.weekday is not None else None
        partial = first.partial if first.date is None else None
        expression = _expression(sentence, first)
        of_attack = bool(words & _ATTACK_WORDS) and any(
            a <= first.start < b for a, b in (m.span() for m in _ATTACK_DATED.finditer(text_no_ranges))
        )
        return DateResolution(first.date, expression, False, first.relative, first.future, partial, iso, of_attack)
    # "since November 14", "until March 3": a stated day that anchors a span rather than the event
    for mention in mentions:
        vague_spans.append(_Found(mention.start, mention.end, None, False))
    if vague_spans:
        first = min(vague_spans, key=lambda f: f.start)
        partials = {v.partial for v in vague_spans if v.partial}  # one month named, and nothing else vaguer
        partial = partials.pop() if len(partials) == 1 and len(vague_spans) == 1 else None
        return DateResolution(None, _expression(sentence, first), True, partial=partial)
    return NO_EXPRESSION
