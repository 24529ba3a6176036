"""Fixtures of the NLP tests: the base model alone and an event coder with the bundled lexicon."""

from __future__ import annotations

import pytest
from spacy.language import Language

from communique.nlp.events import EventCoder
from communique.nlp.events.lexicon import EventLexicon


@pytest.fixture(scope="module")
def base() -> Language:
    from communique.nlp.pipeline import load_pipeline

    return load_pipeline(components_to_add=())


@pytest.fixture(scope="module")
def coder() -> EventCoder:
    return EventCoder(lexicon=EventLexicon.load())
