"""Who attacks whom: the side under attack in a sentence, and which places can be a strike's place.

Reports of this war name the attacker as often as the target ("Russia pummelled Ukrainian cities", "a
Ukrainian drone attack on Russia's Krasnodar region"). The country under attack places a toll that names no
place; the attacker's own name is never the place of its strike.
"""

from __future__ import annotations

import re

from kronika.extraction.places import PlaceRef

_WEAPONISH = (
    r"(?:(?:[a-z]+-[a-z-]+|drone|missile|air|aerial|rocket|artillery|naval|sea|massive|overnight|kamikaze|attack"
    r"|strike|combat|cruise|ballistic)\s+){0,2}"
)
_ATTACK_NOUN = r"(?:drones?|missiles?|attacks?|strikes?|shelling|bombardment|barrage|UAVs?)"
_ATTACK_VERB = (
    r"(?:launched|launches|fired|fires|attacked|struck|hit|pounded|pummell?ed|shelled|bombed|targeted|sent|used"
    r"|deployed|unleashed)"
)
# weapons sent at a side's places: "fired 30 missiles at Ukrainian energy sites", "drones launched at Russian regions"
_AIMED_AT = (
    r"\b(?:launched|launching|fired|firing|sent|directed)\b[^.;]{0,60}?\b(?:at|on|against|towards)\s+(?:the\s+)?"
)
# "Kyiv were attacked", "Russia has been hit": the side named before a passive verb is its target, not the attacker
_ACTIVE = r"(?!(?:was|were|is|are|be|been|being|got|has\s+been|have\s+been|had\s+been)\s)"
_RU_TARGET = re.compile(
    r"\b(?:Ukrainian|Ukraine's|Ukraine’s|Kyiv's|Kyiv’s)\s+" + _WEAPONISH + _ATTACK_NOUN + r"\b"
    r"|\b(?:Ukraine|Kyiv|Ukrainians|Ukrainian\s+(?:forces|military|army|troops))\s+" + _ACTIVE
    + r"(?:\w+\s+)?" + _ATTACK_VERB + r"\b"
    r"|\blaunched\s+by\s+(?:the\s+)?(?:Ukrainian|Ukraine|Kyiv)\b"
    r"|" + _AIMED_AT + r"(?:Russian|Russia's|Russia’s|Russia)\b"
)
_UA_TARGET = re.compile(
    r"\b(?:Russian|Russia's|Russia’s|Moscow's|Moscow’s)\s+"
    + _WEAPONISH
    + r"(?:"
    + _ATTACK_NOUN[3:-1]
    + r"|forces|troops)\b"
    r"|\b(?:Russia|Moscow|Russians|Russian\s+(?:forces|military|army|troops))\s+" + _ACTIVE
    + r"(?:\w+\s+)?" + _ATTACK_VERB + r"\b"
    r"|\bby\s+Russia\b|\blaunched\s+by\s+(?:the\s+)?(?:Russian|Russia)\b"
    r"|" + _AIMED_AT + r"(?:Ukrainian|Ukraine's|Ukraine’s|Ukraine)\b"
)
_RUSSIA_NAMED = re.compile(r"\b(?:Russia|Russian|Moscow|Kremlin)\b")
# Where the war is fought: tolls and hits are placed only here (a toll is never "in Ankara" because the same
# sentence mentions talks there). Water bodies have no country and count as theatre.
THEATRE = frozenset({"UA", "RU", None})


def in_theatre(ref: PlaceRef) -> bool:
    """Is the place where the war is fought (tolls are never placed at the venue of talks)?"""
    return ref.location.country in THEATRE


def attack_target(text: str) -> str | None:
    """The country under attack when the sentence says who attacks ("Russia launched", "Ukrainian drones"), else
    None. Stronger evidence than who reports it: "Russia used 40 drones, it said" is an attack on Ukraine whoever
    "it" turns out to be."""
    if _RU_TARGET.search(text):
        return "RU"
    if _UA_TARGET.search(text):
        return "UA"
    return None


def target_country(text: str) -> str | None:
    """The country under attack in a sentence: whoever the attack cues point at, "UA", "RU" or None (a sentence
    that only names Russia is taken to be about an attack on Ukraine)."""
    return attack_target(text) or ("UA" if _RUSSIA_NAMED.search(text) else None)


def places_country(refs: list[PlaceRef]) -> str | None:
    """The one war country all the sentence's places below country level lie in ("UA"/"RU"), if they agree."""
    countries = {r.location.country for r in refs if r.location.precision != "country" and r.location.country}
    return next(iter(countries)) if len(countries) == 1 and countries <= {"UA", "RU"} else None


def country_over(refs: list[PlaceRef]) -> str | None:
    """The war country a sentence places its events in ("in the sky over Ukraine", "launched at Ukraine"): a
    country named as place or object, never as subject ("Ukraine said")."""
    countries = {
        r.location.country for r in refs if r.location.precision == "country" and r.role in ("locative", "object")
    }
    return next(iter(countries)) if len(countries) == 1 and countries <= {"UA", "RU"} else None


def not_attacker(refs: list[PlaceRef]) -> list[PlaceRef]:
    """A country is the place of a strike only as its target ("hit refineries in Russia"), never as the actor
    ("Russia pummelled Ukrainian cities")."""
    return [r for r in refs if r.location.precision != "country" or r.role in ("locative", "object")]


def attacker(target: str | None) -> list[str]:
    """The attacking side, given the side under attack."""
    return {"UA": ["Russia"], "RU": ["Ukraine"]}.get(target or "", [])
