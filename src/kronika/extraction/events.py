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

import dataclasses
import re

from spacy.tokens import Span

from kronika.dates import resolve_date
from kronika.extraction import triggers
from kronika.extraction.actors import actors_in, persons_in, state_of
from kronika.extraction.claimants import StoryClaimants, find_claimant
from kronika.extraction.context import ArticleContext, Draft, as_date, is_headline, masked_text
from kronika.extraction.diplomacy import Act
from kronika.extraction.diplomacy import acts as diplomatic_acts
from kronika.extraction.diplomacy import mentions as diplomatic_mentions
from kronika.extraction.figures import StoryCounts, find_figures
from kronika.extraction.places import (
    SPECIFICITY,
    PlaceRef,
    best_place,
    claimed_ground,
    governed,
    governing_prep,
    is_bearing,
    listed_with,
    place_head,
    rank,
    region_location,
)
from kronika.extraction.sides import (
    attack_target,
    attacker,
    country_over,
    in_theatre,
    not_attacker,
    places_country,
    target_country,
)
from kronika.models import WEAPON_KINDS, Figure, Location
from kronika.nlp import doc_text, ents_between

_STATEMENT_SPEAKER_LABELS = ("PERSON", "ORG", "GPE", "NORP")
CAPITALS = frozenset({"Kyiv", "Moscow"})


# "four of the missiles were shot down": a count about weapons a sentence before counted
_ANAPHORIC = re.compile(r"\b(?:of\s+(?:the|them|these|those)|all\s+(?:the|of\s+them))\b", re.I)
_NATIONWIDE = re.compile(r"\b(?:overall|in\s+total|nationwide|across\s+the\s+country|all\s+over)\b", re.I)
# the weapons aimed at one town: "launched 10 drones against Ukraine's capital Kyiv", "attacked the city of X with"
_AIMED_GAP = re.compile(r"[^.;:\d]{0,60}?\b(?:at|against|towards?|on)\s+(?:the\s+)?(?:[\w’'-]+\s+){0,4}", re.I)
_ATTACKED_BEFORE = re.compile(r"\battack(?:ed|s|ing)\s+(?:the\s+(?:city|town|port|village)\s+of\s+)?$", re.I)
_AT_THE_TOWN = re.compile(
    r"[^.;:]{0,40}?\b(?:at|against|on|towards?)\s+the\s+(?:city|town|village|port)\b(?!\s+of\b)", re.I
)
# the air-defence verb of a weapons count is no hit: "destroyed 15 drones over the region"
_INTERCEPT_VERB = re.compile(r"\b(?:destroyed|destroying)\b", re.I)
_WITH_AFTER = re.compile(r"[^.;:\d]{0,80}?\bwith\s+$", re.I)
# a count followed by its own region: "shot down 16 drones over the Ryazan region", "one in the Sumy region"
_REGION_GAP = re.compile(r"[^.;:\d]{0,50}?\b(?:over|in|above)\s+(?:the\s+)?(?:[\w’'-]+\s+){0,5}", re.I)
_LIST_NEXT = re.compile(r"\s*(?:,|and|or)\s+(?:the\s+)?[A-Z][\w’'-]+(?:\s+(?:and|or|,)|,|\s+regions|\s+oblasts)")
# a strike told as a run of many ("a wave of attacks in recent months"): background, not one event
_DURATIVE = re.compile(
    r"\b(?:in|over|during)\s+(?:the\s+)?(?:recent|past|last)\s+(?:few\s+)?(?:weeks|months|years)\b|\bfor\s+months\b"
    r"|\b(?:sporadically|repeatedly|regularly|routinely|frequently)\b|\bwave\s+of\s+(?:\w+\s+)?attacks\b"
    # "a town almost completely destroyed by constant attacks": damage piled up, not one strike
    r"|\b(?:constant|relentless|incessant|continuous|continual|persistent|(?:weeks|months|years)\s+of)\s+(?:\w+\s+)?"
    r"(?:attacks|shelling|bombardments?|bombing|strikes|fighting)\b",
    re.I,
)
# "drone strikes triggered a fire at a Russian nuclear power plant": the side's country, when no place is named
_SIDE_SITE = re.compile(
    r"\b(Russian|Ukrainian)\s+(?:[\w-]+\s+){0,2}(?:refinery|refineries|plant|airfield|air\s+base|airbase|base|depot"
    r"|port|terminal|factory|facility|facilities|substation|warehouse|arsenal|pipeline)\b",
    re.I,
)
# "to resolve the war in Ukraine": the country at war, not the venue of the talks
_THEATRE_OF_WAR = re.compile(
    r"\b(?:war|conflict|invasion|fighting|aggression|crisis|peace|situation|offensive)\s+(?:in|on|against)\s+$", re.I
)
_VENUE_NOUN = re.compile(
    r"^(?:['’]s)?\s+(?:[A-Z][\w-]*\s+){0,3}(?:palace|complex|resort|hotel|airport|air\s+base|base|house|residence"
    r"|building|centre|center|hall|castle|estate|office|summit|talks|meeting|conference|negotiations)\b",
    re.I,
)
_IN_AT_BEFORE = re.compile(r"\b(?:in|at)\s+(?:the\s+)?(?:[A-Z][\w-]*\s+)?$", re.I)
_TO_BEFORE = re.compile(r"\bto\s+(?:the\s+)?(?:[A-Z][\w-]*\s+)?$", re.I)
# a meeting with one's own commanders or officials, a visit to a command post: not diplomacy
_MILITARY = re.compile(
    r"\b(?:command\s+posts?|commanders?|chief\s+of\s+(?:the\s+)?(?:general\s+)?staff|generals|officers|troops"
    r"|soldiers|front\s*line|brigades?|senior\s+officials|(?:his|its|the\s+country['’]s)\s+security\s+council"
    r"|his\s+(?:government|cabinet|ministers)|governors?)\b",
    re.I,
)
# "later on Friday also imposed sanctions on ...": a second package, not more about the first
_ANOTHER_ACT = re.compile(r"\b(?:also|later|separately|additionally|in\s+addition|another|new\s+round)\b", re.I)
# a place of an occasion to come: "in Paris next week", "in Rome later this month"
_LATER_AFTER = re.compile(
    r"\s*,?\s*(?:next\s+(?:week|month|year|\w+day)|later\s+(?:this|in\s+the)\s+(?:week|month|year)"
    r"|in\s+the\s+coming\s+(?:days|weeks|months)|on\s+\w+day\s+next\s+week)\b",
    re.I,
)
# verbs of founding something: the place of what they found is not where the act took place
_FOUNDING = re.compile(
    r"(?:creat|establish|set|open|buil[dt]|launch|bas|station|deploy|locat)(?:e|es|ed|ing|s|ting)?", re.I
)
_OCCASION_NOUNS = frozenset("meeting meetings summit summits talks conference negotiations forum visit".split())
# acts that a meeting produces, told with it: the meeting's outcome, not another event
_OUTCOMES = frozenset({"plan", "sign", "invite"})
# places a claim leaves unnamed: "several villages", "positions", "ground"
_UNNAMED_GROUND = re.compile(
    r"\b(?:villages?|towns?|settlements?|hamlets?|localities|positions|areas?|ground|territory|kilomet(?:re|er)s?)\b",
    re.I,
)
_PRONOUN_START = re.compile(r"\s*(?:He|She|They)\s")
# from a toll to its place: "a woman and damaging a few cars in ", "two people in the village of "
_TOLL_PLACE_GAP = re.compile(
    r"[^.;:\d]{0,80}?\b(?:in|at|near|outside)\s+(?:the\s+)?(?:(?:[\w’'-]+\s+){0,3}?(?:of\s+))?", re.I
)
_ELSEWHERE = re.compile(r"\b(?:elsewhere|separately|in\s+another\s+(?:attack|strike|region|city))\b", re.I)


def _tolls_by_place(
    tolls: list[tuple[Figure, int]], refs: list[PlaceRef], text: str
) -> list[tuple[PlaceRef, list[Figure]]] | None:
    """Pair each toll with the place that follows it closely ("five in Donetsk region and two in Kherson
    region"); None unless that gives at least two different places and every toll a place. A toll "each in"
    a list of places is every one's ("50,000 each in the Sumy and Poltava regions")."""
    places = sorted(
        (r for r in refs if r.role == "locative" and r.location.precision != "country"), key=lambda r: r.start
    )
    if len(places) < 2 or (len(tolls) < 2 and not _EACH_IN.search(text, tolls[0][1], places[-1].start)):
        return None
    starts = [pos for _, pos in tolls] + [10**9]
    groups: dict[int, tuple[PlaceRef, list[Figure]]] = {}
    for i, (fig, pos) in enumerate(tolls):
        nxt = next((r for r in places if pos < r.start < starts[i + 1] and r.start - pos <= 60), None)
        if nxt is None:
            return None
        groups.setdefault(id(nxt), (nxt, []))[1].append(fig)
        if _EACH_IN.fullmatch(text, pos, nxt.start) is None:
            continue
        for ref in _listed_after(nxt, places, text, starts[i + 1]):
            groups.setdefault(id(ref), (ref, []))[1].append(dataclasses.replace(fig))
    return list(groups.values()) if len(groups) >= 2 else None


# "at least 50,000 each in": the count is each listed place's own
_EACH_IN = re.compile(r"[^.;:]{0,40}?\beach\s+(?:in|across|for)\s+(?:the\s+)?", re.I)
_PLACE_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+(?:and|as\s+well\s+as)\s+)(?:the\s+)?")


def _listed_after(first: PlaceRef, places: list[PlaceRef], text: str, stop: int) -> list[PlaceRef]:
    """The places of the same precision listed right after `first` ("the Sumy, Chernihiv and Poltava regions")."""
    out: list[PlaceRef] = []
    prev = first
    for ref in places:
        if ref.start <= prev.start:
            continue
        if ref.start >= stop or ref.location.precision != first.location.precision:
            break
        if not _PLACE_LIST_GAP.fullmatch(text, prev.end, ref.start):
            break
        out.append(ref)
        prev = ref
    return out


_NATIONAL = re.compile(
    r"\b(?:across|throughout|all\s+over)\s+(?:the\s+country|Ukraine|Russia|(?:\w+\s+)?(?:regions|cities|oblasts))\b"
    r"|\bin\s+the\s+country\b|\bnation(?:wide|ally)\b|\bcountrywide\b",
    re.I,
)


def _nationwide(text: str, refs: list[PlaceRef], first_toll: int) -> bool:
    """The toll is the whole barrage's: the sentence says so ("across Ukraine", "in the country") or spreads the
    attack over three or more regions, and names no place after the toll that would be the toll's own."""
    local = [r for r in refs if r.location.precision != "country" and r.role not in ("subject", "possessive")]
    if any(r.start > first_toll for r in local):
        return False  # "killed 23 with a missile that hit a building in Uman, part of a countrywide volley"
    if _NATIONAL.search(text):
        return True
    return len({r.location.admin1 or r.location.name for r in local}) >= 3


def _trigger_depth(sent: Span, spans: list[tuple[int, int]], offset: int) -> int | None:
    """How deep below the sentence root the first trigger of a type sits (smaller = main clause). `spans` are
    offsets in the sentence text, which starts at `offset` in the document."""
    best: int | None = None
    for a, b in spans:
        span = sent.doc.char_span(offset + a, offset + b, alignment_mode="expand")
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
        self.claimed_places: dict[int, set[str]] = {}  # story -> places it reports a ground claim for
        self.last_stated: tuple[int, str] | None = None  # (paragraph, day) of the last sentence that stated a day
        self.attack_days: dict[int, set[str]] = {}  # story -> days the text gives "the strike" itself
        self.vague_attacks: set[int] = set()  # starts of sentences that dated their strike only vaguely
        self.counts: dict[int, StoryCounts] = {}  # story -> what its sentences counted so far
        self.claimants: dict[int, StoryClaimants] = {}  # story -> the claimants it named so far
        self.local_air: dict[int, Location] = {}  # story -> place of its last air attack below country level
        self.national_air: dict[int, Draft] = {}  # story -> its country-wide air-defence report
        self.titles: list[Span] = []  # title lines (and a cut-off last line), read for figures after the body
        self.body_seen: set[int] = set()  # stories whose body has begun

    def read(self) -> list[Draft]:
        for sent in self.ctx.doc.sents:
            self._read_sentence(sent)
        for sent in self.titles:
            self._read_sentence(sent, title=True)
        self._date_vague_attacks()
        return self.drafts

    def _date_vague_attacks(self) -> None:
        """"The toll from the weekend strike rose to 35 ... The strike on the building on Saturday came amid a
        barrage": a strike the text dated only vaguely takes the one day the story later gives the strike."""
        for d in self.drafts:
            days = self.attack_days.get(d.story, set())
            vague = d.date is None and d.span[0] in self.vague_attacks
            if vague and d.type in ("strike", "air_attack") and len(days) == 1:
                d.date = next(iter(days))

    # -- one sentence ---------------------------------------------------------------------------------------
    def _read_sentence(self, sent: Span, title: bool = False) -> None:
        """One sentence. `title`: a headline line read after the body, for the figures only it states."""
        ctx = self.ctx
        raw = doc_text(ctx.doc)[sent.start_char : sent.end_char]  # `sent.text`, without joining its tokens
        start = sent.start_char + (len(raw) - len(raw.lstrip()))
        end = sent.start_char + len(raw.rstrip())
        if end <= start or ctx.cleaned.in_caption(start):
            return
        if is_headline(ctx.line(start)) and not title and not self._cut_off(start):
            self._headline(start, end)
            self._keep_title(sent, start)
            return
        self.body_seen.add(ctx.story_index(start))
        text = masked_text(ctx, start, end)
        if not text.strip():
            return
        story_i = ctx.story_index(start)
        story = ctx.stories[story_i] if ctx.stories else None
        reference = as_date(story.reference_date) if story else None
        anchor = reference or (as_date(story.anchor_date) if story else None)
        lead_day = as_date(story.event_date) if story else None
        resolution = resolve_date(text, anchor, night=lead_day, weak=reference is None)
        paragraph = ctx.paragraph(start)
        if resolution.date is not None:
            date, explicit = resolution.date.isoformat(), True
            self.last_stated = None if resolution.future else (paragraph, date)
            if resolution.of_attack and not resolution.future:
                self.attack_days.setdefault(story_i, set()).add(date)
        elif resolution.vague or resolution.expression:
            date, explicit = None, True
            self.last_stated = None
            if resolution.of_attack:
                self.vague_attacks.add(start)
        elif self.last_stated is not None and (
            self.last_stated[0] == paragraph or (self.last_stated[0] == paragraph - 1 and _PRONOUN_START.match(text))
        ):
            # the paragraph goes on about the day it stated; so does a next one that opens on "He", "She"
            date, explicit = self.last_stated[1], False
        else:  # no date words: the day the story's lead reports, else the story's own day
            date, explicit = (story.event_date or story.reference_date) if story else None, False
        base = dict(
            date=date,
            date_explicit=explicit,
            date_partial=resolution.partial,
            weekday=resolution.weekday,
            story=story_i,
            paragraph=ctx.paragraph(start),
            quote=ctx.cleaned.text[start:end],
            span=(start, end),
        )
        all_refs = ctx.place_refs(start, end)
        refs = [r for r in all_refs if in_theatre(r)]
        named = self.claimants.setdefault(story_i, StoryClaimants())
        claimant = find_claimant(sent, ctx.names, ctx.masked_in(sent.start_char, sent.end_char), named)
        side = {"Ukraine": "UA", "Russia": "RU"}.get(state_of(claimant or "") or "")
        if side:
            self.claimant_side[story_i] = side
        counts = self.counts.setdefault(story_i, StoryCounts())
        found = find_figures(text, counts)
        counts.update(found)
        if title:  # "Ukraine downs 12 drones": only a count the body never gives is news
            stated = {f.kind for d in self.drafts for f in d.figures}  # a title heads every story of its page
            found = [f for f in found if f.kind not in stated]
            if not found:
                return
        figures = [
            Figure(f.kind, f.value, f.qualifier, claimant, ctx.cleaned.text[start:end], (start, end)) for f in found
        ]
        target = target_country(text)
        separate = bool(re.search(r"\b(?:separate|another|other)\s+(?:\w+\s+)?(?:attack|strike)", text, re.I))
        pairs = list(zip(figures, found, strict=True))
        weapons = [(f, start + m.start, start + m.end) for f, m in pairs if f.kind in WEAPON_KINDS]
        tolls = [(f, start + m.start) for f, m in zip(figures, found, strict=True) if f.kind not in WEAPON_KINDS]
        if weapons:
            self._air_attack(base, weapons, refs, claimant, target, text)
        if tolls:
            self._strike(base, tolls, refs, claimant, target, story_i, separate, text)
        if figures:
            if title:
                return
            hit = triggers.strike_verb(_INTERCEPT_VERB.sub(" ", text)) if weapons and not tolls else False
            if hit:  # "... firing 810 drones and hitting Kyiv"; not the "destroyed" of "destroyed 15 drones"
                self._bare_strike(text, base, refs, claimant, target, story_i, separate)
            if triggers.ground(text):  # "... shot down 67 drones, and troops had captured the village of X"
                self._ground(base, refs, claimant, text, story_i)
            return
        self._untallied(sent, text, base, refs, all_refs, claimant, target, story_i, separate)

    def _keep_title(self, sent: Span, start: int) -> None:
        """A story's title lines (before its body) and the text's last line, when an excerpt cut it off before
        its full stop, may hold the only statement of a count."""
        story_i = self.ctx.story_index(start)
        text = self.ctx.cleaned.text
        last = start + len(self.ctx.line(start)) >= len(text.rstrip())
        if story_i not in self.body_seen or (last and self.body_seen):
            self.titles.append(sent)

    def _cut_off(self, start: int) -> bool:
        """Is this the article's last line, a body sentence the excerpt cut short ("Moscow agreed to a two-month
        extension of a deal safeguarding exports of grain from")? It reads like a headline only because it
        lost its end; after body text, a line of a dozen words is the body going on."""
        text = self.ctx.cleaned.text
        line = self.ctx.line(start)
        tail = text.rstrip()
        if not tail.endswith(line.rstrip()) or len(line.split()) < 8:
            return False
        body = tail[: len(tail) - len(line.rstrip())].rstrip()
        return bool(body) and body[-1] in ".!?\"”’)"

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
        offset = base["span"][0]
        found = diplomatic_acts(sent, text) if triggers.diplomatic_cue(text) else []
        for kind, spans in (
            ("ground_claim", triggers.ground_spans(text)),
            ("strike", triggers.strike_spans(text)),
            ("diplomacy", [(a.start, a.end) for a in found]),
        ):
            if spans:
                depths[kind] = _trigger_depth(sent, spans, offset) or 0
        for kind in sorted(depths, key=lambda k: (depths[k], ("ground_claim", "strike", "diplomacy").index(k))):
            if kind == "ground_claim" and self._ground(base, refs, claimant, text, story_i):
                return
            if kind == "strike" and self._bare_strike(text, base, refs, claimant, target, story_i, separate):
                return
            if kind == "diplomacy" and self._diplomacy(sent, text, base, all_refs, claimant, found):
                return
        if not found and triggers.diplomatic_cue(text) and self._mentioned_venue(sent, text, base, all_refs):
            return
        exchange_sides = actors_in(sent, self.ctx.names)[:6] if triggers.prisoner_exchange(text) else []
        if exchange_sides:  # an `other` event, never diplomacy; a swap nobody is named in is left out
            self.drafts.append(Draft(type="other", claimed_by=claimant, actors=exchange_sides, **base))
            return
        placeless = not any(r.location.precision != "country" and r.role not in ("subject", "possessive") for r in refs)
        if triggers.denial(text) and base["story"] in self.last_claim and placeless:
            # "Ukrainian units remain in control of the city, the General Staff said": the denial of the claim
            # the story is about, a statement placed there beside the claim (never merged away)
            self.drafts.append(
                Draft(
                    type="statement",
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
        weapons: list[tuple[Figure, int, int]],
        refs: list[PlaceRef],
        claimant: str | None,
        target: str | None,
        text: str,
    ) -> None:
        """A barrage or air-defence report. The total goes to the defending country: the side the text says is
        attacked ("Russia launched", "Ukrainian drones"), else the claimant's side, else the country of the
        sentence's places. A region named before the figures ("Over the Kursk region, 40 drones were downed") makes
        it a regional report, and so does a region right after a count ("16 drones over the Ryazan region"); a
        breakdown after the total ("including 66 over the Bryansk region") becomes a regional report of its own.
        Weapons aimed at one town ("10 drones against Kyiv") are an attack on that town, and a count that only
        refers back to them ("four of the missiles were shot down") stays with it."""
        story = base["story"]
        side = {"Ukraine": "UA", "Russia": "RU"}.get(state_of(claimant or "") or "")
        code = attack_target(text) or side or places_country(refs) or target or self.air_side.get(story)
        code = code or self.claimant_side.get(story) or country_over(refs)
        if code:
            self.air_side[story] = code
        regions = [r for r in refs if r.role == "locative" and r.location.precision in ("admin1", "admin2")]
        first = weapons[0][1]
        lead_region = next((r for r in regions if r.start < first), None)
        main: list[Figure] = []
        breakdown: list[tuple[Figure, PlaceRef]] = []
        places = [
            r
            for r in refs
            if r.role not in ("subject", "possessive") and r.location.precision in ("settlement", "admin1", "admin2")
        ]
        for fig, pos, end in weapons:
            own = None if lead_region else self._own_region(end, places, refs, weapons)
            if own is not None:
                breakdown.append((fig, own))
                continue
            if any(f.kind == fig.kind for f in main):
                after = next((r for r in regions if r.start > pos), None)
                if after is not None:
                    breakdown.append((fig, after))
                continue
            main.append(fig)
        if main:
            location = self._aimed_at(weapons, refs, story) or (lead_region.location if lead_region else None)
            follows = location is None and not refs and story in self.local_air
            if follows and _ANAPHORIC.search(text) and not _NATIONWIDE.search(text):
                location = self.local_air[story]
            if location is not None and location.precision != "country":
                self.local_air[story] = location
            else:
                self.local_air.pop(story, None)
            draft = Draft(
                type="air_attack",
                location=location or self.ctx.country.get(code or ""),
                claimed_by=claimant,
                figures=main,
                actors=attacker(code),
                **base,
            )
            self.drafts.append(draft)
            if draft.location is not None and draft.location.precision == "country":
                self.national_air[story] = draft
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

    def _own_region(
        self, end: int, regions: list[PlaceRef], refs: list[PlaceRef], weapons: list[tuple[Figure, int, int]]
    ) -> PlaceRef | None:
        """The one place a count is tied to by "over/in the X region" right after it, if any."""
        full = self.ctx.cleaned.text
        ref = next((r for r in regions if r.start > end), None)
        if ref is None or any(end < pos < ref.start for _, pos, _ in weapons):
            return None
        if not _REGION_GAP.fullmatch(full, end, ref.start):
            return None
        if _LIST_NEXT.match(full, ref.end):
            return None  # "in the Kirovograd, Odesa and Kharkiv regions": a national report listing regions
        return ref

    def _aimed_at(
        self, weapons: list[tuple[Figure, int, int]], refs: list[PlaceRef], story: int
    ) -> Location | None:
        """The town the weapons were aimed at, when the sentence says so ("at the city" is the story's town)."""
        full = self.ctx.cleaned.text
        focus = self.focus.get(story)
        town = focus is not None and focus.precision == "settlement"
        if town and any(_AT_THE_TOWN.match(full, end) for _, _, end in weapons):
            return focus
        towns = [r for r in refs if r.location.precision == "settlement" and r.role != "possessive"]
        for ref in towns:
            for _, pos, end in weapons:
                if end < ref.start and _AIMED_GAP.fullmatch(full, end, ref.start):
                    return ref.location
                before = full[max(0, ref.start - 40) : ref.start]
                if ref.end < pos and _ATTACKED_BEFORE.search(before) and _WITH_AFTER.fullmatch(full, ref.end, pos):
                    return ref.location
        return None

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
        Donetsk region and two in the Kherson region"): then one strike per place. A toll of the whole barrage
        ("killing 22 people in cities across Ukraine", "targeting Kharkiv, Kyiv and Sumy oblasts, killing five")
        is the country's, and goes with the story's national air-defence report when there is one, as does a
        toll that names no place in a story that has named none ("the assault injured four civilians")."""
        usable = not_attacker(refs)
        groups = _tolls_by_place(tolls, usable, self.ctx.cleaned.text)
        national = groups is None and _nationwide(text, usable, tolls[0][1])
        if groups is None:
            best = self._toll_place(tolls, usable) or best_place(usable)
            if national and best is not None and best.location.precision != "country":
                self.focus[story_i] = best.location  # "including a hospital in Kyiv": the story's town
            ref = None if national else best
            groups = [(ref, [f for f, _ in tolls])]
        elsewhere = bool(_ELSEWHERE.search(text))
        country = self.ctx.country.get(target or "") or next(
            (r.location for r in usable if r.location.precision == "country"), None
        )
        for ref, figures in groups:
            air = self.national_air.get(story_i)
            casualties = all(f.kind not in ("without_power", "fires") for f in figures)
            lone = story_i not in self.focus
            if ref is None and air is not None and casualties and not elsewhere and (national or lone):
                have = {(f.kind, f.value) for f in air.figures}
                air.figures += [f for f in figures if (f.kind, f.value) not in have]
                continue
            fallback = None if elsewhere or national else self.focus.get(story_i)
            location = ref.location if ref else fallback or self.ctx.country.get(target or "")
            if national:
                location = country or location
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

    def _toll_place(self, tolls: list[tuple[Figure, int]], refs: list[PlaceRef]) -> PlaceRef | None:
        """The place named right after the last toll ("causing injuries to a woman and damaging cars in
        Belgorod"), before any other place the sentence lists."""
        last = tolls[-1][1]
        full = self.ctx.cleaned.text
        after = [
            r
            for r in refs
            if r.start > last and r.location.precision != "country" and r.role not in ("subject", "possessive")
        ]
        ref = min(after, key=lambda r: r.start, default=None)
        if ref is None or not _TOLL_PLACE_GAP.fullmatch(full, last, ref.start):
            return None
        return ref

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
        """A hit on named places, with no toll: one strike per place a strike word governs ("struck the edges of
        Kyiv as well as the western city of Lviv" is two; "launched from Kursk" is none)."""
        if _DURATIVE.search(text):
            return False  # "a wave of drone attacks in recent months that have damaged buildings": background
        targets = self._strike_targets(text, base["span"], refs)
        if not targets:
            site = _SIDE_SITE.search(text)
            code = {"russian": "RU", "ukrainian": "UA"}.get(site.group(1).lower()) if site else None
            if code and code in self.ctx.country and not refs:
                targets = [PlaceRef(0, 0, site.group(0), self.ctx.country[code], "object")]
        if not targets:
            claim_focus = self.last_claim.get(story_i) is self.focus.get(story_i)
            if not refs and story_i in self.focus and triggers.strike_verb(text) and not separate and not claim_focus:
                # "The strike hit a passenger train, Lysak said": more about the strike the story is about
                self.drafts.append(Draft(type="strike", location=self.focus[story_i], claimed_by=claimant, **base))
                return True
            return False
        if all(r.location.precision == "country" for r in targets) and not triggers.strike_verb(text):
            return False
        for ref in targets:
            if ref.location.precision != "country":
                self.focus.setdefault(story_i, ref.location)
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
        first = next((r for r in targets if r.location.precision != "country"), None)
        if first is not None:
            self.focus[story_i] = first.location
        return True

    def _strike_targets(self, text: str, span: tuple[int, int], refs: list[PlaceRef]) -> list[PlaceRef]:
        """The places a sentence says were hit, most precise first; a region or country goes when a place inside
        it is also named ("hit Kharkiv in the Kharkiv region" is one target)."""
        usable = [r for r in not_attacker(refs) if r.role in ("locative", "object")]
        if not usable:
            return []
        sent = self.ctx.doc.char_span(span[0], span[1], alignment_mode="expand")
        near = [(span[0] + a, span[0] + b) for a, b in triggers.strike_spans(text)]
        hit, loose = governed(sent, usable, near) if sent is not None else ([], usable)
        if not hit:  # the parse links no place to a strike word: a locative close to one ("fighting in X: ... attacks")
            hit = [
                r
                for r in loose
                if r.role == "locative" and any(0 <= r.start - e <= 90 or 0 <= s - r.end <= 60 for s, e in near)
            ]
        hit = sorted(hit, key=lambda r: r.start)
        for r in list(hit):
            hit += [x for x in listed_with(r, usable, self.ctx.cleaned.text) if x not in hit]
        out: list[PlaceRef] = []
        for r in sorted(hit, key=rank):
            if any(o.location is r.location or _loc_same(o.location, r.location) for o in out):
                continue
            if any(_within(o.location, r.location) for o in out):
                continue
            out.append(r)
        if any(r.location.precision != "water" for r in out):  # "the Odesa region on the Black Sea" is one target
            out = [r for r in out if r.location.precision != "water"]
        return sorted(out, key=lambda r: r.start)

    def _ground(self, base: dict, refs: list[PlaceRef], claimant: str | None, text: str, story_i: int) -> bool:
        """Captures, advances, losses of ground. Each trigger claims the place it governs ("captured X, while
        ... liberated Y" is two claims; "control over the city of X has been lost" names X inside the trigger),
        and a list after it ("the villages of X, Y and Z") a claim each. A region goes when a place inside it is
        claimed too. A denial of a claim the story already reports is a statement beside it, not a second
        claim."""
        usable = [
            r
            for r in refs
            if r.role not in ("subject", "possessive") and r.location.precision not in ("country", "water")
        ]
        if not usable:
            return False
        start = base["span"][0]
        spans = triggers.ground_spans(text)
        claimed: list[PlaceRef] = []
        full = self.ctx.cleaned.text
        for m_start, m_end in spans:
            after = [
                r for r in usable if r.start >= start + m_start and r.start - (start + m_end) <= 90 and r not in claimed
            ]
            first = min(after, key=lambda r: (r.start, SPECIFICITY.get(r.location.precision, 6)), default=None)
            if first is not None and is_bearing(first, full):
                # "pushed Russian forces back from several villages north of Kharkiv": places left unnamed
                # near the town are in its region; the town itself was not taken
                region = region_location(first.location.admin1) if first.location.admin1 else None
                if region is not None and _UNNAMED_GROUND.search(full, start + m_end, first.start):
                    claimed.append(PlaceRef(first.start, first.end, first.surface, region, "locative"))
                    continue
            if after:
                if first.location.precision in ("admin1", "admin2"):
                    # "advanced in the Donetsk region near Pokrovsk"; not "... forced Moscow to withdraw"
                    inner = [
                        r for r in after if r.role in ("locative", "origin") and _within(r.location, first.location)
                    ]
                    first = best_place(inner, allow_modifier=False, allow_origin=True) or first
                claimed.append(first)
        if not claimed:
            sent = self.ctx.doc.char_span(start, base["span"][1], alignment_mode="expand")
            if sent is not None:  # "Soledar has been captured", "Chkalovske, another town reclaimed"
                claimed = governed(sent, usable, [(start + a, start + b) for a, b in spans])[0][:1]
        if not claimed:
            best = best_place(usable, allow_modifier=False, allow_origin=True)
            if best is None:
                return False
            claimed = [best]
        denied = triggers.denial(text)
        status = "denied" if denied else ("claimed" if claimant else "reported")
        actor = state_of(text)
        places: list[PlaceRef] = []
        for primary in claimed:
            for r in [primary, *listed_with(primary, usable, self.ctx.cleaned.text)]:
                if r not in places:
                    places.append(r)
        places = [r for r in places if not any(_within(o.location, r.location) for o in places if o is not r)]
        known = self.claimed_places.setdefault(story_i, set())
        if not denied:
            self.focus[story_i] = places[0].location
            self.last_claim[story_i] = places[0].location
        for r in places:
            key = r.location.gazetteer_id or r.location.name
            kind = "statement" if denied and key in known else "ground_claim"
            known.add(key)
            others = [p.location for p in usable if p is not r and p.location.precision in ("admin1", "admin2")]
            self.drafts.append(
                Draft(
                    type=kind,
                    location=claimed_ground(r.location),
                    claimed_by=claimant,
                    status=status,
                    actors=[actor] if actor else [],
                    places=others,
                    **base,
                )
            )
        return True

    def _mentioned_venue(self, sent: Span, text: str, base: dict, refs: list[PlaceRef]) -> bool:
        """ "The meeting in Jeddah was a step forward": the venue of talks the story reported before."""
        named = diplomatic_mentions(text)
        ref = self._venue(sent, text, base["span"][0], refs, named) if named else None
        if ref is None or ref.location.precision == "country":
            return False
        self.drafts.append(Draft(type="diplomacy", location=ref.location, act="talks", mention=True, **base))
        return True

    def _venue(self, sent: Span, text: str, offset: int, refs: list[PlaceRef], found: list[Act]) -> PlaceRef | None:
        """Where a diplomatic act took place: the place the act's words govern ("met in Geneva", "a visit to Kyiv",
        "at Istanbul's Dolmabahce Palace"), else one the text puts "in/at" the act; never the country at war
        ("to resolve the war in Ukraine"), a recipient ("aid to Ukraine") or a place of another clause ("a drone
        that crashed near Lublin")."""
        full = self.ctx.cleaned.text
        travel = any(a.kind in ("talks", "summons", "invite") for a in found)

        def fits(r: PlaceRef) -> bool:
            before = full[max(0, r.start - 40) : r.start]
            return not _THEATRE_OF_WAR.search(before) and (travel or not _TO_BEFORE.search(before))

        usable = [r for r in refs if r.role != "subject" and fits(r) and not self._other_occasion(r, found, offset)]

        def scene(r: PlaceRef) -> bool:  # "met in Geneva", "visited Kyiv"; "talks with Ukraine" names a party
            if r.role in ("possessive", "modifier"):  # "at Istanbul's Dolmabahce Palace", "the Bürgenstock summit"
                return bool(_VENUE_NOUN.match(full[r.end : r.end + 40]))
            prep = governing_prep(self.ctx.doc, r)
            return r.role == "object" or prep in ("in", "at", "inside") or (travel and prep in ("to", "for"))

        hit = [r for r in governed(sent, usable, [(offset + a.start, offset + a.end) for a in found])[0] if scene(r)]
        if hit:
            return min(hit, key=lambda r: (SPECIFICITY.get(r.location.precision, 6), r.start))
        return next(
            (
                r
                for r in usable
                if r.role != "possessive" and _IN_AT_BEFORE.search(full[max(0, r.start - 40) : r.start])
            ),
            None,
        )

    def _other_occasion(self, ref: PlaceRef, found: list[Act], offset: int) -> bool:
        """Is the place the venue of some other occasion than the acts found: one to come ("preparations for a
        meeting in Paris next week") or one the sentence only names ("a summit in Paris" that is no act)?"""
        full = self.ctx.cleaned.text
        if _LATER_AFTER.match(full, ref.end):
            return True
        node = place_head(self.ctx.doc, ref)
        for _ in range(4):  # "a meeting of European leaders in Paris": from the place up to the noun it hangs on
            if node is None or node.dep_ != "pobj" or node.head.lower_ not in ("in", "at", "of"):
                return False
            noun = node.head.head
            if noun.lower_ in _OCCASION_NOUNS:
                return not any(offset + a.start <= noun.idx < offset + a.end for a in found)
            founder = noun if noun.pos_ in ("VERB", "AUX") else noun.head
            if founder is not noun and noun.dep_ not in ("dobj", "nsubjpass"):
                founder = None
            if founder is not None and _FOUNDING.fullmatch(founder.lower_):
                return True  # "agreed to create a coordination centre in X": where the thing will be, not the talks
            node = noun
        return False

    def _diplomacy(
        self, sent: Span, text: str, base: dict, refs: list[PlaceRef], claimant: str | None, found: list[Act]
    ) -> bool:
        """One draft per kind of act the sentence reports (a meeting and the aid announced at it are two events),
        placed only where the text says "in/at/to X". A visit that is the sentence's only act is `other` unless it
        is to a capital or abroad (a leader visiting troops in Kharkiv is news, not diplomacy); a visit that is
        only the scene of another act ("announced aid during a visit") adds nothing."""
        kinds = list(dict.fromkeys(a.kind for a in found))
        if "talks" in kinds:  # "accepted a proposal after talks in Jeddah": what the talks produced is the talks
            kinds = [k for k in kinds if k not in _OUTCOMES]
        ref = self._venue(sent, text, base["span"][0], refs, found)
        visit = {a.kind for a in found if triggers.VISIT.fullmatch(text[a.start : a.end])}
        only_visit = "talks" in visit and all(
            triggers.VISIT.fullmatch(text[a.start : a.end]) for a in found if a.kind == "talks"
        )
        if only_visit and len(kinds) > 1:
            kinds.remove("talks")
        full = self.ctx.cleaned.text
        venues = [
            full[r.start : r.end]
            for r in refs
            if r.role == "locative" and (r is ref or governing_prep(self.ctx.doc, r) in ("in", "at"))
        ]
        skip = self.ctx.masked_in(sent.start_char, sent.end_char)
        actors = actors_in(sent, self.ctx.names, skip=skip, venues=venues)[:8]
        # the speaker is no party to the act unless the act names them ("X met Y", not "X told reporters")
        persons = [p for p in persons_in(sent, self.ctx.names) if not claimant or p.split()[-1] not in claimant]
        separate = bool(_ANOTHER_ACT.search(text))
        for kind in kinds:
            etype, where = "diplomacy", (None if kind == "call" else ref)  # a call has no venue
            military = any(a.kind == "talks" and _MILITARY.search(text[a.start : a.end + 60]) for a in found)
            if kind == "talks" and military:
                etype = "other"  # a meeting with commanders, a visit to a command post: not diplomacy
            elif kind == "talks" and only_visit:
                if ref is None or ref.location.precision == "country":
                    etype, where = "other", None
                elif in_theatre(ref) and ref.location.name not in CAPITALS:
                    etype = "other"
            self.drafts.append(
                Draft(
                    type=etype,
                    location=where.location if where else None,
                    claimed_by=claimant,
                    actors=actors,
                    act=kind,
                    persons=persons,
                    separate=separate and kind in ("sanctions", "aid"),
                    **base,
                )
            )
        return bool(kinds)


def _loc_same(a: Location, b: Location) -> bool:
    return (a.gazetteer_id or a.name) == (b.gazetteer_id or b.name)


def _within(inner: Location, outer: Location) -> bool:
    """Is `inner` a place inside the region or country `outer` (so `outer` adds nothing as a target)?"""
    if SPECIFICITY.get(inner.precision, 6) >= SPECIFICITY.get(outer.precision, 6):
        return False
    if outer.precision == "country":
        return inner.country == outer.country
    if outer.precision == "admin1":
        return bool(inner.admin1) and inner.admin1 == (outer.admin1 or outer.name)
    if outer.precision == "admin2":
        return bool(inner.admin2) and inner.admin2 == (outer.admin2 or outer.name)
    return False


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
