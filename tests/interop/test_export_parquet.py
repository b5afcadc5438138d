"""`kronika events --format parquet`: typed columns, figures and sources as nested lists, read back with pyarrow."""

from __future__ import annotations

import io
from datetime import date

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from interop_records import BARRAGE_ID, SUMY_ID, TERNOPIL_ID, run_kronika

from kronika.ledger import list_events
from kronika.ledger.export_parquet import SCHEMA
from kronika.ledger.export_records import TIDY_FIELDS, export_events
from kronika.models import FIGURE_KINDS
from kronika.store import open_store


@pytest.fixture(scope="module")
def table(interop_ledger) -> pa.Table:
    sink = io.BytesIO()
    with open_store(interop_ledger, readonly=True) as store:
        export_events(store, list_events(store), "parquet", sink)
    return pq.read_table(io.BytesIO(sink.getvalue()))


def _row(table: pa.Table, event_id: str) -> dict:
    return next(r for r in table.to_pylist() if r["id"] == event_id)


def test_round_trip_keeps_the_schema(table: pa.Table) -> None:
    assert table.schema.equals(SCHEMA)
    assert table.column_names == [*TIDY_FIELDS, "figures", "sources"]
    types = table.schema
    assert types.field("date").type == pa.date32() and types.field("updated_at").type == pa.timestamp("ms", tz="UTC")
    assert types.field("lat").type == pa.float64() and types.field("contested").type == pa.bool_()
    assert types.field("outlets").type == pa.list_(pa.string())
    for kind in FIGURE_KINDS:
        assert types.field(kind).type == pa.int64() and types.field(f"{kind}_contested").type == pa.bool_()
    assert pa.types.is_struct(types.field("sources").type.value_type)
    assert pa.types.is_struct(types.field("figures").type.value_type)


def test_values_are_typed_and_absent_figures_are_null_not_zero(table: pa.Table) -> None:
    ternopil = _row(table, TERNOPIL_ID)
    assert ternopil["date"] == date(2025, 11, 19) and ternopil["year"] == 2025
    assert (ternopil["killed"], ternopil["killed_qualifier"], ternopil["killed_low"], ternopil["killed_high"]) == (
        26, "exact", 10, 26)
    assert ternopil["injured"] is None and ternopil["drones_launched"] is None
    assert ternopil["urls"] == ["https://northline.example/2025/11/19/ternopil",
                                "https://dnipro-daily.example/news/ternopil-toll"]
    barrage = _row(table, BARRAGE_ID)
    assert barrage["lat"] is None and barrage["precision"] == "country"  # country-wide: no made-up point


def test_nested_sources_and_figures(table: pa.Table) -> None:
    ternopil = _row(table, TERNOPIL_ID)
    first, second = ternopil["sources"]
    assert first["outlet"] == "Northline Wire" and first["published"] == date(2025, 11, 19)
    assert first["url"].startswith("https://northline.example/") and first["title"] == "Missiles hit Ternopil"
    assert first["quote"] == "Russian missiles struck apartment blocks in Ternopil overnight"
    assert first["span_end"] - first["span_start"] == len(first["quote"])
    assert second["claimed_by"] == "State Emergency Service"
    sumy = _row(table, SUMY_ID)
    overall = [f for f in sumy["figures"] if f["claimant"] == "*"]
    per_claimant = sorted(f["value"] for f in sumy["figures"] if f["claimant"] != "*")
    assert [(f["kind"], f["value"], f["low"], f["contested"]) for f in overall] == [("killed", 5, 3, True)]
    assert per_claimant == [3, 5]


def test_cli_writes_parquet_to_a_pipe(interop_ledger) -> None:
    done = run_kronika("--db", str(interop_ledger), "events", "-f", "parquet", "--since", "2025-11-21")
    assert done.returncode == 0, done.stderr
    read = pq.read_table(io.BytesIO(done.stdout))
    assert read.num_rows == 3 and read.schema.equals(SCHEMA)  # two strikes of Nov 21 and the Geneva talks
