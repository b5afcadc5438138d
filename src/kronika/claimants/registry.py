"""The registry's records and how they load from `data/registry.toml` (a readable file shipped in the package).

    Body      a body that reports figures: Ukraine's Air Force, Russia's Ministry of Defence, TASS, ...
    Post      one post a person holds, pointing at a body, optionally dated
    Person    a named person who speaks for a body (governors, spokesmen, ministers)
    Registry  every body and person, indexed for matching

Regional and city bodies are not listed: `regional_body` and `city_body` build them from a place the gazetteer
knows, so "the Kharkiv governor" and "governor of Russia's Belgorod region" need no entry of their own.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources

from kronika.errors import KronikaError

KINDS = frozenset(
    "military ministry government head_of_state agency company outlet monitor international regional city "
    "person other".split()
)
SCOPES = frozenset({"national", "regional", "city", "international", "unknown"})


class RegistryError(KronikaError):
    """The shipped claimant registry is malformed (a packaging bug, never the user's input)."""


@dataclass(frozen=True, slots=True)
class Body:
    id: str
    name: str
    side: str | None
    kind: str
    scope: str
    names: tuple[str, ...] = ()
    distinct: bool = False  # has a name of its own (Kremlin, TASS): needs no side word
    own_names: tuple[str, ...] = ()  # names no other side uses ("State Emergency Service"): need no side word
    region: str | None = None  # admin1 of a regional or city body
    city: str | None = None


@dataclass(slots=True)
class Post:
    """One post a person holds: a listed body (`body_id`), or a region's or city's head, built on first use (the
    gazetteer, which says a region's country, loads only when a phrase needs one of these posts)."""

    body_id: str | None = None
    region: str | None = None
    city: str | None = None
    installed: bool = False
    side: str | None = None
    start: str | None = None  # "YYYY-MM", inclusive
    until: str | None = None  # "YYYY-MM", exclusive: the month the post ended in belongs to the successor
    _body: Body | None = None

    @property
    def body(self) -> Body:
        if self._body is None:
            if self.body_id is not None:
                self._body = registry().bodies[self.body_id]
            elif self.installed and self.region:
                self._body = regional_body(self.region, "UA", installed=True)
            elif self.city:
                self._body = city_body(self.city, self.region, self.side or _country_of(self.region))
            else:
                self._body = regional_body(self.region or "", self.side or _country_of(self.region))
        return self._body

    @property
    def key(self) -> str:
        """Which body, without building it."""
        return self.body_id or f"{self.installed}:{self.region}:{self.city}"

    def held_on(self, day: str | None) -> bool:
        if day is None:
            return True
        month = day[:7]
        return (self.start is None or month >= self.start) and (self.until is None or month < self.until)


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    spellings: tuple[str, ...]
    posts: tuple[Post, ...]

    def post_on(self, day: str | None) -> Post | None:
        """The post held on `day`; with no day, the post only when there is one body to speak for."""
        if day is None:
            bodies = {p.key for p in self.posts}
            return self.posts[0] if len(bodies) == 1 else None
        held = [p for p in self.posts if p.held_on(day)]
        return held[-1] if held else None


@dataclass(frozen=True, slots=True)
class Side:
    code: str
    name: str
    possessive: str
    words: tuple[str, ...]


@dataclass(slots=True)
class Registry:
    sides: dict[str, Side]
    bodies: dict[str, Body]
    persons: list[Person]
    by_surname: dict[str, list[Person]] = field(default_factory=dict)

    def body(self, body_id: str) -> Body | None:
        return self.bodies.get(body_id)


# ---------------------------------------------------------------------------------------------- name folding


def strip_accents(text: str) -> str:
    if text.isascii():  # NFKD leaves ASCII as it is and it has no combining marks: most words, at no cost
        return text
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


_TRANSLIT = (
    ("shch", "w"), ("sch", "w"), ("tsch", "c"), ("kh", "h"), ("zh", "j"), ("sh", "w"), ("ch", "c"), ("ts", "c"),
    ("h", "g"), ("yo", "e"), ("ye", "e"), ("ie", "e"), ("iy", "i"), ("yi", "i"), ("ii", "i"), ("yy", "i"),
    ("ij", "i"), ("y", "i"), ("x", "ks"),
)


@lru_cache(maxsize=50_000)  # asked for the same words again and again, phrase after phrase
def name_key(word: str) -> str:
    """One key for the transliterations of a Ukrainian or Russian name: Hryhorov/Grigorov, Zelenskyy/Zelenskiy."""
    key = strip_accents(word).casefold().replace("’", "'").strip("'.")
    key = key.removesuffix("'s").removesuffix("'")
    for a, b in _TRANSLIT:
        key = key.replace(a, b)
    return re.sub(r"(.)\1+", r"\1", key)


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", strip_accents(text).casefold()).strip("-")


# ---------------------------------------------------------------------------------------------- dynamic bodies


def regional_body(admin1: str, country: str | None, installed: bool = False) -> Body:
    """The body heading a region: a Ukrainian oblast's military administration, a Russian region's governor,
    or the Russian-installed head of an occupied Ukrainian region."""
    short = re.sub(r"\s+(?:Oblast|Krai|Republic)$", "", admin1)
    if installed and country == "UA":
        return Body(f"ru.installed:{slug(admin1)}", f"Russian-installed authorities of {short}", "RU", "regional",
                    "regional", region=admin1)
    if country == "UA":
        name = f"{short} Regional Military Administration" if admin1.endswith("Oblast") else f"{admin1} authorities"
        return Body(f"ua.region:{slug(admin1)}", name, "UA", "regional", "regional", region=admin1)
    code = (country or "xx").lower()
    return Body(f"{code}.region:{slug(admin1)}", f"Governor of {admin1}", country, "regional", "regional",
                region=admin1)


def city_body(city: str, admin1: str | None, country: str | None) -> Body:
    """A city's head: mayor, city military administration, city council."""
    code = (country or "xx").lower()
    return Body(f"{code}.city:{slug(city)}", f"{city} city authorities", country, "city", "city", region=admin1,
                city=city)


# ---------------------------------------------------------------------------------------------- loading


def _post(raw: dict, bodies: dict[str, Body], who: str) -> Post:
    dates = {"start": raw.get("from"), "until": raw.get("until")}
    if "body" in raw:
        if raw["body"] not in bodies:
            raise RegistryError(f"registry: {who} holds a post at unknown body {raw['body']!r}")
        return Post(body_id=raw["body"], **dates)
    if "city" in raw:
        return Post(region=raw.get("region"), city=raw["city"], side=raw.get("side"), **dates)
    if "region" in raw:
        return Post(region=raw["region"], side=raw.get("side"), **dates)
    if "installed" in raw:
        return Post(region=raw["installed"], installed=True, **dates)
    raise RegistryError(f"registry: a post of {who} names no body, region, city or installed region")


def _country_of(admin1: str | None) -> str | None:
    if admin1 is None:
        return None
    from kronika.claimants.places import country_of_region

    return country_of_region(admin1)


def parse(doc: dict) -> Registry:
    sides = {
        code: Side(code, raw["name"], raw["possessive"], tuple(raw["words"])) for code, raw in doc["sides"].items()
    }
    bodies: dict[str, Body] = {}
    for raw in doc["body"]:
        if raw["id"] in bodies:
            raise RegistryError(f"registry: body id {raw['id']!r} is listed twice")
        if raw["kind"] not in KINDS or raw["scope"] not in SCOPES:
            raise RegistryError(f"registry: body {raw['id']!r} has kind {raw['kind']!r} / scope {raw['scope']!r}")
        side = raw.get("side")
        if side not in sides and side != "INT":
            raise RegistryError(f"registry: body {raw['id']!r} has unknown side {side!r}")
        bodies[raw["id"]] = Body(
            raw["id"], raw["name"], None if side == "INT" else side, raw["kind"], raw["scope"],
            tuple(raw.get("names", ())), bool(raw.get("distinct", False)), tuple(raw.get("own_names", ())),
        )
    persons = []
    for raw in doc.get("person", []):
        posts = tuple(_post(p, bodies, raw["name"]) for p in raw["posts"])
        persons.append(Person(raw["name"], (raw["name"], *raw.get("variants", ())), posts))
    reg = Registry(sides, bodies, persons)
    for person in persons:
        for spelling in person.spellings:
            surname = spelling.split()[-1]
            group = reg.by_surname.setdefault(name_key(surname), [])
            if person not in group:
                group.append(person)
    return reg


@cache
def registry() -> Registry:
    """The shipped registry, loaded once."""
    text = (resources.files("kronika.claimants") / "data" / "registry.toml").read_text(encoding="utf-8")
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise RegistryError(f"registry.toml does not parse: {exc}") from exc
    return parse(doc)
