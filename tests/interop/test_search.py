"""Full-text search over articles and event quotes: `kronika.ledger.text_search`, `kronika search`, and the triggers
that keep both FTS5 indexes in step with their tables."""

from __future__ import annotations

import json
import shutil
import sqlite3

import pytest
from interop_records import TERNOPIL_ID, run_kronika

from kronika.errors import FilterError
from kronika.ledger import search
from kronika.ledger.text_search import fts_query
from kronika.store import open_store


@pytest.fixture
def store(interop_ledger):
    with open_store(interop_ledger, readonly=True) as s:
        yield s


def test_finds_articles_and_quotes_ranked_with_snippets(store) -> None:
    hits = search(store, "Ternopil")
    documents = [h for h in hits if h.kind == "document"]
    quotes = [h for h in hits if h.kind == "quote"]
    assert {h.path: h.url for h in documents} == {"northline.txt": "https://northline.example/2025/11/19/ternopil",
                                                  "dnipro.txt": "https://dnipro-daily.example/news/ternopil-toll"}
    assert all("[Ternopil]" in h.snippet for h in hits)
    assert {h.event_id for h in quotes} == {TERNOPIL_ID} and len(quotes) == 2
    assert hits == sorted(hits, key=lambda h: (h.kind != "document", h.score))
    quote = quotes[0]
    assert quote.event_type == "strike" and quote.span is not None and quote.span[1] > quote.span[0]


def test_plain_words_phrases_prefixes_and_exclusions(store) -> None:
    assert {h.path for h in search(store, "toll rose", scope="documents")} == {"dnipro.txt"}
    assert search(store, '"rose to"', scope="quotes")[0].event_id == TERNOPIL_ID
    assert {h.path for h in search(store, "deleg*", scope="documents")} == {"geneva.txt"}
    assert {h.path for h in search(store, "Ternopil -rubble", scope="documents")} == {"northline.txt"}
    assert search(store, "strikes", scope="quotes")  # stemmed: "strikes" finds "strike"
    assert search(store, "Kyiv's S-300", scope="documents") == []  # punctuation is no syntax error


def test_fts5_syntax_on_request(store) -> None:
    assert {h.path for h in search(store, "Geneva OR rubble", scope="documents", syntax="fts5")} == {
        "geneva.txt", "dnipro.txt"}
    with pytest.raises(FilterError, match="cannot search"):
        search(store, "Geneva OR", syntax="fts5")


@pytest.mark.parametrize("query", ["", "   ", "-Kyiv", "!!!"])
def test_nothing_to_look_for_is_an_error(store, query) -> None:
    with pytest.raises(FilterError):
        search(store, query)


def test_bad_arguments_are_errors(store) -> None:
    for kwargs in ({"scope": "everything"}, {"limit": 0}, {"limit": True}, {"syntax": "regex"}):
        with pytest.raises(FilterError):
            search(store, "Ternopil", **kwargs)
    assert fts_query('"apartment block" -Kyiv shahed*') == '("apartment block" AND "shahed"*) NOT "Kyiv"'


def test_triggers_keep_both_indexes_in_sync(interop_ledger, tmp_path) -> None:
    path = tmp_path / "ledger.db"
    shutil.copy(interop_ledger, path)
    db = sqlite3.connect(path)
    with db:
        db.execute("UPDATE documents SET title = 'Rubble in Ternopil' WHERE path = 'dnipro.txt'")
        db.execute("DELETE FROM event_sources WHERE quote LIKE 'The toll of the strike%'")
        db.execute("DELETE FROM documents WHERE path = 'geneva.txt'")  # the index, not the ledger, is under test
    for table in ("documents_fts", "event_sources_fts"):  # rank 1: the index is checked against its table
        db.execute(f"INSERT INTO {table} ({table}, rank) VALUES ('integrity-check', 1)")
    db.close()
    with open_store(path, readonly=True) as store:
        assert search(store, "rubble", scope="documents")[0].title == "Rubble in Ternopil"
        assert len(search(store, "Ternopil", scope="quotes")) == 1
        assert search(store, "delegations", scope="documents") == []


def test_cli_search(interop_ledger) -> None:
    done = run_kronika("search", "toll", "rose", "--db", str(interop_ledger), "-f", "jsonl", "--limit", "5")
    assert done.returncode == 0, done.stderr
    hits = [json.loads(line) for line in done.stdout.splitlines()]
    assert [h["kind"] for h in hits] == ["document", "quote"]
    assert hits[1]["event_id"] == TERNOPIL_ID and hits[1]["url"].startswith("https://dnipro-daily.example/")
    assert done.stderr == b""  # data on stdout, nothing else on a pipe
    table = run_kronika("--db", str(interop_ledger), "search", "Kupiansk", "--in", "quotes")
    assert table.returncode == 0 and b"ground_claim" in table.stdout and b"borysfen.example" in table.stdout
    assert b"0 article(s), 2 event quote(s) match" in table.stdout
    bad = run_kronika("search", "x", "--in", "nowhere", "--db", str(interop_ledger))
    assert bad.returncode == 2 and bad.stderr.startswith(b"kronika: --in must be one of")
