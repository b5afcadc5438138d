"""kronika: from raw news articles to a sourced, dated, geolocated event ledger."""

from __future__ import annotations

__version__ = "0.1.0"
