"""Fixtures for the ledger tests; the records they build live in ledger_records.py."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from ledger_records import build_article

from kronika.models import DocumentResult
from kronika.store import SQLiteStore, open_store


@pytest.fixture
def article() -> Callable[..., DocumentResult]:
    return build_article


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SQLiteStore]:
    with open_store(tmp_path / "ledger.db") as s:
        yield s
