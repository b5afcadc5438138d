"""Who says so: normalising claimants and deciding when a stance is contested.

A claimant is written many ways ("Russia's defence ministry", "the Russian Ministry of Defense"); `claimant_key`
folds the common variants so reports from one claimant group together. It is deliberately modest: two
spellings it fails to fold count as two claimants, which can only add a visible "contested" label, never hide
a disagreement.

`claimant_groups` goes one step further inside one event: "Andriy Sybiga" and "Foreign Minister Andriy Sybiga",
or "the air force" and "Ukraine's air force", name the same claimant when one name's words are all in the
other's, and the shorter name says something specific (a name, or two words or more).

Canonical claimants (kronika.claimants) are computed at ingest and stored beside each phrase
(`claimant_context`, `canonical_claimants`): reports grouped by canonical id never split one body in two, and
a phrase kronika cannot place still groups by `claimant_key`.

Stance rule: an event is contested when one report denies what another report claims or reports, and the two
come from different claimants (or either gives none). A claimant contradicting itself later is a revision,
not a contest.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from kronika.claimants import Claimant, ClaimantContext, canonical_claimant
from kronika.models import Location

# the event types whose claimants speak for the place under attack: a bare "the air force", "the defence
# ministry" in them is the defending country's (a ground claim's "the defence ministry" is not)
DEFENDER_TYPES = frozenset({"air_attack", "strike"})

_WORD_FOLDS = {
    "ukrainian": "ukraine",
    "ukraine's": "ukraine",
    "russian": "russia",
    "russia's": "russia",
    "defense": "defence",
    "mod": "defence ministry",
    "kiev": "kyiv",
    "ministry's": "ministry",
    "forces": "force",
    "military's": "military",
}
_DROP = {"the", "of", "s", "'s", "said", "according", "to"}
_SPLIT = re.compile(r"[^\w']+")


def claimant_key(claimant: str | None) -> str | None:
    """A comparison key for a claimant: case, possessives, word order and common variants folded."""
    if not claimant or not claimant.strip():
        return None
    text = claimant.casefold().replace("\u2019", "'")
    words: list[str] = []
    for word in _SPLIT.split(text):
        word = _WORD_FOLDS.get(word, word)
        if word.endswith("'s"):
            word = _WORD_FOLDS.get(word[:-2], word[:-2])
        words.extend(w for w in word.split() if w and w not in _DROP)
    return " ".join(sorted(set(words))) or None


def claimant_context(event_type: str, place: Location | None, day: str | None) -> ClaimantContext:
    """What completes a bare role in a report of this event: its place, and for attacks the defending country."""
    country = place.country if place is not None and event_type in DEFENDER_TYPES else None
    return ClaimantContext.of_place(place, day, country)


def canonical_claimants(phrases: Iterable[str | None], context: ClaimantContext) -> dict[str, Claimant]:
    """The canonical claimant of each phrase that names a body or a person."""
    out: dict[str, Claimant] = {}
    for phrase in phrases:
        if phrase and phrase not in out:
            found = canonical_claimant(phrase, context)
            if found is not None:
                out[phrase] = found
    return out


_GENERIC = {
    "official", "officials", "authorities", "minister", "ministry", "military", "force", "army", "governor",
    "mayor", "head", "city", "regional", "administration", "service", "spokesman", "spokesperson", "office",
}


def claimant_groups(claimants: Iterable[str | None]) -> dict[str, str]:
    """Map each claimant's key to the key of the fullest name of the same claimant among `claimants`."""
    keys = sorted({k for k in map(claimant_key, claimants) if k}, key=lambda k: (-len(k.split()), k))
    canonical: dict[str, str] = {}
    for key in keys:
        words = set(key.split())
        specific = len(words) >= 2 or bool(words - _GENERIC)
        target = next(
            (canonical[other] for other in canonical if specific and words < set(other.split())),
            key,
        )
        canonical[key] = target
    return canonical


def stance_contested(stances: Iterable[tuple[str | None, str]]) -> bool:
    """True when a denial meets a claim or report from a different (or unknown) claimant.

    `stances` are (claimant, status) pairs, status one of reported / claimed / denied.
    """
    pairs = list(stances)
    groups = claimant_groups(c for c, _ in pairs)
    items = [(groups.get(claimant_key(c) or ""), s) for c, s in pairs]
    denials = [c for c, s in items if s == "denied"]
    assertions = [c for c, s in items if s in ("claimed", "reported")]
    return any(d is None or a is None or d != a for d in denials for a in assertions)


def event_status(stances: Iterable[tuple[str | None, str]]) -> str:
    """The event's overall status: 'contested', or the one status all reports share, else 'reported'."""
    items = list(stances)
    if stance_contested(items):
        return "contested"
    statuses = {s for _, s in items}
    return statuses.pop() if len(statuses) == 1 else "reported"
