#!/usr/bin/env python3
"""Score extraction on a reference set, overall and per kind of article (a developer's tool, not shipped).

Usage: tools/dev_score.py [--set dev|seeds] [--pred FILE] [--verbose] [--kind a]

Runs `kronika extract --format jsonl` over the set's texts (unless --pred gives predictions already made), then
scores them with ../shared/eval/score.py: the summary line, then one line per kind (dev/sources.tsv) with that
kind's figures and events F1 and exact-day share. --verbose lists every miss and extra (of --kind only, if given).
The per-kind lines are the table the extraction issue's bars are written against.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import importlib.util
import io
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"
KINDS = {
    "a": "air-defence nights",
    "b": "strikes",
    "c": "front-line claims",
    "d": "diplomacy",
    "e": "attacks on Russia",
    "f": "digests",
    "g": "energy/front-line towns",
    "h": "mixed wire stories",
}


def _scorer():
    spec = importlib.util.spec_from_file_location("kronika_eval_score", EVAL / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _predict(texts: list[Path]) -> list[dict]:
    kronika = ROOT / ".venv" / "bin" / "kronika"
    cmd = [str(kronika) if kronika.exists() else "kronika", "extract", "--format", "jsonl", "--quiet"]
    run = subprocess.run([*cmd, *map(str, texts)], capture_output=True, text=True, check=False)
    if run.returncode not in (0, 1):
        sys.exit(f"dev_score: kronika extract failed: {run.stderr.strip()[-400:]}")
    import json

    return [json.loads(line) for line in run.stdout.splitlines() if line.strip()]


def _quiet_score(scorer, gold: dict, preds: list[dict], verbose: bool) -> tuple[dict, str]:
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        res = scorer.score(gold, preds, verbose)
    return res, buf.getvalue()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", choices=("dev", "seeds"), default="dev")
    ap.add_argument("--pred", help="predictions already made (JSON Lines)")
    ap.add_argument("--verbose", "-v", action="store_true")
    ap.add_argument("--kind", help="only this kind's documents in the verbose listing")
    args = ap.parse_args()
    scorer = _scorer()
    if args.set == "dev":
        gold_path, texts = EVAL / "dev" / "gold.json", sorted((EVAL / "dev" / "texts").glob("*.txt"))
        with open(EVAL / "dev" / "sources.tsv", encoding="utf-8") as fh:
            kind_of = {row["id"] + ".txt": row["kind"] for row in csv.DictReader(fh, delimiter="\t")}
    else:
        gold_path, texts, kind_of = EVAL / "seeds.gold.json", sorted((EVAL.parent / "seeds").glob("*.txt")), {}
    import json

    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    if args.pred:
        preds = [json.loads(line) for line in Path(args.pred).read_text(encoding="utf-8").splitlines() if line.strip()]
    else:
        preds = _predict(texts)
    if args.verbose:
        docs = [d for d in gold["documents"] if not args.kind or kind_of.get(d["file"]) == args.kind]
        _, listing = _quiet_score(scorer, {**gold, "documents": docs}, preds, True)
        print("\n".join(line for line in listing.splitlines() if not line.endswith("published ok")))
    res, _ = _quiet_score(scorer, gold, preds, False)
    print(
        "score: figures F1={figures_f1:.2f} (P={figures_p:.2f} R={figures_r:.2f}) events F1={events_f1:.2f} "
        "(P={events_p:.2f} R={events_r:.2f}) geo={geo:.2f} dates={dates:.2f} exact_day={dates_exact:.2f} "
        "published={published:.2f} invented={invented}".format(**res)
    )
    for kind, label in KINDS.items() if kind_of else ():
        docs = [d for d in gold["documents"] if kind_of.get(d["file"]) == kind]
        sub, _ = _quiet_score(scorer, {**gold, "documents": docs}, preds, False)
        has_figs = any(f for d in docs for e in d["events"] for f in e["figures"] if not e.get("optional"))
        fig = f"fig {sub['figures_f1']:.2f}" if has_figs else "fig  -  "
        print(
            f"  {kind} {label:<24} {fig}  ev {sub['events_f1']:.2f}  day {sub['dates_exact']:.2f}  "
            f"invented {sub['invented']}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
