"""The Python API keeps its promises: extraction that never loses a batch, ledger queries that refuse a wrong
argument instead of answering nothing, `kronika.ledger` documented in the README, and type information shipped."""

from __future__ import annotations

import inspect
import json
import tomllib
from datetime import date
from importlib import resources
from pathlib import Path

import pytest
from interop_records import KUPIANSK_ID, TERNOPIL_ID

import kronika
import kronika.ledger
from kronika.errors import FilterError, RejectedInput
from kronika.ledger import air_stats, list_events, timeline
from kronika.store import open_store

ROOT = Path(__file__).resolve().parents[2]
ARTICLE = "KYIV, March 3, 2025 - A Russian missile strike on Odesa killed four people, officials said."


def test_a_corpus_with_bad_lines_keeps_the_rest(tmp_path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("\n".join([json.dumps({"text": ARTICLE, "url": "https://example.org/a"}), "{not json",
                                 json.dumps({"text": ARTICLE.replace("four", "five")})]) + "\n")
    result = kronika.extract(corpus)
    assert len(result) == 2 and result[0].url == "https://example.org/a"
    [rejected] = result.rejected
    assert isinstance(rejected, RejectedInput) and ":2" in rejected.path and rejected.reason
    again = kronika.extract(corpus)  # the function, twice in one process
    assert [len(d.events) for d in again] == [len(d.events) for d in result]
    with pytest.raises(RejectedInput):
        kronika.extract(corpus, errors="raise")
    with pytest.raises(ValueError, match="errors must be one of"):
        kronika.extract(corpus, errors="ignore")  # type: ignore[arg-type]


@pytest.fixture
def store(interop_ledger):
    with open_store(interop_ledger, readonly=True) as s:
        yield s


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"type": "Strike"}, "did you mean 'strike'"),
        ({"type": "airstrike"}, "not an event type"),
        ({"since": "yesterday"}, "since wants a day as YYYY-MM-DD"),
        ({"until": "2025-02-30"}, "not a day of the calendar"),
        ({"since": "2025-11-21", "until": "2025-11-19"}, "after until"),
        ({"near": (50.4, 30.5)}, "near wants"),
        ({"near": (95.0, 30.5, 10)}, "out of range"),
        ({"contested": "yes"}, "contested wants"),
        ({"place": ""}, "empty"),
    ],
)
def test_wrong_filters_raise_instead_of_matching_nothing(store, kwargs, message) -> None:
    with pytest.raises(FilterError, match=message):
        list_events(store, **kwargs)


def test_every_query_checks_its_days(store) -> None:
    for query in (timeline, air_stats):
        with pytest.raises(FilterError):
            query(store, since="last week")


def test_several_types_are_checked_one_by_one(store) -> None:
    types = {r.event.type for r in list_events(store, type=["strike", "ground_claim", "strike"])}
    assert types == {"strike", "ground_claim"}
    with pytest.raises(FilterError, match="'Strike'"):
        list_events(store, type=["ground_claim", "Strike"])
    with pytest.raises(FilterError, match="empty"):
        list_events(store, type=[])


def test_place_and_claimant_take_several_names_and_places_go_through_the_geocoder(store) -> None:
    def ids(**filters: object) -> set[str]:
        return {r.event.id for r in list_events(store, **filters)}

    assert ids(place="Ternopol") == ids(place="Ternopil") == {TERNOPIL_ID}  # the geocoder's other spelling
    assert ids(place="Kupyansk") == ids(place="Kupiansk") == {KUPIANSK_ID}
    assert ids(place=["Ternopil", "Kupyansk"]) == {TERNOPIL_ID, KUPIANSK_ID}  # any of them
    assert ids(place="Kharkov region") == ids(place="Kharkiv Oblast")  # an oblast as news spells it
    assert ids(claimant="regional governor") and ids(claimant="General Staff")
    assert ids(claimant=["regional governor", "General Staff"]) == (
        ids(claimant="regional governor") | ids(claimant="General Staff"))
    assert ids(place="Ternopil", claimant="General Staff") == set()  # different filters all apply
    with pytest.raises(FilterError, match="empty"):
        list_events(store, claimant=[])
    with pytest.raises(FilterError, match="claimant wants"):
        list_events(store, claimant=[3])


def test_timeline_takes_a_limit_like_the_listing(store) -> None:
    days = timeline(store, limit=2)
    assert sum(len(d.events) for d in days) == 2
    assert [r.event.id for d in days for r in d.events] == [r.event.id for r in list_events(store, limit=2)]


def test_filters_accept_dates_as_well_as_iso_text(store) -> None:
    by_date = [r.event.id for r in list_events(store, since=date(2025, 11, 19), until=date(2025, 11, 19))]
    by_text = [r.event.id for r in list_events(store, since="2025-11-19", until="2025-11-19")]
    assert by_date == by_text and TERNOPIL_ID in by_date


def test_ledger_api_is_sorted_typed_and_documented() -> None:
    names = kronika.ledger.__all__
    assert names == sorted(names)
    readme = (ROOT / "README.md").read_text()
    api = readme[readme.index("## Python API"):]
    api = api[: api.index("\n## ", 3)]
    for name in names:
        obj = getattr(kronika.ledger, name)
        if inspect.isfunction(obj):
            hints = inspect.get_annotations(obj)
            assert "return" in hints and obj.__doc__, f"kronika.ledger.{name} needs type hints and a docstring"
            assert f"{name}(" in api, f"kronika.ledger.{name} is not documented in the README's Python API section"


def test_type_information_ships() -> None:
    assert (resources.files("kronika") / "py.typed").is_file()
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    package_data = config["tool"]["setuptools"]["package-data"]
    assert "py.typed" in package_data.get("*", []) + package_data.get("kronika", [])
