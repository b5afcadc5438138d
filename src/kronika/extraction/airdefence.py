"""Air-defence phrasing and weapon lists, read after `figures.classify` has typed the counts of a sentence.

    "four Kalibr cruise missiles, one Iskander-M missile and 40 Shahed drones"  one count per kind, their sum
    "31 missiles, among them two Kinzhal"                                      a breakdown: the total stands
    "shot down 50, and EW suppressed another 20, for a total of 70"            the text's own total stands
    "56 air targets: 43 missiles and 13 drones"                                the kinds stand, not the total
    "shot down all but one of the drones", "all five", "All of them were ..."  read from the launched count
    "destroyed a UAV", "Another drone was shot down"                           one each
    "destroyed 17 enemy targets"                                               the weapons the story counts
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kronika.extraction.figure_kinds import (
    DESTROYED,
    DRONES,
    LAUNCHED,
    MISSILES,
    WEAPON_CATEGORIES,
    WEAPONS,
    FigureMention,
    Found,
    covered,
    cue_kind,
    weapon_category,
)
from kronika.extraction.numbers import parse_number

_LONE_WEAPON_NOUN = (
    r"(?P<noun>missile|drone|UAV|Shahed|rocket)(?!s|\s+(?:attacks?|strikes?|debris|fragments?|wreckage))\b"
)
_LONE_WEAPON = re.compile(
    r"\b(?P<cue>launched|fired|deployed|deploying|used|using|destroyed|shot\s+down|downed|intercepted"
    r"|neutrali[sz]ed)\s+(?:(?:also|successfully)\s+)?(?P<art>an?|another|a\s+single)\s+(?:[A-Za-z][\w.’'/-]*\s+){0,3}?"
    + _LONE_WEAPON_NOUN
    + r"|\b(?P<art2>[Aa]n?|[Aa]nother|[Aa]\s+single)\s+(?:[A-Za-z][\w.’'/-]*\s+){0,3}?"
    + _LONE_WEAPON_NOUN.replace("noun", "noun2")
    + r"\s+(?:was|has\s+been|had\s+been)\s+(?:also\s+)?(?P<cue2>shot\s+down|destroyed|downed|intercepted"
    r"|neutrali[sz]ed|launched|fired)"
    r"|(?:,\s*|\s+)(?:and|as\s+well\s+as|plus)\s+(?P<art3>an?|one)\s+(?:[A-Za-z][\w.’'/-]*\s+){0,3}?"
    + _LONE_WEAPON_NOUN.replace("noun", "noun3")
)
_ALL_BUT = re.compile(
    r"\ball\s+(?:but|except(?:\s+for)?)\s+(?P<n>one|two|three|four|five|six|seven|eight|nine|ten|\d+)\b"
    r"(?:\s+(?:of\s+)?(?:the|them|these|those)?\s*(?:(?P<m>\d[\d,]*)\s+)?(?:[A-Za-z][\w.’'/-]*\s+){0,3}?"
    r"(?P<noun>drones?|missiles?|UAVs?|projectiles|targets))?",
    re.I,
)
_ALL_NONE = re.compile(
    r"\ball\s+(?:of\s+)?(?:the\s+|them\b|these\b|those\b)?\s*(?:[A-Za-z][\w.’'/-]*\s+){0,2}?(?P<noun>drones|missiles"
    r"|UAVs|projectiles|targets|weapons)?(?=\s+(?:were|was|had\s+been|have\s+been)\s+(?:\w+\s+)?(?:shot\s+down"
    r"|destroyed|downed|intercepted|neutrali[sz]ed))",
    re.I,
)
_ALL_N_LEFT = re.compile(r"\ball\s+(?:of\s+)?(?:the\s+)?$", re.I)
_DESTROY_NEAR = re.compile(
    r"\b(?:shot\s+down|shoot(?:ing)?\s+down|downed|destroy(?:ed|ing)|intercept(?:ed|ing)|neutrali[sz](?:ed|ing))\b",
    re.I,
)
_AIR_DEFENCE = re.compile(r"\b(?:air\s+defen[cs]es?|shot\s+down|downed|intercept(?:ed|ing))\b", re.I)
_COLON_AFTER = re.compile(r"\s+(?:[A-Za-z-]+\s+){0,3}?targets\s*:")


def targets(
    sentence: str, prev_category: str | None, weapon: str | None, cue: str | None, end: int
) -> str | None:
    """ "destroyed 17 enemy targets" counts the weapons the story is about; no weapon context, no figure. Targets
    broken down after a colon ("56 air targets: 43 missiles and 13 drones") are weapons of every kind."""
    if cue != DESTROYED:
        return None
    if _COLON_AFTER.match(sentence, end):
        return WEAPONS
    for candidate in (prev_category, weapon):
        if candidate in WEAPON_CATEGORIES:
            return candidate
    return WEAPONS if _AIR_DEFENCE.search(sentence) else None


def sum_model_lists(found: Sequence[Found]) -> list[FigureMention]:
    """ "four Kalibr cruise missiles, one Iskander-M missile and 40 Shahed drones": one missiles count of 5, one
    drones count of 40. A list is a run of counts coordinated under one cue; a count with a verb of its own ("and
    20 were suppressed") starts a new one. A list under "including" after a total of the same kind is that
    total's breakdown and is left as it is (the air attack keeps the total), and so is a list whose counts each
    have their own place ("29 over Rostov and 20 over Astrakhan")."""
    runs: list[list[Found]] = []
    for f in found:
        prev = runs[-1][-1] if runs else None
        joins = prev is not None and f.listed and not f.own_verb and not prev.located and f.part == prev.part
        if joins:
            runs[-1].append(f)
        else:
            runs.append([f])
    out: list[FigureMention] = []
    for run in runs:
        located = sum(1 for f in run if f.located)
        summed: dict[str, list[Found]] = {}
        for f in run:
            if weapon_category(f.fig.kind):
                summed.setdefault(f.fig.kind, []).append(f)
        for f in run:
            items = summed.get(f.fig.kind)
            if not items or len(items) == 1 or located > 1 or (f.part and any(o.kind == f.fig.kind for o in out)):
                out.append(f.fig)
                continue
            if f is items[0]:
                total = sum(i.fig.value for i in items)
                out.append(FigureMention(f.fig.kind, total, f.fig.qualifier, f.fig.start, items[-1].fig.end))
    return out


def stated_totals(found: list[Found]) -> list[Found]:
    """ "shot down 50 drones, and electronic warfare suppressed another 20, for a total of 70": the text's own
    total of a weapon kind stands for the parts it adds up (a part with its own place stays a regional count)."""
    totals = {f.fig.kind for f in found if f.total and weapon_category(f.fig.kind)}
    return [f for f in found if f.total or f.located or f.fig.kind not in totals]


def without_split_totals(found: list[FigureMention]) -> list[FigureMention]:
    """ "423 air attack assets: 417 drones and six missiles": the text splits its total, so the drones and missiles
    stand and the combined count is none of the kinds (weapons_* is for a total the text does not split)."""
    kinds = {f.kind for f in found}
    return [
        f
        for f in found
        if not (f.kind.startswith("weapons_") and {f.kind.replace("weapons", w) for w in (DRONES, MISSILES)} <= kinds)
    ]


def all_but_spans(sentence: str) -> list[tuple[int, int]]:
    """Where "all but three of the 40 drones" stands: its counts are read by `alls`, not as counts of their own."""
    return [m.span() for m in _ALL_BUT.finditer(sentence)]


def alls(
    sentence: str, found: Sequence[FigureMention], launched: dict[str, int], weapon: str | None
) -> list[FigureMention]:
    """ "shot down all but one of the drones", "all five drones were shot down", "All the drones were destroyed":
    destroyed counts read from the launched count, and "all N" also states the launched count."""
    extra: list[FigureMention] = []
    here = {f.kind.split("_", 1)[0]: f.value for f in found if f.kind.endswith("_launched")}
    known = {**launched, **here}
    low = sentence.lower()
    if "all" not in low:
        return extra
    for m in _ALL_BUT.finditer(sentence):
        if not _destroy_governs(sentence, m.start(), m.end()):
            continue
        category = _weapon_noun(m.group("noun")) or weapon or (next(iter(here)) if len(here) == 1 else None)
        n = parse_number(m.group("n"))
        if m.group("m") and category:  # "all but three of the 40 drones"
            total = parse_number(m.group("m"))
            if total is not None and category not in here:
                known[category] = total
                extra.append(FigureMention(f"{category}_launched", total, "exact", m.start("m"), m.end("m")))
        if category in known and n is not None and known[category] > n:
            kind = f"{category}_destroyed"
            if not any(f.kind == kind and f.start >= m.start() for f in found):
                extra.append(FigureMention(kind, known[category] - n, "exact", m.start(), m.end()))
    for f in found:
        if f.kind.endswith("_destroyed") and _ALL_N_LEFT.search(sentence, max(0, f.start - 12), f.start):
            category = f.kind.split("_", 1)[0]
            if category not in known:
                extra.append(FigureMention(f"{category}_launched", f.value, f.qualifier, f.start, f.end))
    for m in _ALL_NONE.finditer(sentence):
        if any(m.start() <= f.start <= m.end() + 3 for f in found):
            continue
        category = _weapon_noun(m.group("noun")) or weapon
        if category in known and not any(f.kind == f"{category}_destroyed" for f in found):
            extra.append(FigureMention(f"{category}_destroyed", known[category], "exact", m.start(), m.end()))
    return extra


def _destroy_governs(sentence: str, start: int, end: int) -> bool:
    before = sentence[max(0, start - 60) : start]
    after = sentence[end : end + 50]
    return bool(_DESTROY_NEAR.search(before) or re.match(r"\s*(?:were|was|had\s+been|have\s+been)\s+(?:\w+\s+)?"
                                                        + _DESTROY_NEAR.pattern, after, re.I))


def _weapon_noun(noun: str | None) -> str | None:
    if not noun:
        return None
    low = noun.lower()
    if low.startswith(("drone", "uav", "shahed")):
        return DRONES
    if low.startswith(("missile", "rocket")):
        return MISSILES
    return None  # "projectiles", "targets": whatever the story counted


def lone_weapons(sentence: str, found: Sequence[FigureMention], weapon: str | None) -> list[FigureMention]:
    """ "destroyed a UAV", "Another drone was shot down", "... 139 drones and an Iskander-M missile": one each."""
    extra: list[FigureMention] = []
    low = sentence.lower()
    if not any(stem in low for stem in ("missile", "drone", "uav", "shahed", "rocket")):
        return extra
    for m in _LONE_WEAPON.finditer(sentence):
        noun = m.group("noun") or m.group("noun2") or m.group("noun3")
        category = _weapon_noun(noun)
        if m.group("noun3"):
            before = [f for f in found if f.end <= m.start() and f.kind.split("_", 1)[0] in WEAPON_CATEGORIES]
            if not before:
                continue
            cue = before[-1].kind.split("_", 1)[1]
        else:
            cue = LAUNCHED if cue_kind((m.group("cue") or m.group("cue2") or "").split()[0]) == LAUNCHED else DESTROYED
        if category is None:
            continue
        start, end = m.span()
        if covered([*found, *extra], start, end):
            continue
        kind = f"{category}_{cue}"
        if any(f.kind == kind for f in found):
            continue  # "shot down 40 drones and a missile": only a kind no count states
        extra.append(FigureMention(kind, 1, "exact", start, end))
    return extra
