"""Looking up the actors of a phrase (``actor_of``, ``actors_at``) through the mention index."""

from __future__ import annotations

import spacy
from spacy.tokens import Span

from communique.nlp.extensions import ActorCluster, actor_of, actors_at, register_extensions


def test_lookups_by_token_range() -> None:
    register_extensions()
    doc = spacy.blank("en")("Russian Foreign Minister Sergei Lavrov met Chinese and Indian envoys")
    russia = ActorCluster("a1", "Russia", "country", [Span(doc, 0, 1)])
    lavrov = ActorCluster("a2", "Sergei Lavrov", "person", [Span(doc, 0, 5)])
    china = ActorCluster("a3", "China", "country", [Span(doc, 6, 7)])
    india = ActorCluster("a4", "India", "country", [Span(doc, 8, 9)])
    envoys = ActorCluster("a5", "envoys", "group", [Span(doc, 6, 10)])
    doc._.actors = [russia, lavrov, china, india, envoys]
    assert actor_of(doc, 0, 1) is lavrov  # the longest mention wins
    assert actor_of(doc, 5, 6) is None
    assert actors_at(doc, 6, 10) == [china, india, envoys]  # in the order of doc._.actors
    assert actors_at(doc, 9, 10) == [envoys]
    tied = ActorCluster("a6", "Chinese", "group", [Span(doc, 6, 10)])
    doc._.actors = [tied, envoys]  # a new list: a new index
    assert actor_of(doc, 7, 8) is tied  # of mentions as long, the first
    doc._.actors = []
    assert actor_of(doc, 0, 3) is None and actors_at(doc, 0, 3) == []
