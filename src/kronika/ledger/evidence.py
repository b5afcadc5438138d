"""What a report's own words say about which event it is: distinctive terms and toll-update language.

Merging needs more than type, place and day when a report is undated, or dated by the day it was written
rather than the day of the event. Two kinds of words help, read from the report's quote and the quotes of its
figures (never the whole article: a roundup names many sites of many events):

- **Terms.** Named sites ("the Amstor mall", "Okhmatdyt") and the kind of target hit ("a pizza restaurant",
  "a theatre"). A capitalised word inside a sentence that is not a place, actor, month, weekday or title is
  taken as a name (weight 2); a word from `TARGET_WORDS` as a target (weight 1). Words that nearly every strike
  report uses ("apartment", "residential") are left out: they say nothing about sameness.
- **Toll-update language.** "has risen to", "climbed to", "the death toll from ... reached": the report is a
  later update of an event that happened earlier, so its date may be the day of the update, not of the event.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from kronika.ledger.places import fold

NAME_WEIGHT = 2.0
TARGET_WEIGHT = 1.0

# the kinds of place a strike hits that set one strike apart from another in the same city
TARGET_WORDS = frozenset(
    """
    hospital maternity clinic mall supermarket market restaurant pizza pizzeria cafe café bar theatre theater
    cinema school kindergarten university college dormitory station metro railway train depot port bridge
    plant factory enterprise warehouse church cathedral monastery hotel playground park stadium cemetery
    funeral wake memorial concert queue bus tram trolleybus museum library post office shopping
    """.split()
)

_NOT_NAMES = frozenset(
    """
    a an the and or but of in on at by for from to with as after before during since while when where this that
    these those his her its their our my your it he she they we i there here then
    monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
    september october november december jan feb mar apr jun jul aug sep sept oct nov dec
    russia russian russians ukraine ukrainian ukrainians moscow kyiv kiev kremlin
    president prime minister ministry minister's mayor governor head chief spokesman spokeswoman spokesperson
    city region oblast district raion village town province republic state general staff armed forces force
    air defence defense military army police service emergency emergencies national regional council
    administration office agency news telegram facebook x twitter reuters afp ap cnn bbc tass ukrinform
    interior foreign security update updated breaking photo video read more also said says according
    mr ms mrs dr st saint north south east west northern southern eastern western central
    """.split()
)

_WORD = re.compile(r"[A-Za-z\u00c0-\u024f][\w\u00c0-\u024f'’-]*")
_SENTENCE_START = re.compile(r"(^|[.!?:;\"“”(—–-]\s*)$")

# "has risen to", "climbed to 23", "the death toll from ... reached", "number of victims increased to"
_TOLL_UPDATE = re.compile(
    r"\b(?:(?:has|have|had)\s+)?(?:risen|rose|climbed|increased|grown|grew|jumped|mounted)\s+(?:further\s+)?to\b"
    r"|\b(?:death\s+)?toll\b[^.]{0,80}?\b(?:reached|rose|risen|climbed|increased|grew|stands\s+at|now\s+stands)\b"
    r"|\bnumber\s+of\s+(?:dead|deaths|victims|fatalities|people\s+killed|those\s+killed|casualties)\b[^.]{0,60}?"
    r"\b(?:increased|risen|rose|grown|grew|reached|climbed)\b"
    r"|\btoll\b[^.]{0,40}?\bcontinues\s+to\s+(?:grow|rise|climb)\b",
    re.IGNORECASE,
)


def toll_update(texts: Iterable[str]) -> bool:
    """Do these sentences report a toll that has changed since an earlier report?"""
    return any(_TOLL_UPDATE.search(t or "") for t in texts)


def _excluded(names: Iterable[str | None]) -> set[str]:
    words: set[str] = set()
    for name in names:
        words.update(fold(name).split())
    return words


def distinctive_terms(texts: Iterable[str], known_names: Iterable[str | None] = ()) -> dict[str, float]:
    """Term -> weight for the named sites and target kinds these sentences mention.

    `known_names` are the report's places, actors and claimant: their words are evidence of their own
    (place and actor scores), so they are not counted again as terms.
    """
    skip = _excluded(known_names)
    terms: dict[str, float] = {}
    for text in texts:
        if not text:
            continue
        for m in _WORD.finditer(text):
            word = re.sub(r"['’]s$", "", m.group(0)).strip("'’-")  # Kyiv's -> Kyiv
            key = fold(word).replace(" ", "")
            if len(key) < 3 or key in skip:
                continue
            if key in TARGET_WORDS or key.rstrip("s") in TARGET_WORDS:
                key = key if key in TARGET_WORDS else key.rstrip("s")
                terms[key] = max(terms.get(key, 0.0), TARGET_WEIGHT)
                continue
            if not word[0].isupper() or key in _NOT_NAMES or word.isupper() and len(word) <= 4:
                continue
            if _SENTENCE_START.search(text[: m.start()]):
                continue  # a capital that only starts a sentence or quote says nothing
            terms[key] = max(terms.get(key, 0.0), NAME_WEIGHT)
    return terms


def shared_terms(ours: dict[str, float], theirs: Iterable[str]) -> dict[str, float]:
    """The terms both reports use, with our weights."""
    other = set(theirs)
    return {t: w for t, w in ours.items() if t in other}
