"""Choose among the places a name can denote, from a prior and the context of the text.

A candidate's score is a prior (how likely a bare mention means this place: size, Ukraine first, the
front-line oblasts, an official name over an alternate) plus context: its raion or oblast named near the
mention, other places of the story close to it, settlement nouns ("the village of"). The best candidate wins
only when it beats the next by `MARGIN`; otherwise the mention is ambiguous and gets no coordinates.
"""

from __future__ import annotations

import bisect
import math
import re
from collections import Counter
from dataclasses import dataclass, field

from kronika.geo.gazetteer import SETTLEMENT, Gazetteer, Place

MARGIN = 1.0
LOCAL_CHARS = 300  # a region named this close to a mention is about it
ATTACHED_AFTER = 50  # "X in the Y region": the region starts this close after the name's start
ATTACHED_BEFORE = 3  # "the Y region's X": the region ends right before the name
CROWDED = 8  # more Ukrainian namesakes than this: a small town does not stand out (Mykolaivka)
BIG_CITY = 100_000  # a namesake village needs explicit evidence to beat a city this big
FRONT_LINE = frozenset({"Donetsk Oblast", "Luhansk Oblast", "Zaporizhzhia Oblast", "Kherson Oblast",
                        "Kharkiv Oblast", "Dnipropetrovsk Oblast", "Sumy Oblast"})
_FRONT_POINT = (48.5, 37.5)
_FIXED_PRIOR = {"country": 9.0, "water": 8.5, "admin1": 8.0, "state": 8.0, "area": 8.0, "site": 8.0, "raion": 7.0}


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 12742.0 * math.asin(math.sqrt(min(1.0, a)))


_SENTENCE_BREAK = re.compile(r"[.!?;][\"'”’)]?\s+|\n")


def sentence_starts(text: str) -> list[int]:
    """Start offsets of sentences, roughly: enough to tell "named in the same sentence" from "nearby"."""
    return [0] + [m.end() for m in _SENTENCE_BREAK.finditer(text)]


@dataclass(slots=True)
class Context:
    """What the rest of the text says about where the story is. Call `finish` once filled."""

    regions: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, admin1 named there)
    raions: list[tuple[int, str]] = field(default_factory=list)  # (char position, admin2 named there)
    anchors: list[tuple[int, int]] = field(default_factory=list)  # (char position, place index) settled places
    countries: set[str] = field(default_factory=set)
    points: list[tuple[float, float, frozenset[int]]] = field(default_factory=list)  # anchor places, deduplicated
    sentences: list[int] = field(default_factory=list)  # start offsets of the text's sentences
    cluster: str | None = None  # the oblast most settled places of the story lie in
    # regions and raions by name, filled by `finish`: a mention looks up its own oblast's mentions, not all
    region_at: dict[str, list[tuple[int, int]]] = field(default_factory=dict)  # admin1 -> [(start, end)]
    raion_at: dict[str, list[int]] = field(default_factory=dict)  # admin2 -> [position]

    def nearest_km(self, lat: float, lon: float, pos: int) -> float:
        """Distance to the closest anchor within 80 km (else infinity). An anchor named only at `pos` is the
        mention being ranked: it must not vote for itself."""
        best = math.inf
        kx = math.cos(math.radians(lat)) * 111.32
        for alat, alon, ps in self.points:
            dy = (alat - lat) * 110.57
            if dy > 80 or dy < -80:
                continue  # cheap box test first: most anchors are far away
            dx = (alon - lon) * kx
            if dx > 80 or dx < -80 or (len(ps) == 1 and pos in ps):
                continue
            d = math.sqrt(dx * dx + dy * dy)
            if d < best:
                best = d
        return best

    def attached_regions(self, pos: int) -> set[str]:
        """The regions named as this mention's own: "X in the Y region" (Y starts just after, no other settled
        place between: in "X and the village of Z in the Y region" Y is Z's), "the Y region's X"."""
        out = set()
        for q, e, a1 in self.regions:
            after = 0 < q - pos <= ATTACHED_AFTER and not any(pos < a < q for a, _ in self.anchors)
            if after or 0 <= pos - e <= ATTACHED_BEFORE:
                out.add(a1)
        return out

    def same_sentence(self, a: int, b: int) -> bool:
        return bisect.bisect_right(self.sentences, a) == bisect.bisect_right(self.sentences, b)

    def finish(self, gaz: Gazetteer) -> Context:
        self.region_at, self.raion_at = {}, {}
        for start, end, admin1 in self.regions:
            self.region_at.setdefault(admin1, []).append((start, end))
        for pos, admin2 in self.raions:
            self.raion_at.setdefault(admin2, []).append(pos)
        positions: dict[int, set[int]] = {}
        for pos, i in self.anchors:
            positions.setdefault(i, set()).add(pos)
        self.points = [(gaz.places[i].lat, gaz.places[i].lon, frozenset(ps)) for i, ps in sorted(positions.items())
                       if gaz.places[i].lat is not None and gaz.places[i].kind in SETTLEMENT]
        counts = Counter(gaz.places[i].admin1 for _, i in self.anchors
                         if gaz.places[i].kind in SETTLEMENT and gaz.places[i].country == "UA")
        if counts:
            (top, n), *rest = counts.most_common(2) + [(None, 0)]
            self.cluster = top if n >= 2 and n > rest[0][1] else None
        return self


@dataclass(slots=True)
class Cues:
    village: bool = False  # "the village of X", "villages X, Y"
    city: bool = False  # "the city of X"
    front: bool = False  # the sentence claims ground fighting: advanced, captured, assaults ...


_PRIORS: dict[tuple[str, bool, bool], float] = {}


def prior(p: Place, primary: bool, crowded: bool = False) -> float:
    """How likely a bare mention of the name means `p`. `crowded`: the name has many Ukrainian namesakes."""
    key = (p.id, primary, crowded)
    cached = _PRIORS.get(key)
    if cached is None:
        cached = _PRIORS[key] = _prior(p, primary, crowded)
    return cached


def _prior(p: Place, primary: bool, crowded: bool) -> float:
    fixed = _FIXED_PRIOR.get(p.kind)
    if fixed is not None:
        return fixed
    # size matters for cities (Kostiantynivka the city, not one of 34 villages); villages are all alike, and
    # a small town does not stand out among dozens of villages of its name (Mykolaivka)
    big = p.population >= (20_000 if crowded else 5_000)
    s = math.log10(p.population) if big else (2.2 if p.kind == "town" else 2.0)
    # a Ukrainian "city" (KATOTTH category M, about 460 of them) is what news names; its namesakes are villages
    s += {"city": 1.0 if not crowded else 0.5, "world_city": 0.5, "town": 0.2, "district": -1.5}.get(p.kind, 0.0)
    if p.country == "UA":
        s += 1.5 + (0.3 if p.admin1 in FRONT_LINE else 0.0)
    elif p.country == "RU" and p.lat is not None and km(p.lat, p.lon, *_FRONT_POINT) > 1200:
        s -= 2.0  # a Seversk in Siberia is rarely the one a war report means
    if not primary:
        s -= 1.2  # an alternate name (Nikopol was once "Slavianske") yields to a place's own name
    return s


def _weaker_fuzzy_prior(p: Place, gap: float) -> float:
    return 2.0 + 1.5 + (0.3 if p.admin1 in FRONT_LINE else 0.0) - gap / 2


def context_bonus(gaz: Gazetteer, p: Place, pos: int, ctx: Context, cues: Cues, shielded: bool = False) -> float:
    """Evidence from the text for `p`. `shielded`: a big city shares the name, so only explicit evidence
    counts for a small namesake (its raion or region attached to the mention, "the village of")."""
    b = 0.0
    explicit = cues.village
    if p.admin2:
        near = [abs(q - pos) for q in ctx.raion_at.get(p.admin2, ())]
        if near:
            b += 3.0 if min(near) <= LOCAL_CHARS else 2.0
            explicit = explicit or min(near) <= LOCAL_CHARS
    attached = ctx.attached_regions(pos)
    if p.admin1 and p.kind not in ("admin1", "state"):
        near = [(q - pos, pos - e) for q, e in ctx.region_at.get(p.admin1, ())]
        if near:
            if any(ctx.same_sentence(pos, pos + d) for d, _ in near):
                b += 2.0
            else:
                b += 1.0 if min(abs(d) for d, _ in near) <= LOCAL_CHARS else 0.5
            # "Novopavlivka in the Dnipropetrovsk region", "the Donetsk region's Yampil": attached to the name
            if p.admin1 in attached:
                b += 2.0
                explicit = True
    if shielded and not explicit:
        return 0.0
    if attached and p.admin1 not in attached:
        return b  # "Urozhaine in the Donetsk region": the text says which one; other places nearby do not
    if p.lat is not None and p.kind in SETTLEMENT:
        d = ctx.nearest_km(p.lat, p.lon, pos)
        b += 3.0 if d <= 15 else 1.5 if d <= 40 else 0.5 if d <= 80 else 0.0
        if ctx.cluster and p.admin1 == ctx.cluster:
            b += 0.5
    if p.country and p.country in ctx.countries:
        b += 0.3
    if cues.front and p.admin1 in FRONT_LINE:
        b += 1.0  # "Russian forces advanced near X": X is on the front line
    if cues.village:  # "the village of", "a town near": small places (a Ukrainian "city" may be small too)
        if p.kind in ("village", "town") or (p.kind == "city" and p.population < 50_000):
            b += 0.5
        elif p.kind in ("world_city", "city"):
            b -= 1.0
    elif cues.city and p.kind in ("city", "world_city"):
        b += 0.5
    return b


def rank(gaz: Gazetteer, cands: list[tuple[int, bool]], pos: int, ctx: Context | None,
         cues: Cues, fuzzy_gap: dict[int, float] | None = None) -> list[tuple[float, int]]:
    """Candidates scored best first; ties broken by index so the order is stable.

    `fuzzy_gap`: the candidates come from a fuzzy match. Those whose names match less well than the best are
    no evidence of size: they get a village's prior less the points their name scored below the best."""
    scored = []
    places = gaz.places
    crowded = sum(1 for idx, _ in cands if places[idx].country == "UA" and places[idx].kind in SETTLEMENT
                  and not (fuzzy_gap and fuzzy_gap.get(idx))) > CROWDED
    big = {places[idx].country for idx, _ in cands
           if places[idx].kind in ("city", "world_city") and places[idx].population >= BIG_CITY}
    for idx, primary in cands:
        p = places[idx]
        gap = fuzzy_gap.get(idx, 0.0) if fuzzy_gap is not None else 0.0
        s = _weaker_fuzzy_prior(p, gap) if gap > 0 else prior(p, primary, crowded)
        if ctx is not None:
            # a front-line sentence may still pull a Ukrainian town away from a foreign big city (Dzerzhinsk)
            shielded = bool(big) and p.population < BIG_CITY and p.kind in SETTLEMENT and not (
                cues.front and p.country not in big)
            s += context_bonus(gaz, p, pos, ctx, cues, shielded)
        scored.append((s, idx))
    scored.sort(key=lambda t: (-t[0], t[1]))
    return scored


def decide(scored: list[tuple[float, int]]) -> tuple[int | None, list[int]]:
    """(winner, []) when one candidate is clearly best, else (None, the close contenders)."""
    if not scored:
        return None, []
    if len(scored) == 1 or scored[0][0] - scored[1][0] >= MARGIN:
        return scored[0][1], []
    top = scored[0][0]
    return None, [i for s, i in scored if s > top - MARGIN]
