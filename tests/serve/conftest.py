"""Fixtures for the serve tests: a ledger built from the shipped samples plus one article whose text is an XSS
probe and a small reference record of our own, the app over it (in process), and a real `kronika serve` on a
free loopback port."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from serve_helpers import TOKEN, probe_article, start_server, stop_server, write_reference

from kronika.ledger import ingest
from kronika.reference import import_ivaniuk


@pytest.fixture(scope="session")
def sample_ledger(tmp_path_factory: pytest.TempPathFactory, nlp) -> Path:
    from kronika.cli.ledger_cmd import run_ingest, sample_paths
    from kronika.store import open_store

    db = tmp_path_factory.mktemp("serve") / "ledger.db"
    summary, _ = run_ingest(sample_paths(), db, quiet=True)
    assert summary.documents_new == len(sample_paths()) and not summary.documents_rejected
    with open_store(db) as store:
        ingest(store, [probe_article()])
        imported = import_ivaniuk(store, write_reference(db.parent / "record"))
    assert not imported.rejected and imported.rows_stored == 4, imported
    return db


@pytest.fixture(scope="session")
def app(sample_ledger: Path):
    from kronika.serve import ServeConfig, create_app

    return create_app(ServeConfig(db=sample_ledger, token=TOKEN))


@pytest.fixture(scope="session")
def client(app):
    from fastapi.testclient import TestClient

    with TestClient(app) as c:
        yield c


@pytest.fixture(scope="session")
def server(sample_ledger: Path) -> Iterator[str]:
    """A real `kronika serve` (read-only) on a free loopback port, stopped when the session ends."""
    proc, url = start_server(sample_ledger)
    yield url
    stop_server(proc)
