"""The extraction issue's bars on the real articles of ../shared/eval, so no change quietly loses ground.

One extraction pass per set (module-scoped), scored with ../shared/eval/score.py itself: the dev set's figures and
events F1, exact day and publication day, nothing invented, every kind's figures F1; the seeds likewise. Skips
outside CI when ../shared is absent (tests/shared_data.py), fails in CI.
"""

from __future__ import annotations

import contextlib
import csv
import importlib.util
import io
import json

import pytest

from kronika import extract_paths
from kronika.models import DocumentResult
from shared_data import EVAL, SEEDS, need_shared

DEV = {"figures_f1": 0.90, "events_f1": 0.85, "dates_exact": 0.85, "published": 0.94}
SEEDS_BARS = {"figures_f1": 0.95, "events_f1": 0.95, "dates_exact": 0.85, "published": 1.0}
KIND_FIGURES_F1 = 0.80


def _scorer():
    spec = importlib.util.spec_from_file_location("kronika_eval_score", need_shared(EVAL / "score.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _predict(folder) -> list[dict]:  # noqa: ANN001
    return [r.to_dict() for r in extract_paths(sorted(folder.glob("*.txt"))) if isinstance(r, DocumentResult)]


def _score(scorer, gold: dict, preds: list[dict]) -> dict:  # noqa: ANN001
    with contextlib.redirect_stdout(io.StringIO()):  # the scorer prints a line per document
        return scorer.score(gold, preds, verbose=False)


@pytest.fixture(scope="module")
def dev() -> tuple[object, dict, list[dict], dict[str, str]]:
    scorer = _scorer()
    gold = json.loads(need_shared(EVAL / "dev" / "gold.json").read_text(encoding="utf-8"))
    with open(need_shared(EVAL / "dev" / "sources.tsv"), encoding="utf-8") as fh:
        kinds = {row["id"] + ".txt": row["kind"] for row in csv.DictReader(fh, delimiter="\t")}
    return scorer, gold, _predict(need_shared(EVAL / "dev" / "texts")), kinds


def _check(result: dict, bars: dict[str, float], label: str) -> None:
    low = {k: round(result[k], 3) for k, bar in bars.items() if result[k] < bar}
    assert not low, f"{label} below its bars {bars}: {low}"
    assert result["invented"] == 0, f"{label}: {result['invented']} figures the reference lists as must_not"


def test_dev_set_bars(dev) -> None:  # noqa: ANN001
    scorer, gold, preds, _ = dev
    _check(_score(scorer, gold, preds), DEV, "dev")


def test_every_kind_keeps_its_figures(dev) -> None:  # noqa: ANN001
    scorer, gold, preds, kinds = dev
    low = {}
    for kind in sorted(set(kinds.values())):
        docs = [d for d in gold["documents"] if kinds.get(d["file"]) == kind]
        if not any(f for d in docs for e in d["events"] if not e.get("optional") for f in e["figures"]):
            continue  # kinds without required figures (front-line claims, diplomacy)
        f1 = _score(scorer, {**gold, "documents": docs}, preds)["figures_f1"]
        if f1 < KIND_FIGURES_F1:
            low[kind] = round(f1, 3)
    assert not low, f"kinds below figures F1 {KIND_FIGURES_F1}: {low}"


def test_seed_bars() -> None:
    scorer = _scorer()
    gold = json.loads(need_shared(EVAL / "seeds.gold.json").read_text(encoding="utf-8"))
    _check(_score(scorer, gold, _predict(need_shared(SEEDS))), SEEDS_BARS, "seeds")
