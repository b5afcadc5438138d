"""What the serve tests share: the XSS probe article, and starting and stopping a real `kronika serve`.

A module of its own (not conftest.py): `from conftest import ...` is ambiguous when several test folders have a
conftest."""

from __future__ import annotations

import csv
import ctypes
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

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


# A reference record of our own in the columns of Ivaniuk's (kronika never ships the real one): the samples'
# 19 November night with the drones as the news has them and two more missiles destroyed than the news says
RECORD_ROWS = [  # time_start, time_end, model, target, launched, destroyed, not_reach_goal, source
    ("2025-11-18 18:00", "2025-11-19 08:30", "Shahed-136/131", "Ukraine", "476.0", "442.0", "20.0", "kpszsu/p/1"),
    ("2025-11-18 18:00", "2025-11-19 08:30", "Kalibr", "Ukraine", "30.0", "25.0", "", "kpszsu/p/1"),
    ("2025-11-18 18:00", "2025-11-19 08:30", "Iskander-M", "Ukraine", "18.0", "18.0", "", "kpszsu/p/1"),
    ("2025-11-21 19:00", "2025-11-22 08:00", "Shahed-136/131", "Ukraine", "90.0", "80.0", "", "kpszsu/p/2"),
]
CATALOGUE = [("Shahed-136/131", "UAV"), ("Kalibr", "cruise missile"), ("Iskander-M", "ballistic missile")]


def write_reference(folder: Path) -> Path:
    """missile_attacks_daily.csv and missiles_and_uavs.csv beside it, in `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "missile_attacks_daily.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["time_start", "time_end", "model", "target", "launched", "destroyed", "not_reach_goal",
                         "source"])
        writer.writerows(RECORD_ROWS)
    with (folder / "missiles_and_uavs.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["model", "category"])
        writer.writerows(CATALOGUE)
    return path


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
