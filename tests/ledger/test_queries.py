"""The listing filters the CLI and the HTTP API share: several types, full-text words, cursor pages, and the
`since` bound of events that span days."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from ledger_records import KUPIANSK, KYIV, TERNOPIL, Ev, Fig, build_article

from kronika.ledger import BadQueryError, UnknownDocumentError, ingest, list_events, show_document, timeline
from kronika.models import Location

KRONIKA = Path(sys.executable).with_name("kronika")


def _town(n: int) -> Location:
    return Location(f"Town{n}", admin1="Sumy Oblast", country="UA", lat=50.0 + n / 10, lon=34.0 + n / 10,
                    precision="settlement", gazetteer_id=f"test:town:{n}")


@pytest.fixture
def ledger(store):
    docs = [
        build_article(
            f"Sumy, Nov {10 + n}, 2025 (Test Wire) - A drone struck a warehouse in Town{n}, injuring {n + 1} people.",
            [Ev("strike" if n % 2 else "air_attack", f"A drone struck a warehouse in Town{n}",
                f"2025-11-{10 + n:02d}", _town(n),
                figures=[Fig("injured", n + 1, f"injuring {n + 1} people")])],
            path=f"town{n}.txt", source="Test Wire", published=f"2025-11-{10 + n:02d}",
        )
        for n in range(7)
    ]
    docs.append(build_article(
        "Moscow, Nov 20, 2025 (Volga Agency) - The ministry said its troops had captured Kupiansk.",
        [Ev("ground_claim", "its troops had captured Kupiansk", "2025-11-20", KUPIANSK,
            claimed_by="Russia's defence ministry", status="claimed")],
        path="claim.txt", source="Volga Agency", published="2025-11-20",
    ))
    docs.append(build_article(
        "Kyiv (Northline Wire) - Officials met to discuss the grain corridor.",
        [Ev("diplomacy", "Officials met to discuss the grain corridor", None, KYIV)],
        path="undated.txt", source="Northline Wire", published=None,
    ))
    ingest(store, docs)
    return store


def ids(rows) -> list[str]:
    return [r.event.id for r in rows]


def test_several_types_are_any_of_them(ledger):
    both = list_events(ledger, type=["strike", "ground_claim"])
    assert {r.event.type for r in both} == {"strike", "ground_claim"}
    assert len(both) == len(list_events(ledger, type="strike")) + len(list_events(ledger, type="ground_claim"))


def test_words_find_the_events_whose_articles_contain_them_all(ledger):
    assert [r.event.place.name for r in list_events(ledger, q="warehouse Town3")] == ["Town3"]
    assert list_events(ledger, q="grain corridor")[0].event.type == "diplomacy"
    assert list_events(ledger, q="warehouse Kupiansk") == []
    # punctuation is not FTS syntax here: an unbalanced quote or a bare operator searches the words around it
    assert ids(list_events(ledger, q='"captured (Kupiansk*')) == ids(list_events(ledger, q="captured"))
    with pytest.raises(BadQueryError, match="no words"):
        list_events(ledger, q="*** ((")


def test_cursor_pages_add_up_to_the_whole_listing_in_order(ledger):
    whole = ids(list_events(ledger))
    assert whole[-1].startswith("ev-undated")  # undated last
    pages, cursor = [], None
    while True:
        page = list_events(ledger, limit=3, cursor=cursor)
        pages.append(ids(page))
        cursor = page.next_cursor
        if cursor is None:
            break
    assert [i for p in pages for i in p] == whole
    assert all(len(p) == 3 for p in pages[:-1]) and len(pages) == 3
    assert list_events(ledger, limit=len(whole)).next_cursor is None  # an exact fit has no empty next page


def test_cursor_pages_keep_the_filters(ledger):
    first = list_events(ledger, type="strike", limit=2)
    rest = list_events(ledger, type="strike", cursor=first.next_cursor)
    assert ids(first) + ids(rest) == ids(list_events(ledger, type="strike"))


def test_a_cursor_the_ledger_did_not_give_is_refused(ledger):
    for bad in ("nonsense", "2025-11-10", "2025-11-10:x", "'; DROP TABLE events; --:1"):
        with pytest.raises(BadQueryError, match="cursor"):
            list_events(ledger, cursor=bad)
    with pytest.raises(BadQueryError, match="limit"):
        list_events(ledger, limit=0)


def test_since_keeps_an_event_whose_last_day_is_in_range(store):
    night = [
        build_article(
            f"Kyiv, Nov {d}, 2025 (Wire {d}) - Russian drones struck Ternopil overnight.",
            [Ev("strike", "Russian drones struck Ternopil overnight", f"2025-11-{d}", TERNOPIL, actors=["Russia"])],
            path=f"n{d}.txt", source=f"Wire {d}", published="2025-11-19",
        )
        for d in (18, 19)
    ]
    ingest(store, night)
    (event,) = [r.event for r in list_events(store)]
    assert (event.date, event.date_to) == ("2025-11-18", "2025-11-19")
    assert ids(list_events(store, since="2025-11-19")) == [event.id]
    assert list_events(store, since="2025-11-20") == []
    assert ids(list_events(store, until="2025-11-18")) == [event.id]


def test_near_is_exact_in_the_database_so_limits_stay_right(ledger):
    # Town0 at (50.0, 34.0); Town1 is ~13 km away; a 5 km circle holds only Town0
    near = list_events(ledger, near=(50.0, 34.0, 5.0), limit=1)
    assert [r.event.place.name for r in near] == ["Town0"] and near.next_cursor is None


def test_timeline_takes_the_listing_filters(ledger):
    days = timeline(ledger, type="strike", since="2025-11-12")
    assert [d.date for d in days] == ["2025-11-13", "2025-11-15"]


def test_day_counts_are_the_timeline_counted(ledger):
    from kronika.ledger import day_counts

    for filters in ({}, {"type": "strike"}, {"since": "2025-11-12", "q": "warehouse"}, {"contested": False}):
        days = timeline(ledger, **filters)
        counts = day_counts(ledger, **filters)
        assert [c.date for c in counts] == [d.date for d in days]
        for c, d in zip(counts, days, strict=True):
            assert c.events == len(d.events) and sum(c.types.values()) == c.events
            assert c.killed == sum(r.figures["killed"].value for r in d.events if "killed" in r.figures)
    assert day_counts(ledger)[-1].date is None  # undated last


def test_listing_rows_carry_the_current_figures(ledger):
    row = list_events(ledger, q="Town4")[0]
    assert row.figures["injured"].value == 5


def test_a_document_shows_its_text_and_events(ledger):
    ev = list_events(ledger, q="Town2")[0]
    doc = show_document(ledger, 3)
    assert doc.path == "town2.txt" and "Town2" in doc.text and doc.event_ids == [ev.event.id]
    with pytest.raises(UnknownDocumentError):
        show_document(ledger, 999)


def test_cli_events_repeats_type_and_prints_the_next_cursor(ledger):
    ledger.close()
    base = [str(KRONIKA), "events", "--db", ledger.path]
    env = {"COLUMNS": "200", "PATH": "/usr/bin:/bin"}
    run = subprocess.run([*base, "--type", "strike", "--type", "ground_claim", "--limit", "2", "--format", "jsonl"],
                         capture_output=True, text=True, env=env, timeout=60)
    assert run.returncode == 0, run.stderr
    assert len(run.stdout.splitlines()) == 2
    cursor = run.stderr.split("--cursor ")[1].strip()
    rest = subprocess.run([*base, "--type", "strike", "--type", "ground_claim", "--cursor", cursor, "--format",
                           "jsonl"], capture_output=True, text=True, env=env, timeout=60)
    assert len(rest.stdout.splitlines()) == 2 and "more events" not in rest.stderr
    bad = subprocess.run([*base, "--cursor", "junk"], capture_output=True, text=True, env=env, timeout=60)
    assert bad.returncode == 2 and "Traceback" not in bad.stderr and "cursor" in bad.stderr


@pytest.mark.parametrize("filters", [
    {"place": "Sumy"}, {"place": "Town3"}, {"place": "nowhere"}, {"claimant": "defence"}, {"claimant": "nobody"},
    {"q": "warehouse"}, {"q": "warehouse Town5"},
])
def test_a_filter_gives_the_same_events_by_either_plan(ledger, monkeypatch, filters):
    """Place, claimant and word filters pick a plan by how many rows match; both plans must agree."""
    from kronika.store import queries as store_queries

    few = ids(list_events(ledger, **filters))
    monkeypatch.setattr(store_queries, "_FEW_ARTICLES", 0)  # every match is "many": walk the listing
    assert ids(list_events(ledger, **filters)) == few
    assert ids(list_events(ledger, limit=2, **filters)) == few[:2]
    # a page of common words is checked a batch of events at a time, by rowid range or article by article
    for batch, spread in ((1, 0), (2, 1000), (3, 0)):
        monkeypatch.setattr(store_queries, "_WORDS_BATCH", batch)
        monkeypatch.setattr(store_queries, "_RANGE_SPREAD", spread)
        assert ids(list_events(ledger, limit=3, **filters)) == few[:3]
        first = list_events(ledger, limit=1, **filters)
        rest = list_events(ledger, limit=10, cursor=first.next_cursor, **filters) if first.next_cursor else []
        assert ids(first) + ids(rest) == few[:1 + len(rest)]
