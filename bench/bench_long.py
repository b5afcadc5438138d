"""Extraction time and peak memory for one long article: 10 KB, 100 KB and 1 MB.

    python bench/bench_long.py [--sizes 10000,100000,1000000]

The article is a concatenated dump: the synthetic wire reports of bench/make_corpus.py (no real article text)
one after the other, headline and body, cut at the size. Each size runs in a fresh child process, which loads
the model with a short warm-up before the clock starts; its peak RSS (model included) is its own. CPU time is
printed beside wall time: on a machine others share, it is the figure that says what the code costs. A text over
100,000 characters is parsed in parts (kronika.nlp.PART_CHARS) joined into one Doc, and every later stage is
linear, so time should grow about tenfold from one size to the next. Target: 1 MB in under 60 s and 1 GB.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
TARGET_S = 60.0
TARGET_MB = 1024.0
DEFAULT_SIZES = (10_000, 100_000, 1_000_000)


def long_article(chars: int) -> str:
    """About `chars` characters of wire reports, one after the other, as a scraped dump or live blog has them."""
    sys.path.insert(0, str(HERE))
    from make_corpus import make_corpus

    parts: list[str] = []
    size, batch, seed = 0, max(20, chars // 1500), 7
    while size < chars:
        for record in make_corpus(batch, seed):
            part = f"{record['title'] or 'Update'}\n\n{record['text'].strip()}\n\n"
            parts.append(part)
            size += len(part)
            if size >= chars:
                break
        seed += 1
    return "".join(parts)[:chars]


def run_one(chars: int) -> dict[str, float]:
    from kronika.pipeline import extract_text

    text = long_article(chars)
    extract_text("KYIV (Reuters) - Russian drones struck Kharkiv overnight, killing 3 people.")  # load everything
    started, cpu_started = time.perf_counter(), time.process_time()
    result = extract_text(text, path=f"long-{chars}.txt")
    wall, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    assert all(result.text[e.span[0] : e.span[1]] == e.quote for e in result.events)
    return {
        "chars": len(text),
        "events": len(result.events),
        "wall_s": wall,
        "cpu_s": cpu,
        "chars_per_s": len(text) / wall,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,  # Linux reports KiB
    }


def _child(chars: int) -> dict[str, float]:
    print(f"{chars:,} characters: running in a fresh process ...", file=sys.stderr, flush=True)
    proc = subprocess.run([sys.executable, __file__, "--one", str(chars)], stdout=subprocess.PIPE, text=True)
    if proc.returncode != 0:
        raise SystemExit(f"bench_long: the {chars}-character run failed (exit status {proc.returncode})")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default=",".join(map(str, DEFAULT_SIZES)),
                        help="article sizes in characters, comma-separated (default 10000,100000,1000000)")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # internal: one child run
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(run_one(args.one)))
        return 0
    try:
        sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    except ValueError:
        print(f"bench_long: --sizes wants numbers separated by commas, got {args.sizes!r}", file=sys.stderr)
        return 2
    rows = [_child(size) for size in sizes]
    print(f"{'article':>12} {'events':>7} {'time':>9} {'CPU':>9} {'chars/s':>9} {'peak RSS':>9}")
    for r in rows:
        print(f"{r['chars']:>12,} {r['events']:>7} {r['wall_s']:>8.1f}s {r['cpu_s']:>8.1f}s "
              f"{r['chars_per_s']:>9,.0f} {r['peak_rss_mb']:>7.0f}MB")
    for r in rows:
        if r["chars"] >= 1_000_000:
            ok = r["wall_s"] < TARGET_S and r["peak_rss_mb"] < TARGET_MB
            print(f"1 MB: {r['wall_s']:.1f} s, {r['peak_rss_mb']:.0f} MB peak "
                  f"({'meets' if ok else 'misses'} the {TARGET_S:.0f} s / {TARGET_MB:.0f} MB target)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
