"""The click that typer runs on, for the few things typer does not re-export: its exceptions (caught once in
`kronika.cli.main`) and the current context (where `--db` given before a command is read). Recent typer
releases carry their own copy of click (`typer._click`); older ones run on click itself. Catching the exceptions
of the other copy would catch nothing, so both are looked up here, once.
"""

from __future__ import annotations

try:
    from typer._click.exceptions import ClickException, NoArgsIsHelpError, UsageError
    from typer._click.globals import get_current_context
except ImportError:  # typer running on click itself
    from click.exceptions import ClickException, NoArgsIsHelpError, UsageError  # type: ignore[no-redef]
    from click.globals import get_current_context  # type: ignore[no-redef]

__all__ = ["ClickException", "NoArgsIsHelpError", "UsageError", "get_current_context"]
