"""Bounded fuzzy matching of machine-translation-damaged names ("Novoselifka", "Zatyshya") with rapidfuzz.

Only Ukrainian settlement names are targets, only names of about the same length and first letter are
compared, and the score must reach `CUTOFF` on a skeleton key that ignores the usual romanization noise
(y/i/j, doubled letters). Exact names never come here, so "Kherson" cannot turn into "Khersones".
"""

from __future__ import annotations

from collections.abc import Callable

from rapidfuzz import fuzz, process

from kronika.geo.gazetteer import Gazetteer
from kronika.geo.normalize import norm, skeleton

CUTOFF = 85.0
WINDOW = 5.0  # keys this many points below the best still bring their places as candidates


class FuzzyMatcher:
    def __init__(self, gaz: Gazetteer, refs: Callable[[str], list[tuple[int, bool]]]) -> None:
        self.gaz = gaz
        self.refs = refs
        self._buckets: dict[tuple[str, int], tuple[list[str], list[str]]] | None = None
        self._cache: dict[str, tuple[str, list[tuple[int, float]]] | None] = {}

    def match(self, token_norm: str) -> tuple[str, list[tuple[int, float]]] | None:
        """The places whose names are closest to an MT-damaged name: (best key, [(place, points below the
        best match)]) or None.

        Every key within a few points of the best one contributes, and each hit brings all places of its
        name, so "Zatyshya" stays open between Zatyshshia and Zatysha until the context decides.
        """
        if token_norm in self._cache:
            return self._cache[token_norm]
        buckets = self._buckets if self._buckets is not None else self._build()
        sk = skeleton(token_norm)
        skels: list[str] = []
        keys: list[str] = []
        for length in range(len(sk) - 3, len(sk) + 4):  # a longer or shorter name cannot score high enough
            bucket = buckets.get((sk[:1], length))
            if bucket:
                skels += bucket[0]
                keys += bucket[1]
        hits = process.extract(sk, skels, scorer=fuzz.ratio, score_cutoff=CUTOFF, limit=8)
        result = None
        if hits:
            best = hits[0][1]
            gaps: dict[str, float] = {}  # place name -> points below the best
            for h in hits:
                if h[1] < best - WINDOW:
                    break
                refs = self.refs(keys[h[2]])
                own = [r for r in refs if r[1]] or refs  # "novoekonomichne" is Myrnohrad's alias too: own names first
                for idx, _ in own:
                    name = self.gaz.places[idx].name
                    gaps[name] = min(gaps.get(name, 99.0), best - h[1])
            found: dict[int, float] = {}
            for name, gap in gaps.items():
                for same, primary in self.refs(norm(name)):
                    if primary and self.gaz.places[same].country == "UA":
                        found[same] = min(found.get(same, 99.0), gap)
            result = keys[hits[0][2]], sorted(found.items())
        if len(self._cache) < 10_000:
            self._cache[token_norm] = result
        return result

    def _build(self) -> dict[tuple[str, int], tuple[list[str], list[str]]]:
        # only Ukrainian settlements: MT damage in this domain hits village names, and a small target set
        # keeps a bad guess from landing on some Russian or world place
        buckets: dict[tuple[str, int], tuple[list[str], list[str]]] = {}
        for key, refs in self.gaz.names.items():
            if not key.isascii() or len(key) < 5 or key in self.gaz.weak:
                continue
            if not any(self.gaz.places[r if r >= 0 else -r - 1].country == "UA"
                       and self.gaz.places[r if r >= 0 else -r - 1].kind in ("city", "town", "village")
                       for r in refs):
                continue
            sk = skeleton(key)
            skels, keys = buckets.setdefault((sk[:1], len(sk)), ([], []))
            skels.append(sk)
            keys.append(key)
        self._buckets = buckets
        return buckets
