"""Load the compiled place index that ships in `kronika/geo/data/` (built by tools/build_gazetteer.py)."""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import NamedTuple

from kronika.errors import GazetteerError
from kronika.geo.build import INDEX_FORMAT
from kronika.models import Location

INDEX_FILE = "places.json.gz"


class Place(NamedTuple):
    """One row of the index. `kind`: city, town, village, district, raion, admin1, state, country,
    world_city, water, area (several oblasts: Donbas) or site (a plant, bridge or island)."""

    id: str
    name: str
    kind: str
    admin1: str | None
    admin2: str | None
    country: str | None
    lat: float | None
    lon: float | None
    population: int
    precise: int


SETTLEMENT = frozenset({"city", "town", "village", "district"})
PRECISION_OF_KIND = {
    "city": "settlement", "town": "settlement", "village": "settlement", "district": "settlement",
    "world_city": "settlement", "site": "settlement", "raion": "admin2", "admin1": "admin1", "state": "admin1",
    "area": "admin1", "country": "country", "water": "water",
}
MENTION_KIND = {
    "city": "settlement", "town": "settlement", "village": "settlement", "district": "settlement",
    "world_city": "world_city", "site": "site", "raion": "region", "admin1": "region", "state": "region",
    "area": "region", "country": "country", "water": "water",
}


def to_location(p: Place) -> Location:
    return Location(name=p.name, admin1=p.admin1, admin2=p.admin2, country=p.country, lat=p.lat, lon=p.lon,
                    precision=PRECISION_OF_KIND[p.kind], gazetteer_id=p.id)


@dataclass(slots=True)
class Gazetteer:
    places: list[Place]
    names: dict[str, list[int]]  # key -> refs; ref >= 0: the place's own name; ref < 0: an alternate (-ref - 1)
    regions: dict[str, list[int]]  # "kharkiv", "kharkov", "krasnodar" -> admin1 places
    raions: dict[str, list[int]]  # "synelnykove", "synelnyk" -> raion places
    capitals: dict[str, int]
    weak: frozenset[str]
    prefixes: frozenset[str]  # every proper word-prefix of a multi-word key: the scanner extends only along these
    max_words: int


def load(path: Path | None = None) -> Gazetteer:
    """Read the index; raises GazetteerError when it is missing or not an index kronika understands."""
    try:
        if path is None:
            raw = resources.files("kronika.geo").joinpath("data", INDEX_FILE).read_bytes()
        else:
            raw = path.read_bytes()
        doc = json.loads(gzip.decompress(raw))
    except (OSError, ValueError, EOFError) as exc:
        raise GazetteerError(f"cannot load the place index ({exc}); rebuild it with tools/build_gazetteer.py") from exc
    if not isinstance(doc, dict) or doc.get("format") != INDEX_FORMAT:
        raise GazetteerError("the place index has an unknown format; rebuild it with tools/build_gazetteer.py")
    places = [Place(*row) for row in doc["places"]]
    names: dict[str, list[int]] = doc["names"]
    prefixes = set()
    max_words = 1
    for key in names:
        if " " in key:
            parts = key.split(" ")
            for j in range(1, len(parts)):
                prefixes.add(" ".join(parts[:j]))
            max_words = max(max_words, len(parts))
    return Gazetteer(places=places, names=names, regions=doc["regions"], raions=doc["raions"],
                     capitals=doc["capitals"], weak=frozenset(doc["weak"]), prefixes=frozenset(prefixes),
                     max_words=min(max_words, 6))
