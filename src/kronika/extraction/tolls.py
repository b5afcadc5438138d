"""Tolls that no numeral states, and numbers that are never an event's toll.

    "wounded an elderly man", "A young man died"                       one
    "a woman and a child were killed", "killed a mother, father and son"  one each, the children among them
    "Seven people, including a six-year-old girl, were killed"          the girl is a child killed
    "A child is among those killed"                                     a child killed
    "483 children killed since the full-scale invasion"                 a war total: no figure
    a toll of a thousand or more                                        a war total or rhetoric: no figure
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kronika.extraction.figure_kinds import (
    FIRES,
    INJURED,
    KILLED,
    NO_POWER,
    RESCUED,
    FigureMention,
    covered,
    cue_kind,
    weapon_category,
)

_CASUALTY_STEMS = ("kill", "wound", "injur", "died", "rescu", "hurt")
_ONE_WHO = (
    r"(?:man|woman|boy|girl|child|person|resident|civilian|teenager|pensioner|driver|passenger|pedestrian|cyclist"
    r"|worker|farmer|guard|firefighter|rescuer|paramedic|volunteer|journalist)"
)
_ONE_NP = r"(?:an?|its|the|his|her|their)\s+(?:\d+-year-old\s+|elderly\s+|young\s+|pregnant\s+|local\s+)?" + _ONE_WHO
_ONE_PERSON = re.compile(
    r"\b(?P<verb>killing|killed|kills|kill|wounding|wounded|injuring|injured|injures|rescued|rescuing|injuries(?=\s+to\b))"
    r"(?:\s+to)?\s+(?P<np>" + _ONE_NP + r")\b(?!\s+and\s+(?:an?|its|the|his|her|their)\b)"
    r"|\b(?P<np2>" + _ONE_NP.replace("(?:an?|its|the|his|her|their)", "(?:An?|The|Its|Another)") + r")\s+"
    r"(?:(?:was|has\s+been|had\s+been)\s+(?:also\s+)?(?P<verb2>killed|injured|wounded|rescued|hurt)|(?P<died>died))\b",
    re.I,
)
# "a woman and a child were killed", "killed a mother, father and daughter": every person named is one.
_KIN = (
    r"(?:man|woman|boy|girl|child|baby|infant|toddler|teenager|pensioner|mother|father|daughter|son|wife|husband"
    r"|grandmother|grandfather|grandson|granddaughter|brother|sister|driver|passenger|resident|civilian)"
)
_KIN_NP = (
    r"(?:(?:an?|the|his|her|their|one|its)\s+)?(?:(?:\d+-year-old|elderly|young|little|pregnant|local|teenage)\s+)?"
    + _KIN
)
_KIN_LIST = _KIN_NP + r"(?:\s*,\s*" + _KIN_NP + r")*,?\s+and\s+" + _KIN_NP
_PERSON_LIST = re.compile(
    r"\b(?P<verb>killing|killed|kills|wounding|wounded|injuring|injured)\s+(?P<list>" + _KIN_LIST + r")\b"
    r"|(?:^|[.;]\s+|,\s+)(?P<list2>" + _KIN_LIST + r")\s+"
    r"(?:(?:were|have\s+been|had\s+been)\s+(?:also\s+)?(?P<verb2>killed|injured|wounded|hurt)|(?P<died>died))\b",
    re.I,
)
_CHILD_AGE = (
    r"(?:[1-9]|1[0-7]|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen"
    r"|sixteen|seventeen)-year-old|\w+-month-old"
)
_CHILD_WORD = re.compile(r"\b(?:boy|girl|child|baby|infant|toddler)\b|\b(?:" + _CHILD_AGE + r")\b", re.I)
# "A child is among those killed", "a 12-year-old girl was among the injured"
_CHILD_AMONG = re.compile(
    r"\b(?:an?|one)\s+(?:(?:young|little|teenage|newborn)\s+)?(?:(?:" + _CHILD_AGE + r")\s+)?"
    r"(?P<who>child|girl|boy|baby|infant|toddler)\s+(?:is|was)\s+(?:also\s+)?among\s+(?:those\s+|the\s+)?"
    r"(?P<what>killed|dead|victims|injured|wounded|hurt)\b",
    re.I,
)
_INCLUDED = re.compile(r"\b(?:including|among\s+them|of\s+whom)\s+$", re.I)
_INCLUDING_ONE = re.compile(
    r"\b(?:including|among\s+them|among\s+whom)\s+(?:an?|one)\s+(?:(?:young|little|newborn|teenage)\s+)?"
    r"(?:(?:" + _CHILD_AGE + r")\s+)?(?P<who>child|girl|boy|baby|infant|toddler|schoolboy|schoolgirl|minor)\b",
    re.I,
)
_CUMULATIVE = re.compile(
    r"\bsince\s+(?:the\s+(?:start|beginning|outbreak|onset)\s+of\b|(?:Russia['’]s\s+|the\s+|Moscow['’]s\s+)?"
    r"(?:full[-\s]scale\s+|large[-\s]scale\s+)?(?:invasion|war)\b|(?:February|Feb\.?)\s+(?:24,?\s+)?20\d\d"
    r"|(?:19|20)\d\d\b|(?:January|February|March|April|May|June|July|August|September|October|November|December)\b)"
    r"|\b(?:throughout|over\s+the\s+course\s+of|in|during)\s+the\s+(?:full[-\s]scale\s+)?(?:war|invasion|conflict)\b"
    r"(?!\s+(?:zone|crimes?)\b)"
    r"|\bso\s+far\s+(?:this\s+year|in\s+the\s+war|in\s+20\d\d)\b|\bsince\s+it\s+(?:began|started|invaded)\b",
)
_SUPERLATIVE_LEFT = re.compile(
    r"\b(?:\w+est|most|first|record|biggest|largest|worst|single)\b(?:\s+\S+){0,6}\s*$", re.I
)
# No single attack of this war has a toll of a thousand: such counts are war totals or rhetoric.
_MAX_TOLL = 1_000
_UNCAPPED = frozenset({NO_POWER, RESCUED, FIRES})


def lone_persons(sentence: str, found: Sequence[FigureMention]) -> list[FigureMention]:
    """People counted without a numeral: "wounded an elderly man", "a woman and a child were killed"."""
    extra: list[FigureMention] = []
    low = sentence.lower()
    verbs = any(stem in low for stem in _CASUALTY_STEMS)  # most sentences have none: nothing to scan for
    for m in _PERSON_LIST.finditer(sentence) if verbs else ():
        kind = cue_kind(m.group("verb") or m.group("verb2") or m.group("died") or "")
        group = "list" if m.group("list") else "list2"
        start, end = m.span(group)
        if kind not in (KILLED, INJURED) or covered(found, start, end):
            continue
        people = re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", m.group(group))
        extra.append(FigureMention(kind, len(people), "exact", start, end))
        children = sum(1 for p in people if _CHILD_WORD.search(p))
        if children:
            extra.append(FigureMention(f"children_{kind}", children, "exact", start, end))
    for m in _ONE_PERSON.finditer(sentence) if verbs else ():
        verb = m.group("verb") or m.group("verb2") or ("died" if m.group("died") else "")
        kind = cue_kind(verb)
        if kind not in (KILLED, INJURED, RESCUED):
            continue
        start, end = m.span("np") if m.group("np") else m.span("np2")
        if covered([*found, *extra], start, end) or _INCLUDED.search(sentence, max(0, start - 16), start):
            continue  # "five people, including a child, were rescued": the child is one of the five
        extra.append(FigureMention(kind, 1, "exact", start, end))
        if kind in (KILLED, INJURED) and _CHILD_WORD.search(m.group("np") or m.group("np2") or ""):
            extra.append(FigureMention(f"children_{kind}", 1, "exact", start, end))
    for m in _CHILD_AMONG.finditer(sentence) if "among" in low else ():
        kind = INJURED if m.group("what").lower() in ("injured", "wounded", "hurt") else KILLED
        if not any(f.kind == f"children_{kind}" for f in [*found, *extra]):
            extra.append(FigureMention(f"children_{kind}", 1, "exact", m.start("who"), m.end("who")))
    for m in _INCLUDING_ONE.finditer(sentence) if found and ("includ" in low or "among" in low) else ():
        before = [f for f in [*found, *extra] if f.end <= m.start() and f.kind in (KILLED, INJURED)]
        if not before or covered(found, m.start(), m.end()):
            continue
        kind = f"children_{before[-1].kind}"
        if not any(f.kind == kind for f in found):
            extra.append(FigureMention(kind, 1, "exact", m.start("who"), m.end("who")))
    return extra


# "one woman remains in hospital, while two others are receiving outpatient treatment": the injured told in
# parts, the second explicitly other people ("others", "more") in the same plight, so the text counts 1 + 2
_HURT_STATE = (
    r"(?:(?:was|were|is|are|remains?|remained|has\s+been|have\s+been|had\s+been)\s+)?"
    r"(?:(?:currently|still|now|also|being|reportedly)\s+)*"
    r"(?:hospitali[sz]ed|in\s+(?:the\s+)?hospital|in\s+intensive\s+care"
    r"|in\s+(?:a\s+)?(?:serious|critical|grave|stable|moderate|satisfactory)\s+condition|injured|wounded|hurt"
    r"|treated|receiving\s+(?:\w+\s+){0,2}?(?:treatment|care|aid|help)"
    r"|(?:received|getting|given)\s+(?:\w+\s+){0,2}?(?:treatment|care|aid|help))\b"
)
_HURT_PARTS = re.compile(
    r"\b(?P<a>an?|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,3})\s+"
    r"(?:(?!(?:others?|more|and|while|who|of|died|killed|dead)\b)[A-Za-z][\w-]*\s+){0,3}?" + _HURT_STATE
    + r"(?P<gap>[^.;:!?\d]{0,120}?)(?:,\s*|\s+)(?:while|and|whereas)\s+(?:another\s+)?"
    r"(?P<b>one|two|three|four|five|six|seven|eight|nine|ten|\d{1,3})\s+(?:others|more)\s+(?:people\s+)?"
    + _HURT_STATE,
    re.I,
)
_WORD_VALUE = {w: i for i, w in enumerate("one two three four five six seven eight nine ten".split(), 1)}
_PLACE_IN_GAP = re.compile(r"\b(?:in|at|near|outside)\s+(?:the\s+)?[A-Z]")
_PART_BEFORE = re.compile(r"\b(?:of\s+(?:them|whom|those|these)|including|among\s+them)\s*,?\s*$", re.I)


def hurt_in_parts(sentence: str, found: list[FigureMention], injured_before: bool) -> list[FigureMention]:
    """One injured toll for the injured told in parts ("one man is in hospital, while two others were treated
    at the scene" is 3); never when the story already gave an injured count (the parts detail it), when the
    sentence states one outside the parts, or when a place splits them ("one in Kharkiv and two others in Izium")."""
    if injured_before or ("others" not in sentence and "more" not in sentence):
        return found
    for m in _HURT_PARTS.finditer(sentence):
        if _PLACE_IN_GAP.search(sentence, m.start(), m.end()) or _PART_BEFORE.search(sentence, 0, m.start()):
            continue
        if any(f.kind == INJURED and not (m.start() <= f.start < m.end()) for f in found):
            continue
        a, b = m.group("a").lower(), m.group("b").lower()
        value = (1 if a in ("a", "an") else _WORD_VALUE.get(a) or int(a)) + (_WORD_VALUE.get(b) or int(b))
        kept = [f for f in found if not (f.kind == INJURED and m.start() <= f.start < m.end())]
        return sorted([*kept, FigureMention(INJURED, value, "exact", m.start("a"), m.end("b"))], key=lambda f: f.start)
    return found


def _cumulative(sentence: str) -> tuple[int, int] | None:
    """Where a sentence speaks of the whole war ("since the full-scale invasion"), unless it ranks one attack
    against it ("the deadliest attack since the invasion")."""
    for m in _CUMULATIVE.finditer(sentence):
        if _SUPERLATIVE_LEFT.search(sentence[max(0, m.start() - 50) : m.start()]):
            continue
        return m.start(), m.end()
    return None


def drop_cumulative(sentence: str, figures: list[FigureMention]) -> list[FigureMention]:
    span = _cumulative(sentence) if "since" in sentence or " the " in sentence else None
    if span is not None:
        # a clause break (";" or a dash) between the count and the war-long marker keeps the count
        figures = [
            f
            for f in figures
            if re.search(r";|\s[–—-]\s", sentence[min(f.end, span[0]) : max(f.start, span[1])])
        ]
    return [f for f in figures if f.value < _MAX_TOLL or f.kind in _UNCAPPED or weapon_category(f.kind)]
