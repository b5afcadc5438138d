"""Ledger commands: ingest, events, show, stats (and stats air), timeline, demo.

Each command opens the ledger (`--db PATH`, default in the user's data directory) and makes one call into
kronika.ledger; this module only parses options and renders. Bad options raise KronikaError, which the
`kronika` entry point turns into one line on stderr.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from kronika.cli._console import cell, make_console, safe
from kronika.cli._options import OutputOption, existing_ledger, format_option, ledger_db
from kronika.cli.events_export import write_events
from kronika.errors import KronikaError, RejectedInput
from kronika.ledger import (
    DayCount,
    EventRow,
    IngestSummary,
    air_stats,
    day_counts,
    ingest,
    ledger_stats,
    list_events,
    show_event,
    timeline,
)
from kronika.ledger.export_records import EXPORT_FORMATS
from kronika.ledger.figures import format_value
from kronika.models import EVENT_TYPES, DocumentResult
from kronika.readers import JSONL_SUFFIXES, READABLE_SUFFIXES, iter_inputs
from kronika.store import SourceReport, default_db_path, open_store

INPUT_SUFFIXES = tuple(sorted(READABLE_SUFFIXES))
FORMATS = ("table", *EXPORT_FORMATS)

DbOption = Annotated[
    Path | None, typer.Option("--db", help="Ledger file (default: kronika/ledger.db in your user data directory).")
]
FollowSymlinksOption = Annotated[
    bool, typer.Option("--follow-symlinks", help="Read files that symlinks in a folder point to outside it.")
]
SinceOption = Annotated[str | None, typer.Option("--since", help="Only events on or after this day (YYYY-MM-DD).")]
UntilOption = Annotated[str | None, typer.Option("--until", help="Only events on or before this day (YYYY-MM-DD).")]
FiguresOption = Annotated[
    str,
    typer.Option("--figures", help="latest (the current-figures rule) or conservative (ACLED's lowest reading)."),
]

out = make_console(highlight=False, soft_wrap=False)
err = make_console(stderr=True, highlight=False)


# ---------------------------------------------------------------------------------------------- helpers


def _existing(db: Path | None) -> Path:
    """The ledger a read-only command reads: it must exist (a mistyped --db never creates an empty ledger)."""
    return existing_ledger(db)


def _day(value: str | None, option: str) -> str | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise KronikaError(f"{option} wants a day as YYYY-MM-DD, got {value!r}") from None


def _near(value: str | None) -> tuple[float, float, float] | None:
    if value is None:
        return None
    try:
        lat, lon, km = (float(part) for part in value.split(","))
    except ValueError:
        raise KronikaError(f"--near wants LAT,LON,KM (e.g. 50.45,30.52,25), got {value!r}") from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180 and km > 0):
        raise KronikaError(f"--near {value!r} is out of range: latitude -90..90, longitude -180..180, km > 0")
    return lat, lon, km


def expand_inputs(paths: Iterable[Path], follow_symlinks: bool = False) -> tuple[list[Path], list[RejectedInput]]:
    """Files to extract and the paths refused before extraction, found as `kronika extract` finds them."""
    files: list[Path] = []
    refused: list[RejectedInput] = []
    for item in iter_inputs(paths, follow_symlinks=follow_symlinks):
        (refused if isinstance(item, RejectedInput) else files).append(item)  # type: ignore[arg-type]
    return files, refused


def _extract(files: list[Path]) -> Iterator[DocumentResult | RejectedInput]:
    try:
        from kronika.pipeline import extract_paths
    except ImportError as exc:
        raise KronikaError(f"the extraction pipeline is not available: {exc}") from None
    yield from extract_paths(files)


def run_ingest(
    paths: Iterable[Path],
    db: Path | None,
    quiet: bool = False,
    follow_symlinks: bool = False,
    urls: Sequence[str] = (),
    allow_private: bool = False,
    reprocess: bool = False,
) -> tuple[IngestSummary, str]:
    """Extract and ingest `paths` (then `urls`) with a progress bar; returns the summary and the ledger path."""
    files, refused = expand_inputs(paths, follow_symlinks)
    has_corpus = any(f.suffix.lower() in JSONL_SUFFIXES or str(f) == "-" for f in files)
    with open_store(ledger_db(db)) as store:
        progress = Progress(
            TextColumn("[bold]ingest[/]"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            TextColumn("{task.description}"),
            console=err,
            disable=quiet,
            transient=True,
        )
        with progress:
            # a JSON Lines corpus holds many documents per file: the total is then unknown
            task = progress.add_task("", total=None if has_corpus else len(files) + len(refused) + len(urls))

            def advance(outcome: object) -> None:
                progress.update(task, advance=1, description=safe(Path(getattr(outcome, "path", "")).name))

            try:
                summary = ingest(store, _chain(refused, _extract(files), _fetch(urls, allow_private)),
                                 on_document=advance, reprocess=reprocess)
            except KronikaError:
                raise
            except Exception as exc:  # a bug in extraction must not become a traceback mid-batch
                raise KronikaError(f"ingest stopped by an internal error: {type(exc).__name__}: {exc}") from exc
        return summary, store.path


def _chain(first: list[RejectedInput], *rest: Iterator[DocumentResult | RejectedInput]) -> Iterator:
    yield from first
    for part in rest:
        yield from part


def _fetch(urls: Sequence[str], allow_private: bool) -> Iterator[DocumentResult | RejectedInput]:
    if not urls:
        return
    from kronika.watch import AddressGuard, PoliteClient, extract_urls

    with PoliteClient(guard=AddressGuard(allow_private=allow_private)) as client:
        yield from extract_urls(urls, client)


def _print_summary(summary: IngestSummary, db_path: str) -> None:
    for path, reason in summary.rejected:
        err.print(f"rejected {safe(path)}: {safe(reason)}")
    out.print(
        f"documents: {summary.documents_new} new, {summary.documents_known} already known, "
        f"{summary.documents_rejected} rejected · events: {summary.events_new} new, "
        f"{summary.events_merged} merged into known events · ledger: {safe(db_path)}"
    )


def _figures_text(row: EventRow, limit: int = 4) -> str:
    parts = []
    for kind, fig in sorted(row.figures.items()):
        mark = "?" if fig.contested else ""
        parts.append(f"{kind.replace('_', ' ')} {format_value(fig.value, fig.qualifier)}{mark}")
    return ", ".join(parts[:limit]) + (" …" if len(parts) > limit else "")


def _place_text(row: EventRow) -> str:
    place = row.event.place
    if place is None:
        return "-"
    region = f", {place.admin1}" if place.admin1 and place.admin1 != place.name else ""
    return f"{place.name}{region}"


# ---------------------------------------------------------------------------------------------- commands


def ingest_cmd(
    paths: Annotated[
        list[str], typer.Argument(help="Article files or folders (.txt, .html, .jsonl); - for stdin; or URLs.")
    ],
    db: DbOption = None,
    follow_symlinks: FollowSymlinksOption = False,
    allow_private: Annotated[
        bool, typer.Option("--allow-private", help="Let URLs reach loopback and private addresses.")
    ] = False,
    reprocess: Annotated[
        bool,
        typer.Option("--reprocess", help="Extract known articles again and merge them anew; analyst corrections "
                     "(merge, split, retract) apply again."),
    ] = False,
) -> None:
    """Extract events from articles and merge them into the ledger (idempotent)."""
    from kronika.watch.urls import is_http_url

    urls = [p for p in paths if is_http_url(p)]
    files = [Path(p) for p in paths if not is_http_url(p)]
    summary, db_path = run_ingest(files, db, follow_symlinks=follow_symlinks, urls=urls, allow_private=allow_private,
                                  reprocess=reprocess)
    _print_summary(summary, db_path)
    if summary.documents_rejected:
        raise typer.Exit(1)


TypeOption = Annotated[
    list[str] | None, typer.Option("--type", help=f"One of: {', '.join(EVENT_TYPES)}; repeat for several.")
]
PlaceOption = Annotated[str | None, typer.Option("--place", help="Place or region name (substring).")]
NearOption = Annotated[str | None, typer.Option("--near", help="LAT,LON,KM: events within KM of a point.")]
ClaimantOption = Annotated[str | None, typer.Option("--claimant", help="Claimant name (substring).")]
ContestedOption = Annotated[bool, typer.Option("--contested", help="Only contested events.")]
QOption = Annotated[str | None, typer.Option("--q", help="Words a source article of the event contains (all).")]


def _types(types: list[str] | None) -> list[str] | None:
    for t in types or ():
        if t not in EVENT_TYPES:
            raise KronikaError(f"--type must be one of {', '.join(EVENT_TYPES)}; got {t!r}")
    return list(dict.fromkeys(types)) if types else None


def events_cmd(
    db: DbOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    type: TypeOption = None,
    place: PlaceOption = None,
    near: NearOption = None,
    claimant: ClaimantOption = None,
    contested: ContestedOption = False,
    q: QOption = None,
    limit: Annotated[int | None, typer.Option("--limit", min=1, help="At most this many events.")] = None,
    cursor: Annotated[
        str | None, typer.Option("--cursor", help="Continue a --limit listing where it stopped (printed on stderr).")
    ] = None,
    format: Annotated[str, format_option(FORMATS, "table")] = "table",
    output: OutputOption = None,
    figures: FiguresOption = "latest",
) -> None:
    """List ledger events, filtered; export them as JSON Lines, tidy CSV, ACLED-shaped CSV, Parquet or GeoJSON."""
    types = _types(type)
    if format not in FORMATS:
        raise KronikaError(f"--format must be one of {', '.join(FORMATS)}; got {format!r}")
    with open_store(_existing(db), readonly=True) as store:
        rows = list_events(
            store,
            since=_day(since, "--since"),
            until=_day(until, "--until"),
            type=types,
            place=place,
            near=_near(near),
            claimant=claimant,
            contested=True if contested else None,
            q=q,
            limit=limit,
            cursor=cursor,
            figures=figures,
        )
        if format != "table" or output is not None:
            write_events(store, rows, format, output)
    if format == "table" and output is None:
        _print_events(rows)
    if rows.next_cursor:
        err.print(f"more events: add --cursor {rows.next_cursor}")


def _print_events(rows: list[EventRow]) -> None:
    table = Table(show_lines=False)
    table.add_column("event", no_wrap=True)  # ids are copied into `kronika show`: never break them
    for col in ("date", "type", "place", "status", "sources", "figures"):
        table.add_column(col, overflow="fold")
    for row in rows:
        ev = row.event
        when = ev.date or "undated"
        if ev.date_to:
            when += f"..{ev.date_to[5:]}"
        status = ev.status + (" (contested)" if ev.contested and ev.status != "contested" else "")
        values = (ev.id, when, ev.type, _place_text(row), status, str(ev.source_count), _figures_text(row))
        table.add_row(*map(cell, values))
    out.print(table)
    out.print(f"{len(rows)} event(s)")


def show_cmd(
    event_id: Annotated[str, typer.Argument(help="An event id, as `kronika events` lists them.")],
    db: DbOption = None,
    figures: FiguresOption = "latest",
) -> None:
    """Show one event: every source with its quote, claimant and why it was merged, and each figure's history."""
    with open_store(_existing(db), readonly=True) as store:
        detail = show_event(store, event_id, figures=figures)
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
        out.print(f"\n[bold]Figures[/] ({figures} reading)")
        for hist in detail.figures:
            cur = hist.current
            span = f" (claims range {cur.low}-{cur.high})" if cur.low != cur.high else ""
            flag = "  [red]contested[/]" if cur.contested else ""
            out.print(f"  {safe(hist.kind)}: {safe(format_value(cur.value, cur.qualifier))}{span}{flag}")
            if len(hist.by_claimant) > 1:
                for c in hist.by_claimant:
                    out.print(f"      {safe(c.claimant)}: {safe(format_value(c.value, c.qualifier))}")
            out.print(f"      history: {safe(hist.text)}")
    out.print("\n[bold]Sources[/]")
    for n, src in enumerate(detail.sources, 1):
        title = f' "{src.document_title}"' if src.document_title else ""
        mark = "  [red]RETRACTED[/]" if src.retracted else ""
        outlet = safe(src.outlet or "unknown outlet")
        out.print(f"  [{n}] {outlet}, {safe(src.published or 'undated')}{safe(title)}{mark}")
        url = f" · {safe(src.document_url)}" if src.document_url else ""
        out.print(f"      file: {safe(src.document_path)}{url}")
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


def stats_cmd(ctx: typer.Context, db: DbOption = None) -> None:
    """Counts of what the ledger holds (sub-command `air`: air-defence figures per night)."""
    if ctx.invoked_subcommand is not None:
        return
    with open_store(_existing(db), readonly=True) as store:
        counts = ledger_stats(store)
        path = store.path
    table = Table(title=f"ledger {safe(path)}")
    table.add_column("table")
    table.add_column("rows", justify="right")
    for name, value in counts.items():
        table.add_row(cell(name.replace("_", " ")), str(value))
    out.print(table)


def stats_air_cmd(
    db: DbOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    reference: Annotated[
        bool, typer.Option("--reference", help="Put the imported reference record beside each night.")
    ] = False,
    format: Annotated[str, typer.Option("--format", help="table, jsonl or csv.")] = "table",
) -> None:
    """Per night and claimant: drones and missiles launched and destroyed, interception rate (one report's)."""
    from kronika.cli.reference_cmd import print_air

    with open_store(_existing(db), readonly=True) as store:
        nights = air_stats(store, since=_day(since, "--since"), until=_day(until, "--until"), reference=reference)
    print_air(nights, format, reference)


def _print_timeline(days: list, db_path: str | None = None) -> None:
    for day in days:
        out.print(f"\n[bold]{safe(day.date or 'undated')}[/]")
        for row in day.events:
            ev = row.event
            flags = []
            if ev.contested:
                flags.append("[red]contested[/]")
            flags.append(f"{ev.source_count} source{'s' if ev.source_count != 1 else ''}")
            figures = _figures_text(row, limit=6)
            out.print(
                f"  {safe(ev.type):<12} {safe(_place_text(row)):<32} {safe(figures)}"
                f"  [dim]{' · '.join(flags)} · {safe(ev.id)}[/]"
            )
            if ev.summary:
                room = max(40, out.width - 18)  # one line per summary keeps the day readable
                summary = ev.summary if len(ev.summary) <= room else ev.summary[: room - 3] + "..."
                out.print(f'  [dim]{"":<12} "{safe(summary)}"[/]')
    if not days:
        out.print("the ledger has no events in that range")


def timeline_cmd(
    db: DbOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    type: TypeOption = None,
    place: PlaceOption = None,
    near: NearOption = None,
    claimant: ClaimantOption = None,
    contested: ContestedOption = False,
    q: QOption = None,
    counts: Annotated[bool, typer.Option("--counts", help="Events per day and type instead of each event.")] = False,
) -> None:
    """A readable day-by-day view of the ledger (the filters of `kronika events`)."""
    filters = dict(
        since=_day(since, "--since"), until=_day(until, "--until"), type=_types(type), place=place,
        near=_near(near), claimant=claimant, contested=True if contested else None, q=q,
    )
    with open_store(_existing(db), readonly=True) as store:
        if counts:
            _print_counts(day_counts(store, **filters))
            return
        days = timeline(store, **filters)
    _print_timeline(days)


def _print_counts(days: list[DayCount]) -> None:
    table = Table()
    for col in ("day", "events", "by type", "contested", "killed"):
        table.add_column(col, justify="right" if col in ("events", "contested", "killed") else "left")
    for d in days:
        types = ", ".join(f"{t} {n}" for t, n in sorted(d.types.items()))
        table.add_row(d.date or "undated", str(d.events), types, str(d.contested), str(d.killed))
    out.print(table)
    out.print(f"{len(days)} day(s), {sum(d.events for d in days)} event(s)")


def sample_paths() -> list[Path]:
    """The demo articles shipped inside the package."""
    folder = resources.files("kronika") / "samples"
    return sorted(Path(str(p)) for p in folder.iterdir() if Path(str(p)).suffix in INPUT_SUFFIXES)


def demo_cmd(db: DbOption = None) -> None:
    """Build a ledger from the shipped sample articles and print its timeline."""
    if db is None:
        db = Path(tempfile.mkdtemp(prefix="kronika-demo-")) / "ledger.db"
    samples = sample_paths()
    if not samples:
        raise KronikaError("no sample articles found inside the package")
    summary, db_path = run_ingest(samples, db)
    _print_summary(summary, db_path)
    with open_store(db) as store:
        days = timeline(store)
    _print_timeline(days)
    out.print(
        f"\nexplore: kronika events --db {db_path} · kronika show EVENT_ID --db {db_path} · "
        f"kronika stats air --db {db_path}"
    )


def register(app: typer.Typer) -> None:
    """Add the ledger commands to the app."""
    app.command("ingest")(ingest_cmd)
    app.command("events")(events_cmd)
    app.command("show")(show_cmd)
    stats_app = typer.Typer(help="Ledger statistics.", add_completion=False)
    stats_app.callback(invoke_without_command=True)(stats_cmd)
    stats_app.command("air")(stats_air_cmd)
    app.add_typer(stats_app, name="stats")
    app.command("timeline")(timeline_cmd)
    app.command("demo")(demo_cmd)


__all__ = ["default_db_path", "expand_inputs", "register", "run_ingest", "sample_paths"]
