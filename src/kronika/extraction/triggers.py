"""Words that tell what kind of event a sentence reports.

Each event type has a small set of trigger patterns. They are deliberately narrow: a sentence that merely talks
*about* talks ("the talks were moving in the right direction", "renewed his call for a summit") is not a
diplomatic event, and one that rules a meeting out ("ruled out Mr Putin meeting Mr Zelensky") or wonders whether
it will happen ("whether Witkoff would attend") is not one either. A capture that failed or is only hoped for
("failed to seize Kyiv", "hopes to capture") and one from the war's first days ("pushed back at the start of
the invasion") are background, not claims; an attack that was repelled ("repelled 36 Russian attacks") is
front-line fighting, not a strike. Statements are sentences whose main act is somebody saying something.

The `*_spans` functions give the (start, end) offsets of the trigger words that count, for rules that need to
know which place a trigger governs.
"""

from __future__ import annotations

import re

Spans = list[tuple[int, int]]

GROUND = re.compile(
    r"\b(?:captur(?:e|ed|es|ing)|recaptur(?:e|ed|es|ing)|seiz(?:e|ed|es|ing)"
    r"|(?:took|taken|taking|take|takes|gained|gain|gains|seized|establish(?:ed)?)\s+(?:full\s+|complete\s+)?control"
    r"|(?:lost|lose|loses|losing|relinquish(?:ed|es|ing)?|ceded?)\s+control|fallen\s+back\s+from|fell\s+back\s+from|control\s+(?:\w+\s+){1,5}?(?:has|have|had)\s+been\s+[\"“]?lost"
    r"|(?:has|have|had|gained|seized|full|complete)\s+control\s+(?:of|over)"
    r"|controls?\s+(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+|more\s+than\s+|over\s+)?[\d,.]+\s*"
    r"(?:sq|square|km|%|per\s*cent|percent)"
    r"|controlled\s+by\s+(?:the\s+)?(?:Russians?|Ukrainians?|Russian\s+forces|Ukrainian\s+forces)"
    r"|liberat(?:e|ed|es|ion|ing)|advanc(?:ed|es|ing)|(?:to|an|further)\s+advance"
    r"|advance\s+(?:\w+\s+)?(?:near|on|towards?|in|into|from|south|north|east|west)"
    r"|entered|retak(?:en|e|es|ing)|retook|reclaim(?:ed|s|ing)?|regain(?:ed|s|ing)?|fell\s+to"
    r"|encircl(?:e|ed|es|ing|ement)|surrounded|territorial\s+gains|gained\s+ground|made\s+gains"
    r"|(?:lost|losing|loss\s+of)\s+(?:[\w,]+\s+){0,2}(?:settlements?|villages?|towns?|positions|ground)"
    r"|pushed\s+back|push(?:ed|ing)?\s+(?:deeper\s+)?(?:into|towards?)"
    r"|withdr(?:ew|awn|aw|aws|awing|awal)\b(?:\s+(?:of\s+)?(?:its\s+|their\s+|the\s+)?(?:troops|forces|units))?"
    r"|pull(?:ed|ing|s)?\s+out|retreat(?:ed|ing|s)?\s+from|broke\s+through"
    r"|storm(?:ed|ing)|hoist(?:ed|ing)\s+(?:[\w'’]+\s+){0,3}flags?|raised\s+(?:[\w'’]+\s+){0,3}flags?)\b",
    re.I,
)
# a capture only failed, hoped for or feared: "failed to seize the capital", "Putin hopes to capture"
_NOT_DONE_BEFORE = re.compile(
    r"\b(?:fail(?:ed|s|ing)?|hopes?|hoping|aims?|aiming|seeks?|seeking|wants?|wanted|plans?|planning|bid|quest"
    r"|intends?|ambitions?|goal|threat|risk|prevent(?:ed)?|could|would|might|may)\b(?:\s+\w+){0,3}\s*$",
    re.I,
)
# "a complete encirclement was not possible"
_NOT_DONE_AFTER = re.compile(
    r"^\s*(?:[\w-]+\s+){0,5}?(?:was|were|is|are|has|have|had)\s+(?:not|never)\b|^\W*(?:not|im)possible", re.I
)
# a withdrawal from a deal or a body is not a loss of ground
_NOT_GROUND_AFTER = re.compile(
    r"^\s*(?:from\s+)?(?:the\s+|a\s+)?(?:[\w-]+\s+){0,2}?(?:deal|agreement|treaty|initiative|talks|negotiations|accord"
    r"|pact|convention|council|organi[sz]ation|race|election|bid|support|sanctions)\b",
    re.I,
)
# the war's first days, told as background next to the trigger
_BACKGROUND = re.compile(
    r"\b(?:since|at|from)\s+the\s+(?:very\s+)?(?:start|beginning|outset)\s+of\s+(?:the|its|Russia's|Russia’s)\s+"
    r"(?:full-scale\s+)?(?:war|invasion|conflict)"
    r"|\b(?:in|during)\s+the\s+(?:early|first)\s+(?:days|weeks|months)\s+of\s+the\s+(?:war|invasion|conflict)"
    r"|\bearlier\s+in\s+the\s+war\b"
    # a long effort, not a gain: "for months, Russia has attempted to make advances", "has tried for weeks to"
    r"|\bfor\s+(?:many\s+|several\s+|\w+\s+)?(?:weeks|months|years)\b[^.;]{0,50}?\b(?:attempt(?:ed|ing|s)?|tr(?:ied|ying|ies|y))\b"
    r"|\b(?:attempt(?:ed|ing|s)?|tr(?:ied|ying|ies|y))\s+for\s+(?:many\s+|several\s+|\w+\s+)?(?:weeks|months|years)\b",
    re.I,
)
STRIKE = re.compile(
    r"\b(?:strikes?|struck|hit|hits|hitting|pound(?:ed|ing|s)?|pummell?(?:ed|ing)|shell(?:ed|ing)|bomb(?:ed|ing|s)?"
    r"|bombardment|attack(?:ed|s|ing)?|barrage|explosions?|blasts?|damag(?:ed|ing)|destroy(?:ed|ing)|targeted"
    r"|targeting|airstrikes?|air\s+raids?(?!\s+(?:alerts?|sirens?|warnings?))|debris|fell\s+(?:on|onto)"
    r"|crashed\s+into|exploded|rained"
    r"|caught\s+fire|fires?\s+broke\s+out|ignit(?:ed|ing)|knock(?:ed|ing|s)\s+out|slammed\s+into"
    r"|(?:start|spark|trigger)(?:ed|ing|s)?\s+(?:a\s+|several\s+)?(?:fires?|blazes?))\b"
    r"|\bset(?:ting|s)?\b[^.;]{0,60}?\b(?:on\s+fire|ablaze)\b",
    re.I,
)
# "air defence destroyed a UAV over the Voronezh region", "two drones were destroyed": weapons downed, no place hit
_DOWNED_AFTER = re.compile(
    r"^\s+(?:[\w-]+\s+){0,4}?(?:drones?|UAVs?|missiles?|targets|aircraft|Shaheds?)\b"
    r"|^\s+(?:\w+\s+){0,3}?(?:over|above|in\s+the\s+sky)\b",
    re.I,
)
_DOWNED_BEFORE = re.compile(
    r"\b(?:air\s+defen[cs]es?|air-defen[cs]e)\b(?:\s+[\w-]+){0,5}\s+$"
    r"|\b(?:drones?|UAVs?|missiles?|Shaheds?)\s+(?:\w+\s+){0,2}(?:were|was|had\s+been|have\s+been)\s+$",
    re.I,
)
# "repelled 36 Russian attacks": fighting on the front line, not a hit on a place
_REPELLED = re.compile(
    r"\b(?:repel\w*|repuls\w*|fought\s+off|fend(?:ed|ing)?\s+off|beat\s+back)\s+(?:[\w-]+\s+){0,3}$", re.I
)
DIPLOMATIC_CUE = re.compile(
    r"\b(?:met|meet|meets|meeting|summit|summon\w*|talks|negotiations|spoke|speaks|speaking|talked|phone\w*|call"
    r"|sanction\w*|assets|exports|blacklist\w*|visit\w*|host\w*|sign\w*|invit\w*|proposal|plan|ceasefire|truce"
    r"|initiative|points|memorandum|framework|deal|aid|assistance|package|contribution|tranche|funding|weapons"
    r"|tanks|jets|systems|missiles|ammunition|defen[cs]e|provide|send|deliver|supply)\b",
    re.I,
)
STRIKE_VERB = re.compile(
    r"\b(?:struck|hit|hits|hitting|pound(?:ed|ing|s)|pummell?(?:ed|ing)|shell(?:ed|ing)|bomb(?:ed|ing)|attacked"
    r"|targeted|targeting|targets|damag(?:ed|ing)|destroyed|fell\s+(?:on|onto)|crashed\s+into|ignit(?:ed|ing)"
    r"|knock(?:ed|ing|s)\s+out|(?:start|spark|trigger)(?:ed|ing|s)?\s+(?:a\s+|several\s+)?(?:fires?|blazes?))\b"
    r"|\bset(?:ting|s)?\b[^.;]{0,60}?\b(?:on\s+fire|ablaze)\b",
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
# prisoner exchanges are `other` events, never diplomacy (the contract's list)
# (one that happened or was agreed: "completed a prisoner exchange", "swapped 175 prisoners", not "called for")
PRISONER_EXCHANGE = re.compile(
    r"\b(?:complet|carri|conduct|held|hold|made|agreed|swapp|exchang|return|releas|freed|took)\w*\b[^.;]{0,40}?"
    r"\b(?:prisoners?|POWs?)\b[^.;]{0,40}?\b(?:exchanges?|swaps?)\b"
    r"|\b(?:swapp|exchang)(?:ed|ing)\s+(?:\w+\s+){0,2}(?:prisoners|POWs)\b"
    r"|\b(?:complet|carri|conduct|held|made|agreed)\w*\s+(?:\w+\s+){0,3}(?:prisoner|POW)\s+(?:exchange|swap)s?\b",
    re.I,
)


def ground_spans(text: str) -> Spans:
    """Ground-claim triggers, without failed or hoped-for captures and the war's first days."""
    out = []
    for m in GROUND.finditer(text):
        if _NOT_DONE_BEFORE.search(text[max(0, m.start() - 40) : m.start()]):
            continue
        if _BACKGROUND.search(text[max(0, m.start() - 60) : m.end() + 70]):
            continue
        if _NOT_GROUND_AFTER.match(text[m.end() : m.end() + 60]) or _NOT_DONE_AFTER.match(text[m.end() : m.end() + 40]):
            continue
        out.append(m.span())
    return out


# a place to attack from, named with the attack it served: "one of the strongholds for the attack on X"
_STAGING_BEFORE = re.compile(
    r"\b(?:strongholds?|bases?|springboards?|bridgeheads?|footholds?|launch(?:ing)?\s*pads?|staging\s+(?:grounds?|areas?"
    r"|posts?|points?))\s+(?:for|of)\s+(?:the\s+|an?\s+|its\s+|their\s+)?(?:\w+\s+)?$",
    re.I,
)


def strike_spans(text: str) -> Spans:
    """Strike triggers, without attacks that were repelled on the front line, drones destroyed in the air, or
    strikes only threatened ("could allow Moscow to move against", "threatened to target")."""
    out = []
    for m in STRIKE.finditer(text):
        before = text[max(0, m.start() - 40) : m.start()]
        if _REPELLED.search(before) or _NOT_DONE_BEFORE.search(before) or _STAGING_BEFORE.search(before):
            continue
        downed = _DOWNED_AFTER.match(text[m.end() : m.end() + 50]) or _DOWNED_BEFORE.search(
            text[max(0, m.start() - 60) : m.start()]
        )
        if m.group(0).lower().startswith("destroy") and downed:
            continue
        out.append(m.span())
    return out


def prisoner_exchange(text: str) -> bool:
    return bool(PRISONER_EXCHANGE.search(text)) and not HYPOTHETICAL.search(text)


def ground(text: str) -> bool:
    return bool(ground_spans(text))


def strike(text: str) -> bool:
    return bool(strike_spans(text))


def strike_verb(text: str) -> bool:
    return bool(STRIKE_VERB.search(text))


def diplomatic_cue(text: str) -> bool:
    """A cheap first look: might the sentence report a diplomatic act? (`diplomacy.acts` decides.)"""
    return bool(DIPLOMATIC_CUE.search(text))


def denial(text: str) -> bool:
    return bool(DENIAL.search(text))


def statement(text: str) -> bool:
    return bool(REPORTING.search(text))
