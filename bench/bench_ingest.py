"""Ingest time per article with 1k and with 100k events already in the ledger.

Merging looks candidates up in the (day, place cell) index, so the time to ingest an article should barely
depend on how large the ledger is. This builds two ledgers from a synthetic corpus (kronika.ledger.synthetic:
invented events at 2,000 places, 100 a day, each reported one to three times with rising tolls; the small
ledger covers 10 days, the large one 1,000), then ingests the same kind of fresh batch into each and compares
the time per article, store commit and final checkpoint included. Target: ratio <= 1.5.

Two batches are measured:
    daily     the next days' news, as a ledger fed every day grows (the main figure)
    backfill  events on random days inside the stored range, as when an archive is loaded late

    .venv/bin/python bench/bench_ingest.py                      # builds the 100k ledger: a few minutes
    .venv/bin/python bench/bench_ingest.py --keep /tmp/kbench   # keep the built ledgers for the next run
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from datetime import timedelta
from pathlib import Path

from kronika.ledger import ingest
from kronika.ledger.synthetic import START, synthetic_corpus
from kronika.store import open_store

EVENTS_PER_DAY = 100


def days_for(n_events: int) -> int:
    return max(1, n_events // EVENTS_PER_DAY)


def build(path: Path, n_events: int) -> None:
    started = time.perf_counter()
    with open_store(path) as store:
        for done, doc in enumerate(synthetic_corpus(n_events, seed=1, days=days_for(n_events)), 1):
            ingest(store, [doc])
            if done % 20000 == 0:
                print(f"    {done} documents, {store.counts()['events']} events", flush=True)
    print(f"  built {path.name} in {time.perf_counter() - started:.0f} s", flush=True)


def batch(kind: str, stored_events: int, n_events: int) -> list:
    stored_days = days_for(stored_events)
    if kind == "daily":
        start = START + timedelta(days=stored_days)
        return list(synthetic_corpus(n_events, seed=2, days=days_for(n_events), start=start))
    return list(synthetic_corpus(n_events, seed=2, days=stored_days, chronological=False))


def measure(path: Path, docs: list) -> tuple[float, float, int, int]:
    """Wall and CPU seconds per article for ingesting `docs` into a fresh copy of the ledger at `path`."""
    copy = path.with_name(f"{path.stem}-probe.db")
    shutil.copyfile(path, copy)
    try:
        wall, cpu = time.perf_counter(), time.process_time()
        with open_store(copy) as store:  # closing checkpoints the WAL: that cost belongs to the ingest
            summary = ingest(store, docs)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    finally:
        for suffix in ("", "-wal", "-shm"):
            Path(str(copy) + suffix).unlink(missing_ok=True)
    return wall / len(docs), cpu / len(docs), summary.events_new, summary.events_merged


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--small", type=int, default=1_000, help="events in the small ledger")
    ap.add_argument("--large", type=int, default=100_000, help="events in the large ledger")
    ap.add_argument("--probe", type=int, default=500, help="fresh events in each measured batch")
    ap.add_argument("--rounds", type=int, default=3, help="measured rounds per ledger (best is kept)")
    ap.add_argument("--keep", type=Path, help="folder where built ledgers are kept and reused between runs")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="kronika-bench-") as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        ledgers: dict[str, tuple[Path, int, int]] = {}
        for label, n in (("small", args.small), ("large", args.large)):
            path = folder / f"synthetic-{n}-per-day-{EVENTS_PER_DAY}.db"
            if path.exists():
                print(f"reusing {path}", flush=True)
            else:
                print(f"building the {label} ledger ({n} events)...", flush=True)
                build(path, n)
            with open_store(path) as store:
                counts = store.counts()
            ledgers[label] = (path, counts["events"], counts["documents"])
            print(f"  {label}: {counts['events']} events from {counts['documents']} documents", flush=True)
        lines = []
        for kind in ("daily", "backfill"):
            best: dict[str, tuple[float, float]] = {}
            # rounds alternate between the two ledgers so that load from other processes hits both alike
            for r in range(args.rounds):
                for label, (path, events, _) in ledgers.items():
                    docs = batch(kind, events, args.probe)
                    wall, cpu, new, merged = measure(path, docs)
                    old = best.get(label, (float("inf"), float("inf")))
                    best[label] = (min(old[0], wall), min(old[1], cpu))
                    print(f"  {kind} round {r + 1} {label}: {wall * 1000:.3f} ms wall, {cpu * 1000:.3f} ms CPU per "
                          f"article ({len(docs)} articles: {new} new events, {merged} merged)", flush=True)
            (sw, sc), (lw, lc) = best["small"], best["large"]
            lines.append(
                f"{kind:<8} ingest per article (best of {args.rounds}): {sw * 1000:.3f} ms with "
                f"{ledgers['small'][1]} events stored, {lw * 1000:.3f} ms with {ledgers['large'][1]} events stored: "
                f"ratio {lw / sw:.2f} wall, {lc / sc:.2f} CPU (target <= 1.5)"
            )
    print()
    print("\n".join(lines))


if __name__ == "__main__":
    main()
