"""Shared fixtures: the pipeline (built once per session)."""

from __future__ import annotations

import pytest

from helpers import SEED


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    from communique.nlp.pipeline import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def analyzer(nlp):  # type: ignore[no-untyped-def]
    from communique.analyzer import Analyzer

    return Analyzer(nlp)


@pytest.fixture(scope="session")
def seed_analysis(analyzer):  # type: ignore[no-untyped-def]
    from communique.sources import read_sources

    return analyzer.analyze_one(next(read_sources([str(SEED)])))
