"""Actors: who does something in a sentence, written the same way every time.

Adjectives and metonyms become the state they stand for ("Russian", "Moscow", "the Kremlin" -> Russia;
"British" -> United Kingdom); people keep their full name, and a later "Mr Zelensky" or "Zelenskiy" is expanded
to the full name the article used first.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from spacy.tokens import Doc, Span

from kronika.nlp import ents_within

_STATE_WORDS: dict[str, str] = {
    "russia": "Russia",
    "russian": "Russia",
    "russians": "Russia",
    "moscow": "Russia",
    "kremlin": "Russia",
    "the kremlin": "Russia",
    "russian federation": "Russia",
    "ukraine": "Ukraine",
    "ukrainian": "Ukraine",
    "ukrainians": "Ukraine",
    "kyiv": "Ukraine",
    "kiev": "Ukraine",
    "us": "United States",
    "u.s.": "United States",
    "u.s": "United States",
    "usa": "United States",
    "united states": "United States",
    "the united states": "United States",
    "the us": "United States",
    "the u.s.": "United States",
    "american": "United States",
    "americans": "United States",
    "washington": "United States",
    "white house": "United States",
    "the white house": "United States",
    "uk": "United Kingdom",
    "britain": "United Kingdom",
    "british": "United Kingdom",
    "united kingdom": "United Kingdom",
    "the united kingdom": "United Kingdom",
    "london": "United Kingdom",
    "eu": "European Union",
    "the eu": "European Union",
    "european union": "European Union",
    "the european union": "European Union",
    "brussels": "European Union",
    "european commission": "European Commission",
    "the european commission": "European Commission",
    "france": "France",
    "french": "France",
    "paris": "France",
    "germany": "Germany",
    "german": "Germany",
    "berlin": "Germany",
    "turkey": "Turkey",
    "turkish": "Turkey",
    "türkiye": "Turkey",
    "ankara": "Turkey",
    "poland": "Poland",
    "polish": "Poland",
    "lithuania": "Lithuania",
    "lithuanian": "Lithuania",
    "latvia": "Latvia",
    "latvian": "Latvia",
    "estonia": "Estonia",
    "estonian": "Estonia",
    "denmark": "Denmark",
    "danish": "Denmark",
    "china": "China",
    "chinese": "China",
    "beijing": "China",
    "india": "India",
    "indian": "India",
    "north korea": "North Korea",
    "north korean": "North Korea",
    "pyongyang": "North Korea",
    "iran": "Iran",
    "iranian": "Iran",
    "tehran": "Iran",
    "belarus": "Belarus",
    "belarusian": "Belarus",
    "minsk": "Belarus",
    "hungary": "Hungary",
    "hungarian": "Hungary",
    "slovakia": "Slovakia",
    "italy": "Italy",
    "italian": "Italy",
    "saudi arabia": "Saudi Arabia",
    "saudi": "Saudi Arabia",
    "qatar": "Qatar",
    "qatari": "Qatar",
    "switzerland": "Switzerland",
    "swiss": "Switzerland",
    "japan": "Japan",
    "japanese": "Japan",
    "canada": "Canada",
    "canadian": "Canada",
    "nato": "NATO",
    "the un": "United Nations",
    "un": "United Nations",
    "united nations": "United Nations",
    "the united nations": "United Nations",
}
# words that name nobody in particular ("State": "Secretary of State" parsed as an organisation)
_DROP = set("western european europeans allies officials authorities he she they it state".split())
_TITLES = re.compile(
    r"^(?:(?:mr|mrs|ms|dr|president|prime minister|pm|chancellor|foreign minister|defence minister|"
    r"secretary of state|foreign secretary|defence secretary|defense secretary|secretary of defense|"
    r"defense minister|minister|secretary|secretary-general|spokesman|spokeswoman|spokesperson|envoy|"
    r"special envoy|mayor|governor|general|commander|chief|head|leader|deputy|ambassador|"
    r"us|u\.s\.|russian|ukrainian|french|german|british|turkish|kremlin)\.?\s+)+",
    re.I,
)
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
ACTOR_LABELS = ("PERSON", "ORG", "GPE", "NORP")


def canonical_actor(text: str) -> str | None:
    """The canonical name of one actor mention, or None for words that name nobody in particular."""
    text = _POSSESSIVE.sub("", text.strip()).strip(" ,.;:\"'“”")
    if not text:
        return None
    key = text.lower()
    if key in _STATE_WORDS:
        return _STATE_WORDS[key]
    if key in _DROP:
        return None
    bare = _TITLES.sub("", text).strip()
    if bare.lower() in _STATE_WORDS:
        return _STATE_WORDS[bare.lower()]
    return bare or None


class NameBook:
    """Full names of the people an article mentions, to expand later surname-only mentions."""

    def __init__(self, doc: Doc) -> None:
        self._full: dict[str, str] = {}
        for ent in doc.ents:
            if ent.label_ != "PERSON":
                continue
            name = canonical_actor(ent.text)
            if name and " " in name:
                surname = name.split()[-1].lower()
                self._full.setdefault(surname, name)
                self._full.setdefault(_variant_key(surname), name)

    def expand(self, name: str) -> str:
        if " " in name:
            return name
        return self._full.get(name.lower()) or self._full.get(_variant_key(name.lower()), name)


def _variant_key(surname: str) -> str:
    """Zelensky / Zelenskiy / Zelenskyy share a key."""
    return re.sub(r"(?:iy|yy|ii|y|i)$", "", surname)


def actors_in(
    span: Span,
    names: NameBook,
    extra: Iterable[str] = (),
    skip: Sequence[tuple[int, int]] = (),
    venues: Iterable[str] = (),
) -> list[str]:
    """Distinct canonical actors named in a sentence, in order of appearance. `skip`: character spans that name
    nobody acting (a dateline's "(Reuters)"); `venues`: places named as where the act happened ("talks in
    Jeddah, Saudi Arabia"), which are no party to it."""
    out: list[str] = []
    venue_names = {v.lower() for v in venues}
    for ent in ents_within(span):
        if ent.label_ not in ACTOR_LABELS:
            continue
        if any(a <= ent.start_char < b for a, b in skip):
            continue
        name = canonical_actor(ent.text)
        if not name or name.lower() in venue_names or ent.text.lower() in venue_names:
            continue
        if ent.label_ == "PERSON":
            name = names.expand(name)
        if name not in out:
            out.append(name)
    for raw in extra:
        name = canonical_actor(raw) if raw else None
        name = names.expand(name) if name else None
        if name and name not in out:
            out.append(name)
    return out


def state_of(text: str) -> str | None:
    """The state a word or phrase stands for ("Russian forces" -> Russia), if any."""
    for word in re.findall(r"[A-Za-z.]+(?:\s+[A-Z][a-z]+)?", text):
        hit = _STATE_WORDS.get(word.lower()) or _STATE_WORDS.get(word.split()[0].lower())
        if hit in ("Russia", "Ukraine"):
            return hit
    return None


def persons_in(span: Span, names: NameBook) -> list[str]:
    """Distinct people named in a sentence, full names where the article gave them."""
    out: list[str] = []
    for ent in ents_within(span):
        if ent.label_ != "PERSON":
            continue
        name = canonical_actor(ent.text)
        if name and name.lower() not in _STATE_WORDS:
            name = names.expand(name)
            if name not in out:
                out.append(name)
    return out
