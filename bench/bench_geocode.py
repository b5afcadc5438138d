#!/usr/bin/env python3
"""Geocoder benchmark: index load time and memory, exact-name lookups per second, find_places per article.

Usage: .venv/bin/python bench/bench_geocode.py [--seconds 3] [--corpus bench/out/corpus.jsonl]

Targets (issue 3): load < 1 s and < 200 MB; exact-name lookups >= 50,000/s; find_places on a 5 KB article
well under 5 ms. Prints one line per figure and a summary line.
"""

from __future__ import annotations

import argparse
import gc
import glob
import json
import random
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

# names as news writes them: official, older and Russian-derived spellings, regions, world places, homonyms
QUERIES = [
    "Kupiansk", "Kupyansk", "Kyiv", "Kiev", "Kharkiv", "Kharkov", "Zaporizhzhia", "Zaporozhye", "Odesa", "Odessa",
    "Dnipro", "Lviv", "Sumy", "Kherson", "Mykolaiv", "Pokrovsk", "Krasnoarmeysk", "Bakhmut", "Artemovsk",
    "Siversk", "Seversk", "Kramatorsk", "Sloviansk", "Kostiantynivka", "Huliaipole", "Vovchansk", "Izium",
    "Belgorod", "Kursk", "Bryansk", "Moscow", "Rostov-on-Don", "Novorossiysk", "Geneva", "Ankara", "Istanbul",
    "Riyadh", "Washington", "Ukraine", "Russia", "Turkey", "Crimea", "Donbas", "Novoselivka", "Andriivka",
    "Mykolaivka", "Ternopil", "Chernihiv", "Poltava", "Myrnohrad",
]


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seconds", type=float, default=3.0, help="time budget of each throughput measure")
    ap.add_argument("--corpus", type=Path, default=None,
                    help="JSON Lines articles ({\"text\": ...}) for find_places; default: the seed articles")
    args = ap.parse_args()

    base = rss_mb()
    t0 = time.perf_counter()
    from kronika.geo import Geocoder

    geo = Geocoder()
    load_s = time.perf_counter() - t0
    gc.collect()
    mem = rss_mb() - base
    print(f"index load: {load_s:.2f} s, memory +{mem:.0f} MB (peak RSS {rss_mb():.0f} MB)", file=sys.stderr)

    t0 = time.perf_counter()
    geo.scanner.fuzzy_refs("novoselifka")  # builds the fuzzy-match buckets once
    print(f"fuzzy index (built on first use): {time.perf_counter() - t0:.2f} s", file=sys.stderr)

    rng = random.Random(7)
    queries = QUERIES * 20
    rng.shuffle(queries)
    n, t0 = 0, time.perf_counter()
    while time.perf_counter() - t0 < args.seconds:
        for q in queries:
            geo.resolve(q)
        n += len(queries)
    lookups = n / (time.perf_counter() - t0)
    print(f"exact-name lookups: {lookups:,.0f}/s over {n:,} lookups", file=sys.stderr)

    if args.corpus is not None:
        with args.corpus.open(encoding="utf-8") as fh:
            texts = [json.loads(line)["text"] for line in fh if line.strip()][:2000]
    else:
        seeds = sorted(glob.glob(str(ROOT.parent / "shared" / "seeds" / "*.txt")))
        texts = [Path(p).read_text(encoding="utf-8") for p in seeds]
    texts = texts or [
        "Russian forces advanced near Siversk and the villages of Novoselifka and Milolyubivka. " * 40]
    for t in texts:
        geo.find_places(t)  # warm the caches a long run would have warm
    per_kb = []
    n, t0 = 0, time.perf_counter()
    while time.perf_counter() - t0 < args.seconds:
        for t in texts:
            s = time.perf_counter()
            geo.find_places(t)
            per_kb.append((time.perf_counter() - s) * 1000 / (len(t) / 1024))
        n += len(texts)
    per_kb.sort()
    print(f"find_places: {n:,} articles, median {per_kb[len(per_kb) // 2] * 5:.2f} ms per 5 KB, "
          f"p95 {per_kb[int(len(per_kb) * 0.95)] * 5:.2f} ms per 5 KB", file=sys.stderr)
    print(f"summary: load={load_s:.2f}s mem=+{mem:.0f}MB lookups={lookups:,.0f}/s "
          f"find_places_5kb_median={per_kb[len(per_kb) // 2] * 5:.2f}ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
