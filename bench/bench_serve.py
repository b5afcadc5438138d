"""`kronika serve` under load: /api/events latency with filters on a 1M-event ledger, and the time the map page
takes to show 10k events in headless Chromium.

The ledgers are synthetic (events over 1,000 days at the 2,000 places of kronika.ledger.synthetic, one to three
reports each, tolls, claimants, contested ground claims, one stored article per report) and written in bulk
straight into the store's tables: ingesting 1.75M articles one by one would take the better part of an hour,
and the read paths measured here do not care how the rows got there. A real `kronika serve` answers over HTTP
on a free loopback port; requests go one at a time over one keep-alive connection.

Targets: p99 < 50 ms for every filter mix; the map page with 10k events ready (markers added) in < 2 s.

    .venv/bin/python bench/bench_serve.py                       # builds both ledgers (a few minutes)
    .venv/bin/python bench/bench_serve.py --keep /tmp/kserve    # keep them for the next run
    .venv/bin/python bench/bench_serve.py --events 100000       # a smaller ledger
"""

from __future__ import annotations

import argparse
import hashlib
import http.client
import json
import random
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlencode

from kronika.ledger.synthetic import OUTLETS, PLACES_SEED, START, _places
from kronika.store import open_store

KRONIKA = Path(sys.executable).with_name("kronika")
TYPES = ("strike", "strike", "air_attack", "ground_claim", "diplomacy", "statement")
CLAIMANTS = ("regional administration", "State Emergency Service", "Ukraine's air force", "the city mayor")
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]


# ---------------------------------------------------------------------------------------------- bulk ledger


def build_ledger(path: Path, n_events: int, days: int = 1000, seed: int = 7) -> None:
    started = time.perf_counter()
    rng = random.Random(seed)
    places = _places(random.Random(PLACES_SEED), 2000)
    with open_store(path) as store:
        db = store._db  # bulk writes: the one place outside the store that touches its connection
        db.execute("PRAGMA synchronous=OFF")
        db.execute("BEGIN")
        db.executemany(
            "INSERT INTO places (id, place_key, name, admin1, country, lat, lon, precision, gazetteer_id)"
            " VALUES (?,?,?,?,?,?,?,?,?)",
            [(i + 1, p.gazetteer_id, p.name, p.admin1, p.country, p.lat, p.lon, p.precision, p.gazetteer_id)
             for i, p in enumerate(places)],
        )
        db.execute("INSERT INTO actors (id, name) VALUES (1, 'Russia')")
        doc_id = source_id = figure_id = 0
        truths = sorted(
            ((START + timedelta(days=rng.randrange(days)), rng.randrange(len(places)), rng.choice(TYPES),
              rng.randrange(0, 40)) for _ in range(n_events)),
            key=lambda t: t[0],
        )
        batch: dict[str, list[tuple]] = {k: [] for k in ("doc", "fts", "ev", "src", "sp", "sa", "cl", "fig", "cur")}

        def flush() -> None:
            sql = {
                "doc": "INSERT INTO documents (id, content_hash, path, outlet, title, published, text, ingested_at)"
                       " VALUES (?,?,?,?,?,?,?,'2025-01-01')",
                "fts": "INSERT INTO documents_fts (rowid, title, text) VALUES (?,?,?)",
                "ev": "INSERT INTO events (id, seq, type, date, place_id, status, contested, source_count,"
                      " first_reported, last_reported, summary) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                "src": "INSERT INTO event_sources (id, event_id, document_id, extracted_id, outlet, published, type,"
                       " date, place_id, claimed_by, status, quote, span_start, span_end)"
                       " VALUES (?,?,?,'e1',?,?,?,?,?,?,?,?,?,?)",
                "sp": "INSERT INTO event_source_places VALUES (?, ?, 'primary')",
                "sa": "INSERT INTO event_source_actors VALUES (?, 1)",
                "cl": "INSERT INTO claims (event_id, event_source_id, claimant, stance, outlet, published, quote)"
                      " VALUES (?,?,?,?,?,?,?)",
                "fig": "INSERT INTO figures (id, event_id, event_source_id, document_id, position, kind, value,"
                       " qualifier, claimed_by, outlet, reported_on, quote, span_start, span_end)"
                       " VALUES (?,?,?,?,0,'killed',?,?,?,?,?,?,?,?)",
                "cur": "INSERT INTO current_figures VALUES (?, 'killed', ?, ?, ?, ?, ?, 0, ?, ?)",
            }
            for key, rows in batch.items():
                if rows:
                    db.executemany(sql[key], rows)
                    rows.clear()

        for seq, (day, place_no, etype, killed) in enumerate(truths, 1):
            place = places[place_no]
            iso = day.isoformat()
            event_id = f"ev-{iso}-{place.name.lower().replace(' ', '-')}-{etype.replace('_', '-')}-{seq}"
            reports = rng.choice((1, 1, 2, 3))
            denied = etype == "ground_claim" and reports > 1 and rng.random() < 0.3
            last_value = None
            for r in range(reports):
                doc_id += 1
                source_id += 1
                outlet = OUTLETS[(doc_id + r) % len(OUTLETS)]
                published = (day + timedelta(days=r)).isoformat()
                head = f"A Russian {etype.replace('_', ' ')} hit {place.name} in {place.admin1} on {iso}"
                toll = max(1, killed - (reports - 1 - r) * 3) if killed and etype in ("strike", "air_attack") else 0
                text = f"{place.name}, {published} ({outlet}) - {head}" + (f", killing {toll} people" if toll else "")
                text += f". Report {doc_id}."
                stance = "denied" if denied and r == reports - 1 else ("claimed" if etype == "ground_claim" else
                                                                       "reported")
                claimant = ("Ukraine's General Staff" if stance == "denied" else
                            "Russia's defence ministry" if etype == "ground_claim" else rng.choice(CLAIMANTS))
                batch["doc"].append((doc_id, hashlib.sha1(text.encode()).hexdigest(), f"synthetic/{doc_id}.txt",
                                     outlet, None, published, text))
                batch["fts"].append((doc_id, "", text))
                start = text.index(head)
                batch["src"].append((source_id, event_id, doc_id, outlet, published, etype, iso, place_no + 1,
                                     claimant, stance, head, start, start + len(head)))
                batch["sp"].append((source_id, place_no + 1))
                batch["sa"].append((source_id,))
                batch["cl"].append((event_id, source_id, claimant, stance, outlet, published, head))
                if toll:
                    figure_id += 1
                    ftext = f"killing {toll} people"
                    fstart = text.index(ftext)
                    batch["fig"].append((figure_id, event_id, source_id, doc_id, toll, "exact", claimant, outlet,
                                         published, ftext, fstart, fstart + len(ftext)))
                    last_value = (toll, figure_id)
            if last_value:
                value, fid = last_value
                batch["cur"].append((event_id, "*", value, "exact", value, value, reports, fid))
            status = "contested" if denied else ("claimed" if etype == "ground_claim" else "reported")
            first = iso
            last = (day + timedelta(days=reports - 1)).isoformat()
            batch["ev"].append((event_id, seq, etype, iso, place_no + 1, status, int(denied), reports, first, last,
                                f"A Russian {etype.replace('_', ' ')} hit {place.name}"))
            if seq % 20000 == 0:
                flush()
            if seq % 200000 == 0:
                print(f"    {seq} events, {doc_id} articles", flush=True)
        flush()
        db.execute("COMMIT")
        # one bulk transaction leaves the full-text index in many small segments; a ledger fed article by
        # article keeps merging its own (FTS5 automerge). Merged into one here: word filters' best case
        db.execute("INSERT INTO documents_fts(documents_fts) VALUES ('optimize')")
        db.execute("PRAGMA synchronous=NORMAL")
        db.execute("ANALYZE")
    print(f"  built {path.name}: {n_events} events, {doc_id} articles in {time.perf_counter() - started:.0f} s",
          flush=True)


# ---------------------------------------------------------------------------------------------- server


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: Path) -> tuple[subprocess.Popen, int]:
    port = free_port()
    proc = subprocess.Popen([str(KRONIKA), "serve", "--db", str(db), "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    # a ledger just built in bulk may start with a large WAL to check-point: on a loaded machine that takes minutes
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            said = proc.stderr.read().decode()[-500:] if proc.stderr else ""
            raise SystemExit(f"bench_serve: kronika serve exited: {said}")
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/api/config")
            if conn.getresponse().status == 200:
                conn.close()
                return proc, port
        except OSError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("bench_serve: kronika serve did not answer within 300 s")


def stop_server(proc: subprocess.Popen) -> None:
    proc.send_signal(signal.SIGINT)
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()


# ---------------------------------------------------------------------------------------------- latency


def scenarios(rng: random.Random, days: int, cursor_after: str | None) -> dict[str, object]:
    def window(n: int) -> dict[str, str]:
        first = START + timedelta(days=rng.randrange(days - n))
        return {"since": first.isoformat(), "until": (first + timedelta(days=n - 1)).isoformat()}

    region = lambda: rng.choice(("Kharkiv Oblast", "Donetsk Oblast", "Odesa Oblast", "Sumy Oblast"))  # noqa: E731
    return {
        "no filter": lambda: {},
        "since/until (7 days)": lambda: window(7),
        "type + 30 days": lambda: {"type": rng.choice(TYPES), **window(30)},
        "two types": lambda: {"type": ["ground_claim", "diplomacy"]},
        "place (region)": lambda: {"place": region()},
        "place (region) + 30 days": lambda: {"place": region(), **window(30)},
        "claimant": lambda: {"claimant": rng.choice(("General Staff", "air force", "mayor"))},
        "contested": lambda: {"contested": "true"},
        "near 50 km": lambda: {"near": f"{rng.uniform(47, 51):.3f},{rng.uniform(25, 37):.3f},50"},
        "q (words) + 30 days": lambda: {"q": "Russian strike", **window(30)},
        "deep cursor page": lambda: {"cursor": cursor_after} if cursor_after else {},
    }


def measure_latency(port: int, days: int, requests: int, limit: int) -> dict[str, tuple[float, float, int]]:
    rng = random.Random(3)
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)

    def get(params: dict) -> tuple[float, dict]:
        query = urlencode({**params, "limit": limit}, doseq=True)
        t0 = time.perf_counter()
        conn.request("GET", f"/api/events?{query}")
        resp = conn.getresponse()
        body = resp.read()
        elapsed = (time.perf_counter() - t0) * 1000
        if resp.status != 200:
            raise SystemExit(f"bench_serve: {resp.status} for {query}: {body[:200]!r}")
        return elapsed, json.loads(body)

    # a cursor in the middle of the listing, for deep paging
    mid = (START + timedelta(days=days // 2)).isoformat()
    cursor = get({"since": mid})[1]["next_cursor"]
    results = {}
    for name, make in scenarios(rng, days, cursor).items():
        for _ in range(5):
            get(make())  # warm the connection's page cache for this access path
        times, rows = [], 0
        for _ in range(requests):
            elapsed, body = get(make())
            times.append(elapsed)
            rows += len(body["events"])
        times.sort()
        p50 = statistics.median(times)
        p99 = times[min(len(times) - 1, round(0.99 * (len(times) - 1)))]
        results[name] = (p50, p99, rows // requests)
        print(f"  {name:<28} p50 {p50:6.1f} ms   p99 {p99:6.1f} ms   ({rows // requests} events a page)", flush=True)
    conn.close()
    return results


# ---------------------------------------------------------------------------------------------- map page


def measure_map(port: int, runs: int = 3) -> list[float]:
    from playwright.sync_api import sync_playwright

    out = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for _ in range(runs):
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            t0 = time.perf_counter()
            page.goto(f"http://127.0.0.1:{port}/")
            page.wait_for_selector("#map[data-state=ready]", timeout=60000)
            elapsed = time.perf_counter() - t0
            shown = page.get_attribute("#map", "data-events")
            marks = page.evaluate(
                "() => Object.fromEntries(performance.getEntriesByType('mark').map(m => [m.name, m.startTime]))")
            page.close()
            out.append(elapsed)
            steps = ", ".join(f"{name.split(':')[1]} {ms / 1000:.2f}" for name, ms in marks.items())
            print(f"  map page ready with {shown} events on the map in {elapsed:.2f} s ({steps} s)", flush=True)
        browser.close()
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description="kronika serve latency and map-page benchmark")
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--map-events", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=200, help="requests per filter mix")
    parser.add_argument("--limit", type=int, default=100)
    parser.add_argument("--keep", type=Path, help="folder to keep (and reuse) the built ledgers in")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="kronika-bench-serve-"))
    folder.mkdir(parents=True, exist_ok=True)
    days = 1000

    big = folder / f"serve-{args.events}.db"
    if not big.exists():
        print(f"building a ledger of {args.events} events", flush=True)
        build_ledger(big, args.events, days)
    proc, port = start_server(big)
    try:
        print(f"/api/events?limit={args.limit} on {args.events} events, {args.requests} requests per mix:")
        results = measure_latency(port, days, args.requests, args.limit)
    finally:
        stop_server(proc)
    worst = max(p99 for _, p99, _ in results.values())
    all_p50 = statistics.median(p50 for p50, _, _ in results.values())
    print(f"  overall: median p50 {all_p50:.1f} ms, worst p99 {worst:.1f} ms (target < 50 ms)")

    small = folder / f"serve-{args.map_events}.db"
    if not small.exists():
        print(f"building a ledger of {args.map_events} events", flush=True)
        build_ledger(small, args.map_events, days=60, seed=11)
    if not Path(CHROMIUM).exists():
        print(f"map page: skipped ({CHROMIUM} is missing)")
        return 0
    proc, port = start_server(small)
    try:
        times = measure_map(port)
    finally:
        stop_server(proc)
    print(f"  map page with {args.map_events} events: median {statistics.median(times):.2f} s (target < 2 s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
