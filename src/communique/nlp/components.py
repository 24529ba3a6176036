"""The one place where Communiqué's spaCy components are registered, with their settings.

Each factory imports its implementation lazily, so that importing this module is cheap and free
of import cycles (spaCy needed ``spacy/registrations.py`` for the same reason). Every component
takes ``knowledge_dir`` (a folder whose files override the bundled knowledge files) and its
tuning numbers, whose defaults are the ``default_config`` of its factory below (the component's
config dataclass, ``ActorConfig``, ``QuoteConfig`` or ``EventConfig``, documents each number;
the context component takes its two as arguments); a pipeline sets other values with
``nlp.add_pipe(name, config={...})``.

What each component requires and assigns is declared to spaCy as the code reads and writes it
(the table is in the package docstring, ``communique.nlp``); ``nlp.analyze_pipes()`` finds no
problem. ``doc._.published`` is read by actors, context and events too, but is set by the
caller before the pipeline runs, so it is no component's requirement.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc

_PARSE = ["token.dep", "token.head", "token.pos", "token.tag", "token.lemma", "doc.sents"]
"""What the actor, quote and event readers read of spaCy's own analysis."""


def _actors(
    nlp: Language,
    name: str,
    knowledge_dir: str,
    actor_dictionaries: list[str],
    dateline_window: int,
    max_acronym_length: int,
    shouting_window: int,
    min_shouting_neighbors: int,
) -> Callable[[Doc], Doc]:
    from .actors import ActorConfig, ActorResolver

    config = ActorConfig(
        dateline_window=dateline_window,
        max_acronym_length=max_acronym_length,
        shouting_window=shouting_window,
        min_shouting_neighbors=min_shouting_neighbors,
    )
    return ActorResolver(
        knowledge_dir=knowledge_dir, actor_dictionaries=actor_dictionaries, config=config
    )


def _quotes(
    nlp: Language,
    name: str,
    knowledge_dir: str,
    min_words_attributed: int,
    min_words_speechlike: int,
    min_words_unattributed: int,
    max_title_words: int,
    max_term_words: int,
    max_cue_gap_before: int,
    max_cue_gap_after: int,
    max_cue_gap_apposition: int,
    max_source_paras: int,
    max_continuation_paras: int,
    max_lead_in_paras: int,
    speaker_memory_paras: int,
    max_pronoun_distance: int,
    min_first_person_paras: int,
    min_first_person_share: float,
    min_content_tokens: int,
    min_noun_content_tokens: int,
    max_subject_climb: int,
    max_object_climb: int,
    min_label_body_words: int,
    max_signature_tail: int,
    report_attitudes: bool,
) -> Callable[[Doc], Doc]:
    from .quotes import QuoteConfig, QuoteExtractor

    config = QuoteConfig(
        min_words_attributed=min_words_attributed,
        min_words_speechlike=min_words_speechlike,
        min_words_unattributed=min_words_unattributed,
        max_title_words=max_title_words,
        max_term_words=max_term_words,
        max_cue_gap_before=max_cue_gap_before,
        max_cue_gap_after=max_cue_gap_after,
        max_cue_gap_apposition=max_cue_gap_apposition,
        max_source_paras=max_source_paras,
        max_continuation_paras=max_continuation_paras,
        max_lead_in_paras=max_lead_in_paras,
        speaker_memory_paras=speaker_memory_paras,
        max_pronoun_distance=max_pronoun_distance,
        min_first_person_paras=min_first_person_paras,
        min_first_person_share=min_first_person_share,
        min_content_tokens=min_content_tokens,
        min_noun_content_tokens=min_noun_content_tokens,
        max_subject_climb=max_subject_climb,
        max_object_climb=max_object_climb,
        min_label_body_words=min_label_body_words,
        max_signature_tail=max_signature_tail,
        report_attitudes=report_attitudes,
    )
    return QuoteExtractor(knowledge_dir=knowledge_dir, config=config)


def _events(
    nlp: Language,
    name: str,
    knowledge_dir: str,
    verb_dictionaries: list[str],
    max_clause_climb: int,
    max_modal_depth: int,
    max_party_depth: int,
    max_fallback_depth: int,
    max_pronoun_climb: int,
    max_pobj_climb: int,
    max_period_days: int,
) -> Callable[[Doc], Doc]:
    from .events import EventCoder, EventConfig

    config = EventConfig(
        max_clause_climb=max_clause_climb,
        max_modal_depth=max_modal_depth,
        max_party_depth=max_party_depth,
        max_fallback_depth=max_fallback_depth,
        max_pronoun_climb=max_pronoun_climb,
        max_pobj_climb=max_pobj_climb,
        max_period_days=max_period_days,
    )
    return EventCoder(
        knowledge_dir=knowledge_dir, verb_dictionaries=verb_dictionaries, config=config
    )


def _context(
    nlp: Language, name: str, knowledge_dir: str, max_topics: int, min_topic_hits: int
) -> Callable[[Doc], Doc]:
    from .context import ContextAnnotator

    return ContextAnnotator(
        knowledge_dir=knowledge_dir, max_topics=max_topics, min_topic_hits=min_topic_hits
    )


def register() -> None:
    """Register our factories with spaCy (idempotent: spaCy's registry is the only state)."""
    if Language.has_factory("communique_actors"):
        return
    Language.factory(
        "communique_actors",
        default_config={
            "knowledge_dir": "",
            "actor_dictionaries": [],
            "dateline_window": 6,
            "max_acronym_length": 4,
            "shouting_window": 2,
            "min_shouting_neighbors": 2,
        },
        requires=[*_PARSE, "doc.ents"],
        assigns=["doc._.actors"],
        func=_actors,
    )
    Language.factory(
        "communique_quotes",
        default_config={
            "knowledge_dir": "",
            "min_words_attributed": 2,
            "min_words_speechlike": 4,
            "min_words_unattributed": 6,
            "max_title_words": 6,
            "max_term_words": 2,
            "max_cue_gap_before": 10,
            "max_cue_gap_after": 8,
            "max_cue_gap_apposition": 45,
            "max_source_paras": 1,
            "max_continuation_paras": 2,
            "max_lead_in_paras": 1,
            "speaker_memory_paras": 1,
            "max_pronoun_distance": 400,
            "min_first_person_paras": 3,
            "min_first_person_share": 0.2,
            "min_content_tokens": 2,
            "min_noun_content_tokens": 3,
            "max_subject_climb": 3,
            "max_object_climb": 6,
            "min_label_body_words": 4,
            "max_signature_tail": 40,
            "report_attitudes": False,
        },
        requires=[*_PARSE, "token.ent_type", "doc._.actors"],
        assigns=["doc._.quotes"],
        func=_quotes,
    )
    Language.factory(
        "communique_events",
        default_config={
            "knowledge_dir": "",
            "verb_dictionaries": [],
            "max_clause_climb": 6,
            "max_modal_depth": 4,
            "max_party_depth": 4,
            "max_fallback_depth": 2,
            "max_pronoun_climb": 6,
            "max_pobj_climb": 6,
            "max_period_days": 31,
        },
        requires=[*_PARSE, "doc._.actors", "doc._.quotes", "doc._.dates"],
        assigns=["doc._.events"],
        func=_events,
    )
    Language.factory(
        "communique_context",
        default_config={
            "knowledge_dir": "",
            "max_topics": 3,
            "min_topic_hits": 2,
        },
        requires=["token.lemma", "doc.ents", "doc._.actors"],
        assigns=["doc._.dates", "doc._.places", "doc._.topics", "doc._.tone"],
        func=_context,
    )
