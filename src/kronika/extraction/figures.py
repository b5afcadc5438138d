"""Which counts in a sentence are event figures, and of what kind.

`numbers.find_numbers` says what is a count at all (and rejects ages, years, populations, ...). This module
decides the *kind* of each count from the words around it:

* the head noun after the number ("476 drones", "four children", "Forty fires", "442 of the drones"), or the noun
  of an earlier count in the same sentence when the number stands alone ("20 of which were shot down");
* a cue verb, looked for in this order of strength:
    1. directly to the left ("killing at least 10", "destroyed 442", "the death toll rose to 23");
    2. a finite verb directly to the right ("12 people were killed", "90 wounded", "40 were shot down");
    3. the cue of the previous count it is coordinated with ("fired 476 drones and 48 missiles");
    4. a participle modifier to the right ("419 drones launched by Ukraine").
A count with no cue is not a figure: "13 locations", "two refineries" and "three settlements" say nothing about
casualties or weapons. A lone "a man"/"a woman" is a count of one only when a casualty verb governs it
("wounded a 50-year-old woman").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from kronika.extraction.numbers import NumberMention, find_numbers

PEOPLE, CHILDREN, DRONES, MISSILES, WEAPONS, FIRES = "people", "children", "drones", "missiles", "weapons", "fires"
KILLED, INJURED, RESCUED, MISSING, NO_POWER, LAUNCHED, DESTROYED = (
    "killed",
    "injured",
    "rescued",
    "missing",
    "without_power",
    "launched",
    "destroyed",
)

_MOD = r"(?:[A-Za-z-]+\s+){0,3}?"  # up to three modifiers: "long-range", "Shahed-type attack"
_NOUN_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (
        category,
        re.compile(r"^\s*(?:of\s+(?:the\s+|them\s+|those\s+)?(?:[\d,]+\s+)?)?" + _MOD + "(?:" + pattern + r")\b", re.I),
    )
    for category, pattern in (
        (
            WEAPONS,
            r"(?:drones?|UAVs?)\s+and\s+(?:(?:cruise|ballistic|guided|attack)\s+)?missiles"
            r"|missiles?\s+and\s+(?:(?:attack|combat|strike)\s+)?(?:drones?|UAVs?)"
            r"|aerial\s+weapons|air\s+attack\s+(?:weapons|assets|means)|projectiles",
        ),
        (DRONES, r"drones?|UAVs?|unmanned\s+aerial\s+vehicles?|unmanned\s+aircraft|Shaheds?|Gerans?"),
        (MISSILES, r"missiles?"),
        (CHILDREN, r"children|child|kids|minors|teenagers|boys|girls|infants|babies"),
        (FIRES, r"fires|blazes"),
        (
            PEOPLE,
            r"people|persons|civilians|residents|individuals|men|women|victims|others|more|soldiers|servicemen"
            r"|troops|workers|employees|passengers|rescuers|firefighters|police\s+officers|miners|staff",
        ),
    )
)

_CUES: tuple[tuple[str, str], ...] = (
    (
        KILLED,
        r"kill(?:ed|ing|s)?|dead|died|dying|die|deaths?|death\s+toll|toll|lost\s+their\s+lives|fatalities|perished",
    ),
    (INJURED, r"injur(?:ed|ing|es|e|ies)|wound(?:ed|ing|s)?|hurt|hospitali[sz]ed"),
    (RESCUED, r"rescu(?:ed|ing|es|e)|saved|pulled\s+(?:out\s+)?alive"),
    (MISSING, r"missing|unaccounted\s+for"),
    (NO_POWER, r"without\s+(?:power|electricity|heating|heat|light|water)|(?:lost|losing)\s+(?:power|electricity)"),
    (
        LAUNCHED,
        r"launch(?:ed|ing|es)?|fir(?:ed|ing|es)|sent|sending|used|using|attacked\s+with|with|involving"
        r"|barrage\s+of|wave\s+of|salvo\s+of|attack\s+of",
    ),
    (
        DESTROYED,
        r"destroy(?:ed|ing|s)?|shot\s+down|shoot(?:ing)?\s+down|downed|intercept(?:ed|ing|s)?"
        r"|neutrali[sz](?:ed|ing|es)|suppressed|taken\s+out",
    ),
)
_QUAL = (
    r"(?:(?:a\s+total\s+of|total|an?\s+estimated|at\s+least|more\s+than|over|about|around|nearly|almost|some|up\s+to"
)
_QUAL += r"|as\s+many\s+as|another|a\s+further|further|also|all|the|its|their)\s+)*"
_LEFT_CUE = [
    (
        kind,
        re.compile(
            r"\b(?:"
            + cue
            + r")(?:\s+(?:or|and)\s+[a-z]+(?:\s+down)?)?\s+(?:(?:also|a|an|at|least)\s+)*"
            + _QUAL
            + r"$",
            re.I,
        ),
    )
    for kind, cue in _CUES
]
_TOLL_LEFT = re.compile(
    r"\b(?:death\s+)?toll\b[^.;]{0,90}?\b(?:rose|risen|rises|climbed|increased|reached|jumped|stands|stood|is|was)"
    r"\s+(?:to|at)\s+$",
    re.I,
)
_NUMBER_OF_LEFT = re.compile(
    r"\bnumber\s+of\s+(?:people\s+)?(?P<what>killed|dead|deaths|injured|wounded|injuries|rescued|missing)\b[^.;]{0,60}?"
    r"\b(?:rose|risen|rises|climbed|increased|reached|jumped|stands|stood|is|was)\s+(?:to|at)\s+$",
    re.I,
)
_OF_TOTAL_LEFT = re.compile(r"\d[\d,]*\s+of\s+(?:the\s+)?$", re.I)
_AUX = (
    r"(?:(?:were|was|have\s+been|had\s+been|has\s+been|are|is|got|been|of\s+which|of\s+them|reportedly|also|later)\s+)*"
)
_RIGHT_SKIP = r"^\s*(?:(?:people|persons|civilians|others|more|of\s+them|drones?|missiles?|UAVs?|Shaheds?)\s+)?"
_RIGHT_NP = r"^\s*(?:[A-Za-z-]+\s+){0,4}?"
_RIGHT_FINITE = [
    (
        kind,
        re.compile(
            _RIGHT_NP + r"(?:were|was|have\s+been|had\s+been|has\s+been|are|is|got|of\s+which\s+were"
            r"|of\s+them\s+were)\s+" + _AUX + r"(?:" + cue + r")\b",
            re.I,
        ),
    )
    for kind, cue in _CUES
    if kind not in (LAUNCHED,)
]
_RIGHT_BARE = [
    (kind, re.compile(_RIGHT_SKIP + r"(?:" + cue + r")\b(?P<tail>\s+by\b)?", re.I))
    for kind, cue in _CUES
    if kind != LAUNCHED
]
_RIGHT_DEAD = re.compile(r"^\s*(?:\w+\s+){0,2}?among\s+the\s+(dead|killed|victims|injured|wounded)\b", re.I)
_COORD_LEFT = re.compile(r"(?:,\s*|\s+)(?:and|or|as\s+well\s+as|plus|while|including)\s+" + _QUAL + r"$|,\s*$", re.I)
_BARE_COUNT = re.compile(r"^\s*(?:$|[,;.)]|(?:were|was|have|had|has|are|of\s+(?:them|these|those|which))\b)", re.I)
_COORD_GAP = re.compile(r"\s+(?:[A-Za-z-]+\s+){0,4}?(?:(?:and|or|as\s+well\s+as|plus)\s+|,\s*(?:and\s+)?)")
_INCLUDING_LEFT = re.compile(r"\b(?:including|among\s+them|among\s+whom|of\s+whom)\s+" + _QUAL + r"$", re.I)
_ONE_WHO = (
    r"(?:man|woman|boy|girl|child|person|resident|civilian|teenager|pensioner|driver|passenger|pedestrian|cyclist"
    r"|worker|farmer|guard|firefighter|rescuer|paramedic|volunteer|journalist)"
)
_ONE_NP = r"(?:an?|its|the|his|her|their)\s+(?:\d+-year-old\s+|elderly\s+|young\s+|pregnant\s+|local\s+)?" + _ONE_WHO
_ONE_PERSON = re.compile(
    r"\b(?P<verb>killing|killed|kills|kill|wounding|wounded|injuring|injured|injures|rescued|rescuing)\s+"
    r"(?P<np>" + _ONE_NP + r")\b(?!\s+and\s+(?:an?|its|the|his|her|their)\b)"
    r"|\b(?P<np2>" + _ONE_NP.replace("(?:an?|its|the|his|her|their)", "(?:An?|The|Its)") + r")\s+"
    r"(?:was|has\s+been|had\s+been)\s+(?P<verb2>killed|injured|wounded|rescued|hurt)\b",
    re.I,
)
_CUE_OF_WORD = [(kind, re.compile(r"^(?:" + cue + r")$", re.I)) for kind, cue in _CUES]


@dataclass(frozen=True, slots=True)
class FigureMention:
    """A figure found in a sentence; offsets are relative to the sentence."""

    kind: str
    value: int
    qualifier: str
    start: int
    end: int


def _noun_category(right: str) -> str | None:
    for category, pattern in _NOUN_PATTERNS:
        if pattern.match(right):
            return category
    return None


def _left_cue(left: str) -> str | None:
    m = _NUMBER_OF_LEFT.search(left)
    if m:
        word = m.group("what").lower()
        return next(k for k, p in _CUE_OF_WORD if p.match(word))
    if _TOLL_LEFT.search(left):
        return KILLED
    if _OF_TOTAL_LEFT.search(left):
        return LAUNCHED
    best: tuple[int, str] | None = None
    for kind, pattern in _LEFT_CUE:
        m = pattern.search(left)
        if m and (best is None or m.start() > best[0]):
            best = (m.start(), kind)
    return best[1] if best else None


def _right_cue(right: str) -> tuple[str | None, bool]:
    """(cue, strong): a finite verb or a bare participle not followed by 'by' is strong."""
    m = _RIGHT_DEAD.match(right)
    if m:
        return (INJURED if m.group(1).lower() in ("injured", "wounded") else KILLED), True
    for kind, pattern in _RIGHT_FINITE:
        if pattern.match(right):
            return kind, True
    for kind, pattern in _RIGHT_BARE:
        m = pattern.match(right)
        if m and kind != LAUNCHED:
            return kind, m.group("tail") is None
    return None, False


def _kind(category: str | None, cue: str | None) -> str | None:
    if cue is None:
        return FIRES if category == FIRES else None
    if category in (DRONES, MISSILES, WEAPONS):
        if cue in (LAUNCHED, DESTROYED):
            return f"{category}_{cue}"
        return None
    if cue in (LAUNCHED, DESTROYED):
        return None
    if category == CHILDREN and cue in (KILLED, INJURED):
        return f"children_{cue}"
    if category == FIRES:
        return FIRES
    return cue


def classify(sentence: str, numbers: Sequence[NumberMention], weapon: str | None = None) -> list[FigureMention]:
    """Turn the counts of one sentence into typed figures.

    `weapon` is the weapon category the previous sentence counted, for a count that names none: "Russia
    launched 120 drones. Of these, 98 were shot down."
    """
    out: list[FigureMention] = []
    prev_cue: str | None = None
    prev_category: str | None = weapon
    prev_end = -1
    waiting: list[tuple[NumberMention, str]] = []  # counts with a noun but no cue yet: "30 missiles and 585 drones
    #                                                were intercepted" gives the first its cue from the second
    for num in numbers:
        if num.rejected:
            continue
        left, right = sentence[: num.start], sentence[num.end :]
        category = _noun_category(right)
        linked = prev_end >= 0 and bool(_COORD_LEFT.search(sentence[prev_end : num.start]))
        including = bool(_INCLUDING_LEFT.search(left))
        cue = _left_cue(left[-160:])
        from_right = False
        if cue is None:
            right_cue, strong = _right_cue(right)
            if right_cue and strong:
                cue, from_right = right_cue, True
            elif (linked or including) and prev_cue:
                cue = prev_cue
            else:
                cue = right_cue
        bare = bool(_BARE_COUNT.match(right))  # the count names no thing of its own: "98 were shot down"
        if category is None and (linked or including or (cue in (DESTROYED, LAUNCHED) and bare)) and prev_category:
            category = prev_category if prev_category != CHILDREN else PEOPLE
        if category is None and cue in (KILLED, INJURED, RESCUED, MISSING, NO_POWER):
            category = PEOPLE
        kind = _kind(category, cue)
        if kind is None:
            if category is None:
                waiting = []
            elif _joined(sentence, waiting, num):
                waiting.append((num, category))
            else:
                waiting = [(num, category)]
            continue
        if from_right and waiting and _joined(sentence, waiting, num):
            for early, early_category in waiting:
                early_kind = _kind(early_category, cue)
                if early_kind:
                    out.append(FigureMention(early_kind, early.value, early.qualifier, early.start, early.end))
        waiting = []
        out.append(FigureMention(kind, num.value, num.qualifier, num.start, num.end))
        prev_cue, prev_category, prev_end = cue, category, num.end
    out.extend(_lone_persons(sentence, out))
    return sorted(out, key=lambda f: f.start)


def _joined(sentence: str, waiting: Sequence[tuple[NumberMention, str]], num: NumberMention) -> bool:
    """Is `num` coordinated with the last waiting count ("30 missiles and 585 drones")?"""
    if not waiting:
        return False
    return bool(_COORD_GAP.fullmatch(sentence[waiting[-1][0].end : num.start]))


def _lone_persons(sentence: str, found: Sequence[FigureMention]) -> list[FigureMention]:
    extra: list[FigureMention] = []
    for m in _ONE_PERSON.finditer(sentence):
        verb = (m.group("verb") or m.group("verb2") or "").lower()
        kind = next((k for k, p in _CUE_OF_WORD if p.match(verb)), None)
        if kind not in (KILLED, INJURED, RESCUED):
            continue
        start, end = m.span("np") if m.group("np") else m.span("np2")
        if any(f.start <= start < f.end for f in found):
            continue
        extra.append(FigureMention(kind, 1, "exact", start, end))
    return extra


def find_figures(sentence: str, weapon: str | None = None) -> list[FigureMention]:
    """All figures of one sentence (`weapon`: see `classify`)."""
    return classify(sentence, find_numbers(sentence), weapon)


def weapon_category(kind: str) -> str | None:
    """ "drones_destroyed" -> "drones"; None for a kind that counts no weapon."""
    head = kind.split("_", 1)[0]
    return head if head in (DRONES, MISSILES, WEAPONS) else None
