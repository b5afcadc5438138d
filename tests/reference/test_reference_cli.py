"""`kronika reference import` and `kronika stats air --reference`, end to end through the entry point."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from reference_records import BAD, NIGHTS, air_report, write_record

from kronika.ledger import ingest
from kronika.store import open_store

KRONIKA = Path(sys.executable).with_name("kronika")
AF = "Ukraine's air force"


def kronika(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(KRONIKA), *args], capture_output=True, text=True, timeout=120,
                          env={"COLUMNS": "200", "PATH": "/usr/bin:/bin"})


@pytest.fixture
def ledger(tmp_path: Path) -> Path:
    db = tmp_path / "l.db"
    with open_store(db) as store:
        ingest(store, [
            air_report("a.txt", "2031-03-10", "2031-03-10", AF, [("drones_launched", 120, AF),
                                                                ("drones_destroyed", 115, AF)]),
            air_report("b.txt", "2031-03-12", "2031-03-12", AF, [("drones_launched", 50, AF),
                                                                ("drones_destroyed", 45, AF)]),
        ])
    return db


def test_import_reports_bad_rows_one_line_each_and_goes_on(tmp_path: Path, ledger: Path) -> None:
    folder = tmp_path / "rec"
    write_record(folder, NIGHTS + BAD)
    done = kronika("reference", "import", "ivaniuk", str(folder), "--db", str(ledger))
    assert done.returncode == 1, done.stderr
    rejected = [line for line in done.stderr.splitlines() if line.startswith("kronika: rejected line ")]
    assert len(rejected) == len(BAD)
    assert "'Mystery-9'" in done.stderr  # the model no catalogue and no name classifies
    out = " ".join(done.stdout.split())
    assert f"{len(NIGHTS)} stored, {len(BAD)} rejected" in out and "sha256" in out
    again = kronika("reference", "import", "ivaniuk", str(folder), "--db", str(ledger))
    assert "already imported" in again.stdout and again.returncode == 0
    listed = kronika("reference", "list", "--db", str(ledger))
    assert "ivaniuk" in listed.stdout and "1 reference record(s)" in listed.stdout


def test_stats_air_reference_jsonl_has_one_row_per_night_and_claimant(tmp_path: Path, ledger: Path) -> None:
    assert kronika("reference", "import", "ivaniuk", str(write_record(tmp_path / "rec", NIGHTS)),
                   "--db", str(ledger)).returncode == 0
    done = kronika("stats", "air", "--db", str(ledger), "--reference", "--format", "jsonl")
    assert done.returncode == 0, done.stderr
    rows = [json.loads(line) for line in done.stdout.splitlines()]
    assert [(r["night"], r["claimant_id"]) for r in rows] == [("2031-03-10", "ua.air_force"),
                                                              ("2031-03-12", "ua.air_force")]
    first, second = rows
    assert (first["agree"], first["reason"]) == (False, "lost_drones_included")
    assert first["reference"]["overnight"]["drones_not_reached"] == 25
    assert (second["agree"], second["rate"]) == (True, 0.9)
    since = kronika("stats", "air", "--db", str(ledger), "--reference", "--format", "csv", "--since", "2031-03-11")
    [row] = list(csv.DictReader(io.StringIO(since.stdout)))
    assert (row["night"], row["ref_drones_launched"], row["agree"]) == ("2031-03-12", "50", "True")
    table = kronika("stats", "air", "--db", str(ledger), "--reference")
    assert "lost drones included" in table.stdout and "1 of 2 compared row(s) agree" in " ".join(table.stdout.split())


@pytest.mark.parametrize(
    "args",
    [
        ["stats", "air", "--reference"],
        ["stats", "air", "--format", "geojson"],
        ["reference", "import", "elsewhere", "x.csv"],
        ["reference", "import", "ivaniuk", "no-such-file.csv"],
    ],
)
def test_bad_requests_fail_with_one_line(ledger: Path, args: list[str]) -> None:
    done = kronika(*args, "--db", str(ledger))
    assert done.returncode == 2, done.stderr
    assert done.stderr.count("\n") == 1 and done.stderr.startswith("kronika: "), done.stderr


def test_reference_commands_are_documented() -> None:
    for name in ("reference", "reference import", "reference list"):
        done = kronika(*name.split(), "--help")
        assert done.returncode == 0 and "Usage" in done.stdout, name
