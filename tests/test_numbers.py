"""Number reading: values, qualifiers, and which numbers cannot be counts (kronika.extraction.numbers).

Sentences here are our own unless a test says it reads the seeds.
"""

from __future__ import annotations

import json

import pytest

from kronika.extraction.numbers import NumberMention, find_numbers, parse_number


def _at(text: str, number: str, occurrence: int = 0) -> NumberMention | None:
    """The mention whose number is the `occurrence`-th appearance of `number` in `text`, or None."""
    pos = -1
    for _ in range(occurrence + 1):
        pos = text.index(number, pos + 1)
    for mention in find_numbers(text):
        if mention.num_start == pos:
            return mention
    return None


def _kept(text: str) -> list[tuple[int, str]]:
    return [(m.value, m.qualifier) for m in find_numbers(text) if m.rejected is None]


# --- values ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "number", "value"),
    [
        ("Seven people were killed overnight.", "Seven", 7),
        ("The blast wounded twenty-three civilians.", "twenty-three", 23),
        ("Officials counted twenty three bodies.", "twenty three", 23),
        ("One hundred and five people were evacuated.", "One hundred and five", 105),
        ("Russia sent two hundred drones.", "two hundred", 200),
        ("About two thousand five hundred troops crossed.", "two thousand five hundred", 2500),
        ("Eleven firefighters were hurt.", "Eleven", 11),
        ("Forty fires broke out across the city.", "Forty", 40),
        ("Ninety-nine shells landed in the village.", "Ninety-nine", 99),
        ("It was the 1,371 people in the shelter.", "1,371", 1371),
        ("Power was cut to 40,000 homes.", "40,000", 40000),
        ("Power was cut to 5 000 homes.", "5 000", 5000),
        ("Power was cut to 5\u00a0000 homes.", "5\u00a0000", 5000),
        ("Nearly 1.2 million people lost heating.", "1.2 million", 1200000),
        ("Some 2.5 thousand troops were moved.", "2.5 thousand", 2500),
        ("Outages hit 1.5m people in the region.", "1.5m", 1500000),
        ("A 10k-strong force was massed.", "10k", 10000),
        ("Rescuers found a dozen survivors.", "a dozen", 12),
        ("Rescuers found half a dozen survivors.", "half a dozen", 6),
        ("The strike injured four dozen people.", "four dozen", 48),
        ("The strike killed ten and injured four dozens more.", "four dozens", 48),
        ("A hundred drones were launched.", "A hundred", 100),
    ],
)
def test_values_of_digits_and_words(sentence: str, number: str, value: int) -> None:
    mention = _at(sentence, number)
    assert mention is not None
    assert mention.value == value
    assert sentence[mention.num_start : mention.num_end] == number


@pytest.mark.parametrize(
    "sentence",
    [
        "Dozens of people were hurt.",
        "Hundreds of drones and thousands of shells were fired.",
        "Tens of thousands fled the city.",
        "Several dozen homes were damaged.",
        "A few hundred metres from the station.",
        "A man and a woman were wounded.",
        "An attack hit a school.",
        "Someone said nobody was hurt; none of them were.",
        "The tone of the talks was often tense.",
        "",
    ],
)
def test_vague_amounts_and_articles_are_not_numbers(sentence: str) -> None:
    assert find_numbers(sentence) == []


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("four dozen", 48),
        ("four dozens", 48),
        ("a dozen", 12),
        ("half a dozen", 6),
        ("twenty-three", 23),
        ("Twenty-Three", 23),
        ("one hundred and five", 105),
        ("two hundred", 200),
        ("1,371", 1371),
        ("40,000", 40000),
        ("5 000", 5000),
        ("1.5 million", 1500000),
        ("2.5 thousand", 2500),
        ("$1bn"[1:], 1000000000),
        ("seven", 7),
        (" 48 ", 48),
    ],
)
def test_parse_number(words: str, value: int) -> None:
    assert parse_number(words) == value


@pytest.mark.parametrize(
    "words", ["dozens", "several", "hundreds", "a few", "abc", "10 people", "", "a", "first", "3rd", "7:00", "twice"]
)
def test_parse_number_refuses_what_is_not_one_number(words: str) -> None:
    assert parse_number(words) is None


# --- "one" -------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "qualifier"),
    [
        ("The drone attack killed at least one and wounded others.", "at_least"),
        ("One person was killed in the shelling.", "exact"),
        ("Only one civilian survived.", "exact"),
        ("The strike killed one and injured five.", "exact"),
        ("Two were hurt and one was killed.", "exact"),
        ("Air defences shot down one drone.", "exact"),
    ],
)
def test_one_as_a_count(sentence: str, qualifier: str) -> None:
    ones = [m for m in find_numbers(sentence) if m.value == 1]
    assert len(ones) == 1
    assert ones[0].rejected is None
    assert ones[0].qualifier == qualifier


@pytest.mark.parametrize(
    "sentence",
    [
        "It was one of the deadliest attacks on the capital.",
        '"We were screaming," said one Kyiv resident.',
        "No one was hurt in the blast.",
        "One day later the bridge was hit again.",
        "The one who called the police was a neighbour.",
        "Rescuers worked close to one of the craters.",
        "One said the sirens never stopped.",
        "They helped one another out of the rubble.",
    ],
)
def test_one_as_a_pronoun_or_phrase_is_not_a_count(sentence: str) -> None:
    assert [m for m in find_numbers(sentence) if m.value == 1 and m.rejected is None] == []


# --- qualifiers --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "qualifier"),
    [
        ("at least 10", "at_least"),
        ("At least 10", "at_least"),
        ("no fewer than 10", "at_least"),
        ("not less than 10", "at_least"),
        ("a minimum of 10", "at_least"),
        ("more than 10", "more_than"),
        ("over 10", "more_than"),
        ("well over 10", "more_than"),
        ("upwards of 10", "more_than"),
        ("in excess of 10", "more_than"),
        ("about 10", "about"),
        ("around 10", "about"),
        ("roughly 10", "about"),
        ("approximately 10", "about"),
        ("some 10", "about"),
        ("nearly 10", "about"),
        ("almost 10", "about"),
        ("close to 10", "about"),
        ("an estimated 10", "about"),
        ("up to 10", "up_to"),
        ("as many as 10", "up_to"),
        ("at most 10", "up_to"),
        ("no more than 10", "up_to"),
        ("fewer than 10", "up_to"),
        ("10", "exact"),
    ],
)
def test_qualifier_and_its_span(phrase: str, qualifier: str) -> None:
    sentence = f"Officials said {phrase} people were hurt."
    (mention,) = find_numbers(sentence)
    assert (mention.value, mention.qualifier) == (10, qualifier)
    assert mention.text == phrase
    assert sentence[mention.start : mention.end] == phrase
    assert sentence[mention.num_start : mention.num_end] == "10"


@pytest.mark.parametrize(
    ("sentence", "value", "qualifier", "text"),
    [
        ("The shelling left 1,000+ people homeless.", 1000, "more_than", "1,000+"),
        ("The shelling left 200-plus people homeless.", 200, "more_than", "200-plus"),
        ("Ten or more people were missing.", 10, "at_least", "Ten or more"),
        ("Some 30-odd homes burned.", 30, "about", "Some 30-odd"),
        ("More than a dozen drones were shot down.", 12, "more_than", "More than a dozen"),
        ("Between 10 and 15 people were hurt.", 10, "at_least", "Between 10 and 15"),
        ("The barrage used 20-30 drones.", 20, "at_least", "20-30"),
    ],
)
def test_qualifiers_after_the_number_and_ranges(sentence: str, value: int, qualifier: str, text: str) -> None:
    kept = [m for m in find_numbers(sentence) if m.rejected is None]
    assert [(m.value, m.qualifier, m.text) for m in kept] == [(value, qualifier, text)]


def test_qualifier_does_not_spread_to_the_next_number() -> None:
    assert _kept("At least 12 people were killed and 90 wounded.") == [(12, "at_least"), (90, "exact")]


# --- rejections --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "number", "reason"),
    [
        # ages
        ("A 46-year-old man was pulled from the rubble.", "46", "age"),
        ("A three-month-old baby was rescued.", "three", "age"),
        ("Men aged between 25 and 40 were called up.", "40", "age"),
        ('"We will respond," said Putin, 73, who spoke in Moscow.', "73", "age"),
        ("The drone wounded a 50-year-old woman.", "50", "age"),
        ("A woman aged 50 was taken to hospital.", "50", "age"),
        ("The victim, a man, 70, was a retired teacher.", "70", "age"),
        ("Olena Shevchenko, 34, was killed at home.", "34", "age"),
        ("The girl was 9 years old.", "9", "age"),
        ("A nine-year-old boy was among the injured.", "nine", "age"),
        ("A man in his 40s was hurt.", "40s", "age"),
        ("Children under the age of 5 were evacuated.", "5", "age"),
        # years
        ("The full-scale invasion began in February 2022.", "2022", "year"),
        ("Russia has occupied Crimea since 2014.", "2014", "year"),
        ("Kyiv retook the town on the first day of the 2022 offensive.", "2022", "year"),
        ("The 2025 budget was approved.", "2025", "year"),
        ("Moscow (AFP) Nov 20, 2025 - Russia said it had taken the town.", "2025", "year"),
        ("Tanks built in the 1980s are still in use.", "1980s", "year"),
        ("Fighting resumed in mid-2023.", "2023", "year"),
        # day counters
        ("It was the 1,371st day of the war.", "1,371st", "day_counter"),
        ("On day 1,000 of the invasion sirens sounded.", "1,000", "day_counter"),
        ("The talks failed on the first day of the summit.", "first", "day_counter"),
        # ordinals
        ("It was the second-largest barrage of the war.", "second", "ordinal"),
        ("The 3rd Assault Brigade said it held the line.", "3rd", "ordinal"),
        ("It was the first time the region was hit.", "first", "ordinal"),
        ("Troops marked the twenty-first anniversary.", "twenty-first", "ordinal"),
        # durations
        ("Russia fired 90 missiles within 24 hours.", "24", "duration"),
        ("The attack lasted three days.", "three", "duration"),
        ("Zelensky began a two-day visit.", "two", "duration"),
        ("Power was out for 48 hours.", "48", "duration"),
        ("The almost four-year-long war goes on.", "four", "duration"),
        ("Shelling resumed after 2 weeks of calm.", "2", "duration"),
        # times
        ("Explosions were heard at around 7:00 am.", "7:00", "time"),
        ("Explosions were heard at 0500 GMT.", "0500", "time"),
        ("Sirens sounded at 9 p.m. in Odesa.", "9", "time"),
        ("The curfew starts at 2300 local time.", "2300", "time"),
        # distances and areas
        ("The front is 40 km away.", "40", "distance"),
        ("Drones flew 10km into the region.", "10", "distance"),
        ("The blast left a 5m crater.", "5", "distance"),
        ("Russia gained roughly 165 square miles of territory.", "165", "area"),
        ("Troops took 300 sq km in a month.", "300", "area"),
        ("Fire spread over 12 hectares of forest.", "12", "area"),
        # money
        ("The EU pledged $1bn in aid.", "1", "money"),
        ("Kyiv received 50 million euros for repairs.", "50 million", "money"),
        ("Damage was put at €50m.", "50", "money"),
        ("A loan of US$3.5 billion was agreed.", "3.5 billion", "money"),
        ("The fee was USD 50 million.", "50 million", "money"),
        # percentages
        ("Interception rates fell by 30% last month.", "30", "percent"),
        ("Turnout fell 30 percent.", "30", "percent"),
        ("Prices rose 5 per cent.", "5", "percent"),
        # rates and rhetoric
        ("5000 soldiers a week are dying, he said.", "5000", "rate"),
        ("Russia loses 1,000 a day at the front.", "1,000", "rate"),
        ("Some 40 drones per night reach the city.", "40", "rate"),
        ("About 100 shells daily hit the town.", "100", "rate"),
        # multipliers
        ("Chlorine rose to six times the norm.", "six", "multiplier"),
        ("Levels were twice the limit.", "twice", "multiplier"),
        ("Attacks saw a threefold rise.", "threefold", "multiplier"),
        ("Prices rose 3 times over the year.", "3", "multiplier"),
        # populations
        ("Before the war Kupiansk had a population of around 55,000 people.", "55,000", "population"),
        ("It is a city of 200,000 people on the Dnipro.", "200,000", "population"),
        ("The region is home to 1 million people.", "1 million", "population"),
        ("The town had 30,000 inhabitants.", "30,000", "population"),
        ("Kupiansk, which had 27,000 residents before the war, was shelled.", "27,000", "population"),
        ("Hroza, population 330, lost its shop.", "330", "population"),
        ("Its population stood at 12,000 before 2022.", "12,000", "population"),
        # dates
        ("Russia struck Kyiv on November 14.", "14", "date"),
        ("The talks are set for Nov 20.", "20", "date"),
        ("The strike came on 14 November.", "14", "date"),
        ("Russia pounded Kyiv on Friday (Nov 14).", "14", "date"),
        ("Here is what happened on Wednesday, November 26th.", "26th", "date"),
        ("It happened on the 14th of November.", "14th", "date"),
        ("The deadline passed on 2025-11-14.", "2025-11-14", "date"),
        ("The deadline passed on 14/11/2025.", "14/11/2025", "date"),
        ("Between October 14 and November 11 Russia advanced.", "14", "date"),
        ("On May 9 Russia holds a parade.", "9", "date"),
        # designators, ranks, identifiers
        ("A North Korean KN-23 missile may have been used.", "23", "phone/id"),
        ("An Su-34 bomber dropped glide bombs.", "34", "phone/id"),
        ("Kyiv asked for more S-300 missiles.", "300", "phone/id"),
        ("Tu-95 bombers took off from Engels.", "95", "phone/id"),
        ("Pilots trained on F-16 jets.", "16", "phone/id"),
        ("Two F-16s arrived.", "16s", "phone/id"),
        ("Russia launched Shahed-136 drones.", "136", "phone/id"),
        ("Leaders met at the G7 summit.", "7", "phone/id"),
        ("Leaders of the Group of Seven met.", "Seven", "rank"),
        ("Kh-101 cruise missiles and BM-21 launchers were used.", "101", "phone/id"),
        ("Casualties were put at around 2014 levels.", "2014", "year"),
        ("No. 10 said the prime minister would call Kyiv.", "10", "rank"),
        ("NATO's Article 5 was not invoked.", "5", "rank"),
        ("Call +380 44 123 4567 for help.", "380", "phone/id"),
        # unit adjectives and measurements
        ("The blast left a five-storey crater.", "five", "quantity_unit"),
        ("A five-storey building collapsed.", "five", "quantity_unit"),
        ("Zelensky presented a 10-point plan.", "10", "quantity_unit"),
        ("Ukraine fired 155mm shells.", "155", "quantity_unit"),
        ("The ship carried 40 tonnes of grain.", "40", "quantity_unit"),
        ("Source: Kremlin.ru, CC BY 4.0.", "4.0", "quantity_unit"),
        ("A one-third share was sold.", "one", "quantity_unit"),
    ],
)
def test_rejections(sentence: str, number: str, reason: str) -> None:
    mention = _at(sentence, number)
    assert mention is not None, f"{number!r} not found"
    assert mention.rejected == reason


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Russian attacks on Kyiv killed 23 people.", [(23, "exact")]),
        ("The strike killed at least 10 people.", [(10, "at_least")]),
        ("It killed ten people and injured four dozens more.", [(10, "exact"), (48, "exact")]),
        ("Russia fired 476 drones and 48 missiles overnight.", [(476, "exact"), (48, "exact")]),
        ("Seven people were killed and 21 injured.", [(7, "exact"), (21, "exact")]),
        ("At least nine people were injured in Krasnodar.", [(9, "at_least")]),
        ("The attack left about 40,000 people without power.", [(40000, "about")]),
        ("The dead included four children.", [(4, "exact")]),
        ("The strike damaged 13 locations across the city.", [(13, "exact")]),
        ("Forty fires broke out after the barrage.", [(40, "exact")]),
        ("Drones hit two large refineries in Russia.", [(2, "exact")]),
        ("Ukraine lost three settlements this month.", [(3, "exact")]),
        ("Moscow fired 629 drones and missiles.", [(629, "exact")]),
        ("Ukraine said 2000 soldiers were captured.", [(2000, "exact")]),
        ("In 2023, 1,500 drones were made.", [(1500, "exact")]),
        ("In Kharkiv, 12 people were hurt.", [(12, "exact")]),
        ("It killed 10 people a day after the truce.", [(10, "exact")]),
        ("Officials said 5 may have died.", [(5, "exact")]),
        ("Russia launched 90 drones, 60 of which were shot down.", [(90, "exact"), (60, "exact")]),
        ("Missiles kill 10; Zelensky calls for sanctions.", [(10, "exact")]),
        ("The strike left 27,000 residents without water.", [(27000, "exact")]),
        ("Outages hit 2m people.", [(2000000, "exact")]),
        ("Casualties rose to more than 2000.", [(2000, "more_than")]),
        ("Two Ukrainian soldiers died and 3 S-300 missiles were lost.", [(2, "exact"), (3, "exact")]),
        ("In the Kharkiv region, 12, including two children, were hurt.", [(12, "exact"), (2, "exact")]),
    ],
)
def test_counts_are_kept(sentence: str, expected: list[tuple[int, str]]) -> None:
    assert _kept(sentence) == expected


def test_ranges_of_units_reject_both_ends() -> None:
    sentence = "Residents within a 10-15 km zone were evacuated; children aged 5 to 12 were moved."
    assert [(m.value, m.rejected) for m in find_numbers(sentence)] == [
        (10, "distance"),
        (15, "distance"),
        (5, "age"),
        (12, "age"),
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The two victims were aged 67 and 70.", [(2, None), (67, "age"), (70, "age")]),
        (
            "Strikes on November 14 and 15, 2025 killed 9 people.",
            [(14, "date"), (15, "date"), (2025, "year"), (9, None)],
        ),
        ("In 2022, 300 were killed.", [(2022, "year"), (300, None)]),
    ],
)
def test_a_number_listed_after_an_age_or_date_shares_its_reason(sentence: str, expected: list) -> None:
    assert [(m.value, m.rejected) for m in find_numbers(sentence)] == expected


# --- offsets -----------------------------------------------------------------------------------------------------


def test_mentions_are_in_order_with_exact_spans() -> None:
    text = (
        "Moscow (AFP) Nov 19, 2025 - Russia fired more than 476 drones, killing at least 10 people.\n"
        "A 46-year-old man and some 40,000 residents were left without power for 24 hours."
    )
    mentions = find_numbers(text)
    assert [m.num_start for m in mentions] == sorted(m.num_start for m in mentions)
    for m in mentions:
        assert text[m.start : m.end] == m.text
        assert m.start <= m.num_start < m.num_end <= m.end
    assert [(m.value, m.qualifier, m.rejected) for m in mentions] == [
        (19, "exact", "date"),
        (2025, "exact", "year"),
        (476, "more_than", None),
        (10, "at_least", None),
        (46, "exact", "age"),
        (40000, "about", None),
        (24, "exact", "duration"),
    ]


def test_offsets_survive_characters_that_change_length_when_lowered() -> None:
    text = "İstanbul talks: at least 12 people were killed."  # "İ".lower() is two characters long
    (mention,) = find_numbers(text)
    assert text[mention.num_start : mention.num_end] == "12"
    assert mention.text == "at least 12"


# --- the seeds ---------------------------------------------------------------------------------------------------

# Counts of things that are not figure kinds. The reference lists their values as `must_not` because no *figure*
# may carry them; the lead's brief asks this module to keep such counts ("13 locations", "three settlements",
# "two large refineries") and leave the kind to figure classification, which drops counts with no casualty or
# weapon cue. Each is listed with the words that follow it, so a wrongly kept number elsewhere still fails.
_NON_FIGURE_COUNTS = {
    "000_29e1155a4ce07864.txt": ("two multi-storey apartment blocks", "three rounds of"),
    "001_cf7ea44a6156f3d9.txt": ("three settlements",),
    "002_8ce60579af19617c.txt": ("five Ukrainian regions",),
    "003_cf8d469a7bf1fa01.txt": ("13 locations", "Seven other regions"),
}


def _seed_mentions(path) -> list[tuple[str, NumberMention]]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        out.extend((line, m) for m in find_numbers(line))
    return out


def test_seed_gold_figures_are_kept_and_must_not_values_rejected(shared) -> None:
    gold = json.loads((shared / "eval" / "seeds.gold.json").read_text(encoding="utf-8"))
    for doc in gold["documents"]:
        mentions = _seed_mentions(shared / "seeds" / doc["file"])
        kept = {m.value for _, m in mentions if m.rejected is None}
        # A figure of one can come from "a 50-year-old woman"; "a" is never a number here, so 1 is checked only
        # through "at least one" (seed 002), which it is.
        for event in doc["events"]:
            for figure in event["figures"]:
                assert figure["value"] in kept, (doc["file"], event["id"], figure)
        allowed = _NON_FIGURE_COUNTS.get(doc["file"], ())
        for line, m in mentions:
            if m.value in doc["must_not"] and m.rejected is None:
                following = line[m.num_start :]
                assert following.startswith(allowed), (doc["file"], m)


def test_seed_numbers_are_classified(shared) -> None:
    seeds = shared / "seeds"
    got = {
        name: [(m.text, m.value, m.rejected) for _, m in _seed_mentions(seeds / name)]
        for name in ("000_29e1155a4ce07864.txt", "003_cf8d469a7bf1fa01.txt", "004_5be327b760caaf7e.txt")
    }
    assert got["000_29e1155a4ce07864.txt"] == [
        ("2024-11-01", 2024, "date"),
        ("10", 10, None),
        ("20", 20, "date"),
        ("2025", 2025, "year"),
        ("first", 1, "day_counter"),
        ("2022", 2022, "year"),
        ("around 55,000", 55000, "population"),
        ("10", 10, None),
        ("19", 19, "date"),
        ("2025", 2025, "year"),
        ("at least 10", 10, None),
        ("two", 2, None),
        ("around 7:00", 7, "time"),
        ("0500", 500, "time"),
        ("at least 10", 10, None),
        ("four dozens", 48, None),
        ("more than 476", 476, None),
        ("48", 48, None),
        ("442", 442, None),
        ("41", 41, None),
        ("six", 6, "multiplier"),
        ("at least 46", 46, None),
        ("three", 3, None),
        ("almost four", 4, "duration"),
    ]
    assert got["003_cf8d469a7bf1fa01.txt"] == [
        ("4.0", 4, "quantity_unit"),
        ("At least 12", 12, None),
        ("90", 90, None),
        ("5000", 5000, "rate"),
        ("13", 13, None),
        ("Forty", 40, None),
        ("23", 23, "phone/id"),
        ("Seven", 7, None),
    ]
    assert got["004_5be327b760caaf7e.txt"] == [
        ("1,371st", 1371, "day_counter"),
        ("26", 26, "date"),
        ("2025", 2025, "year"),
        ("26th", 26, "date"),
        ("Seven", 7, None),
        ("21", 21, None),
        ("at least 18", 18, None),
        ("At least nine", 9, None),
        ("about 40,000", 40000, None),
        ("four", 4, None),
        ("419", 419, None),
        ("24", 24, "duration"),
        ("two", 2, None),
        ("two", 2, None),
    ]


def test_seed_002_ages_and_pronouns(shared) -> None:
    mentions = _seed_mentions(shared / "seeds" / "002_8ce60579af19617c.txt")
    by_text = {}
    for _, m in mentions:
        by_text.setdefault(m.text, []).append(m.rejected)
    assert by_text["50"] == ["age"] and by_text["46"] == ["age"]
    assert by_text["five"] == ["quantity_unit", None]  # "five-storey crater", then "the five Ukrainian regions"
    assert by_text["at least one"] == [None]
    assert "one" not in by_text  # "one of its deadliest", "one Kyiv resident", "one of the strikes"
    assert "close to one" not in by_text
