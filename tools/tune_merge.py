#!/usr/bin/env python3
"""Tune the merge thresholds on a cluster set as a whole (a developer's tool, not shipped).

Usage: tools/tune_merge.py [--set ../shared/eval/dev-clusters] [--jsonl] [--grid] [--verbose]

Extracts the set's articles once (as files, or with --jsonl as one corpus carrying each article's URL, as
../shared/eval/cluster_score.py does), then ingests them into fresh in-memory ledgers and scores each with
the scorer's own `fits` rule: pair recall, precision, F1 and toll right, the same figures as cluster_score.py.

--grid tries every combination of ACCEPT_WEAK, MARGIN and POSSIBLE below and prints one line per combination,
best F1 first (precision >= 0.97 required), so a threshold is chosen for the whole set, never for one article.
--verbose prints, per ledger event that holds labelled reports, its sources and the evidence that placed them,
and every report that stayed apart from its cluster.
"""

from __future__ import annotations

import argparse
import importlib.util
import itertools
import json
import sqlite3
import sys
import tempfile
from pathlib import Path

from kronika.ledger import ingest, merge
from kronika.models import DocumentResult
from kronika.pipeline import extract_paths
from kronika.store import open_store

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"
GRID = {
    "ACCEPT_WEAK": (4.0, 5.0, 6.0, 7.0),
    "MARGIN": (1.0, 2.0, 3.0),
    "ACCEPT_STRONG": (4.0, 5.0, 6.0),
}


def _scorer():
    spec = importlib.util.spec_from_file_location("kronika_cluster_score", EVAL / "cluster_score.py")
    module = importlib.util.module_from_spec(spec)
    sys.path.insert(0, str(EVAL))
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def extract_set(base: Path, jsonl: bool) -> list[DocumentResult]:
    lab = json.loads((base / "clusters.json").read_text())
    files = sorted(base / "texts" / a["file"] for a in lab["articles"])
    if jsonl:
        corpus = Path(tempfile.mkdtemp()) / "corpus.jsonl"
        with corpus.open("w", encoding="utf-8") as out:
            for a in sorted(lab["articles"], key=lambda a: a["file"]):
                text = (base / "texts" / a["file"]).read_text(encoding="utf-8")
                out.write(json.dumps({"text": text, "url": a["url"]}) + "\n")
        files = [corpus]
    return [r for r in extract_paths(files) if isinstance(r, DocumentResult)]


def score(docs: list[DocumentResult], base: Path, jsonl: bool, verbose: bool = False) -> dict:
    cs = _scorer()
    lab = json.loads((base / "clusters.json").read_text())
    clusters = {e["cluster"]: e for e in lab["events"]}
    by_url = {a["url"]: a["file"] for a in lab["articles"]}
    db = Path(tempfile.mkdtemp()) / "tune.db"
    with open_store(db) as store:
        ingest(store, docs)
    con = sqlite3.connect(db)
    con.row_factory = sqlite3.Row
    rows = con.execute(
        """SELECT es.event_id, d.path, d.url, e.type, e.date, p.name AS place, p.admin1, p.precision
           FROM event_sources es JOIN documents d ON d.id = es.document_id JOIN events e ON e.id = es.event_id
           LEFT JOIN places p ON p.id = e.place_id""").fetchall()
    by_doc: dict = {}
    for r in rows:
        name = by_url.get(r["url"]) if jsonl else Path(r["path"]).name
        by_doc.setdefault(name, {})[r["event_id"]] = dict(r)
    mapped = {}
    for a in lab["articles"]:
        for rep in a["reports"]:
            if "background" in (rep.get("note") or ""):
                continue
            label = clusters[rep["cluster"]]
            cands = sorted(((cs.fits(label, ev), eid) for eid, ev in by_doc.get(a["file"], {}).items()), reverse=True)
            mapped[(a["file"], rep["cluster"])] = cands[0][1] if cands and cands[0][0] else None
    tp = pairs = fp = 0
    for c in clusters:
        evs = [e for (f, cc), e in mapped.items() if cc == c]
        for x, y in itertools.combinations(evs, 2):
            pairs += 1
            tp += bool(x and x == y)
    holders: dict = {}
    for (f, c), e in mapped.items():
        if e:
            holders.setdefault(e, []).append((f, c))
    false_pairs = []
    for e, members in holders.items():
        for (f1, c1), (f2, c2) in itertools.combinations(members, 2):
            if c1 != c2:
                fp += 1
                false_pairs.append((e, f1, c1, f2, c2))
    toll_ok = toll_n = 0
    for c, label in clusters.items():
        if label["type"] != "strike":
            continue
        best = max((fig["value"] for a in lab["articles"] for rep in a["reports"] if rep["cluster"] == c
                    and "background" not in (rep.get("note") or "") for fig in rep.get("figures") or []
                    if fig["kind"] == "killed"), default=None)
        if best is None:
            continue
        toll_n += 1
        evs = {e for (f, cc), e in mapped.items() if cc == c and e}
        cur = [r[0] for e in evs for r in con.execute(
            "SELECT max(value) FROM current_figures WHERE event_id=? AND kind='killed'", (e,)) if r[0] is not None]
        toll_ok += bool(cur) and max(cur) == best
    if verbose:
        _explain(con, mapped, clusters, false_pairs, by_url)
    recall = tp / pairs if pairs else 0.0
    prec = tp / (tp + fp) if tp + fp else 0.0
    f1 = 2 * prec * recall / (prec + recall) if prec + recall else 0.0
    return {"tp": tp, "pairs": pairs, "fp": fp, "recall": recall, "precision": prec, "f1": f1,
            "toll": f"{toll_ok}/{toll_n}", "found": sum(1 for v in mapped.values() if v), "reports": len(mapped)}


def _explain(con: sqlite3.Connection, mapped: dict, clusters: dict, false_pairs: list, by_url: dict) -> None:
    for e, f1, c1, f2, c2 in false_pairs:
        print(f"FALSE MERGE {e}: {f1}/{c1} with {f2}/{c2}")
    for c, label in clusters.items():
        members = sorted((f, e) for (f, cc), e in mapped.items() if cc == c)
        events = {e for _, e in members if e}
        if len(events) <= 1 and all(e for _, e in members):
            continue
        print(f"\n{c} {label['type']} {label['place']} {label['date']}: {len(events)} event(s)")
        for f, e in members:
            if not e:
                print(f"   {f}: not found")
                continue
            for r in con.execute(
                "SELECT s.match_decision, s.match_score, s.match_evidence, s.date, s.date_basis, d.path, d.url"
                " FROM event_sources s JOIN documents d ON d.id = s.document_id WHERE s.event_id = ?", (e,)):
                if f not in (Path(r[5]).name, by_url.get(r[6])):
                    continue
                print(f"   {f} -> {e} [{r[0]} {r[1]}] day={r[3]}/{r[4]} {r[2] or ''}")
                break
        marks = ",".join("?" * len(events))
        query = f"SELECT DISTINCT other_id FROM possible_duplicates WHERE event_id IN ({marks})"
        for (eid,) in con.execute(query, tuple(events)):
            print(f"   possible duplicate of {eid}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", type=Path, default=EVAL / "dev-clusters")
    ap.add_argument("--jsonl", action="store_true")
    ap.add_argument("--grid", action="store_true")
    ap.add_argument("--verbose", "-v", action="store_true")
    args = ap.parse_args()
    docs = extract_set(args.set, args.jsonl)
    if not args.grid:
        print(json.dumps(score(docs, args.set, args.jsonl, args.verbose)))
        return
    results = []
    names = list(GRID)
    for values in itertools.product(*GRID.values()):
        for name, value in zip(names, values, strict=True):
            setattr(merge, name, value)
        res = score(docs, args.set, args.jsonl)
        results.append((res["precision"] >= 0.97, res["f1"], values, res))
    for ok, f1, values, res in sorted(results, key=lambda r: (r[0], r[1]), reverse=True):
        setting = " ".join(f"{n}={v:g}" for n, v in zip(names, values, strict=True))
        print(f"{setting}: F1 {f1:.3f} P {res['precision']:.2f} R {res['recall']:.2f} toll {res['toll']}"
              f"{'' if ok else '  (precision below 0.97)'}")


if __name__ == "__main__":
    main()
