"""Why a report is in its event, in words: the matcher's decision, score and evidence as the ledger stores them
(`event_sources.match_decision`, `match_score`, `match_evidence`), read the same way by `kronika show` and by the
web app's event page.

    evidence_text(evidence) -> "place +3 (same place (Kyiv)), day +4 (same day 2025-11-19)"
    why_text(source)        -> "matched, score 9: place +3 (...), day +4 (...)"

Evidence is a list of [feature, points, detail] (kronika.ledger.merge.Evidence); decisions are `new` (the report
created the event), `matched` (it joined on the evidence), `possible` (it created the event, and may be another
event's report: the evidence did not decide) and `analyst` (a correction put it here).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kronika.store.base import SourceReport

DECISIONS = {
    "new": "first report of this event",
    "matched": "matched to this event on the evidence",
    "possible": "first report of this event; possibly another event's report",
    "analyst": "placed here by an analyst's correction",
}


def decision(src: SourceReport) -> str:
    """The report's decision, `new` for reports stored before the matcher recorded one."""
    return src.match_decision or "new"


_CORRECTION = re.compile(r"^correction #(\d+):")  # how kronika.ledger.corrections notes its decisions


def correction_id(src: SourceReport) -> int | None:
    """The analyst correction that placed the report here (its `analyst` evidence names it), else None."""
    if decision(src) != "analyst":
        return None
    for feature, _, detail in src.match_evidence:
        found = _CORRECTION.match(str(detail)) if feature == "analyst" else None
        if found:
            return int(found.group(1))
    return None


def evidence_text(evidence: Sequence[Sequence[object]]) -> str:
    """'place +3 (same place (Kyiv)), day +4 (same day 2025-11-19)': each feature, its points and detail."""
    parts = []
    for feature, points, detail in evidence:
        value = float(points)  # type: ignore[arg-type]
        sign = f" {value:+g}" if value else ""
        parts.append(f"{feature}{sign} ({detail})" if detail else f"{feature}{sign}")
    return ", ".join(parts)


def why_text(src: SourceReport) -> str:
    """Why this report is in its event, in one line."""
    kind = decision(src)
    if kind == "new":
        return DECISIONS["new"]
    if kind == "possible":
        return f"first report of this event; possibly another's: {evidence_text(src.match_evidence)}"
    if kind == "analyst":
        return evidence_text(src.match_evidence)
    score = f", score {src.match_score:g}" if src.match_score is not None else ""
    return f"matched{score}: {evidence_text(src.match_evidence)}"
