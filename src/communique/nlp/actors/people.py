"""The people pass of the actor resolver: names, surnames, first names, titles and appositives.

PERSON entities, known people and every later token repeating a person's surname or unambiguous
first name (whatever label the small model gave it) join one cluster; titles, country
adjectives and honorifics to the left, appositives ("Lavrov, Russia's foreign minister"),
"who heads the Pentagon" and "X is Y" give role and country; ``known`` finds the person in
our ``people.tsv`` to fill what the text leaves out. First, a name right after a common noun
for a body ("the tobacco company Brown and Williamson") is made that organisation, so its
words never join a person ("Gordon Brown").
"""

from __future__ import annotations

from spacy.attrs import ORTH, SENT_START
from spacy.tokens import Token

from ...knowledge.actor_lexicon import PersonEntry
from ..syntax import RELATIVE_PRONOUNS
from .affiliation import (
    COUNTRY_KINDS,
    Affiliation,
    base_of,
    of_countries,
    postmodifiers,
    premodifiers,
    role_text,
    sector_of,
)
from .scan import OPENING_BRACKETS, POSSESSIVE
from .state import DETERMINERS, Draft, ResolutionState

ARTICLES = frozenset({"the", "a", "an"})
PARTICIPLE_ENDINGS = ("ed", "ing")
"""English participle inflections: a one-word name ending so may be an ordinary verb form."""
"""Articles, which a person's name does not take ("the Xbox", "a Mini")."""


def _single_entity(tok: Token) -> bool:
    """True when ``tok`` is an entity of one token."""
    doc = tok.doc
    return tok.ent_iob_ == "B" and (tok.i + 1 == len(doc) or doc[tok.i + 1].ent_iob_ != "I")


def _proper(tok: Token) -> bool:
    """A capitalised proper noun."""
    return tok.pos_ == "PROPN" and tok.text[:1].isupper()


class PeopleMixin(ResolutionState):
    """Methods of the people pass."""

    # ----------------------------------------------------------------- people
    def _bodies_named(self) -> None:
        """A name right after a common noun for a body ("the tobacco company Brown and
        Williamson", "the bank Barclays") names that body, whatever label the model gave it:
        an organisation, never a person, and so are the same words repeated later. So does a
        one-word name the model calls an organisation elsewhere in the article ("Yukos")."""
        doc = self.doc
        names: dict[tuple[str, ...], tuple[str | None, int]] = {}
        nouns: dict[tuple[str, ...], list[tuple[int, int]]] = {}
        for ent in self.ents:
            s, e = ent.start, ent.end
            if ent.label_ != "PERSON" or s == 0:
                continue
            noun = self.scan.role_at.get(s - 1)
            if noun is None or noun.entry.kind != "body" or not doc[s - 1].is_lower:
                continue
            while e + 1 < len(doc) and doc[e].lower_ in ("and", "&") and _proper(doc[e + 1]):
                e += 1  # "Brown and Williamson", "Marks & Spencer": one name
                while e < len(doc) and _proper(doc[e]):
                    e += 1
            names.setdefault(tuple(t.text for t in doc[s:e]), (noun.entry.sector, s))
            nouns.setdefault(tuple(t.text for t in doc[s:e]), []).append((noun.start, noun.end))
        surnames = {
            t.text for ent in self.ents if ent.label_ == "PERSON" and len(ent) > 1 for t in ent
        }
        orgs = {
            ent.text
            for ent in self.ents
            if ent.label_ == "ORG"
            and len(ent) == 1
            and ent.start not in self.scan.name_at
            and ent.text not in surnames  # "Clarke" of "Charles Clarke" called ORG once
        }
        alone: set[tuple[str, ...]] = set()
        for ent in self.ents:  # "Yukos" called ORG in one sentence and PERSON in another
            if ent.label_ == "PERSON" and len(ent) == 1 and ent.text in orgs:
                names.setdefault((ent.text,), (None, ent.start))
                nouns.setdefault((ent.text,), [])
                alone.add((ent.text,))
        for words, (sector, _) in sorted(names.items(), key=lambda kv: kv[1][1]):
            name = " ".join(words)
            d = self._draft(("org", name), "organization", name)
            d.sector = d.sector or sector
            for ns, ne in nouns[words]:  # "the company" before the name is the same body
                aff = premodifiers(doc, ns, self.scan, self.kb, coordinate=False)
                d.country = (
                    d.country or aff.country() or self._fallback_country(doc[ne - 1], sector)
                )
                d.add(ns, ne)
                self._mark(ns, ne)
            n = len(words)
            for i in range(len(doc) - n + 1):
                if words in alone and not _single_entity(doc[i]):
                    continue  # "Labour" of "Labour Party" is that longer name's
                if tuple(t.text for t in doc[i : i + n]) == words and not any(
                    k in self.used for k in range(i, i + n)
                ):
                    d.add(i, i + n)
                    self._mark(i, i + n)
                    self.names_used.update(range(i, i + n))

    def _person_spans(self) -> list[tuple[int, int]]:
        doc, spans = self.doc, []
        for ent in self.ents:
            if ent.label_ != "PERSON" or self._org_named_as_person(ent):
                continue
            if any(i in self.names_used for i in range(ent.start, ent.end)):
                continue  # a body's name ("the company Brown and Williamson")
            s, e = ent.start, ent.end
            while s < e and (
                doc[s].lower_ in self.kb.honorifics
                or doc[s].text in DETERMINERS
                or (s in self.scan.role_at and self.scan.role_at[s].end <= e - 1)
                or self._org_before_name(s, e)
            ):
                s += 1
            for k in range(s + 1, e):
                if (
                    doc[k].text in POSSESSIVE
                    or doc[k].text in OPENING_BRACKETS
                    or (doc[k].is_punct and doc[k - 1].whitespace_ and doc[k].whitespace_)
                ):
                    e = k  # "Donald's Georgia", "B Cohen (England)", "Alan Milburn - the"
                    break
            while e > s and (doc[e - 1].text in POSSESSIVE or doc[e - 1].is_punct):
                e -= 1
            if (
                s >= e
                or (doc[s].pos_ == "ADP" and doc[s].is_stop)  # "Across Wales": a phrase
                or self._text(s, e) in self.kb.common_nouns
                or self._thing(s, e)
                or self._title_of_work(s)  # "the horror hit film Boogeyman"
            ):
                continue
            if s in self.scan.role_at and self.scan.role_at[s].end >= e:
                continue  # "Lib Dem MPs": a role nominal after its organisation's name
            m = self.scan.name_at.get(s)
            if (
                m is not None
                and m.start <= s
                and e <= m.end  # "Hutu" of the known "Hutu rebels"
                and m.first("person") is None
                and m.first(*COUNTRY_KINDS, "org")
            ):
                continue
            if self._all_peoples(s, e):
                continue  # "Bosnian Serbs" taken for a person: a people of a country
            spans.append((s, e))
        taken = {i for s, e in spans for i in range(s, e)}
        for m in self.scan.names_by_start.values():
            if m.first("person") is not None and not any(i in taken for i in range(m.start, m.end)):
                spans.append((m.start, m.end))
                taken.update(range(m.start, m.end))
        for i in self._untagged_surnames(taken):
            spans.append((i, i + 1))
            taken.add(i)
        for ent in self.ents:
            if ent.label_ not in ("ORG", "GPE", "NORP") or any(
                i in taken for i in range(ent.start, ent.end)
            ):
                continue
            if any(i in self.scan.name_at for i in range(ent.start, ent.end)):
                continue
            s, e = self._trim(ent.start, ent.end)
            joined = self._double_barrelled(e) if s < e and e + 1 not in taken else e
            if joined > e and self._text(s, joined) in self._surnames_named(spans):
                spans.append((s, joined))  # "Newton-Rex" of "Ed Newton-Rex", tagged ORG "Newton"
                taken.update(range(s, joined))
            elif s < e and self._looks_like_person(s, e):
                spans.append((s, e))
                taken.update(range(s, e))
        return sorted(sp for sp in spans if not self._named_place(sp[1]))

    def _double_barrelled(self, e: int) -> int:
        """The end of a name that goes on past token ``e`` through a hyphen written without
        spaces to a capitalised proper noun ("Newton" + "-Rex"), where the tagger stopped at the
        hyphen; ``e`` itself when it does not."""
        doc = self.doc
        if (
            e + 1 < len(doc)
            and doc[e].text == "-"
            and not doc[e - 1].whitespace_
            and not doc[e].whitespace_
            and doc[e + 1].pos_ == "PROPN"
            and doc[e + 1].is_title
        ):
            return e + 2
        return e

    def _surnames_named(self, spans: list[tuple[int, int]]) -> set[str]:
        """Every tail of the names in ``spans`` after their first word ("Newton-Rex" and
        "Rex" of "Ed Newton-Rex"): what a later mention of the same person may be."""
        return {self._text(k, e) for s, e in spans for k in range(s + 1, e)}

    def _named_place(self, e: int) -> bool:
        """True when the name ending before token ``e`` goes on into the name of a place or
        facility named after the person ("Imam Khomeini International Airport", "the Nelson
        Mandela Bridge"): capitalised words up to a ``facility_noun`` of ``actor_words.tsv``.
        Such a name is the place's, no actor of that person's kind."""
        doc = self.doc
        for k in range(e - 1, min(e + 4, len(doc))):  # "Nelson Mandela Square" as one name
            tok = doc[k]
            if not tok.is_title or tok.is_punct:
                return False
            if tok.lower_ in self.kb.facility_nouns:
                return True
        return False

    def _untagged_surnames(self, taken: set[int]) -> list[int]:
        """Tokens the model left without an entity that are the surname of one well-known
        person (``people.tsv``: "Musharraf accused India"), as a PERSON entity of that one
        word would be read: a proper noun standing alone, with no proper noun on either side
        ("Brown Brothers") and no known name of a place or organisation, in an article about
        states (a namesake scores goals in a football report)."""
        doc = self.doc
        if not self.kb.surnames or not len(doc) or not self._about_states():
            return []
        strings = doc.vocab.strings
        wanted = {strings[s] for s in self.kb.surnames}  # hashes, compared with no Token made
        found = [i for i, orth in enumerate(doc.to_array(ORTH).tolist()) if orth in wanted]
        out: list[int] = []
        for i in found:
            tok = doc[i]
            if (
                i in taken
                or tok.ent_iob_ != "O"
                or not _proper(tok)
                or i in self.scan.name_at
                or i in self.names_used
                or (i > 0 and _proper(doc[i - 1]))
                or (i + 1 < len(doc) and _proper(doc[i + 1]))
            ):
                continue
            people = self.kb.surnames[tok.text]
            if len({(c.country, c.terms[-1].code) for c in people}) == 1:
                out.append(i)
        return out

    def _thing(self, s: int, e: int) -> bool:
        """True when a PERSON entity ``[s, e)`` names a thing, not a person: a name written
        with a lower-case first letter ("iPod", "eBay"), or one right after an article ("the
        Xbox", "a Mini", "the Toyota Prius"; a person's name takes none, except after an
        adjective: "the late Steve Irwin") that our tables know as no one."""
        doc = self.doc
        if doc[s].text[:1].islower():
            return True
        if e - s == 1 and (self._participle(s) or self._capitalised_by_position(s)):
            return True
        if any(  # "Raymond-South Bend": two places joined by a hyphen (a team of two towns)
            doc[k].text == "-"
            and not doc[k - 1].whitespace_
            and doc[k + 1].lower_ in self.kb.region_words
            and k + 2 < e
            for k in range(s + 1, e - 1)
        ):
            return True
        if s == 0 or doc[s - 1].lower_ not in ARTICLES:
            return False
        return self.kb.first(self._text(s, e), ("person",)) is None

    def _participle(self, i: int) -> bool:
        """True when token ``i``, a one-word name, is a participle ("-ed", "-ing") that the
        document also writes in lower case as an ordinary word ("The Last of Us Part 2
        Remastered" ... "the remastered game"); a name is always written with its capital."""
        word = self.doc[i].text
        if not word.endswith(PARTICIPLE_ENDINGS) or self.kb.first(word, ("person",)):
            return False
        lower = word.lower()
        return lower != word and self.doc.vocab.strings[lower] in self._orths()[0]

    def _capitalised_by_position(self, i: int) -> bool:
        """True when token ``i`` opens its sentence, the document writes the same word in
        lower case elsewhere, and never capitalised inside a sentence ("Marijuana sold for
        recreational use ..." beside "medical marijuana products"): its capital is the
        sentence's, not a name's."""
        tok = self.doc[i]
        if not tok.is_sent_start or tok.text in self.kb.given_names or tok.text in self.kb.surnames:
            return False
        lower = tok.text.lower()
        if lower == tok.text or self.doc.vocab.strings[lower] not in self._orths()[0]:
            return False
        return tok.orth not in self._orths()[1]

    def _orths(self) -> tuple[set[int], set[int]]:
        """The document's word forms (hashes), and those of words that open no sentence, read
        once."""
        if self.orths is None or self.inner_orths is None:
            rows = self.doc.to_array([ORTH, SENT_START]).tolist()
            self.orths = {orth for orth, _ in rows}
            self.inner_orths = {orth for orth, start in rows if start != 1}
        return self.orths, self.inner_orths

    def _org_before_name(self, s: int, e: int) -> bool:
        """True when token ``s`` lies in a known organisation's name that ends before the
        last word of the PERSON span ``[s, e)`` ("Lib Dem MP Mark Oaten"): the words are the
        person's affiliation, read by ``premodifiers``, not their name."""
        m = self.scan.name_at.get(s)
        return m is not None and m.end <= e - 1 and m.first("org") is not None

    def _looks_like_person(self, s: int, e: int) -> bool:
        """A mislabelled name: a known person's surname, a name of capitalised proper nouns
        right after a person's title ("contender Nikki Haley"), or a name with a person's
        title in apposition ("Lavrov, Russia's foreign minister")."""
        doc = self.doc
        if e - s == 1 and doc[s].text in self.kb.surnames and doc[s].pos_ == "PROPN":
            return True
        title = self.scan.roles_by_end.get(s)
        if (
            title is not None
            and title.entry.kind == "person"
            and all(t.pos_ == "PROPN" and t.is_title for t in doc[s:e])
        ):
            return True  # "presidential contender Nikki Haley", "Gov. Hochul": a title's holder
        root = doc[s:e].root
        for c in root.children:
            if c.dep_ == "appos":
                rm = self.scan.role_at.get(c.i)
                if rm is not None and rm.entry.kind == "person":
                    return True
        return False

    def _people(self) -> None:
        doc = self.doc
        self._bodies_named()
        spans = self._person_spans()
        multi = [sp for sp in spans if sp[1] - sp[0] > 1]
        single = [sp for sp in spans if sp[1] - sp[0] == 1]
        for s, e in multi:
            words = self._text(s, e).split()
            target = None
            for p in self.people:
                for n in p.names:
                    nw = n.split()
                    if nw[-1] == words[-1] and (
                        len(nw) == 1
                        or len(words) == 1  # a surname of several tokens: "Newton-Rex"
                        or nw[0] == words[0]
                        or nw[0][0] == words[0][0]
                    ):
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
        surnames: dict[str, list[Draft]] = {}
        firsts: dict[str, list[Draft]] = {}
        for p in self.people:
            for n in p.names:
                w = n.split()
                surnames.setdefault(w[-1], []).append(p)
                if len(w) > 1:
                    firsts.setdefault(w[0], []).append(p)
        if not surnames:
            return
        strings = doc.vocab.strings
        for i, orth in enumerate(doc.to_array(ORTH).tolist()):
            text = strings[orth]
            if text not in surnames and text not in firsts:
                continue  # read the token only for a known name (a Token is made per reading)
            tok = doc[i]
            if (
                tok.i in self.token_person
                or tok.i in self.names_used
                or not tok.text[:1].isupper()
                or tok.is_sent_start
                and tok.pos_ != "PROPN"
            ):
                continue
            cands = surnames.get(tok.text) or firsts.get(tok.text)
            if not cands or len(set(map(id, cands))) != 1:
                continue
            nm = self.scan.name_at.get(tok.i)
            if nm is not None and nm.first("person") is None:
                continue
            nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
            if (
                nxt is not None
                and nxt.pos_ == "PROPN"
                and nxt.text[:1].isupper()
                and nxt.i not in self.token_person
            ):
                continue
            self._person_mention(cands[0], tok.i, tok.i + 1)

    def _attach_single(self, s: int, e: int) -> None:
        word = self.doc[s].text
        best: Draft | None = None
        for p in self.people:  # the first person introduced with this surname
            if any(self._surname(n) == word for n in p.names):
                best = p
                break
        if best is None:
            byfirst = [
                p
                for p in self.people
                if any(len(n.split()) > 1 and n.split()[0] == word for n in p.names)
            ]
            if len(byfirst) == 1:
                best = byfirst[0]
        if best is None:
            best = self._draft(("person", word), "person", word)
            self.people.append(best)
        self._person_mention(best, s, e)

    def _surname(self, name: str) -> str:
        """The last word of ``name`` before any generational suffix ("Robert F. Kennedy Jr."
        -> "Kennedy")."""
        words = name.split()
        while len(words) > 1 and words[-1].lower() in self.kb.name_suffixes:
            words.pop()
        return words[-1] if words else ""

    def _person_mention(self, p: Draft, s: int, e: int) -> None:
        doc = self.doc
        name = self._text(s, e)
        if name not in p.names:
            p.names.append(name)
        aff = premodifiers(doc, s, self.scan, self.kb, coordinate=False)
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

    def _learn(self, p: Draft, aff: Affiliation) -> None:
        """Fill a person's role, sector and country from one mention's affiliation."""
        role = role_text(aff)
        if role and (
            p.role is None
            or (
                len(role) > len(p.role)
                and p.role.lower() in role.lower()
                and not aff.former  # "then-Vice President Biden" is not now "President Biden"
            )
        ):
            p.role = role
            p.title_phrase = aff.roles[0].phrase
            p.sector = sector_of(aff, self.kb.sectors)
            p.base = base_of(aff, aff.country())
        elif p.sector is None and aff.orgs:
            p.sector = sector_of(aff, self.kb.sectors)
            p.base = p.base or base_of(aff, aff.country())
        country = aff.country()
        if country and p.country is None:
            p.country = country

    def _clause_affiliation(self, tok: Token, aff: Affiliation, person: Draft) -> None:
        """Appositives, "who heads X" and "X is Y" around a person's name head."""
        head = tok
        while head.dep_ in ("compound", "flat") and head.head.i > head.i:
            head = head.head
        nominals: list[Token] = [c for c in head.children if c.dep_ == "appos"]
        if head.dep_ == "appos":
            nominals.append(head.head)
        if head.dep_ == "nsubj" and head.head.lemma_ == "be":
            nominals.extend(c for c in head.head.children if c.dep_ == "attr")
        for rel in head.children:  # "Nischal, who is an Additional Professor": the same "X is Y"
            if (
                rel.dep_ == "relcl"
                and rel.lemma_ == "be"
                and any(c.dep_ == "nsubj" and c.lower_ in RELATIVE_PRONOUNS for c in rel.children)
            ):
                nominals.extend(c for c in rel.children if c.dep_ == "attr")
        for nom in nominals:
            rm = self.scan.role_at.get(nom.i)
            if rm is None or rm.end - 1 != nom.i:
                continue
            sub = premodifiers(self.doc, rm.start, self.scan, self.kb, coordinate=False)
            sub.roles.insert(0, rm.entry)
            postmodifiers(nom, self.scan, sub)
            if not aff.roles:
                aff.roles.extend(sub.roles)
                aff.former = aff.former or sub.former
            aff.countries.extend(c for c in sub.countries if c not in aff.countries)
            aff.orgs.extend(sub.orgs)
            if sub.body and not aff.body:  # "spokesman for Lycos Europe"
                aff.body, aff.body_sector = True, sub.body_sector
            self.claimed[rm.start] = person
        if aff.roles or aff.honorific:  # "President Idriss Deby of Chad"
            aff.countries.extend(c for c in of_countries(head, self.scan) if c not in aff.countries)
        for c in head.children:
            if c.dep_ == "relcl" and c.lemma_ in self.kb.head_verbs:
                for obj in c.children:
                    m = self.scan.name_at.get(obj.i)
                    if obj.dep_ == "dobj" and m is not None:
                        org = m.first("org")
                        if org is not None and org.org is not None:
                            aff.orgs.append(org.org)
                        hit = m.first(*COUNTRY_KINDS)
                        if hit is not None and hit.iso3 and hit.iso3 not in aff.countries:
                            aff.countries.append(hit.iso3)

    def _known(self, p: Draft) -> PersonEntry | None:
        """The well-known person of ``people.tsv`` that ``p`` is: by a full name or alias, or
        by a surname alone when the article gives the first name or is news of states
        (``_about_states``; a bare "Brown" in a match report is a player)."""
        for n in sorted(p.names, key=len, reverse=True):
            hit = self.kb.first(n, ("person",)) or (
                self.kb.first(n.title(), ("person",)) if n.islower() else None
            )
            if hit is not None and hit.person is not None:
                return hit.person
        full = [n for n in p.names if len(n.split()) > 1]
        if not full and not self._about_states():
            return None  # "Brown" in a match report: a player, not the Chancellor
        for n in full or p.names:
            w = n.title().split() if n.islower() else n.split()
            cands = self.kb.surnames.get(w[-1], ())
            if len(w) > 1:
                cands = tuple(c for c in cands if c.name.split()[0] == w[0])
            if cands and len({(c.country, c.terms[-1].code) for c in cands}) == 1:
                return cands[0]  # one person, or namesakes of one country and office (Bush)
        return None
