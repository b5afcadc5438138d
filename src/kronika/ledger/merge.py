"""Sameness: is a newly extracted event one the ledger already holds? A scored match, with its evidence.

Candidates come from the index (kronika.ledger.places: a few place cells) on a few day keys: the report's day
and its neighbours, the days before it when the report is a later update, the month and day when the report
gives no year ('--MM-DD'), events that have no day yet ('*'); a report with no date at all looks at the latest
`RECENT_LIMIT` events of its place. The cost of a match does not grow with the ledger.

Each candidate first passes the gates, then is scored; every point is recorded as evidence
(feature, points, detail), stored with the report and printed by `kronika show`.

Gates (any one fails: not the same event)
- type: the same, or strike and air_attack; `other` never merges
- place: `places.place_score` > 0; ground claims need the same place ("advancing in the Kharkiv region" is
  not the claim that Kupiansk fell)
- day: see `date_evidence`; two reports that fix two different days more than a night apart are two events
  (a strike on Zaporizhzhia on the 3rd and one on the 9th), unless the later one is an update (below)
- actors: talks and statements must name the same participants (`same_meeting`: at one venue on the same or
  the next day the countries taking part decide, since outlets name different people around one meeting)
- not contradictory: attackers from opposite sides; nationwide reports claimed by opposite sides; the same
  claimant giving two different exact counts of one night's drones or missiles
- the candidate already has a report from the same document (extraction decided they differ), or an analyst
  said the two reports differ (kronika.ledger.corrections)

Points
- place: 3 the same, 2 inside or near, 1 both nationwide
- day: `DATE_SAME` the same day; `DATE_NEAR` a night apart (overnight attacks; multi-day talks);
  `DATE_PARTIAL` the same month and day from a report without a year; `DATE_WEEKDAY` the weekday it names, or
  a day apart when one report is dated only by the day it was written; `DATE_UPDATE` a later report telling
  of a toll that has risen ("the toll rose to 40 on Sunday"), up to `UPDATE_DAYS` after the event. A report
  of the 9th without such words is not an update of a strike on the 3rd, however alike their words
- figures: per kind both give with the same value, by how rare the number is: 1 point from `FIGURE_MIN`, 2 from
  20, 3 from 100 ("a record 598 drones"), at most `FIGURE_CAP` in all; `TOLL_RISES` when an update's toll is
  above the known one
- terms: the named sites and target kinds both mention (kronika.ledger.evidence), up to `TERMS_CAP`
- actors: `ACTORS_SAME` when the participants agree; `CLAIMANT_SAME` when both name the same claimant
- claims: `CLAIM_SAME_PLACE` for a ground claim on the same settlement when no day decides (a town is claimed
  taken once; undated reports of its fall name one claim, and two such candidates still leave it undecided)

Decision (thresholds tuned on the dev clusters as a whole with tools/tune_merge.py --grid: a weak join at 4 or 5
points, a margin of 1 or 2 and a strong join at 4 or 5 all keep precision 1.00 there; the stricter 5 is kept for
the weak join, since one merged look-alike costs more than a few pairs left apart)
- a candidate with a strong day (same day, a night apart, ground claims within `GROUND_CLAIM_DAYS`) joins at
  `ACCEPT_STRONG`; the best score wins, ties go to the same type, then to the older event;
- otherwise (undated report, partial date, later update) the best candidate joins only at `ACCEPT_WEAK` and
  `MARGIN` points ahead of the next one: the evidence must point to one candidate clearly;
- a report that does not join but scores `POSSIBLE` or more against some event becomes a new event linked to
  it as a possible duplicate, for an analyst to settle with `kronika merge`.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

from kronika.ledger.claims import claimant_key
from kronika.ledger.evidence import shared_terms
from kronika.ledger.figures import COUNT_KINDS, LOWER_BOUNDS, TOLL_KINDS
from kronika.ledger.places import ATTACK_TYPES, fold, is_nowhere, place_score, probe_cells
from kronika.models import Figure, Location
from kronika.store.base import EventProfile, FigureReport, LedgerEvent, LedgerStore

GROUND_CLAIM_DAYS = 3
UPDATE_DAYS = 7
RECENT_LIMIT = 200

DATE_SAME = 4.0
DATE_NEAR = 2.0
DATE_PARTIAL = 4.0
DATE_WEEKDAY = 1.0
DATE_UPDATE = 1.0
FIGURE_MIN = 5
FIGURE_CAP = 5.0
TOLL_RISES = 2.0
TERMS_CAP = 4.0
ACTORS_SAME = 2.0
CLAIMANT_SAME = 1.0
CLAIM_SAME_PLACE = 2.0

ACCEPT_STRONG = 5.0
ACCEPT_WEAK = 5.0
MARGIN = 2.0
POSSIBLE = 4.0


@dataclass(slots=True)
class Incoming:
    """The facts about a newly extracted event that sameness is decided on."""

    type: str
    date: str | None
    location: Location | None
    published: str | None
    document_id: int
    actors: list[str] = field(default_factory=list)
    claimed_by: str | None = None
    figures: list[Figure] = field(default_factory=list)
    date_basis: str | None = None
    date_partial: str | None = None
    weekday: int | None = None
    terms: dict[str, float] = field(default_factory=dict)
    toll_update: bool = False


@dataclass(slots=True)
class Evidence:
    feature: str
    points: float
    detail: str

    def as_list(self) -> list[object]:
        return [self.feature, self.points, self.detail]


@dataclass(slots=True)
class Scored:
    event: LedgerEvent
    score: float
    strong: bool  # the day evidence alone is decisive (same day, a night apart)
    evidence: list[Evidence]
    same_type: bool = True  # not only a compatible one (strike ~ air_attack)


@dataclass(slots=True)
class Decision:
    kind: str  # matched | possible | new
    target: LedgerEvent | None = None
    score: float | None = None
    evidence: list[Evidence] = field(default_factory=list)
    possible: list[Scored] = field(default_factory=list)


def types_compatible(a: str, b: str) -> bool:
    if a == "other" or b == "other":
        return False
    return a == b or (a in ATTACK_TYPES and b in ATTACK_TYPES)


# ------------------------------------------------------------------------------------------- days


def _day(text: str) -> date:
    return date.fromisoformat(text)


def _days(first: str, last: str | None) -> list[date]:
    lo, hi = _day(first), _day(last or first)
    return [lo + timedelta(days=k) for k in range((hi - lo).days + 1)]


def day_keys(new: Incoming) -> list[str]:
    """The index day keys a candidate for `new` can be filed under."""
    keys: list[str] = ["*"]
    if new.date:
        center = _day(new.date)
        # behind: the event a later update reports (an event known only from its updates is also filed under the
        # days before them, so the original report finds it without looking ahead a week)
        back = UPDATE_DAYS if new.toll_update else GROUND_CLAIM_DAYS if new.type == "ground_claim" else 1
        ahead = GROUND_CLAIM_DAYS if new.type == "ground_claim" else 1
        keys += [(center + timedelta(days=k)).isoformat() for k in range(-back, ahead + 1)]
    elif new.date_partial and new.date_partial.startswith("--"):
        month, day_ = int(new.date_partial[2:4]), int(new.date_partial[5:7])
        keys.append(new.date_partial)
        with contextlib.suppress(ValueError):  # a leap year, so that --02-29 has neighbours
            anchor = date(2024, month, day_)
            keys += [(anchor + timedelta(days=k)).strftime("--%m-%d") for k in (-1, 1)]
    elif new.date_partial:
        year, month = int(new.date_partial[:4]), int(new.date_partial[5:7])
        first = date(year, month, 1)
        month_days = (first + timedelta(days=k) for k in range(31))
        keys += [d.isoformat() for d in month_days if d.month == month]
    return keys


def _md(d: date) -> str:
    return d.strftime("--%m-%d")


def _slack(event_type: str) -> int:
    """How many days two reports of one event may put between them: a night for attacks and talks, a few days
    between a claimed capture and its denial, none for a statement."""
    return GROUND_CLAIM_DAYS if event_type == "ground_claim" else 1 if event_type in (*ATTACK_TYPES, "diplomacy") else 0


def _against_days(days: list[date], partials: set[str], weekdays: set[int], slack: int) -> tuple[float, str] | None:
    """Partial evidence (month-day, month, weekday) against a known range of days. None: they disagree."""
    near = [d + timedelta(days=k) for d in days for k in range(-slack, slack + 1) if k]
    points, details = 0.0, []
    for partial in partials:
        if partial.startswith("--"):
            if partial in {_md(d) for d in days}:
                points, details = points + DATE_PARTIAL, [*details, f"{partial[2:]} without a year"]
            elif partial in {_md(d) for d in near}:
                points, details = points + DATE_WEEKDAY, [*details, f"{partial[2:]}, within {slack} day(s)"]
            else:
                return None
        elif partial not in {d.isoformat()[:7] for d in days}:
            return None
        else:
            points, details = points + DATE_WEEKDAY, [*details, f"month {partial}"]
    for wd in weekdays:
        if wd in {d.isoweekday() for d in days}:
            points, details = points + DATE_WEEKDAY, [*details, f"weekday {wd}"]
        elif wd not in {d.isoweekday() for d in near}:
            return None
    return points, ", ".join(details)


def date_evidence(new: Incoming, cand: LedgerEvent, prof: EventProfile) -> tuple[float, str, bool] | None:
    """(points, detail, strong) for the day evidence of `new` against `cand`; None when the days disagree."""
    attack = new.type in ATTACK_TYPES
    slack = _slack(new.type)
    if new.date and cand.date:
        lo, hi = _day(cand.date), _day(cand.date_to or cand.date)
        d = _day(new.date)
        if lo <= d <= hi:
            return DATE_SAME, f"same day {new.date}", True
        gap = (lo - d).days if d < lo else (d - hi).days
        if new.type == "ground_claim" and gap <= GROUND_CLAIM_DAYS:
            # a capture claimed on Thursday, denied on Saturday
            return float(GROUND_CLAIM_DAYS + 1 - gap), f"{gap} day(s) apart (claim and response)", True
        if gap == 1 and new.type == "diplomacy":
            return DATE_NEAR, "the next day (talks over two days)", True
        if gap == 1 and attack and _one_night(new, cand, d, lo, hi):
            return DATE_NEAR, "a night apart (overnight attack)", True
        if gap == 1 and (new.date_basis == "story" or not prof.text_dates):
            # one side's day is only the day it was reported: the event may be the night before
            return 0.0, "a day apart (dated by the report's own day)", False
        if gap <= UPDATE_DAYS and ((d > hi and new.toll_update) or (d < lo and prof.only_updates)):
            # "the toll has risen to 40": a later report, dated by the day of the update
            return DATE_UPDATE, f"{gap} days {'after' if d > hi else 'before'} (toll update)", False
        return None
    partials = {new.date_partial} if new.date_partial else set()
    weekdays = {new.weekday} if new.weekday else set()
    if new.date and not cand.date:
        found = _against_days([_day(new.date)], prof.partials, prof.weekdays, slack)
    elif cand.date:
        found = _against_days(_days(cand.date, cand.date_to), partials, weekdays, slack)
    else:
        found = _partial_pair(partials, weekdays, prof.partials, prof.weekdays)
    if found is None:
        return None
    points, detail = found
    return points, detail or "no day to compare", False


def _partial_pair(pa: set[str], wa: set[int], pb: set[str], wb: set[int]) -> tuple[float, str] | None:
    points, details = 0.0, []
    if pa and pb:
        if not pa & pb:
            return None
        points, details = DATE_PARTIAL, [f"{sorted(pa & pb)[0]} in both"]
    if wa and wb:
        if not wa & wb:
            return None
        points, details = points + DATE_WEEKDAY, [*details, "same weekday"]
    return points, ", ".join(details)


def _one_night(new: Incoming, cand: LedgerEvent, d: date, lo: date, hi: date) -> bool:
    """Reports of one overnight attack may date it by the evening or the morning, but a report cannot describe a
    night that had not happened when it was published: a strike on the same city the next night is another."""
    span = sorted([d, lo, hi])
    if (span[-1] - span[0]).days > 1:
        return False  # would stretch one night over three days
    if not new.published or not cand.first_reported:
        return False
    return span[-1].isoformat() <= min(new.published, cand.first_reported)


# ------------------------------------------------------------------------------------------- actors


_COUNTRY_NAMES = {
    "us": "united states", "u s": "united states", "usa": "united states", "u s a": "united states",
    "united states": "united states", "united states of america": "united states", "america": "united states",
    "the united states": "united states", "washington": "united states", "american": "united states",
    "uk": "united kingdom", "britain": "united kingdom", "great britain": "united kingdom",
    "russian federation": "russia", "the russian federation": "russia", "moscow": "russia", "kremlin": "russia",
    "kyiv": "ukraine", "kiev": "ukraine",
}
_GENERIC_ACTORS = {"russia", "ukraine", "", "state", "staff", "ministry", "government", "officials", "army"}
# where words are published, not who meets: "Lavrov wrote on Telegram", "(CNN)", "TASS reported"
_PLATFORMS = {"telegram", "x", "twitter", "facebook", "instagram", "youtube", "truth social", "website"}


def actor_key(name: str) -> str:
    """'Foreign Minister Sergey Lavrov' and 'Lavrov' -> 'lavrov'; 'U.S' and 'United States' -> 'united states'."""
    head = fold(name.split(",")[0])
    head = head[4:] if head.startswith("the ") else head
    if head in _COUNTRY_NAMES:
        return _COUNTRY_NAMES[head]
    words = head.split()
    if len(words) >= 2 and not name[:1].islower():
        country = _country_of(head)
        if country:
            return country[0]  # 'Saudi Arabia', and its adjective 'Saudi Arabian'
        head = words[-1]
    return re.sub(r"(sk)(iy|yy|yi|ii|y|i)$", r"\1", head)  # Zelenskiy, Zelenskyy, Zelensky


@lru_cache(maxsize=4096)
def _country_of(folded: str) -> tuple[str, str | None] | None:
    """(folded name, ISO code) of the country a folded name or its adjective names ('saudi arabian'), or None."""
    from kronika.geo.geocoder import get_geocoder

    geo = get_geocoder()
    for query in (folded, folded[:-1] if folded.endswith("n") else ""):  # Arabian, Indian, American
        if not query:
            continue
        found = geo.resolve(query)
        if found.location is not None and not found.fuzzy and found.location.precision == "country":
            return fold(found.location.name), found.location.country
    return None


@lru_cache(maxsize=4096)
def _is_outlet(name: str) -> bool:
    """Media and platforms name where a report appeared, not who took part: 'CNN', 'TASS', 'Telegram'."""
    if fold(name) in _PLATFORMS:
        return True
    from kronika.claimants import canonical_claimant

    found = canonical_claimant(name)
    return found is not None and found.kind == "outlet"


def participants(actors: Iterable[str], places: Iterable[str | None] = ()) -> set[str]:
    venue = {fold(p) for p in places if p}
    return {actor_key(a) for a in actors if fold(a) not in venue and not _is_outlet(a)} - _GENERIC_ACTORS


def _country_code(key: str) -> str | None:
    """The ISO code of a participant key that is a country ('united states' -> 'US'), else None."""
    found = _country_of(key)
    return found[1] if found is not None and found[0] == key else None


def same_participants(ours: set[str], theirs: set[str]) -> bool:
    """Do two reports of talks name the same meeting? At least one shared participant, and either most of all
    named ones shared (Jaccard >= 0.5), or one side naming only people the other also names, or two or more
    people (not countries) named by both. Zelensky meeting Driscoll and Zelensky meeting Rutte are two meetings;
    Rubio and Lavrov in one report, Rubio, Lavrov, Ushakov, Witkoff and the host in another are one."""
    if not ours or not theirs:
        return False
    common = ours & theirs
    if not common:
        return False
    if len(common) / len(ours | theirs) >= 0.5 or ours <= theirs or theirs <= ours:
        return True
    return sum(1 for k in common if _country_code(k) is None) >= 2


MULTILATERAL = 3  # countries each report names for a meeting to be a conference, listed differently by each outlet


def same_meeting(ours: set[str], theirs: set[str], venue: Location | None = None) -> bool:
    """The participants gate for talks; `venue`: the settlement both reports hold them in, on the same or the
    next day (else None). Away from one venue, the participants must agree (`same_participants`). At one venue,
    outlets name different people around one meeting (the minister who led it, the president who spoke of it),
    so the countries taking part decide: one shared besides the host, or a conference both list (three or more
    countries each). A host meeting two guests (Zelensky with Driscoll, Zelensky with Rutte) is two meetings."""
    if same_participants(ours, theirs):
        return True
    if venue is None:
        return False
    people_ours = {k for k in ours if _country_code(k) is None}
    people_theirs = {k for k in theirs if _country_code(k) is None}
    if people_ours & people_theirs and people_ours - people_theirs and people_theirs - people_ours:
        return False
    host = venue.country
    countries_ours = {k for k in ours - people_ours if _country_code(k) != host}
    countries_theirs = {k for k in theirs - people_theirs if _country_code(k) != host}
    if countries_ours & countries_theirs:
        return True
    return len(countries_ours) >= MULTILATERAL and len(countries_theirs) >= MULTILATERAL


# ------------------------------------------------------------------------------------------- contradictions


def _side(actors: set[str]) -> set[str]:
    sides = set()
    for actor in actors:
        folded = fold(actor)
        if any(w in folded for w in ("russia", "moscow", "kremlin")):
            sides.add("RU")
        if any(w in folded for w in ("ukrain", "kyiv", "kiev", "zelensk")):
            sides.add("UA")
    return sides


def contradictory(new: Incoming, cand: LedgerEvent, store: LedgerStore, known: Sequence[FigureReport]) -> str | None:
    """Why the two reports cannot be one event, or None."""
    if is_nowhere(new.location) and new.claimed_by:
        # nationwide air reports: Ukraine's air force on Russian drones and Russia's defence ministry on
        # Ukrainian drones describe two different nights' work, even on the same date
        ours = _side({new.claimed_by})
        theirs = _side({c for c, _ in store.stances(cand.id) if c})
        if ours and theirs and not ours & theirs:
            return "nationwide reports from opposite sides"
    if new.type in ATTACK_TYPES and new.actors:
        ours, theirs = _side(set(new.actors)), _side(store.actors_of_event(cand.id))
        if ours and theirs and not ours & theirs:
            return "attackers from opposite sides"
    for fig in new.figures:
        if fig.kind not in COUNT_KINDS or fig.qualifier in LOWER_BOUNDS:
            continue
        key = claimant_key(fig.claimed_by)
        for old in known:
            if (
                old.kind == fig.kind
                and key is not None
                and claimant_key(old.claimed_by) == key
                and old.qualifier not in LOWER_BOUNDS
                and old.value != fig.value
            ):
                return f"{fig.claimed_by} counts {fig.kind} {old.value} and {fig.value}"
    return None


# ------------------------------------------------------------------------------------------- scoring


def figure_weight(value: int) -> float:
    """How much one shared number says: small tolls recur across events, a count of 598 drones does not."""
    return 3.0 if value >= 100 else 2.0 if value >= 20 else 1.0 if value >= FIGURE_MIN else 0.0


def figure_evidence(
    new: Incoming, known: Sequence[FigureReport], later_known: bool = False, known_dated: bool = True
) -> list[Evidence]:
    """Shared numbers, and one toll that rises from the earlier report to the later one that says it rose.

    `later_known`: the candidate's reports include an update ("has risen to"), so it may be the later one.
    `known_dated`: the candidate has a day; an update of an event of unknown day is weaker evidence (half)."""
    out: list[Evidence] = []
    rises: list[Evidence] = []
    total = 0.0
    for kind in ("killed", *sorted({f.kind for f in new.figures} - {"killed"})):
        if not any(f.kind == kind for f in new.figures):
            continue
        ours = {f.value for f in new.figures if f.kind == kind}
        theirs = {f.value for f in known if f.kind == kind}
        same = sorted(v for v in ours & theirs if v >= FIGURE_MIN)
        if same and total < FIGURE_CAP:
            points = min(FIGURE_CAP - total, figure_weight(same[-1]))
            total += points
            out.append(Evidence("figure", points, f"{kind} {same[-1]} in both"))
        elif kind in TOLL_KINDS and theirs and not rises:
            if new.toll_update and max(ours) > max(theirs):
                points = TOLL_RISES if known_dated or not new.date else TOLL_RISES / 2
                rises.append(Evidence("toll", points, f"{kind} rises from {max(theirs)} to {max(ours)}"))
            elif later_known and not new.toll_update and max(ours) < max(theirs):
                # the candidate is the later update; when it has no day, nothing shows it came after this report
                points = TOLL_RISES if known_dated else TOLL_RISES / 2
                rises.append(Evidence("toll", points, f"{kind} rises from {max(ours)} to {max(theirs)}"))
    return out + rises[:1]  # every toll of an event rises together: one piece of evidence, not one per kind


def score_candidate(
    store: LedgerStore, new: Incoming, cand: LedgerEvent, prof: EventProfile
) -> tuple[Scored | None, str]:
    """The candidate scored, or None and the gate that refused it."""
    if not types_compatible(new.type, cand.type):
        return None, "type"
    where = place_score(new.location, cand.place, new.type)
    if where == 0:
        return None, "place"
    if new.type == "ground_claim" and where < 3:
        return None, "place (a claim needs the same place)"
    when = date_evidence(new, cand, prof)
    if when is None:
        return None, "day"
    evidence = [Evidence("type", 0.0, new.type if new.type == cand.type else f"{new.type} ~ {cand.type}")]
    evidence.append(Evidence("place", float(where), _place_detail(where, new.location, cand.place)))
    points, detail, strong = when
    evidence.append(Evidence("day", points, detail))
    if new.type == "ground_claim" and where == 3 and not strong:
        # a town is claimed taken once: with no day against it, the same town's claim is the same claim
        evidence.append(Evidence("claim", CLAIM_SAME_PLACE, f"a claim on {new.location.name if new.location else ''}"))
    if new.type not in ATTACK_TYPES and new.type != "ground_claim":
        ours = participants([*new.actors, *([new.claimed_by] if new.claimed_by else [])],
                            [new.location.name if new.location else None])
        theirs = participants(prof.actors, [cand.place.name if cand.place else None])
        at_venue = where == 3 and strong and new.location is not None and new.location.precision != "country"
        if not same_meeting(ours, theirs, new.location if at_venue else None):
            return None, "participants"
        evidence.append(Evidence("actors", ACTORS_SAME, ", ".join(sorted(ours & theirs))))
    known = store.figure_reports(cand.id)
    why_not = contradictory(new, cand, store, known)
    if why_not:
        return None, why_not
    evidence += figure_evidence(new, known, prof.updates, cand.date is not None)
    ours_key = claimant_key(new.claimed_by)
    if ours_key and ours_key in {claimant_key(c) for c in prof.claimants}:
        evidence.append(Evidence("claimant", CLAIMANT_SAME, new.claimed_by or ""))
    common = shared_terms(new.terms, prof.terms)
    if common:
        evidence.append(Evidence("terms", min(TERMS_CAP, sum(common.values())), ", ".join(sorted(common))))
    if new.toll_update and not any(e.feature == "toll" for e in evidence) and known:
        evidence.append(Evidence("toll", 0.0, "toll-update language"))
    score = sum(e.points for e in evidence)
    return Scored(cand, score, strong, evidence, new.type == cand.type), ""


def _place_detail(where: int, a: Location | None, b: Location | None) -> str:
    name_a = a.name if a else "nowhere"
    name_b = b.name if b else "nowhere"
    return {3: f"same place ({name_a})", 2: f"{name_a} within {name_b}" if name_a != name_b else name_a,
            1: f"both nationwide ({name_a})"}.get(where, "")


def decide(scored: list[Scored]) -> Decision:
    """Pick the event a report joins, by the thresholds above."""
    if not scored:
        return Decision("new")
    # ties: a decisive day first, then the same type (an air attack joins the barrage, not the nationwide toll
    # filed as a strike beside it), then the older event
    ranked = sorted(scored, key=lambda s: (-s.score, not s.strong, not s.same_type, s.event.seq))
    best = ranked[0]
    strong = [s for s in ranked if s.strong]
    if strong and strong[0].score >= ACCEPT_STRONG:
        pick = strong[0]
        return Decision("matched", pick.event, pick.score, pick.evidence)
    runner_up = ranked[1].score if len(ranked) > 1 else 0.0
    if best.score >= ACCEPT_WEAK and best.score - runner_up >= MARGIN:
        return Decision("matched", best.event, best.score, best.evidence)
    possible = [s for s in ranked if s.score >= POSSIBLE][:3]
    if possible:
        why = [Evidence("undecided", 0.0, _undecided(best, runner_up))]
        return Decision("possible", None, best.score, best.evidence + why, possible)
    return Decision("new")


def _undecided(best: Scored, runner_up: float) -> str:
    if best.score < ACCEPT_WEAK:
        return f"score {best.score:g} below {ACCEPT_WEAK:g} without a decisive day"
    return f"score {best.score:g} only {best.score - runner_up:g} ahead of the next candidate (needs {MARGIN:g})"


def candidates(store: LedgerStore, new: Incoming) -> list[LedgerEvent]:
    cells = probe_cells(new.type, new.location)
    found = {ev.id: ev for ev in store.candidate_events(day_keys(new), cells)}
    if not new.date and not new.date_partial:
        for ev in store.recent_events(cells, RECENT_LIMIT):
            found.setdefault(ev.id, ev)
    return sorted(found.values(), key=lambda e: e.seq)


def score_all(store: LedgerStore, new: Incoming, forbidden: set[str] | None = None) -> list[Scored]:
    """Every candidate that passes the gates, scored. `forbidden`: events an analyst said it is not part of."""
    if new.type == "other":
        return []
    scored: list[Scored] = []
    for cand in candidates(store, new):
        if forbidden and cand.id in forbidden:
            continue
        result, _ = score_candidate(store, new, cand, store.event_profile(cand.id))
        if result is not None:
            scored.append(result)
    return scored


def find_match(
    store: LedgerStore, new: Incoming, exclude: set[str], forbidden: set[str] | None = None
) -> Decision:
    """The decision for `new`: join an event, link it as a possible duplicate, or start a new event.

    `exclude`: events this document already feeds; `forbidden`: events an analyst said it is not part of."""
    return decide([s for s in score_all(store, new, forbidden) if s.event.id not in exclude])


def assign(scored: Sequence[list[Scored]]) -> list[Decision]:
    """Decisions for the events of one article together: one ledger event takes at most one of them, and the
    event that matches it best gets it (a nationwide toll sentence placed first must not take the barrage the
    article's air-defence sentence reports; extraction decided that two events of one article differ).

    Greedy by score: the article's best match is settled first, then the others decide without its target."""
    decisions: list[Decision | None] = [None] * len(scored)
    taken: set[str] = set()
    while True:
        best: tuple[float, int, Decision] | None = None
        for i, options in enumerate(scored):
            if decisions[i] is not None:
                continue
            decision = decide([s for s in options if s.event.id not in taken])
            if decision.kind == "matched" and (best is None or (decision.score or 0.0) > best[0]):
                best = (decision.score or 0.0, i, decision)
        if best is None:
            break
        _, i, decision = best
        decisions[i] = decision
        assert decision.target is not None
        taken.add(decision.target.id)
    return [d or decide([s for s in options if s.event.id not in taken]) for d, options in zip(decisions, scored,
                                                                                              strict=True)]
