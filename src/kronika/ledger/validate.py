"""The checks every ledger query runs on its filter arguments, so a wrong value is a clear error, never an empty
answer: `list_events(type="Strike")` or `since="yesterday"` raise FilterError (a ValueError) saying what is
expected, where they used to match nothing.

    checked_filters     decorator: checks and normalises the filter keywords a query function takes
    iso_day(name, v)    'YYYY-MM-DD' (or a datetime.date) -> the ISO day
    event_types(v)      one event type or several, each from kronika.models.EVENT_TYPES
    near_point(v)       (lat, lon, km) in range
    positive_limit(v)   an int >= 1
    place_names(v)      one place name or several, each with the name the geocoder knows it by ("Kiev" -> "Kyiv")
    names(name, v)      one name or several, as a tuple (claimant)
"""

from __future__ import annotations

import difflib
import functools
import inspect
import re
from collections.abc import Callable, Sequence
from datetime import date, datetime
from typing import Any, TypeVar

from kronika.errors import FilterError, KronikaError
from kronika.models import EVENT_TYPES
from kronika.store.base import check_filter_text

F = TypeVar("F", bound=Callable[..., Any])
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def iso_day(name: str, value: object) -> str | None:
    """`value` as an ISO day: a 'YYYY-MM-DD' string or a datetime.date; None stays None."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str) and _ISO_DAY.fullmatch(value.strip()):
        try:
            return date.fromisoformat(value.strip()).isoformat()
        except ValueError:
            raise FilterError(f"{name} {value!r} is not a day of the calendar") from None
    raise FilterError(f"{name} wants a day as YYYY-MM-DD (or a datetime.date), got {value!r}")


def event_types(value: object) -> str | tuple[str, ...] | None:
    """One event type, or a tuple of several (duplicates dropped); each must be one of EVENT_TYPES."""
    if value is None:
        return None
    if isinstance(value, str):
        return _event_type(value)
    if isinstance(value, Sequence | set | frozenset):
        types = tuple(dict.fromkeys(_event_type(v) for v in value))
        if not types:
            raise FilterError("type filter is empty: give at least one event type, or leave the filter out")
        return types
    raise FilterError(f"type wants an event type or a list of them, got {type(value).__name__}")


def _event_type(value: object) -> str:
    if isinstance(value, str) and value in EVENT_TYPES:
        return value
    hint = ""
    if isinstance(value, str):
        close = difflib.get_close_matches(value.strip().lower().replace("-", "_").replace(" ", "_"), EVENT_TYPES, 1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
    raise FilterError(f"type {value!r} is not an event type{hint}; use one of {', '.join(EVENT_TYPES)}")


def near_point(value: object) -> tuple[float, float, float] | None:
    """(lat, lon, km): a point in range and a radius over 0."""
    if value is None:
        return None
    try:
        lat, lon, km = (float(v) for v in value)  # type: ignore[union-attr]
    except (TypeError, ValueError):
        raise FilterError(f"near wants (lat, lon, km), got {value!r}") from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180 and 0 < km <= 20_000):
        raise FilterError(f"near {value!r} is out of range: latitude -90..90, longitude -180..180, 0 < km <= 20000")
    return lat, lon, km


def positive_limit(value: object) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise FilterError(f"limit must be a whole number of at least 1, got {value!r}")
    return value


def names(name: str, value: object) -> tuple[str, ...] | None:
    """A text filter given once or several times (any of them matches), as a tuple; None stays None."""
    if value is None:
        return None
    values = (value,) if isinstance(value, str) else value
    if not isinstance(values, Sequence | set | frozenset) or not all(isinstance(v, str) for v in values):
        raise FilterError(f"{name} wants a name or a list of names, got {value!r}")
    found = tuple(dict.fromkeys(values))
    if not found:
        raise FilterError(f"{name} filter is empty: give at least one name, or leave the filter out")
    for v in found:
        check_filter_text(name, v)
    return found


def place_names(value: object) -> tuple[str, ...] | None:
    """Each place name given, and beside it the name the geocoder resolves it to when that differs: "Kiev" also
    finds Kyiv, "Kharkov region" Kharkiv Oblast, "the Ukrainian capital" Kyiv. The names match as substrings of
    a place's name, oblast or district, so a city's name also finds its oblast, as before. A spelling the
    geocoder had to correct is not taken for another place."""
    given = names("place", value)
    if given is None:
        return None
    found = list(given)
    try:
        from kronika.geo import get_geocoder

        geocoder = get_geocoder()
        for text in given:
            resolution = geocoder.resolve(text)
            loc = resolution.location
            if loc is not None and loc.name and not resolution.fuzzy and loc.precision not in (None, "ambiguous"):
                found.append(loc.name)
    except KronikaError:  # no gazetteer: the names as given still match
        pass
    folded: dict[str, str] = {}
    for text in found:
        folded.setdefault(" ".join(text.casefold().split()), text)
    return tuple(folded.values())


def _contested(value: object) -> bool | None:
    if value is None or isinstance(value, bool):
        return value
    raise FilterError(f"contested wants True, False or None, got {value!r}")


_CHECKS: dict[str, Callable[[object], object]] = {
    "since": lambda v: iso_day("since", v),
    "until": lambda v: iso_day("until", v),
    "type": event_types,
    "near": near_point,
    "limit": positive_limit,
    "contested": _contested,
    "place": place_names,
    "claimant": lambda v: names("claimant", v),
}


def checked_filters(func: F) -> F:
    """Check and normalise the filter keywords of a query function (those of `_CHECKS` it takes) before it runs.

    Also refuses a `since` later than `until`: such a range can hold nothing.
    """
    signature = inspect.signature(func)
    names = set(signature.parameters) & set(_CHECKS)

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        bound = signature.bind(*args, **kwargs)
        given = bound.arguments
        for name in names & given.keys():
            given[name] = _CHECKS[name](given[name])
        since, until = given.get("since"), given.get("until")
        if since and until and since > until:
            raise FilterError(f"since {since} is after until {until}: no day is in that range")
        return func(*bound.args, **bound.kwargs)

    return wrapper  # type: ignore[return-value]
