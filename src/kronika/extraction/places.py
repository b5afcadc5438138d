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
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from kronika.geo import get_geocoder
from kronika.models import Location
from kronika.nlp import doc_text

LOCATIVE_PREPS = frozenset(
    "in on at near across over around outside into to toward towards inside throughout within against "
    "along beyond through".split()
)
# "launched from Kursk", "attacked from ships in the Black Sea": where a weapon came from, never its target (a
# ground claim still takes it: "withdrew from Lyman")
ORIGIN_PREPS = frozenset({"from"})
PLACE_NOUNS = frozenset(
    "city town village settlement region oblast capital district raion outskirts suburbs province area "
    "territory krai republic port hub villages towns cities settlements community communities hamlet locality "
    "localities regions oblasts provinces districts areas raions territories ports".split()
)
# "the Novoshakhtinsk oil refinery", "an attack on the Morozovsk airfield": a place naming a site is where the site is
FACILITY_NOUNS = frozenset(
    "refinery refineries plant plants airfield airfields airport airbase base bases depot depots port ports station "
    "stations substation substations terminal terminals factory factories facility facilities hospital hospitals "
    "bridge bridges dam mall market school schools warehouse warehouses enterprise enterprises tower complex "
    "pipeline harbour harbor railway shipyard arsenal".split()
)
# "the south of Ukraine's Odesa region", "the Russian-held part of the Kherson region", "out of Izyum"
PART_NOUNS = frozenset("part parts centre center edge edges heart out".split())
# "the south of the region" is a part of it; "southeast of Moscow" (no article) only a bearing from it
DIRECTION_NOUNS = frozenset("south north east west southeast southwest northeast northwest".split())
ATTACK_NOUNS = frozenset(
    "shelling bombardment bombing attack attacks strike strikes barrage liberation capture seizure occupation "
    "encirclement outskirts".split()
)
SPECIFICITY = {"settlement": 0, "admin2": 1, "ambiguous": 2, "admin1": 3, "water": 4, "country": 5}
# gap text that continues a list of places: "Siversk and the villages of Novoselifka, Zatyshya and ..."
LIST_GAP = re.compile(
    r"^\s*(?:,\s*(?:and\s+|or\s+)?|\s*(?:and|or|as\s+well\s+as)\s+)(?:the\s+)?"
    r"(?:(?:[\w-]+\s+){0,2}?(?:city|town|village|settlement|cities|towns|villages|settlements|port|capital)"
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
    role: str  # "locative", "object", "subject", "possessive", "modifier", "origin", "other"


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
        return "locative" if _undergoes(head.head) else "subject"
    if dep == "pobj":
        prep = head.head
        if prep.lower_ in LOCATIVE_PREPS:
            return "locative"
        if prep.lower_ in ORIGIN_PREPS:
            return "origin"
        if prep.lower_ == "of" and prep.head.lower_ in PLACE_NOUNS | ATTACK_NOUNS | PART_NOUNS:
            return "locative"  # "the city of Ternopil", "the shelling of Nikopol", "the Russian-held part of X"
        if prep.lower_ == "of" and prep.head.lower_ in DIRECTION_NOUNS and any(
            c.dep_ == "det" for c in prep.head.children
        ):
            return "locative"  # "the south of Ukraine's Odesa region"
        return "other"
    if dep in ("dobj", "nsubjpass", "attr", "obj", "oprd"):
        return "object"
    if dep in ("compound", "amod", "nmod", "npadvmod"):
        parent = head.head
        if parent.lower_ in PLACE_NOUNS or parent.ent_type_ in ("GPE", "LOC", "FAC"):
            return "locative"
        if _names_site(parent):
            return "locative"
        return "modifier"
    return "other"


# "the city suffered one of the heaviest attacks", "Kharkiv came under fire": the subject is where it happened
_UNDERGO_VERBS = frozenset("suffer suffers suffered suffering sustain sustains sustained endure endured".split())


def _undergoes(verb: Token) -> bool:
    if verb.lower_ in _UNDERGO_VERBS:
        return True
    return verb.lower_ in ("came", "come", "comes") and any(c.lower_ == "under" for c in verb.children)


_DISTRICT_OF = re.compile(r"^(?:\s+(?:district|raion|rayon))?\s+of\s+(?:the\s+)?(?:city\s+of\s+)?$", re.I)


def fold_city_districts(refs: list[PlaceRef], text: str) -> list[PlaceRef]:
    """ "the Dnipro district of Kherson", "the Kyivskyi district of Kharkiv": a part of the city that follows,
    which is the place (a raion of the same name elsewhere is no reading of it)."""
    drop = set()
    for a, b in zip(refs, refs[1:], strict=False):
        gap = text[a.end : b.start]
        if b.location.precision != "settlement" or not _DISTRICT_OF.match(gap):
            continue
        if a.location.precision == "admin2" or re.search(r"\b(?:district|raion|rayon)\b", a.surface + gap, re.I):
            drop.add(id(a))
    return [r for r in refs if id(r) not in drop] if drop else refs


def _names_site(noun: Token) -> bool:
    """Is `noun` (or the noun it modifies: "oil refinery", "power plant") a site that can be hit?"""
    for _ in range(3):
        if noun.lower_ in FACILITY_NOUNS:
            return True
        if noun.dep_ not in ("compound", "amod", "nmod") or noun.head.i == noun.i:
            return False
        noun = noun.head
    return False


def place_head(doc: Doc, ref: PlaceRef) -> Token | None:
    """The token a place mention hangs on the parse by: its head, past the names listed with it."""
    node = _head(doc, ref.start, ref.end)
    for _ in range(5):
        if node is None or node.dep_ not in ("conj", "appos", "compound") or node.head.i == node.i:
            break
        node = node.head
    return node


def governing_prep(doc: Doc, ref: PlaceRef) -> str | None:
    """The preposition a place hangs on, past "of" and place nouns: "in" for "talks in the Saudi city of
    Jeddah", "with" for "talks with Ukraine", None for a subject or object."""
    node = _head(doc, ref.start, ref.end)
    for _ in range(6):
        if node is None or node.head.i == node.i:
            return None
        if node.dep_ in ("conj", "appos", "compound", "amod", "nmod"):
            node = node.head
            continue
        if node.dep_ != "pobj":
            return None
        prep = node.head
        if prep.lower_ != "of":
            return prep.lower_
        node = prep.head  # "the city of X": go on from "city"
    return None


def rank(ref: PlaceRef) -> tuple[int, int, int]:
    role_rank = {"locative": 0, "object": 0, "other": 1, "modifier": 2}.get(ref.role, 3)
    return (role_rank, SPECIFICITY.get(ref.location.precision, 6), ref.start)


def candidates(refs: Sequence[PlaceRef], allow_origin: bool = False) -> list[PlaceRef]:
    """Places that may be where the event happened, best first. `allow_origin`: a place something left
    ("withdrew from Lyman") can be the event's place, as it is for ground claims."""
    barred = ("subject", "possessive") if allow_origin else ("subject", "possessive", "origin")
    usable = [r for r in refs if r.role not in barred]
    return sorted(usable, key=lambda r: rank(r) if r.role != "origin" else (0, *rank(r)[1:]))


def best_place(refs: Sequence[PlaceRef], allow_modifier: bool = True, allow_origin: bool = False) -> PlaceRef | None:
    for ref in candidates(refs, allow_origin):
        if ref.role == "modifier" and not allow_modifier:
            continue
        return ref
    return None


_UNKNOWN_ITEMS = re.compile(r"^(?:\s*,\s*[A-Z][a-z’'-]+)+(?=\s*,|\s+(?:and|or)\s)")


def listed_with(primary: PlaceRef, refs: Sequence[PlaceRef], text: str) -> list[PlaceRef]:
    """Places coordinated with `primary` in a list ("near X and the villages of Y, Z and W")."""
    ordered = sorted(refs, key=lambda r: r.start)
    out: list[PlaceRef] = []
    idx = next((i for i, r in enumerate(ordered) if r is primary), None)
    if idx is None:
        return out
    prev = primary
    for ref in ordered[idx + 1 :]:
        # "X, Unknownivka, Y": a name the gazetteer does not know is still an item, and the list goes on past it
        gap = _UNKNOWN_ITEMS.sub("", text[prev.end : ref.start], count=1)
        if LIST_GAP.match(gap) and ref.location.precision in ("settlement", "ambiguous"):
            out.append(ref)
            prev = ref
        else:
            break
    return out


def governed(
    sent: Span, refs: Sequence[PlaceRef], spans: Sequence[tuple[int, int]]
) -> tuple[list[PlaceRef], list[PlaceRef]]:
    """The places that a trigger word of `pattern` governs in the parse, walking up from the place to the verb of
    its clause: "struck the edges of Kyiv" and "an attack on the Morozovsk airfield" (the trigger is above the
    place), "In Chuhuiv, a strike ignited ..." (the place and the trigger hang on one verb), "the plant, which
    the Russians hit" and "an attack which killed three in Zaporizhzhia" (a clause joins trigger and place).
    A place hanging on another place ("Fastiv, near Kyiv") is that place's landmark, not a target; a place in a
    participle that only describes a noun ("a bridge linking Crimea to Russia") is never one.

    Returns (governed, loose): `loose` are the other places the parse does not rule out, for a caller that
    falls back on nearness when the parse links no place to the trigger. `spans`: the triggers' offsets in the
    cleaned text."""
    doc = sent.doc
    triggers: list[Token] = []
    for start, end in spans:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            triggers += list(span)
    if not triggers:
        return [], []
    trigger_ids = {t.i for t in triggers}
    heads = [_head(doc, r.start, r.end) for r in refs]
    out: list[PlaceRef] = []
    loose: list[PlaceRef] = []
    for ref, head in zip(refs, heads, strict=True):
        if head is None:
            continue
        others = {h.i for r, h in zip(refs, heads, strict=True) if r is not ref and h is not None}
        chain, node, landmark = [head], head, False
        while len(chain) <= 5 and node.i not in trigger_ids:
            if node.i != head.i and node.pos_ in ("VERB", "AUX"):
                break  # the clause ends at its verb
            if node.head.i == node.i:
                break
            below, node = node, node.head
            if node.i in others and below.dep_ == "prep":
                landmark = True  # "Fastiv, near Kyiv": Kyiv only says where Fastiv is
                break
            if node.lower_ in ORIGIN_PREPS:
                landmark = True  # "attacked from ships in the Black Sea": where the weapons came from
                break
            chain.append(node)
        if landmark:
            continue
        if node.i in trigger_ids or (node.dep_ in ("relcl", "acl") and node.head.i in trigger_ids):
            out.append(ref)
            continue
        verb = node if node.pos_ in ("VERB", "AUX") and len(chain) <= 3 else None
        linked = False
        for t in triggers:
            if verb is not None and t.head.i == verb.i and t.dep_ in ("nsubj", "nsubjpass", "dobj", "advcl", "conj"):
                linked = True  # "In Chuhuiv, a strike ... ignited", "In Lviv, a drone fell on ..."
            elif t.dep_ in ("relcl", "acl") and any(t.head.i == c.i for c in chain):
                linked = True  # "Dnipro Hydroelectric Power Plant, which the Russians hit"
        if linked:
            out.append(ref)
        elif node.pos_ not in ("VERB", "AUX") or _same_clause(node, triggers):
            loose.append(ref)
    return out, loose


def _same_clause(verb: Token, triggers: Sequence[Token]) -> bool:
    """Is a trigger in the clause of `verb` ("fighting in Mariupol: forces continue to resist Russian attacks"),
    or does `verb` only say where something the trigger hit was ("attacked a car, which was moving through X")?
    A clause beside the trigger's ("attacks came as fighting raged in Donetsk") is neither."""
    for t in triggers:
        if t.i == verb.i or any(a.i == verb.i for a in t.ancestors):
            return True
        if verb.dep_ == "relcl" and any(a.i == t.i for a in verb.head.ancestors):
            return True
    return False


# "north of Kharkiv", "10 km southwest of Kurakhove": a bearing from a place, which is not where the thing is
# ("the east of Bakhmut", with an article, is a part of the town)
_BEARING_BEFORE = re.compile(
    r"(?<!the\s)(?<!the\s\s)\b(?:north|south|east|west)(?:-?(?:east|west))?\s+of\s+(?:the\s+(?:city|town|village)\s+of\s+)?$",
    re.I,
)


def is_bearing(ref: PlaceRef, text: str) -> bool:
    """Is the place only named as a bearing ("villages north of Kharkiv")? `text`: the cleaned article text."""
    return bool(_BEARING_BEFORE.search(text[max(0, ref.start - 40) : ref.start]))


@lru_cache(maxsize=256)
def region_location(admin1: str) -> Location | None:
    """The region (oblast, krai) named `admin1` as a Location, for a claim on places the text leaves unnamed
    inside it."""
    loc = get_geocoder().resolve(admin1).location
    return loc if loc is not None and loc.precision == "admin1" else None


def claimed_ground(loc: Location) -> Location:
    """The place a ground claim is on: a Russian region's capital named bare ("the incursion into Kursk",
    "advanced in Belgorod") is the region, as the press uses the name; everywhere else the place itself."""
    if loc.country != "RU" or loc.precision != "settlement" or not loc.admin1:
        return loc
    base = re.sub(r"\s+(?:Oblast|Krai|Region)$", "", loc.admin1)
    if base.lower() != loc.name.lower():
        return loc
    return region_location(loc.admin1) or loc

