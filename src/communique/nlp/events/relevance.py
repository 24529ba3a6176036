"""Which coded acts are political events: sports, private business and made things are not.

- ``gives_score``: a sentence that gives a sports score reports a match, whose beatings,
  clashes and rallies are figures of speech (``EventRelevance.contest`` names those codes);
- ``EventRelevance.work_patient``: a made thing or creative work shot, beaten or attacked is no
  victim of violence;
- ``EventRelevance.public``: in an article about games a country named alone is a team; an act
  other than a threat, protest, coercion or violence between private parties of one country is
  commerce or daily life.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ...codes import ActorCode, EventCode
from ..extensions import EventSpan
from .lexicon import EventLexicon

SCORE_DASHES: frozenset[str] = frozenset({"-", "\u2013"})
"""What joins the two numbers of a sports score ("30-20", "2\u20131")."""
WORK_ENTITIES: frozenset[str] = frozenset({"WORK_OF_ART", "PRODUCT"})
"""spaCy entity labels of made things and creative works (see ``EventRelevance.work_patient``)."""


def gives_score(sent: Span) -> bool:
    """Whether a sentence gives a sports score: two numbers of at most three digits joined by
    a dash with no space ("beat France 30-20", "a 53-37 win"), not counting a plural noun
    ("10-15 people" is a range)."""
    toks = list(sent)
    for a, dash, b in zip(toks, toks[1:], toks[2:], strict=False):
        if (
            dash.text in SCORE_DASHES
            and a.text.isdigit()
            and b.text.isdigit()
            and len(a.text) <= 3
            and len(b.text) <= 3
            and not a.whitespace_
            and not dash.whitespace_
            and b.dep_ != "nummod"
            and (b.i + 1 >= sent.end or b.doc[b.i + 1].tag_ != "NNS")
        ):
            return True
    return False


class EventRelevance:
    """Tells political events from acts of sport, commerce and daily life; holds nothing but
    the lexicon."""

    def __init__(self, lexicon: EventLexicon) -> None:
        self.lexicon = lexicon

    def contest(self, code: str) -> bool:
        """Whether a code is of a kind that sports reports use as figures of speech: force,
        assault, fighting, protest ("England A beat France 30-20", "rallied to a 53-37 win")."""
        return self.lexicon.violent(code) or self.lexicon.armed(code) or code.startswith("14")

    def work_patient(self, patient: Token | None) -> bool:
        """Whether the one a violent verb acts on is a made thing or a creative work
        (``event_words.tsv``, list ``work``; spaCy's WORK_OF_ART and PRODUCT entities): a film
        is shot, a book attacked by critics, and no one suffers violence."""
        if patient is None:
            return False
        return patient.ent_type_ in WORK_ENTITIES or patient.lemma_.lower() in self.lexicon.works

    def public(self, event: EventSpan, game: bool) -> bool:
        """Whether an event is public business. In an article about games (``game``: its
        leading topic is a ``contest_topic``) a country named alone is a team, so one side must
        be an organ of a state ("Italy travel to Edinburgh" is no visit). Threats, protests,
        coercion and violence are public whoever does them (``public_act``); any other act
        between private parties only (companies, media, schools, farms, ordinary people, or
        nobody named) of one country or none is commerce or daily life ("the chief executive
        stepped down"), while across borders it stays ("Swiss doctors handed over medicine to
        the Red Crescent in Iran")."""
        sides = (event.source_code, event.target_code)
        if game and not any(self.role(c) in self.lexicon.state_sectors for c in sides):
            return False
        if EventCode.parse(event.code).root in self.lexicon.public_acts:
            return True
        private = self.lexicon.civilian_sectors | {"CVL"}
        if not all(c is None or self.role(c) in private for c in sides):
            return True
        countries = {self.country(c) for c in sides} - {None}
        return len(countries) > 1

    def role(self, code: str | None) -> str | None:
        """The first sector of an actor code (``GOV`` of ``USAGOV``, ``BUS`` of ``BUS``)."""
        sectors = self.lexicon.sectors
        return next((p for p in ActorCode.parse(code).parts if p in sectors), None)

    def country(self, code: str | None) -> str | None:
        """The country (or international type) of an actor code, ``None`` when it has none."""
        parts = ActorCode.parse(code).parts
        return parts[0] if parts and parts[0] not in self.lexicon.sectors else None
