"""Where two reports are: place compatibility, and the cells an event is filed under for candidate lookup.

Place score (higher is closer; 0 means the two cannot be one event):

    3  the same place: the same gazetteer id, or the same name in the same region
    2  one inside the other or next to it: a village in a region the other report names ("the Kharkiv
       region"), a district of a city that is its own region (Kyiv's Darnytskyi district and Kyiv), two
       points within `NEAR_KM`; for talks and statements, a city in the country the other report names
       (a summit "in Saudi Arabia" and one "in Jeddah")
    1  both nowhere in particular (no place, or only a country) in the same country
    0  anything else

Cells: an event is filed in `event_index` and `event_recent` under a 0.1-degree grid cell, its region and its
name (`index_cells`); a new report probes the cells where a compatible event would be filed (`probe_cells`),
so a lookup reads a few cells whatever the size of the ledger.
"""

from __future__ import annotations

import math
import re
import unicodedata

from kronika.models import Location
from kronika.store.sqlite import haversine_km

ATTACK_TYPES = frozenset({"strike", "air_attack"})
CELL_DEGREES = 0.1  # about 11 km north-south: a city and its suburbs fall in one cell or its neighbours
NEAR_KM = 5.0
PRECISION_RANK = {"settlement": 4, "admin2": 3, "admin1": 2, "water": 1, "country": 0, "ambiguous": 1}
# talks and statements happen in a city of a country; an attack "on Ukraine" is the nationwide barrage, never
# the strike on one city that was part of it
_COUNTRY_CONTAINS = frozenset({"diplomacy", "statement"})


def fold(text: str | None) -> str:
    """Lower-case ASCII with apostrophes dropped and other punctuation as spaces: 'Kryvyi Rih' == 'kryvyi-rih'."""
    if not text:
        return ""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    ascii_text = re.sub(r"['`\u2019]", "", ascii_text.casefold())
    return " ".join(re.sub(r"[^a-z0-9]+", " ", ascii_text).split())


def _region(text: str | None) -> str:
    folded = fold(text)
    for suffix in (" oblast", " region", " province", " krai", " oblast region"):
        if folded.endswith(suffix):
            return folded[: -len(suffix)]
    return folded


def slug(text: str | None, limit: int = 32) -> str:
    return fold(text).replace(" ", "-")[:limit].strip("-")


def is_nowhere(loc: Location | None) -> bool:
    return loc is None or not loc.name or loc.precision == "country"


def is_regional(loc: Location) -> bool:
    return loc.precision == "admin1"


def region_of(loc: Location) -> str:
    return _region(loc.admin1 or (loc.name if is_regional(loc) else None))


def _is_city_region(loc: Location) -> bool:
    """Kyiv, Sevastopol: a city that is a region of its own, so its districts carry its name as their region."""
    # Kyiv's region is "Kyiv"; Kharkiv's is "Kharkiv Oblast", which holds far more than the city
    return not is_regional(loc) and bool(loc.admin1) and fold(loc.name) == fold(loc.admin1)


def group_of(event_type: str) -> str:
    return "attack" if event_type in ATTACK_TYPES else event_type


def _grid(lat: float, lon: float) -> tuple[int, int]:
    return math.floor(lat / CELL_DEGREES), math.floor(lon / CELL_DEGREES)


def _near_cells(lat: float, lon: float) -> list[tuple[int, int]]:
    """The grid cells holding points within NEAR_KM of this one: its own, and a neighbour only across an edge
    (or corner) that is nearer than NEAR_KM."""
    gy, gx = _grid(lat, lon)
    dlat = NEAR_KM / 111.0
    dlon = NEAR_KM / max(1e-6, 111.0 * math.cos(math.radians(lat)))
    ys = [gy] + ([gy - 1] if lat - dlat < gy * CELL_DEGREES else []) + (
        [gy + 1] if lat + dlat >= (gy + 1) * CELL_DEGREES else [])
    xs = [gx] + ([gx - 1] if lon - dlon < gx * CELL_DEGREES else []) + (
        [gx + 1] if lon + dlon >= (gx + 1) * CELL_DEGREES else [])
    return [(y, x) for y in ys for x in xs]


def _nowhere_cell(event_type: str, loc: Location | None) -> str:
    # a report about all of Ukraine and one about all of Russia are never the same event
    country = (loc.country if loc is not None else None) or "none"
    return f"x:{group_of(event_type)}:{country.lower()}"


def _country_cell(event_type: str, country: str | None) -> str:
    return f"c:{group_of(event_type)}:{(country or 'none').lower()}"


def index_cells(event_type: str, loc: Location | None) -> list[str]:
    """The cells an event is filed under."""
    if is_nowhere(loc):
        return [_nowhere_cell(event_type, loc)]
    assert loc is not None
    cells: list[str] = []
    region = region_of(loc)
    if is_regional(loc):
        # R: holds only region-level events, so a settlement probes its region cheaply
        cells += [f"R:{region}", f"r:{region}"]
    else:
        if loc.lat is not None and loc.lon is not None:
            gy, gx = _grid(loc.lat, loc.lon)
            cells.append(f"g:{gy}:{gx}")
        if region:
            cells.append(f"r:{region}")
        cells.append(f"n:{fold(loc.name)}")
    if event_type in _COUNTRY_CONTAINS and loc.country:
        cells.append(_country_cell(event_type, loc.country))
    return list(dict.fromkeys(cells))


def probe_cells(event_type: str, loc: Location | None) -> list[str]:
    """The cells where an event that could be the same as this one would be filed."""
    if is_nowhere(loc):
        cells = [_nowhere_cell(event_type, loc)]
        if event_type in _COUNTRY_CONTAINS and loc is not None and loc.country:
            cells.append(_country_cell(event_type, loc.country))
        return cells
    assert loc is not None
    region = region_of(loc)
    if is_regional(loc):
        return [f"r:{region}"]
    cells = []
    if loc.lat is not None and loc.lon is not None:
        cells += [f"g:{gy}:{gx}" for gy, gx in _near_cells(loc.lat, loc.lon)]
    if region:
        cells.append(f"R:{region}")
        if _is_city_region(loc):
            cells.append(f"r:{region}")  # the city's own districts
    cells.append(f"n:{fold(loc.name)}")
    if event_type in _COUNTRY_CONTAINS and loc.country:
        cells.append(_nowhere_cell(event_type, Location(loc.country, country=loc.country, precision="country")))
    return list(dict.fromkeys(cells))


def place_score(a: Location | None, b: Location | None, event_type: str = "strike") -> int:
    """0: different places; 1: both nowhere in particular; 2: one inside the other or nearby; 3: the same."""
    if is_nowhere(a) or is_nowhere(b):
        same_country = (a.country if a else None) == (b.country if b else None)
        if is_nowhere(a) and is_nowhere(b):
            return 1 if same_country else 0
        return 2 if event_type in _COUNTRY_CONTAINS and same_country and a is not None and b is not None else 0
    assert a is not None and b is not None
    if a.gazetteer_id and b.gazetteer_id:
        if a.gazetteer_id == b.gazetteer_id:
            return 3
    elif fold(a.name) == fold(b.name) and (not a.admin1 or not b.admin1 or region_of(a) == region_of(b)):
        return 3
    if is_regional(a) or is_regional(b):
        return 2 if region_of(a) and region_of(a) == region_of(b) else 0
    if (_is_city_region(a) or _is_city_region(b)) and region_of(a) == region_of(b):
        return 2
    near = None not in (a.lat, a.lon, b.lat, b.lon) and haversine_km(a.lat, a.lon, b.lat, b.lon) <= NEAR_KM  # type: ignore[arg-type]
    return 2 if near else 0


def better_place(current: Location | None, new: Location | None) -> Location | None:
    """The more precise of two compatible places (a settlement beats the region it lies in)."""
    if new is None:
        return current
    if current is None:
        return new
    rank_new = PRECISION_RANK.get(new.precision, 1) + (0.5 if new.lat is not None else 0)
    rank_cur = PRECISION_RANK.get(current.precision, 1) + (0.5 if current.lat is not None else 0)
    # an attack on Kyiv hits several of its districts: the city names the event better than any one of them
    if _is_city_region(current) and not _is_city_region(new) and region_of(new) == region_of(current):
        return current
    if _is_city_region(new) and not _is_city_region(current) and region_of(new) == region_of(current):
        return new
    return new if rank_new > rank_cur else current
