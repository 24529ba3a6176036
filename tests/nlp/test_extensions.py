"""Looking up the actors of a phrase (``actor_of``, ``actors_at``) through the mention index."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc, Span

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


def _parsed(words: list[str], heads: list[int], pos: list[str]) -> Doc:
    register_extensions()
    vocab = spacy.blank("en").vocab
    deps = ["ROOT" if h == i else "dep" for i, h in enumerate(heads)]
    return Doc(vocab, words=words, heads=heads, deps=deps, pos=pos)


def test_the_mention_holding_the_head_names_the_phrase() -> None:
    doc = _parsed(
        ["the", "US", "credit", "card", "firm", "said"],
        [4, 4, 3, 4, 5, 5],
        ["DET", "PROPN", "NOUN", "NOUN", "NOUN", "VERB"],
    )
    us = ActorCluster("a1", "United States", "country", [Span(doc, 1, 2)])
    firm = ActorCluster("a2", "firm", "organization", [Span(doc, 4, 5)], named=False)
    doc._.actors = [us, firm]
    assert actor_of(doc, 0, 5) is firm  # "the US credit card firm": the firm
    assert actor_of(doc, 1, 2) is us


def test_a_phrase_headed_by_a_thing_is_no_actor() -> None:
    doc = _parsed(
        ["the", "US", "credit", "card", "said"],
        [3, 3, 3, 4, 4],
        ["DET", "PROPN", "NOUN", "NOUN", "VERB"],
    )
    us = ActorCluster("a1", "United States", "country", [Span(doc, 1, 2)])
    doc._.actors = [us]
    assert actor_of(doc, 0, 4) is None  # "the US credit card": a thing, not the country


def test_a_name_heading_no_mention_falls_back_to_the_longest() -> None:
    doc = _parsed(
        ["US", "envoy", "Smith", "said"],
        [2, 2, 3, 3],
        ["PROPN", "NOUN", "PROPN", "VERB"],
    )
    us = ActorCluster("a1", "United States", "country", [Span(doc, 0, 1)])
    doc._.actors = [us]
    assert actor_of(doc, 0, 3) is us  # the head is a name no actor holds: not a thing
