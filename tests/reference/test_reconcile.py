"""stats air beside the record: agreement, and the likely reason for each kind of disagreement."""

from __future__ import annotations

from pathlib import Path

import pytest
from reference_records import NIGHTS, ODESA_OBLAST, RUSSIA, air_report, write_record

from kronika.errors import KronikaError
from kronika.ledger import air_stats, ingest
from kronika.reference import import_ivaniuk
from kronika.store import open_store

AF = "Ukraine's air force"


@pytest.fixture
def reconciled(tmp_path: Path):  # noqa: ANN201
    def run(*docs):  # noqa: ANN002, ANN202
        with open_store(tmp_path / "l.db") as store:
            import_ivaniuk(store, write_record(tmp_path / "rec", NIGHTS))
            ingest(store, list(docs))
            return air_stats(store, reference=True)

    return run


def one(rows, night=None):  # noqa: ANN001, ANN201
    [row] = [r for r in rows if night is None or r.date == night]
    return row


def test_news_that_matches_the_record_agrees(reconciled) -> None:  # noqa: ANN001
    row = one(reconciled(air_report("a.txt", "2031-03-10", "2031-03-10", AF, [
        ("drones_launched", 120, AF), ("drones_destroyed", 90, AF), ("missiles_launched", 8, AF),
        ("missiles_destroyed", 4, AF)])))
    assert (row.claimant, row.agreement.agree, row.agreement.reason) == ("Ukraine's Air Force", True, None)
    assert row.reference.overnight.drones_launched == 120
    assert round(row.rate, 3) == round(94 / 128, 3)


def test_lost_drones_counted_as_destroyed(reconciled) -> None:  # noqa: ANN001
    row = one(reconciled(air_report("a.txt", "2031-03-10", "2031-03-10", AF, [
        ("drones_launched", 120, AF), ("drones_destroyed", 115, AF)])))
    assert (row.agreement.agree, row.agreement.reason) == (False, "lost_drones_included")
    assert row.agreement.figures == {"drones_launched": True, "drones_destroyed": False}


def test_a_lower_count_is_preliminary(reconciled) -> None:  # noqa: ANN001
    row = one(reconciled(air_report("a.txt", "2031-03-10", "2031-03-10", AF, [
        ("drones_launched", 100, AF), ("drones_destroyed", 80, AF)])))
    assert (row.agreement.agree, row.agreement.reason) == (False, "preliminary")


def test_the_record_of_another_night(reconciled) -> None:  # noqa: ANN001
    row = one(reconciled(air_report("a.txt", "2031-03-12", "2031-03-12", AF, [
        ("drones_launched", 88, AF), ("missiles_launched", 1, AF)])))
    assert (row.agreement.agree, row.agreement.reason, row.agreement.record_night) == (
        False, "different_night", "2031-03-11")


def test_daytime_added_to_the_overnight_report(reconciled) -> None:  # noqa: ANN001
    row = one(reconciled(air_report("a.txt", "2031-03-10", "2031-03-10", AF, [("drones_launched", 160, AF)])))
    assert (row.agreement.agree, row.agreement.reason) == (False, "daytime_included")


def test_a_regional_command_quoted_as_nationwide(reconciled) -> None:  # noqa: ANN001
    row = one(reconciled(air_report("a.txt", "2031-03-10", "2031-03-10", AF, [("drones_destroyed", 12, AF)])))
    assert (row.agreement.agree, row.agreement.reason) == (False, "regional_count")


def test_a_regional_breakdown_stays_under_its_night(reconciled) -> None:  # noqa: ANN001
    rows = reconciled(
        air_report("a.txt", "2031-03-10", "2031-03-10", AF, [("drones_launched", 120, AF)]),
        air_report("b.txt", "2031-03-10", "2031-03-10", "the air force's southern command",
                   [("drones_destroyed", 12, "the air force's southern command")], place=ODESA_OBLAST),
    )
    national, south = rows
    assert (national.breakdown, south.breakdown) == (False, True)
    assert (south.claimant_id, south.area) == ("ua.air_command.south", "Odesa Oblast")
    assert south.agreement.agree is True and national.agreement.agree is True  # no conflict between the two


def test_russia_counting_drones_over_russia_is_not_compared(reconciled) -> None:  # noqa: ANN001
    mod = "Russia's defence ministry"
    row = one(reconciled(air_report("a.txt", "2031-03-10", "2031-03-10", mod, [("drones_destroyed", 30, mod)],
                                    place=RUSSIA)))
    assert (row.claimant_id, row.agreement.agree, row.agreement.reason) == ("ru.defence_ministry", None,
                                                                           "not_covered")


def test_an_undated_report_names_the_night_it_fits_without_dating_it(reconciled) -> None:  # noqa: ANN001
    row = one(reconciled(air_report("a.txt", None, None, AF, [("drones_launched", 50, AF),
                                                               ("drones_destroyed", 45, AF)])))
    assert (row.date, row.agreement.agree, row.agreement.reason, row.agreement.record_night) == (
        None, None, "undated", "2031-03-12")


def test_a_lower_bound_agrees_with_a_larger_record(reconciled) -> None:  # noqa: ANN001
    row = one(reconciled(air_report("a.txt", "2031-03-10", "2031-03-10", AF, [("drones_launched", 100, AF)],
                                    qualifiers={"drones_launched": "more_than"})))
    assert row.agreement.agree is True


def test_the_rate_comes_from_one_report_only(tmp_path: Path) -> None:
    """Regression: launched of two weapon classes over destroyed of one gave a 35% night."""
    docs = [
        air_report("a.txt", "2031-03-10", "2031-03-10", AF,
                   [("drones_launched", 47, AF), ("missiles_launched", 53, AF), ("missiles_destroyed", 35, AF)]),
        air_report("b.txt", "2031-03-11", "2031-03-10", AF, [("drones_destroyed", 46, AF)]),
    ]
    with open_store(tmp_path / "l.db") as store:
        ingest(store, docs)
        [row] = air_stats(store)
    assert (row.drones_launched, row.drones_destroyed) == (47, 46)  # both shown, from two reports
    assert row.drones_rate is None  # but no rate from two articles' counts
    assert round(row.missiles_rate, 3) == round(35 / 53, 3)
    assert row.rate is None and row.interception_rate is None


def test_a_figure_with_no_claimant_counts_for_its_reports_claimant(tmp_path: Path) -> None:
    doc = air_report("a.txt", "2031-03-10", "2031-03-10", AF, [("drones_launched", 120, AF),
                                                              ("drones_destroyed", 90, None)])
    with open_store(tmp_path / "l.db") as store:
        ingest(store, [doc])
        [row] = air_stats(store)
    assert (row.claimant_id, row.drones_rate) == ("ua.air_force", 0.75)


def test_reference_without_an_import_is_a_clear_error(tmp_path: Path) -> None:
    with open_store(tmp_path / "l.db") as store:
        ingest(store, [air_report("a.txt", "2031-03-10", "2031-03-10", AF, [("drones_launched", 120, AF)])])
        with pytest.raises(KronikaError, match="kronika reference import ivaniuk"):
            air_stats(store, reference=True)
