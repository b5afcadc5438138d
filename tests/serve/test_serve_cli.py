"""`kronika serve` as a user starts it: one-line errors for bad options, the token from the environment,
a clean stop on Ctrl-C."""

from __future__ import annotations

import json
import socket
import subprocess
import urllib.error
import urllib.request

from serve_helpers import KRONIKA, TOKEN, start_server, stop_server


def serve(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([str(KRONIKA), "serve", *args], capture_output=True, text=True, timeout=60,
                          env={"PATH": "/usr/bin:/bin", **(env or {})})


def test_bad_options_fail_with_one_line(tmp_path, sample_ledger):
    for args, words in (
        (["--db", str(tmp_path / "missing.db")], "no ledger at"),
        (["--db", str(sample_ledger), "--token", "short"], "at least 8"),
        (["--db", str(sample_ledger), "--tiles", "ftp://tiles/{z}"], "--tiles"),
    ):
        run = serve(*args)
        assert run.returncode == 2, run.stderr
        assert words in run.stderr and "Traceback" not in run.stderr and len(run.stderr.strip().splitlines()) == 1


def test_a_busy_port_is_a_clear_error(sample_ledger):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        run = serve("--db", str(sample_ledger), "--port", str(busy.getsockname()[1]))
    assert run.returncode == 2 and "cannot listen on 127.0.0.1" in run.stderr and "Traceback" not in run.stderr


def test_token_from_the_environment_and_a_clean_stop(sample_ledger):
    proc, url = start_server(sample_ledger, token_env=TOKEN)
    try:
        with urllib.request.urlopen(f"{url}/api/config") as answer:
            assert json.load(answer)["read_only"] is False
        request = urllib.request.Request(f"{url}/api/ingest", data=b'{"text": "x"}', method="POST",
                                         headers={"content-type": "application/json"})
        try:
            urllib.request.urlopen(request)
            raise AssertionError("ingest without the token was accepted")
        except urllib.error.HTTPError as refused:
            assert refused.code == 401
    finally:
        stderr = stop_server(proc)
    assert "writes need the bearer token" in stderr and "stopped" in stderr and "Traceback" not in stderr
