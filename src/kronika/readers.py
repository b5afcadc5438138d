"""Read input documents into `Article`s: plain text, HTML pages and JSON Lines corpora.

    iter_inputs(paths)    the files every command reads: folders walked the one way described there
    iter_articles(paths)  the articles of those files and of "-" (stdin); yields Article or RejectedInput
    read_file(path)       one file -> its articles; raises RejectedInput for a bad file
    normalise_text(text)  what every text, title and name read here goes through (see there)

A bad document never stops a batch: it becomes a `RejectedInput` with a one-line reason and the rest go on.

Size limits (why: a news article is a few KB; anything far bigger is a mistake or an attack on memory):
    MAX_TEXT_BYTES   5 MB for one plain-text article (checked with stat, so a 50 MB file is refused unread)
    MAX_HTML_BYTES  20 MB for one HTML page (markup, scripts and inline data weigh far more than the story)
    MAX_LINE_BYTES   5 MB for one line of a JSON Lines corpus (the corpus itself may be any size)

Metadata (a leading `date YYYY-MM-DD ...` line, HTML meta tags, JSON fields) is recorded as evidence on the
Article; nothing here decides whether it is true.

This is the one boundary where outside text comes in, so it is normalised here, once: no later stage sees a
character it cannot encode.
"""

from __future__ import annotations

import json
import logging
import os
import re
import stat
import sys
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from kronika.errors import RejectedInput
from kronika.models import Article

__all__ = [
    "HTML_SUFFIXES",
    "JSONL_SUFFIXES",
    "MAX_HTML_BYTES",
    "MAX_LINE_BYTES",
    "MAX_TEXT_BYTES",
    "MAX_TEXT_CHARS",
    "TEXT_SUFFIXES",
    "article_from_json",
    "decode_text",
    "iter_articles",
    "iter_file",
    "iter_inputs",
    "normalise_article",
    "normalise_text",
    "read_file",
    "read_html",
    "split_metadata_line",
]

MB = 1024 * 1024
# The longest text extraction accepts (and `geocode --context`): a news article is a few thousand characters, a
# day-long live blog a few hundred thousand; extraction is linear at about 50,000 characters a second on one
# core, so the longest one accepted takes under two minutes.
MAX_TEXT_CHARS = 5_000_000
MAX_TEXT_BYTES = 5 * MB
MAX_HTML_BYTES = 20 * MB
MAX_LINE_BYTES = 5 * MB

TEXT_SUFFIXES = frozenset({".txt", ".text"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
READABLE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES

STDIN = "-"

# Magic numbers of formats people drop into a folder of articles by mistake: named in the reason.
_MAGIC = (
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x7fELF", "an executable"),
    (b"SQLite format 3", "a SQLite database"),
)
_UTF8_BOM = b"\xef\xbb\xbf"
_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
# Control characters that never occur in text (tab, newlines, form feed and ESC-free text only).
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f\ufffd]")
_HTML_SNIFF = re.compile(rb"^\s*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])", re.IGNORECASE)
# The seeds' scraper writes the page date as a first line " date 2025-11-14 <headline or lead>".
_METADATA_LINE = re.compile(
    r"\A[ \t\ufeff]*date[ \t]*[:=]?[ \t]*"
    r"(?:(?P<y>\d{4})(?P<sep>[-/.])(?P<m>\d{2})(?P=sep)(?P<d>\d{2})"
    r"(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"  # an optional time of day is dropped
    r"|none|null|nan|unknown|n/a)"  # the scraper had no date: the line is still a metadata line
    r"(?:[ \t]+|(?=\r?\n)|\Z)",
    re.IGNORECASE,
)
_ISO_DAY = re.compile(r"^\s*(\d{4}-\d{2}-\d{2})(?:$|[T ])")


# ---------------------------------------------------------------------------------------------- public API


def iter_articles(
    paths: Iterable[str | Path], *, follow_symlinks: bool = False
) -> Iterator[Article | RejectedInput]:
    """Yield every article found under `paths`, and a RejectedInput for every document that cannot be read.

    Files are found as `iter_inputs` finds them; "-" reads stdin as plain text. A JSON Lines corpus yields one
    Article per line and a RejectedInput naming "file:lineno" for each bad line. Never raises for a bad document.
    """
    for item in iter_inputs(paths, follow_symlinks=follow_symlinks):
        if isinstance(item, RejectedInput):
            yield item
        elif str(item) == STDIN:
            yield from _guard("<stdin>", lambda: [_read_stdin()])
        else:
            yield from iter_file(item)


def iter_inputs(paths: Iterable[str | Path], *, follow_symlinks: bool = False) -> Iterator[Path | RejectedInput]:
    """The files that `paths` name, in order, as every command reads them; a RejectedInput for each refused.

    A file named on its own is read whatever its suffix, through a symlink too; "-" (stdin) is passed on as
    Path("-"). A folder is walked recursively, sorted, for .txt, .text, .html, .htm, .jsonl and .ndjson files:
    hidden files and folders are skipped; a symlink whose target lies outside the folder is refused with a
    reason (not read) unless `follow_symlinks`; a file reached twice (through a symlink inside the folder) is
    read once. The command's own output file (`kronika extract DIR > DIR/out.txt`) is never read back.
    """
    own = _own_outputs()
    seen: set[tuple[int, int]] = set()
    for raw in paths:
        path = str(raw)
        if path == STDIN:
            yield Path(STDIN)
            continue
        p = Path(path)
        if p.is_dir():
            found = False
            for item in _walk(p, follow_symlinks, own, seen):
                found = True
                yield item
            if not found:
                yield RejectedInput(display_name(path), f"folder holds no {_SUFFIX_LIST} files")
        elif not p.exists():
            why = "broken symlink" if p.is_symlink() else "no such file or folder"
            yield RejectedInput(display_name(path), why)
        elif _identity(p) in own:
            yield RejectedInput(display_name(path), "is where this command writes its output: not read")
        else:
            yield p


def iter_file(path: str | Path) -> Iterator[Article | RejectedInput]:
    """Like `read_file`, but a bad file or a bad JSON Lines line is yielded as a RejectedInput, not raised."""
    p = Path(path)
    if p.suffix.lower() in JSONL_SUFFIXES and p.is_file():
        try:
            yield from _iter_jsonl(p)
        except RejectedInput as rejected:
            yield rejected
        except OSError as exc:
            yield RejectedInput(display_name(p), f"cannot read: {exc.strerror or exc}")
        return
    yield from _guard(display_name(p), lambda: read_file(p))


def read_file(path: str | Path) -> list[Article]:
    """Read one file into its articles (one for a text or HTML file, one per line of a JSON Lines corpus).

    Raises RejectedInput(path, reason) when the file cannot be read as an article: missing, empty, binary,
    undecodable, too large, HTML without extractable text. read_file is strict with JSON Lines: the first bad
    line rejects the call (as "file:lineno"); use `iter_articles` to keep the good lines of a mixed corpus.
    """
    p = Path(path)
    name = display_name(path)
    if not p.exists():
        raise RejectedInput(name, "no such file")
    if p.is_dir():
        raise RejectedInput(name, "is a directory (pass it to iter_articles to walk it)")
    suffix = p.suffix.lower()
    try:
        if suffix in JSONL_SUFFIXES:
            articles: list[Article] = []
            for item in _iter_jsonl(p):
                if isinstance(item, RejectedInput):
                    raise item
                articles.append(item)
            if not articles:
                raise RejectedInput(name, "empty file (no JSON Lines records)")
            return articles
        # Unknown suffixes may turn out to be HTML (sniffed below), so they get the HTML limit at first.
        limit = MAX_TEXT_BYTES if suffix in TEXT_SUFFIXES else MAX_HTML_BYTES
        size = p.stat().st_size
        if size > limit:
            raise RejectedInput(name, _too_large(size, limit))
        with p.open("rb") as fh:
            data = fh.read(limit + 1)  # stat can lie (pipes, /proc): never read past the limit
    except OSError as exc:
        raise RejectedInput(name, f"cannot read: {exc.strerror or exc}") from None
    # A page saved with a .txt name is still a page: markup at the very start is read as HTML.
    if suffix in HTML_SUFFIXES or _HTML_SNIFF.match(data[:1024]):
        return [_article_from_html(name, data)]
    if len(data) > MAX_TEXT_BYTES:
        raise RejectedInput(name, _too_large(len(data), MAX_TEXT_BYTES))
    return [_article_from_text(name, data)]


def decode_text(data: bytes) -> str:
    """Decode bytes of a text document, or raise ValueError with a one-line reason.

    UTF-8 (with or without BOM) and UTF-16/32 with a BOM are taken at their word, as is text that is mostly
    UTF-8 with a few stray bytes; anything else goes through charset_normalizer. English news in a legacy
    encoding is nearly always cp1252 (curly quotes, dashes), and on short texts the detector often names a
    sibling code page that turns those into other letters, so a mostly-ASCII text that decodes as cp1252 is
    read as cp1252. A few NUL bytes (at most 1%, and not UTF-16) are dropped; more make the data binary.
    """
    if not data:
        raise ValueError("empty file")
    if data.startswith(_UTF8_BOM):
        data = data[len(_UTF8_BOM) :]  # then read as any UTF-8 text, stray bytes and all
        if not data:
            raise ValueError("empty file")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                raise ValueError(f"starts with a {codec.upper()} byte-order mark but is not valid {codec}") from None
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise ValueError(f"binary file ({what}), not text")
    if b"\x00" in data:
        text = _try_bomless_utf16(data)
        if text is not None:
            return text
        if data.count(0) <= max(4, len(data) // 100):
            try:  # a stray NUL or two in scraped text: dropped, the article kept
                return decode_text(data.replace(b"\x00", b""))
            except ValueError:
                pass
        raise ValueError("binary file (contains NUL bytes), not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # Scraped text is often UTF-8 with a few stray legacy bytes pasted in: keep the UTF-8 (its curly quotes would
    # turn to mojibake under cp1252) and let the stray bytes become U+FFFD.
    lenient = data.decode("utf-8", errors="replace")
    stray = lenient.count("\ufffd")
    multibyte = sum(1 for ch in lenient if ch > "\x7f") - stray
    if multibyte >= stray:  # cp1252 prose almost never forms a valid UTF-8 sequence by chance
        return lenient
    non_ascii = sum(1 for b in data if b > 0x7F)
    if non_ascii <= max(8, len(data) // 20):
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            pass  # cp1252 leaves five bytes undefined: let the detector decide
    from charset_normalizer import from_bytes  # imported late: only legacy-encoded files need it

    best = from_bytes(data).best()
    if best is None:
        raise ValueError("cannot be decoded as text (unknown encoding)")
    return str(best)


def normalise_text(text: str) -> str:
    """Text that every later stage can encode and compare: the one normalisation of outside text.

    Lone UTF-16 surrogates (an emoji cut in half by a scraper, escapes in JSON) become U+FFFD and a surrogate
    pair becomes the character it encodes; NUL characters are dropped; the text is put in Unicode NFC, which
    only composes accents written as two code points ("e" + U+0301 -> "é") and changes no letter, digit or
    punctuation mark (NFKC would: it turns "²" into "2" and "ﬁ" into "fi", so it is not used).
    """
    if "\x00" in text:
        text = text.replace("\x00", "")
    if not _encodable(text):
        text = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    if not text.isascii() and not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text


def normalise_article(article: Article) -> Article:
    """The article with every field through `normalise_text` (the same object when nothing changes), for
    articles made by a caller rather than read here."""
    fields = ("path", "text", "title", "url", "source", "metadata_date")
    values = {f: getattr(article, f) for f in fields}
    clean = {f: v if v is None else normalise_text(v) for f, v in values.items()}
    return article if clean == values else Article(**clean)  # type: ignore[arg-type]


def display_name(path: str | Path) -> str:
    """A file name as kronika reports and stores it: bytes that are not UTF-8 (kept by the OS as lone
    surrogates) become U+FFFD, so the name can be printed and stored."""
    return normalise_text(str(path))


def split_metadata_line(text: str) -> tuple[str | None, str]:
    """Split a leading " date 2025-11-14 <rest>" line into ("2025-11-14", text-with-rest-as-first-paragraph).

    The rest of the line is kept: in scraped files it is the headline or the lead paragraph.
    """
    match = _METADATA_LINE.match(text)
    if match is None:
        return None, text
    day = f"{match['y']}-{match['m']}-{match['d']}" if match["y"] else None
    return day, text[match.end() :]


def read_html(name: str, data: bytes) -> Article:
    """One HTML page given as bytes (a page fetched by `kronika watch`) -> its Article, read as an .html file
    is; raises RejectedInput(name, reason). The caller bounds the size."""
    return _article_from_html(name, data)


# ---------------------------------------------------------------------------------------------- readers


def _article_from_text(path: str, data: bytes) -> Article:
    try:
        text = decode_text(data)
    except ValueError as exc:
        raise RejectedInput(path, str(exc)) from None
    text = normalise_text(text)
    _check_is_text(path, text)
    metadata_date, text = split_metadata_line(text)
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise RejectedInput(path, "no text after the metadata line")
    return Article(path=path, text=text, metadata_date=metadata_date)


def _article_from_html(path: str, data: bytes) -> Article:
    import trafilatura  # imported late: loading it costs ~0.3 s and text-only runs never need it

    _quiet_html_loggers()

    if not data.strip():
        raise RejectedInput(path, "empty file")
    try:
        markup = normalise_text(decode_text(data))  # lxml refuses NUL and lone surrogates
    except ValueError as exc:
        raise RejectedInput(path, str(exc)) from None
    doc = None
    for with_metadata in (True, False):
        try:
            doc = _extract_html(markup, with_metadata)
            break
        except Exception:  # noqa: BLE001 - parser bugs on malformed pages (htmldate asserts on odd trees)
            continue  # retried without the metadata pass, where those bugs live; then the baseline below
    text = (getattr(doc, "text", None) or "").strip()
    if not text:
        # trafilatura gives up on pages it judges to have no main content (a bare <div> of text, markup
        # broken enough to hide the body): its baseline still returns every text node.
        try:
            tree = _parse_html(markup)
            text = (trafilatura.baseline(tree)[1] or "").strip() if tree is not None else ""
        except Exception:  # noqa: BLE001 - as above: a page the parsers choke on has no text to give
            text = ""
    if not text:
        raise RejectedInput(path, "no text could be extracted from the HTML")
    # trafilatura separates blocks with one newline; a blank line makes paragraphs explicit, as in the seeds.
    text = normalise_text("\n\n".join(line.strip() for line in text.splitlines() if line.strip()))
    return Article(
        path=path,
        text=text,
        title=_clean_meta(getattr(doc, "title", None)),
        url=_clean_meta(getattr(doc, "url", None)),
        source=_clean_meta(getattr(doc, "sitename", None)),
        metadata_date=_iso_day(getattr(doc, "date", None)),
    )


def _parse_html(markup: str) -> object | None:
    from trafilatura.utils import load_html

    tree = load_html(markup)
    return tree if tree is not None else _parse_fragment(markup)


def _extract_html(markup: str, with_metadata: bool) -> object | None:
    """trafilatura's main-text extraction (a fresh tree each time: extraction prunes the tree it is given)."""
    import trafilatura

    tree = _parse_html(markup)
    if tree is None:
        return None
    _captions_to_paragraphs(tree)
    return trafilatura.bare_extraction(
        tree,
        with_metadata=with_metadata,
        include_comments=False,
        include_tables=False,
        # Metadata only: a date found in the body by htmldate's text search would be a guess, not metadata.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )


def _quiet_html_loggers() -> None:
    """trafilatura and htmldate log parse trouble at ERROR level; with no handler configured Python prints it to
    stderr. A bad page is reported once, as a RejectedInput reason, so their chatter is turned down."""
    for name in ("trafilatura", "htmldate", "courlan"):
        logging.getLogger(name).setLevel(logging.CRITICAL)


def _parse_fragment(markup: str) -> object | None:
    """Parse markup that trafilatura's loader refuses (a fragment with no <html>), or None when lxml can't."""
    from lxml import etree
    from lxml import html as lxml_html

    try:
        return lxml_html.document_fromstring(markup)
    except (etree.ParserError, ValueError):
        return None


def _captions_to_paragraphs(tree: object) -> None:
    """Replace each <figure>, and each short element whose class names it a caption, by "Caption: <its text>".

    trafilatura drops figures with their captions, but captions carry dates and places that dating may use;
    the "Caption:" prefix is what the cleaner marks as a caption, so they never yield events.
    """
    for figure in list(tree.iter("figure")):  # type: ignore[attr-defined]
        if figure.getparent() is None:
            continue
        caption = figure.find(".//figcaption")
        _replace_with_caption(figure, caption.text_content() if caption is not None else "")
    # Sites without <figure> mark captions by class: <p class="image-caption">, <div class="caption-text">.
    for element in tree.xpath(_CAPTION_CLASS_XPATH):  # type: ignore[attr-defined]
        if element.getparent() is None:
            continue
        if element.xpath(".//p|.//h1|.//h2|.//h3|.//article|.//section"):
            continue  # a container ("with-captions") holding paragraphs of the story is not a caption
        text = element.text_content()
        if len(text) <= _CAPTION_MAX_CHARS and not text.lstrip().startswith("Caption: "):
            _replace_with_caption(element, text)


_CAPTION_CLASS_XPATH = (
    "//*[self::p or self::div or self::span][contains(translate(@class, 'CAPTION', 'caption'), 'caption')]"
)
_CAPTION_MAX_CHARS = 800


def _replace_with_caption(element: object, text: str) -> None:
    from lxml import html as lxml_html

    words = " ".join(text.split())
    if not words:
        element.drop_tree()  # type: ignore[attr-defined]  # keeps the text that follows the element
        return
    paragraph = lxml_html.Element("p")
    paragraph.text = f"Caption: {words}"
    paragraph.tail = element.tail  # type: ignore[attr-defined]
    element.getparent().replace(element, paragraph)  # type: ignore[attr-defined]


def _iter_jsonl(path: Path) -> Iterator[Article | RejectedInput]:
    """One Article per line; a bad line yields a RejectedInput named "file:lineno" and reading goes on."""
    name = display_name(path)
    found_any = False
    with path.open("rb") as fh:
        for lineno, line, oversize in _lines(fh):
            where = f"{name}:{lineno}"
            if oversize:
                yield RejectedInput(where, _too_large(oversize, MAX_LINE_BYTES, what="line"))
                found_any = True
                continue
            if not line.strip():
                continue  # blank lines separate nothing in JSON Lines; skipping them loses nothing
            found_any = True
            try:
                yield _article_from_json_line(where, line, first=lineno == 1)
            except RejectedInput as rejected:
                yield rejected
    if not found_any:
        yield RejectedInput(name, "empty file (no JSON Lines records)")


def article_from_json(where: str, line: bytes) -> Article:
    """One JSON Lines record (text, and optionally title, url, source, published) as an Article.

    Raises RejectedInput with a one-line reason, as reading a corpus does for a bad line.
    """
    return _article_from_json_line(where, line, first=False)


# where crawlers and feed exporters put the publication time ("published" first: it is the documented one)
_PUBLISHED_KEYS = ("published", "published_at", "publishedAt", "date_published", "datePublished", "pubDate", "date")


def _article_from_json_line(where: str, line: bytes, first: bool) -> Article:
    if first and line.startswith(_UTF8_BOM):
        line = line[len(_UTF8_BOM) :]
    try:
        record = json.loads(line)
    except UnicodeDecodeError:
        raise RejectedInput(where, "line is not UTF-8 text") from None
    except ValueError as exc:
        msg = str(exc).split(":")[0]
        raise RejectedInput(where, f"line is not valid JSON ({msg})") from None
    if not isinstance(record, dict):
        raise RejectedInput(where, f"line is a JSON {_json_kind(record)}, not an object")
    text = record.get("text")
    if not isinstance(text, str):
        why = "has no \"text\" field" if text is None else f"\"text\" is a JSON {_json_kind(text)}, not a string"
        raise RejectedInput(where, f"record {why}")
    text = normalise_text(text)
    if not text.strip():
        raise RejectedInput(where, "record has an empty \"text\"")
    _check_is_text(where, text)
    line_date, text = split_metadata_line(text)
    published = _iso_day(next((v for key in _PUBLISHED_KEYS if (v := _meta_str(record.get(key)))), None))
    return Article(
        path=where,
        text=text,
        title=_clean_meta(_meta_str(record.get("title"))),
        url=_clean_meta(_meta_str(record.get("url"))),
        source=_clean_meta(_meta_str(record.get("source"))),
        metadata_date=published or line_date,
    )


def _read_stdin() -> Article:
    stream = getattr(sys.stdin, "buffer", None)
    data = stream.read(MAX_TEXT_BYTES + 1) if stream is not None else sys.stdin.read().encode("utf-8")
    if len(data) > MAX_TEXT_BYTES:
        raise RejectedInput("<stdin>", f"more than the {MAX_TEXT_BYTES // MB} MB limit for one article")
    return _article_from_text("<stdin>", data)


# ---------------------------------------------------------------------------------------------- helpers


def _guard(name: str, read: Callable[[], list[Article]]) -> Iterator[Article | RejectedInput]:
    """Run a reader; turn a rejection or an OS error into a yielded RejectedInput."""
    try:
        articles = read()
    except RejectedInput as rejected:
        yield rejected
        return
    except OSError as exc:
        yield RejectedInput(name, f"cannot read: {exc.strerror or exc}")
        return
    yield from articles


_SUFFIX_LIST = ".txt, .text, .html, .htm, .jsonl or .ndjson"


def _walk(
    root: Path, follow_symlinks: bool, own: set[tuple[int, int]], seen: set[tuple[int, int]]
) -> Iterator[Path | RejectedInput]:
    """The readable files under `root`, sorted, with the rules `iter_inputs` gives."""
    real_root = os.path.realpath(root)
    visited = {_identity(root)}  # folders already walked: a symlink loop is walked once
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            yield RejectedInput(display_name(folder), f"cannot read folder: {exc.strerror or exc}")
            continue
        subfolders = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = Path(entry.path)
            try:
                is_dir = entry.is_dir()  # follows a symlink
            except OSError:
                is_dir = False
            if is_dir:
                if entry.is_symlink() and not follow_symlinks:
                    if not _inside(path, real_root):
                        yield RejectedInput(display_name(path), _outside(path, "folder"))
                    continue  # a folder linked from inside the tree is walked under its real name
                if _identity(path) not in visited:
                    visited.add(_identity(path))
                    subfolders.append(path)
                continue
            if path.suffix.lower() not in READABLE_SUFFIXES:
                continue
            item = _walked_file(entry, path, real_root, follow_symlinks, own, seen)
            if item is not None:
                yield item
        stack.extend(reversed(subfolders))  # files of a folder first, then its subfolders in name order


def _walked_file(
    entry: os.DirEntry,
    path: Path,
    real_root: str,
    follow_symlinks: bool,
    own: set[tuple[int, int]],
    seen: set[tuple[int, int]],
) -> Path | RejectedInput | None:
    if entry.is_symlink() and not follow_symlinks and not _inside(path, real_root):
        return RejectedInput(display_name(path), _outside(path, "file"))
    try:
        info = path.stat()
    except OSError:
        return RejectedInput(display_name(path), "broken symlink" if entry.is_symlink() else "cannot read")
    if not stat.S_ISREG(info.st_mode):
        return RejectedInput(display_name(path), "not a regular file (a pipe, socket or device): not read")
    key = (info.st_dev, info.st_ino)
    if key in own or key in seen:
        return None  # this command's own output, or a file already read under another name
    seen.add(key)
    return path


def _inside(path: Path, real_root: str) -> bool:
    target = os.path.realpath(path)
    return target == real_root or target.startswith(real_root.rstrip(os.sep) + os.sep)


def _outside(path: Path, what: str) -> str:
    target = display_name(os.path.realpath(path))
    return f"symlink to a {what} outside the folder ({target}): not followed (--follow-symlinks reads it)"


def _identity(path: Path) -> tuple[int, int]:
    try:
        info = os.stat(path)
    except OSError:
        return (-1, -1)
    return (info.st_dev, info.st_ino)


def _own_outputs() -> set[tuple[int, int]]:
    """The files this process writes its stdout and stderr to, when they are files."""
    out = set()
    for stream in (sys.stdout, sys.stderr):
        try:
            info = os.fstat(stream.fileno())
        except (AttributeError, OSError, ValueError):
            continue  # not backed by a file descriptor (a test's capture, an IDE console)
        if stat.S_ISREG(info.st_mode):
            out.add((info.st_dev, info.st_ino))
    return out


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _lines(fh: BinaryIO) -> Iterator[tuple[int, bytes, int]]:
    """Yield (lineno, line, 0), or (lineno, b"", size) for a line over MAX_LINE_BYTES, which is skipped unread."""
    lineno = 0
    while True:
        line = fh.readline(MAX_LINE_BYTES + 1)
        if not line:
            return
        lineno += 1
        if len(line) > MAX_LINE_BYTES and not line.endswith(b"\n"):
            size = len(line)
            while True:  # drain the rest of the long line in bounded chunks
                rest = fh.readline(MB)
                size += len(rest)
                if not rest or rest.endswith(b"\n"):
                    break
            yield lineno, b"", size
            continue
        yield lineno, line, 0


def _try_bomless_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: English text has a NUL in every other byte. Anything else with NULs is binary."""
    sample = data[:4096]
    even_nul = sample[0::2].count(0) / max(1, len(sample[0::2]))
    odd_nul = sample[1::2].count(0) / max(1, len(sample[1::2]))
    if odd_nul > 0.7 and even_nul < 0.1:
        codec = "utf-16-le"
    elif even_nul > 0.7 and odd_nul < 0.1:
        codec = "utf-16-be"
    else:
        return None
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return None


def _check_is_text(path: str, text: str) -> None:
    if not text.strip():
        raise RejectedInput(path, "empty file (only whitespace)")
    sample = text[:20000]
    bad = len(_CONTROL.findall(sample))
    # Real articles have no control characters; a few stray ones (a pasted \x0b) are tolerated.
    if bad > max(4, len(sample) // 100):
        raise RejectedInput(path, "binary file (mostly non-text bytes), not text")


def _too_large(size: int, limit: int, what: str = "file") -> str:
    return f"{what} is {size / MB:.1f} MB, over the {limit // MB} MB limit for one article"


def _json_kind(value: object) -> str:
    return {list: "array", str: "string", bool: "boolean", int: "number", float: "number"}.get(type(value), "null")


def _meta_str(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _clean_meta(value: str | None) -> str | None:
    if value is None:
        return None
    value = " ".join(normalise_text(value).split())
    return value or None


def _iso_day(value: str | None) -> str | None:
    """Keep a metadata date as its ISO day when it is one ("2025-11-14T08:00Z" -> "2025-11-14"), else as given."""
    if not value:
        return None
    value = normalise_text(value)
    match = _ISO_DAY.match(value)
    return match.group(1) if match else value.strip() or None
