"""The places a claimant phrase names ("the Kharkiv governor", "Mykolaiv mayor"), read with the shipped gazetteer.

Only exact (not fuzzy) resolutions count: a person's surname must never become a village.
"""

from __future__ import annotations

from functools import cache

from kronika.models import Location


@cache
def _geocoder():  # noqa: ANN202 - kronika.geo loads the index lazily; import it only when a phrase needs it
    from kronika.geo import get_geocoder

    return get_geocoder()


@cache
def _region_countries() -> dict[str, str]:
    gaz = _geocoder().gaz
    return {p.admin1: p.country for p in gaz.places if p.admin1 and p.country and p.kind in ("admin1", "state")}


def country_of_region(admin1: str) -> str | None:
    """ISO2 country of an admin1 the gazetteer knows ("Belgorod Oblast" -> "RU")."""
    found = _region_countries().get(admin1)
    if found is None and admin1 in ("Kyiv", "Sevastopol"):
        return "UA"
    return found


@cache
def resolve(name: str) -> Location | None:
    """The place `name` names, exactly, or None (fuzzy guesses and ambiguous homonyms are no answer)."""
    res = _geocoder().resolve(name)
    if res.location is None or res.fuzzy or res.location.precision == "ambiguous":
        return None
    return res.location


@cache
def is_place(name: str) -> bool:
    """Does the gazetteer know `name` as a place, even as one of several homonyms ("Novoselivka")?"""
    res = _geocoder().resolve(name)
    return res.location is not None and not res.fuzzy


def region_named(name: str) -> Location | None:
    """The admin1 a name stands for when it heads a region ("Kharkiv" -> Kharkiv Oblast, "Belgorod" -> ...)."""
    loc = resolve(f"{name} region") or resolve(name)
    if loc is None or loc.precision == "country":
        return None
    return loc


def city_named(name: str) -> Location | None:
    loc = resolve(name)
    return loc if loc is not None and loc.precision == "settlement" else None


def country_named(name: str) -> Location | None:
    loc = resolve(name)
    return loc if loc is not None and loc.precision == "country" else None
