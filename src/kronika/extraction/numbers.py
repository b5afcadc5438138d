"""Every number expression in a sentence: its value, its qualifier, and whether it can be a count at all.

This module answers one question per number: "is this a count of something?" It does not say *what* is counted;
`figures.py` decides that from the words around the count. A number that cannot be an event figure (an age, a
year, a distance, a date, a day counter, a rate, ...) is still returned, with `rejected` naming why, so the caller
and the tests see the reason instead of guessing at an absence.

It runs on every sentence of every article, so it is built for speed: regular expressions compiled once, small
set lookups, no spaCy. The flow per sentence:

    pre-scan for places a number can start (`_START`)  ->  one anchored `_TOKEN` match there  ->  value
    ->  qualifier from the words just before it  ->  rejection from the token itself, the text right after it,
        then the words before it  ->  ranges ("10-15", "between 10 and 15") merged  ->  a bare number listed
        after an age, date or year shares its reason ("aged 67 and 70")

Context checks look at the next or previous *word* first and run a regex only when that word could start (or
end) one of its patterns: an unanchored search over a window costs ten times a set lookup.

Vague amounts ("dozens of", "hundreds", "several thousand", "a few") and "a"/"an" are never numbers here, and
"one" is returned only when it counts something ("killed at least one", "one person"), not as a pronoun
("one of the", "no one", "one Kyiv resident").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

__all__ = ["NumberMention", "find_numbers", "parse_number"]

EXACT, AT_LEAST, MORE_THAN, ABOUT, UP_TO = "exact", "at_least", "more_than", "about", "up_to"


@dataclass(frozen=True, slots=True)
class NumberMention:
    """One number expression; offsets index the text given to `find_numbers`.

    `start`/`end` cover the whole expression with its qualifier ("at least 10", "1,000+"); `num_start`/`num_end`
    cover the number itself ("10", "four dozen", "1.5 million"). `rejected` is None when the number may be an
    event figure, else why it is not one: "age", "year", "population", "day_counter", "distance", "area",
    "duration", "time", "money", "percent", "rate", "ordinal", "date", "multiplier", "quantity_unit", "rank",
    "phone/id" (designators such as "KN-23", "F-16", "G7" are "phone/id").
    """

    start: int
    end: int
    value: int
    qualifier: str
    text: str
    num_start: int
    num_end: int
    rejected: str | None


# --- vocabulary ------------------------------------------------------------------------------------------------


def _numbered(words: str, first: int, step: int = 1) -> dict[str, int]:
    return {w: (first + i) * step for i, w in enumerate(words.split())}


def _words(words: str) -> frozenset[str]:
    return frozenset(words.split())


_UNITS = _numbered("one two three four five six seven eight nine", 1)
_TEENS = _numbered("ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen", 10)
_TENS = _numbered("twenty thirty forty fifty sixty seventy eighty ninety", 2, 10)
_SMALL = {**_UNITS, **_TEENS, **_TENS}
_SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
# Attached abbreviations: "$1bn", "10k troops", "€50m". A bare "5m" is five metres unless money or people follow.
_SHORT_SCALES = {"k": 10**3, "m": 10**6, "mn": 10**6, "bn": 10**9}

_ORD_UNITS = _numbered("first second third fourth fifth sixth seventh eighth ninth", 1)
_ORDINALS = {
    **_ORD_UNITS,
    **_numbered(
        "tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth", 10
    ),
    **_numbered("twentieth thirtieth fortieth fiftieth sixtieth seventieth eightieth ninetieth", 2, 10),
    "hundredth": 100,
    "thousandth": 1000,
    "millionth": 10**6,
}
_MULTIPLIER_WORDS = {"twice": 2, "thrice": 3}
_FOLD_WORDS = {w + "fold": v for w, v in {**_UNITS, "ten": 10, "hundred": 100, "thousand": 1000}.items()}

_MONTH_NAMES = (
    "January February March April May June July August September October November December "
    "Jan Feb Mar Apr Jun Jul Aug Sept Sep Oct Nov Dec"
)
# Case-sensitive on purpose: "May" is a month, "may" a verb ("5 may have died").
_MONTH_SET = frozenset(_MONTH_NAMES.split()) | frozenset(m + "." for m in _MONTH_NAMES.split())

_UNIT_RE = "|".join(_UNITS)
_BASE = rf"(?:(?:{'|'.join(_TENS)})(?:[-\s](?:{_UNIT_RE})\b)?|(?:{'|'.join(_TEENS)})|(?:{_UNIT_RE}))\b"
_HUND = rf"{_BASE}(?:\s+hundred\b(?:(?:\s+and)?\s+{_BASE})?)?"
_SCALED = rf"{_HUND}(?:[\s-]+(?:thousand|million|billion)\b(?:,?(?:\s+and)?\s+{_HUND})?)?"
_ORD_RE = (
    rf"(?:(?:{'|'.join(_TENS)})-(?:{'|'.join(_ORD_UNITS)})|"
    + "|".join(sorted(_ORDINALS, key=len, reverse=True))
    + r")\b"
)

# One number token, matched at a position the pre-scan found. Order matters where two alternatives can start at
# the same place: times and dates before plain digits, "four dozen" before "four", "twenty-first" before "twenty".
_TOKEN = re.compile(
    r"(?P<time>(?<![\d.:])\d{1,2}:\d{2}(?![\d:]))"
    r"|(?P<isodate>(?<![\d-])\d{4}-\d{2}-\d{2}(?![\d-]))"
    r"|(?P<slashdate>(?<![\d/.])\d{1,2}(?:/\d{1,2}/\d{2,4}|\.\d{1,2}\.\d{4}|/\d{1,2})(?![\d/]))"
    r"|(?P<digits>(?<![\d_])(?<!\d[.,])"
    r"(?:\d{1,3}(?:(?:,\d{3}(?!\d))+|(?:[ \u00a0\u202f]\d{3}(?!\d))+)|\d+)(?:\.\d+)?)"
    r"(?P<scale>\s*(?:million|billion|trillion|thousand)\b|(?:bn|mn|m|k)\b)?"
    r"(?P<suffix>(?:st|nd|rd|th)\b|['’]?s\b)?"
    r"(?P<plus>\+)?"
    rf"|(?P<dozen>\b(?:(?P<dzn>{_BASE})|a|half\s+a)\s+dozens?\b)"
    r"|(?P<abig>\b(?:half\s+a|a)\s+(?:hundred|thousand|million)\b)"
    rf"|(?P<ordw>\b{_ORD_RE})"
    rf"|(?P<multw>\b(?:twice|thrice|(?:{_UNIT_RE}|ten|hundred|thousand)fold)\b)"
    rf"|(?P<words>\b{_SCALED})",
    re.I,
)


def _trie(words: list[str]) -> str:
    """An alternation factored by first letter: the engine then rejects most word starts after one compare."""
    by_first: dict[str, set[str]] = {}
    for word in words:
        by_first.setdefault(word[0], set()).add(word[1:])
    return "|".join(
        first + "(?:" + "|".join(sorted(rests, key=len, reverse=True)) + ")"
        for first, rests in sorted(by_first.items())
    )


_START_RE = (
    r"\d|\b(?:(?:"
    + _trie([*_SMALL, *_ORDINALS, *_MULTIPLIER_WORDS, *_FOLD_WORDS])
    + r")\b|a\s+(?:dozen|hundred|thousand|million)\b|half\s+a\b)"
)
_START = re.compile(_START_RE)  # run on the lowered text
_START_I = re.compile(_START_RE, re.I)

# --- qualifiers ------------------------------------------------------------------------------------------------

# Qualifier phrases by their last word, which is the word right before the number: only the phrases ending in
# that word are tried, longest first, so "no more than" is not read as "more than".
_QUAL_PHRASES: dict[str, tuple[tuple[str, str], ...]] = {
    "least": ((AT_LEAST, r"at\s+least"),),
    "than": (
        (AT_LEAST, r"not?\s+(?:fewer|less)\s+than"),
        (UP_TO, r"not?\s+more\s+than"),
        (MORE_THAN, r"more\s+than"),
        (UP_TO, r"(?:fewer|less)\s+than"),
    ),
    "of": ((AT_LEAST, r"a\s+minimum\s+of"), (MORE_THAN, r"upwards\s+of|in\s+excess\s+of")),
    "over": ((MORE_THAN, r"(?:(?:well|just|slightly)\s+)?over"),),
    "above": ((MORE_THAN, r"(?:(?:well|just|slightly)\s+)?above"),),
    "to": ((UP_TO, r"up\s+to"), (ABOUT, r"close\s+to")),
    "as": ((UP_TO, r"as\s+many\s+as"),),
    "most": ((UP_TO, r"at\s+most"),),
    "under": ((UP_TO, r"(?:just\s+)?under"),),
    "below": ((UP_TO, r"(?:just\s+)?below"),),
    "estimated": ((ABOUT, r"(?:an\s+)?estimated"),),
    **{w: ((ABOUT, re.escape(w)),) for w in _words("about around roughly approximately approx. some nearly almost")},
}
_QUALS = {
    last: [(re.compile(r"\b(?:" + phrase + r")\s+\Z", re.I), qualifier) for qualifier, phrase in phrases]
    for last, phrases in _QUAL_PHRASES.items()
}

_QUAL_RIGHT = re.compile(
    r"(?P<more_than>\+|-plus\b|\s+plus\b(?!\s+\d))|(?P<at_least>\s+or\s+more\b)|(?P<about>\s+or\s+so\b|-odd\b)", re.I
)
_LISTED_REASONS = frozenset({"age", "date", "year"})
_LIST_GAP = re.compile(r"\s*(?:,|,?\s+(?:and|or|&))\s*", re.I)
_LIST_END = re.compile(r"\s*(?:[.,;:)]|\Z|respectively\b|(?:and|or|&)\s+\d)", re.I)
_BETWEEN_LEFT = re.compile(r"\bbetween\s+\Z", re.I)
_RANGE_GAP = re.compile(r"\s*[-–—]\s*|\s+to\s+|\s+and\s+", re.I)

# --- rejections: the text after the number -----------------------------------------------------------------------

# Counted things after a 4-digit number that make "2000 soldiers" a count rather than a year.
_COUNT_NOUNS = (
    r"people|persons|civilians|residents|soldiers|troops|servicemen|fighters|men|women|children"
    r"|drones|missiles|rockets|shells|bombs|prisoners|POWs|bodies|homes|houses|buildings|families"
    r"|refugees|casualties|victims|tanks|vehicles|UAVs|shaheds|troopers|households|apartments"
)
_YEAR_COUNT = re.compile(rf"\s+(?:[a-z-]+\s+)?(?:{_COUNT_NOUNS})\b", re.I)

# Units right after the number. Tried in order, so the most specific come first ("-year-old" before "-year",
# "square miles" before "miles", named units before the catch-all hyphen compound "five-storey").
_RIGHT = re.compile(
    r"(?P<age>[-\s]+(?:years?|yrs?|months?|weeks?)[-\s]+old\b|\s+years?\s+of\s+age\b)"
    r"|(?P<percent>\s*(?:%|per\s?cent\b|percentage\s+points?\b|pc\b|pct\b))"
    r"|(?P<money>\s*(?:US\s+)?(?:dollars?|euros?|pounds|hryvnias?|hryvnyas?|roubles?|rubles?|yuan|yen|francs?"
    r"|USD|EUR|UAH|GBP|RUB|CHF)\b)"
    r"|(?P<area>[-\s]*(?:square|sq\.?)[-\s]+(?:kilometres?|kilometers?|km|miles?|metres?|meters?|m|feet|foot)\b"
    r"|\s*(?:km2|km²|m2|m²|hectares?|ha|acres?)(?!\w))"
    r"|(?P<distance>[-\s]*(?:km|kilometres?|kilometers?|miles?|mi|metres?|meters?|m|feet|foot|ft|yards?"
    r"|nautical\s+miles?)\b)"
    r"|(?P<time>\s*(?:am|pm|a\.m\.|p\.m\.|GMT|UTC|CET|EET|EEST|MSK|o['’]clock|(?:local|Kyiv|Kiev|Moscow)\s+time)"
    r"(?!\w))"
    r"|(?P<duration>[-\s]*(?:and\s+a\s+half\s+)?(?:years?|yrs?|months?|weeks?|days?|hours?|hrs?|h|minutes?|mins?"
    r"|seconds?|secs?|nights?|decades?|centuries|century)\b)"
    r"|(?P<multiplier>[-\s]*(?:times|fold)\b|x\b)"
    r"|(?P<quantity_unit>[-\s]*(?:storeys?|story|stories|floors?|tonnes?|tons|kg|kilograms?|grams?|litres?"
    r"|liters?|gallons?|barrels?|bpd|degrees?|°|mm|cm|MW|GW|kW|kWh|MWh|megawatts?|gigawatts?|calibre|caliber"
    r"|inch(?:es)?|kilotons?|kt|mph|knots)\b|-(?!(?:plus|odd)\b)[a-z])"
    r"|(?P<population>\s+inhabitants\b)"
    r"|(?P<id>[A-Za-z])",
    re.I,
)
# First words after a number that can begin a `_RIGHT` alternative; any other word skips the regex.
_RIGHT_FIRST_WORDS = _words(
    "years year yrs yr months month weeks week percent per percentage pc pct us dollars dollar euros euro pounds "
    "hryvnias hryvnia hryvnyas roubles rouble rubles ruble yuan yen francs franc usd eur uah gbp rub chf square sq "
    "sq. km2 km² m2 m² hectares hectare ha acres acre km kilometres kilometre kilometers kilometer miles mile mi "
    "metres metre meters meter m feet foot ft yards yard nautical am pm a.m. p.m. gmt utc cet eet eest msk o'clock "
    "o’clock local kyiv kiev moscow and days day hours hour hrs hr h minutes minute mins min seconds second secs "
    "sec nights night decades decade centuries century times fold x storeys storey story stories floors floor "
    "tonnes tonne tons kg kilograms kilogram grams gram litres litre liters liter gallons gallon barrels barrel bpd "
    "degrees degree ° mm cm mw gw kw kwh mwh megawatts megawatt gigawatts gigawatt calibre caliber inch inches "
    "kilotons kiloton kt mph knots inhabitants"
)
# "5000 soldiers a week", "1,000 a day", "10 drones per night"; not "killed 10 a day after ..." and not "in a
# week" (the words bridging number and period may not be function words).
_RATE = re.compile(
    r"(?:\s+(?!(?:in|within|over|for|during|the|this|last|past|next|of|on|at|by|after|before|since|and"
    r"|or|but|were|was|had|have|been|are|is|from|to|with)\b)[a-z-]+){0,2}\s+(?:a|per|each|every)\s+"
    r"(?:day|week|month|year|hour|night|minute)\b(?!\s+(?:after|before|earlier|later|ago|when|of)\b)"
    r"|(?:\s+[a-z-]+)?\s+(?:daily|weekly|monthly|annually|per\s+annum)\b",
    re.I,
)
# Substrings every rate needs (its period); `_RATE` runs only when one is near.
_RATE_PERIODS = ("day", "week", "month", "year", "hour", "night", "minute", "annum", "daily", "annually")
_DAY_OF_MONTH = re.compile(r"\d{1,2}(?:st|nd|rd|th)?,?")
_ORDINAL_DAY = re.compile(r"\s+day\b", re.I)
# "Ivan Petrenko, 46, was injured": the number is fenced by commas right after a name or a person noun.
_AGE_COMMA_RIGHT = re.compile(r"\s*\)|\s*,\s*(?:was|is|who|had|has|from|of|a|an|died|remains)\b", re.I)
_RESIDENTS_RIGHT = re.compile(r"\s+(?:residents|inhabitants|people\s+living)\b", re.I)

# --- rejections: the words before the number ---------------------------------------------------------------------

_CURRENCY = frozenset("$€£₴₽¥")
_CURRENCY_CODES = frozenset({"US$", "USD", "EUR", "UAH", "GBP", "RUB", "CHF", "Rs", "Rs."})
_TIME_PREFIXES = _words("mid pre post early late")
_PHONE = re.compile(r"(?<![\d])\+?\(?\d{2,4}\)?(?:[ .-]\d{2,4}){2,}(?![\d])")
_YEAR_PREPS = _words(
    "in since of by until till from during before after early late mid summer spring autumn fall winter year through"
)
_NOT_DAY_COUNTER = _words("a per each every same that this next one the following")
_AGE_WORDS = _words("aged ages age")
_PERSON_NOUNS = _words(
    "man woman boy girl son daughter mother father wife husband teenager pensioner grandmother grandfather"
)
_POPULATION_WORDS = _words("population populace inhabitants")
_POPULATION_LINKS = _words("of was is at numbered been just")
_PLACE_NOUNS = _words("city town village settlement country nation community municipality metropolis")
# Capitalised on purpose: "Article 5", "No. 10"; "a number 10" is too rare to matter and "number of" never counts.
_RANK_WORDS = _words(
    "No. Nos. Number # Article Resolution Unit Reactor Flight Route Highway Chapter Section Paragraph Block "
    "Building Apartment Room Level Category Phase Stage Round Part Season Vol. ranked Platform Gate"
)

# --- "one" as a pronoun or a set phrase rather than a count --------------------------------------------------------

_ONE_PRONOUN_LEFT = _words("no any every each the this that which such only")
_ONE_RIGHT_PRONOUN = re.compile(
    r"(?:\s+(?:of|another|day|time|point|side|way|hand|thing|by|or|after|less|must|should|can|could|would|might"
    r"|may|will)\b|['’]s\b)",
    re.I,
)
_ONE_RIGHT_CAPITAL = re.compile(r"\s+[A-Z]")
_ONE_RIGHT_WEAPON = re.compile(
    r"\s+(?:[A-Z][\w.’'/-]*\s+)(?:[\w.’'/-]+\s+){0,2}?(?:missile|drone|UAV|rocket)\b"
    r"|\s+(?:Kinzhal|Kalibr|Iskander|Zircon|Tsirkon|Shahed|Geran|Kh-\d+|X-\d+)\b"
)
_ONE_RIGHT_NOUN = re.compile(
    r"\s+(?:[a-z-]+\s+)?(?:person|civilian|child|man|woman|boy|girl|teenager|resident|soldier|serviceman|officer"
    r"|rescuer|worker|employee|driver|policeman|firefighter|medic|volunteer|journalist|pensioner|infant|baby"
    r"|drone|missile|rocket|aircraft|plane|jet|helicopter|ship|vessel|boat|tank|building|house|home|victim"
    r"|fighter|prisoner|body)\b",
    re.I,
)
_ONE_RIGHT_PARTICIPLE = re.compile(
    r"\s+(?:(?:was|were|has\s+been|had\s+been|is)\s+)?(?:[a-z]+ed|dead|hurt|shot\s+down)\b", re.I
)
_ONE_VERB = re.compile(r"[a-z]+ed|[a-z]+ing|kills?|hit|shot|lost|hurt", re.I)

_SEPARATORS = re.compile(r"[,\s\u00a0\u202f]")
_NON_DIGIT = re.compile(r"\D")
_WORD_SPLIT = re.compile(r"[\s,-]+")
_STRIP = ",;:)!?\"'”’"
_LEFT_WINDOW = 40
_RIGHT_WINDOW = 64


# --- values ------------------------------------------------------------------------------------------------------


def _words_value(words: str) -> int:
    """Value of a spelled-out number already matched by `_SCALED` ("one hundred and five" -> 105)."""
    total = current = 0
    for word in _WORD_SPLIT.split(words.lower()):
        if word in _SMALL:
            current += _SMALL[word]
        elif word == "hundred":
            current = (current or 1) * 100
        elif word in _SCALES:
            total += (current or 1) * _SCALES[word]
            current = 0
    return total + current


def _digits_value(digits: str, scale: str | None) -> int:
    """ "1.5 million" -> 1500000, "1,371" -> 1371; a fraction without a scale is cut: "2.5" -> 2."""
    if digits.isdigit() and not scale:
        return int(digits)
    number = Decimal(_SEPARATORS.sub("", digits))
    if scale:
        key = scale.strip().lower()
        number *= _SCALES.get(key) or _SHORT_SCALES[key]
    return int(number)


@dataclass(slots=True)
class _Token:
    num_start: int
    num_end: int
    value: int
    rejected: str | None  # decided by the token alone: "time", "date", "ordinal", "multiplier"
    is_one: bool = False  # the bare word "one": pronoun checks apply
    is_digits: bool = False
    attached_m: bool = False  # "5m": million if money or people follow, else metres
    plain_value: int = 0  # the value without the attached "m", for metres
    weak: str | None = None  # a reason that holds unless the context names a more specific one


def _read_token(m: re.Match[str]) -> _Token:
    s, e = m.start(), m.end()
    if m.group("digits") is not None:
        digits, scale, suffix, plus = m.group("digits", "scale", "suffix", "plus")
        if plus:
            e -= 1  # the "+" is a qualifier, not part of the number
        tok = _Token(s, e, _digits_value(digits, scale), None, is_digits=True)
        if scale and scale.lower() == "m":
            tok.attached_m = True
            tok.plain_value = _digits_value(digits, None)
        if suffix and suffix.lower() in ("st", "nd", "rd", "th"):
            tok.rejected = "ordinal"
        elif suffix:
            tok.weak = "year" if tok.value >= 100 else "age"  # "the 1990s", "in their 40s"
        elif "." in digits and not scale:
            tok.weak = "quantity_unit"  # a measurement or a version ("2.5", "4.0"), never a head count
        elif len(digits) >= 10 or (digits[0] == "0" and len(digits) > 1):
            tok.weak = "phone/id"  # "044", "0123456789"; "0500 GMT" is caught as a time first
        return tok
    if m.group("time") is not None:
        return _Token(s, e, int(m.group("time").split(":")[0]), "time")
    if m.group("isodate") is not None or m.group("slashdate") is not None:
        return _Token(s, e, int(_NON_DIGIT.split(m.group(0))[0]), "date")
    if m.group("dozen") is not None:
        dzn = m.group("dzn")
        per = 6 if m.group("dozen").lower().startswith("half") else 12
        return _Token(s, e, (_words_value(dzn) if dzn else 1) * per, None)
    if m.group("abig") is not None:
        words = m.group("abig").lower()
        value = _SCALES.get(words.split()[-1], 100)
        return _Token(s, e, value // 2 if words.startswith("half") else value, None)
    if m.group("ordw") is not None:
        value = sum(_TENS.get(p, 0) + _ORDINALS.get(p, 0) for p in m.group("ordw").lower().split("-"))
        return _Token(s, e, value, "ordinal")
    if m.group("multw") is not None:
        word = m.group("multw").lower()
        return _Token(s, e, _MULTIPLIER_WORDS.get(word) or _FOLD_WORDS[word], "multiplier")
    words = m.group("words")
    return _Token(s, e, _words_value(words), None, is_one=words.lower() == "one")


# --- context -----------------------------------------------------------------------------------------------------


def _words_before(text: str, pos: int) -> list[str]:
    """The words before `pos`, last one last; empty when the number is attached to what precedes it."""
    window = text[max(0, pos - _LEFT_WINDOW) : pos]
    if not window[-1:].isspace():
        return []
    return window.split()


def _first_word_after(right: str) -> str:
    """The lowered word right after the number ("" if none)."""
    head = right[:24].split(None, 1)
    return head[0].lower() if head else ""


def _letters_before(text: str, pos: int) -> str:
    """The run of letters ending at `pos`, or before a hyphen at `pos` ("KN" for "KN-23")."""
    end = pos - 1 if text[pos - 1] == "-" else pos
    begin = end
    while begin > 0 and text[begin - 1].isalpha():
        begin -= 1
    return text[begin:end]


def _in_phone_number(text: str, ns: int, ne: int) -> bool:
    """Whether the digits at ns..ne are one group of a phone-like run ("+380 44 123 4567")."""
    nearby = text[ne : ne + 2]
    next_group = len(nearby) == 2 and nearby[0] in " .-" and nearby[1].isdigit()
    if not next_group and not (ns >= 2 and text[ns - 1] in " .-)" and text[ns - 2].isdigit()):
        return False  # the usual case: no digit group right next to this one
    for m in _PHONE.finditer(text, max(0, ns - 24), ne + 24):
        if m.start() <= ns < m.end() and sum(ch.isdigit() for ch in m.group(0)) >= 9:
            return True
    return False


def _known_word(word: str, vocabulary: frozenset[str]) -> bool:
    """`word` is in `vocabulary` as is ("a.m."), without trailing punctuation ("km,") or without a full stop too."""
    return word in vocabulary or word.rstrip(_STRIP) in vocabulary or word.rstrip(_STRIP + ".") in vocabulary


def _is_month(word: str) -> bool:
    return word.lstrip("([") in _MONTH_SET


def _attached_reason(text: str, tok: _Token, right: str) -> str | None:
    """Rejections read from the characters touching a digit token: designators, currency, phone numbers."""
    ns, ne = tok.num_start, tok.num_end
    before = text[ns - 1] if ns else ""
    if before.isalpha() or (before == "-" and ns > 1 and text[ns - 2].isalpha()):
        # "KN-23", "Su-34", "G7", "F-16s"; but "mid-2022" is a year, judged later
        if _letters_before(text, ns).lower() not in _TIME_PREFIXES:
            return "phone/id"
    elif before == "+":
        return "phone/id"
    elif before == "#":
        return "rank"
    elif before in _CURRENCY or (before == " " and ns > 1 and text[ns - 2] in _CURRENCY):
        return "money"
    if _in_phone_number(text, ns, ne):
        return "phone/id"
    if tok.attached_m and not _YEAR_COUNT.match(right):
        return "distance"  # "a 5m crater"; "1.5m people" is a count in millions
    return None


def _right_reason(tok: _Token, right: str) -> str | None:
    """Rejections read from the words after the number: units, dates, rates."""
    first = right[:1]
    word = _first_word_after(right)
    if first in "-%°" or first.isalpha() or _known_word(word, _RIGHT_FIRST_WORDS):
        r = _RIGHT.match(right)
        if r and not (r.lastgroup == "id" and not tok.is_digits):
            return "phone/id" if r.lastgroup == "id" else r.lastgroup
    if tok.value <= 31 and first.isspace():
        head = right.split(None, 2)
        if head and (
            _is_month(head[0].rstrip(_STRIP))
            or (head[0] == "of" and len(head) > 1 and _is_month(head[1].rstrip(_STRIP)))
        ):
            return "date"  # "14 November", "the 14 of Nov."
    near = right[:48].lower()
    if any(period in near for period in _RATE_PERIODS) and _RATE.match(right):
        return "rate"
    return None


def _left_reason(tok: _Token, words: list[str], right: str) -> str | None:
    """Rejections read from the words before the number (and its qualifier)."""
    if not words:
        return None
    if words[-1].lower() in ("between", "from") and len(words) > 1:
        words = words[:-1]  # "aged between 25 and 40", "a population from 10,000"
    last, lower = words[-1], words[-1].lower()
    prev = words[-2] if len(words) > 1 else ""
    prev_lower = prev.lower()
    value = tok.value
    if last in _CURRENCY_CODES:  # "USD 50 million", "UAH 1,000"
        return "money"
    if _is_month(last):  # "Nov 20", "(Nov 14)", "November 2025"
        return "date" if value <= 31 else ("year" if 1900 <= value <= 2100 else None)
    if _is_month(prev) and _DAY_OF_MONTH.fullmatch(last):  # "Nov 20, 2025"; "On July 8, 20 people were killed"
        return "year" if 1900 <= value <= 2100 else (None if last.endswith(",") else "date")
    if lower == "day" and prev_lower not in _NOT_DAY_COUNTER:  # "day 1,000 of the war"
        return "day_counter"
    if lower in ("no.", "no") and prev_lower == "day":
        return "day_counter"
    if lower in _AGE_WORDS or (lower == "of" and prev_lower in _AGE_WORDS):  # "aged 50", "at the age of 7"
        return "age"
    if last.endswith(",") and value < 120 and _AGE_COMMA_RIGHT.match(right):
        name = last[:-1]
        if name.lower() in _PERSON_NOUNS or (name[:1].isupper() and name.isalpha()):
            return "age"  # "a man, 70, was", "Ivan Petrenko, 46, was", "said Putin, 73, who"
    if lower in _POPULATION_WORDS:
        return "population"
    if lower in _POPULATION_LINKS and any(w.lower() in _POPULATION_WORDS for w in words[-4:-1]):
        return "population"  # "a population of around 55,000", "the population stood at"
    if lower == "of" and prev_lower in _PLACE_NOUNS:  # "a city of 200,000 people"
        return "population"
    if lower == "to" and prev_lower == "home":  # "home to 1 million"
        return "population"
    if lower in ("had", "has") and _RESIDENTS_RIGHT.match(right):  # "the town had 27,000 residents before the war"
        return "population"
    if last in _RANK_WORDS or (last == "of" and prev == "Group"):
        return "rank"
    return None


def _reject(text: str, tok: _Token, words: list[str], qualifier: str = EXACT) -> str | None:
    """Why the number in `tok` cannot be a count; None if it may be one. `words` precede it and its qualifier."""
    right = text[tok.num_end : tok.num_end + _RIGHT_WINDOW]
    if tok.rejected == "ordinal":  # "the 1,371st day", "November 26th", "the 14th of November"
        if _ORDINAL_DAY.match(right):
            return "day_counter"
        if (words and _is_month(words[-1])) or _right_reason(tok, right) == "date":
            return "date"
        return "ordinal"
    if tok.rejected:
        return tok.rejected
    reason = (_attached_reason(text, tok, right) if tok.is_digits else None) or _right_reason(tok, right)
    reason = reason or _left_reason(tok, words, right) or tok.weak
    if reason:
        return reason
    # A bare 4-digit number in this range is a year unless it plainly counts people or weapons, or is bounded
    # ("more than 2000", "up to 2000"); "around 2014" stays a year.
    if (
        tok.is_digits
        and 1900 <= tok.value <= 2100
        and qualifier in (EXACT, ABOUT)
        and text[tok.num_start : tok.num_end].isdigit()
    ):
        last = words[-1].lower().rstrip("-") if words else ""
        if last in _YEAR_PREPS or not _YEAR_COUNT.match(right):
            return "year"
    return None


def _qualifier(text: str, ns: int, words: list[str]) -> tuple[str, int] | None:
    """(qualifier, start of the qualifier) when a qualifier phrase ends right before `ns`; `words` precede `ns`."""
    if not words:
        return None
    for pattern, qualifier in _QUALS.get(words[-1].lower(), ()):
        m = pattern.search(text, max(0, ns - 24), ns)
        if m:
            return qualifier, m.start()
    return None


def _one_is_count(text: str, start: int, qualified: bool, ne: int) -> bool:
    """The word "one" counts something ("killed at least one", "one person") rather than standing for someone."""
    right = text[ne : ne + _RIGHT_WINDOW]
    if _ONE_RIGHT_WEAPON.match(right):
        return True  # "one Iskander-M ballistic missile", "one Kh-101 missile"
    if _ONE_RIGHT_PRONOUN.match(right) or _ONE_RIGHT_CAPITAL.match(right):
        return False  # "close to one of the strikes", "one Kyiv resident", "one day": even after a qualifier
    if qualified:
        return True
    words = _words_before(text, start)
    last = words[-1].lower() if words else ""
    if _ONE_RIGHT_NOUN.match(right):
        return True  # "one person", "only one civilian"
    if last in _ONE_PRONOUN_LEFT:
        return False  # "no one was hurt", "the one who called"
    if _ONE_RIGHT_PARTICIPLE.match(right):
        return True  # "one was killed", "one injured"
    return _ONE_VERB.fullmatch(last) is not None


# --- the scan ----------------------------------------------------------------------------------------------------


def _tokens(text: str) -> list[re.Match[str]]:
    """`_TOKEN` matches in order, tried only where the pre-scan `_START` says a number can begin: running the whole
    alternation at every character costs several times more."""
    lowered = text.lower()
    # A few characters change length when lowered ("İ"); offsets must stay those of `text`.
    starts = _START.finditer(lowered) if len(lowered) == len(text) else _START_I.finditer(text)
    tokens: list[re.Match[str]] = []
    consumed = 0
    for c in starts:
        pos = c.start()
        if pos < consumed:
            continue
        m = _TOKEN.match(text, pos)
        if m:
            tokens.append(m)
            consumed = m.end()
    return tokens


def find_numbers(text: str) -> list[NumberMention]:
    """Every number expression in `text` (a sentence or a paragraph), in order of appearance."""
    found: list[NumberMention] = []
    for m in _tokens(text):
        tok = _read_token(m)
        ns, ne = tok.num_start, tok.num_end
        qualifier, start, end = EXACT, ns, ne
        words = _words_before(text, ns)
        q = _qualifier(text, ns, words)
        if q:
            qualifier, start = q
            words = _words_before(text, start)
        qr = _QUAL_RIGHT.match(text, ne)
        if qr:
            end = qr.end()
            if not q:
                qualifier = qr.lastgroup or EXACT
        rejected = _reject(text, tok, words, qualifier)
        if tok.is_one and rejected is None and not _one_is_count(text, start, q is not None, ne):
            continue
        value = tok.plain_value if tok.attached_m and rejected == "distance" else tok.value
        found.append(NumberMention(start, end, value, qualifier, text[start:end], ns, ne, rejected))
    return _share_reasons(text, _merge_ranges(text, found)) if len(found) > 1 else found


def _merge_ranges(text: str, found: list[NumberMention]) -> list[NumberMention]:
    """ "10-15 people", "between 10 and 15": one count of at least the lower bound; "20-30 km" rejects both ends."""
    out: list[NumberMention] = []
    i = 0
    while i < len(found):
        a = found[i]
        b = found[i + 1] if i + 1 < len(found) else None
        gap = _RANGE_GAP.fullmatch(text, a.end, b.start) if b else None
        between = _BETWEEN_LEFT.search(text, max(0, a.start - 10), a.start) if gap else None
        joint = gap.group(0).strip().lower() if gap else ""
        digits = text[a.num_start].isdigit() and text[b.num_start].isdigit() if b else False
        if (
            b is None
            or gap is None
            or b.value <= a.value
            or b.qualifier != EXACT
            or (joint == "and" and not between)
            or (joint not in ("and", "to") and not digits)  # "one-third": a hyphen joins a range only in "10-15"
        ):
            out.append(a)
            i += 1
            continue
        if a.rejected or b.rejected:
            reason = b.rejected or a.rejected
            out.append(_with_reason(a, reason))
            out.append(_with_reason(b, reason))
        else:
            qualifier = a.qualifier if a.qualifier != EXACT else AT_LEAST
            start = between.start() if between else a.start
            out.append(
                NumberMention(start, b.end, a.value, qualifier, text[start : b.end], a.num_start, a.num_end, None)
            )
        i += 2
    return out


def _share_reasons(text: str, found: list[NumberMention]) -> list[NumberMention]:
    """A bare number listed right after an age, date or year is one too: "aged 67 and 70.", "on Nov 14 and 15,"."""
    for i in range(1, len(found)):
        a, b = found[i - 1], found[i]
        if (
            a.rejected in _LISTED_REASONS
            and b.rejected is None
            and b.qualifier == EXACT
            and _LIST_GAP.fullmatch(text, a.end, b.start)
            and _LIST_END.match(text, b.end)
        ):
            found[i] = _with_reason(b, a.rejected)
    return found


def _with_reason(n: NumberMention, rejected: str | None) -> NumberMention:
    return NumberMention(n.start, n.end, n.value, n.qualifier, n.text, n.num_start, n.num_end, rejected)


def parse_number(words: str) -> int | None:
    """The value of one cardinal number expression on its own: "four dozen" -> 48, "1,371" -> 1371, "1.5 million"
    -> 1500000. None when the string is not exactly one such number: a vague amount ("dozens", "several"), an
    ordinal ("first", "3rd"), a time, a date or a multiplier ("twice")."""
    m = _TOKEN.fullmatch(words.strip())
    if m is None:
        return None
    try:
        tok = _read_token(m)
    except (InvalidOperation, KeyError):
        return None
    return None if tok.rejected else tok.value
