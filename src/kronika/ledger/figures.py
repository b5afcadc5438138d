"""Figures over time: the current value of each figure kind for an event, and its full history.

Every report keeps its own figures (kind, value, qualifier, claimant, outlet, report day, quote). Nothing is
overwritten; the *current* value is derived from all of them by the rules below, in the spirit of ACLED
("most conservative" when sources conflict) and UCDP (a best estimate with a low and a high).

Report order. Reports are ordered by report day (the document's publication day), then by ingestion order,
then by position in the article. A report with no day sorts first: it never supersedes a dated one.

Claimants. Reports are grouped by canonical claimant (kronika.claimants, stored at ingest), else by the
phrase (`claims.claimant_groups`); a figure without a claimant is grouped under its outlet ("unattributed
(AFP)"), since then the outlet is the one saying it.

1. Within a claimant, the latest report supersedes earlier ones ("at least 10" on Nov 19 from the foreign
   minister, then 23 on Nov 20 from the same minister -> 23), whether it is higher or lower. Within one report,
   a claimant's highest toll is its toll: the others are parts ("two of the dead were at the hospital") or
   earlier counts ("the toll had risen from four to eight").
2. Tolls (killed, injured, children killed/injured, rescued) only grow as rescuers work, so across claimants
   the best value is the highest of the claimants' latest values; a lower bound ("at least 10") therefore
   gives way to any later or larger figure. A toll is *contested* when a claimant's exact figure is lower
   than another claimant's exact figure reported on an earlier day: a later report that is lower is not the
   toll rising, it is a disagreement. Lower bounds ("at least", "more than") never contradict a larger value.
3. Counts of one night (drones/missiles launched/destroyed) do not grow: claimants who give different exact
   counts disagree. Then the kind is *contested* and the best value is the lowest (most conservative); both
   claims stay, each under its claimant. Never averaged.
4. States that change both ways (missing, people without power, fires): the latest report overall is
   current; earlier ones are history, not a contest.

Every overall value carries `low` and `high`: the range of the claimants' latest values.

Two readings of the overall value (`kronika events|show --figures latest|conservative`):
- `latest` (the default, stored in `current_figures`): rules 1-4 above;
- `conservative`: ACLED's most-conservative reading. Rule 1 still holds (a claimant's own later report
  supersedes its earlier one), but across claimants the overall value is the *lowest* of the claimants' latest
  values, for tolls too: "at least 10" from one claimant and 23 from another read as 10 (at least).
Reports from a retracted document are history only: they never count in either reading.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from kronika.ledger.claims import claimant_groups, claimant_key
from kronika.models import WEAPON_KINDS
from kronika.store.base import CurrentFigure, FigureReport

TOLL_KINDS = frozenset({"killed", "injured", "children_killed", "children_injured", "rescued"})
COUNT_KINDS = frozenset(WEAPON_KINDS)
LOWER_BOUNDS = frozenset({"at_least", "more_than"})
OVERALL = "*"

QUALIFIER_WORDS = {
    "exact": "",
    "at_least": "at least",
    "more_than": "more than",
    "about": "about",
    "up_to": "up to",
}


def report_order(fig: FigureReport) -> tuple[str, int, int]:
    return (fig.reported_on or "", fig.document_id, fig.position)


def claimant_label(fig: FigureReport) -> str:
    """The claimant's canonical name when kronika knows the body or person, else the text's own phrase."""
    if fig.claimant_name and fig.claimant_id and not fig.claimant_id.startswith("other:"):
        return fig.claimant_name
    return fig.claimed_by or f"unattributed ({fig.outlet or 'unknown outlet'})"


def _group(fig: FigureReport, groups: dict[str, str]) -> str:
    if fig.claimant_id and not fig.claimant_id.startswith("other:"):
        return f"id:{fig.claimant_id}"  # one canonical body, however each report spells it
    key = claimant_key(fig.claimed_by)
    return groups.get(key, key) if key else f"outlet:{(fig.outlet or '').casefold()}"


def _consistent(a: FigureReport, b: FigureReport) -> bool:
    """Can two counts of the same thing both be true?"""
    if a.value == b.value:
        return True
    low, high = (a, b) if a.value < b.value else (b, a)
    return low.qualifier in LOWER_BOUNDS or high.qualifier == "up_to"


def current_figures(reports: Sequence[FigureReport]) -> list[CurrentFigure]:
    """Per kind: one overall row (claimant '*') and one row per claimant, by the module's rules."""
    by_kind: dict[str, list[FigureReport]] = defaultdict(list)
    for fig in reports:
        by_kind[fig.kind].append(fig)
    groups = claimant_groups(f.claimed_by for f in reports)
    rows: list[CurrentFigure] = []
    for kind in sorted(by_kind):
        figs = sorted(by_kind[kind], key=report_order)
        per_claimant: dict[str, list[FigureReport]] = defaultdict(list)
        for fig in figs:
            per_claimant[_group(fig, groups)].append(fig)
        latest = [_latest(kind, group) for group in per_claimant.values()]
        low = min(f.value for f in latest)
        high = max(f.value for f in latest)
        best, contested = _overall(kind, figs, latest)
        rows.append(CurrentFigure(kind, OVERALL, best.value, best.qualifier, low, high, contested, len(figs), best.id))
        for group in per_claimant.values():
            last = _latest(kind, group)
            values = [f.value for f in group]
            rows.append(
                CurrentFigure(
                    kind, claimant_label(last), last.value, last.qualifier, min(values), max(values), False,
                    len(group), last.id,
                )
            )
    return rows


def _latest(kind: str, group: Sequence[FigureReport]) -> FigureReport:
    """A claimant's latest figure of a kind: that of its latest report; for a toll, the highest that report
    gives (one report's several tolls of one claimant are parts and earlier counts: "two of the dead were at the
    hospital", "the toll had risen from four to eight")."""
    last = group[-1]
    if kind not in TOLL_KINDS:
        return last
    same_report = [f for f in group if f.document_id == last.document_id]
    return max(same_report, key=lambda f: (f.value, f.qualifier not in LOWER_BOUNDS, report_order(f)))


FIGURE_READINGS = ("latest", "conservative")


def conservative_figures(reports: Sequence[FigureReport]) -> list[CurrentFigure]:
    """The conservative reading: per kind, the lowest of the claimants' latest values as the overall row."""
    rows = current_figures([r for r in reports if not r.retracted])
    out: list[CurrentFigure] = []
    for kind in sorted({r.kind for r in rows}):
        mine = [r for r in rows if r.kind == kind]
        overall = next(r for r in mine if r.claimant == OVERALL)
        claimants = [r for r in mine if r.claimant != OVERALL]
        low = min(claimants, key=lambda r: (r.value, r.qualifier in LOWER_BOUNDS))
        out.append(CurrentFigure(kind, OVERALL, low.value, low.qualifier, overall.low, overall.high,
                                 overall.contested, overall.reports, low.figure_id))
        out += claimants
    return out


def _overall(
    kind: str, figs: Sequence[FigureReport], latest: Sequence[FigureReport]
) -> tuple[FigureReport, bool]:
    if kind in TOLL_KINDS:
        best = max(latest, key=lambda f: (f.value, f.qualifier not in LOWER_BOUNDS, report_order(f)))
        contested = any(
            a.value < b.value
            and a.qualifier not in LOWER_BOUNDS
            and b.qualifier not in LOWER_BOUNDS
            and (a.reported_on or "") > (b.reported_on or "")
            for a in latest
            for b in latest
        )
        return best, contested
    if kind in COUNT_KINDS:
        contested = any(not _consistent(a, b) for a in latest for b in latest)
        if contested:
            exactish = [f for f in latest if f.qualifier not in LOWER_BOUNDS] or list(latest)
            return min(exactish, key=lambda f: (f.value, report_order(f))), True
        return max(latest, key=lambda f: (f.qualifier not in LOWER_BOUNDS, f.value, report_order(f))), False
    return figs[-1], False


def format_value(value: int, qualifier: str) -> str:
    """'23', '10 (at least)'."""
    word = QUALIFIER_WORDS.get(qualifier, qualifier)
    return f"{value} ({word})" if word else str(value)


def format_history(reports: Sequence[FigureReport]) -> str:
    """'10 (at least) on 2025-11-19 from AFP citing Andriy Sybiga -> 23 on 2025-11-20 from Reuters citing ...'."""
    steps = []
    for fig in sorted(reports, key=report_order):
        when = f" on {fig.reported_on}" if fig.reported_on else " (undated report)"
        who = f" from {fig.outlet or 'unknown outlet'}"
        if fig.claimed_by:
            who += f" citing {fig.claimed_by}"
        mark = " [retracted]" if fig.retracted else ""
        steps.append(f"{format_value(fig.value, fig.qualifier)}{when}{who}{mark}")
    return " -> ".join(steps)
