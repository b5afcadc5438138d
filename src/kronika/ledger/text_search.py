"""Full-text search of the ledger: the articles stored and the quotes its events come from (`kronika search`).

    search(store, "Ternopil rescuers")              every word, in articles and in event quotes
    search(store, '"apartment block" -Kyiv')        a phrase, and no article or quote with "Kyiv"
    search(store, "shahed*", scope="quotes")        words starting with "shahed", in event quotes only
    search(store, "Odesa OR Odessa", syntax="fts5") SQLite FTS5's own query language, as it is

Plain words (`syntax="words"`, the default): every word must appear; "double quotes" keep a phrase; a trailing *
matches words that start so; a leading - excludes a word or phrase. Punctuation is never syntax, so text pasted
from an article ("Kyiv's", "S-300") searches as words. Matching folds case and diacritics and stems English
words ("strikes" finds "strike"). Hits are ranked by bm25 (a title match counts double), best first, with a
snippet showing the matching words between [ and ].
"""

from __future__ import annotations

import re

from kronika.errors import FilterError
from kronika.store.base import LedgerStore, check_filter_text
from kronika.store.fulltext import SearchHit

SCOPES = {"all": ("document", "quote"), "documents": ("document",), "quotes": ("quote",)}
SYNTAXES = ("words", "fts5")
MAX_QUERY_CHARS = 1000
MAX_TERMS = 32
MAX_LIMIT = 1000

_TERM = re.compile(r'(-?)(?:"([^"]*)"|([^\s"]+))(\*?)')
_WORD = re.compile(r"\w+")


def fts_query(text: str) -> str:
    """Plain words (see the module docstring) as an FTS5 query; FilterError when nothing is left to look for."""
    wanted: list[str] = []
    unwanted: list[str] = []
    for minus, phrase, bare, star in _TERM.findall(text):
        source = phrase if phrase else bare
        prefix = star or (bare.endswith("*") and not phrase)
        words = _WORD.findall(source)
        if not words:
            continue
        term = '"' + " ".join(words) + '"' + ("*" if prefix else "")
        (unwanted if minus else wanted).append(term)
    if not wanted:
        raise FilterError(f"search {text[:80]!r} has no words to look for (a search cannot only exclude)")
    if len(wanted) + len(unwanted) > MAX_TERMS:
        raise FilterError(f"search has {len(wanted) + len(unwanted)} words or phrases; at most {MAX_TERMS}")
    query = " AND ".join(wanted)
    for term in unwanted:
        query = f"({query}) NOT {term}"
    return query


def search(
    store: LedgerStore, query: str, *, scope: str = "all", limit: int = 20, syntax: str = "words"
) -> list[SearchHit]:
    """Articles and event quotes matching `query`, best first: up to `limit` hits of each kind, articles first.

    `scope`: "all", "documents" or "quotes". `syntax`: "words" (plain words, the default) or "fts5" (SQLite's
    FTS5 query language). Bad arguments and bad FTS5 syntax raise FilterError with a one-line reason.
    """
    check_filter_text("search", query, limit=MAX_QUERY_CHARS)
    if scope not in SCOPES:
        raise FilterError(f"scope must be one of {', '.join(SCOPES)}; got {scope!r}")
    if syntax not in SYNTAXES:
        raise FilterError(f"syntax must be one of {', '.join(SYNTAXES)}; got {syntax!r}")
    if isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= MAX_LIMIT:
        raise FilterError(f"limit must be a whole number from 1 to {MAX_LIMIT}, got {limit!r}")
    fts = fts_query(query) if syntax == "words" else query
    return store.search_text(fts, SCOPES[scope], limit)
