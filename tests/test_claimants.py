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
        ("Besides Poltava, Sumy and Kyiv were attacked before dawn.", None),  # passive: Kyiv is a target
        ("Kyiv has been hit by drones again, but Russia launched fewer of them.", "UA"),
    ],
)
def test_side_under_attack(text: str, side: str | None) -> None:
    assert target_country(text) == side


def test_auxiliaries_are_not_part_of_the_claimant(nlp) -> None:  # noqa: ANN001
    assert claimant(nlp, '"We need 25 more systems," Zelensky has said repeatedly.') == "Zelensky"
    assert claimant(nlp, "Two people died, the governor also said.") == "governor"


# ------------------------------------------------------------------------------- no body, no person: no claimant


@pytest.mark.parametrize(
    "text",
    [
        "Some drones reached their targets, though none were reported in the capital.",
        "The strikes damaged a school, though no casualties were reported.",
        "Strikes were also reported in Zhytomyr, injuring three people.",
        "According to preliminary information, two people were wounded.",
    ],
)
def test_no_body_or_person_means_no_claimant(nlp, text: str) -> None:  # noqa: ANN001
    assert claimant(nlp, text) is None


def test_conjunction_before_the_source_is_dropped(nlp) -> None:  # noqa: ANN001
    assert claimant(nlp, "Kyiv said its forces held the line, while Russia said its troops had advanced.") in (
        "Kyiv",
        "Russia",
    )
    assert claimant(nlp, "The toll is not known, though Ukraine has said hundreds of homes were damaged.") == "Ukraine"


def test_passive_reporting_verb_takes_its_agent(nlp) -> None:  # noqa: ANN001
    text = "Drones hit Poltava overnight, as reported by Volodymyr Kohut, acting head of the regional administration."
    assert claimant(nlp, text).startswith("Volodymyr Kohut")


def test_it_said_is_the_body_that_reported_before(nlp) -> None:  # noqa: ANN001
    text = (
        "Ukraine's air force said Russia launched 52 drones overnight. "
        '"Forty were shot down over the Sumy, Poltava and Kharkiv regions," it said.'
    )
    assert claimant(nlp, text) == "Ukraine's air force"


def test_a_village_is_no_speaker(nlp) -> None:  # noqa: ANN001
    text = "Novoselivka fell to Russian troops on Monday. She added that two more villages had been lost."
    assert claimant(nlp, text) is None


# ------------------------------------------------------------------------------- canonical claimants (registry)

from kronika.claimants import ClaimantContext, canonical_claimant, registry  # noqa: E402

UA = ClaimantContext(country="UA")
RU = ClaimantContext(country="RU")
KHARKIV = ClaimantContext(country="UA", region="Kharkiv Oblast", city="Kharkiv", day="2025-06-01")
BELGOROD = ClaimantContext(country="RU", region="Belgorod Oblast", city="Belgorod", day="2025-06-01")

# (phrase as news writes it, context, canonical id, person named); every row written for these tests
VARIANTS = [
    # Ukraine's Air Force
    ("Ukraine's air force", None, "ua.air_force", None),
    ("Ukraine’s Air Force", None, "ua.air_force", None),
    ("the Ukrainian Air Force", None, "ua.air_force", None),
    ("the air force said", UA, "ua.air_force", None),
    ("the country's air force", UA, "ua.air_force", None),
    ("Air Force of the Armed Forces of Ukraine", None, "ua.air_force", None),
    ("Ukrainian air defence forces", None, "ua.air_force", None),
    ("Ukraine's air defenses", None, "ua.air_force", None),
    ("the air force's press service", UA, "ua.air_force", None),
    ("the air force in a statement on Telegram", UA, "ua.air_force", None),
    ("air force spokesman Yuriy Ihnat", None, "ua.air_force", "Yurii Ihnat"),
    ("Yuri Ignat, spokesman for the air force", None, "ua.air_force", "Yurii Ihnat"),
    ("Ukrainian Air Force commander Mykola Oleshchuk", None, "ua.air_force", "Mykola Oleshchuk"),
    ("Ukraine's air force's southern command", None, "ua.air_command.south", None),
    ("Air Command West", None, "ua.air_command.west", None),
    ("the air force's eastern command", None, "ua.air_command.east", None),
    # General Staff, commander-in-chief, armed forces, navy, southern forces
    ("Ukraine's General Staff", None, "ua.general_staff", None),
    ("the General Staff of Ukraine's Armed Forces", None, "ua.general_staff", None),
    ("the Ukrainian military's general staff", None, "ua.general_staff", None),
    ("Ukraine's army chief Oleksandr Syrskyi", None, "ua.commander_in_chief", "Oleksandr Syrskyi"),
    ("Commander-in-Chief Oleksandr Syrskii", ClaimantContext(day="2025-01-10"), "ua.commander_in_chief",
     "Oleksandr Syrskyi"),
    ("the Ukrainian military", None, "ua.armed_forces", None),
    ("Ukraine's armed forces", None, "ua.armed_forces", None),
    ("Ukrainian forces", None, "ua.armed_forces", None),
    ("the Ukrainian navy", None, "ua.navy", None),
    ("navy spokesman Dmytro Pletenchuk", None, "ua.navy", "Dmytro Pletenchuk"),
    ("Ukraine's Southern Defence Forces", None, "ua.southern_defence_forces", None),
    # Ukrainian ministries, services, officials
    ("Ukraine's defence ministry", None, "ua.defence_ministry", None),
    ("the State Emergency Service", None, "ua.emergency_service", None),
    ("Ukraine's emergency services", None, "ua.emergency_service", None),
    ("the State Emergencies Service of Ukraine", None, "ua.emergency_service", None),
    ("Interior Minister Ihor Klymenko", ClaimantContext(day="2024-07-08"), "ua.interior_ministry", "Ihor Klymenko"),
    ("President Volodymyr Zelenskyy", None, "ua.president", "Volodymyr Zelensky"),
    ("Mr Zelenskiy", None, "ua.president", "Volodymyr Zelensky"),
    ("the Ukrainian leader", None, "ua.president", None),
    ("Ukrainian officials", None, "ua.authorities", None),
    ("Kyiv", None, "ua.authorities", None),
    ("officials", UA, "ua.authorities", None),
    ("the national grid operator Ukrenergo", None, "ua.ukrenergo", None),
    # Ukrainian regions and cities
    ("Oleh Syniehubov, the Kharkiv governor", None, "ua.region:kharkiv-oblast", "Oleh Syniehubov"),
    ("Kharkiv regional governor Oleg Synegubov", None, "ua.region:kharkiv-oblast", "Oleh Syniehubov"),
    ("Syniehubov", None, "ua.region:kharkiv-oblast", "Oleh Syniehubov"),
    ("the regional governor", KHARKIV, "ua.region:kharkiv-oblast", None),
    ("the head of the regional military administration", KHARKIV, "ua.region:kharkiv-oblast", None),
    ("the governor of the southern Mykolaiv region", None, "ua.region:mykolaiv-oblast", None),
    ("Mykolaiv Governor Vitaliy Kim", None, "ua.region:mykolaiv-oblast", "Vitalii Kim"),
    ("Odesa regional military administration head Oleh Kiper", None, "ua.region:odesa-oblast", "Oleh Kiper"),
    ("the Dnipropetrovsk regional administration", None, "ua.region:dnipropetrovsk-oblast", None),
    ("Zaporizhzhia Governor Ivan Fedorov", None, "ua.region:zaporizhzhia-oblast", "Ivan Fedorov"),
    ("Serhiy Lysak", ClaimantContext(day="2024-03-01"), "ua.region:dnipropetrovsk-oblast", "Serhiy Lysak"),
    ("Serhiy Lysak", ClaimantContext(day="2025-12-01"), "ua.city:odesa", "Serhiy Lysak"),
    ("Kyiv Mayor Vitali Klitschko", None, "ua.city:kyiv", "Vitali Klitschko"),
    ("Klitschko", None, "ua.city:kyiv", "Vitali Klitschko"),
    ("the mayor of Kharkiv, Ihor Terekhov", None, "ua.city:kharkiv", "Ihor Terekhov"),
    ("the mayor", KHARKIV, "ua.city:kharkiv", None),
    ("the city's military administration", KHARKIV, "ua.city:kharkiv", None),
    ("Dnipro Mayor Borys Filatov", None, "ua.city:dnipro", "Borys Filatov"),
    ("the head of the Kryvyi Rih city military administration", None, "ua.city:kryvyi-rih", None),
    ("Kryvyi Rih's Oleksandr Vilkul", None, "ua.city:kryvyi-rih", "Oleksandr Vilkul"),
    # Russia
    ("Russia's defence ministry", None, "ru.defence_ministry", None),
    ("the Russian MoD", None, "ru.defence_ministry", None),
    ("Russian Defense Ministry", None, "ru.defence_ministry", None),
    ("the Ministry of Defence of the Russian Federation", None, "ru.defence_ministry", None),
    ("Moscow's defence ministry", None, "ru.defence_ministry", None),
    ("the defence ministry", RU, "ru.defence_ministry", None),
    ("Russian Defence Ministry spokesman Igor Konashenkov", None, "ru.defence_ministry", "Igor Konashenkov"),
    ("the Russian military", None, "ru.armed_forces", None),
    ("the Kremlin", None, "ru.kremlin", None),
    ("Kremlin spokesman Dmitry Peskov", None, "ru.kremlin", "Dmitry Peskov"),
    ("Peskov", None, "ru.kremlin", "Dmitry Peskov"),
    ("Moscow", None, "ru.authorities", None),
    ("Belgorod Governor Vyacheslav Gladkov", None, "ru.region:belgorod-oblast", "Vyacheslav Gladkov"),
    ("the governor of Russia's Kursk region", None, "ru.region:kursk-oblast", None),
    ("the regional governor", BELGOROD, "ru.region:belgorod-oblast", None),
    ("Voronezh region governor Alexander Gusev", None, "ru.region:voronezh-oblast", "Alexander Gusev"),
    ("Moscow Mayor Sergei Sobyanin", None, "ru.city:moscow", "Sergei Sobyanin"),
    ("the Russian-installed governor of the Zaporizhzhia region", None, "ru.installed:zaporizhzhia-oblast", None),
    ("Yevgeny Balitsky", None, "ru.installed:zaporizhzhia-oblast", "Yevgeny Balitsky"),
    ("Russia's Federal Security Service", None, "ru.fsb", None),
    ("the FSB", None, "ru.fsb", None),
    # outlets, citing, international, neighbours
    ("TASS", None, "outlet.tass", None),
    ("the state news agency RIA Novosti", None, "outlet.ria", None),
    ("the IAEA", None, "int.iaea", None),
    ("UN nuclear watchdog chief Rafael Grossi", None, "int.iaea", "Rafael Grossi"),
    ("Poland's Operational Command", None, "pl.operational_command", None),
    ("Romania's defence ministry", None, "ro.defence_ministry", None),
    ("Britain's Ministry of Defence", None, "gb.defence_ministry", None),
    ("the Institute for the Study of War", None, "int.isw", None),
]


@pytest.mark.parametrize(("phrase", "context", "expected", "person"), VARIANTS)
def test_canonical_claimant(phrase: str, context: ClaimantContext | None, expected: str, person: str | None) -> None:
    found = canonical_claimant(phrase, context)
    assert found is not None, phrase
    assert (found.id, found.person) == (expected, person)
    assert found.phrase == phrase  # the text's own phrase is kept beside the canonical name


def test_there_are_at_least_60_variants() -> None:
    assert len(VARIANTS) >= 60


@pytest.mark.parametrize(
    "phrase",
    [
        "though none were",
        "though no casualties were",
        "Russian drones",
        "preliminary information",
        "the summit's final communique",
        "Putin has not done what he",
        "over 250 people and entities",
        "Bakhmut",
        "Novoselivka",
        "which",
        "it",
        "adding that pictures released by the group",
        "",
    ],
)
def test_phrases_that_name_no_body_or_person(phrase: str) -> None:
    assert canonical_claimant(phrase) is None


def test_citing_gives_the_cited_body_and_the_outlet_that_relays_it() -> None:
    found = canonical_claimant("TASS (citing the Russian Defence Ministry)")
    assert (found.id, found.via) == ("ru.defence_ministry", "TASS")


def test_a_bare_role_without_context_stays_unknown_rather_than_guessed() -> None:
    for phrase in ("the air force", "the regional governor", "the mayor"):
        found = canonical_claimant(phrase)
        assert found is not None and not found.known and found.id.startswith("other:"), phrase


def test_unknown_bodies_and_people_keep_their_own_words() -> None:
    person = canonical_claimant("military analyst Oleksandr Kovalenko")
    assert (person.kind, person.name, person.known) == ("person", "Oleksandr Kovalenko", False)
    body = canonical_claimant("the Kharkiv Human Rights Protection Group")
    assert body is not None and not body.known


def test_states_named_together_are_one_group_not_one_of_them() -> None:
    found = canonical_claimant("both Moscow and Kyiv")
    assert found.kind == "other" and not found.known


def test_registry_bodies_are_well_formed() -> None:
    reg = registry()
    for body in reg.bodies.values():
        assert body.names or body.own_names, body.id
        assert body.id.split(".")[0] in {"ua", "ru", "by", "pl", "ro", "md", "gb", "us", "int", "outlet"}, body.id
    for person in reg.persons:
        assert person.posts, person.name
        for post in person.posts:
            if post.body.region:  # regional and city posts point at places the gazetteer knows
                from kronika.claimants.places import country_of_region

                assert country_of_region(post.body.region), (person.name, post.body.region)
