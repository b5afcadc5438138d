"""Commands that fill the ledger: ingest and demo; and the registration of the ledger's reading commands
(events and timeline in events_cmd.py, show in show_cmd.py, stats and stats air in stats_cmd.py).

`kronika ingest` makes one call into kronika.ledger.ingest with the documents extraction yields; this module
parses options, shows progress and prints the summary. A ledger is created only when there is something to
put in it: `kronika ingest missing.txt --db new.db` reports the missing file and leaves no new.db behind.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from importlib import resources
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from kronika.cli._console import make_console, printable, safe
from kronika.cli._options import (
    RESULT_FORMATS,
    AllowPrivateOption,
    DbOption,
    FollowSymlinksOption,
    QuietOption,
    check_format,
    format_option,
    ledger_db,
    ledger_path,
    print_json,
)
from kronika.errors import KronikaError, RejectedInput
from kronika.ledger import IngestSummary, ingest, timeline
from kronika.models import DocumentResult
from kronika.readers import JSONL_SUFFIXES, READABLE_SUFFIXES, STDIN, iter_inputs
from kronika.store import default_db_path, open_store

INPUT_SUFFIXES = tuple(sorted(READABLE_SUFFIXES))
TIMELINE_FORMATS = ("text", "jsonl")

out = make_console(highlight=False, soft_wrap=False)
err = make_console(stderr=True, highlight=False)


def expand_inputs(paths: Iterable[Path], follow_symlinks: bool = False) -> tuple[list[Path], list[RejectedInput]]:
    """Files to extract and the paths refused before extraction, found as `kronika extract` finds them."""
    files: list[Path] = []
    refused: list[RejectedInput] = []
    for item in iter_inputs(paths, follow_symlinks=follow_symlinks):
        (refused if isinstance(item, RejectedInput) else files).append(item)  # type: ignore[arg-type]
    return files, refused


def _extract(files: list[Path]) -> Iterator[DocumentResult | RejectedInput]:
    if not files:
        return
    try:
        from kronika.pipeline import extract_paths
    except ImportError as exc:
        raise KronikaError(f"the extraction pipeline is not available: {exc}") from None
    yield from extract_paths(files)


def _fetch(urls: Sequence[str], allow_private: bool) -> Iterator[DocumentResult | RejectedInput]:
    if not urls:
        return
    from kronika.watch import AddressGuard, PoliteClient, extract_urls

    with PoliteClient(guard=AddressGuard(allow_private=allow_private)) as client:
        yield from extract_urls(urls, client)


def run_ingest(
    paths: Iterable[Path],
    db: Path | None,
    quiet: bool = False,
    follow_symlinks: bool = False,
    urls: Sequence[str] = (),
    allow_private: bool = False,
    reprocess: bool = False,
) -> tuple[IngestSummary, str]:
    """Extract and ingest `paths` (then `urls`) with a progress bar; returns the summary and the ledger path.

    The ledger is opened (created when new) at the first document that could be read: when every input is
    missing or rejected, no ledger file is created.
    """
    files, refused = expand_inputs(paths, follow_symlinks)
    has_corpus = any(f.suffix.lower() in JSONL_SUFFIXES or str(f) == STDIN for f in files)
    path = ledger_path(db)
    progress = Progress(
        TextColumn("[bold]ingest[/]"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.description}"),
        console=err,
        disable=quiet or not err.is_terminal,  # a bar only for a person watching: no blank line in a log
        transient=True,
    )
    with progress:
        # a JSON Lines corpus (or stdin) holds many documents: the total is then unknown
        task = progress.add_task("", total=None if has_corpus else len(files) + len(refused) + len(urls))

        def advance(outcome: object) -> None:
            progress.update(task, advance=1, description=safe(Path(getattr(outcome, "path", "")).name))

        items = _chain(refused, _extract(files), _fetch(urls, allow_private))
        try:
            skipped: list[RejectedInput] = []
            first = None
            for item in items:  # up to the first readable document: nothing to store, no ledger to open
                if isinstance(item, RejectedInput):
                    skipped.append(item)  # counted on the bar when ingest reports it
                else:
                    first = item
                    break
            if first is None:
                summary = IngestSummary(documents_rejected=len(skipped),
                                        rejected=[(r.path, r.reason) for r in skipped])
                return summary, str(path)
            with open_store(path) as store:
                summary = ingest(store, _chain(skipped, iter([first]), items), on_document=advance,
                                 reprocess=reprocess)
                return summary, store.path
        except KronikaError:
            raise
        except Exception as exc:  # a bug in extraction must not become a traceback mid-batch
            raise KronikaError(f"ingest stopped by an internal error: {type(exc).__name__}: {exc}") from exc


def _chain(first: list[RejectedInput], *rest: Iterator[DocumentResult | RejectedInput]) -> Iterator:
    yield from first
    for part in rest:
        yield from part


def print_rejections(summary: IngestSummary) -> None:
    """One line per input set aside, as `kronika extract` prints them."""
    for path, reason in summary.rejected:
        err.print(f"kronika: rejected {safe(path)}: {safe(reason)}")


def print_summary(summary: IngestSummary, db_path: str) -> None:
    where = f"ledger: {safe(db_path)}" if Path(db_path).is_file() else f"no ledger written at {safe(db_path)}"
    out.print(
        f"documents: {summary.documents_new} new, {summary.documents_known} already known, "
        f"{summary.documents_rejected} rejected · events: {summary.events_new} new, "
        f"{summary.events_merged} merged into known events · {where}"
    )


# ---------------------------------------------------------------------------------------------- commands


def ingest_cmd(
    paths: Annotated[
        list[str],
        typer.Argument(help="Article files or folders (.txt, .html, .jsonl), - for standard input, or http(s) URLs."),
    ],
    db: DbOption = None,
    follow_symlinks: FollowSymlinksOption = False,
    allow_private: AllowPrivateOption = False,
    reprocess: Annotated[
        bool,
        typer.Option("--reprocess", help="Extract known articles again and merge them anew; analyst corrections "
                     "(merge, split, retract) apply again."),
    ] = False,
    quiet: QuietOption = False,
    format: Annotated[str, format_option(RESULT_FORMATS, "text")] = "text",
) -> None:
    """Extract events from articles and merge them into the ledger (idempotent: a known article is skipped).

    Shows progress on stderr and ends with a summary line (--format json: the summary as one JSON object,
    {"documents_new", ..., "rejected": [[path, reason], ...], "ledger"}); each input set aside gets a line
    `kronika: rejected PATH: reason` and the exit status is then 1. A ledger is created only when some article
    could be read.
    """
    from kronika.watch.urls import is_http_url

    check_format(format, RESULT_FORMATS)

    urls = [p for p in paths if is_http_url(p)]
    files = [Path(p) for p in paths if not is_http_url(p)]
    summary, db_path = run_ingest(files, db, quiet=quiet, follow_symlinks=follow_symlinks, urls=urls,
                                  allow_private=allow_private, reprocess=reprocess)
    print_rejections(summary)
    if format == "json":
        print_json(summary_dict(summary, db_path))
    elif not quiet:
        print_summary(summary, db_path)
    if summary.documents_rejected:
        raise typer.Exit(1)


def summary_dict(summary: IngestSummary, db_path: str) -> dict[str, object]:
    """The ingest summary as `--format json` prints it; "ledger" is null when no ledger was written."""
    from dataclasses import asdict

    return {**asdict(summary), "ledger": db_path if Path(db_path).is_file() else None}


def sample_paths() -> list[Path]:
    """The demo articles shipped inside the package."""
    folder = resources.files("kronika") / "samples"
    return sorted(Path(str(p)) for p in folder.iterdir() if Path(str(p)).suffix in INPUT_SUFFIXES)


def demo_db_path() -> Path:
    """Where `kronika demo` builds its ledger without --db: kronika/demo.db in the user's data directory, beside
    (never inside) the default ledger."""
    return default_db_path().with_name("demo.db")


def demo_cmd(
    db: DbOption = None,
    quiet: QuietOption = False,
    format: Annotated[str, format_option(TIMELINE_FORMATS, "text")] = "text",
) -> None:
    """Build a ledger from the shipped sample articles and print its timeline.

    The ledger is kronika/demo.db in your user data directory (not your default ledger), or --db. --format jsonl
    prints the timeline as `kronika timeline --format jsonl` does.
    """
    from kronika.cli.events_cmd import print_timeline, timeline_jsonl

    check_format(format, TIMELINE_FORMATS)
    path = ledger_db(db) or demo_db_path()
    samples = sample_paths()
    if not samples:
        raise KronikaError("no sample articles found inside the package")
    summary, db_path = run_ingest(samples, path, quiet=quiet)
    print_rejections(summary)
    with open_store(db_path, readonly=True) as store:
        days = timeline(store)
    if format == "jsonl":
        timeline_jsonl(days)
        return
    print_timeline(days)
    if not quiet:
        print_summary(summary, db_path)
        shown = printable(db_path)
        out.print(
            f"explore: kronika events --db {safe(shown)} · kronika show EVENT_ID --db {safe(shown)} · "
            f"kronika stats air --db {safe(shown)} · kronika serve --db {safe(shown)}"
        )


def register(app: typer.Typer) -> None:
    """Add the ledger commands to the app: ingest, events, show, stats (and stats air), timeline, demo."""
    from kronika.cli import events_cmd, show_cmd, stats_cmd

    app.command("ingest")(ingest_cmd)
    events_cmd.register_events(app)
    show_cmd.register(app)
    stats_cmd.register(app)
    events_cmd.register_timeline(app)
    app.command("demo")(demo_cmd)


__all__ = ["default_db_path", "demo_db_path", "expand_inputs", "register", "run_ingest", "sample_paths"]
