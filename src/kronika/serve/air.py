"""The air-defence page's API shapes: per night and claimant, the news figures (kronika.ledger.air_stats) and,
with `reference=true`, the imported record beside them (kronika.reference), as `kronika stats air --reference`
gives them, plus the record's figures for the same kinds so the chart can draw like beside like.

    air_out(nights, record=None) -> AirStatsOut

The record's figures beside a row are those of the report the row is held against: the nationwide overnight
report (the daytime one when that is what the news gave), or a regional command's own count for a breakdown.
Totals cover the weapon classes the news row covers: a row giving drones only is beside the record's drones.
"""

from __future__ import annotations

from pathlib import PurePath
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from kronika.ledger import AirNight
from kronika.models import WEAPON_KINDS
from kronika.reference.record import COUNT_FIELDS, RecordNight
from kronika.store.base import ReferenceDay, ReferenceImport


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class RecordReportOut(_Model):
    """One report of the record for a report day: nationwide overnight or daytime, or a regional command's."""

    drones_launched: int
    drones_destroyed: int
    drones_not_reached: int = Field(description="Drones 'lost' (electronic warfare): not counted as destroyed")
    missiles_launched: int
    missiles_destroyed: int
    missiles_not_reached: int
    other_launched: int
    window_start: str | None
    window_end: str | None
    rows: int
    posts: int
    command: str | None = Field(description="For a regional report, the command's claimant id")
    targets: list[str]


class RecordNightOut(_Model):
    night: str
    overnight: RecordReportOut | None
    daytime: RecordReportOut | None
    regional: list[RecordReportOut]


class RecordBeside(_Model):
    """The record's figures for the kinds the news row gives, and their totals over the same weapon classes."""

    figures: dict[str, int | None] = Field(description="kind -> the record's value (null: the record has none)")
    launched: int | None
    destroyed: int | None
    drones_not_reached: int | None = Field(description="Drones the record lists as lost, not destroyed")


class AirNightOut(_Model):
    """One night's figures as one claimant gives them, for the country or one area (kronika.ledger.air)."""

    date: str | None
    claimant: str
    claimant_id: str | None
    scope: str
    side: str | None
    area: str | None
    breakdown: bool = Field(description="A regional or city count, never a nationwide figure")
    phrases: list[str] = Field(description="The texts' own phrases for the claimant")
    drones_launched: int | None
    drones_destroyed: int | None
    missiles_launched: int | None
    missiles_destroyed: int | None
    weapons_launched: int | None
    weapons_destroyed: int | None
    qualifiers: dict[str, str] = Field(description="kind -> qualifier, for the figures that are not exact")
    launched: int | None
    destroyed: int | None
    drones_rate: float | None
    missiles_rate: float | None
    interception_rate: float | None = Field(description="Destroyed over launched, from one report")
    events: list[str]
    # with reference=true (null otherwise, and for a body the record does not cover)
    reference: RecordNightOut | None = Field(None, description="The record's reports for this night")
    record: RecordBeside | None = Field(None, description="The record's figures beside this row's")
    agree: bool | None = Field(None, description="Every figure compared is the record's (null: nothing compared)")
    reason: str | None = Field(None, description="The likely reason for a disagreement (kronika.reference.REASONS)")
    reason_detail: str | None = None
    figure_agreement: dict[str, bool] = Field(default_factory=dict)
    figure_reasons: dict[str, str] = Field(default_factory=dict)
    record_night: str | None = Field(None, description="The record's night the figures fit, when not the row's")


class RecordImportOut(_Model):
    """The reference record the rows are held against, with its provenance."""

    source: str
    file: str = Field(description="The imported file's name")
    sha256: str
    rows_stored: int
    first_day: str | None
    last_day: str | None
    imported_at: str


class AirStatsOut(_Model):
    nights: list[AirNightOut]
    record: RecordImportOut | None = Field(None, description="With reference=true: the record imported")


def _report(d: ReferenceDay | None) -> RecordReportOut | None:
    if d is None:
        return None
    counts: dict[str, Any] = {f: getattr(d, f) for f in COUNT_FIELDS}
    return RecordReportOut(**counts, window_start=d.window_start, window_end=d.window_end, rows=d.rows,
                           posts=d.posts, command=None if d.scope == "national" else d.command,
                           targets=list(d.targets))


def _night(ref: RecordNight) -> RecordNightOut:
    return RecordNightOut(night=ref.day, overnight=_report(ref.overnight), daytime=_report(ref.daytime),
                          regional=[r for r in map(_report, ref.regional) if r is not None])


def compared_report(row: AirNight) -> ReferenceDay | None:
    """The record's report this row is held against (None: none for its night, or its body is not covered)."""
    ref, agreement = row.reference, row.agreement
    if ref is None or (agreement is not None and agreement.reason == "not_covered"):
        return None
    if row.breakdown:
        return ref.command(row.claimant_id or "") if row.claimant_id else None
    if agreement is not None and agreement.reason == "daytime_report":
        return ref.daytime
    return ref.overnight


def _total(row: AirNight, ref: RecordNight, report: ReferenceDay, verb: str) -> int | None:
    """The record's launched (or destroyed) over the weapon classes the row's own total covers."""
    classes = [c for c in ("drones", "missiles") if getattr(row, f"{c}_{verb}") is not None]
    if not classes:
        return ref.value(f"weapons_{verb}", report) if getattr(row, f"weapons_{verb}") is not None else None
    return sum(ref.value(f"{c}_{verb}", report) or 0 for c in classes)


def record_beside(row: AirNight) -> RecordBeside | None:
    report = compared_report(row)
    ref = row.reference
    if report is None or ref is None:
        return None
    kinds = [k for k in WEAPON_KINDS if getattr(row, k) is not None]
    return RecordBeside(
        figures={k: ref.value(k, report) for k in kinds},
        launched=_total(row, ref, report, "launched"),
        destroyed=_total(row, ref, report, "destroyed"),
        drones_not_reached=report.drones_not_reached if row.drones_destroyed is not None else None,
    )


def night_out(n: AirNight) -> AirNightOut:
    out = AirNightOut(
        date=n.date, claimant=n.claimant, claimant_id=n.claimant_id, scope=n.scope, side=n.side, area=n.area,
        breakdown=n.breakdown, phrases=list(n.phrases), drones_launched=n.drones_launched,
        drones_destroyed=n.drones_destroyed, missiles_launched=n.missiles_launched,
        missiles_destroyed=n.missiles_destroyed, weapons_launched=n.weapons_launched,
        weapons_destroyed=n.weapons_destroyed, qualifiers=dict(n.qualifiers), launched=n.launched,
        destroyed=n.destroyed, drones_rate=n.drones_rate, missiles_rate=n.missiles_rate,
        interception_rate=n.interception_rate, events=list(n.events),
    )
    if n.reference is not None:
        out.reference = _night(n.reference)
        out.record = record_beside(n)
    if n.agreement is not None:
        a = n.agreement
        out.agree, out.reason, out.reason_detail, out.record_night = a.agree, a.reason, a.detail, a.record_night
        out.figure_agreement, out.figure_reasons = dict(a.figures), dict(a.figure_reasons)
    return out


def _import(imp: ReferenceImport) -> RecordImportOut:
    return RecordImportOut(source=imp.source, file=PurePath(imp.path).name, sha256=imp.file_sha256,
                           rows_stored=imp.rows_stored, first_day=imp.first_day, last_day=imp.last_day,
                           imported_at=imp.imported_at)


def air_out(nights: list[AirNight], record: ReferenceImport | None = None) -> AirStatsOut:
    return AirStatsOut(nights=[night_out(n) for n in nights], record=_import(record) if record else None)
