"""Fixtures of the CLI tests (helpers in cli_run.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_run import build_ledger


@pytest.fixture(scope="session")
def ledger(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small ledger; tests must not write to it."""
    return build_ledger(tmp_path_factory.mktemp("cli") / "ledger.db")
