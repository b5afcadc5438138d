"""Cleaning: chrome dropped, headings kept, repeats removed, captions kept and marked, whitespace normalised."""

from __future__ import annotations

from pathlib import Path

import pytest

from kronika.clean import clean_text, is_caption_line, is_chrome_line
from kronika.models import CleanedText
from kronika.readers import read_file

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"

LEAD = "Russian missiles struck the city of Zaporizhzhia overnight, killing four people, the regional governor said."
BODY = "Rescuers searched the rubble of a five-storey building until the morning, emergency services said."


def _lines(cleaned: CleanedText) -> list[str]:
    return [line for line in cleaned.text.split("\n") if line]


def _captions(cleaned: CleanedText) -> list[str]:
    return [cleaned.text[start:end] for start, end in cleaned.captions]


def _seed(prefix: str) -> str:
    [path] = SEEDS.glob(f"{prefix}_*.txt")
    [article] = read_file(path)
    return article.text


needs_seeds = pytest.mark.skipif(not SEEDS.is_dir(), reason="shared seeds not present")


# --------------------------------------------------------------------------------------- chrome


@pytest.mark.parametrize(
    "line",
    [
        # navigation
        "skip to main content",
        "Skip to content",
        "Menu",
        "Search",
        "Close",
        "\u00a0\u00a0|\u00a0\u00a0 Politics",
        "  \u2022 Market Data",
        "Home | World | Europe | Ukraine",
        "Share this article",
        "Back to top",
        # sign-up, subscribe, cookie and advert blurbs
        "Welcome to EconoTimes",
        "Sign up for daily updates for the most important stories unfolding in the global economy.",
        "Subscribe to our free morning briefing on the war.",
        "Get our daily newsletter in your inbox.",
        "We use cookies to improve your experience on our site.",
        "Accept all cookies",
        "ADVERTISEMENT",
        "Advertisement - scroll to continue",
        "Story continues below",
        "Please enable JavaScript to view the comments.",
        "Already a subscriber? Log in",
        "Follow us on Telegram for the latest updates",
        "Download our app for breaking news alerts",
        # video promos and links
        "Watch: Trump 'not happy' after Russian strikes on Kyiv",
        "VIDEO: Drone footage shows the damaged bridge",
        "Read more: Ukraine's energy grid under strain",
        "READ MORE",
        "Related",
        "Related articles: Kupiansk falls again",
        "Most read",
        # credits and bylines
        "by AFP Staff Writers",
        "By Olena Harmash and Tom Balmforth",
        "(Reporting by Pavel Polityuk; Editing by Alex Richardson)",
        "Source: Kremlin.ru, CC BY 4.0, via Wikimedia Commons",
        "Photo: Efrem Lukatsky/AP",
        "Genya Savilov/AFP via Getty Images",
        "Image credit: Ministry of Defence",
        # separators, bare links, agency and site footers
        "___",
        "* * *",
        "https://example.org/live/ukraine-war",
        "Follow AP's coverage of the war in Ukraine",
        "Our Standards: The Thomson Reuters Trust Principles.",
        "Image source, Getty Images",
        "Save articles to read later and create your own reading list.",
        "Reuse this content",
        "Related Links",
        "Support us with a monthly contribution via PayPal or Patreon",
        "Listen to this article | 4 mins",
        "12 Comments",
        "Associated Press writer Hanna Arhirova contributed to this report.",
        "CNN\u2019s Victoria Butenko contributed reporting.",
        "Photo: illustrative",
        # copyright
        "\u00a9 2025 AFP",
        "Copyright 2025 Example Media Group. All rights reserved.",
        "All rights reserved. Reproduction is prohibited without permission.",
    ],
)
def test_chrome_lines_are_dropped(line: str) -> None:
    assert is_chrome_line(line), line
    cleaned = clean_text(f"{LEAD}\n\n{line}\n\n{BODY}\n")
    assert cleaned.text == f"{LEAD}\n\n{BODY}"


@pytest.mark.parametrize(
    "line",
    [
        # story sentences that share words with chrome
        "By Tuesday, Russian troops had entered the outskirts of Pokrovsk, the ministry said.",
        "Search and rescue operations continued in Dnipro on Friday.",
        "Close to 200 drones were launched in the attack, the air force said.",
        "Related talks in Geneva ended without agreement, diplomats said.",
        "Watch towers along the border were destroyed, officials said.",
        "Ukraine's president told Reuters the front line was holding.",
        "Menu prices in Kyiv cafes have doubled since the war began.",
        "The reporter, who works for AFP, said the building was hit twice.",
        # headings and datelines
        "Moscow (AFP) Nov 20, 2025",
        "Kyiv, Ukraine (AFP) Nov 19, 2025 - Russia pummelled Ukrainian cities overnight.",
        "- 'Sanctions and assistance' -",
        "'Diplomacy ruined'",
        "peace plan",
        "finding",
        "Published November 26, 2025",
        "Russia continues to make territorial gains",
        "Latest: Russia launches hundreds of drones at western Ukraine",
        "\u2022 At least 10 people were killed in Ternopil, officials said.",
        "Quote: \u201cThe enemy attacked the city with 12 drones overnight.\u201d",
        "Background: the region has been shelled daily since the spring.",
        "1,200",
        # Ukrainska Pravda names the source of the news on a line of its own
        "Source: Ukraine's Air Force on Telegram",
        "MOSCOW, November 20. /TASS/.",
        # a body's own briefing or digest is news, not the site's newsletter
        "In its daily briefing, the defence ministry said two villages had been taken.",
        "The general staff's morning digest listed 140 clashes.",
    ],
)
def test_story_lines_and_headings_are_kept(line: str) -> None:
    assert not is_chrome_line(line), line
    cleaned = clean_text(f"{LEAD}\n\n{line}\n\n{BODY}\n")
    assert line.strip() in _lines(cleaned)


def test_long_paragraph_mentioning_subscriptions_is_kept() -> None:
    paragraph = (
        "Officials in Kharkiv said residents could sign up for emergency alerts and subscribe to the city's "
        "Telegram channel, which posts warnings about incoming drones and missiles, after a strike on Monday "
        "killed two people and injured 11 in the Saltivskyi district, the mayor said in a statement."
    )
    assert paragraph in clean_text(f"{LEAD}\n\n{paragraph}").text


def test_blurb_hard_wrapped_over_two_lines_is_dropped_whole() -> None:
    text = f"{BODY}\n\nSign up for daily updates for the most important\nstories unfolding in the global economy."
    assert clean_text(text).text == BODY


# --------------------------------------------------------------------------------------- repeats


def test_line_repeated_at_once_is_dropped() -> None:
    headline = "Russian attacks on Kyiv killed 23 people yesterday"
    cleaned = clean_text(f"{headline}\n{headline}\n\n{LEAD}")
    assert cleaned.text == f"{headline}\n\n{LEAD}"


def test_long_line_repeated_later_is_dropped() -> None:
    cleaned = clean_text(f"{LEAD}\n\n{BODY}\n\n{LEAD}\n")
    assert cleaned.text == f"{LEAD}\n\n{BODY}"


def test_short_heading_repeated_in_a_digest_is_kept() -> None:
    text = f"finding\n{LEAD}\npeace plan\n{BODY}\nfinding\nA second day of strikes hit Odesa, officials said."
    assert _lines(clean_text(text)).count("finding") == 2


def test_headline_repeated_with_a_photo_credit_tail_is_dropped() -> None:
    headline = "Trump Urges Putin to Halt Kyiv Missile Strikes Amid Peace Talks"
    for tail in (". Source: Kremlin.ru", " Photo: Efrem Lukatsky/AP", " (Genya Savilov/AFP via Getty Images)"):
        cleaned = clean_text(f"{headline}\n\n{headline}{tail}\n\n{LEAD}")
        assert cleaned.text == f"{headline}\n\n{LEAD}", tail


def test_lead_that_starts_like_the_headline_is_kept() -> None:
    headline = "Russian strikes kill 10 in Ternopil"
    lead = "Russian strikes kill 10 in Ternopil as winter approaches, officials told AFP on Wednesday."
    assert _lines(clean_text(f"{headline}\n\n{lead}")) == [headline, lead]


# --------------------------------------------------------------------------------------- captions


AGENCY_CAPTION = (
    "KYIV, UKRAINE - Iryna Kutsenko (center) is comforted as friends wait for news about her mother while "
    "rescue workers search for survivors after Russia launched a massive attack on Kyiv August 28, 2025 in "
    "Kyiv, Ukraine."
)


@pytest.mark.parametrize(
    "line",
    [
        AGENCY_CAPTION,
        "ODESA, UKRAINE - Firefighters work at the scene of a drone strike on March 4, 2025 in Odesa, Ukraine.",
        "KHARKIV, UKRAINE - MAY 25: Firefighters put out a fire at a hardware store hit by a glide bomb.",
        "A photograph of Ukrainian President Volodymyr Zelensky",
        "A picture of the damaged apartment block in Ternopil",
        "Residents clear debris outside the school (left), hit by a drone on Sunday.",
        "Volunteers, pictured on Monday, hand out water in Kherson.",
        "Photo: Rescuers carry a woman from the rubble in Dnipro.",
        "Image: A crater left by a missile strike near Kharkiv.",
        "Rescuers at the scene in Sumy. Photo by Roman Pilipey/AFP via Getty Images",
        "A man stands next to a burnt car in Kyiv, Reuters/Gleb Garanich",
        "Caption: Firefighters at the damaged terminal in Odesa. Photo: Example Wire",
        "A view shows the damaged railway station in Kramatorsk.",
        "Image caption, Rescue workers at the site of the strike in Kryvyi Rih",
        "Item 1 of 5 Rescuers work at the site of a Russian drone strike in Odesa. REUTERS/Nina Liashonok",
        "Emergency workers at the scene in Dnipro. REUTERS/Mykola Synelnykov",
    ],
)
def test_caption_lines_are_kept_and_marked(line: str) -> None:
    assert is_caption_line(line), line
    cleaned = clean_text(f"{LEAD}\n\n{line}\n\n{BODY}")
    assert line in cleaned.text
    assert _captions(cleaned) == [line]
    assert cleaned.in_caption(cleaned.text.index(line))
    assert not cleaned.in_caption(0)


@pytest.mark.parametrize(
    "line",
    [
        LEAD,
        "Ukraine's president told Reuters the front line was holding.",
        "Troops on the left bank of the Dnipro river came under fire, the army said.",
        "Photographs of the damage were posted online by the mayor, who said three people died.",
        "The picture is grim, the governor said, with 40 fires still burning across the city.",
        "KYIV, Ukraine (AP) \u2014 Russia launched 55 drones overnight, the air force said.",
        "KYIV, UKRAINE - Russia launched 55 drones overnight, the air force said on May 25: none hit the city.",
        # A caption cue buried in a long paragraph of the story does not make it a caption.
        "Zelensky (center) met European leaders in Kyiv on Saturday. " + BODY * 7,
    ],
)
def test_story_lines_are_not_captions(line: str) -> None:
    assert not is_caption_line(line), line
    cleaned = clean_text(f"{LEAD}\n\n{line}\n\n{BODY}")
    assert cleaned.captions == []


def test_caption_fragment_beside_a_caption_is_marked() -> None:
    before = "Emergency rescue workers search for survivors after an overnight bombardment by Russian forces in Kyiv"
    after = "Volodymyr Zelensky said the attack in Kyiv was a 'horrific and deliberate killing of civilians'"
    text = (
        f"{LEAD}\n\n{before}\n\n{AGENCY_CAPTION}\n\n{BODY}\n\n"
        f"A photograph of Ukrainian President Volodymyr Zelensky\n{after}\n\n{BODY.replace('morning', 'evening')}"
    )
    cleaned = clean_text(text)
    assert _captions(cleaned) == [
        before,
        AGENCY_CAPTION,
        "A photograph of Ukrainian President Volodymyr Zelensky",
        after,
    ]


def test_headline_and_sentences_beside_a_caption_are_not_marked() -> None:
    headline = "Drones Hit Odesa Grain Terminal Overnight As Talks Stall In Geneva"
    subhead = "Russian drones hit a grain terminal"
    second_caption = AGENCY_CAPTION.replace("KYIV", "LVIV")
    text = f"{headline}\n\n{AGENCY_CAPTION}\n\n{LEAD}\n\n{subhead}\n\n{second_caption}\n\n{BODY}"
    cleaned = clean_text(text)
    marked = _captions(cleaned)
    assert headline not in marked and LEAD not in marked and subhead not in marked and BODY not in marked
    assert len(marked) == 2


def test_headline_followed_by_a_dateline_is_not_a_caption_fragment() -> None:
    headline = "Russian strikes kill 10 as Zelensky tries to revive the stalled peace efforts in Turkey"
    text = f"{AGENCY_CAPTION}\n\n{headline}\n\nKyiv, Ukraine (AFP) Nov 19, 2025 - {LEAD}"
    cleaned = clean_text(text)
    assert _captions(cleaned) == [AGENCY_CAPTION]


# --------------------------------------------------------------------------------------- whitespace


def test_whitespace_is_normalised_and_characters_kept() -> None:
    text = (
        "  \n\n\u201cWe will rebuild,\u201d  the mayor said.   \n\n\n\n"
        "\tNext\u00a0paragraph \u2014 here.\t\nSame block.\n\n"
    )
    cleaned = clean_text(text)
    assert cleaned.text == (
        "\u201cWe will rebuild,\u201d the mayor said.\n\nNext\u00a0paragraph \u2014 here.\nSame block."
    )


def test_blank_line_survives_a_dropped_line_between_paragraphs() -> None:
    assert clean_text(f"{LEAD}\nMenu\n{BODY}").text == f"{LEAD}\n{BODY}"
    assert clean_text(f"{LEAD}\n\nMenu\n{BODY}").text == f"{LEAD}\n\n{BODY}"


def test_hard_wrapped_paragraph_is_joined_but_lowercase_heading_is_not() -> None:
    text = (
        "Russian forces have advanced near the city of Siversk and the\n"
        "villages around it in the east of the country, analysts said.\n"
        "finding\n"
        "Seven people were killed."
    )
    assert _lines(clean_text(text)) == [
        "Russian forces have advanced near the city of Siversk and the villages around it in the east of the "
        "country, analysts said.",
        "finding",
        "Seven people were killed.",
    ]


def test_link_text_split_onto_its_own_line_is_joined_back() -> None:
    text = "Russian drones hit the port city of\nOdesa\n, killing two people, the governor said.\n\nNext paragraph."
    assert _lines(clean_text(text)) == [
        "Russian drones hit the port city of Odesa, killing two people, the governor said.",
        "Next paragraph.",
    ]


def test_empty_and_chrome_only_texts_clean_to_nothing() -> None:
    assert clean_text("") == CleanedText("", [])
    assert clean_text("Menu\n\nSearch\n\nClose\n") == CleanedText("", [])


def test_cleaning_is_idempotent() -> None:
    text = f"skip to main content\n\n{LEAD}\n{LEAD}\n\n{AGENCY_CAPTION}\n\n  {BODY}  \n\n\nRead more\n"
    once = clean_text(text)
    twice = clean_text(once.text)
    assert twice == once


# --------------------------------------------------------------------------------------- seeds


@needs_seeds
def test_seed_000_drops_the_byline_and_keeps_headline_dateline_and_subheading() -> None:
    cleaned = clean_text(_seed("000"))
    lines = _lines(cleaned)
    assert lines[:2] == [
        "Russian says key city falls;. Missiles kill 10; Zelensky tries to revive peace efforts",
        "Moscow (AFP) Nov 20, 2025",
    ]
    assert "by AFP Staff Writers" not in cleaned.text
    assert "- 'Sanctions and assistance' -" in lines
    assert "Russian strikes kill 10 as Zelensky tries to revive peace efforts" in lines
    assert "\n\n\n" not in cleaned.text
    assert cleaned.captions == []


@needs_seeds
def test_seed_002_marks_its_four_caption_lines_and_drops_promos_and_the_repeat() -> None:
    cleaned = clean_text(_seed("002"))
    captions = _captions(cleaned)
    assert [c[:40] for c in captions] == [
        "Emergency rescue workers search for surv",
        "KYIV, UKRAINE - Iryna Kutsenko (center) ",
        "A photograph of Ukrainian President Volo",
        "Volodymyr Zelensky said the attack in Ky",
    ]
    assert captions[1].endswith("The attack was the second largest since the full-scale invas")
    lines = _lines(cleaned)
    assert lines[0] == "Zelensky urges more Western pressure on Putin after Kyiv attack"
    assert lines.count("Russian attacks on Ukraine's capital Kyiv killed 23 people yesterday") == 1
    assert "skip to main content" not in cleaned.text and "Watch:" not in cleaned.text
    assert "Russian strikes kill two in Dnipropetrovsk region, says Ukraine" in lines
    assert "'Diplomacy ruined'" in lines
    assert cleaned.text.endswith("But Russia has claimed to have captured some settlements there since July.")


@needs_seeds
def test_seed_003_loses_all_its_chrome_and_keeps_the_story() -> None:
    cleaned = clean_text(_seed("003"))
    lines = _lines(cleaned)
    assert lines[0] == "Trump Urges Putin to Halt Kyiv Missile Strikes Amid Peace Talks"
    assert lines[1].startswith("At least 12 people were killed and 90 wounded")
    assert lines[-1].startswith("Trump warned he would end U.S. efforts if progress stalls")
    for chrome in ("Menu", "Search", "Politics", "Market Data", "Close", "EconoTimes", "Sign up", "Wikimedia"):
        assert chrome not in cleaned.text, chrome
    assert len(lines) == 7  # the headline and six paragraphs


@needs_seeds
def test_seed_004_digest_keeps_its_lowercase_headings_and_line_structure() -> None:
    raw = _seed("004")
    cleaned = clean_text(raw)
    assert cleaned.text == raw.strip()
    assert _lines(cleaned)[3] == "finding"
    assert "\npeace plan\n" in cleaned.text


@needs_seeds
def test_seed_001_is_unchanged_but_for_trailing_whitespace() -> None:
    raw = _seed("001")
    assert clean_text(raw).text == raw.strip()
