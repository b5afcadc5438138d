"""From parsed sentences to events: the heart of extraction.

For each sentence of the story (captions and headline lines excluded), in this order:

1. figures (killed, drones launched, ...) make an `air_attack` (weapons) and/or a `strike` (casualties) event;
2. otherwise the trigger nearest the sentence's main verb decides between `ground_claim`, `strike` (a hit on a
   named place, no toll) and `diplomacy` (`other` for a visit that is not diplomatic);
3. otherwise a named speaker saying something makes a `statement`.

A sentence with a toll but no place ("killing at least 10 people", said a minister) takes the place the story is
currently about (the last place a strike or claim was tied to in the same story); failing that, the country under
attack, never a guess below country level. Dates come from the sentence's own date words resolved against the
story's reference day; with no date words the event takes the reference day; vague ones ("in recent weeks") give
null. Sentences of one article that report the same event are merged afterwards (`consolidate`).
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from kronika.dates import resolve_date
from kronika.extraction import triggers
from kronika.extraction.actors import actors_in, state_of
from kronika.extraction.claimants import find_claimant
from kronika.extraction.context import ArticleContext, Draft, as_date, is_headline, masked_text
from kronika.extraction.figures import find_figures, weapon_category
from kronika.extraction.places import SPECIFICITY, PlaceRef, best_place, listed_with
from kronika.extraction.sides import attacker, in_theatre, not_attacker, target_country
from kronika.models import WEAPON_KINDS, Figure, Location
from kronika.nlp import ents_between

_STATEMENT_SPEAKER_LABELS = ("PERSON", "ORG", "GPE", "NORP")
CAPITALS = frozenset({"Kyiv", "Moscow"})
_LOCATIVE_BEFORE = re.compile(r"\b(?:in|at|to|near|outside|visit(?:ed|ing|s)?)\s+(?:the\s+)?(?:[A-Z][\w-]*\s+)?$", re.I)


_ELSEWHERE = re.compile(r"\b(?:elsewhere|separately|in\s+another\s+(?:attack|strike|region|city))\b", re.I)


def _tolls_by_place(
    tolls: list[tuple[Figure, int]], refs: list[PlaceRef]
) -> list[tuple[PlaceRef, list[Figure]]] | None:
    """Pair each toll with the place that follows it closely ("five in Donetsk region and two in Kherson
    region"); None unless that gives at least two different places and every toll a place."""
    places = sorted(
        (r for r in refs if r.role == "locative" and r.location.precision != "country"), key=lambda r: r.start
    )
    if len(places) < 2 or len(tolls) < 2:
        return None
    starts = [pos for _, pos in tolls] + [10**9]
    groups: dict[int, tuple[PlaceRef, list[Figure]]] = {}
    for i, (fig, pos) in enumerate(tolls):
        nxt = next((r for r in places if pos < r.start < starts[i + 1] and r.start - pos <= 60), None)
        if nxt is None:
            return None
        groups.setdefault(id(nxt), (nxt, []))[1].append(fig)
    return list(groups.values()) if len(groups) >= 2 else None


def _trigger_depth(sent: Span, pattern: re.Pattern[str], text: str) -> int | None:
    """How deep below the sentence root the first trigger of a type sits (smaller = main clause)."""
    best: int | None = None
    for m in pattern.finditer(text):
        span = sent.doc.char_span(sent.start_char + m.start(), sent.start_char + m.end(), alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        depth = sum(1 for _ in span[0].ancestors)
        best = depth if best is None else min(best, depth)
    return best


class SentenceReader:
    """Reads one article sentence by sentence and collects drafts."""

    def __init__(self, ctx: ArticleContext) -> None:
        self.ctx = ctx
        self.drafts: list[Draft] = []
        self.focus: dict[int, Location] = {}  # story -> place the story is currently about
        self.air_side: dict[int, str] = {}  # story -> country whose air defence the story reports
        self.claimant_side: dict[int, str] = {}  # story -> the side of the last claimant that named one
        self.last_claim: dict[int, Location] = {}  # story -> place of the last ground claim
        self.last_weapon: dict[int, str | None] = {}  # story -> what the last weapons count counted

    def read(self) -> list[Draft]:
        for sent in self.ctx.doc.sents:
            self._read_sentence(sent)
        return self.drafts

    # -- one sentence ---------------------------------------------------------------------------------------
    def _read_sentence(self, sent: Span) -> None:
        ctx = self.ctx
        raw = sent.text
        start = sent.start_char + (len(raw) - len(raw.lstrip()))
        end = sent.start_char + len(raw.rstrip())
        if end <= start or ctx.cleaned.in_caption(start):
            return
        if is_headline(ctx.line(start)):
            self._headline(start, end)
            return
        text = masked_text(ctx, start, end)
        if not text.strip():
            return
        story_i = ctx.story_index(start)
        story = ctx.stories[story_i] if ctx.stories else None
        reference = as_date(story.reference_date) if story else None
        resolution = resolve_date(text, reference)
        if resolution.date is not None:
            date, explicit = resolution.date.isoformat(), True
        elif resolution.vague or resolution.expression:
            date, explicit = None, True
        else:
            date, explicit = (story.reference_date if story else None), False
        base = dict(
            date=date,
            date_explicit=explicit,
            story=story_i,
            paragraph=ctx.paragraph(start),
            quote=ctx.cleaned.text[start:end],
            span=(start, end),
        )
        all_refs = ctx.place_refs(start, end)
        refs = [r for r in all_refs if in_theatre(r)]
        claimant = find_claimant(sent, ctx.names, ctx.masked)
        side = {"Ukraine": "UA", "Russia": "RU"}.get(state_of(claimant or "") or "")
        if side:
            self.claimant_side[story_i] = side
        found = find_figures(text, self.last_weapon.get(story_i))
        for f in found:
            self.last_weapon[story_i] = weapon_category(f.kind) or self.last_weapon.get(story_i)
        figures = [
            Figure(f.kind, f.value, f.qualifier, claimant, ctx.cleaned.text[start:end], (start, end)) for f in found
        ]
        target = target_country(text)
        separate = bool(re.search(r"\b(?:separate|another|other)\s+(?:\w+\s+)?(?:attack|strike)", text, re.I))
        weapons = [(f, start + m.start) for f, m in zip(figures, found, strict=True) if f.kind in WEAPON_KINDS]
        tolls = [(f, start + m.start) for f, m in zip(figures, found, strict=True) if f.kind not in WEAPON_KINDS]
        if weapons:
            self._air_attack(base, weapons, refs, claimant, target)
        if tolls:
            self._strike(base, tolls, refs, claimant, target, story_i, separate, text)
        if figures:
            if weapons and not tolls and triggers.strike_verb(text):  # "... firing 810 drones and hitting Kyiv"
                self._bare_strike(text, base, refs, claimant, target, story_i, separate)
            if triggers.ground(text):  # "... shot down 67 drones, and troops had captured the village of X"
                self._ground(base, refs, claimant, text, story_i)
            return
        self._untallied(sent, text, base, refs, all_refs, claimant, target, story_i, separate)

    def _headline(self, start: int, end: int) -> None:
        """A headline repeats the body, so it makes no event; but the one town it names is where the story is,
        for a body that only says "the southern port city" ("Russian drone attack kills 3 in Odesa")."""
        story_i = self.ctx.story_index(start)
        towns = {
            r.location.gazetteer_id: r.location
            for r in self.ctx.place_refs(start, end)
            if in_theatre(r) and r.location.precision == "settlement" and r.role not in ("subject", "possessive")
        }
        if len(towns) == 1 and story_i not in self.focus:
            self.focus[story_i] = next(iter(towns.values()))

    def _untallied(
        self,
        sent: Span,
        text: str,
        base: dict,
        refs: list[PlaceRef],
        all_refs: list[PlaceRef],
        claimant: str | None,
        target: str | None,
        story_i: int,
        separate: bool,
    ) -> None:
        """A sentence without figures: a claim, a hit, a diplomatic act or a statement."""
        depths: dict[str, int] = {}
        if triggers.ground(text):
            depths["ground_claim"] = _trigger_depth(sent, triggers.GROUND, text) or 0
        if triggers.strike(text):
            depths["strike"] = _trigger_depth(sent, triggers.STRIKE, text) or 0
        if triggers.diplomacy(text):
            depths["diplomacy"] = _trigger_depth(sent, triggers.DIPLOMACY, text) or 0
        for kind in sorted(depths, key=lambda k: (depths[k], ("ground_claim", "strike", "diplomacy").index(k))):
            if kind == "ground_claim" and self._ground(base, refs, claimant, text, story_i):
                return
            if kind == "strike" and self._bare_strike(text, base, refs, claimant, target, story_i, separate):
                return
            if kind == "diplomacy" and self._diplomacy(sent, text, base, all_refs, claimant):
                return
        placeless = not any(r.location.precision != "country" and r.role not in ("subject", "possessive") for r in refs)
        if triggers.denial(text) and base["story"] in self.last_claim and placeless:
            # "Ukrainian units remain in control of the city, the General Staff said": the denial of the claim
            # the story is about, kept beside it (never merged away) so both claims stay visible
            self.drafts.append(
                Draft(
                    type="ground_claim",
                    location=self.last_claim[base["story"]],
                    claimed_by=claimant,
                    status="denied",
                    actors=actors_in(sent, self.ctx.names)[:4],
                    **base,
                )
            )
            return
        if triggers.statement(text) and claimant and _named(sent, claimant):
            self.drafts.append(
                Draft(
                    type="statement",
                    claimed_by=claimant,
                    actors=actors_in(sent, self.ctx.names, [claimant])[:6],
                    **base,
                )
            )

    # -- event builders -------------------------------------------------------------------------------------
    def _air_attack(
        self,
        base: dict,
        weapons: list[tuple[Figure, int]],
        refs: list[PlaceRef],
        claimant: str | None,
        target: str | None,
    ) -> None:
        """A barrage or air-defence report. The total goes to the defending country (the claimant's side, else
        the side under attack); a region named before the figures ("Over the Kursk region, 40 drones were
        downed") makes it a regional report; a breakdown after the total ("including 66 over the Bryansk
        region") becomes a regional report of its own."""
        side = state_of(claimant or "")
        code = {"Ukraine": "UA", "Russia": "RU"}.get(side or "") or target or self.air_side.get(base["story"])
        code = code or self.claimant_side.get(base["story"])
        if code:
            self.air_side[base["story"]] = code
        regions = [r for r in refs if r.role == "locative" and r.location.precision in ("admin1", "admin2")]
        first = weapons[0][1]
        lead_region = next((r for r in regions if r.start < first), None)
        main: list[Figure] = []
        breakdown: list[tuple[Figure, PlaceRef]] = []
        for fig, pos in weapons:
            if any(f.kind == fig.kind for f in main):
                after = next((r for r in regions if r.start > pos), None)
                if after is not None:
                    breakdown.append((fig, after))
                continue
            main.append(fig)
        location = lead_region.location if lead_region else self.ctx.country.get(code or "")
        self.drafts.append(
            Draft(
                type="air_attack", location=location, claimed_by=claimant, figures=main, actors=attacker(code), **base
            )
        )
        for fig, ref in breakdown:
            self.drafts.append(
                Draft(
                    type="air_attack",
                    location=ref.location,
                    claimed_by=claimant,
                    figures=[fig],
                    actors=attacker(code),
                    **base,
                )
            )

    def _strike(
        self,
        base: dict,
        tolls: list[tuple[Figure, int]],
        refs: list[PlaceRef],
        claimant: str | None,
        target: str | None,
        story_i: int,
        separate: bool,
        text: str,
    ) -> None:
        """Tolls. One place for the sentence, unless it gives each toll its own ("killed five people in the
        Donetsk region and two in the Kherson region"): then one strike per place."""
        usable = not_attacker(refs)
        groups = _tolls_by_place(tolls, usable)
        if groups is None:
            ref = best_place(usable)
            groups = [(ref, [f for f, _ in tolls])]
        elsewhere = bool(_ELSEWHERE.search(text))
        for ref, figures in groups:
            fallback = None if elsewhere else self.focus.get(story_i)
            location = ref.location if ref else fallback or self.ctx.country.get(target or "")
            code = location.country if location else target
            if ref is not None and ref.location.precision not in ("country",):
                self.focus[story_i] = ref.location
            self.drafts.append(
                Draft(
                    type="strike",
                    location=location,
                    claimed_by=claimant,
                    figures=figures,
                    actors=attacker(target or (code if code in ("UA", "RU") else None)),
                    separate=separate or elsewhere,
                    places=[r.location for r in refs if ref is None or r.location is not ref.location],
                    **base,
                )
            )

    def _bare_strike(
        self,
        text: str,
        base: dict,
        refs: list[PlaceRef],
        claimant: str | None,
        target: str | None,
        story_i: int,
        separate: bool,
    ) -> bool:
        ref = best_place(not_attacker(refs), allow_modifier=False)
        if ref is None and not refs and story_i in self.focus and triggers.strike_verb(text) and not separate:
            # "The strike hit a passenger train, Lysak said": more about the strike the story is about
            self.drafts.append(Draft(type="strike", location=self.focus[story_i], claimed_by=claimant, **base))
            return True
        if ref is None or ref.role not in ("locative", "object"):
            return False
        if ref.location.precision == "country" and not triggers.strike_verb(text):
            return False
        if ref.location.precision not in ("country",):
            self.focus[story_i] = ref.location
        code = ref.location.country
        self.drafts.append(
            Draft(
                type="strike",
                location=ref.location,
                claimed_by=claimant,
                separate=separate,
                actors=attacker(target or (code if code in ("UA", "RU") else None)),
                **base,
            )
        )
        return True

    def _ground(self, base: dict, refs: list[PlaceRef], claimant: str | None, text: str, story_i: int) -> bool:
        """Captures, advances, losses of ground. Each trigger claims the place it governs ("captured X, while
        ... liberated Y" is two claims), and a list after it ("the villages of X, Y and Z") a claim each."""
        usable = [r for r in refs if r.role not in ("subject", "possessive") and r.location.precision != "country"]
        if not usable:
            return False
        start = base["span"][0]
        claimed: list[PlaceRef] = []
        for m in triggers.GROUND.finditer(text):
            after = [r for r in usable if 0 <= r.start - (start + m.end()) <= 90 and r not in claimed]
            if after:
                first = min(after, key=lambda r: (r.start, SPECIFICITY.get(r.location.precision, 6)))
                if first.location.precision in ("admin1", "admin2", "water"):
                    first = best_place(after, allow_modifier=False) or first
                claimed.append(first)
        if not claimed:
            best = best_place(usable, allow_modifier=False)
            if best is None:
                return False
            claimed = [best]
        status = "denied" if triggers.denial(text) else ("claimed" if claimant else "reported")
        actor = state_of(text)
        self.focus[story_i] = claimed[0].location
        self.last_claim[story_i] = claimed[0].location
        seen: set[int] = set()
        for primary in claimed:
            for r in [primary, *listed_with(primary, usable, self.ctx.cleaned.text)]:
                if id(r) in seen:
                    continue
                seen.add(id(r))
                others = [p.location for p in usable if p is not r and p.location.precision in ("admin1", "admin2")]
                self.drafts.append(
                    Draft(
                        type="ground_claim",
                        location=r.location,
                        claimed_by=claimant,
                        status=status,
                        actors=[actor] if actor else [],
                        places=others,
                        **base,
                    )
                )
        return True

    def _diplomacy(self, sent: Span, text: str, base: dict, refs: list[PlaceRef], claimant: str | None) -> bool:
        """Talks, meetings, calls, summons. Placed only where the text says "in/at/to X"."""
        full = self.ctx.cleaned.text
        ref = next(
            (
                r
                for r in refs
                if r.role not in ("subject", "possessive")
                and _LOCATIVE_BEFORE.search(full[max(0, r.start - 40) : r.start])
            ),
            None,
        )
        kind = "diplomacy"
        if triggers.visit_only(text) and (ref is None or ref.location.precision == "country"):
            kind, ref = "other", None
        elif triggers.visit_only(text) and in_theatre(ref) and ref.location.name not in CAPITALS:
            kind = "other"  # a leader visiting troops in Kharkiv is news, not diplomacy; a visit to Kyiv is
        self.drafts.append(
            Draft(
                type=kind,
                location=ref.location if ref else None,
                claimed_by=claimant,
                actors=actors_in(sent, self.ctx.names)[:8],
                **base,
            )
        )
        return True


def _named(sent: Span, claimant: str) -> bool:
    """The speaker is a named person or organisation, not 'officials' or 'he'."""
    low = claimant.lower()
    return any(
        ent.label_ in _STATEMENT_SPEAKER_LABELS and ent.text.lower() in low
        for ent in ents_between(sent.doc, sent.start_char - 800, sent.end_char)
    ) or any(c.isupper() for c in claimant[1:])


def read_events(ctx: ArticleContext) -> list[Draft]:
    """All event drafts of an article, in text order."""
    return SentenceReader(ctx).read()
