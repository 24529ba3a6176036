"""Target finding for the event coder: where an event's parties are named besides its subject.

``TargetFinder.targets`` reads a clause's target: the object ("criticized X"), the object's own
prepositional phrase ("a summit with X"), the verb's ("took a dig at X"), a named target clause.
Around it, the helpers for the other places a party hides: the agent of a passive ("by X"), a
subject the parser lost, whom a conditional threat ("... if the United States deploys") or a
protest's purpose ("to protest X") is aimed at, the giver of an inverse event ("received aid
from X"). A country's own army or police ("its troops") is its instrument, never a target; a
place ("in X") is a target only for a visit.
"""

from __future__ import annotations

from spacy.tokens import Token

from ...codes import ActorCode, EventCode
from ..syntax import FINITE_TAGS, first_subject, pobj_of, to_infinitive
from .clauses import ClauseReader, Reading
from .lexicon import EventLexicon
from .parties import LOCATION_PREPS, PLACE_ENTITIES, Party, PartyFinder, names_place

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
PLACE_PREPS: tuple[str, ...] = ("into", "in", "to", "near", "at")
OWN: frozenset[str] = frozenset({"its", "their", "his", "her", "our", "my"})
"""Possessives that make an object the subject's own ("withdraw its troops")."""


def agent_of(verb: Token, max_climb: int) -> Token | None:
    """The agent of a passive verb ("was criticized by X": X), or ``None`` (``max_climb``: see
    ``syntax.pobj_of``)."""
    for child in verb.children:
        if child.dep_ == "agent":
            return pobj_of(child, max_climb)
    return None


def lost_subject(verb: Token, max_climb: int) -> Token | None:
    """The subject the parser lost on a finite verb: a name before it misread as a
    preposition ("Barack Obama and Vladimir Putin met": "Barack" tagged IN, the names its
    objects) or left as a loose dependent. ``None`` when there is none."""
    if verb.tag_ not in FINITE_TAGS:
        return None
    for child in verb.lefts:
        if child.dep_ == "prep" and child.text[:1].isupper() and child.i == child.sent.start:
            return pobj_of(child, max_climb)
        if child.dep_ in ("dep", "npadvmod") and child.pos_ == "PROPN":
            return child
    return None


def place_target(reading: Reading, lexicon: EventLexicon) -> bool:
    """Whether "in X" may name the target: not for a meeting or talks, which happen in a
    place ("ministers are meeting in Brussels"), nor for what two sides do together ("signed
    the deal in Buenos Aires"), but for a visit, which is to one (``lexicon.visit_codes``)."""
    if reading.flags & {"recip", "mutual"}:
        return False
    return EventCode.parse(reading.code).root != "04" or reading.code in lexicon.visit_codes


def own_force(source: Party, target: Party, force_sectors: frozenset[str]) -> bool:
    """A country's own army or police (a sector of ``force_sectors``) is its instrument, not
    a target ("Britain mobilized army reservists")."""
    s, t = source.code or "", ActorCode.parse(target.code)
    return len(s) == 3 and t.base == s and t.first_sector in force_sectors


def prep_parties(
    tok: Token,
    preps: tuple[str, ...],
    finder: PartyFinder,
    places: bool = True,
    beneficiaries: bool = True,
) -> list[Party]:
    """The parties named by the first of ``preps`` (in their order) under ``tok`` that names any.
    ``places=False``: a place named after "in" or "at" ("talks in Geneva") is where the event
    happens, no party (``parties.names_place``); ``beneficiaries``: see ``PartyFinder.parties``."""
    by_prep: dict[str, Token] = {}
    for child in tok.children:
        if (
            child.dep_ in ("prep", "dative")
            and child.lower_ in preps
            and child.lower_ not in by_prep
        ):
            pobj = pobj_of(child, finder.config.max_pobj_climb)
            if pobj is not None:
                by_prep[child.lower_] = pobj
    for prep in preps:
        if prep in by_prep:
            found = finder.parties(by_prep[prep], beneficiaries=beneficiaries)
            if not places and prep in LOCATION_PREPS:
                found = [p for p in found if not names_place(p.actor)]
            if not places:
                found = [p for p in found if not venue(p, by_prep[prep])]
            if found:
                return found
    return []


def venue(party: Party, top: Token) -> bool:
    """Whether a party is a place named in an "in"/"at" phrase of a noun inside ``top``'s
    phrase: where the event happens ("gathered for a summit in Hong Kong"), no party, even
    when the place has a country's code."""
    if party.actor is None:
        return False
    roots = [
        m.root for m in party.actor.mentions if top.left_edge.i <= m.root.i <= top.right_edge.i
    ]
    return bool(roots) and all(
        r.ent_type_ in PLACE_ENTITIES and _in_location_phrase(r, top) for r in roots
    )


def _in_location_phrase(tok: Token, top: Token) -> bool:
    """Whether ``tok`` sits in an "in"/"at" phrase of a noun on its way up to ``top``."""
    while tok.i != top.i and tok.head is not tok:
        head = tok.head
        if (
            tok.dep_ == "pobj"
            and head.lower_ in LOCATION_PREPS
            and head.head.pos_ in ("NOUN", "PROPN")
        ):
            return True
        tok = head
    return False


def prep_pobj(tok: Token, prep: str, max_climb: int) -> Token | None:
    """The object of ``tok``'s first ``prep`` phrase, or ``None`` (``max_climb``: see
    ``syntax.pobj_of``)."""
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ == prep:
            return pobj_of(child, max_climb)
    return None


def clause_place(noun: Token, finder: PartyFinder) -> list[Party]:
    """Whose property an attack hits, named in the object's own clause: "blew up power
    lines leading into Kabul", "shelled a bridge that links X to Y"."""
    for clause in noun.children:
        if clause.dep_ in ("acl", "relcl"):
            found = prep_parties(clause, PLACE_PREPS, finder)
            if found:
                return found
    return []


def acl_agent(noun: Token, finder: PartyFinder) -> list[Party]:
    """ "prevented the demonstration staged by students": the students."""
    for acl in noun.children:
        if acl.dep_ == "acl":
            for agent in acl.children:
                if agent.dep_ == "agent":
                    pobj = next((g for g in agent.children if g.dep_ == "pobj"), None)
                    if pobj is not None:
                        return finder.parties(pobj)
    return []


def condition_targets(governor: Token, content: Token, finder: PartyFinder) -> list[Party]:
    """Whom a conditional threat is aimed at: "threatened to stop talks if the United
    States goes ahead", "will boycott the elections unless the president steps down"."""
    for verb in (content, governor):
        for child in verb.children:
            if child.dep_ == "advcl" and any(
                m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in child.children
            ):
                subj = first_subject(child)
                if subj is not None:
                    found = finder.parties(subj)
                    if found:
                        return found
    return []


def from_phrase(verb: Token, finder: PartyFinder) -> list[Party]:
    """ "received assurances from Y", "faces pressure from Y": Y (also under the object)."""
    for holder in (verb, *[c for c in verb.children if c.dep_ == "dobj"]):
        for child in holder.children:
            if child.dep_ in ("prep", "agent") and child.lower_ in ("from", "by"):
                pobj = pobj_of(child, finder.config.max_pobj_climb)
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


class TargetFinder:
    """Finds the targets of a clause's event, reading nouns with the coder's lexicon."""

    def __init__(self, lexicon: EventLexicon, reader: ClauseReader) -> None:
        self.lexicon = lexicon
        self.reader = reader

    def targets(
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
        places = self.places_reached(reading.code)
        # an appeal or a demand is aimed at whom it asks, not at whom what it asks for helps
        # ("appealed for aid for Indonesia and Thailand" asks neither of them)
        helped = EventCode.parse(reading.code).root not in self.lexicon.addressed_roots
        protest = EventCode.parse(reading.code).root == "14"
        # "held a rally in Belgrade": nor is the place of a protest its object names
        noun_preps = (
            tuple(p for p in NOUN_TARGET_PREPS if p != "in")
            if protest and not where
            else NOUN_TARGET_PREPS
        )
        if "from" in reading.flags:  # "withdrew from X to Y": whom it withdraws from
            verb_preps = ("from", *(p for p in verb_preps if p != "from"))

        def usable(found: list[Party]) -> list[Party]:
            return [
                t
                for t in found
                if t.code
                and not any(
                    t.same(s) or own_force(s, t, self.lexicon.force_sectors) for s in sources
                )
            ]

        if reading.target_clause is not None:
            s = first_subject(reading.target_clause)
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
            # "calling on the Department of Trade to block a takeover by the US magnate": the
            # one asked, urged or threatened is the target, even when its actor has no code;
            # the parties of what it is asked to do are not
            addressee = reading.control is not None and holder.i == reading.control.i
            for obj in objects:
                if any(c.dep_ == "poss" and c.lower_ in OWN for c in obj.children):
                    continue  # "withdraw its troops": the subject's own
                if protest:
                    found = usable(finder.opposed(obj))  # "staged anti-American protests"
                    if found:
                        return found
                named = finder.parties(obj, beneficiaries=helped)
                found = usable(named)
                if found or (addressee and any(p.actor for p in named)):
                    return found
            for obj in objects:
                found = usable(
                    prep_parties(obj, noun_preps, finder, places, helped) or acl_agent(obj, finder)
                )
                root = EventCode.parse(reading.code).root
                if not found and root in self.lexicon.material_conflict:
                    found = usable(clause_place(obj, finder))
                if found:
                    return found
            found = []
            for prt in holder.children:  # "kidnapped up to 16 advisers from a town bazaar"
                if not found and prt.dep_ == "prt":
                    found = usable(prep_parties(prt, verb_preps, finder, places, helped))
            if not found:
                named = prep_parties(holder, verb_preps, finder, places, helped)
                found = usable(named)
                if addressee and not found and any(p.actor for p in named):
                    return []
            if not found and not where:
                # "is in talks with X": "in" names the event, not a place
                event = prep_pobj(holder, "in", finder.config.max_pobj_climb)
                if event is not None and any(
                    k in self.lexicon.nouns for k in self.reader.noun_keys(event)
                ):
                    found = usable(finder.parties(event))
            if found:
                return found
        return []

    def places_reached(self, code: str) -> bool:
        """Whether a place after "in"/"at" may be an event's party. Words and meetings (verbal
        cooperation, quad class 1) happen at a place: "held talks in Geneva", "backed the plan
        at a meeting in London" name no Swiss or British party; a visit goes to its place
        ("arrived in Baghdad"), and material acts reach the people of theirs ("suspended aid
        deliveries in Baghdad", "imposed a curfew in Algiers")."""
        return code in self.lexicon.visit_codes or self.lexicon.quad(code) != 1

    def purpose_targets(
        self, verb: Token, finder: PartyFinder, sources: list[Party]
    ) -> list[Party]:
        """Whom a protest is against: "blocked a road to show disapproval of X", "staged a
        hunger strike to protest X", "rallied in protest against X"."""
        for child in verb.children:
            if child.dep_ in ("advcl", "xcomp") and to_infinitive(child):
                found = self.targets(Reading("", frozenset(), child), finder, sources)
                if found:
                    return found
            if child.dep_ == "prep" and child.lower_ in ("in", "against"):
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and pobj.lemma_.lower() in self.lexicon.protest_nouns:
                        found = prep_parties(pobj, NOUN_TARGET_PREPS, finder)
                        if found:
                            return found
        return []
