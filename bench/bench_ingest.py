"""Ingest time per article with 1k and with 100k events already in the ledger.

Merging looks candidates up in the (day, place cell) index, so the time to ingest an article should barely
depend on how large the ledger is. This builds two ledgers from a synthetic corpus (kronika.ledger.synthetic:
invented events over 1,000 days and 2,000 places, each reported one to three times with rising tolls), then
ingests the same fresh batch of articles into each and compares the time per article. Target: ratio <= 1.5.

    .venv/bin/python bench/bench_ingest.py                 # 1k vs 100k events (builds the big ledger: minutes)
    .venv/bin/python bench/bench_ingest.py --large 20000   # a quicker look
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from kronika.ledger import ingest
from kronika.ledger.synthetic import synthetic_corpus
from kronika.store import open_store


def build(path: Path, n_events: int) -> float:
    started = time.perf_counter()
    with open_store(path) as store:
        for done, doc in enumerate(synthetic_corpus(n_events, seed=1), 1):
            ingest(store, [doc])
            if done % 20000 == 0:
                print(f"    {done} documents, {store.counts()['events']} events", flush=True)
        counts = store.counts()
    print(f"  built {path.name}: {counts['events']} events from {counts['documents']} documents "
          f"in {time.perf_counter() - started:.0f} s", flush=True)
    return counts["events"]


def probe(path: Path, n_events: int, rounds: int) -> tuple[float, int, int, int]:
    """Best-of-`rounds` seconds per article for a fresh batch; each round uses a copy of the ledger."""
    import shutil

    docs = list(synthetic_corpus(n_events, seed=2))
    best = float("inf")
    new = merged = 0
    for r in range(rounds):
        copy = path.with_name(f"{path.stem}-probe{r}.db")
        shutil.copyfile(path, copy)
        with open_store(copy) as store:
            started = time.perf_counter()
            summary = ingest(store, docs)
            elapsed = time.perf_counter() - started
        best = min(best, elapsed / len(docs))
        new, merged = summary.events_new, summary.events_merged
        for suffix in ("", "-wal", "-shm"):
            Path(str(copy) + suffix).unlink(missing_ok=True)
    return best, len(docs), new, merged


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--small", type=int, default=1_000, help="events in the small ledger")
    ap.add_argument("--large", type=int, default=100_000, help="events in the large ledger")
    ap.add_argument("--probe", type=int, default=500, help="fresh events in the measured batch")
    ap.add_argument("--rounds", type=int, default=3, help="measured rounds per ledger (best is kept)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="kronika-bench-") as tmp:
        results = {}
        for label, n in (("small", args.small), ("large", args.large)):
            path = Path(tmp) / f"{label}.db"
            print(f"building the {label} ledger ({n} events)...", flush=True)
            events = build(path, n)
            per_doc, docs, new, merged = probe(path, args.probe, args.rounds)
            results[label] = (events, per_doc)
            print(f"  {label}: {per_doc * 1000:.3f} ms per article ({docs} articles: {new} new events, "
                  f"{merged} merged)", flush=True)
    (small_events, small), (large_events, large) = results["small"], results["large"]
    ratio = large / small
    print(f"\ningest per article: {small * 1000:.3f} ms with {small_events} events stored, "
          f"{large * 1000:.3f} ms with {large_events} events stored; ratio {ratio:.2f} (target <= 1.5) "
          f"{'OK' if ratio <= 1.5 else 'OVER TARGET'}")


if __name__ == "__main__":
    main()
