"""Within one article, sentences that report the same event become one event.

An article repeats itself: the lead gives the toll, a quote repeats it, a later paragraph adds the injured. Two
drafts merge when they have the same type, a compatible date (the same day, or one of them has no date words of
its own) and a compatible place:

* the same place, or
* a country-level draft whose figures all repeat figures of a more precise one (the lead's "killing at least 10
  people" across Ukraine is the Ternopil toll), or a country-level draft without figures, or
* a region and a place inside it, in the same story, unless the text calls the second a separate attack or their
  figures conflict (a district of a city and its city: unless the district's figures exceed the city's), or
* for diplomacy, the same kind of act in the same story with no second venue and no second set of
  counterparts (`_same_act`): one event per meeting, call, summons or package, however many sentences tell it.

A figure that two drafts of an article both state is kept once, on the most precise draft. Ground claims merge
only on the same place. Statements merge per speaker and story.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from datetime import date

from kronika.extraction.context import Draft, as_date
from kronika.extraction.places import SPECIFICITY
from kronika.models import Event, Figure, Location


def _loc_key(loc: Location | None) -> str | None:
    if loc is None:
        return None
    return loc.gazetteer_id or f"{loc.name}|{loc.country}"


# one unnamed place in a region ("recaptured a small village in the Luhansk region"), or a counted few ("retook
# three villages in the Kursk region"), named later; a summary of several ("several towns in the Kharkiv
# region") stays a claim of its own beside the list that names them
_UNNAMED_PLACES = re.compile(
    r"\b(?:a|an|another|one)\s+(?:[\w-]+\s+){0,2}?(?:village|town|settlement|locality|hamlet)\b(?!\s+of\b)"
    r"|\b(?:two|three|four|five)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:villages|towns|settlements|localities|hamlets)\b(?!\s+of\b)",
    re.I,
)


def _same_name_unsettled(a: Location | None, b: Location | None) -> bool:
    """ "Urozhaine" left ambiguous in one sentence and placed in the next is one place in one article."""
    return (
        a is not None
        and b is not None
        and "ambiguous" in (a.precision, b.precision)
        and a.name == b.name
        and (a.country or b.country) == (b.country or a.country)
    )


def _precision(loc: Location | None) -> int:
    return SPECIFICITY.get(loc.precision, 6) if loc else 7


def _inside(inner: Location | None, outer: Location | None) -> bool:
    """Is `inner` a place within the region or country `outer`?"""
    if inner is None or outer is None or _precision(inner) >= _precision(outer):
        return False
    if outer.precision == "country":
        return bool(inner.country) and inner.country == outer.country
    if outer.precision == "admin1":
        return bool(inner.admin1) and inner.admin1 == (outer.admin1 or outer.name)
    if outer.precision == "admin2":
        return bool(inner.admin2) and inner.admin2 == (outer.admin2 or outer.name)
    return False


def _in_city(inner: Location | None, outer: Location | None) -> bool:
    """Is `inner` a district of the city `outer` that is a region of its own (Kyiv, Sevastopol): "the
    Shevchenkivskyi district" is in the Kyiv the story's strike hit?"""
    return (
        inner is not None
        and outer is not None
        and outer.precision == "settlement"
        and outer.admin1 == outer.name
        and inner.admin1 == outer.name
        and _loc_key(inner) != _loc_key(outer)
    )


# How far a day a sentence states may lie from the story's day of an earlier draft it merges into: a later
# "the strike on Monday" names the day of the lead's undated strike; an older date further on ("On 22
# August, troops entered the village") is background, another event at the same place.
STATED_AFTER_STORY_DAYS = 3
# How far the story's day may lie from the stated day of an earlier draft it merges into: the undated
# sentences after "Russia struck Kharkiv on Tuesday" go on about Tuesday's strike.
STORY_AFTER_STATED_DAYS = 7


def _dates_fit(kept: Draft, new: Draft) -> bool:
    """Same day; or one of the two has no day (a vague date fits anything); or one fixed its day with its
    own words and the other has the story's day, not too far from it (see above)."""
    if kept.date is None and new.date is None and kept.date_partial and new.date_partial:
        # undated, but "on March 8" and "on March 15" are still two days (weekdays are not compared: "said
        # on Friday" of a strike "late on Thursday" names the report's day); a claim reported to the leader on
        # Nov 30 and announced on Dec 1 is one claim
        if kept.type == "ground_claim":
            return _partials_within(kept.date_partial, new.date_partial, CLAIM_PARTIAL_DAYS)
        return kept.date_partial == new.date_partial
    if kept.date == new.date or kept.date is None or new.date is None:
        return True
    if kept.date_explicit == new.date_explicit:
        return not kept.date_explicit  # two stated days differ; two story days are one story's
    gap = (as_date(new.date) - as_date(kept.date)).days  # how far the new draft's day lies after the kept one's
    if new.date_explicit:  # a stated day days later ("... even tomorrow") is another, later event
        return -STATED_AFTER_STORY_DAYS <= gap <= 1
    return abs(gap) <= STORY_AFTER_STATED_DAYS


CLAIM_PARTIAL_DAYS = 1  # how far apart two year-less days of one claim on one place may lie in one story


def _partials_within(a: str, b: str, days: int) -> bool:
    """Two partial dates of one kind within `days` of each other ('--11-30' and '--12-01': one day; a month
    'YYYY-MM' only equals itself)."""
    if a == b:
        return True
    if not (a.startswith("--") and b.startswith("--")):
        return False
    try:  # 2024 is a leap year, so that --02-29 is a day; a year-end pair is compared across the new year
        x, y = (as_date(f"2024{p[1:]}") for p in (a, b))
    except ValueError:
        return False
    gap = abs((x - y).days)
    return min(gap, 366 - gap) <= days


def _figure_keys(d: Draft) -> set[tuple[str, int]]:
    return {(f.kind, f.value) for f in d.figures}


def _mergeable(kept: Draft, new: Draft) -> bool:
    if kept.type != new.type or not _dates_fit(kept, new):
        return False
    if kept.type == "statement":  # a denial stays apart from the speaker's other words, one per place denied
        return (
            kept.story == new.story
            and kept.claimed_by == new.claimed_by
            and (kept.status == "denied") == (new.status == "denied")
            and _loc_key(kept.location) == _loc_key(new.location)
        )
    k, n = _loc_key(kept.location), _loc_key(new.location)
    if kept.type in ("diplomacy", "other"):
        return _same_act(kept, new)
    if kept.type == "ground_claim":  # a claim and its denial stay side by side
        if (kept.status == "denied") != (new.status == "denied"):
            return False
        if k is not None and (k == n or _same_name_unsettled(kept.location, new.location)):
            return True
        # "recaptured a small village in the Luhansk region ... liberated the village of Nadiia": one claim
        return (
            kept.story == new.story
            and kept.location is not None
            and kept.location.precision in ("admin1", "admin2")
            and _inside(new.location, kept.location)
            and bool(_UNNAMED_PLACES.search(kept.quote))
            and new.paragraph - kept.paragraph <= 8
        )
    if k is not None and (k == n or _same_name_unsettled(kept.location, new.location)):
        return True
    for inner, outer in ((kept, new), (new, kept)):
        if (
            outer.location is not None
            and outer.location.precision == "country"
            and _inside(inner.location, outer.location)
            and (not outer.figures or _figure_keys(outer) <= _figure_keys(inner))
        ):
            return True
        if (
            outer.location is not None
            and (
                (outer.location.precision in ("admin1", "admin2") and _inside(inner.location, outer.location))
                or _in_city(inner.location, outer.location)
            )
            and kept.story == new.story
            and not new.separate
            and (not _conflicting(kept, new) or (_in_city(inner.location, outer.location) and _part_of(inner, outer)))
        ):
            return True
    return False


def _part_of(inner: Draft, outer: Draft) -> bool:
    """Are the district's figures parts of its city's ("22 killed at the building in the Darnytskyi district",
    "23 killed in Kyiv in all")? Each kind both give is no higher in the district."""
    mine = {f.kind: f.value for f in inner.figures}
    whole: dict[str, int] = {}
    for f in outer.figures:
        whole[f.kind] = max(whole.get(f.kind, 0), f.value)
    return all(value <= whole[kind] for kind, value in mine.items() if kind in whole)


def _same_act(kept: Draft, new: Draft) -> bool:
    """Do two diplomacy drafts of one story report one act? The same kind of act (a meeting is not the aid
    announced at it), no second venue (talks in Istanbul and talks in Ankara are two), and no second set of
    counterparts (Erdogan's call with Putin and his call with Zelensky are two calls); a package the text calls
    another ("later also imposed sanctions on ...") is another."""
    if kept.story != new.story or new.separate or (kept.act and new.act and kept.act != new.act):
        return False
    k, n = _loc_key(kept.location), _loc_key(new.location)
    if (
        k is not None
        and n is not None
        and k != n
        and not (_inside(kept.location, new.location) or _inside(new.location, kept.location))
    ):
        return False
    if k is not None and k == n and kept.location.precision != "country":
        return True  # one venue, one day: the sentences of one meeting, whoever each one names
    a, b = set(kept.persons), set(new.persons)
    return not (a and b and a - b and b - a and len(a & b) < 2)


def _conflicting(a: Draft, b: Draft) -> bool:
    kinds_a = {f.kind: f.value for f in a.figures}
    return any(f.kind in kinds_a and kinds_a[f.kind] != f.value for f in b.figures)


def _takes_date(kept: Draft, new: Draft) -> bool:
    """Does the merged event take the new draft's day? A stated day beats the story's day; a draft the text
    dated vaguely ("the weekend strike") is not given the story's day by an undated repeat."""
    if new.date is None:
        return False
    if kept.date is not None:
        return new.date_explicit and not kept.date_explicit
    return new.date_explicit or not kept.date_explicit


def _merge_into(kept: Draft, new: Draft) -> None:
    if _precision(new.location) < _precision(kept.location) or _in_city(kept.location, new.location):
        if kept.location is not None:
            kept.places.append(kept.location)
        kept.location = new.location
    elif new.location is not None and _loc_key(new.location) != _loc_key(kept.location):
        kept.places.append(new.location)
    if _takes_date(kept, new):
        kept.date, kept.date_explicit = new.date, new.date_explicit
        kept.date_partial, kept.weekday = new.date_partial or kept.date_partial, new.weekday or kept.weekday
    elif kept.date is None:
        kept.date_partial = kept.date_partial or new.date_partial
    kept.weekday = kept.weekday or new.weekday
    if kept.figures or not new.figures:
        kept.claimed_by = kept.claimed_by or new.claimed_by
    else:  # the event's claimant is who states its figures, not who mentioned the attack before
        kept.claimed_by = new.claimed_by or kept.claimed_by
    if new.status == "denied" or (new.status == "claimed" and kept.status == "reported"):
        kept.status = new.status
    kept.actors += [a for a in new.actors if a not in kept.actors]
    kept.persons += [p for p in new.persons if p not in kept.persons]
    have = _figure_keys(kept)
    kept.figures += [f for f in new.figures if (f.kind, f.value) not in have]


def _drop_repeated_figures(drafts: Sequence[Draft]) -> None:
    """A figure a vaguer draft repeats from a more precise one of the same story is kept on the precise one
    only: the lead's "killing at least 10 people" across Ukraine is the Ternopil toll. A draft the text calls a
    separate attack ("Elsewhere, two people were killed") keeps its figures whatever their values."""
    # (story, figure) -> the drafts stating it now: each draft is compared with those, not with the whole article
    stating: dict[tuple[int, tuple[str, int]], list[Draft]] = {}
    for d in drafts:
        for key in _figure_keys(d):
            stating.setdefault((d.story, key), []).append(d)
    for d in drafts:
        seen: set[tuple[str, int]] = set()
        kept: list[Figure] = []
        for f in d.figures:
            key = (f.kind, f.value)
            if key in seen:
                continue
            seen.add(key)
            if not d.separate and any(_repeats(d, o, key) for o in stating[(d.story, key)] if o is not d):
                continue
            kept.append(f)
        for key in _figure_keys(d) - {(f.kind, f.value) for f in kept}:
            stating[(d.story, key)].remove(d)
        d.figures = kept


def _repeats(d: Draft, other: Draft, key: tuple[str, int]) -> bool:
    """Does `other`, a more precise draft of the same story inside d's place, state the same figure?"""
    if other.story != d.story or key not in _figure_keys(other):
        return False
    if d.location is None:
        return other.location is not None
    return _inside(other.location, d.location)


# "later on Friday also imposed ...", "later that day": what the story told before happened that day too
_LATER_ON = re.compile(r"\blater\s+(?:on\s+)?(?:that\s+day|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b", re.I)


def _date_by_later(merged: Sequence[Draft]) -> None:
    """An act told as coming "later on Friday" dates the act of its kind the story told before it, when the text gave
    that one no day of its own (it had the story's day): it happened on that Friday too, before the later one."""
    for i, d in enumerate(merged):
        prev = next((m for m in reversed(merged[:i]) if m.type == d.type), None)
        if (
            prev is not None
            and d.story == prev.story
            and d.date
            and d.date_explicit
            and prev.date
            and not prev.date_explicit
            and _LATER_ON.search(d.quote)
            and 0 < (date.fromisoformat(prev.date) - date.fromisoformat(d.date)).days <= 6
        ):
            prev.date = d.date


def consolidate(drafts: Sequence[Draft], doc_key: str) -> list[Event]:
    """Merge the drafts of one article into its events, with ids unique to the article."""
    merged: list[Draft] = []
    of_type: dict[str, list[Draft]] = {}  # merged drafts by type: only those can take a draft (see _mergeable)
    for d in drafts:
        host = _commented_event(merged, d) if d.type == "statement" else None
        if host is not None:
            host.claimed_by = host.claimed_by or d.claimed_by
            if host.type == "diplomacy":  # who speaks about talks or a package took part in them
                host.actors += [a for a in d.actors if a not in host.actors]
            continue
        target = next((m for m in reversed(of_type.get(d.type, ())) if _mergeable(m, d)), None)
        if target is None:
            if not d.mention:  # a venue named for talks the article never reported as an act goes
                merged.append(d)
                of_type.setdefault(d.type, []).append(d)
        else:
            _merge_into(target, d)
    _drop_repeated_figures(merged)
    _date_by_later(merged)
    # a violent draft that lost all its figures to a more precise one and names no place of its own is a repeat
    merged = [
        d
        for d in merged
        if not (d.type in ("strike", "air_attack") and not d.figures and d.location is None)
        and not (
            d.type in ("strike", "air_attack")
            and not d.figures
            and d.location
            and d.location.precision == "country"
            and _has_precise_sibling(d, merged)
        )
    ]
    prefix = hashlib.sha1(doc_key.encode("utf-8")).hexdigest()[:8]
    events = []
    for i, d in enumerate(merged, 1):
        places = []
        for p in d.places:
            if _loc_key(p) != _loc_key(d.location) and all(_loc_key(p) != _loc_key(q) for q in places):
                places.append(p)
        events.append(
            Event(
                id=f"{prefix}-{i:02d}",
                type=d.type,
                date=d.date,
                location=d.location,
                places=places,
                actors=d.actors,
                claimed_by=d.claimed_by,
                status=d.status,
                quote=d.quote,
                span=d.span,
                figures=d.figures,
                date_basis=None if d.date is None else ("text" if d.date_explicit else "story"),
                date_partial=None if d.date is not None else d.date_partial,
                weekday=d.weekday,
            )
        )
    return events


def _commented_event(merged: Sequence[Draft], statement: Draft) -> Draft | None:
    """The event a statement comments on, if it does: the story's latest event, when the statement is in its
    paragraph or the next, or within three paragraphs is by its claimant, quotes somebody or refers back to it
    ("the strike", "the talks"). A denial stays a statement of its own; so does a statement with no event
    before it in its story (the article's subject)."""
    if statement.status == "denied":
        return None
    if _HIT_TOLD.search(statement.quote):  # "the governor said the rockets hit a market": the story's last strike
        hit = next((m for m in reversed(merged) if m.type in ("strike", "air_attack")), None)
        if hit is not None and hit.story == statement.story and statement.paragraph - hit.paragraph <= 3:
            return hit
    event = next((m for m in reversed(merged) if m.type != "statement"), None)
    if event is None or event.story != statement.story:
        return None
    gap = statement.paragraph - event.paragraph
    if gap <= 1:  # the event's own paragraph, or the next one: the reaction or the quote that follows it
        return event
    a, b = (event.claimed_by or "").split(), (statement.claimed_by or "").split()
    if a and b and a[-1].lower() == b[-1].lower() and gap <= 3:
        return event
    if gap <= 3 and (_QUOTED.search(statement.quote) or _refers_to(event, statement.quote)):
        return event
    return None


# a statement telling what the weapons of a strike the story reported did
_HIT_TOLD = re.compile(
    r"\b(?:the|these|those)\s+(?:\w+\s+)?(?:rockets?|missiles?|drones?|shells?|bombs?|strikes?|attacks?|projectiles?)"
    r"\s+(?:had\s+|have\s+|has\s+)?(?:hit|struck|damaged|destroyed|landed|fell|slammed|exploded|targeted)\b",
    re.I,
)
_QUOTED = re.compile(r"^\W*[\"“]|[,.]\s*[\"”]\s+(?:\w+\s+){1,4}(?:said|says|added|wrote|told)\b")
_BACK = {
    "strike": r"attacks?|strikes?|shelling|bombardment|barrage|assault|explosions?|blasts?|drones?|missiles?|damage"
    r"|fires?|rockets?|shells?|bombs?|projectiles?|munitions?|warheads?",
    "air_attack": r"attacks?|strikes?|barrage|drones?|missiles?|air\s+defen[cs]es?",
    "ground_claim": r"capture|village|town|city|settlement|claims?|advance|offensive|fighting|battles?|assault",
    "diplomacy": r"talks|meeting|summit|visit|call|conversation|measures|sanctions|package|plan|proposal|agreement"
    r"|deal|document|negotiations|aid|assistance|summons|ambassador",
}
_BACK_RE = {k: re.compile(rf"\b(?:the|this|that|these|those)\s+(?:\w+\s+)?(?:{v})\b", re.I) for k, v in _BACK.items()}


def _refers_to(event: Draft, quote: str) -> bool:
    pattern = _BACK_RE.get(event.type)
    return bool(pattern and pattern.search(quote))


def _has_precise_sibling(d: Draft, drafts: Sequence[Draft]) -> bool:
    return any(o is not d and o.type == d.type and _inside(o.location, d.location) for o in drafts)
