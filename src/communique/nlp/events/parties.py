"""Who a noun phrase of a clause refers to, for the event coder.

The actors component (which runs before the coder) sets ``doc._.actors``; here we map one
argument of a verb (its head token) to the actors it mentions, with the CAMEO-style actor code
each one takes in this event. A role nominal such as "the Russian government" gives the
country actor ("Russian" -> ``RUS``) plus the sector of its head noun (``GOV``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from spacy.tokens import Doc, Token

from ..extensions import ActorCluster, actors_at
from ..syntax import RELATIVE_PRONOUNS, SUBJECT_DEPS, first_subject
from .config import EventConfig
from .lexicon import EventLexicon

PRONOUNS: frozenset[str] = frozenset({"he", "she", "they", "it", "we", "i", "who", "which", "that"})
FIRST_PERSON: frozenset[str] = frozenset({"i", "we"})
THIRD_PERSON: Mapping[str, str] = MappingProxyType(
    {"he": "person", "she": "person", "it": "thing", "they": "any"}
)
"""Subject pronouns resolved to the previous sentence's subject, with the kind of actor each
can stand for."""
CUT_DEPS: frozenset[str] = frozenset(
    {"relcl", "acl", "appos", "punct", "cc", "conj", "advcl", "prep"}
)
"""Children that do not belong to the core of a noun phrase (the core is what names it)."""
OF_PREPS: frozenset[str] = frozenset({"of", "from", "in", "against", "with", "for"})
"""Prepositions whose object may name the actor when the core does not ("opponents of X",
"a war against X", "air links with X", "a camp for refugees")."""
BENEFICIARY_PREP = "for"
"""The preposition whose object, under a noun that names no agent, is for whom a thing is
("aid for Indonesia and Thailand", "support for X"), not who does or suffers it."""
LOCATION_PREPS: frozenset[str] = frozenset({"in", "at"})
"""Prepositions after which a place name says where something happens ("talks in Geneva",
"at a summit in Lisbon"), not who takes part."""
PLACE_ENTITIES: frozenset[str] = frozenset({"GPE", "LOC", "FAC"})
"""Entity labels of place names."""


def names_place(actor: ActorCluster | None) -> bool:
    """Whether an actor is a place named as such: a city, region or venue that the actors
    component reads as its people (country + ``CVL``, "Geneva": ``CHECVL``), not a country,
    a government or a group. As the object of an act ("shelled Grozny") it is a party; after
    "in"/"at" or before another noun ("the Lisbon summit", "a Brussels meeting") it is where
    the event happens."""
    return (
        actor is not None
        and actor.kind == "group"
        and actor.named
        and actor.sector == "CVL"
        and any(m.root.ent_type_ in PLACE_ENTITIES for m in actor.mentions)
    )


def location_phrase(prep: Token) -> bool:
    """Whether a prepositional phrase may name where something happens ("in", "at")."""
    return prep.lower_ in LOCATION_PREPS


@dataclass(frozen=True)
class Party:
    """One side of an event: the actor (``None`` when only a code is known) and its code."""

    actor: ActorCluster | None
    code: str | None
    """CAMEO-style actor code, ``None`` when the actor has neither code nor country."""
    token: int
    """Index of the head token that named this party (for ordering and self-event checks)."""

    def same(self, other: Party) -> bool:
        """Whether two parties are the same side: the same code ("Georgian demonstrators" and
        "the Georgian government" differ), or without codes the same actor."""
        if self.code is not None and other.code is not None:
            return self.code == other.code
        return self.actor is not None and self.actor is other.actor


AGAINST_PREFIX: str = "anti"
"""The prefix that makes a modifier name whom its head is against ("anti-French
demonstrations", "anti-government protesters"), not whose it is."""


def against(tok: Token) -> bool:
    """Whether ``tok`` is written after "anti-", as the tokenizer splits "anti-French"."""
    doc, i = tok.doc, tok.i
    if i >= 2 and doc[i - 1].text == "-" and not doc[i - 2].whitespace_:
        return doc[i - 2].lower_ == AGAINST_PREFIX
    return tok.lower_.startswith(AGAINST_PREFIX + "-")


def conjuncts(tok: Token) -> list[Token]:
    """The token and every token coordinated with it ("A, B and C")."""
    out = [tok]
    for child in tok.children:
        # "The US, Russia, and Switzerland" is often parsed as an apposition holding the list
        if child.dep_ == "conj" or (
            child.dep_ == "appos" and any(g.dep_ == "conj" for g in child.children)
        ):
            out.extend(conjuncts(child))
    return out


PERSON_PRONOUNS: frozenset[str] = frozenset(
    {"him", "her", "them", "he", "she", "they", "himself", "herself", "themselves", "us", "me"}
)


def person_like(tok: Token, quantities: frozenset[str]) -> bool:
    """Whether a phrase that names no actor reads as persons by its grammar: a personal
    pronoun ("arrested him"), a name ("detained Ahmed"), a counted plural ("three men") or a
    quantity noun of ``actor_words.tsv`` ("dozens of people", "hundreds"); "executed their
    business plans" does not."""
    if tok.lower_ in PERSON_PRONOUNS or tok.pos_ == "PROPN" or tok.lower_ in quantities:
        return True
    counted = any(c.dep_ == "nummod" or c.like_num for c in tok.children)
    return (counted and tok.tag_ in ("NNS", "NNPS")) or (tok.like_num and tok.pos_ == "NUM")


def _core_range(tok: Token) -> tuple[int, int]:
    """Token range of the core of the phrase headed by ``tok`` (modifiers left of the head,
    compounds on either side), without clauses, conjuncts and prepositional phrases."""
    start = tok.i
    for child in tok.lefts:
        if child.dep_ in CUT_DEPS:
            continue
        start = min(start, child.left_edge.i)
    end = tok.i + 1
    for child in tok.rights:
        if child.dep_ in ("compound", "flat", "nummod"):
            end = max(end, child.right_edge.i + 1)
        else:
            break
    return start, end


def actor_code(actor: ActorCluster) -> str | None:
    """The actor's code, or one built from its country and sector, ``None`` when neither."""
    if actor.code:
        return actor.code
    if actor.country:
        return actor.country + (actor.sector or "")
    return None


class PartyFinder:
    """Maps argument tokens to ``Party`` lists for one doc (quotes' speakers help with "we").

    How far a phrase is followed through appositions, "of" phrases and pronouns before giving
    up is ``config.max_party_depth``; the bound also ends cyclic pronoun chains."""

    def __init__(self, doc: Doc, lexicon: EventLexicon, config: EventConfig) -> None:
        self.doc = doc
        self.lexicon = lexicon
        self.config = config
        self._quote_ranges: list[tuple[int, int, ActorCluster]] = []
        for quote in doc._.quotes or ():
            if quote.actor is None:
                continue
            for frag in quote.fragments:
                self._quote_ranges.append((frag.start, frag.end, quote.actor))

    def parties(
        self, tok: Token, depth: int = 0, fallback: bool = True, beneficiaries: bool = True
    ) -> list[Party]:
        """Every party named by the phrase headed by ``tok`` and its conjuncts; ``[]`` if none.
        ``fallback=False`` keeps to the phrase's core: no apposition, "of" phrase or pronoun
        ("an attack in Baghdad" names no attacker); ``beneficiaries=False`` leaves out for whom
        a thing is ("aid for X": ``BENEFICIARY_PREP``), at any depth."""
        found: list[Party] = []
        limit = self.config.max_party_depth
        if depth > limit:
            return found
        for head in conjuncts(tok):
            for party in self._one(head, depth if fallback else limit + 1, beneficiaries):
                if not any(p.same(party) for p in found):
                    found.append(party)
        return found

    def generic(self, tok: Token) -> list[Party]:
        """The parties of a phrase (``parties``), else, for a phrase that names no actor, the
        sector of its agent head noun with no country ("three men": ``CVL``, "gunmen": ``UAF``,
        "police officers": ``COP``; ``event_agents.tsv``), as for a phrase whose actors have no
        code; ``[]`` when neither."""
        named = self.parties(tok)
        if any(p.code for p in named):
            return named
        # an actor with no code ("officers", found by the actors component with no country or
        # sector) is named by its agent head noun as well as a phrase that names no actor; the
        # words of a name ("the National Crime Unit") are no agent nouns
        found: list[Party] = []
        for head in conjuncts(tok):
            if named and head.pos_ == "PROPN":
                continue
            sector = self.agent_sector(head)
            if sector is None and not named:
                sector = next(
                    (
                        self.lexicon.agents[c.lemma_.lower()]
                        for c in head.lefts
                        if c.dep_ == "compound" and c.lemma_.lower() in self.lexicon.agents
                    ),
                    None,
                )
            if sector is not None and not any(p.code == sector for p in found):
                found.append(Party(None, sector, head.i))
        return found or named

    def opposed(self, noun: Token) -> list[Party]:
        """The coded actors a noun's "anti-" modifiers name ("anti-French demonstrations":
        France), whom a protest is against."""
        doc = noun.doc
        return [
            Party(a, actor_code(a), c.i)
            for c in noun.lefts
            if against(c)
            for a in actors_at(doc, c.i, c.i + 1)
            if actor_code(a)
        ]

    def agent_sector(self, head: Token) -> str | None:
        """The sector of an agent head noun (``event_agents.tsv``); for a noun of an office or
        rank that of the body its compound modifier names ("army officers": MIL, "police
        chief": COP; ``EventLexicon.office_nouns``). ``None`` when the head is no agent noun."""
        lemma = head.lemma_.lower()
        agents = self.lexicon.agents
        if lemma in self.lexicon.office_nouns:
            for child in head.lefts:
                if child.dep_ == "compound" and child.lemma_.lower() in agents:
                    return agents[child.lemma_.lower()]
        return agents.get(lemma)

    def _one(self, head: Token, depth: int, beneficiaries: bool = True) -> list[Party]:
        start, end = _core_range(head)
        actors = actors_at(self.doc, start, end)
        at_head = actors_at(self.doc, head.i, head.i + 1)
        marked = [i for i in range(start, end) if against(self.doc[i])]
        opposed = {a for i in marked for a in actors_at(self.doc, i, i + 1)}
        if opposed:
            opposed -= {
                a
                for i in range(start, end)
                if i not in marked and self.doc[i].is_alpha and self.doc[i].lower_ != "anti"
                for a in actors_at(self.doc, i, i + 1)
            }
        if opposed:
            # "anti-French demonstrators" are not France's: whom they are against is no party
            actors = [a for a in actors if a not in opposed]
            at_head = [a for a in at_head if a not in opposed]
        if len(actors) > 1:
            covering = [a for a in actors if a in at_head]
            if any(actor_code(a) for a in covering):
                actors = covering
            elif covering:
                # "Russian President Boris Yeltsin" when the name has no code: the country does
                actors = [a for a in actors if a not in covering]
            else:
                actors = self._nearest(self.doc, head, actors)
        if not actors and depth > self.config.max_party_depth:
            return []
        if not actors and head.lower_ in PRONOUNS:
            return self._pronoun(head, depth)
        if not actors:
            # "opponents of Rwanda's Senate", "the mayor of Nablus", "demonstrators in Baghdad",
            # "the US commander in Iraq, General David Petraeus"
            if depth < self.config.max_fallback_depth:
                found: list[Party] = []
                for child in head.children:
                    if child.dep_ == "appos":
                        found = found or self.parties(child, depth + 1, beneficiaries=beneficiaries)
                        if any(p.code for p in found):
                            return found
                sector = self.agent_sector(head)
                for child in head.children:
                    if child.dep_ == "prep" and child.lower_ in OF_PREPS:
                        if (
                            not beneficiaries
                            and sector is None
                            and child.lower_ == BENEFICIARY_PREP
                        ):
                            continue  # "appealed for aid for X": X is helped, not asked
                        for pobj in child.children:
                            if pobj.dep_ == "pobj":
                                inner = self.parties(pobj, depth + 1, beneficiaries=beneficiaries)
                                if sector is None and location_phrase(child):
                                    # "a meeting in London": where, not who ("demonstrators
                                    # in Baghdad" are Baghdad's people)
                                    inner = [p for p in inner if not names_place(p.actor)]
                                if any(p.code for p in inner):
                                    return [self._with_sector(p, sector, head.i) for p in inner]
                return found
            return []
        sector = self._sector(head, start)
        if sector is None:
            # "the Lisbon summit", "a Brussels meeting": a place before a noun that names no
            # agent is where the thing is, not whose it is ("Lisbon residents" are a party)
            actors = [a for a in actors if a in at_head or not names_place(a)]
            if not actors:
                return []
        out: list[Party] = []
        for actor in actors:
            covers_head = actor in at_head
            party = Party(actor, actor_code(actor), head.i)
            out.append(party if covers_head else self._with_sector(party, sector, head.i))
        return out

    @staticmethod
    def _nearest(doc: Doc, head: Token, actors: list[ActorCluster]) -> list[ActorCluster]:
        """Of several actors in a phrase none of which names its head, those named by the
        head's own modifiers (and their conjuncts): "the pro-Iranian Hizbollah group" is
        Hizbollah's group, "Russian and Chinese leaders" both countries'."""
        near: set[int] = set()
        for child in head.lefts:
            if child.dep_ not in CUT_DEPS:
                near.update(tok.i for tok in conjuncts(child))
        named = [a for i in near for a in actors_at(doc, i, i + 1)]
        direct = [a for a in actors if a in named]
        return [a for a in direct if actor_code(a)] or actors

    def _sector(self, head: Token, start: int) -> str | None:
        """The sector named by the phrase's head noun ("government"), or for a name by its
        title ("President Boris Yeltsin"), ``None`` when neither is an agent noun."""
        sector = self.agent_sector(head)
        if sector is None and head.pos_ == "PROPN":
            for tok in head.doc[start : head.i]:
                sector = self.lexicon.agents.get(tok.lemma_.lower())
                if sector is not None:
                    break
        return sector

    def _with_sector(self, party: Party, sector: str | None, token: int) -> Party:
        """Add the head noun's sector to a bare country code ("Russian" + "government"), not
        to a sector alone ("police and welfare officers": ``COP``, not ``COPCOP``)."""
        code = party.code
        if code and sector and len(code) == 3 and code not in self.lexicon.agents.values():
            code = code + sector
        return Party(party.actor, code, token)

    def _pronoun(self, tok: Token, depth: int) -> list[Party]:
        """Resolve a pronoun the actors component left alone: a first-person pronoun inside a
        quote is the quote's speaker; otherwise the nearest enclosing clause's subject, else
        the relative clause's head noun ("Hagel and Shoygu, who met")."""
        if tok.lower_ in FIRST_PERSON:
            for start, end, actor in self._quote_ranges:
                if start <= tok.i < end:
                    return [Party(actor, actor_code(actor), tok.i)]
        verb = tok.head
        if tok.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
            return self.parties(verb.head, depth + 1)
        seen = 0
        while verb.head is not verb and seen < self.config.max_pronoun_climb:
            seen += 1
            verb = verb.head
            for child in verb.children:
                if child.dep_ in SUBJECT_DEPS and child.i != tok.i and child.lower_ not in PRONOUNS:
                    return self.parties(child, depth + 1)
        if tok.lower_ in THIRD_PERSON and tok.dep_ in SUBJECT_DEPS:
            return self._previous_subject(tok)
        return []

    def _previous_subject(self, tok: Token) -> list[Party]:
        """ "Lavrov spoke on Friday. He criticized ...": the subject of the sentence before, if
        its actor can be the pronoun ("he"/"she" a person, "it" not a person)."""
        sent = tok.sent
        if sent.start == 0:
            return []
        previous = self.doc[sent.start - 1].sent
        root = previous.root
        subj = first_subject(root)
        if subj is None or subj.lower_ in PRONOUNS:
            return []
        wanted = THIRD_PERSON[tok.lower_]
        return [
            p
            for p in self.parties(subj, self.config.max_party_depth)
            if p.actor is None
            or wanted == "any"
            or (p.actor.kind == "person") == (wanted == "person")
        ]
