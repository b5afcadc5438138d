"""The dating bars of the extraction issue on the real articles of ../shared/eval: the exact day of matched
events and the publication day, on the dev set and on the seeds. Skips outside CI when ../shared is absent."""

from __future__ import annotations

import importlib.util
import json

import pytest

from kronika import extract_paths
from kronika.models import DocumentResult
from shared_data import EVAL, SEEDS, need_shared

DEV_EXACT_DAY = 0.85
DEV_PUBLISHED = 0.94
SEEDS_EXACT_DAY = 0.85
SEEDS_PUBLISHED = 1.0


def _score(gold_name: str, texts: str) -> dict:
    gold_path = need_shared(EVAL / gold_name)
    folder = need_shared(EVAL / texts) if texts != "seeds" else need_shared(SEEDS)
    spec = importlib.util.spec_from_file_location("kronika_eval_score", EVAL / "score.py")
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    preds = [r.to_dict() for r in extract_paths(sorted(folder.glob("*.txt"))) if isinstance(r, DocumentResult)]
    return scorer.score(json.loads(gold_path.read_text(encoding="utf-8")), preds, verbose=False)


@pytest.mark.parametrize(
    ("gold", "texts", "exact_day", "published"),
    [
        ("dev/gold.json", "dev/texts", DEV_EXACT_DAY, DEV_PUBLISHED),
        ("seeds.gold.json", "seeds", SEEDS_EXACT_DAY, SEEDS_PUBLISHED),
    ],
)
def test_dating_bars(gold: str, texts: str, exact_day: float, published: float, capsys) -> None:  # noqa: ANN001
    result = _score(gold, texts)
    capsys.readouterr()  # the scorer prints one line per document
    assert result["dates_exact"] >= exact_day, f"exact_day {result['dates_exact']:.2f} < {exact_day}"
    assert result["published"] >= published, f"published {result['published']:.2f} < {published}"
