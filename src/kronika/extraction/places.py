"""Which of the places a sentence names is where its event happened.

A sentence names places in several roles. "Russia struck Kyiv" names Russia as the attacker (subject) and Kyiv
as the target; "Ukraine's capital" uses Ukraine as a possessor; "Kyiv Mayor Vitali Klitschko" uses Kyiv as a
modifier. Only targets and locatives ("in the western city of Ternopil", "near Siversk", "on Russia's Krasnodar
region") can be where an event happened. Among those, the most specific place wins: a toll "in Ternopil" is not
a toll "in Ukraine".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from kronika.models import Location
from kronika.nlp import doc_text

LOCATIVE_PREPS = frozenset(
    "in on at near across over around outside into to toward towards inside throughout within against from "
    "along beyond through".split()
)
PLACE_NOUNS = frozenset(
    "city town village settlement region oblast capital district raion outskirts suburbs province area "
    "territory krai republic port hub villages towns cities settlements community communities hamlet locality "
    "localities".split()
)
ATTACK_NOUNS = frozenset(
    "shelling bombardment bombing attack attacks strike strikes barrage liberation capture seizure occupation "
    "encirclement outskirts".split()
)
SPECIFICITY = {"settlement": 0, "admin2": 1, "ambiguous": 2, "admin1": 3, "water": 4, "country": 5}
# gap text that continues a list of places: "Siversk and the villages of Novoselifka, Zatyshya and ..."
LIST_GAP = re.compile(
    r"^\s*(?:,\s*(?:and\s+|or\s+)?|\s*(?:and|or|as\s+well\s+as)\s+)(?:the\s+)?"
    r"(?:(?:nearby\s+|neighbouring\s+|neighboring\s+)?(?:city|town|village|settlement|cities|towns|villages|settlements)"
    r"\s+of\s+)?$",
    re.I,
)


@dataclass(slots=True)
class PlaceRef:
    """A place mention in a sentence with the grammatical role it plays there."""

    start: int
    end: int
    surface: str
    location: Location
    role: str  # "locative", "object", "subject", "possessive", "modifier", "other"


def _head(doc: Doc, start: int, end: int) -> Token | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return span.root


def role_of(doc: Doc, start: int, end: int) -> str:
    """The role a place mention plays in its sentence."""
    text_after = doc_text(doc)[end : end + 2]
    if text_after.startswith(("'s", "’s")) or text_after[:1] in ("'", "’"):
        return "possessive"
    head = _head(doc, start, end)
    if head is None:
        return "other"
    seen = 0
    while head.dep_ in ("conj", "appos") and head.head is not head and seen < 5:
        head = head.head
        seen += 1
    dep = head.dep_
    if dep == "poss":
        return "possessive"
    if dep in ("nsubj", "csubj"):
        return "subject"
    if dep == "pobj":
        prep = head.head
        if prep.lower_ in LOCATIVE_PREPS:
            return "locative"
        if prep.lower_ == "of" and (prep.head.lower_ in PLACE_NOUNS or prep.head.lower_ in ATTACK_NOUNS):
            return "locative"  # "the city of Ternopil", "the shelling of Nikopol"
        return "other"
    if dep in ("dobj", "nsubjpass", "attr", "obj", "oprd"):
        return "object"
    if dep in ("compound", "amod", "nmod", "npadvmod"):
        parent = head.head
        if parent.lower_ in PLACE_NOUNS or parent.ent_type_ in ("GPE", "LOC", "FAC"):
            return "locative"
        return "modifier"
    return "other"


def rank(ref: PlaceRef) -> tuple[int, int, int]:
    role_rank = {"locative": 0, "object": 0, "other": 1, "modifier": 2}.get(ref.role, 3)
    return (role_rank, SPECIFICITY.get(ref.location.precision, 6), ref.start)


def candidates(refs: Sequence[PlaceRef]) -> list[PlaceRef]:
    """Places that may be where the event happened, best first."""
    usable = [r for r in refs if r.role not in ("subject", "possessive")]
    return sorted(usable, key=rank)


def best_place(refs: Sequence[PlaceRef], allow_modifier: bool = True) -> PlaceRef | None:
    for ref in candidates(refs):
        if ref.role == "modifier" and not allow_modifier:
            continue
        return ref
    return None


def listed_with(primary: PlaceRef, refs: Sequence[PlaceRef], text: str) -> list[PlaceRef]:
    """Places coordinated with `primary` in a list ("near X and the villages of Y, Z and W")."""
    ordered = sorted(refs, key=lambda r: r.start)
    out: list[PlaceRef] = []
    idx = next((i for i, r in enumerate(ordered) if r is primary), None)
    if idx is None:
        return out
    prev = primary
    for ref in ordered[idx + 1 :]:
        if LIST_GAP.match(text[prev.end : ref.start]) and ref.location.precision in ("settlement", "ambiguous"):
            out.append(ref)
            prev = ref
        else:
            break
    return out
