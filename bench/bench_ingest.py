"""Ingest time per article with 1k and with 1M events already in the ledger.

Merging looks candidates up in the index (day keys x place cells, and the latest events of a place for undated
reports), so the time to ingest an article should barely depend on how large the ledger is. This builds two
ledgers from a synthetic corpus (kronika.ledger.synthetic: invented events at 2,000 places, 100 a day, each
reported one to three times with rising tolls, the third report an undated update naming only month and day;
the small ledger covers 10 days, the large one 10,000), then ingests the same kind of fresh batch into each and
compares the time per article, store commit and final checkpoint included. Target: ratio <= 1.5.

The small ledger is built with the real ingest. The 1M ledger would take hours that way on a shared 2-core machine,
so it is tiled: a 10k-event ledger (100 days) is built with the real ingest, then copied 100 times in SQL, each
copy shifted by 100 days (every table, id and index key shifted alike), which gives the row counts, index shapes
and key spreads of a 1M-event ledger built day by day. Keep it with --keep.

Two batches are measured:
    daily     the next days' news, as a ledger fed every day grows (the main figure)
    backfill  events on random days inside the stored range, as when an archive is loaded late

    .venv/bin/python bench/bench_ingest.py                      # builds the 1M ledger: about 15 minutes
    .venv/bin/python bench/bench_ingest.py --keep /tmp/kbench   # keep the built ledgers for the next run
"""

from __future__ import annotations

import argparse
import itertools
import shutil
import sqlite3
import tempfile
import time
from datetime import timedelta
from pathlib import Path

from kronika.ledger import ingest
from kronika.ledger.synthetic import START, synthetic_corpus
from kronika.store import open_store

EVENTS_PER_DAY = 100
BUILD_BATCH = 2000


def days_for(n_events: int) -> int:
    return max(1, n_events // EVENTS_PER_DAY)


def build(path: Path, n_events: int) -> None:
    started = time.perf_counter()
    with open_store(path) as store:
        docs = synthetic_corpus(n_events, seed=1, days=days_for(n_events))
        done = 0
        while True:
            batch_docs = list(itertools.islice(docs, BUILD_BATCH))
            if not batch_docs:
                break
            with store.transaction():  # one commit per batch; each article is a savepoint inside it
                ingest(store, batch_docs)
            done += len(batch_docs)
            if done % 100_000 < BUILD_BATCH:
                print(f"    {done} documents in {time.perf_counter() - started:.0f} s", flush=True)
    print(f"  built {path.name} in {time.perf_counter() - started:.0f} s", flush=True)


TILE_EVENTS = 10_000


def _shift(column: str, days: str) -> str:
    return f"date({column}, '+' || {days} || ' days')"


def _shift_md(column: str, days: str) -> str:
    # a month-day key ('--MM-DD') moves with its day; 2024 is a leap year, so --02-29 has a day to move from
    return f"strftime('--%m-%d', date('2024-' || substr({column}, 3), '+' || {days} || ' days'))"


def replicate(path: Path, copies: int, tile_days: int) -> None:
    """Append `copies - 1` copies of the ledger at `path`, copy k shifted by k * tile_days days."""
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode=OFF")
    db.execute("PRAGMA synchronous=OFF")
    db.execute("PRAGMA foreign_keys=OFF")
    db.execute("PRAGMA cache_size=-262144")
    top = {t: db.execute(f"SELECT max(id) FROM {t}").fetchone()[0] or 0
           for t in ("documents", "stories", "event_sources", "figures", "claims")}
    top_seq = db.execute("SELECT max(seq) FROM events").fetchone()[0]
    started = time.perf_counter()
    for k in range(1, copies):
        n = str(k * tile_days)
        o = {t: k * v for t, v in top.items()}
        db.execute("BEGIN")
        db.execute("DROP TABLE IF EXISTS temp.idmap")
        db.execute(
            "CREATE TEMP TABLE idmap AS SELECT id AS old, CASE WHEN date IS NOT NULL AND substr(id, 4, 10) = date"
            f" THEN 'ev-' || {_shift('date', n)} || substr(id, 14) ELSE id || '~{k}' END AS new"
            f" FROM events WHERE seq <= {top_seq}"
        )
        db.execute("CREATE UNIQUE INDEX temp.idmap_old ON idmap(old)")
        md = _shift_md
        changes: dict[str, tuple[str, str, dict[str, str]]] = {
            # table: (FROM clause, WHERE, column -> new value); other columns are copied as they are
            "documents": ("documents", f"id <= {top['documents']}", {
                "id": f"id + {o['documents']}", "content_hash": f"content_hash || '-{k}'", "path": f"path || '#{k}'",
                "published": _shift("published", n)}),
            "stories": ("stories", f"id <= {top['stories']}", {
                "id": f"id + {o['stories']}", "document_id": f"document_id + {o['documents']}",
                "reference_date": _shift("reference_date", n)}),
            "events": ("events JOIN idmap m ON m.old = events.id", "1", {
                "id": "m.new", "seq": f"seq + {k * top_seq}", "date": _shift("date", n),
                "date_to": _shift("date_to", n), "first_reported": _shift("first_reported", n),
                "last_reported": _shift("last_reported", n)}),
            "event_sources": ("event_sources s JOIN idmap m ON m.old = s.event_id", f"s.id <= {top['event_sources']}", {
                "id": f"s.id + {o['event_sources']}", "event_id": "m.new",
                "document_id": f"document_id + {o['documents']}", "story_id": f"story_id + {o['stories']}",
                "published": _shift("published", n), "date": _shift("date", n),
                "date_partial": f"CASE WHEN date_partial LIKE '--%' THEN {md('date_partial', n)} ELSE date_partial END",
                "source_key": f"substr(source_key, 1, 64) || '-{k}' || substr(source_key, 65)"}),
            "event_source_places": ("event_source_places", f"event_source_id <= {top['event_sources']}", {
                "event_source_id": f"event_source_id + {o['event_sources']}"}),
            "event_source_actors": ("event_source_actors", f"event_source_id <= {top['event_sources']}", {
                "event_source_id": f"event_source_id + {o['event_sources']}"}),
            "claims": ("claims c JOIN idmap m ON m.old = c.event_id", f"c.id <= {top['claims']}", {
                "id": f"c.id + {o['claims']}", "event_id": "m.new",
                "event_source_id": f"event_source_id + {o['event_sources']}", "published": _shift("published", n)}),
            "figures": ("figures f JOIN idmap m ON m.old = f.event_id", f"f.id <= {top['figures']}", {
                "id": f"f.id + {o['figures']}", "event_id": "m.new",
                "event_source_id": f"event_source_id + {o['event_sources']}",
                "document_id": f"document_id + {o['documents']}", "reported_on": _shift("reported_on", n)}),
            "current_figures": ("current_figures c JOIN idmap m ON m.old = c.event_id", "1", {
                "event_id": "m.new", "figure_id": f"figure_id + {o['figures']}"}),
            "event_index": ("event_index i JOIN idmap m ON m.old = i.event_id", "1", {
                "day": f"CASE WHEN day = '*' THEN day WHEN day LIKE '--%' THEN {md('day', n)}"
                       f" ELSE {_shift('day', n)} END", "event_id": "m.new"}),
            "event_recent": ("event_recent r JOIN idmap m ON m.old = r.event_id", "1", {
                "seq": f"seq + {k * top_seq}", "event_id": "m.new"}),
        }
        sql = []
        for table, (source, where, new_values) in changes.items():
            columns = [r[1] for r in db.execute(f"PRAGMA table_info({table})")]
            values = ", ".join(new_values.get(c, c) for c in columns)
            sql.append(f"INSERT INTO {table} ({', '.join(columns)}) SELECT {values} FROM {source} WHERE {where}")
        for statement in sql:
            db.execute(statement)
        db.execute("COMMIT")
        if k % 10 == 0:
            print(f"    {k + 1} tiles in {time.perf_counter() - started:.0f} s", flush=True)
    db.execute("INSERT INTO documents_fts(documents_fts) VALUES ('rebuild')")
    db.execute("PRAGMA journal_mode=WAL")
    db.close()


def build_tiled(path: Path, n_events: int) -> None:
    copies = max(1, n_events // TILE_EVENTS)
    build(path, TILE_EVENTS)
    replicate(path, copies, days_for(TILE_EVENTS))


def batch(kind: str, stored_events: int, n_events: int) -> list:
    stored_days = days_for(stored_events)
    if kind == "daily":
        start = START + timedelta(days=stored_days)
        return list(synthetic_corpus(n_events, seed=2, days=days_for(n_events), start=start))
    return list(synthetic_corpus(n_events, seed=2, days=stored_days, chronological=False))


WARMUP = 100  # articles ingested before the clock starts: a ledger fed every day has its hot pages in memory


def measure(path: Path, docs: list) -> tuple[float, float, int, int]:
    """Wall and CPU seconds per article for ingesting `docs` (after WARMUP others) into a fresh copy of the
    ledger at `path`."""
    copy = path.with_name(f"{path.stem}-probe.db")
    shutil.copyfile(path, copy)
    warm, docs = docs[:WARMUP], docs[WARMUP:]
    try:
        with open_store(copy) as store:
            ingest(store, warm)
            wall, cpu = time.perf_counter(), time.process_time()
            summary = ingest(store, docs)
        # closing checkpoints the WAL: that cost belongs to the ingest
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    finally:
        for suffix in ("", "-wal", "-shm"):
            Path(str(copy) + suffix).unlink(missing_ok=True)
    return wall / len(docs), cpu / len(docs), summary.events_new, summary.events_merged


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--small", type=int, default=1_000, help="events in the small ledger")
    ap.add_argument("--large", type=int, default=1_000_000, help="events in the large ledger")
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
                (build_tiled if n > TILE_EVENTS else build)(path, n)
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
