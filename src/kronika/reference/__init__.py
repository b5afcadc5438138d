"""Reference records held against the ledger: import them, and reconcile the news with them night by night.

    import_ivaniuk(store, path) -> ImportSummary      `kronika reference import ivaniuk PATH`
    reference_imports(store) -> list[ReferenceImport] `kronika reference list`
    load_record(store, source) -> Record | None       the record per report day (overnight, daytime, regional)
    reconcile(rows, record)                           news rows (kronika.ledger.air_stats) beside the record
    reconcile_store(store, rows)                      the same, with the ledger's import (`stats air --reference`)

    ivaniuk.py    reading Petro Ivaniuk's per-night Air Force record and grouping it into report days
    importer.py   provenance (file hash, rows, import time) and idempotent replacement
    record.py     the record as the reconciliation reads it
    reconcile.py  agreement and the likely reason for a disagreement

kronika never ships a reference record: the user points the importer at their own download.
"""

from __future__ import annotations

from kronika.reference.importer import SOURCES, ImportSummary, import_ivaniuk
from kronika.reference.ivaniuk import ReferenceFileError
from kronika.reference.reconcile import REASONS, Agreement, consistent, reconcile, reconcile_store
from kronika.reference.record import Record, RecordNight, load_record
from kronika.store.base import LedgerStore, ReferenceImport


def reference_imports(store: LedgerStore) -> list[ReferenceImport]:
    """Every reference record the ledger holds, with its provenance."""
    return store.reference_imports()


__all__ = [
    "REASONS",
    "SOURCES",
    "Agreement",
    "ImportSummary",
    "Record",
    "RecordNight",
    "ReferenceFileError",
    "consistent",
    "import_ivaniuk",
    "load_record",
    "reconcile",
    "reconcile_store",
    "reference_imports",
]
