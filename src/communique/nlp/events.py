"""The event coder: who did what to whom, in CAMEO codes, read clause by clause.

For each sentence we walk its verbs once. ``event_clauses.ClauseReader`` says what a clause
codes (lexicon lookup, modality, negation); here we find its parties. The subject gives the
source and the object (or the object's own prepositional phrase, "a summit with X", or the
verb's, "took a dig at X") the target; passive clauses swap them ("was criticized by X").
Compound actors give one event per dyad; reciprocal verbs code both ways ("negotiated with X")
and compound subjects of mutual verbs every ordered pair ("A and B met"). Nouns that name events
("the summit between A and B", "Russia's attack on Georgia") are coded when no verb claimed them.

Conventions, each one a CAMEO coder's habit: a conditional threat is aimed at whoever must meet
the condition ("... if the United States deploys"); a protest at whom it is against, not where
it is held; a country's own army or police ("Britain mobilized army reservists", "withdraw its
troops") is its instrument, not a target; killing by a military is conventional force (19).

Absent values: an event needs a source or a target code; ``source``/``target`` are ``None`` when
the party has a code but no actor cluster, ``source_code``/``target_code`` are ``None`` when
unknown (a passive without agent: "three civilians were killed"). An event's date is the resolved
date of a ``DateSpan`` in its sentence, else the publication date (``doc._.published``), else
``None``. The same (source code, target code, event code) reported twice in one article is kept
once: the first report wins.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from itertools import permutations
from types import MappingProxyType

from spacy.tokens import Doc, Span, Token

from .event_actors import Party, PartyFinder
from .event_clauses import VERB_POS, ClauseReader, Reading
from .event_lexicon import EventLexicon
from .extensions import EventSpan

TARGET_PREPS: tuple[str, ...] = (
    "with",
    "to",
    "against",
    "on",
    "at",
    "toward",
    "towards",
    "into",
    "from",
    "for",
    "over",
    "of",
    "in",
)
"""Prepositions whose object may be an event's target, in order of preference."""
NOUN_TARGET_PREPS: tuple[str, ...] = (
    "with",
    "on",
    "against",
    "to",
    "for",
    "between",
    "in",
    "of",
    "by",
    "from",
)
MILITARY_FORCE: Mapping[str, str] = MappingProxyType({"1823": "190", "180": "190"})
"""Killing or wounding by a military is conventional force (19), not assault (18), per CAMEO."""
OWN_FORCE_SECTORS: frozenset[str] = frozenset({"MIL", "COP", "SPY"})
OWN: frozenset[str] = frozenset({"its", "their", "his", "her", "our", "my"})
"""Possessives that make an object the subject's own ("withdraw its troops")."""
RECIPROCAL_ADVERBS: frozenset[str] = frozenset({"together", "jointly", "mutually", "bilaterally"})


class EventCoder:
    """spaCy component: sets ``doc._.events`` (``list[EventSpan]``, empty when none found).

    ``knowledge_dir`` is a folder whose knowledge files override the bundled ones ("" for none).
    """

    def __init__(self, knowledge_dir: str = "", lexicon: EventLexicon | None = None) -> None:
        self.knowledge_dir = knowledge_dir
        self.lexicon = lexicon if lexicon is not None else EventLexicon.load(knowledge_dir)
        self.reader = ClauseReader(self.lexicon)

    def __call__(self, doc: Doc) -> Doc:
        finder = PartyFinder(doc, self.lexicon)
        events: list[EventSpan] = []
        seen: set[tuple[str | None, str | None, str]] = set()
        for sent in doc.sents:
            date = self._date(doc, sent)
            for event in self._sentence(sent, finder, date):
                key = (event.source_code, event.target_code, event.code)
                if key not in seen:
                    seen.add(key)
                    events.append(event)
        doc._.events = events
        return doc

    # -- dates -------------------------------------------------------------------------------
    @staticmethod
    def _date(doc: Doc, sent: Span) -> dt.date | None:
        for d in doc._.dates or ():
            value: dt.date | None = d.value
            if value is not None and sent.start <= d.span.start < sent.end:
                return value
        published = doc._.published
        return published if isinstance(published, dt.date) else None

    # -- clauses -----------------------------------------------------------------------------
    def _sentence(self, sent: Span, finder: PartyFinder, date: dt.date | None) -> list[EventSpan]:
        governed = {c.i for t in sent for c in self.reader.governed(t)}
        consumed: set[int] = set()
        out: list[EventSpan] = []
        for tok in sent:
            if tok.i in governed or tok.i in consumed:
                continue
            if tok.pos_ not in VERB_POS and not (tok.pos_ == "ADJ" and self.reader.governed(tok)):
                continue
            reading = self.reader.reading(tok, consumed)
            if reading is None:
                continue
            found = self._events(sent, tok, reading, finder, date)
            if found:
                consumed.update(
                    c.i for c in reading.verb.children if c.dep_ in ("dobj", "nsubjpass", "attr")
                )
            out.extend(found)
        for tok in sent:
            if tok.pos_ in ("NOUN", "PROPN") and tok.i not in consumed:
                out.extend(self._nominal(sent, tok, finder, date))
        return out

    # -- actors --------------------------------------------------------------------------------
    def _clause_head(self, verb: Token) -> Token:
        """The verb whose subject is the clause's subject (up through xcomp, acomp, conj)."""
        head = verb
        for _ in range(6):
            if any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children):
                return head
            if head.dep_ in ("xcomp", "acomp", "conj", "advcl") and head.head is not head:
                head = head.head
            elif head.dep_ == "acl" and head.tag_ == "VBG" and head.head.dep_ in ("dobj", "pobj"):
                # "issued a declaration demanding that ...": the issuer demands
                head = head.head.head
            else:
                return head
        return head

    def _events(
        self, sent: Span, tok: Token, reading: Reading, finder: PartyFinder, date: dt.date | None
    ) -> list[EventSpan]:
        head = self._clause_head(tok)
        subj = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        passive = subj is not None and subj.dep_ == "nsubjpass"
        if (
            passive
            and head is not tok
            and not any(c.dep_ == "auxpass" for c in tok.children)
            and tok.tag_ != "VBN"
        ):
            passive = False  # "X was indicted ... and will resign": the second verb is active
        if passive and (
            self.lexicon.modals.get(head.lemma_.lower()) == "intent" or "active" in reading.flags
        ):
            passive = False  # "Vietnam is committed to", "Serb forces were engaged in"
        content = reading.verb
        sources: list[Party] = []
        targets: list[Party] = []
        if passive:
            agent = self._agent(content) or self._agent(head)
            if agent is not None:
                sources = finder.parties(agent)
            if subj is not None:
                # "X was criticized by Y"; but in "sanctions were imposed on X" the subject is
                # the thing and the target is in a prepositional phrase
                targets = finder.parties(subj)
                if not targets and sources:
                    # "sanctions were imposed on X by Y": the subject is the thing; without an
                    # agent a place ("was shot in Morocco") is no target
                    targets = self._targets(reading, finder, sources, skip_object=True)
            if not sources and reading.code[:2] == "17" and tok.dep_ != "relcl":
                # "was arrested in Lebanon": the authorities of the place
                sources = self._prep_parties(content, ("in",), finder)
        else:
            if subj is not None:
                sources = finder.parties(subj)
            if "notarget" in reading.flags:
                # whom a protest is against, never where it takes place
                targets = self._purpose_targets(content, finder, sources) or self._targets(
                    reading, finder, sources, where=False
                )
            else:
                targets = self._targets(reading, finder, sources)
            if not targets and reading.code[:2] == "13":
                targets = self._condition_targets(tok, content, finder)
        if "inverse" in reading.flags:
            giver = self._from_phrase(content, finder)
            if giver:
                sources, targets = giver, sources
        return self._dyads(sent, reading, sources, targets, date, passive)

    @staticmethod
    def _condition_targets(governor: Token, content: Token, finder: PartyFinder) -> list[Party]:
        """Whom a conditional threat is aimed at: "threatened to stop talks if the United
        States goes ahead", "will boycott the elections unless the president steps down"."""
        for verb in (content, governor):
            for child in verb.children:
                if child.dep_ == "advcl" and any(
                    m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in child.children
                ):
                    subj = next(
                        (c for c in child.children if c.dep_ in ("nsubj", "nsubjpass")), None
                    )
                    if subj is not None:
                        found = finder.parties(subj)
                        if found:
                            return found
        return []

    def _purpose_targets(
        self, verb: Token, finder: PartyFinder, sources: list[Party]
    ) -> list[Party]:
        """Whom a protest is against: "blocked a road to show disapproval of X", "staged a
        hunger strike to protest X", "rallied in protest against X"."""
        for child in verb.children:
            if child.dep_ in ("advcl", "xcomp") and any(
                a.dep_ == "aux" and a.lower_ == "to" for a in child.children
            ):
                found = self._targets(Reading("", frozenset(), child), finder, sources)
                if found:
                    return found
            if child.dep_ == "prep" and child.lower_ in ("in", "against"):
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and pobj.lemma_.lower() in (
                        "protest",
                        "defiance",
                        "opposition",
                    ):
                        found = self._prep_parties(pobj, NOUN_TARGET_PREPS, finder)
                        if found:
                            return found
        return []

    @staticmethod
    def _agent(verb: Token) -> Token | None:
        for child in verb.children:
            if child.dep_ == "agent":
                return next((g for g in child.children if g.dep_ == "pobj"), None)
        return None

    def _from_phrase(self, verb: Token, finder: PartyFinder) -> list[Party]:
        """ "received assurances from Y", "faces pressure from Y": Y (also under the object)."""
        for holder in (verb, *[c for c in verb.children if c.dep_ == "dobj"]):
            for child in holder.children:
                if child.dep_ in ("prep", "agent") and child.lower_ in ("from", "by"):
                    for pobj in child.children:
                        if pobj.dep_ == "pobj":
                            parties = finder.parties(pobj)
                            if parties:
                                return parties
        return []

    def _targets(
        self,
        reading: Reading,
        finder: PartyFinder,
        sources: list[Party],
        skip_object: bool = False,
        where: bool = True,
    ) -> list[Party]:
        """The target: the object ("criticized X"), else the object's own prepositional phrase
        ("a summit with X"), else the verb's ("took a dig at X"); ``where=False`` leaves out
        "in X" (the place of a protest is not its target). ``[]`` when none names an actor.
        An object that is the source's own ("its troops") is an instrument, not a target."""
        verb = reading.verb
        verb_preps = TARGET_PREPS if where else tuple(p for p in TARGET_PREPS if p != "in")

        def usable(found: list[Party]) -> list[Party]:
            return [
                t
                for t in found
                if t.code and not any(t.same(s) or self._own_force(s, t) for s in sources)
            ]

        if reading.target_clause is not None:
            s = next(
                (c for c in reading.target_clause.children if c.dep_ in ("nsubj", "nsubjpass")),
                None,
            )
            if s is not None:
                found = usable(finder.parties(s))
                if found:
                    return found
        holders = [verb]
        if reading.control is not None and reading.control is not verb:
            holders.insert(0, reading.control)
        for holder in holders:
            objects = [
                c
                for c in holder.children
                if c.dep_ in ("dobj", "dative", "iobj") and not skip_object
            ]
            for obj in objects:
                if any(c.dep_ == "poss" and c.lower_ in OWN for c in obj.children):
                    continue  # "withdraw its troops": the subject's own
                found = usable(finder.parties(obj))
                if found:
                    return found
            for obj in objects:
                found = usable(
                    self._prep_parties(obj, NOUN_TARGET_PREPS, finder)
                    or self._acl_agent(obj, finder)
                )
                if found:
                    return found
            found = usable(self._prep_parties(holder, verb_preps, finder))
            for prt in holder.children:  # "kidnapped up to 16 advisers"
                if not found and prt.dep_ == "prt":
                    found = usable(self._prep_parties(prt, verb_preps, finder))
            if found:
                return found
        return []

    @staticmethod
    def _acl_agent(noun: Token, finder: PartyFinder) -> list[Party]:
        """ "prevented the demonstration staged by students": the students."""
        for acl in noun.children:
            if acl.dep_ == "acl":
                for agent in acl.children:
                    if agent.dep_ == "agent":
                        pobj = next((g for g in agent.children if g.dep_ == "pobj"), None)
                        if pobj is not None:
                            return finder.parties(pobj)
        return []

    @staticmethod
    def _prep_parties(tok: Token, preps: tuple[str, ...], finder: PartyFinder) -> list[Party]:
        by_prep: dict[str, Token] = {}
        for child in tok.children:
            if (
                child.dep_ in ("prep", "dative")
                and child.lower_ in preps
                and child.lower_ not in by_prep
            ):
                pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
                if pobj is not None:
                    by_prep[child.lower_] = pobj
        for prep in preps:
            if prep in by_prep:
                found = finder.parties(by_prep[prep])
                if found:
                    return found
        return []

    def _dyads(
        self,
        sent: Span,
        reading: Reading,
        sources: list[Party],
        targets: list[Party],
        date: dt.date | None,
        passive: bool,
    ) -> list[EventSpan]:
        pairs: list[tuple[Party | None, Party | None]] = []
        sources = [s for s in sources if s.code]
        targets = [
            t
            for t in targets
            if t.code and not any(t.same(s) or self._own_force(s, t) for s in sources)
        ]
        recip = "recip" in reading.flags or self._jointly(reading.verb)
        mutual = recip or "mutual" in reading.flags
        if sources and targets:
            for s in sources:
                for t in targets:
                    pairs.append((s, t))
                    if recip:
                        pairs.append((t, s))
        elif len(sources) > 1 and mutual:
            pairs.extend(permutations(sources, 2))
        elif sources and "notarget" in reading.flags:
            pairs.extend((s, None) for s in sources)
        elif (
            targets
            and passive
            and self.lexicon.quad(reading.code) == 4
            and reading.verb.dep_ != "relcl"
        ):
            # "three civilians were killed in a bombing": the target is known, the source is not
            pairs.extend((None, t) for t in targets)
        out = []
        for src, tgt in pairs:
            if (src is None or src.code is None) and (tgt is None or tgt.code is None):
                continue
            code = reading.code
            if src is not None and src.code and src.code[3:6] == "MIL":
                code = MILITARY_FORCE.get(code, code)
            out.append(
                EventSpan(
                    code=code,
                    evidence=sent,
                    source=src.actor if src else None,
                    target=tgt.actor if tgt else None,
                    source_code=src.code if src else None,
                    target_code=tgt.code if tgt else None,
                    date=date,
                )
            )
        return out

    @staticmethod
    def _own_force(source: Party, target: Party) -> bool:
        """A country's own army or police is its instrument, not a target ("Britain mobilized
        army reservists")."""
        s, t = source.code or "", target.code or ""
        return len(s) == 3 and t[:3] == s and t[3:6] in OWN_FORCE_SECTORS

    @staticmethod
    def _jointly(verb: Token) -> bool:
        """ "do operations together", "work jointly", "help each other": a reciprocal act."""
        for child in verb.children:
            if child.dep_ == "advmod" and child.lower_ in RECIPROCAL_ADVERBS:
                return True
            if child.dep_ in ("dobj", "pobj", "prep") and child.lower_ in ("other", "another"):
                return True
            if child.dep_ == "prep" and any(
                g.lower_ in ("other", "another") for g in child.children
            ):
                return True
        return False

    # -- nominal events --------------------------------------------------------------------------
    def _nominal(
        self, sent: Span, noun: Token, finder: PartyFinder, date: dt.date | None
    ) -> list[EventSpan]:
        """ "the summit between A and B", "Russia's attack on Georgia", "U.S.-Russian talks"."""
        pattern = next(
            (self.lexicon.nouns[k] for k in self.reader.noun_keys(noun) if k in self.lexicon.nouns),
            None,
        )
        if pattern is None or "light" in pattern.flags:
            return []
        reading = Reading(pattern.code, pattern.flags, noun)
        between = self._prep_pobj(noun, "between")
        if between is not None:
            sides = finder.parties(between)
            if len(sides) > 1:
                return self._dyads(
                    sent,
                    Reading(pattern.code, pattern.flags | {"recip"}, noun),
                    sides,
                    [],
                    date,
                    False,
                )
            return []
        left: list[Party] = []
        for child in noun.lefts:
            if child.dep_ in ("poss", "compound", "amod", "nmod"):
                for p in finder.parties(child):
                    if not any(p.same(q) for q in left):
                        left.append(p)
        if not left:
            return []
        targets = self._prep_parties(noun, NOUN_TARGET_PREPS, finder)
        if not targets and len(left) > 1 and "recip" in pattern.flags:
            return self._dyads(sent, reading, left, [], date, False)
        if not targets:
            return []
        return self._dyads(sent, reading, left, targets, date, False)

    @staticmethod
    def _prep_pobj(tok: Token, prep: str) -> Token | None:
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ == prep:
                return next((g for g in child.children if g.dep_ == "pobj"), None)
        return None


__all__ = ["EventCoder", "Reading"]
