"""An imported reference record as the reconciliation reads it: per report day, the nationwide overnight report,
the nationwide daytime report and the regional commands' counts, each apart."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from kronika.store.base import LedgerStore, ReferenceDay, ReferenceImport

COUNT_FIELDS = (
    "drones_launched", "drones_destroyed", "drones_not_reached", "missiles_launched", "missiles_destroyed",
    "missiles_not_reached", "other_launched",
)


def day_dict(d: ReferenceDay | None) -> dict[str, Any] | None:
    if d is None:
        return None
    out: dict[str, Any] = {f: getattr(d, f) for f in COUNT_FIELDS}
    out.update(window_start=d.window_start, window_end=d.window_end, rows=d.rows, posts=d.posts)
    if d.rows_missing_values:
        out["rows_missing_values"] = d.rows_missing_values
    if d.scope != "national":
        out.update(command=d.command, targets=list(d.targets))
    return out


@dataclass(slots=True)
class RecordNight:
    """The record's reports for one report day."""

    day: str
    overnight: ReferenceDay | None = None  # the nationwide morning report
    daytime: ReferenceDay | None = None  # the nationwide report of a daytime attack, kept apart
    regional: list[ReferenceDay] = field(default_factory=list)  # Air Commands, oblast administrations, others

    def value(self, kind: str, report: ReferenceDay | None = None) -> int | None:
        """A figure kind of the news ("drones_destroyed", "weapons_launched") in one of this night's reports."""
        d = report if report is not None else self.overnight
        if d is None:
            return None
        if kind.startswith("weapons_"):
            verb = kind.removeprefix("weapons_")
            return getattr(d, f"drones_{verb}") + getattr(d, f"missiles_{verb}")
        return getattr(d, kind, None)

    def command(self, claimant_id: str) -> ReferenceDay | None:
        found = [d for d in self.regional if d.command == claimant_id and d.period == "overnight"]
        return found[0] if found else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "night": self.day,
            "overnight": day_dict(self.overnight),
            "daytime": day_dict(self.daytime),
            "regional": [day_dict(d) for d in self.regional],
        }


@dataclass(slots=True)
class Record:
    source: str
    imported: ReferenceImport
    nights: dict[str, RecordNight]

    def night(self, day: str | None, shift: int = 0) -> RecordNight | None:
        if day is None:
            return None
        if shift:
            day = (date.fromisoformat(day) + timedelta(days=shift)).isoformat()
        return self.nights.get(day)


def load_record(store: LedgerStore, source: str = "ivaniuk") -> Record | None:
    """The imported record of `source`, or None when the ledger holds no import of it."""
    imported = store.reference_import(source)
    if imported is None:
        return None
    nights: dict[str, RecordNight] = {}
    for d in store.reference_days(source, None, None):
        night = nights.setdefault(d.day, RecordNight(d.day))
        if d.scope == "national" and d.period == "overnight":
            night.overnight = d
        elif d.scope == "national":
            night.daytime = d
        else:
            night.regional.append(d)
    return Record(source, imported, nights)
