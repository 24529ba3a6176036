"""What our pipeline components attach to a spaCy ``Doc`` while it is being analysed.

During NLP we keep spaCy ``Span`` objects; ``communique.analyzer`` turns them into plain records
with character offsets at the end. The attributes (all set by ``register_extensions``):

``doc._.published``  ``datetime.date | None``: publication date, set before the pipeline runs.
``doc._.actors``     ``list[ActorCluster]``: set by ``communique_actors``.
``doc._.quotes``     ``list[QuoteSpan]``: set by ``communique_quotes``.
``doc._.events``     ``list[EventSpan]``: set by ``communique_events``.
``doc._.dates``      ``list[DateSpan]``: DATE entities resolved against the publication date.
``doc._.places``     ``list[tuple[Span, str | None]]``: GPE/LOC/FAC entities with their
                     ISO3 country when known.
``doc._.topics``     ``list[str]``; ``doc._.tone``: ``float | None``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from ..records import ActorKind, QuoteKind


@dataclass(eq=False)
class ActorCluster:
    """One entity in one document: all of its mentions plus what we learnt about it.

    Mutable while the pipeline runs (later components may add mentions, e.g. a resolved
    pronoun); frozen into ``records.Actor`` at the end.
    """

    id: str
    name: str
    kind: ActorKind
    """``person``, ``organization``, ``country`` or ``group``."""
    mentions: list[Span] = field(default_factory=list)
    country: str | None = None
    role: str | None = None
    sector: str | None = None
    """CAMEO role code part (``GOV``, ``MIL``, ``IGO`` ...) or ``None``."""
    code: str | None = None
    gender: str | None = None
    """``m``, ``f`` or ``None`` (unknown), for pronoun resolution."""
    plural: bool = False


@dataclass(eq=False)
class QuoteSpan:
    """A quotation found in the doc. ``fragments`` exclude the quotation marks."""

    fragments: list[Span]
    kind: QuoteKind
    """``direct``, ``mixed`` or ``indirect``."""
    cue: Span | None = None
    speaker: Span | None = None
    """The mention that names the speaker at this place (may be a pronoun)."""
    actor: ActorCluster | None = None
    """The resolved speaker, ``None`` when the speaker could not be resolved to an actor."""
    speaker_name: str | None = None
    """Resolved canonical name; for unresolved speakers the mention text."""


@dataclass(eq=False)
class EventSpan:
    """A coded event: ``source`` did ``code`` to ``target``, read from ``evidence``."""

    code: str
    evidence: Span
    source: ActorCluster | None = None
    target: ActorCluster | None = None
    source_code: str | None = None
    target_code: str | None = None
    date: dt.date | None = None


@dataclass(eq=False)
class DateSpan:
    span: Span
    value: dt.date | None


_EXTENSIONS: dict[str, object] = {
    "published": None,
    "actors": None,
    "quotes": None,
    "events": None,
    "dates": None,
    "places": None,
    "topics": None,
    "tone": None,
}


def register_extensions() -> None:
    """Register the ``Doc`` attributes above (idempotent; spaCy's registry is global)."""
    for name, default in _EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


def actor_of(doc: Doc, start: int, end: int) -> ActorCluster | None:
    """The actor that has a mention overlapping the token range ``[start, end)``, if any.

    The longest overlapping mention wins, so "Russian Foreign Minister Sergei Lavrov" finds
    Lavrov rather than Russia.
    """
    best: tuple[int, ActorCluster] | None = None
    for actor in doc._.actors or ():
        for m in actor.mentions:
            if m.start < end and start < m.end:
                size = m.end - m.start
                if best is None or size > best[0]:
                    best = (size, actor)
    return best[1] if best else None


def actors_at(doc: Doc, start: int, end: int) -> list[ActorCluster]:
    """Every actor with a mention overlapping the token range ``[start, end)``.

    "Senior Hungarian and Romanian officials" may be one mention of two group actors; events
    code one dyad per actor.
    """
    found: list[ActorCluster] = []
    for actor in doc._.actors or ():
        if any(m.start < end and start < m.end for m in actor.mentions):
            found.append(actor)
    return found
