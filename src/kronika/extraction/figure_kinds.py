"""The vocabulary of figure finding: what a count can count, the cue words of each kind, and a found figure.

Shared by `figures` (which counts are figures, of what kind), `airdefence` (weapon lists and air-defence phrasing)
and `tolls` (people counted without a numeral, war totals).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

PEOPLE, CHILDREN, DRONES, MISSILES, WEAPONS, FIRES = "people", "children", "drones", "missiles", "weapons", "fires"
HOMES, TARGETS = "homes", "targets"
KILLED, INJURED, RESCUED, MISSING, NO_POWER, LAUNCHED, DESTROYED = (
    "killed",
    "injured",
    "rescued",
    "missing",
    "without_power",
    "launched",
    "destroyed",
)
WEAPON_CATEGORIES = (DRONES, MISSILES, WEAPONS)
PERSON_CUES = (KILLED, INJURED, RESCUED, MISSING, NO_POWER)

# The cue words of each kind; a cue with a count gives its kind ("killing 10", "12 were injured").
CUES: tuple[tuple[str, str], ...] = (
    (
        KILLED,
        r"kill(?:ed|ing|s)?|dead|died|dying|die|deaths?|death\s+toll|toll|lost\s+their\s+lives|fatalities|perished"
        r"|(?:took|taken|taking|claimed|claiming)\s+the\s+lives\s+of",
    ),
    (
        INJURED,
        r"injur(?:ed|ing|es|e|ies)|wound(?:ed|ing|s)?|hurt|hospitali[sz]ed"
        r"|(?:sustained|suffered|received)\s+(?:\w+\s+)?(?:injuries|wounds)",
    ),
    (RESCUED, r"rescu(?:ed|ing|es|e)|saved|pulled\s+(?:out\s+)?alive"),
    (
        MISSING,
        r"(?:went\s+)?missing|unaccounted\s+for|(?:feared\s+)?(?:trapped|buried)(?:\s+(?:under|beneath|in)\b)?"
        r"|under\s+the\s+(?:rubble|wreckage|debris|ruins)",
    ),
    (NO_POWER, r"without\s+(?:power|electricity|light|electric\s+supply)|(?:lost|losing)\s+(?:power|electricity)"),
    (
        LAUNCHED,
        r"launch(?:ed|ing|es)?|fir(?:ed|ing|es)|sent|sending|used|using|attacked\s+with|(?<!along\s)(?<!together\s)with|involving"
        r"|deploy(?:ed|ing|s)?|rain(?:ed|ing)|unleash(?:ed|ing)|hurl(?:ed|ing)|included|includes"
        r"|barrage\s+of|wave\s+of|salvo\s+of|attack\s+of",
    ),
    (
        DESTROYED,
        r"destroy(?:ed|ing|s)?|shot\s+down|shoot(?:ing)?\s+down|downed|down|downs|intercept(?:ed|ing|s)?"
        r"|neutrali[sz](?:ed|ing|es)|suppressed|taken\s+out|jammed",
    ),
)
_CUE_OF_WORD = [(kind, re.compile(r"^(?:" + cue + r")$", re.I)) for kind, cue in CUES]


@dataclass(frozen=True, slots=True)
class FigureMention:
    """A figure found in a sentence; offsets are relative to the sentence."""

    kind: str
    value: int
    qualifier: str
    start: int
    end: int


@dataclass(slots=True)
class Found:
    """A figure while the sentence is read, with what the list rules need to know about it."""

    fig: FigureMention
    listed: bool = False  # coordinated with the figure before it
    part: bool = False  # under "including", "among them", "of which"
    own_verb: bool = False  # its cue is a verb of its own ("and 20 were suppressed"), not the list's
    total: bool = False  # the text's own sum: "for a total of 70"
    located: bool = False  # followed by its own place: "66 over the Bryansk region"


def cue_kind(verb: str) -> str | None:
    return next((k for k, p in _CUE_OF_WORD if p.match(verb.lower())), None)


def covered(found: Sequence[FigureMention], start: int, end: int) -> bool:
    return any(f.start < end and start < f.end for f in found)


def weapon_category(kind: str) -> str | None:
    """ "drones_destroyed" -> "drones"; None for a kind that counts no weapon."""
    head = kind.split("_", 1)[0]
    return head if head in (DRONES, MISSILES, WEAPONS) else None
