"""`kronika events --format csv`: tidy, one numeric column per figure kind, provenance columns, no `region`."""

from __future__ import annotations

import csv
import io

import pytest
from interop_records import BARRAGE_ID, KUPIANSK_ID, SUMY_ID, TERNOPIL_ID, export_text
from ledger_records import Ev, Fig, build_article

from kronika.ledger import ingest
from kronika.ledger.export_records import TIDY_FIELDS
from kronika.models import FIGURE_KINDS
from kronika.store import open_store


@pytest.fixture(scope="module")
def rows(interop_ledger) -> dict[str, dict[str, str]]:
    return {r["id"]: r for r in csv.DictReader(io.StringIO(export_text(interop_ledger, "csv")))}


def test_header_has_a_column_group_per_figure_kind_and_no_region(rows) -> None:
    header = list(next(iter(rows.values())))
    assert header == list(TIDY_FIELDS) and "region" not in header
    for kind in FIGURE_KINDS:
        for column in (kind, f"{kind}_qualifier", f"{kind}_low", f"{kind}_high", f"{kind}_claimant"):
            assert column in header


def test_figures_are_numbers_with_qualifier_range_and_claimant(rows) -> None:
    ternopil = rows[TERNOPIL_ID]
    assert (ternopil["killed"], ternopil["killed_qualifier"], ternopil["killed_low"], ternopil["killed_high"]) == (
        "26", "exact", "10", "26")
    assert ternopil["injured"] == ""  # unknown stays empty, never 0
    sumy = rows[SUMY_ID]
    assert sumy["killed_contested"] == "True" and sumy["contested"] == "True" and sumy["admin2"] == "Sumy Raion"


def test_provenance_columns(rows) -> None:
    ternopil = rows[TERNOPIL_ID]
    assert ternopil["outlets"] == "Northline Wire | Dnipro Daily"
    assert ternopil["urls"].split(" | ") == ["https://northline.example/2025/11/19/ternopil",
                                            "https://dnipro-daily.example/news/ternopil-toll"]
    assert ternopil["admin1"] == "Ternopil Oblast" and ternopil["year"] == "2025"
    claim = rows[KUPIANSK_ID]
    assert claim["status"] == "contested" and claim["claimants"].count(" | ") == 1
    assert rows[BARRAGE_ID]["lat"] == "" and rows[BARRAGE_ID]["drones_destroyed"] == "442"


def test_formula_cells_are_neutralised_in_every_csv(tmp_path) -> None:
    text = "=HYPERLINK(\"http://x\") Russian drones struck Ternopil, killing 2 people."
    doc = build_article(text, [Ev("strike", text.split(",")[0], "2025-11-19", None, claimed_by="@spokesman",
                                  figures=[Fig("killed", 2, "killing 2 people", claimed_by="@spokesman")])],
                        path="f.txt", source="+Outlet", published="2025-11-19")
    with open_store(tmp_path / "f.db") as store:
        ingest(store, [doc])
    for format in ("csv", "acled"):
        cells = [c for row in csv.reader(io.StringIO(export_text(tmp_path / "f.db", format))) for c in row]
        assert not any(c.startswith(("=", "+", "@", "-")) for c in cells), format
        assert any(c.startswith("'=HYPERLINK") for c in cells)
