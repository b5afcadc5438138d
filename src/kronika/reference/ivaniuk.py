"""Reading Petro Ivaniuk's record of Russian missile and drone attacks ("Massive Missile Attacks on Ukraine").

The record is the user's own download (Kaggle `piterfm/massive-missile-attacks-on-ukraine`, CC BY-NC-SA 4.0):
kronika ships no copy and no part of it. Its files:

    missile_attacks_daily.csv   one row per weapon model per reporting window and post: time_start, time_end,
                                model, launched, destroyed, not_reach_goal, target, source, ...
    missiles_and_uavs.csv       (optional, beside it) model -> category (UAV, cruise missile, ...)

How rows become report days (the night news calls "overnight" is the morning report's day):

* Scope. A row posted by the Air Force's headquarters (kpszsu), the General Staff or the Commander-in-Chief is
  *national*: the nationwide figures news quotes. The Air Commands (South, East, West, Centre) and the oblast
  administrations are *regional*; anything else (monitoring channels, other agencies) is *other*. Regional and
  other rows never add to the national figures.
* Report day. The day the row's window ends. A national row ending at 15:00 or later whose post also has a row
  ending the next day belongs to that next morning's report (an evening launch the morning post counts).
* Period. A window that starts at 07:00 or later and ends at 12:00 or later on its report day is *daytime*; the
  rest is *overnight* (the morning report). A row with a day but no time follows the timed rows of its post.
* Weapon. The model's category in the catalogue (the whole model, else each "A and B" part): UAV -> drone;
  ballistic, cruise and surface-to-air missiles -> missile; guided bombs -> other. A model the catalogue lacks
  (or with no catalogue) is classified by its name (Shahed, Iskander, Kh-/X-, KAB, ...); a name that says
  nothing is *unknown* and reported, never guessed.
* Drones that did not reach their target (`not_reach_goal`, "lost" to electronic warfare) stay apart from
  destroyed. An empty count is unknown: it adds nothing, and the report day counts it in rows_missing_values.

A row kronika cannot read (no end time, a count that is no number, an end before its start, more destroyed
than launched) is rejected with its line number and reason; the other rows go on.
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from kronika.errors import KronikaError
from kronika.store.base import ReferenceDay

ATTACKS_FILE = "missile_attacks_daily.csv"
CATALOGUE_FILE = "missiles_and_uavs.csv"
REQUIRED_COLUMNS = ("time_start", "time_end", "model", "launched", "destroyed")

# the first part of a post's address -> the body that posted it
NATIONAL_SOURCES = {"kpszsu": "ua.air_force", "generalstaff.ua": "ua.general_staff", "cincafu": "ua.commander_in_chief"}
REGIONAL_SOURCES = {
    "pvkpivden": "ua.air_command.south",
    "pvkshid": "ua.air_command.east",
    "pvkskhid": "ua.air_command.east",
    "pvkzahid": "ua.air_command.west",
    "pvkzakhid": "ua.air_command.west",
    "pvkcenter": "ua.air_command.centre",
    "pvktsentr": "ua.air_command.centre",
    "kharkivoda.gov.ua": "ua.region:kharkiv-oblast",
    "odesa.gov.ua": "ua.region:odesa-oblast",
    "mk.gov.ua": "ua.region:mykolaiv-oblast",
}

DRONE, MISSILE, OTHER, UNKNOWN = "drone", "missile", "other", "unknown"
_NAME_RULES = (
    (DRONE, re.compile(
        r"uav|drone|shahed|geran|gerbera|lancet|orlan|zala|supercam|merlin|mohajer|forpost|orion|eleron|granat|"
        r"\bkub\b|molniya|молні|фенікс|phoenix|картограф|kartograf|привет|privet|italmas|harpia", re.I)),
    (MISSILE, re.compile(
        r"missile|iskander|kalibr|kinzhal|zircon|tsirkon|oniks|onyx|\b[xх]-\d|\bkh-\d|[sc]-[34]00|kn-23|tochka|"
        r"p-800|oreshnik|ракет", re.I)),
    (OTHER, re.compile(r"bomb|\bkab\b|\bgbu\b|\bfab\b|guided", re.I)),
)


class ReferenceFileError(KronikaError):
    """The reference file cannot be read at all (missing, not a CSV, columns missing)."""


@dataclass(slots=True)
class RecordRow:
    """One row of the record as read, with the report day, period and weapon kronika gave it."""

    line: int
    start: datetime
    end: datetime
    start_timed: bool
    end_timed: bool
    model: str
    weapon: str
    launched: int | None
    destroyed: int | None
    not_reached: int | None
    target: str
    source: str
    claimant_id: str
    scope: str  # national | regional | other
    day: str = ""
    period: str = "overnight"


@dataclass(slots=True)
class ReadResult:
    rows: list[RecordRow]
    rejected: list[tuple[int, str]]  # (line, reason)
    unclassified: dict[str, int]  # model -> rows whose weapon is unknown
    rows_read: int
    catalogue: Path | None


# ---------------------------------------------------------------------------------------------- parsing


def _time(value: str, column: str) -> tuple[datetime, bool]:
    text = value.strip()
    if not text:
        raise ValueError(f"{column} is empty")
    for fmt, timed in (("%Y-%m-%d %H:%M", True), ("%Y-%m-%d", False), ("%Y-%m-%d %H:%M:%S", True)):
        try:
            return datetime.strptime(text, fmt), timed
        except ValueError:
            continue
    raise ValueError(f"{column} {value!r} is not a day (YYYY-MM-DD) or a day and time (YYYY-MM-DD HH:MM)")


def _count(value: str | None, column: str) -> int | None:
    text = (value or "").strip().replace(",", "")
    if not text or text.casefold() == "nan":
        return None
    try:
        number = float(text)
    except ValueError:
        raise ValueError(f"{column} {value!r} is not a number") from None
    if number < 0 or number != int(number):
        raise ValueError(f"{column} {value!r} is not a count")
    return int(number)


def source_body(source: str) -> tuple[str, str]:
    """(claimant id, scope) of the post a row was read from."""
    text = source.strip()
    text = re.sub(r"^https?://", "", text)
    text = re.sub(r"^(?:www\.|m\.)?(?:t\.me|facebook\.com|fb\.com)/", "", text, flags=re.I)
    head = text.split("/", 1)[0].casefold()
    if head in NATIONAL_SOURCES:
        return NATIONAL_SOURCES[head], "national"
    if head in REGIONAL_SOURCES:
        return REGIONAL_SOURCES[head], "regional"
    return f"other:{head or 'unknown'}", "other"


def load_catalogue(path: Path) -> dict[str, str]:
    """model (case-folded) -> category, from missiles_and_uavs.csv."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh)
            if not reader.fieldnames or "model" not in reader.fieldnames or "category" not in reader.fieldnames:
                raise ReferenceFileError(f"{path}: a catalogue needs the columns model and category")
            return {r["model"].strip().casefold(): (r["category"] or "").strip() for r in reader if r.get("model")}
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise ReferenceFileError(f"{path}: cannot read the catalogue ({exc})") from None


def _category_weapon(category: str) -> str:
    c = category.casefold()
    if c in ("uav", "drone") or "uav" in c.split():
        return DRONE
    if "missile" in c or "ballistic" in c:
        return MISSILE
    if "bomb" in c:
        return OTHER
    return UNKNOWN


def _name_weapon(model: str) -> str:
    for weapon, rule in _NAME_RULES:
        if rule.search(model):
            return weapon
    return UNKNOWN


def weapon_of(model: str, catalogue: dict[str, str]) -> str:
    """drone | missile | other | unknown, by the catalogue first, then by the model's name."""
    key = model.strip().casefold()
    if key in catalogue:
        found = _category_weapon(catalogue[key])
        if found != UNKNOWN:
            return found
    parts = [p.strip() for p in key.split(" and ") if p.strip()] or [key]
    kinds = set()
    for part in parts:
        kind = _category_weapon(catalogue[part]) if part in catalogue else UNKNOWN
        kinds.add(kind if kind != UNKNOWN else _name_weapon(part))
    if len(kinds) == 1:
        return kinds.pop()
    if kinds <= {MISSILE, OTHER} and MISSILE in kinds:
        return MISSILE  # "C-300 and Iskander-M"-like bundles count as missiles; no bundle mixes drones in
    return UNKNOWN


def _read_rows(path: Path, catalogue: dict[str, str]) -> Iterator[tuple[int, RecordRow | str]]:
    try:
        fh = path.open(encoding="utf-8-sig", newline="")
    except OSError as exc:
        raise ReferenceFileError(f"{path}: cannot open ({exc.strerror})") from None
    with fh:
        reader = csv.DictReader(fh)
        try:
            columns = reader.fieldnames or []
        except (csv.Error, UnicodeDecodeError) as exc:
            raise ReferenceFileError(f"{path}: not a readable CSV file ({exc})") from None
        missing = [c for c in REQUIRED_COLUMNS if c not in columns]
        if missing:
            raise ReferenceFileError(
                f"{path}: not Ivaniuk's missile_attacks_daily.csv (missing columns: {', '.join(missing)})"
            )
        line = 1
        while True:
            try:
                raw = next(reader)
            except StopIteration:
                break
            except (csv.Error, UnicodeDecodeError) as exc:
                line += 1
                yield line, f"not a CSV row ({exc})"
                continue
            line = reader.line_num
            try:
                yield line, _row(line, raw, catalogue)
            except ValueError as exc:
                yield line, str(exc)


def _row(line: int, raw: dict[str, str | None], catalogue: dict[str, str]) -> RecordRow:
    if None in raw:
        raise ValueError("the row has more fields than the header")
    start, start_timed = _time(raw.get("time_start") or "", "time_start")
    end, end_timed = _time(raw.get("time_end") or "", "time_end")
    if (end < start) if (start_timed and end_timed) else (end.date() < start.date()):
        raise ValueError(f"time_end {raw['time_end']!r} is before time_start {raw['time_start']!r}")
    model = (raw.get("model") or "").strip()
    if not model:
        raise ValueError("model is empty")
    launched = _count(raw.get("launched"), "launched")
    destroyed = _count(raw.get("destroyed"), "destroyed")
    not_reached = _count(raw.get("not_reach_goal"), "not_reach_goal")
    if launched is not None and destroyed is not None and destroyed > launched:
        raise ValueError(f"destroyed ({destroyed}) is more than launched ({launched})")
    source = (raw.get("source") or "").strip()
    claimant_id, scope = source_body(source)
    return RecordRow(
        line, start, end, start_timed, end_timed, model, weapon_of(model, catalogue), launched, destroyed,
        not_reached, (raw.get("target") or "").strip(), source, claimant_id, scope,
    )


def read(path: Path, catalogue_path: Path | None = None) -> ReadResult:
    """Read the record's rows, give each its report day and period; bad rows are listed, never raised."""
    catalogue_path = catalogue_path or (path.parent / CATALOGUE_FILE)
    catalogue = load_catalogue(catalogue_path) if catalogue_path.is_file() else {}
    rows: list[RecordRow] = []
    rejected: list[tuple[int, str]] = []
    read_count = 0
    for line, item in _read_rows(path, catalogue):
        read_count += 1
        if isinstance(item, str):
            rejected.append((line, item))
        else:
            rows.append(item)
    assign_days(rows)
    unclassified: dict[str, int] = defaultdict(int)
    for r in rows:
        if r.weapon == UNKNOWN:
            unclassified[r.model] += 1
    return ReadResult(rows, rejected, dict(unclassified), read_count, catalogue_path if catalogue else None)


# ---------------------------------------------------------------------------------------------- report days


def assign_days(rows: list[RecordRow]) -> None:
    """Give every row its report day and period (overnight | daytime), by the rules in the module docstring."""
    for r in rows:
        r.day = r.end.date().isoformat()
    national_days: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        if r.scope == "national" and r.source:
            national_days[r.source].add(r.day)
    for r in rows:
        if r.scope == "national" and r.end_timed and r.end.hour >= 15:
            nxt = (r.end.date() + timedelta(days=1)).isoformat()
            if nxt in national_days.get(r.source, ()):
                r.day = nxt
    by_post: dict[tuple[str, str, str], list[RecordRow]] = defaultdict(list)
    for r in rows:
        by_post[(r.day, r.source or f"line:{r.line}", r.scope)].append(r)
    for group in by_post.values():
        timed = [r for r in group if r.start_timed and r.end_timed]
        for r in timed:
            r.period = "daytime" if _daytime(r) else "overnight"
        post_daytime = bool(timed) and all(r.period == "daytime" for r in timed)
        for r in group:
            if not (r.start_timed and r.end_timed):
                r.period = "daytime" if post_daytime else "overnight"


def _daytime(r: RecordRow) -> bool:
    day = r.day
    return (
        r.start.date().isoformat() == day == r.end.date().isoformat() and r.start.hour >= 7 and r.end.hour >= 12
    )


def group_days(rows: list[RecordRow]) -> list[ReferenceDay]:
    """The record per report day, period and command: national rows summed, each regional command apart."""
    days: dict[tuple[str, str, str, str], ReferenceDay] = {}
    posts: dict[tuple[str, str, str, str], set[str]] = defaultdict(set)
    for r in rows:
        command = "national" if r.scope == "national" else r.claimant_id
        key = (r.day, r.scope, r.period, command)
        d = days.get(key)
        if d is None:
            d = days[key] = ReferenceDay(r.day, r.scope, r.period, command)
        d.rows += 1
        d.rows_missing_values += int(r.launched is None or r.destroyed is None)
        if r.source:
            posts[key].add(r.source)
        if r.claimant_id not in d.bodies:
            d.bodies.append(r.claimant_id)
        if r.target and r.target not in d.targets:
            d.targets.append(r.target)
        start = r.start.strftime("%Y-%m-%d %H:%M" if r.start_timed else "%Y-%m-%d")
        end = r.end.strftime("%Y-%m-%d %H:%M" if r.end_timed else "%Y-%m-%d")
        d.window_start = min(d.window_start or start, start)
        d.window_end = max(d.window_end or end, end)
        if r.weapon == DRONE:
            d.drones_launched += r.launched or 0
            d.drones_destroyed += r.destroyed or 0
            d.drones_not_reached += r.not_reached or 0
        elif r.weapon == MISSILE:
            d.missiles_launched += r.launched or 0
            d.missiles_destroyed += r.destroyed or 0
            d.missiles_not_reached += r.not_reached or 0
        else:
            d.other_launched += r.launched or 0
    for key, d in days.items():
        d.posts = len(posts[key])
    return [days[k] for k in sorted(days)]
