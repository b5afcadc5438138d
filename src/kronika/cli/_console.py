"""Consoles for the commands: the terminal's width on a terminal, a roomy fixed width when piped.

Rich falls back to 80 columns when output is not a terminal, which folds tables of event ids and quotes into
unreadable columns; files and pagers can take wider lines. COLUMNS, when set, still wins.
"""

from __future__ import annotations

import os
import sys

from rich.console import Console

PIPED_WIDTH = 160


def make_console(stderr: bool = False, **kwargs: object) -> Console:
    stream = sys.stderr if stderr else sys.stdout
    width = None if stream.isatty() or os.environ.get("COLUMNS") else PIPED_WIDTH
    return Console(stderr=stderr, width=width, **kwargs)  # type: ignore[arg-type]
