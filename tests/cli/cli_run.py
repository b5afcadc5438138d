"""Running `kronika` in the test process (fast: no interpreter start per call) exactly as the script runs it:
`kronika.cli.main()` with argv, its exit status, standard output and standard error; and a small ledger of
hand-made reports whose every figure, qualifier and URL is known.

A module of its own (not conftest.py): `from conftest import ...` is ambiguous when several test folders have a
conftest."""

from __future__ import annotations

import io
import sys
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "ledger"))  # the ledger tests' record builder

from ledger_records import KYIV, TERNOPIL, Ev, Fig, build_article  # noqa: E402

from kronika.ledger import ingest  # noqa: E402
from kronika.store import open_store  # noqa: E402

KYIV_URL = "https://northline.example/2025/11/19/kyiv-strike"


@dataclass
class Run:
    code: int
    stdout: str
    stderr: str


def kronika(*args: str, stdin: str = "") -> Run:
    """`kronika ARGS...` in this process, through the script's own entry point."""
    from kronika.cli import main

    out, err = io.StringIO(), io.StringIO()
    argv, real_stdin = sys.argv, sys.stdin
    sys.argv, sys.stdin = ["kronika", *args], io.StringIO(stdin)
    code = 0
    try:
        with redirect_stdout(out), redirect_stderr(err):
            main()
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    finally:
        sys.argv, sys.stdin = argv, real_stdin
    return Run(code, out.getvalue(), err.getvalue())


def build_ledger(path: Path) -> Path:
    """Two events: a strike on Kyiv (at least, more than, up to, about: one figure of each qualifier), reported
    with a URL; and a strike on Ternopil without one."""
    kyiv = build_article(
        "Kyiv, Nov 19, 2025 (Northline Wire) - A Russian drone strike on Kyiv killed more than 12 people and injured "
        "at least 30, the mayor said. Up to 40 drones were launched and about 35 were shot down.",
        [Ev("strike", "A Russian drone strike on Kyiv", "2025-11-19", KYIV, claimed_by="the mayor",
            figures=[Fig("killed", 12, "more than 12 people", "more_than", "the mayor"),
                     Fig("injured", 30, "at least 30", "at_least", "the mayor"),
                     Fig("drones_launched", 40, "Up to 40 drones", "up_to"),
                     Fig("drones_destroyed", 35, "about 35", "about")])],
        path="kyiv.txt", source="Northline Wire", published="2025-11-19", url=KYIV_URL, title="Strike on Kyiv",
    )
    ternopil = build_article(
        "Ternopil, Nov 20, 2025 (Dnipro Daily) - A missile strike on Ternopil killed 7 people, the governor said.",
        [Ev("strike", "A missile strike on Ternopil", "2025-11-20", TERNOPIL, claimed_by="the governor",
            figures=[Fig("killed", 7, "killed 7 people", "exact", "the governor")])],
        path="ternopil.txt", source="Dnipro Daily", published="2025-11-20",
    )
    with open_store(path) as store:
        ingest(store, [kyiv, ternopil])
    return path
