"""The polite, bounded client against the local site: limits, redirects, retries, conditional GET, robots.txt."""

from __future__ import annotations

import threading
import time
import zlib
from dataclasses import replace
from email.utils import formatdate

import pytest
from feed_site import FAST, gzip_bomb

from kronika.watch import Disallowed, FetchError, PoliteClient
from kronika.watch.client import retry_after
from kronika.watch.robots import RobotsRules

MB = 1024 * 1024


def test_user_agent_names_kronika_and_only_gzip_and_deflate_are_asked_for(site, client) -> None:
    site.static("/a", "<p>a</p>")
    client.fetch(site.url("/a"))
    headers = site.requests("/a")[0].headers
    assert headers["user-agent"].startswith("kronika/")
    assert headers["accept-encoding"] == "gzip, deflate"


@pytest.mark.parametrize("encoding", ["gzip", "deflate-zlib", "deflate-raw"])
def test_compressed_pages_are_inflated(site, client, encoding) -> None:
    body = b"<p>" + b"news " * 2000 + b"</p>"
    if encoding == "gzip":
        wire, name = zlib.compress(body, wbits=31), "gzip"
    elif encoding == "deflate-zlib":
        wire, name = zlib.compress(body), "deflate"
    else:
        c = zlib.compressobj(wbits=-15)
        wire, name = c.compress(body) + c.flush(), "deflate"
    site.add("/z", lambda req: (200, {"Content-Type": "text/html", "Content-Encoding": name}, wire))
    assert client.fetch(site.url("/z")).content == body


def test_a_page_over_the_limit_is_refused_by_its_announced_length(site, client) -> None:
    site.static("/big", b"x" * (2 * MB))
    with pytest.raises(FetchError, match=r"larger than the 1.0 MB limit \(2.0 MB announced\)"):
        client.fetch(site.url("/big"))


def test_a_page_over_the_limit_without_a_length_is_cut_off(site, client) -> None:
    site.add("/stream", lambda req: (200, {"Content-Type": "text/html"}, (b"x" * 65536 for _ in range(64))))
    with pytest.raises(FetchError, match=r"larger than the 1.0 MB limit$"):
        client.fetch(site.url("/stream"))


def test_a_decompression_bomb_is_cut_off_at_the_limit(site, client) -> None:
    bomb = gzip_bomb(64 * MB)
    assert len(bomb) < 100 * 1024
    site.add("/bomb", lambda req: (200, {"Content-Type": "text/html", "Content-Encoding": "gzip"}, bomb))
    started = time.perf_counter()
    with pytest.raises(FetchError, match="larger than the 1.0 MB limit after decompression"):
        client.fetch(site.url("/bomb"))
    assert time.perf_counter() - started < 2  # stopped at 1 MB, not after inflating 64


def test_an_encoding_not_asked_for_is_refused(site, client) -> None:
    site.add("/br", lambda req: (200, {"Content-Type": "text/html", "Content-Encoding": "br"}, b"\x0b\x02"))
    with pytest.raises(FetchError, match="unsupported content encoding 'br'"):
        client.fetch(site.url("/br"))


def test_redirects_are_followed_up_to_five(site, client) -> None:
    for n in range(6):
        site.redirect(f"/r{n}", f"/r{n + 1}")
    site.static("/r6", "<p>end</p>")
    fetched = client.fetch(site.url("/r1"))
    assert fetched.content == b"<p>end</p>" and fetched.url == site.url("/r6")
    assert len(fetched.redirects) == 5
    with pytest.raises(FetchError, match=r"more than 5 redirects"):
        client.fetch(site.url("/r0"))


def test_a_redirect_loop_is_named(site, client) -> None:
    site.redirect("/loop-a", "/loop-b")
    site.redirect("/loop-b", site.url("/loop-a"))
    with pytest.raises(FetchError) as info:
        client.fetch(site.url("/loop-a"))
    assert info.value.reason == f"redirect loop ({site.url('/loop-a')} -> {site.url('/loop-b')} -> " \
                                f"{site.url('/loop-a')})"
    assert len(site.log) == 2


@pytest.mark.parametrize("target", ["file:///etc/passwd", "ftp://news.test/a", "gopher://news.test/"])
def test_redirects_go_to_http_only(site, client, target) -> None:
    site.redirect("/x", target)
    with pytest.raises(FetchError, match="only http and https are followed"):
        client.fetch(site.url("/x"))


def test_5xx_is_retried_then_reported_with_the_number_of_tries(site, client) -> None:
    site.add("/down", lambda req: (500, {"Content-Type": "text/plain"}, b"oops"))
    with pytest.raises(FetchError) as info:
        client.fetch(site.url("/down"))
    assert info.value.reason == "HTTP 500 Internal Server Error (after 2 tries)"
    assert info.value.transient
    assert len(site.requests("/down")) == 2


def test_429_waits_what_retry_after_asks_then_succeeds(site, client) -> None:
    answers = iter([(429, {"Retry-After": "0"}, b""), (200, {"Content-Type": "text/html"}, b"ok")])
    site.add("/busy", lambda req: next(answers))
    assert client.fetch(site.url("/busy")).content == b"ok"
    assert len(site.requests("/busy")) == 2


def test_a_retry_after_beyond_the_patience_gives_up_at_once(site, client) -> None:
    site.add("/later", lambda req: (503, {"Retry-After": "3600"}, b""))
    with pytest.raises(FetchError, match=r"HTTP 503 Service Unavailable; the server asks to wait 3600 s") as info:
        client.fetch(site.url("/later"))
    assert info.value.transient and len(site.requests("/later")) == 1


def test_retry_after_as_seconds_or_a_date() -> None:
    assert retry_after("120") == 120
    assert 50 < retry_after(formatdate(time.time() + 60, usegmt=True)) <= 61
    assert retry_after(formatdate(time.time() - 60, usegmt=True)) == 0
    assert retry_after("soon") is None and retry_after(None) is None


def test_4xx_is_final_and_not_retried(site, client) -> None:
    with pytest.raises(FetchError) as info:
        client.fetch(site.url("/nowhere"))
    assert info.value.reason == "HTTP 404 Not Found" and not info.value.transient
    assert len(site.requests("/nowhere")) == 1


def test_a_slow_server_times_out(site, client) -> None:
    def slow(req):
        time.sleep(1.5)
        return 200, {"Content-Type": "text/html"}, b"late"

    site.add("/slow", slow)
    with pytest.raises(FetchError, match=r"timed out after 0.5 s waiting for the server") as info:
        client.fetch(site.url("/slow"))
    assert info.value.transient


def test_a_dripping_server_hits_the_response_deadline(site, guard) -> None:
    def drip():
        for _ in range(20):
            time.sleep(0.15)
            yield b"x" * 10

    site.add("/drip", lambda req: (200, {"Content-Type": "text/html"}, drip()))
    with PoliteClient(replace(FAST, total_timeout=0.6), guard) as client, \
            pytest.raises(FetchError, match=r"the response took longer than 0.6 s"):
        client.fetch(site.url("/drip"))


def test_conditional_get_answers_not_modified(site, client) -> None:
    site.static("/feed.xml", "<rss/>", "application/rss+xml")
    first = client.fetch(site.url("/feed.xml"))
    again = client.fetch(site.url("/feed.xml"), headers={"If-None-Match": first.headers["etag"],
                                                         "If-Modified-Since": first.headers["last-modified"]})
    assert again.not_modified and again.content == b""
    assert site.requests("/feed.xml")[1].headers["if-none-match"] == first.headers["etag"]


def test_at_most_two_requests_at_a_time_per_host(site, client) -> None:
    def slowish(req):
        time.sleep(0.2)
        return 200, {"Content-Type": "text/html"}, b"ok"

    site.add("/p", slowish)
    threads = [threading.Thread(target=client.fetch, args=(site.url(f"/p?n={n}"),)) for n in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(site.log) == 6
    assert site.max_in_flight == 2


def test_each_slot_of_a_host_rests_for_the_delay(site, guard) -> None:
    site.static("/a", "a")
    with PoliteClient(replace(FAST, host_delay=0.2, per_host=1), guard) as client:
        for _ in range(3):
            client.fetch(site.url("/a"))
    starts = [r.at for r in site.log]
    assert all(b - a >= 0.18 for a, b in zip(starts, starts[1:], strict=False))


def test_two_slots_share_a_host_and_each_rests(site, guard) -> None:
    site.static("/a", "a")
    with PoliteClient(replace(FAST, host_delay=0.3), guard) as client:
        threads = [threading.Thread(target=client.fetch, args=(site.url("/a"),)) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    starts = sorted(r.at for r in site.log)
    assert starts[1] - starts[0] < 0.15  # two at once
    assert starts[2] - starts[0] >= 0.28 and starts[3] - starts[1] >= 0.28  # then each slot rested


def test_robots_txt_rules_and_crawl_delay(site, client) -> None:
    site.static("/robots.txt", "User-agent: *\nDisallow: /private/\nCrawl-delay: 1\n", "text/plain")
    robots = RobotsRules(client)
    robots.check(site.url("/world/a"))
    with pytest.raises(Disallowed, match="robots.txt disallows it for kronika"):
        robots.check(site.url("/private/b"))
    robots.check(site.url("/world/c"))
    assert len(site.requests("/robots.txt")) == 1  # one read per origin
    assert client.limiter.delay_for(f"news.test:{site.port}") == 1.0


def test_no_robots_txt_allows_everything_and_an_unreachable_one_nothing_for_now(site, client) -> None:
    RobotsRules(client).check(site.url("/world/a"))  # 404: allowed
    site.add("/robots.txt", lambda req: (503, {}, b""))
    with pytest.raises(FetchError, match="not fetched: HTTP 503 Service Unavailable") as info:
        RobotsRules(client).check(site.url("/world/a"))
    assert info.value.transient and not isinstance(info.value, Disallowed)
