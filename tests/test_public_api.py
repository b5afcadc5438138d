"""The public API is what kronika/__init__.py exports: sorted, and every name resolves."""

from __future__ import annotations

import kronika


def test_all_is_sorted_and_resolves() -> None:
    assert kronika.__all__ == sorted(kronika.__all__)
    for name in kronika.__all__:
        assert getattr(kronika, name) is not None


def test_unknown_attribute_is_an_attribute_error() -> None:
    try:
        kronika.no_such_thing  # noqa: B018
    except AttributeError as exc:
        assert "no_such_thing" in str(exc)
    else:
        raise AssertionError("expected AttributeError")
