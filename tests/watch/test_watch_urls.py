"""Canonical URLs: one identity per article, however a feed decorates its link."""

from __future__ import annotations

import pytest

from kronika.watch import canonical_url, is_http_url


@pytest.mark.parametrize(
    ("link", "canonical"),
    [
        ("https://news.example/world/story-1", "https://news.example/world/story-1"),
        ("HTTPS://News.Example:443/world/story-1#comments", "https://news.example/world/story-1"),
        ("http://news.example:80/a?utm_source=rss&utm_medium=feed&utm_campaign=x", "http://news.example/a"),
        ("https://news.example/a?fbclid=abc&gclid=def&mc_cid=1&mc_eid=2", "https://news.example/a"),
        ("https://news.example/a?id=42&utm_source=rss", "https://news.example/a?id=42"),
        ("https://news.example/a?page=2&id=42", "https://news.example/a?id=42&page=2"),  # stable order
        ("https://news.example", "https://news.example/"),
        ("https://news.example/a%2fb", "https://news.example/a%2Fb"),
        ("https://news.example:8443/a", "https://news.example:8443/a"),
        ("https://news.example/a?story=7&CMP=share_btn_tw", "https://news.example/a?story=7"),
    ],
)
def test_canonical_url(link: str, canonical: str) -> None:
    assert canonical_url(link) == canonical


def test_parameters_that_may_pick_the_article_are_kept() -> None:
    """Two articles differing only in a non-tracking parameter stay two articles."""
    assert canonical_url("https://n.example/view?story=1") != canonical_url("https://n.example/view?story=2")
    assert canonical_url("https://n.example/view?p=1&gallery=3") == "https://n.example/view?gallery=3&p=1"


@pytest.mark.parametrize("text", ["ftp://news.example/a", "file:///etc/passwd", "javascript:alert(1)", "/relative",
                                  "https://", "news.example/a", "mailto:desk@news.example"])
def test_only_absolute_http_urls(text: str) -> None:
    assert not is_http_url(text)
    with pytest.raises(ValueError):
        canonical_url(text)
