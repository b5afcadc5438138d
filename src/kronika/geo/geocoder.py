"""The geocoder: resolve one name (with optional context) or find every place in a text."""

from __future__ import annotations

import bisect
import re
import threading
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from kronika.geo import gazetteer as _gaz
from kronika.geo.gazetteer import MENTION_KIND, SETTLEMENT, Gazetteer, Place, to_location
from kronika.geo.lexicon import DISTRICT_WORDS, NEVER_PLACES, REGION_WORDS
from kronika.geo.mentions import RawMention, Scanner
from kronika.geo.normalize import norm, strip_possessive
from kronika.geo.resolve import Context, decide, rank, sentence_starts
from kronika.models import Location


@dataclass(slots=True)
class PlaceMention:
    """A place named in a text: `start`/`end` are character offsets of `surface` in that text."""

    start: int
    end: int
    surface: str
    location: Location
    kind: str  # "settlement", "region", "country", "water", "world_city"
    candidates: list[Location] = field(default_factory=list)  # when location.precision == "ambiguous"
    fuzzy: bool = False


@dataclass(slots=True)
class Resolution:
    query: str
    location: Location | None
    candidates: list[Location] = field(default_factory=list)
    matched: str | None = None  # the index key the query matched (after fuzzy correction)
    fuzzy: bool = False
    reason: str | None = None  # why there is no location: "not found", "person", "organisation", ...

    def to_dict(self) -> dict[str, object]:
        base: dict[str, object] = self.location.to_dict() if self.location else {
            "name": None, "admin1": None, "admin2": None, "country": None, "lat": None, "lon": None,
            "precision": None, "gazetteer_id": None}
        base.update({"query": self.query, "matched": self.matched, "fuzzy": self.fuzzy, "reason": self.reason,
                     "candidates": [c.to_dict() for c in self.candidates]})
        return base


_PASSES = 3
# the gap between a settlement's name and the region it is in: "X in the Y region", "X, Y region", "X (Y region)"
_REGION_OF_NAME = re.compile(r"(?:['’]s)?(?:\s+in\s+(?:the\s+)?(?:\w+(?:ern|-held)\s+)?|\s*,\s*(?:the\s+)?|\s*\(\s*)")
_STORY_REGION_CHARS = 300  # a region named this close before a village is the passage's region
# the rest of a many-word name after the word the index knows: "Novaya Pogoreltsevka", "Bolshaya Rybitsa"
_NAME_TAIL = re.compile(
    r"(?:[ -](?!(?:Oblast|Region|District|Raion|Krai|Street|Avenue|Square|Lane|Boulevard|Road|Highway)\b)"
    r"[A-Z][a-z’']+)+"
)
# after a name, what makes it a person or a street rather than a village
_NOT_A_VILLAGE_AFTER = re.compile(
    r"\s+(?:said|says|told|wrote|added|noted|stated|claimed|street|avenue|square|lane|boulevard|prospekt|road"
    r"|highway|st\b|ave\b)",
    re.I,
)
_ITEM_GAP = re.compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+")
_TOWN = 10_000  # a Russian place this big is what its name means, wherever the passage is
_PHRASE_WORDS = REGION_WORDS | DISTRICT_WORDS | {"the", "of", "near", "in", "capital", "city", "village", "town"}


class Geocoder:
    def __init__(self, index_path: Path | None = None) -> None:
        self.gaz: Gazetteer = _gaz.load(index_path)
        self.scanner = Scanner(self.gaz)
        self._exact_cache: dict[str, tuple[int | None, tuple[int, ...]]] = {}

    # -- public API ----------------------------------------------------------------------------------------
    def find_places(self, text: str) -> list[PlaceMention]:
        """Every place the text names, in text order, resolved against the whole text as context."""
        raws = [r for r in self.scanner.scan(text) if r.rejected is None]
        results = self._resolve_all(raws, text)
        out = []
        for raw, (loc, cands, kind) in zip(raws, results, strict=True):
            if loc is None:
                continue
            out.append(PlaceMention(start=raw.start, end=raw.end, surface=text[raw.start:raw.end], location=loc,
                                    kind=kind, candidates=cands, fuzzy=raw.fuzzy))
        return out

    def resolve(self, query: str, context: str | None = None) -> Resolution:
        """Resolve one place name. With `context`, the name is judged where it occurs in that text (so
        "Pushkin" in "the poet Alexander Pushkin" is no place) and homonyms are decided by the text."""
        query = " ".join(query.split())
        if not query:
            return Resolution(query=query, location=None, reason="empty query")
        if context:
            found = self._resolve_in_context(query, context)
            if found is not None:
                return found
        else:
            fast = self._exact(query)
            if fast is not None:
                return fast
        raws = self.scanner.scan(query, explicit=True)
        live = [r for r in raws if r.rejected is None]
        main = max(live, key=lambda r: (r.end - r.start, -r.start)) if live else None
        if main is None or (main.end - main.start) < 0.75 * len(query.strip()):
            # a misspelt multi-word name ("Kryvyi Rig") must not shrink to the one word that matched
            whole = self._fuzzy_whole(query)
            if whole is not None:
                main = whole
        if main is None:
            reason = raws[0].rejected if raws else "not found"
            return Resolution(query=query, location=None, reason=reason)
        ctx_raws = [r for r in self.scanner.scan(context) if r.rejected is None] if context else []
        # the query is read as if it closed the context's last sentence
        shift = len(context) + 1 if context else 0
        main.start, main.end = main.start + shift, main.end + shift
        text = f"{context} {query}" if context else query
        results = self._resolve_all([*ctx_raws, main], text, focus=len(ctx_raws))
        loc, cands, _ = results[-1]
        return Resolution(query=query, location=loc, candidates=cands, matched=main.key, fuzzy=main.fuzzy,
                          reason=None if loc else "not found")

    # -- internals -----------------------------------------------------------------------------------------
    def _fuzzy_whole(self, query: str) -> RawMention | None:
        key = norm(query)
        words = key.split()
        # only a bare multi-word name: phrases ("the Kharkiv region", "Russia's ...") are the scanner's job
        if len(key) < 6 or not 2 <= len(words) <= 3 or any(w in _PHRASE_WORDS for w in words):
            return None
        hit = self.scanner.fuzzy_refs(key)
        if hit is None or not hit[1]:
            return None
        return RawMention(start=0, end=len(query), key=hit[0], refs=[(i, True) for i, _ in hit[1]], fuzzy=True,
                          fuzzy_gap=dict(hit[1]))

    def _exact(self, query: str) -> Resolution | None:
        """The fast path for a bare name the index knows as it stands (most lookups): no scan, no context.

        Decisions are cached per key; Locations are built fresh so callers may change them."""
        key = norm(query)
        decision = self._exact_cache.get(key)
        if decision is None:
            if key not in self.gaz.names or key in NEVER_PLACES or " " in key or not query[:1].isupper():
                return None  # phrases, possessives, odd case: let the scanner judge them
            raw = RawMention(start=0, end=len(query), key=key, refs=self.scanner.refs(key))
            cands = self._candidates(raw)
            win, rest = decide(rank(self.gaz, cands, 0, None, raw.cues))
            decision = (win, tuple(rest))
            if len(self._exact_cache) < 100_000:
                self._exact_cache[key] = decision
        win, rest = decision
        places = self.gaz.places
        if win is not None:
            return Resolution(query=query, location=to_location(places[win]), matched=key)
        loc, alts = self._ambiguous(list(rest))
        return Resolution(query=query, location=loc, candidates=alts, matched=key)

    def _resolve_in_context(self, query: str, context: str) -> Resolution | None:
        spots = [m.start() for m in re.finditer(re.escape(query), context)] or \
            [m.start() for m in re.finditer(re.escape(query), context, re.I)]
        if not spots:
            return None
        raws = self.scanner.scan(context)
        hit = _first_hit(raws, spots, len(query))
        if hit is None:
            return None
        if hit.rejected is not None:
            return Resolution(query=query, location=None, matched=hit.key, reason=hit.rejected)
        live = [r for r in raws if r.rejected is None]
        at = next(i for i, r in enumerate(live) if r is hit)
        loc, cands, _ = self._resolve_all(live, context, only=at)[at]
        return Resolution(query=query, location=loc, candidates=cands, matched=hit.key, fuzzy=hit.fuzzy,
                          reason=None if loc else "not found")

    def _candidates(self, raw: RawMention) -> list[tuple[int, bool]]:
        sc, places = self.scanner, self.gaz.places
        if raw.role == "region":
            refs = sc.region_refs(raw.key)
            if refs:
                return refs
        elif raw.role == "district":
            refs = sc.raion_refs(raw.key)
            if refs:
                return refs
        refs = raw.refs
        # a bare "Dnipropetrovsk" or "Kirovohrad" is the region named so, not the renamed city
        regions = [i for i in self.gaz.regions.get(raw.key, ()) if places[i].country == "UA"
                   and norm(places[i].name).removesuffix(" oblast") == raw.key]
        if regions and not any(p and places[i].kind in ("city", "town", "world_city") for i, p in refs):
            return [(i, True) for i in regions]
        return refs

    def _resolve_all(self, raws: list[RawMention], text: str, focus: int | None = None, only: int | None = None
                     ) -> list[tuple[Location | None, list[Location], str]]:
        """Resolve mentions together: settled places and named regions become the context of the others.

        Pass 1 ranks without context; each later pass ranks with the context the previous one settled, until
        nothing changes. `focus`: only mentions from this index on are wanted (the rest are context); `only`:
        just the mention at this index is wanted (the others' answers are left empty)."""
        places = self.gaz.places
        cands = [self._candidates(r) for r in raws]
        decided: list[int | None] = [None] * len(raws)
        close: list[list[int]] = [[] for _ in raws]
        ctx: Context | None = None
        sentences = sentence_starts(text)
        for _ in range(_PASSES):
            for k, r in enumerate(raws):
                if len(cands[k]) == 1:
                    decided[k] = cands[k][0][0]
                    continue
                win, rest = decide(rank(self.gaz, cands[k], r.start, ctx, r.cues, r.fuzzy_gap if r.fuzzy else None))
                decided[k], close[k] = win, rest
            if not any(len(c) > 1 for c in cands):
                break
            # a fuzzy match anchors others only when its name fits exactly one place: two mangled names
            # would otherwise pull each other to whichever namesakes happen to lie close together
            sure = [d if not r.fuzzy or sum(1 for g in r.fuzzy_gap.values() if g == 0) == 1 else None
                    for r, d in zip(raws, decided, strict=True)]
            new_ctx = self._context(raws, sure, sentences)
            if ctx is not None and new_ctx == ctx:
                break
            ctx = new_ctx
        if ctx is not None:
            self._one_reading(raws, decided, close, cands, ctx)
        out: list[tuple[Location | None, list[Location], str]] = []
        own = self._own_regions(raws, decided, text)
        for k, region in self._story_regions(raws, decided, cands, text).items():
            own.setdefault(k, region)
        for k in range(len(raws)):
            idx = decided[k]
            if (focus is not None and k < focus) or (only is not None and k != only):
                out.append((None, [], ""))
            elif k in own and not any(_may_lie_in(places[i], own[k]) for i, _ in cands[k]):
                # "Lebedevka in the Kursk region": the text names the region, and no namesake the index knows
                # lies in it, so it is none of them; the name as written, in its region, without coordinates
                region = own[k]
                stop = raws[k + 1].start if k + 1 < len(raws) else len(text)
                tail = _NAME_TAIL.match(text, raws[k].end, stop)  # the index knew only the name's first word
                if tail:
                    raws[k].end = tail.end()
                name = strip_possessive(text[raws[k].start : raws[k].end])[0]
                loc = Location(name=name, admin1=region.admin1, country=region.country, precision="ambiguous")
                out.append((loc, [], "settlement"))
            elif idx is not None:
                out.append((to_location(places[idx]), [], MENTION_KIND[places[idx].kind]))
            elif close[k]:
                loc, alts = self._ambiguous(close[k])
                kinds = {MENTION_KIND[places[i].kind] for i in close[k]}
                out.append((loc, alts, kinds.pop() if len(kinds) == 1 else "settlement"))
            else:
                out.append((None, [], ""))
        return out

    def _one_reading(self, raws: list[RawMention], decided: list[int | None], close: list[list[int]],
                     cands: list[list[tuple[int, bool]]], ctx: Context) -> None:
        """A settlement the text places explicitly ("the village of X in the Y region") is that place wherever
        its name recurs with no region of its own: a later "X and the village of Z in the W region" does not
        move X to a namesake near Z."""
        places = self.gaz.places
        fixed: dict[str, int] = {}
        for k, r in enumerate(raws):
            idx = decided[k]
            if idx is not None and r.role == "place" and places[idx].kind in SETTLEMENT and (
                places[idx].admin1 in ctx.attached_regions(r.start)
            ):
                fixed.setdefault(r.key, idx)
        for k, r in enumerate(raws):
            idx = fixed.get(r.key)
            if idx is None or decided[k] == idx or r.role != "place" or ctx.attached_regions(r.start):
                continue
            if any(i == idx for i, _ in cands[k]):
                decided[k], close[k] = idx, []

    def _own_regions(self, raws: list[RawMention], decided: list[int | None], text: str) -> dict[int, Place]:
        """Settlement mentions the text places in a region right after the name ("X in the Y region", "X, Y
        region", "X (Y region)"), by mention index."""
        places = self.gaz.places
        out: dict[int, Place] = {}
        for k, (r, nxt) in enumerate(zip(raws, raws[1:], strict=False)):
            j = decided[k + 1]
            if j is None or places[j].kind != "admin1" or r.role in ("region", "district"):
                continue
            if decided[k] is not None and places[decided[k]].kind not in SETTLEMENT:
                continue
            if _REGION_OF_NAME.fullmatch(text, r.end, nxt.start):
                out[k] = places[j]
                # "the villages of A, B and C in the Y region": a list's region is its items' too, for a name the
                # index knows only by a misspelling's nearest match or by other places' alternate names
                m = k - 1
                while m >= 0 and raws[m].role == "place" and _ITEM_GAP.fullmatch(text, raws[m].end, raws[m + 1].start):
                    if raws[m].fuzzy or not any(primary for _, primary in self._candidates(raws[m])):
                        out.setdefault(m, places[j])
                    m -= 1
        return out

    def _story_regions(self, raws: list[RawMention], decided: list[int | None], cands: list[list[tuple[int, bool]]],
                       text: str) -> dict[int, Place]:
        """Settlement mentions known only by other places' alternate names ("Nikolayevka", a Russian form of
        Mykolaivka) or as the own names of Russian villages elsewhere, that come after the region the passage is
        about ("pushed them out of two villages in the Bryansk border region. ... named them as Nikolayevka
        and ..."), with no place outside that region named between (300 characters at most): the
        names are that region's villages, not the namesakes the index has elsewhere. By mention index."""
        places = self.gaz.places
        out: dict[int, Place] = {}
        region: Place | None = None
        region_end = 0
        for k, r in enumerate(raws):
            idx = decided[k]
            p = places[idx] if idx is not None else None
            if p is not None and p.kind == "admin1":
                region, region_end = p, r.end
                continue
            if region is None or r.role in ("region", "district") or text.startswith(("'s", "’s"), r.end):
                continue  # "Kyiv's forces": a side named for its capital, not a place of the passage
            if _NOT_A_VILLAGE_AFTER.match(text, r.end):
                continue  # "Smirnov said", "Komarova Street": a person, a street
            # no Ukrainian place and no Russian town bears the name as its own
            weak = bool(cands[k]) and all(places[i].kind in SETTLEMENT for i, _ in cands[k]) and (
                r.fuzzy
                or not any(
                    primary and (places[i].country == "UA" or places[i].population >= _TOWN) for i, primary in cands[k]
                )
            )
            if r.start - region_end <= _STORY_REGION_CHARS and weak and not any(
                _may_lie_in(places[i], region) for i, _ in cands[k]
            ):
                out[k] = region
            elif p is not None and p.kind in SETTLEMENT and not _may_lie_in(p, region):
                region = None  # the passage moved to another place
            elif p is not None and p.kind in SETTLEMENT:
                region_end = r.end  # a place of the region: the passage is still there
        return out

    def _context(self, raws: list[RawMention], decided: list[int | None], sentences: list[int]) -> Context:
        ctx = Context(sentences=sentences)
        for r, idx in zip(raws, decided, strict=True):
            if idx is None:
                continue
            p = self.gaz.places[idx]
            if p.kind in ("admin1", "state"):
                ctx.regions.append((r.start, r.end, p.admin1 or p.name))
            elif p.kind == "raion":
                ctx.raions.append((r.start, p.admin2 or p.name))
            elif p.kind in SETTLEMENT:
                ctx.anchors.append((r.start, idx))
            if p.country and p.kind != "world_city":
                ctx.countries.add(p.country)
        return ctx.finish(self.gaz)

    def _ambiguous(self, idxs: list[int]) -> tuple[Location, list[Location]]:
        ps = [self.gaz.places[i] for i in idxs]
        name = Counter(p.name for p in ps).most_common(1)[0][0]
        admin1s = {p.admin1 for p in ps}
        admin2s = {p.admin2 for p in ps}
        countries = {p.country for p in ps}
        loc = Location(name=name, admin1=admin1s.pop() if len(admin1s) == 1 else None,
                       admin2=admin2s.pop() if len(admin2s) == 1 else None,
                       country=countries.pop() if len(countries) == 1 else None, precision="ambiguous")
        return loc, [to_location(p) for p in ps]


def _may_lie_in(p: Place, region: Place) -> bool:
    """Can `p` be a place of `region`? Its own region, or a city of special status (Kyiv, Sevastopol) that the
    region around it names too ("Sevastopol, Crimea")."""
    return p.admin1 == region.admin1 or (p.admin1 == p.name and p.country == region.country)


def _first_hit(raws: list[RawMention], spots: list[int], length: int) -> RawMention | None:
    """The first mention overlapping an occurrence of the query that is a place, else the first overlapping
    one ("The Kyiv Independent said a missile hit Kyiv": the occurrence that is a place wins).

    Mentions come from the scanner in text order without overlaps, so each occurrence finds its mentions by
    bisection: linear in the context, however often the query occurs in it."""
    starts = [r.start for r in raws]
    ends = [r.end for r in raws]
    first: RawMention | None = None
    for pos in spots:
        for r in raws[bisect.bisect_right(ends, pos) : bisect.bisect_left(starts, pos + length)]:
            if r.rejected is None:
                return r
            first = first or r
    return first


_lock = threading.Lock()
_instance: Geocoder | None = None


def get_geocoder() -> Geocoder:
    """The process-wide geocoder; the index is loaded on first use."""
    global _instance
    if _instance is None:
        with _lock:
            if _instance is None:
                _instance = Geocoder()
    return _instance
