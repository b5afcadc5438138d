"""What the robustness tests share: the `kronika` command, long articles, hand-made ledgers, hostile strings.

A module of its own (not conftest.py): `from conftest import ...` is ambiguous when several test folders have a
conftest. Every text here is written for these tests.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

from kronika.models import DocumentResult, Event, Figure, Location

KRONIKA = Path(sys.executable).with_name("kronika")

ESC = "\x1b"
# what an attacker puts in an article or a file name: a colour change, a terminal-title rewrite (OSC), a bidi
# override that reverses what follows, and rich markup
HOSTILE = f"{ESC}[31mred{ESC}[0m {ESC}]0;pwned\x07 \u202eevil [bold red]markup[/]"

KYIV = Location("Kyiv", admin1="Kyiv", country="UA", lat=50.4501, lon=30.5234, precision="settlement",
                gazetteer_id="ua:UA80000000000093317")
TERNOPIL = Location("Ternopil", admin1="Ternopil Oblast", country="UA", lat=49.5535, lon=25.5948,
                    precision="settlement", gazetteer_id="ua:UA61040170010081466")


def kronika(*args: str | bytes, cwd: Path | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
    """Run the installed `kronika` command; stdout and stderr as text (undecodable bytes escaped)."""
    return subprocess.run(
        [str(KRONIKA), *args],
        capture_output=True,
        timeout=timeout,
        cwd=cwd,
        env={"COLUMNS": "200", "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"},
        text=True,
        errors="backslashreplace",
    )


def assert_one_line_error(result: subprocess.CompletedProcess, *words: str) -> str:
    """The command failed with exit 2 and exactly one line on stderr, `kronika: ...`, naming `words`."""
    assert "Traceback" not in result.stderr, result.stderr
    lines = result.stderr.splitlines()
    assert result.returncode == 2, (result.returncode, result.stderr)
    assert len(lines) == 1 and lines[0].startswith("kronika"), result.stderr
    for word in words:
        assert word in lines[0], (word, lines[0])
    return lines[0]


_TOWNS = ("Kharkiv", "Odesa", "Dnipro", "Zaporizhzhia", "Sumy", "Chernihiv", "Kherson", "Mykolaiv", "Poltava",
          "Lviv", "Ternopil", "Kryvyi Rih", "Kramatorsk", "Sloviansk", "Nikopol", "Pavlohrad", "Izium", "Rivne")
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def live_blog(chars: int) -> str:
    """A live blog of about `chars` characters: dated updates, every one different (a cleaner drops repeats)."""
    parts: list[str] = ["Live: Russian strikes across Ukraine\n\nKyiv, Nov 19, 2025 (Northline Wire) - "
                        "Officials reported attacks on several regions overnight.\n\n"]
    size, n = len(parts[0]), 0
    while size < chars:
        n += 1
        town, other = _TOWNS[n % len(_TOWNS)], _TOWNS[(n * 7 + 3) % len(_TOWNS)]
        day = _DAYS[n % 7]
        part = (
            f"Update {n}, {9 + n % 12}:{n % 60:02d}\n\n"
            f"Russian drones struck {town} overnight on {day}, killing {n % 9 + 1} people and injuring "
            f"{n % 23 + 2}, the regional governor said in post number {n}.\n\n"
            f"Air defence units shot down {n % 40 + 10} of {n % 40 + 15} drones launched at the {other} region, "
            f"the air force said; {n % 5 + 2} homes were damaged near the {other} railway station.\n\n"
            f"Foreign Minister Andriy Sybiga met envoys in Geneva on {day} to discuss the attack on {town}, and "
            f"President Volodymyr Zelensky said {n % 30 + 5} more air defence systems were needed.\n\n"
        )
        parts.append(part)
        size += len(part)
    return "".join(parts)[:chars]


def document(text: str, quotes: Sequence[tuple[str, str, Location | None]], *, path: str = "report.txt",
             source: str | None = "Northline Wire", published: str = "2025-11-19",
             title: str | None = None, claimant: str | None = None) -> DocumentResult:
    """A DocumentResult whose events (type, quote, place) point at real spans of `text`, each with one toll."""
    events = []
    for n, (kind, quote, place) in enumerate(quotes, 1):
        start = text.index(quote)
        figures = [Figure("killed", 3, "exact", claimant, quote, (start, start + len(quote)))]
        events.append(Event(id=f"e{n}", type=kind, date=published, location=place, claimed_by=claimant,
                            quote=quote, span=(start, start + len(quote)), figures=figures))
    return DocumentResult(path=path, text=text, source=source, title=title, published=published, events=events)


def have_unshare() -> bool:
    """Can this process make a private mount namespace (to mount a folder read-only for one command)?"""
    if shutil.which("unshare") is None:
        return False
    probe = subprocess.run(["unshare", "-m", "true"], capture_output=True)
    return probe.returncode == 0


def run_on_read_only_folder(folder: Path, *args: str) -> subprocess.CompletedProcess:
    """`kronika ARGS` with `folder` bind-mounted read-only for that command alone (a read-only mount)."""
    quoted = " ".join(_sh(a) for a in args)
    script = (
        f"mount --bind {_sh(folder)} {_sh(folder)} && mount -o remount,bind,ro {_sh(folder)}"
        f" && exec {_sh(KRONIKA)} {quoted}"
    )
    return subprocess.run(
        ["unshare", "-m", "sh", "-c", script],
        capture_output=True,
        text=True,
        timeout=120,
        env={"COLUMNS": "200", "PATH": "/usr/bin:/bin:/sbin:/usr/sbin", "LANG": "C.UTF-8"},
    )


def _sh(value: str | os.PathLike) -> str:
    return "'" + str(value).replace("'", "'\\''") + "'"


def ingest_worker(paths: list[str], barrier, results) -> None:
    """One of several processes ingesting the same corpus into each of `paths` at the same moment."""
    from kronika.ledger import ingest
    from kronika.ledger.synthetic import synthetic_corpus
    from kronika.store import open_store

    corpus = list(synthetic_corpus(8, seed=11))
    for path in paths:
        barrier.wait(timeout=60)  # every worker opens the new ledger at once
        try:
            with open_store(path) as store:
                summary = ingest(store, corpus)
            results.put((path, summary.documents_new, summary.documents_known, ""))
        except Exception as exc:  # reported to the test, which fails on it
            results.put((path, 0, 0, f"{type(exc).__name__}: {exc}"))
