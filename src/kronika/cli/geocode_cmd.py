"""`kronika geocode`: resolve one place name, as the extractor would, and show the answer."""

from __future__ import annotations

import json
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from kronika.cli._console import cell, make_console, safe
from kronika.cli._options import check_format, format_option
from kronika.errors import KronikaError
from kronika.readers import MAX_TEXT_CHARS, normalise_text

FORMATS = ("table", "json")
MAX_QUERY = 300
MAX_CONTEXT = MAX_TEXT_CHARS  # the longest article extraction takes; resolving in it is linear in its length

HELP = (
    "Resolve a place name to coordinates, oblast and precision, offline.\n\n"
    "QUERY is a name as news writes it: \"Kupyansk\", \"Kyiv's\", \"the Kharkiv region\", \"Synelnyky district\", "
    "\"the Ukrainian capital\", \"Novoselifka\". With --context, the name is judged where it occurs in that text "
    "(\"Pushkin\" in \"the poet Alexander Pushkin\" is no place) and homonyms are decided by the places and "
    "regions the text names.\n\n"
    "--format json prints one object: the Location fields name, admin1, admin2, country (ISO2), lat, lon, "
    "precision (settlement | admin2 | admin1 | country | water | ambiguous | null) and gazetteer_id; then query, "
    "matched (the index key matched), fuzzy (true when the spelling was corrected), reason (why there is no place, "
    "else null) and candidates (a list of Location objects).\n\n"
    "An ambiguous name has precision \"ambiguous\", lat/lon null and its candidates listed; when nothing matches, "
    "every Location field is null and reason says why.\n\n"
    "Exit status: 0 when the query was understood (matched or not), 2 on bad input (one line, `kronika: ...`)."
)


def _fail(message: str) -> None:
    raise KronikaError(message)  # one line on stderr, `kronika: ...`, exit status 2, as every command


def _fmt(v: object) -> Text:
    if v is None:
        return cell("—")
    if isinstance(v, float):
        return cell(f"{v:.5f}")
    return cell(v)


def _table(result: dict, console: Console) -> None:
    if result["name"] is None:
        console.print(f"{safe(repr(result['query']))}: no place ({safe(result['reason'])})")
        return
    head = Table(show_header=False, box=None)
    head.add_column(style="bold")
    head.add_column()
    for key in ("name", "admin1", "admin2", "country", "lat", "lon", "precision", "gazetteer_id", "matched"):
        head.add_row(cell(key), _fmt(result[key]))
    if result["fuzzy"]:
        head.add_row(cell("fuzzy"), cell("yes (spelling corrected)"))
    console.print(head)
    if result["candidates"]:
        cands = Table(title=f"{len(result['candidates'])} candidates")
        for col in ("name", "admin1", "admin2", "country", "lat", "lon", "gazetteer_id"):
            cands.add_column(col)
        for c in result["candidates"]:
            cands.add_row(*(_fmt(c[k]) for k in ("name", "admin1", "admin2", "country", "lat", "lon", "gazetteer_id")))
        console.print(cands)


def geocode_command(
    query: Annotated[str, typer.Argument(help="The place name to resolve.")],
    context: Annotated[
        str | None, typer.Option("--context", "-c", help="Text around the name, used to decide homonyms.")
    ] = None,
    fmt: Annotated[str, format_option(FORMATS, "table")] = "table",
) -> None:
    check_format(fmt, FORMATS)
    if not query.strip():
        _fail("the query is empty")
    if len(query) > MAX_QUERY:
        _fail(f"the query is {len(query)} characters long; a place name has at most {MAX_QUERY}")
    if context is not None and len(context) > MAX_CONTEXT:
        _fail(f"the context is {len(context):,} characters long, over the {MAX_CONTEXT:,} limit (that of extraction)")
    query = normalise_text(query)  # bytes the shell passed that are not UTF-8, NULs: as the readers treat them
    context = normalise_text(context) if context is not None else None
    from kronika.geo import get_geocoder

    result = get_geocoder().resolve(query, context=context).to_dict()
    if fmt == "json":
        print(json.dumps(result, ensure_ascii=False))
    else:
        _table(result, make_console())


def register(app: typer.Typer) -> None:
    """Add `kronika geocode` to the app."""
    app.command("geocode", help=HELP)(geocode_command)
