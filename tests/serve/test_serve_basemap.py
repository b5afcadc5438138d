"""The web map's offline base layer: the shipped outlines, and the tool that builds them from Natural Earth."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = ROOT / "src" / "kronika" / "serve" / "static" / "basemap.geojson"


def _tool():
    pytest.importorskip("shapely")  # a dev dependency: only the build tool needs it
    spec = importlib.util.spec_from_file_location("build_basemap", ROOT / "tools" / "build_basemap.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_basemap"] = module
    spec.loader.exec_module(module)
    return module


def _coords(geometry: dict) -> list[list[float]]:
    polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    return [pt for polygon in polygons for ring in polygon for pt in ring]


def test_the_shipped_base_map_has_every_ukrainian_unit_and_stays_small():
    assert SHIPPED.stat().st_size < 400_000
    fc = json.loads(SHIPPED.read_text(encoding="utf-8"))
    assert fc["type"] == "FeatureCollection"
    oblasts = [f["properties"] for f in fc["features"] if f["properties"]["kind"] == "oblast"]
    names = {o["name"] for o in oblasts}
    assert len(oblasts) == 27 and all(o["country"] == "UA" for o in oblasts)
    assert {"Kharkiv Oblast", "Odesa Oblast", "Kyiv", "Kyiv Oblast", "Sevastopol"} <= names
    assert any("Crimea" in n for n in names)
    countries = {f["properties"]["name"] for f in fc["features"] if f["properties"]["kind"] == "country"}
    assert {"Poland", "Belarus", "Moldova", "Romania"} <= countries
    for f in fc["features"]:
        assert f["geometry"]["type"] in ("Polygon", "MultiPolygon")
        for lon, lat in _coords(f["geometry"]):
            assert 12 <= lon <= 50 and 40 <= lat <= 60 and round(lon, 3) == lon and round(lat, 3) == lat


def test_the_build_names_units_as_the_gazetteer_does_and_clips_to_the_frame():
    tool = _tool()

    def square(x, y, size, **props):
        ring = [[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]
        return {"type": "Feature", "properties": props, "geometry": {"type": "Polygon", "coordinates": [ring]}}

    features = [
        square(30, 48, 1, iso_3166_2="UA-63", iso_a2="UA", name_en="Kharkiv", type_en="Region"),
        square(33, 45, 1, iso_3166_2="UA-43", iso_a2="RU", name_en="Autonomous Republic of Crimea",
               type_en="Autonomous Republic"),
        square(30, 52, 1, iso_3166_2="UA-51", iso_a2="UA", name_en="Odessa", type_en="Region"),
        square(38, 50, 1, iso_3166_2="RU-BEL", iso_a2="RU", name_en="Belgorod", type_en="Region"),
        square(20, 50, 1, iso_a2="PL", admin="Poland"),
        square(21, 50, 1, iso_a2="PL", admin="Poland"),  # two units of one country become one outline
        square(49, 55, 5, iso_a2="KZ", admin="Kazakhstan"),  # half outside the frame: clipped
        square(100, 10, 1, iso_a2="TH", admin="Thailand"),  # outside: dropped
    ]
    out = tool.build(features)
    by_name = {f["properties"]["name"]: f for f in out["features"]}
    assert set(by_name) == {"Kharkiv Oblast", "Autonomous Republic of Crimea", "Odesa Oblast", "Belgorod Oblast",
                            "Poland", "Kazakhstan"}
    assert by_name["Autonomous Republic of Crimea"]["properties"] == {
        "name": "Autonomous Republic of Crimea", "kind": "oblast", "country": "UA"}
    assert by_name["Belgorod Oblast"]["properties"]["kind"] == "region"
    assert by_name["Poland"]["geometry"]["type"] == "Polygon"  # the shared edge dissolved
    assert max(lon for lon, _ in _coords(by_name["Kazakhstan"]["geometry"])) == 50
    assert tool.build(features) == out  # deterministic
