"""The ledger file under stress: parallel ingests, read-only folders, damaged, empty and foreign files.

Table rows: two `kronika ingest` at once on a new ledger lost one's documents ("table schema_migrations already
exists"); a ledger in a read-only folder or mount could not be read ("attempt to write a readonly database");
damaged ledgers gave tracebacks, a zeroed page read as healthy and took writes, and a 0-byte file silently
became an empty ledger.
"""

from __future__ import annotations

import multiprocessing
import random
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest
from robust_cases import (
    KYIV,
    TERNOPIL,
    assert_one_line_error,
    document,
    have_unshare,
    ingest_worker,
    kronika,
    run_on_read_only_folder,
)

from kronika.errors import StoreError
from kronika.ledger import ingest, list_events
from kronika.ledger.synthetic import synthetic_corpus
from kronika.store import open_store

TRIALS = 20


def _build(path: Path) -> Path:
    text = ("Kyiv, Nov 19, 2025 (Northline Wire) - Russian missiles hit Ternopil, killing 3 people. "
            "A drone strike on Kyiv killed 3 people, officials said.")
    docs = [document(text, [("strike", "Russian missiles hit Ternopil, killing 3 people", TERNOPIL),
                            ("strike", "A drone strike on Kyiv killed 3 people", KYIV)], path="kyiv.txt")]
    with open_store(path) as store:
        ingest(store, [*docs, *synthetic_corpus(60, seed=5)])
    return path


@pytest.fixture(scope="module")
def base_ledger(tmp_path_factory) -> Path:
    return _build(tmp_path_factory.mktemp("base") / "ledger.db")


# ---------------------------------------------------------------------------------------------- parallel ingests


@pytest.mark.parametrize("workers", [2, 4])
def test_concurrent_ingests_on_a_new_ledger_store_every_document_once(tmp_path: Path, workers: int) -> None:
    """`workers` processes open each of 20 new ledgers at the same moment and ingest the same corpus."""
    paths = [str(tmp_path / f"trial-{n}.db") for n in range(TRIALS)]
    ctx = multiprocessing.get_context("spawn")
    barrier, results = ctx.Barrier(workers), ctx.Queue()
    procs = [ctx.Process(target=ingest_worker, args=(paths, barrier, results)) for _ in range(workers)]
    for p in procs:
        p.start()
    outcomes = [results.get(timeout=120) for _ in range(workers * TRIALS)]
    for p in procs:
        p.join(timeout=60)
    assert [o[3] for o in outcomes if o[3]] == []
    expected = len(list(synthetic_corpus(8, seed=11)))
    for path in paths:
        db = sqlite3.connect(path)
        rows, distinct = db.execute("SELECT count(*), count(DISTINCT content_hash) FROM documents").fetchone()
        db.close()
        new = sum(o[1] for o in outcomes if o[0] == path)
        known = sum(o[2] for o in outcomes if o[0] == path)
        assert rows == distinct == expected == new, (path, rows, distinct, new)
        assert known == expected * (workers - 1)
        assert not list(Path(path).parent.glob(f".{Path(path).name}.*"))  # no temporary ledger left behind


def test_two_kronika_ingest_commands_at_once_on_a_new_ledger(tmp_path: Path) -> None:
    from robust_cases import KRONIKA

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for n, town in enumerate(("Kharkiv", "Odesa", "Sumy")):
        (inbox / f"{n}.txt").write_text(f"KYIV, Nov 19 (Northline Wire) - Russian drones struck {town} overnight, "
                                        f"killing {n + 2} people, the governor said.")
    db = tmp_path / "ledger.db"
    procs = [subprocess.Popen([str(KRONIKA), "ingest", str(inbox), "--db", str(db)], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for _ in range(2)]
    outs = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outs
    with open_store(db, readonly=True) as store:
        assert store.counts()["documents"] == 3


# ---------------------------------------------------------------------------------------------- damaged files


def _flip(src: Path, dst: Path, fraction: float, seed: int) -> Path:
    data = bytearray(src.read_bytes())
    rng = random.Random(seed)
    for _ in range(max(1, int(len(data) * fraction))):
        i = rng.randrange(len(data))
        data[i] ^= 1 << rng.randrange(8)
    dst.write_bytes(bytes(data))
    return dst


def _zero_page(src: Path, dst: Path, page: int) -> Path:
    data = bytearray(src.read_bytes())
    size = int.from_bytes(data[16:18], "big")
    data[(page - 1) * size : page * size] = bytes(size)
    dst.write_bytes(bytes(data))
    return dst


def _drop_events(src: Path, dst: Path) -> Path:
    shutil.copy(src, dst)
    db = sqlite3.connect(dst)
    db.executescript("DROP VIEW events_readable; DROP TABLE events;")
    db.close()
    return dst


@pytest.fixture(scope="module")
def damaged(base_ledger: Path, tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("damaged")
    pages = base_ledger.stat().st_size // 4096
    out = {f"flipped-{seed}": _flip(base_ledger, folder / f"flip{seed}.db", 0.01, seed) for seed in (1, 2, 3)}
    out |= {f"zeroed-page-{p}": _zero_page(base_ledger, folder / f"zero{p}.db", p) for p in (2, pages // 2)}
    out["events-dropped"] = _drop_events(base_ledger, folder / "dropped.db")
    return out


@pytest.mark.parametrize("case", ["flipped-1", "flipped-2", "flipped-3", "zeroed-page-2", "events-dropped"])
@pytest.mark.parametrize("command", ["events", "timeline"])
def test_a_damaged_ledger_is_one_clear_line(damaged: dict[str, Path], case: str, command: str) -> None:
    line = assert_one_line_error(kronika(command, "--db", str(damaged[case])))
    assert any(word in line for word in ("damaged", "not a kronika ledger", "not UTF-8")), line


def test_a_zeroed_page_is_found_before_anything_is_written(damaged: dict[str, Path]) -> None:
    for case in ("zeroed-page-2", next(k for k in damaged if k.startswith("zeroed") and k != "zeroed-page-2")):
        path = damaged[case]
        before = path.read_bytes()
        with pytest.raises(StoreError, match="damaged"):
            open_store(path)
        assert path.read_bytes() == before


def test_an_empty_file_is_never_turned_into_a_ledger(tmp_path: Path) -> None:
    path = tmp_path / "ledger.db"
    path.touch()
    assert_one_line_error(kronika("events", "--db", str(path)), "empty file")
    with pytest.raises(StoreError, match="empty file"):
        open_store(path)
    assert path.stat().st_size == 0


def test_a_foreign_file_is_never_turned_into_a_ledger(tmp_path: Path) -> None:
    notes = tmp_path / "notes.db"
    db = sqlite3.connect(notes)
    db.execute("CREATE TABLE notes (body TEXT)")
    db.commit()
    db.close()
    text = tmp_path / "essay.db"
    text.write_text("not a database at all\n" * 50)
    for path in (notes, text):
        before = path.read_bytes()
        with pytest.raises(StoreError, match="not a kronika ledger"):
            open_store(path)
        assert path.read_bytes() == before
    assert_one_line_error(kronika("events", "--db", str(notes)), "not a kronika ledger")


def test_a_healthy_ledger_passes_the_checks_read_only_and_writable(base_ledger: Path) -> None:
    with open_store(base_ledger, readonly=True) as store:
        assert len(list_events(store, place="Ternopil")) == 1
    with open_store(base_ledger) as store:
        assert store.counts()["documents"] > 60


# ---------------------------------------------------------------------------------------------- read-only


needs_unshare = pytest.mark.skipif(not have_unshare(), reason="cannot make a mount namespace here")


@needs_unshare
def test_every_read_command_works_on_a_read_only_mount(base_ledger: Path, tmp_path: Path) -> None:
    folder = tmp_path / "archive"
    folder.mkdir()
    shutil.copy(base_ledger, folder / "ledger.db")
    db = str(folder / "ledger.db")
    events = run_on_read_only_folder(folder, "events", "--db", db, "--place", "Ternopil")
    assert events.returncode == 0 and events.stdout.splitlines()[-1] == "1 event(s)", events.stderr
    event_id = next(w for w in events.stdout.split() if w.startswith("ev-2025-11-19-ternopil"))
    for args in (["show", event_id], ["timeline"], ["stats"], ["stats", "air"], ["events", "--format", "csv"]):
        result = run_on_read_only_folder(folder, *args, "--db", db)
        assert result.returncode == 0 and result.stdout and not result.stderr, (args, result.stderr)
    article = tmp_path / "new.txt"  # a readable article, so the ledger is opened for writing and refuses
    article.write_text("KYIV, Nov 20 (Northline Wire) - Russian drones struck Odesa overnight, officials said.\n")
    write = run_on_read_only_folder(folder, "ingest", str(article), "--db", db)
    assert write.returncode == 2 and "cannot be written" in write.stderr and "Traceback" not in write.stderr
    assert sorted(p.name for p in folder.iterdir()) == ["ledger.db"]  # nothing written beside it


@needs_unshare
def test_a_read_only_ledger_with_changes_still_in_its_wal_shows_them(tmp_path: Path) -> None:
    live = tmp_path / "live"
    live.mkdir()
    path = live / "ledger.db"
    _build(path)
    writer = sqlite3.connect(path)  # a writer that has not checkpointed: the last rows live in ledger.db-wal
    writer.execute("PRAGMA wal_autocheckpoint=0")
    writer.execute("UPDATE events SET summary = 'late change' WHERE id LIKE 'ev-2025-11-19-ternopil%'")
    writer.commit()
    copy = tmp_path / "copy"
    copy.mkdir()
    for suffix in ("", "-wal", "-shm"):
        shutil.copy(f"{path}{suffix}", copy / f"ledger.db{suffix}")
    writer.close()
    result = run_on_read_only_folder(copy, "events", "--db", str(copy / "ledger.db"), "--format", "jsonl")
    assert result.returncode == 0 and "late change" in result.stdout, result.stderr
    (copy / "ledger.db-shm").unlink()  # a WAL whose index is gone cannot be read without writing: said so
    result = run_on_read_only_folder(copy, "events", "--db", str(copy / "ledger.db"))
    assert_one_line_error(result, "ledger.db-wal")
