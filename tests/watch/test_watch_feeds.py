"""Feed documents into items: RSS and Atom, what is not a feed, malformed XML read only when it is whole."""

from __future__ import annotations

import pytest
from feed_site import Item, atom, rss

from kronika.watch import FeedError, parse_feed

FEED = "http://news.test/feeds/world.xml"


def test_rss_items_in_order_with_resolved_links_canonical_urls_and_local_days() -> None:
    doc = rss("Test Wire: World", [
        Item("One", "/world/one?utm_source=rss", "Wed, 19 Nov 2025 01:30:00 +0200", "g-1"),
        Item("Two", "http://news.test/world/two#top", "Tue, 18 Nov 2025 12:00:00 GMT"),
        Item("One again", "/world/one", "Wed, 19 Nov 2025 01:30:00 +0200"),  # same article, listed twice
    ])
    feed = parse_feed(doc.encode(), FEED, "application/rss+xml")
    assert feed.title == "Test Wire: World"
    assert [(i.link, i.url, i.title, i.date, i.guid) for i in feed.items] == [
        ("http://news.test/world/one?utm_source=rss", "http://news.test/world/one", "One", "2025-11-19", "g-1"),
        ("http://news.test/world/two#top", "http://news.test/world/two", "Two", "2025-11-18", None),
    ]
    assert feed.note is None


def test_atom_entries() -> None:
    doc = atom("Atom Wire", [Item("A", "http://news.test/a", "2025-11-20T23:30:00-05:00", "urn:a"),
                             Item("B", "/b", None, "urn:b")])
    feed = parse_feed(doc.encode(), "http://news.test/atom.xml", "application/atom+xml")
    assert [(i.url, i.date, i.guid) for i in feed.items] == [("http://news.test/a", "2025-11-20", "urn:a"),
                                                              ("http://news.test/b", None, "urn:b")]


def test_items_without_an_http_link_are_skipped_with_a_note() -> None:
    doc = rss("W", [Item("ok", "/ok"), Item("mail", "mailto:desk@news.test"), Item("js", "javascript:void(0)")])
    feed = parse_feed(doc.encode(), FEED)
    assert [i.url for i in feed.items] == ["http://news.test/ok"]
    assert feed.note == "2 item(s) without an http(s) link skipped"


def test_malformed_but_complete_xml_is_read_leniently() -> None:
    """The usual real-world breakage: an unescaped ampersand in a title."""
    doc = rss("W", [Item("PLACEHOLDER", "/a"), Item("B", "/b")]).replace("PLACEHOLDER", "Strikes & shelling")
    feed = parse_feed(doc.encode(), FEED)
    assert [i.url for i in feed.items] == ["http://news.test/a", "http://news.test/b"]
    assert feed.note is not None and feed.note.startswith("malformed XML read leniently (line 1, column")


def test_a_feed_cut_short_is_refused() -> None:
    doc = rss("W", [Item("A", "/a"), Item("B", "/b")])
    cut = doc[: doc.index("<link>/b") + 12]
    with pytest.raises(FeedError, match=r"malformed XML, the feed is cut short \(line 1, column \d+"):
        parse_feed(cut.encode(), FEED)


@pytest.mark.parametrize(
    ("body", "content_type", "reason"),
    [
        (b"<!doctype html><html><body><p>Latest news</p></body></html>", "text/html",
         "not a feed: the URL serves an HTML page"),
        (b'{"items": []}', "application/json", "not a feed: malformed XML"),
        (b"<?xml version='1.0'?><catalog><book>x</book></catalog>", "application/xml", "not a feed (application/xml"),
        (b"   ", "application/rss+xml", "empty response"),
    ],
)
def test_what_is_not_a_feed_gets_a_reason(body: bytes, content_type: str, reason: str) -> None:
    with pytest.raises(FeedError) as info:
        parse_feed(body, FEED, content_type)
    assert str(info.value).startswith(reason)
    assert "\n" not in str(info.value)


def test_an_empty_feed_is_a_feed() -> None:
    feed = parse_feed(rss("Quiet Wire", []).encode(), FEED)
    assert feed.title == "Quiet Wire" and feed.items == []


def test_external_entities_are_never_read(tmp_path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("do-not-leak")
    doc = (f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file://{secret}">]><rss version="2.0"><channel>'
           "<title>Wire &x;</title><item><title>A &x;</title><link>http://news.test/a</link></item></channel></rss>")
    feed = parse_feed(doc.encode(), FEED)
    assert "do-not-leak" not in repr(feed)
    assert [i.url for i in feed.items] == ["http://news.test/a"]


def test_an_entity_expansion_bomb_is_not_expanded() -> None:
    entities = '<!ENTITY a "aaaaaaaaaa">' + "".join(
        f'<!ENTITY {chr(98 + i)} "' + f"&{chr(97 + i)};" * 10 + '">' for i in range(8))
    doc = (f'<?xml version="1.0"?><!DOCTYPE rss [{entities}]><rss version="2.0"><channel><title>&i;</title>'
           "<item><title>x</title><link>http://news.test/a</link></item></channel></rss>")
    feed = parse_feed(doc.encode(), FEED)  # a billion "a"s if expanded
    assert len(feed.title or "") < 100
    assert feed.note is not None and "amplification" in feed.note
