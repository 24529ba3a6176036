"""Shared fixtures: the pipeline (built once per session), fixture paths, the shared folder."""

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


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    from communique.nlp.pipeline import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def analyzer(nlp):  # type: ignore[no-untyped-def]
    from communique.analyze import Analyzer

    return Analyzer(nlp)


@pytest.fixture(scope="session")
def seed_analysis(analyzer):  # type: ignore[no-untyped-def]
    from communique.sources import read_sources

    return analyzer.analyze_one(next(read_sources([str(SEED)])))
