"""Helpers for the actors tests: run the pipeline on an article with a publication date."""

from __future__ import annotations

import datetime as dt

from spacy.language import Language

from communique.nlp.extensions import ActorCluster


def dated_actors(nlp: Language, text: str, day: dt.date | None = None) -> list[ActorCluster]:
    """The actors of ``text`` analysed as an article published on ``day`` (``None``: undated)."""
    doc = nlp.make_doc(text)
    doc._.published = day
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return list(doc._.actors)


def named(actors: list[ActorCluster], word: str) -> ActorCluster:
    """The first actor whose name holds ``word``."""
    return next(a for a in actors if word in a.name)
