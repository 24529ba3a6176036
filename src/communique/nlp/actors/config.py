"""Tuning of the actor resolver: the numbers ``communique_actors`` takes from its config."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ActorConfig:
    """The resolver's tuning numbers; the defaults are the factory's ``default_config``
    (``communique.nlp.components``), which is where a pipeline's values are set."""

    dateline_window: int = 6
    """A dateline's place name must be followed by its punctuation before this token
    ("MOSCOW, Aug 9 (AFP) -": the comma is token 1)."""
    max_acronym_length: int = 4
    """A known name in capitals of at most this many characters ("WHO", "US") is an ordinary
    word in a headline written in capitals ..."""
    shouting_window: int = 2
    """... which is told by the tokens this far on either side of it ..."""
    min_shouting_neighbors: int = 2
    """... of which at least this many are words in capitals."""
