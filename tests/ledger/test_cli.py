"""The ledger commands, end to end through the `kronika` entry point, on a ledger built from hand-made results."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from ledger_records import KUPIANSK, TERNOPIL, Ev, Fig, build_article

from kronika.ledger import ingest, list_events
from kronika.ledger.ingest import outlet_of
from kronika.models import DocumentResult, Story
from kronika.store import open_store

KRONIKA = Path(sys.executable).with_name("kronika")


def kronika(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(KRONIKA), *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={"COLUMNS": "200", "PATH": "/usr/bin:/bin"},
    )


@pytest.fixture
def ledger(tmp_path: Path) -> Path:
    path = tmp_path / "ledger.db"
    docs = [
        build_article(
            "Kyiv, Nov 19, 2025 (Northline Wire) - Russian missiles struck apartment blocks in Ternopil, killing at "
            "least 10 people, Foreign Minister Andriy Sybiga said.",
            [
                Ev(
                    "strike",
                    "Russian missiles struck apartment blocks in Ternopil",
                    "2025-11-19",
                    TERNOPIL,
                    claimed_by="Andriy Sybiga",
                    actors=["Russia"],
                    figures=[Fig("killed", 10, "killing at least 10 people", "at_least", "Andriy Sybiga")],
                )
            ],
            path="a.txt",
            source="Northline Wire",
            published="2025-11-19",
        ),
        build_article(
            "Ternopil, Nov 20, 2025 (Dnipro Daily) - The toll of the strike on Ternopil rose to 26, the State "
            "Emergency Service said.",
            [
                Ev(
                    "strike",
                    "The toll of the strike on Ternopil rose to 26",
                    "2025-11-19",
                    TERNOPIL,
                    claimed_by="State Emergency Service",
                    figures=[Fig("killed", 26, "rose to 26", "exact", "State Emergency Service")],
                )
            ],
            path="b.txt",
            source="Dnipro Daily",
            published="2025-11-20",
        ),
        build_article(
            "Moscow, Nov 20, 2025 (Volga Agency) - Russia's defence ministry said its troops had captured Kupiansk.",
            [
                Ev(
                    "ground_claim",
                    "its troops had captured Kupiansk",
                    "2025-11-20",
                    KUPIANSK,
                    claimed_by="Russia's defence ministry",
                    status="claimed",
                )
            ],
            path="c.txt",
            source="Volga Agency",
            published="2025-11-20",
        ),
    ]
    with open_store(path) as store:
        ingest(store, docs)
    return path


def test_show_prints_every_source_with_quote_claimant_and_history(ledger):
    done = kronika("show", "ev-2025-11-19-ternopil-strike-1", "--db", str(ledger))
    assert done.returncode == 0, done.stderr
    text = " ".join(done.stdout.split())
    for needle in (
        "Northline Wire",
        "Dnipro Daily",
        "claimant: Andriy Sybiga",
        "claimant: State Emergency Service",
        '"Russian missiles struck apartment blocks in Ternopil"',
        '"The toll of the strike on Ternopil rose to 26"',
        "killed: 26",
        "10 (at least) on 2025-11-19 from Northline Wire citing Andriy Sybiga -> 26 on 2025-11-20 from "
        "Dnipro Daily citing State Emergency Service",
    ):
        assert needle in text, needle


def test_events_formats_carry_the_same_events(ledger):
    table = kronika("events", "--db", str(ledger))
    assert "ev-2025-11-19-ternopil-strike-1" in table.stdout and "2 event(s)" in table.stdout
    lines = kronika("events", "--db", str(ledger), "--format", "jsonl").stdout.splitlines()
    records = [json.loads(line) for line in lines]
    assert [r["id"] for r in records] == ["ev-2025-11-19-ternopil-strike-1", "ev-2025-11-20-kupiansk-ground-claim-1"]
    assert records[0]["figures"]["killed"]["value"] == 26 and records[0]["sources"] == 2
    rows = list(csv.DictReader(io.StringIO(kronika("events", "--db", str(ledger), "--format", "csv").stdout)))
    assert (rows[0]["killed"], rows[0]["killed_low"], rows[0]["admin1"]) == ("26", "10", "Ternopil Oblast")
    geo = json.loads(kronika("events", "--db", str(ledger), "--format", "geojson").stdout)
    assert geo["features"][0]["geometry"]["coordinates"] == [TERNOPIL.lon, TERNOPIL.lat]


def test_events_filters(ledger):
    def ids(*args: str) -> list[str]:
        out = kronika("events", "--db", str(ledger), "--format", "jsonl", *args).stdout
        return [json.loads(line)["id"] for line in out.splitlines()]

    assert ids("--type", "ground_claim") == ["ev-2025-11-20-kupiansk-ground-claim-1"]
    assert ids("--since", "2025-11-20") == ["ev-2025-11-20-kupiansk-ground-claim-1"]
    assert ids("--until", "2025-11-19") == ["ev-2025-11-19-ternopil-strike-1"]
    assert ids("--place", "kharkiv") == ["ev-2025-11-20-kupiansk-ground-claim-1"]
    assert ids("--near", "49.55,25.6,20") == ["ev-2025-11-19-ternopil-strike-1"]
    assert ids("--near", "50.45,30.52,50") == []
    assert ids("--claimant", "Emergency") == ["ev-2025-11-19-ternopil-strike-1"]
    assert ids("--contested") == []


@pytest.mark.parametrize(
    "args",
    [
        ("show", "ev-nope"),
        ("events", "--near", "1,2"),
        ("events", "--since", "last week"),
        ("events", "--type", "battle"),
        ("events", "--format", "xml"),
    ],
)
def test_bad_requests_fail_with_one_line(ledger, args):
    done = kronika(*args, "--db", str(ledger))
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and done.stderr.startswith("kronika: "), done.stderr
    assert "Traceback" not in done.stderr


def test_stats_and_timeline(ledger):
    stats = kronika("stats", "--db", str(ledger))
    assert stats.returncode == 0 and "events" in stats.stdout
    timeline = kronika("timeline", "--db", str(ledger))
    assert "2025-11-19" in timeline.stdout and "2025-11-20" in timeline.stdout
    assert "killed 26" in timeline.stdout
    assert kronika("stats", "air", "--db", str(ledger)).returncode == 0


def test_ingest_reports_missing_files_and_goes_on(tmp_path):
    article = tmp_path / "one.txt"
    article.write_text(
        "Kyiv, Nov 19, 2025 (Northline Wire) - Russian missiles struck apartment blocks in Ternopil, "
        "killing at least 10 people, Foreign Minister Andriy Sybiga said.\n"
    )
    done = kronika("ingest", str(article), str(tmp_path / "missing.txt"), "--db", str(tmp_path / "l.db"))
    assert done.returncode == 1
    assert "rejected" in done.stderr and "missing.txt: no such file or folder" in done.stderr
    assert "documents: 1 new, 0 already known, 1 rejected" in " ".join(done.stdout.split())
    again = kronika("ingest", str(article), "--db", str(tmp_path / "l.db"))
    assert "documents: 0 new, 1 already known, 0 rejected" in " ".join(again.stdout.split())


def test_outlet_falls_back_to_the_story_dateline():
    doc = DocumentResult(
        path="x",
        text="Moscow (AFP) Nov 20, 2025 - ... Kyiv, Nov 19, 2025 (Dnipro Daily) - ...",
        stories=[
            Story(0, 30, dateline="Moscow (AFP) Nov 20, 2025"),
            Story(30, 70, dateline="Kyiv, Nov 19, 2025 (Dnipro Daily)"),
            Story(70, 80, dateline="Kyiv, 7:00 am (0500 GMT)"),
        ],
    )
    assert [outlet_of(doc, n) for n in (0, 1, 2, None)] == ["AFP", "Dnipro Daily", None, None]
    doc.source = "Reuters"
    assert outlet_of(doc, 0) == "Reuters"


def test_every_ledger_command_is_documented():
    import typer

    from kronika.cli import ledger_cmd

    app = typer.Typer()
    ledger_cmd.register(app)
    names = {c.name for c in app.registered_commands} | {g.name for g in app.registered_groups}
    assert names == {"ingest", "events", "show", "stats", "timeline", "demo"}
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text()
    for correction in ("merge", "split", "retract", "corrections"):
        assert f"kronika {correction} " in readme, correction
        done = kronika(correction, "--help")
        assert done.returncode == 0 and "--db" in done.stdout, correction
    for command in app.registered_commands:
        assert command.callback.__doc__, command.name
    for name in ("ingest", "events", "show", "timeline", "demo", "stats", "stats air"):
        done = kronika(*name.split(), "--help")
        assert done.returncode == 0 and "--db" in done.stdout, name


def test_demo_builds_a_ledger_from_the_shipped_samples(tmp_path):
    db = tmp_path / "demo.db"
    first = kronika("demo", "--db", str(db))
    assert first.returncode == 0, first.stderr
    out = " ".join(first.stdout.split())
    assert "documents: 9 new, 0 already known, 0 rejected" in out
    assert "2025-11-19" in out and "2025-11-25" in out
    with open_store(db) as store:
        rows = {r.event.id: r for r in list_events(store)}
    # the capture claim and its denial come from two outlets and must meet in one contested event
    kupiansk = [
        r
        for r in rows.values()
        if r.event.type == "ground_claim" and r.event.place and r.event.place.name == "Kupiansk"
    ]
    assert len(kupiansk) == 1 and kupiansk[0].event.contested and kupiansk[0].event.source_count == 2
    ternopil = [r for r in rows.values() if r.event.place and r.event.place.name == "Ternopil"]
    assert len(ternopil) == 1 and ternopil[0].event.source_count >= 3
    again = kronika("demo", "--db", str(db))
    assert "documents: 0 new, 9 already known, 0 rejected" in " ".join(again.stdout.split())


def test_read_commands_refuse_a_missing_ledger_instead_of_creating_one(tmp_path: Path) -> None:
    missing = tmp_path / "typo" / "ledger.db"
    for args in (["events"], ["show", "ev-x"], ["stats"], ["stats", "air"], ["timeline"]):
        proc = subprocess.run(
            [sys.executable, "-m", "kronika", *args, "--db", str(missing)], capture_output=True, text=True, timeout=120
        )
        assert proc.returncode == 2, (args, proc.stderr)
        assert "no ledger at" in proc.stderr and "Traceback" not in proc.stderr
    assert not missing.parent.exists()
