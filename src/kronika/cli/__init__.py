"""The `kronika` command: thin wrappers, one command per library call.

Each command group lives in its own module and registers itself on the shared Typer app. One error style for
every command: a usage error (unknown option, missing argument, bad value) or an error kronika raises on purpose
(KronikaError) is one line on stderr, `kronika: ...`, and exit status 2, never a traceback; an unexpected error
is one line too (KRONIKA_DEBUG=1 shows its traceback) with exit status 1. Rejected inputs in a batch are lines
of their own (`kronika: rejected PATH: reason`) and exit status 1, the rest of the batch done.
"""

from __future__ import annotations

import os
import sys
from typing import Annotated

import typer

from kronika.cli._click import ClickException, NoArgsIsHelpError, UsageError
from kronika.cli._options import DbOption
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
    db: DbOption = None,
    version: Annotated[
        bool, typer.Option("--version", is_eager=True, callback=_print_version, help="Print the version and exit.")
    ] = False,
) -> None:
    """Turn news articles about an armed conflict into a sourced, dated, geolocated event ledger."""
    # `kronika --db X events` is `kronika events --db X`: the commands read --db from the invocation's contexts


def _register_commands() -> None:
    """Add every command to the app, once (main() and the tests that walk the app both call this)."""
    if app.registered_commands:
        return
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
        status = app(standalone_mode=False)
    except NoArgsIsHelpError as exc:  # `kronika` or `kronika reference` alone: its help
        print(exc.format_message(), file=sys.stderr)
        sys.exit(2)
    except UsageError as exc:
        _fail(usage_line(exc))
    except (KronikaError, ClickException) as exc:
        _fail(exc.format_message() if isinstance(exc, ClickException) else str(exc))
    except (KeyboardInterrupt, typer.Abort):
        print("kronika: interrupted", file=sys.stderr)
        sys.exit(130)
    except BrokenPipeError:  # `kronika events | head`: the reader has all it wanted
        sys.stderr.close()
        sys.exit(1)
    except Exception as exc:
        if os.environ.get("KRONIKA_DEBUG"):
            raise
        from kronika.cli._console import printable

        print(f"kronika: internal error: {type(exc).__name__}: {printable(exc)} (KRONIKA_DEBUG=1 shows where)",
              file=sys.stderr)
        sys.exit(1)
    sys.exit(status if isinstance(status, int) else 0)


def usage_line(exc: UsageError) -> str:
    """A usage error as one line that names the command: "kronika events: no such option: --plcae"."""
    command = exc.ctx.command_path if exc.ctx is not None else "kronika"
    message = " ".join(exc.format_message().split())
    hint = f" (see `{command} --help`)" if exc.ctx is not None else ""
    return f"{command.removeprefix('kronika').strip() + ': ' if command != 'kronika' else ''}{message}{hint}"


def _fail(message: str) -> None:
    from kronika.cli._console import printable

    print(f"kronika: {printable(message)}", file=sys.stderr)  # one line, whatever the file names in it hold
    sys.exit(2)
