"""schemathesis against /openapi.json: generated requests to every route (a bounded number per route, valid and
invalid ones) never get a 5xx, and every answer matches what the schema declares (status, content type, body).

The strategies are drawn per route inside ordinary tests (schemathesis' lazy pytest loader does not run under
pytest 9), over the ledger of the shipped samples."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.config import SchemathesisConfig

from kronika.serve import ServeConfig, create_app

EXAMPLES = 20  # per route and mode: enough to reach each parameter's edge cases, small enough for 2 cores

ROUTES = [
    ("/api/events", "GET"),
    ("/api/events.geojson", "GET"),
    ("/api/events/{event_id}", "GET"),
    ("/api/timeline", "GET"),
    ("/api/stats", "GET"),
    ("/api/stats/air", "GET"),
    ("/api/search", "GET"),
    ("/api/documents/{document_id}", "GET"),
    ("/api/config", "GET"),
    ("/api/ingest", "POST"),
]


# A request the schema allows can still name nothing usable (search words that are all punctuation): the API
# answers 400 with the reason, which the schema documents. Generated URLs can also outgrow the server's 4 KB
# bound (414, documented on every route). Every other check keeps its defaults.
CONFIG = {"checks": {
    "positive_data_acceptance": {"expected-statuses": ["2xx", 400, 401, 403, 404, 414]},
    "negative_data_rejection": {"expected-statuses": [400, 401, 403, 404, 405, 406, 409, 413, 414, 415, 422]},
}}
NO_PARAMETERS = {"/api/stats", "/api/config"}  # nothing to make invalid


@pytest.fixture(scope="module")
def api_schema(sample_ledger):
    app = create_app(ServeConfig(db=sample_ledger, token="schema-test-token"))
    schema = schemathesis.openapi.from_asgi("/openapi.json", app, config=SchemathesisConfig.from_dict(CONFIG))

    @schema.hook
    def filter_query(ctx, query):
        # A repeated name filter (place, claimant) is an array of strings. Schemathesis' negative data puts a
        # single value there (null, false, a number, an object), which reaches the API as text, "false", "-2755":
        # one valid name (its known false positive for arrays of strings in the query, schemathesis issue #3056).
        # Such cases are not sent; too many names, or too long a name, still are.
        return all(isinstance(query[key], list) and all(isinstance(v, str) for v in query[key])
                   for key in NAME_FILTERS if key in (query or {}))

    return schema


NAME_FILTERS = ("place", "claimant")


def test_every_route_is_fuzzed(api_schema):
    operations = {(op.ok().path, op.ok().method.upper()) for op in api_schema.get_all_operations()}
    assert operations == set(ROUTES)


CASES = [
    (path, method, mode)
    for path, method in ROUTES
    for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE)
    if not (mode is GenerationMode.NEGATIVE and path in NO_PARAMETERS)
]


@pytest.mark.parametrize("path, method, mode", CASES)
def test_route_conforms_to_its_schema(api_schema, path, method, mode):
    operation = api_schema[path][method]

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True,
              database=None)
    def check(case):
        case.call_and_validate()

    check()
