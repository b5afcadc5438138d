"""Importing a reference record into the ledger: provenance, idempotent re-import, replacement by a newer file."""

from __future__ import annotations

import csv
import hashlib
import sqlite3
from pathlib import Path

import pytest
from reference_records import BAD, NIGHTS, write_record

from kronika.reference import ReferenceFileError, import_ivaniuk, load_record, reference_imports
from kronika.store import open_store
from shared_data import SHARED, need_shared


def test_import_keeps_provenance(tmp_path: Path) -> None:
    path = write_record(tmp_path / "rec", NIGHTS + BAD)
    with open_store(tmp_path / "l.db") as store:
        summary = import_ivaniuk(store, tmp_path / "rec")  # the folder, or the file itself
        [imp] = reference_imports(store)
    assert summary.status == "imported" and summary.rows_rejected == len(BAD)
    assert imp.file_sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert (imp.rows_read, imp.rows_stored, imp.rows_rejected) == (len(NIGHTS) + len(BAD), len(NIGHTS), len(BAD))
    assert (imp.first_day, imp.last_day) == ("2031-03-10", "2031-03-12")
    assert imp.imported_at and imp.catalogue_sha256 and imp.path == str(path.resolve())


def test_the_same_file_again_changes_nothing(tmp_path: Path) -> None:
    write_record(tmp_path / "rec", NIGHTS)
    with open_store(tmp_path / "l.db") as store:
        import_ivaniuk(store, tmp_path / "rec" / "missile_attacks_daily.csv")
        first = reference_imports(store)
        again = import_ivaniuk(store, tmp_path / "rec")
        assert again.status == "unchanged" and reference_imports(store) == first


def test_a_newer_file_replaces_the_old_import_whole(tmp_path: Path) -> None:
    write_record(tmp_path / "old", NIGHTS[:5])
    write_record(tmp_path / "new", NIGHTS)
    db = tmp_path / "l.db"
    with open_store(db) as store:
        import_ivaniuk(store, tmp_path / "old")
        assert set(load_record(store).nights) == {"2031-03-10"}
        summary = import_ivaniuk(store, tmp_path / "new")
        record = load_record(store)
        assert summary.status == "replaced" and summary.previous is not None
        assert set(record.nights) == {"2031-03-10", "2031-03-11", "2031-03-12"}
        assert len(reference_imports(store)) == 1
    con = sqlite3.connect(db)
    assert con.execute("SELECT count(*) FROM reference_rows").fetchone()[0] == len(NIGHTS)
    assert con.execute("SELECT count(DISTINCT import_id) FROM reference_days").fetchone()[0] == 1


def test_a_missing_file_is_one_clear_error(tmp_path: Path) -> None:
    with open_store(tmp_path / "l.db") as store, pytest.raises(ReferenceFileError, match="no such file"):
        import_ivaniuk(store, tmp_path / "nowhere.csv")
    with open_store(tmp_path / "l.db") as store, pytest.raises(ReferenceFileError, match="no missile_attacks_daily"):
        import_ivaniuk(store, tmp_path)


def test_the_shared_copy_imports_as_its_own_nightly_table_says(tmp_path: Path) -> None:
    """The record's copy in ../shared, against the nightly table built beside it by its own script."""
    folder = need_shared(SHARED / "reference" / "ivaniuk")
    with open_store(tmp_path / "l.db") as store:
        summary = import_ivaniuk(store, folder)
        record = load_record(store)
    assert summary.rows_rejected == 0 and summary.rows_stored == summary.rows_read > 0
    with (folder / "nightly.csv").open(encoding="utf-8", newline="") as fh:
        nightly = list(csv.DictReader(fh))
    assert len(record.nights) == len(nightly)
    for row in nightly:
        night = record.nights[row["date"]]

        def cell(report, field: str) -> str:  # noqa: ANN001
            return "" if report is None else str(getattr(report, field))

        mine = [cell(night.overnight, f) for f in ("drones_launched", "drones_destroyed", "drones_not_reached",
                                                   "missiles_launched", "missiles_destroyed")]
        mine += [cell(night.daytime, f) for f in ("drones_launched", "missiles_launched")]
        theirs = [row[c] for c in ("drones_launched", "drones_destroyed", "drones_not_reach_goal",
                                   "missiles_launched", "missiles_destroyed", "day_drones_launched",
                                   "day_missiles_launched")]
        assert mine == theirs, row["date"]
