"""The actor resolver: groups a document's mentions of people, organisations, countries and
groups into ``ActorCluster``s with role, country and a CAMEO-style code.

One pass of gazetteer lookups (``actor_scan``) plus a walk over ``doc.ents`` and role words:

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

A person or role nominal whose country the text does not state takes the country most named in
its sentence (then in the document) when its sector is a state one (GOV, MIL, COP...).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from types import MappingProxyType

from spacy.tokens import Doc, Span, Token

from ..knowledge.actors import (
    INTERNATIONAL,
    ActorKnowledge,
    PersonEntry,
    RoleEntry,
    load_actor_knowledge,
)
from ..knowledge.petrarch import ActorDictionary, AgentDictionary, load_dictionaries
from .actor_roles import (
    COUNTRY_KINDS,
    HONORIFICS,
    Affiliation,
    base_of,
    compose,
    postmodifiers,
    premodifiers,
    role_text,
    sector_of,
)
from .actor_scan import POSSESSIVE, ScanResult, scan
from .extensions import ActorCluster

STATE_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "COP", "SPY", "ELI"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "poss", "agent"})
HEAD_VERBS = frozenset({"head", "lead", "run", "chair", "command", "direct"})
ENT_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})
DETERMINERS = frozenset({"the", "a", "an", "The", "A", "An"})
SECTOR_PRIORITY = ("JUD", "LEG", "MIL", "COP", "SPY", "EDU", "MED", "REF", "REB", "OPP",
                   "PTY", "JRN", "LAB", "BUS", "AGR", "REL", "HRI", "NGO", "CVL", "GOV")


@dataclass(eq=False)
class _Draft:
    """An actor under construction (token offsets; turned into an ActorCluster at the end)."""

    kind: str
    name: str
    mentions: list[tuple[int, int]] = field(default_factory=list)
    country: str | None = None
    role: str | None = None
    sector: str | None = None
    code: str | None = None
    """A fixed code (known organisation, dictionary); ``None``: composed at the end."""
    base: str | None = None
    """IGO/NGO prefix for actors of international organisations."""
    gender: str | None = None
    plural: bool = False
    names: list[str] = field(default_factory=list)
    """Proper names seen (people): the longest becomes ``name``."""
    title_phrase: str | None = None
    """Lower-case role phrase, for matching "the Russian foreign minister" to its holder."""

    def add(self, start: int, end: int) -> None:
        if (start, end) not in self.mentions:
            self.mentions.append((start, end))


class ActorResolver:
    """spaCy component setting ``doc._.actors`` (see the module docstring).

    ``knowledge_dir``: a folder whose knowledge files override the bundled ones ("" = bundled
    only). ``actor_dictionaries``: PETRARCH/TABARI actor and agent dictionary paths; their codes
    (valid at ``doc._.published``, or currently valid when that is ``None``) override ours.
    """

    def __init__(self, knowledge_dir: str = "", actor_dictionaries: list[str] | None = None) -> None:
        kb = load_actor_knowledge(knowledge_dir)
        self.dictionary: ActorDictionary | None = None
        agents: AgentDictionary | None = None
        if actor_dictionaries:
            self.dictionary, agents = load_dictionaries(actor_dictionaries)
        if agents is not None and agents.agents:
            kb = _with_agents(kb, agents)
        self.kb = kb

    def __call__(self, doc: Doc) -> Doc:
        doc._.actors = _Resolution(doc, self.kb, self.dictionary).run()
        return doc


def _with_agents(kb: ActorKnowledge, agents: AgentDictionary) -> ActorKnowledge:
    """Our role table extended with a dictionary's agent nouns (ours win on conflicts)."""
    roles = dict(kb.roles)
    for phrase, sector in agents.agents.items():
        low = phrase.lower()
        if low not in roles:
            roles[low] = RoleEntry(low, sector or None, None, "group")
    starts = set(kb.role_starts) | {k.split()[0] for k in roles}
    longest = max(kb.max_role_words, max((len(k.split()) for k in roles), default=1))
    return replace(kb, roles=MappingProxyType(roles), role_starts=frozenset(starts),
                   max_role_words=longest)


class _Resolution:
    """The work on one document (all state is local to one call)."""

    def __init__(self, doc: Doc, kb: ActorKnowledge, dictionary: ActorDictionary | None) -> None:
        self.doc = doc
        self.kb = kb
        self.dictionary = dictionary
        self.scan: ScanResult = scan(doc, kb)
        self.used: set[int] = set()
        self.names_used: set[int] = set()
        """Tokens of people's names and of organisations already made actors."""
        self.drafts: list[_Draft] = []
        self.by_key: dict[tuple[str, ...], _Draft] = {}
        self.people: list[_Draft] = []
        self.token_person: dict[int, _Draft] = {}
        self.claimed: dict[int, _Draft] = {}
        """Role-match start -> the person an appositive or predicate nominal describes."""
        self._sent_countries: dict[int, list[str]] = {}

    # ----------------------------------------------------------------- driver
    def run(self) -> list[ActorCluster]:
        self._people()
        self._organisations()
        self._role_nominals()
        self._countries()
        self._apply_dictionary()
        return self._finish()

    def _draft(self, key: tuple[str, ...], kind: str, name: str) -> _Draft:
        d = self.by_key.get(key)
        if d is None:
            d = _Draft(kind=kind, name=name)
            self.by_key[key] = d
            self.drafts.append(d)
        return d

    # ----------------------------------------------------------------- people
    def _person_spans(self) -> list[tuple[int, int]]:
        doc, spans = self.doc, []
        for ent in doc.ents:
            if ent.label_ != "PERSON":
                continue
            s, e = ent.start, ent.end
            while s < e and (doc[s].lower_ in HONORIFICS or doc[s].text in DETERMINERS
                             or (s in self.scan.role_at and self.scan.role_at[s].end <= e - 1)):
                s += 1
            for k in range(s + 1, e):
                if doc[k].text in POSSESSIVE:
                    e = k  # "Donald's Georgia": the name ends at the possessive
                    break
            while e > s and (doc[e - 1].text in POSSESSIVE or doc[e - 1].is_punct):
                e -= 1
            if s >= e:
                continue
            m = self.scan.names_by_start.get(s)
            if m is not None and m.end == e and m.first("person") is None and m.first(*COUNTRY_KINDS, "org"):
                continue
            spans.append((s, e))
        taken = {i for s, e in spans for i in range(s, e)}
        for m in self.scan.names_by_start.values():
            if m.first("person") is not None and not any(i in taken for i in range(m.start, m.end)):
                spans.append((m.start, m.end))
                taken.update(range(m.start, m.end))
        for ent in doc.ents:
            if ent.label_ not in ("ORG", "GPE", "NORP") or any(i in taken for i in range(ent.start, ent.end)):
                continue
            if any(i in self.scan.name_at for i in range(ent.start, ent.end)):
                continue
            s, e = self._trim(ent.start, ent.end)
            if s < e and self._looks_like_person(s, e):
                spans.append((s, e))
                taken.update(range(s, e))
        return sorted(spans)

    def _looks_like_person(self, s: int, e: int) -> bool:
        """A mislabelled name: a known person's surname, or a name with a person's title in
        apposition ("Lavrov, Russia's foreign minister")."""
        doc = self.doc
        if e - s == 1 and doc[s].text in self.kb.surnames and doc[s].pos_ == "PROPN":
            return True
        root = doc[s:e].root
        for c in root.children:
            if c.dep_ == "appos":
                rm = self.scan.role_at.get(c.i)
                if rm is not None and rm.entry.kind == "person":
                    return True
        return False

    def _people(self) -> None:
        doc = self.doc
        spans = self._person_spans()
        multi = [sp for sp in spans if sp[1] - sp[0] > 1]
        single = [sp for sp in spans if sp[1] - sp[0] == 1]
        for s, e in multi:
            words = [t.text for t in doc[s:e]]
            target = None
            for p in self.people:
                for n in p.names:
                    nw = n.split()
                    if nw[-1] == words[-1] and (len(nw) == 1 or nw[0] == words[0] or nw[0][0] == words[0][0]):
                        target = p
                        break
                if target:
                    break
            if target is None:
                target = self._draft(("person", " ".join(words)), "person", " ".join(words))
                self.people.append(target)
            self._person_mention(target, s, e)
        for s, e in single:
            self._attach_single(s, e)
        # label flips and unlabelled repeats: every other token naming a known person
        surnames: dict[str, list[_Draft]] = {}
        firsts: dict[str, list[_Draft]] = {}
        for p in self.people:
            for n in p.names:
                w = n.split()
                surnames.setdefault(w[-1], []).append(p)
                if len(w) > 1:
                    firsts.setdefault(w[0], []).append(p)
        for tok in doc:
            if tok.i in self.token_person or not tok.text[:1].isupper() or tok.is_sent_start and tok.pos_ != "PROPN":
                continue
            cands = surnames.get(tok.text) or firsts.get(tok.text)
            if not cands or len(set(map(id, cands))) != 1:
                continue
            nm = self.scan.name_at.get(tok.i)
            if nm is not None and nm.first("person") is None:
                continue
            nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
            if nxt is not None and nxt.pos_ == "PROPN" and nxt.text[:1].isupper() and nxt.i not in self.token_person:
                continue
            self._person_mention(cands[0], tok.i, tok.i + 1)

    def _attach_single(self, s: int, e: int) -> None:
        word = self.doc[s].text
        best: _Draft | None = None
        for p in self.people:  # the first person introduced with this surname
            if any(n.split()[-1] == word for n in p.names):
                best = p
                break
        if best is None:
            byfirst = [p for p in self.people if any(len(n.split()) > 1 and n.split()[0] == word for n in p.names)]
            if len(byfirst) == 1:
                best = byfirst[0]
        if best is None:
            best = self._draft(("person", word), "person", word)
            self.people.append(best)
        self._person_mention(best, s, e)

    def _person_mention(self, p: _Draft, s: int, e: int) -> None:
        doc = self.doc
        name = " ".join(t.text for t in doc[s:e])
        if name not in p.names:
            p.names.append(name)
        aff = premodifiers(doc, s, self.scan, coordinate=False)
        self._clause_affiliation(doc[e - 1], aff, p)
        start = aff.start
        if start < s and doc[start].text in DETERMINERS:
            start += 1
        p.add(start, e)
        for i in range(start, e):
            self.used.add(i)
            self.token_person[i] = p
        self.names_used.update(range(s, e))
        if aff.gender and p.gender is None:
            p.gender = aff.gender
        self._learn(p, aff)

    def _learn(self, p: _Draft, aff: Affiliation) -> None:
        """Fill a person's role, sector and country from one mention's affiliation."""
        role = role_text(aff)
        if role and (p.role is None or (len(role) > len(p.role) and p.role.lower() in role.lower())):
            p.role = role
            p.title_phrase = aff.roles[0].phrase
            p.sector = sector_of(aff)
            p.base = base_of(aff, aff.country())
        elif p.sector is None and aff.orgs:
            p.sector = sector_of(aff)
            p.base = p.base or base_of(aff, aff.country())
        country = aff.country()
        if country and p.country is None:
            p.country = country

    def _clause_affiliation(self, tok: Token, aff: Affiliation, person: _Draft) -> None:
        """Appositives, "who heads X" and "X is Y" around a person's name head."""
        head = tok
        while head.dep_ in ("compound", "flat") and head.head.i > head.i:
            head = head.head
        nominals: list[Token] = [c for c in head.children if c.dep_ == "appos"]
        if head.dep_ == "appos":
            nominals.append(head.head)
        if head.dep_ == "nsubj" and head.head.lemma_ == "be":
            nominals.extend(c for c in head.head.children if c.dep_ == "attr")
        for nom in nominals:
            rm = self.scan.role_at.get(nom.i)
            if rm is None or rm.end - 1 != nom.i:
                continue
            sub = premodifiers(self.doc, rm.start, self.scan, coordinate=False)
            sub.roles.insert(0, rm.entry)
            postmodifiers(nom, self.scan, sub)
            if not aff.roles:
                aff.roles.extend(sub.roles)
                aff.former = aff.former or sub.former
            aff.countries.extend(c for c in sub.countries if c not in aff.countries)
            aff.orgs.extend(sub.orgs)
            self.claimed[rm.start] = person
        for c in head.children:
            if c.dep_ == "relcl" and c.lemma_ in HEAD_VERBS:
                for obj in c.children:
                    m = self.scan.name_at.get(obj.i)
                    if obj.dep_ == "dobj" and m is not None:
                        org = m.first("org")
                        if org is not None and org.org is not None:
                            aff.orgs.append(org.org)
                        hit = m.first(*COUNTRY_KINDS)
                        if hit is not None and hit.iso3 and hit.iso3 not in aff.countries:
                            aff.countries.append(hit.iso3)

    # ---------------------------------------------------------- role nominals
    def _role_nominals(self) -> None:
        doc = self.doc
        for start in sorted(self.scan.roles_by_start):
            rm = self.scan.roles_by_start[start]
            if any(i in self.used for i in range(rm.start, rm.end)):
                continue
            head = doc[rm.end - 1]
            if head.pos_ not in ("NOUN", "PROPN"):
                continue
            if head.dep_ == "compound" and (head.head.i in self.scan.role_at or head.head.i in self.token_person):
                continue
            if head.dep_ == "pobj" and head.head.lower_ == "as" and rm.entry.kind == "person":
                continue  # "serve as President": a predicate, not a mention of anyone
            aff = premodifiers(doc, rm.start, self.scan, coordinate=rm.entry.kind != "person" or rm.entry.plural)
            aff.roles.insert(0, rm.entry)
            end = postmodifiers(head, self.scan, aff) if head.i + 1 < len(doc) else rm.end
            mstart = aff.start
            if doc[mstart].text in DETERMINERS and mstart < rm.start:
                mstart += 1
            text = " ".join(t.text for t in doc[mstart:rm.end])
            if mstart > self.scan.sent_start[mstart] and doc[mstart - 1].text in DETERMINERS:
                mstart -= 1  # the mention is the whole noun phrase, "the Russian foreign minister"
            span_end = rm.end
            owner = self.claimed.get(rm.start)
            if owner is not None:
                owner.add(mstart, span_end)
                self._mark(mstart, span_end)
                continue
            if rm.entry.kind == "person" and not rm.entry.plural:
                holder = self._holder(rm.entry, aff)
                if holder is not None:
                    holder.add(mstart, span_end)
                    if holder.country is None:
                        holder.country = aff.country()
                    self._mark(mstart, span_end)
                    continue
            if rm.entry.kind == "equipment" and not (aff.countries or aff.orgs):
                continue  # "by helicopter": no one's aircraft
            self._mark(mstart, span_end)
            sector = sector_of(aff)
            own = aff.country() or base_of(aff, None)
            countries: list[str | None] = list(aff.countries) or [aff.country() or (None if own else self._fallback_country(head, sector))]
            plural = rm.entry.plural or head.tag_ in ("NNS", "NNPS")
            kind = "person" if rm.entry.kind == "person" and not plural else (
                "organization" if rm.entry.kind == "body" else "group")
            for country in countries:
                base = base_of(aff, country)
                key = ("role", kind, base or "", sector or "", rm.entry.phrase)
                d = self._draft(key, kind, text)
                d.add(mstart, span_end)
                d.country = d.country or country
                d.sector, d.base, d.plural = sector, base, plural
                d.role = d.role or role_text(aff)
                d.title_phrase = rm.entry.phrase
            del end

    def _holder(self, entry: RoleEntry, aff: Affiliation) -> _Draft | None:
        """The one person in the document known to hold this role (country compatible)."""
        country = aff.country()
        found = [p for p in self.people if p.title_phrase == entry.phrase
                 and (country is None or p.country in (None, country))]
        return found[-1] if len(found) >= 1 and len({id(f) for f in found}) == 1 else None

    def _mark(self, s: int, e: int) -> None:
        for i in range(s, e):
            self.used.add(i)

    # ---------------------------------------------------------- organisations
    def _organisations(self) -> None:
        doc = self.doc
        for start in sorted(self.scan.names_by_start):
            m = self.scan.names_by_start[start]
            hit = m.first("org")
            if hit is None or hit.org is None or any(i in self.names_used for i in range(m.start, m.end)):
                continue
            if m.first(*COUNTRY_KINDS) is not None and hit is not m.hits[0]:
                continue
            org = hit.org
            d = self._draft(("org", org.name), "organization", org.name)
            d.add(*self._trim(m.start, m.end))
            d.country, d.code, d.sector = org.country, org.code, org.sector
            self._mark(m.start, m.end)
            self.names_used.update(range(m.start, m.end))
        for ent in doc.ents:
            if ent.label_ not in ("ORG", "FAC") or any(i in self.used for i in range(ent.start, ent.end)):
                continue
            s, e = self._trim(ent.start, ent.end)
            if s >= e:
                continue
            e = self._extend_of(e)
            nm = self.scan.names_by_start.get(s)
            if nm is not None and nm.end == e and nm.first(*COUNTRY_KINDS) is not None:
                continue  # a country the model called ORG: handled with countries
            countries: list[str] = []
            sectors: list[str] = []
            for i in range(s, e):
                n = self.scan.name_at.get(i)
                h = n.first(*COUNTRY_KINDS) if n else None
                if h is not None and h.iso3 and h.iso3 not in countries:
                    countries.append(h.iso3)
                r = self.scan.role_at.get(i)
                if r is not None and r.entry.sector and r.entry.sector != "CVL":
                    sectors.append(r.entry.sector)
            base = None
            if not countries and "NGO" in sectors:
                base = "NGO"
                sectors = [x for x in sectors if x != "NGO"]
            sector = min(sectors, key=_priority) if sectors else None
            name = " ".join(t.text for t in doc[s:e])
            d = self._draft(("org", name), "organization", name)
            d.add(s, e)
            d.country = countries[0] if countries else None
            d.sector, d.base = sector, base
            self._mark(s, e)

    def _extend_of(self, e: int) -> int:
        """Extend an organisation name the model cut short: "Union" + "of Teachers"."""
        doc = self.doc
        if e + 1 < len(doc) and doc[e].lower_ in ("of", "for") and self.scan.sent_start[e] == self.scan.sent_start[e - 1]:
            j = e + 1
            while j < len(doc) and doc[j].lower_ == "the":
                j += 1
            k = j
            while k < len(doc) and doc[k].is_title and doc[k].pos_ in ("PROPN", "NOUN", "ADJ"):
                k += 1
            if k > j and not any(i in self.used for i in range(e, k)):
                return k
        return e

    def _trim(self, s: int, e: int) -> tuple[int, int]:
        doc = self.doc
        while s < e and doc[s].lower_ == "the":
            s += 1
        while e > s and (doc[e - 1].text in POSSESSIVE or doc[e - 1].is_punct and doc[e - 1].text != "."):
            e -= 1
        return s, e

    # -------------------------------------------------------------- countries
    def _countries(self) -> None:
        doc = self.doc
        for start in sorted(self.scan.names_by_start):
            m = self.scan.names_by_start[start]
            if any(i in self.used for i in range(m.start, m.end)):
                continue
            hit = m.first(*COUNTRY_KINDS)
            if hit is None or not hit.iso3:
                continue
            iso = hit.iso3
            head = doc[m.end - 1]
            if hit.kind == "ethnic":
                continue  # an ethnic adjective alone is no actor
            if hit.kind in ("country", "adjective"):
                if hit.kind == "adjective" and head.pos_ not in ("ADJ", "PROPN", "NOUN"):
                    continue
                d = self._draft(("country", iso), "country", self.kb.country_names.get(iso, m_text(doc, m.start, m.end)))
                d.country = iso
            elif hit.kind == "people":
                counted = _counted(head)
                d = self._draft(
                    ("people", iso, "CVL" if counted else ""), "group", m_text(doc, m.start, m.end)
                )
                d.country, d.plural = iso, True
                if counted:  # "100 Palestinians", "thousands of Nigerians": people, not the state
                    d.sector = "CVL"
            else:
                # a capital that acts is its government ("Moscow said"); a city acted on or
                # in stands for its people (CAMEO: CVL); a region is a territory
                text = m_text(doc, m.start, m.end)
                # a capital is its government unless it is the place where something happens
                acts = head.dep_ != "pobj" or head.head.lower_ == "by"
                if hit.kind == "capital" and acts:
                    d = self._draft(("seat", iso), "organization", text)
                    d.country, d.sector = iso, "GOV"
                elif hit.kind in ("capital", "city"):
                    d = self._draft(("city", text), "group", text)
                    d.country, d.sector, d.plural = iso, "CVL", True
                else:
                    d = self._draft(("place", text), "country", text)
                    d.country = iso
            d.add(m.start, m.end)
            self._mark(m.start, m.end)
        for ent in doc.ents:
            if ent.label_ not in ("GPE", "NORP") or any(i in self.used for i in range(ent.start, ent.end)):
                continue
            s, e = self._trim(ent.start, ent.end)
            if s >= e or doc[s:e].root.pos_ not in ("PROPN", "NOUN", "ADJ"):
                continue
            if any(i in self.scan.name_at for i in range(s, e)):
                continue  # "U.S.-Russia": its known parts are actors already
            name = m_text(doc, s, e)
            kind = "country" if ent.label_ == "GPE" else "group"
            if ent.label_ == "GPE" and doc[s:e].root.dep_ == "pobj":
                continue  # an unknown place named as a location, not an actor
            d = self._draft((kind, name), kind, name)
            d.add(s, e)
            self._mark(s, e)

    # ------------------------------------------------------------ fallbacks
    def _fallback_country(self, tok: Token, sector: str | None) -> str | None:
        """The country most named in the token's sentence (then document), for state actors
        whose own words name none; ``None`` otherwise."""
        if sector is None or sector in INTERNATIONAL:
            return None
        found = self._countries_in(self.scan.sent_start[tok.i], self.scan.sent_end[tok.i])
        if not found:
            return None
        return found[0]

    def _countries_in(self, s: int, e: int) -> list[str]:
        key = s * 1_000_003 + e
        cached = self._sent_countries.get(key)
        if cached is not None:
            return cached
        out: list[str] = []
        for start in range(s, e):
            m = self.scan.names_by_start.get(start)
            if m is None:
                continue
            hit = m.first(*COUNTRY_KINDS, "org")
            if hit is not None and hit.iso3:
                out.append(hit.iso3)
        self._sent_countries[key] = out
        return out

    def _apply_dictionary(self) -> None:
        """Codes from the user's PETRARCH/TABARI dictionaries override ours."""
        if self.dictionary is None:
            return
        published = self.doc._.published
        day = published if isinstance(published, dt.date) else None
        for d in self.drafts:
            texts = [*sorted(d.names, key=len, reverse=True), d.name]
            texts += [m_text(self.doc, s, e) for s, e in d.mentions]
            for t in texts:
                entry = self.dictionary.lookup(t)
                code = entry.code_on(day) if entry is not None else None
                if code:
                    d.code = code
                    if code[:3] in self.kb.country_names:
                        d.country = code[:3]
                        d.sector = code[3:6] or d.sector
                    break

    # ---------------------------------------------------------------- finish
    def _known(self, p: _Draft) -> PersonEntry | None:
        for n in sorted(p.names, key=len, reverse=True):
            hit = self.kb.first(n, ("person",)) or (
                self.kb.first(n.title(), ("person",)) if n.islower() else None
            )
            if hit is not None and hit.person is not None:
                return hit.person
        full = [n for n in p.names if len(n.split()) > 1]
        for n in full or p.names:
            w = n.title().split() if n.islower() else n.split()
            cands = self.kb.surnames.get(w[-1], ())
            if len(w) > 1:
                cands = tuple(c for c in cands if c.name.split()[0] == w[0])
            if cands and len({(c.country, c.terms[-1].code) for c in cands}) == 1:
                return cands[0]  # one person, or namesakes of one country and office (Bush)
        return None

    def _finish(self) -> list[ActorCluster]:
        doc = self.doc
        published = doc._.published
        day = published if isinstance(published, dt.date) else None
        for p in self.people:
            p.name = max(p.names, key=len) if p.names else p.name
            known = self._known(p)
            if known is not None:
                term = known.term_on(day)
                code = term.code if term else None
                if p.country is None and p.base is None:
                    p.country = known.country
                    if known.country is None and code:
                        p.base = code[:3]
                if p.role is None and term is not None:
                    p.role = term.role
                    if code and p.sector is None:
                        p.sector = code[3:] or None
                p.gender = p.gender or known.gender
            if p.gender is None and p.names:
                p.gender = self.kb.given_names.get(max(p.names, key=len).split()[0])
            if p.country is None and p.base is None and p.role is not None and p.mentions:
                p.country = self._fallback_country(doc[p.mentions[0][1] - 1], p.sector)
        out: list[ActorCluster] = []
        live = [d for d in self.drafts if d.mentions]
        live.sort(key=lambda d: min(s for s, _ in d.mentions))
        for n, d in enumerate(live, 1):
            code = d.code or compose(d.country or d.base, d.sector)
            spans = [Span(doc, s, e) for s, e in sorted(d.mentions)]
            out.append(ActorCluster(
                id=f"a{n}", name=d.name, kind=d.kind, mentions=spans, country=d.country,
                role=d.role, sector=d.sector, code=code, gender=d.gender, plural=d.plural,
            ))
        return out


QUANTITY_NOUNS = frozenset({"thousands", "hundreds", "dozens", "millions", "scores", "tens"})


def _counted(tok: Token) -> bool:
    """True for a counted group: "100 Palestinians", "thousands of Nigerians"."""
    if any(c.dep_ == "nummod" for c in tok.children):
        return True
    prep = tok.head if tok.dep_ == "pobj" else None
    return bool(prep is not None and prep.lower_ == "of" and prep.head.lower_ in QUANTITY_NOUNS)


def _priority(sector: str) -> int:
    return SECTOR_PRIORITY.index(sector) if sector in SECTOR_PRIORITY else len(SECTOR_PRIORITY)


def m_text(doc: Doc, s: int, e: int) -> str:
    """The text of tokens ``[s, e)`` with whitespace collapsed."""
    return " ".join(doc[s:e].text.split())
