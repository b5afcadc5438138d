"""Article pages: fetch one (robots.txt first), read its main text and metadata into an `Article`.

    fetch_article(client, robots, url, hints) -> Article, or raises FetchError / RejectedInput

The page is read exactly as an .html file given to `kronika ingest` is (kronika.readers.read_html:
trafilatura's main text, title, canonical URL, site name and metadata date). What the feed said of the item
fills only what the page leaves empty: its title, the feed's title as the outlet, and its date as the
metadata date. Both dates are evidence, not answers: the pipeline weighs the metadata date against the
text, as it does for files.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from kronika.models import Article
from kronika.readers import normalise_article, read_html
from kronika.watch.client import Fetched, FetchError, PoliteClient
from kronika.watch.robots import RobotsRules

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml", ""})
PAGE_ACCEPT = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1"


@dataclass(slots=True)
class ItemHints:
    """What a feed says of an item, used where the page itself is silent."""

    title: str | None = None
    date: str | None = None  # ISO day
    outlet: str | None = None  # the feed's title


class NotAnArticle(FetchError):
    """The URL serves something other than an HTML page (a PDF, an image, a feed): skipped, not failed."""


def fetch_article(client: PoliteClient, robots: RobotsRules | None, url: str, name: str,
                  hints: ItemHints | None = None) -> Article:
    """Fetch `url` and read it as an article named `name` (its canonical URL)."""
    if robots is not None:
        robots.check(url)
    fetched = client.fetch(url, headers={"Accept": PAGE_ACCEPT})
    return article_from_page(fetched, name, hints)


def article_from_page(fetched: Fetched, name: str, hints: ItemHints | None = None) -> Article:
    if fetched.content_type not in HTML_TYPES:
        raise NotAnArticle(fetched.url, f"not an HTML page ({fetched.content_type})")
    article = read_html(name, _as_utf8(fetched.content, fetched.charset))
    hints = hints or ItemHints()
    article.url = article.url or fetched.url
    article.title = article.title or hints.title
    article.source = article.source or hints.outlet
    article.metadata_date = article.metadata_date or hints.date
    return normalise_article(article)  # the feed's words come in here too: the readers' one normalisation


def _as_utf8(data: bytes, charset: str | None) -> bytes:
    """The page re-encoded in UTF-8 from the charset the server named, when it is not UTF-8 already (servers
    often name ISO-8859-1 by default for pages that are UTF-8: valid UTF-8 is never latin-1 by chance)."""
    if not charset:
        return data
    try:
        data.decode("utf-8")
        return data
    except UnicodeDecodeError:
        pass
    try:
        codec = codecs.lookup(charset).name
    except LookupError:
        return data
    try:
        return data.decode(codec).encode("utf-8")
    except UnicodeDecodeError:
        return data


__all__ = ["ItemHints", "NotAnArticle", "article_from_page", "fetch_article"]
