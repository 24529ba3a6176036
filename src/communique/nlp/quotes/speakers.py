"""From a speaker token to a speaker mention, an actor and a name.

``speaker_span`` widens the head token to its noun phrase ("Stein spokeswoman Melezia
Figueroa", "A reporter for USA Today"), leaving out relative clauses, appositions and
parentheticals.  ``name_speaker`` maps the mention to an actor (``extensions.actor_of`` on the
phrase's core, then pronoun and title resolution) and gives the name to report; a pronoun
that resolves to no actor ("he" with no antecedent in reach; "I", "we" outside a first-person
piece, see ``narrator``) has no name: the quote keeps the mention and reports its speaker as
unresolved, never as "he" or "I". So are a quantifier standing alone for people ("Both feel
...", "Some say ...") and the capitalised verb of a fragment ("Keeps saying ...": the
subject was left out). A singular
definite description ("the minister") names the one person of the article holding a fitting
role (``coref.resolve_description``), itself or through a pronoun that refers to it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ..extensions import ActorCluster, actor_of
from ..syntax import RELATIVE_PRONOUNS, SUBJECT_DEPS
from .coref import (
    FIRST_PERSON,
    is_resolvable_pronoun,
    resolve_description,
    resolve_pronoun,
    resolve_title,
)
from .subjects import fragment_verb, generic

_CUT_DEPS = frozenset({"relcl", "acl", "appos", "punct", "advcl", "parataxis", "prep_skip"})
_CORE_DEPS = frozenset(
    {"compound", "amod", "det", "nmod", "flat", "poss", "case", "nummod", "quantmod"}
)
_TITLE_DETS = frozenset({"the", "a", "an", "this", "that"})


@dataclass
class Speaker:
    """A speaker: the mention in the text, its actor (``None``: no actor) and the name to
    report (``None``: unresolved, a pronoun whose antecedent was not found; ``span`` keeps it)."""

    span: Span
    actor: ActorCluster | None
    name: str | None


def _kept(tok: Token, head: Token) -> bool:
    return tok.dep_ not in _CUT_DEPS or tok is head


def _spaced_hyphen(tok: Token) -> bool:
    """A hyphen with spaces around it: a dash ("BRUSSELS - European leaders"), not the hyphen
    inside a word ("then-rival")."""
    return (
        tok.text == "-" and bool(tok.whitespace_) and tok.i > 0 and bool(tok.nbor(-1).whitespace_)
    )


def speaker_span(doc: Doc, head_i: int) -> Span:
    """The noun phrase headed by token ``head_i``, without clauses and appositions."""
    head = doc[head_i]
    if head.pos_ == "PRON":
        return doc[head_i : head_i + 1]
    left = right = head_i
    stack = [c for c in head.children if _kept(c, head)]
    while stack:
        tok = stack.pop()
        left, right = min(left, tok.i), max(right, tok.i)
        stack.extend(c for c in tok.children if c.dep_ not in _CUT_DEPS)
    # never run over a comma, a dash or a line break (an apposition, a dateline or a heading
    # the parser joined: "BRUSSELS - European leaders")
    for i in range(head_i - 1, left - 1, -1):
        if (
            doc[i].text in (",", "(", "—", "–", "--")
            or _spaced_hyphen(doc[i])
            or "\n" in doc[i].text
        ):
            left = i + 1
            break
    for i in range(head_i + 1, right + 1):
        if (
            doc[i].text in (",", "(", ")", "—", "–", "--")
            or _spaced_hyphen(doc[i])
            or "\n" in doc[i].text
        ):
            right = i - 1
            break
    while right > left and doc[right].is_punct:
        right -= 1
    return doc[left : right + 1]


_NAME_EDGES = " \t\n\u00a0\u2015\u2014\u2013-,;:\"'\u201c\u201d\u2018\u2019("
"""Characters a speaker's name never begins or ends with: spaces, dashes, clause punctuation,
quotation marks (a final period stays: "Jr.", "Inc.")."""
_LEADING_CONJUNCTIONS = re.compile(r"(?i)^(?:and|but|or|nor|while)\s+")


def tidy_name(name: str) -> str:
    """A speaker's name without the punctuation and conjunctions that the text or a layout
    left at its edges ("― Christina N Luis Olidem", "and Smith,")."""
    name = name.strip(_NAME_EDGES)
    return _LEADING_CONJUNCTIONS.sub("", name).strip(_NAME_EDGES)


def core_span(doc: Doc, head_i: int) -> Span:
    """The head token with its left modifiers (compounds, adjectives, determiners)."""
    head = doc[head_i]
    left = head_i
    for child in head.lefts:
        if child.dep_ in _CORE_DEPS:
            left = min(left, child.left_edge.i if child.dep_ == "poss" else child.i)
    right = head_i
    for child in head.rights:
        if child.dep_ in ("flat", "compound") and child.i == right + 1:
            right = child.i
    return doc[left : right + 1]


def name_speaker(
    doc: Doc,
    head_i: int,
    current: ActorCluster | None = None,
    skip: Callable[[int], bool] | None = None,
    *,
    max_distance: int,
    titles: Mapping[str, str],
    author: str | None = None,
    quantifiers: frozenset[str] = frozenset(),
    generic_titles: frozenset[str] = frozenset(),
) -> Speaker:
    """Resolve the speaker whose mention is headed by token ``head_i``.

    ``current`` is the paragraph's current speaker (``None``: none yet), used for pronouns;
    ``skip`` marks tokens whose mentions cannot be antecedents (``None``: none);
    ``max_distance`` and ``titles`` are passed to ``coref.resolve_pronoun``; ``author`` is the
    name "I" and "we" stand for (the author of a first-person piece; ``None``: unresolved);
    ``quantifiers`` are the lower-case words that, standing alone, are pronouns for people
    ("Both", "Many", "Others": the ``CueLexicon``'s ``quantifier_pronouns``): such a mention is
    unresolved, never a name; ``generic_titles``: as for ``coref.resolve_description``, which
    names the person a singular definite description refers to ("the minister").
    """
    head = doc[head_i]
    if head.lower_ in RELATIVE_PRONOUNS and head.dep_ in SUBJECT_DEPS and head.head.dep_ == "relcl":
        # "Figueroa, who said ...": the mention here is "who", the speaker its antecedent
        named = name_speaker(
            doc,
            head.head.head.i,
            current,
            skip,
            max_distance=max_distance,
            titles=titles,
            author=author,
            quantifiers=quantifiers,
            generic_titles=generic_titles,
        )
        return Speaker(doc[head_i : head_i + 1], named.actor, named.name)
    span = speaker_span(doc, head_i)
    if is_resolvable_pronoun(head):
        actor = resolve_pronoun(
            doc, head, current, max_distance=max_distance, skip=skip, titles=titles
        )
        if actor is not None and not actor.named:
            # "The minister told delegates ... She said": the minister's name, when known
            actor = resolve_description(doc, actor, generic_titles) or actor
        return Speaker(span, actor, actor.name if actor else None)
    if head.lower_ in FIRST_PERSON:
        # "I", "we": the author of a first-person piece, else no name to report (the mention
        # says who is meant)
        return Speaker(span, None, author)
    if generic(head) or standalone_quantifier(head, quantifiers) or fragment_verb(head):
        return Speaker(span, None, None)
    core = core_span(doc, head_i)
    actor = actor_of(doc, core.start, core.end)
    if actor is None and core[0].lower_ in _TITLE_DETS and head.pos_ == "NOUN":
        actor = resolve_title(doc, core)
    elif actor is not None and not actor.named:
        # "the minister": the named person of the article who holds the role
        actor = resolve_description(doc, actor, generic_titles) or actor
    return Speaker(span, actor, listed_name(actor, span))


def standalone_quantifier(head: Token, quantifiers: frozenset[str]) -> bool:
    """Whether ``head`` is one of ``quantifiers`` standing alone for people ("Both feel that
    ...", "Some say ...", "Others argue ..."), not the partitive "many of the residents"."""
    return head.lower_ in quantifiers and not any(
        c.dep_ in ("prep", "compound", "amod", "nummod", "appos") for c in head.children
    )


def listed_name(actor: ActorCluster | None, span: Span) -> str:
    """The name a speaker is listed by: its actor's name when the actor has a proper name,
    else (no actor, or a description such as "firm") the words of the text ("a Vodafone
    spokesman"); a description's words as they read mid-sentence ("Analysts said" at a
    sentence start is listed as "analysts", one speaker with "analysts said" elsewhere)."""
    if actor is None or not actor.name[:1].isupper():
        words = tidy_name(span.text)
        first = span[0] if len(span) else None
        if (
            actor is not None  # a description: its words as they read mid-sentence
            and first is not None
            and first.is_sent_start
            and first.pos_ != "PROPN"
            and not first.ent_type_
            and words[:1].isupper()
            and (len(first.text) == 1 or not first.text.isupper())  # "A", not "EU"
        ):
            words = words[:1].lower() + words[1:]  # "Analysts said" -> "analysts"
        return words
    return tidy_name(actor.name)
