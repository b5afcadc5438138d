"""Property: mutated articles never break extraction or the readers.

hypothesis cuts, splices and pollutes articles (random Unicode including lone surrogates, NULs, RTL and bidi
marks, BOMs, control characters, very long lines) and throws them at `extract_text` and at the three readers.
Whatever comes in, the only exception is RejectedInput, every text that comes out can be encoded, and every
event and figure quote is the text at its span. The example count is bounded and the run derandomised, so the
suite stays fast and CI sees the same examples every time.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kronika.errors import RejectedInput
from kronika.models import Article
from kronika.pipeline import extract_text
from kronika.readers import iter_articles

ARTICLE = (
    "Drones hit Kharkiv overnight\n\n"
    "KYIV, Nov 19, 2025 (Northline Wire) - Russian drones struck apartment blocks in Kharkiv overnight, killing "
    "at least 4 people and injuring 17, the regional governor said on Telegram.\n\n"
    "Ukraine's air force said it shot down 82 of the 96 drones and 3 missiles launched across the country.\n\n"
    "Russia's defence ministry claimed its forces had captured the village of Novoselivka in Donetsk region.\n\n"
    "Foreign ministers met in Geneva on Thursday to discuss the peace plan, a spokesperson said."
)
ODD = ["\ud800", "\udfff", "\ud83d", "\ude00", "\x00", "\u200f", "\u200e", "\u202e", "\u2066", "\ufeff",
       "\ufffd", "\r", "\r\n", "\n\n\n", "\t", "\x0b", "\x1b[31m", "\u0301", "\U0001f600", "\u0627\u0644",
       "\u2028", "killed 12", "at least", "Kyiv's", "'s", "(AFP)", "Nov 31", "1,000,000"]

pieces = st.one_of(
    st.sampled_from(ODD),
    st.text(st.characters(codec=None, exclude_categories=()), max_size=12),  # surrogates included
    st.builds(lambda c, n: c * n, st.sampled_from("x-. \u00e9\u202e"), st.integers(500, 6_000)),  # long lines
)


@st.composite
def mutated(draw) -> str:
    text = ARTICLE
    for _ in range(draw(st.integers(1, 8))):
        at = draw(st.integers(0, len(text)))
        action = draw(st.sampled_from(("insert", "insert", "delete", "duplicate")))
        if action == "insert":
            text = text[:at] + draw(pieces) + text[at:]
        elif action == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 80)) :]
        else:
            text = text[:at] + text[max(0, at - 200) : at] + text[at:]
    return text


def _encodable(text: str | None) -> bool:
    if text is None:
        return True
    text.encode("utf-8")
    return "\x00" not in text


def _check(result) -> None:  # noqa: ANN001 - a DocumentResult
    assert _encodable(result.text) and _encodable(result.title) and _encodable(result.path)
    for e in result.events:
        assert result.text[e.span[0] : e.span[1]] == e.quote
        for f in e.figures:
            assert result.text[f.span[0] : f.span[1]] == f.quote


FAST = settings(max_examples=60, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@FAST
@given(text=mutated(), title=st.one_of(st.none(), st.sampled_from(ODD)))
def test_extract_text_keeps_its_contract_on_mutated_articles(text: str, title: str | None) -> None:
    try:
        result = extract_text(text, title=title, path="fuzz\udcff.txt")
    except RejectedInput as rejected:
        assert "\n" not in rejected.reason
        return
    _check(result)


def _articles(path: Path) -> list:
    items = list(iter_articles([path]))
    for item in items:
        if isinstance(item, Article):
            assert all(_encodable(v) for v in (item.text, item.title, item.url, item.source, item.path))
        else:
            assert isinstance(item, RejectedInput) and "\n" not in item.reason
    return items


@settings(max_examples=80, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(text=mutated(), junk=st.binary(max_size=40), where=st.integers(0, 2_000))
def test_the_readers_yield_articles_or_reasons_never_exceptions(text: str, junk: bytes, where: int) -> None:
    raw = text.encode("utf-8", "surrogatepass")
    raw = raw[:where] + junk + raw[where:]  # stray bytes that are not UTF-8, NULs included
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        (base / "a.txt").write_bytes(raw)
        (base / "b.html").write_bytes(b"<html><head><title>" + raw[:80] + b"</title></head><body><p>" + raw
                                      + b"</p></body></html>")
        record = {"text": text, "title": text[:60], "source": text[-20:], "published": text[:12]}
        line = json.dumps(record)  # lone surrogates become \\udxxx escapes, as a scraper's JSON has them
        (base / "c.jsonl").write_text(line + "\n" + line[: where % max(1, len(line))] + "\n", encoding="utf-8")
        items = _articles(base)
    assert len(items) >= 3
