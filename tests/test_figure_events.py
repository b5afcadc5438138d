"""Which event a figure lands on: national and regional air-defence reports, weapons aimed at one town, the side
under attack, title lines and cut-off last lines. Short articles we wrote ourselves."""

from __future__ import annotations

from kronika.models import DocumentResult, Event
from kronika.pipeline import extract_text


def by_type(result: DocumentResult, kind: str) -> list[Event]:
    return [e for e in result.events if e.type == kind]


def figures(event: Event) -> dict[str, int]:
    return {f.kind: f.value for f in event.figures}


def where(event: Event) -> tuple[str | None, str | None]:
    return (event.location.name, event.location.precision) if event.location else (None, None)


def test_a_region_right_after_a_count_makes_a_regional_report_beside_the_national_total() -> None:
    text = (
        "Moscow, Russia (TASS) Nov 3, 2025 - Russia's defence ministry said its air defences destroyed 18 Ukrainian "
        "drones over the Kursk region overnight. It said 52 drones had been downed across the country.\n"
    )
    air = by_type(extract_text(text), "air_attack")
    assert sorted((where(e), figures(e)) for e in air) == [
        (("Kursk Oblast", "admin1"), {"drones_destroyed": 18}),
        (("Russia", "country"), {"drones_destroyed": 52}),
    ]


def test_counts_over_a_list_of_regions_stay_national() -> None:
    text = "Ukraine's air force said 40 drones were shot down over the Sumy, Poltava and Kharkiv regions.\n"
    air = by_type(extract_text(text), "air_attack")
    assert [(where(e), figures(e)) for e in air] == [(("Ukraine", "country"), {"drones_destroyed": 40})]


def test_weapons_aimed_at_one_town_are_an_attack_on_it_and_a_follow_up_count_stays_with_it() -> None:
    text = (
        "Kharkiv, Ukraine (AFP) May 4, 2025 - Russia launched 12 drones against the city of Kharkiv overnight, "
        "the mayor said. All of them were shot down, he added.\n"
    )
    air = by_type(extract_text(text), "air_attack")
    assert [(where(e), figures(e)) for e in air] == [
        (("Kharkiv", "settlement"), {"drones_launched": 12, "drones_destroyed": 12})
    ]


def test_an_attack_on_a_named_port_keeps_the_counts_that_refer_back_to_it() -> None:
    text = (
        "Sevastopol (Reuters) Jun 2, 2025 - Ukraine attacked the port of Sevastopol with six missiles on Sunday, "
        "officials said. Four of the missiles were shot down, the governor said.\n"
    )
    air = by_type(extract_text(text), "air_attack")
    assert [(where(e), figures(e)) for e in air] == [
        (("Sevastopol", "settlement"), {"missiles_launched": 6, "missiles_destroyed": 4})
    ]


def test_the_attacker_named_in_the_sentence_decides_the_side_whoever_it_is_said_by() -> None:
    text = (
        "Ukraine's air force said it shot down 25 drones overnight. Russia used 30 Shahed drones and two "
        "missiles in the attack, it said.\n"
    )
    air = by_type(extract_text(text), "air_attack")
    assert air and all(e.location is not None and e.location.country == "UA" for e in air)
    assert {k: v for e in air for k, v in figures(e).items()} == {
        "drones_destroyed": 25,
        "drones_launched": 30,
        "missiles_launched": 2,
    }


def test_a_regional_governor_of_a_russian_region_places_the_count_in_russia() -> None:
    text = (
        "Belgorod region governor Vyacheslav Gladkov wrote on Telegram: “Air defence destroyed 14 targets over "
        "the Belgorod region.”\n"
    )
    air = by_type(extract_text(text), "air_attack")
    assert air and all(e.location is not None and e.location.country == "RU" for e in air)


def test_a_breakdown_of_a_total_by_model_leaves_the_total() -> None:
    text = (
        "Russia fired 31 missiles and 200 drones overnight, among them two Kinzhal missiles and nine Iskander-M "
        "missiles, the air force said.\n"
    )
    air = by_type(extract_text(text), "air_attack")
    assert [figures(e) for e in air] == [{"missiles_launched": 31, "drones_launched": 200}]


def test_a_title_count_the_body_never_gives_is_kept_and_one_it_repeats_adds_nothing() -> None:
    only_title = (
        "Ukraine says it downed 40 drones overnight\n\n"
        "Kyiv (Reuters) Feb 2, 2025 - Russian drones damaged power lines in the Sumy region, officials said.\n"
    )
    air = by_type(extract_text(only_title), "air_attack")
    assert [figures(e) for e in air] == [{"drones_destroyed": 40}]
    repeated = (
        "Russian strike kills 5 in Kherson\n\n"
        "Kherson (AFP) Feb 2, 2025 - A Russian strike killed five people in Kherson, the governor said.\n"
    )
    assert [figures(e) for e in extract_text(repeated).events if e.figures] == [{"killed": 5}]


def test_a_last_line_cut_off_before_its_full_stop_still_counts() -> None:
    text = (
        "Moscow (AFP) Apr 5, 2025 - Explosions were heard near an airfield in the Rostov region overnight.\n\n"
        "The Russian defence ministry said its air defences downed 44 Ukrainian drones"
    )
    air = by_type(extract_text(text), "air_attack")
    assert [(where(e), figures(e)) for e in air] == [(("Russia", "country"), {"drones_destroyed": 44})]


def test_a_war_total_in_a_digest_makes_no_toll() -> None:
    text = (
        "Kyiv (AFP) Jun 1, 2025 - A Russian strike on Dnipro killed three people, the governor said. "
        "At least 600 children have been killed since the start of the full-scale invasion, officials said.\n"
    )
    result = extract_text(text)
    assert sorted((f.kind, f.value) for e in result.events for f in e.figures) == [("killed", 3)]


def test_a_toll_of_the_whole_barrage_is_the_country_s_not_the_town_it_mentions() -> None:
    text = (
        "Kyiv (AFP) Jul 8, 2025 - Russian missiles hit cities across Ukraine on Monday, including a hospital in "
        "Kyiv, killing at least 20 people, officials said.\n"
    )
    violent = [e for e in extract_text(text).events if e.type in ("strike", "air_attack") and e.figures]
    assert [(where(e), figures(e)) for e in violent] == [(("Ukraine", "country"), {"killed": 20})]


def test_a_toll_tied_to_a_town_stays_there_even_in_a_countrywide_barrage() -> None:
    text = (
        "On Friday, Russia killed 23 civilians with a missile that hit an apartment block in the city of Uman, "
        "part of its first countrywide barrage in weeks.\n"
    )
    strikes = by_type(extract_text(text), "strike")
    assert [(where(e), figures(e)) for e in strikes] == [(("Uman", "settlement"), {"killed": 23})]


def test_a_toll_that_names_no_place_goes_with_the_national_air_defence_report() -> None:
    text = (
        "Kyiv (Reuters) Mar 3, 2025 - Russia launched 80 drones at Ukraine overnight, the air force said. "
        "The attack injured six civilians, local officials said.\n"
    )
    result = extract_text(text)
    assert by_type(result, "strike") == []
    assert [figures(e) for e in by_type(result, "air_attack")] == [{"drones_launched": 80, "injured": 6}]


def test_the_place_named_right_after_a_toll_is_its_place() -> None:
    text = (
        "The drones were downed over the Kursk, Bryansk and Belgorod regions, causing minor injuries to a woman "
        "and damaging two cars in Belgorod.\n"
    )
    strikes = by_type(extract_text(text), "strike")
    assert [(where(e), figures(e)) for e in strikes] == [(("Belgorod", "settlement"), {"injured": 1})]


def test_a_lead_in_ending_in_a_colon_is_a_sentence_not_a_title() -> None:
    text = (
        "Kyiv (Ukrinform) Jul 8, 2025 - In total, the enemy launched 38 missiles of various types:\n\n"
        "One Kinzhal aeroballistic missile;\n\n13 Kh-101 cruise missiles;\n\n24 Kalibr cruise missiles.\n"
    )
    air = by_type(extract_text(text), "air_attack")
    assert [figures(e) for e in air] == [{"missiles_launched": 38}]


def test_the_air_defence_verb_of_a_count_makes_no_strike() -> None:
    text = "Moscow (TASS) May 2, 2025 - Air defences destroyed 15 drones over the Volgograd region, the ministry said.\n"
    result = extract_text(text)
    assert by_type(result, "strike") == []
    assert [(where(e), figures(e)) for e in by_type(result, "air_attack")] == [
        (("Volgograd Oblast", "admin1"), {"drones_destroyed": 15})
    ]


def test_weapons_fired_at_the_city_are_aimed_at_the_town_the_story_is_about() -> None:
    text = (
        "Kramatorsk (AFP) Jun 28, 2025 - A Russian missile attack on Kramatorsk killed eight people, officials said. "
        "Russia fired two missiles at the city on Tuesday evening, authorities said.\n"
    )
    air = by_type(extract_text(text), "air_attack")
    assert [(where(e), figures(e)) for e in air] == [(("Kramatorsk", "settlement"), {"missiles_launched": 2})]


def test_who_defends_is_who_the_weapons_are_aimed_at_even_in_the_attacker_s_own_report() -> None:
    own = "Russia's defence ministry said its forces launched 30 missiles at Ukrainian energy sites overnight.\n"
    assert [where(e) for e in by_type(extract_text(own), "air_attack")] == [("Ukraine", "country")]
    plain = "The Russian defence ministry said 45 drones were destroyed overnight.\n"
    assert [where(e) for e in by_type(extract_text(plain), "air_attack")] == [("Russia", "country")]


def test_a_count_each_in_a_list_of_regions_is_every_region_s_own() -> None:
    text = (
        "An energy official described the blackout on Tuesday, saying that roughly 90,000 residents in Sumy Oblast, "
        "along with at least 15,000 each in Chernihiv and Poltava Oblasts, and a further 8,000 in Zhytomyr Oblast, "
        "were affected by Russian strikes.\n"
    )
    strikes = by_type(extract_text(text), "strike")
    assert sorted((where(e)[0], figures(e)) for e in strikes) == [
        ("Chernihiv Oblast", {"without_power": 15000}),
        ("Poltava Oblast", {"without_power": 15000}),
        ("Sumy Oblast", {"without_power": 90000}),
        ("Zhytomyr Oblast", {"without_power": 8000}),
    ]
