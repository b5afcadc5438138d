"""Imported reference records (an independent per-night record of air attacks): each import with its checksums
and counts, its rows and its per-day totals, replaced whole when the source is imported again.

`SQLiteStore` takes these methods from `ReferenceRecords`.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from kronika.store.base import ReferenceDay, ReferenceImport
from kronika.store.rows import _now


class ReferenceRecords:
    """Mixin of SQLiteStore: `_db` is its connection."""

    _db: sqlite3.Connection

    _IMPORT_COLUMNS = (
        "source, path, file_sha256, rows_read, rows_stored, rows_rejected, first_day, last_day, catalogue_path,"
        " catalogue_sha256, imported_at, id"
    )

    _DAY_COLUMNS = (
        "day, scope, period, command, drones_launched, drones_destroyed, drones_not_reached, missiles_launched,"
        " missiles_destroyed, missiles_not_reached, other_launched, rows, rows_missing_values, posts, window_start,"
        " window_end, bodies, targets"
    )

    def reference_import(self, source: str) -> ReferenceImport | None:
        row = self._db.execute(
            f"SELECT {self._IMPORT_COLUMNS} FROM reference_imports WHERE source = ?", (source,)
        ).fetchone()
        return ReferenceImport(*row) if row else None

    def reference_imports(self) -> list[ReferenceImport]:
        rows = self._db.execute(f"SELECT {self._IMPORT_COLUMNS} FROM reference_imports ORDER BY source")
        return [ReferenceImport(*r) for r in rows]

    def replace_reference(
        self, imp: ReferenceImport, rows: Sequence[tuple[object, ...]], days: Sequence[ReferenceDay]
    ) -> None:
        """Replace the source's earlier import (its rows and days) with this one; call inside transaction()."""
        old = self._db.execute("SELECT id FROM reference_imports WHERE source = ?", (imp.source,)).fetchone()
        if old is not None:
            for table in ("reference_days", "reference_rows"):
                self._db.execute(f"DELETE FROM {table} WHERE import_id = ?", (old[0],))
            self._db.execute("DELETE FROM reference_imports WHERE id = ?", (old[0],))
        imp.imported_at = imp.imported_at or _now()
        cur = self._db.execute(
            "INSERT INTO reference_imports (source, path, file_sha256, rows_read, rows_stored, rows_rejected,"
            " first_day, last_day, catalogue_path, catalogue_sha256, imported_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            (imp.source, imp.path, imp.file_sha256, imp.rows_read, imp.rows_stored, imp.rows_rejected, imp.first_day,
             imp.last_day, imp.catalogue_path, imp.catalogue_sha256, imp.imported_at),
        )
        imp.id = int(cur.lastrowid or 0)
        self._db.executemany(
            "INSERT INTO reference_rows (import_id, line, day, time_start, time_end, model, weapon, launched,"
            " destroyed, not_reached, target, source, claimant_id, scope, period)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [(imp.id, *r) for r in rows],
        )
        self._db.executemany(
            f"INSERT INTO reference_days (import_id, {self._DAY_COLUMNS}) VALUES ({','.join('?' * 19)})",
            [
                (imp.id, d.day, d.scope, d.period, d.command, d.drones_launched, d.drones_destroyed,
                 d.drones_not_reached, d.missiles_launched, d.missiles_destroyed, d.missiles_not_reached,
                 d.other_launched, d.rows, d.rows_missing_values, d.posts, d.window_start, d.window_end,
                 ",".join(d.bodies), "; ".join(d.targets))
                for d in days
            ],
        )

    def reference_days(self, source: str, since: str | None, until: str | None) -> list[ReferenceDay]:
        sql = (
            f"SELECT {', '.join('d.' + c.strip() for c in self._DAY_COLUMNS.split(','))} FROM reference_days d"
            " JOIN reference_imports i ON i.id = d.import_id WHERE i.source = ?"
        )
        args: list[object] = [source]
        if since:
            sql += " AND d.day >= ?"
            args.append(since)
        if until:
            sql += " AND d.day <= ?"
            args.append(until)
        out = []
        for r in self._db.execute(sql + " ORDER BY d.day, d.scope, d.period, d.command", args):
            out.append(ReferenceDay(*r[:16], bodies=[b for b in r[16].split(",") if b],
                                    targets=[t for t in r[17].split("; ") if t]))
        return out
