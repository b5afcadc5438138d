"""Words that tell what kind of event a sentence reports.

Each event type has a small set of trigger patterns. They are deliberately narrow: a sentence that merely talks
*about* talks ("the talks were moving in the right direction") is not a diplomatic event, and one that rules a
meeting out ("ruled out Mr Putin meeting Mr Zelensky") or wonders whether it will happen ("whether Witkoff would
attend") is not one either. Statements are sentences whose main act is somebody saying something.
"""

from __future__ import annotations

import re

GROUND = re.compile(
    r"\b(?:captur(?:e|ed|es|ing)|seiz(?:e|ed|es|ing)|took\s+(?:full\s+)?control|tak(?:en|ing)\s+(?:full\s+)?control"
    r"|liberat(?:e|ed|ion|ing)|advanc(?:ed|es|ing)|advance\s+(?:near|on|towards?|in|into)|entered|retak(?:en|e|es)"
    r"|retook|recaptur(?:e|ed|es)|fell\s+to|encircl(?:ed|ement)|territorial\s+gains|gained\s+ground"
    r"|lost\s+(?:\w+\s+){0,2}(?:settlements?|villages?|towns?|positions)|pushed\s+back|withdr(?:ew|awn)\s+from)\b",
    re.I,
)
STRIKE = re.compile(
    r"\b(?:strikes?|struck|hit|hits|hitting|pound(?:ed|ing|s)?|pummell?(?:ed|ing)|shell(?:ed|ing)|bomb(?:ed|ing)"
    r"|bombardment|attack(?:ed|s)?|barrage|explosions?|blasts?|damag(?:ed|ing)|destroyed|targeted|targeting)\b",
    re.I,
)
DIPLOMACY = re.compile(
    r"\b(?:met|meet|meets|meeting)\b|\bsummit\b|\bsummon(?:ed|s|ing)?\b"
    r"|\btalks\s+(?:in|with|between|at|on)\b"
    r"|\b(?:held|hold|holding|resume|resumed|resuming|hosted|host|hosts|hosting|attend|attended|attending|began"
    r"|opened|continue|continued)\s+(?:\w+\s+){0,3}?(?:talks|negotiations)\b"
    r"|\b(?:spoke|speaks|talked)\s+(?:with|to)\b|\bphone\s+call\b|\bcall\s+with\b|\bby\s+phone\b"
    r"|\b(?:received|presented|submitted|handed|delivered|unveiled|drafted|working\s+on|proposed|offered|offering"
    r"|offer\s+of|prepared\s+to|ready\s+to|willing\s+to)\b[^.;]{0,50}?\b(?:proposal|plan|deal|ceasefire|talks|truce"
    r"|negotiations)\b"
    r"|\bsign(?:ed|s|ing)?\b[^.;]{0,30}\b(?:agreement|deal|memorandum|accord)\b"
    r"|\bprisoner\s+(?:exchange|swap)s?\b|\bvisit(?:ed|s|ing)?\b",
    re.I,
)
STRIKE_VERB = re.compile(
    r"\b(?:struck|hit|hits|hitting|pound(?:ed|ing|s)|pummell?(?:ed|ing)|shell(?:ed|ing)|bomb(?:ed|ing)|attacked"
    r"|targeted|targeting|damag(?:ed|ing)|destroyed)\b|\bset(?:ting|s)?\b[^.;]{0,60}?\b(?:on\s+fire|ablaze)\b",
    re.I,
)
VISIT = re.compile(r"\bvisit(?:ed|s|ing)?\b", re.I)
HYPOTHETICAL = re.compile(
    r"\b(?:would|could|might|should|whether|if|rul(?:ed|es|ing)\s+out|refus(?:ed|es|ing)|declined\s+to\s+(?:attend|meet)"
    r"|any\s+time\s+soon|no\s+\w+\s+(?:official|delegation)s?\s+will|not\s+(?:\w+\s+)?(?:attend|meet))\b",
    re.I,
)
DENIAL = re.compile(
    r"\b(?:deni(?:ed|es)|deny|refut(?:ed|es)|dismiss(?:ed|es)|rejected\s+(?:the\s+)?(?:claims?|reports?)|false|fake"
    r"|not\s+true|untrue|remain(?:s|ed)?\s+(?:under\s+(?:Ukrainian|Russian)\s+|in\s+)control"
    r"|(?:continue|continues|still)\s+(?:to\s+)?hold|has\s+not\s+been\s+(?:captured|taken))\b",
    re.I,
)
REPORTING = re.compile(
    r"\b(?:said|says|told|announced|stated|wrote|posted|added|insisted|warned|accused|urged|called\s+on|saying"
    r"|slammed|condemned|described)\b",
    re.I,
)
QUOTE = re.compile(r"[\"“”]")


def ground(text: str) -> bool:
    return bool(GROUND.search(text))


def strike(text: str) -> bool:
    return bool(STRIKE.search(text))


def strike_verb(text: str) -> bool:
    return bool(STRIKE_VERB.search(text))


def diplomacy(text: str) -> bool:
    return bool(DIPLOMACY.search(text)) and not HYPOTHETICAL.search(text)


def visit_only(text: str) -> bool:
    """The only diplomatic cue is a visit (a visit to a command post is not diplomacy)."""
    matches = [m.group(0) for m in DIPLOMACY.finditer(text)]
    return bool(matches) and all(VISIT.fullmatch(m) for m in matches)


def denial(text: str) -> bool:
    return bool(DENIAL.search(text))


def statement(text: str) -> bool:
    return bool(REPORTING.search(text))
