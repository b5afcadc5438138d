"""Name normalisation shared by the index builder and the resolver.

Both sides must fold names the same way, so every key in the index and every query goes through `norm`.
"""

from __future__ import annotations

import re
import unicodedata

_APOSTROPHES = re.compile(r"['’`ʼ‘ʹ′]")
_SEPARATORS = re.compile(r"[\s\-‐‑–—_/.,()]+")
_NON_WORD = re.compile(r"[^\w ]+")
_DOUBLE = re.compile(r"(.)\1+")
_DOUBLE_DIGRAPH = re.compile(r"(sh|ch|zh|kh|ts)\1")
_POSSESSIVE = re.compile(r"['’]s?$")


def norm(name: str) -> str:
    """Fold case, diacritics, apostrophes, hyphens and spacing: "Kup'yans'k" -> "kupyansk"."""
    if name.isascii() and name.isalpha():
        return name.lower()  # the common case, a plain word: skip the Unicode work
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = _APOSTROPHES.sub("", s)
    s = _SEPARATORS.sub(" ", s)
    s = _NON_WORD.sub("", s)
    return " ".join(s.split())


def skeleton(normed: str) -> str:
    """A coarser key for fuzzy matching: romanisations disagree mostly on y/i/j and doubled letters."""
    s = normed.replace("y", "i").replace("j", "i")
    s = _DOUBLE_DIGRAPH.sub(r"\1", s)  # Zatyshshia / Zatyshya: MT drops the doubled consonant
    return _DOUBLE.sub(r"\1", s)


def strip_possessive(token: str) -> tuple[str, bool]:
    """ "Kyiv's" -> ("Kyiv", True); "Kup'yans'k" is left alone (only a final 's or ' counts)."""
    if len(token) > 3 and (token.endswith("'s") or token.endswith("’s")):
        return token[:-2], True
    if len(token) > 3 and token[-1] in "'’" and token[-2] in "sS":
        return token[:-1], True
    return token, False
