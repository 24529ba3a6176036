"""Grammar shared by the actor, quote and event readers.

Closed classes of the labels spaCy's English pipelines assign (ClearNLP dependency labels,
universal part-of-speech tags, Penn Treebank tags, a few function words), and the helpers that
read them in the same way for every reader. Knowledge (open-class word lists, codes) lives in
``communique/knowledge``; tuning numbers (how far a helper climbs) are passed in by the caller,
from its component's ``default_config``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

SUBJECT_DEPS: frozenset[str] = frozenset({"nsubj", "nsubjpass"})
"""Dependency labels of a verb's nominal subject, active or passive."""
VERB_POS: frozenset[str] = frozenset({"VERB", "AUX"})
NOMINAL_POS: frozenset[str] = frozenset({"NOUN", "PROPN"})
FINITE_TAGS: frozenset[str] = frozenset({"VBD", "VBZ", "VBP"})
"""Penn tags of finite verbs (past, present third person, present other)."""
FINITE_OR_MODAL_TAGS: frozenset[str] = FINITE_TAGS | {"MD"}
"""... and of modals, which are finite too ("should be introduced")."""
OBJECT_PRONOUNS: frozenset[str] = frozenset({"me", "him", "her", "us", "them"})
"""English personal pronouns in the object case ("her" is also a possessive)."""
RELATIVE_PRONOUNS: frozenset[str] = frozenset({"who", "which", "that"})


def first_subject(verb: Token) -> Token | None:
    """The first child of ``verb`` that is its nominal subject, ``None`` when it has none."""
    return next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)


def to_infinitive(verb: Token) -> bool:
    """Whether ``verb`` is a to-infinitive ("to figure out", "to protest")."""
    return any(a.dep_ == "aux" and a.lower_ == "to" for a in verb.children)


def pobj_of(prep: Token, max_climb: int) -> Token | None:
    """The object of a preposition; when the parser left it without one ("granted asylum to
    five officers holed up in ...", where "officers" became the subject of "holed"), the head
    of the noun phrase that starts right after it, found by climbing at most ``max_climb``
    heads from the word after the preposition."""
    pobj = next((g for g in prep.children if g.dep_ == "pobj"), None)
    if pobj is not None or prep.i + 1 >= len(prep.doc):
        return pobj
    if any(g.dep_ in ("pcomp", "prep") for g in prep.children):
        return None  # "out of the country", "instead of talking": not a dangling preposition
    start = prep.i + 1
    if start >= prep.sent.end:
        return None
    best: Token | None = None
    tok = prep.doc[start]
    for _ in range(max_climb):
        if tok.left_edge.i != start:
            break  # the phrase began before the preposition: we left the dangling phrase
        if tok.pos_ in NOMINAL_POS:
            best = tok
        if tok.head is tok:
            break
        tok = tok.head
    return best
