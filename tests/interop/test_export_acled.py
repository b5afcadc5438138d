"""`kronika events --format acled` read the way an ACLED user reads it: with pandas, by ACLED's column names."""

from __future__ import annotations

import io

import pandas as pd
import pytest
from interop_records import BARRAGE_ID, KUPIANSK_ID, SUMY_ID, TERNOPIL_ID, export_text, run_kronika

from kronika.ledger.export_acled import ACLED_COLUMNS, TYPE_MAP, time_precision
from kronika.models import EVENT_TYPES


@pytest.fixture(scope="module")
def acled(interop_ledger) -> pd.DataFrame:
    text = export_text(interop_ledger, "acled")
    return pd.read_csv(io.StringIO(text), parse_dates=["event_date"], dtype_backend="numpy_nullable")


def test_columns_are_acleds_in_acleds_order(acled: pd.DataFrame) -> None:
    assert tuple(acled.columns) == ACLED_COLUMNS
    assert ACLED_COLUMNS[:4] == ("event_id_cnty", "event_date", "year", "time_precision")
    assert ACLED_COLUMNS[-2:] == ("fatalities", "timestamp")


def test_columns_have_acleds_types(acled: pd.DataFrame) -> None:
    assert pd.api.types.is_datetime64_any_dtype(acled["event_date"])
    for column in ("year", "time_precision", "geo_precision", "fatalities", "timestamp"):
        assert pd.api.types.is_integer_dtype(acled[column]), column
    for column in ("latitude", "longitude"):
        assert pd.api.types.is_float_dtype(acled[column]), column
    assert acled["fatalities"].notna().all()  # ACLED always codes a number: 0 when no toll is reported
    assert set(acled["geo_precision"].dropna()) <= {1, 2, 3}
    assert set(acled["time_precision"].dropna()) <= {1, 2, 3}
    assert acled["timestamp"].min() > 1_500_000_000  # Unix seconds, not milliseconds or a day


def test_rows_carry_the_ledger_events(acled: pd.DataFrame) -> None:
    rows = acled.set_index("event_id_cnty")
    ternopil = rows.loc[TERNOPIL_ID]
    assert ternopil["event_date"] == pd.Timestamp("2025-11-19") and ternopil["year"] == 2025
    assert (ternopil["disorder_type"], ternopil["event_type"]) == ("Political violence", "Explosions/Remote violence")
    assert ternopil["country"] == "Ukraine" and ternopil["admin1"] == "Ternopil Oblast"
    assert ternopil["location"] == "Ternopil" and ternopil["geo_precision"] == 1
    assert ternopil["source"] == "Northline Wire; Dnipro Daily"
    assert ternopil["fatalities"] == 26  # the toll rose from "at least 10" to 26: the current value
    assert ternopil["actor1"] == "Russia"
    sumy = rows.loc[SUMY_ID]
    assert sumy["fatalities"] == 3  # 5 from the governor, then 3 from the police: the most conservative
    assert sumy["admin2"] == "Sumy Raion" and sumy["geo_precision"] == 2
    claim = rows.loc[KUPIANSK_ID]
    assert (claim["event_type"], claim["sub_event_type"]) == ("Battles", "Armed clash")
    assert claim["notes"].endswith("[contested]") and claim["fatalities"] == 0


def test_country_wide_barrage_has_no_made_up_point(acled: pd.DataFrame) -> None:
    barrage = acled.set_index("event_id_cnty").loc[BARRAGE_ID]
    assert barrage["sub_event_type"] == "Air/drone strike"
    assert barrage["country"] == "Ukraine" and barrage["location"] == "Ukraine"
    assert pd.isna(barrage["latitude"]) and pd.isna(barrage["longitude"]) and pd.isna(barrage["geo_precision"])
    region = acled.set_index("event_id_cnty").loc["ev-2025-11-21-kharkiv-oblast-strike-1"]
    assert region["geo_precision"] == 3 and region["latitude"] == pytest.approx(49.6)  # the oblast's centre


def test_undated_event_is_kept_with_empty_date(acled: pd.DataFrame) -> None:
    undated = acled[acled["event_id_cnty"].str.startswith("ev-undated")]
    assert len(undated) == 1 and pd.isna(undated["event_date"].iloc[0]) and pd.isna(undated["year"].iloc[0])


def test_every_kronika_type_has_an_acled_mapping() -> None:
    assert set(TYPE_MAP) == set(EVENT_TYPES)


def test_time_precision_follows_the_span_of_days() -> None:
    assert time_precision("2025-11-19", None) == 1
    assert time_precision("2025-11-18", "2025-11-19") == 2
    assert time_precision("2025-11-01", "2025-11-20") == 3
    assert time_precision(None, None) is None


def test_cli_writes_the_same_export(interop_ledger, tmp_path) -> None:
    target = tmp_path / "acled.csv"
    done = run_kronika("events", "-f", "acled", "-o", str(target), "--db", str(interop_ledger), "--type", "strike")
    assert done.returncode == 0, done.stderr
    frame = pd.read_csv(target)
    assert tuple(frame.columns) == ACLED_COLUMNS and set(frame["event_type"]) == {"Explosions/Remote violence"}
    assert b"3 event(s) written as acled to" in done.stderr  # a file was written: say so
