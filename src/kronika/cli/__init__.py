"""The `kronika` command: thin wrappers, one command per library call.

Each command group lives in its own module and registers itself on the shared Typer app. Errors that
kronika raises on purpose (KronikaError) become one line on stderr and exit status 2, never a traceback.
"""

from __future__ import annotations

import sys

import typer

from kronika.errors import KronikaError

app = typer.Typer(
    name="kronika",
    help="Turn news articles about an armed conflict into a sourced, dated, geolocated event ledger.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _register_commands() -> None:
    from kronika.cli import extract_cmd, geocode_cmd, ledger_cmd, reference_cmd, serve_cmd

    for module in (extract_cmd, geocode_cmd, ledger_cmd, reference_cmd, serve_cmd):
        module.register(app)
    from kronika.cli import watch_cmd  # after ledger_cmd: it adds `stats feeds` to the stats group

    watch_cmd.register(app)


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
