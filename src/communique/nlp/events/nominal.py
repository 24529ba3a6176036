"""Events named by nouns: "the summit between A and B", "Russia's attack on Georgia",
"U.S.-Russian talks", "a strike by workers", "the arrest of X", "protests against X".

The event coder (``coder.EventCoder``) codes a noun that names an event when no verb of its
sentence claimed it; this mixin holds how such a noun finds its doer (on its left, in a "by"
phrase, the people of its place for a protest), its victim (the "of" phrase of an act done to
persons), the sides of "between", and whether a clause around it hedges it ("alleged").
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from spacy.tokens import Span, Token

from ...codes import EventCode
from ..extensions import EventSpan
from ..syntax import first_subject
from .clauses import ClauseReader, Reading
from .config import EventConfig
from .lexicon import EventLexicon, Pattern
from .parties import Party, PartyFinder, names_place
from .relevance import EventRelevance
from .targets import NOUN_TARGET_PREPS, TargetFinder, place_target, prep_parties, prep_pobj

ARGUMENT_DEPS: frozenset[str] = frozenset({"nsubj", "nsubjpass", "dobj", "attr", "ROOT"})
"""Where a nominal event with an unknown doer is coded: as a subject or object of its clause
("the killing of X sparked protests"), not as the circumstance of another event ("in protest
of last week's arrest of X", "killed 46 civilians in an attack on a village")."""


class NominalEvents:
    """The nominal-event part of ``coder.EventCoder`` (a mixin: the coder provides the
    attributes and the clause-level methods declared here)."""

    lexicon: EventLexicon
    config: EventConfig
    reader: ClauseReader
    relevance: EventRelevance
    targets: TargetFinder

    _dyads: Callable[..., list[EventSpan]]
    """``EventCoder._dyads``: the events between the sources and targets of a reading."""
    _place_parties: Callable[[Token, str | None, PartyFinder], list[Party]]
    """``EventCoder._place_parties``: the people of the place where a clause happens."""
    _clause_head: Callable[[Token], Token]
    """``EventCoder._clause_head``: the verb whose subject is a clause's subject."""

    def _nominal(
        self, sent: Span, noun: Token, finder: PartyFinder, date: dt.date | None
    ) -> list[EventSpan]:
        """ "the summit between A and B", "Russia's attack on Georgia", "U.S.-Russian talks",
        "a strike by workers", "the arrest of X", "protests against X".

        The doer is named on the left ("Russia's attack") or by a "by" phrase; the "of" phrase
        names whom an act of coercion or violence is done to ("the arrest of X") and who
        protests ("a demonstration of students"). A protest nobody is named for is by the
        people of its place ("protests erupted across Iran"), aimed at whom it is against, else
        at their government. An act of violence or a protest may have an unknown doer ("the
        killing of three civilians sparked ...") when it is an argument of its clause
        (``ARGUMENT_DEPS``)."""
        pattern = next(
            (self.lexicon.nouns[k] for k in self.reader.noun_keys(noun) if k in self.lexicon.nouns),
            None,
        )
        if pattern is None or self._hedged(noun):
            return []
        pattern = self.reader.armed_noun(noun, pattern, nominal=True)  # "strikes against Iran"
        if "light" in pattern.flags and not self._civil_protest(noun, pattern, finder):
            return []
        reading = Reading(pattern.code, pattern.flags, noun)
        between = prep_pobj(noun, "between", self.config.max_pobj_climb)
        if between is not None:
            reading = Reading(pattern.code, pattern.flags | {"recip"}, noun)
            sides = self._sides(between, finder)
            if len(sides) < 2:
                return []
            out: list[EventSpan] = []
            for n, side in enumerate(sides):
                for other in sides[n + 1 :]:
                    out.extend(self._dyads(sent, reading, side, other, date, False))
            return out
        root = EventCode.parse(pattern.code).root
        violent = self.lexicon.violent(pattern.code)
        left: list[Party] = []
        for child in noun.lefts:
            if child.dep_ in ("poss", "compound", "amod", "nmod"):
                for p in finder.parties(child):
                    if child.dep_ != "poss" and names_place(p.actor):
                        continue  # "the Lisbon summit": where it is held, not who holds it
                    if not any(p.same(q) for q in left):
                        left.append(p)
        if not left and (violent or root == "14"):
            left = prep_parties(noun, ("by",), finder)
        of_target = violent and self.lexicon.person_victim(pattern.code)
        if not left and root == "14":
            left = prep_parties(noun, ("of",), finder) or self._place_parties(noun, "CVL", finder)
            if not left and noun.dep_ in ("nsubj", "nsubjpass"):
                left = self._place_parties(noun.head, "CVL", finder)  # "protests erupted in X"
            if not left:
                left = self._participants(noun, finder)  # "threw stones during protests"
        preps = NOUN_TARGET_PREPS
        if not place_target(reading, self.lexicon) or root == "14":
            preps = tuple(p for p in preps if p != "in")  # "an IMF meeting in Washington"
        if not of_target:
            preps = tuple(p for p in preps if p != "by")
        else:
            preps = ("of", *(p for p in preps if p not in ("of", "by")))
        targets = prep_parties(noun, preps, finder, self.targets.places_reached(pattern.code))
        if not targets and root == "14":
            # "anti-French demonstrations": whom the protest is against
            targets = finder.opposed(noun)
        if of_target and not targets:
            of = prep_pobj(noun, "of", self.config.max_pobj_climb)
            targets = finder.generic(of) if of is not None else []
        if root == "14" and not targets:
            # "protests against abuses by the army": an act protested is aimed at its doer
            act = prep_pobj(noun, "against", self.config.max_pobj_climb)
            targets = prep_parties(act, ("by",), finder) if act is not None else []
        if not left:
            if targets and (violent or root == "14") and noun.dep_ in ARGUMENT_DEPS:
                return self._dyads(sent, reading, [], targets, date, True)
            return []
        if not targets and len(left) > 1 and "recip" in pattern.flags:
            return self._dyads(sent, reading, left, [], date, False)
        if not targets and root == "14":
            return self._dyads(sent, reading, left, [], date, False)
        if not targets:
            return []
        return self._dyads(sent, reading, left, targets, date, False)

    @staticmethod
    def _sides(between: Token, finder: PartyFinder) -> list[list[Party]]:
        """The sides named by the object of "between", one per coordinated phrase ("between A
        and B"); a side may hold several parties ("between Middle East producers and Asia's
        consumers - China, India and Japan": the consumers are one side, and no event holds
        among them). Sides that name no party are left out. A single phrase names its sides
        within it ("between Israeli and Palestinian forces"): each party is a side."""
        heads = [between]
        for head in heads:  # the chain of coordinated phrases: "A, B and C"
            heads.extend(c for c in head.children if c.dep_ == "conj")
        parties = finder.generic(between)
        if len(heads) == 1:
            return [[p] for p in parties]
        index = {h.i: n for n, h in enumerate(heads)}
        sides: list[list[Party]] = [[] for _ in heads]
        doc = between.doc
        for party in parties:
            tok = doc[party.token]
            while tok.i not in index and tok.head is not tok:
                tok = tok.head
            if tok.i in index:
                sides[index[tok.i]].append(party)
        return [side for side in sides if side]

    def _civil_protest(self, noun: Token, pattern: Pattern, finder: PartyFinder) -> bool:
        """Whether a protest noun coded only under a light verb ("strike", which may be an
        armed attack) names a protest by its doer: a "by" phrase naming people who are no
        armed force and no organ of a state ("a strike by dock workers", not "a strike by
        Israeli jets")."""
        if EventCode.parse(pattern.code).root != "14":
            return False
        by = prep_pobj(noun, "by", self.config.max_pobj_climb)
        doers = finder.generic(by) if by is not None else []
        lex = self.lexicon
        sectors = [self.relevance.role(d.code) for d in doers]
        return bool(sectors) and all(
            s is not None and s not in lex.force_sectors and s not in lex.state_sectors
            for s in sectors
        )

    def _participants(self, noun: Token, finder: PartyFinder) -> list[Party]:
        """The doers of a protest named as an occasion of its clause ("youths threw stones
        during demonstrations against X", "thousands took part in protests", ``event_words.tsv``
        list ``part_prep``): the clause's active subject, unless it is an armed force or an organ
        of a state ("police arrested 20 during protests", "Iran arrested ..."), whose part is no
        protest; people of a country ("Palestinian youths") are its people. A bare
        singular noun after "in" is a purpose ("resigned in protest"), read elsewhere."""
        prep = noun.head
        if noun.dep_ != "pobj" or prep.lower_ not in self.lexicon.part_preps:
            return []
        bare = not any(c.dep_ in ("det", "poss") for c in noun.children)
        if prep.lower_ == "in" and noun.tag_ == "NN" and bare:
            return []
        subj = first_subject(self._clause_head(prep.head))
        if subj is None or subj.dep_ != "nsubj":
            return []
        parties = finder.parties(subj)
        lex = self.lexicon
        for party in parties:
            role = self.relevance.role(party.code)
            if role is None and subj.pos_ == "PROPN":
                return []  # a country named alone acts as its state ("Iran arrested ...")
            if role in lex.force_sectors or role in lex.state_sectors:
                return []
        return parties

    def _hedged(self, noun: Token) -> bool:
        """ "a possible invasion of X", "the planned summit": a possibility or a plan, no act
        (``event_words.tsv``, list ``hedge_adjective``)."""
        hedges = self.lexicon.hedge_adjectives
        return any(
            c.dep_ == "amod" and (c.lower_ in hedges or c.lemma_.lower() in hedges)
            for c in noun.lefts
        )
