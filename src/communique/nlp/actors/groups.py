"""The group, organisation and country passes of the actor resolver.

Role nominals ("the Russian foreign minister" joins the person holding that role when there is
one; otherwise "senior administration officials", "Turkish police", "the Sudanese government"
become group or organisation actors, one per country for "Hungarian and Romanian officials"),
organisations (known ones and ORG entities read for a country word and an institution word) and
countries (names, adjectives used alone, peoples, capitals and cities).
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from ...codes import ActorCode
from ...knowledge.actor_lexicon import NGO, RoleEntry
from ...records import ActorKind
from ..syntax import SUBJECT_DEPS
from .affiliation import (
    COUNTRY_KINDS,
    Affiliation,
    base_of,
    inside_longer_name,
    postmodifiers,
    premodifiers,
    region_adjective,
    role_text,
    sector_of,
    tertiary,
)
from .state import DETERMINERS, Draft, ResolutionState

FOLLOWED_ENTITIES = frozenset({"PERSON", "ORG", "NORP", "GPE"})
"""Entity labels of what followers follow as a side: a person, a body or a people."""


def _counted(tok: Token, quantity_nouns: frozenset[str]) -> bool:
    """True for a counted group: "100 Palestinians", "thousands of Nigerians"."""
    if any(c.dep_ == "nummod" for c in tok.children):
        return True
    prep = tok.head if tok.dep_ == "pobj" else None
    return bool(prep is not None and prep.lower_ == "of" and prep.head.lower_ in quantity_nouns)


def _counted_set(tok: Token) -> bool:
    """True for "the two leaders", "both ministers": office holders counted as a set, who in
    news are mostly of several countries (their country is left unknown)."""
    return any(
        c.dep_ == "nummod" and c.lower_ not in ("one", "1") or c.lower_ in ("both", "all")
        for c in tok.children
    )


PLACE_KINDS = ("country", "capital", "city", "place")
"""Kinds of names that a "there" can point back to."""
PLACE_DEPS = frozenset({"compound", "nmod", "amod", "npadvmod", "appos"})
"""Dependencies of a place name that modifies another word ("the Moscow city council",
"Washington police"): the place, not its government."""


def _acts(head: Token, *, subject_only: bool = False) -> bool:
    """True when a place name stands for an acting body: not the place where something happens
    ("in Moscow", "in Texas and Ohio") nor a modifier of another word ("the Moscow city
    council"), except as the agent of a passive ("rejected by Washington"). ``subject_only``
    (regions): only the subject of a verb or the agent of a passive ("Texas sued")."""
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head  # "in Texas and Ohio": Ohio is where Texas is
    if head.dep_ == "pobj":
        return head.head.lower_ == "by"
    if subject_only:
        return head.dep_ in ("nsubj", "csubj")
    return head.dep_ not in PLACE_DEPS


class GroupsMixin(ResolutionState):
    """Methods of the group, organisation and country passes."""

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
            if head.dep_ == "compound" and (
                head.head.i in self.scan.role_at or head.head.i in self.token_person
            ):
                continue
            if self._members_of_body(head):
                continue  # "the teachers' union": the union speaks, not the teachers
            if head.dep_ in ("compound", "nmod") and head.head.lower_ in self.kb.work_nouns:
                continue  # "the police drama", "a hospital series": the work's subject
            if head.dep_ == "pobj" and head.head.lower_ == "as" and rm.entry.kind == "person":
                continue  # "serve as President": a predicate, not a mention of anyone
            if rm.entry.kind == "person" and _pronoun_predicate(head):
                continue  # "she was full-time Professor of Ballet": says what she is
            aff = premodifiers(
                doc,
                rm.start,
                self.scan,
                self.kb,
                coordinate=rm.entry.kind != "person" or rm.entry.plural,
            )
            aff.roles.insert(0, rm.entry)
            other_side: list[str] = []  # "Israel's militia ally": Israel is the other side
            if head.dep_ == "compound" and head.head.lemma_.lower() in self.kb.relational_nouns:
                other_side, aff.countries = aff.countries, []
            if aff.beyond is None and not aff.countries:
                aff.beyond = next(  # "a foreign oil company": past the walk's nouns
                    (
                        c.lower_
                        for c in head.lefts
                        if c.dep_ == "amod" and c.lower_ in self.kb.beyond_state
                    ),
                    None,
                )
            displaced = (  # refugees, not a refugee agency
                rm.entry.sector in self.kb.sectors.displaced and rm.entry.kind != "body"
            )
            flight = self.kb.flight_verbs if displaced else None
            end = postmodifiers(head, self.scan, aff, flight) if head.i + 1 < len(doc) else rm.end
            mstart = min(
                (c.left_edge.i for c in head.lefts if self._members_of_body(c)), default=aff.start
            )
            if doc[mstart].text in DETERMINERS and mstart < rm.start:
                mstart += 1
            text = self._sentence_case(mstart, self._text(mstart, rm.end))
            if mstart > self.scan.sent_start[mstart] and doc[mstart - 1].text in DETERMINERS:
                mstart -= 1  # the mention is the whole noun phrase, "the Russian foreign minister"
            span_end = rm.end
            owner = self.claimed.get(rm.start)
            if owner is not None:
                owner.add(mstart, span_end)
                self._mark(mstart, span_end)
                continue
            if rm.entry.kind == "person" and not rm.entry.plural:
                holder = self._holder(rm.entry, aff, sector_of(aff, self.kb.sectors))
                if holder is None and doc[mstart].lower_ == "the":
                    holder = self._described(aff, sector_of(aff, self.kb.sectors))
                    if holder is not None:  # "Gordon Brown ... the UK chancellor": his office
                        holder.role, holder.title_phrase = role_text(aff), rm.entry.phrase
                if holder is not None:
                    holder.add(mstart, span_end)
                    if holder.country is None:
                        holder.country = aff.country()
                    self._mark(mstart, span_end)
                    continue
                if _bare_title(head, rm.start, mstart, aff):
                    continue  # "Prince has sold 1m albums": a name, no office of anyone's
            if rm.entry.kind == "equipment" and not (aff.countries or aff.orgs):
                continue  # "by helicopter": no one's aircraft
            named = (
                self._named_body(rm.start, rm.end)
                if rm.entry.kind == "body" and aff.start == rm.start and not aff.countries
                else None
            )
            if named is not None:  # "the commission" after "the European Commission"
                named.add(rm.start, rm.end)
                self._mark(rm.start, rm.end)
                continue
            self._mark(mstart, span_end)
            sector = sector_of(aff, self.kb.sectors)
            if rm.entry.phrase in self.kb.follower_nouns and self._follows_thing(head):
                sector = None  # "supporters of the free software": a product's, no side's
            if rm.entry.shared and not (aff.countries or aff.orgs or aff.body):
                body = self._its_body(head)
                if body is not None:  # "the company said its advisers": the company's
                    fixed = ActorCode.parse(body.code).sector if body.code else None
                    sector = body.sector or fixed or None
            own = aff.country() or base_of(aff, None)
            plural = rm.entry.plural or head.tag_ in ("NNS", "NNPS")
            countries: list[str | None] = list(aff.countries) or [
                aff.country()
                or (None if displaced else self._there(head))
                or (
                    None
                    if own
                    or aff.beyond
                    or displaced  # "refugees in Lebanon": not Lebanon's, origin unknown
                    or (plural and sector == "GOV" and _counted_set(head))
                    else self._fallback_country(
                        head,
                        sector,
                        institution=rm.entry.kind == "body",
                        unbranched=sector is None and rm.entry.generic and rm.entry.shared,
                    )
                )
            ]
            countries = [None if c in other_side else c for c in countries]
            kind: ActorKind = (
                "person"
                if rm.entry.kind == "person" and not plural
                else ("organization" if rm.entry.kind == "body" else "group")
            )
            for country in countries:
                base = base_of(aff, country)
                if base is None and sector in self.kb.sectors.transnational:
                    base = NGO  # "a human rights group": no country's body
                key = ("role", kind, base or "", sector or "", rm.entry.phrase, aff.beyond or "")
                d = self._draft(key, kind, text)
                d.named = False  # a description: an actor of this article only
                d.add(mstart, span_end)
                for i in range(mstart, span_end):
                    self.token_role.setdefault(i, d)
                d.country = d.country or country
                d.sector, d.base, d.plural = sector, base, plural
                d.role = d.role or role_text(aff)
                d.group = d.group or tertiary(aff, sector, self.kb.sectors)
                d.title_phrase = rm.entry.phrase
            del end

    def _follows_thing(self, head: Token) -> bool:
        """True when what the follower noun ``head`` follows (its "of" object or possessor)
        is a thing: a common noun with no name, role word or entity of a person, body or
        people in its noun phrase ("supporters of the open-source software in the US"); or
        when the text says of no one whom they follow ("the supporters' group")."""
        followed = [
            g
            for c in head.rights
            if c.dep_ == "prep" and c.lower_ == "of"
            for g in c.children
            if g.dep_ == "pobj"
        ] + [c for c in head.lefts if c.dep_ == "poss"]
        for obj in followed:
            if obj.pos_ != "NOUN":  # a name or a pronoun ("his supporters"): a side
                return False
            for tok in obj.doc[obj.left_edge.i : obj.i + 1]:  # not "in the US" after it
                if (
                    tok.i in self.scan.name_at
                    or tok.i in self.scan.role_at
                    or tok.ent_type_ in FOLLOWED_ENTITIES
                ):
                    return False
            return True
        if followed:
            return False
        # nothing followed ("the supporters' group said", "supporters cheered"): a side only
        # when a modifier names whom ("opposition supporters", "Mousavi supporters")
        return not any(
            c.dep_ in ("compound", "amod", "nmod", "npadvmod")
            and (
                c.pos_ == "PROPN"
                or c.i in self.scan.name_at
                or c.i in self.scan.role_at
                or c.ent_type_ in FOLLOWED_ENTITIES
            )
            for c in head.lefts
        )

    def _its_body(self, head: Token) -> Draft | None:
        """The organisation an "its" before ``head`` refers to: the subject of the nearest
        clause above it ("The company said its advisers had agreed"), when that subject is an
        organisation already resolved; ``None`` otherwise (no "its", a country, a person)."""
        pron = next((c for c in head.children if c.dep_ == "poss" and c.lower_ == "its"), None)
        if pron is None:
            return None
        cur = head
        while cur.head.i != cur.i:
            cur = cur.head
            for child in cur.children:
                if child.dep_ not in SUBJECT_DEPS or child.i >= pron.i:
                    continue
                if child.left_edge.i <= head.i <= child.right_edge.i:
                    continue  # "its advisers said": the phrase is the subject itself
                for d in self.drafts:
                    if any(s <= child.i < e for s, e in d.mentions):
                        return d if d.kind == "organization" else None
                return None
        return None

    def _there(self, head: Token) -> str | None:
        """The country of the place a "there" after a description points back to ("a network
        in Iran after MPs there slashed its stake": Iran's MPs): the nearest place or country
        named before it, in its sentence or the one before; ``None`` without "there"."""
        if not any(c.dep_ == "advmod" and c.lower_ == "there" for c in head.rights):
            return None
        sent = self.scan.sent_start[head.i]
        floor = self.scan.sent_start[sent - 1] if sent > 0 else 0
        for i in range(head.i - 1, floor - 1, -1):
            m = self.scan.names_by_start.get(i)
            hit = m.first(*PLACE_KINDS) if m is not None else None
            if hit is not None and hit.iso3:
                return hit.iso3
        return None

    def _sentence_case(self, start: int, text: str) -> str:
        """A description's words as they read within a sentence: "Analysts said" opening one
        is "analysts", as later in the article. A first word that is a name ("Russian
        officials") or an entity keeps its capital."""
        tok = self.doc[start]
        if (
            start == self.scan.sent_start[start]
            and tok.is_title
            and start not in self.scan.name_at
            and not tok.ent_type_
        ):
            return text[:1].lower() + text[1:]
        return text

    def _members_of_body(self, head: Token) -> bool:
        """True for a plural role noun in the possessive before an institution word ("the
        teachers' union", "farmers' association"): whom the body serves, part of its name."""
        body = self.scan.role_at.get(head.head.i)
        return (
            head.dep_ == "poss"
            and head.tag_ == "NNS"
            and head.head.i != head.i
            and body is not None
            and body.entry.kind == "body"
        )

    def _holder(self, entry: RoleEntry, aff: Affiliation, sector: str | None) -> Draft | None:
        """The one person in the document known to hold this role (country and sector
        compatible: "Fiat's president" is not the President of the United States)."""
        country = aff.country()
        found = [
            p
            for p in self.people
            if p.title_phrase == entry.phrase
            and (country is None or p.country in (None, country))
            and (p.sector is None or p.sector == sector)
        ]
        return found[-1] if len(found) >= 1 and len({id(f) for f in found}) == 1 else None

    def _described(self, aff: Affiliation, sector: str | None) -> Draft | None:
        """The one person a definite title of a stated country describes when no one holds
        it ("Gordon Brown has called ... the UK chancellor predicted"): the one person of the
        document whose own words give no role and whose country and sector (from our tables)
        are the title's. ``None`` when the title names no country or two people fit."""
        country = aff.country()
        if country is None or sector is None:
            return None
        found = {
            id(p): p
            for p in self.people
            if p.role is None and p.country == country and p.sector == sector
        }
        return next(iter(found.values())) if len(found) == 1 else None

    # ---------------------------------------------------------- organisations
    def _organizations(self) -> None:
        doc = self.doc
        longer = self._longer_org_names()
        for start in sorted(self.scan.names_by_start):
            m = self.scan.names_by_start[start]
            hit = m.first("org")
            if (
                hit is None
                or hit.org is None
                or any(i in self.names_used for i in range(m.start, m.end))
                or m.end - 1 in longer
            ):
                continue
            if m.first(*COUNTRY_KINDS) is not None and hit is not m.hits[0]:
                continue
            org = hit.org
            d = self._draft(("org", org.name), "organization", org.name)
            d.add(*self._trim(m.start, m.end))
            d.country, d.code, d.sector = org.country, org.code, org.sector
            self._mark(m.start, m.end)
            self.names_used.update(range(m.start, m.end))
        for ent in self.ents:
            if (ent.label_ not in ("ORG", "FAC") and not self._org_named_as_person(ent)) or any(
                i in self.used for i in range(ent.start, ent.end)
            ):
                continue
            s, e = self._trim(ent.start, ent.end)
            if s >= e or self._text(s, e) in self.kb.common_nouns or self._title_of_work(s):
                continue  # "AI"; "the drama Baretta": a title, no body
            if e - s == 1 and MEASURE.match(doc[s].text):
                continue  # "3D", "4K", "280bn": a number with its unit, no body
            if self._listed_initialled_name(s, e):
                continue  # "Italy: S Parisse, M Bergamasco": a team sheet's player, no body
            e = self._extend_of(e)
            nm = self.scan.names_by_start.get(s)
            if nm is not None and nm.end == e and nm.first(*COUNTRY_KINDS) is not None:
                continue  # a country the model called ORG: handled with countries
            if self._all_peoples(s, e):
                continue  # "Kosovo Albanians": a people of a country, handled with countries
            countries: list[str] = []
            sectors: list[str] = []
            place = doc[e - 1].lower_ in self.kb.facility_nouns
            """"Imam Khomeini International Airport": a place named after a person, whose
            title there says nothing of the place's sector; its own noun does ("hospital")."""
            for i in range(s, e):
                n = self.scan.name_at.get(i)
                h = n.first(*COUNTRY_KINDS) if n else None
                if (
                    h is not None
                    and n is not None
                    and region_adjective(doc, n.start, self.scan, self.kb)
                ):
                    h = None  # "North American Free Trade Agreement": a region's, no country's
                if h is not None and h.iso3 and h.iso3 not in countries:
                    countries.append(h.iso3)
                r = self.scan.role_at.get(i)
                if place and r is not None and r.end < e:
                    continue
                if r is not None and r.entry.sector and r.entry.sector != "CVL":
                    sectors.append(r.entry.sector)
            base = None
            if not countries and "NGO" in sectors:
                base = "NGO"
                sectors = [x for x in sectors if x != "NGO"]
            sector = self._org_sector(s, e, sectors)
            whole = self.scan.roles_by_start.get(s)
            bare = whole is not None and whole.end == e
            head_role = self.scan.role_at.get(doc[s:e].root.i)  # "Ministry of Defence"
            organ = (
                sector in self.kb.sectors.state
                and sector not in self.kb.sectors.force
                and head_role is not None
                and head_role.entry.kind == "body"
                and not any(i in self.scan.name_at for i in range(s, e))
            )
            """"Justice Ministry", "Supreme Court": an organ every state has, named by its
            portfolio: whose it is, the words before it or the article say."""
            named = self._named_body(s, e) if bare else None
            if named is not None:  # "the Commission" after "the European Commission"
                named.add(s, e)
                self._mark(s, e)
                continue
            if not countries and base is None and (bare or organ):
                # "Parliament", "India's Supreme Court", "the Justice Ministry"
                aff = premodifiers(doc, s, self.scan, self.kb, coordinate=False)
                found = aff.country() or self._fallback_country(
                    doc[s:e].root, sector, institution=True
                )
                countries = [found] if found else []
            name = self._text(s, e)  # "Women’s Tennis Association", as written
            key: tuple[str, ...] = ("org", name)
            if bare or organ:  # one per state: Russia's and Britain's defence ministries are two
                key = (*key, countries[0] if countries else "")
            d = self._draft(key, "organization", name)
            if bare or organ:  # an institution word names no one body across articles
                d.named = False
            elif not d.mentions:
                d.self_read = True
            d.add(s, e)
            if d.code is None:  # a known organisation ("HAMAS" after "Hamas") keeps its own
                d.country = d.country or (countries[0] if countries else None)
                d.sector, d.base = d.sector or sector, d.base or base
            self._mark(s, e)

    def _org_sector(self, s: int, e: int, sectors: list[str]) -> str | None:
        """The sector of an organisation named by tokens ``[s, e)`` whose role words give
        ``sectors``: the first of them in ``sectors.tsv``'s order, where what a body deals with
        comes before what it is ("the National Union of Teachers" is EDU, CAMEO's "organizations
        dealing with education", before LAB)."""
        if not sectors:
            return None
        return min(sectors, key=self.kb.sectors.rank)

    def _named_body(self, s: int, e: int) -> Draft | None:
        """The organisation that "the Commission" (tokens ``[s, e)``: "the" and an institution
        word alone) stands for: the last one named before it in the article whose name ends
        in that word ("the European Commission"); ``None`` when none is."""
        doc = self.doc
        if e - s != 1 or s == 0 or doc[s - 1].lower_ != "the":
            return None
        word = doc[s].lower_
        found: tuple[int, Draft] | None = None
        for d in self.drafts:
            if d.kind != "organization" or not d.named or not d.mentions:
                continue
            if d.name.split()[-1].lower() != word or " " not in d.name:
                continue
            first = min(a for a, _ in d.mentions)
            if first < s and (found is None or first > found[0]):
                found = (first, d)
        return found[1] if found is not None else None

    def _longer_org_names(self) -> set[int]:
        """Tokens ending a known organisation's name that heads a longer proper name: in
        "the Trades Union Congress" the words before "Congress" are capitalised names of no
        country or organisation, so the longer name is another body (not the US Congress)."""
        doc = self.doc
        found: set[int] = set()
        for ent in self.ents:
            if ent.label_ not in ("ORG", "FAC"):
                continue
            s, e = self._trim(ent.start, ent.end)
            m = self.scan.names_by_end.get(e)
            if m is None or m.first("org") is None or m.start <= s:
                continue
            extra = doc[s : m.start]
            if all(t.is_title and t.i not in self.scan.name_at for t in extra):
                found.add(e - 1)
        return found

    def _peoples_of_countries(self) -> None:
        """A people named with another country's adjective lives there: "Iraqi Kurds",
        "Bosnian Serbs" are civilians of Iraq and Bosnia (CAMEO: country + CVL)."""
        doc = self.doc
        spans = [(m.start, m.end) for m in self.scan.names_by_start.values() if m.first("people")]
        spans += [(e.start, e.end) for e in self.ents if e.label_ == "NORP"]
        for s, e in sorted(set(spans)):
            prev = self.scan.names_by_end.get(s)
            adj = prev.first("adjective") if prev is not None else None
            if adj is None and prev is not None and doc[prev.end - 1].dep_ == "compound":
                adj = prev.first("country", "place")  # a name as modifier: "Kosovo Albanians"
            if (
                prev is None
                or adj is None
                or not adj.iso3
                or doc[e - 1].tag_ not in ("NNS", "NNPS")
            ):
                continue
            people = self.scan.names_by_start.get(s)
            own = people.first("people") if people is not None and people.end == e else None
            if own is not None and own.iso3 == adj.iso3:
                continue  # "Palestinian Palestinians" is no minority
            if any(i in self.used for i in range(prev.start, e)):
                continue
            text = self._text(prev.start, e)
            d = self._draft(("people", adj.iso3, text), "group", text)
            d.country, d.sector, d.plural = adj.iso3, "CVL", True
            d.group = self.kb.ethnic_code(self._text(s, e))  # "Iraqi Kurds": IRQCVLkur
            d.add(prev.start, e)
            self._mark(prev.start, e)

    def _placed(self, head: Token) -> bool:
        """True for a people limited to the inhabitants of a place named after it
        ("Palestinians of the West Bank", "Afghans in Pakistan"): a population, not its state."""
        for child in head.rights:
            if child.dep_ != "prep" or child.lower_ not in ("of", "in", "from"):
                continue
            for obj in child.children:
                m = self.scan.name_at.get(obj.i)
                if obj.dep_ == "pobj" and m is not None and m.first(*COUNTRY_KINDS):
                    return True
        return False

    def _seated(self, capital: str, iso: str) -> Draft | None:
        """The organisation seated in ``capital`` (``organizations.tsv``: "Brussels", the
        European Union) that the article names, the most mentioned of them, when the article
        names it more often than the capital's own state by its other names ("Belgium",
        "Belgian", its other places): the article is about the organisation. ``None``
        otherwise: the capital stands for its own state's government ("For years Brussels has
        lagged behind other European cities" in a report on the city)."""
        found = [
            d
            for org in self.kb.seats.get(capital, ())
            if (d := self.by_key.get(("org", org.casefold()))) is not None and d.mentions
        ]
        if not found:
            return None
        best = max(found, key=lambda d: len(d.mentions))
        home = 0
        for m in self.scan.names_by_start.values():
            hit = m.first(*COUNTRY_KINDS)
            if hit is not None and hit.iso3 == iso and self._text(m.start, m.end) != capital:
                home += 1
        return best if len(best.mentions) > home else None

    def _after_city(self, start: int) -> bool:
        """True for a region named after its city and a comma ("Richmond, Virginia"): an
        address, whatever the parse says."""
        if start < 2 or self.doc[start - 1].text != ",":
            return False
        prev = self.scan.names_by_end.get(start - 1)
        return (prev is not None and prev.first("capital", "city") is not None) or self.doc[
            start - 2
        ].ent_type_ == "GPE"

    def _people_of_no_state(self, start: int, end: int) -> None:
        """A people or faith of no one state ("Kurds in northern Iraq", "Shiite Muslims in
        Baghdad", ``ethnic_groups.tsv`` rows without a country): civilians of the country the
        words after it, or the clauses around it, name; of none when nothing does. Ethnic and
        faith adjectives just before it join the mention ("Shiite Muslims"). Its country
        depends on the article, so it is no name across articles."""
        doc = self.doc
        code = self.kb.ethnic_code(self._text(start, end))  # "Kurds": kur; "Muslims": none
        while start > 0:
            prev = self.scan.names_by_end.get(start)
            if prev is None or prev.first("ethnic") is None:
                break
            start = prev.start
        head = doc[end - 1]
        aff = Affiliation(start=start)
        postmodifiers(head, self.scan, aff)
        text = self._text(start, end)
        d = self._draft(("people", text), "group", text)
        d.country = d.country or aff.country() or self._fallback_country(head, "CVL")
        d.sector, d.plural = "CVL", True
        d.group = d.group or code
        d.named = False  # Kurds in Iraq and Kurds in Turkey: actors of their article, by code
        d.add(start, end)
        self._mark(start, end)

    def _extend_of(self, e: int) -> int:
        """Extend an organisation name the model cut short: "Union" + "of Teachers"."""
        doc = self.doc
        if (
            e + 1 < len(doc)
            and doc[e].lower_ in ("of", "for")
            and self.scan.sent_start[e] == self.scan.sent_start[e - 1]
        ):
            j = e + 1
            while j < len(doc) and doc[j].lower_ == "the":
                j += 1
            k = j
            while k < len(doc) and doc[k].is_title and doc[k].pos_ in ("PROPN", "NOUN", "ADJ"):
                k += 1
            if k > j and not any(i in self.used for i in range(e, k)):
                return k
        return e

    # -------------------------------------------------------------- countries
    def _countries(self) -> None:
        doc = self.doc
        self._peoples_of_countries()
        for start in sorted(self.scan.names_by_start):
            m = self.scan.names_by_start[start]
            if any(i in self.used for i in range(m.start, m.end)):
                continue
            hit = m.first(*COUNTRY_KINDS)
            if hit is not None and hit.kind == "people" and not hit.iso3:
                self._people_of_no_state(m.start, m.end)
                continue
            if hit is None or not hit.iso3:
                continue
            iso = hit.iso3
            head = doc[m.end - 1]
            if hit.kind == "ethnic":
                continue  # an ethnic adjective alone is no actor
            if hit.kind in ("country", "adjective"):
                if hit.kind == "adjective" and head.pos_ not in ("ADJ", "PROPN", "NOUN"):
                    continue
                if hit.kind == "adjective" and inside_longer_name(doc, m.start, self.scan):
                    continue  # "South American": a region's adjective
                if hit.kind == "adjective" and self._names_language(m.end):
                    continue  # "the Russian language", "a French-language paper": a language
                d = self._draft(
                    ("country", iso),
                    "country",
                    self.kb.country_names.get(iso, self._text(m.start, m.end)),
                )
                d.country = iso
            elif hit.kind == "people" and m.start > 0 and doc[m.start - 1].lower_ == "ethnic":
                # "ethnic Albanians in southern Serbia": a minority, of the country it lives in
                text = self._text(m.start - 1, m.end)
                d = self._draft(("ethnic", text), "group", text)
                d.country = self._fallback_country(head, "CVL")
                d.sector, d.plural = "CVL", True
                d.group = self.kb.group_codes.get(self._text(m.start, m.end))
                d.add(m.start - 1, m.end)
                self._mark(m.start - 1, m.end)
                continue
            elif hit.kind == "people":
                counted = _counted(head, self.kb.quantity_nouns) or self._placed(head)
                d = self._draft(
                    ("people", iso, "CVL" if counted else ""), "group", self._text(m.start, m.end)
                )
                d.country, d.plural = iso, True
                if counted:  # "100 Palestinians", "thousands of Nigerians", "Palestinians of
                    d.sector = "CVL"  # the West Bank": people, not the state
            else:
                # a capital that acts is its government ("Moscow said"), a region that acts its
                # own government ("Texas sued"); a city acted on or in stands for its people
                # (CAMEO: CVL); a region named as a place is a territory of its country, never
                # the country itself ("Texas" is no second name of the United States)
                text = self._text(m.start, m.end)
                acting = hit.kind == "capital" and _acts(head)
                seated = self._seated(text, iso) if acting else None
                if seated is not None:  # "Brussels has warned Rome": the EU the article names
                    d = seated
                elif acting:
                    d = self._draft(("seat", iso), "organization", text)
                    d.country, d.sector = iso, "GOV"
                elif hit.kind in ("capital", "city"):
                    d = self._draft(("city", text), "group", text)
                    d.country, d.sector, d.plural = iso, "CVL", True
                elif _acts(head, subject_only=True) and not self._after_city(m.start):
                    d = self._draft(("region", text), "organization", text)
                    d.country, d.sector = iso, "GOV"
                else:
                    d = self._draft(("place", text), "group", text)
                    d.country = iso
                d.place = True
            d.add(m.start, m.end)
            self._mark(m.start, m.end)
        for ent in self.ents:
            if ent.label_ not in ("GPE", "NORP") or any(
                i in self.used for i in range(ent.start, ent.end)
            ):
                continue
            s, e = self._trim(ent.start, ent.end)
            if s >= e or doc[s:e].root.pos_ not in ("PROPN", "NOUN", "ADJ"):
                continue
            name = self._text(s, e)
            if name[:1].islower():
                continue  # "brussels sprouts": a proper name is written with a capital
            if any(i in self.scan.name_at for i in range(s, e)) or any(
                self.kb.name(part) for part in name.replace("/", "-").split("-") if part
            ):
                continue  # "U.S.-Russia": a compound of known names, not a new actor
            if name in self.kb.common_nouns:
                continue  # "AI", "GMT": a common noun written in capitals
            root = doc[s:e].root
            # a place the tables do not know is no country ("Eagles", "Netflix" tagged GPE):
            # a named body that acts, with no country of its own
            kind: ActorKind = "organization" if ent.label_ == "GPE" else "group"
            if ent.label_ == "GPE" and root.dep_ == "pobj":
                continue  # an unknown place named as a location, not an actor
            if ent.label_ == "NORP" and (root.pos_ == "ADJ" or root.dep_ in PLACE_DEPS):
                continue  # "European shares", "Hindu nationalists": a modifier names no actor
            d = self._draft((kind, name), kind, name)
            d.add(s, e)
            self._mark(s, e)

    def _listed_initialled_name(self, s: int, e: int) -> bool:
        """True when ``[s, e)`` is an initial and a surname ("S Parisse") written as an item of
        a list of names (a comma, colon or bracket on either side: a team sheet), the shape of
        a person's name, not of an organisation's."""
        doc = self.doc
        if e - s != 2 or not _initial(doc[s].text) or not doc[s + 1].is_title:
            return False
        before = doc[s - 1].text if s > 0 else ""
        after = doc[e].text if e < len(doc) else ""
        return before in LIST_MARKS or after in LIST_MARKS

    def _names_language(self, end: int) -> bool:
        """True when a language noun follows the adjective ending at token ``end``, as its
        head or joined by a hyphen ("the Russian language", "Russian-language media")."""
        doc = self.doc
        nxt = end + 1 if end < len(doc) and doc[end].text == "-" else end
        if nxt < len(doc) and doc[nxt].lower_ in self.kb.language_nouns:
            return True
        return doc[end - 1].head.lower_ in self.kb.language_nouns


LIST_MARKS = frozenset({",", ":", ";", "(", ")"})
"""Punctuation that separates the items of a list of names (a team sheet)."""


MEASURE = re.compile(r"\d[\d.,]*(?:[A-Za-z]|[a-z]+)$")
"""One token of a number followed by one letter or a lower-case unit: a format or a quantity
("3D", "4K", "280bn", "460ppi"), which names no organisation ("G8", "3Com" may)."""


def _initial(text: str) -> bool:
    """True for an initial: one capital letter, with or without a full stop ("S", "S.")."""
    return len(text.rstrip(".")) == 1 and text[:1].isupper()


def _bare_title(head: Token, start: int, mstart: int, aff: Affiliation) -> bool:
    """True when a title stands alone as a proper noun: capitalised, with no determiner,
    possessive, modifier, country or organisation, and no one in the article holds it
    ("Prince has sold 1m albums", the musician's name). An English singular title needs a
    determiner or a name to refer to an office holder ("the Prince", "Prince Charles"); with
    neither it names someone the title does not describe."""
    nxt = head.doc[head.i + 1] if head.i + 1 < len(head.doc) else None
    return (
        head.tag_ == "NNP"
        and head.dep_ != "compound"  # "Vice-President Moody Awori": a name follows
        and (nxt is None or nxt.pos_ != "PROPN")
        and head.doc[start].is_title
        and mstart == start
        and not any(c.dep_ in ("det", "poss", "amod", "compound") for c in head.lefts)
        and not (aff.countries or aff.orgs or aff.body or aff.former or aff.shadow)
        and len(aff.roles) == 1
    )


def _pronoun_predicate(head: Token) -> bool:
    """True when ``head`` is the complement of "be" or "become" whose subject is a personal
    pronoun ("she was Professor of Ballet"): a predicate saying what someone is, not an actor
    of its own (the person is the pronoun's antecedent, which this component does not resolve;
    a name as subject is read by ``people``: "Nischal, who is an Additional Professor")."""
    verb = head.head
    if head.dep_ != "attr" or verb.lemma_ not in ("be", "become"):
        return False
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects and verb.dep_ == "conj":  # "She became director ... and was Professor"
        subjects = [c for c in verb.head.children if c.dep_ == "nsubj"]
    return any(c.tag_ == "PRP" for c in subjects)
