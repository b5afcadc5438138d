"""kill -9 during a poll, at random points, then the same poll again: the ledger, and every item's outcome, end
identical to an uninterrupted poll's. The killed polls run in a subprocess against the local site in this
process, the others in this process, all with the light extractor (tests/watch/light_extract.py) so that many
kills fit in a few seconds."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import pytest
from feed_site import FAST, FakeResolver, Item, Site, article_html, atom, rss
from light_extract import PLACES, light_extract

from kronika.store import open_store
from kronika.watch import AddressGuard, FeedState, PoliteClient, Watcher

HERE = Path(__file__).resolve().parent
POLL = """
import sys
sys.path.insert(0, sys.argv[1])
from dataclasses import replace
from feed_site import FAST, FakeResolver
from light_extract import light_extract
from kronika.watch import AddressGuard, PoliteClient, Watcher
guard = AddressGuard(resolver=FakeResolver(), allowed=["127.0.0.1/32"])
# patient timeouts: a loaded machine must not turn a page into a retry in one run and not in another
with PoliteClient(replace(FAST, read_timeout=20, total_timeout=30), guard) as client:
    watcher = Watcher(sys.argv[2], client, extract=light_extract)
    print("ready", flush=True)
    report = watcher.poll(sys.argv[3:])
print(report.summary(), flush=True)
"""
DAYS = ("Monday", "Tuesday", "Wednesday")
DATES = ("2025-11-17", "2025-11-18", "2025-11-19")


def build_site(site: Site, n: int) -> list[str]:
    """Two feeds of n/2 items each: reports of a few nights' attacks on five cities (many merge), and a dead link."""
    rng = random.Random(11)
    places = sorted(PLACES)
    items: list[Item] = []
    for k in range(n):
        day = k % len(DAYS)
        place = places[rng.randrange(len(places))]
        text = [f"{place.upper()}, Nov {17 + day}, 2025 - Russian drones struck {place} on {DAYS[day]}, killing "
                f"{rng.randint(1, 9)} people, local officials said.",
                f"Report number {k} of the night; residents were told to stay in shelters."]

        site.add(f"/n/{k}", _page(article_html(f"{place} report {k}", text, published=f"{DATES[day]}T08:00Z")))
        items.append(Item(f"{place} {k}", site.url(f"/n/{k}?utm_source=feed"), None, f"urn:n:{k}"))
    items.insert(n // 3, Item("gone", site.url("/n/gone")))
    half = len(items) // 2
    site.static("/a.rss", rss("Wire A", items[:half]), "application/rss+xml")
    site.static("/b.atom", atom("Wire B", items[half:]), "application/atom+xml")
    return [site.url("/a.rss"), site.url("/b.atom")]


def _page(body: str):
    def serve(req):
        return 200, {"Content-Type": "text/html; charset=utf-8"}, body.encode()

    return serve


def run(db: Path, feeds: list[str]) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", POLL, str(HERE), str(db), *feeds], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def poll_here(db: Path, feeds: list[str]) -> None:
    """The same poll in this process: the runs that are not killed need no process of their own."""
    guard = AddressGuard(resolver=FakeResolver(), allowed=["127.0.0.1/32"])
    with PoliteClient(replace(FAST, read_timeout=20, total_timeout=30), guard) as client:
        report = Watcher(db, client, extract=light_extract).poll(feeds)
    assert len(report.feeds) == 2 and not report.feeds_failed, report.summary()


def state(db: Path) -> tuple[list, list]:
    with open_store(db) as store:
        store.check_fts()
        ledger = list(store.dump())
    with FeedState(db) as feeds:
        return ledger, feeds.items()


def documents(db: Path) -> int:
    if not db.exists():  # connecting would create an empty file, which kronika rightly refuses as a ledger
        return 0
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        try:
            return con.execute("SELECT count(*) FROM documents").fetchone()[0]
        finally:
            con.close()
    except sqlite3.Error:
        return 0


def test_kill_9_during_a_poll_then_the_same_poll_again_ends_identical(site, tmp_path) -> None:
    feeds = build_site(site, 40)
    reference = tmp_path / "reference.db"
    poll_here(reference, feeds)
    expected = state(reference)
    total = documents(reference)
    assert total == 40 and len(expected[1]) == 41
    assert sum(1 for row in expected[0] if row[0] == "events") < 40  # reports merged: order matters

    rng = random.Random(5)
    partial = 0
    for attempt, kills in enumerate((1, 2, 1)):  # sometimes killed twice before a poll may finish
        db = tmp_path / f"killed-{attempt}.db"
        for _ in range(kills):
            # a random point: once a random number of documents is stored, and a random moment after that
            # (at most total - 5 stored: a fast poll must not finish in the moment before the kill lands)
            target = rng.randint(min(documents(db) + 1, total - 5), total - 5)
            proc = run(db, feeds)
            while documents(db) < target and proc.poll() is None:
                time.sleep(0.005)
            time.sleep(rng.uniform(0.0, 0.01))
            if proc.poll() is None:  # not finished already (then this kill missed, and `partial` says so)
                os.kill(proc.pid, signal.SIGKILL)
            proc.wait()
            partial += 0 < documents(db) < total
        poll_here(db, feeds)
        assert state(db) == expected, f"attempt {attempt}: the ledger differs from an uninterrupted poll"
    assert partial >= 3, "the kills should land in the middle of the poll"


def test_a_poll_stopped_between_storing_a_document_and_its_item_resumes_without_a_duplicate(site, tmp_path,
                                                                                           monkeypatch) -> None:
    """The narrowest window of a kill, made to happen: the ledger has the document, the item is still pending."""
    feeds = build_site(site, 6)

    def poll(db: Path) -> None:
        poll_here(db, feeds)

    reference = tmp_path / "reference.db"
    poll(reference)
    real_finish = FeedState.finish_item
    calls = {"n": 0}

    def finish_then_die(self, item, state, **kwargs):
        calls["n"] += 1
        if calls["n"] == 4:  # the fourth item (the third is the dead link): its document is stored
            raise SystemExit("killed after the third document was stored")
        return real_finish(self, item, state, **kwargs)

    db = tmp_path / "stopped.db"
    monkeypatch.setattr(FeedState, "finish_item", finish_then_die)
    with pytest.raises(SystemExit):
        poll(db)
    monkeypatch.setattr(FeedState, "finish_item", real_finish)
    assert documents(db) == 3
    with FeedState(db) as st:
        assert [row[7] for row in st.items()][:5] == ["ingested", "ingested", "failed", "pending", "pending"]
    poll(db)
    assert state(db) == state(reference)
