"""Fixtures of the interop tests; the records and helpers live in interop_records.py (a module of its own:
`from conftest import ...` is ambiguous when several test folders have a conftest)."""

from __future__ import annotations

from pathlib import Path

import pytest
from interop_records import build_ledger


@pytest.fixture(scope="session")
def interop_ledger(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The ledger file; tests must not write to it (build another with build_ledger)."""
    return build_ledger(tmp_path_factory.mktemp("interop") / "ledger.db")
