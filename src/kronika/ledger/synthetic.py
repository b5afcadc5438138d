"""Synthetic extraction results, for the ingest benchmark and the crash tests.

`synthetic_corpus(n_events, seed)` invents `n_events` real-world events spread over days and places in
Ukraine and writes one to three reports of each (different outlets, report days and rising tolls; a third
report is an undated toll update that names the month and day only), as
DocumentResults that look like what extraction yields: every quote and figure points at a real span of the
generated text. The same seed always gives the same corpus. Nothing here is used by kronika at run time.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from kronika.models import DocumentResult, Event, Figure, Location

OUTLETS = ("Northline Wire", "Dnipro Daily", "Eastern Europe Monitor", "Borysfen News", "Volga Agency", "Alpine Post")
REGIONS = (
    "Kharkiv Oblast", "Donetsk Oblast", "Zaporizhzhia Oblast", "Dnipropetrovsk Oblast", "Sumy Oblast",
    "Odesa Oblast", "Kyiv Oblast", "Mykolaiv Oblast", "Kherson Oblast", "Chernihiv Oblast",
)
START = date(2023, 1, 1)
PLACES_SEED = 20251119


@dataclass(slots=True)
class _Truth:
    day: date
    place: Location
    type: str
    killed: int


def _places(rng: random.Random, n: int) -> list[Location]:
    places = []
    for i in range(n):
        region = REGIONS[i % len(REGIONS)]
        lat = round(46.5 + rng.random() * 5.0, 4)
        lon = round(24.0 + rng.random() * 14.0, 4)
        places.append(Location(f"Settlement {i}", admin1=region, country="UA", lat=lat, lon=lon,
                               precision="settlement", gazetteer_id=f"synthetic:{i}"))
    return places


def synthetic_corpus(
    n_events: int,
    seed: int = 0,
    days: int = 1000,
    n_places: int = 2000,
    start: date = START,
    chronological: bool = True,
) -> Iterator[DocumentResult]:
    """Documents reporting `n_events` invented events over `days` days from `start`.

    `chronological` yields events day by day, as a ledger fed with the news grows; otherwise in random
    order, as when an archive is back-filled. The reports of one event follow each other.
    """
    rng = random.Random(seed)
    # places do not depend on the seed, so corpora with different seeds report from the same map
    places = _places(random.Random(PLACES_SEED), n_places)
    truths = [
        _Truth(
            day=start + timedelta(days=rng.randrange(days)),
            place=rng.choice(places),
            type=rng.choice(("strike", "strike", "air_attack", "ground_claim")),
            killed=rng.randrange(1, 40),
        )
        for _ in range(n_events)
    ]
    if chronological:
        truths.sort(key=lambda t: t.day)  # stable: same-day events keep their drawn order
    doc_no = 0
    for truth in truths:
        for report in range(rng.choice((1, 1, 2, 3))):
            doc_no += 1
            yield _report(truth, report, doc_no, seed, rng)


def _report(truth: _Truth, report: int, doc_no: int, seed: int, rng: random.Random) -> DocumentResult:
    outlet = OUTLETS[(doc_no + report) % len(OUTLETS)]
    published = truth.day + timedelta(days=report)
    toll = max(1, truth.killed - (2 - report) * 3)  # tolls rise from one report to the next
    qualifier = "at_least" if report == 0 else "exact"
    undated = report == 2 and truth.type != "ground_claim"  # a late update that gives no year, as many do
    if truth.type == "ground_claim":
        head = f"Russian forces claimed to have captured {truth.place.name} on {truth.day.isoformat()}"
        figures_text = ""
    elif undated:
        head = f"The toll from the Russian {truth.type.replace('_', ' ')} on {truth.place.name} on {truth.day:%B %d}"
        figures_text = f" has risen to {toll} people"
    else:
        head = f"A Russian {truth.type.replace('_', ' ')} hit {truth.place.name} on {truth.day.isoformat()}"
        figures_text = f", killing at least {toll} people" if qualifier == "at_least" else f", killing {toll} people"
    body = f"{truth.place.name}, {published.isoformat()} ({outlet}) - {head}{figures_text}, officials said."
    # a unique tail keeps every document distinct, as real articles are
    text = f"{body} Report {seed}-{doc_no}-{rng.randrange(10**9)}."
    start = text.index(head)
    figures = []
    if figures_text:
        fstart = text.index(figures_text) + (1 if undated else 2)
        ftext = figures_text[1:] if undated else figures_text[2:]
        span = (fstart, fstart + len(ftext))
        figures.append(Figure("killed", toll, qualifier, "regional administration", ftext, span))
    status, claimant = ("claimed", "Russia's defence ministry") if truth.type == "ground_claim" else ("reported", None)
    event = Event(id="e1", type=truth.type, date=None if undated else truth.day.isoformat(), location=truth.place,
                  actors=["Russia"], claimed_by=claimant, status=status, quote=head, span=(start, start + len(head)),
                  figures=figures, date_basis=None if undated else "text",
                  date_partial=truth.day.strftime("--%m-%d") if undated else None)
    return DocumentResult(path=f"synthetic/{seed}/{doc_no:07d}.txt", text=text, source=outlet,
                          published=None if undated else published.isoformat(), events=[event])
