"""Remove what is not the story from an article's text, and mark photo captions.

    clean_text(text) -> CleanedText(text, captions=[(start, end), ...])

The text is handled line by line (scraped articles keep one paragraph per line):
  1. continuation lines are joined (hard wraps, link text a scraper put on a line of its own), so a blurb split
     over two lines is seen whole and a sentence is not cut in two;
  2. chrome is dropped: navigation ("Menu", "skip to main content", "| Politics"), sign-up, share, cookie and
     advert blurbs, video promos ("Watch: ..."), bylines and photo credits, copyright lines, "Read more" links;
  3. repeated headline lines are dropped (a line repeated at once, a long line seen before, or an earlier line
     repeated with a photo credit tacked on);
  4. captions are kept (their dates are evidence for dating) but their spans are recorded, so no event or
     figure is taken from them. A caption has a caption cue ("(center)", "pictured", "Photo:", "Getty Images",
     "A photograph of ...", an agency "PLACE, COUNTRY - ... DATE in PLACE" line); a line next to such a caption
     that has no sentence ending and does not read like a headline belongs to it.
Headings and short headline lines are kept: the story splitter needs them. Characters are never changed
(quotes stay curly), only whitespace: lines are stripped, runs of spaces collapsed, and blank-line runs become
one blank line, because every span downstream points into this text.

Regular expressions only, no NLP model: cleaning must stay well under a millisecond for a 5 KB article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kronika.dates.stamps import read_stamp
from kronika.models import CleanedText, Span

__all__ = ["clean_text", "is_caption_line", "is_chrome_line"]

# --- navigation ---------------------------------------------------------------------------------------------
# Whole lines that are site furniture wherever they appear (compared case-folded, separators stripped).
_NAV_WORDS = """
    menu|main menu|open menu|close menu|toggle navigation|navigation|search|search for|close|home|homepage|
    skip to content|skip to main content|skip to navigation|skip to search|skip to footer|back to top|top|
    share|share this|share this article|share this story|share this page|share article|tweet|email|e-mail|print|
    copy link|link copied|save|save article|bookmark|comments|show comments|view comments|leave a comment|
    listen|listen to this article|play|pause|mute|advertisement|advertising|advert|ad|sponsored|
    sponsored content|promoted|promoted content|paid content|partner content|read more|read next|more|see more|
    load more|show more|related|related articles|related stories|related content|related coverage|related news|
    related topics|most read|most popular|most viewed|trending|trending now|recommended|recommended for you|
    you may also like|you might also like|more stories|more news|latest news|latest stories|top stories|
    editor's picks|editors' picks|previous|next|previous article|next article|previous story|next story|
    sign in|sign up|log in|login|log out|register|subscribe|subscribe now|my account|account|profile|
    newsletter|newsletters|follow us|follow|accept|accept all|reject all|manage cookies|cookie settings|
    facebook|twitter|x|whatsapp|telegram|linkedin|reddit|instagram|youtube|tiktok|pinterest|flipboard|
    breadcrumb|you are here|market data|markets|live updates|watch live|watch|video|audio|podcast|gallery|
    photos|in pictures|image|photo|caption|enlarge|expand|fullscreen|full screen|open in app|get the app|
    download the app|contact us|about us|privacy policy|terms of use|terms and conditions|cookie policy|
    loading|loading...|ad feedback|reuse this content|explore more on these topics|become a member|donate|support us|
    related links|supported by|thanks for being here|thanks for being there|we need your help|text size|print article
"""
_NAV_EXACT = frozenset(item.strip() for item in _NAV_WORDS.split("|"))
_NAV_STRIP = " \t\u00a0|•·»›>▸►▶◀<«‹/\\*#:–—-_=~…"
# A line led by a menu separator ("|   Politics", "• Market Data") with a few words and no sentence is a menu item.
_SEPARATOR_LED = re.compile(r"^[|•·»›>▸►▶]\s*\S+(?:\s+\S+){0,3}$")
# "Home | World | Europe | Ukraine": three or more short items joined by menu separators.
_MENU_ROW = re.compile(r"^[^.!?|•·»›\d]{1,30}(?:\s*[|•·»›]\s*[^.!?|•·»›\d]{1,30}){2,}$")

# --- blurbs, credits, promos --------------------------------------------------------------------------------
# Checked only on short lines (see _SHORT_WORDS): a paragraph of the story can mention "newsletter" or
# "subscribe", a blurb is never long. Patterns anchored at the line start are one alternation tried at position
# 0; the others are guarded by cheap substring triggers, since an unanchored alternation of dozens of branches
# tried at every position of every line would cost milliseconds per article.
_LABEL_END = r"(?:\s*[:|»›>–—-].*)?$"  # the label alone, or the label then ":" / "|" and a link text
_BLURB_START = re.compile(
    "|".join(
        [
            r"skip to\b",
            r"(?:watch|video|listen|watch live|audio|podcast|gallery|in pictures)\s*[:|–—]",
            r"(?:read|see)\s+(?:more|also|next|the full story)\b",
            r"(?:also read|also see|more on this(?: story)?|more from\b.*|related(?: articles?| stories| coverage"
            r"| content| news| topics| reading)?|recommended(?: reading| stories| for you)?|most (?:read|popular"
            r"|viewed|shared)|trending(?: now)?|top stories|latest (?:news|stories)|you (?:may|might) (?:also )?"
            r"like|don'?t miss|editors?'? picks?|tags?|topics?|filed under|categories)" + _LABEL_END,
            r"(?:sign up|subscribe|register|log ?in|sign in|create (?:a |an )?(?:free )?account|join (?:us|our))\b",
            r"welcome to\s+\S+(?:\s+\S+){0,3}[.!]?$",
            r"(?:advertisement|advert|sponsored|promoted)(?:\s*[-:|].*)?$",
            r"(?:continue reading|story continues below|article continues below|scroll to continue)\b",
            r"(?:image|photo|picture|slide) \d+ of \d+$|\d+ of \d+$",
            r"(?:©|\(c\)\s|copyright\b|all rights reserved)",
            r"\(?(?:additional )?(?:reporting|writing|editing|edited|compiled|research) by\b",
            r"(?:written|words|text|edited|compiled|produced) by\b",
            r"(?:https?://|www\.)\S+$",  # a bare link
            r"follow (?:\w+'s )?(?:live )?(?:coverage|updates)\b",
            r"our standards\s*:",
            r"(?:image|photo|picture|video) source\s*[,:]",  # "Image source, Getty Images"
            r"listen to (?:this|the) (?:article|story)\b",
            r"\d+ comments?$",
            r"text size$",
            r"(?:photo\s*:\s*)?illustrative(?: photo| image| picture)?\.?$",
        ]
    ),
    re.IGNORECASE,
)
_Rules = tuple[tuple[tuple[str, ...], re.Pattern[str]], ...]  # (substring triggers, pattern) pairs
_BLURB_ANYWHERE: _Rules = tuple(
    (triggers, re.compile(pattern, re.IGNORECASE))
    for triggers, pattern in (
        (
            # the site's own product ("our free morning briefing", "a daily newsletter"); a body's briefing
            # ("In its daily briefing, the ministry said ...") is news
            ("newsletter", "briefing", "email", "digest"),
            r"\b(?:our|your|free)\s+(?:(?:free|daily|weekly|morning|evening)\s+){0,2}(?:newsletters?|briefings?"
            r"|emails?|digest)\b|\b(?:daily|weekly|morning|evening)\s+(?:newsletters?|emails?)\b",
        ),
        (
            ("newsletter", "subscri", "sign up"),
            r"\bnewsletter\b.*\b(?:sign|subscrib|inbox)|\b(?:sign up|subscrib\w*)\b.*\b(?:newsletter|updates|inbox)"
            r"|\b(?:already a subscriber|subscribers? only|for subscribers|subscribe now|subscribe to (?:read"
            r"|continue|our|the)|subscription required|this (?:article|content) is for subscribers)\b",
        ),
        (
            ("cookie",),
            r"\bwe use cookies\b|\bcookie (?:policy|settings|preferences|consent|notice)\b|\baccept (?:all )?cookies\b",
        ),
        (
            ("javascript", "blocker", "browser"),
            r"\b(?:enable|turn on) javascript\b|\bad ?blocker\b|\bupgrade your browser\b",
        ),
        (
            ("download", "get our app", "get the app", "journalism"),
            r"\bdownload (?:our|the) (?:free )?app\b|\bget (?:our|the) app\b"
            r"|\bsupport (?:our|independent) journalism\b",
        ),
        (
            ("click here", "tap here", " us on", "share this", "share on", "share via"),
            r"\bclick here\b|\btap here\b|\b(?:follow|join) us on\b|\bshare (?:this|on|via) (?:article|story|page"
            r"|facebook|twitter|x|whatsapp|telegram|email)\b",
        ),
        (("rights reserved",), r"\ball rights reserved\b"),
        (("read later", "reading list"), r"\bto read later\b|\byour (?:own )?reading list\b"),
        (("contributed",), r"\bcontributed (?:to )?(?:this )?(?:report|reporting|story)\b"),
        (
            ("paypal", "patreon", "donat"),
            r"\b(?:paypal|patreon)\b|\b(?:make|send) a donation\b|\bdonate (?:now|today)\b",
        ),
        (("embed",), r"\bembed (?:code|link)\b"),
        (
            ("reproduction", "redistribution", "republication"),
            r"\b(?:reproduction|redistribution|republication) (?:is |are )?(?:prohibited|forbidden|not permitted)\b",
        ),
        (
            ("cc by", "cc-by", "wikimedia", "credit", "courtesy", "shutterstock", "alamy"),
            r"\bCC[ -]BY\b|\bWikimedia Commons\b|\b(?:photo|image|picture|video) (?:credits?|courtesy)\b"
            r"|\bShutterstock\b|\bAlamy\b",
        ),
    )
)
# Bylines: "by AFP Staff Writers", "By John Smith, BBC News". A story sentence can start with "By Tuesday, ...",
# so a byline must be short and end without a sentence.
_BYLINE = re.compile(r"^by\s+\S", re.IGNORECASE)
# Photo credit lines: "Photo: Reuters", "Genya Savilov/AFP via Getty Images", "Source: Kremlin.ru".
_CREDIT_LABEL = re.compile(r"^(?:photo|image|picture|photograph|credit|credits)\s*:", re.IGNORECASE)
# After a repeated headline, "Source:" too introduces the picture's credit. On a line of its own it may instead
# name who reports the news ("Source: Ukraine's air force on Telegram"), which is kept.
_TAIL_LABEL = re.compile(r"^(?:photo|image|picture|photograph|credit|credits|source|sources)\s*:", re.IGNORECASE)
_CREDIT_CUE = re.compile(
    r"Getty Images|Reuters/|/Reuters\b|/AFP\b|AFP/|\bAP Photo\b|/AP\b|EPA-EFE|/EPA\b|Anadolu Agency|Sputnik/"
    r"|/Sputnik\b|TASS/|/TASS\b|/Ukrinform\b|©|\bHandout\b|\bvia (?:Getty|Reuters|AFP|AP|EPA)\b",
    re.IGNORECASE,
)

# --- captions -----------------------------------------------------------------------------------------------
_POSITION = (
    r"center|centre|left|right|front|back|top|bottom|foreground|background|second (?:left|right)|"
    r"(?:second|third|2nd|3rd|far) from (?:left|right)|(?:far|2nd|3rd) (?:left|right)|from left|"
    r"left to right|l to r|clockwise from (?:top )?left|top left|top right|bottom left|bottom right"
)
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?"
    r"|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_CAPTION_START = re.compile(
    "|".join(
        [
            r"(?i:(?:photo|image|picture|photograph|caption|pictured|above|top|main (?:picture|image)"
            r"|file (?:photo|picture|image)|in pictures)\s*:)",
            r"(?i:(?:image|media|photo|video) caption\s*[,:])",  # "Image caption, Rescuers at the site"
            r"(?i:item \d+ of \d+ )|\[\d+/\d+\] ",  # gallery captions: "Item 1 of 5 Rescuers ...", "[1/5] ..."
            r"(?i:(?:a|an|the|this)\s+(?:handout\s+)?(?:photograph|picture|photo|image|view|screenshot|still"
            r"|screen ?grab|video grab|aerial (?:view|photo)|satellite (?:image|photo)|file (?:photo|picture))\s+"
            r"(?:of|shows?|taken|released|provided|from|made available|obtained)\b)",
            # Agency captions: "KYIV, UKRAINE - Iryna Kutsenko ... August 28, 2025 in Kyiv, Ukraine."
            rf"[A-Z][A-Z'’.\-]+(?: [A-Z][A-Z'’.\-]+)*, [A-Z][A-Z'’.\-]+(?: [A-Z][A-Z'’.\-]+)* [-–—] .*\b{_MONTH} "
            r"\d{1,2}, \d{4},? in [A-Z]",
            # ... or with the day in capitals before a colon: "KHARKIV, UKRAINE - MAY 25: Firefighters ..."
            rf"[A-Z][A-Z'’.\-]+(?: [A-Z][A-Z'’.\-]+)*, [A-Z][A-Z'’.\-]+(?: [A-Z][A-Z'’.\-]+)* [-–—] "
            rf"(?i:{_MONTH}) \d{{1,2}}:",
        ]
    )
)
_CAPTION_ANYWHERE: _Rules = (
    (("(",), re.compile(rf"\((?i:{_POSITION})\)|\((?:L|R|C|2nd L|2nd R|L-R)\)")),
    (("pictured",), re.compile(r"\bpictured\b", re.IGNORECASE)),
    (
        ("getty", "/", "ap photo", "epa-efe", "photo"),
        re.compile(
            r"(?i:Getty Images|\bAFP via Getty\b|Reuters/|/Reuters\b|/AFP\b|\bAP Photo\b|EPA-EFE|/EPA\b"
            r"|\bphoto(?:graph)? by\b|\bphoto credit\b|\(photo\b)"
        ),
    ),
)
_CAPTION_MAX_CHARS = 600  # agency captions run to ~500 characters; a longer block is a paragraph of the story
_DATELINE_START = re.compile(r"^[A-Z][\w'’.\- ]{1,40}(?:, [\w'’.\- ]{2,30})? \((?:AFP|AP|Reuters|dpa|UPI|AA)\)")

# --- lines and words ----------------------------------------------------------------------------------------
_HSPACE = re.compile(r"[ \t\f\v]+")
_WORD = re.compile(r"\S+")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*$")
_CONTINUATION_PUNCT = frozenset(",;.)!?")  # no line of prose starts with these
_OPEN_ENDINGS = frozenset("of in on at to by for from with near into the a an and or".split())
_DIGIT = re.compile(r"\d")
_SHORT_WORDS = 40  # blurbs and credits are never longer than this
_BYLINE_WORDS = 12
_CREDIT_WORDS = 10
_DUPLICATE_MIN_WORDS = 5  # a repeated short heading ("finding") may legitimately open several digest sections


@dataclass(slots=True)
class _Line:
    text: str
    blank_before: bool
    key: str = ""  # lower-cased text: spots repeats and feeds the substring triggers
    words: int = 0

    def __post_init__(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        self.key = self.text.lower()
        self.words = self.text.count(" ") + 1  # spaces are single after _split_lines


def clean_text(text: str) -> CleanedText:
    """Return the story text without chrome, and the spans of the captions it keeps."""
    lines = _unwrap(_split_lines(text))
    low = text.lower()
    kept = _drop_chrome_and_repeats(lines, _active(_BLURB_ANYWHERE, low))
    caption_flags = _find_captions(kept, _active(_CAPTION_ANYWHERE, low))
    out: list[str] = []
    captions: list[Span] = []
    pos = 0
    for i, line in enumerate(kept):
        if i:
            sep = "\n\n" if line.blank_before else "\n"
            out.append(sep)
            pos += len(sep)
        if caption_flags[i]:
            captions.append((pos, pos + len(line.text)))
        out.append(line.text)
        pos += len(line.text)
    return CleanedText(text="".join(out), captions=captions)


def is_chrome_line(line: str) -> bool:
    """Is this single line site furniture (navigation, blurb, promo, byline, credit, copyright)?"""
    line = _HSPACE.sub(" ", line).strip()
    return bool(line) and _is_chrome(_Line(line, blank_before=False), _BLURB_ANYWHERE)


def is_caption_line(line: str) -> bool:
    """Does this single line carry a caption cue? (Neighbouring cue-less caption lines need the context.)"""
    line = _HSPACE.sub(" ", line).strip()
    return bool(line) and _has_caption_cue(_Line(line, blank_before=False), _CAPTION_ANYWHERE)


# ---------------------------------------------------------------------------------------------- steps


def _is_chrome(ln: _Line, blurb_rules: _Rules) -> bool:
    line, words = ln.text, ln.words
    if ln.key.strip(_NAV_STRIP) in _NAV_EXACT:
        return True
    if words <= 5 and not any(map(str.isalnum, line)):
        return True  # "___", "* * *", "—": rules and separators, no words at all
    if words > _SHORT_WORDS:
        return False
    if _DIGIT.search(line) and (stamp := read_stamp(line)) is not None and stamp[1] is not None:
        return False  # "By Olena Petrenko | March 14, 2025", "| 14.03.2025 09:41": the page's date, for the dater
    if _SEPARATOR_LED.match(line) and not _SENTENCE_END.search(line):
        return True
    if words <= 15 and _has_menu_separator(line) and _MENU_ROW.match(line):
        return True
    if _BLURB_START.match(line) or _matches_any(ln, blurb_rules):
        return True
    if "(" in line and _DATELINE_START.match(line):
        return False  # "Moscow (AFP) Nov 20, 2025" names an agency but is the story's dateline
    if _BYLINE.match(line) and words <= _BYLINE_WORDS and not _ends_sentence(line):
        return True
    return words <= _CREDIT_WORDS and _is_credit(line)


def _has_caption_cue(ln: _Line, caption_rules: _Rules) -> bool:
    if len(ln.text) > _CAPTION_MAX_CHARS:
        return False
    return _CAPTION_START.match(ln.text) is not None or _matches_any(ln, caption_rules)


def _split_lines(text: str) -> list[_Line]:
    lines: list[_Line] = []
    blank = False
    if "  " in text or "\t" in text or "\f" in text or "\v" in text:
        text = _HSPACE.sub(" ", text)
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            blank = True
            continue
        lines.append(_Line(line, blank_before=blank and bool(lines)))
        blank = False
    return lines


def _unwrap(lines: list[_Line]) -> list[_Line]:
    """Join a continuation line to the line it continues, when no blank line separates them.

    Three kinds: a line that ends on a word no line can end on ("of", "the", "and"); a hard-wrapped paragraph
    ("...the most important" / "stories unfolding in ..."), joined only after a long line without a sentence
    ending and when the next line starts in lower case and is itself more than a heading, so a lowercase digest
    heading ("finding") is never swallowed; and a line that starts with closing punctuation (", killing three
    people."), left by scrapers that put link text on a line of its own.
    """
    out: list[_Line] = []
    for line in lines:
        if out and not line.blank_before and line.text[0] in _CONTINUATION_PUNCT and not _ends_sentence(out[-1].text):
            out[-1].text = f"{out[-1].text}{line.text}"
            out[-1].refresh()
        elif out and not line.blank_before and _continues(out[-1].text, line.text):
            out[-1].text = f"{out[-1].text} {line.text}"
            out[-1].refresh()
        else:
            out.append(line)
    return out


def _continues(prev: str, nxt: str) -> bool:
    if prev[prev.rfind(" ") + 1 :].lower() in _OPEN_ENDINGS:
        return True  # "...the port city of" / "Odesa": no line of prose or heading ends on "of"
    if len(prev) < 40 or not nxt[0].islower() or prev.endswith(":"):
        return False
    if _ends_sentence(prev):
        return False
    if _DIGIT.search(nxt) and read_stamp(nxt) is not None:
        return False  # "by the news desk March 14, 2025 9:41 PM": a dated byline under a headline, no prose
    return _ends_sentence(nxt) or nxt.count(" ") >= 4


def _drop_chrome_and_repeats(lines: list[_Line], blurb_rules: _Rules) -> list[_Line]:
    kept: list[_Line] = []
    seen_long: set[str] = set()
    headlines: list[str] = []  # earlier kept lines that may come back with a credit tacked on
    pending_blank = False
    for line in lines:
        blank = line.blank_before or pending_blank
        drop = _is_chrome(line, blurb_rules)
        if not drop and kept and line.key == kept[-1].key:
            drop = True  # the same line twice in a row: a scraped headline and its repeat
        words = line.words
        if not drop and words >= _DUPLICATE_MIN_WORDS and line.key in seen_long:
            drop = True
        if not drop and _is_headline_with_credit(line.key, headlines):
            drop = True
        if drop:
            # The blank line that separated the dropped line from the text stays, so paragraphs stay apart.
            pending_blank = blank
            continue
        line.blank_before = blank and bool(kept)
        pending_blank = False
        kept.append(line)
        if words >= _DUPLICATE_MIN_WORDS:
            seen_long.add(line.key)
        if 4 <= words <= 25 and not _ends_sentence(line.text):
            headlines.append(line.key)
    return kept


def _is_headline_with_credit(key: str, headlines: list[str]) -> bool:
    for headline in headlines:
        if len(key) > len(headline) and key.startswith(headline):
            tail = key[len(headline) :].lstrip(" .,;:-–—|")
            if len(_WORD.findall(tail)) > 15:
                continue
            if _TAIL_LABEL.match(tail) or (_CREDIT_CUE.search(tail) and not _ends_sentence(tail)):
                return True
    return False


def _find_captions(lines: list[_Line], caption_rules: _Rules) -> list[bool]:
    strong = [_has_caption_cue(line, caption_rules) for line in lines]
    flags = list(strong)
    for i, line in enumerate(lines):
        if strong[i] or i == 0:
            continue  # the first line is the headline's place
        next_is_caption = i + 1 < len(lines) and strong[i + 1]
        if (strong[i - 1] or next_is_caption) and _reads_like_caption_fragment(line.text, lines, i):
            flags[i] = True
    return flags


def _reads_like_caption_fragment(text: str, lines: list[_Line], i: int) -> bool:
    """A cue-less line beside a caption: no sentence ending, longer than a heading, not Title Case, no dateline."""
    if _ends_sentence(text) or len(text) > _CAPTION_MAX_CHARS:
        return False
    words = _WORD.findall(text)
    if len(words) < 12 or _is_title_case(words):
        return False
    # A headline is followed by its dateline or lead; a caption is not followed by a dateline.
    return not (i + 1 < len(lines) and _DATELINE_START.match(lines[i + 1].text))


# ---------------------------------------------------------------------------------------------- helpers


def _active(rules: _Rules, low_text: str) -> _Rules:
    """The rules whose triggers occur somewhere in the text: most articles leave none or one to try per line."""
    has = low_text.__contains__
    return tuple(rule for rule in rules if any(map(has, rule[0])))


def _matches_any(ln: _Line, rules: _Rules) -> bool:
    if not rules:
        return False
    has = ln.key.__contains__
    return any(any(map(has, triggers)) and rx.search(ln.text) for triggers, rx in rules)


def _has_menu_separator(line: str) -> bool:
    return any(map(line.__contains__, "|•·»›"))


def _ends_sentence(text: str) -> bool:
    return _SENTENCE_END.search(text) is not None


def _is_credit(line: str) -> bool:
    """A photo credit: "Photo: Reuters", "Source: Kremlin.ru", "Genya Savilov/AFP via Getty Images"."""
    label = _CREDIT_LABEL.match(line)
    if label:
        # "Photo: Firefighters work at the port" is a caption, "Photo: Efrem Lukatsky/AP" a credit.
        rest = line[label.end() :].strip()
        words = _WORD.findall(rest)
        return len(words) <= 6 and not _ends_sentence(rest) and ("/" in rest or _is_title_case(words))
    # "Rescuers in Dnipro. REUTERS/Name" is a caption with its credit: a sentence before the credit keeps it.
    return _CREDIT_CUE.search(line) is not None and not _ends_sentence(line) and ". " not in line


def _is_title_case(words: list[str]) -> bool:
    letters = [w for w in words if w[0].isalpha()]
    capitalised = sum(1 for w in letters if w[0].isupper())
    return bool(letters) and capitalised >= 0.8 * len(letters)
