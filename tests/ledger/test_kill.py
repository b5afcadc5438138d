"""kill -9 at a random point, then the same ingest again: the ledger ends identical to an uninterrupted run.

Two versions: the ingest loop fed by a synthetic corpus (fast, many kills), and the real `kronika ingest`
command over the shipped sample articles and the seeds.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kronika.store import open_store

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO.parent / "shared" / "seeds"
KRONIKA = Path(sys.executable).with_name("kronika")

SYNTHETIC_INGEST = """
import sys
from kronika.ledger import ingest
from kronika.ledger.synthetic import synthetic_corpus
from kronika.store import open_store
store = open_store(sys.argv[1])
print("ready", flush=True)
ingest(store, synthetic_corpus(300, seed=7))
"""


def dump(path: Path) -> list:
    with open_store(path) as store:
        store.check_fts()
        return list(store.dump())


def documents(path: Path) -> int:
    if not path.exists():
        return 0
    db = sqlite3.connect(path)
    try:
        return db.execute("SELECT count(*) FROM documents").fetchone()[0]
    except sqlite3.OperationalError:
        return 0
    finally:
        db.close()


def run_synthetic(db: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", SYNTHETIC_INGEST, str(db)], stdout=subprocess.PIPE, text=True)


def test_kill_9_during_synthetic_ingest_then_rerun_ends_identical(tmp_path):
    reference = tmp_path / "reference.db"
    started = time.perf_counter()
    proc = run_synthetic(reference)
    proc.communicate(timeout=120)
    duration = time.perf_counter() - started
    assert proc.returncode == 0
    expected = dump(reference)
    total = documents(reference)

    rng = random.Random(4)
    partial_kills = 0
    for attempt in range(5):
        db = tmp_path / f"killed-{attempt}.db"
        for _ in range(2):  # kill twice in a row before letting it finish
            proc = run_synthetic(db)
            assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
            time.sleep(rng.uniform(0.0, duration * 0.8))
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait()
            partial_kills += 0 < documents(db) < total
        proc = run_synthetic(db)
        proc.communicate(timeout=120)
        assert proc.returncode == 0
        assert dump(db) == expected, f"attempt {attempt}: the ledger differs from an uninterrupted run"
    assert partial_kills >= 2, "the kills should land in the middle of the ingest"


@pytest.mark.skipif(not SEEDS.is_dir(), reason="needs ../shared/seeds")
def test_kill_9_during_kronika_ingest_then_rerun_ends_identical(tmp_path):
    samples = REPO / "src" / "kronika" / "samples"
    inputs = [str(samples), str(SEEDS)]

    def ingest(db: Path) -> subprocess.CompletedProcess:
        return subprocess.run([str(KRONIKA), "ingest", *inputs, "--db", str(db)], capture_output=True, text=True,
                              timeout=300)

    reference = tmp_path / "reference.db"
    started = time.perf_counter()
    done = ingest(reference)
    duration = time.perf_counter() - started
    assert done.returncode == 0, done.stderr
    expected = dump(reference)
    assert documents(reference) > 5

    rng = random.Random(9)
    for attempt in range(3):
        db = tmp_path / f"killed-{attempt}.db"
        proc = subprocess.Popen([str(KRONIKA), "ingest", *inputs, "--db", str(db)], stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(duration * 0.3, duration * 0.95))
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        done = ingest(db)
        assert done.returncode == 0, done.stderr
        assert dump(db) == expected, f"attempt {attempt}: the ledger differs from an uninterrupted run"
