"""News beside the record, night by night: do they agree, and if not, why?

Which rows are compared:
* a nationwide row of a Ukrainian claimant (Air Force, General Staff, ...; or figures the text attributes to
  no one, about an attack on Ukraine) with the record's nationwide overnight report of its night;
* an Air Command's row with that command's own count; a breakdown for an oblast with the regional rows of the
  record that count that oblast alone;
* nothing else: the record counts attacks on Ukraine, so Russia's ministry counting drones over Russia is
  `not_covered`, and a breakdown the record has no count for stays without one.

A figure agrees when it is the record's value (an "at least 40" agrees with 43; "about 100" with 97; "up to 50"
with 44). When a row disagrees, the likely reason, tried in this order:

    different_night       every figure is the record's for the night before or after (news dated the report,
                          or the record moved an evening launch to the next morning)
    lost_drones_included  destroyed = the record's destroyed + the drones it lists as lost (electronic warfare)
    daytime_included      the record's overnight + daytime reports added together
    daytime_report        the record's daytime report
    regional_count        a regional command's count quoted as if nationwide
    preliminary           lower than the record: an early count, raised in the final report
    unexplained           none of these

A row with no night is `undated`; when one night of the record matches more of its figures than any other (two
at least), that night is named (`record_night`) as where they fit, never stored as the event's day.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from kronika.errors import KronikaError
from kronika.ledger.air import AirNight
from kronika.reference.record import Record, RecordNight, load_record
from kronika.store.base import LedgerStore, ReferenceDay

REASONS = {
    "different_night": "the figures are the record's for another night",
    "lost_drones_included": "drones lost to electronic warfare are counted as destroyed",
    "daytime_included": "the record's daytime report is added to the overnight one",
    "daytime_report": "the figures are the record's daytime report",
    "regional_count": "a regional command's count, not the nationwide one",
    "preliminary": "lower than the record: an early count, later raised",
    "unexplained": "no known reason",
    "undated": "the reports give no night",
    "no_record": "the record has no nationwide report for this night",
    "no_regional_record": "the record has no count of its own for this area",
    "not_covered": "the record counts attacks on Ukraine only",
}
_ORDER = tuple(REASONS)
NEWS_KINDS = (
    "drones_launched", "drones_destroyed", "missiles_launched", "missiles_destroyed", "weapons_launched",
    "weapons_destroyed",
)


@dataclass(slots=True)
class Agreement:
    """What the record says of one news row.

    agree          True: every figure compared is the record's; False: one or more is not; None: nothing to
                   compare (no record for the night, a body the record does not cover, an undated row)
    reason         the likely reason for a disagreement (or why nothing was compared), a key of REASONS
    detail         the reason in words, with the numbers
    figures        kind -> does this figure agree
    figure_reasons kind -> the reason for that figure's disagreement
    record_night   the record's night the figures match, when it is not the row's own
    """

    agree: bool | None
    reason: str | None = None
    detail: str | None = None
    figures: dict[str, bool] = field(default_factory=dict)
    figure_reasons: dict[str, str] = field(default_factory=dict)
    record_night: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "agree": self.agree,
            "reason": self.reason,
            "reason_detail": self.detail,
            "figure_agreement": dict(self.figures),
            "figure_reasons": dict(self.figure_reasons),
            "record_night": self.record_night,
        }


def consistent(value: int, qualifier: str, record: int | None) -> bool:
    """Can the news figure and the record's both be true?"""
    if record is None:
        return False
    if qualifier in ("at_least", "more_than"):
        return record >= value
    if qualifier == "up_to":
        return record <= value
    if qualifier == "about":
        return abs(record - value) <= max(2, round(0.05 * record))
    return record == value


def _figures(row: AirNight) -> dict[str, tuple[int, str]]:
    out = {}
    for kind in NEWS_KINDS:
        value = getattr(row, kind)
        if value is not None:
            out[kind] = (value, row.qualifiers.get(kind, "exact"))
    return out


def _compare(figs: dict[str, tuple[int, str]], night: RecordNight | None, report: ReferenceDay | None
             ) -> dict[str, bool]:
    if night is None or report is None:
        return {}
    return {k: consistent(v, q, night.value(k, report)) for k, (v, q) in figs.items()}


def _telling(figs: dict[str, tuple[int, str]]) -> bool:
    """Enough figures for a match not to be a coincidence: two, or one count of ten or more."""
    return len(figs) >= 2 or any(v >= 10 for v, _ in figs.values())


def reconcile(rows: Sequence[AirNight], record: Record) -> None:
    """Put the record's figures and the agreement beside each row (in place)."""
    for row in rows:
        row.reference, row.agreement = _judge(row, record)


def reconcile_store(store: LedgerStore, rows: Sequence[AirNight], source: str = "ivaniuk") -> None:
    record = load_record(store, source)
    if record is None:
        raise KronikaError(
            f"the ledger holds no {source} reference record: import one with "
            f"`kronika reference import {source} PATH --db {store.path}`"
        )
    reconcile(rows, record)


def _judge(row: AirNight, record: Record) -> tuple[RecordNight | None, Agreement]:
    figs = _figures(row)
    if row.side not in ("UA", None) or row.scope == "international":
        return None, Agreement(None, "not_covered", REASONS["not_covered"])
    if not figs:
        return record.night(row.date), Agreement(None)
    if row.date is None:
        return _undated(figs, record)
    if row.breakdown:
        return _regional(row, figs, record)
    night = record.night(row.date)
    agrees = _compare(figs, night, night.overnight if night else None)
    if agrees and all(agrees.values()):
        return night, Agreement(True, figures=agrees)
    if night is not None and night.overnight is None and night.daytime is not None:
        day_agrees = _compare(figs, night, night.daytime)
        if all(day_agrees.values()):
            return night, Agreement(True, "daytime_report", REASONS["daytime_report"], day_agrees)
    moved = _other_night(figs, record, row.date)
    if moved is not None:
        other, other_agrees = moved
        detail = f"the figures are the record's for {other.day}, not {row.date}"
        return night, Agreement(False, "different_night", detail, agrees or {k: False for k in figs},
                                {k: "different_night" for k in figs}, other.day)
    if night is None or night.overnight is None:
        return night, Agreement(None, "no_record", REASONS["no_record"])
    reasons = {k: _why(k, figs[k], night) for k, ok in agrees.items() if not ok}
    main = min(reasons.values(), key=_ORDER.index)
    parts = [_say(k, figs[k][0], night, r) for k, r in reasons.items()]
    return night, Agreement(False, main, "; ".join(parts), agrees, reasons)


def _why(kind: str, fig: tuple[int, str], night: RecordNight) -> str:
    value, qualifier = fig
    rec = night.value(kind) or 0
    over = night.overnight
    assert over is not None
    if kind in ("drones_destroyed", "weapons_destroyed") and over.drones_not_reached and consistent(
        value, qualifier, rec + over.drones_not_reached
    ):
        return "lost_drones_included"
    if night.daytime is not None:
        day = night.value(kind, night.daytime) or 0
        if consistent(value, qualifier, rec + day):
            return "daytime_included"
        if consistent(value, qualifier, day):
            return "daytime_report"
    if any(consistent(value, qualifier, night.value(kind, d)) for d in night.regional if night.value(kind, d)):
        return "regional_count"
    if value < rec:
        return "preliminary"
    return "unexplained"


def _say(kind: str, value: int, night: RecordNight, reason: str) -> str:
    rec = night.value(kind)
    what = kind.replace("_", " ")
    text = f"{what} {value} vs the record's {rec}"
    over = night.overnight
    if reason == "lost_drones_included" and over is not None:
        text += f" destroyed + {over.drones_not_reached} lost"
    elif reason in ("daytime_included", "daytime_report") and night.daytime is not None:
        text += f" (+ {night.value(kind, night.daytime)} in the daytime report)"
    elif reason == "regional_count":
        commands = [d.command for d in night.regional if consistent(value, "exact", night.value(kind, d))]
        text += f" ({', '.join(commands)}'s own count)" if commands else ""
    return f"{text}: {REASONS[reason]}"


def _other_night(figs: dict[str, tuple[int, str]], record: Record, day: str) -> tuple[RecordNight, dict] | None:
    if not _telling(figs):
        return None
    for shift in (-1, 1):
        other = record.night(day, shift)
        if other is None or other.overnight is None:
            continue
        agrees = _compare(figs, other, other.overnight)
        if agrees and all(agrees.values()):
            return other, agrees
    return None


def _undated(figs: dict[str, tuple[int, str]], record: Record) -> tuple[RecordNight | None, Agreement]:
    """The night whose record agrees with most of the row's exact figures (two at least), when one stands out."""
    exact = {k: v for k, v in figs.items() if v[1] == "exact"}
    # more figures matched, then larger ones (a match on 574 is a rarer coincidence than a match on 31)
    scored: list[tuple[tuple[int, int], RecordNight]] = []
    if len(exact) >= 2:
        for night in record.nights.values():
            if night.overnight is not None:
                hit = [k for k, ok in _compare(exact, night, night.overnight).items() if ok]
                if len(hit) >= 2:
                    scored.append(((len(hit), sum(exact[k][0] for k in hit)), night))
    best = max((h for h, _ in scored), default=(0, 0))
    top = [n for h, n in scored if h == best]
    if len(top) == 1:
        night = top[0]
        best = best[0]  # type: ignore[assignment]
        agrees = _compare(figs, night, night.overnight)
        detail = (f"the reports give no night; {best} of {len(figs)} figures match the record of {night.day}, "
                  "more closely than any other night")
        reasons = {k: _why(k, figs[k], night) for k, ok in agrees.items() if not ok}
        return night, Agreement(None, "undated", detail, agrees, reasons, night.day)
    detail = REASONS["undated"] + (f"; the figures match {len(top)} nights of the record alike" if top else "")
    return None, Agreement(None, "undated", detail)


def _regional(row: AirNight, figs: dict[str, tuple[int, str]], record: Record
              ) -> tuple[RecordNight | None, Agreement]:
    night = record.night(row.date)
    if night is None:
        return None, Agreement(None, "no_regional_record", REASONS["no_regional_record"])
    report = night.command(row.claimant_id or "") if row.claimant_id else None
    if report is None and row.area_region:
        short = row.area_region.replace(" Oblast", "").casefold()
        alone = [d for d in night.regional if len(d.targets) == 1 and short in d.targets[0].casefold()]
        report = alone[0] if len(alone) == 1 else None
    if report is None:
        return night, Agreement(None, "no_regional_record", REASONS["no_regional_record"])
    agrees = _compare(figs, night, report)
    if all(agrees.values()):
        return night, Agreement(True, figures=agrees)
    reasons = {k: ("preliminary" if figs[k][0] < (night.value(k, report) or 0) else "unexplained")
               for k, ok in agrees.items() if not ok}
    main = min(reasons.values(), key=_ORDER.index)
    detail = "; ".join(f"{k.replace('_', ' ')} {figs[k][0]} vs the {report.command} record's "
                       f"{night.value(k, report)}: {REASONS[r]}" for k, r in reasons.items())
    return night, Agreement(False, main, detail, agrees, reasons)
