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


def test_the_lemmatizer_remembers_lemmas_and_finds_spacys_own(nlp) -> None:  # type: ignore[no-untyped-def]
    import spacy

    from communique.nlp.pipeline import base_model_name
    from communique.nlp.rules import MemoLemmatizer

    assert type(nlp.get_pipe("lemmatizer")) is MemoLemmatizer
    plain = spacy.load(base_model_name())
    texts = [
        "The ministers said they had been meeting since Monday and would meet again.",
        "Russia's foreign minister says talks aren't over; the talks were held in Geneva.",
        "She says she said it: better, best, mice, geese, running, ran, runs.",
    ] * 2  # the second time round, every lemma comes from the memory
    ours = [[t.lemma_ for t in doc] for doc in nlp.pipe(texts, disable=nlp.pipe_names[-4:])]
    theirs = [[t.lemma_ for t in doc] for doc in plain.pipe(texts)]
    assert ours == theirs
