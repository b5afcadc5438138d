"""Dating: publication days from the evidence a text holds, and event days relative to a story's day.

absolute      explicit calendar dates ("Nov 14", "26 November 2025", "2025-11-26")
datelines     wire datelines and "Published ..." stamps that open a line
publication   the document's publication day, ranked evidence, metadata conflicts
relative      the day a sentence's event happened ("on Thursday", "overnight", "yesterday")
storyday      what a text says of its own day: war-day counters, digest days, a lead's day, a URL's date
"""

from __future__ import annotations

from kronika.dates.absolute import DateMention, find_date_mentions, find_dates
from kronika.dates.datelines import Dateline, find_datelines
from kronika.dates.publication import PublicationDate, caption_spans, publication_date
from kronika.dates.relative import DateResolution, resolve_date
from kronika.dates.storyday import lead_day, url_date, war_day

__all__ = [
    "DateMention",
    "DateResolution",
    "Dateline",
    "PublicationDate",
    "caption_spans",
    "find_date_mentions",
    "find_dates",
    "find_datelines",
    "lead_day",
    "publication_date",
    "resolve_date",
    "url_date",
    "war_day",
]
