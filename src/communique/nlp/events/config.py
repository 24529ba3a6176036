"""Tuning of the event coder: the numbers ``communique_events`` takes from its config."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class EventConfig:
    """The coder's tuning numbers; the defaults are the factory's ``default_config``
    (``communique.nlp.components``), which is where a pipeline's values are set."""

    max_clause_climb: int = 6
    """How many heads a verb climbs (through xcomp, acomp, conj, advcl) to the verb whose
    subject is its clause's subject."""
    max_modal_depth: int = 4
    """How many governing verbs deep a clause is followed ("pledged to try to resume talks")."""
    max_party_depth: int = 4
    """How far a phrase is followed through appositions, "of" phrases and pronouns to find a
    party (the bound also ends cyclic pronoun chains) ..."""
    max_fallback_depth: int = 2
    """... and how deep a phrase naming no actor may be to look into its appositions and
    "of" phrases at all ("opponents of Rwanda's Senate")."""
    max_pronoun_climb: int = 6
    """How many heads a pronoun climbs to the subject of an enclosing clause it stands for."""
    max_pobj_climb: int = 6
    """How many heads a preposition the parser left without an object climbs from the next
    word to the noun phrase that is its object (``syntax.pobj_of``)."""
    max_period_days: int = 31
    """An event dated only by a period ("last week", "in March") takes the period's resolved
    day when it lies at most this many days from the publication date (a month either way);
    farther ("in 1942", "last year"), it is history and gets no date."""
