"""Import a reference record into the ledger, with its provenance; a re-import replaces the earlier one whole.

Idempotent: the same file (same sha256, same catalogue) imported again changes nothing; a different file (a newer
download) replaces the earlier import's rows and days in one transaction, so the ledger never holds two versions
of one record, and an interrupted import leaves the earlier one in place.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from kronika.reference import ivaniuk
from kronika.reference.ivaniuk import ReferenceFileError
from kronika.store.base import LedgerStore, ReferenceImport

SOURCES = ("ivaniuk",)


@dataclass(slots=True)
class ImportSummary:
    source: str
    path: str
    file_sha256: str
    status: str  # imported | replaced | unchanged
    rows_read: int = 0
    rows_stored: int = 0
    rejected: list[tuple[int, str]] = field(default_factory=list)  # (line, reason)
    unclassified: dict[str, int] = field(default_factory=dict)  # model -> rows counted as neither drone nor missile
    days: int = 0  # report days with any row
    national_nights: int = 0  # report days with a nationwide overnight report
    first_day: str | None = None
    last_day: str | None = None
    catalogue: str | None = None
    previous: ReferenceImport | None = None  # the import this one replaced

    @property
    def rows_rejected(self) -> int:
        return len(self.rejected)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def attacks_file(path: Path) -> Path:
    """The record's main file: PATH itself, or missile_attacks_daily.csv inside the folder PATH."""
    if path.is_dir():
        inside = path / ivaniuk.ATTACKS_FILE
        if not inside.is_file():
            raise ReferenceFileError(f"{path}: no {ivaniuk.ATTACKS_FILE} in this folder")
        return inside
    if not path.is_file():
        raise ReferenceFileError(f"{path}: no such file or folder")
    return path


def import_ivaniuk(store: LedgerStore, path: str | Path) -> ImportSummary:
    """Read Ivaniuk's missile_attacks_daily.csv (and missiles_and_uavs.csv beside it) into the ledger."""
    main = attacks_file(Path(path))
    catalogue = main.parent / ivaniuk.CATALOGUE_FILE
    digest = _sha256(main)
    cat_digest = _sha256(catalogue) if catalogue.is_file() else None
    previous = store.reference_import("ivaniuk")
    summary = ImportSummary("ivaniuk", str(main), digest, "imported", previous=previous)
    if previous is not None and (previous.file_sha256, previous.catalogue_sha256) == (digest, cat_digest):
        summary.status = "unchanged"
        summary.rows_read, summary.rows_stored = previous.rows_read, previous.rows_stored
        summary.first_day, summary.last_day = previous.first_day, previous.last_day
        summary.catalogue = previous.catalogue_path
        return summary
    result = ivaniuk.read(main, catalogue)
    days = ivaniuk.group_days(result.rows)
    summary.rows_read, summary.rows_stored = result.rows_read, len(result.rows)
    summary.rejected, summary.unclassified = result.rejected, result.unclassified
    summary.catalogue = str(result.catalogue) if result.catalogue else None
    summary.days = len({d.day for d in days})
    summary.national_nights = sum(1 for d in days if d.scope == "national" and d.period == "overnight")
    all_days = sorted({d.day for d in days})
    summary.first_day, summary.last_day = (all_days[0], all_days[-1]) if all_days else (None, None)
    imp = ReferenceImport(
        "ivaniuk", str(main.resolve()), digest, summary.rows_read, summary.rows_stored, summary.rows_rejected,
        summary.first_day, summary.last_day, summary.catalogue, cat_digest,
    )
    rows = [
        (r.line, r.day, r.start.isoformat(sep=" ", timespec="minutes") if r.start_timed else r.start.date().isoformat(),
         r.end.isoformat(sep=" ", timespec="minutes") if r.end_timed else r.end.date().isoformat(), r.model, r.weapon,
         r.launched, r.destroyed, r.not_reached, r.target, r.source, r.claimant_id, r.scope, r.period)
        for r in result.rows
    ]
    with store.transaction():
        store.replace_reference(imp, rows, days)
    if previous is not None:
        summary.status = "replaced"
    return summary
