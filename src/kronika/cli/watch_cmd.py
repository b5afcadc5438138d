"""Feed commands: `kronika watch` (poll feeds into the ledger) and `kronika stats feeds`.

Both open the ledger (`--db PATH`) and call kronika.watch; this module parses options and renders. Each poll
prints one line per feed (what it brought, what became of its items), an indented line for each item that
failed or was skipped with its reason, and a summary line.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Annotated
from urllib.parse import urlsplit

import typer
from rich.markup import escape
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from kronika.cli._console import make_console
from kronika.cli._options import (
    AllowPrivateOption,
    DbOption,
    LimitOption,
    check_format,
    existing_ledger,
    first,
    format_option,
    ledger_path,
    print_jsonl,
)
from kronika.errors import KronikaError
from kronika.readers import STDIN
from kronika.store import open_store

if TYPE_CHECKING:  # kronika.watch (httpx, feedparser) is imported when a feed command runs, not at every start
    from kronika.watch import AddressGuard, PollReport

MIN_INTERVAL = 10.0

FEEDS_FORMATS = ("table", "jsonl")

out = make_console(highlight=False, soft_wrap=True)
err = make_console(stderr=True, highlight=False)


def read_feed_list(path: Path) -> list[str]:
    """Feed URLs from a file (- for standard input): one a line; blank lines and lines starting with # are ignored."""
    try:
        text = sys.stdin.read() if str(path) == STDIN else path.read_text(encoding="utf-8")
    except OSError as exc:
        raise KronikaError(f"cannot read --feeds {path}: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise KronikaError(f"--feeds {path} is not a UTF-8 text file") from None
    return [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


def feed_urls(urls: list[str] | None, feeds_file: Path | None, guard: AddressGuard) -> list[str]:
    """The feeds to watch, checked: http(s) only, and no host the guard refuses (told before any poll)."""
    from kronika.watch import is_http_url

    found = list(urls or [])
    if feeds_file is not None:
        found += read_feed_list(feeds_file)
    if not found:
        raise KronikaError("give at least one feed URL, or --feeds FILE with one URL a line")
    for url in found:
        if not is_http_url(url):
            raise KronikaError(f"not an http(s) feed URL: {url!r}")
        parts = urlsplit(url)
        try:
            guard.check_host(parts.hostname or "", parts.port or (443 if parts.scheme == "https" else 80))
        except KronikaError as exc:
            raise KronikaError(f"feed {url} refused: {exc}") from None
    return list(dict.fromkeys(found))


def print_report(report: PollReport) -> None:
    for feed in report.feeds:
        out.print(escape(feed.line()))
        for item in feed.problems:
            out.print(f"  {item.state} {escape(item.url)}: {escape(item.reason or '')}")
    out.print(escape(report.summary()))


def watch_cmd(
    urls: Annotated[list[str] | None, typer.Argument(help="Feed URLs (RSS or Atom).", metavar="FEED_URL...")] = None,
    feeds: Annotated[
        Path | None,
        typer.Option("--feeds", help="A file of feed URLs, one a line (# starts a comment); - for standard input."),
    ] = None,
    db: DbOption = None,
    interval: Annotated[float, typer.Option("--interval", help="Seconds between the starts of two polls.")] = 300.0,
    once: Annotated[bool, typer.Option("--once", help="Poll every feed once and exit (for cron and tests).")] = False,
    allow_private: AllowPrivateOption = False,
) -> None:
    """Poll RSS/Atom feeds and ingest each new article into the ledger (exit 1 when a poll had failures)."""
    from kronika.watch import AddressGuard, FetchPolicy, PoliteClient, Watcher

    guard = AddressGuard(allow_private=allow_private)
    found = feed_urls(urls, feeds, guard)
    if not once and interval < MIN_INTERVAL:
        raise KronikaError(f"--interval must be at least {MIN_INTERVAL:.0f} seconds (polite to the feeds' servers)")
    path = ledger_path(db)
    open_store(path).close()  # a ledger that cannot be opened is one line now, not a failure per poll
    with err.status("loading the language model"):
        try:  # before the first poll, so its items' latency is theirs, not the model's load time
            from kronika.nlp import load_nlp

            load_nlp()
        except (ImportError, OSError) as exc:
            raise KronikaError(f"the extraction pipeline is not available: {exc}") from None
    with PoliteClient(FetchPolicy(), guard) as client:
        progress = Progress(SpinnerColumn(), TextColumn("[bold]watch[/] {task.completed} item(s) {task.description}"),
                            TimeElapsedColumn(), console=err, transient=True)
        task = progress.add_task("", total=None)

        def advance(item: object) -> None:
            progress.update(task, advance=1, description=escape(str(getattr(item, "url", ""))[-80:]))

        watcher = Watcher(path, client, on_item=advance)
        if once:
            with progress:
                report = watcher.poll(found)
            print_report(report)
            if not report.ok:
                raise typer.Exit(1)
            return
        err.print(f"watching {len(found)} feed(s) every {interval:g} s into {escape(str(path))} (Ctrl-C stops)")
        while True:
            started = time.monotonic()
            try:
                with progress:
                    report = watcher.poll(found)
                print_report(report)
            except KronikaError as exc:  # the ledger busy or failing: say so, and try again next time
                err.print(f"poll failed: {escape(str(exc))}")
            progress.reset(task)
            time.sleep(max(0.0, interval - (time.monotonic() - started)))


def _seconds(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f} s"


def _when(stamp: str | None) -> str:
    """'2025-11-19T08:00:01.123+00:00' as '2025-11-19 08:00:01Z'."""
    return f"{stamp[:10]} {stamp[11:19]}Z" if stamp else "never"


def stats_feeds_cmd(
    db: DbOption = None,
    limit: LimitOption = None,
    format: Annotated[str, format_option(FEEDS_FORMATS, "table")] = "table",
) -> None:
    """Per watched feed: items by outcome, failures, last success, first-seen -> ingested latency p50/p95."""
    from kronika.watch import feed_stats

    check_format(format, FEEDS_FORMATS)
    path = existing_ledger(db)
    open_store(path).close()  # migrates an older ledger, which then has empty feed tables
    rows = first(feed_stats(path), limit)
    if format == "jsonl":
        print_jsonl(rows, "feed(s)")
        return
    table = Table(title=f"feeds in {path}")
    for col in ("feed", "items", "ingested", "known", "skipped", "failed", "waiting", "feed failures",
                "last success", "p50", "p95", "last error"):
        table.add_column(col, justify="left" if col in ("feed", "last success", "last error") else "right",
                         overflow="fold", no_wrap=col in ("feed", "last success"))
    for s in rows:
        table.add_row(
            escape(s.url), str(s.items), str(s.ingested), str(s.known), str(s.skipped), str(s.failed),
            str(s.waiting), f"{s.feed_failures}/{s.polls}", _when(s.last_success),
            _seconds(s.latency_p50), _seconds(s.latency_p95), escape(s.last_error or ""),
        )
    out.print(table)
    out.print(f"{len(rows)} feed(s); latency is from an item's first sight in its feed to its ingest")


def register(app: typer.Typer) -> None:
    """Add `watch`, and `feeds` under the `stats` group the ledger commands made."""
    app.command("watch")(watch_cmd)
    for group in app.registered_groups:
        if group.name == "stats" and group.typer_instance is not None:
            group.typer_instance.command("feeds")(stats_feeds_cmd)
            return
    raise RuntimeError("the stats command group must be registered before the watch commands")


__all__ = ["feed_urls", "print_report", "read_feed_list", "register"]
