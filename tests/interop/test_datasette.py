"""The ledger in Datasette: the FTS declaration it detects (migrated from older ledgers), `?_search=` that
filters, the metadata of `kronika datasette-metadata`, its canned queries and the events_flat view."""

from __future__ import annotations

import asyncio
import json
import sqlite3

import pytest
from datasette.app import Datasette
from datasette.utils import detect_fts
from interop_records import BARRAGE_ID, KUPIANSK_ID, TERNOPIL_ID, run_kronika

from kronika.ledger import search
from kronika.models import FIGURE_KINDS
from kronika.store import SCHEMA_VERSION, open_store
from kronika.store.connection import split_sql
from kronika.store.datasette import QUERIES, TABLES, datasette_metadata, ledger_tables
from kronika.store.schema import MIGRATIONS


def _get(ds: Datasette, path: str) -> object:
    async def fetch() -> object:
        response = await ds.client.get(path)
        assert response.status_code == 200, (path, response.text[:300])
        return response.json()

    return asyncio.run(fetch())


@pytest.fixture(scope="module")
def datasette(interop_ledger) -> Datasette:
    metadata = datasette_metadata("ledger", ledger_tables(str(interop_ledger)))
    return Datasette([str(interop_ledger)], metadata=metadata)


def test_datasette_detects_both_fts_tables(interop_ledger) -> None:
    db = sqlite3.connect(interop_ledger)
    assert detect_fts(db, "documents") == "documents_fts"
    assert detect_fts(db, "event_sources") == "event_sources_fts"
    db.close()


def test_search_parameter_filters_rows(datasette) -> None:
    every = _get(datasette, "/ledger/documents.json?_shape=array&_col=path&_size=max")
    found = _get(datasette, "/ledger/documents.json?_shape=array&_col=path&_search=rubble")
    assert len(every) == 7 and [r["path"] for r in found] == ["dnipro.txt"]
    quotes = _get(datasette, "/ledger/event_sources.json?_shape=array&_col=event_id&_search=Kupiansk")
    assert {r["event_id"] for r in quotes} == {KUPIANSK_ID} and len(quotes) == 2


def test_canned_queries(datasette) -> None:
    barrage = _get(datasette, "/ledger/tonights_barrage.json?_shape=array")  # no night given: the latest
    assert [(r["id"], r["claimant"]) for r in barrage] == [(BARRAGE_ID, "*"), (BARRAGE_ID, "Ukraine's Air Force")]
    assert barrage[0]["drones_launched"] == 476 and barrage[0]["missiles_destroyed"] == 41
    assert _get(datasette, "/ledger/tonights_barrage.json?_shape=array&night=2025-11-20") == []
    claims = _get(datasette, "/ledger/contested_claims.json?_shape=array")
    assert {(r["claimant"], r["stance"]) for r in claims if r["id"] == KUPIANSK_ID} == {
        ("Russia's defence ministry", "claimed"), ("Ukraine's General Staff", "denied")}
    [rose] = _get(datasette, "/ledger/tolls_that_rose.json?_shape=array")
    assert (rose["event_id"], rose["first_value"], rose["first_qualifier"], rose["current_value"]) == (
        TERNOPIL_ID, 10, "at_least", 26)
    figures = _get(datasette, "/ledger/contested_figures.json?_shape=array")
    assert sorted(r["value"] for r in figures) == [3, 5, 5]  # overall 5 (range 3-5) and each claimant's
    per_day = _get(datasette, "/ledger/killed_per_day.json?_shape=array")
    assert {r["date"]: r["killed"] for r in per_day} == {"2025-11-19": 26, "2025-11-21": 5}


def test_metadata_describes_what_a_reader_sees(datasette, interop_ledger) -> None:
    tables = ledger_tables(str(interop_ledger))
    for name in ("documents", "events", "event_sources", "figures", "current_figures", "events_flat"):
        assert name in tables and TABLES[name]["description"], name
    assert "claimant = '*'" in TABLES["current_figures"]["columns"]["claimant"]
    shown = _get(datasette, "/-/metadata.json")
    ledger = shown["databases"]["ledger"]
    assert set(ledger["queries"]) == set(QUERIES)
    assert "'*'" in ledger["tables"]["current_figures"]["description"]
    assert "people killed" in ledger["tables"]["events_flat"]["columns"]["killed"]  # the unit


def test_events_flat_has_one_column_per_figure_kind(interop_ledger) -> None:
    db = sqlite3.connect(interop_ledger)
    columns = [r[1] for r in db.execute("PRAGMA table_info(events_flat)")]
    assert set(FIGURE_KINDS) <= set(columns) and "region" not in columns
    flat = db.execute("SELECT sum(killed), count(*) FROM events_flat").fetchone()
    overall = db.execute("SELECT sum(value) FROM current_figures WHERE kind = 'killed' AND claimant = '*'").fetchone()
    every_row = db.execute("SELECT sum(value) FROM current_figures WHERE kind = 'killed'").fetchone()
    db.close()
    assert flat == (overall[0], 7) and every_row[0] > overall[0]  # why the '*' convention matters


def test_older_ledger_is_migrated_to_the_detectable_index(tmp_path) -> None:
    before = next(i for i, m in enumerate(MIGRATIONS) if 'content="documents"' in m)
    path = tmp_path / "old.db"
    db = sqlite3.connect(path, isolation_level=None)
    for migration in MIGRATIONS[:before]:
        for statement in split_sql(migration):
            db.execute(statement)
    db.execute("INSERT INTO documents (id, content_hash, path, title, text, ingested_at) VALUES"
               " (1, 'h', 'old.txt', 'Old news', 'Drones struck a depot near Odesa.', '2025-11-19T00:00:00+00:00')")
    db.execute("INSERT INTO documents_fts (rowid, title, text) VALUES (1, 'Old news', 'Drones struck a depot near Odesa.')")
    db.execute(f"PRAGMA user_version = {before}")
    db.close()
    with open_store(path) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert [h.path for h in search(store, "depot", scope="documents")] == ["old.txt"]
    db = sqlite3.connect(path)
    assert detect_fts(db, "documents") == "documents_fts"
    db.execute("INSERT INTO documents_fts (documents_fts, rank) VALUES ('integrity-check', 1)")
    db.close()


def test_cli_writes_metadata_datasette_reads(interop_ledger, tmp_path) -> None:
    target = tmp_path / "metadata.json"
    done = run_kronika("--db", str(interop_ledger), "datasette-metadata", "-o", str(target))
    assert done.returncode == 0, done.stderr
    metadata = json.loads(target.read_text())
    assert "tolls_that_rose" in metadata["databases"]["ledger"]["queries"]
    ds = Datasette([str(interop_ledger)], metadata=metadata)
    assert _get(ds, "/ledger/killed_per_day.json?_shape=array")
