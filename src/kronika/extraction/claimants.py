"""Who says so: the claimant of a sentence, from its reporting structure.

Read from the dependency parse: the subject of a reporting verb ("..., Ukraine's air force said"), the object of
"according to", and the source an outlet cites ("TASS reported, citing the regional task force" ->
"TASS (citing the regional task force)"). A pronoun subject ("he said") is resolved to the nearest person named
before it in the same story. No reporting structure -> None: we never guess who said something.

A phrase that names no body and no person is no claimant ("though none were reported", "Russian drones",
"preliminary information", a bare village): each candidate is checked with kronika.claimants and with the
parse, and a refused one lets the next reporting structure speak. The passive subject of a reporting verb is
what was reported, not who reported it ("Strikes were reported in Dnipro"); its agent is ("as reported by X").

A later mention of a claimant the story named before is that claimant (`StoryClaimants`): "According to the
ministry" after "the Russian Defence Ministry said" is the Russian Defence Ministry, "the governor" after "Kharkiv
Governor Oleh Syniehubov" is he, and "he said" is the one person the story quoted. The named phrase is stored;
when two earlier claimants fit ("the ministry" after a defence and a foreign ministry), the bare phrase stays.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from kronika.claimants import Claimant, agent_noun, canonical_claimant, is_bare, is_claimant, refers_to
from kronika.extraction.actors import NameBook, state_of
from kronika.nlp import doc_text, ents_between

REPORTING_VERBS = frozenset(
    "say says said saying tell tells told announce announces announced claim claims claimed report reports reported "
    "post posts posted write writes wrote state states stated add adds added adding confirm confirms confirmed "
    "deny denies denied warn warns warned insist insists insisted accuse accuses accused allege alleges alleged "
    "assert asserts asserted acknowledge acknowledged admit admits admitted".split()
)
DENIAL_VERBS = frozenset(
    "deny denies denied refute refutes refuted dismiss dismisses dismissed reject rejected".split()
)
CLAIM_VERBS = frozenset("claim claims claimed allege alleges alleged".split())
_PRONOUNS = frozenset("he she they it we i".split())
_TITLE_WORDS = frozenset(
    "mayor governor president minister general spokesman spokeswoman mr mrs ms dr chief head".split()
)
_SUBJECT_DEPS = ("nsubj",)
_PLACE_LABELS = ("GPE", "LOC", "FAC", "ORG", "NORP", "DATE", "EVENT")
_MAX_WORDS = 18
_TRIM = re.compile(r"^(?:the|a|an)\s+", re.I)
# wire copy ends a sentence with its source: "..., Ukraine's air force said." / "..., the governor wrote on Telegram."
_TRAILING = re.compile(
    r"[,“”\"]\s*(?P<who>(?:[\w’'().-]+\s+){0,11}?[\w’'.)-]+(?:,\s*(?:[\w’'().-]+\s+){1,12}?[\w’'.)-]+,)?)\s+"
    r"(?:said|says|told|reported|reports|announced|wrote|posted|added|stated|claimed|confirmed)\b[^,;\"“”]*"
    r"(?:,\s*(?:citing|quoting)\s+(?P<cited>[^,;.]+))?[.!]?[\"”’]?\s*$"
)
_TRAILING_AUX = re.compile(
    r"(?:\s+(?:has|have|had|was|is|also|later|previously|repeatedly|earlier|had\s+been))+$", re.I
)
_NOT_A_SOURCE = re.compile(r"^(?:he|she|they|it|we|i|this|that|there|which|who)$", re.I)
# conjunctions and relative words a regex or a subtree can drag in front of the source ("..., though Ukraine said")
_LEADING = re.compile(
    r"^(?:(?:though|although|while|whereas|where|as|when|after|because|since|but|and|which|who|that|"
    r"both|also|meanwhile)\s+)+", re.I)


@dataclass(slots=True)
class StoryClaimants:
    """The claimants one story has named so far, by canonical id, for its later bare mentions and pronouns."""

    named: dict[str, Claimant] = field(default_factory=dict)  # canonical id -> its fullest phrase's claimant

    def resolve(self, phrase: str | None) -> str | None:
        """The phrase to store for a claimant phrase of the story's next sentence: the earlier named claimant a
        bare mention ("the ministry") refers to when exactly one fits, else the phrase itself (remembered)."""
        if not phrase:
            return phrase
        found = canonical_claimant(phrase)
        if found is None:
            return phrase
        if is_bare(found):
            fits = [c for c in self.named.values() if refers_to(phrase, c)]
            return fits[0].phrase if len(fits) == 1 else phrase
        self.remember(found)
        return phrase

    def remember(self, found: Claimant) -> None:
        kept = self.named.pop(found.id, None)  # re-inserted last: the latest named claimant comes last
        self.named[found.id] = found if kept is None or len(found.phrase) >= len(kept.phrase) else kept

    def person(self, name: str | None) -> str | None:
        """What "he said" stands for: the fuller phrase the story named the resolved person by ("Serhii Lysak" ->
        "regional governor Serhii Lysak"), else, when the parse found nobody, the one person the story has
        quoted; None when several compete."""
        people = [c for c in self.named.values() if c.person]
        if name:
            found = canonical_claimant(name)
            who = found.person if found is not None else None
            same = [c for c in people if who and _same_person(c.person or "", who)]
            return same[0].phrase if len(same) == 1 else name
        return people[0].phrase if len(people) == 1 else None


def _same_person(a: str, b: str) -> bool:
    """Two spellings of one person's name as the registry gives them: equal, or one a surname of the other."""
    wa, wb = a.casefold().split(), b.casefold().split()
    return wa == wb or (bool(wa) and bool(wb) and wa[-1] == wb[-1] and (len(wa) == 1 or len(wb) == 1))


def _phrase(tokens: list[Token]) -> str:
    """Text of a subject subtree, cut before relative clauses and trailing punctuation."""
    if not tokens:
        return ""
    words: list[Token] = []
    for t in tokens:
        if t.dep_ in ("relcl", "acl") or any(a.dep_ in ("relcl", "acl") and a in tokens for a in t.ancestors):
            break
        if t.lower_ in ("who", "which", "that") and words:
            break
        words.append(t)
    words = words[:_MAX_WORDS]
    text = "".join(t.text_with_ws for t in words).strip(" ,;:\"'“”")
    return _TRIM.sub("", text)


def trailing_source(sentence: str) -> str | None:
    """The source a sentence names at its end ("..., the regional governor said on Telegram.")."""
    m = _TRAILING.search(sentence)
    if not m:
        return None
    who = _LEADING.sub("", m.group("who").strip(" ,")).strip()
    who = _TRIM.sub("", who).strip()
    who = _TRAILING_AUX.sub("", who).strip()
    if not who or _NOT_A_SOURCE.match(who) or not (who[0].isupper() or who.split()[0].islower()):
        return None
    if re.search(r"\s(?:were|was|is|are|been|being)$", m.group("who").strip(" ,")):
        return None  # "..., though none were reported": a passive, the thing reported, not who reports
    if m.group("cited"):
        who = f"{who} (citing {_TRIM.sub('', m.group('cited').strip())})"
    return who


def _resolve_pronoun(token: Token, doc: Doc, names: NameBook, story: StoryClaimants | None = None) -> str | None:
    """The nearest PERSON (or ORG for 'it'/'they') before the pronoun, within a few sentences; a place stands
    for nobody unless it is a state ("Moscow said"). With the story's claimants, "he"/"she" is the fuller phrase
    of the person found, or the one person the story quoted when the parse finds nobody."""
    found = _nearest_referent(token, doc, names)
    if story is not None and token.lower_ in ("he", "she"):
        return story.person(found)
    return found


def _nearest_referent(token: Token, doc: Doc, names: NameBook) -> str | None:
    want = ("ORG", "GPE") if token.lower_ in ("it", "they", "we") else ("PERSON",)
    window_start = max(0, token.sent.start_char - 800)
    if want != ("PERSON",):
        # "Ukraine's air force said ... . '...,' it said": the body that last reported is who "it" is
        for tok in reversed(doc[: token.i]):
            if tok.idx < window_start:
                break
            if tok.lower_ in REPORTING_VERBS and tok.pos_ in ("VERB", "AUX"):
                subj = [c for c in tok.children if c.dep_ == "nsubj" and c.lower_ not in _PRONOUNS]
                if subj and subj[0].ent_type_ != "PERSON" and (
                    subj[0].pos_ != "PROPN" or subj[0].ent_type_ in ("ORG", "GPE", "NORP")
                ):
                    found = _phrase(list(subj[0].subtree))
                    if found and is_claimant(found):
                        return found
    for ent in reversed(ents_between(doc, window_start, token.idx)):
        if ent.label_ in want:
            text = ent.text.removesuffix("'s").removesuffix("’s")
            if ent.label_ == "GPE" and not state_of(text):
                continue
            if not is_claimant(text):
                continue
            return names.expand(text)
    if want == ("PERSON",):
        # the small model misses many Ukrainian names: fall back on the last proper-noun subject
        for tok in reversed(doc[: token.i]):
            if tok.idx < window_start:
                break
            if tok.dep_ == "nsubj" and tok.pos_ == "PROPN" and tok.ent_type_ not in _PLACE_LABELS:
                words = [c for c in tok.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"] + [tok]
                while words and words[0].lower_ in _TITLE_WORDS:
                    words = words[1:]
                name = " ".join(w.text for w in words)
                if words and is_claimant(name):
                    return names.expand(name)
    return None


def _agent(verb: Token) -> list[Token]:
    """The agent of a passive reporting verb: "as reported by X" -> X."""
    for child in verb.children:
        if child.dep_ == "agent":
            return [c for c in child.children if c.dep_ == "pobj"]
    return []


def _subject(
    verb: Token,
    doc: Doc,
    names: NameBook,
    masked: Sequence[tuple[int, int]] = (),
    story: StoryClaimants | None = None,
) -> str | None:
    subj = [c for c in verb.children if c.dep_ in _SUBJECT_DEPS] or _agent(verb)
    if not subj and verb.dep_ in ("conj", "advcl", "xcomp") and verb.head.pos_ in ("VERB", "AUX"):
        subj = [c for c in verb.head.children if c.dep_ in _SUBJECT_DEPS]
    subj = [c for c in subj if not any(a <= c.idx < b for a, b in masked)]
    if not subj:
        return None
    head = subj[0]
    if head.lower_ in _PRONOUNS:
        return _resolve_pronoun(head, doc, names, story)
    tokens = [t for t in head.subtree if not any(a <= t.idx < b for a, b in masked)]
    while tokens and (tokens[0].is_punct or tokens[0].dep_ in ("cc", "mark", "advmod") or tokens[0].tag_ == "WDT"):
        tokens = tokens[1:]
    if not _names_someone(head, tokens):
        return None
    text = _phrase(tokens)
    return names.expand(text) if text else None


def _names_someone(head: Token, tokens: list[Token]) -> bool:
    """The parse's view of a subject: a proper name, a person or group, or a common noun that is an agent.

    "Strikes were also reported", "Russian drones attacked ..., as reported by": a thing is no source."""
    if head.pos_ in ("PROPN", "PRON") or head.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
        return True
    if agent_noun(head.text) or agent_noun(head.lemma_ or head.text):
        return True
    # "the ministry's statement": the possessor speaks
    return any(t.dep_ == "poss" and t.pos_ in ("PROPN", "NOUN") for t in tokens)


def _citing(span: Span) -> str | None:
    for tok in span:
        if tok.lower_ in ("citing", "quoting"):
            obj = [c for c in tok.children if c.dep_ in ("dobj", "pobj", "obj")]
            if obj:
                return _phrase(list(obj[0].subtree))
    return None


def _according_to(span: Span) -> str | None:
    for tok in span:
        if tok.lower_ == "according":
            for prep in tok.children:
                if prep.lower_ == "to":
                    obj = [c for c in prep.children if c.dep_ == "pobj"]
                    if obj:
                        return _phrase(list(obj[0].subtree))
            nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
            if nxt is not None and nxt.lower_ == "to":
                obj = [c for c in nxt.children if c.dep_ == "pobj"]
                if obj:
                    return _phrase(list(obj[0].subtree))
    return None


def find_claimant(
    span: Span, names: NameBook, masked: Sequence[tuple[int, int]] = (), story: StoryClaimants | None = None
) -> str | None:
    """The claimant of a sentence, or None when the sentence attributes nothing.

    `masked` are character ranges (datelines) whose words are never part of a claimant. `story`: the claimants
    the story named before, which a bare mention or a pronoun refers to (and which learns this sentence's).
    """
    claimant = _find_claimant(span, names, masked, story)
    return story.resolve(claimant) if story is not None else claimant


def _find_claimant(
    span: Span, names: NameBook, masked: Sequence[tuple[int, int]], story: StoryClaimants | None
) -> str | None:
    doc = span.doc
    claimant: str | None = trailing_source(_masked_text(span, masked).strip())
    if claimant and is_claimant(claimant):
        return names.expand(claimant)
    claimant = None
    for tok in span:
        if tok.lower_ in REPORTING_VERBS and tok.pos_ in ("VERB", "AUX"):
            found = _subject(tok, doc, names, masked, story)
            if found and is_claimant(found):
                claimant = found
                break
    if not claimant:
        found = _according_to(span)
        claimant = found if found and is_claimant(found) else None
    if not claimant:
        return None
    cited = _citing(span)
    if cited and cited.lower() not in claimant.lower():
        claimant = f"{claimant} (citing {cited})"
    return claimant


def _masked_text(span: Span, masked: Sequence[tuple[int, int]]) -> str:
    """The sentence with dateline characters blanked, so "(Reuters) - X said" never reads "Reuters) -" as X."""
    text = doc_text(span.doc)[span.start_char : span.end_char]  # `span.text`, without joining its tokens
    for a, b in masked:
        lo, hi = max(a, span.start_char), min(b, span.end_char)
        if lo < hi:
            text = text[: lo - span.start_char] + " " * (hi - lo) + text[hi - span.start_char :]
    return text


def stance(span: Span) -> str:
    """'denied' when the sentence denies, 'claimed' when it claims, else 'reported'."""
    words = {t.lower_ for t in span}
    if words & DENIAL_VERBS or "false" in words or "fake" in words:
        return "denied"
    if words & CLAIM_VERBS:
        return "claimed"
    return "reported"
