"""Which events a sentence yields, one class of reporting per test, on sentences we wrote ourselves."""

from __future__ import annotations

from kronika.models import DocumentResult, Event
from kronika.pipeline import extract_text


def events(text: str, kind: str | None = None) -> list[Event]:
    result: DocumentResult = extract_text(text)
    return [e for e in result.events if kind is None or e.type == kind]


def places(evs: list[Event]) -> list[str]:
    return [e.location.name for e in evs if e.location is not None]


# -- strikes with no toll ---------------------------------------------------------------------------------------
def test_a_named_site_hit_without_a_toll_is_a_strike_at_the_town_the_site_is_named_for() -> None:
    strikes = events("A drone attacked the Tuapse oil refinery overnight, says the Krasnodar governor.\n", "strike")
    assert places(strikes) == ["Tuapse"]


def test_where_the_drones_were_launched_from_is_not_a_target() -> None:
    text = "The enemy attacked with 40 drones launched from the Kursk region and from Crimea, the air force said.\n"
    assert events(text, "strike") == []


def test_one_strike_per_place_a_strike_verb_governs() -> None:
    text = "On Friday, missiles struck the outskirts of Kharkiv as well as the central city of Poltava.\n"
    assert sorted(places(events(text, "strike"))) == ["Kharkiv", "Poltava"]


def test_a_fronted_place_belongs_to_the_strike_of_its_clause() -> None:
    text = "In Chuhuiv, a drone strike on a warehouse started a fire that burned through the night.\n"
    assert places(events(text, "strike")) == ["Chuhuiv"]


def test_a_landmark_place_is_not_a_second_target() -> None:
    text = "One drone destroyed a railway depot in Fastiv, near Kyiv, the regional governor said.\n"
    assert places(events(text, "strike")) == ["Fastiv"]


def test_an_air_raid_alert_is_not_a_strike() -> None:
    text = "Air raid alerts sounded across the Kyiv, Sumy and Poltava regions for three hours overnight.\n"
    assert events(text, "strike") == []


def test_repelled_attacks_on_the_front_line_are_not_strikes() -> None:
    text = "Ukrainian forces repelled 20 Russian attacks near Pokrovsk over the past day, the general staff said.\n"
    assert events(text, "strike") == []


def test_a_participle_describing_a_noun_gives_no_target() -> None:
    text = "An explosion damaged a bridge linking the Crimean peninsula to Russia, officials said on Saturday.\n"
    assert places(events(text, "strike")) == []


# -- front-line claims ------------------------------------------------------------------------------------------
def test_a_place_inside_the_trigger_is_the_claimed_place() -> None:
    text = 'Control over the town of Kupiansk has been "lost", said the head of the regional administration.\n'
    assert places(events(text, "ground_claim")) == ["Kupiansk"]


def test_a_failed_or_hoped_for_capture_is_background() -> None:
    text = (
        "After the invasion failed to seize Kyiv, Moscow turned to the east, which Putin hopes to capture "
        "in full.\n"
    )
    assert events(text, "ground_claim") == []


def test_a_push_back_at_the_start_of_the_invasion_is_background() -> None:
    text = "Russian troops were pushed back from Chernihiv at the start of the invasion, and have not returned.\n"
    assert events(text, "ground_claim") == []


def test_pulling_out_of_villages_is_a_claim_for_each_and_leaving_a_deal_is_none() -> None:
    text = (
        "A military blog said Ukrainian forces had pulled out of Robotyne and the village of Verbove.\n\n"
        "Russia withdrew from the grain deal in July.\n"
    )
    assert places(events(text, "ground_claim")) == ["Robotyne", "Verbove"]


def test_the_region_of_a_claimed_town_is_not_a_claim_of_its_own() -> None:
    text = "Russia said on Tuesday its forces had seized Avdiivka in the Donetsk region after months of fighting.\n"
    assert places(events(text, "ground_claim")) == ["Avdiivka"]


def test_a_denial_of_a_claim_the_story_reports_is_a_statement_beside_it() -> None:
    text = (
        "Russia's defence ministry said on Monday its troops had captured Vovchansk.\n\n"
        "Ukraine's army refuted claims of the capture of Vovchansk, saying fighting in the town went on.\n"
    )
    claims = events(text, "ground_claim")
    assert places(claims) == ["Vovchansk"] and claims[0].status == "claimed"
    denials = [e for e in events(text, "statement") if e.status == "denied"]
    assert places(denials) == ["Vovchansk"]
