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


def test_extract_stays_the_function_after_the_pipeline_loads(tmp_path) -> None:
    """Regression: the rules subpackage was once called `extract` and shadowed kronika.extract on first use."""
    article = tmp_path / "a.txt"
    article.write_text("KYIV, March 3, 2025 - A Russian missile strike on Odesa killed four people, officials said.\n")
    first = kronika.extract(article)
    second = kronika.extract(article)
    assert callable(kronika.extract)
    from kronika import extract

    assert callable(extract)
    assert [e.type for e in first[0].events] == [e.type for e in second[0].events]
