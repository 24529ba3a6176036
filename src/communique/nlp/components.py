"""The one place where Communiqué's spaCy components are registered.

Each factory imports its implementation lazily, so that importing this module is cheap and free
of import cycles (spaCy needed ``spacy/registrations.py`` for the same reason). Every component
takes ``knowledge_dir`` (a folder whose files override the bundled knowledge files).

========================  =======================================  ==============================
component                 requires                                 assigns
========================  =======================================  ==============================
communique_actors         token.dep, token.pos, doc.ents           doc._.actors
communique_quotes         token.dep, doc.sents, doc._.actors       doc._.quotes (+ actor mentions)
communique_context        doc.ents, doc._.published                doc._.dates/places/topics/tone
communique_events         token.dep, doc._.actors, doc._.dates     doc._.events
========================  =======================================  ==============================
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc


def _actors(
    nlp: Language, name: str, knowledge_dir: str, actor_dictionaries: list[str]
) -> Callable[[Doc], Doc]:
    from .actors import ActorResolver

    return ActorResolver(knowledge_dir=knowledge_dir, actor_dictionaries=actor_dictionaries)


def _quotes(nlp: Language, name: str, knowledge_dir: str) -> Callable[[Doc], Doc]:
    from .quotes import QuoteExtractor

    return QuoteExtractor(knowledge_dir=knowledge_dir)


def _events(nlp: Language, name: str, knowledge_dir: str) -> Callable[[Doc], Doc]:
    from .events import EventCoder

    return EventCoder(knowledge_dir=knowledge_dir)


def _context(nlp: Language, name: str, knowledge_dir: str) -> Callable[[Doc], Doc]:
    from .context import ContextAnnotator

    return ContextAnnotator(knowledge_dir=knowledge_dir)


def register() -> None:
    """Register our factories with spaCy (idempotent: spaCy's registry is the only state)."""
    if Language.has_factory("communique_actors"):
        return
    Language.factory(
        "communique_actors",
        default_config={"knowledge_dir": "", "actor_dictionaries": []},
        requires=["token.dep", "token.pos", "doc.ents"],
        assigns=["doc._.actors"],
        func=_actors,
    )
    Language.factory(
        "communique_quotes",
        default_config={"knowledge_dir": ""},
        requires=["token.dep", "doc.sents", "doc._.actors"],
        assigns=["doc._.quotes"],
        func=_quotes,
    )
    Language.factory(
        "communique_events",
        default_config={"knowledge_dir": ""},
        requires=["token.dep", "doc._.actors"],
        assigns=["doc._.events"],
        func=_events,
    )
    Language.factory(
        "communique_context",
        default_config={"knowledge_dir": ""},
        requires=["doc.ents"],
        assigns=["doc._.dates", "doc._.places", "doc._.topics", "doc._.tone"],
        func=_context,
    )
