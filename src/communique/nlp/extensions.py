"""What our pipeline components attach to a spaCy ``Doc`` while it is being analysed.

During NLP we keep spaCy ``Span`` objects; ``communique.analyzer`` turns them into plain records
with character offsets at the end. The attributes (all set by ``register_extensions``):

``doc._.published``  ``datetime.date | None``: publication date, set before the pipeline runs.
``doc._.byline``     ``tuple[str, ...]``: the article's authors (empty: unknown), set likewise.
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
    named: bool = True
    """Known by a proper name; ``False`` for a description ("officials", "the company")."""


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
    """Resolved canonical name; for a noun phrase that names no actor the mention text;
    ``None`` when there is no speaker or it is an unresolved pronoun (``speaker`` keeps it)."""


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
    "byline": (),
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


class _MentionIndex:
    """Token index -> the actors with a mention over that token, for one ``doc._.actors`` list.

    Built once per document (``_index``), so that looking up the actors of a phrase costs the
    phrase's length, not the document's number of mentions. Mentions are fixed once the actors
    component has run; a new ``doc._.actors`` list gets a new index.
    """

    def __init__(self, actors: list[ActorCluster]) -> None:
        self.actors = actors
        self.at: dict[int, list[tuple[int, int, Span]]] = {}
        """Token index -> (actor position, mention position, mention) covering it."""
        for a, actor in enumerate(actors):
            for n, m in enumerate(actor.mentions):
                for i in range(m.start, m.end):
                    self.at.setdefault(i, []).append((a, n, m))

    def overlapping(self, start: int, end: int) -> list[tuple[int, int, Span]]:
        """(actor position, mention position, mention) of every mention overlapping
        ``[start, end)``, in the order of ``doc._.actors`` and of each actor's mentions."""
        seen: dict[tuple[int, int], Span] = {}
        for i in range(max(start, 0), end):
            for a, n, m in self.at.get(i, ()):
                seen.setdefault((a, n), m)
        return [(a, n, m) for (a, n), m in sorted(seen.items(), key=lambda kv: kv[0])]


_INDEX_KEY = "communique.mention_index"


def _index(doc: Doc) -> _MentionIndex | None:
    actors = doc._.actors
    if not actors:
        return None
    found = doc.user_data.get(_INDEX_KEY)
    if not isinstance(found, _MentionIndex) or found.actors is not actors:
        found = doc.user_data[_INDEX_KEY] = _MentionIndex(actors)
    return found


def actor_of(doc: Doc, start: int, end: int) -> ActorCluster | None:
    """The actor that the phrase ``[start, end)`` names, if any.

    A mention holding the phrase's head names it: "the US credit card firm" is the firm, not
    the United States. A phrase headed by a common noun that no mention holds ("US demand
    for heating oil", "the US credit card") is a thing, whatever names modify it: ``None``.
    Otherwise the longest overlapping mention wins (the first in document order of those as
    long), so "Russian Foreign Minister Sergei Lavrov" finds Lavrov rather than Russia.
    """
    index = _index(doc)
    if index is None or start >= end:
        return None
    hits = index.overlapping(start, end)
    root = doc[start:end].root
    at_root = [(a, m) for a, _, m in hits if m.start <= root.i < m.end]
    if at_root:
        candidates = at_root
    elif root.pos_ == "NOUN":
        return None
    else:
        candidates = [(a, m) for a, _, m in hits]
    best: tuple[int, ActorCluster] | None = None
    for a, m in candidates:
        size = m.end - m.start
        if best is None or size > best[0]:
            best = (size, index.actors[a])
    return best[1] if best else None


def actors_at(doc: Doc, start: int, end: int) -> list[ActorCluster]:
    """Every actor with a mention overlapping the token range ``[start, end)``, in the order
    of ``doc._.actors``.

    "Senior Hungarian and Romanian officials" may be one mention of two group actors; events
    code one dyad per actor.
    """
    index = _index(doc)
    if index is None:
        return []
    positions = dict.fromkeys(a for a, _, _ in index.overlapping(start, end))
    return [index.actors[a] for a in positions]
