"""Paths shared by the tests (importable as ``helpers`` thanks to pytest's pythonpath)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
SEED = FIXTURES / "seed-defenseone-2013.txt"
SEED_GOLD = FIXTURES / "seed-defenseone-2013.gold.json"
SAMPLES = ROOT / "data" / "samples"
SHARED = (ROOT / ".." / "shared").resolve()


def shared_path(*parts: str) -> Path:
    """A path under ../shared, skipping the test when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent (the shared evaluation data is not beside this checkout)")
    return path
