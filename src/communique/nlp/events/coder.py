"""The event coder: who did what to whom, in CAMEO codes, read clause by clause.

For each sentence we walk its verbs once. ``clauses.ClauseReader`` says what a clause
codes (lexicon lookup, modality, negation), ``asserted.Assertion`` whether the sentence reports
it as done at all (not a question, a denial, a condition or its consequent, a forecast, the
content of a noun); here we find its parties and pair them into events.
The subject gives the source and the object (or the object's own prepositional phrase, "a summit
with X", or the verb's, "took a dig at X") the target, which ``targets.TargetFinder``
reads; passive clauses swap them ("was criticized by X").
Compound actors give one event per dyad; reciprocal verbs code both ways ("negotiated with X")
and compound subjects of mutual verbs every ordered pair ("A and B met"). Nouns that name events
("the summit between A and B", "Russia's attack on Georgia") are coded when no verb claimed them
(``nominal.NominalEvents``).

Conventions, each one a CAMEO coder's habit: a conditional threat is aimed at whoever must meet
the condition ("... if the United States deploys"); a protest at whom it is against, not where
it is held, and with no one named its protesters' own government; a country's own army or police
("Britain mobilized army reservists", "withdraw its troops") is its instrument, not a target;
killing by a military is conventional force (19). A subject that is an event or a document acts
for its author ("a report by X alleged"), or for nobody known ("a roadside bombing killed");
a misfortune ("killed in the earthquake") is nobody's act. A clause that restates the event it
hangs on (", killing eight", "a strike to protest X") or is the content of a noun ("an admission
that X murdered Y") is no event of its own. A meeting's place is not its target.

Parties not named in the clause (``docs/accuracy.md`` lists the conventions): an agentless act of
coercion in a named place is its authority's ("were arrested in Cairo": ``EGYCOP``); a victim or
perpetrator of coercion or violence named by no actor takes its agent noun's sector ("three
men": ``CVL``, "gunmen": ``UAF``) or, a person by grammar, is unknown; protesters named by
nobody are the people of their place; a nominal event takes its doer from a "by" phrase and the
victim of an act done to persons from its "of" phrase; an "anti-X" modifier names whom a protest
is against ("anti-French demonstrations"), never a party of its own. Precision: a phrase whose head is a
thing or an act ("China's attempts ... hit") wields no force; a sentence that gives a score
("30-20") reports a match, whose beatings and clashes are sport; in an article about sport a
country named alone is a team; acts between private parties of one country are commerce, not
politics; force used by protesters is a riot (145), force used on them repression (175), and
with no one named a riot against their government. The sides of "between" are its coordinated
phrases ("between producers and consumers - China, India and Japan": no event among the
consumers); what a negated verb says ("did not mean that X cut its ties") is not reported; a
"strike" is a protest only when its "by" phrase names no force.

Absent values: an event needs a source or a target code, or, for an act done to persons, a
person known by name with the other side unknown ("John Carter was arrested");
``source``/``target`` are ``None`` when the party has a code but no actor cluster,
``source_code``/``target_code`` are ``None`` when unknown (a passive without agent: "three
civilians were killed") or when the party is a person known by name only (its actor set). An event's date is a date of
its sentence that names a day, else the publication date (``doc._.published``), unless the
sentence names a longer period away from it ("in 1942"): then, as when nothing dates it,
``None``. The same (source code, target code, event code) reported twice in one article is kept
once: the first report wins.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import permutations

from spacy.attrs import LEMMA, LOWER, ORTH, POS
from spacy.tokens import Doc, Span, Token

from ...article.dates import names_a_day
from ...codes import ActorCode, EventCode
from ..extensions import ActorCluster, EventSpan, actors_at
from ..syntax import (
    RELATIVE_PRONOUNS,
    SUBJECT_DEPS,
    VERB_POS,
    first_subject,
    pobj_of,
    to_infinitive,
)
from .asserted import Assertion
from .clauses import QUESTION_MARKS, ClauseReader, Reading
from .config import EventConfig
from .lexicon import EventLexicon
from .nominal import NominalEvents
from .parties import PERSON_PRONOUNS, Party, PartyFinder, names_place, person_like
from .relevance import SCORE_DASHES, EventRelevance, gives_score
from .targets import (
    TargetFinder,
    agent_of,
    condition_targets,
    from_phrase,
    lost_subject,
    own_force,
    place_target,
    prep_parties,
)

PLACE_OF_EVENT: tuple[str, ...] = ("in", "across", "throughout", "through")
"""Prepositions of a clause that name the place where its event happens."""
REFUSED_PREPS: tuple[str, ...] = ("despite",)
"""Prepositions whose object names the demand a refusal (root 12) turns down, and so with its
author its target ("refused to resign despite calls from X")."""


def _side(code: str | None, actor: ActorCluster | None) -> str | None:
    """What tells one side of an event from another: its code, else the id of the named actor
    that has none."""
    return code if code is not None or actor is None else f"#{actor.id}"


@dataclass(frozen=True)
class _Tokens:
    """What the coder reads of every token, read once per doc (a spaCy ``Token`` is made anew
    at each reading): each token's part of speech, and which tokens may govern a clause
    (``ClauseReader.governed``): a verb, or a word whose lemma is a modal word
    (``event_modals.tsv``), the only other tokens with a modal kind."""

    pos: list[str]
    may_govern: frozenset[int]
    dashes: tuple[int, ...]
    """Tokens that could join the numbers of a score (``relevance.SCORE_DASHES``)."""
    questions: tuple[int, ...]
    """Tokens that could open an embedded question (``QUESTION_MARKS``)."""
    may_name_event: frozenset[int]
    """Tokens whose lookup keys may name an event noun (``ClauseReader.may_key_noun``)."""

    @classmethod
    def of(cls, doc: Doc, lexicon: EventLexicon, reader: ClauseReader) -> _Tokens:
        if not len(doc):
            return cls([], frozenset(), (), (), frozenset())
        strings = doc.vocab.strings
        rows = doc.to_array([POS, LEMMA, ORTH, LOWER]).tolist()
        names = {p: strings[p] if p else "" for p in {p for p, _, _, _ in rows}}
        pos = [names[p] for p, _, _, _ in rows]
        lemmas = {lemma: strings[lemma].lower() for lemma in {r[1] for r in rows}}
        modal = {lemma for lemma, word in lemmas.items() if word in lexicon.modals}
        may_govern = frozenset(
            i for i, (_, lemma, _, _) in enumerate(rows) if pos[i] in VERB_POS or lemma in modal
        )
        orths = {o: strings[o] for o in {r[2] for r in rows}}
        dashes = tuple(i for i, (_, _, orth, _) in enumerate(rows) if orths[orth] in SCORE_DASHES)
        questions = tuple(
            i for i, (_, _, orth, _) in enumerate(rows) if orths[orth].lower() in QUESTION_MARKS
        )
        may_name_event = frozenset(
            i
            for i, (_, lemma, _, lower) in enumerate(rows)
            if reader.may_key_noun(lemmas[lemma], strings[lower])
        )
        return cls(pos, may_govern, dashes, questions, may_name_event)


class EventCoder(NominalEvents):
    """spaCy component: sets ``doc._.events`` (``list[EventSpan]``, empty when none found).

    ``knowledge_dir`` is a folder whose knowledge files override the bundled ones ("" for none);
    ``verb_dictionaries`` PETRARCH/TABARI verb dictionary paths added to the lexicon;
    ``lexicon`` a lexicon already loaded (``None``: load it from ``knowledge_dir`` and
    ``verb_dictionaries``); ``config`` the tuning numbers (``None``: the defaults).
    """

    def __init__(
        self,
        knowledge_dir: str = "",
        lexicon: EventLexicon | None = None,
        config: EventConfig | None = None,
        verb_dictionaries: Sequence[str] = (),
    ) -> None:
        self.knowledge_dir = knowledge_dir
        self.verb_dictionaries = list(verb_dictionaries)
        self.config = config if config is not None else EventConfig()
        self.lexicon = (
            lexicon
            if lexicon is not None
            else EventLexicon.load(knowledge_dir, verb_dictionaries=self.verb_dictionaries)
        )
        self.reader = ClauseReader(self.lexicon, self.config)
        self.asserted = Assertion(self.lexicon, self.reader, self.config)
        self.relevance = EventRelevance(self.lexicon)
        self.targets = TargetFinder(self.lexicon, self.reader)

    def __call__(self, doc: Doc) -> Doc:
        finder = PartyFinder(doc, self.lexicon, self.config)
        events: list[EventSpan] = []
        seen: set[tuple[str | None, str | None, str]] = set()
        topics = doc._.topics or []
        game = bool(topics) and topics[0] in self.lexicon.contest_topics
        tokens = _Tokens.of(doc, self.lexicon, self.reader)
        with self.reader.reading_doc():
            for sent in doc.sents:
                date = self._date(doc, sent)
                for event in self._sentence(sent, finder, date, tokens):
                    key = (
                        _side(event.source_code, event.source),
                        _side(event.target_code, event.target),
                        event.code,
                    )
                    if key not in seen and self.relevance.public(event, game):
                        seen.add(key)
                        events.append(event)
        doc._.events = events
        return doc

    # -- dates -------------------------------------------------------------------------------
    def _date(self, doc: Doc, sent: Span) -> dt.date | None:
        """The day the sentence's events happened: a date in the sentence that names a day
        ("on Monday", "Aug. 9"); else one that names a longer period near the publication
        date ("last week"); a period far from it ("in 1942", "last year"), or any period in an
        undated article, makes the event history with no day of its own (``None``: no timeline
        places it); a sentence that names no date takes the publication date."""
        published = doc._.published if isinstance(doc._.published, dt.date) else None
        coarse: dt.date | None = None
        for d in doc._.dates or ():
            value: dt.date | None = d.value
            if value is None or not sent.start <= d.span.start < sent.end:
                continue
            if names_a_day(d.span.text):
                return value
            coarse = coarse or value
        if coarse is None:
            return published
        if published is None or abs((coarse - published).days) > self.config.max_period_days:
            return None
        return coarse

    # -- clauses -----------------------------------------------------------------------------
    def _sentence(
        self, sent: Span, finder: PartyFinder, date: dt.date | None, tokens: _Tokens
    ) -> list[EventSpan]:
        doc, pos = sent.doc, tokens.pos
        governed = {
            c.i
            for i in range(sent.start, sent.end)
            if i in tokens.may_govern
            for c in self.reader.governed(doc[i])
        }
        # a sentence that gives a score ("30-20", "2-1") reports a match: its beatings, clashes
        # and rallies are sport
        scored = any(sent.start < i < sent.end - 1 for i in tokens.dashes) and gives_score(sent)
        questioned = self.asserted.questioned(sent, tokens.questions)
        consumed: set[int] = set()
        out: list[EventSpan] = []
        coded: dict[int, str] = {}
        for i in range(sent.start, sent.end):
            if i in governed or i in consumed or i in questioned:
                continue
            if pos[i] not in VERB_POS and not (
                pos[i] == "ADJ" and i in tokens.may_govern and self.reader.governed(doc[i])
            ):
                continue
            tok = doc[i]
            if self.asserted.undone(tok):
                continue
            reading = self.reader.reading(tok, consumed)
            if reading is None or self._result_of(tok, reading, coded):
                continue
            aimed = self.asserted.aim(tok)
            if (
                aimed is not None
                and aimed.i not in coded
                and self.reader.lookup(aimed) is None
                and EventCode.parse(reading.code).root not in self.lexicon.protest_aims
            ):
                # "raised $250,000 to advertise X and support Y": the aim of an act that is no
                # event word is an aim, not an act ("sent troops to support X" stays coded)
                continue
            found = self._events(sent, tok, reading, finder, date)
            found = self._named_elsewhere(found, out)
            if scored:
                found = [e for e in found if not self.relevance.contest(e.code)]
            if found:
                coded[tok.i] = reading.code
                consumed.update(
                    c.i for c in reading.verb.children if c.dep_ in ("dobj", "nsubjpass", "attr")
                )
            out.extend(found)
        for i in range(sent.start, sent.end):
            if (
                pos[i] in ("NOUN", "PROPN")
                and i in tokens.may_name_event
                and i not in consumed
                and i not in questioned
            ):
                found = self._named_elsewhere(self._nominal(sent, doc[i], finder, date), out)
                out.extend(e for e in found if not (scored and self.relevance.contest(e.code)))
        return out

    @staticmethod
    def _named_elsewhere(found: list[EventSpan], coded: list[EventSpan]) -> list[EventSpan]:
        """``found`` without its events of an unknown party that an event of the sentence
        already codes with that party named ("launched fire against X, killing or wounding
        50": one attack on X)."""
        out = []
        for event in found:
            root = EventCode.parse(event.code).root
            if any(
                EventCode.parse(e.code).root == root
                and (
                    (
                        event.target is None
                        and event.target_code is None
                        and e.source_code == event.source_code
                    )
                    or (
                        event.source is None
                        and event.source_code is None
                        and e.target_code == event.target_code
                    )
                )
                for e in coded
            ):
                continue
            out.append(event)
        return out

    def _result_of(self, tok: Token, reading: Reading, coded: Mapping[int, str]) -> bool:
        """Whether a clause only restates the event it hangs on: the toll of an attack
        ("shelled the city, killing eight people"), the aim of a protest ("began a hunger
        strike to protest against X"), the purpose of an intended act ("will meet to discuss");
        one event, per CAMEO."""
        head_code = coded.get(tok.head.i)
        if head_code is None:
            return False
        lex = self.lexicon
        head_root, root = EventCode.parse(head_code).root, EventCode.parse(reading.code).root
        if tok.dep_ == "advcl" and tok.tag_ == "VBG":
            return head_root in lex.material_conflict and root in lex.material_conflict
        purpose = tok.dep_ in ("advcl", "xcomp") and to_infinitive(tok)
        if purpose and head_root in lex.undone_roots:
            return True  # "will meet to discuss X": the discussion is no more done than the meeting
        return purpose and head_root == "14" and root in lex.protest_aims

    # -- actors --------------------------------------------------------------------------------
    def _clause_head(self, verb: Token) -> Token:
        """The verb whose subject is the clause's subject (up through xcomp, acomp, conj, at
        most ``config.max_clause_climb`` heads)."""
        head = verb
        for _ in range(self.config.max_clause_climb):
            if any(c.dep_ in SUBJECT_DEPS for c in head.children):
                return head
            if head.dep_ in ("xcomp", "acomp", "conj", "advcl") and head.head is not head:
                head = head.head
            elif (
                head.dep_ == "pcomp"
                and head.head.dep_ == "prep"
                and head.head.head.dep_ == "acomp"
                and head.head.head.lemma_.lower() in self.lexicon.modals
            ):
                # "are guilty of violating X": the gerund complement of an adjective that
                # governs an act (event_modals.tsv) shares the adjective's subject
                head = head.head.head
            elif head.dep_ == "acl" and head.tag_ == "VBG" and head.head.dep_ in ("dobj", "pobj"):
                # "issued a declaration demanding that ...": the issuer demands
                head = head.head.head
            else:
                return head
        return head

    def _events(
        self, sent: Span, tok: Token, reading: Reading, finder: PartyFinder, date: dt.date | None
    ) -> list[EventSpan]:
        climb = self.config.max_pobj_climb
        head = self._clause_head(tok)
        subj = first_subject(head)
        if subj is None:
            subj = lost_subject(head, climb)
        elif subj.pos_ == "ADP" and subj.text[:1].isupper():
            subj = pobj_of(subj, climb) or subj  # "Barack Obama and Vladimir Putin": "Barack" as IN
        passive = subj is not None and subj.dep_ == "nsubjpass"
        if (
            passive
            and head is not tok
            and not any(c.dep_ == "auxpass" for c in tok.children)
            and tok.tag_ != "VBN"
        ):
            passive = False  # "X was indicted ... and will resign": the second verb is active
        if passive and (
            (
                self.lexicon.modals.get(head.lemma_.lower()) in ("intent", "attempt", "prepare")
                and head.lemma_.lower() not in self.lexicon.object_control
            )
            or "active" in reading.flags
        ):
            # "Vietnam is committed to", "Obama is scheduled to attend", "Serb forces were
            # engaged in": the subject of a passive of commitment or arrangement does the act
            # ("was urged to", "was forced to", "was invited to" stay passive: the subject is
            # their target)
            passive = False
        if (
            passive
            and "legal" in reading.flags
            and self.reader.instruments(reading.verb)
            and agent_of(reading.verb, climb) is None
            and agent_of(head, climb) is None
        ):
            # "was charged with murder": with nobody named, a formal charge
            reading = Reading(self._formal_charge(), reading.flags, reading.verb)
        content = reading.verb
        root = EventCode.parse(reading.code).root
        violent = self.lexicon.violent(reading.code)
        # a charge "with" an offence is done to persons as an arrest is: its unnamed parties
        # are found as those of coercion ("police charged the man with assault")
        legal = "legal" in reading.flags and bool(self.reader.instruments(content))
        if (violent or self.lexicon.armed(reading.code)) and self.relevance.work_patient(
            subj if passive else next((c for c in content.children if c.dep_ == "dobj"), None)
        ):
            return []  # "Hotel Rwanda was shot in South Africa", "critics attacked the film"
        sources: list[Party] = []
        targets: list[Party] = []
        unknown_source = open_target = False
        if passive:
            if self._by_mishap(content) or self._by_mishap(head):
                return []  # "23,000 people have been killed following an earthquake"
            agent = agent_of(content, climb) or agent_of(head, climb) or self._shared_agent(content)
            named: list[Party] = []
            if agent is None and violent and self._mishap_named(content):
                # "140,000 people were killed after an earthquake sent waves crashing ashore",
                # "were killed in Indonesia, the country closest to the earthquake": with no
                # one named, the toll is the disaster's
                return []
            if agent is None and not self._violence_named(head, content, subj):
                # "a woman was killed when a tree fell", "two women were lightly injured": a
                # harm with nobody named is an attack only when the clause (or else the
                # sentence before) names one
                return []
            if agent is not None:
                weapon = next(
                    (
                        self.lexicon.nouns[k]
                        for k in self.reader.noun_keys(agent)
                        if k in self.lexicon.nouns
                    ),
                    None,
                )
                if weapon is not None:
                    # "killed by a roadside bomb in Afghanistan": the place is not the bomber;
                    # a name with no code ("a BAK missile": its maker) names no bomber either
                    sources = [p for p in finder.parties(agent, fallback=False) if p.code] or [
                        p for p in prep_parties(agent, ("by", "from"), finder) if p.code
                    ]
                else:
                    sources = finder.generic(agent) if violent or legal else finder.parties(agent)
                if not sources and weapon is None:
                    # "the wine industry has been hit by declining consumption": the cause is
                    # named and it is neither an actor nor an attack or weapon
                    return []
                if (
                    not sources
                    and not named
                    and weapon is not None
                    and violent
                    and self.lexicon.armed(weapon.code)
                ):
                    # "was blown up by a missile", "were killed by a roadside bomb": the weapon
                    # names the act (armed force, a bombing)
                    reading = Reading(weapon.code, reading.flags, content)
            if subj is not None:
                # "X was criticized by Y"; but in "sanctions were imposed on X" the subject is
                # the thing and the target is in a prepositional phrase
                targets = finder.parties(subj)
                if not targets and sources:
                    # "sanctions were imposed on X by Y": the subject is the thing; without an
                    # agent a place ("was shot in Morocco") is no target
                    targets = self.targets.targets(reading, finder, sources, skip_object=True)
            forces = self.lexicon.forces_of(reading.code)
            armed = [
                t for t in targets if t.code and ActorCode.parse(t.code).first_sector in forces
            ]
            if agent is None and subj is not None and armed:
                # "the rebels were demobilized", "troops were withdrawn from X": a side
                # demobilizes or withdraws its own forces, towards whom "from" names
                sources = armed
                targets = prep_parties(content, ("from",), finder)
                if not targets:
                    alone = Reading(reading.code, reading.flags | {"notarget"}, reading.verb)
                    return self._dyads(sent, alone, sources, [], date, False)
            if not sources and tok.dep_ != "relcl":
                # "was arrested in Lebanon": the authorities of the place
                sources = self._place_parties(content, self.lexicon.authority(reading.code), finder)
            if not targets and (violent or legal) and subj is not None:
                # "three men were arrested": civilians; "two suspects were detained by police":
                # a victim not known by name
                targets = finder.generic(subj) or self._put_away(content, subj)
                open_target = (
                    not targets
                    and self.lexicon.person_victim(reading.code)
                    and person_like(subj, self.lexicon.quantity_nouns)
                )
        else:
            if subj is not None and self._traveller_visit(subj, reading):
                return []  # "tourists who visit Cuba": private travel, no state actor's visit
            if subj is not None:
                sources, unknown_source = self._subject_parties(
                    subj, finder, violent or legal, self.lexicon.armed(reading.code)
                )
            if not sources and "notarget" in reading.flags and root == "14":
                # "thousands protested in Belgrade": the people of the place
                sources = self._place_parties(content, "CVL", finder)
            if "notarget" in reading.flags:
                # whom a protest is against, never where it takes place
                targets = self.targets.purpose_targets(
                    content, finder, sources
                ) or self.targets.targets(reading, finder, sources, where=False)
            else:
                targets = self.targets.targets(
                    reading, finder, sources, where=place_target(reading, self.lexicon)
                )
            if not targets and root == "13":
                targets = condition_targets(tok, content, finder)
            if not targets and root == "12":
                # "declined to resign despite pressure by X": whoever pressed is refused
                targets = next(
                    (
                        found
                        for verb in (content, tok, head)
                        if (found := prep_parties(verb, REFUSED_PREPS, finder))
                    ),
                    [],
                )
            if not targets and (violent or legal):
                # "police arrested three men": a victim named by no actor is of the sector of
                # its agent noun, else unknown when the act is done to persons and the object
                # reads as persons ("arrested him", "detained dozens"); an object that may be a
                # thing ("demolished the building") is no party, and with no object at all the
                # verb is a figure of speech as often as not ("I'm going to keep battling")
                patient = next((c for c in content.children if c.dep_ == "dobj"), None)
                if patient is not None and any(
                    k in self.lexicon.nouns for k in self.reader.noun_keys(patient)
                ):
                    open_target = True  # "imposed a curfew": the object names the act itself
                elif patient is not None and not any(p.code for p in finder.parties(patient)):
                    targets = finder.generic(patient) or self._put_away(content, patient)
                    open_target = (
                        not targets
                        and self.lexicon.person_victim(reading.code)
                        and person_like(patient, self.lexicon.quantity_nouns)
                    )
        if "inverse" in reading.flags:
            giver = from_phrase(content, finder)
            if giver:
                sources, targets = giver, sources
        return self._dyads(
            sent, reading, sources, targets, date, passive or unknown_source, open_target
        )

    def _formal_charge(self) -> str:
        """The code of a formal charge (``event_codes.tsv``, list ``formal_charge``)."""
        return next(iter(self.lexicon.formal_charges), "173")

    def _charge(self, code: str, src: Party | None, verb: Token) -> str:
        """A charge (``verbs.tsv`` flag ``legal``) brought by a police, a court or a government
        is a formal charge (173: "prosecutors charged the minister with corruption", "have been
        charged by the Greek authorities"); by anyone else it stays an accusation ("the
        opposition charged the president with corruption")."""
        formal = self._formal_charge()
        sectors = self.lexicon.formal_charges.get(formal, frozenset())
        if src is None:
            return code
        return formal if self.relevance.role(src.code) in sectors else code

    def _put_away(self, verb: Token, patient: Token) -> list[Party]:
        """A victim named by no actor and no agent noun, put in a state only a person is put in
        by the verb's complement ("shot dead a teenager", "took the driver into custody",
        ``event_words.tsv`` list ``person_state``): a person (``CVL``), as Phoenix's persons;
        ``[]`` when the complement names no such state, or the object is a pronoun (a
        person, but which one is not known: the coder's unknown victim)."""
        if patient.lower_ in PERSON_PRONOUNS or patient.pos_ not in ("NOUN",):
            return []
        states = self.lexicon.person_states
        for child in verb.children:
            if child.dep_ in ("advmod", "acomp", "oprd", "xcomp") and child.lower_ in states:
                return [Party(None, "CVL", patient.i)]  # "shot dead"
            if child.dep_ == "prep" and any(
                g.dep_ == "pobj" and g.lemma_.lower() in states for g in child.children
            ):
                return [Party(None, "CVL", patient.i)]  # "into custody", "to death"
        return []

    def _traveller_visit(self, subj: Token, reading: Reading) -> bool:
        """Whether a visit's subject (through a relative pronoun, its noun) names private
        travellers ("tourists who visit Cuba"; ``event_words.tsv``, list ``traveller``)."""
        if reading.code not in self.lexicon.visit_codes:
            return False
        named = (
            subj.head.head
            if subj.lower_ in RELATIVE_PRONOUNS and subj.head.dep_ == "relcl"
            else subj
        )
        return named.lemma_.lower() in self.lexicon.travellers

    def _agent_head(self, tok: Token) -> bool:
        """Whether the head of a phrase names an agent: an actor's mention, a name, a pronoun
        or an agent noun ("troops", "gunmen"), not a thing or an act ("attempts", "prices")."""
        return (
            bool(actors_at(tok.doc, tok.i, tok.i + 1))
            or tok.pos_ in ("PROPN", "PRON")
            or tok.lemma_.lower() in self.lexicon.agents
        )

    def _subject_parties(
        self, subj: Token, finder: PartyFinder, violent: bool = False, armed: bool = False
    ) -> tuple[list[Party], bool]:
        """The parties of an active subject, and whether the source is unknown. A subject that
        is an event or a document acts for its author only: "a report by X alleged", "X's
        attack killed"; "a roadside bombing killed ..." has an unknown source, and "a bombing
        in Baghdad" names a place, not the bomber. The perpetrator of violence (``violent``)
        named by no actor is of the sector of its agent noun ("gunmen": ``UAF``)."""
        named = (
            subj.head.head
            if subj.lower_ in RELATIVE_PRONOUNS and subj.head.dep_ == "relcl"
            else subj
        )
        if any(k in self.lexicon.mishaps for k in self.reader.noun_keys(named)):
            # "the energy crisis forced the president to ...", "the tidal wave which killed"
            return [], False
        keys = self.reader.noun_keys(subj)
        event = subj.pos_ == "NOUN" and any(k in self.lexicon.nouns for k in keys)
        if not event and subj.lemma_.lower() not in self.lexicon.documents:
            if armed and not self._agent_head(subj):
                # "China's attempts to cool its economy have hit Japanese industry": an act or
                # a thing of an actor is no wielder of force, a figure of speech
                return [], False
            return (finder.generic(subj) if violent else finder.parties(subj)), False
        authors = finder.parties(subj, fallback=False) or prep_parties(subj, ("by", "from"), finder)
        return authors, event and not authors

    @staticmethod
    def _place_parties(verb: Token, sector: str | None, finder: PartyFinder) -> list[Party]:
        """The people (``sector``) of the country where a clause happens ("in Cairo",
        "across Iran"), with no actor of their own; ``[]`` when ``sector`` is ``None`` or no
        place of a known country is named."""
        if sector is None:
            return []
        out: list[Party] = []
        for place in prep_parties(verb, PLACE_OF_EVENT, finder):
            country = place.actor.country if place.actor is not None else None
            party = Party(None, country + sector, place.token) if country else None
            if party is not None and not any(party.same(p) for p in out):
                out.append(party)
        return out

    def _by_mishap(self, verb: Token) -> bool:
        """Whether a passive clause's cause is a misfortune, nobody's act ("were killed in the
        earthquake", "was destroyed by fire", "died following the storm")."""
        for child in verb.children:
            if child.dep_ in ("prep", "agent"):
                pobj = pobj_of(child, self.config.max_pobj_climb)
                if pobj is None:
                    pobj = next((g for g in child.children if g.dep_ == "pcomp"), None)
                    pobj = (
                        next((g for g in pobj.children if g.dep_ == "dobj"), None) if pobj else None
                    )
                if pobj is not None and pobj.lemma_.lower() in self.lexicon.mishaps:
                    return True
        return False

    def _shared_agent(self, verb: Token) -> Token | None:
        """The agent that coordinated passives share, written once after the last ("a woman was
        killed and two people injured by a falling tree": the tree)."""
        for conj in verb.children:
            if conj.dep_ == "conj" and conj.tag_ == "VBN":
                found = agent_of(conj, self.config.max_pobj_climb)
                if found is not None:
                    return found
        return None

    def _mishap_named(self, verb: Token) -> bool:
        """Whether a clause names a misfortune anywhere in it (``event_agents.tsv``, kind
        mishap: "earthquake", "tsunami")."""
        mishaps = self.lexicon.mishaps
        return any(t.pos_ == "NOUN" and t.lemma_.lower() in mishaps for t in verb.subtree)

    def _violence_named(self, head: Token, verb: Token, victim: Token | None) -> bool:
        """Whether the clause of a verb that names only harm (``event_words.tsv``, list
        ``harm_verb``: "killed", "injured") names the attack that did it, or, when it names
        none, the sentence before does ("... hiding from the gunman. Police said 14 people were
        killed"): any other verb names its act itself ("were shot", "were stabbed")."""
        if verb.lemma_.lower() not in self.lexicon.harm_verbs:
            return True
        skip = range(victim.left_edge.i, victim.right_edge.i + 1) if victim else range(0)
        clause = (t for t in head.subtree if t.i not in skip and t.i != verb.i)
        if self._attack_in(clause, subjects=True):
            return True
        start = head.sent.start
        return start > 0 and self._attack_in(head.doc[start - 1].sent, subjects=False)

    def _attack_in(self, tokens: Iterable[Token], subjects: bool) -> bool:
        """Whether ``tokens`` name an attack: an event noun of material conflict ("in an
        attack", "a knife attack"; not one a misfortune's key names, "a gas explosion"), a
        weapon, a noun of armed conflict ("war", "fighting"), an agent noun of an armed or police force ("gunmen", "troops"; with
        ``subjects`` false, not as a subject: "police said" reports, it does not attack), or a
        verb of force done by an agent or in the passive ("when jets bombed", "was shot")."""
        lex = self.lexicon
        armed_sides = lex.force_sectors.union(*lex.own_forces.values())
        for tok in tokens:
            lemma = tok.lemma_.lower()
            if tok.pos_ in ("NOUN", "PROPN"):
                if (lemma in lex.weapons or lemma in lex.conflict_nouns) or (
                    lex.agents.get(lemma) in armed_sides
                    and (subjects or tok.dep_ not in SUBJECT_DEPS)
                ):
                    return True
                keys = self.reader.noun_keys(tok)
                if not any(k in lex.mishaps for k in keys) and any(
                    lex.violent(lex.nouns[k].code) or lex.armed(lex.nouns[k].code)
                    for k in keys
                    if k in lex.nouns and lex.nouns[k].code
                ):
                    return True
            elif tok.pos_ in VERB_POS and lemma not in lex.harm_verbs:
                own = self.reader.lookup(tok)
                if (
                    own is None
                    or not own.code
                    or not (lex.violent(own.code) or lex.armed(own.code))
                ):
                    continue
                doer = first_subject(tok)
                if doer is None or doer.dep_ == "nsubjpass" or self._agent_head(doer):
                    return True
        return False

    def _civilian(self, party: Party) -> bool:
        """Whether ``party`` is a civilian body: its code's first role ("BUS", "USABUS") is."""
        parts = ActorCode.parse(party.code or "").parts
        first = parts[0] if parts and parts[0] in self.lexicon.civilian_sectors else ""
        return bool(first) or (len(parts) > 1 and parts[1] in self.lexicon.civilian_sectors)

    def _dyads(
        self,
        sent: Span,
        reading: Reading,
        sources: list[Party],
        targets: list[Party],
        date: dt.date | None,
        open_source: bool,
        open_target: bool = False,
    ) -> list[EventSpan]:
        pairs: list[tuple[Party | None, Party | None]] = []
        sources = [s for s in sources if s.code or self._named(s)]
        if self.lexicon.armed(reading.code):
            # a company, a newspaper or a school wields no armed force: "the bank attacked its
            # rivals", "the strong yen hit exporters" are figures of speech
            # nor does a person known by name only ("Duncan Bannatyne attacked the government")
            sources = [s for s in sources if s.code and not self._civilian(s)]
        force = self.lexicon.force_sectors
        unhosted = self.lexicon.unhosted.get(reading.code, frozenset())
        targets = [
            t
            for t in targets
            if (t.code or self._named(t))
            and not any(t.same(s) or own_force(s, t, force) for s in sources)
            # "as he arrived at Spain's High Court": a court hosts no visit
            and ActorCode.parse(t.code or "").first_sector not in unhosted
        ]
        if reading.code in self.lexicon.visit_codes:
            targets = [self._host_country(t, sources) for t in targets]
        if sources and not targets and self._crowd(sources, sent.doc):
            # "rioters set fire to shops": force used by protesters with no one named is a
            # violent protest, aimed like any protest at their own government
            root = EventCode.parse(reading.code).root
            if root in self.lexicon.crowd_violence:
                code = self.lexicon.crowd_violence[root]
                reading = Reading(code, reading.flags | {"notarget"}, reading.verb)
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
            and self.lexicon.violent(reading.code)
            and (self.lexicon.armed(reading.code) or self.lexicon.person_victim(reading.code))
            and reading.verb.dep_ != "relcl"
        ):
            # "three civilians were killed in a bombing", "a bombing killed three civilians",
            # "a man was arrested": the target is known, the source is not; but a ban or a
            # seizure by nobody named ("were banned from playing the game") is no known act
            pairs.extend((None, t) for t in targets)
        elif sources and open_target and self.lexicon.violent(reading.code):
            # "police used tear gas to disperse the crowd": the source is known, the victim not
            pairs.extend((s, None) for s in sources)
        out = []
        for src, tgt in pairs:
            if not (src and src.code or tgt and tgt.code) and (
                (src is None) == (tgt is None) or not self.lexicon.person_victim(reading.code)
            ):
                # no code on either side: kept only for an act done to persons with one party
                # known by name and the other unknown ("John Carter was arrested"); two names
                # alone ("Federer beat Nadal") or "a clash with X" say nothing of states or groups
                continue
            code = reading.code
            if src is not None and src.code and ActorCode.parse(src.code).first_sector == "MIL":
                code = self.lexicon.military_force.get(code, code)
            code = self._crowd_force(code, src, tgt, sent.doc)
            if "legal" in reading.flags:
                code = self._charge(code, src, reading.verb)
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
    def _host_country(target: Party, sources: list[Party]) -> Party:
        """A foreign city visited stands for its country ("Putin's visit to New Delhi" is a
        visit to India, as Phoenix's country dictionary lists capitals and cities among the
        country's names), not for its people; a visit within one's own country stays a
        visit to the people of the place, and so does one by a visitor of no known country
        ("a woman arrived in San Francisco")."""
        code = target.code or ""
        if not (names_place(target.actor) and len(code) > 3):
            return target
        countries = {(s.code or "")[:3] for s in sources if s.code}
        if not countries or code[:3] in countries:
            return target
        return Party(target.actor, code[:3], target.token)

    @staticmethod
    def _named(party: Party) -> bool:
        """Whether a party without a code is a person known by a proper name ("John Carter was
        arrested", "police detained Ali Hassan"): such a party is kept, its code empty and its
        actor set, as GDELT keeps an actor's name without a code and PLOVER an unknown source;
        a description without a code ("officials"), a place or a thing with a name ("the
        Al-Aqsa Mosque", "a BAK missile") names no party."""
        return party.actor is not None and party.actor.named and party.actor.kind == "person"

    def _crowd(self, parties: list[Party], doc: Doc) -> bool:
        """Whether every party is named by a noun of people protesting ("rioters")."""
        return all(doc[p.token].lemma_.lower() in self.lexicon.protesters for p in parties)

    @staticmethod
    def _home_government(source: Party, reading: Reading) -> Party | None:
        """Whom a protest with no named target is against: by the CAMEO coders' habit, the
        protesters' own government ("Nepal's opposition parties organized a general strike"
        is NPLOPP -> NPLGOV). ``None`` for other events, for a government's own protest, and
        when the protesters' country is unknown."""
        code = ActorCode.parse(source.code)
        if source.actor is not None and source.code is None:
            return None  # a person known by name only: whose government is not known
        if source.actor is not None:
            country = source.actor.country
        else:  # the people of a place ("SRBCVL"); a sector alone ("OPP") has no country
            country = code.base if code.sector else None
        if EventCode.parse(reading.code).root != "14" or not country or code.first_sector == "GOV":
            return None
        return Party(None, country + "GOV", source.token)

    def _jointly(self, verb: Token) -> bool:
        """ "do operations together", "work jointly", "help each other": a reciprocal act;
        also the act a verb of intent takes ("pledged to do more operations together")."""
        clauses = [verb, *(c for c in verb.children if c.dep_ == "xcomp")]
        for child in (c for clause in clauses for c in clause.children):
            if child.dep_ == "advmod" and child.lower_ in self.lexicon.reciprocal_adverbs:
                return True
            if child.dep_ in ("dobj", "pobj", "prep") and child.lower_ in ("other", "another"):
                return True
            if child.dep_ == "prep" and any(
                g.lower_ in ("other", "another") for g in child.children
            ):
                return True
        return False

    def _crowd_force(self, code: str, src: Party | None, tgt: Party | None, doc: Doc) -> str:
        """Force used by protesters is a violent protest ("demonstrators clashed with police":
        145), force a police or army uses on protesters violent repression ("police clashed
        with demonstrators", "soldiers opened fire on protesters": 175), as PETRARCH's
        dictionary codes them (``event_words.tsv``, list ``protester``)."""
        root = EventCode.parse(code).root
        protesters = self.lexicon.protesters
        if src is not None and doc[src.token].lemma_.lower() in protesters:
            return self.lexicon.crowd_violence.get(root, code)
        if (
            tgt is not None
            and src is not None
            and doc[tgt.token].lemma_.lower() in protesters
            and self.relevance.role(src.code) in self.lexicon.force_sectors
        ):
            return self.lexicon.repression.get(root, code)
        return code


__all__ = ["EventCoder", "Reading"]
