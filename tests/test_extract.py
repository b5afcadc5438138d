"""End-to-end extraction on short articles we wrote ourselves, one behaviour per test."""

from __future__ import annotations

import pytest

from kronika.models import DocumentResult, Event
from kronika.pipeline import extract_text

WIRE = """Strikes hit Odesa port overnight

Odesa, Ukraine (Reuters) Mar 12, 2025 - Russian drones struck port facilities in Odesa overnight, killing four people and wounding at least 11, the regional governor Oleh Kiper said on Telegram.

Russia launched 112 drones and three ballistic missiles, Ukraine's air force said, adding that 79 drones were shot down.

Ukraine's foreign minister met his Turkish counterpart in Ankara on Wednesday to discuss Black Sea shipping.
"""


@pytest.fixture(scope="module")
def wire() -> DocumentResult:
    return extract_text(WIRE, path="wire.txt")


def by_type(result: DocumentResult, kind: str) -> list[Event]:
    return [e for e in result.events if e.type == kind]


def figures(event: Event) -> dict[str, int]:
    return {f.kind: f.value for f in event.figures}


def test_dateline_fixes_publication_and_overnight(wire: DocumentResult) -> None:
    assert wire.published == "2025-03-12"
    strike = by_type(wire, "strike")[0]
    assert strike.date == "2025-03-12"
    assert strike.location is not None and strike.location.name == "Odesa"
    assert figures(strike) == {"killed": 4, "injured": 11}


def test_claimant_of_a_toll_is_the_person_who_said_it(wire: DocumentResult) -> None:
    strike = by_type(wire, "strike")[0]
    assert strike.claimed_by is not None and "Kiper" in strike.claimed_by
    assert all(f.claimed_by and "Kiper" in f.claimed_by for f in strike.figures)


def test_national_air_defence_report_is_placed_at_the_country_of_its_claimant(wire: DocumentResult) -> None:
    air = by_type(wire, "air_attack")
    assert len(air) == 1
    assert air[0].location is not None and air[0].location.precision == "country" and air[0].location.country == "UA"
    assert figures(air[0]) == {"drones_launched": 112, "missiles_launched": 3, "drones_destroyed": 79}
    assert air[0].claimed_by is not None and "air force" in air[0].claimed_by


def test_weekday_is_resolved_against_the_dateline(wire: DocumentResult) -> None:
    talks = by_type(wire, "diplomacy")
    assert len(talks) == 1
    assert talks[0].location is not None and talks[0].location.name == "Ankara"
    assert talks[0].date == "2025-03-12"  # 12 March 2025 was a Wednesday


def test_every_quote_is_the_text_at_its_span(wire: DocumentResult) -> None:
    for event in wire.events:
        assert wire.text[event.span[0] : event.span[1]] == event.quote
        for fig in event.figures:
            assert wire.text[fig.span[0] : fig.span[1]] == fig.quote


def test_toll_without_a_place_takes_the_place_the_story_is_about() -> None:
    text = (
        "Kharkiv, Ukraine (AFP) Jun 3, 2025 - A guided bomb struck an apartment block in Kharkiv on Tuesday.\n\n"
        '"Three people were killed and 20 were injured," the mayor said.\n'
    )
    result = extract_text(text)
    strikes = by_type(result, "strike")
    assert len(strikes) == 1
    assert strikes[0].location is not None and strikes[0].location.name == "Kharkiv"
    assert figures(strikes[0]) == {"killed": 3, "injured": 20}
    assert strikes[0].date == "2025-06-03"


def test_toll_is_not_placed_in_the_city_of_unrelated_talks() -> None:
    text = "Russian missiles killed nine people overnight, hours before talks in Istanbul.\n"
    result = extract_text(text)
    strike = by_type(result, "strike")[0]
    assert strike.location is None or strike.location.country == "UA"


def test_no_date_in_the_text_means_null_dates_everywhere() -> None:
    result = extract_text("At least five people were killed when a missile hit a shopping centre in Kremenchuk.\n")
    assert result.published is None
    assert all(e.date is None for e in result.events)


def test_metadata_date_contradicted_by_the_dateline_is_flagged() -> None:
    text = "Lviv, Ukraine (AFP) Sep 4, 2025 - Russian drones hit an energy facility near Lviv, the governor said.\n"
    result = extract_text(text, metadata_date="2023-01-01")
    assert result.published == "2025-09-04"
    assert result.date_conflict is True
    assert result.metadata_date == "2023-01-01"


def test_capture_claim_and_its_denial() -> None:
    text = (
        "Moscow, Russia (AFP) Oct 2, 2025 - Russia's defence ministry said on Thursday its troops had captured "
        "the village of Stepnohirsk in the Zaporizhzhia region.\n\n"
        "Ukraine's general staff denied the claim and said the village remained under Ukrainian control.\n"
    )
    result = extract_text(text)
    claims = by_type(result, "ground_claim")
    assert claims, result.events
    assert claims[0].location is not None and claims[0].location.name == "Stepnohirsk"
    assert claims[0].claimed_by is not None and "defence ministry" in claims[0].claimed_by
    assert claims[0].status == "claimed"
    # the denial names no place: it denies the claim the story is about, and stays beside it as a statement
    # placed there (the contract's reading: one ground claim, and the other side's word on it)
    assert len(claims) == 1
    denials = [e for e in by_type(result, "statement") if e.status == "denied"]
    assert len(denials) == 1 and denials[0].location == claims[0].location
    assert denials[0].claimed_by is not None and "general staff" in denials[0].claimed_by


def test_hypothetical_meeting_is_not_an_event() -> None:
    result = extract_text("The Kremlin ruled out a meeting between the two presidents any time soon.\n")
    assert by_type(result, "diplomacy") == []


def test_summons_is_diplomacy_with_its_actors() -> None:
    result = extract_text("Poland summoned Russia's ambassador after a drone crashed near Lublin.\n")
    talks = by_type(result, "diplomacy")
    assert len(talks) == 1
    assert "Poland" in talks[0].actors and "Russia" in talks[0].actors


def test_population_and_ages_never_become_figures() -> None:
    text = (
        "A drone attack on Sumy wounded a 72-year-old man, the regional administration said.\n\n"
        "Before the war, Sumy had a population of about 260,000 people.\n"
    )
    result = extract_text(text)
    values = {f.value for e in result.events for f in e.figures}
    assert 72 not in values and 260000 not in values
    assert {(f.kind, f.value) for e in result.events for f in e.figures} == {("injured", 1)}


def test_two_capture_clauses_make_two_claims_and_a_list_one_claim_per_village() -> None:
    text = (
        "Moscow, Russia (TASS) Oct 28, 2025 - Russian troops liberated the community of Rodinskoye in the Donetsk "
        "region, while other units took control of the villages of Ivanopillia and Stupochky, the defence ministry said.\n"
    )
    claims = by_type(extract_text(text), "ground_claim")
    names = [e.location.name for e in claims if e.location]
    assert names[0] == "Rodynske"  # the Russian-style spelling resolves to the official name
    assert len(claims) == 3
    assert all(e.status == "claimed" for e in claims)


def test_regional_breakdown_does_not_double_the_national_total() -> None:
    text = (
        "Moscow, Russia (AFP) Sep 12, 2025 - Air defence systems destroyed 221 Ukrainian drones overnight, "
        "including 66 over the Bryansk region, Russia's defence ministry said.\n"
    )
    air = by_type(extract_text(text), "air_attack")
    national = [e for e in air if e.location and e.location.precision == "country"]
    regional = [e for e in air if e.location and e.location.precision == "admin1"]
    assert [figures(e) for e in national] == [{"drones_destroyed": 221}]
    assert national[0].location.country == "RU"
    assert [(e.location.name, figures(e)) for e in regional] == [("Bryansk Oblast", {"drones_destroyed": 66})]


def test_comment_after_an_event_is_not_an_event_of_its_own() -> None:
    text = (
        "Russian missiles struck an apartment block in Ternopil overnight, killing 10 people, Interior Minister "
        "Ihor Klymenko said. Klymenko said rescuers were still searching the rubble.\n"
    )
    result = extract_text(text)
    assert [e.type for e in result.events] == ["strike"]


def test_rising_toll_phrasings() -> None:
    text = (
        "The death toll from Wednesday's strike on Ternopil has risen to 26, the emergency service said. "
        "The number of injured rose to 93.\n"
    )
    strike = by_type(extract_text(text), "strike")[0]
    assert figures(strike) == {"killed": 26, "injured": 93}


def test_placeless_hit_sentence_adds_to_the_strike_the_story_is_about() -> None:
    text = (
        "A Russian missile strike on Dnipro on Tuesday killed four people, governor Serhiy Lysak said.\n\n"
        "The strike hit a passenger train and damaged several buildings, Lysak said on Telegram.\n"
    )
    result = extract_text(text)
    assert [e.type for e in result.events] == ["strike"]
    assert figures(result.events[0]) == {"killed": 4}


def test_each_toll_of_a_roundup_sentence_goes_to_its_own_place() -> None:
    text = "Russian attacks killed five people in the Donetsk region and two in the Kherson region, officials said.\n"
    strikes = by_type(extract_text(text), "strike")
    assert [(e.location.name, figures(e)) for e in strikes if e.location] == [
        ("Donetsk Oblast", {"killed": 5}),
        ("Kherson Oblast", {"killed": 2}),
    ]


def test_elsewhere_is_not_the_place_the_story_was_about() -> None:
    text = (
        "In Kharkiv, a drone injured 17 people, the mayor said.\n\n"
        "Elsewhere, two people were killed by shelling, officials said.\n"
    )
    strikes = by_type(extract_text(text), "strike")
    assert len(strikes) == 2
    assert strikes[1].location is None or strikes[1].location.name != "Kharkiv"
    assert figures(strikes[1]) == {"killed": 2}


def test_barrage_sentence_that_names_a_hit_city_gives_that_city_to_the_next_toll() -> None:
    text = (
        "Russia fired 810 drones and 13 missiles at Ukraine overnight, setting a government building in Kyiv on "
        "fire, officials said.\n\nAt least four people were killed in the capital, officials said.\n"
    )
    result = extract_text(text)
    assert [e.type for e in result.events] == ["air_attack", "strike"]
    strike = result.events[1]
    assert strike.location is not None and strike.location.name == "Kyiv"
    assert figures(strike) == {"killed": 4}


def test_a_bare_count_takes_the_weapon_of_the_previous_sentence() -> None:
    text = (
        "Russia launched 120 Shahed drones at Ukraine overnight, the air force said. Of these, 98 were shot down "
        "or suppressed.\n\nUkrainian forces repelled 45 attacks near Pokrovsk, the General Staff said.\n"
    )
    air = by_type(extract_text(text), "air_attack")
    assert [figures(e) for e in air] == [{"drones_launched": 120, "drones_destroyed": 98}]


def test_the_town_a_headline_names_places_a_body_that_only_says_the_city() -> None:
    text = (
        "Russian drone attack kills three in Odesa\n\n"
        "A Russian drone attack on the southern port city killed three people overnight, the governor said.\n"
    )
    strike = by_type(extract_text(text), "strike")[0]
    assert strike.location is not None and strike.location.name == "Odesa"
    assert figures(strike) == {"killed": 3}


def test_occupied_city_hit_by_ukrainian_drones_names_ukraine_as_attacker() -> None:
    text = "Ukrainian drones struck the Russian-occupied city of Donetsk on Tuesday, killing two civilians, Denis Pushilin said.\n"
    strike = by_type(extract_text(text), "strike")[0]
    assert strike.location is not None and strike.location.name == "Donetsk"
    assert strike.actors == ["Ukraine"]


def test_shelling_of_a_town_places_the_toll_there_not_on_its_river() -> None:
    text = "Russian shelling of Nikopol on the Dnipro river wounded a 67-year-old man, governor Serhiy Lysak said.\n"
    strike = by_type(extract_text(text), "strike")[0]
    assert strike.location is not None and strike.location.name == "Nikopol"
    assert figures(strike) == {"injured": 1}


def test_a_single_named_victim_role_counts_as_one() -> None:
    text = "In Russia's Kursk region, the governor said a Ukrainian drone hit a car, killing its driver.\n"
    strike = by_type(extract_text(text), "strike")[0]
    assert figures(strike) == {"killed": 1}
    assert strike.location is not None and strike.location.name == "Kursk Oblast"


def test_a_visit_to_the_front_is_other_and_a_visit_to_the_capital_is_diplomacy() -> None:
    front = extract_text("President Zelensky visited troops near Pokrovsk on Monday, his office said.\n")
    capital = extract_text("German Chancellor Friedrich Merz visited Kyiv on Monday for talks with Zelensky.\n")
    assert [e.type for e in front.events if e.type != "statement"] == ["other"]
    assert [e.type for e in capital.events] == ["diplomacy"]
    assert capital.events[0].location is not None and capital.events[0].location.name == "Kyiv"
