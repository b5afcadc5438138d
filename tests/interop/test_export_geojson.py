"""`kronika events --format geojson` against the shape RFC 7946 gives GeoJSON, with the tidy CSV's properties."""

from __future__ import annotations

import json
import math

import pytest
from interop_records import BARRAGE_ID, TERNOPIL_ID, export_text
from ledger_records import TERNOPIL

from kronika.ledger.export_records import TIDY_FIELDS


def check_rfc7946(doc: object) -> None:
    """Fail unless `doc` is a FeatureCollection of Features with Point or null geometries as RFC 7946 shapes them."""
    assert isinstance(doc, dict) and doc.get("type") == "FeatureCollection"  # 3.3
    assert "crs" not in doc  # 4: coordinates are WGS 84; the 2008 "crs" member is gone
    assert isinstance(doc.get("features"), list)
    for feature in doc["features"]:
        assert isinstance(feature, dict) and feature.get("type") == "Feature"  # 3.2
        assert "geometry" in feature and "properties" in feature
        assert feature["properties"] is None or isinstance(feature["properties"], dict)
        if "id" in feature:
            assert isinstance(feature["id"], str | int | float) and not isinstance(feature["id"], bool)
        geometry = feature["geometry"]
        if geometry is None:  # an unlocated feature
            continue
        assert geometry["type"] == "Point"  # 3.1.2
        position = geometry["coordinates"]
        assert isinstance(position, list) and len(position) in (2, 3)  # 3.1.1
        lon, lat = position[:2]
        assert all(isinstance(v, int | float) and math.isfinite(v) for v in position)
        assert -180 <= lon <= 180 and -90 <= lat <= 90  # longitude first


@pytest.fixture(scope="module")
def collection(interop_ledger) -> dict:
    return json.loads(export_text(interop_ledger, "geojson"))


def test_export_is_rfc7946(collection: dict) -> None:
    check_rfc7946(collection)
    assert len(collection["features"]) == 7  # every event, the unlocated ones with a null geometry


def test_checker_refuses_what_rfc7946_rules_out() -> None:
    point = {"type": "Feature", "geometry": {"type": "Point", "coordinates": [49.55, 125.59]}, "properties": {}}
    for bad in ({"type": "FeatureCollection", "features": [point]},  # latitude first: 125 is no latitude
                {"type": "FeatureCollection", "features": [], "crs": {"type": "name"}},
                {"type": "Feature", "features": []}):
        with pytest.raises(AssertionError):
            check_rfc7946(bad)


def test_points_are_longitude_first_and_country_wide_events_have_none(collection: dict) -> None:
    features = {f["id"]: f for f in collection["features"]}
    assert features[TERNOPIL_ID]["geometry"] == {"type": "Point", "coordinates": [TERNOPIL.lon, TERNOPIL.lat]}
    barrage = features[BARRAGE_ID]
    assert barrage["geometry"] is None  # a national air-defence total is no point on the map
    assert barrage["properties"]["lat"] is None and barrage["properties"]["drones_launched"] == 476


def test_properties_are_the_tidy_fields(collection: dict) -> None:
    props = {f["id"]: f["properties"] for f in collection["features"]}
    assert all(list(p) == list(TIDY_FIELDS) for p in props.values())
    ternopil = props[TERNOPIL_ID]
    assert ternopil["actors"] == ["Russia"] and ternopil["outlets"] == ["Northline Wire", "Dnipro Daily"]
    assert ternopil["killed"] == 26 and ternopil["killed_claimant"] == "State Emergency Service of Ukraine"
