"""A stand-in for the spaCy stages, for the kill test only: it runs the pipeline's real cheap stages (clean, date,
split, as kronika.pipeline.prepare does) and reads the one event the kill test's own pages state, in the one sentence shape they use:

    "Russian drones struck <Place> on <Weekday>, killing <N> people, ..."

so that a subprocess polling a hundred pages starts and finishes in a second or two instead of loading the model.
It yields one result per input, in order, as extract_items does; reports of one day and place merge in the ledger.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from kronika.clean import clean_text
from kronika.dates import publication_date
from kronika.errors import RejectedInput
from kronika.models import Article, DocumentResult, Event, Figure, Location
from kronika.segment import split_stories

PLACES = {
    "Kharkiv": (49.9935, 36.2304, "Kharkiv Oblast"),
    "Odesa": (46.4825, 30.7233, "Odesa Oblast"),
    "Sumy": (50.9077, 34.7981, "Sumy Oblast"),
    "Dnipro": (48.4647, 35.0462, "Dnipropetrovsk Oblast"),
    "Kherson": (46.6354, 32.6169, "Kherson Oblast"),
}
_SENTENCE = re.compile(r"Russian drones struck (?P<place>\w+) on \w+, (?P<killed>killing (?P<n>\d+) people)[^.]*\.")


def light_extract(items: Iterable[Article | RejectedInput]) -> Iterator[DocumentResult | RejectedInput]:
    for item in items:
        if isinstance(item, RejectedInput):
            yield item
            continue
        # kronika.pipeline.prepare without importing the pipeline, which imports spaCy (seconds per subprocess)
        cleaned = clean_text(item.text)
        if not cleaned.text.strip():
            yield RejectedInput(item.path, "no article text")
            continue
        pub = publication_date(cleaned, item.metadata_date)
        published = pub.published.isoformat() if pub.published else None
        text = cleaned.text
        events = []
        match = _SENTENCE.search(text)
        if match and match["place"] in PLACES:
            lat, lon, region = PLACES[match["place"]]
            place = Location(match["place"], admin1=region, country="UA", lat=lat, lon=lon, precision="settlement",
                             gazetteer_id=f"test:{match['place'].lower()}")
            killed, start = match["killed"], match.start("killed")
            events.append(Event(id="e1", type="strike", date=published, location=place, actors=["Russia"],
                                quote=match.group(0), span=(match.start(), match.end()),
                                figures=[Figure("killed", int(match["n"]), quote=killed,
                                                span=(start, start + len(killed)))]))
        yield DocumentResult(path=item.path, text=text, source=item.source, title=item.title, url=item.url,
                             published=published, metadata_date=item.metadata_date, date_conflict=pub.conflict,
                             stories=split_stories(cleaned, pub.published), events=events)
