"""Long documents: parsed in parts below spaCy's limit, spans into the whole text, work linear in length.

The table rows: a text over 1,000,000 characters raised spaCy's E088 and stopped the batch; extraction time grew
with the square of the length (the place-role check rebuilt `doc.text` for every place mention). The parts are
tested here with the part size and spaCy's limit turned down, so a 12 KB article stands for a 1 MB one; the
1 MB figures are in bench/bench_long.py.
"""

from __future__ import annotations

import cProfile
import pstats

import pytest
from robust_cases import live_blog

import kronika.nlp as nlp_module
import kronika.pipeline as pipeline
from kronika.errors import RejectedInput
from kronika.models import Article
from kronika.nlp import load_nlp, split_parts
from kronika.pipeline import extract_items, extract_text


def _events(result) -> list[tuple]:
    return [
        (e.type, e.span, e.quote, e.date, e.location.name if e.location else None,
         [(f.kind, f.value, f.span) for f in e.figures])
        for e in result.events
    ]


def _assert_spans(result) -> None:
    for e in result.events:
        assert result.text[e.span[0] : e.span[1]] == e.quote
        for f in e.figures:
            assert result.text[f.span[0] : f.span[1]] == f.quote


@pytest.mark.parametrize(
    "text",
    [
        "para one.\nline two\n\nthird paragraph here.\n" * 40,
        "A sentence without line breaks. " * 100,
        "wordswithoutspaces" * 100,
        "x" * 1001,
        "",
        "short",
    ],
)
def test_parts_rejoin_into_the_text_and_stay_under_the_limit(text: str) -> None:
    parts = split_parts(text, 100)
    assert "".join(parts) == text
    assert all(len(p) <= 100 for p in parts)
    assert all(parts) or parts == [""]
    if "\n" in text and len(text) > 100:
        assert all(p.endswith("\n") for p in parts[:-1])  # cut after a line break, which ends a sentence anyway


def test_a_text_over_spacys_limit_is_parsed_in_parts_with_spans_into_the_whole_text(monkeypatch) -> None:
    text = live_blog(12_000)
    whole = extract_text(text)
    nlp = load_nlp()
    monkeypatch.setattr(nlp_module, "PART_CHARS", 1_500)
    monkeypatch.setattr(nlp, "max_length", 3_000)
    assert len(text) > nlp.max_length  # without parts, spaCy raises E088 on this text
    parted = extract_text(text)
    assert parted.text == whole.text
    assert _events(parted) == _events(whole)  # parts cut at line breaks change nothing
    assert len(parted.events) >= 10
    _assert_spans(parted)


def test_a_long_document_does_not_stop_the_batch(monkeypatch) -> None:
    monkeypatch.setattr(load_nlp(), "max_length", 3_000)
    monkeypatch.setattr(nlp_module, "PART_CHARS", 1_500)
    items = [Article("long.txt", live_blog(9_000)), Article("short.txt", "Russian drones hit Kyiv, killing 3 people.")]
    results = list(extract_items(items))
    assert [r.path for r in results] == ["long.txt", "short.txt"]
    assert not any(isinstance(r, RejectedInput) for r in results)


def _calls(text: str) -> int:
    profile = cProfile.Profile()
    profile.enable()
    extract_text(text)
    profile.disable()
    return pstats.Stats(profile).total_calls


def test_extraction_work_grows_linearly_with_length() -> None:
    """Function calls, not seconds: deterministic on a busy machine. Four times the text made 11 times the calls
    when the place-role check rebuilt the document text per mention; linear work makes about 4."""
    extract_text(live_blog(3_000))  # the model, the gazetteer and every rule's lazy tables load outside the count
    small, large = _calls(live_blog(6_000)), _calls(live_blog(24_000))
    assert large / small < 6, (small, large)


def test_a_text_over_the_ceiling_is_refused_with_a_one_line_reason(monkeypatch) -> None:
    monkeypatch.setattr(pipeline, "MAX_TEXT_CHARS", 1_000)
    [rejected, kept] = extract_items([Article("dump.txt", "Kyiv. " * 300), Article("ok.txt", "Kyiv was hit.")])
    assert isinstance(rejected, RejectedInput)
    assert "over the" in rejected.reason and "\n" not in rejected.reason
    assert kept.path == "ok.txt"
