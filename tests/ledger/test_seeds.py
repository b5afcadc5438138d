"""The seeds through the real `kronika ingest`: twice, and under new file names, the counts do not move."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kronika.store import open_store

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"
KRONIKA = Path(sys.executable).with_name("kronika")

pytestmark = pytest.mark.skipif(not SEEDS.is_dir(), reason="needs ../shared/seeds")


def ingest(*args: str) -> str:
    done = subprocess.run([str(KRONIKA), "ingest", *args], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return " ".join(done.stdout.split())


def test_seeds_twice_and_renamed_change_nothing(tmp_path):
    db = tmp_path / "ledger.db"
    first = ingest(str(SEEDS), "--db", str(db))
    assert "documents: 5 new, 0 already known, 0 rejected" in first
    with open_store(db) as store:
        counts = store.counts()
        rows = list(store.dump())
    assert counts["events"] > 0

    renamed = tmp_path / "renamed"
    renamed.mkdir()
    for n, seed in enumerate(sorted(SEEDS.glob("*.txt"))):
        shutil.copyfile(seed, renamed / f"copy-{n}-of-seed.txt")
    second = ingest(str(SEEDS), str(renamed), "--db", str(db))
    assert "documents: 0 new, 10 already known, 0 rejected · events: 0 new, 0 merged" in second
    with open_store(db) as store:
        assert store.counts() == counts
        assert list(store.dump()) == rows
