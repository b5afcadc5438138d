"""Readers: plain text, HTML and JSON Lines into Articles; every kind of bad input becomes a RejectedInput."""

from __future__ import annotations

import io
import json
import sys
import time
from pathlib import Path

import pytest

from kronika.errors import RejectedInput
from kronika.models import Article
from kronika.readers import (
    MAX_LINE_BYTES,
    MAX_TEXT_BYTES,
    decode_text,
    iter_articles,
    read_file,
    split_metadata_line,
)

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
DATA = Path(__file__).parent / "data" / "readers"

STORY = (
    "Kharkiv, Ukraine (AFP) March 3, 2025 - Russian glide bombs hit a market in Kharkiv on Monday, killing "
    "three people and injuring 14, the regional governor said.\n\n"
    "Firefighters worked through the night to put out the blaze, officials said.\n"
)


def _write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


def _reason(exc: pytest.ExceptionInfo[RejectedInput]) -> str:
    reason = exc.value.reason
    assert "\n" not in reason, "a reason is one line"
    return reason


# --------------------------------------------------------------------------------------- plain text


def test_plain_utf8_text_is_read_whole(tmp_path: Path) -> None:
    path = _write(tmp_path, "a.txt", STORY)
    [article] = read_file(path)
    assert article.text == STORY
    assert article.path == str(path)
    assert article.metadata_date is None and article.title is None


def test_metadata_line_becomes_metadata_date_and_rest_stays_first_paragraph(tmp_path: Path) -> None:
    text = " date 2025-03-03 Glide bombs kill three at Kharkiv market\n\nThe attack came at midday.\n"
    [article] = read_file(_write(tmp_path, "m.txt", text))
    assert article.metadata_date == "2025-03-03"
    assert article.text.startswith("Glide bombs kill three at Kharkiv market\n\nThe attack")


@pytest.mark.parametrize(
    ("text", "date", "rest"),
    [
        ("date 2024-01-02 Headline here\nBody.", "2024-01-02", "Headline here\nBody."),
        ("Date: 2024-01-02T10:15:00Z Lead sentence.", "2024-01-02", "Lead sentence."),
        ("date 2024/01/02 Headline", "2024-01-02", "Headline"),
        (" date None Headline\nBody.", None, "Headline\nBody."),
        ("date 2024-01-02\nBody.", "2024-01-02", "\nBody."),
        # Not a metadata line: the word "date" inside prose, or no ISO day after it.
        ("The date 2024-01-02 was chosen.", None, "The date 2024-01-02 was chosen."),
        ("date of the attack: unknown", None, "date of the attack: unknown"),
        ("dated 2024-01-02 letter", None, "dated 2024-01-02 letter"),
        ("Date palms were hit.", None, "Date palms were hit."),
        ("date 2024-01-02x", None, "date 2024-01-02x"),
    ],
)
def test_split_metadata_line(text: str, date: str | None, rest: str) -> None:
    assert split_metadata_line(text) == (date, rest)


def test_cp1252_text_is_decoded_with_its_curly_quotes_and_dashes(tmp_path: Path) -> None:
    text = "Ukraine\u2019s air force said \u201cmost\u201d drones were downed \u2013 officials.\n" * 3
    [article] = read_file(_write(tmp_path, "legacy.txt", text.encode("cp1252")))
    assert article.text == text


def test_utf8_with_a_stray_legacy_byte_stays_utf8(tmp_path: Path) -> None:
    text = "Ukraine\u2019s air force said \u201cmost\u201d drones were downed.\n" * 3
    data = text.encode("utf-8") + b"The mayor\x92s office confirmed it.\n"
    [article] = read_file(_write(tmp_path, "mixed.txt", data))
    assert article.text == text + "The mayor\ufffds office confirmed it.\n"


def test_utf8_bom_with_a_stray_byte_is_still_utf8(tmp_path: Path) -> None:
    data = b"\xef\xbb\xbf" + b"Kyiv\xe2\x80\x99s mayor said the strike killed \x96 three people.\n" * 3
    [article] = read_file(_write(tmp_path, "bom-mixed.txt", data))
    assert article.text.startswith("Kyiv\u2019s mayor said the strike killed \ufffd three people.\n")


def test_latin1_accents_in_cp1252_text(tmp_path: Path) -> None:
    text = "The charg\u00e9 d\u2019affaires in Ankara said talks would resume.\n"
    [article] = read_file(_write(tmp_path, "accents.txt", text.encode("cp1252")))
    assert article.text == text


def test_cyrillic_legacy_encoding_goes_to_the_detector(tmp_path: Path) -> None:
    text = "\u0423 \u041a\u0438\u0454\u0432\u0456 \u043f\u0440\u043e\u043b\u0443\u043d\u0430\u043b\u0438 " * 40
    [article] = read_file(_write(tmp_path, "cyr.txt", text.encode("cp1251")))
    assert "\u041a\u0438\u0454\u0432" in article.text


@pytest.mark.parametrize("codec", ["utf-8-sig", "utf-16", "utf-16-le", "utf-16-be"])
def test_byte_order_marks_and_utf16(tmp_path: Path, codec: str) -> None:
    data = STORY.encode(codec)  # utf-16-le/-be carry no BOM: recognised by the NUL in every other byte
    [article] = read_file(_write(tmp_path, "bom.txt", data))
    assert article.text == STORY


def test_empty_file_is_rejected(tmp_path: Path) -> None:
    with pytest.raises(RejectedInput) as exc:
        read_file(_write(tmp_path, "empty.txt", b""))
    assert _reason(exc) == "empty file"


def test_whitespace_only_file_is_rejected(tmp_path: Path) -> None:
    with pytest.raises(RejectedInput) as exc:
        read_file(_write(tmp_path, "blank.txt", " \n\t\n\u00a0\n"))
    assert "empty" in _reason(exc)


def test_metadata_line_alone_is_rejected(tmp_path: Path) -> None:
    with pytest.raises(RejectedInput) as exc:
        read_file(_write(tmp_path, "meta-only.txt", " date 2025-01-01 \n\n"))
    assert "no text" in _reason(exc)


def test_binary_with_nul_bytes_is_rejected(tmp_path: Path) -> None:
    data = bytes(range(256)) * 20
    with pytest.raises(RejectedInput) as exc:
        read_file(_write(tmp_path, "blob.txt", data))
    assert "binary" in _reason(exc)


def test_known_binary_formats_are_named(tmp_path: Path) -> None:
    with pytest.raises(RejectedInput) as exc:
        read_file(_write(tmp_path, "report.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n"))
    assert "PDF" in _reason(exc)


def test_control_character_soup_without_nul_is_binary(tmp_path: Path) -> None:
    data = bytes(b for b in range(1, 32) if b not in (9, 10, 13)) * 50
    with pytest.raises(RejectedInput) as exc:
        read_file(_write(tmp_path, "ctl.txt", data))
    assert "binary" in _reason(exc)


def test_a_few_stray_control_characters_are_tolerated(tmp_path: Path) -> None:
    [article] = read_file(_write(tmp_path, "stray.txt", STORY + "\x0b\n"))
    assert article.text.startswith("Kharkiv")


def test_undecodable_text_is_rejected(tmp_path: Path) -> None:
    # Invalid after a UTF-16 BOM: an unpaired surrogate and an odd trailing byte.
    with pytest.raises(RejectedInput) as exc:
        read_file(_write(tmp_path, "bad16.txt", b"\xff\xfe\x00\xd8\x41"))
    assert "not valid utf-16" in _reason(exc)


def test_decode_text_prefers_utf8_over_legacy_guesses() -> None:
    assert decode_text("Zaporizhzhia \u2013 \u0417\u0430\u043f\u043e\u0440\u0456\u0436\u0436\u044f".encode()) == (
        "Zaporizhzhia \u2013 \u0417\u0430\u043f\u043e\u0440\u0456\u0436\u0436\u044f"
    )


def test_fifty_megabyte_text_is_rejected_fast_without_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:  # sparse file: 50 MB on stat, nothing on disk
        fh.truncate(50 * 1024 * 1024)
    started = time.perf_counter()
    with pytest.raises(RejectedInput) as exc:
        read_file(path)
    assert time.perf_counter() - started < 0.5
    reason = _reason(exc)
    assert "50.0 MB" in reason and f"{MAX_TEXT_BYTES // (1024 * 1024)} MB limit" in reason


def test_text_just_under_the_limit_is_read(tmp_path: Path) -> None:
    body = ("Shelling hit Nikopol overnight, officials said. " * 100 + "\n") * 20
    [article] = read_file(_write(tmp_path, "big.txt", body))
    assert len(article.text) == len(body)


def test_missing_file_is_rejected_as_no_such_file(tmp_path: Path) -> None:
    with pytest.raises(RejectedInput) as exc:
        read_file(tmp_path / "nope.txt")
    assert _reason(exc) == "no such file"


def test_txt_file_holding_a_saved_page_is_read_as_html(tmp_path: Path) -> None:
    page = "<!DOCTYPE html><html><head><title>T</title></head><body><nav>Home</nav><p>" + STORY + "</p></body></html>"
    [article] = read_file(_write(tmp_path, "saved.txt", page))
    assert "<p>" not in article.text and "glide bombs hit a market" in article.text


def test_unknown_suffix_is_read_as_text_or_sniffed_as_html(tmp_path: Path) -> None:
    [plain] = read_file(_write(tmp_path, "story.md", STORY))
    assert plain.text == STORY
    [page] = read_file(_write(tmp_path, "story", "<!DOCTYPE html><html><body><p>" + STORY + "</p></body></html>"))
    assert "glide bombs hit a market" in page.text


# --------------------------------------------------------------------------------------- HTML


def test_html_page_text_and_metadata() -> None:
    [article] = read_file(DATA / "odesa_port.html")
    assert article.title == "Drones hit Odesa grain terminal"
    assert article.source == "Example Wire"
    assert article.url == "https://example.org/world/odesa-grain-terminal"
    assert article.metadata_date == "2025-03-04"
    assert "killing two people and injuring five" in article.text
    assert "Home" not in article.text.split("\n")  # the nav bar is gone
    assert "Copyright" not in article.text


def test_html_figcaption_is_kept_as_a_marked_caption_line() -> None:
    [article] = read_file(DATA / "odesa_port.html")
    paragraphs = article.text.split("\n\n")
    caption = [p for p in paragraphs if p.startswith("Caption: ")]
    assert caption == ["Caption: Firefighters at the damaged terminal in Odesa on March 4, 2025. Photo: Example Wire"]
    # The caption keeps its place between the paragraphs it sat between.
    assert paragraphs.index(caption[0]) == 2


def test_html_caption_marked_by_class_becomes_a_caption_line(tmp_path: Path) -> None:
    page = (
        "<html><head><title>Sumy hit</title></head><body><article><h1>Sumy hit</h1>"
        "<p>Russian missiles struck the centre of Sumy on Sunday morning, killing 11 people and injuring 40, "
        "the regional military administration said in a statement.</p>"
        "<div class='Image-Caption'>Rescuers at the scene in Sumy on April 13, 2025.</div>"
        "<p>It was the deadliest strike on the city this year, officials said, and several buildings burned.</p>"
        "<figure><img src='a.jpg'></figure>trailing words stay"
        "</article></body></html>"
    )
    [article] = read_file(_write(tmp_path, "sumy.html", page))
    assert "Caption: Rescuers at the scene in Sumy on April 13, 2025." in article.text.split("\n\n")
    assert "trailing words stay" in article.text


def test_container_with_caption_in_its_class_is_not_a_caption(tmp_path: Path) -> None:
    page = "<html><body><div class='body has-captions'><p>" + STORY + "</p></div></body></html>"
    [article] = read_file(_write(tmp_path, "container.html", page))
    assert "Caption:" not in article.text and "glide bombs hit a market" in article.text


def test_broken_html_that_still_has_text_is_read(tmp_path: Path) -> None:
    broken = (
        "<html><body><div><p>Shelling hit Kherson on Monday, killing one man, local officials said in an update"
        "<p>Another shell damaged homes near the river port<div></span></b>"
    )
    [article] = read_file(_write(tmp_path, "broken.html", broken))
    assert "Shelling hit Kherson on Monday" in article.text
    assert "damaged homes near the river port" in article.text


def test_html_with_only_a_bare_div_of_text_falls_back_to_baseline(tmp_path: Path) -> None:
    [article] = read_file(_write(tmp_path, "bare.html", "<div>Kherson shelled again"))
    assert "Kherson shelled again" in article.text


def test_html_without_text_is_rejected(tmp_path: Path) -> None:
    page = "<html><head><script>var x = 1;</script><style>p{}</style></head><body><img src=a.png></body></html>"
    with pytest.raises(RejectedInput) as exc:
        read_file(_write(tmp_path, "empty.html", page))
    assert _reason(exc) == "no text could be extracted from the HTML"


def test_regression_htmldate_assertion_on_an_svg_tree_is_a_rejection_not_a_crash(tmp_path: Path) -> None:
    # htmldate's metadata pass asserts on this tree (lxml drop_tree on a parentless element).
    page = "<svg><foreignObject></html><meta charset='utf-16'><h1><html></h1><p>Kyiv was hit overnight.</p>"
    [item] = list(iter_articles([_write(tmp_path, "odd.html", page)]))
    assert isinstance(item, RejectedInput) and item.reason == "no text could be extracted from the HTML"


def test_empty_html_file_is_rejected(tmp_path: Path) -> None:
    with pytest.raises(RejectedInput) as exc:
        read_file(_write(tmp_path, "empty.htm", b"   \n"))
    assert "empty" in _reason(exc)


def test_binary_with_html_suffix_is_rejected(tmp_path: Path) -> None:
    with pytest.raises(RejectedInput) as exc:
        read_file(_write(tmp_path, "pic.html", b"\x89PNG\r\n\x1a\n" + bytes(200)))
    assert "PNG" in _reason(exc)


# --------------------------------------------------------------------------------------- JSON Lines


def _jsonl(tmp_path: Path, lines: list[str]) -> Path:
    return _write(tmp_path, "corpus.jsonl", "\n".join(lines) + "\n")


def test_jsonl_one_article_per_line_with_fields(tmp_path: Path) -> None:
    record = {
        "text": STORY,
        "title": "Kharkiv market hit",
        "url": "https://example.org/k",
        "published": "2025-03-03T18:00:00+02:00",
        "source": "Example Wire",
    }
    path = _jsonl(tmp_path, [json.dumps(record), json.dumps({"text": "Second story about Sumy."})])
    first, second = read_file(path)
    assert first == Article(
        path=f"{path}:1",
        text=STORY,
        title="Kharkiv market hit",
        url="https://example.org/k",
        source="Example Wire",
        metadata_date="2025-03-03",
    )
    assert second.path == f"{path}:2" and second.title is None and second.metadata_date is None


def test_jsonl_published_that_is_not_iso_is_kept_as_given(tmp_path: Path) -> None:
    path = _jsonl(tmp_path, [json.dumps({"text": "Story.", "published": "March 3, 2025"})])
    [article] = read_file(path)
    assert article.metadata_date == "March 3, 2025"


def test_jsonl_bad_lines_are_rejected_by_line_and_the_rest_continue(tmp_path: Path) -> None:
    path = _jsonl(
        tmp_path,
        [
            json.dumps({"text": "Good one about Odesa."}),
            "{not json",
            "[1, 2, 3]",
            json.dumps({"title": "no text here"}),
            json.dumps({"text": 42}),
            json.dumps({"text": "   "}),
            "",
            json.dumps({"text": "Good two about Dnipro."}),
        ],
    )
    items = list(iter_articles([path]))
    good = [i for i in items if isinstance(i, Article)]
    bad = {i.path: i.reason for i in items if isinstance(i, RejectedInput)}
    assert [a.text for a in good] == ["Good one about Odesa.", "Good two about Dnipro."]
    assert [a.path for a in good] == [f"{path}:1", f"{path}:8"]
    assert bad == {
        f"{path}:2": bad[f"{path}:2"],
        f"{path}:3": "line is a JSON array, not an object",
        f"{path}:4": 'record has no "text" field',
        f"{path}:5": 'record "text" is a JSON number, not a string',
        f"{path}:6": 'record has an empty "text"',
    }
    assert bad[f"{path}:2"].startswith("line is not valid JSON")


def test_read_file_is_strict_about_a_bad_jsonl_line(tmp_path: Path) -> None:
    path = _jsonl(tmp_path, [json.dumps({"text": "ok"}), "oops"])
    with pytest.raises(RejectedInput) as exc:
        read_file(path)
    assert exc.value.path == f"{path}:2"


def test_jsonl_line_over_the_limit_is_skipped_unread(tmp_path: Path) -> None:
    path = tmp_path / "big.ndjson"
    with path.open("wb") as fh:
        fh.write(json.dumps({"text": "first"}).encode() + b"\n")
        fh.write(b'{"text": "' + b"x" * (MAX_LINE_BYTES + 10) + b'"}\n')
        fh.write(json.dumps({"text": "third"}).encode() + b"\n")
    items = list(iter_articles([path]))
    assert [getattr(i, "text", None) for i in items] == ["first", None, "third"]
    assert isinstance(items[1], RejectedInput) and items[1].path == f"{path}:2"
    assert "limit" in items[1].reason


def test_jsonl_not_utf8_line_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "latin.jsonl"
    path.write_bytes(b'{"text": "caf\xe9"}\n')
    [item] = list(iter_articles([path]))
    assert isinstance(item, RejectedInput) and "UTF-8" in item.reason


def test_empty_jsonl_is_rejected(tmp_path: Path) -> None:
    path = _write(tmp_path, "empty.jsonl", "\n\n")
    [item] = list(iter_articles([path]))
    assert isinstance(item, RejectedInput) and "empty" in item.reason


# --------------------------------------------------------------------------------------- iter_articles


def test_iter_articles_walks_directories_and_never_raises(tmp_path: Path) -> None:
    _write(tmp_path, "b.txt", STORY)
    sub = tmp_path / "sub"
    sub.mkdir()
    _write(sub, "a.html", "<html><body><p>" + STORY + "</p></body></html>")
    _write(sub, "c.jsonl", json.dumps({"text": "From the corpus."}) + "\n")
    _write(sub, "empty.txt", "")
    _write(sub, "notes.csv", "ignored,because,suffix\n")
    hidden = tmp_path / ".git"
    hidden.mkdir()
    _write(hidden, "x.txt", "ignored: hidden directory")
    items = list(iter_articles([tmp_path, tmp_path / "missing.txt"]))
    names = [(type(i).__name__, Path(i.path.split(":")[0]).name) for i in items]
    assert names == [
        ("Article", "b.txt"),
        ("Article", "a.html"),
        ("Article", "c.jsonl"),
        ("RejectedInput", "empty.txt"),
        ("RejectedInput", "missing.txt"),
    ]


def test_iter_articles_reports_a_directory_without_articles(tmp_path: Path) -> None:
    _write(tmp_path, "readme.csv", "a,b\n")
    [item] = list(iter_articles([tmp_path]))
    assert isinstance(item, RejectedInput) and "no .txt" in item.reason


def test_dash_reads_stdin_as_plain_text(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = io.TextIOWrapper(io.BytesIO(b" date 2025-02-01 Kyiv under attack\nBody text."), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", fake)
    [article] = list(iter_articles(["-"]))
    assert isinstance(article, Article)
    assert article.path == "<stdin>" and article.metadata_date == "2025-02-01"
    assert article.text == "Kyiv under attack\nBody text."


# --------------------------------------------------------------------------------------- seeds


@pytest.mark.skipif(not SEEDS.is_dir(), reason="shared seeds not present")
def test_seeds_read_with_their_metadata_lines() -> None:
    articles = {Path(a.path).name[:3]: a for a in iter_articles([SEEDS]) if isinstance(a, Article)}
    assert sorted(articles) == ["000", "001", "002", "003", "004"]
    assert articles["000"].metadata_date == "2024-11-01"
    assert articles["000"].text.startswith("Russian says key city falls;. Missiles kill 10;")
    assert articles["001"].metadata_date == "2025-11-14"
    assert articles["001"].text.startswith("Just hours after offering to attend peace talks in Istanbul")
    for key in ("002", "003", "004"):
        assert articles[key].metadata_date is None
    assert "\u2019" in articles["004"].text  # UTF-8 curly quotes decoded, not mojibake


def test_jsonl_publication_time_under_a_crawler_s_own_key(tmp_path: Path) -> None:
    lines = [json.dumps({"text": "Story.", key: "2025-03-03T18:00:00Z"}) for key in ("pubDate", "datePublished")]
    path = _jsonl(tmp_path, [*lines, json.dumps({"text": "Story.", "published": "2025-03-04", "date": "2025-03-09"})])
    assert [a.metadata_date for a in read_file(path)] == ["2025-03-03", "2025-03-03", "2025-03-04"]
