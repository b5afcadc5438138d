"""The public surface of kronika.geo that the extraction core relies on."""

from __future__ import annotations

import kronika.geo
from kronika.geo import Geocoder, get_geocoder
from kronika.models import PRECISIONS, Location


def test_exports_are_sorted_and_importable() -> None:
    assert kronika.geo.__all__ == sorted(kronika.geo.__all__)
    for name in kronika.geo.__all__:
        assert getattr(kronika.geo, name) is not None


def test_get_geocoder_is_one_cached_instance() -> None:
    assert get_geocoder() is get_geocoder()


def test_every_resolution_uses_the_shared_vocabulary(geo: Geocoder) -> None:
    for q in ("Kupiansk", "the Kharkiv region", "Synelnyky district", "Ukraine", "Black Sea", "Andriivka"):
        loc = geo.resolve(q).location
        assert isinstance(loc, Location)
        assert loc.precision in PRECISIONS


def test_locations_are_fresh_objects(geo: Geocoder) -> None:
    # the extraction core may edit a Location it receives; that must not leak into later answers
    first = geo.resolve("Kharkiv").location
    assert first is not None
    first.name = "changed"
    assert geo.resolve("Kharkiv").location.name == "Kharkiv"


def test_ambiguous_answers_carry_candidates_not_coordinates(geo: Geocoder) -> None:
    r = geo.resolve("Novoselivka")
    assert r.location.precision == "ambiguous"
    assert (r.location.lat, r.location.lon, r.location.gazetteer_id) == (None, None, None)
    assert len(r.candidates) >= 50
    assert {c.name for c in r.candidates} == {"Novoselivka"}


def test_no_place_for_nonsense(geo: Geocoder) -> None:
    r = geo.resolve("Xqzwv")
    assert r.location is None and r.reason == "not found"
