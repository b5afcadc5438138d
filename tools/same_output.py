#!/usr/bin/env python3
"""Does a change leave extraction's output byte for byte as it was? (a developer's tool, not shipped)

Usage: tools/same_output.py save [--out FILE] [--bench] [--also DIR ...]
       tools/same_output.py check [--out FILE] [--bench] [--also DIR ...]

`save` runs `kronika extract --format jsonl` over the real texts beside the checkout (the dev set, the cluster
set, the seeds) and the samples shipped in the package, and keeps the output (default: .same_output/before.jsonl,
ignored by git). `check` runs it again and compares: it prints "same output" and exits 0, or lists the documents
whose lines differ (with the first differing event) and exits 1. `--bench` adds the synthetic corpus of
bench/make_corpus.py, 1,200 articles of other shapes; `--also DIR` adds the .txt files of other folders (texts
nobody tuned to). Run `save` before a performance change, `check` after.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DEFAULT_OUT = ROOT / ".same_output" / "before.jsonl"
SETS = (SHARED / "eval" / "dev" / "texts", SHARED / "eval" / "dev-clusters" / "texts", SHARED / "seeds")
SAMPLES = ROOT / "src" / "kronika" / "samples"
BENCH_CORPUS = ROOT / "bench" / "out" / "corpus.jsonl"


def _inputs(bench: bool, also: list[Path]) -> list[Path]:
    missing = [str(p) for p in SETS if not p.is_dir()]
    if missing:
        sys.exit(f"same_output: not beside this checkout: {', '.join(missing)}")
    missing = [str(p) for p in also if not p.is_dir()]
    if missing:
        sys.exit(f"same_output: no such folder: {', '.join(missing)}")
    paths = [p for folder in SETS for p in sorted(folder.glob("*.txt"))] + sorted(SAMPLES.glob("*.txt"))
    paths += [p for folder in also for p in sorted(folder.glob("*.txt"))]
    if bench:
        if not BENCH_CORPUS.exists():
            subprocess.run([sys.executable, str(ROOT / "bench" / "make_corpus.py")], check=True, stdout=sys.stderr)
        paths.append(BENCH_CORPUS)
    return paths


def _extract(paths: list[Path]) -> str:
    kronika = ROOT / ".venv" / "bin" / "kronika"
    cmd = [str(kronika) if kronika.exists() else "kronika", "extract", "--format", "jsonl", "--quiet"]
    print(f"extracting {len(paths)} inputs ...", file=sys.stderr, flush=True)
    run = subprocess.run([*cmd, *map(str, paths)], capture_output=True, text=True, check=False)
    if run.returncode not in (0, 1):
        sys.exit(f"same_output: kronika extract failed: {run.stderr.strip()[-400:]}")
    return run.stdout


def _first_difference(old: str, new: str) -> str:
    try:
        a, b = json.loads(old), json.loads(new)
    except json.JSONDecodeError:
        return "(not JSON)"
    ea, eb = a.get("events", []), b.get("events", [])
    for i, (x, y) in enumerate(zip(ea, eb, strict=False)):
        if x != y:
            keys = sorted(k for k in set(x) | set(y) if x.get(k) != y.get(k))
            return f"event {i}: {', '.join(keys)} differ"
    if len(ea) != len(eb):
        return f"{len(ea)} events before, {len(eb)} now"
    return "document fields differ"


def _compare(before: str, after: str) -> list[str]:
    old, new = before.splitlines(), after.splitlines()
    out: list[str] = []
    for i, (a, b) in enumerate(zip(old, new, strict=False)):
        if a != b:
            try:
                path = json.loads(a).get("document", {}).get("path", f"line {i + 1}")
            except json.JSONDecodeError:
                path = f"line {i + 1}"
            out.append(f"{path}: {_first_difference(a, b)}")
    if len(old) != len(new):
        out.append(f"{len(old)} lines before, {len(new)} now")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("action", choices=("save", "check"))
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help=f"the saved output (default {DEFAULT_OUT})")
    ap.add_argument("--bench", action="store_true", help="also the synthetic bench corpus (slower)")
    ap.add_argument("--also", type=Path, nargs="*", default=[], metavar="DIR", help="more folders of .txt texts")
    args = ap.parse_args(argv)
    out = args.out if not args.bench or args.out != DEFAULT_OUT else DEFAULT_OUT.with_name("before-bench.jsonl")
    paths = _inputs(args.bench, args.also)
    if args.action == "check" and not out.exists():
        sys.exit(f"same_output: nothing saved at {out}: run `save` first")
    text = _extract(paths)
    lines = len(text.splitlines())
    if args.action == "save":
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text, encoding="utf-8")
        print(f"saved {lines} documents' output to {out}")
        return 0
    diffs = _compare(out.read_text(encoding="utf-8"), text)
    if not diffs:
        print(f"same output: {lines} documents, byte for byte")
        return 0
    print(f"output differs in {len(diffs)} places:")
    for line in diffs[:40]:
        print(f"  {line}")
    return 1


if __name__ == "__main__":
    sys.exit(main())
