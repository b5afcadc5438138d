"""Shared fixtures: the loaded spaCy pipeline (once per session) and the seed articles."""

from __future__ import annotations

from pathlib import Path

import pytest

from shared_data import SEEDS, SHARED, need_shared


@pytest.fixture(scope="session")
def nlp():
    from kronika.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def shared() -> Path:
    return need_shared(SHARED)


@pytest.fixture(scope="session")
def seed_paths() -> list[Path]:
    return sorted(need_shared(SEEDS).glob("*.txt"))
