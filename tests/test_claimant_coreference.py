"""A later mention of a claimant is the claimant the story named before ("According to the ministry" after "the
Russian Defence Ministry said"), never a guess between two; and every figure keeps the claimant of the sentence
that states it, through in-article merging (principle 2). Sentences and short articles we wrote."""

from __future__ import annotations

import pytest

from kronika.claimants import canonical_claimant, is_bare, refers_to
from kronika.extraction.claimants import StoryClaimants
from kronika.models import DocumentResult, Event
from kronika.pipeline import extract_text


@pytest.mark.parametrize(
    ("phrase", "bare"),
    [
        ("the ministry", True),
        ("the Air Force", True),
        ("the governor", True),
        ("the regional military administration", True),
        ("the ministry's spokesman", True),
        ("officials", True),
        ("Russia's defence ministry", False),  # a side word: a body of its own
        ("Kharkiv Governor Oleh Syniehubov", False),
        ("DeepState", False),  # a name a body owns
        ("Ukrainian officials", False),
    ],
)
def test_a_bare_mention_names_a_role_and_nothing_of_its_own(phrase: str, bare: bool) -> None:
    assert is_bare(canonical_claimant(phrase)) is bare


EARLIER = {
    "mod": "the Russian Defence Ministry",
    "mfa": "Ukraine's foreign ministry",
    "gov": "Oleh Syniehubov, head of the Kharkiv regional military administration",
    "mayor": "Ihor Terekhov, the mayor of Kharkiv",
    "af": "Ukraine's air force",
}


@pytest.mark.parametrize(
    ("bare", "fits"),
    [
        ("the ministry", {"mod", "mfa"}),  # two ministries: the caller must not choose
        ("the defence ministry", {"mod"}),
        ("the foreign ministry", {"mfa"}),
        ("the governor", {"gov"}),  # the region's head, by the registry's own completion
        ("the mayor", {"mayor"}),
        ("the air force", {"af"}),
        ("the military", set()),  # "military" of "regional military administration" is no head noun
        ("the regional military administration", set()),  # the body, not what the person said
        ("the city council", set()),
    ],
)
def test_which_earlier_claimants_a_bare_mention_can_be(bare: str, fits: set[str]) -> None:
    found = {key for key, phrase in EARLIER.items() if refers_to(bare, canonical_claimant(phrase))}
    assert found == fits


def test_story_claimants_resolve_one_fit_and_keep_the_bare_phrase_when_two_compete() -> None:
    story = StoryClaimants()
    assert story.resolve("the Russian Defence Ministry") == "the Russian Defence Ministry"
    assert story.resolve("the ministry") == "the Russian Defence Ministry"
    assert story.resolve("Ukraine's foreign ministry") == "Ukraine's foreign ministry"
    assert story.resolve("the ministry") == "the ministry"  # two ministries named: no guess
    assert story.resolve("the defence ministry") == "the Russian Defence Ministry"


def test_he_is_the_one_person_the_story_quoted_and_nobody_when_two_were() -> None:
    story = StoryClaimants()
    story.resolve("Kharkiv Governor Oleh Syniehubov")
    assert story.person(None) == "Kharkiv Governor Oleh Syniehubov"
    assert story.person("Syniehubov") == "Kharkiv Governor Oleh Syniehubov"  # the fuller phrase
    story.resolve("Ihor Terekhov, the mayor of Kharkiv")
    assert story.person(None) is None
    assert story.person("Terekhov") == "Ihor Terekhov, the mayor of Kharkiv"


def test_he_takes_the_fuller_phrase_the_story_named_the_same_person_by() -> None:
    story = StoryClaimants()
    story.resolve("regional governor Serhii Lysak")
    assert story.person("Serhii Lysak") == "regional governor Serhii Lysak"  # another id, the same person
    assert story.person("Lysak") == "regional governor Serhii Lysak"
    assert story.person("Ivan Petrenko") == "Ivan Petrenko"  # somebody the story did not quote before


def by_type(result: DocumentResult, kind: str) -> list[Event]:
    return [e for e in result.events if e.type == kind]


def claimants(event: Event) -> set[str | None]:
    return {f.claimed_by for f in event.figures}


def test_according_to_the_ministry_is_the_ministry_the_story_named() -> None:
    text = (
        "MOSCOW, March 4 (Reuters) - The Russian Defence Ministry said on Tuesday its air defences had destroyed 88 "
        "Ukrainian drones overnight.\n\n"
        "According to the ministry, 41 drones were downed over the Kursk region.\n"
    )
    air = by_type(extract_text(text), "air_attack")
    assert air and all(claimants(e) == {"Russian Defence Ministry"} for e in air)
    assert {e.claimed_by for e in air} == {"Russian Defence Ministry"}


def test_a_bare_ministry_after_two_named_ministries_stays_as_written() -> None:
    text = (
        "MOSCOW, March 4 (Reuters) - Ukraine's foreign ministry said on Tuesday the attack was a war crime. The "
        "Russian Defence Ministry said its forces had hit military targets.\n\n"
        "According to the ministry, 41 drones were downed over the Kursk region.\n"
    )
    air = by_type(extract_text(text), "air_attack")
    assert [claimants(e) for e in air] == [{"ministry"}]


def test_the_governor_and_he_are_the_governor_the_story_named() -> None:
    text = (
        "KHARKIV, Ukraine (AP) - Kharkiv Governor Oleh Syniehubov said a guided bomb struck "
        "Kupiansk on Thursday, wounding three people.\n\n"
        "A drone later hit a bus stop in Izium, killing two people, the governor said.\n\n"
        "Another woman was injured in Balakliia, he said.\n"
    )
    strikes = by_type(extract_text(text), "strike")
    assert len(strikes) == 3
    assert all(claimants(e) == {"Kharkiv Governor Oleh Syniehubov"} for e in strikes)


def test_a_toll_keeps_its_own_claimant_when_it_joins_the_attack_the_lead_mentioned() -> None:
    text = (
        "KYIV, June 3 (Reuters) - Russia attacked Ukraine with 80 drones overnight, the air force said on "
        "Tuesday, adding that 60 of them were shot down.\n\n"
        "Russian forces also struck the Nikopol district, injuring four people, including a 12-year-old boy, "
        "regional governor Serhii Lysak said.\n"
    )
    result = extract_text(text)
    strike = next(e for e in by_type(result, "strike") if e.figures)
    assert claimants(strike) == {"regional governor Serhii Lysak"}
    assert strike.claimed_by == "regional governor Serhii Lysak"
    air = by_type(result, "air_attack")
    assert [claimants(e) for e in air] == [{"air force"}]
