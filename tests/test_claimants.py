"""Who says so: each reporting structure on a sentence we wrote, parsed by the real model."""

from __future__ import annotations

import pytest

from kronika.extraction.actors import NameBook
from kronika.extraction.claimants import find_claimant, stance
from kronika.extraction.sides import target_country


def claimant(nlp, text: str) -> str | None:  # noqa: ANN001 - the spaCy fixture
    doc = nlp(text)
    sent = list(doc.sents)[-1]
    return find_claimant(sent, NameBook(doc))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Two people were wounded in Sumy, regional governor Oleh Hryhorov said on Telegram.",
            "regional governor Oleh Hryhorov",
        ),
        (
            "Russia fired 40 drones overnight, Ukraine's air force said, adding that 35 were shot down.",
            "Ukraine's air force",
        ),
        ("According to the State Emergency Service, 14 people were rescued.", "State Emergency Service"),
        ("Nine people were injured, TASS reported, citing local authorities.", "TASS (citing local authorities)"),
        ("The defence ministry claimed its troops had taken the village.", "defence ministry"),
    ],
)
def test_reporting_structures(nlp, text: str, expected: str) -> None:  # noqa: ANN001
    assert claimant(nlp, text) == expected


def test_pronoun_speaker_is_the_person_named_before(nlp) -> None:  # noqa: ANN001
    text = 'Mayor Ihor Terekhov described the damage. "Three buildings were hit," he said.'
    assert claimant(nlp, text) == "Ihor Terekhov"


def test_no_reporting_structure_means_no_claimant(nlp) -> None:  # noqa: ANN001
    assert claimant(nlp, "A missile hit an apartment block in Odesa overnight.") is None


def test_stance(nlp) -> None:  # noqa: ANN001
    assert stance(nlp("Ukraine's General Staff denied that the town had fallen.")[:]) == "denied"
    assert stance(nlp("Moscow claimed its forces had captured the town.")[:]) == "claimed"
    assert stance(nlp("Rescuers pulled two people from the rubble.")[:]) == "reported"


@pytest.mark.parametrize(
    ("text", "side"),
    [
        ("Russia pummelled Ukrainian cities with missiles overnight.", "UA"),
        ("A Ukrainian drone attack on the Belgorod region injured two people.", "RU"),
        ("Air defences shot down 20 drones launched by Ukraine.", "RU"),
        ("A fire broke out at the market.", None),
    ],
)
def test_side_under_attack(text: str, side: str | None) -> None:
    assert target_country(text) == side


def test_auxiliaries_are_not_part_of_the_claimant(nlp) -> None:  # noqa: ANN001
    assert claimant(nlp, '"We need 25 more systems," Zelensky has said repeatedly.') == "Zelensky"
    assert claimant(nlp, "Two people died, the governor also said.") == "governor"
