"""`kronika extract` as a user runs it: JSON out, one-line reasons for bad input, an honest exit status."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

GOOD = (
    "Kherson, Ukraine (AFP) Jul 7, 2025 - Russian shelling killed two people in Kherson on Monday, "
    "the regional governor said.\n"
)


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kronika", *args], capture_output=True, text=True, timeout=300)


def test_bad_inputs_are_rejected_one_line_each_and_the_batch_goes_on(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("   \n", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 200)
    (tmp_path / "latin.txt").write_bytes(("Kyiv (AFP) - Russian drones wounded three people in Kyiv, "
                                          "the mayor said. Caf\xe9 windows shattered.\n").encode("cp1252"))
    big = tmp_path / "huge.txt"
    with big.open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    (tmp_path / "broken.html").write_text("<html><body><p>Russian missiles hit Odesa overnight, killing "
                                          "three people, the governor said.<div><p>More text", encoding="utf-8")
    (tmp_path / "garbage.html").write_text("<html><<<>>>", encoding="utf-8")
    files = ["good.txt", "empty.txt", "binary.txt", "latin.txt", "huge.txt", "broken.html", "garbage.html"]
    proc = run("extract", "--format", "jsonl", *[str(tmp_path / f) for f in files])
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    rejected = [line for line in proc.stderr.splitlines() if line.startswith("kronika: rejected")]
    assert {Path(line.split()[2].rstrip(":")).name for line in rejected} >= {"empty.txt", "binary.txt", "huge.txt"}
    docs = [json.loads(line) for line in proc.stdout.splitlines()]
    names = {Path(d["document"]["path"]).name for d in docs}
    assert {"good.txt", "latin.txt", "broken.html"} <= names
    good_doc = next(d for d in docs if d["document"]["path"].endswith("good.txt"))
    assert good_doc["document"]["published"] == "2025-07-07"
    strike = next(e for e in good_doc["events"] if e["type"] == "strike")
    assert strike["figures"][0]["kind"] == "killed" and strike["figures"][0]["value"] == 2
    assert strike["location"]["name"] == "Kherson" and strike["location"]["lat"] is not None


def test_all_good_inputs_exit_zero_and_table_format_renders(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    proc = run("extract", "--format", "table", str(good))
    assert proc.returncode == 0, proc.stderr
    assert "Kherson" in proc.stdout and "killed=2" in proc.stdout


def test_unknown_format_is_a_clear_error(tmp_path: Path) -> None:
    proc = run("extract", "--format", "xml", str(tmp_path))
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr and "--format" in proc.stderr
