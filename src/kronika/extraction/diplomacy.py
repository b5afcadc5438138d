"""Diplomatic acts: which sentence reports one, and which kind of act it is.

A diplomatic event is an act somebody performed or scheduled: a meeting, a summit, a phone call, a summons, a
sanctions package, an aid pledge, a plan handed over or released, a signature, an invitation. The kind matters
for merging: within one article the sentences about one meeting become one event, while the aid announced at
that meeting, or sanctions imposed the same day, are events of their own.

Talk *about* talks is not an act. A verb trigger ("met", "summoned", "imposed sanctions") is an act unless a
modal or a refusal governs it ("would meet", "ruled out meeting"). A noun trigger ("summit", "talks", "meeting",
"visit") is an act only where the sentence places it as something that happens: held, attended, hosted, begun
or ended, or as the scene of something ("at a two-day summit", "during a surprise visit", "after the meeting").
"Renewed his call for a bilateral summit", "direct talks represent the best path" and "demanding an immediate
meeting" are statements.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

# (kind, pattern): the first kind whose pattern matches at a trigger position names the act
ACTS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern, re.I))
    for kind, pattern in (
        ("summons", r"\bsummon(?:ed|s|ing)?\b"),
        (
            "sanctions",
            r"\b(?:impos|announc|adopt|approv|unveil|introduc|slapp|levi|expand|extend|agree)(?:ed|es|ing|e|s|y)?\b"
            r"[^.;]{0,40}?\bsanctions\b|\bsanction(?:ed|ing)\b|\b(?:freez(?:e|es|ing)|froze|frozen)\b[^.;]{0,30}?"
            r"\bassets\b|\bban(?:ned|ning|s)?\s+(?:\w+\s+){0,2}exports\b|\bblacklist(?:ed|s|ing)\b",
        ),
        (
            "call",
            r"\b(?:spoke|speaks|speaking|talked)\s+(?:by\s+(?:tele)?phone\s+)?(?:with|to)\b|\b(?:tele)?phone\s+"
            r"(?:call|conversation|talks)\b|\bcall\s+with\b|\bby\s+(?:tele)?phone\b|\bphoned\b",
        ),
        (
            "aid",
            r"\b(?:announc|pledg|promis|approv|unveil|allocat|provid|commit|offer)(?:ed|es|ing|e|s)?\b[^.;]{0,60}?"
            r"\b(?:aid|assistance|package|contribution|tranche|funding|weapons|tanks|jets|systems|missiles"
            r"|ammunition|air\s+defen[cs]e)\b|\bagreed\s+to\s+(?:provide|send|supply|deliver|give)\b"
            r"|\b(?:will|would)\s+(?:send|deliver|supply|provide)\b[^.;]{0,40}?\bto\s+Ukraine\b",
        ),
        (
            "plan",
            r"\b(?:received|presented|submitted|handed|delivered|unveiled|drafted|proposed|offered|released|published"
            r"|put\s+forward|accepted|agreed\s+to|working\s+on)\b[^.;]{0,50}?"
            r"\b(?:proposal|plan|ceasefire|truce|initiative|points|memorandum|framework|deal)\b",
        ),
        ("sign", r"\bsign(?:ed|s|ing)?\b[^.;]{0,30}\b(?:agreement|deal|memorandum|accord|treaty|declaration)\b"),
        ("invite", r"\binvit(?:ed|es|ing)\b"),
        (
            # sending a delegation to talks is the sender's act, where the sender is: the talks it goes to are
            # another act ("is sending a delegation to Geneva to hold talks with ...")
            "delegation",
            r"\b(?:sen(?:d|ds|ding|t)|dispatch(?:ed|es|ing)?)\s+(?:[\w'’-]+\s+){0,3}?delegations?\b"
            r"(?:[^.;]{0,40}?\bto\s+(?:have|hold|take\s+part\s+in|join|attend)\s+(?:[\w-]+\s+){0,2}"
            r"(?:talks|negotiations|meeting|summit))?",
        ),
        (
            "talks",
            r"\b(?:met|meet|meets|meeting)\b|\bsummit\b|\btalks\b|\bnegotiations\b|\bvisit(?:ed|s|ing)?\b"
            r"|\bhost(?:ed|s|ing)\b",
        ),
    )
)
# a modal or refusal right before a trigger: "would meet", "ruled out meeting", "declined to attend"
_NOT_AN_ACT_BEFORE = re.compile(
    r"\b(?:would|could|might|should|whether|if|rul(?:ed|es|ing)\s+out|refus(?:ed|es|ing)(?:\s+to)?"
    r"|declined\s+to|not|never|no|any|considering|consider)\b(?:\s+[\w-]+){0,3}\s*$",
    re.I,
)
_NOT_AN_ACT_AFTER = re.compile(r"^[^.;]{0,25}\bany\s+time\s+soon\b", re.I)
# aid is aid to a side of the war ("tanks to Ukraine"), not "assistance to those we can reach"
_TO_A_SIDE = re.compile(r"\b(?:Ukrain\w*|Kyiv|Kiev|Russia\w*|Moscow)\b")
# a host hosts people or talks, not "a gathering of drone manufacturers"
_HOSTED = frozenset(
    "talks summit meeting delegation delegations counterpart counterparts president minister leaders leader "
    "officials envoy envoys conference forum secretary chancellor premier king prince".split()
)
# an announcement reports the act even when the act is to come: "announced it would deliver tanks"
_ANNOUNCED = re.compile(r"\b(?:announc|pledg|promis|confirm|said|says|decid)\w*\b", re.I)
# what a sentence does with a noun trigger when the act happens
_HAPPENS = frozenset(
    "held hold holds holding hosted host hosts hosting attended attend attending attends began begin begins "
    "opened open opens concluded conclude ended end ends resumed resume started start starts made paid had has "
    "have completed convened wrapped took yielded produced lasted continued continue convene launched join joined "
    "joining spent arrived arrive".split()
)
# "three days of talks", "the outcome of the summit": the talks or summit happened
_SPELLS = frozenset(
    "round rounds sidelines start end days hours weeks day hour week session sessions outcome outcomes result "
    "results communique communiqué declaration conclusion host hosts participants venue eve aftermath".split()
)
_SCENE_PREPS = frozenset("at during after before following on ahead in throughout amid".split())
_UNREAL = frozenset("possible potential eventual future next second further".split())


@dataclass(slots=True, frozen=True)
class Act:
    kind: str
    start: int  # offsets in the sentence text
    end: int


def acts(sent: Span, text: str) -> list[Act]:
    """The diplomatic acts a sentence reports, in text order (offsets relative to `text`, which starts at
    `sent.start_char`)."""
    out: list[Act] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in ACTS:
        for m in pattern.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            if not _is_act(sent, text, kind, m):
                continue
            taken.append(m.span())
            out.append(Act(kind, m.start(), m.end()))
    return sorted(out, key=lambda a: a.start)


_MENTION = re.compile(
    r"\b(?:the|this|that|these)\s+(?:\w+\s+){0,2}?(summit|talks|meeting|negotiations|conference)\b", re.I
)


def mentions(text: str) -> list[Act]:
    """Talks named as already known ("the meeting in Jeddah was a step forward"): no act of their own, but
    where they are places the act an earlier sentence reported."""
    return [Act("talks", m.start(1), m.end(1)) for m in _MENTION.finditer(text)]


def _is_act(sent: Span, text: str, kind: str, m: re.Match[str]) -> bool:
    before = text[max(0, m.start() - 40) : m.start()]
    if _NOT_AN_ACT_AFTER.match(text[m.end() :]):
        return False
    if _NOT_AN_ACT_BEFORE.search(before) and not (kind == "aid" and _ANNOUNCED.search(text[: m.start()])):
        return False
    if kind == "aid" and not _TO_A_SIDE.search(text):
        return False
    span = sent.doc.char_span(sent.start_char + m.start(), sent.start_char + m.end(), alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    head = span[0]
    if head.dep_ == "amod":
        return False  # "the proposed peace plan leaves the door open": a plan talked about, not handed over
    if head.pos_ == "VERB" and head.tag_ == "VBG" and head.head.lower_ in ("by", "for", "of", "without", "about"):
        return False  # "push Russia to the table by imposing sanctions": a means hoped for, not an act
    if head.lower_.startswith("host") and head.pos_ in ("VERB", "AUX"):
        return _hosts_someone(head)
    if kind == "call" and head.lower_ in ("spoke", "speaks", "speaking", "talked"):
        return _speaks_with_someone(span[-1])
    if kind == "talks" and span[0].pos_ in ("NOUN", "PROPN"):
        return _noun_happens(span[0])
    call = next((t for t in span if t.lower_ == "call" and t.pos_ == "NOUN"), None)
    if kind == "call" and call is not None:  # "held a phone call", not "would use the call"
        return _noun_happens(call)
    return True


def _speaks_with_someone(prep: Token) -> bool:
    """ "spoke with Putin", "spoke to his Turkish counterpart"; not "a source who spoke to AFP"."""
    for obj in prep.children:
        if obj.dep_ == "pobj":
            if obj.ent_type_ in ("PERSON", "GPE", "NORP") or obj.lower_ in _HOSTED:
                return True
            return any(t.ent_type_ == "PERSON" for t in obj.subtree)
    return False


def _hosts_someone(verb: Token) -> bool:
    """ "Anwar hosted Shoigu", "a forum hosted by Austin", "hosted talks"; not "hosting a gathering"."""
    for child in verb.children:
        if child.dep_ == "agent":
            return True
        if child.dep_ in ("dobj", "obj"):
            if child.ent_type_ in ("PERSON", "NORP", "GPE", "ORG") or child.lower_ in _HOSTED:
                return True
            return any(t.ent_type_ in ("PERSON", "NORP", "GPE") for t in child.subtree)
    return verb.dep_ == "acl"  # "a forum hosted by ..." parsed without an agent


def _noun_happens(token: Token) -> bool:
    """Is a noun trigger ("summit", "talks", "visit") the name of something that happens in this sentence?"""
    if any(c.dep_ == "amod" and c.lower_ in _UNREAL for c in token.children):
        return False  # "a second peace summit", "eventual talks"
    head = token.head
    if token.dep_ == "pobj" and head.lower_ in _SCENE_PREPS:
        return True  # "at a two-day summit", "during a surprise visit", "after the meeting"
    if token.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in _SPELLS:
        return True  # "a new round of talks", "on the sidelines of the summit", "three hours of talks"
    if token.dep_ in ("dobj", "nsubj", "nsubjpass", "attr", "conj", "appos", "ROOT"):
        verb = head
        if token.dep_ in ("conj", "appos"):
            return _noun_happens(head) if head.i != token.i else False
        if token.dep_ == "ROOT":
            return False
        return verb.lower_ in _HAPPENS or (
            token.dep_ == "nsubjpass" and verb.lower_ in ("held", "scheduled", "planned", "set")
        )
    return False
