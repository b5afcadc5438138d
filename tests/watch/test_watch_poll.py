"""Polls against the local site, with the real extraction pipeline: what a first, second and third poll do, and
how every kind of failure ends with a one-line reason while the other items go on."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from feed_site import FAST, Item, Site, article_html, atom, gzip_bomb, rss
from stories import STORIES

from kronika.errors import KronikaError
from kronika.store import open_store
from kronika.watch import PoliteClient, Watcher, feed_stats
from kronika.watch.poll import poll_lock

MB = 1024 * 1024
PUBLISHED = {"kharkiv-drones": "2025-11-18T07:10:00+02:00", "kharkiv-toll": "2025-11-18T19:40:00+02:00"}


def serve_story(site: Site, path: str, key: str, with_date: bool = True) -> None:
    title, paragraphs = STORIES[key]
    site.static(path, article_html(title, paragraphs, published=PUBLISHED.get(key) if with_date else None))


def poll(db: Path, guard, feeds: list[str]):
    """One poll with a fresh client and watcher, as a restarted `kronika watch --once` would run it."""
    with PoliteClient(FAST, guard) as client:
        return Watcher(db, client).poll(feeds)


def dump(db: Path) -> list:
    with open_store(db) as store:
        return list(store.dump())


def rows(db: Path, sql: str) -> list[tuple]:
    con = sqlite3.connect(db)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


@pytest.fixture
def news(site: Site) -> Site:
    """Two feeds, RSS and Atom, listing five stories; one story also appears under a second URL."""
    serve_story(site, "/world/kharkiv-drones", "kharkiv-drones")
    serve_story(site, "/world/odesa-port", "odesa-port", with_date=False)  # the feed's date is the only one
    serve_story(site, "/mirror/odesa-port", "odesa-port", with_date=False)
    serve_story(site, "/world/zaporizhzhia", "zaporizhzhia-shelling", with_date=False)
    serve_story(site, "/east/kharkiv-toll", "kharkiv-toll")
    serve_story(site, "/east/sumy", "sumy-drones", with_date=False)
    serve_story(site, "/world/dnipro", "dnipro-missile", with_date=False)
    site.static("/robots.txt", "User-agent: *\nDisallow: /private/\n", "text/plain")
    site.static("/feeds/world.rss", rss("Test Wire: World", [
        Item("Drones hit Kharkiv", site.url("/world/kharkiv-drones?utm_source=rss"), "Tue, 18 Nov 2025 06:00:00 GMT"),
        Item("Odesa port hit", "/world/odesa-port", "Mon, 17 Nov 2025 21:30:00 +0200"),
        Item("Zaporizhzhia shelling", "/world/zaporizhzhia", "Sun, 16 Nov 2025 12:00:00 GMT"),
        Item("Drones hit Kharkiv (again)", site.url("/world/kharkiv-drones#comments")),
    ]), "application/rss+xml")
    site.static("/feeds/east.atom", atom("Eastern Desk", [
        Item("Kharkiv toll rises", site.url("/east/kharkiv-toll"), "2025-11-18T18:00:00Z", "urn:east:1"),
        Item("Sumy drones", site.url("/east/sumy"), "2025-11-15T09:00:00Z", "urn:east:2"),
        Item("Odesa (mirror)", site.url("/mirror/odesa-port"), "2025-11-17T20:00:00Z", "urn:east:3"),
    ]), "application/atom+xml")
    return site


ARTICLE_PAGES = ("/world/kharkiv-drones", "/world/odesa-port", "/world/zaporizhzhia", "/east/kharkiv-toll",
                 "/east/sumy", "/mirror/odesa-port", "/world/dnipro")


def page_requests(site: Site) -> list[str]:
    return [r.path.split("?")[0] for r in site.log if r.path.split("?")[0] in ARTICLE_PAGES]


def test_first_poll_takes_every_item_second_nothing_third_only_the_new_one(news, guard, tmp_path, nlp) -> None:
    db = tmp_path / "ledger.db"
    feeds = [news.url("/feeds/world.rss"), news.url("/feeds/east.atom")]

    first = poll(db, guard, feeds)
    world, east = first.feeds
    assert world.line() == f"feed {feeds[0]}: 3 new · 3 ingested"
    assert east.line() == f"feed {feeds[1]}: 3 new · 2 ingested, 1 already in the ledger"
    assert first.ok and first.new == 6 and first.count("ingested") == 5
    assert first.events_merged >= 1  # the two Kharkiv reports are one event
    assert sorted(page_requests(news)) == sorted(set(ARTICLE_PAGES) - {"/world/dnipro"})  # each page once
    documents = rows(db, "SELECT path, url, title, outlet, metadata_date, published FROM documents ORDER BY id")
    assert [d[0] for d in documents] == [news.url(p) for p in ("/world/kharkiv-drones", "/world/odesa-port",
                                                                "/world/zaporizhzhia", "/east/kharkiv-toll",
                                                                "/east/sumy")]
    by_path = {d[0]: d for d in documents}
    assert by_path[news.url("/world/kharkiv-drones")][3:5] == ("Test Wire", "2025-11-18")  # the page's own date
    assert by_path[news.url("/world/odesa-port")][4] == "2025-11-17"  # the feed's day, in its own time zone
    assert by_path[news.url("/world/odesa-port")][2] == "Missile strike damages Odesa port"
    kharkiv = rows(db, "SELECT e.source_count FROM events e JOIN places p ON p.id = e.place_id "
                       "WHERE p.name = 'Kharkiv'")
    assert kharkiv == [(2,)]
    mirror = rows(db, "SELECT state, reason FROM feed_items WHERE url LIKE '%/mirror/odesa-port'")
    assert mirror == [("known", f"same text as {news.url('/world/odesa-port')}")]
    ledger = dump(db)

    news.log.clear()
    second = poll(db, guard, feeds)
    assert [f.line() for f in second.feeds] == [f"feed {feeds[0]}: not modified", f"feed {feeds[1]}: not modified"]
    assert second.new == 0 and second.ok
    for path in ("/feeds/world.rss", "/feeds/east.atom"):
        (request,) = news.requests(path)
        assert request.headers.get("if-none-match") and request.headers.get("if-modified-since")
        assert request.status == 304
    assert page_requests(news) == []
    assert dump(db) == ledger

    news.log.clear()
    news.static("/feeds/world.rss", rss("Test Wire: World", [
        Item("Missile hits Dnipro", "/world/dnipro", "Fri, 14 Nov 2025 10:00:00 GMT"),
        Item("Drones hit Kharkiv", news.url("/world/kharkiv-drones?utm_source=rss"), "Tue, 18 Nov 2025 06:00:00 GMT"),
        Item("Odesa port hit", "/world/odesa-port", "Mon, 17 Nov 2025 21:30:00 +0200"),
    ]), "application/rss+xml")
    third = poll(db, guard, feeds)
    assert [f.line() for f in third.feeds] == [f"feed {feeds[0]}: 1 new · 1 ingested", f"feed {feeds[1]}: not modified"]
    assert page_requests(news) == ["/world/dnipro"]
    assert rows(db, "SELECT count(*) FROM documents") == [(6,)]

    stats = {s.url: s for s in feed_stats(db)}
    assert (stats[feeds[0]].items, stats[feeds[0]].ingested, stats[feeds[0]].polls) == (4, 4, 3)
    assert (stats[feeds[1]].items, stats[feeds[1]].ingested, stats[feeds[1]].known) == (3, 2, 1)
    for s in stats.values():
        assert s.last_success is not None and s.last_error is None and s.feed_failures == 0
        assert 0 <= s.latency_p50 <= s.latency_p95 < 60


@pytest.fixture
def trouble(site: Site) -> Site:
    """A feed whose items fail in every way a page can, around two good ones, and feeds that fail themselves."""
    serve_story(site, "/world/dnipro", "dnipro-missile")
    serve_story(site, "/world/kherson", "kherson-artillery")
    serve_story(site, "/private/sumy", "sumy-drones")

    def slow(req):
        import time

        time.sleep(1.2)
        return 200, {"Content-Type": "text/html"}, b"<p>late</p>"

    site.add("/slow", slow)
    site.add("/error500", lambda req: (500, {"Content-Type": "text/plain"}, b"oops"))
    site.static("/huge", "<html><body>" + "<p>filler text</p>" * (2 * MB // 18) + "</body></html>")
    bomb = gzip_bomb(32 * MB)
    site.add("/bomb", lambda req: (200, {"Content-Type": "text/html", "Content-Encoding": "gzip"}, bomb))
    site.redirect("/loop-a", "/loop-b")
    site.redirect("/loop-b", "/loop-a")
    site.redirect("/to-metadata", "http://metadata.test/latest/meta-data/")
    site.redirect("/to-private", "http://10.20.30.40/admin")
    site.static("/report.pdf", b"%PDF-1.4 ...", "application/pdf")
    site.static("/robots.txt", "User-agent: *\nDisallow: /private/\n", "text/plain")
    links = ["/world/dnipro", "/slow", "/error500", "/missing", "/huge", "/bomb", "/loop-a", "/to-metadata",
             "/to-private", "/private/sumy", "/report.pdf", "/world/kherson"]
    site.static("/feeds/trouble.rss", rss("Trouble Wire", [Item(p, p) for p in links]), "application/rss+xml")
    doc = rss("Broken Wire", [Item("A", "/world/dnipro"), Item("B", "/world/kherson")])
    site.static("/feeds/broken.rss", doc[: doc.index("<link>/world/kherson") + 14], "application/rss+xml")
    site.static("/feeds/page.html", article_html("Front page", ["Latest news from the front."]))
    site.add("/feeds/down.rss", lambda req: (503, {"Content-Type": "text/plain"}, b"maintenance"))
    return site


def test_every_failure_ends_with_a_one_line_reason_and_the_other_items_go_on(trouble, guard, tmp_path, nlp) -> None:
    db = tmp_path / "ledger.db"
    names = ("trouble.rss", "broken.rss", "page.html", "down.rss", "gone.rss")
    feeds = [trouble.url(f"/feeds/{name}") for name in names]
    report = poll(db, guard, feeds)
    assert not report.ok
    main, broken, page, down, gone = report.feeds
    assert main.line() == f"feed {feeds[0]}: 12 new · 2 ingested, 2 skipped, 2 to retry, 6 failed"
    reasons = {item.url.removeprefix(trouble.url("")): (item.state, item.reason) for item in main.problems}
    state, reason = reasons.pop("/to-metadata")
    assert state == "failed" and reason.startswith("redirect to http://metadata.test/latest/meta-data/: metadata.test "
                                                   "resolves to 169.254.169.254, a cloud metadata address: refused")
    assert reasons == {
        "/slow": ("retry", "timed out after 0.5 s waiting for the server"),
        "/error500": ("retry", "HTTP 500 Internal Server Error (after 2 tries)"),
        "/missing": ("failed", "HTTP 404 Not Found"),
        "/huge": ("failed", "larger than the 1.0 MB limit (2.0 MB announced)"),
        "/bomb": ("failed", "larger than the 1.0 MB limit after decompression"),
        "/loop-a": ("failed", f"redirect loop ({trouble.url('/loop-a')} -> {trouble.url('/loop-b')} -> "
                              f"{trouble.url('/loop-a')})"),
        "/to-private": ("failed", "redirect to http://10.20.30.40/admin: 10.20.30.40 is a private address: refused "
                                  "(--allow-private lifts this for your own network)"),
        "/private/sumy": ("skipped", f"{trouble.url('')}/robots.txt disallows it for kronika"),
        "/report.pdf": ("skipped", "not an HTML page (application/pdf)"),
    }
    assert all("\n" not in (r or "") for _, r in reasons.values())
    assert broken.line().startswith(f"feed {feeds[1]}: failed: malformed XML, the feed is cut short (line 1, column")
    assert page.line() == f"feed {feeds[2]}: failed: not a feed: the URL serves an HTML page (look for its RSS or " \
                          "Atom link)"
    assert down.line() == f"feed {feeds[3]}: failed: HTTP 503 Service Unavailable (after 2 tries)"
    assert gone.line() == f"feed {feeds[4]}: failed: HTTP 404 Not Found"
    assert rows(db, "SELECT path FROM documents ORDER BY id") == [(trouble.url("/world/dnipro"),),
                                                                   (trouble.url("/world/kherson"),)]
    assert not any(r.path == "/private/sumy" for r in trouble.log)  # robots.txt was read first
    assert rows(db, "SELECT url, last_status, failures FROM feeds WHERE last_status = 'failed' ORDER BY id") == [
        (url, "failed", 1) for url in feeds[1:]]

    # the transient failures are tried on the next polls, and given up after three attempts in all
    trouble.routes["/error500"] = lambda req: (200, {"Content-Type": "text/html; charset=utf-8"},
                                               article_html(*STORIES["odesa-port"]).encode())
    second = poll(db, guard, feeds[:1])
    assert second.feeds[0].line() == f"feed {feeds[0]}: not modified · 1 ingested, 1 to retry"
    third = poll(db, guard, feeds[:1])
    (gave_up,) = third.feeds[0].problems
    assert (gave_up.state, gave_up.reason) == ("failed", "timed out after 0.5 s waiting for the server "
                                                         "(gave up after 3 attempts)")
    assert poll(db, guard, feeds[:1]).feeds[0].line() == f"feed {feeds[0]}: not modified"


def test_two_polls_of_one_ledger_never_run_at_once(tmp_path, guard) -> None:
    db = tmp_path / "ledger.db"
    open_store(db).close()
    with poll_lock(str(db)), PoliteClient(FAST, guard) as client, \
            pytest.raises(KronikaError, match=r"another poll into .*ledger.db is running \(pid \d+\): this one is "
                                              r"skipped"):
        Watcher(db, client).poll(["http://news.test:9/feed.xml"])
