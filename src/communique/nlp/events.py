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
it is held, and with no one named its protesters' own government; a country's own army or police
("Britain mobilized army reservists", "withdraw its troops") is its instrument, not a target;
killing by a military is conventional force (19). A subject that is an event or a document acts
for its author ("a report by X alleged"), or for nobody known ("a roadside bombing killed");
a misfortune ("killed in the earthquake") is nobody's act. A clause that restates the event it
hangs on (", killing eight", "a strike to protest X") or is the content of a noun ("an admission
that X murdered Y") is no event of its own. A meeting's place is not its target.

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
MATERIAL_CONFLICT: frozenset[str] = frozenset({"17", "18", "19", "20"})
PLACE_PREPS: tuple[str, ...] = ("into", "in", "to", "near", "at")
UNDONE_ROOTS: frozenset[str] = frozenset({"03", "13"})
"""Intents and threats: acts not done yet, nor is their purpose."""
PROTEST_AIMS: frozenset[str] = frozenset({"11", "14"})
"""Roots of a protest's purpose clause that restate the protest ("to protest", "to denounce")."""
VISIT_CODES: frozenset[str] = frozenset({"042", "043"})
"""Consultations whose place is their target ("visited troops in Iraq": Iraq is the host)."""
MILITARY_FORCE: Mapping[str, str] = MappingProxyType({"1823": "190", "180": "190"})
"""Killing or wounding by a military is conventional force (19), not assault (18), per CAMEO."""
OWN_FORCE_SECTORS: frozenset[str] = frozenset({"MIL", "COP", "SPY"})
OWN: frozenset[str] = frozenset({"its", "their", "his", "her", "our", "my"})
"""Possessives that make an object the subject's own ("withdraw its troops")."""
FINITE_TAGS: frozenset[str] = frozenset({"VBD", "VBZ", "VBP"})
NOMINAL_POS: frozenset[str] = frozenset({"NOUN", "PROPN"})
MAX_CLIMB = 6
RECIPROCAL_ADVERBS: frozenset[str] = frozenset({"together", "jointly", "mutually", "bilaterally"})


def pobj_of(prep: Token) -> Token | None:
    """The object of a preposition; when the parser left it without one ("granted asylum to
    five officers holed up in ...", where "officers" became the subject of "holed"), the head
    of the noun phrase that starts right after it."""
    pobj = next((g for g in prep.children if g.dep_ == "pobj"), None)
    if pobj is not None or prep.i + 1 >= len(prep.doc):
        return pobj
    if any(g.dep_ in ("pcomp", "prep") for g in prep.children):
        return None  # "out of the country", "instead of talking": not a dangling preposition
    start = prep.i + 1
    if start >= prep.sent.end:
        return None
    best: Token | None = None
    tok = prep.doc[start]
    for _ in range(MAX_CLIMB):
        if tok.left_edge.i != start:
            break  # the phrase began before the preposition: we left the dangling phrase
        if tok.pos_ in NOMINAL_POS:
            best = tok
        if tok.head is tok:
            break
        tok = tok.head
    return best


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
        coded: dict[int, str] = {}
        for tok in sent:
            if tok.i in governed or tok.i in consumed:
                continue
            if tok.pos_ not in VERB_POS and not (tok.pos_ == "ADJ" and self.reader.governed(tok)):
                continue
            if self._noun_content(tok):
                continue
            reading = self.reader.reading(tok, consumed)
            if reading is None or self._result_of(tok, reading, coded):
                continue
            found = self._events(sent, tok, reading, finder, date)
            if found:
                coded[tok.i] = reading.code
                consumed.update(
                    c.i for c in reading.verb.children if c.dep_ in ("dobj", "nsubjpass", "attr")
                )
            out.extend(found)
        for tok in sent:
            if tok.pos_ in ("NOUN", "PROPN") and tok.i not in consumed:
                out.extend(self._nominal(sent, tok, finder, date))
        return out

    @staticmethod
    def _noun_content(verb: Token) -> bool:
        """Whether a clause is the content of a noun ("an admission that X murdered Y", "claims
        that X attacked Y", "fears that X will invade"): said or feared, not reported as done."""
        return (
            verb.dep_ in ("acl", "ccomp")
            and verb.head.pos_ in ("NOUN", "PROPN")
            and any(m.dep_ == "mark" and m.lower_ in ("that", "whether") for m in verb.children)
        )

    @staticmethod
    def _result_of(tok: Token, reading: Reading, coded: Mapping[int, str]) -> bool:
        """Whether a clause only restates the event it hangs on: the toll of an attack
        ("shelled the city, killing eight people"), the aim of a protest ("began a hunger
        strike to protest against X"), the purpose of an intended act ("will meet to discuss");
        one event, per CAMEO."""
        head_code = coded.get(tok.head.i)
        if head_code is None:
            return False
        if tok.dep_ == "advcl" and tok.tag_ == "VBG":
            return head_code[:2] in MATERIAL_CONFLICT and reading.code[:2] in MATERIAL_CONFLICT
        purpose = tok.dep_ in ("advcl", "xcomp") and any(
            a.dep_ == "aux" and a.lower_ == "to" for a in tok.children
        )
        if purpose and head_code[:2] in UNDONE_ROOTS:
            return True  # "will meet to discuss X": the discussion is no more done than the meeting
        return purpose and head_code[:2] == "14" and reading.code[:2] in PROTEST_AIMS

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
        if subj is None:
            subj = self._lost_subject(head)
        elif subj.pos_ == "ADP" and subj.text[:1].isupper():
            subj = pobj_of(subj) or subj  # "Barack Obama and Vladimir Putin": "Barack" as IN
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
        unknown_source = False
        if passive:
            if self._by_mishap(content) or self._by_mishap(head):
                return []  # "23,000 people have been killed following an earthquake"
            agent = self._agent(content) or self._agent(head)
            if agent is not None:
                sources = finder.parties(agent)
                if not sources and not any(
                    k in self.lexicon.nouns for k in self.reader.noun_keys(agent)
                ):
                    # "the wine industry has been hit by declining consumption": the cause is
                    # named and it is neither an actor nor an attack or weapon
                    return []
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
                sources, unknown_source = self._subject_parties(subj, finder)
            if "notarget" in reading.flags:
                # whom a protest is against, never where it takes place
                targets = self._purpose_targets(content, finder, sources) or self._targets(
                    reading, finder, sources, where=False
                )
            else:
                targets = self._targets(reading, finder, sources, where=self._place_target(reading))
            if not targets and reading.code[:2] == "13":
                targets = self._condition_targets(tok, content, finder)
        if "inverse" in reading.flags:
            giver = self._from_phrase(content, finder)
            if giver:
                sources, targets = giver, sources
        return self._dyads(sent, reading, sources, targets, date, passive or unknown_source)

    def _subject_parties(self, subj: Token, finder: PartyFinder) -> tuple[list[Party], bool]:
        """The parties of an active subject, and whether the source is unknown. A subject that
        is an event or a document acts for its author only: "a report by X alleged", "X's
        attack killed"; "a roadside bombing killed ..." has an unknown source, and "a bombing
        in Baghdad" names a place, not the bomber."""
        if subj.lemma_.lower() in self.lexicon.mishaps:
            return [], False  # "the energy crisis forced the president to ..."
        keys = self.reader.noun_keys(subj)
        event = subj.pos_ == "NOUN" and any(k in self.lexicon.nouns for k in keys)
        if not event and subj.lemma_.lower() not in self.lexicon.documents:
            return finder.parties(subj), False
        authors = finder.parties(subj, fallback=False) or self._prep_parties(
            subj, ("by", "from"), finder
        )
        return authors, event and not authors

    def _by_mishap(self, verb: Token) -> bool:
        """Whether a passive clause's cause is a misfortune, nobody's act ("were killed in the
        earthquake", "was destroyed by fire", "died following the storm")."""
        for child in verb.children:
            if child.dep_ in ("prep", "agent"):
                pobj = pobj_of(child)
                if pobj is None:
                    pobj = next((g for g in child.children if g.dep_ == "pcomp"), None)
                    pobj = (
                        next((g for g in pobj.children if g.dep_ == "dobj"), None) if pobj else None
                    )
                if pobj is not None and pobj.lemma_.lower() in self.lexicon.mishaps:
                    return True
        return False

    @staticmethod
    def _lost_subject(verb: Token) -> Token | None:
        """The subject the parser lost on a finite verb: a name before it misread as a
        preposition ("Barack Obama and Vladimir Putin met": "Barack" tagged IN, the names its
        objects) or left as a loose dependent. ``None`` when there is none."""
        if verb.tag_ not in FINITE_TAGS:
            return None
        for child in verb.lefts:
            if child.dep_ == "prep" and child.text[:1].isupper() and child.i == child.sent.start:
                return pobj_of(child)
            if child.dep_ in ("dep", "npadvmod") and child.pos_ == "PROPN":
                return child
        return None

    @staticmethod
    def _place_target(reading: Reading) -> bool:
        """Whether "in X" may name the target: not for a meeting or talks, which happen in a
        place ("ministers are meeting in Brussels"), nor for what two sides do together ("signed
        the deal in Buenos Aires"), but for a visit, which is to one."""
        if reading.flags & {"recip", "mutual"}:
            return False
        return reading.code[:2] != "04" or reading.code in VISIT_CODES

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
                return pobj_of(child)
        return None

    def _from_phrase(self, verb: Token, finder: PartyFinder) -> list[Party]:
        """ "received assurances from Y", "faces pressure from Y": Y (also under the object)."""
        for holder in (verb, *[c for c in verb.children if c.dep_ == "dobj"]):
            for child in holder.children:
                if child.dep_ in ("prep", "agent") and child.lower_ in ("from", "by"):
                    pobj = pobj_of(child)
                    if pobj is not None:
                        parties = finder.parties(pobj)
                        if parties:
                            return parties
        for obj in verb.children:  # "received IMF support", "received China's aid"
            if obj.dep_ == "dobj":
                parties = finder.parties(obj, fallback=False)
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
        if "from" in reading.flags:  # "withdrew from X to Y": whom it withdraws from
            verb_preps = ("from", *(p for p in verb_preps if p != "from"))

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
                if not found and reading.code[:2] in MATERIAL_CONFLICT:
                    found = usable(self._clause_place(obj, finder))
                if found:
                    return found
            found = usable(self._prep_parties(holder, verb_preps, finder))
            if not found and not where:
                # "is in talks with X": "in" names the event, not a place
                event = self._prep_pobj(holder, "in")
                if event is not None and any(
                    k in self.lexicon.nouns for k in self.reader.noun_keys(event)
                ):
                    found = usable(finder.parties(event))
            for prt in holder.children:  # "kidnapped up to 16 advisers"
                if not found and prt.dep_ == "prt":
                    found = usable(self._prep_parties(prt, verb_preps, finder))
            if found:
                return found
        return []

    @staticmethod
    def _clause_place(noun: Token, finder: PartyFinder) -> list[Party]:
        """Whose property an attack hits, named in the object's own clause: "blew up power
        lines leading into Kabul", "shelled a bridge that links X to Y"."""
        for clause in noun.children:
            if clause.dep_ in ("acl", "relcl"):
                found = EventCoder._prep_parties(clause, PLACE_PREPS, finder)
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
                pobj = pobj_of(child)
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
        open_source: bool,
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
            pairs.extend((s, self._home_government(s, reading)) for s in sources)
        elif (
            targets
            and open_source
            and self.lexicon.quad(reading.code) == 4
            and reading.verb.dep_ != "relcl"
        ):
            # "three civilians were killed in a bombing", "a bombing killed three civilians": the
            # target is known, the source is not
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
    def _home_government(source: Party, reading: Reading) -> Party | None:
        """Whom a protest with no named target is against: by the CAMEO coders' habit, the
        protesters' own government ("Nepal's opposition parties organized a general strike"
        is NPLOPP -> NPLGOV). ``None`` for other events, for a government's own protest, and
        when the protesters' country is unknown."""
        country = source.actor.country if source.actor is not None else None
        if reading.code[:2] != "14" or not country or (source.code or "")[3:6] == "GOV":
            return None
        return Party(None, country + "GOV", source.token)

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
        preps = NOUN_TARGET_PREPS
        if not self._place_target(reading):
            preps = tuple(p for p in preps if p != "in")  # "an IMF meeting in Washington"
        targets = self._prep_parties(noun, preps, finder)
        if not targets and len(left) > 1 and "recip" in pattern.flags:
            return self._dyads(sent, reading, left, [], date, False)
        if not targets:
            return []
        return self._dyads(sent, reading, left, targets, date, False)

    @staticmethod
    def _prep_pobj(tok: Token, prep: str) -> Token | None:
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ == prep:
                return pobj_of(child)
        return None


__all__ = ["EventCoder", "Reading"]
