"""What a PETRARCH/Phoenix actor dictionary adds to an actor the article leaves unknown.

The bundled ``phoenix_actors.tsv`` (and the user's ``actor_dictionaries``, which override it)
know the country and the dated offices of thousands of people and organisations. They are the
last word, never the first: the article's own words (titles, country adjectives, appositives,
"of X" phrases) come first, then our own tables (``people.tsv``, ``organizations.tsv``,
``countries.tsv``, ``places.tsv``), then the dictionary, and only then the country of the
article around the actor. A dictionary code is read against the article's date
(``ActorEntry.code_on``) and cut to what our codes say: a base (a country of
``countries.tsv`` or an international prefix) and the first sector ``sectors.tsv`` knows
(``NGOHRIAMN`` -> NGO + HRI, ``IGOUNO`` -> IGO, ``MNCUSA`` -> USA + BUS); a code of another base
(a region such as ``WEU``, a state that is no more) says nothing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from ...codes import ActorCode
from ...knowledge.actor_lexicon import INTERNATIONAL, ActorKnowledge
from ...knowledge.petrarch import ActorDictionary

ELITE = "ELI"
"""CAMEO's elites (former office holders), a sector that ``sectors.tsv`` does not rank."""
MULTINATIONAL = "MNC"
"""CAMEO's multinational corporations: a business, of the country that follows when one does."""
BUSINESS = "BUS"


@dataclass(frozen=True)
class DictionaryFacts:
    """What one dictionary code says; ``None`` where it says nothing."""

    country: str | None
    base: str | None
    """``IGO``/``NGO``/``IMG`` for international actors (``country`` is then ``None``)."""
    sector: str | None
    in_office: bool = False
    """The code is an office the entry dates, held on the article's day, and the actor was
    looked up by a full name of two words or more ("Jean Chretien" in 2003): a well-known
    office holder, who keeps the country even where the article names none."""


def facts_of(code: str, kb: ActorKnowledge) -> DictionaryFacts | None:
    """The facts of a dictionary code (see the module docstring); ``None`` for a code of
    another base."""
    parts = ActorCode.parse(code).parts
    if not parts:
        return None
    head, rest = parts[0], parts[1:]
    known = set(kb.sectors.priority) | {ELITE}
    if head == MULTINATIONAL:
        country = rest[0] if rest and rest[0] in kb.country_names else None
        return DictionaryFacts(country, None, BUSINESS)
    sector = next((p for p in rest if p in known), None)
    if head in kb.country_names:
        return DictionaryFacts(head, None, sector)
    if head in INTERNATIONAL:
        return DictionaryFacts(None, head, sector)
    return None


def lookup(
    dictionary: ActorDictionary, texts: list[str], day: dt.date | None, kb: ActorKnowledge
) -> DictionaryFacts | None:
    """The facts for the first of ``texts`` the dictionary knows, on ``day``."""
    for text in texts:
        entry = dictionary.lookup(text)
        code = entry.code_on(day) if entry is not None else None
        if entry is None or not code:
            continue
        facts = facts_of(code, kb)
        if facts is not None and day is not None and len(text.split()) > 1:
            dated = any(c.code == code and c.dated and c.valid_on(day) for c in entry.codes)
            facts = replace(facts, in_office=dated)
        return facts
    return None
