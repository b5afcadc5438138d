"""Offline geocoding: place names as war reporting writes them -> coordinates, oblast and precision.

    from kronika.geo import get_geocoder
    geo = get_geocoder()
    geo.resolve("Kupyansk").location            # Kupiansk, Kharkiv Oblast, settlement precision
    geo.find_places(text)                       # every place the text names, resolved in context
"""

from __future__ import annotations

from kronika.geo.geocoder import Geocoder, PlaceMention, Resolution, get_geocoder

__all__ = ["Geocoder", "PlaceMention", "Resolution", "get_geocoder"]
