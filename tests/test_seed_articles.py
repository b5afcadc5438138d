"""The five seed articles: each problem they show, and the reference scorer's bars.

These read ../shared (beside the checkout, as in CI) and skip when it is absent.
"""

from __future__ import annotations

import importlib.util
import io
import json
from contextlib import redirect_stdout
from pathlib import Path

import pytest

from kronika.models import DocumentResult
from kronika.pipeline import extract


@pytest.fixture(scope="module")
def results(seed_paths: list[Path]) -> dict[str, DocumentResult]:
    return {Path(r.path).name[:3]: r for r in extract(*seed_paths)}


def figures(result: DocumentResult) -> set[tuple[str, int]]:
    return {(f.kind, f.value) for e in result.events for f in e.figures}


def test_metadata_date_contradicting_the_datelines_is_flagged(results: dict[str, DocumentResult]) -> None:
    doc = results["000"]
    assert (doc.published, doc.metadata_date, doc.date_conflict) == ("2025-11-20", "2024-11-01", True)
    assert len(doc.stories) == 2


def test_four_dozens_is_48_and_population_is_not_a_figure(results: dict[str, DocumentResult]) -> None:
    figs = figures(results["000"])
    assert ("injured", 48) in figs
    assert not any(v == 55000 for _, v in figs)


def test_article_without_any_date_stays_undated(results: dict[str, DocumentResult]) -> None:
    doc = results["003"]
    assert doc.published is None
    assert all(e.date is None for e in doc.events)


def test_rhetoric_is_not_a_toll(results: dict[str, DocumentResult]) -> None:
    assert not any(v == 5000 for _, v in figures(results["003"]))


def test_day_counter_is_not_a_figure_and_digest_has_two_stories(results: dict[str, DocumentResult]) -> None:
    doc = results["004"]
    assert doc.published == "2025-11-26"
    assert len(doc.stories) == 2
    assert not any(v in (1371, 24) for _, v in figures(doc))


def test_mangled_village_names_still_make_ground_claims(results: dict[str, DocumentResult]) -> None:
    claims = [e for e in results["004"].events if e.type == "ground_claim"]
    assert any(e.location and e.location.name == "Siversk" for e in claims)
    assert len(claims) >= 3


def test_caption_date_dates_an_article_that_has_no_other(results: dict[str, DocumentResult]) -> None:
    doc = results["002"]
    assert doc.published in ("2025-08-28", "2025-08-29")
    assert len(doc.stories) == 2


def test_reference_scorer_bars(shared: Path, results: dict[str, DocumentResult]) -> None:
    score_py = shared / "eval" / "score.py"
    spec = importlib.util.spec_from_file_location("kronika_seed_scorer", score_py)
    assert spec and spec.loader
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    gold = json.loads((shared / "eval" / "seeds.gold.json").read_text(encoding="utf-8"))
    preds = [r.to_dict() for r in results.values()]
    with redirect_stdout(io.StringIO()):
        res = scorer.score(gold, preds, verbose=False)
    assert res["figures_f1"] >= 0.90
    assert res["events_f1"] >= 0.75
    assert res["dates"] >= 0.85
    assert res["published"] == 1.0
    assert res["invented"] == 0
