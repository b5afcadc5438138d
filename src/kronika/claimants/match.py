"""A claimant phrase as the text writes it -> the canonical body or person behind it.

The order of the reading, each step only when the ones before it found nothing:

1. Garbage is refused: clause fragments ("though none were", "Putin has not done what he"), pronouns, counts,
   things ("Russian drones"), documents with no author ("preliminary information"), bare places that are no
   state ("Bakhmut"). A leading conjunction or determiner is dropped first ("while Russia" -> Russia).
2. "X (citing Y)" is Y's claim relayed by X (`via`).
3. The phrase is cut into its head and appositions ("Oleh Syniehubov, the Kharkiv governor"); relative clauses
   go ("..., which borders Ukraine").
4. In the head, then in the appositions: a body with a name of its own (Kremlin, TASS, IAEA); a region's or
   city's head ("Kharkiv governor", "governor of Russia's Belgorod region", "Mykolaiv mayor"), the place resolved
   with the gazetteer; a national body with its side word ("Russia's defence ministry", "the Russian MoD").
5. A known person's post on the context's day ("Yuriy Ihnat" -> Ukraine's Air Force); a role the context
   completes ("the regional governor" -> the governor of the context's region; "the air force" -> the air force
   of the context's country).
6. A state named alone ("Moscow", "Kyiv", "Russia") -> that state's authorities.
7. Otherwise a person or a body kronika does not list (`known=False`), named as the text names it; or None when
   the phrase names neither a body nor a person.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

from kronika.claimants import places
from kronika.claimants.registry import (
    Body,
    Person,
    Registry,
    city_body,
    name_key,
    regional_body,
    registry,
    strip_accents,
)
from kronika.claimants.registry import slug as _slug
from kronika.models import Location


@dataclass(frozen=True, slots=True)
class ClaimantContext:
    """What the text around a phrase tells about it, to complete bare roles.

    country  ISO2 of the side whose national bodies a bare name means ("the air force" -> UA); for an air attack,
             the country under attack, whose air defence reports
    region   admin1 a bare "the governor" / "the regional administration" heads ("Kharkiv Oblast")
    city     the settlement a bare "the mayor" / "the city council" heads
    day      ISO day of the report, to pick the post a person held then
    """

    country: str | None = None
    region: str | None = None
    city: str | None = None
    day: str | None = None
    region_country: str | None = None  # ISO2 of `region` and `city` (else looked up in the gazetteer)

    @classmethod
    def of_place(cls, place: Location | None, day: str | None = None, country: str | None = None) -> ClaimantContext:
        if place is None:
            return cls(country=country, day=day)
        city = place.name if place.precision == "settlement" else None
        region = place.admin1 or (place.name if place.precision == "admin1" else None)
        return cls(country=country, region=region, city=city, day=day, region_country=place.country)

    def place_country(self) -> str | None:
        if self.region_country:
            return self.region_country
        return places.country_of_region(self.region) if self.region else self.country


@dataclass(frozen=True, slots=True)
class Claimant:
    """Who says so, canonically, kept beside the text's own phrase.

    id      stable key: "ua.air_force", "ru.defence_ministry", "ua.region:kharkiv-oblast", "ua.city:kyiv",
            "person:yevgeny-prigozhin"; for a body kronika does not list, "other:<words>"
    name    the canonical name to show ("Ukraine's Air Force")
    kind    military | ministry | government | head_of_state | agency | company | outlet | monitor |
            international | regional | city | person | other
    scope   national | regional | city | international | unknown (regional and city bodies count for their
            place, never for a country)
    side    ISO2 country the body belongs to, None for international bodies and unknown sides
    region, city   the place a regional or city body heads
    person  the person the phrase names, when it names one ("Oleh Syniehubov")
    via     the outlet that relays the claim ("TASS" in "TASS (citing the defence ministry)")
    phrase  the text's own phrase
    known   True when the body or person is in kronika's registry
    """

    id: str
    name: str
    kind: str
    scope: str
    side: str | None = None
    region: str | None = None
    city: str | None = None
    person: str | None = None
    via: str | None = None
    phrase: str = ""
    known: bool = True

    def to_dict(self) -> dict[str, object]:
        return {
            "id": self.id, "name": self.name, "kind": self.kind, "scope": self.scope, "side": self.side,
            "region": self.region, "city": self.city, "person": self.person, "via": self.via, "phrase": self.phrase,
            "known": self.known,
        }


# ---------------------------------------------------------------------------------------------- word lists

_STOP = frozenset("the of a an for in on at by from to with s".split())
_LEADING = frozenset(
    "though although while whereas where as when after before because since if but and or so which who whom that "
    "including adding also then meanwhile however like both either one its their his her our this these those "
    "some other another".split()
)
_PRONOUNS = frozenset(
    "he she they it we i you this that these those there which who whom what whose one someone anyone none "
    "nobody everyone everybody something nothing them him her us me".split()
)
_CLAUSE = frozenset(
    "is are was were be been being am has have had having do does did will would shall should can could may "
    "might must not no never said says say saying told tells reported reports announced claimed claims added "
    "stated confirmed denied warned wrote posted hit killed launched fired struck shot downed destroyed "
    "attacked targeted dropped done".split()
)
_THINGS = frozenset(
    "drone missile rocket strike attack explosion blast shelling fire debris bomb shahed weapon munition "
    "projectile wreckage casualty death toll damage people person civilian victim building house car "
    "village town city region area front barrage wave night".split()
)
_DOCUMENTS = frozenset(
    "information data report statement figure estimate update communique communiqué post message footage video "
    "image picture photo document assessment analysis tally count note release briefing reading map record".split()
)
_FILLERS = frozenset(
    "spokesman spokeswoman spokesperson spokespeople press service secretary statement telegram channel post "
    "account facebook website message messaging app update report data figure source representative commander "
    "head chief deputy acting senior top also later earlier own latest preliminary initial official "
    "mr mrs ms dr quoted speaking nationwide daily morning evening regular via x office".split()
)
_DESCRIPTORS = frozenset(
    "state state-owned news agency outlet channel telegram independent public broadcaster mercenary group private "
    "military company operator energy grid national power monitoring project analytical think tank us-based "
    "washington-based chief boss founder head director general secretary-general secretary president open-source "
    "osint intelligence media online website newspaper daily report watchdog nuclear official state-run "
    "state-controlled kremlin-controlled pro-kremlin government-controlled".split()
)
# words a bare mention may carry that say nothing about which body it is ("the ministry's spokesman said")
_GENERIC = frozenset("spokesman spokeswoman spokesperson press service official statement own its".split())
# heads of a bare mention that name a person, who may be the person the text named before ("the governor")
_PERSON_ROLES = frozenset(
    "governor mayor head chief leader minister spokesman spokeswoman spokesperson commander president premier "
    "secretary adviser advisor envoy ambassador general director".split()
)
_AFTER_VERB = frozenset("by the a an that to in on at its their his her this these those".split())
_REGIONAL = frozenset("governor gov governorate regional oblast region province provincial krai ova oda".split())
_CITY = frozenset("mayor mayoral city town municipal municipality mva council".split())
_HEAD = frozenset("head chief leader administration authority official council military".split())
_LOCAL = frozenset({"local"})
_INSTALLED = frozenset(
    "russian-installed moscow-installed kremlin-installed russia-installed moscow-appointed russian-appointed "
    "kremlin-appointed russia-appointed moscow-backed russian-backed kremlin-backed pro-russian pro-moscow "
    "occupation occupying moscow-based moscow-imposed".split()
)
_AGENTS = frozenset(
    "ministry force military army troop authority official government governor mayor spokesman spokeswoman "
    "spokesperson police service command administration office agency president minister general staff "
    "council source resident expert analyst blogger monitor observer channel outlet newspaper media side group "
    "project institute commander chief head leader adviser advisor aide deputy envoy ambassador diplomat "
    "secretary prosecutor investigator rescuer witness doctor worker soldier officer committee department "
    "intelligence operator company mission team initiative network unit guard navy militia brigade battalion "
    "regiment division corps directorate cabinet parliament lawmaker senator kremlin embassy consulate "
    "people broadcaster agency operator correspondent journalist reporter blog tank watchdog "
    "emergency mod".split()
)
_AGENT_SUFFIXES = ("man", "men", "woman", "women", "person", "people", "ist", "ists", "ian", "ians")
_SPELLING = {
    "defense": "defence", "defenses": "defences", "center": "centre", "kiev": "kyiv", "kyivs": "kyiv",
    "u.s": "us", "u.k": "uk", "gov": "governor", "govt": "government", "min": "ministry", "ministries": "ministry",
    "authorities": "authority", "emergencies": "emergency", "ukraines": "ukraine", "russias": "russia",
    "mayors": "mayor", "officials": "official", "communiqué": "communique", "defense-ministry": "defence ministry",
    "commander-in-chief": "commander-in-chief",
}
# national bodies any state has, for sides the registry lists no such body of: names come from Ukraine's entries
_TEMPLATES = {
    "authorities": ("ua.authorities", "{name} authorities", "government"),
    "defence_ministry": ("ua.defence_ministry", "{possessive} Ministry of Defence", "ministry"),
    "foreign_ministry": ("ua.foreign_ministry", "{possessive} Ministry of Foreign Affairs", "ministry"),
    "armed_forces": ("ua.armed_forces", "{possessive} Armed Forces", "military"),
    "president": ("ua.president", "{possessive} head of state", "head_of_state"),
}

_TOKEN = re.compile(r"[^\W\d_][\w'’.-]*[\w]|[^\W\d_]|\d[\w.,:/-]*", re.UNICODE)
_CITING = re.compile(r"^(?P<main>.*?)\s*(?:\(|,\s*)(?:citing|quoting|cited by|according to)\s+(?P<cited>[^()]+)\)?\s*$",
                     re.I)
_LEAD_WORDS = re.compile(
    r"^(?:(?:though|although|while|whereas|where|as|when|after|before|because|since|if|but|and|or|so|which|who|"
    r"whom|that|including|adding|also|then|meanwhile|however|like|according\s+to)\s+)+", re.I)
# "the air force said on Telegram": the reporting verb and what follows it are not the claimant
_TRAILING_VERB = re.compile(
    r"\s+(?:has\s+|have\s+|had\s+)?(?:said|says|say|told|tells|reported|reports|announced|wrote|writes|posted|"
    r"added|stated|claimed|claims|confirmed|warned)\b.*$", re.I)
_DOC_LEAD = re.compile(
    r"^(?:the\s+)?(?:information|data|statement|report|figures?|a\s+statement|a\s+report|an\s+update|update)\s+"
    r"(?:from|of|by)\s+", re.I)


@dataclass(slots=True)
class _Tok:
    text: str
    fold: str
    cap: bool
    possessive: bool = False
    used: bool = False


@dataclass(slots=True)
class _Index:
    reg: Registry
    vocab: frozenset[str]
    side_words: dict[str, str]  # folded side word or phrase -> ISO2
    own: list[tuple[frozenset[str], Body]] = field(default_factory=list)  # no side word needed
    body_words: dict[str, frozenset[str]] = field(default_factory=dict)  # every word of a body's names
    sided: dict[str, list[tuple[frozenset[str], Body]]] = field(default_factory=dict)


@lru_cache(maxsize=20_000)  # the registry's names are read again for every phrase a template is tried on
def _words(name: str) -> frozenset[str]:
    return frozenset(w for w in (_fold_word(t) for t in _TOKEN.findall(name)) if w and w not in _STOP)


@lru_cache(maxsize=50_000)
def _fold_word(word: str, vocab: frozenset[str] = frozenset()) -> str:
    w = strip_accents(word).casefold().replace("’", "'").strip("'.")
    w = w.removesuffix("'s").removesuffix("'")
    w = _SPELLING.get(w, w)
    if vocab and w not in vocab and len(w) > 3:
        for suffix, repl in (("ies", "y"), ("es", ""), ("s", "")):
            if w.endswith(suffix) and w[: -len(suffix)] + repl in vocab:
                return w[: -len(suffix)] + repl
    return w


@lru_cache(maxsize=1)
def _index() -> _Index:
    reg = registry()
    words: set[str] = set(_FILLERS | _DESCRIPTORS | _REGIONAL | _CITY | _HEAD | _AGENTS | _THINGS | _DOCUMENTS)
    for body in reg.bodies.values():
        for name in (*body.names, *body.own_names):
            words |= _words(name)
    side_words = {strip_accents(w).casefold(): code for code, side in reg.sides.items() for w in side.words}
    idx = _Index(reg, frozenset(words), side_words)
    for body in reg.bodies.values():
        idx.body_words[body.id] = frozenset().union(*(_words(n) for n in (*body.names, *body.own_names)))
        own = body.names if body.distinct else body.own_names
        idx.own += [(_words(n), body) for n in own]
        if not body.distinct and body.side:
            idx.sided.setdefault(body.side, []).extend((_words(n), body) for n in body.names)
    return idx


# ---------------------------------------------------------------------------------------------- the public call


def canonical_claimant(phrase: str | None, context: ClaimantContext | None = None) -> Claimant | None:
    """The canonical claimant behind a phrase, or None when the phrase names no body and no person.

    `context` completes bare roles ("the governor", "the air force"); without it they stay unknown
    (`known=False`) rather than guessed.
    """
    if not phrase or not phrase.strip():
        return None
    return _canonical(" ".join(phrase.split()), context or ClaimantContext())


def agent_noun(word: str) -> bool:
    """Is a common noun one that can head a source ("officials", "the ministry", "rescuers", "spokeswoman")?"""
    fold = _fold_word(word, _index().vocab)
    return fold in _AGENTS or fold.endswith(_AGENT_SUFFIXES) or fold in ("defence", "force", "official")


def is_bare(claimant: Claimant | None) -> bool:
    """Does the phrase name a role or a kind of body and nothing of its own ("the ministry", "the governor",
    "the Air Force", "officials"): no side, no place, no person, no name a body owns? Such a phrase is a later
    mention of a claimant the text named before, or of nobody kronika can tell."""
    if claimant is None or claimant.known or claimant.person is not None or not claimant.id.startswith("other:"):
        return False
    idx = _index()
    toks = _tokens(_TRAILING_VERB.sub("", _LEAD_WORDS.sub("", claimant.phrase.strip())), idx)
    words = [t for t in toks if t.fold not in _STOP]
    return bool(words) and all(t.fold in idx.vocab and t.fold not in idx.side_words for t in words)


def refers_to(bare: str, earlier: Claimant) -> bool:
    """Can the bare phrase be a later mention of `earlier`, a claimant the text named in full? Its words are
    words of that claimant's phrase or of the body's names ("the ministry" after "the Russian Defence Ministry",
    "the mayor" after "Ihor Terekhov, the mayor of Kharkiv"), or the claimant's own side and place complete it to
    the same body ("the governor" after "Oleh Syniehubov, head of the Kharkiv regional administration")."""
    idx = _index()
    words = frozenset(
        t.fold for t in _tokens(_LEAD_WORDS.sub("", bare.strip()), idx) if t.fold not in _STOP
    ) - _GENERIC
    if not words:
        return False
    head = _head(bare, idx)
    if earlier.person and head not in _PERSON_ROLES:
        return False  # "the city administration" after "Mayor X said": the body, not what X said
    body = idx.reg.bodies.get(earlier.id)
    names = (earlier.phrase, earlier.name, *(body.names if body else ()), *(body.own_names if body else ()))
    theirs = frozenset(_fold_word(w, idx.vocab) for n in names for w in _words(n))
    if words <= theirs and head in {_head(n, idx) for n in names}:
        return True  # same head noun: "the ministry" is a ministry, never the "military administration"
    ctx = ClaimantContext(
        country=earlier.side, region=earlier.region, city=earlier.city, region_country=earlier.side
    )
    completed = canonical_claimant(bare, ctx)
    return completed is not None and completed.known and completed.id == earlier.id


def _head(phrase: str, idx: _Index) -> str | None:
    """The phrase's head noun: its last content word before any apposition ("ministry" of "the ministry's
    spokesman", "mayor" of "the mayor of Kharkiv")."""
    part = re.split(r"\s*,\s*|\s+of\s+", _LEAD_WORDS.sub("", phrase.strip()), maxsplit=1)[0]
    folds = [t.fold for t in _tokens(part, idx) if t.fold not in _STOP and t.fold not in _GENERIC]
    return folds[-1] if folds else None


def is_claimant(phrase: str | None) -> bool:
    """True when the phrase names a body or a person (whether or not kronika's registry lists it)."""
    return canonical_claimant(phrase) is not None


@lru_cache(maxsize=20_000)
def _canonical(phrase: str, ctx: ClaimantContext) -> Claimant | None:
    m = _CITING.match(phrase)
    if m and m.group("main").strip():
        cited = _canonical(m.group("cited").strip(" ,.;"), ctx)
        main = _read(m.group("main"), ctx)
        if cited is not None:
            via = main.name if main is not None else m.group("main").strip()
            return replace(cited, via=via, phrase=phrase)
        return replace(main, phrase=phrase) if main else None
    found = _read(phrase, ctx)
    return replace(found, phrase=phrase) if found else None


def _read(text: str, ctx: ClaimantContext) -> Claimant | None:
    text = _DOC_LEAD.sub("", text.strip(" ,;:-–—\"'“”‘’()[]"))
    text = _LEAD_WORDS.sub("", text)
    text = _TRAILING_VERB.sub("", text)
    parts = _parts(text)
    if not parts:
        return None
    idx = _index()
    toks = [_tokens(p, idx) for p in parts]
    if not toks[0] or _garbage(toks[0]):
        return None
    person = _known_person(toks, ctx)
    for n, part in enumerate(toks):
        if n and _garbage(part):
            continue
        body = _explicit_body(part, idx, person)
        if body is not None and person is not None:
            # "Ukrainian official X", "Sevastopol head X": X's own post says more when it is the same place's
            post = _post_body(person, toks, ctx)
            if post is not None and (body.id.endswith(".authorities") or (body.region and post.region == body.region)):
                body = post
        if body is not None:
            group = _coordinated(text, body, person, ctx)
            return group or _claimant(body, person.name if person else _person_name(toks))
    if person is not None:
        body = _post_body(person, toks, ctx)
        if body is None:
            return Claimant(f"person:{_slug(person.name)}", person.name, "person", "unknown", person=person.name)
        return _claimant(body, person.name)
    for part in toks:
        body = _contextual_body(part, idx, ctx)
        if body is not None:
            return _claimant(body, _person_name(toks))
    state = _state(toks[0], idx)
    if state is not None:
        return _claimant(state, None)
    return _unknown(toks, text)


# ---------------------------------------------------------------------------------------------- reading


def _post_body(person: Person, parts: list[list[_Tok]], ctx: ClaimantContext) -> Body | None:
    """The body a known person speaks for: the post held on the context's day, else the one post the phrase's
    own role words point at ("governor Serhiy Lysak" -> his regional post)."""
    post = person.post_on(ctx.day)
    if post is not None:
        return post.body
    folds = {t.fold for toks in parts for t in toks}
    idx = _index()
    fitting = []
    for p in person.posts:
        body = p.body
        if (body.kind == "regional" and folds & _REGIONAL) or (body.kind == "city" and folds & _CITY) or (
            folds & idx.body_words.get(body.id, frozenset()) - _FILLERS
        ):
            fitting.append(body)
    return fitting[0] if len({b.id for b in fitting}) == 1 else None


def _coordinated(text: str, body: Body, person: Person | None, ctx: ClaimantContext) -> Claimant | None:
    """Several claimants named together ("Britain, France and Germany", "Moscow and Kyiv"): one group claimant,
    so no single body is credited with what they said together."""
    if person is not None or not re.search(r"\band\b", text) or body.id in _whole_body_ids(text):
        return None
    items = [i for i in re.split(r"\s*,\s*|\s+and\s+", text) if i.strip()]
    if len(items) < 2 or any(len(i.split()) > 4 for i in items):
        return None
    found = [_canonical(i, ctx) for i in items]
    if any(f is None for f in found) or len({f.id for f in found}) < 2:  # type: ignore[union-attr]
        return None
    label = re.sub(r"^(?:the|both|a)\s+", "", text, flags=re.I)
    return Claimant(f"group:{_slug(label)}", label, "other", "unknown", known=False)


def _whole_body_ids(text: str) -> set[str]:
    """Bodies one of whose names contains "and" ("air force and air defence"): never split."""
    words = _words(text)
    idx = _index()
    return {b.id for n, b in idx.own + [x for v in idx.sided.values() for x in v] if len(n) > 2 and n <= words}


def _parts(text: str) -> list[str]:
    """The head and its appositions; a relative clause or a second coordinated claimant ends the phrase."""
    out: list[str] = []
    for raw in re.split(r"\s*[,;]\s*|\s+[-–—]\s+", text):
        part = raw.strip(" .\"'“”‘’()")
        if not part:
            continue
        first = part.split()[0].casefold()
        if first in ("which", "who", "whose", "that", "where", "whom", "when"):
            break
        if out and first in ("and", "or", "but"):
            break
        out.append(part)
    return out


def _tokens(part: str, idx: _Index) -> list[_Tok]:
    toks = []
    for raw in _TOKEN.findall(part.replace("(", " ").replace(")", " ")):
        poss = raw.endswith(("'s", "’s")) or (raw.endswith(("'", "’")) and raw[-2:-1] == "s")
        toks.append(_Tok(raw.rstrip("'’"), _fold_word(raw, idx.vocab), raw[:1].isupper(), poss))
    while toks and toks[0].fold in _LEADING and not (toks[0].cap and toks[0].text.isupper() and len(toks[0].text) > 1):
        toks = toks[1:]
    return toks


def _garbage(toks: list[_Tok]) -> bool:
    if not toks:
        return True
    lower = [t for t in toks if not t.cap]
    if any(t.fold in _CLAUSE for t in lower) or any(t.text[:1].isdigit() and not _ordinal(t.text) for t in toks):
        return True
    if all(t.fold in _PRONOUNS and not t.text.isupper() for t in toks):
        return True
    for a, b in zip(toks, toks[1:], strict=False):  # "pictures released by", "assessed the plan": a verb
        if not a.cap and a.fold.endswith("ed") and a.fold not in _index().vocab and b.fold in _AFTER_VERB:
            return True
    content = [t for t in toks if t.fold not in _STOP]
    if content and content[-1].fold in _THINGS | _DOCUMENTS:
        # the head word is a thing or a document ("Russian drones", "preliminary information"): garbage unless
        # another word names who holds it ("Kremlin statement")
        side_words = _index().side_words
        return not any(
            t.fold in _AGENTS or (t.cap and t.fold not in side_words) for t in content[:-1]
        )
    return False


def _ordinal(text: str) -> bool:
    return bool(re.fullmatch(r"\d+(?:st|nd|rd|th)", text))


def _sides(toks: list[_Tok], idx: _Index) -> set[str]:
    found: set[str] = set()
    folds = [strip_accents(t.text).casefold().removesuffix("'s").removesuffix("’s") for t in toks]
    n = 0
    while n < len(toks):
        pair = f"{folds[n]} {folds[n + 1]}" if n + 1 < len(toks) else None
        if pair and pair in idx.side_words:
            found.add(idx.side_words[pair])
            toks[n].used = toks[n + 1].used = True
            n += 2
            continue
        code = idx.side_words.get(folds[n]) or idx.side_words.get(folds[n].rstrip("."))
        if code and not (folds[n] == "us" and not toks[n].text.isupper()):
            found.add(code)
            toks[n].used = True
        n += 1
    return found


def _match(words: frozenset[str], table: list[tuple[frozenset[str], Body]], leftover: frozenset[str]
           ) -> tuple[Body, int] | None:
    """The body whose name covers most of `words`, the rest being `leftover` words or the body's other names."""
    best: tuple[Body, int] | None = None
    vocab = _index().body_words
    for name, body in table:
        if name and name <= words and (words - name) <= leftover | vocab.get(body.id, frozenset()) and (
            best is None or len(name) > best[1]
        ):
            best = (body, len(name))
    return best


def _content(toks: list[_Tok], person_keys: set[str]) -> frozenset[str]:
    return frozenset(t.fold for t in toks if not t.used and t.fold not in _STOP and name_key(t.text) not in person_keys)


def _explicit_body(toks: list[_Tok], idx: _Index, person: Person | None) -> Body | None:
    """A body the part names on its own: an own name, a region's or city's head with its place, a sided body."""
    for t in toks:
        t.used = False
    person_keys = _name_keys(toks, idx, person)
    local = _local_body(toks, idx, person_keys)
    sides = _sides(toks, idx)
    words = _content(toks, person_keys)
    own = _match(words, idx.own, _FILLERS | _DESCRIPTORS)
    if own is None:
        # "the state-run RIA news agency": a capitalised own name with only lower-case words around it
        capital = frozenset(t.fold for t in toks if t.cap)
        lower = frozenset(t.fold for t in toks if not t.cap) - _STOP
        own = _match(words, [(n, b) for n, b in idx.own if n <= capital], lower | _FILLERS | _DESCRIPTORS)
    if own is not None:
        return own[0]
    if local is not None:
        return local
    if len(sides) != 1:
        return None
    side = next(iter(sides))
    words = _content(toks, person_keys)
    if not words:
        return None
    hit = _match(words, idx.sided.get(side, []), _FILLERS)
    if hit is not None:
        return hit[0]
    return _template(side, words, idx)


def _template(side: str, words: frozenset[str], idx: _Index) -> Body | None:
    """A national body of a state the registry lists no such body for ("Romania's foreign ministry")."""
    s = idx.reg.sides.get(side)
    if s is None:
        return None
    for key, (model, pattern, kind) in _TEMPLATES.items():
        body = idx.reg.bodies[model]
        if _match(words, [(_words(n), body) for n in body.names], _FILLERS):
            name = pattern.format(name=s.name, possessive=s.possessive)
            return Body(f"{side.lower()}.{key}", name, side, kind, "national")
    return None


def _name_keys(toks: list[_Tok], idx: _Index, person: Person | None) -> set[str]:
    """Name keys of the tokens that spell a person's name (known, or a capitalised run not otherwise read)."""
    keys = set()
    if person is not None:
        for spelling in person.spellings:
            keys |= {name_key(w) for w in spelling.split()}
    for run in _runs(toks, idx):
        if not places.is_place(" ".join(t.text for t in run)):
            keys |= {name_key(t.text) for t in run}
    return keys


def _runs(toks: list[_Tok], idx: _Index) -> list[list[_Tok]]:
    """Capitalised words that are not vocabulary, side words or titles: names of places or people."""
    runs: list[list[_Tok]] = []
    cur: list[_Tok] = []
    for t in toks:
        free = t.cap and t.fold not in idx.vocab and t.fold not in idx.side_words and t.fold not in _STOP
        if free and not (cur and cur[-1].possessive):
            cur.append(t)
        else:
            if cur:
                runs.append(cur)
            cur = [t] if free else []
    if cur:
        runs.append(cur)
    return runs


def _local_body(toks: list[_Tok], idx: _Index, person_keys: set[str]) -> Body | None:
    """A region's or a city's head whose place the part names ("Kharkiv governor", "mayor of Odesa")."""
    folds = {t.fold for t in toks}
    regional, city, head = bool(folds & _REGIONAL), bool(folds & _CITY), bool(folds & _HEAD)
    if not (regional or city or head):
        return None
    installed = bool(folds & _INSTALLED)
    for cand in _place_candidates(toks, idx):
        if all(name_key(w) in person_keys for w in cand.split()):
            continue
        if city and not regional:
            loc = places.city_named(cand)
            if loc is not None:
                return city_body(loc.name, loc.admin1, loc.country)
        if regional:
            loc = places.region_named(cand)
            if loc is not None and loc.admin1:
                return regional_body(loc.admin1, loc.country, installed)
        if head:
            if idx.side_words.get(cand.casefold()) and not city:
                continue  # "Kyiv officials": the state, read later
            loc = places.resolve(cand)
            if loc is None or loc.precision == "country":
                continue
            if loc.precision == "admin1" and loc.admin1:
                return regional_body(loc.admin1, loc.country, installed)
            if loc.precision == "settlement":
                if installed and loc.admin1 and loc.country == "UA":
                    return regional_body(loc.admin1, loc.country, installed)
                return city_body(loc.name, loc.admin1, loc.country)
    return None


def _place_candidates(toks: list[_Tok], idx: _Index) -> list[str]:
    out = []
    cur: list[str] = []
    for t in toks:
        word_ok = t.cap and (t.fold not in idx.vocab or t.fold in idx.side_words) and "-" not in t.text.strip("-")
        if word_ok and t.fold not in _REGIONAL | _CITY | _HEAD:
            cur.append(t.text)
            if t.possessive:
                out.append(" ".join(cur))
                cur = []
            continue
        if cur:
            out.append(" ".join(cur))
        cur = []
    if cur:
        out.append(" ".join(cur))
    # "Kryvyi Rih" is one place; "Kharkiv Ihor Terekhov" never is: try whole runs, then their first words
    extra = [c.split()[0] for c in out if " " in c]
    return out + extra


def _known_person(parts: list[list[_Tok]], ctx: ClaimantContext) -> Person | None:
    reg = _index().reg
    for toks in parts:
        for n, t in enumerate(toks):
            if not t.cap or t.possessive:
                continue
            group = reg.by_surname.get(name_key(t.text))
            if not group:
                continue
            prev = toks[n - 1] if n else None
            first = prev if prev is not None and prev.cap and prev.fold not in _index().vocab else None
            fits = [p for p in group if first is None or _first_name_fits(p, first.text)]
            if first is None and (len(t.text) < 5 or len(fits) > 1):
                fits = [p for p in fits if _post_fits(p, ctx)] if len(fits) > 1 else fits
                if len(t.text) < 5 or len(fits) != 1:
                    continue
            if len(fits) == 1:
                return fits[0]
    return None


def _first_name_fits(person: Person, first: str) -> bool:
    key = name_key(first)
    return any(name_key(s.split()[0]) == key for s in person.spellings if " " in s)


def _post_fits(person: Person, ctx: ClaimantContext) -> bool:
    post = person.post_on(ctx.day)
    return post is not None and (ctx.region is None or post.region in (None, ctx.region))


def _person_name(parts: list[list[_Tok]]) -> str | None:
    """A person's name the phrase gives: the capitalised words that end a part ("regional governor Oleh X")."""
    idx = _index()
    for toks in parts:
        runs = _runs(toks, idx)
        if not runs or runs[-1][-1] is not toks[-1] or runs[-1][-1].possessive:
            continue
        name = " ".join(t.text for t in runs[-1])
        if places.city_named(name) or places.region_named(name) or places.country_named(name):
            continue
        return name
    return None


def _contextual_body(toks: list[_Tok], idx: _Index, ctx: ClaimantContext) -> Body | None:
    """A bare role the context completes: "the regional governor", "the mayor", "the air force"."""
    for t in toks:
        t.used = False
    folds = {t.fold for t in toks}
    if folds & _REGIONAL and ctx.region:
        return regional_body(ctx.region, ctx.place_country(), bool(folds & _INSTALLED))
    if folds & _CITY and ctx.city:
        return city_body(ctx.city, ctx.region, ctx.place_country())
    if folds & _LOCAL and folds & _HEAD:
        if ctx.city:
            return city_body(ctx.city, ctx.region, ctx.place_country())
        if ctx.region:
            return regional_body(ctx.region, ctx.place_country())
        return None
    sides = _sides(toks, idx)
    side = next(iter(sides)) if len(sides) == 1 else (ctx.country if not sides else None)
    if side is None:
        return None
    words = _content(toks, _name_keys(toks, idx, None)) - {"country"}
    if not words:
        return None
    hit = _match(words, idx.sided.get(side, []), _FILLERS)
    return hit[0] if hit else _template(side, words, idx)


def _state(toks: list[_Tok], idx: _Index) -> Body | None:
    """A state named alone ("Moscow", "Kyiv", "Russia", "Norway") speaks through its authorities."""
    for t in toks:
        t.used = False
    sides = _sides(toks, idx)
    rest = [t for t in toks if not t.used and t.fold not in _STOP and t.fold not in ("official", "authority", "side")]
    if len(sides) == 1 and not rest:
        side = next(iter(sides))
        model = idx.reg.bodies.get(f"{side.lower()}.authorities")
        return model or _template(side, frozenset({"authority"}), idx)
    if not sides and all(t.cap for t in toks):
        loc = places.country_named(" ".join(t.text for t in toks))
        if loc is not None and loc.country:
            return Body(f"{loc.country.lower()}.authorities", f"{loc.name} authorities", loc.country, "government",
                        "national")
    return None


def _unknown(parts: list[list[_Tok]], text: str) -> Claimant | None:
    """A person or body kronika does not list, named as the text names it; None for a bare place or a thing."""
    toks = parts[0]
    idx = _index()
    name = _person_name(parts[:1])
    whole = " ".join(t.text for t in toks)
    if name is not None and all(len(w) > 1 and w.isupper() for w in name.split()):
        name = None  # "UNN", "ISW": an acronym names a body
    if name is not None and name == whole and not places.is_place(whole):
        return Claimant(f"person:{_slug(name)}", name, "person", "unknown", person=name, known=False)
    if all(t.cap for t in toks) and places.is_place(whole):
        return None  # "Bakhmut", "Kharkiv": a place is not a claimant
    folds = [t.fold for t in toks if t.fold not in _STOP]
    if name is not None:
        return Claimant(f"person:{_slug(name)}", name, "person", "unknown", person=name, known=False)
    agentive = any(f in _AGENTS or f.endswith(_AGENT_SUFFIXES) or f in idx.side_words for f in folds) or any(
        t.cap and t.fold not in idx.vocab for t in toks
    )
    if not agentive:
        return None
    label = re.sub(r"^(?:the|a|an)\s+", "", " ".join(t.text for t in toks), flags=re.I)
    return Claimant(f"other:{_slug(label)}", label, "other", "unknown", person=name, known=False)


def _claimant(body: Body, person: str | None) -> Claimant:
    return Claimant(body.id, body.name, body.kind, body.scope, body.side, body.region, body.city, person)
