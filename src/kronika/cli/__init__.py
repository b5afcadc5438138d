"""The `kronika` command: thin wrappers, one command per library call.

Each command group lives in its own module and registers itself on the shared Typer app. Errors that
kronika raises on purpose (KronikaError) become one line on stderr and exit status 2, never a traceback.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from kronika.errors import KronikaError


def _print_version(value: bool) -> None:
    if value:
        from kronika import __version__

        print(f"kronika {__version__}")
        raise typer.Exit()


app = typer.Typer(
    name="kronika",
    help="Turn news articles about an armed conflict into a sourced, dated, geolocated event ledger.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback()
def _root(
    db: Annotated[Path | None, typer.Option("--db", help="Ledger file, for every command that opens one.")] = None,
    version: Annotated[
        bool, typer.Option("--version", is_eager=True, callback=_print_version, help="Print the version and exit.")
    ] = False,
) -> None:
    """Turn news articles about an armed conflict into a sourced, dated, geolocated event ledger."""
    from kronika.cli._options import set_root_db

    set_root_db(db)  # `kronika --db X events` is `kronika events --db X`


def _register_commands() -> None:
    from kronika.cli import corrections_cmd, extract_cmd, geocode_cmd, ledger_cmd, reference_cmd, serve_cmd

    for module in (extract_cmd, geocode_cmd, ledger_cmd, reference_cmd, serve_cmd, corrections_cmd):
        module.register(app)
    from kronika.cli import watch_cmd  # after ledger_cmd: it adds `stats feeds` to the stats group

    watch_cmd.register(app)
    from kronika.cli import datasette_cmd, search_cmd

    for module in (search_cmd, datasette_cmd):
        module.register(app)


def main() -> None:
    """Entry point of the `kronika` script."""
    _register_commands()
    try:
        app()
    except KronikaError as exc:
        from kronika.cli._console import printable

        print(f"kronika: {printable(exc)}", file=sys.stderr)  # one line, whatever the file names in it hold
        sys.exit(2)
    except KeyboardInterrupt:
        print("kronika: interrupted", file=sys.stderr)
        sys.exit(130)
