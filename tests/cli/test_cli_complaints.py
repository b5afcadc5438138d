"""The CLI complaints of issue 13, one test each: what a new user tried, and what kronika now does."""

from __future__ import annotations

import json
from pathlib import Path

from cli_run import KYIV_URL, kronika

KYIV_ID = "ev-2025-11-19-kyiv-strike-1"
TERNOPIL_ID = "ev-2025-11-20-ternopil-strike-1"


def _ids(run) -> list[str]:
    assert run.code == 0, run.stderr
    return [json.loads(line)["id"] for line in run.stdout.splitlines()]


def test_db_after_a_command_group_is_read(ledger: Path, tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.db"
    for args in (["stats", "--db", str(ledger), "air"], ["--db", str(ledger), "stats", "air"],
                 ["stats", "air", "--db", str(ledger)], ["reference", "--db", str(ledger), "list"]):
        done = kronika(*args, "--format", "jsonl")
        assert done.code == 0, (args, done.stderr)
    clash = kronika("stats", "--db", str(ledger), "air", "--db", str(missing))
    assert clash.code == 2 and "--db is given twice" in clash.stderr
    lost = kronika("stats", "--db", str(missing), "air")  # read, not ignored: the missing ledger is named
    assert lost.code == 2 and str(missing) in lost.stderr and not missing.exists()


def test_a_repeated_filter_keeps_every_value(ledger: Path) -> None:
    both = _ids(kronika("events", "--db", str(ledger), "-f", "jsonl", "--place", "Kyiv", "--place", "Ternopil"))
    assert sorted(both) == [KYIV_ID, TERNOPIL_ID]
    types = _ids(kronika("events", "--db", str(ledger), "-f", "jsonl", "--type", "air_attack", "--type", "strike"))
    assert sorted(types) == [KYIV_ID, TERNOPIL_ID]
    claimants = _ids(kronika("events", "--db", str(ledger), "-f", "jsonl", "--claimant", "mayor",
                             "--claimant", "governor"))
    assert sorted(claimants) == [KYIV_ID, TERNOPIL_ID]


def test_places_are_matched_through_the_geocoder(ledger: Path) -> None:
    assert _ids(kronika("events", "--db", str(ledger), "-f", "jsonl", "--place", "Kiev")) == [KYIV_ID]
    assert _ids(kronika("events", "--db", str(ledger), "-f", "jsonl", "--place", "Ternopol")) == [TERNOPIL_ID]
    days = kronika("timeline", "--db", str(ledger), "-f", "jsonl", "--place", "Kiev")
    assert [e["id"] for line in days.stdout.splitlines() for e in json.loads(line)["events"]] == [KYIV_ID]


def test_ingest_reads_standard_input(tmp_path: Path) -> None:
    db = tmp_path / "new.db"
    article = "KYIV, Nov 21, 2025 (Northline Wire) - A Russian missile strike on Odesa killed 4 people, officials said."
    done = kronika("ingest", "-", "--db", str(db), "-f", "json", stdin=article + "\n")
    assert done.code == 0, done.stderr
    summary = json.loads(done.stdout)
    assert summary["documents_new"] == 1 and summary["ledger"] == str(db) and db.is_file()


def test_ingest_of_nothing_readable_creates_no_ledger(tmp_path: Path) -> None:
    db = tmp_path / "new.db"
    done = kronika("ingest", str(tmp_path / "missing.txt"), "--db", str(db), "-f", "json")
    assert done.code == 1 and not db.exists() and not list(tmp_path.iterdir())
    assert done.stderr.startswith(f"kronika: rejected {tmp_path / 'missing.txt'}: ")
    assert json.loads(done.stdout)["ledger"] is None


def test_one_rendering_of_qualifiers(ledger: Path) -> None:
    from kronika.cli._console import qualified

    assert [qualified(10, q) for q in ("exact", "at_least", "more_than", "about", "up_to", None)] == [
        "10", "≥10", ">10", "~10", "≤10", "10"]
    table = kronika("events", "--db", str(ledger), "--place", "Kyiv")
    cells = "".join(table.stdout.replace("│", "").split())  # however narrow the table folds its last column
    for shown in ("killed>12", "injured≥30", "droneslaunched≤40", "dronesdestroyed~35"):
        assert shown in cells, (shown, table.stdout)
    detail = kronika("show", KYIV_ID, "--db", str(ledger))
    for shown in ("killed: >12", "injured: ≥30", "drones_launched: ≤40", "drones_destroyed: ~35"):
        assert shown in detail.stdout, (shown, detail.stdout)


def test_show_has_json_and_every_source_url(ledger: Path) -> None:
    text = kronika("show", KYIV_ID, "--db", str(ledger))
    assert text.code == 0 and f"url:  {KYIV_URL}" in text.stdout and "file: kyiv.txt" in text.stdout
    done = kronika("show", KYIV_ID, "--db", str(ledger), "-f", "json")
    record = json.loads(done.stdout)
    assert record["event"]["id"] == KYIV_ID
    [source] = record["sources"]
    assert source["url"] == KYIV_URL and source["quote"] == "A Russian drone strike on Kyiv"
    assert source["match"]["why"] == "first report of this event"


def test_search_lists_sources_with_their_urls(ledger: Path) -> None:
    done = kronika("search", "drone", "strike", "--db", str(ledger), "-f", "jsonl", "--limit", "5")
    hits = [json.loads(line) for line in done.stdout.splitlines()]
    assert hits and all(h["url"] == KYIV_URL for h in hits), done.stderr


def test_limit_and_cursor(ledger: Path) -> None:
    page = kronika("events", "--db", str(ledger), "-f", "jsonl", "--limit", "1")
    assert _ids(page) == [KYIV_ID] and "--cursor" in page.stderr
    cursor = page.stderr.split("--cursor")[1].split()[0]
    assert _ids(kronika("events", "--db", str(ledger), "-f", "jsonl", "--limit", "1", "--cursor", cursor)) == [
        TERNOPIL_ID]
    assert len(kronika("timeline", "--db", str(ledger), "-f", "jsonl", "--limit", "1").stdout.splitlines()) == 1


def test_demo_builds_its_ledger_in_the_data_directory(monkeypatch, tmp_path: Path) -> None:
    from kronika.cli.ledger_cmd import demo_db_path
    from kronika.store import default_db_path

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert demo_db_path().parent == default_db_path().parent == tmp_path / "data" / "kronika"
    assert demo_db_path() != default_db_path()  # the demo never writes into the analyst's own ledger
    assert "user data directory" in kronika("demo", "--help").stdout


def test_errors_are_one_line_with_status_2(ledger: Path) -> None:
    for args in (["events", "--db", str(ledger), "--type", "Strike"], ["events", "--db", str(ledger), "-f", "xml"],
                 ["events", "--db", str(ledger), "--since", "yesterday"], ["show", "ev-nope", "--db", str(ledger)],
                 ["events", "--db", str(ledger), "--limit", "0"], ["geocode", ""], ["extract", "-f", "xml", "-"]):
        done = kronika(*args)
        assert done.code == 2 and not done.stdout, (args, done.stdout)
        [line] = done.stderr.splitlines()
        assert line.startswith("kronika: ") and "Traceback" not in line, (args, line)


def test_a_correction_prints_json_and_the_audit_lists_it(ledger: Path, tmp_path: Path) -> None:
    import shutil

    db = tmp_path / "copy.db"
    shutil.copy(ledger, db)
    done = kronika("merge", KYIV_ID, TERNOPIL_ID, "--db", str(db), "-r", "one strike", "--by", "tester", "-f", "json")
    assert done.code == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["correction_id"] >= 1 and KYIV_ID in result["events"]
    audit = kronika("corrections", "--db", str(db), "-f", "jsonl", "--limit", "1")
    [row] = [json.loads(line) for line in audit.stdout.splitlines()]
    assert row["action"] == "merge" and row["who"] == "tester" and row["why"] == "one strike"
