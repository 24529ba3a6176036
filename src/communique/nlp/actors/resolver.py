"""The actor resolver: groups a document's mentions of people, organisations, countries and
groups into ``ActorCluster``s with role, country and a CAMEO-style code.

One pass of gazetteer lookups (``scan``) plus a walk over ``doc.ents`` and role words
(``people``, ``groups``; roles and affiliations are read by ``affiliation``):

1. people: PERSON entities, known people, and every later token that repeats a person's
   surname or (unambiguous) first name, whatever label the small model gave it ("Lavrov" as
   ORG, "Shoygu" as GPE); titles, country adjectives and honorifics to the left, appositives
   ("Lavrov, Russia's foreign minister"), "who heads the Pentagon" and "X is Y" give role and
   country; then our ``people.tsv`` and user dictionaries fill what the text leaves out;
2. role nominals: "the Russian foreign minister" joins the person holding that role when there
   is one; otherwise "senior administration officials", "Turkish police", "the Sudanese
   government" become group or organisation actors (one per country for "Hungarian and
   Romanian officials", sharing the mention);
3. organisations: known ones ("the Kremlin" -> RUSGOV, "the UN" -> IGO) and ORG entities read
   for a country word and an institution word ("Latvian Constitutional Court" -> LVAJUD);
4. countries: names, adjectives used alone ("an Indian proposal"), peoples ("Palestinians"),
   capitals as subjects ("Moscow said" -> RUSGOV).

A person or role nominal whose own words state no country takes one from the syntax around it
(a possessive pronoun's antecedent, the subjects and names of the clauses above it), else the
dateline, else the first country its sentence names; domestic bodies and office holders last
take the document's most-named country, its people's countries counted with its names
(``country_context``). Office holders counted as a set ("the two leaders") and descriptions
placed beyond any one state ("a foreign oil company", "European firms", "Latin American
leaders": ``actor_words.tsv`` lists beyond_state and region_word) keep an unknown country; the
latter join no other country's actor of the same noun. "MPs there" takes the place named
before it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from types import MappingProxyType

from spacy.tokens import Doc, Span

from ...codes import ActorCode
from ...knowledge.actor_lexicon import (
    ActorKnowledge,
    PersonEntry,
    RoleEntry,
    Term,
    load_actor_knowledge,
)
from ...knowledge.petrarch import (
    ActorDictionary,
    AgentDictionary,
    load_actor_table,
    load_dictionaries,
)
from ..extensions import ActorCluster
from .affiliation import OPPOSITION, compose
from .config import ActorConfig
from .dictionary import ELITE, lookup
from .groups import GroupsMixin
from .people import PeopleMixin
from .state import DETERMINERS, Draft, ResolutionState

OFFICES = frozenset({"GOV", ELITE, OPPOSITION})
"""Sectors of office holders ("Home Secretary Charles Clarke", "former welfare minister Frank
Field", "shadow chancellor Oliver Letwin"), who last take the document's most-named country."""


class ActorResolver:
    """spaCy component setting ``doc._.actors`` (see the module docstring).

    ``knowledge_dir``: a folder whose knowledge files override the bundled ones ("" = bundled
    only). The bundled Phoenix actor table (``phoenix_actors.tsv``, overridable like any
    knowledge file) and ``actor_dictionaries`` (PETRARCH/TABARI actor and agent dictionary
    paths, over the table) fill the country and sector an article and our tables leave unknown,
    with the code valid at ``doc._.published`` (or currently valid when that is ``None``); see
    ``dictionary``.
    ``config``: the tuning numbers (``None``: the defaults).
    """

    def __init__(
        self,
        knowledge_dir: str = "",
        actor_dictionaries: list[str] | None = None,
        config: ActorConfig | None = None,
    ) -> None:
        self.knowledge_dir = knowledge_dir
        self.actor_dictionaries = list(actor_dictionaries or ())
        self.config = config if config is not None else ActorConfig()
        kb = load_actor_knowledge(knowledge_dir)
        self.dictionary: ActorDictionary | None = load_actor_table(knowledge_dir)
        agents: AgentDictionary | None = None
        if actor_dictionaries:
            self.dictionary, agents = load_dictionaries(actor_dictionaries, self.dictionary)
        if agents is not None and agents.agents:
            kb = _with_agents(kb, agents)
        self.kb = kb

    def __call__(self, doc: Doc) -> Doc:
        doc._.actors = _Resolution(doc, self.kb, self.dictionary, self.config).run()
        return doc


def _with_agents(kb: ActorKnowledge, agents: AgentDictionary) -> ActorKnowledge:
    """Our role table extended with a dictionary's agent nouns (ours win on conflicts). An
    agent's code is cut to its first sector (``GOVMED`` -> GOV); nouns whose first code is no
    sector of ``sectors.tsv`` (a faith such as ``CHR`` or ``MUS``, ``CRM``, ``HLH``) are left
    out: "Christian" is a believer, not a role."""
    roles = dict(kb.roles)
    known = set(kb.sectors.priority)
    for phrase, code in agents.agents.items():
        low = phrase.lower()
        sector = ActorCode.parse(code).base
        if low not in roles and sector in known:
            roles[low] = RoleEntry(low, sector, None, "group")
    starts = set(kb.role_starts) | {k.split()[0] for k in roles}
    longest = max(kb.max_role_words, max((len(k.split()) for k in roles), default=1))
    return replace(
        kb, roles=MappingProxyType(roles), role_starts=frozenset(starts), max_role_words=longest
    )


class _Resolution(PeopleMixin, GroupsMixin, ResolutionState):
    """The work on one document (all state is local to one call)."""

    # ----------------------------------------------------------------- driver
    def run(self) -> list[ActorCluster]:
        self._people()
        self._complete_people()
        self.context.count_people(
            [(s, p.country) for p in self.people if p.country for s, _ in p.mentions]
        )
        self._organizations()
        self._role_nominals()
        self._countries()
        self._apply_dictionary()
        return self._finish()

    def _apply_dictionary(self) -> None:
        """Named organisations and groups that neither the article nor our tables place take
        the dictionary's country and sector (``dictionary``; people: ``_complete_people``)."""
        for d in self.drafts:
            if d in self.people or not d.named or d.place or d.code is not None:
                continue  # a description, a place, a country or an organisation we know
            if d.kind == "country" or self._team(d):
                continue  # "the Tigers" of "Leicester Tigers": a team, no armed group
            if d.self_read:
                self._read_from_dictionary(d)
            self._fill_from_dictionary(d)

    def _team(self, d: Draft) -> bool:
        """True for a body named by one word in the plural ("Tigers", "Saints") that the
        article also writes as the end of a longer name the dictionary does not know
        ("Leicester Tigers": the one word is short for it, not for the dictionary's "Tamil
        Tigers") or in a sentence with a score ("beat the Saints 20-10"): a team, which a
        dictionary's armed group of that one word ("TIGERS") is not."""
        name = d.name
        if self.dictionary is None or d.kind != "organization" or " " in name:
            return False
        if not name.endswith("s") or not name[:1].isupper():
            return False
        doc = self.doc
        for m in re.finditer(rf"\b([A-Z][\w'.-]*) {re.escape(name)}\b", doc.text):
            if m.group(1) not in DETERMINERS and self.dictionary.lookup(m.group(0)) is None:
                return True
        return any(SCORE.search(doc[s].sent.text) for s, _ in d.mentions)

    def _read_from_dictionary(self, d: Draft) -> None:
        """An organisation whose facts came from the words of its own name alone takes what
        the dictionary states for its whole name instead ("American Civil Liberties Union":
        an NGO of human rights, not a labour union)."""
        if self.dictionary is None or self._acronym(d.name):
            return
        found = lookup(self.dictionary, [d.name], _day(self.doc._.published), self.kb)
        if found is None or (found.country is None and found.base is None):
            return
        d.country, d.base, d.sector = found.country, found.base, found.sector

    def _fill_from_dictionary(self, d: Draft) -> None:
        """Fill what ``d`` lacks (country or international base, sector) from the dictionary:
        the text's own facts are kept. Short acronyms ("FPS") are too ambiguous to look up,
        and a person takes a country only when the article names it somewhere (a namesake of
        a Canadian minister in a football report is no Canadian), when a full name is
        that of an office holder on the article's day ("Jean Chretien" in 2003) in an article
        about states (``_about_states``), or when the text itself gives that full name an
        office of state (``OFFICES``: "Former Cabinet minister Clare Short" is the politician
        the dictionary knows, whatever other country her clause names)."""
        if self.dictionary is None:
            return
        texts = [
            t for t in (*sorted(d.names, key=len, reverse=True), d.name) if not self._acronym(t)
        ]
        found = lookup(self.dictionary, texts, _day(self.doc._.published), self.kb)
        if found is None:
            return
        if (
            d.kind == "person"
            and found.country not in (None, *self.context.countries())
            and not (found.in_office and self._about_states() and d.sector in (None, found.sector))
            and not (d.sector in OFFICES and any(len(n.split()) > 1 for n in d.names))
        ):
            return  # a namesake ("Officer John Carter" is no New Zealand minister)
        if d.country is None and d.base is None:
            d.country, d.base = found.country, found.base
        if d.sector is None:
            d.sector = found.sector

    def _acronym(self, text: str) -> bool:
        """A short name in capitals ("FPS"): too ambiguous to look up in a dictionary."""
        return text.isupper() and len(text) <= self.config.max_acronym_length

    def _complete_people(self) -> None:
        """Fill what the text leaves out of each person from ``people.tsv`` (the office held
        at the publication date), the given-name list and the sentence's country. An undated
        article takes the table's country and branch (the sector of the last office) and a
        title only when the article itself writes one and only one of the person's offices
        (``_titled``): an office holds only for a period, and the article's own words ("the
        UK chancellor", ``_described``) say which one it means."""
        doc = self.doc
        published = doc._.published
        day = _day(published)
        for p in self.people:
            p.name = max(p.names, key=len) if p.names else p.name
            known = self._known(p)
            if known is None:
                self._fill_from_dictionary(p)
            else:
                term = known.term_on(day)
                titled = term if day is not None else self._titled(known)
                code = term.code if term else None
                if p.country is None and p.base is None:
                    p.country = known.country
                    if known.country is None and code:
                        p.base = ActorCode.parse(code).base
                if p.role is None and term is not None:
                    if titled is not None:
                        p.role = titled.role
                        if titled.role and not titled.role.startswith("former "):
                            p.title_phrase = titled.role.lower()
                    if code and p.sector is None:
                        p.sector = ActorCode.parse(code).sector or None
                p.gender = p.gender or known.gender
            if p.gender is None and p.names:
                # a name both sexes bear has an empty gender: none is told
                p.gender = self.kb.given_names.get(max(p.names, key=len).split()[0]) or None
            if p.country is None and p.base is None and p.role is not None and p.mentions:
                # a title whose organisation left its sector unknown ("Labour leader") still
                # places its holder as the title itself would
                own = self.kb.role(p.title_phrase) if p.title_phrase else None
                sector = p.sector or (own.sector if own is not None else None)
                p.country = self._fallback_country(
                    doc[p.mentions[0][1] - 1], sector, office=sector in OFFICES
                )

    def _titled(self, known: PersonEntry) -> Term | None:
        """For an undated article, the one office of ``known`` whose title the article
        writes somewhere ("Tony Blair ... the prime minister"); ``None`` when it writes none
        of them, or two ("Gordon Brown" in an article naming the prime minister and the
        chancellor)."""
        titles = {
            rm.entry.title.lower() for rm in self.scan.roles_by_start.values() if rm.entry.title
        }
        found = {t.role: t for t in known.terms if t.role and t.role.lower() in titles}
        return next(iter(found.values())) if len(found) == 1 else None

    def _finish(self) -> list[ActorCluster]:
        doc = self.doc
        for p in self.people:
            p.name = max(p.names, key=len) if p.names else p.name
        out: list[ActorCluster] = []
        live = [d for d in self.drafts if d.mentions]
        live.sort(key=lambda d: min(s for s, _ in d.mentions))
        for n, d in enumerate(live, 1):
            code = d.code or compose(d.country or d.base, d.sector, d.group)
            spans = [Span(doc, s, e) for s, e in sorted(d.mentions)]
            out.append(
                ActorCluster(
                    id=f"a{n}",
                    name=d.name,
                    kind=d.kind,
                    mentions=spans,
                    country=d.country,
                    role=d.role,
                    sector=d.sector,
                    code=code,
                    gender=d.gender,
                    plural=d.plural,
                    named=d.named and not d.name.islower(),  # "crown", "creepy": no name
                )
            )
        return out


SCORE = re.compile(r"\b\d{1,3}-\d{1,3}\b")
"""A game's score ("20-10", "2-1")."""


def _day(published: object) -> dt.date | None:
    """``doc._.published`` as a date (a datetime is cut to its day); ``None`` when unknown."""
    if isinstance(published, dt.datetime):
        return published.date()
    return published if isinstance(published, dt.date) else None
