"""Publication day and story reference day for stamp and dateline shapes as sites print them, written for these
tests. Each text goes through the cleaner, the publication dater and the story splitter (no parse), as `kronika
extract` runs them. Classes: labelled stamps, header bars, month names with times and zones, bylines, reading
times, relative stamps, numeric dates and their order, wire datelines, copyright footers, and dates of other
events that must not be taken."""

from __future__ import annotations

import datetime as dt

import pytest

from kronika.models import Article
from kronika.pipeline import prepare

D = dt.date
HEAD = "Drones hit port warehouses in southern Ukraine"
BODY = (
    "Russian drones struck warehouses and a grain terminal in the port city overnight, the regional governor "
    "said, adding that air defence units had worked for several hours.\n"
    "Firefighters put out the blazes by morning and no one was hurt, according to the emergency service."
)


def _page(stamp: str, foot: str = "") -> str:
    return f"{HEAD}\n{stamp}\n{BODY}\n{foot}".rstrip() + "\n"


def _wire(dateline: str, lead: str) -> str:
    return f"{HEAD}\n{dateline} {lead}\n{BODY}\n"


# fmt: off
CASES: list[tuple[str, str, str | None, dt.date | None, dt.date | None]] = [
    # (id, text, metadata, published, the first story's reference day)
    # -- labelled stamps, anywhere in the excerpt
    ("iso-timestamp", _page("Published: 2025-03-14T09:41:00+02:00"), None, D(2025, 3, 14), D(2025, 3, 14)),
    ("published-zone", _page("Published 14 March 2025, 09:41 EET"), None, D(2025, 3, 14), D(2025, 3, 14)),
    ("first-published", _page("First published on Fri 14 Mar 2025 09.41 GMT"), None, D(2025, 3, 14), D(2025, 3, 14)),
    ("rfc-2822", _page("Published: Fri, 14 Mar 2025 09:41:00 +0200"), None, D(2025, 3, 14), D(2025, 3, 14)),
    ("time-first", _page("Published 9:41 AM EDT, Fri March 14, 2025"), None, D(2025, 3, 14), D(2025, 3, 14)),
    ("published-and-updated", _page("Published 14.03.2025 | Updated 15.03.2025"), None, D(2025, 3, 14), D(2025, 3, 14)),
    ("update-only", _page("Updated 9:41 AM EDT, Sat March 15, 2025"), None, D(2025, 3, 15), D(2025, 3, 15)),
    ("update-after-metadata", _page("", "Last updated: 16 March 2025"), "2025-03-14", D(2025, 3, 14), D(2025, 3, 14)),
    (
        "modified-and-first",
        _page("First published on Fri 14 Mar 2025 09.41 GMT", "Last modified on Sun 16 Mar 2025 12.00 GMT"),
        None, D(2025, 3, 14), D(2025, 3, 14),
    ),
    ("date-label-at-end", _page("", "Date: March 20, 2025"), None, D(2025, 3, 20), D(2025, 3, 20)),
    ("dated-label", _page("Dated: 2022-06-27"), None, D(2022, 6, 27), D(2022, 6, 27)),
    ("posted-by", _page("Posted on 31.01.2025 by Desk"), None, D(2025, 1, 31), D(2025, 1, 31)),
    ("publication-date-slash", _page("Publication date: 20/03/2025"), None, D(2025, 3, 20), D(2025, 3, 20)),
    ("label-space-colon", _page("Published : 19:26, 1 August 2025"), None, D(2025, 8, 1), D(2025, 8, 1)),
    ("this-article-updated", _page("", "This article was last updated on 16 March 2025"), None, D(2025, 3, 16),
     D(2025, 3, 16)),
    # -- header bars: the date among site sections
    ("sections-dotted", _page("Kyiv Gazette | War | 14.03.2025 09:41"), None, D(2025, 3, 14), D(2025, 3, 14)),
    ("breadcrumb", _page("News › Ukraine › 14 March 2025, 09:41"), None, D(2025, 3, 14), D(2025, 3, 14)),
    ("bullets-read-time", _page("WAR • 14.03.2025, 09:41 • 2 min read"), None, D(2025, 3, 14), D(2025, 3, 14)),
    ("slashed-path", _page("Home / Ukraine / 14/03/2025"), None, D(2025, 3, 14), D(2025, 3, 14)),
    ("section-comma", _page("Press releases, 16.06.2024"), None, D(2024, 6, 16), D(2024, 6, 16)),
    ("menu-led", _page("| 14.03.2025 09:41"), None, D(2025, 3, 14), D(2025, 3, 14)),
    # -- month names, times, zones
    ("us-zone", _page("March 14, 2025 9:41 AM EDT"), None, D(2025, 3, 14), D(2025, 3, 14)),
    ("weekday-offset", _page("Fri, Mar 14, 2025, 9:41 AM GMT+2"), None, D(2025, 3, 14), D(2025, 3, 14)),
    ("utc-offset", _page("14 Mar 2025 09:41 UTC+02:00"), None, D(2025, 3, 14), D(2025, 3, 14)),
    ("long-weekday", _page("Friday 14 March 2025 09:41"), None, D(2025, 3, 14), D(2025, 3, 14)),
    ("dash-time", _page("Mar. 14, 2025 — 9:41 a.m."), None, D(2025, 3, 14), D(2025, 3, 14)),
    ("at-pm-et", _page("Sept. 5, 2024 at 6:20 p.m. ET"), None, D(2024, 9, 5), D(2024, 9, 5)),
    ("bare-iso", _page("2025-03-14T09:41:00Z"), None, D(2025, 3, 14), D(2025, 3, 14)),
    ("updated-ago-tail", _page("March 14, 2025 9:41 AM GMT+2 Updated 2 hours ago"), None, D(2025, 3, 14),
     D(2025, 3, 14)),
    ("year-less-with-time", _page("14 March, 09:41"), "2025-03-16", D(2025, 3, 14), D(2025, 3, 14)),
    # -- bylines with dates
    ("byline-bar", _page("By Olena Petrenko | March 14, 2025"), None, D(2025, 3, 14), D(2025, 3, 14)),
    ("byline-outlet-read", _page("By Olena Petrenko, Kyiv Gazette · 14 March 2025 · 3 min read"), None,
     D(2025, 3, 14), D(2025, 3, 14)),
    ("written-by-on", _page("Written by Olena Petrenko on 14 March 2025"), None, D(2025, 3, 14), D(2025, 3, 14)),
    ("byline-in-place", _page("By Ivan Melnyk in Lviv March 14, 2025"), None, D(2025, 3, 14), D(2025, 3, 14)),
    ("authors-glued", _page("Olena Petrenko, Ivan MelnykFriday, 14 March 2025, 09:41"), None, D(2025, 3, 14),
     D(2025, 3, 14)),
    ("author-capitals", _page("OLENA PETRENKO — FRIDAY, 14 MARCH 2025, 09:41"), None, D(2025, 3, 14),
     D(2025, 3, 14)),
    ("desk-byline-read", _page("by the Kyiv Gazette news desk March 14, 2025 9:41 PM 2 min read"), None,
     D(2025, 3, 14), D(2025, 3, 14)),
    ("read-time-first", _page("5 min read · Mar 14, 2025"), None, D(2025, 3, 14), D(2025, 3, 14)),
    # -- relative stamps fix nothing without a crawl date
    ("hours-ago", _page("2 hours ago"), None, None, None),
    ("updated-minutes-ago", _page("Updated 35 minutes ago"), None, None, None),
    ("yesterday-stamp", _page("Yesterday, 09:41"), None, None, None),
    ("relative-with-metadata", _page("2 hours ago"), "2025-03-14", D(2025, 3, 14), D(2025, 3, 14)),
    # -- numeric dates whose numbers do not settle the order
    ("ambiguous-slash", _page("Kyiv Gazette | 03/04/2025 09:41"), None, None, None),
    ("ambiguous-dots", _page("03.04.2025 09:41"), None, None, None),
    ("weekday-settles", _page("Thursday, 03.04.2025 09:41"), None, D(2025, 4, 3), D(2025, 4, 3)),
    ("us-zone-settles", _page("03/04/2025 09:41 EDT"), None, D(2025, 3, 4), D(2025, 3, 4)),
    ("kyiv-time-settles", _page("03.04.2025 09:41 (Kyiv time)"), None, D(2025, 4, 3), D(2025, 4, 3)),
    ("sibling-date-settles", _page("Kyiv Gazette | 03.04.2025 09:41", "The decree of 25.03.2025 stays in force."),
     None, D(2025, 4, 3), D(2025, 4, 3)),
    ("crawl-day-settles", _page("03/04/2025 09:41"), "2025-04-05", D(2025, 4, 3), D(2025, 4, 3)),
    ("month-first-forced", _page("3/14/2025 9:41 AM"), None, D(2025, 3, 14), D(2025, 3, 14)),
    ("text-date-settles", f"{HEAD}\n03.04.2025\nRussian drones hit Sumy on April 2, 2025, the governor said.\n",
     None, D(2025, 4, 3), D(2025, 4, 3)),
    # -- wire datelines
    ("ap-place-only", _wire("KYIV, Ukraine (AP) —", "Russian drones hit Kyiv on Friday, officials said."), None,
     None, None),
    ("reuters-weekday", _wire("KHARKIV, Ukraine, June 7 (Reuters) -", "Russian glide bombs hit Kharkiv on Saturday, "
     "killing three people, the mayor said."), None, D(2025, 6, 7), D(2025, 6, 7)),
    ("reuters-said-on", _wire("ODESA, Ukraine, June 7 (Reuters) -", "Drones launched late on Friday hit the port, "
     "officials said on Saturday."), None, D(2025, 6, 7), D(2025, 6, 7)),
    ("reuters-no-weekday", _wire("KYIV, June 7 (Reuters) -", "Russian drones hit Kyiv, officials said."), None,
     None, None),
    ("reuters-night-before", _wire("KYIV, June 7 (Reuters) -", "Russian drones hit Kyiv late on Friday, officials "
     "said."), None, None, None),
    ("reuters-future", _wire("KYIV, June 7 (Reuters) -", "Ministers will meet in Kyiv on Saturday, officials said."),
     None, None, None),
    ("reuters-metadata-year", _wire("KYIV, June 7 (Reuters) -", "Russian drones hit Kyiv, officials said."),
     "2024-06-07", D(2024, 6, 7), D(2024, 6, 7)),
    ("reuters-with-year", _wire("KYIV, March 14, 2025 (Reuters) -", "Drones hit Kyiv, officials said."), None,
     D(2025, 3, 14), D(2025, 3, 14)),
    ("afp", f"{HEAD}\nKyiv (AFP) Mar 14, 2025\n{BODY}\n", None, D(2025, 3, 14), D(2025, 3, 14)),
    ("ukrinform", _wire("Kyiv, March 14, 2025 (Ukrinform) -", "Drones hit the city, officials said."), None,
     D(2025, 3, 14), D(2025, 3, 14)),
    ("tass-weekday", _wire("MOSCOW, March 14. /TASS/.", "Air defences downed 40 drones on Friday, the ministry "
     "said."), None, D(2025, 3, 14), D(2025, 3, 14)),
    ("kyiv-independent", f"{HEAD}\nMartin Petrenko\nMarch 14, 2025 9:41 AM 2 min read\n{BODY}\n", None,
     D(2025, 3, 14), D(2025, 3, 14)),
    # -- digests dating themselves, and summaries of a day
    ("digest-situation", f"{HEAD}\nHere is the situation on Wednesday, March 12, 2025.\n{BODY}\n", None,
     D(2025, 3, 12), D(2025, 3, 12)),
    ("digest-year-less", f"{HEAD}\nHere is the situation on Wednesday, March 12.\n{BODY}\n", None, D(2025, 3, 12),
     D(2025, 3, 12)),
    ("digest-what-happened", f"{HEAD}\nHere's what happened on Tuesday, March 11, 2025.\n{BODY}\n", None, None,
     D(2025, 3, 11)),
    ("war-day-counter", f"Russia-Ukraine war: list of key events, day 1,113\n{BODY}\n", None, None, None),
    # -- a copy that names its original page: the URL dates it; a link to another page does not
    ("source-url", f"{HEAD}\nYou can find this article at its original source at "
     f"https://example.org/world/2025/mar/14/port-hit\n{BODY}\n", None, D(2025, 3, 14), D(2025, 3, 14)),
    ("other-link", _page("", "The ministry posted its report at https://example.org/2024/01/02/report"), None, None,
     None),
    # -- years in a copyright footer, and dates of other events
    ("copyright-footer", _page("", "© 2025 Kyiv Gazette. All rights reserved."), None, None, None),
    ("copyright-ap", _wire("KYIV, Ukraine (AP) —", "Drones hit Kyiv, officials said.")
     + "Copyright 2024 The Associated Press. All rights reserved.\n", None, None, None),
    ("war-start-in-lead", f"{HEAD}\nThe war began on February 24, 2022, and the port has been hit since.\n{BODY}\n",
     None, None, None),
    ("mid-sentence-published", f"{HEAD}\nThe report, published March 5, 2024, found abuses at the port.\n{BODY}\n",
     None, None, None),
    ("future-meeting", f"{HEAD}\nMinisters will meet in Brussels on June 20, 2025 to discuss aid.\n{BODY}\n",
     None, None, None),
    ("read-more-link", _page("", "Read more: Russia strikes Odesa port – 12.03.2025"), None, None, None),
    ("photo-credit", _page("Photo: Reuters, 13 March 2025"), None, None, None),
    ("labelled-event-date", _page("Date of attack: 13.03.2025"), None, None, None),
    ("headline-with-date", _page("Russian drones hit the port of Odesa overnight | 14.03.2025"), None, None, None),
]
# fmt: on


@pytest.mark.parametrize(
    ("text", "metadata", "published", "reference"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_publication_and_reference_day(
    text: str, metadata: str | None, published: dt.date | None, reference: dt.date | None
) -> None:
    prep = prepare(Article("page.txt", text, metadata_date=metadata))
    story = prep.stories[0]
    assert (prep.published, story.reference_date) == (
        published.isoformat() if published else None,
        reference.isoformat() if reference else None,
    )


def test_the_table_covers_the_classes() -> None:
    assert len(CASES) >= 40 and len({c[0] for c in CASES}) == len(CASES)


def test_a_relative_stamp_is_no_headline_and_dates_no_news() -> None:
    prep = prepare(Article("page.txt", _page("Yesterday, 09:41"), metadata_date="2025-03-14"))
    [story] = prep.stories
    assert story.title == HEAD and story.event_date is None  # "Yesterday" in a stamp is not the news's day
