"""One file walker for every command.

Table rows: a symlink to /etc/passwd inside an input folder was followed and stored; `extract` and `ingest` on
the same folder read different files (hidden files, .text/.ndjson); and `extract DIR > DIR/out.txt` could read
its own output.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

from robust_cases import KRONIKA

from kronika.cli.ledger_cmd import expand_inputs
from kronika.errors import RejectedInput
from kronika.readers import iter_articles, iter_inputs

STORY = "KYIV, Nov 19 (Northline Wire) - Russian drones struck Kharkiv overnight, killing 3 people, the governor said."


def _folder(root: Path) -> Path:
    inbox = root / "inbox"
    (inbox / "sub").mkdir(parents=True)
    (inbox / ".hidden").mkdir()
    (inbox / "a.txt").write_text(STORY)
    (inbox / "b.text").write_text(STORY.replace("Kharkiv", "Odesa"))
    (inbox / "sub" / "c.ndjson").write_text(json.dumps({"text": STORY.replace("Kharkiv", "Sumy")}) + "\n")
    (inbox / "sub" / "d.htm").write_text(f"<html><body><p>{STORY.replace('Kharkiv', 'Lviv')}</p></body></html>")
    (inbox / ".draft.txt").write_text("hidden file")
    (inbox / ".hidden" / "e.txt").write_text("hidden folder")
    (inbox / "notes.md").write_text("not an article")
    return inbox


def _names(items) -> list[tuple[str, str]]:
    return [(type(i).__name__, Path(str(i.path if isinstance(i, RejectedInput) else i)).name) for i in items]


def test_extract_and_ingest_walk_a_folder_the_same_way(tmp_path: Path) -> None:
    inbox = _folder(tmp_path)
    walked = list(iter_inputs([inbox]))
    assert _names(walked) == [("PosixPath", n) for n in ("a.txt", "b.text", "c.ndjson", "d.htm")]
    files, refused = expand_inputs([inbox])  # what `kronika ingest` reads
    assert files == walked and refused == []


def test_a_symlink_out_of_the_folder_is_refused_unless_asked(tmp_path: Path) -> None:
    inbox = _folder(tmp_path)
    (inbox / "passwd.txt").symlink_to("/etc/passwd")
    outside = tmp_path / "private"
    outside.mkdir()
    (outside / "secret.txt").write_text("a private note " * 5)
    (inbox / "linked").symlink_to(outside, target_is_directory=True)
    items = list(iter_articles([inbox]))
    refused = {Path(r.path).name: r.reason for r in items if isinstance(r, RejectedInput)}
    assert set(refused) == {"passwd.txt", "linked"}
    assert all("outside the folder" in why and "--follow-symlinks" in why for why in refused.values())
    assert not any("root:" in a.text or "private note" in a.text for a in items if not isinstance(a, RejectedInput))
    followed = [a for a in iter_articles([inbox], follow_symlinks=True) if not isinstance(a, RejectedInput)]
    assert any("private note" in a.text for a in followed)


def test_symlinks_inside_the_folder_read_each_file_once_and_loops_end(tmp_path: Path) -> None:
    inbox = _folder(tmp_path)
    (inbox / "again.txt").symlink_to(inbox / "a.txt")
    (inbox / "sub" / "loop").symlink_to(inbox, target_is_directory=True)
    for follow in (False, True):
        files = [p for p in iter_inputs([inbox], follow_symlinks=follow) if not isinstance(p, RejectedInput)]
        assert len(files) == 4  # a.txt once (not again via again.txt), the loop walked once


def test_pipes_and_broken_links_in_a_folder_are_refused_not_waited_on(tmp_path: Path) -> None:
    inbox = _folder(tmp_path)
    os.mkfifo(inbox / "stream.txt")
    (inbox / "gone.txt").symlink_to(inbox / "deleted.txt")
    refused = {Path(r.path).name: r.reason for r in iter_inputs([inbox]) if isinstance(r, RejectedInput)}
    assert "regular file" in refused["stream.txt"] and "broken" in refused["gone.txt"]


def test_extract_into_the_folder_it_reads_never_reads_its_own_output(tmp_path: Path) -> None:
    inbox = _folder(tmp_path)
    out = inbox / "out.txt"
    with out.open("w") as fh:
        result = subprocess.run(
            [str(KRONIKA), "extract", str(inbox)], stdout=fh, stderr=subprocess.PIPE, text=True, timeout=120
        )
    assert result.returncode == 0, result.stderr
    assert "out.txt" not in result.stderr
    lines = out.read_text().splitlines()
    assert [Path(json.loads(line)["document"]["path"]).name for line in lines] == [
        "a.txt", "b.text", "c.ndjson:1", "d.htm"
    ]


def test_naming_the_output_file_itself_is_refused_with_a_reason(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_text(STORY)
    with target.open("a") as fh:
        result = subprocess.run(
            [str(KRONIKA), "extract", str(target)], stdout=fh, stderr=subprocess.PIPE, text=True, timeout=120
        )
    assert result.returncode == 1 and "writes its output" in result.stderr
