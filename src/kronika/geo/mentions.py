"""Find the places a text names: exact and fuzzy name matches, region phrases, and the rules that keep
people, organisations, months and English words out.

The scanner walks capitalised tokens left to right and takes the longest name the index knows. Each hit is
then judged by its neighbours: "the Kharkiv region" makes it a region, "Mr Kirov" a person, "Kyiv
Independent" a newspaper, "the villages of A, B and C" a list of places where MT-damaged names may be
fuzzily matched.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from kronika.geo.fuzzy import FuzzyMatcher
from kronika.geo.gazetteer import Gazetteer
from kronika.geo.lexicon import (
    DEMONYM_CAPITALS,
    DISTRICT_WORDS,
    NEVER_PLACES,
    ORG_PREFIXES,
    ORG_SUFFIXES,
    PERSON_NAMES,
    PERSON_TITLES,
    PLACE_CUES,
    REGION_WORDS,
    SETTLEMENT_NOUNS,
    UNIT_SUFFIXES,
)
from kronika.geo.normalize import norm, strip_possessive
from kronika.geo.resolve import Cues, sentence_starts

_TOKEN = re.compile(r"[^\W\d_][\w'’ʼ\-]*")
_SENTENCE_END = re.compile(r"[.!?;:\n•|\"“”()\[\]]")
_LIST_GAP = re.compile(r"^(?:\s*,\s*|\s+and\s+|\s*,\s*and\s+|\s+or\s+|\s*,\s*or\s+)$")
# a word between a region's name and "region" that keeps it the region: "the Kursk border region"
_REGION_QUALIFIERS = frozenset({"border", "frontier", "bordering"})
_REGIONS_BEFORE = re.compile(r"\bregions?\s*(?:[-–—:,]\s*)?(?:including|such as|like|of|namely|as)?\s*$", re.I)
_CAPITAL_PHRASE = re.compile(r"\bthe\s+(" + "|".join(sorted(DEMONYM_CAPITALS, key=len, reverse=True))
                             + r")\s+capital\b", re.I)
# "the region's administrative centre", "the regional capital", "the administrative centre of the oblast"
_CENTRE_PHRASE = re.compile(
    r"\bthe\s+(?:(?:region|oblast)['’]s\s+(?:administrative\s+)?|regional\s+(?:administrative\s+)?)(?:centre|center|capital)\b"
    r"|\bthe\s+(?:administrative\s+)?(?:centre|center|capital)\s+of\s+the\s+(?:region|oblast)\b",
    re.I,
)
_POSSESSIVE_CAPITAL = re.compile(r"['’]s\s+capital\b(?:,?\s+([A-Z]))?")
_FRAME_SUFFIXES = frozenset({"format", "process", "declaration", "agreement", "agreements", "accords", "accord",
                             "protocol", "protocols", "memorandum", "formula", "communique"})
_SPEECH = frozenset({"said", "says", "told", "wrote", "added", "noted", "stated", "argued", "claimed"})
_FUZZY_CUES = frozenset({"near", "in", "outside", "around", "towards", "toward", "captured", "liberated",
                         "seized", "entered", "took", "retook", "recaptured", "village", "villages", "town",
                         "settlement", "settlements"})
_WEAK_NEXT = frozenset({"airbase", "airfield", "air", "refinery", "oil", "port", "plant", "depot", "arsenal",
                        "airport"})
_NEAR_AFTER = re.compile(r",?\s+(?:just\s+)?(?:near|outside|north of|south of|east of|west of|northeast of|"
                         r"northwest of|southeast of|southwest of)\s+[A-Z]")
# words that make a sentence a claim of ground fighting
_FRONT_WORDS = re.compile(
    r"\b(?:advanc\w*|captur\w*|liberat\w*|seiz\w*|took control|taken control|retook|recaptur\w*|"
    r"assault\w*|offensive|counteroffensive|front line|frontline|fighting|clashes|repelled|pushed|encircl\w*|"
    r"storm\w*|gain\w*|battl\w*|occupied|shell\w*)\b", re.I)
_CAPTURE = frozenset({"captured", "liberated", "seized", "took", "retook", "recaptured", "entered", "stormed"})
_APPOSITIVE = re.compile(r",\s+(?:a|the|another)\s+(?:small\s+|tiny\s+|frontline\s+|front-line\s+)?"
                         r"(village|town|settlement|hamlet|city)\b", re.I)
# words before "district of X" that make it a part of the city X, not the raion named X
_CITY_PART_WORDS = frozenset(
    "a an one another several two three four some many residential central industrial historic historical business "
    "commercial downtown urban suburban populated densely old city".split()
)
_NOT_PLACE_PREV = frozenset({"the", "a", "an", "in", "near", "of"})
# a hromada named by its adjective ("Pokrovska community", "the Myrivska and Pokrovska communities"): the
# gazetteer holds no hromadas, and a settlement or foreign alias spelt like the adjective is another place
_HROMADA_AFTER = re.compile(
    r"(?:(?:\s*,\s*|\s+and\s+|\s*,\s*and\s+)[A-Z][\w'’ʼ-]*)*\s+(?:(?:urban|rural|settlement|village|city)\s+)?"
    r"(?:territorial\s+)?(?:communit(?:y|ies)|hromadas?)\b", re.I)


class _LazyNorms:
    """Normalised tokens, computed only for the tokens the scanner looks at."""

    __slots__ = ("_words", "_norm", "_cache")

    def __init__(self, words: list[str], fold: Callable[[str], str]) -> None:
        self._words, self._norm = words, fold
        self._cache: dict[int, str] = {}

    def __getitem__(self, j: int) -> str:
        got = self._cache.get(j)
        if got is None:
            got = self._cache[j] = self._norm(self._words[j])
        return got


@dataclass(slots=True)
class RawMention:
    """A name found in the text before it is resolved. `refs` are (place index, matched its own name)."""

    start: int
    end: int
    key: str
    refs: list[tuple[int, bool]]
    role: str = "place"  # "place", "region" (admin1 wanted) or "district" (admin2 wanted)
    cues: Cues = field(default_factory=Cues)
    fuzzy: bool = False
    fuzzy_gap: dict[int, float] = field(default_factory=dict)  # place -> fuzzy score points below the best
    cued: bool = False  # a place cue ("near", "the villages of") before it, or before the list it ends
    rejected: str | None = None  # why it is not a place: "person", "organisation", "never", "weak", "hromada"


class Scanner:
    def __init__(self, gaz: Gazetteer) -> None:
        self.gaz = gaz
        self._norm_cache: dict[str, str] = {}
        self._centres: dict[tuple[str | None, float, float], int] | None = None  # (country, lat, lon) -> city
        self.fuzzy = FuzzyMatcher(gaz, self.refs)
        # raion stems by their first five letters: "Synelnyky district" finds the stem "synelnyk" at once
        self._raion_stems: dict[str, list[tuple[str, list[int]]]] = {}
        for k, v in sorted(gaz.raions.items()):
            if " " not in k and len(k) >= 5:
                self._raion_stems.setdefault(k[:5], []).append((k, v))

    # -- helpers -------------------------------------------------------------------------------------------
    def _norm(self, token: str) -> str:
        cached = self._norm_cache.get(token)
        if cached is None:
            cached = norm(token)
            if len(self._norm_cache) < 50_000:
                self._norm_cache[token] = cached
        return cached

    def refs(self, key: str) -> list[tuple[int, bool]]:
        """Distinct places under a key; a place counts as primary when its own name is the key."""
        seen: dict[int, bool] = {}
        for ref in self.gaz.names.get(key, ()):
            idx, primary = (ref, True) if ref >= 0 else (-ref - 1, False)
            seen[idx] = seen.get(idx, False) or primary
        return sorted(seen.items())

    def region_refs(self, key: str) -> list[tuple[int, bool]]:
        refs = [(i, True) for i in self.gaz.regions.get(key, ())]
        if refs:
            return refs
        return [(i, p) for i, p in self.refs(key) if self.gaz.places[i].kind in ("admin1", "state", "area")]

    def raion_refs(self, key: str) -> list[tuple[int, bool]]:
        found = self.gaz.raions.get(key)
        if found:
            return [(i, True) for i in found]
        hits: set[int] = set()
        for stem, idxs in self._raion_stems.get(key[:5], ()):
            if key.startswith(stem) and len(key) - len(stem) <= 6:
                hits.update(idxs)
        return [(i, True) for i in sorted(hits)]

    def fuzzy_refs(self, token_norm: str) -> tuple[str, list[tuple[int, float]]] | None:
        """See `FuzzyMatcher.match`."""
        return self.fuzzy.match(token_norm)

    # -- the scan ------------------------------------------------------------------------------------------
    def scan(self, text: str, explicit: bool = False) -> list[RawMention]:
        """Every name the index knows, in text order, including rejected ones (with the reason).

        `explicit`: the text is a query typed as a place name, so weak names need no cue.
        """
        toks = []
        for m in _TOKEN.finditer(text):
            start, end = m.span()
            while text[end - 1] in "-'’ʼ" and end - 1 > start:
                end -= 1
            toks.append((start, end))
        words = [text[s:e] for s, e in toks]
        n = len(toks)
        norms = _LazyNorms(words, self._norm)
        out: list[RawMention] = []
        last: RawMention | None = None  # the last accepted mention, to follow lists
        names, prefixes, max_words = self.gaz.names, self.gaz.prefixes, self.gaz.max_words
        if explicit:
            starts = list(range(n))
        else:
            # Cyrillic words in English prose are quotes, not places
            starts = [j for j, w in enumerate(words) if w[0].isupper() and not "\u0400" <= w[0] <= "\u04ff"]
        skip_to = 0
        for i in starts:
            if i < skip_to:
                continue
            found = None  # the longest name starting at token i: (tokens, key, end offset)
            key, k = "", 0
            while True:
                word = words[i + k]
                key = f"{key} {norms[i + k]}" if k else norms[i]
                k += 1
                if key in names:
                    found = (k, key, toks[i + k - 1][1])
                elif word[-1] in "sS'’":
                    base, poss = strip_possessive(word)
                    if poss:
                        head = key.rsplit(" ", 1)[0] + " " if k > 1 else ""
                        poss_key = head + self._norm(base)
                        if poss_key in names:
                            found = (k, poss_key, toks[i + k - 1][0] + len(base))
                # go on only while some longer name starts like this, joined by single spaces
                if key not in prefixes or k >= max_words or i + k >= n or \
                        text[toks[i + k - 1][1]:toks[i + k][0]] != " ":
                    break
            in_list = last is not None and bool(_LIST_GAP.match(text[last.end:toks[i][0]]))
            # a list started by a place cue ("the villages of A, B and C") carries the cue to each item
            cued_list = in_list and last is not None and last.cued
            if found is None:
                m = self._region_word_only(text, toks, words, norms, i)
                if m is None:
                    m = self._try_fuzzy(text, toks, words, norms, i, cued_list, explicit)
                if m is not None:
                    if cued_list:
                        m.cued, m.cues.village = True, m.cues.village or last.cues.village
                    out.append(m)
                    last = m
                continue
            k, key, end = found
            m = RawMention(start=toks[i][0], end=end, key=key, refs=self.refs(key))
            self._judge(m, text, toks, words, i, i + k - 1, in_list, explicit)
            if cued_list:
                m.cued, m.cues.village = True, m.cues.village or last.cues.village
            out.append(m)
            if m.rejected is None:
                last = m
            skip_to = i + k
        self._capital_phrases(text, out)
        self._propagate_regions(text, out)
        self._centre_phrases(text, out)
        self._front_cues(text, out)
        return out

    def _front_cues(self, text: str, out: list[RawMention]) -> None:
        """Mark mentions in sentences that claim ground fighting: their homonyms lean to the front line."""
        hits = [m.start() for m in _FRONT_WORDS.finditer(text)]
        if not hits:
            return
        starts = sentence_starts(text)
        front = {bisect.bisect_right(starts, h) for h in hits}
        for r in out:
            if bisect.bisect_right(starts, r.start) in front:
                r.cues.front = True

    def _gap_ok(self, text: str, toks: list[tuple[int, int]], a: int, b: int) -> bool:
        """Tokens a < b are in the same clause: nothing but spaces, commas, hyphens between them."""
        gap = text[toks[a][1]:toks[b][0]]
        return not _SENTENCE_END.search(gap) and len(gap) <= 4

    def _prev(self, text: str, toks: list[tuple[int, int]], words: list[str], i: int, back: int) -> str:
        j = i - back
        if j < 0 or not self._gap_ok(text, toks, j, i - back + 1 if back > 1 else i):
            return ""
        if back > 1 and not self._gap_ok(text, toks, j + 1, i):
            return ""
        return words[j]

    def _next(self, text: str, toks: list[tuple[int, int]], words: list[str], j: int, ahead: int) -> str:
        k = j + ahead
        if k >= len(toks) or not self._gap_ok(text, toks, j, k):
            return ""
        return words[k]

    def _named_district(self, text: str, toks: list[tuple[int, int]], words: list[str], i: int) -> bool:
        """ "the Dnipro district of Kherson", "Shevchenkivskyi district of Kyiv": a district with a name of its own
        is a part of the city after "of", so that name is the city, not a raion's."""
        named = self._prev(text, toks, words, i, 3)
        if named.lower() in _CITY_PART_WORDS:
            return True  # "a residential district of Kharkiv", "one district of Kyiv": a part of the city
        return named[:1].isupper() and named.lower() not in ("the", "a", "this", "that")

    def _adjacent(self, text: str, toks: list[tuple[int, int]], a: int, b: int) -> bool:
        """Tokens a and b = a + 1 are separated by one space only, as the words of one name are."""
        return a >= 0 and b < len(toks) and text[toks[a][1]:toks[b][0]] == " "

    def _sentence_initial(self, text: str, start: int) -> bool:
        before = text[max(0, start - 6):start].rstrip(" \t'\"“‘(")
        return not before or before[-1] in ".!?\n•:"

    def _judge(self, m: RawMention, text: str, toks: list[tuple[int, int]], words: list[str], i: int, j: int,
               in_list: bool, explicit: bool) -> None:
        key = m.key
        prev1 = self._prev(text, toks, words, i, 1)
        prev2 = self._prev(text, toks, words, i, 2) if prev1 else ""
        next1 = self._next(text, toks, words, j, 1)
        p1, p2, n1 = prev1.lower().rstrip("."), prev2.lower(), strip_possessive(next1.lower())[0]
        if key in NEVER_PLACES:
            m.rejected = "never"
            return
        if words[j].lower().endswith(("ska", "zka", "cka")) and _HROMADA_AFTER.match(text, m.end):
            m.rejected = "hromada"
            return
        # organisations: "Kyiv Independent", "the Istanbul format", "Dynamo Kyiv"
        if (next1[:1].isupper() and n1 in ORG_SUFFIXES and self._adjacent(text, toks, j, j + 1)) \
                or n1 in _FRAME_SUFFIXES or n1 in UNIT_SUFFIXES or p1 in ORG_PREFIXES:
            m.rejected = "organisation"
            return
        weak = key in self.gaz.weak
        joined_prev = self._adjacent(text, toks, i - 1, i)
        joined_next = self._adjacent(text, toks, j, j + 1)
        # people: "Mr Lysak", "President Kirov", "Sofia Ivanova", "Pushkin said"
        if joined_prev and (prev1[:1].isupper() or p1 == "mr") and (p1 in PERSON_TITLES or p1 in PERSON_NAMES):
            m.rejected = "person"
            return
        if (weak or key in PERSON_NAMES) and (joined_next and next1[:1].isupper() and self.norm_is_not_place(next1)
                                              or n1 in _SPEECH):
            m.rejected = "person"
            return
        if n1 in REGION_WORDS or n1 in ("people", "peoples", "governor"):  # "Donetsk People's Republic",
            m.role = "region"  # "Kursk Governor Alexander Khinshtein": the region
            if n1 in REGION_WORDS and n1 != "regional" and not key.endswith(("oblast", "region", "krai")):
                m.end = toks[j + 1][1]
        elif n1 in _REGION_QUALIFIERS and self._adjacent(text, toks, j + 1, j + 2) and words[j + 2].lower() in (
                REGION_WORDS - {"regional"}):
            m.role = "region"  # "the Kursk border region"
            m.end = toks[j + 2][1]
        elif p1 == "of" and p2 in REGION_WORDS:
            m.role = "region"
        elif n1 in DISTRICT_WORDS or (p1 == "of" and p2 in DISTRICT_WORDS and not self._named_district(
                text, toks, words, i)):
            m.role = "district"
            if n1 in DISTRICT_WORDS:
                m.end = toks[j + 1][1]
        m.cues.village = p1 in SETTLEMENT_NOUNS - {"city", "cities", "port", "hub"} or (
            p1 == "of" and p2 in ("village", "villages", "town", "towns", "settlement", "settlements"))
        m.cues.city = p1 in ("city", "cities") or (p1 == "of" and p2 in ("city", "cities"))
        m.cued = p1 in _FUZZY_CUES or m.cues.village or (p1 == "of" and p2 in SETTLEMENT_NOUNS)
        # "New York, a town near Toretsk", "New York near Toretsk", "captured New York": a small place
        if p1 in _CAPTURE or _NEAR_AFTER.match(text, m.end):
            m.cues.village = True
        appositive = _APPOSITIVE.match(text, m.end)
        if appositive:
            if appositive.group(1).lower() == "city":
                m.cues.city = True
            else:
                m.cues.village = True
        if weak and not explicit and m.role == "place":
            cued = (p1 in PLACE_CUES - {"to", "of"} or (p1 == "of" and p2 in SETTLEMENT_NOUNS)
                    or p1 in SETTLEMENT_NOUNS or n1 in _WEAK_NEXT or in_list)
            if not cued or (self._sentence_initial(text, m.start) and not in_list):
                m.rejected = "weak"

    def _region_word_only(self, text: str, toks: list[tuple[int, int]], words: list[str], norms: _LazyNorms,
                          i: int) -> RawMention | None:
        """ "Synelnyky district", "Dnipro region": a name the index knows only as a raion's or region's."""
        if i + 1 >= len(words):
            return None
        n1 = words[i + 1].lower()
        if n1 not in DISTRICT_WORDS and n1 not in REGION_WORDS:
            return None
        n1 = self._next(text, toks, words, i, 1).lower()
        key = norms[i]
        if n1 in DISTRICT_WORDS:
            refs, role = self.raion_refs(key), "district"
        elif n1 in REGION_WORDS and n1 != "regional":
            refs, role = self.region_refs(key), "region"
        else:
            return None
        if not refs or len(key) < 4:
            return None
        return RawMention(start=toks[i][0], end=toks[i + 1][1], key=key, refs=refs, role=role)

    def norm_is_not_place(self, word: str) -> bool:
        return self._norm(word) not in self.gaz.names

    def _try_fuzzy(self, text: str, toks: list[tuple[int, int]], words: list[str], norms: _LazyNorms, i: int,
                   cued_list: bool, explicit: bool) -> RawMention | None:
        w, key = words[i], norms[i]
        if len(key) < 6 or " " in key or not key.isascii() or key in NEVER_PLACES or key in PERSON_NAMES:
            return None
        if w.isupper() or key in self.gaz.weak:
            return None
        if not explicit:
            if self._sentence_initial(text, toks[i][0]):
                return None
            prev1 = self._prev(text, toks, words, i, 1)
            prev2 = self._prev(text, toks, words, i, 2) if prev1 else ""
            next1 = self._next(text, toks, words, i, 1)
            if (prev1[:1].isupper() and self._adjacent(text, toks, i - 1, i)) or \
                    (next1[:1].isupper() and self._adjacent(text, toks, i, i + 1)):
                return None  # part of a longer proper name: a person or an organisation
            p1, p2 = prev1.lower(), prev2.lower()
            if not (cued_list or p1 in _FUZZY_CUES or (p1 == "of" and p2 in SETTLEMENT_NOUNS)):
                return None
        hit = self.fuzzy_refs(key)
        if hit is None or not hit[1]:
            return None
        m = RawMention(start=toks[i][0], end=toks[i][1], key=hit[0], refs=[(idx, True) for idx, _ in hit[1]],
                       fuzzy=True, fuzzy_gap=dict(hit[1]))
        prev1 = self._prev(text, toks, words, i, 1).lower()
        prev2 = self._prev(text, toks, words, i, 2).lower() if prev1 else ""
        m.cues.village = prev1 in ("village", "villages") or (prev1 == "of" and prev2 in SETTLEMENT_NOUNS)
        m.cued = True
        return m

    def _capital_phrases(self, text: str, out: list[RawMention]) -> None:
        for cm in _CAPITAL_PHRASE.finditer(text):
            iso = DEMONYM_CAPITALS[cm.group(1).lower()]
            idx = self.gaz.capitals.get(iso)
            if idx is None or any(r.start < cm.end() and cm.start() < r.end for r in out if r.rejected is None):
                continue
            out.append(RawMention(start=cm.start(), end=cm.end(), key=self._norm(self.gaz.places[idx].name),
                                  refs=[(idx, True)]))
        # "Ukraine's capital" (not followed by the capital's own name) is the capital, not the country
        for k, r in enumerate(out):
            if r.rejected is not None or len(r.refs) != 1 or self.gaz.places[r.refs[0][0]].kind != "country":
                continue
            cm = _POSSESSIVE_CAPITAL.match(text, r.end)
            idx = self.gaz.capitals.get(self.gaz.places[r.refs[0][0]].country or "")
            if cm is None or idx is None or cm.group(1):
                continue
            out[k] = RawMention(start=r.start, end=cm.end(0),
                                key=self._norm(self.gaz.places[idx].name), refs=[(idx, True)])
        out.sort(key=lambda r: r.start)

    def _centre_phrases(self, text: str, out: list[RawMention]) -> None:
        """ "Kursk Governor X said the region's administrative centre was attacked": the centre of the one region
        named in that sentence or the one before (none when several are named, or the region's centre is not
        known); "Kharkiv, the regional capital" already names it."""
        if not _CENTRE_PHRASE.search(text):
            return
        starts = sentence_starts(text)
        live = [r for r in out if r.rejected is None]
        for cm in _CENTRE_PHRASE.finditer(text):
            i = bisect.bisect_right(starts, cm.start()) - 1
            since = starts[max(0, i - 1)]
            before = [r for r in live if since <= r.start and r.end <= cm.start()]
            if before and re.fullmatch(r"\s*,\s*", text[before[-1].end:cm.start()]):
                continue  # "Kharkiv, the regional capital"
            regions = {idx for r in before for idx, _ in self._regions_of(r)}
            centre = self._centre(next(iter(regions))) if len(regions) == 1 else None
            if centre is None:
                continue
            out.append(RawMention(start=cm.start(), end=cm.end(), key=self._norm(self.gaz.places[centre].name),
                                  refs=[(centre, True)]))
        out.sort(key=lambda r: r.start)

    def _regions_of(self, r: RawMention) -> list[tuple[int, bool]]:
        if r.role == "region":
            return self.region_refs(r.key)
        return [(i, p) for i, p in r.refs if self.gaz.places[i].kind in ("admin1", "state")]

    def _centre(self, region: int) -> int | None:
        """The city at the region's point: the index places a region at its administrative centre."""
        reg = self.gaz.places[region]
        if reg.lat is None:
            return None
        if self._centres is None:
            self._centres = {}
            for idx, p in enumerate(self.gaz.places):
                if p.kind in ("city", "town") and p.lat is not None:
                    self._centres.setdefault((p.country, p.lat, p.lon), idx)
        return self._centres.get((reg.country, reg.lat, reg.lon))

    def _propagate_regions(self, text: str, out: list[RawMention]) -> None:
        """ "Kharkiv and Donetsk regions", "regions, including Kharkiv and Zhytomyr": the whole list is regions."""
        live = [r for r in out if r.rejected is None]
        chain = False  # forward: "regions - Donetsk, Kherson, Lugansk"
        for idx, r in enumerate(live):
            listed = idx > 0 and bool(_LIST_GAP.match(text[live[idx - 1].end:r.start]))
            if r.role == "place" and (_REGIONS_BEFORE.search(text[max(0, r.start - 40):r.start])
                                      or (chain and listed)):
                r.role = "region"
                chain = True
            else:
                chain = chain and listed and r.role == "region"
        chain = False  # backward: "Kharkiv, Sumy and Donetsk regions"
        for idx in range(len(live) - 1, -1, -1):
            r = live[idx]
            if r.role == "region" and text[max(0, r.end - 7):r.end].lower() in ("regions", "oblasts"):
                chain = True
            elif chain and r.role == "place" and _LIST_GAP.match(text[r.end:live[idx + 1].start]):
                r.role = "region"
            else:
                chain = False
