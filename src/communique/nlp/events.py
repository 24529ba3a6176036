"""The event coder: who did what to whom, in CAMEO codes, read clause by clause.

For each sentence we walk its verbs once. A verb (with its particle and object) is looked up in
the verb-and-pattern lexicon (``verbs.tsv``); a governing verb such as "pledge", "threaten" or
"refuse" (``event_modals.tsv``) turns the code of the clause it governs into an intent, a threat
or a refusal (``event_modality``); negation turns cooperation into refusal and drops conflict.
The subject gives the source and the object (or a prepositional object) the target; passive
clauses swap them ("was criticized by X"). Compound actors give one event per dyad, and
reciprocal verbs ("A and B met") code every ordered pair. Nouns that name events ("the summit
between A and B", "Russia's attack on Georgia") are coded when no verb claimed them.

An event's date is the resolved date of a ``DateSpan`` in its sentence, else the publication
date (``doc._.published``), else ``None``. The same (source code, target code, event code)
reported twice in one article is kept once: the first report wins.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from collections.abc import Mapping
from itertools import permutations
from types import MappingProxyType

from spacy.tokens import Doc, Span, Token

from .event_actors import Party, PartyFinder
from .event_lexicon import EventLexicon, Pattern
from .event_modality import negate, transform
from .extensions import EventSpan

FUTURE_AUX: frozenset[str] = frozenset({"will", "would", "shall", "'ll"})
OBLIGATION_AUX: frozenset[str] = frozenset({"must", "should"})
HYPOTHETICAL_AUX: frozenset[str] = frozenset({"could", "might", "may"})
NEGATIONS: frozenset[str] = frozenset({"not", "n't", "never", "no"})
TARGET_PREPS: tuple[str, ...] = (
    "with", "to", "against", "on", "at", "toward", "towards", "into", "from", "for", "over", "of", "in",
)
"""Prepositions whose object may be an event's target, in order of preference."""
NOUN_TARGET_PREPS: tuple[str, ...] = (
    "with", "on", "against", "to", "for", "between", "in", "of", "by", "from",
)
UNTARGETED_ROOTS: frozenset[str] = frozenset()
"""Roots coded without a named target (none: tried "03" for promises, no gain on the dev set);
verbs and nouns flagged ``notarget`` are coded without one."""
MILITARY_FORCE: Mapping[str, str] = MappingProxyType({"183": "190", "180": "190"})
"""Killing or wounding by a military is conventional force (19), not assault (18), per CAMEO."""
OWN_FORCE_SECTORS: frozenset[str] = frozenset({"MIL", "COP", "SPY"})
OWN: frozenset[str] = frozenset({"its", "their", "his", "her", "our", "my"})
"""Possessives that make an object the subject's own ("withdraw its troops")."""
PARTIAL_ADVERBS: frozenset[str] = frozenset({"always", "completely", "entirely", "fully", "quite", "necessarily"})
RECIPROCAL_ADVERBS: frozenset[str] = frozenset({"together", "jointly", "mutually", "bilaterally"})
VERB_POS: frozenset[str] = frozenset({"VERB", "AUX"})


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


class EventCoder:
    """spaCy component: sets ``doc._.events`` (``list[EventSpan]``, empty when none found).

    ``knowledge_dir`` is a folder whose knowledge files override the bundled ones ("" for none).
    """

    def __init__(self, knowledge_dir: str = "", lexicon: EventLexicon | None = None) -> None:
        self.knowledge_dir = knowledge_dir
        self.lexicon = lexicon if lexicon is not None else EventLexicon.load(knowledge_dir)

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
        governed = {c.i for t in sent for c in self._governed(t)}
        consumed: set[int] = set()
        out: list[EventSpan] = []
        for tok in sent:
            if tok.i in governed or tok.i in consumed:
                continue
            if tok.pos_ not in VERB_POS and not (tok.pos_ == "ADJ" and self._governed(tok)):
                continue
            reading = self._reading(tok, consumed)
            if reading is None:
                continue
            found = self._events(sent, tok, reading, finder, date)
            if found:
                consumed.update(c.i for c in reading.verb.children if c.dep_ in ("dobj", "nsubjpass", "attr"))
            out.extend(found)
        for tok in sent:
            if tok.pos_ in ("NOUN", "PROPN") and tok.i not in consumed:
                out.extend(self._nominal(sent, tok, finder, date))
        return out

    def _modal_kind(self, tok: Token) -> str | None:
        """The modal kind of ``tok`` (``event_modals.tsv``), or of its object noun when the verb
        itself is no event word ("reiterated its demand that ...", "renewed its call to ...")."""
        lemma = self._verb_lemma(tok) if tok.pos_ in VERB_POS else tok.lemma_.lower()
        kind = self.lexicon.modals.get(lemma)
        if kind is None and tok.pos_ in VERB_POS and lemma not in self.lexicon.verbs:
            obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
            if obj is not None and obj.lemma_.lower() in self.lexicon.modals:
                kind = self.lexicon.modals[obj.lemma_.lower()]
        return kind

    def _governed(self, tok: Token) -> list[Token]:
        """Clauses whose event ``tok`` transforms: its xcomp for a modal verb or adjective, its
        ccomp for "demand that", "agree that" and "said X must"."""
        kind = self._modal_kind(tok)
        if kind is None:
            return []
        out = []
        for child in tok.children:
            if child.dep_ == "xcomp" and child.pos_ in VERB_POS:
                out.append(child)
            elif child.dep_ == "ccomp" and child.pos_ in VERB_POS:
                if kind in ("demand", "intent", "appeal", "none") or (
                    kind == "report" and self._aux(child) & OBLIGATION_AUX
                ):
                    out.append(child)
            elif child.dep_ == "prep" and child.lower_ == "to" and kind == "intent":
                # "is committed to opening up", "is prepared for talks" keeps its own reading
                out.extend(g for g in child.children if g.dep_ == "pcomp" and g.pos_ in VERB_POS)
        return out

    @staticmethod
    def _aux(verb: Token) -> set[str]:
        return {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}

    @staticmethod
    def _negated(verb: Token) -> bool:
        return any(c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ == "never") for c in verb.children)

    @staticmethod
    def _hedged(verb: Token) -> bool:
        """"do not always agree completely": a partial negation, neither the act nor a refusal."""
        return any(c.dep_ == "advmod" and c.lower_ in PARTIAL_ADVERBS for c in verb.children)

    @staticmethod
    def _object(verb: Token) -> Token | None:
        """The direct object (or the passive subject, or the object of the first preposition)."""
        first_pobj: Token | None = None
        for child in verb.children:
            if child.dep_ in ("dobj", "nsubjpass"):
                return child
            if first_pobj is None and child.dep_ == "prep":
                first_pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
        return first_pobj

    def _lookup(self, verb: Token) -> Pattern | None:
        lemma = self._verb_lemma(verb)
        particles = [c.lower_ for c in verb.children if c.dep_ == "prt"]
        keys = [f"{lemma} {particles[0]}", lemma] if particles else [lemma]
        obj = self._object(verb)
        has_dobj = any(c.dep_ in ("dobj", "nsubjpass") for c in verb.children)
        obj_keys: list[str] = []
        if obj is not None:
            obj_keys = self._noun_keys(obj)
            for conj in obj.children:  # "launched artillery, mortar and rocket fire"
                if conj.dep_ == "conj":
                    obj_keys.extend(self._noun_keys(conj))
            if obj.dep_ == "nsubjpass":  # "were engaged in ethnic cleansing"
                prep = next((c for c in verb.children if c.dep_ == "prep"), None)
                pobj = next((g for g in prep.children if g.dep_ == "pobj"), None) if prep is not None else None
                if pobj is not None:
                    obj_keys.extend(self._noun_keys(pobj))
            # "700 kg of medicine", "a grant of 580 million shillings"
            of = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            inner = next((g for g in of.children if g.dep_ == "pobj"), None) if of is not None else None
            if inner is not None:
                obj_keys.extend(self._noun_keys(inner))
        governed = verb.dep_ in ("xcomp", "ccomp", "pcomp") and verb.head.lemma_.lower() in self.lexicon.modals
        if keys[-1] not in self.lexicon.verbs and (governed or self.lexicon.modals.get(keys[-1]) == "attempt"):
            # "continued military aid", "resumed talks", "threatened to institute a curfew":
            # the noun's event
            for ok in obj_keys:
                noun = self.lexicon.nouns.get(ok)
                if noun is not None:
                    return Pattern(noun.code, noun.flags - {"light"})
        for key in keys:
            rows = self.lexicon.verbs.get(key)
            if not rows:
                continue
            for ok in obj_keys:
                if ok in rows:
                    return rows[ok]
            if key in self.lexicon.light_verbs:
                for ok in obj_keys:
                    noun = self.lexicon.nouns.get(ok)
                    if noun is not None:
                        return Pattern(noun.code, noun.flags - {"light"})
            bare = rows.get("")
            if bare is not None and (has_dobj or "needobj" not in bare.flags):
                return bare
        return None

    def _verb_lemma(self, verb: Token) -> str:
        """The verb's lemma, repaired when the model's lemma is unknown to the lexicon but a
        regular inflection of the word is known ("staged" lemmatized as "stag")."""
        lemma = verb.lemma_.lower()
        if lemma in self.lexicon.verbs or lemma in self.lexicon.modals:
            return lemma
        word = verb.lower_
        for suffix, repl in (("ied", "y"), ("ies", "y"), ("ed", "e"), ("ed", ""), ("ing", "e"), ("ing", ""), ("es", ""), ("s", "")):
            if word.endswith(suffix):
                stem = word[: -len(suffix)] + repl
                if stem in self.lexicon.verbs:
                    return stem
        return lemma

    @staticmethod
    def _noun_keys(noun: Token) -> list[str]:
        """Lookup keys for a noun: "air strike" (with its compound) before "strike"."""
        keys = [noun.lemma_.lower()]
        compound = [c.lemma_.lower() for c in noun.lefts if c.dep_ in ("compound", "amod")]
        if compound:
            keys.insert(0, f"{compound[-1]} {keys[0]}")
        return keys

    def _reading(self, verb: Token, consumed: set[int], depth: int = 0) -> Reading | None:
        """What ``verb``'s clause codes (following governed clauses), ``None`` when nothing."""
        consumed.add(verb.i)
        kind = self._modal_kind(verb)
        governed = self._governed(verb) if depth < 4 else []
        own = self._lookup(verb)
        if kind is not None and governed:
            inner_verb = governed[0]
            inner = self._reading(inner_verb, consumed, depth + 1)
            if self._negated(verb):
                return None
            content = inner.code if inner else None
            effective = "demand" if kind == "report" else kind
            modal_code = transform(effective, content, self.lexicon)
            if modal_code is None and content is None and kind == "intent" and own is not None:
                modal_code = own.code
            if modal_code is None:
                return None
            flags = (own.flags if own else frozenset()) | (inner.flags - {"notarget"} if inner else frozenset())
            flags = flags - {"inverse", "recip"} | ({"mutual"} if flags & {"recip", "mutual"} else set())
            target_clause = inner_verb if inner_verb.dep_ == "ccomp" and effective in ("demand", "appeal") else None
            control = verb if effective in ("appeal", "demand", "threat") else None
            return Reading(modal_code, flags, inner.verb if inner else inner_verb, control, target_clause)
        if own is None:
            return None
        code: str | None = own.code
        aux = self._aux(verb)
        if aux & HYPOTHETICAL_AUX:
            return None
        if aux & FUTURE_AUX or self._going_to(verb):
            conditional = any(
                c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "unless" for m in c.children)
                for c in verb.children
            )
            code = transform("threat" if conditional else "intent", code, self.lexicon)
        if code is not None and self._negated(verb):
            code = None if self._hedged(verb) else negate(code, self.lexicon)
        if code is None:
            return None
        return Reading(code, own.flags, verb)

    @staticmethod
    def _going_to(verb: Token) -> bool:
        head = verb.head
        return verb.dep_ == "xcomp" and head.lemma_ == "go" and any(c.dep_ == "aux" for c in head.children)

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
        if passive and head is not tok and not any(c.dep_ == "auxpass" for c in tok.children) and tok.tag_ != "VBN":
            passive = False  # "X was indicted ... and will resign": the second verb is active
        if passive and (self.lexicon.modals.get(head.lemma_.lower()) == "intent" or "active" in reading.flags):
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
                targets = finder.parties(subj) or self._targets(reading, finder, skip_object=True)
        else:
            if subj is not None:
                sources = finder.parties(subj)
            if "notarget" in reading.flags:
                # whom a protest is against, never where it takes place
                targets = self._purpose_targets(content, finder) or self._targets(reading, finder, where=False)
            else:
                targets = self._targets(reading, finder)
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
                    subj = next((c for c in child.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                    if subj is not None:
                        found = finder.parties(subj)
                        if found:
                            return found
        return []

    def _purpose_targets(self, verb: Token, finder: PartyFinder) -> list[Party]:
        """Whom a protest is against: "blocked a road to show disapproval of X", "staged a
        hunger strike to protest X", "rallied in protest against X"."""
        for child in verb.children:
            if child.dep_ in ("advcl", "xcomp") and any(a.dep_ == "aux" and a.lower_ == "to" for a in child.children):
                found = self._targets(Reading("", frozenset(), child), finder)
                if found:
                    return found
            if child.dep_ == "prep" and child.lower_ in ("in", "against"):
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and pobj.lemma_.lower() in ("protest", "defiance", "opposition"):
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
        """"received assurances from Y", "faces pressure from Y": Y (also under the object)."""
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
        self, reading: Reading, finder: PartyFinder, skip_object: bool = False, where: bool = True
    ) -> list[Party]:
        """The target: the object ("criticized X"), else the object's own prepositional phrase
        ("a summit with X"), else the verb's ("took a dig at X"); ``where=False`` leaves out
        "in X" (the place of a protest is not its target). ``[]`` when none names an actor.
        An object that is the source's own ("its troops") is an instrument, not a target."""
        verb = reading.verb
        verb_preps = TARGET_PREPS if where else tuple(p for p in TARGET_PREPS if p != "in")
        if reading.target_clause is not None:
            s = next((c for c in reading.target_clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if s is not None:
                found = finder.parties(s)
                if found:
                    return found
        holders = [verb]
        if reading.control is not None and reading.control is not verb:
            holders.insert(0, reading.control)
        for holder in holders:
            objects = [c for c in holder.children if c.dep_ in ("dobj", "dative", "iobj") and not skip_object]
            objects = [o for o in objects if not any(c.dep_ == "poss" and c.lower_ in OWN for c in o.children)]
            for obj in objects:
                found = finder.parties(obj)
                if found:
                    return found
            for obj in objects:
                found = self._prep_parties(obj, NOUN_TARGET_PREPS, finder) or self._acl_agent(obj, finder)
                if found:
                    return found
            found = self._prep_parties(holder, verb_preps, finder)
            for prt in holder.children:  # "kidnapped up to 16 advisers"
                if not found and prt.dep_ == "prt":
                    found = self._prep_parties(prt, verb_preps, finder)
            if found:
                return found
        return []

    @staticmethod
    def _acl_agent(noun: Token, finder: PartyFinder) -> list[Party]:
        """"prevented the demonstration staged by students": the students."""
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
            if child.dep_ in ("prep", "dative") and child.lower_ in preps and child.lower_ not in by_prep:
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
        targets = [t for t in targets if t.code and not any(t.same(s) or self._own_force(s, t) for s in sources)]
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
        elif sources and ("notarget" in reading.flags or reading.code[:2] in UNTARGETED_ROOTS):
            pairs.extend((s, None) for s in sources)
        elif targets and passive and self.lexicon.quad(reading.code) == 4:
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
        """"do operations together", "work jointly", "help each other": a reciprocal act."""
        for child in verb.children:
            if child.dep_ == "advmod" and child.lower_ in RECIPROCAL_ADVERBS:
                return True
            if child.dep_ in ("dobj", "pobj", "prep") and child.lower_ in ("other", "another"):
                return True
            if child.dep_ == "prep" and any(g.lower_ in ("other", "another") for g in child.children):
                return True
        return False

    # -- nominal events --------------------------------------------------------------------------
    def _nominal(self, sent: Span, noun: Token, finder: PartyFinder, date: dt.date | None) -> list[EventSpan]:
        """"the summit between A and B", "Russia's attack on Georgia", "U.S.-Russian talks"."""
        pattern = self.lexicon.nouns.get(noun.lemma_.lower())
        if pattern is None or "light" in pattern.flags:
            return []
        reading = Reading(pattern.code, pattern.flags, noun)
        between = self._prep_pobj(noun, "between")
        if between is not None:
            sides = finder.parties(between)
            if len(sides) > 1:
                return self._dyads(sent, Reading(pattern.code, pattern.flags | {"recip"}, noun), sides, [], date, False)
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
