"""`kronika show EVENT_ID`: one event with every source (outlet, URL, file, quote, claimant, why it was merged)
and each figure's history; one call to kronika.ledger.show_event.

--format json prints the record GET /api/events/{id} answers with (kronika.serve.schemas), and beside it what
the text view also shows: each source's match decision and evidence, and the possible duplicates.
"""

from __future__ import annotations

import json
import sys
from typing import Annotated, Any

import typer

from kronika.cli._console import make_console, qualified, safe
from kronika.cli._options import DbOption, FiguresOption, check_format, existing_ledger, format_option
from kronika.ledger import EventDetail, show_event
from kronika.store import SourceReport, open_store

FORMATS = ("text", "json")

out = make_console(highlight=False, soft_wrap=False)


def show_cmd(
    event_id: Annotated[str, typer.Argument(help="An event id, as `kronika events` lists them.")],
    db: DbOption = None,
    figures: FiguresOption = "latest",
    format: Annotated[str, format_option(FORMATS, "text")] = "text",
) -> None:
    """Show one event: every source with its URL, quote, claimant and why it was merged, and each figure's history."""
    check_format(format, FORMATS)
    with open_store(existing_ledger(db), readonly=True) as store:
        detail = show_event(store, event_id, figures=figures)
    if format == "json":
        sys.stdout.write(json.dumps(detail_json(detail), ensure_ascii=False) + "\n")
    else:
        print_detail(detail, figures)


def detail_json(detail: EventDetail) -> dict[str, Any]:
    """The HTTP API's event record, with the match evidence of each source and the possible duplicates."""
    from kronika.serve.schemas import detail_out

    record = detail_out(detail).model_dump(mode="json")
    for source, src in zip(record["sources"], detail.sources, strict=True):
        source["match"] = {"decision": src.match_decision, "score": src.match_score,
                           "evidence": [list(e) for e in src.match_evidence], "why": why_text(src)}
        source["retracted"] = src.retracted
    record["possible_duplicates"] = [
        {"event_id": dup.other_id if dup.event_id == detail.event.id else dup.event_id, "score": dup.score,
         "evidence": [list(e) for e in dup.evidence]}
        for dup in detail.possible_duplicates
    ]
    return record


def print_detail(detail: EventDetail, figures: str) -> None:
    ev = detail.event
    out.print(f"[bold]{safe(ev.id)}[/]  {safe(ev.type)}")
    when = ev.date or "undated"
    if ev.date_to:
        when += f" to {ev.date_to}"
    out.print(f"  date:   {safe(when)}")
    if ev.place:
        coords = f" ({ev.place.lat:.4f}, {ev.place.lon:.4f})" if ev.place.lat is not None else ""
        region = f", {ev.place.admin1}" if ev.place.admin1 and ev.place.admin1 != ev.place.name else ""
        out.print(f"  place:  {safe(ev.place.name)}{safe(region)}{coords}")
    out.print(f"  status: {safe(ev.status)}{'  [bold red]CONTESTED[/]' if ev.contested else ''}")
    first, last = safe(ev.first_reported or "?"), safe(ev.last_reported or "?")
    out.print(f"  reported by {ev.source_count} source(s), {first} to {last}")
    if detail.figures:
        out.print(f"\n[bold]Figures[/] ({figures} reading; ≥ at least · > more than · ~ about · ≤ up to)")
        for hist in detail.figures:
            cur = hist.current
            span = f" (claims range {cur.low}-{cur.high})" if cur.low != cur.high else ""
            flag = "  [red]contested[/]" if cur.contested else ""
            out.print(f"  {safe(hist.kind)}: {safe(qualified(cur.value, cur.qualifier))}{span}{flag}")
            if len(hist.by_claimant) > 1:
                for c in hist.by_claimant:
                    out.print(f"      {safe(c.claimant)}: {safe(qualified(c.value, c.qualifier))}")
            out.print(f"      history: {safe(hist.text)}")
    out.print("\n[bold]Sources[/]")
    for n, src in enumerate(detail.sources, 1):
        title = f' "{src.document_title}"' if src.document_title else ""
        mark = "  [red]RETRACTED[/]" if src.retracted else ""
        outlet = safe(src.outlet or "unknown outlet")
        out.print(f"  [{n}] {outlet}, {safe(src.published or 'undated')}{safe(title)}{mark}")
        if src.document_url:
            out.print(f"      url:  {safe(src.document_url)}")
        out.print(f"      file: {safe(src.document_path)} · document {src.document_id}")
        day = src.date or (f"{src.date_partial} (no year)" if src.date_partial else "none")
        basis = f" ({src.date_basis})" if src.date and src.date_basis else ""
        out.print(
            f"      claimant: {safe(src.claimed_by or 'none named')} · status: {safe(src.status)}"
            f" · event date as reported: {safe(day)}{safe(basis)}"
            f" · place as reported: {safe(src.location.name) if src.location else 'none'}"
        )
        out.print(f'      quote: "{safe(src.quote)}" [dim](chars {src.span[0]}-{src.span[1]})[/]')
        out.print(f"      why here: {safe(why_text(src))}")
    if detail.possible_duplicates:
        out.print("\n[bold]Possible duplicates[/] (the evidence did not decide; `kronika merge` settles it)")
        for dup in detail.possible_duplicates:
            other = dup.other_id if dup.event_id == ev.id else dup.event_id
            out.print(f"  {safe(other)}  score {dup.score:g}: {safe(evidence_text(dup.evidence))}")


def evidence_text(evidence: list) -> str:
    """'place +3 (same place (Kyiv)), day +4 (same day 2025-11-19)'."""
    parts = []
    for feature, points, detail in evidence:
        sign = f" +{points:g}" if points else ""
        parts.append(f"{feature}{sign} ({detail})" if detail else f"{feature}{sign}")
    return ", ".join(parts)


def why_text(src: SourceReport) -> str:
    if src.match_decision in (None, "new"):
        return "first report of this event"
    if src.match_decision == "possible":
        return f"first report of this event; possibly another's: {evidence_text(src.match_evidence)}"
    if src.match_decision == "analyst":
        return evidence_text(src.match_evidence)
    return f"matched, score {src.match_score:g}: {evidence_text(src.match_evidence)}"


def register(app: typer.Typer) -> None:
    app.command("show")(show_cmd)
