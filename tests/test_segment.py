"""Story splitting on documents written for these tests, then the five seeds' story counts and days."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from kronika.dates import publication_date
from kronika.models import CleanedText, Story
from kronika.segment import split_stories

D = dt.date
from shared_data import SEEDS, need_shared  # noqa: E402

PARA = (
    "Rescue crews worked through the night to pull survivors from a collapsed apartment block, and the regional "
    "governor said the toll was likely to rise as the search continued."
)
LONG = PARA + " " + PARA


def split(text: str, published: dt.date | None = None, captions: list[tuple[int, int]] | None = None) -> list[Story]:
    return split_stories(CleanedText(text, captions or []), published)


def assert_covers(stories: list[Story], text: str) -> None:
    assert stories[0].start == 0 and stories[-1].end == len(text)
    for a, b in zip(stories, stories[1:], strict=False):
        assert a.end == b.start and a.start < a.end


def test_one_story_dated_by_its_dateline() -> None:
    text = f"Drones strike Odesa port\n\nOdesa (AFP) Mar 2, 2024\n\n{PARA}\n\n{PARA}\n"
    [story] = split(text, D(2024, 3, 3))
    assert story.reference_date == "2024-03-02"
    assert story.dateline == "Odesa (AFP) Mar 2, 2024"
    assert story.title == "Drones strike Odesa port"


def test_second_dateline_opens_a_story_at_the_headline_above_it() -> None:
    text = (
        f"Lviv (AFP) Jan 10, 2025\n\n{PARA}\n\n{PARA}\n\n"
        f"Missiles hit power plants across Ukraine\n\n"
        f"Kyiv, Ukraine (AFP) Jan 9, 2025 - {PARA}\n\n{PARA}\n"
    )
    stories = split(text, D(2025, 1, 10))
    assert len(stories) == 2
    assert_covers(stories, text)
    assert text[stories[1].start :].startswith("Missiles hit power plants across Ukraine")
    assert stories[1].title == "Missiles hit power plants across Ukraine"
    assert [s.reference_date for s in stories] == ["2025-01-10", "2025-01-09"]
    assert stories[1].dateline == "Kyiv, Ukraine (AFP) Jan 9, 2025"


def test_second_dateline_without_a_headline_starts_at_the_dateline() -> None:
    text = f"{PARA}\n\n{PARA}\n\nKHARKIV, Jan 8 (Reuters) - {PARA}\n"
    stories = split(text, D(2025, 1, 10))
    assert len(stories) == 2 and stories[1].title is None
    assert text[stories[1].start :].startswith("KHARKIV, Jan 8 (Reuters)")
    assert stories[1].reference_date == "2025-01-08"  # the year comes from the publication day


def test_a_first_dateline_after_title_and_byline_does_not_split() -> None:
    text = f"Title of the piece here\n\nby Staff Writers\n\nOdesa (AFP) Mar 2, 2024\n\n{PARA}\n"
    [story] = split(text, None)
    assert story.reference_date == "2024-03-02"


def test_a_standfirst_above_the_first_dateline_is_not_a_story() -> None:
    text = f"Drones strike Odesa port\n\n{PARA}\n\nOdesa (AFP) Mar 2, 2024 - {PARA}\n\n{PARA}\n"
    [story] = split(text, D(2024, 3, 2))
    assert story.dateline == "Odesa (AFP) Mar 2, 2024"


def test_a_place_only_dateline_does_not_open_an_undated_story() -> None:
    text = f"{PARA}\n\n{PARA}\n\nKYIV, Ukraine (AP) — {PARA}\n"
    [story] = split(text, D(2024, 3, 2))
    assert story.reference_date == "2024-03-02"


def test_a_late_news_headline_with_a_toll_and_attribution_opens_an_undated_story() -> None:
    text = (
        f"Main headline about the talks\n\n{PARA}\n\n{PARA}\n\n{PARA}\n\n"
        "Shelling kills three in Kherson region, says governor\n\n"
        "The regional governor said Russian shelling had killed three people in the Kherson region on a market.\n"
    )
    stories = split(text, D(2024, 6, 4))
    assert len(stories) == 2
    assert_covers(stories, text)
    assert stories[1].title == "Shelling kills three in Kherson region, says governor"
    assert [s.reference_date for s in stories] == ["2024-06-04", None]


def test_several_late_items_share_the_page_day() -> None:
    text = (
        f"Live: the war today\n\n{PARA}\n\n{PARA}\n\n{PARA}\n\n"
        "Shelling kills three in Kherson region, says governor\n\n"
        "The regional governor said Russian shelling had killed three people in the Kherson region.\n\n"
        f"{PARA}\n\n{PARA}\n\n{PARA}\n\n"
        "Drone strike wounds five in Sumy, officials say\n\n"
        "A Russian drone strike wounded five people in Sumy, officials said on Telegram.\n"
    )
    stories = split(text, D(2024, 6, 4))
    assert [s.title for s in stories[1:]] == [
        "Shelling kills three in Kherson region, says governor",
        "Drone strike wounds five in Sumy, officials say",
    ]
    assert [s.reference_date for s in stories] == ["2024-06-04"] * 3


def test_a_headline_must_be_restated_by_its_lead() -> None:
    text = (
        f"Main headline about the talks\n\n{PARA}\n\n{PARA}\n\n{PARA}\n\n"
        "Shelling kills three in Kherson region, says governor\n\n"
        "Diplomats meanwhile met in Geneva to discuss a framework for negotiations next month.\n"
    )
    assert len(split(text, D(2024, 6, 4))) == 1


def test_an_early_headline_does_not_split() -> None:
    lead = "Strikes killed 23 people in Kyiv overnight, the mayor said."
    text = f"Strikes kill 23 in Kyiv, says mayor\n\n{lead}\n\n{PARA}\n"
    assert len(split(text, D(2024, 6, 4))) == 1


def test_section_subheadings_are_not_stories() -> None:
    text = (
        f"Russian missiles pound the western regions\n\nMissiles pounded the western regions overnight. {PARA}\n\n"
        f"Kyiv continues to lose ground in the east\n\nKyiv has continued to lose ground in the east. {PARA}\n\n"
        f"Diplomacy stalls as both sides harden positions\n\nDiplomacy has stalled. {PARA}\n\n"
        f"Air defence under strain\n\nAir defence is under strain. {PARA}\n"
    )
    [story] = split(text, D(2024, 6, 4))
    assert story.reference_date == "2024-06-04"


def test_digest_headings_each_open_a_story_sharing_the_digest_day() -> None:
    text = (
        "Key events of day 900 of the war.\nPublished August 10, 2024\n"
        f"battlefield\n{LONG}\ndiplomacy\n{LONG}\nenergy\n{LONG}\n"
    )
    stories = split(text, D(2024, 8, 10))
    assert [s.title for s in stories] == ["battlefield", "diplomacy", "energy"]
    assert_covers(stories, text)
    assert all(s.reference_date == "2024-08-10" for s in stories)


def test_title_case_digest_headings_need_a_digest_cue() -> None:
    body = f"Battlefield\n{LONG}\nDiplomacy\n{LONG}\n"
    assert len(split(body, D(2024, 8, 10))) == 1
    assert len(split("Here's what happened on Saturday.\n" + body, D(2024, 8, 10))) == 2


def test_a_caption_line_is_not_a_dateline() -> None:
    caption = "KYIV, Jan 8, 2025 - A woman stands near a destroyed building in Kyiv, Ukraine."
    text = f"{PARA}\n\n{PARA}\n\n{caption}\n\n{PARA}\n"
    start = text.index(caption)
    assert len(split(text, D(2025, 1, 9), [(start, start + len(caption))])) == 1


def test_a_date_stamp_is_not_the_title() -> None:
    [story] = split(f"Published March 5, 2024\n\nDrones strike Odesa port\n\n{PARA}\n", D(2024, 3, 5))
    assert story.title == "Drones strike Odesa port"


def test_short_digest_paragraphs_under_title_case_headings_with_a_digest_cue() -> None:
    item = "Rescuers pulled at least 18 people from the rubble, the emergency service said."
    text = f"War digest: the main events of Monday\n\nKyiv toll\n{item}\n\nTalks\n{item}\n"
    assert [s.title for s in split(text, D(2024, 3, 5))] == ["Kyiv toll", "Talks"]


def test_no_publication_day_and_no_dateline() -> None:
    [story] = split(f"A headline without a date\n\n{PARA}\n", None)
    assert story.reference_date is None and story.title == "A headline without a date"


def test_empty_text_is_one_empty_story() -> None:
    assert split("", D(2024, 1, 1)) == [Story(0, 0, "2024-01-01")]


# --- seeds ------------------------------------------------------------------------------------------------

_META = re.compile(r"\s*date\s+(\d{4}-\d{2}-\d{2})\s*")
SEED_STORIES = [
    # file, the reference's story count, each story's reference day (None: its events are dated null)
    ("000_29e1155a4ce07864.txt", ["2025-11-20", "2025-11-19"]),
    ("001_cf7ea44a6156f3d9.txt", ["2025-11-14"]),
    ("002_8ce60579af19617c.txt", ["2025-08-29", None]),
    ("003_cf8d469a7bf1fa01.txt", [None]),
    ("004_5be327b760caaf7e.txt", ["2025-11-26", "2025-11-26"]),
]


def seed_text(name: str, cleaned: bool) -> tuple[CleanedText, str | None]:
    path = SEEDS / name
    need_shared(path)
    raw = path.read_text(encoding="utf-8")
    m = _META.match(raw)
    text, meta = (raw[m.end() :], m.group(1)) if m else (raw, None)
    if cleaned:
        clean = pytest.importorskip("kronika.clean")
        return clean.clean_text(text), meta
    return CleanedText(text), meta


@pytest.mark.parametrize("cleaned", [False, True], ids=["raw", "cleaned"])
@pytest.mark.parametrize(("name", "days"), SEED_STORIES)
def test_seed_stories(name: str, days: list[str | None], cleaned: bool) -> None:
    doc, meta = seed_text(name, cleaned)
    stories = split_stories(doc, publication_date(doc, meta).published)
    assert [s.reference_date for s in stories] == days
    assert_covers(stories, doc.text)


@pytest.mark.parametrize(
    ("name", "title"),
    [
        ("000_29e1155a4ce07864.txt", "Russian strikes kill 10 as Zelensky tries to revive peace efforts"),
        ("002_8ce60579af19617c.txt", "Russian strikes kill two in Dnipropetrovsk region, says Ukraine"),
        ("004_5be327b760caaf7e.txt", "peace plan"),
    ],
)
def test_seed_second_story_starts_at_its_heading(name: str, title: str) -> None:
    doc, meta = seed_text(name, cleaned=False)
    stories = split_stories(doc, publication_date(doc, meta).published)
    assert stories[1].title == title
    assert doc.text[stories[1].start :].startswith(title)


# --- the day a story's lead reports -------------------------------------------------------------------------


def test_a_lead_about_yesterday_gives_the_story_its_event_day() -> None:
    text = f"Strike on Sumy kills nine\n\nRussian missiles killed nine people in Sumy yesterday, officials said.\n\n{PARA}\n"
    [story] = split(text, D(2025, 4, 7))
    assert (story.reference_date, story.event_date) == ("2025-04-07", "2025-04-06")


def test_a_lead_about_the_story_s_own_day_needs_no_event_day() -> None:
    text = f"Russian drones struck Sumy overnight, officials said.\n\n{PARA}\n"
    [story] = split(text, D(2025, 4, 7))
    assert story.event_date is None


def test_a_digest_section_s_lead_is_its_own_paragraph_not_the_digest_head() -> None:
    body1 = "Three people were killed in a drone attack on Kherson, the governor said on Monday. " + PARA
    body2 = "Envoys met in Riyadh to prepare another round of talks, officials said. " + PARA
    text = f"Here is the situation on Tuesday, March 11, 2025\nstrikes\n{body1}\ndiplomacy\n{body2}\n"
    stories = split(text, D(2025, 3, 11))
    assert [s.event_date for s in stories] == ["2025-03-10", None]


def test_without_a_reference_day_the_first_story_keeps_the_anchor() -> None:
    text = f"Envoys met at the air base on March 3 to discuss air defence.\n\n{PARA}\n"
    [story] = split_stories(CleanedText(text), None, anchor=D(2024, 3, 3))
    assert (story.reference_date, story.anchor_date, story.event_date) == (None, "2024-03-03", "2024-03-03")


def test_item_headlines_listed_above_an_item_make_a_live_page() -> None:
    text = (
        f"Live: the war today\n\n{PARA}\n\n{PARA}\n\n{PARA}\n\n"
        "Mayor thanks rescuers for their work\n\nKharkiv counts the damage of the night\n\n"
        "Drone strike wounds five in Sumy, officials say\n\n"
        "A Russian drone strike wounded five people in Sumy, officials said on Telegram.\n"
    )
    stories = split(text, D(2024, 6, 4))
    assert stories[-1].title == "Drone strike wounds five in Sumy, officials say"
    assert stories[-1].reference_date == "2024-06-04"
