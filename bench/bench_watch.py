"""Feed to ledger: seen -> ingested latency and items per second, on a local feed of 200 items.

A local site on a free loopback port (the watch tests' server, tests/watch/feed_site.py) serves one RSS feed and an
HTML page per item; the pages carry the benchmark corpus's articles (bench/make_corpus.py: generated text with
datelines, tolls, claimants, site chrome). The real pipeline extracts them (spaCy loaded once, before timing, as
in a running `kronika watch`). Two runs, each on a fresh ledger:

    trickle  the feed gains --batch items (default 10) between polls, as a live feed does, and is polled after
             each batch with the default polite client (2 requests at a time per host, 0.5 s between starts)
    burst    all items are new in one poll (a first poll of a busy feed), with no delay between requests, so
             the figure is kronika's own throughput rather than the politeness delay

Latency is each item's first sight in the feed (when the poll stores it) to its ingest (when its document is
committed), read back from the ledger's feed_items table. Target: p95 under 5 s per item on 2 cores.

    .venv/bin/python bench/bench_watch.py [--items 200] [--batch 10]
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import tempfile
import time
from dataclasses import replace
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent / "tests" / "watch")]

from feed_site import Item, Site, article_html, rss  # noqa: E402
from make_corpus import make_corpus  # noqa: E402

from kronika.watch import AddressGuard, FetchPolicy, PoliteClient, Watcher  # noqa: E402
from kronika.watch.state import percentile  # noqa: E402

LOCAL = "127.0.0.1"


def serve_corpus(site: Site, n: int) -> list[Item]:
    items = []
    for k, record in enumerate(make_corpus(n, seed=7)):
        paragraphs = [p.strip() for p in str(record["text"]).split("\n\n") if p.strip()]
        title = str(record["title"] or paragraphs[0][:80])
        site.static(f"/war/{k}", article_html(title, paragraphs, published=record["published"],
                                              site_name=str(record["source"] or "Example Wire")))
        items.append(Item(title, site.url(f"/war/{k}", host=LOCAL), None, f"urn:bench:{k}"))
    return items


def latencies(db: Path) -> tuple[list[float], int]:
    con = sqlite3.connect(db)
    try:
        rows = con.execute("SELECT first_seen_at, ingested_at, state FROM feed_items").fetchall()
    finally:
        con.close()
    done = sorted((datetime.fromisoformat(b) - datetime.fromisoformat(a)).total_seconds()
                  for a, b, state in rows if state == "ingested" and a and b)
    return done, len(rows)


def run(site: Site, items: list[Item], batches: list[int], policy: FetchPolicy, db: Path) -> dict[str, float]:
    feed = site.url("/feed.xml", host=LOCAL)
    polling = 0.0
    with PoliteClient(policy, AddressGuard(allowed=["127.0.0.1/32"])) as client:
        watcher = Watcher(db, client)
        for upto in batches:
            site.static("/feed.xml", rss("Bench Wire", list(reversed(items[:upto]))), "application/rss+xml")
            started = time.perf_counter()
            report = watcher.poll([feed])
            polling += time.perf_counter() - started
            if report.feeds_failed or report.count("failed"):
                print(f"  warning: {report.summary()}", file=sys.stderr)
    seen, total = latencies(db)
    return {
        "items": total,
        "ingested": len(seen),
        "p50": percentile(seen, 50) or 0.0,
        "p95": percentile(seen, 95) or 0.0,
        "max": seen[-1] if seen else 0.0,
        "seconds": polling,
        "items_per_s": len(seen) / polling if polling else 0.0,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--items", type=int, default=200, help="items in the feed (default 200)")
    parser.add_argument("--batch", type=int, default=10, help="new items per poll in the trickle run (default 10)")
    args = parser.parse_args(argv)
    if args.items < 1 or args.batch < 1:
        print("bench_watch: --items and --batch must be at least 1", file=sys.stderr)
        return 2

    from kronika.nlp import load_nlp

    started = time.perf_counter()
    load_nlp()
    print(f"model loaded in {time.perf_counter() - started:.1f} s (not counted)")
    polite = FetchPolicy()
    results = {}
    with Site() as site, tempfile.TemporaryDirectory(prefix="kronika-bench-watch-") as tmp:
        items = serve_corpus(site, args.items)
        trickle = list(range(args.batch, args.items, args.batch)) + [args.items]
        results["trickle"] = run(site, items, trickle, polite, Path(tmp) / "trickle.db")
        results["burst"] = run(site, items, [args.items], replace(polite, host_delay=0.0), Path(tmp) / "burst.db")
    heads = ("items", "ingested", "p50 s", "p95 s", "max s", "items/s", "polling s")
    print(f"{'run':<8} " + " ".join(f"{h:>9}" for h in heads))
    for name, r in results.items():
        print(f"{name:<8} {r['items']:>9.0f} {r['ingested']:>9.0f} {r['p50']:>9.2f} {r['p95']:>9.2f} {r['max']:>9.2f} "
              f"{r['items_per_s']:>9.1f} {r['seconds']:>9.1f}")
    target = results["trickle"]["p95"] < 5.0
    print(f"target p95 < 5 s per item (trickle, polite client): {'met' if target else 'NOT met'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
