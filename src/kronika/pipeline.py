"""The extraction pipeline, top to bottom.

    read      readers.iter_articles     files, HTML pages, JSON Lines corpora -> Article (or RejectedInput)
    clean     clean.clean_text          drop navigation and blurbs, mark photo captions
    date      dates.publication_date    the publication day from the strongest evidence: text, metadata, URL
    split     segment.split_stories     one Story per dateline / headline / digest section, each with its day
    parse     nlp.pipe_whole            spaCy, batched, with kronika's entity ruler; long texts parsed in parts
    place     geo.find_places           every place the text names, resolved in the article's context
    events    extract.events            sentence rules: figures, triggers, claimants, places, dates
    merge     extract.consolidate       one event per real-world event within the article

Inside a stage a failure raises; here, at the boundary, a bad document becomes a RejectedInput and the batch goes
on. Every stage is linear in the article's length; an article over MAX_TEXT_CHARS is refused with its reason.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from kronika.clean import clean_text
from kronika.dates import find_datelines, publication_date
from kronika.errors import KronikaError, RejectedInput
from kronika.extraction.consolidate import consolidate
from kronika.extraction.context import ArticleContext
from kronika.extraction.events import read_events
from kronika.geo import get_geocoder
from kronika.models import Article, CleanedText, DocumentResult, Location, Story
from kronika.nlp import pipe_whole
from kronika.readers import MAX_TEXT_CHARS, iter_articles, normalise_article
from kronika.segment import split_stories

BATCH_SIZE = 16


@dataclass(slots=True)
class Prepared:
    """An article after the cheap, per-document stages, waiting for its spaCy parse."""

    article: Article
    cleaned: CleanedText
    published: str | None
    conflict: bool
    stories: list[Story]


def prepare(article: Article) -> Prepared:
    """Clean, date and split one article. Raises RejectedInput when it is too long or nothing of it is left.

    An Article a caller made (extract_text, extract_articles) is normalised as the readers normalise theirs.
    """
    if len(article.text) > MAX_TEXT_CHARS:
        size = len(article.text) / 1e6
        raise RejectedInput(
            article.path, f"text is {size:.1f} million characters, over the {MAX_TEXT_CHARS // 10**6} million limit"
        )
    article = normalise_article(article)
    cleaned = clean_text(article.text)
    if not cleaned.text.strip():
        raise RejectedInput(article.path, "no article text left after removing navigation and boilerplate")
    pub = publication_date(cleaned, article.metadata_date, article.url)
    # a digest that names the day it covers dates its news like a publication day, when there is none
    stories = split_stories(cleaned, pub.published or pub.story_day, anchor=pub.anchor)
    published = pub.published.isoformat() if pub.published else None
    return Prepared(article, cleaned, published, pub.conflict, stories)


def _countries() -> dict[str, Location]:
    geo = get_geocoder()
    out: dict[str, Location] = {}
    for code, name in (("UA", "Ukraine"), ("RU", "Russia")):
        loc = geo.resolve(name).location
        if loc is not None:
            out[code] = loc
    return out


def analyse(prep: Prepared, doc) -> DocumentResult:  # noqa: ANN001 - a spaCy Doc
    """Turn a parsed article into its events."""
    places = get_geocoder().find_places(prep.cleaned.text)
    datelines = [(d.start, d.end) for d in find_datelines(prep.cleaned.text)]
    ctx = ArticleContext(
        doc=doc, cleaned=prep.cleaned, stories=prep.stories, places=places, masked=datelines, country=_countries()
    )
    events = consolidate(read_events(ctx), f"{prep.article.path}\n{prep.cleaned.text}")
    a = prep.article
    return DocumentResult(
        path=a.path,
        text=prep.cleaned.text,
        source=a.source,
        title=a.title,
        url=a.url,
        published=prep.published,
        metadata_date=a.metadata_date,
        date_conflict=prep.conflict,
        stories=prep.stories,
        events=events,
    )


def _staged(items: Iterable[Article | RejectedInput]) -> Iterator[tuple[str, Prepared | RejectedInput]]:
    for item in items:
        if isinstance(item, RejectedInput):
            yield "", item
            continue
        try:
            prep = prepare(item)
        except RejectedInput as exc:
            yield "", exc
            continue
        yield prep.cleaned.text, prep


def extract_items(
    items: Iterable[Article | RejectedInput], batch_size: int = BATCH_SIZE
) -> Iterator[DocumentResult | RejectedInput]:
    """Extract articles in order; rejections (given, or made here) come out in their place."""
    for doc, item in pipe_whole(_staged(items), batch_size=batch_size):
        if isinstance(item, RejectedInput):
            yield item
            continue
        try:
            yield analyse(item, doc)
        except KronikaError:
            raise  # the store or gazetteer is broken: no later document would fare better
        except Exception as exc:  # a rule tripping on one odd document must not stop the batch
            yield RejectedInput(item.article.path, f"extraction failed ({type(exc).__name__}: {exc})")


def extract_articles(articles: Iterable[Article], batch_size: int = BATCH_SIZE) -> Iterator[DocumentResult]:
    """Extract events from articles already read; articles with no story text are skipped."""
    for result in extract_items(articles, batch_size):
        if isinstance(result, DocumentResult):
            yield result


def extract_paths(
    paths: Iterable[str | Path], batch_size: int = BATCH_SIZE, *, follow_symlinks: bool = False
) -> Iterator[DocumentResult | RejectedInput]:
    """Read and extract files, directories and corpora; a bad document is yielded as a RejectedInput, in order.

    Folders are walked as `readers.iter_inputs` walks them (symlinks out of a folder only with follow_symlinks).
    """
    yield from extract_items(iter_articles(paths, follow_symlinks=follow_symlinks), batch_size)


def extract_text(
    text: str,
    *,
    path: str = "<text>",
    metadata_date: str | None = None,
    source: str | None = None,
    title: str | None = None,
) -> DocumentResult:
    """Extract events from one article given as a string."""
    article = Article(path=path, text=text, title=title, source=source, metadata_date=metadata_date)
    for result in extract_items([article], 1):
        if isinstance(result, RejectedInput):
            raise result
        return result
    raise RejectedInput(path, "nothing to extract")


class Extraction(list[DocumentResult]):
    """What `extract()` returns: the documents extracted, in input order, and `rejected`, the inputs refused
    (each a RejectedInput with its path and one-line reason), in input order too."""

    rejected: list[RejectedInput]

    def __init__(self) -> None:
        super().__init__()
        self.rejected = []


ERROR_MODES = ("collect", "raise")


def extract(
    *paths: str | Path, errors: Literal["collect", "raise"] = "collect", follow_symlinks: bool = False
) -> Extraction:
    """Extract events from files, directories or JSON Lines corpora.

    errors="collect" (the default): a bad input (an empty file, a bad corpus line) is set aside in
    `result.rejected` with its reason and the rest of the batch goes on, as `kronika extract` does.
    errors="raise": the first bad input raises its RejectedInput.
    To stream documents and rejections in input order instead, iterate `extract_paths(...)`.
    """
    if errors not in ERROR_MODES:
        raise ValueError(f"errors must be one of {', '.join(ERROR_MODES)}; got {errors!r}")
    out = Extraction()
    for result in extract_paths(paths, follow_symlinks=follow_symlinks):
        if isinstance(result, RejectedInput):
            if errors == "raise":
                raise result
            out.rejected.append(result)
        else:
            out.append(result)
    return out
