"""Consoles for the commands, and the one way outside text reaches them.

    make_console()   the terminal's width on a terminal, a roomy fixed width when piped
    printable(v)     control characters, bidi controls and lone surrogates shown as escapes, on one line
    safe(v)          printable(v), for interpolation into rich markup
    cell(v)          printable(v) as a rich Text: a table cell that is never read as markup
    qualified(v, q)  a figure with its qualifier as a mark, the one rendering every table uses (≥ > ~ ≤)

Rich falls back to 80 columns when output is not a terminal, which folds tables of event ids and quotes into
unreadable columns; files and pagers can take wider lines. COLUMNS, when set, still wins.
"""

from __future__ import annotations

import os
import re
import sys

from rich.console import Console
from rich.markup import escape
from rich.text import Text

PIPED_WIDTH = 160


def make_console(stderr: bool = False, **kwargs: object) -> Console:
    stream = sys.stderr if stderr else sys.stdout
    width = None if stream.isatty() or os.environ.get("COLUMNS") else PIPED_WIDTH
    return Console(stderr=stderr, width=width, **kwargs)  # type: ignore[arg-type]


# ---------------------------------------------------------------------------------------------- hostile text
# Article text, titles and file names come from outside. Printed raw, an ESC [ sequence in them moves the cursor,
# recolours or retitles the terminal; a bidi override (U+202E) reverses what follows; a newline in a file name
# turns a one-line reason into two; and "[red]" inside a quote would be read by rich as markup. Every value from
# outside goes through one of these before it reaches a terminal.

_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_UNSAFE_KEEP_LINES = re.compile(_UNSAFE.pattern.replace("\x00-\x1f", "\x00-\x09\x0b-\x1f"))


_SHORT = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape_char(match: re.Match[str]) -> str:
    char = match.group(0)
    code = ord(char)
    return _SHORT.get(char) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")


def printable(value: object, *, newlines: bool = False) -> str:
    """`value` as text with every control character, bidi control and lone surrogate shown as an escape
    (ESC -> "\\x1b", U+202E -> "\\u202e"): safe to print and always one line unless `newlines`."""
    text = "" if value is None else str(value)
    return (_UNSAFE_KEEP_LINES if newlines else _UNSAFE).sub(_escape_char, text)


def safe(value: object) -> str:
    """`printable(value)` for interpolation into a rich markup string: its brackets are not markup."""
    return escape(printable(value))


def cell(value: object) -> Text:
    """A table cell (or a printed line) holding `value` as plain text: printable, never read as markup."""
    return Text(printable(value))


# ---------------------------------------------------------------------------------------------- figures

QUALIFIER_MARKS = {"exact": "", "at_least": "≥", "more_than": ">", "about": "~", "up_to": "≤"}


def qualified(value: object, qualifier: str | None) -> str:
    """A figure as every table shows it: ≥10 (at least), >10 (more than), ~10 (about), ≤10 (up to), 10."""
    if value is None:
        return "-"
    return f"{QUALIFIER_MARKS.get(qualifier or 'exact', '')}{value}"
