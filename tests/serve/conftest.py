"""Fixtures for the serve tests: a ledger built from the shipped samples plus one article whose text is an XSS
probe, the app over it (in process), and a real `kronika serve` on a free loopback port."""

from __future__ import annotations

import ctypes
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from kronika.ledger import ingest
from kronika.models import DocumentResult, Event, Figure, Location

KRONIKA = Path(sys.executable).with_name("kronika")
TOKEN = "test-token-0123456789"
PROBE = "<img src=x onerror=alert(1)>"
PROBE_EVENT = "ev-2025-11-24-odesa-strike-1"


def probe_article() -> DocumentResult:
    """An article whose title, outlet, claimant and quote carry markup that must stay text."""
    quote = f"A drone hit a depot in Odesa {PROBE} overnight"
    text = f"Odesa, Nov 24, 2025 - {quote}, injuring 2 people, the <script>alert(2)</script> office said."
    start = text.index(quote)
    fig_text = "injuring 2 people"
    fstart = text.index(fig_text)
    odesa = Location("Odesa", admin1="Odesa Oblast", country="UA", lat=46.4825, lon=30.7233,
                     precision="settlement", gazetteer_id="test:odesa")
    event = Event(id="e1", type="strike", date="2025-11-24", location=odesa, actors=["Russia"],
                  claimed_by=f"the {PROBE} office", quote=quote, span=(start, start + len(quote)),
                  figures=[Figure("injured", 2, "exact", f"the {PROBE} office", fig_text,
                                  (fstart, fstart + len(fig_text)))])
    return DocumentResult(path="probe.txt", text=text, source=f"Probe {PROBE} Wire", title=f"Title {PROBE}",
                          url="javascript:alert(3)", published="2025-11-24", events=[event])


@pytest.fixture(scope="session")
def sample_ledger(tmp_path_factory: pytest.TempPathFactory, nlp) -> Path:
    from kronika.cli.ledger_cmd import run_ingest, sample_paths
    from kronika.store import open_store

    db = tmp_path_factory.mktemp("serve") / "ledger.db"
    summary, _ = run_ingest(sample_paths(), db, quiet=True)
    assert summary.documents_new == len(sample_paths()) and not summary.documents_rejected
    with open_store(db) as store:
        ingest(store, [probe_article()])
    return db


@pytest.fixture(scope="session")
def app(sample_ledger: Path):
    from kronika.serve import ServeConfig, create_app

    return create_app(ServeConfig(db=sample_ledger, token=TOKEN))


@pytest.fixture(scope="session")
def client(app):
    from fastapi.testclient import TestClient

    with TestClient(app) as c:
        yield c


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _die_with_parent() -> None:  # pragma: no cover - runs in the child
    ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


def start_server(db: Path, *args: str, token_env: str | None = None) -> tuple[subprocess.Popen, str]:
    port = free_port()
    env = {**os.environ, "PATH": "/usr/bin:/bin"}
    env.pop("KRONIKA_TOKEN", None)
    if token_env:
        env["KRONIKA_TOKEN"] = token_env
    proc = subprocess.Popen([str(KRONIKA), "serve", "--db", str(db), "--port", str(port), *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
                            preexec_fn=_die_with_parent)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"kronika serve exited: {proc.stderr.read() if proc.stderr else ''}")
        try:
            with urllib.request.urlopen(f"{url}/api/config", timeout=1) as answer:
                if answer.status == 200:
                    return proc, url
        except (urllib.error.URLError, OSError):
            time.sleep(0.1)
    proc.kill()
    raise RuntimeError("kronika serve did not answer within 30 s")


def stop_server(proc: subprocess.Popen) -> str:
    proc.send_signal(signal.SIGINT)
    try:
        _, stderr = proc.communicate(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        _, stderr = proc.communicate()
    return stderr


@pytest.fixture(scope="session")
def server(sample_ledger: Path) -> Iterator[str]:
    """A real `kronika serve` (read-only) on a free loopback port, stopped when the session ends."""
    proc, url = start_server(sample_ledger)
    yield url
    stop_server(proc)
