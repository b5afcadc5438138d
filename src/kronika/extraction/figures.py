"""Which counts in a sentence are event figures, and of what kind.

`numbers.find_numbers` says what is a count at all (and rejects ages, years, populations, ...). This module
decides the *kind* of each count from the words around it:

* the head noun after the number ("476 drones", "four children", "Forty fires", "442 of the drones",
  "600 households"), or the noun of an earlier count in the same sentence when the number stands alone ("20 of
  which were shot down"); a number with a noun of its own that names no victim or weapon ("13 schools") never
  borrows one;
* a cue verb, looked for in this order of strength:
    1. directly to the left ("killing at least 10", "destroyed 442", "the death toll rose to 23");
    2. a finite verb directly to the right ("12 people were killed", "90 wounded", "40 were shot down"), past an
       aside ("Seven people, including a girl, were killed", "17 people (three of them children) were rescued");
    3. the cue of the previous count it is coordinated with ("fired 476 drones and 48 missiles");
    4. a participle modifier to the right ("419 drones launched by Ukraine").
A count with no cue is not a figure: "13 locations", "two refineries" and "three settlements" say nothing about
casualties or weapons. A lone "a man"/"a woman" is a count of one only when a casualty verb governs it
("wounded a 50-year-old woman"); a list of them is counted ("killed a mother, father and daughter" is 3).

"Shot down 58 of 70 drones" is 70 launched and 58 destroyed. A subset of a count already given ("18 injured, 9
of them in hospital") is no figure. What earlier sentences of the story counted (`StoryCounts`) reads a sentence
that refers back to it ("Of these, 98 were shot down", "Three of them were children").

After the counts are typed, `airdefence` reads weapon lists and air-defence phrasing ("all but one", model lists
summed, the text's own totals) and `tolls` adds people counted without a numeral and drops war totals.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from kronika.extraction.airdefence import (
    all_but_spans,
    alls,
    lone_weapons,
    stated_totals,
    sum_model_lists,
    targets,
    without_split_totals,
)
from kronika.extraction.figure_kinds import (
    CHILDREN,
    CUES,
    DESTROYED,
    DRONES,
    FIRES,
    HOMES,
    INJURED,
    KILLED,
    LAUNCHED,
    MISSILES,
    MISSING,
    NO_POWER,
    PEOPLE,
    PERSON_CUES,
    RESCUED,
    TARGETS,
    WEAPON_CATEGORIES,
    WEAPONS,
    FigureMention,
    Found,
    cue_kind,
    weapon_category,
)
from kronika.extraction.numbers import NumberMention, find_numbers
from kronika.extraction.tolls import drop_cumulative, hurt_in_parts, lone_persons

__all__ = ["FigureMention", "StoryCounts", "classify", "find_figures", "weapon_category"]

# Up to four modifiers between a number and its noun: "long-range", "Shahed-type attack", "S-300", "U.S.-supplied",
# "Shahed-136/131", "Iskander-M ballistic".
_MOD = (
    r"(?:(?!(?:and|or|of|in|on|at|by|from|with|to|for|were|was|are|is|missiles?|drones?|people|one|two|three|four"
    r"|five|six|seven|eight|nine|ten)\b)[A-Za-z][\w.’'/-]*\s+){0,4}?"
)
_PEOPLE_NOUNS = (
    r"people|persons|person|civilians|residents|individuals|men|women|victims|others|soldiers|servicemen"
    r"|troops|workers|employees|passengers|rescuers|firefighters|police\s+officers|policemen|officers|miners|staff"
    r"|adults|patients|pensioners|volunteers|journalists|medics|doctors|paramedics|drivers|farmers|locals"
    r"|villagers|citizens|inhabitants|guards|crew|crew\s+members|sailors|pilots|students|teachers|relatives"
    r"|family\s+members|Ukrainians|Russians|fighters|prisoners|POWs|bodies|personnel|man|woman|person|resident"
    r"|civilian|soldier|serviceman|officer|worker|driver|passenger|pensioner|volunteer|journalist|rescuer"
    r"|firefighter|policeman|medic|employee|individual|victim"
)
# "four missile strikes", "two drone attacks" count attacks, not weapons.
_NOT_ATTACK = (
    r"(?!\s+(?:strikes?|attacks?|hits?|launchers?|debris|fragments?|wreckage|alerts?|warnings?|threats?|defen[cs]es?"
    r"|systems?|units?|operators?|makers?|manufacturers?|production|factor(?:y|ies)|plants?|programmes?|programs?)\b)"
)
_NUMBER_WORDS = (
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen"
    r"|eighteen|nineteen|twenty|thirty|forty|fifty"
)
_NOUN_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (
        category,
        re.compile(
            r"^\s*(?:(?:out\s+)?of\s+(?:the\s+|them\s+|those\s+)?(?:(?:[\d,]+|" + _NUMBER_WORDS + r")\s+)?)?" + _MOD
            + "(?:" + pattern + r")\b",
            re.I,
        ),
    )
    for category, pattern in (
        (
            WEAPONS,
            r"(?:drones?|UAVs?)\s+and\s+(?:(?:cruise|ballistic|guided|attack)\s+)?missiles"
            r"|missiles?\s+and\s+(?:(?:attack|combat|strike)\s+)?(?:drones?|UAVs?)"
            r"|aerial\s+weapons|air\s+attack\s+(?:weapons|assets|means)|projectiles",
        ),
        (
            DRONES,
            r"(?:drones?|UAVs?|unmanned\s+aerial\s+vehicles?|unmanned\s+aircraft|Shaheds?|Gerans?|Gerberas?|Lancets?"
            r"|Orlans?|decoys)" + _NOT_ATTACK,
        ),
        # missile models standing for the noun: "13 Kh-101s and 14 Kalibrs", "two Kinzhals"
        (
            MISSILES,
            r"(?:missiles?|Kinzhals?|Kalibrs?|Iskanders?|Iskander-[MK]s?|(?:Kh|X)-\d+\w*|Zircons?|Tsirkons?|KN-23s?"
            r"|ATACMS|Tomahawks?|Storm\s+Shadows?|Neptunes?)" + _NOT_ATTACK,
        ),
        (CHILDREN, r"children|child|kids|minors|teenagers|teenager|boys|boy|girls|girl|infants|infant|babies|baby"),
        (FIRES, r"fires|blazes"),
        (PEOPLE, _PEOPLE_NOUNS),
        (HOMES, r"households|homes|families|consumers|customers|subscribers|houses|apartments|dwellings"),
        (TARGETS, r"targets"),
    )
)

_QUAL = (
    r"(?:(?:a\s+total\s+of|total|an?\s+estimated|at\s+least|more\s+than|over|about|around|nearly|almost|some|up\s+to"
    r"|as\s+many\s+as|another|a\s+further|further|also|all|the|its|their|an?\s+(?:unprecedented|record|combined"
    r"|massive|whopping|staggering|additional)|(?:an?\s+)?(?:family|group)\s+of|the\s+lives\s+of)\s+)*"
)
_LEFT_CUE = [
    (
        kind,
        re.compile(
            r"\b(?:"
            + cue
            + r")(?:\s*/\s*[a-z]+(?:\s+down)?)?(?:\s+(?:or|and)\s+(?:[a-z]+(?:ed|ing)|hurt|shot)(?:\s+down)?)?"
            r"\s+(?:(?:also|a|an|at|least)\s+)*"
            + _QUAL
            + r"$",
            re.I,
        ),
    )
    for kind, cue in CUES
    if kind != NO_POWER
]
_TOLL_LEFT = re.compile(
    r"\b(?:death\s+)?toll\b[^.;]{0,160}?\b(?:rose|risen|rises|climbed|increased|reached|jumped|stands|stood|is|was)"
    r"\s+(?:to|at)\s+$"
    r"|\b(?:rais|bring|tak|push|increas)(?:ed|ing|es|s)?\s+the\s+(?:overall\s+|total\s+|official\s+)?(?:death\s+)?"
    r"toll\s+(?:\w+\s+){0,4}?to\s+$",
    re.I,
)
_NUMBER_OF_LEFT = re.compile(
    r"\bnumber\s+of\s+(?:(?P<who>people|civilians|children)\s+)?(?P<what>killed|dead|deaths|victims|fatalities|injured"
    r"|wounded|injuries|rescued|missing)\b[^.;]{0,160}?\b(?:rose|risen|rises|climbed|increased|reached|jumped|stands|stood|is"
    r"|was|to)\s+(?:to|at\s+)?$",
    re.I,
)
# "the deaths of seven people", "the loss of 13 lives"
_DEATHS_OF = re.compile(r"\bdeaths\s+of\s+(?:(?:at\s+least|more\s+than|some|about|around)\s+)?$", re.I)
_LOSS_OF = re.compile(r"\bloss\s+of\s+(?:(?:at\s+least|more\s+than|some|about|around)\s+)?$", re.I)
_LIVES_RIGHT = re.compile(r"\s+(?:(?:civilian|human|innocent)\s+)?lives\b", re.I)
_AMONG_LEFT = re.compile(
    r"\bamong\s+(?:the\s+|those\s+)?(?P<what>dead|killed|victims|injured|wounded|hurt)\b[^.;]{0,60}?"
    r"\b(?:are|were|is|was)\s+$",
    re.I,
)
_FATE_LEFT = re.compile(r"\bfate\s+of\s+(?:another\s+|a\s+further\s+|at\s+least\s+)?$", re.I)
_POWER_LEFT = re.compile(
    r"\b(?:outages?|blackouts?|disruptions?|power\s+cuts?)\s+(?:\w+\s+){0,2}?(?:affected|affecting|hit|struck|left)"
    r"\s+(?:(?:about|around|some|over|more\s+than|nearly|almost|at\s+least|an\s+estimated)\s+)?$"
    r"|\bde-?energi[sz]ed\s+(?:(?:about|around|some|over|more\s+than|nearly|almost|at\s+least)\s+)?$",
    re.I,
)
_POWER_RIGHT = re.compile(
    r"^[^.;:\d]{0,90}?\b(?:without|no\s+longer\s+have|lost|cut\s+off\s+from)\s+(?:(?:the\s+|their\s+)?(?:power|"
    r"electricity|electric\s+power|light|electricity\s+supply|power\s+supply)\b)",
    re.I,
)
# "700,000 residents in the X region, along with 200,000 each in Y and Z, have been affected" in a sentence about
# an outage, "left 300,000 residents in X and 50,000 in Y without power": the power words close the list the
# count opens; the gap holds no verb of its own ("300 were evacuated, and 2,000 homes were left without power")
_POWER_TAIL = re.compile(
    r"^(?P<gap>(?:(?!\b(?:were|was|are|is|have|has|had|been|will|would|who|which|that)\b)[^.;:!?])*?)"
    r"(?:\b(?:were|was|are|is|have\s+been|has\s+been|had\s+been)\s+(?:(?:also|still|now|reportedly)\s+)?"
    r"(?P<affected>affected|impacted)\b"
    r"|(?:\b(?:were|was|are|is|have\s+been|has\s+been|had\s+been|remain|remained)\s+(?:(?:left|still|now)\s+)?)?"
    r"\bwithout\s+(?:power|electricity|electric\s+power|light|power\s+supply|electricity\s+supply)\b)",
    re.I,
)
_OUTAGE = re.compile(
    r"\b(?:outages?|blackouts?|power\s+cuts?|de-?energi[sz]\w*|without\s+(?:power|electricity))\b", re.I
)
_OTHER_CUE_WORD = re.compile(
    r"\b(?:kill\w*|dead|died|injur\w*|wound\w*|hurt|rescu\w*|missing|launch\w*|fired|shot|destroy\w*)\b", re.I
)
_OF_TOTAL_GAP = re.compile(
    r"\s+(?:(?:[A-Za-z][\w.’'/-]*\s+){0,3}?(?:drones|missiles|UAVs|targets|projectiles)\s+)?(?:out\s+)?of\s+"
    r"(?:the\s+|a\s+total\s+of\s+)?",
    re.I,
)
_OF_TOTAL_LEFT = re.compile(r"\d[\d,]*\s+(?:out\s+)?of\s+(?:the\s+)?$", re.I)
_AUX = (
    r"(?:(?:were|was|have\s+been|had\s+been|has\s+been|are|is|got|been|of\s+which|of\s+them|reportedly|also|later"
    r"|still|now|currently|reported|confirmed|officially|so\s+far|successfully|subsequently|left|feared|believed"
    r"|(?:known|believed|said|thought|reported|confirmed)\s+to\s+(?:be|have\s+been)"
    r"|(?:may|might|could)\s+(?:still\s+)?(?:be|have\s+been)|all)\s+)*"
)
# The noun phrase between a count and its verb; it never crosses another cue or a clause ("one person died and
# nine more were injured": "died" is the first count's verb).
_RIGHT_NP = (
    r"^\s*(?:(?:who|that)\s+)?(?:(?!(?:died|dead|killed|injured|wounded|hurt|missing|rescued|who|which|that|while|but"
    r"|when|where)\b)"
    r"[A-Za-z][\w.’'/-]*\s+){0,6}?"
)
_RIGHT_FINITE = [
    (
        kind,
        re.compile(
            _RIGHT_NP + r"(?:were|was|have\s+been|had\s+been|has\s+been|are|is|got|remain|remained|remains"
            r"|of\s+which\s+were|of\s+them\s+were|(?:may|might|could)\s+(?:still\s+)?(?:be|have\s+been))\s+"
            + _AUX
            + r"(?:"
            + cue
            + r")\b",
            re.I,
        ),
    )
    for kind, cue in CUES
    if kind not in (LAUNCHED, NO_POWER)
] + [
    (
        KILLED,
        re.compile(_RIGHT_NP + r"(?:have|had|has)\s+(?:(?:also|reportedly|since|now)\s+)?(?:died|perished)\b", re.I),
    ),
    (
        LAUNCHED,
        re.compile(
            _RIGHT_NP + r"(?:were|was|have\s+been|had\s+been|has\s+been)\s+" + _AUX
            + r"(?:launched|fired|used|deployed|sent|detected)\b",
            re.I,
        ),
    ),
]
# a noun between a count and a bare participle: "90 wounded", "25 individuals lost their lives", "eight confirmed
# deaths"; never an adverb ("23 severely wounded soldiers" describes prisoners, not a toll)
_RIGHT_SKIP = (
    r"^\s*(?:of\s+them\s+)?(?:(?:confirmed|reported|known|new|other|more|civilian|Ukrainian|Russian)\s+)?"
    r"(?:(?:" + _PEOPLE_NOUNS + r"|children|child|drones?|missiles?|UAVs?|Shaheds?)\s+)?"
    r"(?:(?:confirmed|reported|now|also|all)\s+)?"
)
# after a count only a participle is a cue: "160 rescue workers" are no rescued people
_BARE_CUES = {**dict(CUES), RESCUED: r"rescued|saved|pulled\s+(?:out\s+)?alive"}
_RIGHT_BARE = [
    (kind, re.compile(_RIGHT_SKIP + r"(?:" + cue + r")\b(?P<tail>\s+by\b)?", re.I))
    for kind, cue in _BARE_CUES.items()
    if kind not in (LAUNCHED, NO_POWER)
] + [(LAUNCHED, re.compile(_RIGHT_SKIP + r"(?:launched|fired|used|deployed)\b(?P<tail>\s+by\b)?", re.I))]
# A bare verb with a direct object after it is active ("two missiles destroyed a school"), not a participle.
_DIRECT_OBJECT = re.compile(
    r"\s+(?:a|an|the|its|their|his|her|several|dozens|hundreds|one|two|three|four|five|\d[\d,]*)\s+"
    r"(?!(?:of\s+)?(?:them|which|drones?|missiles?|UAVs?)\b)",
    re.I,
)
_RIGHT_DEAD = re.compile(
    r"^\s*(?:\w+\s+){0,2}?among\s+(?:the\s+|those\s+)?(?:[\d,]+\s+)?(?:(?:people|civilians|persons)\s+)?"
    r"(dead|killed|victims|injured|wounded|hurt)\b",
    re.I,
)
# A parenthesis or a comma-fenced aside right after a count, skipped to find its verb.
_ASIDE = re.compile(
    r"^\s*(?:[A-Za-z][\w-]*\s+){0,3}?(?:[A-Za-z][\w-]*)?(?P<aside>\s*\([^()]{0,120}\)|\s*,\s*(?:including|among\s+them"
    r"|of\s+whom|incl\.|mostly|most\s+of\s+them|many\s+of\s+them|both|all)\b[^,;.()]{0,100},)",
    re.I,
)
# A count with a verb of its own that is no cue ("another 95 were lost in flight") takes no cue from the count
# it is coordinated with.
_OWN_PREDICATE = re.compile(
    r"^\s*(?:[A-Za-z][\w-]*\s+){0,3}?(?:were|was|are|is|have|has|had)\s+(?:(?:also|reportedly|still|not|never)\s+)*"
    r"[\w“”\"'‘’]+"
    r"|^\s*(?:(?:others|more|of\s+them)\s+)?(?:hit|struck|fell|reached|crashed|exploded|entered|penetrated|flew|went"
    r"|landed|got|missed|strayed|failed)\b",
    re.I,
)
# coordinated with the count before: "476 drones and 48 missiles", "... 423 assets were detected: 417 drones"
_COORD_LEFT = re.compile(
    r"(?:,\s*|\s+)(?:and|or|as\s+well\s+as|along\s+with|together\s+with|plus|while|including)\s+" + _QUAL + r"$"
    r"|[,:]\s*" + _QUAL + "$",
    re.I,
)
_BARE_COUNT = re.compile(
    r"^\s*(?:$|[,;.)]|(?:were|was|have|had|has|are|more|others|of\s+(?:them|these|those|which)|shot\s+down|destroyed|downed"
    r"|intercepted|neutrali[sz]ed|suppressed|launched|fired)\b)",
    re.I,
)
# "Of the 120 drones, 80 were shot down": the 120 were launched
_OF_THE_LEFT = re.compile(r"(?:^|[.;:]\s+|\b(?:and|but)\s+)of\s+(?:the|these|those)\s+$", re.I)
_OF_THE_RIGHT = re.compile(r"\s+(?:[A-Za-z][\w.’'/-]*\s+){0,3}?(?:drones|missiles|UAVs|Shaheds)\s*,")
# "for a total of 70 neutralised": the text adds its counts up itself
_TOTAL_LEFT = re.compile(r"\b(?:a\s+total\s+of|in\s+total|in\s+all|altogether|overall)\s+(?:of\s+)?$", re.I)
_COORD_GAP = re.compile(r"\s+(?:[A-Za-z-]+\s+){0,4}?(?:(?:and|or|as\s+well\s+as|plus)\s+|,\s*(?:and\s+)?)")
_INCLUDING_LEFT = re.compile(
    r"\b(?:including|among\s+them|among\s+whom|of\s+whom|of\s+which|of\s+them|of\s+these)\s*,?\s+" + _QUAL + r"$"
    r"|\((?:including\s+)?" + _QUAL + r"$",
    re.I,
)
_CHILDREN_OF = re.compile(
    r"\s+(?:of\s+(?:them|whom|those|the\s+(?:dead|victims|injured|wounded))\s+)?(?:were|was|are|is)\s+(?:all\s+)?"
    r"(?:children|minors|kids)\b",
    re.I,
)
_AFTER_COLON = re.compile(r"(?<!\d):(?!\d)\s*(?:[^,;.:\d]*?\d[\d,]*[^,;.:\d]*?(?:,|and|\s)\s*)*" + _QUAL + r"$", re.I)
_COLON_AFTER = re.compile(r"\s+(?:[A-Za-z-]+\s+){0,3}?targets\s*:")
_SUBSET_RIGHT = re.compile(r"^\s+of\s+(?:them|whom|those|these)\b", re.I)
_LOCATED_RIGHT = re.compile(
    r"\s*(?:[A-Za-z][\w-]*\s+){0,4}?(?:more\s+)?(?:over|above|in|at|on|against|towards?|near)\s+(?:the\s+)?"
    r"(?:[A-Z]|(?:region|oblast|province|city|town|district|area)\s+of\b)"
)
# Words a count can be followed by without naming a thing of its own ("killed 10 overnight", "10 were hurt").
_FREE_WORDS = frozenset(
    "and or but nor in on at near across over during after before since as when while with from by of to for into"
    " onto each more others other overnight yesterday today tonight last earlier later so the that who which where each"
    " respectively including among according amid following were was had have has are is be been being got remain"
    " remained remains may might could would will also still reportedly all both deaths death injuries fatalities"
    " dead wounded injured killed missing hurt confirmed reported known new civilian went died lost sustained"
    " suffered received perished".split()
)


@dataclass(slots=True)
class StoryCounts:
    """What the story's earlier sentences counted, for a sentence that refers back to it: "Of these, 98 were shot
    down" (`weapon`), "All the drones were destroyed" (`launched`), "Three of them were children" (`toll`)."""

    weapon: str | None = None  # the weapon category the last weapons count counted
    launched: dict[str, int] = field(default_factory=dict)  # weapon category -> its last launched count
    toll: str | None = None  # the kind of the last casualty count (killed, injured)
    injured: bool = False  # an injured count was given

    def update(self, found: Sequence[FigureMention]) -> None:
        for f in found:
            category = weapon_category(f.kind)
            if category:
                self.weapon = category
                if f.kind.endswith("_launched"):
                    self.launched[category] = f.value
            elif f.kind in (KILLED, INJURED):
                self.toll = f.kind
                self.injured = self.injured or f.kind == INJURED


def _noun_category(right: str) -> str | None:
    for category, pattern in _NOUN_PATTERNS:
        if pattern.match(right):
            return category
    return None


def _has_own_noun(right: str) -> bool:
    """The count is followed by a noun of its own ("13 schools", "500 apartment buildings"), not by a verb, a
    preposition or punctuation ("10 were killed", "10 in Kharkiv", "10, officials said")."""
    head = right[:40].split(None, 1)
    if not head or not right[:1].isspace():
        return False
    word = head[0].rstrip(",;:.)!?\"'”’")
    if not word or not word.isalpha():
        return False
    if word[0].isupper() or word.lower() in _FREE_WORDS:
        return False
    return not word.lower().endswith(("ed", "ing"))


def _left_cue(left: str) -> str | None:
    m = _NUMBER_OF_LEFT.search(left)
    if m:
        word = m.group("what").lower()
        return KILLED if word == "victims" else cue_kind(word)
    m = _AMONG_LEFT.search(left)
    if m:
        return INJURED if m.group("what").lower() in ("injured", "wounded", "hurt") else KILLED
    if _TOLL_LEFT.search(left):
        return KILLED
    if _FATE_LEFT.search(left):
        return MISSING
    if _POWER_LEFT.search(left):
        return NO_POWER
    best: tuple[int, str] | None = None
    for kind, pattern in _LEFT_CUE:
        m = pattern.search(left)
        if m and (best is None or m.start() > best[0]):
            best = (m.start(), kind)
    return best[1] if best else None


def _children_counted(left: str) -> bool:
    m = _NUMBER_OF_LEFT.search(left)
    return bool(m) and (m.group("who") or "").lower() == "children"


def _right_cue(right: str) -> tuple[str | None, bool]:
    """(cue, strong): a finite verb or a bare participle not followed by 'by' is strong."""
    aside = _ASIDE.match(right)
    if aside:
        right = right[: aside.start("aside")] + right[aside.end("aside") :]
    m = _RIGHT_DEAD.match(right)
    if m:
        return (INJURED if m.group(1).lower() in ("injured", "wounded", "hurt") else KILLED), True
    for kind, pattern in _RIGHT_FINITE:
        if pattern.match(right):
            return kind, True
    for kind, pattern in _RIGHT_BARE:
        m = pattern.match(right)
        if m:
            if m.group("tail") is None and _DIRECT_OBJECT.match(right, m.end()):
                return None, False  # "one drone destroyed a depot": the weapon acted, nobody downed it
            return kind, m.group("tail") is None
    return None, False


def _power_right(right: str) -> bool:
    """ "600 residents were left without power", "1 million consumers find themselves without electricity": the
    power words close after the count, with no other cue or count between."""
    m = _POWER_RIGHT.match(right)
    return bool(m) and not _OTHER_CUE_WORD.search(right, 0, m.start() + len(m.group(0)) - 12)


def _power_tail(sentence: str, right: str) -> bool:
    """The count's list ends on the sentence's power words (see `_POWER_TAIL`)."""
    m = _POWER_TAIL.match(right[:300])
    if m is None or _OTHER_CUE_WORD.search(m.group("gap")):
        return False
    return not m.group("affected") or bool(_OUTAGE.search(sentence))


def _kind(category: str | None, cue: str | None) -> str | None:
    if cue is None or category is None:
        return FIRES if category == FIRES else None
    if category in WEAPON_CATEGORIES:
        if cue in (LAUNCHED, DESTROYED):
            return f"{category}_{cue}"
        return None
    if cue in (LAUNCHED, DESTROYED) or category == TARGETS:
        return None
    if category == HOMES:
        return NO_POWER if cue == NO_POWER else None
    if category == CHILDREN and cue in (KILLED, INJURED):
        return f"children_{cue}"
    if category == FIRES:
        return FIRES
    return cue


def classify(
    sentence: str,
    numbers: Sequence[NumberMention],
    story: StoryCounts | None = None,
) -> list[FigureMention]:
    """Turn the counts of one sentence into typed figures.

    `story` is what the sentences before counted (see `StoryCounts`).
    """
    story = story or StoryCounts()
    weapon = story.weapon
    found: list[Found] = []
    prev_cue: str | None = None
    prev_category: str | None = weapon
    prev_end = -1  # end of the previous figure
    last_end = -1  # end of the previous count, figure or not
    waiting: list[tuple[NumberMention, str]] = []  # counts with a noun but no cue yet: "30 missiles and 585 drones
    #                                                were intercepted" gives the first its cue from the second
    usable = [n for n in numbers if not n.rejected]
    if "all" in sentence.lower():  # the counts of "all but three of the 40 drones" are read by `alls`
        spans = all_but_spans(sentence)
        usable = [n for n in usable if not any(a <= n.start < b for a, b in spans)]
    total_of: tuple[NumberMention, str, str] | None = None  # "58 of 70": the 70, the category and cue of the 58
    last_cue: str | None = None  # the cue of the last count that had one, figure or not
    last_thing: NumberMention | None = None  # the last count with a noun of its own that names no victim
    for i, num in enumerate(usable):
        left, right = sentence[: num.start], sentence[num.end :]
        nxt = usable[i + 1] if i + 1 < len(usable) else None
        of_total = nxt is not None and bool(_OF_TOTAL_GAP.fullmatch(sentence, num.end, nxt.start))
        category = _noun_category(right)
        own_noun = category is None and _has_own_noun(right)
        # "left 60 towns without power, though only 15 remain without electricity": the 15 are towns too
        thing_count = last_thing is not None and category is None and not own_noun
        last_thing = num if own_noun else None
        # coordinated with the count before it, when that count was a figure ("500 buildings, 13 schools" are not)
        linked = prev_end >= 0 and prev_end == last_end and bool(_COORD_LEFT.search(sentence[prev_end : num.start]))
        last_end = num.end
        # "including 442 drones", and the breakdown after a colon: "56 air targets: 43 missiles and 13 drones"
        including = bool(_INCLUDING_LEFT.search(left[-60:]) or _AFTER_COLON.search(left[-80:]))
        subset = bool(_SUBSET_RIGHT.match(right))
        cue = _left_cue(left[-220:])
        if cue in (LAUNCHED, DESTROYED) and category not in (*WEAPON_CATEGORIES, TARGETS):
            right_cue, strong = _right_cue(right)
            if strong and right_cue in PERSON_CUES:
                cue = right_cue  # "... with 94 injured": the count's own participle, not the weapons' "with"
        if cue is None and (
            _DEATHS_OF.search(left[-40:]) or (_LOSS_OF.search(left[-40:]) and _LIVES_RIGHT.match(right))
        ):
            cue, category = KILLED, category or PEOPLE
        if category is None and cue in (KILLED, INJURED) and _children_counted(left[-220:]):
            category = CHILDREN  # "bringing the number of children killed to four"
        if cue is None and _OF_THE_LEFT.search(left[-40:]) and _OF_THE_RIGHT.match(right):
            cue = LAUNCHED
        left_given = cue is not None
        if cue is None and _POWER_RIGHT.match(right) and _power_right(right):
            cue = NO_POWER
        if cue is None and category in (PEOPLE, HOMES) and _power_tail(sentence, right):
            cue = NO_POWER
        from_right = False
        if cue is None:
            # "15 of 18 missiles launched by Russia were shot down": the verb follows the total
            right_cue, strong = _right_cue(sentence[nxt.end :] if of_total and nxt else right)
            if right_cue and strong:
                cue, from_right = right_cue, True
            elif (linked or including) and prev_cue and not (right_cue is None and _OWN_PREDICATE.match(right)):
                cue = prev_cue
            elif including and last_cue:
                cue = last_cue  # "intercepted 483 of 524 threats, including 442 drones"
            else:
                cue = right_cue
        if category is None and _CHILDREN_OF.match(right):
            # "28 people died. Three of them were children."
            category, cue = CHILDREN, cue or prev_cue or story.toll
        bare = bool(_BARE_COUNT.match(right))  # the count names no thing of its own: "98 were shot down"
        weapon_cue = cue in (DESTROYED, LAUNCHED, None)
        compatible = weapon_cue or prev_category not in WEAPON_CATEGORIES  # never "seven dead" missiles
        if category is None and not own_noun and prev_category and compatible:
            inherits = linked or including or (cue in (DESTROYED, LAUNCHED) and bare)
            if inherits or (_OF_TOTAL_LEFT.search(left[-30:]) and cue == LAUNCHED):
                category = prev_category if prev_category != CHILDREN else PEOPLE
        pair_cue = None
        if total_of is not None and total_of[0] is num:
            pair_cue = total_of[2]
            if total_of[1] in WEAPON_CATEGORIES or pair_cue in (DESTROYED, LAUNCHED):
                cue, category = LAUNCHED, category or total_of[1]  # the 70 of "shot down 58 of 70 drones"
        total_of = None
        last_cue = pair_cue or cue or last_cue
        if category == TARGETS:
            category = targets(sentence, prev_category, weapon, cue, num.end)
        if category is None and thing_count and not left_given:
            waiting = []
            continue
        if category is None and cue in PERSON_CUES and not own_noun:
            category = PEOPLE
        # "95 people were injured. 52 of them were hospitalised": part of a count already given
        same = cue is None or cue == (prev_cue or story.toll)
        if subset and category != CHILDREN and same and not _located(sentence, num):
            waiting = []
            continue  # "18 people were injured, 9 of them are in hospital": part of a count already given
        if of_total and nxt is not None and cue:
            total_of = (nxt, category, cue)
        if of_total and category in (None, PEOPLE):
            waiting = []
            continue  # "10 of the 14 dead were not identified": the 14 is the toll
        if including and category == CHILDREN and cue not in (KILLED, INJURED):
            waiting = []
            continue  # "17 rescued, including three children": no kind counts them
        kind = _kind(category, cue)
        if kind is None:
            if category is None:
                waiting = []
            elif _joined(sentence, waiting, num):
                waiting.append((num, category))
            else:
                waiting = [(num, category)]
            continue
        if from_right and waiting and _joined(sentence, waiting, num) and cue in PERSON_CUES:
            # "two men and one woman died": one toll of three (and the children in it)
            group = [*waiting, (num, category)]
            first = group[0][0]
            total = sum(n.value for n, _ in group)
            found.append(Found(FigureMention(cue, total, first.qualifier, first.start, num.end)))
            kids = sum(n.value for n, c in group if c == CHILDREN)
            if kids and cue in (KILLED, INJURED):
                found.append(Found(FigureMention(f"children_{cue}", kids, "exact", first.start, num.end)))
            waiting = []
            prev_cue, prev_category, prev_end = cue, PEOPLE, num.end
            continue
        if from_right and waiting and _joined(sentence, waiting, num):
            for early, early_category in waiting:
                early_kind = _kind(early_category, cue)
                if early_kind:
                    fig = FigureMention(early_kind, early.value, early.qualifier, early.start, early.end)
                    found.append(Found(fig, listed=bool(found), located=_located(sentence, early)))
        waiting = []
        fig = FigureMention(kind, num.value, num.qualifier, num.start, num.end)
        found.append(
            Found(
                fig,
                listed=linked,
                part=including or subset,
                located=_located(sentence, num),
                own_verb=from_right,
                total=bool(_TOTAL_LEFT.search(left[-30:])),
            )
        )
        # what follows "21 of 23 missiles and two drones" is counted like the 21
        prev_cue, prev_category, prev_end = pair_cue or cue, category, num.end
    out = sum_model_lists(stated_totals(found))
    out = without_split_totals(out)
    out.extend(alls(sentence, out, story.launched, weapon))
    out.extend(lone_persons(sentence, out))
    out = hurt_in_parts(sentence, out, story.injured)
    out.extend(lone_weapons(sentence, out, weapon))
    return sorted(out, key=lambda f: f.start)


def _located(sentence: str, num: NumberMention) -> bool:
    return bool(_LOCATED_RIGHT.match(sentence, num.end))


def _joined(sentence: str, waiting: Sequence[tuple[NumberMention, str]], num: NumberMention) -> bool:
    """Is `num` coordinated with the last waiting count ("30 missiles and 585 drones")?"""
    if not waiting:
        return False
    return bool(_COORD_GAP.fullmatch(sentence[waiting[-1][0].end : num.start]))


def find_figures(sentence: str, story: StoryCounts | None = None) -> list[FigureMention]:
    """All figures of one sentence (`story`: see `classify`)."""
    return drop_cumulative(sentence, classify(sentence, find_numbers(sentence), story))
