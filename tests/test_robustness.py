"""Odd but readable input never crashes extraction, and every span still points at its quote."""

from __future__ import annotations

import random

from kronika.errors import RejectedInput
from kronika.models import Article
from kronika.pipeline import extract_items

WORDS = (
    "Russia Ukraine Kyiv Kharkiv drones missiles killed injured at least 12 four dozen said the governor on "
    "Monday overnight region of near captured village talks in Geneva met \" ' ( ) , . - — \n \n\n 1,371st "
    "46-year-old 2025 Nov 19 (AFP) KYIV, 5000 a week Novoselifka Zatyshya air force shot down 419 UAVs"
).split(" ")


def _noise(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n))


def _extract_one(article: Article) -> list:
    return list(extract_items([article], 1))


def test_word_salad_and_odd_characters_never_crash() -> None:
    rng = random.Random(20251119)
    texts = [_noise(rng, rng.randint(1, 400)) for _ in range(40)]
    texts += ["\u200b\u200b", "…" * 50, "Kyiv " * 500, "A" * 5000, "\t\n\t\n", "😀 Kyiv 😀 killed 3 😀"]
    results = []
    for i, text in enumerate(texts):
        results += [r for r in _extract_one(Article(path=f"noise-{i}.txt", text=text))]
    failures = [r.reason for r in results if isinstance(r, RejectedInput) and "extraction failed" in r.reason]
    assert failures == []
    for r in results:
        if isinstance(r, RejectedInput):
            continue
        for e in r.events:
            assert r.text[e.span[0] : e.span[1]] == e.quote
            assert all(f.value >= 0 for f in e.figures)
