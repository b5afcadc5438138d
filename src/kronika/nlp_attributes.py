"""The model's attribute rules (tag map, pronoun cases, auxiliaries, ...) applied without a Matcher pass per token.

The small English model ends with an `attribute_ruler`: 179 token patterns, most of them one token long
(`{"TAG": "NNS"}` -> `POS=NOUN, Number=Plur`). spaCy runs them through a general `Matcher`, which tries every
pattern at every token: about a sixth of the model's whole parse time on news text, for a table lookup.

A token's matches depend only on the few attributes the patterns test (here TAG, LOWER, DEP, IS_SPACE), and only
on whether each value is one the patterns name (a LOWER of "ukraine" acts like any other word no rule names, up
to the REGEX tests, whose outcomes are kept per word). `MemoAttributeRuler` reduces every token to that
signature with numpy, works out once per distinct signature which rules match and what they set (rule order,
later rules winning, as `AttributeRuler` applies them), and writes the attributes of the whole Doc in one
`Doc.from_array`. The rules, the matches and the resulting tokens are the model's own: only the cost changes.

Patterns it cannot evaluate exactly (operators such as `OP`, other attributes, predicates other than equality,
IN, NOT_IN, REGEX, rules setting other attributes) make `replace_attribute_ruler` leave the model's own
component in place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
from spacy.attrs import IDS
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.vocab import Vocab

# Token attributes for which `Doc.to_array` and the Matcher read the same value (both call `get_token_attr`).
TESTED = ("TAG", "LOWER", "DEP", "IS_SPACE", "ORTH", "POS")
# Attributes a rule may set that `Doc.from_array` writes as spaCy's `set_token_attrs` does (one struct field each).
SET = tuple(IDS[name] for name in ("POS", "TAG", "DEP", "LEMMA", "MORPH"))
# Attributes with as many values as words: a signature keeps only the values some pattern names.
CODED = ("LOWER", "ORTH")
COMPONENT = "kronika_attribute_rules"
MAX_SIGNATURES = 200_000  # memo entries (and word codes) kept before starting afresh: a few hundred bytes each


@dataclass(frozen=True, slots=True)
class _Test:
    column: int
    op: str  # "eq", "in", "not_in" or "regex"
    keys: frozenset[int] = frozenset()
    regex: int = -1  # the REGEX's bit in its column's codes


@dataclass(frozen=True, slots=True)
class _Pattern:
    rule: int  # the rule's position in the ruler: later rules override earlier ones
    index: int  # which token of the match takes the attributes (may be negative, as in AttributeRuler)
    tokens: tuple[tuple[_Test, ...], ...]


@dataclass(frozen=True, slots=True)
class _Signature:
    matched: tuple[int, ...]  # the single-token rules that match, in order
    has: tuple[bool, ...]  # per attribute of SET: does one of them set it
    values: tuple[int, ...]  # per attribute of SET: the value the last of them sets
    steps: tuple[bool, ...]  # per token of every multi-token pattern, in order: does this token pass its tests


@dataclass(slots=True)
class _Rules:
    columns: list[int]  # attribute IDs of a token's signature
    coded: list[bool]  # per column: are values no pattern names replaced by a code (word-like attributes)
    named: list[frozenset[int]]  # per column: the values some pattern names
    named_arrays: list[np.ndarray]
    regexes: list[list[re.Pattern[str]]]  # per column: its REGEX tests, in bit order
    bases: list[int]  # per column: the first code given to values no pattern names
    attrs: list[dict[int, int]]  # per rule: what it sets
    single: list[_Pattern]
    multi: list[_Pattern]


class MemoAttributeRuler:
    """Applies an `AttributeRuler`'s rules to a Doc with the ruler's results, memoised per token signature."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        self.rules: _Rules | None = None
        self._memo: dict[tuple[int, ...], _Signature] = {}
        self._codes: dict[tuple[int, int], int] = {}

    def take_rules(self, ruler: AttributeRuler) -> bool:
        """Adopt the ruler's rules; False (and nothing adopted) when one of them cannot be evaluated exactly."""
        rules = _compile(ruler)
        if rules is None:
            return False
        self.rules = rules
        self._memo.clear()
        self._codes.clear()
        return True

    # ------------------------------------------------------------------------------------------ signatures
    def _code(self, col: int, value: int) -> int:
        """The code of a value no pattern names in column `col`: its base plus the bits of the REGEXes it meets."""
        code = self._codes.get((col, value))
        if code is None:
            rules = self.rules
            text = self.vocab.strings[value]
            bits = sum(1 << b for b, rx in enumerate(rules.regexes[col]) if rx.search(text))
            if len(self._codes) >= MAX_SIGNATURES:
                self._codes.clear()
            code = self._codes[(col, value)] = rules.bases[col] + bits
        return code

    def _holds(self, test: _Test, value: int) -> bool:
        if test.op in ("eq", "in"):
            return value in test.keys
        if test.op == "not_in":
            return value not in test.keys
        rules = self.rules
        if not rules.coded[test.column] or value in rules.named[test.column]:
            return bool(rules.regexes[test.column][test.regex].search(self.vocab.strings[value]))
        return bool((value - rules.bases[test.column]) >> test.regex & 1)

    def _lookup(self, sig: tuple[int, ...]) -> _Signature:
        """What the rules make of a token with this signature (memoised)."""
        got = self._memo.get(sig)
        if got is None:
            rules = self.rules
            matched = tuple(
                sorted({p.rule for p in rules.single if all(self._holds(t, sig[t.column]) for t in p.tokens[0])})
            )
            merged: dict[int, int] = {}
            for rule in matched:
                merged.update(rules.attrs[rule])
            steps = tuple(
                all(self._holds(t, sig[t.column]) for t in tests) for p in rules.multi for tests in p.tokens
            )
            if len(self._memo) >= MAX_SIGNATURES:
                self._memo.clear()
            got = self._memo[sig] = _Signature(
                matched, tuple(a in merged for a in SET), tuple(merged.get(a, 0) for a in SET), steps
            )
        return got

    def _signatures(self, doc: Doc) -> list[tuple[int, ...]]:
        """Each token's signature: the tested attributes, with values no pattern names replaced by their code."""
        rules = self.rules
        arr = doc.to_array(rules.columns).reshape(len(doc), len(rules.columns))
        for c in range(len(rules.columns)):
            if not rules.coded[c]:
                continue
            other = ~np.isin(arr[:, c], rules.named_arrays[c])
            if not other.any():
                continue
            if rules.regexes[c]:
                values, where = np.unique(arr[other, c], return_inverse=True)
                codes = np.array([self._code(c, v) for v in values.tolist()], dtype=np.uint64)
                arr[other, c] = codes[where.reshape(-1)]
            else:
                arr[other, c] = rules.bases[c]
        return list(map(tuple, arr.tolist()))

    # ------------------------------------------------------------------------------------------ the pass
    def __call__(self, doc: Doc) -> Doc:
        rules = self.rules
        if rules is None:
            raise ValueError(f"{COMPONENT}: no rules adopted (call take_rules with the model's attribute ruler)")
        n = len(doc)
        if not n:
            return doc
        seen: dict[tuple[int, ...], int] = {}
        where = np.array([seen.setdefault(sig, len(seen)) for sig in self._signatures(doc)], dtype=np.intp)
        infos = [self._lookup(sig) for sig in seen]

        extra: dict[int, list[int]] = {}  # token -> rules of multi-token matches that set its attributes
        if rules.multi:
            steps = np.array([info.steps for info in infos], dtype=bool)[where]
            column = 0
            for p in rules.multi:
                width = len(p.tokens)
                first, column = column, column + width
                if width > n:
                    continue
                starts = np.ones(n - width + 1, dtype=bool)
                for k in range(width):
                    starts &= steps[k : k + n - width + 1, first + k]
                offset = p.index if p.index >= 0 else width + p.index
                if not 0 <= offset < width:
                    raise ValueError(f"attribute rule {p.rule}: index {p.index} outside its {width}-token match")
                for start in np.flatnonzero(starts).tolist():
                    extra.setdefault(start + offset, []).append(p.rule)

        has = np.array([info.has for info in infos], dtype=bool)[where]
        values = np.array([info.values for info in infos], dtype=np.uint64)[where]
        out = np.where(has, values, doc.to_array(list(SET)).reshape(n, len(SET)))
        for i, more in extra.items():  # rare: the token's single and multi-token rules, applied in rule order
            for rule in sorted(set(infos[where[i]].matched) | set(more)):
                for a, v in rules.attrs[rule].items():
                    out[i, SET.index(a)] = v
        doc.from_array(list(SET), out)
        return doc


@Language.factory(COMPONENT)
def make_memo_attribute_ruler(nlp: Language, name: str) -> MemoAttributeRuler:
    return MemoAttributeRuler(nlp.vocab)


def replace_attribute_ruler(nlp: Language, name: str = "attribute_ruler") -> bool:
    """Put a MemoAttributeRuler with the rules of `nlp`'s attribute ruler in its place; False if it stays."""
    if name not in nlp.pipe_names:
        return False
    stock = nlp.get_pipe(name)
    if not isinstance(stock, AttributeRuler) or _compile(stock) is None:
        return False
    nlp.replace_pipe(name, COMPONENT)
    nlp.rename_pipe(name, COMPONENT)
    return nlp.get_pipe(COMPONENT).take_rules(stock)


# ---------------------------------------------------------------------------------------------- compiling
def _compile(ruler: AttributeRuler) -> _Rules | None:
    """The ruler's rules in the form MemoAttributeRuler evaluates, or None when one is unsupported."""
    strings = ruler.vocab.strings
    columns: list[str] = []
    named: list[set[int]] = []
    regexes: list[list[str]] = []
    patterns: list[_Pattern] = []
    for rule in range(len(ruler.attrs)):
        entry = ruler.matcher.get(str(rule))
        if entry is None or any(a not in SET for a in ruler.attrs[rule]):
            return None
        for pattern in entry[1]:
            compiled = []
            for token in pattern:
                tests = []
                for key, value in token.items():
                    if key not in TESTED:
                        return None
                    if key not in columns:
                        columns.append(key)
                        named.append(set())
                        regexes.append([])
                    c = columns.index(key)
                    test = _test(c, value, strings, named[c], regexes[c])
                    if test is None:
                        return None
                    tests.append(test)
                if not tests:
                    return None
                compiled.append(tuple(tests))
            if not compiled:
                return None
            patterns.append(_Pattern(rule, ruler.indices[rule], tuple(compiled)))
    bases = []
    for c in range(len(columns)):
        span, base = 1 << len(regexes[c]), 1
        while any(base <= v < base + span for v in named[c]):
            base += span
        bases.append(base)
    return _Rules(
        columns=[IDS[c] for c in columns],
        coded=[c in CODED or bool(regexes[i]) for i, c in enumerate(columns)],
        named=[frozenset(s) for s in named],
        named_arrays=[np.array(sorted(s), dtype=np.uint64) for s in named],
        regexes=[[re.compile(r) for r in rs] for rs in regexes],
        bases=bases,
        attrs=[dict(a) for a in ruler.attrs],
        single=[p for p in patterns if len(p.tokens) == 1],
        multi=[p for p in patterns if len(p.tokens) > 1],
    )


def _test(c: int, value: object, strings, named: set[int], regexes: list[str]) -> _Test | None:  # noqa: ANN001
    """One token test as spaCy's Matcher makes it (values hashed into the StringStore), or None if unsupported."""
    if isinstance(value, bool):  # the Matcher compares a flag with int(value)
        named.update((0, 1))
        return _Test(c, "eq", frozenset((int(value),)))
    if isinstance(value, str):
        key = strings.add(value)
        named.add(key)
        return _Test(c, "eq", frozenset((key,)))
    if isinstance(value, dict) and len(value) == 1:
        ((op, arg),) = value.items()
        if op in ("IN", "NOT_IN") and isinstance(arg, list) and all(isinstance(a, str) for a in arg):
            keys = frozenset(strings.add(a) for a in arg)
            named.update(keys)
            return _Test(c, op.lower(), keys)
        if op == "REGEX" and isinstance(arg, str):
            if arg not in regexes:
                regexes.append(arg)
            return _Test(c, "regex", regex=regexes.index(arg))
    return None
