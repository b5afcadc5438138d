#!/usr/bin/env python3
"""Figure recall on the cluster set, a second set of real articles nobody tunes extraction on (developer tool).

Usage: tools/heldout_figures.py [--verbose]

../shared/eval/dev-clusters/clusters.json lists, per article, the figures each report of a clustered event gives.
This extracts the articles and counts how many of those (kind, value) pairs appear among the article's extracted
figures (recall), and how many extracted figures are in no report (a loose upper bound on false figures: the
labels cover the clustered events only). A rise on the dev set with a fall here is overfitting.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SET = ROOT.parent / "shared" / "eval" / "dev-clusters"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--verbose", "-v", action="store_true")
    ap.add_argument("--kronika", default=str(ROOT / ".venv" / "bin" / "kronika"), help="the kronika command to run")
    args = ap.parse_args()
    labels = json.loads((SET / "clusters.json").read_text(encoding="utf-8"))
    files = [str(SET / "texts" / a["file"]) for a in labels["articles"]]
    run = subprocess.run(
        [args.kronika, "extract", "--format", "jsonl", "--quiet", *files], capture_output=True, text=True, check=False
    )
    preds = {Path(d["document"]["path"]).name: d for d in map(json.loads, run.stdout.splitlines())}
    want_n = got_n = hit = extra = 0
    by_kind: Counter[str] = Counter()
    miss_kind: Counter[str] = Counter()
    for art in labels["articles"]:
        want = Counter(
            (f["kind"], f["value"])
            for rep in art["reports"]
            if "background" not in (rep.get("note") or "")
            for f in rep.get("figures") or []
        )
        events = preds.get(art["file"], {}).get("events", [])
        got = Counter((f["kind"], f["value"]) for e in events for f in e["figures"])
        common = want & got
        want_n, got_n, hit = want_n + sum(want.values()), got_n + sum(got.values()), hit + sum(common.values())
        extra += sum((got - want).values())
        for (kind, _), n in want.items():
            by_kind[kind] += n
        for (kind, value), n in (want - got).items():
            miss_kind[kind] += n
            if args.verbose:
                print(f"{art['file']}: missed {kind}={value}")
        if args.verbose:
            for kind, value in (got - want):
                print(f"{art['file']}: unlabelled {kind}={value}")
    print(f"held-out figures: recall {hit}/{want_n} = {hit / want_n:.2f} · unlabelled extracted {extra}/{got_n}")
    print("  missed by kind: " + ", ".join(f"{k} {miss_kind[k]}/{by_kind[k]}" for k in sorted(by_kind)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
