"""A hromada named by its adjective is no settlement: sentences written for these tests."""

from __future__ import annotations

import pytest

from kronika.geo import Geocoder
from kronika.pipeline import extract_text


@pytest.mark.parametrize(
    "text",
    [
        "Shells fell on the Pokrovska community overnight.",
        "The enemy hit the Myrivska and Pokrovska communities with drones.",
        "Two houses were damaged in the Pokrovska territorial hromada.",
    ],
)
def test_a_community_adjective_names_no_settlement(geo: Geocoder, text: str) -> None:
    assert "Pokrovsk" not in {m.location.name for m in geo.find_places(text)}


def test_a_settlement_named_beside_the_word_community_is_still_the_settlement(geo: Geocoder) -> None:
    assert [m.location.name for m in geo.find_places("Drones hit the Pokrovsk community overnight.")] == ["Pokrovsk"]


def test_the_figure_of_a_shelled_hromada_stays_in_the_district_the_story_names() -> None:
    text = (
        "Russian forces shelled the Nikopol district of Dnipropetrovsk Oblast on Monday. The enemy also hit the "
        "Pokrovska community, where 500 families were left without electricity, governor Serhiy Lysak said."
    )
    strike = next(e for e in extract_text(text).events if e.figures)
    assert strike.location is not None and strike.location.admin1 == "Dnipropetrovsk Oblast"
