"""Our components as spaCy sees them: declarations true to the pipeline, settings that reach
the code, defaults in one place."""

from __future__ import annotations

import dataclasses
import inspect
import subprocess
import sys

import pytest
import spacy
from spacy.language import Language

from communique.nlp import components
from communique.nlp.actors import ActorConfig
from communique.nlp.context import ContextAnnotator
from communique.nlp.events import EventConfig
from communique.nlp.extensions import register_extensions
from communique.nlp.pipeline import OUR_COMPONENTS
from communique.nlp.quotes import QuoteConfig

CONFIGS = {
    "communique_actors": ActorConfig,
    "communique_quotes": QuoteConfig,
    "communique_events": EventConfig,
}
"""The config dataclass of each component that has one (the context component takes its two
numbers as constructor arguments)."""


def _defaults(name: str) -> dict[str, object]:
    components.register()
    config = Language.get_factory_meta(name).default_config
    assert config is not None
    return dict(config)


def _setting(pipe: object, key: str) -> object:
    """A setting as the built component holds it: on its config dataclass, else on itself."""
    config = getattr(pipe, "config", None)
    if config is not None and hasattr(config, key):
        return getattr(config, key)
    return getattr(pipe, key)


def test_analyze_pipes_finds_no_problem(nlp: Language) -> None:
    analysis = nlp.analyze_pipes(pretty=False)
    assert analysis is not None
    assert all(not found for found in analysis["problems"].values()), analysis["problems"]


def test_token_pos_is_declared_for_the_attribute_ruler_of_this_pipeline_only(
    nlp: Language,
) -> None:
    assert "token.pos" in nlp.get_pipe_meta("attribute_ruler").assigns
    assert "token.pos" not in Language.get_factory_meta("attribute_ruler").assigns


@pytest.mark.parametrize("name", OUR_COMPONENTS)
def test_the_pipeline_runs_each_component_with_its_defaults(nlp: Language, name: str) -> None:
    pipe = nlp.get_pipe(name)
    defaults = _defaults(name)
    assert {key: _setting(pipe, key) for key in defaults} == defaults


@pytest.mark.parametrize("name", OUR_COMPONENTS)
def test_a_changed_setting_reaches_the_component(name: str) -> None:
    register_extensions()
    components.register()
    changed = {
        k: (not v) if isinstance(v, bool) else v + 1
        for k, v in _defaults(name).items()
        if isinstance(v, (int, float))
    }
    assert changed
    blank = spacy.blank("en")
    pipe = blank.add_pipe(name, config=changed)
    assert {key: _setting(pipe, key) for key in changed} == changed


@pytest.mark.parametrize("name", OUR_COMPONENTS)
def test_constructor_defaults_are_the_factory_defaults(name: str) -> None:
    numbers = {k: v for k, v in _defaults(name).items() if isinstance(v, (int, float))}
    if name in CONFIGS:
        assert dataclasses.asdict(CONFIGS[name]()) == numbers
    else:
        params = inspect.signature(ContextAnnotator).parameters
        assert {k: params[k].default for k in numbers} == numbers


def test_importing_the_package_does_not_import_spacy() -> None:
    code = "import sys, communique.nlp; print('spacy' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "False"
