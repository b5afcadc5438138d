"""`kronika watch`, `kronika stats feeds` and `kronika ingest URL` through the entry point, against the local site
on 127.0.0.1 (a subprocess has no injected resolver: the site is reached by its loopback address)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from feed_site import Item, Site, article_html, rss
from stories import STORIES

from kronika.errors import RejectedInput
from kronika.watch import PoliteClient, fetch_urls

KRONIKA = Path(sys.executable).with_name("kronika")
LOCAL = "127.0.0.1"


def kronika(*args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([str(KRONIKA), *args], capture_output=True, text=True, timeout=timeout,
                          env={"COLUMNS": "200", "PATH": "/usr/bin:/bin"})


@pytest.fixture
def local(site: Site) -> Site:
    for key, path in (("sumy-drones", "/a/sumy"), ("kherson-artillery", "/a/kherson"), ("odesa-port", "/a/odesa")):
        site.static(path, article_html(*STORIES[key]))
    site.static("/feed.xml", rss("Local Wire", [Item("Sumy", "/a/sumy", "Sat, 15 Nov 2025 09:00:00 GMT"),
                                                Item("Kherson", "/a/kherson", "Thu, 13 Nov 2025 09:00:00 GMT")]),
                "application/rss+xml")
    return site


def test_a_loopback_feed_is_refused_without_allow_private(local, tmp_path) -> None:
    url = local.url("/feed.xml", host=LOCAL)
    done = kronika("watch", url, "--once", "--db", str(tmp_path / "ledger.db"))
    assert done.returncode == 2
    assert done.stderr.strip() == (f"kronika: feed {url} refused: 127.0.0.1 is a loopback address: refused "
                                   "(--allow-private lifts this for your own network)")
    assert local.log == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([], "kronika: give at least one feed URL, or --feeds FILE with one URL a line"),
        (["ftp://news.example/feed.xml"], "kronika: not an http(s) feed URL: 'ftp://news.example/feed.xml'"),
        (["https://news.example/feed.xml", "--interval", "1"],
         "kronika: --interval must be at least 10 seconds (polite to the feeds' servers)"),
        (["--feeds", "/nonexistent/feeds.txt"], "kronika: cannot read --feeds /nonexistent/feeds.txt: No such file or "
                                                 "directory"),
    ],
)
def test_bad_options_get_one_line(args, message, tmp_path) -> None:
    done = kronika("watch", *args, "--db", str(tmp_path / "ledger.db"))
    assert done.returncode == 2 and done.stderr.strip() == message


def test_an_ingested_url_on_a_loopback_address_is_refused_with_its_reason(local) -> None:
    page = local.url("/a/odesa", host=LOCAL)
    with PoliteClient() as client:
        (refused,) = fetch_urls([page], client)
    assert isinstance(refused, RejectedInput)
    assert (refused.path, refused.reason) == (page, "127.0.0.1 is a loopback address: refused (--allow-private "
                                                    "lifts this for your own network)")
    assert local.log == []


def test_watch_once_then_stats_feeds_then_ingest_a_url(local, tmp_path) -> None:
    db = str(tmp_path / "ledger.db")
    feeds = tmp_path / "feeds.txt"
    feed = local.url("/feed.xml", host=LOCAL)
    feeds.write_text(f"# the local wire\n{feed}\n\n")
    done = kronika("watch", "--feeds", str(feeds), "--once", "--allow-private", "--db", db)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.strip().splitlines()
    assert lines[0] == f"feed {feed}: 2 new · 2 ingested"
    assert lines[1].startswith("poll: 1 feed(s), 2 new item(s): 2 ingested · events: 2 new, 0 merged · ")
    assert "Traceback" not in done.stderr

    stats = kronika("stats", "feeds", "--db", db)
    assert stats.returncode == 0, stats.stderr
    row = next(line for line in stats.stdout.splitlines() if feed in line)
    cells = [c.strip() for c in row.split("│") if c.strip()]
    assert cells[1:8] == ["2", "2", "0", "0", "0", "0", "0/1"]

    page = local.url("/a/odesa", host=LOCAL)
    ingested = kronika("ingest", page, "--allow-private", "--db", db)
    assert ingested.returncode == 0, ingested.stderr
    assert ingested.stdout.startswith("documents: 1 new, 0 already known, 0 rejected · events: 1 new")
