"""The SQLite store and the ingest loop's guarantees: idempotency, one transaction per article, schema."""

from __future__ import annotations

import sqlite3
from dataclasses import replace

import pytest
from ledger_records import KYIV, TERNOPIL, Ev, Fig

from kronika.errors import RejectedInput, SchemaVersionError, StoreError
from kronika.ledger import ingest, ingest_document, search_documents
from kronika.models import Event
from kronika.store import SCHEMA_VERSION, open_store

TEXT = (
    "Ternopil, Nov 19, 2025 (Ukrinform) - Russian missiles hit two residential buildings in Ternopil, "
    "killing at least 19 people, the regional administration said. Rescuers pulled 15 people from the rubble."
)


def doc(article, path="ternopil.txt", text=TEXT):
    return article(
        text,
        [Ev("strike", "Russian missiles hit two residential buildings in Ternopil", "2025-11-19", TERNOPIL,
            actors=["Russia"], figures=[Fig("killed", 19, "killing at least 19 people", "at_least",
                                            "regional administration"),
                                        Fig("rescued", 15, "pulled 15 people", "exact", None)])],
        path=path, source="Ukrinform", published="2025-11-19", title="Missiles hit Ternopil",
    )


def test_ingesting_twice_or_under_new_names_changes_nothing(store, article):
    first = ingest(store, [doc(article)])
    assert (first.documents_new, first.events_new) == (1, 1)
    before = list(store.dump())
    again = ingest(store, [doc(article), doc(article, path="renamed/copy.txt")])
    assert (again.documents_new, again.documents_known, again.events_new, again.events_merged) == (0, 2, 0, 0)
    assert list(store.dump()) == before


def test_whitespace_only_differences_are_the_same_document(store, article):
    ingest(store, [doc(article)])
    reflowed = doc(article, path="reflowed.txt", text=TEXT.replace(". ", ".\n\n"))
    assert ingest_document(store, reflowed).status == "known"


def test_rejected_inputs_are_counted_and_the_batch_goes_on(store, article):
    summary = ingest(store, [RejectedInput("bad.bin", "binary file"), doc(article)])
    assert (summary.documents_rejected, summary.documents_new) == (1, 1)
    assert summary.rejected == [("bad.bin", "binary file")]


def test_a_failing_article_leaves_nothing_half_written(store, article):
    good = doc(article)
    broken = doc(article, path="broken.txt", text=TEXT + " Second copy.")
    # a span that points nowhere makes the store fail mid-article, after the document row was written
    broken.events.append(Event(id="bad", type="strike", date="2025-11-19", location=KYIV, quote="x",
                               span=None))  # type: ignore[arg-type]
    ingest(store, [good])
    before = list(store.dump())
    with pytest.raises(TypeError):
        ingest(store, [broken])
    assert list(store.dump()) == before
    store.check_fts()


def test_schema_version_is_recorded_and_newer_files_are_refused(tmp_path):
    path = tmp_path / "ledger.db"
    with open_store(path) as s:
        assert s.schema_version == SCHEMA_VERSION
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("SELECT max(version) FROM schema_migrations").fetchone()[0] == SCHEMA_VERSION
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.close()
    with pytest.raises(SchemaVersionError):
        open_store(path)


def test_a_file_that_is_not_sqlite_is_a_store_error(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("this is not a database " * 100)
    with pytest.raises(StoreError):
        open_store(path)


def test_full_text_search_finds_stored_articles(store, article):
    ingest(store, [doc(article)])
    [(doc_id, path, title, snippet)] = search_documents(store, "rubble")
    assert path == "ternopil.txt" and title == "Missiles hit Ternopil" and "[rubble]" in snippet
    assert search_documents(store, "Zaporizhzhia") == []


def test_tables_read_well_in_sql(store, article):
    ingest(store, [doc(article)])
    db = sqlite3.connect(store.path)
    row = db.execute("SELECT id, place, region, source_count FROM events_readable").fetchone()
    assert row == ("ev-2025-11-19-ternopil-strike-1", "Ternopil", "Ternopil Oblast", 1)
    claims = db.execute("SELECT claimant, stance FROM claims").fetchall()
    assert claims == []  # the event itself carries no claimant: only its figures do
    figs = db.execute("SELECT kind, value, qualifier, claimed_by, outlet FROM figures ORDER BY kind").fetchall()
    assert figs == [("killed", 19, "at_least", "regional administration", "Ukrinform"),
                    ("rescued", 15, "exact", None, "Ukrinform")]


def test_stored_quotes_are_the_text_at_their_spans(store, article):
    d = doc(article)
    ingest(store, [d])
    db = sqlite3.connect(store.path)
    for quote, start, end, text in db.execute(
        "SELECT f.quote, f.span_start, f.span_end, d.text FROM figures f JOIN documents d ON d.id = f.document_id"
    ):
        assert text[start:end] == quote
    assert replace(d.events[0]).quote in TEXT


def test_sqlite_store_implements_the_store_protocol(store):
    from kronika.store import LedgerStore

    assert isinstance(store, LedgerStore)


def test_two_ingests_of_one_ledger_at_once_store_each_document_once(tmp_path, article):
    path = tmp_path / "shared.db"
    with open_store(path) as one, open_store(path) as two:
        a = ingest(one, [doc(article)])
        b = ingest(two, [doc(article, path="again.txt")])
        assert (a.documents_new, b.documents_new, b.documents_known) == (1, 0, 1)


def test_default_ledger_lives_in_the_user_data_directory():
    from kronika.store import default_db_path

    path = default_db_path()
    assert path.name == "ledger.db" and path.parent.name == "kronika"


def test_a_new_migration_upgrades_an_existing_ledger_in_place(tmp_path, article, monkeypatch):
    from kronika.store import connection as sqlite_store

    path = tmp_path / "old.db"
    with open_store(path) as s:
        ingest(s, [doc(article)])
    extra = "ALTER TABLE events ADD COLUMN note TEXT;"
    monkeypatch.setattr(sqlite_store, "MIGRATIONS", [*sqlite_store.MIGRATIONS, extra])
    monkeypatch.setattr(sqlite_store, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    with open_store(path) as s:
        assert s.schema_version == SCHEMA_VERSION + 1
        assert s.counts()["events"] == 1
    db = sqlite3.connect(path)
    assert "note" in [r[1] for r in db.execute("PRAGMA table_info(events)")]
    assert [r[0] for r in db.execute("SELECT version FROM schema_migrations")] == list(range(1, SCHEMA_VERSION + 2))


def test_a_story_is_reported_on_its_own_dateline_day(store, article):
    from kronika.ledger import show_event
    from kronika.models import Story

    text = ("Moscow (AFP) Nov 20, 2025 - Putin visited a command post. "
            "Kyiv (AFP) Nov 19, 2025 - Russian missiles hit Ternopil, killing at least 10 people, Sybiga said.")
    d = article(text, [Ev("strike", "Russian missiles hit Ternopil", "2025-11-19", TERNOPIL,
                          figures=[Fig("killed", 10, "killing at least 10 people", "at_least", "Andriy Sybiga")])],
                path="bundle.txt", source=None, published="2025-11-20")
    split = text.index("Kyiv (AFP)")
    d.stories = [Story(0, split, "2025-11-20", "Moscow (AFP) Nov 20, 2025"),
                 Story(split, len(text), "2025-11-19", "Kyiv (AFP) Nov 19, 2025")]
    ingest(store, [d])
    [source] = show_event(store, "ev-2025-11-19-ternopil-strike-1").sources
    assert (source.outlet, source.published) == ("AFP", "2025-11-19")


def test_full_text_indexes_merge_segments_sixteen_at_a_time(tmp_path):
    # per-article transactions add small segments; merging 4 at a time made each article's cost grow with the ledger
    with open_store(tmp_path / "ledger.db"):
        pass
    db = sqlite3.connect(tmp_path / "ledger.db")
    for table in ("documents_fts", "event_sources_fts"):
        assert db.execute(f"SELECT v FROM {table}_config WHERE k = 'automerge'").fetchone() == (16,)
