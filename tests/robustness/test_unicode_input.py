"""Broken text at the reader boundary: normalised once, so nothing downstream sees text it cannot encode.

Table rows: a lone UTF-16 surrogate in JSON Lines text or title (an emoji cut in half by a scraper) raised
UnicodeEncodeError in the tokenizer and stopped the batch; one NUL byte in a .txt rejected the whole article.
"""

from __future__ import annotations

import json
import os
import unicodedata
from pathlib import Path

from robust_cases import kronika

from kronika.errors import RejectedInput
from kronika.models import Article, DocumentResult
from kronika.pipeline import extract_paths, extract_text
from kronika.readers import iter_articles, normalise_text, read_file

STORY = "KYIV, Nov 19 (Northline Wire) - Russian drones struck Kharkiv overnight, killing 3 people, the governor said."


def _encodable(text: str | None) -> bool:
    if text is None:
        return True
    text.encode("utf-8")
    return "\x00" not in text


def test_a_lone_surrogate_in_a_string_is_replaced_not_fatal() -> None:
    result = extract_text("Kyiv \udfff")
    assert result.text == "Kyiv \ufffd"
    result = extract_text(STORY.replace("overnight", "overnight \ud83d"), title="Strike \udfff")
    assert "\ufffd" in result.text and result.events
    assert all(result.text[e.span[0] : e.span[1]] == e.quote for e in result.events)


def test_normalisation_keeps_pairs_drops_nul_and_composes_accents() -> None:
    assert normalise_text("a\ud83d\ude00b") == "a\U0001f600b"  # a pair kept as the emoji it encodes
    assert normalise_text("\ud83d x \ude00") == "\ufffd x \ufffd"
    assert normalise_text("Kyi\x00v") == "Kyiv"
    assert normalise_text("Dnipro cafe\u0301") == "Dnipro caf\u00e9"
    assert normalise_text("x\u00b2 \ufb01re \u200f\u202e") == "x\u00b2 \ufb01re \u200f\u202e"  # no NFKC, marks kept
    assert unicodedata.is_normalized("NFC", normalise_text("e\u0301" * 10))


def test_json_lines_with_lone_surrogates_in_text_and_title_go_through(tmp_path: Path) -> None:
    corpus = tmp_path / "feed.jsonl"
    lines = [
        '{"text": "' + json.dumps(STORY)[1:-1].replace("overnight", "overnight \\udfff") + '",'
        ' "title": "Drones \\ud83d hit Kharkiv"}',
        json.dumps({"text": STORY.replace("Kharkiv", "Odesa"), "source": "Wire \x00"}),
    ]
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    articles = list(iter_articles([corpus]))
    assert all(isinstance(a, Article) for a in articles)
    assert articles[0].title == "Drones \ufffd hit Kharkiv" and "overnight \ufffd" in articles[0].text
    assert articles[1].source == "Wire"
    results = list(extract_paths([corpus]))
    assert [type(r) for r in results] == [DocumentResult, DocumentResult]
    for r in results:
        assert _encodable(r.text) and _encodable(r.title) and r.events


def test_one_nul_byte_in_a_text_file_is_dropped_not_the_article(tmp_path: Path) -> None:
    path = tmp_path / "scraped.txt"
    path.write_bytes(STORY.encode("utf-8").replace(b"drones", b"dro\x00nes"))
    [article] = read_file(path)
    assert "drones" in article.text and "\x00" not in article.text
    [result] = list(extract_paths([path]))
    assert isinstance(result, DocumentResult) and result.events


def test_binary_data_with_nuls_is_still_refused(tmp_path: Path) -> None:
    path = tmp_path / "blob.txt"
    path.write_bytes(b"\x00\x01\x02\x03 Kyiv \x00\x00\x00\x00" * 200)
    [rejected] = list(iter_articles([path]))
    assert isinstance(rejected, RejectedInput) and "binary" in rejected.reason


def test_a_file_name_that_is_not_utf8_is_read_reported_and_stored(tmp_path: Path) -> None:
    name = os.fsdecode(b"report-\xff\xfe.txt")
    (tmp_path / name).write_text(STORY, encoding="utf-8")
    (tmp_path / os.fsdecode(b"empty-\xff.txt")).write_text("", encoding="utf-8")
    [rejected, article] = list(iter_articles([tmp_path]))  # sorted by name: empty-... first
    assert isinstance(article, Article) and article.path.endswith("report-\ufffd\ufffd.txt")
    assert isinstance(rejected, RejectedInput) and "\ufffd" in rejected.path
    db = tmp_path / "ledger.db"
    result = kronika("ingest", str(tmp_path), "--db", str(db))
    assert result.returncode == 1 and "Traceback" not in result.stderr  # 1: the empty file is rejected
    assert "1 new" in result.stdout
    assert "empty" in result.stderr
