from __future__ import annotations

import pytest

from kronika.geo import Geocoder, get_geocoder


@pytest.fixture(scope="session")
def geo() -> Geocoder:
    return get_geocoder()
