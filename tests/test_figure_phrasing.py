"""Figures as real reporting words them: air-defence phrasing, model lists, tolls, power cuts, and the numbers that
are never tolls. Our own sentences, one class of phrasing per test (issue 7, classes 1-3)."""

from __future__ import annotations

import pytest

from kronika.extraction.figures import StoryCounts, find_figures
from kronika.extraction.numbers import find_numbers


def figs(sentence: str, weapon: str | None = None, launched: dict[str, int] | None = None) -> list[tuple[str, int]]:
    story = StoryCounts(weapon=weapon, launched=dict(launched or {}))
    return [(f.kind, f.value) for f in find_figures(sentence, story)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # "N of M", "N out of M": M launched, N destroyed, whichever side the verb is on
        ("Air defence units downed 61 out of 75 Shahed drones overnight.", [("drones_destroyed", 61), ("drones_launched", 75)]),
        (
            "Kyiv said 19 of 24 cruise missiles launched by Russia were successfully intercepted.",
            [("missiles_destroyed", 19), ("missiles_launched", 24)],
        ),
        ("The military said it downed 90 drones out of 130 fired by Russia.", [("drones_destroyed", 90), ("drones_launched", 130)]),
        (
            "Forces destroyed 17 out of 19 cruise missiles and three drones over the south.",
            [("missiles_destroyed", 17), ("missiles_launched", 19), ("drones_destroyed", 3)],
        ),
        # "all", "all but", "all N"
        ("Gunners shot down all but three of the 40 drones.", [("drones_destroyed", 37), ("drones_launched", 40)]),
        (
            "Russia sent 53 missiles and 47 drones; the air force shot down 35 of the missiles and all but one of the drones.",
            [("missiles_launched", 53), ("drones_launched", 47), ("missiles_destroyed", 35), ("drones_destroyed", 46)],
        ),
        ("Russia attacked with 90 drones; all but two were neutralised.", [("drones_launched", 90), ("drones_destroyed", 88)]),
        ("All 12 missiles were shot down over the capital.", [("missiles_destroyed", 12), ("missiles_launched", 12)]),
        # launch verbs on either side, and the modifiers real copy puts before a count
        ("Of the 45 missiles fired, 38 were intercepted.", [("missiles_launched", 45), ("missiles_destroyed", 38)]),
        ("Twenty-six attack drones were launched towards the southern regions.", [("drones_launched", 26)]),
        ("Russia deployed an unprecedented 210 strike drones overnight.", [("drones_launched", 210)]),
        ("The barrage also included six Iskander-M ballistic missiles.", [("missiles_launched", 6)]),
        ("Moscow rained more than 70 missiles on the country.", [("missiles_launched", 70)]),
        ("Russia fired two S-300 missiles at the town.", [("missiles_launched", 2)]),
        ("Kyiv struck the airfield with four U.S.-supplied missiles.", [("missiles_launched", 4)]),
        ("Air defence shot down/suppressed 88 enemy UAVs.", [("drones_destroyed", 88)]),
        # targets broken down after a colon are weapons of every kind: the kinds stand, the total is no figure
        (
            "The air force destroyed 56 air targets: 43 cruise missiles and 13 unmanned aerial vehicles.",
            [("missiles_destroyed", 43), ("drones_destroyed", 13)],
        ),
        # a headline's count is a count
        ("Ukraine says it downed 12 drones", [("drones_destroyed", 12)]),
        # one weapon without a numeral
        ("Another drone was shot down over the Kursk region.", [("drones_destroyed", 1)]),
        ("Air defences destroyed a UAV near the airport.", [("drones_destroyed", 1)]),
        ("The enemy used 60 drones and an Iskander-M missile.", [("drones_launched", 60), ("missiles_launched", 1)]),
        # four missile strikes are four strikes, not four missiles
        ("Russia carried out four missile strikes on the city.", []),
        # pairs for two kinds; a total split into kinds is no weapons_* figure of its own
        (
            "The military said it destroyed 80 of 90 drones and two of three ballistic missiles.",
            [("drones_destroyed", 80), ("drones_launched", 90), ("missiles_destroyed", 2), ("missiles_launched", 3)],
        ),
        (
            "In total, 423 air attack assets were detected: 417 Shahed drones and six missiles.",
            [("drones_launched", 417), ("missiles_launched", 6)],
        ),
        ("Russia launched a combined 300 drones and missiles.", [("weapons_launched", 300)]),
        # a count with a verb of its own borrows no cue
        ("Seven drones were downed and three hit targets.", [("drones_destroyed", 7)]),
        ("The air force said 26 drones were intercepted, while 11 others hit their targets.", [("drones_destroyed", 26)]),
    ],
)
def test_air_defence_phrasing(sentence: str, expected: list[tuple[str, int]]) -> None:
    assert figs(sentence) == expected


def test_targets_count_the_weapons_the_story_is_about() -> None:
    assert figs("Air defences destroyed 17 enemy targets.", weapon="drones") == [("drones_destroyed", 17)]
    assert figs("Air defence destroyed 30 aerial targets overnight.") == [("weapons_destroyed", 30)]
    assert figs("Artillery destroyed 12 targets near the front.") == []


def test_all_the_drones_were_destroyed_reads_the_story_launched_count() -> None:
    assert figs("All the projectiles were destroyed by air defence.", "drones", {"drones": 14}) == [
        ("drones_destroyed", 14)
    ]
    assert figs("All of them were shot down, the city said.", "missiles", {"missiles": 6}) == [
        ("missiles_destroyed", 6)
    ]
    assert figs("All of them were shot down, the city said.") == []  # nothing counted them: no figure


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # models of one kind listed under one verb: one count per kind, their sum
        (
            "The enemy launched four Kalibr cruise missiles, one Iskander-M ballistic missile and 40 Shahed-type drones.",
            [("missiles_launched", 5), ("drones_launched", 40)],
        ),
        (
            "It fired three Kh-101 missiles, 25 Shahed drones and two Kinzhal missiles.",
            [("missiles_launched", 5), ("drones_launched", 25)],
        ),
        ("Russia launched 50 Shahed drones and 20 decoy drones at Ukraine.", [("drones_launched", 70)]),
        # a model name is the noun
        ("Russia fired 13 Kh-101s and 14 Kalibrs at the country overnight.", [("missiles_launched", 27)]),
        ("Air defences shot down 40 Shaheds and two Kinzhals.", [("drones_destroyed", 40), ("missiles_destroyed", 2)]),
        (
            "It launched one Kinzhal, four Iskander-M ballistic missiles and 20 Gerbera decoys.",
            [("missiles_launched", 5), ("drones_launched", 20)],
        ),
        (
            "Air defences intercepted 483 of 520 aerial threats, including 440 drones, 30 Kh-101 cruise missiles and "
            "five Kalibr missiles.",
            [("drones_destroyed", 440), ("missiles_destroyed", 35)],
        ),
        # counts each with its own place, or its own verb, are not one list
        ("Russia launched 50 drones at Kharkiv and 30 drones at Odesa.", [("drones_launched", 50), ("drones_launched", 30)]),
        ("In total 52 drones were shot down and 20 were suppressed by electronic warfare.", [("drones_destroyed", 52)]),
        ("Air defences downed 40 drones and electronic warfare suppressed 15 more.", [("drones_destroyed", 40), ("drones_destroyed", 15)]),
        # the text's own total of the parts it lists
        (
            "Air defences shot down 50 drones, and electronic warfare suppressed another 20, for a total of 70 neutralised.",
            [("drones_destroyed", 70)],
        ),
        (
            "Of the 120 drones, 80 were shot down and 30 were suppressed by electronic warfare, a total of 110.",
            [("drones_launched", 120), ("drones_destroyed", 110)],
        ),
        # a breakdown after a total of its kind adds nothing up (the air attack keeps the total)
        (
            "Russia fired 31 missiles, among them two Kinzhal missiles and nine Iskander-M missiles.",
            [("missiles_launched", 31), ("missiles_launched", 2), ("missiles_launched", 9)],
        ),
        # drones lost to electronic warfare stay apart from those destroyed
        ("Air defences shot down 60 drones, while another 25 were lost to electronic warfare.", [("drones_destroyed", 60)]),
        ("A further 20 drones were lost to electronic warfare.", []),
    ],
)
def test_weapon_lists(sentence: str, expected: list[tuple[str, int]]) -> None:
    assert figs(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # an aside between a count and its verb
        ("Six people, including a four-year-old boy, were killed in the strike.", [("killed", 6), ("children_killed", 1)]),
        ("Nearly 60 people, including 8 children, were injured.", [("injured", 60), ("children_injured", 8)]),
        ("Eleven people have been rescued (two of them children).", [("rescued", 11)]),
        ("Five residents including a child were pulled out alive.", [("rescued", 5)]),
        # children among a total
        ("Nine children were among 120 people wounded.", [("children_injured", 9), ("injured", 120)]),
        ("Among the injured are three teenage girls.", [("children_injured", 3)]),
        ("Among the wounded were five children.", [("children_injured", 5)]),
        ("Of the 40 killed, 10 were children.", [("killed", 40), ("children_killed", 10)]),
        # missing
        ("At least 20 people are feared trapped under the rubble.", [("missing", 20)]),
        ("The fate of another 12 residents is unknown.", [("missing", 12)]),
        ("Eight people are still missing.", [("missing", 8)]),
        ("Officials said 9 people went missing after the blast.", [("missing", 9)]),
        # people named one by one
        ("A man and a teenage boy were killed in the shelling.", [("killed", 2), ("children_killed", 1)]),
        ("The drone killed a mother, father and their son in the village.", [("killed", 3)]),
        ("Two women and one man died of their wounds.", [("killed", 3)]),
        ("A young man died in hospital.", [("killed", 1)]),
        ("Another man was wounded in the shelling.", [("injured", 1)]),  # one more person is one
        ("The blast caused minor injuries to a woman.", [("injured", 1)]),
        ("The strike killed a family of four.", [("killed", 4)]),
        # toll wordings
        ("The attack took the lives of 14 residents.", [("killed", 14)]),
        (
            "The death toll from Tuesday's missile strike on the apartment block in the eastern city has risen to 41.",
            [("killed", 41)],
        ),
        ("Rescuers pulled more bodies out overnight, raising the death toll to 27.", [("killed", 27)]),
        ("The number of people killed in the strikes on several towns overnight increased to 19.", [("killed", 19)]),
        ("Another body was found, bringing the number of children killed to five.", [("children_killed", 5)]),
        ("The strike resulted in the deaths of five people and the loss of two more lives.", [("killed", 5)]),
        ("There were six confirmed deaths and 20 injuries.", [("killed", 6), ("injured", 20)]),
        ("Three people had died and 12 more were hurt.", [("killed", 3), ("injured", 12)]),
        ("One person was reported killed in the city.", [("killed", 1)]),
        ("Seven people are known to have been killed.", [("killed", 7)]),
        ("On June 3, 14 people were killed in the city.", [("killed", 14)]),
        ("One person died and four more were injured.", [("killed", 1), ("injured", 4)]),
        ("At least 30 individuals lost their lives and 70 others sustained injuries.", [("killed", 30), ("injured", 70)]),
        ("Police confirmed a 12-year-old girl among the victims.", []),
        # "with" before a count of people is no launch
        (
            "The toll from the strike has risen to 33, including six children, with 94 injured.",
            [("killed", 33), ("children_killed", 6), ("injured", 94)],
        ),
    ],
)
def test_toll_phrasing(sentence: str, expected: list[tuple[str, int]]) -> None:
    assert figs(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("About 900 families were left without electricity.", [("without_power", 900)]),
        ("Outages affected 45,000 customers in the region.", [("without_power", 45000)]),
        ("More than 1.2 million consumers found themselves without power.", [("without_power", 1200000)]),
        ("The strike left 30,000 people in the Odesa region without power.", [("without_power", 30000)]),
        ("Some 12,000 households lost power after the attack.", [("without_power", 12000)]),
        ("The attack left 20,000 people without heating.", []),  # heating is not power
        # a list of counts per region that the power words close
        (
            "Officials described the blackout, saying that some 90,000 residents in the Sumy region, along with at "
            "least 15,000 each in the Chernihiv and Kyiv regions, and a further 8,000 in the Zhytomyr region, were "
            "affected.",
            [("without_power", 90000), ("without_power", 15000), ("without_power", 8000)],
        ),
        (
            "The strike left about 40,000 residents in the Sumy region and 5,000 in the Chernihiv region without power.",
            [("without_power", 40000), ("without_power", 5000)],
        ),
        # "affected" counts the outage only in a sentence about one; a verb of its own ends the list
        ("Some 40 residents in the village were affected by the shelling.", []),
        ("About 300 residents were evacuated, and 2,000 homes were left without power.", [("without_power", 2000)]),
    ],
)
def test_people_and_homes_without_power(sentence: str, expected: list[tuple[str, int]]) -> None:
    assert figs(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        # cumulative war totals
        "At least 480 children have been killed since the start of the full-scale invasion.",
        "More than 900 civilians have been killed in the war, the UN mission said.",
        "Russia has launched more than 3,000 drones since January.",
        "Some 12,000 people have been wounded, according to the UN.",
        # counts with a noun of their own next to a toll
        "The attack cut heating to about 400 apartment buildings, 12 schools and a hospital.",
        "The shelling resulted in the loss of 14 villages.",
        # millions, rhetoric, prisoners
        "The fighting has forced more than 3 million people to flee.",
        "The Kremlin said 23 seriously wounded soldiers would be handed over in the exchange.",
        "Doctors are fighting for the lives of four patients.",
        "More than 160 rescue workers are operating at the site.",
        # counts that are no event figure at all
        "Ukraine and Russia swapped 84 prisoners each on Thursday.",
        "Russia's army lost 1,230 soldiers in the past day, the General Staff said.",
        "At least 10 people were detained by police in Moscow.",
        "About 70 percent of the drones were shot down.",
        "The attack involved 10 Tu-95 bombers.",
    ],
)
def test_numbers_that_are_never_tolls(sentence: str) -> None:
    assert figs(sentence) == []


def test_a_war_total_beside_a_toll_of_the_day_is_dropped_but_a_ranking_keeps_the_toll() -> None:
    assert figs("The strike killed 20 people, the deadliest attack on the city since the invasion began.") == [
        ("killed", 20)
    ]
    assert figs("The drone attack injured four people, including a child, and cut heating to 13 schools.") == [
        ("injured", 4),
        ("children_injured", 1),
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("18 people were injured, and 7 of them are in hospital.", [("injured", 18)]),
        ("Ten people were wounded (six of them were hospitalised).", [("injured", 10)]),
        ("Police said 10 of the 12 dead have been identified.", [("killed", 12)]),
        ("The bodies of nine people (including two children, one of them born in 2015) were recovered.", []),
        ("Power cuts left over 60 towns and villages without power; 15 still remain without electricity.", []),
        # a subset with its own place is a regional breakdown, kept
        (
            "Air defences intercepted 41 drones overnight, 20 of them over the Belgorod region.",
            [("drones_destroyed", 41), ("drones_destroyed", 20)],
        ),
    ],
)
def test_part_of_a_count_already_given_is_no_new_figure(sentence: str, expected: list[tuple[str, int]]) -> None:
    assert figs(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the injured told in parts, the second "others"/"more" in the same plight: the text counts them together
        ("One man remains in hospital with shrapnel wounds, while two others are being treated as outpatients.",
         [("injured", 3)]),
        ("One man was hospitalised and two others were treated at the scene.", [("injured", 3)]),
        ("A woman is in a serious condition, and three more people received medical aid.", [("injured", 4)]),
        # not one toll: other kinds, other places, a total already stated, a part of a count
        ("One person died and two others were injured.", [("killed", 1), ("injured", 2)]),
        ("One man was injured in Kharkiv and two others in Izium.", [("injured", 1), ("injured", 2)]),
        ("Two of them are in hospital and three others were treated at the scene.", []),
    ],
)
def test_injured_told_in_parts(sentence: str, expected: list[tuple[str, int]]) -> None:
    assert figs(sentence) == expected


def test_parts_of_an_injured_count_the_story_already_gave_are_no_new_toll() -> None:
    story = StoryCounts()
    story.update(find_figures("Five people were injured in the attack."))
    parts = "One man is in hospital, while two others were treated at the scene."
    assert [(f.kind, f.value) for f in find_figures(parts, story)] == []


def test_one_before_a_named_weapon_is_a_count_and_a_list_of_days_is_not_a_date() -> None:
    ones = [n for n in find_numbers("Russia fired one Kh-101 cruise missile at the city.") if n.value == 1]
    assert len(ones) == 1 and ones[0].rejected is None
    twenty = [n for n in find_numbers("On July 8, 20 people were killed.") if n.value == 20]
    assert twenty and twenty[0].rejected is None


def test_children_counted_in_the_sentence_after_the_toll() -> None:
    story = StoryCounts(weapon="missiles", launched={"missiles": 40})
    for sentence, expected in [
        ("By evening, 31 people were known to have died.", [("killed", 31)]),
        ("Four of them were children.", [("children_killed", 4)]),
        ("A baby is among those killed.", [("children_killed", 1)]),
        ("The number of victims has increased to 33.", [("killed", 33)]),
        ("Another 41 people were injured.", [("injured", 41)]),
        ("Twelve of them were hospitalised.", []),  # a part of the toll just given
        ("In the capital, as of 11:55, about seven were dead and 11 wounded.", [("killed", 7), ("injured", 11)]),
    ]:
        found = find_figures(sentence, story)
        story.update(found)
        assert [(f.kind, f.value) for f in found] == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "One drone destroyed a railway depot near the town.",
        "Two missiles destroyed the local school and a shop.",
        "Three Shaheds destroyed two substations across the district.",
    ],
)
def test_a_weapon_that_destroyed_something_was_not_downed(sentence: str) -> None:
    """Regression: a bare 'destroyed' with a direct object is the weapon acting, not air defence downing it."""
    assert not [k for k, _ in figs(sentence) if k.endswith("_destroyed")]
