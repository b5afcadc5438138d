"""Figure kinds from the words around each count: our own sentences, one rule family per test."""

from __future__ import annotations

import pytest

from kronika.extraction.figures import find_figures


def figs(sentence: str) -> list[tuple[str, int, str]]:
    return [(f.kind, f.value, f.qualifier) for f in find_figures(sentence)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # cue verb to the left
        ("The shelling killed 14 people in the market.", [("killed", 14, "exact")]),
        ("Shelling overnight killing at least 6 and injuring 30 more.", [("killed", 6, "at_least"), ("injured", 30, "exact")]),
        ("Rescuers pulled out and rescued about 25 residents.", [("rescued", 25, "about")]),
        # finite verb to the right
        ("Nine civilians were wounded when a glide bomb hit the square.", [("injured", 9, "exact")]),
        ("At least 3 people were killed and 17 injured in Odesa.", [("killed", 3, "at_least"), ("injured", 17, "exact")]),
        ("Two people are missing after the strike.", [("missing", 2, "exact")]),
        # toll phrasing
        ("The death toll has risen to 31, the governor said.", [("killed", 31, "exact")]),
        # children
        ("The attack killed 11 people, including three children.", [("killed", 11, "exact"), ("children_killed", 3, "exact")]),
        ("Among the wounded were five children.", [("children_injured", 5, "exact")]),
        # people without power, fires
        ("The strikes left more than 200,000 homes without power.", [("without_power", 200000, "more_than")]),
        ("The strikes left some 80,000 people without electricity.", [("without_power", 80000, "about")]),
        ("Twelve fires broke out across the city.", [("fires", 12, "exact")]),
    ],
)
def test_casualty_kinds(sentence: str, expected: list[tuple[str, int, str]]) -> None:
    assert figs(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Moscow launched 87 drones and 5 cruise missiles at the country.", [("drones_launched", 87, "exact"), ("missiles_launched", 5, "exact")]),
        (
            "Air defences shot down 60 of the drones and all 5 missiles.",
            [("drones_destroyed", 60, "exact"), ("missiles_destroyed", 5, "exact"), ("missiles_launched", 5, "exact")],
        ),
        ("The enemy used 150 drones and missiles in total.", [("weapons_launched", 150, "exact")]),
        ("Russia sent 70 attack drones, 52 of which were intercepted.", [("drones_launched", 70, "exact"), ("drones_destroyed", 52, "exact")]),
        ("The army intercepted 12 of 20 drones over the region.", [("drones_destroyed", 12, "exact"), ("drones_launched", 20, "exact")]),
        ("Forces downed 33 UAVs launched by Kyiv.", [("drones_destroyed", 33, "exact")]),
    ],
)
def test_weapon_kinds(sentence: str, expected: list[tuple[str, int, str]]) -> None:
    assert figs(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "The city was home to 120,000 people before the war.",
        "A 63-year-old woman was taken to hospital.",
        "It was the 900th day of the full-scale invasion.",
        "They say 2,000 soldiers a day are being lost.",
        "The blast damaged 40 apartment blocks and two schools.",
        "Troops took three villages in 2024.",
        "Chlorine rose to ten times the norm.",
        "The drones flew 500 km before reaching the refinery.",
    ],
)
def test_counts_that_are_not_figures(sentence: str) -> None:
    assert figs(sentence) == []


def test_a_single_victim_governed_by_a_casualty_verb_counts_as_one() -> None:
    assert figs("A drone hit the bus stop and wounded an elderly man.") == [("injured", 1, "exact")]
    assert figs("A 35-year-old man was killed in the village.") == [("killed", 1, "exact")]
    assert figs("Two people died, a man and a woman.") == [("killed", 2, "exact")]


def test_a_cue_after_a_list_of_counts_types_every_count_in_it() -> None:
    assert figs("Of those, 30 missiles and 585 drones were intercepted or jammed.") == [
        ("missiles_destroyed", 30, "exact"),
        ("drones_destroyed", 585, "exact"),
    ]
