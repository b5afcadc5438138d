"""`kronika serve`: the ledger over HTTP, as a JSON API and a web app (map, timeline, event pages, air defence).

    app.py        create_app(ServeConfig): routes, pages, vendor assets, JSON errors
    api.py        the /api routes, one per ledger query, the filters of `kronika events`
    schemas.py    the API's response shapes (its OpenAPI schema) and converters from the library's records
    security.py   request bounds, security headers (CSP without inline script), the bearer token for writes
    stores.py     one ledger connection per server thread
    static/       our own pages, scripts, styles and the shipped base map (country and oblast outlines)

The API calls the same kronika.ledger functions the CLI calls; nothing here queries the store directly.
"""

from __future__ import annotations

from kronika.serve.app import ServeConfig, create_app

__all__ = ["ServeConfig", "create_app"]
