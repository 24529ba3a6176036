"""Reading one clause: which CAMEO event its verb phrase expresses, before actors are found.

A verb (with its particle and object) is looked up in the verb-and-pattern lexicon; a governing
verb or adjective of ``event_modals.tsv`` ("pledge", "threaten", "refuse", "ready") turns the
event of the clause it governs into an intent, a threat, a refusal, an appeal or a demand
(``modality``); futurity ("will") makes an intent, "unless" a threat; negation turns
cooperation into refusal and drops conflict; hypothetical modals ("could") code nothing.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass

from spacy.tokens import Token

from ...codes import EventCode
from ...knowledge.verb_dictionary import regular_stems
from ..extensions import actors_at
from ..syntax import VERB_POS, first_subject
from .config import EventConfig
from .lexicon import EventLexicon, Pattern
from .modality import negate, transform
from .parties import PERSON_PRONOUNS, conjuncts, names_place, person_like

FUTURE_AUX: frozenset[str] = frozenset({"will", "would", "shall", "'ll"})
OBLIGATION_AUX: frozenset[str] = frozenset({"must", "should"})
HYPOTHETICAL_AUX: frozenset[str] = frozenset({"could", "might", "may"})
CONDITIONAL_AUX: frozenset[str] = frozenset({"would", "'d"})
"""Future in a reported clause ("said it would withdraw"), else a conditional ("the
government would take control" if ...): no act."""
ABILITY_AUX: frozenset[str] = frozenset({"can", "ca"})
"""Ability is no act ("can persuade"), but its negation is a refusal ("cannot support")."""
PREFIX_FRAGMENTS: frozenset[str] = frozenset({"re", "co", "pre", "un", "de"})
"""Verb prefixes the tokenizer splits off at a hyphen ("re-open"), sometimes tagged as verbs."""
QUESTION_MARKS: frozenset[str] = frozenset({"whether", "if"})
"""Subordinators of an embedded question ("investigating whether X attacked Y", "asked if X
would attack"): what it asks about has not been reported as done, nor is asking it a request
("if" only as a verb's complement; as a condition see ``asserted.CONDITION_MARKS``)."""
INSTRUMENT_KEY = "&weapon"
"""The object of a ``verbs.tsv`` row that needs a "with" phrase naming a weapon
(``EventLexicon.weapons``): "charged protesters with batons" is an assault."""
INSTRUMENT_PREP = "with"
CROWD_KEY = "&protester"
"""The object of a ``verbs.tsv`` row that needs an object naming people protesting or gathered
(``EventLexicon.protesters``): "police charged the crowd" is a physical charge."""
ARMED_NOUN_PREPS: frozenset[str] = frozenset({"against", "on"})
"""Prepositions naming whom an attack is aimed at ("strikes against Iran", "a strike on X")."""
PARTICLES: frozenset[str] = frozenset({"out", "off", "up", "down", "back", "in", "over", "away"})
"""Words that may be a verb's particle even when parsed as a preposition ("forced X out of")."""
_LEMMA_CACHE_SIZE = 50_000
"""How many (lemma, word) pairs ``ClauseReader.verb_lemma`` remembers before starting afresh."""


@dataclass(frozen=True)
class Reading:
    """What one clause codes, before its actors are found."""

    code: str
    flags: frozenset[str]
    verb: Token
    """The content verb, whose object and prepositions name the target."""
    control: Token | None = None
    """For "urge X to Y": the governing verb whose object is the target."""
    target_clause: Token | None = None
    """For "demand that X do Y", "said X must Y": the clause whose subject is the target."""


class ClauseReader:
    """Reads clauses against an ``EventLexicon``; holds nothing but the lexicon and the
    coder's tuning."""

    def __init__(self, lexicon: EventLexicon, config: EventConfig) -> None:
        self.lexicon = lexicon
        self.config = config
        self._lemmas: dict[tuple[str, str], str] = {}
        self._kinds: dict[int, str | None] | None = None
        self._governed: dict[int, list[Token]] = {}
        self._lookups: dict[int, Pattern | None] = {}
        self._noun_keys: dict[int, list[str]] = {}
        heads: set[str] = set()
        hyphened: set[str] = set()
        for key in lexicon.nouns:
            heads.add(key)
            heads.update(key[n + 1 :] for n, ch in enumerate(key) if ch == " ")
            hyphened.update(key[n + 1 :] for n, ch in enumerate(key) if ch == "-")
        self._noun_heads = frozenset(heads) | lexicon.frames
        self._hyphened = frozenset(hyphened)

    @contextmanager
    def reading_doc(self) -> Iterator[None]:
        """Within: what ``modal_kind``, ``governed``, ``lookup`` and ``noun_keys`` say of a
        token is remembered by its index, so the caller reads tokens of one doc only, and
        changes nothing the readings look at (the doc's actors) until it leaves."""
        self._kinds = {}
        try:
            yield
        finally:
            self._kinds = None
            self._governed, self._lookups, self._noun_keys = {}, {}, {}

    def modal_kind(self, tok: Token) -> str | None:
        """The modal kind of ``tok`` (``event_modals.tsv``), or of its object noun when the verb
        itself is no event word ("reiterated its demand that ...", "renewed its call to ...")."""
        kinds = self._kinds
        if kinds is None:
            return self._modal_kind(tok)
        i = tok.i
        if i in kinds:
            return kinds[i]
        kind = kinds[i] = self._modal_kind(tok)
        return kind

    def _modal_kind(self, tok: Token) -> str | None:
        if tok.pos_ not in VERB_POS:
            return self.lexicon.modals.get(tok.lemma_.lower())
        lemma = self.verb_lemma(tok)
        if lemma in self.lexicon.forecast_verbs and any(c.dep_ == "auxpass" for c in tok.children):
            return "none"  # "is expected to attack": a forecast by others, no act of the subject
        kind = self.lexicon.modals.get(lemma)
        if kind is None and lemma not in self.lexicon.verbs:
            obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
            noun = obj.lemma_.lower() if obj is not None else ""
            if noun in self.lexicon.modals and (
                lemma not in self.lexicon.phrases or self.lookup(tok) is None
            ):
                kind = self.lexicon.modals[noun]
        return kind

    def governed(self, tok: Token) -> list[Token]:
        """Clauses whose event ``tok`` transforms: its xcomp for a modal verb or adjective, its
        ccomp for "demand that", "agree that" and "said X must"."""
        if self._kinds is None:
            return self._governed_by(tok)
        i = tok.i
        found = self._governed.get(i)
        if found is None:
            found = self._governed[i] = self._governed_by(tok)
        return list(found)

    def _governed_by(self, tok: Token) -> list[Token]:
        kind = self.modal_kind(tok)
        if kind is None:
            return []
        out = []
        for child in tok.children:
            if child.dep_ == "xcomp" and child.pos_ in VERB_POS:
                if child.lower_ in PREFIX_FRAGMENTS or child.is_punct:
                    continue  # "re-open" split into "re", "-", "open": "open" is the verb
                out.append(child)
            elif child.dep_ == "ccomp" and child.pos_ in VERB_POS:
                if self.asked(child):
                    continue  # "asked if Russia would invade": a question, not a request
                if kind in ("demand", "intent", "appeal", "none", "deny") or (
                    kind == "report" and self.aux(child) & OBLIGATION_AUX and self.obliged(child)
                ):
                    out.append(child)
            elif child.dep_ == "prep" and child.lower_ == "to" and kind == "intent":
                # "is committed to opening up", "is prepared for talks" keeps its own reading
                out.extend(g for g in child.children if g.dep_ == "pcomp" and g.pos_ in VERB_POS)
            elif (
                child.dep_ == "prep"
                and child.lower_ == "of"
                and kind == "attempt"
                and tok.dep_ == "acomp"
                and tok.head.lemma_ == "be"
            ):
                # "are guilty of violating the ceasefire": the violation is stated as done
                out.extend(g for g in child.children if g.dep_ == "pcomp" and g.pos_ in VERB_POS)
        return out

    def obliged(self, clause: Token) -> bool:
        """Whether the subject of a reported "must"/"should" clause can be told what to do: an
        actor, a name, a pronoun, an agent noun or persons ("the government must act"), not a
        thing ("this announcement should allay suspicion", "the application must be treated
        independently" are expectations, no demand on anyone)."""
        subj = first_subject(clause)
        if subj is None:
            return False
        # a possessor is not what it owns: "Iran's application must be treated" asks nothing
        # of Iran, the application is a thing
        start = max(
            [subj.left_edge.i, *(c.right_edge.i + 1 for c in subj.children if c.dep_ == "poss")]
        )
        return (
            bool(actors_at(subj.doc, start, subj.i + 1))  # "Welsh councils"
            or subj.pos_ in ("PROPN", "PRON")
            or subj.lemma_.lower() in self.lexicon.agents
            or person_like(subj, self.lexicon.quantity_nouns)
        )

    @staticmethod
    def asked(clause: Token) -> bool:
        """Whether a clause is an embedded question ("whether X would attack")."""
        return any(m.dep_ == "mark" and m.lower_ in QUESTION_MARKS for m in clause.children)

    @staticmethod
    def instruments(verb: Token) -> list[Token]:
        """The objects of a verb's (or its object's) "with" phrases ("charged him with fraud",
        "bombarded the town with artillery")."""
        heads = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
        return [
            pobj
            for head in heads
            for prep in head.children
            if prep.dep_ == "prep" and prep.lower_ == INSTRUMENT_PREP
            for pobj in prep.children
            if pobj.dep_ == "pobj"
        ]

    def armed_with(self, verb: Token, munitions: bool = False) -> bool:
        """Whether a verb's (or its object's) "with" phrase names a weapon ("charged protesters
        with batons and tear gas"); ``munitions``: or a noun of armed force ("bombarded the
        town with artillery", "with rockets": ``event_nouns.tsv`` rows of an armed code)."""
        lex = self.lexicon
        return any(
            k in lex.weapons or (munitions and k in lex.nouns and lex.armed(lex.nouns[k].code))
            for pobj in self.instruments(verb)
            for c in conjuncts(pobj)
            for k in self.noun_keys(c)
        )

    def unreal(self, verb: Token) -> bool:
        """Whether a verb states a possibility, not an act: "could attack", "can persuade"
        ("cannot support" is a refusal, not a possibility)."""
        aux = self.aux(verb)
        if aux & HYPOTHETICAL_AUX or (aux & ABILITY_AUX and not self.negated(verb)):
            return True
        if self.possibility(verb):
            return True
        return bool(aux & CONDITIONAL_AUX) and not self.reported(verb)

    def possibility(self, verb: Token) -> bool:
        """Whether a verb is the infinitive of a copula whose adjective states a possibility,
        not an act ("it is possible to launch an attack", "it is possible for X to attack":
        an adjective of kind ``none`` in ``event_modals.tsv`` that the parser left beside the
        infinitive, not above it)."""
        head = verb.head
        if verb.dep_ not in ("xcomp", "advcl") or head is verb or head.lemma_ != "be":
            return False
        return any(
            c.dep_ == "acomp" and self.lexicon.modals.get(c.lemma_.lower()) == "none"
            for c in head.children
        )

    def reported(self, verb: Token) -> bool:
        """Whether a clause is what a governing verb of ``event_modals.tsv`` reports, promises
        or threatens ("said it would", "warned that it would"), through coordinated clauses
        (at most ``config.max_clause_climb`` heads)."""
        tok = verb
        for _ in range(self.config.max_clause_climb):
            if tok.dep_ == "conj" and tok.head is not tok:
                tok = tok.head
                continue
            return (
                tok.dep_ in ("ccomp", "xcomp") and self.verb_lemma(tok.head) in self.lexicon.modals
            )
        return False

    @staticmethod
    def aux(verb: Token) -> set[str]:
        """The auxiliaries of ``verb``; a conjunct verb with no subject and no modal of its own
        shares its head's modal ("could tie their hands and prohibit treaties": "could" covers
        "prohibit"), as coordination shares what precedes the first conjunct."""
        own = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
        tok = verb
        while (
            tok.dep_ == "conj"
            and tok.head is not tok
            and tok.head.pos_ in VERB_POS
            and not any(c.dep_ in ("aux", "nsubj", "nsubjpass") for c in tok.children)
        ):
            tok = tok.head
            modals = {c.lower_ for c in tok.children if c.dep_ == "aux" and c.tag_ == "MD"}
            if modals:
                return own | modals
        return own

    @staticmethod
    def negated(verb: Token) -> bool:
        return any(
            c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ == "never") for c in verb.children
        )

    def hedged(self, verb: Token) -> bool:
        """ "do not always agree completely": a partial negation, neither the act nor a refusal."""
        return any(
            c.dep_ == "advmod" and c.lower_ in self.lexicon.partial_adverbs for c in verb.children
        )

    def quantity(self, noun: Token) -> bool:
        """Whether a noun only measures what its "of" phrase names."""
        return noun.lemma_.lower() in self.lexicon.measure_nouns or any(
            c.dep_ == "nummod" or c.like_num for c in noun.children
        )

    @staticmethod
    def object_of(verb: Token) -> Token | None:
        """The direct object (or the passive subject, or the object of the first preposition)."""
        first_pobj: Token | None = None
        for child in verb.children:
            if child.dep_ in ("dobj", "nsubjpass"):
                return child
            if first_pobj is None and child.dep_ == "prep":
                first_pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
        return first_pobj

    def lookup(self, verb: Token) -> Pattern | None:
        """The lexicon's pattern for ``verb`` with its particle, object and complements."""
        if self._kinds is None:
            return self._lookup(verb)
        i = verb.i
        if i in self._lookups:
            return self._lookups[i]
        found = self._lookups[i] = self._lookup(verb)
        return found

    def _lookup(self, verb: Token) -> Pattern | None:
        lemma = self.verb_lemma(verb)
        particles = [c.lower_ for c in verb.children if c.dep_ == "prt"]
        if not particles:
            # "forced the agency out of the country", "called for reform": a phrasal verb of
            # the lexicon whose particle was parsed as a preposition
            particles = [
                c.lower_
                for c in verb.children
                if (c.dep_ == "prep" or (c.dep_ == "advmod" and c.lower_ in PARTICLES))
                and self.known(f"{lemma} {c.lower_}")
            ][:1]
        keys = [f"{lemma} {particles[0]}", lemma] if particles else [lemma]
        governed = (
            verb.dep_ in ("xcomp", "ccomp", "pcomp")
            and verb.head.lemma_.lower() in self.lexicon.modals
        )
        nominal = keys[-1] not in self.lexicon.verbs and (
            governed or self.lexicon.modals.get(keys[-1]) in ("attempt", "prepare")
        )
        if not nominal and not any(
            self.lexicon.verbs.get(key) or self.lexicon.phrases.get(key) for key in keys
        ):
            return None  # no row for the verb, nor is its object's event read
        obj = self.object_of(verb)
        has_dobj = any(c.dep_ in ("dobj", "nsubjpass") for c in verb.children)
        obj_keys: list[str] = []
        if obj is not None:
            obj_keys = self.noun_keys(obj)
            for conj in conjuncts(obj)[1:]:  # "launched artillery, mortar and rocket fire"
                obj_keys.extend(self.noun_keys(conj))
            if obj.dep_ == "nsubjpass":  # "were engaged in ethnic cleansing"
                prep = next((c for c in verb.children if c.dep_ == "prep"), None)
                pobj = (
                    next((g for g in prep.children if g.dep_ == "pobj"), None)
                    if prep is not None
                    else None
                )
                if pobj is not None:
                    obj_keys.extend(self.noun_keys(pobj))
            # "700 kg of medicine", "$50,000 worth of goods", but not "reform of the pact"
            of = (
                next((c for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
                if self.quantity(obj)
                else None
            )
            inner = (
                next((g for g in of.children if g.dep_ == "pobj"), None) if of is not None else None
            )
            if inner is not None:
                obj_keys.extend(self.noun_keys(inner))
        # "pleaded guilty": an adjective complement selects a row as an object does
        complements = [c.lemma_.lower() for c in verb.children if c.dep_ in ("acomp", "oprd")]
        if nominal:
            # "continued military aid", "resumed talks", "threatened to institute a curfew":
            # the noun's event
            for ok in obj_keys:
                noun = self.lexicon.nouns.get(ok)
                if noun is not None:
                    return self.armed_noun(obj, Pattern(noun.code, noun.flags - {"light"}))
        for key in keys:
            rows = self.lexicon.verbs.get(key, {})
            phrases = self.lexicon.phrases.get(key, {})
            if not rows and not phrases:
                continue
            if INSTRUMENT_KEY in rows and self.armed_with(verb):
                return rows[INSTRUMENT_KEY]
            if (
                CROWD_KEY in rows
                and obj is not None
                and obj.dep_ == "dobj"
                and obj.lemma_.lower() in self.lexicon.protesters
                and not self.instruments(verb)
            ):
                return rows[CROWD_KEY]  # "police charged the crowd": a baton charge
            for ok in [*obj_keys, *complements]:
                if ok in rows:
                    # an empty code is our discard of a dictionary's phrase ("faces problems")
                    return rows[ok] if rows[ok].code else None
            if key in self.lexicon.light_verbs:
                for ok in obj_keys:
                    noun = self.lexicon.nouns.get(ok)
                    if noun is not None:
                        return self.armed_noun(obj, Pattern(noun.code, noun.flags - {"light"}))
            phrase = self._phrase(verb, phrases, obj_keys if has_dobj else [])
            if phrase is not None and not phrase.code:
                return None  # a dictionary's discard: "killed in an accident"
            if phrase is not None and (
                "" not in rows
                or self.figurative(rows[""], phrase, obj if has_dobj else None)
                or self.in_protest(verb, phrase)
            ):
                # a verb we give no bare reading of our own; or force used on words, which is
                # words ("attacked the proposal": CAMEO.2.0's ATTACK * &PROPOSAL [111]); or an
                # act in protest, aimed like any protest ("resigned in protest")
                if self.in_protest(verb, phrase):
                    return Pattern(phrase.code, phrase.flags | {"notarget"})
                return phrase
            for bare in (rows.get(""), phrases.get(("", ""))):
                if bare is None or (not has_dobj and "needobj" in bare.flags):
                    continue
                if "needevent" in bare.flags and not self.names_event(obj, obj_keys):
                    continue  # "halted its flights", "the festival was postponed"
                if "from" in bare.flags and self.leaves_contest(verb):
                    continue  # "withdrew from the Australian Open", "pulled out of the race"
                if not self.object_fits(bare, verb, obj if has_dobj else None):
                    # "demonstrated its products", "released a single", "was fired"; a
                    # dictionary's phrase may still read it ("released the prisoners")
                    if phrase is not None:
                        return phrase
                    continue
                return bare
        return None

    def armed_noun(self, noun: Token | None, pattern: Pattern, nominal: bool = False) -> Pattern:
        """A noun that may be an armed attack ("strike") aimed "against"/"on" a country or a
        place is that attack ("strikes against Iran", "a strike on Grozny": CAMEO.2.0 PREPARE *
        {POSSIBLE STRIKES} (AGAINST) [138], &MILITARY * STRIKE [190]), not a labour strike
        (``event_codes.tsv``, list ``armed_noun``).

        The country or place must be what is struck or own it ("a strike on Grozny", "strikes
        against Iran's nuclear sites"): a place named as a modifier of another noun says where
        that thing is ("a strike on the Lisbon metro", "a strike at the Detroit plant"), and a
        strike on a network or a workplace there is a labour strike (``names_place``).

        Standing as a noun of its own (``nominal``: "a strike on X caused chaos"), an attack
        on a place, where people work and travel, needs its attacker named on the noun
        ("Israeli strikes on Gaza", "a strike by the army on X"); with nobody named it is
        no more an attack than a walk-out. A country struck is an attack all the same
        ("strikes against Iran"): a country is not a workplace."""
        armed = self.lexicon.armed_nouns.get(pattern.code)
        if armed is None or noun is None:
            return pattern
        doer = not nominal or any(
            (
                c.dep_ in ("poss", "compound", "amod", "nmod")
                or (c.dep_ == "prep" and c.lower_ == "by")
            )
            and actors_at(c.doc, c.left_edge.i, c.right_edge.i + 1)
            for c in noun.children
        )
        for prep in noun.children:
            if prep.dep_ != "prep" or prep.lower_ not in ARMED_NOUN_PREPS:
                continue
            for pobj in prep.children:
                if pobj.dep_ == "pobj" and any(
                    a.kind == "country" or (doer and names_place(a))
                    for part in (pobj, *(c for c in pobj.children if c.dep_ == "poss"))
                    for a in actors_at(pobj.doc, part.i, part.i + 1)
                ):
                    return Pattern(armed, pattern.flags - {"notarget", "light"})
        return pattern

    def in_words(self, verb: Token, code: str) -> str | None:
        """The verbal conflict that force done in words is ("attacked X verbally", "attacked X
        in a speech", "attacked his words": ``event_words.tsv`` list ``in_words``,
        ``event_codes.tsv`` list ``verbal_force``); ``None`` when ``code`` is no force or the verb names no words."""
        words = self.lexicon.verbal_force.get(EventCode.parse(code).root)
        if words is None:
            return None
        for child in verb.children:
            if child.dep_ == "advmod" and child.lower_ in self.lexicon.in_words:
                return words
            if (
                child.dep_ == "dobj"
                and child.lemma_.lower() in self.lexicon.in_words
                and not self.person(child)
            ):
                return words  # "attack Mr Blair's words": force used on words is words
            if (
                child.dep_ == "prep"
                and child.lower_ == "in"
                and any(
                    g.dep_ == "pobj" and g.lemma_.lower() in self.lexicon.in_words
                    for g in child.children
                )
            ):
                return words
        return None

    def figurative(self, bare: Pattern, phrase: Pattern, obj: Token | None) -> bool:
        """Whether a dictionary's phrase reads a verb of force as verbal conflict (quad class
        3: "attacked the proposal" is criticism, "clashed at the meeting" a disagreement); such
        a phrase wins over our bare row of force, unless its object is a person or a body
        ("attacked the envoy", "attacked the government" stay force)."""
        return (
            self.lexicon.violent(bare.code)
            and self.lexicon.quad(phrase.code) == 3
            and not self.person(obj)
        )

    def in_protest(self, verb: Token, phrase: Pattern) -> bool:
        """Whether a dictionary's phrase of protest (root 14) reads a verb done "in protest"
        (``event_words.tsv`` list ``protest_noun``): the act is dissent of one's own accord,
        not the concession our bare row reads ("resigned in protest": CAMEO.2.0's RESIGN *
        (IN PROTEST) [140] over RESIGN [0831])."""
        return EventCode.parse(phrase.code).root == "14" and any(
            c.dep_ == "prep"
            and c.lower_ == "in"
            and any(
                g.dep_ == "pobj" and g.lemma_.lower() in self.lexicon.protest_nouns
                for g in c.children
            )
            for c in verb.children
        )

    def person(self, obj: Token | None) -> bool:
        """Whether an object names a person or a body: an actor, an agent noun, a pronoun, a
        name or counted people."""
        return obj is not None and (
            bool(actors_at(obj.doc, obj.i, obj.i + 1))
            or obj.lemma_.lower() in self.lexicon.agents
            or obj.lower_ in PERSON_PRONOUNS
            or person_like(obj, self.lexicon.quantity_nouns)
        )

    def leaves_contest(self, verb: Token) -> bool:
        """Whether a verb of withdrawal leaves a contest: its "from" or "(out) of" phrase names
        a sporting or electoral contest (``event_words.tsv``, list ``contest``) or an event
        spaCy labels EVENT ("withdrew from the Australian Open", "pulled out of the race"). CAMEO
        087 withdraws forces from a place or an engagement; a player or a candidate leaving a
        competition is neither."""
        preps = [c for c in verb.children if c.dep_ in ("prep", "prt")]
        preps += [g for p in preps for g in p.children if g.dep_ == "prep"]
        return any(
            pobj.dep_ == "pobj"
            and (pobj.ent_type_ == "EVENT" or pobj.lemma_.lower() in self.lexicon.contests)
            for prep in preps
            if prep.lower_ in ("from", "of")
            for pobj in prep.children
        )

    def names_event(self, obj: Token | None, obj_keys: list[str]) -> bool:
        """Whether an object names an event of the lexicon ("cancelled the summit") or an actor
        other than a person ("suspended Russia", not "Collins was suspended by the agency")."""
        if obj is None:
            return False
        if any(a.kind != "person" for a in actors_at(obj.doc, obj.i, obj.i + 1)):
            return True  # a person suspended (an athlete, an employee) is disciplined, not cut off
        # "aid deliveries", "part of a military aid program": the event is a modifier's
        nouns = [obj, *(g for c in obj.children if c.lower_ == "of" for g in c.children)]
        keys = list(obj_keys)
        for noun in nouns:
            keys += self.noun_keys(noun)
            keys += [c.lemma_.lower() for c in noun.lefts if c.dep_ in ("compound", "amod")]
        return any(k in self.lexicon.nouns for k in keys)

    def object_fits(self, pattern: Pattern, verb: Token, obj: Token | None) -> bool:
        """Whether a bare verb's object suits the flags of its pattern: ``noobj`` takes no
        direct object ("protesters demonstrated", not "demonstrated its products");
        ``personobj`` needs a person ("released the prisoners", not "released a single");
        ``thingobj`` no person ("fired rockets", "fired at X", not "executives were fired")."""
        flags = pattern.flags
        if "noobj" in flags and any(c.dep_ == "dobj" for c in verb.children):
            return False
        if "weaponwith" in flags and self.instruments(verb) and not self.armed_with(verb, True):
            return False  # "bombarded the senator with emails": a figure of speech
        if not flags & {"personobj", "thingobj"}:
            return True
        named = obj is not None and (
            bool(actors_at(obj.doc, obj.i, obj.i + 1))
            or obj.lemma_.lower() in self.lexicon.agents
            or obj.lower_ in PERSON_PRONOUNS
        )
        if "thingobj" in flags:
            return not named  # "fired 100 drones": a counted plural may be things
        return named or (obj is not None and person_like(obj, self.lexicon.quantity_nouns))

    def known(self, verb: str) -> bool:
        """Whether the lexicon has any row for a verb (with its particle)."""
        return verb in self.lexicon.verbs or verb in self.lexicon.phrases

    def _phrase(
        self, verb: Token, phrases: Mapping[tuple[str, str], Pattern], obj_keys: list[str]
    ) -> Pattern | None:
        """A verb dictionary's phrase for ``verb``: its direct object ("lifted the blockade")
        or adjective complement ("remained defiant"), then each prepositional phrase's object
        ("lobbied against the bill"), then the preposition alone; ``None`` when none matches."""
        if not phrases:
            return None
        complements = [c.lemma_.lower() for c in verb.children if c.dep_ in ("acomp", "oprd")]
        for ok in [*obj_keys, *complements]:  # "remained defiant"
            found = phrases.get(("", ok))
            if found is not None:
                return found
        for child in verb.children:
            if child.dep_ not in ("prep", "dative", "agent"):
                continue
            prep = child.lower_
            pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
            keys = self.noun_keys(pobj) if pobj is not None else []
            for k in [*keys, ""]:
                found = phrases.get((prep, k))
                if found is not None:
                    return found
        return None

    def verb_lemma(self, verb: Token) -> str:
        """The verb's lemma, repaired when the model's lemma is unknown to the lexicon but a
        regular inflection of the word is known ("staged" lemmatized as "stag")."""
        key = (verb.lemma_, verb.lower_)
        found = self._lemmas.get(key)
        if found is None:
            if len(self._lemmas) >= _LEMMA_CACHE_SIZE:
                self._lemmas.clear()
            found = self._lemmas[key] = self._verb_lemma(*key)
        return found

    def _verb_lemma(self, lemma_: str, lower: str) -> str:
        lemma = lemma_.lower()
        if self.known(lemma) or lemma in self.lexicon.modals:
            return lemma
        stems = regular_stems(lower)  # "hoped" lemmatized as "hop"
        return next((s for s in stems if self.known(s) or s in self.lexicon.modals), lemma)

    def may_key_noun(self, lemma: str, lower: str) -> bool:
        """Whether a noun of this lemma and lower-case form can have a ``noun_keys`` key in
        ``lexicon.nouns``: its lemma ends a key (after a space) or is a frame noun, or its word
        ends a hyphened key; when not, none of its keys is in ``lexicon.nouns``."""
        return lemma in self._noun_heads or lower in self._hyphened

    def noun_keys(self, noun: Token) -> list[str]:
        """Lookup keys for a noun: each modifier with it ("joint exercise", "military exercise"
        for "joint military exercises"), nearest modifier first, then the noun alone; for a
        frame noun ("a mediation effort") last its noun modifiers alone."""
        if self._kinds is None:
            return self._noun_keys_of(noun)
        i = noun.i
        keys = self._noun_keys.get(i)
        if keys is None:
            keys = self._noun_keys[i] = self._noun_keys_of(noun)
        return list(keys)

    def _noun_keys_of(self, noun: Token) -> list[str]:
        head = noun.lemma_.lower()
        modifiers = [c.lemma_.lower() for c in noun.lefts if c.dep_ in ("compound", "amod")]
        keys = [f"{m} {head}" for m in reversed(modifiers)] + [head]
        for prep in noun.rights:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                # "a state of emergency": a noun named with its "of" phrase
                keys[:0] = [
                    f"{head} of {g.lemma_.lower()}" for g in prep.children if g.dep_ == "pobj"
                ]
                break
        hyphen = noun.doc[noun.i - 1] if noun.i >= 2 else None
        if hyphen is not None and hyphen.text == "-" and not hyphen.whitespace_:
            # "sit-in", "walk-out": a word the tokenizer split at its hyphen, looked up whole
            keys.insert(0, f"{noun.doc[noun.i - 2].lower_}-{noun.lower_}")
        if head in self.lexicon.frames:
            keys.extend(
                c.lemma_.lower() for c in reversed(list(noun.lefts)) if c.dep_ == "compound"
            )
        return keys

    def reading(self, verb: Token, consumed: set[int], depth: int = 0) -> Reading | None:
        """What ``verb``'s clause codes (following governed clauses), ``None`` when nothing."""
        consumed.add(verb.i)
        kind = self.modal_kind(verb)
        governed = self.governed(verb) if depth < self.config.max_modal_depth else []
        own = self.lookup(verb)
        if kind is not None and governed:
            inner_verb = governed[0]
            inner = self.reading(inner_verb, consumed, depth + 1)
            if self.negated(verb) or self.unreal(verb):
                self.undone(inner, consumed)  # "can persuade officials to", "could urge X to"
                return None
            content = inner.code if inner else None
            effective = "demand" if kind == "report" else kind
            modal_code = transform(effective, content, self.lexicon)
            if modal_code is None and content is None and kind == "intent" and own is not None:
                # "promised the farmers to ...": the verb's own intent (CAMEO.2.0 PROMISE [030]),
                # aimed at whom the verb itself names; whom an act that codes nothing is done to
                # ("vowing to weaponize government") is no party to the cooperation
                return Reading(own.code, own.flags, verb)
            if modal_code is None:
                self.undone(inner, consumed)  # "is able to impose house detention"
                return None
            flags = (own.flags if own else frozenset()) | (
                inner.flags - {"notarget"} if inner else frozenset()
            )
            flags = flags - {"inverse", "recip"} | (
                {"mutual"} if flags & {"recip", "mutual"} else set()
            )
            target_clause = (
                inner_verb
                if inner_verb.dep_ == "ccomp" and effective in ("demand", "appeal")
                else None
            )
            control = verb if effective in ("appeal", "demand", "threat") else None
            return Reading(
                modal_code, flags, inner.verb if inner else inner_verb, control, target_clause
            )
        if own is None:
            return None
        code: str | None = self.in_words(verb, own.code) or own.code
        aux = self.aux(verb)
        if self.unreal(verb) or (depth == 0 and aux & OBLIGATION_AUX):
            # "could launch an attack on X": the attack is no more done than the launching;
            # "the commission must now ratify the decision" states an obligation, not an act
            # (governed, "said X must Y" is the speaker's demand, read above)
            self.undone(Reading(own.code, own.flags, verb), consumed)
            return None
        if self.negated(verb) or (self.going_to(verb) and self.negated(verb.head)):
            # "would not provide support" is a refusal (121), not a refused intent; so is
            # "is not going to resign", whose negation stands on "going"
            code = None if self.hedged(verb) else negate(own.code, self.lexicon)
        elif aux & FUTURE_AUX or self.going_to(verb):
            conditional = any(
                c.dep_ == "advcl"
                and any(m.dep_ == "mark" and m.lower_ == "unless" for m in c.children)
                for c in verb.children
            )
            code = transform("threat" if conditional else "intent", code, self.lexicon)
        if code is None:
            return None
        return Reading(code, own.flags, verb)

    @staticmethod
    def undone(inner: Reading | None, consumed: set[int]) -> None:
        """No reading for a governed clause that its governor leaves undone; its object is
        claimed with it, so that no nominal event is read from what is not done ("is able to
        impose house detention on X" codes no detention)."""
        if inner is not None:
            consumed.update(
                c.i for c in inner.verb.children if c.dep_ in ("dobj", "nsubjpass", "attr")
            )

    @staticmethod
    def going_to(verb: Token) -> bool:
        head = verb.head
        return (
            verb.dep_ == "xcomp"
            and head.lemma_ == "go"
            and any(c.dep_ == "aux" for c in head.children)
        )
