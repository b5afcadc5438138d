"""`geocode --context` is linear in the context, like extraction.

Table row: `kronika geocode` with a 120 KB `--context` took 32 s: every occurrence of the query was compared
with every mention of the context.
"""

from __future__ import annotations

import random
import time

from robust_cases import kronika

from kronika.geo import get_geocoder
from kronika.geo.geocoder import _first_hit
from kronika.geo.mentions import RawMention


def _cpu_seconds(query: str, context: str) -> float:
    geocoder = get_geocoder()
    best = float("inf")
    for _ in range(3):  # the fastest of three: CPU time of this process, steady on a busy machine
        started = time.process_time()
        geocoder.resolve(query, context=context)
        best = min(best, time.process_time() - started)
    return best


def test_resolving_in_context_grows_linearly_with_occurrences_of_the_query() -> None:
    get_geocoder().resolve("Kyiv")
    small, large = _cpu_seconds("Kyiv", "Kyiv " * 1_500), _cpu_seconds("Kyiv", "Kyiv " * 6_000)
    assert large / small < 9, (small, large)  # four times the text: about 4 (16 when it was quadratic)


def test_the_first_hit_is_the_one_a_brute_force_scan_finds() -> None:
    rng = random.Random(7)
    for _ in range(200):
        raws, pos = [], 0
        for _ in range(rng.randrange(0, 12)):
            pos += rng.randrange(0, 6)
            end = pos + rng.randrange(1, 8)
            raws.append(RawMention(start=pos, end=end, key="k", refs=[], rejected=rng.choice([None, "weak"])))
            pos = end
        spots = sorted(rng.sample(range(pos + 5), k=min(pos + 5, rng.randrange(1, 5))))
        length = rng.randrange(1, 6)
        hits = [r for p in spots for r in raws if r.start < p + length and p < r.end]
        expected = next((r for r in hits if r.rejected is None), hits[0]) if hits else None
        assert _first_hit(raws, spots, length) is expected


def test_a_long_context_on_the_command_line_answers(tmp_path) -> None:
    context = "Russian drones struck Kyiv overnight, officials in the Kyiv region said. " * 1_600  # 117 KB
    result = kronika("geocode", "Kyiv", "--context", context, "--format", "json")
    assert result.returncode == 0 and '"name": "Kyiv"' in result.stdout, result.stderr
