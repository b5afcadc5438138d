"""Dating rules on sentences written for these tests, then the five seeds' publication days."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from kronika.dates import (
    DateResolution,
    find_date_mentions,
    find_datelines,
    find_dates,
    lead_day,
    publication_date,
    resolve_date,
    url_date,
    war_day,
)
from kronika.models import CleanedText

D = dt.date
WED = D(2025, 11, 19)  # a Wednesday
from shared_data import SEEDS, need_shared  # noqa: E402

# --- explicit dates ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The summit opened on March 3, 2024 in Paris.", D(2024, 3, 3)),
        ("Drones hit Odesa on 7 October 2023.", D(2023, 10, 7)),
        ("Filed 2024-06-30 by our desk.", D(2024, 6, 30)),
        ("Posted 19.11.2025 by the ministry.", D(2025, 11, 19)),
        ("The order of 3.14.2025 is month-first: no month 14.", D(2025, 3, 14)),
        ("Filed 11/19/2025 and read the next day.", D(2025, 11, 19)),
        ("It came on Thursday 03.04.2025, officials said.", D(2025, 4, 3)),  # the weekday settles the order
        ("The talks of Sept. 12, 2022 failed.", D(2022, 9, 12)),
        ("It happened on the 4th of July, 2021.", D(2021, 7, 4)),
        ("A report dated Dec 1st 2023 said so.", D(2023, 12, 1)),
    ],
)
def test_find_dates_with_a_year(text: str, expected: dt.date) -> None:
    assert [d for _, _, d in find_dates(text)] == [expected]


def test_find_dates_gives_spans_into_the_text() -> None:
    text = "Shelling resumed on 5 June 2024, officials said."
    [(start, end, _)] = find_dates(text)
    assert text[start:end] == "5 June 2024"


def test_a_date_without_a_year_needs_a_default_year() -> None:
    text = "Air raid sirens sounded in Lviv on Aug 3 and again (Aug 5)."
    assert find_dates(text) == []
    assert [d for _, _, d in find_dates(text, default_year=2024)] == [D(2024, 8, 3), D(2024, 8, 5)]


def test_a_default_year_contradicted_by_the_weekday_is_refused() -> None:
    # 3 August 2024 was a Saturday, not a Monday
    assert find_dates("It came on Monday, August 3.", default_year=2024) == []
    assert [d for _, _, d in find_dates("It came on Saturday, August 3.", default_year=2024)] == [D(2024, 8, 3)]


@pytest.mark.parametrize(
    "text",
    [
        "They may 5 times have tried.",  # the verb, lowercase
        "It was the 1,000th day of the war.",
        "A 46-year-old man died.",
        "Troops march 20 km a day.",
        "In September 2022 the city was retaken.",  # a month without a day
        "February 30, 2024 is not a day.",
        "Ask for form 03.04.2025 and 04.03.2025.",  # numbers that do not settle the order: no day
    ],
)
def test_find_dates_ignores_what_is_not_a_calendar_day(text: str) -> None:
    assert find_dates(text, default_year=2024) == []


def test_weekday_before_a_date_is_kept_as_evidence() -> None:
    [mention] = find_date_mentions("Here is what happened on Tuesday, March 4th.")
    assert (mention.month, mention.day, mention.year, mention.weekday) == (3, 4, None, 1)
    assert mention.resolve(D(2025, 3, 10)) == D(2025, 3, 4)  # 4 March 2025 was a Tuesday
    assert mention.resolve(D(2026, 3, 10)) == D(2025, 3, 4)  # the weekday singles out the year


# --- datelines --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "place", "agency", "day"),
    [
        ("Odesa (AFP) Mar 2, 2024\n\nDrones struck the port.", "Odesa", "AFP", D(2024, 3, 2)),
        ("Lviv, Ukraine (AFP) Jan 9, 2025 - Missiles hit the city.", "Lviv, Ukraine", "AFP", D(2025, 1, 9)),
        (
            "KHARKIV, Ukraine, May 6, 2024 (Reuters) - Shelling killed two.",
            "KHARKIV, Ukraine",
            "Reuters",
            D(2024, 5, 6),
        ),
        ("Dnipro, Oct 3, 2023 (Ukrinform) - Air defence worked.", "Dnipro", "Ukrinform", D(2023, 10, 3)),
        ("BRUSSELS, 14 June 2024 — Ministers met.", "BRUSSELS", None, D(2024, 6, 14)),
        ("MOSCOW, November 20, 2025. /TASS/. Russian forces took a village.", "MOSCOW", "TASS", D(2025, 11, 20)),
    ],
)
def test_wire_datelines_of_several_agencies(text: str, place: str, agency: str | None, day: dt.date) -> None:
    [line] = find_datelines(text)
    assert (line.kind, line.place, line.agency, line.date) == ("wire", place, agency, day)
    assert text[line.start : line.end] == line.text


def test_a_year_less_dateline_keeps_its_month_and_day() -> None:
    [line] = find_datelines("Intro line.\nKYIV, March 7 (Reuters) - Russia fired drones.")
    assert line.date is None and line.place == "KYIV" and line.agency == "Reuters"
    assert line.mention is not None and (line.mention.month, line.mention.day) == (3, 7)


def test_place_only_dateline() -> None:
    [line] = find_datelines("ZAPORIZHZHIA, Ukraine (AP) — A strike hit the city.")
    assert line.place == "ZAPORIZHZHIA, Ukraine" and line.date is None and line.agency == "AP"


@pytest.mark.parametrize(
    ("text", "kind", "day"),
    [
        ("Published March 5, 2024\nBody text.", "published", D(2024, 3, 5)),
        ("Updated 2 December 2025 14:05 GMT", "updated", D(2025, 12, 2)),
        ("Last updated: Tue, 4 Feb 2025 09:30 CET", "updated", D(2025, 2, 4)),
        ("  Published on 2024-07-01 at 08:00", "published", D(2024, 7, 1)),
    ],
)
def test_publication_stamps(text: str, kind: str, day: dt.date) -> None:
    [line] = find_datelines(text)
    assert (line.kind, line.date) == (kind, day)


@pytest.mark.parametrize(
    ("text", "kind", "day"),
    [
        ("Headline\nWed 19 Nov 2025 08.00 GMT\nBody.", "dated", D(2025, 11, 19)),
        ("19.11.2025 10:30\nBody.", "dated", D(2025, 11, 19)),
        ("By Olena Petrenko | November 19, 2025\nBody.", "byline", D(2025, 11, 19)),
        ("By AFP · 19 Nov 2025 10:12\nBody.", "byline", D(2025, 11, 19)),
        ("Headline\nNovember 20, 2025 10:13 AM 3 min read\nBody.", "dated", D(2025, 11, 20)),
    ],
)
def test_date_lines_and_dated_bylines(text: str, kind: str, day: dt.date) -> None:
    [line] = find_datelines(text)
    assert (line.kind, line.date) == (kind, day)


@pytest.mark.parametrize(
    "text",
    [
        "November 19\nA heading, not a stamp: it has no year.",
        "By Tuesday, November 19, 2024, the line had held for weeks despite constant shelling from the east.",
        "The report, published March 5, 2024, found abuses.",  # mid-sentence: not this page's stamp
        "KHERSON, UKRAINE - A woman walks past a ruined school.",  # a caption's place line, no date, no agency
        "Officials said (AFP) Nov 20, 2025 that it was over.",  # not a place at the line start
    ],
)
def test_not_datelines(text: str) -> None:
    assert find_datelines(text) == []


# --- publication date -------------------------------------------------------------------------------------


def _doc(text: str, captions: list[tuple[int, int]] | None = None) -> CleanedText:
    return CleanedText(text, captions or [])


def test_published_stamp_beats_dateline_and_metadata() -> None:
    text = "Daily digest\nPublished March 5, 2024\nOdesa (AFP) Mar 4, 2024\n\nDrones struck the port overnight."
    result = publication_date(_doc(text), "2024-03-05")
    assert result.published == D(2024, 3, 5) and not result.conflict
    assert result.evidence is not None and "Published March 5, 2024" in result.evidence


def test_date_lines_inside_a_timeline_are_not_the_page_stamp() -> None:
    entry = "Russian forces pressed on towards the city while officials counted the damage from the night. " * 8
    text = f"How the siege unfolded\n\n{entry}\n\nMarch 1, 2024\n{entry}\n\nMarch 2, 2024\n{entry}\n\n{entry}\n"
    assert publication_date(_doc(text), "2024-03-10").published == D(2024, 3, 10)
    assert publication_date(_doc("Siege diary\nMarch 9, 2024\n" + text), "2024-03-10").published == D(2024, 3, 9)


def test_an_update_stamp_yields_to_earlier_metadata() -> None:
    text = "Updated 4 March 2024 09:30 GMT\nDrones struck the port overnight."
    assert publication_date(_doc(text), "2024-03-01") == publication_date(_doc(text), "2024-03-01T08:00:00Z")
    result = publication_date(_doc(text), "2024-03-01")
    assert (result.published, result.conflict) == (D(2024, 3, 1), False)
    assert publication_date(_doc(text), None).published == D(2024, 3, 4)
    later = publication_date(_doc(text), "2024-03-09")  # published after its own update: the metadata is wrong
    assert (later.published, later.conflict) == (D(2024, 3, 4), True)


def test_dateline_beats_metadata_and_flags_the_contradiction() -> None:
    text = "Headline here\n\nOdesa (AFP) Mar 2, 2024\n\nDrones struck the port overnight, officials said."
    result = publication_date(_doc(text), "2023-01-15")
    assert result.published == D(2024, 3, 2) and result.conflict


def test_a_dateline_one_day_off_the_metadata_is_no_conflict() -> None:
    text = "Odesa (AFP) Mar 2, 2024\n\nDrones struck the port overnight."
    assert publication_date(_doc(text), "2024-03-03T01:00:00Z").conflict is False


def test_a_page_date_line_beats_metadata() -> None:
    result = publication_date(_doc("Kharkiv hit again\nWed 19 Nov 2025 08.00 GMT\nDrones struck."), "2025-11-30")
    assert result.published == D(2025, 11, 19) and result.conflict


def test_a_year_less_dateline_takes_the_metadata_year() -> None:
    text = "KYIV, Nov 19 (Reuters) - Russia fired drones overnight, officials said."
    assert publication_date(_doc(text), "2025-11-19T09:00:00Z").published == D(2025, 11, 19)
    assert publication_date(_doc(text), None).published is None  # no year anywhere: no guess


def test_a_year_less_dateline_takes_a_caption_year_when_there_is_no_metadata() -> None:
    body = "KYIV, Nov 19 (Reuters) - Russia fired drones overnight, officials said.\n"
    caption = "A man walks past a building hit in a drone attack on Kyiv November 18, 2025 in Kyiv, Ukraine."
    text = body + caption
    assert publication_date(_doc(text, [(len(body), len(text))]), None).published == D(2025, 11, 19)


def test_a_lead_date_lends_its_year_to_a_year_less_dateline() -> None:
    text = "KYIV, Nov 19 (Reuters) - Russia struck the city on November 18, 2025, officials said."
    assert publication_date(_doc(text), None).published == D(2025, 11, 19)


def test_a_background_date_in_the_body_lends_no_year() -> None:
    text = "KYIV, Nov 19 (Reuters) - The war that began on February 24, 2022 ground on, officials said."
    assert publication_date(_doc(text), None).published is None


def test_the_latest_of_several_datelines_dates_the_document() -> None:
    text = (
        "Lviv (AFP) Jan 10, 2025\n\nA long first story paragraph about the strike on Lviv overnight.\n\n"
        "Second headline\n\nLviv (AFP) Jan 9, 2025 - An earlier dispatch about the previous night's attack."
    )
    assert publication_date(_doc(text), None).published == D(2025, 1, 10)


def test_lead_date_takes_the_metadata_year_when_the_weekday_agrees() -> None:
    text = "Russia struck Odesa on Saturday (Mar 2), killing three people, the governor said."
    result = publication_date(_doc(text), "2024-03-02")  # 2 March 2024 was a Saturday
    assert result.published == D(2024, 3, 2) and not result.conflict


def test_lead_date_with_weekday_overrules_metadata_a_year_off() -> None:
    text = "Russia struck Odesa on Saturday (Mar 2), killing three people, the governor said."
    result = publication_date(_doc(text), "2023-02-25")  # 2 March 2023 was a Thursday: 2024 is meant
    assert result.published == D(2024, 3, 2) and result.conflict


def test_metadata_a_day_after_the_lead_event_is_the_publication_day() -> None:
    text = "Drones hit Kharkiv on Saturday (Mar 2), the mayor said."
    assert publication_date(_doc(text), "2024-03-03").published == D(2024, 3, 3)


def test_an_old_date_in_the_lead_is_background_not_a_contradiction() -> None:
    text = "Two years after the invasion began on February 24, 2022, Kyiv held a memorial."
    result = publication_date(_doc(text), "2024-02-24")
    assert result.published == D(2024, 2, 24) and not result.conflict


def test_a_background_date_in_the_lead_is_not_the_publication_day() -> None:
    text = "The full-scale invasion that began on February 24, 2022 has displaced millions, the UN said."
    assert publication_date(_doc(text), None).published is None


def test_a_future_cue_in_the_previous_sentence_does_not_reach_the_lead_date() -> None:
    text = "Kyiv will need more air defence. Drones hit Odesa on June 3, 2024, the governor said."
    result = publication_date(_doc(text), None)
    # a lead date is the news's day, not the page's: the story may have run days later
    assert (result.published, result.anchor) == (None, D(2024, 6, 3))


def test_a_future_date_in_the_lead_is_not_the_publication_day() -> None:
    text = "Ministers will meet in Brussels on June 20, 2024 to discuss aid."
    assert publication_date(_doc(text), None).published is None


def test_metadata_alone() -> None:
    result = publication_date(_doc("Air defence worked through the night, officials said."), "2024-05-01")
    assert (result.published, result.conflict, result.evidence) == (D(2024, 5, 1), False, "metadata")


def test_metadata_in_another_format_is_parsed() -> None:
    assert publication_date(_doc("No dates here."), "Wed, 26 Nov 2025 14:05:00 GMT").published == D(2025, 11, 26)


def test_caption_date_and_yesterday_give_the_day_after() -> None:
    body = "Rescuers searched the rubble. The strike killed nine people yesterday, officials said.\n"
    caption = "Firefighters work at a building hit in a missile attack on Dnipro June 3, 2024 in Dnipro."
    text = body + caption
    result = publication_date(_doc(text, [(len(body), len(text))]), None)
    assert result.published == D(2024, 6, 4)


def test_caption_date_without_yesterday_is_only_an_anchor() -> None:
    body = "Rescuers searched the rubble after the strike.\n"
    caption = "Firefighters work at a building hit in a missile attack on Dnipro June 3, 2024 in Dnipro."
    text = body + caption
    result = publication_date(_doc(text, [(len(body), len(text))]), None)
    assert (result.published, result.anchor) == (None, D(2024, 6, 3))  # the photo's day, not the page's


def test_metadata_earlier_than_a_caption_date_is_a_conflict() -> None:
    body = "Rescuers searched the rubble after the strike.\n"
    caption = "Firefighters work at a building hit in a missile attack on Dnipro June 3, 2024 in Dnipro."
    text = body + caption
    result = publication_date(_doc(text, [(len(body), len(text))]), "2023-01-01")
    assert (result.published, result.conflict, result.anchor) == (None, True, D(2024, 6, 3))


def test_nothing_fixes_the_date() -> None:
    text = "Russia launched drones on Friday. Trump said talks were close this year."
    assert publication_date(_doc(text), None) == publication_date(_doc(text), "")
    result = publication_date(_doc(text), None)
    assert (result.published, result.conflict, result.evidence) == (None, False, None)


def test_a_year_less_lead_date_without_metadata_fixes_nothing() -> None:
    assert publication_date(_doc("Drones hit Kharkiv on Saturday (Mar 2), the mayor said."), None).published is None


# --- event dates ------------------------------------------------------------------------------------------


def _day(sentence: str, reference: dt.date | None = WED) -> dt.date | None:
    return resolve_date(sentence, reference).date


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The army said on Monday it had taken the village.", D(2025, 11, 17)),
        ("Officials reported the blast Tuesday.", D(2025, 11, 18)),
        ("The minister arrived on Wednesday.", WED),  # the reference's own weekday is the reference day
        ("The governor said on Thursday that schools would close.", D(2025, 11, 13)),  # the past Thursday
        ("Shelling intensified late Sunday.", D(2025, 11, 16)),
        ("Sirens sounded on Saturday night across the region.", D(2025, 11, 15)),
        ("Drones arrived Monday morning.", D(2025, 11, 17)),
        ("Sunday's attack destroyed a school.", D(2025, 11, 16)),
        ("It was first reported last Wednesday.", D(2025, 11, 12)),
        ("Residents woke in the early hours of Tuesday to explosions.", D(2025, 11, 18)),
        ("Guns fell silent in the night of Monday to Tuesday.", D(2025, 11, 18)),
        ("Russia attacked overnight on Monday, officials said.", D(2025, 11, 17)),
        ("Buildings damaged by Sunday's strike were demolished.", D(2025, 11, 16)),
    ],
)
def test_past_weekdays(sentence: str, expected: dt.date) -> None:
    assert _day(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The envoy will meet the president on Friday.", D(2025, 11, 21)),
        ("Talks are scheduled to resume on Monday in Geneva.", D(2025, 11, 24)),
        ("She plans to visit Kharkiv on Saturday.", D(2025, 11, 22)),
        ("Ministers will gather on Wednesday evening.", WED),
        ("The vote takes place next Wednesday.", D(2025, 11, 26)),
        ("Delegations were due to meet on Thursday.", D(2025, 11, 20)),
        ("Talks are planned for Friday in Istanbul.", D(2025, 11, 21)),
    ],
)
def test_future_weekdays_take_the_next_occurrence(sentence: str, expected: dt.date) -> None:
    assert _day(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Russia attacked Lviv on the night of November 18-19, officials said.", D(2025, 11, 19)),
        ("Drones struck overnight on 16-17 November.", D(2025, 11, 17)),
        ("Shelling went on from Sunday night into Monday.", D(2025, 11, 17)),
        ("Guns fell silent in the night of Monday to Tuesday.", D(2025, 11, 18)),
    ],
)
def test_a_night_across_two_days_is_dated_by_the_morning_after(sentence: str, expected: dt.date) -> None:
    assert _day(sentence) == expected


def test_a_night_across_days_that_do_not_follow_each_other_is_vague() -> None:
    result = resolve_date("Russia struck on the night of Nov 12-15.", WED)
    assert result.date is None and result.vague


def test_a_reporting_verb_cuts_the_future_cue() -> None:
    assert _day("The mayor, who will stand again, said on Monday the city was ready.") == D(2025, 11, 17)


@pytest.mark.parametrize(
    "sentence",
    [
        "Drones attacked the port overnight.",
        "Explosions were heard last night in the capital.",
        "This morning a missile hit a clinic.",
        "The council meets today.",
        "Earlier today the governor spoke.",
        "Power was cut in the early hours, the operator said.",
    ],
)
def test_same_day_expressions(sentence: str) -> None:
    assert _day(sentence) == WED


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Strikes killed six people yesterday.", D(2025, 11, 18)),
        ("A day earlier he had warned of an attack.", D(2025, 11, 18)),
        ("The day before yesterday a bridge collapsed.", D(2025, 11, 17)),
        ("Two days ago the convoy was hit.", D(2025, 11, 17)),
        ("It happened a week ago.", D(2025, 11, 12)),
        ("Talks resume tomorrow.", D(2025, 11, 20)),
    ],
)
def test_day_offsets(sentence: str, expected: dt.date) -> None:
    assert _day(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The strike on November 14 killed four.", D(2025, 11, 14)),
        ("The strike (Nov 14) killed four.", D(2025, 11, 14)),
        ("Troops pulled back on 14 November.", D(2025, 11, 14)),
        ("Kyiv was hit on December 30.", D(2024, 12, 30)),  # a past event: the year before
        ("A summit will be held on January 12.", D(2026, 1, 12)),  # future tense: the year after
        ("The deal was signed on March 3, 2022.", D(2022, 3, 3)),
        ("The ministry reported the strike on 2025-11-17.", D(2025, 11, 17)),
        ("The ministry reported the strike on 17.11.2025.", D(2025, 11, 17)),
    ],
)
def test_absolute_dates_in_a_sentence(sentence: str, expected: dt.date) -> None:
    assert _day(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Russian troops advanced in recent weeks.",
        "Attacks have grown in recent months.",
        "Earlier this month a refinery burned.",
        "The ceasefire collapsed last month.",
        "More drones were launched this year than ever.",
        "The region has been shelled since July.",
        "Kyiv retook the town in September.",
        "Between October 14 and November 11, the front moved east.",
        "From May 2 to May 9 the city was without water.",
        "Air defence was busy last week.",
        "The invasion began in February 2022.",
        "It fell on the first day of the 2022 offensive.",
        "The town has been without power since November 3.",
        "Russia has launched 1,000 drones since Sunday.",
        "Kyiv must answer by Friday.",
        "The offensive began a year ago.",
        "The army has advanced slowly since the start of the war.",
    ],
)
def test_vague_expressions_fix_no_day(sentence: str) -> None:
    result = resolve_date(sentence, WED)
    assert result.date is None and result.vague and result.expression


@pytest.mark.parametrize(
    "sentence",
    [
        "It was one of the deadliest attacks on Kyiv since the start of the war.",
        "The barrage was the biggest since 2022, the air force said.",
        "Troops crossed the river for the first time since March.",
    ],
)
def test_a_since_comparison_does_not_place_the_event(sentence: str) -> None:
    assert resolve_date(sentence, WED) == DateResolution(None, None, False)


def test_a_since_comparison_leaves_the_real_date() -> None:
    assert _day("Overnight Russia fired its largest barrage since July, the air force said.") == WED


def test_a_precise_expression_beats_a_vague_one() -> None:
    assert _day("Earlier this month Russia struck Kyiv, and on Monday it struck Lviv.") == D(2025, 11, 17)


@pytest.mark.parametrize(
    "sentence",
    [
        "Trump rescinded an earlier Thursday deadline for Kyiv.",
        "Kyiv rejected Trump's Thursday deadline.",
        "Lawmakers postponed the earlier Thursday vote.",
        "It was the 1,371st day of the war.",
        "A 46-year-old man and a woman aged 70 were wounded.",
        "Air defence downed 40 drones within 24 hours.",
        "The blast came at around 7:00 am (0500 GMT).",
        "Fighting continued for the 12th day in a row.",
        "5000 soldiers a week are dying.",
        "Russia fired 2000 drones at the city.",
        "The village had a population of 8,000.",
        "It may rain, officials said.",
    ],
)
def test_false_expressions_are_not_dates(sentence: str) -> None:
    assert resolve_date(sentence, WED) == DateResolution(None, None, False)


def test_a_false_weekday_does_not_hide_a_true_one() -> None:
    result = resolve_date("Trump late Tuesday rescinded an earlier Thursday deadline.", WED)
    assert (result.date, result.expression) == (D(2025, 11, 18), "late Tuesday")


def test_no_reference_means_no_relative_day() -> None:
    for sentence in ("The army said on Monday it had taken the village.", "Drones attacked overnight.",
                     "The strike on November 14 killed four."):  # fmt: skip
        result = resolve_date(sentence, None)
        assert result.date is None and result.expression and not result.vague
    assert _day("The deal was signed on March 3, 2022.", None) == D(2022, 3, 3)


def test_no_expression() -> None:
    assert resolve_date("Russia fired 48 missiles, the air force said.", WED) == DateResolution(None, None, False)


# --- seeds ------------------------------------------------------------------------------------------------

_META = re.compile(r"\s*date\s+(\d{4}-\d{2}-\d{2})\s*")
SEED_PUBLICATION = [
    # file, published, conflict: the reference annotation's values
    ("000_29e1155a4ce07864.txt", D(2025, 11, 20), True),
    ("001_cf7ea44a6156f3d9.txt", D(2025, 11, 14), False),
    ("002_8ce60579af19617c.txt", D(2025, 8, 29), False),
    ("003_cf8d469a7bf1fa01.txt", None, False),
    ("004_5be327b760caaf7e.txt", D(2025, 11, 26), False),
]


def read_seed(name: str) -> tuple[str, str | None]:
    """A seed's text and metadata date, split the way the reader does (the metadata line's rest is text)."""
    path = SEEDS / name
    need_shared(path)
    raw = path.read_text(encoding="utf-8")
    m = _META.match(raw)
    return (raw[m.end() :], m.group(1)) if m else (raw, None)


@pytest.mark.parametrize(("name", "published", "conflict"), SEED_PUBLICATION)
def test_seed_publication_from_raw_text(name: str, published: dt.date | None, conflict: bool) -> None:
    text, meta = read_seed(name)
    result = publication_date(CleanedText(text), meta)
    assert (result.published, result.conflict) == (published, conflict)


@pytest.mark.parametrize(("name", "published", "conflict"), SEED_PUBLICATION)
def test_seed_publication_through_the_cleaner(name: str, published: dt.date | None, conflict: bool) -> None:
    clean = pytest.importorskip("kronika.clean")
    text, meta = read_seed(name)
    result = publication_date(clean.clean_text(text), meta)
    assert (result.published, result.conflict) == (published, conflict)


@pytest.mark.parametrize(
    ("sentence", "reference", "expected"),
    [
        # seed 000: Kupiansk captured "on Thursday", dateline Thursday Nov 20, 2025
        ("The Russian army claimed on Thursday to have again captured the Ukrainian city of Kupiansk.",
         D(2025, 11, 20), D(2025, 11, 20)),
        # seed 001: the offer of talks "On Wednesday", story day Friday Nov 14, 2025
        ("On Wednesday, Russia said it was prepared to resume peace talks with Ukraine.", D(2025, 11, 14),
         D(2025, 11, 12)),
        # seed 002: story day Aug 29, 2025
        ("Russian attacks on Ukraine's capital Kyiv killed 23 people yesterday", D(2025, 8, 29), D(2025, 8, 28)),
        ("His top aides are set to meet with Mr Trump's team in New York today.", D(2025, 8, 29), D(2025, 8, 29)),
        # seed 004: digest of Wednesday Nov 26, 2025
        ("Seven people were killed, the state emergency service announced in a Facebook post on Tuesday.",
         D(2025, 11, 26), D(2025, 11, 25)),
        ("Russia has made incremental territorial gains in the southern Zaporizhzhia region in recent weeks.",
         D(2025, 11, 14), None),
        ("His envoy is scheduled to meet Putin directly on Friday.", None, None),  # seed 003 has no day
    ],
)  # fmt: skip
def test_seed_sentences(sentence: str, reference: dt.date | None, expected: dt.date | None) -> None:
    assert _day(sentence, reference) == expected


def test_yearless_wire_dateline_takes_the_only_year_of_the_war_with_that_weekday() -> None:
    text = "KYIV, Oct 5 (Reuters) - Russia fired 50 missiles at Ukraine's power grid, the air force said on Sunday.\n"
    pub = publication_date(CleanedText(text), None)
    assert pub.published == dt.date(2025, 10, 5)  # the only 5 October on a Sunday since 2022


def test_yearless_wire_dateline_without_a_reporting_weekday_stays_undated() -> None:
    text = "KYIV, Oct 5 (Reuters) - Russia fired 50 missiles at Ukraine's power grid, the air force said.\n"
    assert publication_date(CleanedText(text), None).published is None


# --- page stamps as sites print them ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind", "day"),
    [
        ("Apr 2, 2024 | 7:45 PM\nBody.", "dated", D(2024, 4, 2)),  # a separator before the time
        ("09:41 14.05.2024\nBody.", "dated", D(2024, 5, 14)),  # the time first
        ("2024-05-14 09:41:07\nBody.", "dated", D(2024, 5, 14)),  # seconds
        ("OKSANA MELNYK – FRIDAY, 3 MAY 2024, 11:20\nBody.", "byline", D(2024, 5, 3)),  # a capitalised author line
        ("Posted at 6:02 AM, May 3, 2024\nBody.", "published", D(2024, 5, 3)),
    ],
)
def test_site_stamp_shapes(text: str, kind: str, day: dt.date) -> None:
    [line] = find_datelines(text)
    assert (line.kind, line.date) == (kind, day)


def test_a_site_bar_date_above_the_headline_loses_to_the_article_stamp() -> None:
    text = (
        "Monday, 8 January 2024 10:00 GMT\nMenu\n\nDrones hit a depot near Poltava overnight\n\n2025-03-09 06:10\nBody."
    )
    assert publication_date(_doc(text), None).published == D(2025, 3, 9)


def test_a_caption_printed_twice_is_a_caption_both_times() -> None:
    caption = "Rescuers carry a stretcher out of a damaged block of flats in Sumy, Ukraine, Sunday, 6 April 2025."
    text = f"{caption}\n{caption} Photograph: Agency\n\nRussian drones struck Sumy overnight, officials said."
    result = publication_date(_doc(text), None)
    assert result.published is None and result.anchor == D(2025, 4, 6)


def test_an_agency_dateline_is_read_even_in_a_line_flagged_as_a_caption() -> None:
    text = "LVIV, Mar 4, 2025 (XYZ/AFP) - Drones hit a warehouse overnight, the governor said.\n"
    assert publication_date(_doc(text, [(0, len(text) - 1)]), None).published == D(2025, 3, 4)


# --- what a text says of its own day ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Ukraine war, key events: day 500", D(2023, 7, 8)),
        ("These are the main events of the 1,000th day of Russia's war.", D(2024, 11, 19)),
        ("600 Days of Russia-Ukraine War: what we know", D(2023, 10, 16)),
        ("As the invasion enters its 250th day, here is the situation.", D(2022, 10, 31)),
    ],
)
def test_war_day_counters(text: str, day: dt.date) -> None:
    found = war_day(text)
    assert found is not None and found.day == day


def test_a_war_day_counter_proves_a_far_page_date_wrong() -> None:
    text = (
        "Friday, March 7, 2025\n\n500 Days of the war: key events\n\nThe update covers developments as of July 8, 2023."
    )
    result = publication_date(_doc(text), None)
    assert result.published is None and result.conflict
    assert result.story_day == D(2023, 7, 8)  # the digest names its own day


def test_a_digest_that_dates_itself_is_published_that_day() -> None:
    text = "Here is the situation on Tuesday, May 14:\nDrones struck Kharkiv, the governor said."
    assert publication_date(_doc(text), "2024-05-14").published == D(2024, 5, 14)
    result = publication_date(_doc(text), None)  # 14 May is a Tuesday only in 2024 of the war's years
    assert result.published == D(2024, 5, 14) and result.evidence and "situation" in result.evidence
    assert publication_date(_doc(text.replace("Tuesday", "Monday")), None).published is None  # no year fits


def test_a_summary_of_a_day_is_no_publication_day() -> None:
    text = "This summary covers the main developments as of June 3, 2024.\nDrones struck Kharkiv overnight."
    result = publication_date(_doc(text), None)
    assert (result.published, result.story_day) == (None, D(2024, 6, 3))  # a summary may run days later


@pytest.mark.parametrize(
    ("url", "day"),
    [
        ("https://example.org/world/2025/04/13/drones-hit-odesa/", D(2025, 4, 13)),
        ("https://example.org/news/2024/8/3/key-events", D(2024, 8, 3)),
        ("https://example.org/world/2023/sep/05/live", D(2023, 9, 5)),
        ("https://example.org/a/2024-06-30-strike.html", D(2024, 6, 30)),
        ("https://example.org/2025/11/strike-on-kyiv", None),  # a month fixes no day
        ("https://example.org/story/12345678", None),
        (None, None),
    ],
)
def test_url_dates(url: str | None, day: dt.date | None) -> None:
    assert url_date(url) == day


def test_a_url_date_dates_a_document_without_metadata() -> None:
    text = "Drones struck the port overnight, officials said."
    result = publication_date(_doc(text), None, "https://example.org/2025/04/13/port")
    assert (result.published, result.evidence) == (D(2025, 4, 13), "URL date")


def test_a_url_date_beats_a_later_metadata_day_and_yields_to_the_text() -> None:
    url = "https://example.org/2025/04/13/port"
    assert publication_date(_doc("Drones struck the port."), "2025-04-20", url).published == D(2025, 4, 13)
    stamped = "Published April 14, 2025\nDrones struck the port."
    assert publication_date(_doc(stamped), None, url).published == D(2025, 4, 14)


# --- the frame a sentence counts from ---------------------------------------------------------------------


def test_a_reporting_verb_with_its_day_frames_the_night() -> None:
    r = resolve_date("Russia fired 60 drones at Ukraine overnight, officials said yesterday.", WED)
    assert r.date == D(2025, 11, 18)
    r = resolve_date("Russia fired 60 drones overnight, the air force said on Monday.", WED)
    assert r.date == D(2025, 11, 17)


def test_overnight_is_the_night_of_the_story_s_news() -> None:
    assert resolve_date("Kyiv hit two refineries in its own overnight attacks.", WED, night=D(2025, 11, 18)).date == (
        D(2025, 11, 18)
    )
    assert resolve_date("His aides meet the envoy today.", WED, night=D(2025, 11, 18)).date == WED


def test_an_anchor_resolves_weekdays_but_not_offsets() -> None:
    r = resolve_date("The two leaders spoke by phone on Monday.", WED, weak=True)
    assert (r.date, r.relative) == (D(2025, 11, 17), True)
    r = resolve_date("The two leaders spoke by phone yesterday.", WED, weak=True)
    assert r.date is None and r.expression == "yesterday"
    assert resolve_date("The envoys met on Nov 12.", WED, weak=True).date == D(2025, 11, 12)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("From 6:00 p.m. on Tuesday, November 18, the enemy launched 90 drones.", D(2025, 11, 19)),
        ("From 18:00 on November 18, the enemy attacked with 90 drones.", D(2025, 11, 19)),
        ("From 9:00 on November 18, the city was under shelling.", D(2025, 11, 18)),  # a morning is that day
    ],
)
def test_a_night_counted_from_the_evening_before_is_the_morning_s(sentence: str, expected: dt.date) -> None:
    assert _day(sentence) == expected


def test_a_date_that_belongs_to_a_noun_is_not_the_sentence_s() -> None:
    r = resolve_date("The minister said he had invited her to the conference scheduled for December 2.", WED)
    assert r.date is None and r.expression is None
    assert resolve_date("The conference is scheduled for December 2.", WED).date == D(2025, 12, 2)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The death toll from Friday's strike on the market rose to 31 on Monday.", D(2025, 11, 14)),
        ("The toll rose to 31 on Monday, two days after the strike on Saturday.", D(2025, 11, 15)),
        ("The toll from the strike on the market on Saturday has risen to 31, the mayor said on Monday.",
         D(2025, 11, 15)),
        ("The number of people killed in the attack on the market on November 10 increased to 31.", D(2025, 11, 10)),
        ("Twelve were killed following a missile strike on a block of flats on November 15.", D(2025, 11, 15)),
    ],
)  # fmt: skip
def test_a_toll_update_is_dated_by_its_strike(sentence: str, expected: dt.date) -> None:
    assert _day(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "The toll from the missile strike on the market has risen to 31, the mayor said on Monday.",
        "Officials reported on Monday that the number of fatalities from the strike had risen to 31.",
        "Rescuers found four more bodies overnight, raising the death toll to 31.",
    ],
)
def test_the_day_of_a_count_is_not_the_day_of_its_strike(sentence: str) -> None:
    r = resolve_date(sentence, WED)
    assert (r.date, r.vague, r.of_attack) == (None, True, True)  # the strike takes the day the story gives it


def test_a_toll_update_on_a_weekend_strike_is_vague() -> None:
    r = resolve_date("The toll from the weekend missile strike has risen to 31, the mayor said on Monday.", WED)
    assert r.date is None and r.vague


@pytest.mark.parametrize(
    "sentence",
    [
        "The blast shook the port weeks after the last attack on the city.",
        "The talks resumed a day after drones hit the capital.",
        "Three years into the war, the city still has no power.",
        "Russia, whose full-scale invasion was launched in 2022, denied it.",
        "Russia's full-scale invasion in February 2022 displaced millions, the minister told the summit.",
        "The recently-appointed governor toured the damage.",
        "Moscow announced the withdrawal from the town, which Ukraine had recently retaken.",
    ],
)
def test_background_phrases_leave_the_story_s_day(sentence: str) -> None:
    r = resolve_date(sentence, WED)
    assert r.date is None and not r.vague and r.expression is None


def test_a_quantified_day_before_still_counts_back() -> None:
    assert _day("He had said so a day before.") == D(2025, 11, 18)
    assert _day("The day before yesterday drones hit Sumy.") == D(2025, 11, 17)


# --- the day a story's lead reports -----------------------------------------------------------------------


def test_the_lead_s_yesterday_dates_the_story_s_news() -> None:
    lead = ["Kyiv mourns after the strike", "Russian missiles killed 12 people in Kyiv yesterday", "Rescue went on."]
    assert lead_day(lead, WED) == D(2025, 11, 18)


def test_a_future_lead_is_no_news_yet() -> None:
    lead = ["Ministers will meet today on air defence.", "Drones hit Lviv on Monday, the mayor said."]
    assert lead_day(lead, WED) == D(2025, 11, 17)


def test_a_lead_date_out_of_the_week_is_background() -> None:
    assert lead_day(["The war began on February 24, 2022.", "Drones hit Lviv overnight."], WED) == WED
    assert lead_day(["No dates in this lead."], WED) is None


def test_without_a_reference_only_a_calendar_date_dates_the_lead() -> None:
    assert lead_day(["Ministers met at the base on Nov 12."], None, anchor=WED) == D(2025, 11, 12)
    assert lead_day(["Ministers met at the base on Monday."], None, anchor=WED) is None
    assert lead_day(["Ministers met at the base on Nov 12."], None) is None


# --- dates when an article's drafts merge -----------------------------------------------------------------


def _drafts(*dates: tuple[str | None, bool]) -> list:
    from kronika.extraction.context import Draft
    from kronika.models import Location

    town = Location("Sumy", "Sumy Oblast", country="UA", precision="settlement", gazetteer_id="sumy")
    return [Draft(type="ground_claim", date=d, date_explicit=e, location=town, paragraph=i) for i, (d, e) in
            enumerate(dates)]  # fmt: skip


def test_an_older_stated_day_after_the_lead_is_another_event() -> None:
    from kronika.extraction.consolidate import consolidate

    # the lead's claim (the story's day), then "On March 2, troops entered the town": background
    events = consolidate(_drafts(("2025-03-09", False), ("2025-03-02", True)), "doc")
    assert [e.date for e in events] == ["2025-03-09", "2025-03-02"]


def test_a_stated_day_a_few_days_back_names_the_lead_s_day() -> None:
    from kronika.extraction.consolidate import consolidate

    events = consolidate(_drafts(("2025-03-09", False), ("2025-03-07", True)), "doc")
    assert [(e.date, e.date_basis) for e in events] == [("2025-03-07", "text")]


def test_an_undated_repeat_does_not_date_a_vaguely_dated_event() -> None:
    from kronika.extraction.consolidate import consolidate

    # "the weekend strike" (vague: None, explicit), then an undated sentence about it (the story's day)
    events = consolidate(_drafts((None, True), ("2025-03-09", False)), "doc")
    assert [e.date for e in events] == [None]
    events = consolidate(_drafts((None, True), ("2025-03-08", True)), "doc")
    assert [e.date for e in events] == ["2025-03-08"]


# --- what a sentence fixes short of a day (for merging reports across articles) ---------------------------


@pytest.mark.parametrize(
    ("sentence", "reference", "partial", "weekday"),
    [
        ("Drones hit the depot on April 9.", None, "--04-09", None),
        ("Drones hit the depot on Wednesday, April 9.", WED, None, 3),  # 9 April 2025 was a Wednesday
        ("Drones hit the depot on April 9.", WED, None, None),  # a whole day: nothing partial left
        ("Drones hit the depot on Saturday.", None, None, 6),
        ("Drones hit the depot on Saturday.", WED, None, 6),  # the weekday stays beside the date
        ("The town was retaken in October 2024.", None, "2024-10", None),
        ("The town was retaken in October.", WED, "2025-10", None),
        ("The town was retaken in December.", WED, "2024-12", None),  # the last December before the story
        ("The town has been shelled since October.", WED, None, None),  # a span, not the event's month
        ("The town was retaken in October.", None, None, None),  # no year anywhere
    ],
)
def test_partial_dates_and_weekdays(
    sentence: str, reference: dt.date | None, partial: str | None, weekday: int | None
) -> None:
    r = resolve_date(sentence, reference)
    assert (r.partial, r.weekday) == (partial, weekday)


def test_undated_drafts_on_two_stated_days_stay_two_events() -> None:
    from kronika.extraction.consolidate import consolidate

    one, two, three = _drafts((None, True), (None, True), (None, True))
    one.date_partial, two.date_partial, three.date_partial = "--04-09", "--04-16", "--04-09"
    events = consolidate([one, two, three], "doc")
    assert [(e.date, e.date_partial) for e in events] == [(None, "--04-09"), (None, "--04-16")]


def test_an_extracted_event_keeps_a_year_less_day_and_its_weekday() -> None:
    from kronika import extract_text

    result = extract_text("Russian drones struck an oil depot in Sumy on April 12, the governor said.")
    [event] = [e for e in result.events if e.type == "strike"]
    assert (event.date, event.date_partial, event.weekday, event.date_basis) == (None, "--04-12", None, None)
    dated = extract_text("Russian drones struck an oil depot in Sumy on Saturday, the governor said.",
                         metadata_date="2025-04-13")  # fmt: skip
    [event] = [e for e in dated.events if e.type == "strike"]
    assert (event.date, event.date_partial, event.weekday, event.date_basis) == ("2025-04-12", None, 6, "text")


def test_a_night_on_a_year_less_day_keeps_the_day_and_no_date() -> None:
    from kronika import extract_text

    text = "Overnight on March 14, Russia launched 90 drones at Ukraine; 70 were shot down, the air force said."
    [event] = [e for e in extract_text(text).events if e.type == "air_attack"]
    assert (event.date, event.date_partial) == (None, "--03-14")  # no year anywhere: the day, not a guess
    dated = extract_text(text, metadata_date="2025-03-15")
    [event] = [e for e in dated.events if e.type == "air_attack"]
    assert (event.date, event.date_partial) == ("2025-03-14", None)


def test_an_undated_sentence_goes_on_about_the_day_its_paragraph_stated() -> None:
    from kronika import extract_text

    text = (
        "Russian drones struck Kharkiv overnight, killing two people, officials said.\n\n"
        "On Monday, Russian missiles hit a warehouse in Odesa, the governor said. A separate drone attack wounded "
        "four people in Mykolaiv, regional officials added.\n\n"
        "In Sumy, a drone attack wounded three people, the mayor said.\n"
    )
    result = extract_text(text, metadata_date="2025-11-20")  # a Thursday
    days = {e.location.name.split()[0]: e.date for e in result.events if e.type == "strike" and e.location}
    assert days == {"Kharkiv": "2025-11-20", "Odesa": "2025-11-17", "Mykolaiv": "2025-11-17", "Sumy": "2025-11-20"}


def test_an_article_s_url_dates_it_and_its_overnight_attack() -> None:
    from kronika import extract_articles
    from kronika.models import Article

    article = Article(
        path="feed:1",
        text="Russia launched 40 drones at Ukraine overnight, the air force said.",
        url="https://example.org/world/2025/04/13/drones",
    )
    [result] = extract_articles([article])
    assert result.published == "2025-04-13"
    assert {e.date for e in result.events} == {"2025-04-13"}


def test_a_paragraph_opening_on_he_goes_on_about_the_day_before_it() -> None:
    from kronika import extract_text

    text = (
        "Russian drones struck Kharkiv overnight, killing two people, officials said.\n\n"
        "The governor of Kherson spoke on television on Monday evening.\n\n"
        "He said Russian shelling had killed three people in Kherson.\n\n"
        "Russian shelling also wounded four people in Nikopol, officials said.\n"
    )
    result = extract_text(text, metadata_date="2025-11-20")  # a Thursday
    days = {e.location.name: e.date for e in result.events if e.type == "strike" and e.location}
    assert days["Kherson"] == "2025-11-17" and days["Nikopol"] == "2025-11-20"


@pytest.mark.parametrize(
    "sentence",
    [
        "The general said troops hold 800 square km after launching a raid across the border on October 3.",
        "Poland summoned the ambassador due to the violation of its airspace by a drone on November 15.",
        "Kyiv recalled its envoy in response to the strike on the embassy on Sunday.",
    ],
)
def test_the_day_of_a_cause_or_an_earlier_deed_is_not_the_sentence_s(sentence: str) -> None:
    r = resolve_date(sentence, WED)
    assert r.date is None and not r.vague


def test_a_vague_cause_still_leaves_the_event_it_names_undated() -> None:
    r = resolve_date("Following talks in Ankara earlier this month, the ministers agreed to meet again.", WED)
    assert r.date is None and r.vague


@pytest.mark.parametrize(
    "sentence",
    [
        "If Russian troops take the town, they could push on towards the city.",
        "“If they withdraw, talks can start even tomorrow,” the minister said.",
        "Moscow can begin negotiations tomorrow, if it leaves our land.",
    ],
)
def test_a_condition_dates_nothing(sentence: str) -> None:
    r = resolve_date(sentence, WED)
    assert r.date is None and r.vague


def test_a_stated_later_day_is_another_event_than_the_story_s() -> None:
    from kronika.extraction.consolidate import consolidate

    events = consolidate(_drafts(("2025-03-09", False), ("2025-03-11", True)), "doc")
    assert [e.date for e in events] == ["2025-03-09", "2025-03-11"]


def test_cause_words_that_date_the_event_itself_still_count() -> None:
    assert _day("Delegations were due to meet on Thursday.") == D(2025, 11, 20)
    assert _day("The following day, drones hit Odesa.") == D(2025, 11, 20)


def test_an_archive_photo_s_date_is_no_evidence() -> None:
    body = "Russia said its forces took the town on Saturday.\n"
    caption = "FILE - A soldier stands in a trench near the town, Ukraine, on Aug. 18, 2023. (Photo/Agency, File)"
    text = body + caption
    result = publication_date(_doc(text, [(len(body), len(text))]), None)
    assert (result.published, result.anchor) == (None, None)


def test_a_year_less_date_with_its_weekday_takes_the_one_year_of_the_war_it_fits() -> None:
    from kronika.dates._calendar import era_year

    assert era_year(8, 19, 5, today=D(2026, 1, 1)) == D(2023, 8, 19)  # a Saturday only in 2023 of 2022-2026
    assert era_year(8, 19, 5, today=D(2029, 1, 1)) is None  # and in 2028: no longer one year
    assert era_year(8, 19, 3, today=D(2026, 12, 31)) is None  # never a Thursday in 2022-2026
    # 10 August falls on a Monday in 2026 and next in 2037: whatever the year this runs in, one year fits
    assert _day("On Monday, 10 August, a missile hit the theatre.", None) == D(2026, 8, 10)
    assert _day("On 10 August, a missile hit the theatre.", None) is None  # no weekday: no year


def test_a_count_s_as_of_day_gives_way_to_the_day_of_the_deed() -> None:
    sentence = "As of Wednesday morning, 12 people were dead after the strike on the market on Monday, November 17."
    assert _day(sentence) == D(2025, 11, 17)
    assert _day("As of Wednesday, 12 people were dead, officials said.") == WED


def test_a_weekend_strike_takes_the_day_the_story_later_gives_the_strike() -> None:
    from kronika import extract_text

    text = (
        "The death toll from the weekend missile strike on a block of flats in Sumy has risen to 14, the mayor "
        "said on Monday.\n\nRescuers were still searching the rubble.\n\n"
        "The strike on the block on Saturday came during a wave of drone attacks across the north.\n"
    )
    result = extract_text(text, metadata_date="2025-11-17")  # a Monday
    [strike] = [e for e in result.events if e.type == "strike" and any(f.value == 14 for f in e.figures)]
    assert strike.date == "2025-11-15"
    undated = extract_text(text.split("\n\nThe strike on")[0], metadata_date="2025-11-17")
    [strike] = [e for e in undated.events if e.type == "strike"]
    assert strike.date is None  # "the weekend" alone fixes no day
