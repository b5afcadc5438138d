"""Sameness: is a newly extracted event one the ledger already holds?

A new event becomes a new *source* of an existing event when all of these hold:

- Type: the same type, or strike and air_attack (one report calls a barrage on a city an air attack, another
  a strike). `other` never merges.
- Place: the same gazetteer id; or the same name in the same region; or a place inside the region the other
  report names (a village in Kharkiv Oblast and "the Kharkiv region"); or two points within `NEAR_KM`. Events
  with no place (or only a country) merge only with each other, in the same country. Ground claims need the
  same place: an advance "in the Kharkiv region" is not the claim that Kupiansk fell.
- Actors: diplomacy and statements must name mostly the same actors (half of all the named ones, Russia
  and Ukraine themselves aside): Zelensky meeting Driscoll and Zelensky meeting Rutte in Kyiv on one day are
  two meetings.
- Date: the same day. Attacks may differ by one day, because "overnight" resolves to the evening's day in one
  report and the morning's in another; but only when both days are no later than the earliest publication
  day of all the reports involved. A report cannot describe a night that had not happened when it was
  published, so a strike on the same city the following night stays a separate event. Ground claims
  (a capture claimed on Thursday, denied on Saturday) match within `GROUND_CLAIM_DAYS`.
- Not contradictory: attackers from opposite sides do not merge; nationwide reports claimed by opposite sides
  (Ukraine's air force, Russia's defence ministry) do not merge; the same claimant giving two different exact
  counts of one night's drones or missiles means two nights.
- An event that already has a report from the same document is never a candidate: extraction already
  decided that two events in one article are different.

Among candidates the best score wins (place strength + date closeness), ties go to the older event.

Cost: candidates come from `event_index`, keyed by (day, place cell), so a merge reads only the events of a
few days in a few cells, however large the ledger grows.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, timedelta

from kronika.ledger.claims import claimant_key
from kronika.ledger.figures import COUNT_KINDS, LOWER_BOUNDS
from kronika.models import Figure, Location
from kronika.store.base import LedgerEvent, LedgerStore
from kronika.store.sqlite import haversine_km

ATTACK_TYPES = frozenset({"strike", "air_attack"})
CELL_DEGREES = 0.1  # about 11 km north-south: a city and its suburbs fall in one cell or its neighbours
NEAR_KM = 5.0
GROUND_CLAIM_DAYS = 3
PRECISION_RANK = {"settlement": 4, "admin2": 3, "admin1": 2, "water": 1, "country": 0, "ambiguous": 1}


@dataclass(slots=True)
class Incoming:
    """The facts about a newly extracted event that sameness is decided on."""

    type: str
    date: str | None
    location: Location | None
    published: str | None
    document_id: int
    actors: list[str] = field(default_factory=list)
    claimed_by: str | None = None
    figures: list[Figure] = field(default_factory=list)


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


def _group(event_type: str) -> str:
    return "attack" if event_type in ATTACK_TYPES else event_type


def _grid(lat: float, lon: float) -> tuple[int, int]:
    return math.floor(lat / CELL_DEGREES), math.floor(lon / CELL_DEGREES)


def _nowhere_cell(event_type: str, loc: Location | None) -> str:
    # a report about all of Ukraine and one about all of Russia are never the same event
    country = (loc.country if loc is not None else None) or "none"
    return f"x:{_group(event_type)}:{country.lower()}"


def index_cells(event_type: str, loc: Location | None) -> list[str]:
    """The cells an event is filed under in `event_index`."""
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
    return list(dict.fromkeys(cells))


def probe_cells(event_type: str, loc: Location | None) -> list[str]:
    """The cells where an event that could be the same as this one would be filed."""
    if is_nowhere(loc):
        return [_nowhere_cell(event_type, loc)]
    assert loc is not None
    region = region_of(loc)
    if is_regional(loc):
        return [f"r:{region}"]
    cells: list[str] = []
    if loc.lat is not None and loc.lon is not None:
        gy, gx = _grid(loc.lat, loc.lon)
        cells += [f"g:{gy + dy}:{gx + dx}" for dy in (-1, 0, 1) for dx in (-1, 0, 1)]
    if region:
        cells.append(f"R:{region}")
    cells.append(f"n:{fold(loc.name)}")
    return cells


def types_compatible(a: str, b: str) -> bool:
    if a == "other" or b == "other":
        return False
    return a == b or (a in ATTACK_TYPES and b in ATTACK_TYPES)


def place_score(a: Location | None, b: Location | None) -> int:
    """0: different places; 1: both nowhere in particular; 2: one inside the other or nearby; 3: the same."""
    if is_nowhere(a) or is_nowhere(b):
        same_country = (a.country if a else None) == (b.country if b else None)
        return 1 if is_nowhere(a) and is_nowhere(b) and same_country else 0
    assert a is not None and b is not None
    if a.gazetteer_id and b.gazetteer_id:
        if a.gazetteer_id == b.gazetteer_id:
            return 3
    elif fold(a.name) == fold(b.name) and (not a.admin1 or not b.admin1 or region_of(a) == region_of(b)):
        return 3
    if is_regional(a) or is_regional(b):
        return 2 if region_of(a) and region_of(a) == region_of(b) else 0
    near = None not in (a.lat, a.lon, b.lat, b.lon) and haversine_km(a.lat, a.lon, b.lat, b.lon) <= NEAR_KM  # type: ignore[arg-type]
    return 2 if near else 0


def _day(text: str) -> date:
    return date.fromisoformat(text)


def day_gap(day: str, first: str, last: str | None) -> int:
    """Days between `day` and the range [first, last] (0 inside it)."""
    d, lo, hi = _day(day), _day(first), _day(last or first)
    if d < lo:
        return (lo - d).days
    if d > hi:
        return (d - hi).days
    return 0


def date_score(new: Incoming, cand: LedgerEvent) -> int:
    """0: different days; higher is closer."""
    if not new.date or not cand.date:
        return 0
    gap = day_gap(new.date, cand.date, cand.date_to)
    if new.type == "ground_claim":
        return GROUND_CLAIM_DAYS + 1 - gap if gap <= GROUND_CLAIM_DAYS else 0
    if gap == 0:
        return 2
    if gap > 1 or new.type not in ATTACK_TYPES:
        return 0
    days = sorted([new.date, cand.date, cand.date_to or cand.date])
    if (_day(days[-1]) - _day(days[0])).days > 1:
        return 0  # would stretch one night over three days
    if not new.published or not cand.first_reported:
        return 0
    return 1 if days[-1] <= min(new.published, cand.first_reported) else 0


def _side(actors: set[str]) -> set[str]:
    sides = set()
    for actor in actors:
        folded = fold(actor)
        if any(w in folded for w in ("russia", "moscow", "kremlin")):
            sides.add("RU")
        if any(w in folded for w in ("ukrain", "kyiv", "kiev", "zelensk")):
            sides.add("UA")
    return sides


def contradictory(new: Incoming, cand: LedgerEvent, store: LedgerStore) -> bool:
    if is_nowhere(new.location) and new.claimed_by:
        # nationwide air reports: Ukraine's air force on Russian drones and Russia's defence ministry on
        # Ukrainian drones describe two different nights' work, even on the same date
        ours = _side({new.claimed_by})
        theirs = _side({c for c, _ in store.stances(cand.id) if c})
        if ours and theirs and not ours & theirs:
            return True
    if new.type in ATTACK_TYPES and new.actors:
        ours, theirs = _side(set(new.actors)), _side(store.actors_of_event(cand.id))
        if ours and theirs and not ours & theirs:
            return True
    counts = [f for f in new.figures if f.kind in COUNT_KINDS and f.qualifier not in LOWER_BOUNDS]
    if counts:
        known = store.figure_reports(cand.id)
        for fig in counts:
            key = claimant_key(fig.claimed_by)
            for old in known:
                if (
                    old.kind == fig.kind
                    and key is not None
                    and claimant_key(old.claimed_by) == key
                    and old.qualifier not in LOWER_BOUNDS
                    and old.value != fig.value
                ):
                    return True
    return False


def _needs_shared_actor(new: Incoming) -> bool:
    return new.type not in ATTACK_TYPES and new.type != "ground_claim"


def find_match(store: LedgerStore, new: Incoming, exclude: set[str]) -> LedgerEvent | None:
    """The ledger event `new` is another report of, or None. `exclude`: events this document already feeds."""
    if not new.date or new.type == "other":
        return None
    window = GROUND_CLAIM_DAYS if new.type == "ground_claim" else 1
    center = _day(new.date)
    days = [(center + timedelta(days=k)).isoformat() for k in range(-window, window + 1)]
    best: LedgerEvent | None = None
    best_score = 0
    for cand in store.candidate_events(days, probe_cells(new.type, new.location)):
        if cand.id in exclude or not types_compatible(new.type, cand.type):
            continue
        where = place_score(new.location, cand.place)
        if where == 0:
            continue
        if where == 1 and new.type != "air_attack" and not _shares_actor(new, cand, store):
            continue
        if new.type == "ground_claim" and where < 3:
            continue  # "advancing in the Kharkiv region" is not the claim that Kupiansk fell
        if _needs_shared_actor(new) and not _shares_actor(new, cand, store):
            continue
        when = date_score(new, cand)
        if when == 0 or contradictory(new, cand, store):
            continue
        score = where * 10 + when
        if score > best_score:  # candidates come in creation order: ties keep the older event
            best, best_score = cand, score
    return best


def _shares_actor(new: Incoming, cand: LedgerEvent, store: LedgerStore) -> bool:
    """Do the two reports name mostly the same people and bodies? (Jaccard >= 0.5 over named actors)."""
    # the two belligerents appear in nearly every report: they say nothing about sameness
    generic = {"russia", "ukraine", ""}
    ours = {fold(a) for a in new.actors} | ({fold(new.claimed_by)} if new.claimed_by else set())
    theirs = {fold(a) for a in store.actors_of_event(cand.id)}
    theirs |= {fold(c) for c, _ in store.stances(cand.id) if c}
    ours, theirs = ours - generic, theirs - generic
    if not ours or not theirs:
        return False
    return len(ours & theirs) / len(ours | theirs) >= 0.5


def better_place(current: Location | None, new: Location | None) -> Location | None:
    """The more precise of two compatible places (a settlement beats the region it lies in)."""
    if new is None:
        return current
    if current is None:
        return new
    rank_new = PRECISION_RANK.get(new.precision, 1) + (0.5 if new.lat is not None else 0)
    rank_cur = PRECISION_RANK.get(current.precision, 1) + (0.5 if current.lat is not None else 0)
    return new if rank_new > rank_cur else current
