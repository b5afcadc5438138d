"""Where ../shared lives beside the checkout, and how a test asks for it.

Outside CI a missing ../shared skips the test; in CI (CI set) it fails, since CI always has it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEEDS = SHARED / "seeds"
EVAL = SHARED / "eval"


def need_shared(path: Path) -> Path:
    """`path` under ../shared, or a skip (outside CI) / failure (in CI) when it is absent."""
    if not path.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{path} is missing: CI must have ../shared beside the checkout")
        pytest.skip(f"{path} is not beside this checkout")
    return path
