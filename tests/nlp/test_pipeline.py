"""The pipeline: our components registered once and added after the base model's."""

from __future__ import annotations

from spacy.language import Language

from communique.nlp import components
from communique.nlp.pipeline import OUR_COMPONENTS


def test_register_is_idempotent_and_registers_every_component() -> None:
    components.register()
    components.register()
    assert all(Language.has_factory(name) for name in OUR_COMPONENTS)


def test_pipeline_ends_with_our_components_in_order(nlp) -> None:  # type: ignore[no-untyped-def]
    assert tuple(nlp.pipe_names[-len(OUR_COMPONENTS) :]) == OUR_COMPONENTS
