"""Hand-made extraction results for the ledger tests, so every merge and figure rule is tested on exact inputs.
`build_article(...)` makes a DocumentResult whose events and figures point at real spans of its text.

A module of its own (not conftest.py): `from conftest import ...` is ambiguous when several test folders have a
conftest."""

from __future__ import annotations

from dataclasses import dataclass, field

from kronika.models import DocumentResult, Event, Figure, Location

TERNOPIL = Location("Ternopil", admin1="Ternopil Oblast", country="UA", lat=49.5535, lon=25.5948,
                    precision="settlement", gazetteer_id="ua:UA61040170010081466")
KYIV = Location("Kyiv", admin1="Kyiv", country="UA", lat=50.4501, lon=30.5234, precision="settlement",
                gazetteer_id="ua:UA80000000000093317")
KUPIANSK = Location("Kupiansk", admin1="Kharkiv Oblast", country="UA", lat=49.7106, lon=37.6156,
                    precision="settlement", gazetteer_id="ua:UA63080090010035440")
KHARKIV = Location("Kharkiv", admin1="Kharkiv Oblast", country="UA", lat=49.9935, lon=36.2304,
                   precision="settlement", gazetteer_id="ua:UA63120270010096107")
KHARKIV_OBLAST = Location("Kharkiv Oblast", admin1="Kharkiv Oblast", country="UA", lat=49.6, lon=36.6,
                          precision="admin1", gazetteer_id="ua:oblast:UA63")
ZAPORIZHZHIA = Location("Zaporizhzhia", admin1="Zaporizhzhia Oblast", country="UA", lat=47.8388, lon=35.1396,
                        precision="settlement", gazetteer_id="ua:UA23060070010012567")
DARNYTSIA = Location("Darnytskyi district", admin1="Kyiv", country="UA", lat=50.416, lon=30.695,
                     precision="settlement", gazetteer_id="gn:darnytskyi-test")
RIYADH = Location("Riyadh", country="SA", lat=24.6877, lon=46.7219, precision="settlement", gazetteer_id="gn:108410")
SAUDI_ARABIA = Location("Saudi Arabia", country="SA", precision="country", gazetteer_id="gn:102358")
BALAKLIIA = Location("Balakliia", admin1="Kharkiv Oblast", country="UA", lat=49.4627, lon=36.8589,
                     precision="settlement", gazetteer_id="ua:UA63080030010060796")


@dataclass
class Fig:
    kind: str
    value: int
    text: str  # the words in the article that state it
    qualifier: str = "exact"
    claimed_by: str | None = None


@dataclass
class Ev:
    type: str
    quote: str
    date: str | None
    location: Location | None = None
    claimed_by: str | None = None
    status: str = "reported"
    actors: list[str] = field(default_factory=list)
    figures: list[Fig] = field(default_factory=list)
    date_basis: str | None = None  # text | story, as extraction fills it
    date_partial: str | None = None  # '--MM-DD' or 'YYYY-MM'
    weekday: int | None = None


def build_article(text: str, events: list[Ev], *, path: str, source: str | None, published: str | None,
                  title: str | None = None, url: str | None = None) -> DocumentResult:
    out: list[Event] = []
    for n, ev in enumerate(events, 1):
        start = text.index(ev.quote)
        figures = []
        for fig in ev.figures:
            fstart = text.index(fig.text)
            figures.append(Figure(fig.kind, fig.value, fig.qualifier, fig.claimed_by, fig.text,
                                  (fstart, fstart + len(fig.text))))
        out.append(Event(id=f"e{n}", type=ev.type, date=ev.date, location=ev.location, actors=list(ev.actors),
                         claimed_by=ev.claimed_by, status=ev.status, quote=ev.quote,
                         span=(start, start + len(ev.quote)), figures=figures, date_basis=ev.date_basis,
                         date_partial=ev.date_partial, weekday=ev.weekday))
    return DocumentResult(path=path, text=text, source=source, title=title, url=url, published=published,
                          events=out)


