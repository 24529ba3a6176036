"""Where an actor whose own words name no country belongs (see ``resolver``).

The resolver asks, in order, and stops at the first answer:

1. a possessive pronoun's antecedent: "his government" belongs to the country of the subject
   of the nearest clause above it whose subject has one ("President X ... arranged a ceasefire
   with rebels fighting to topple his government"; "his"/"her" only take people);
2. for an actor that is a subject: the subjects of the clauses above its own ("Uganda said
   ... when former dictator Idi Amin expelled them": Uganda's), then, for the subject of the
   main verb, the subject of the clause that verb reports ("Saudi Arabia has mobilized...,
   a top minister said": a Saudi minister);
3. the one country named in the nearest clause, at or above the actor's, that names any
   ("Mr Blair told MPs that Iraq...": the MPs are Blair's, not Iraq's, whose clause is below;
   "Judge Rivera opened investigations against Chilean officials"); when that clause names
   several, its subject's country ("Britain mobilized army reservists for a war against
   Iraq"), else the first it names; news organisations and reporters are no clue ("an AFP
   correspondent said"), nor is the people in "ethnic Albanians";
4. the dateline of the article ("BAGHDAD, Jan 3 (AFP) -");
5. when no clause on the way names a country: the first country its sentence names (news
   sentences name the country they are about first);
6. for domestic bodies and office holders only: the country the document names most, the
   countries of its people counted once per mention.

Otherwise the country stays unknown (``None``), as it does for office holders counted as a set
("the two leaders", decided by the caller).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from spacy.tokens import Doc, Token

from ...knowledge.actor_lexicon import ActorKnowledge, NameHit
from ..syntax import SUBJECT_DEPS, VERB_POS
from .affiliation import COUNTRY_KINDS, region_adjective
from .scan import ScanResult

CLAUSE_DEPS = frozenset(
    {"ccomp", "xcomp", "advcl", "relcl", "acl", "csubj", "csubjpass", "parataxis", "pcomp"}
)
"""Dependencies that start a clause of their own when their head word is a verb."""
POSSESSIVE_PRONOUNS: dict[str, bool] = {"his": True, "her": True, "its": False, "their": False}
"""Possessive pronoun -> whether its antecedent must be a person."""
DATELINE_DASHES = frozenset({"-", "--", "\u2014", "\u2013", "("})

#: token index -> (country, is a person) of the actor or name there; ``None`` when unknown.
TokenCountry = Callable[[int], tuple[str | None, bool]]


def clause_head(tok: Token) -> Token:
    """The head of the clause ``tok`` belongs to: the nearest verb at or above it that heads a
    clause (the sentence root, a complement, adverbial or relative clause, a verb conjunct)."""
    cur = tok
    while True:
        if cur.dep_ == "ROOT" or cur.head.i == cur.i:
            return cur
        if cur.pos_ in VERB_POS and (
            cur.dep_ in CLAUSE_DEPS or cur.dep_ == "conj" and cur.head.pos_ in VERB_POS
        ):
            return cur
        cur = cur.head


def _reporter(hit: NameHit) -> bool:
    """True for a news organisation, whose country says nothing about the news it reports."""
    return hit.org is not None and hit.org.sector == "JRN"


def _covers(phrase: Token, tok: Token) -> bool:
    """True when ``tok`` lies inside the phrase headed by ``phrase``."""
    return phrase.left_edge.i <= tok.i <= phrase.right_edge.i


class CountryContext:
    """The country clues of one document (see the module docstring); built once per doc."""

    def __init__(
        self, doc: Doc, scan: ScanResult, kb: ActorKnowledge, dateline_window: int
    ) -> None:
        self.doc = doc
        self.scan = scan
        self.kb = kb
        self.dateline_window = dateline_window
        """A dateline's place name ends before this token (``ActorConfig.dateline_window``)."""
        self._clause_names: dict[int, list[tuple[int, str]]] | None = None
        self._heads: dict[int, Token] = {}
        self._doc_counts: list[str] | None = None
        self._countries: frozenset[str] | None = None
        self._people: list[tuple[int, str]] = []
        """(token, country) of the document's people, once per mention (``count_people``)."""
        self._doc_country: str | None = None
        """``document_country``, cached ("" for none)."""
        self.dateline_end = 0
        """End of the dateline's place name (0 without a dateline): no actor of its own."""
        self.dateline: str | None = self._find_dateline()

    def head_of(self, tok: Token) -> Token:
        """``clause_head(tok)``, cached."""
        found = self._heads.get(tok.i)
        if found is None:
            found = self._heads[tok.i] = clause_head(tok)
        return found

    # -------------------------------------------------------------- dateline
    def _find_dateline(self) -> str | None:
        """The country of a dateline ("MOSCOW, Aug 9 (AFP) -", "Kabul — ", "ATLANTA, Georgia
        (AP) -"), ``None`` without one. The place must be written in capitals or be followed by
        a dash or a bracket; a region or country after the city's comma, itself followed by a
        dash or a bracket, says the country when the city is unknown (the scan has already
        read an ambiguous region by its city: "Georgia" after "ATLANTA")."""
        doc = self.doc
        for k in range(1, min(self.dateline_window, len(doc))):
            nxt = doc[k]
            if not nxt.is_punct:
                continue
            if nxt.text not in DATELINE_DASHES and nxt.text != ",":
                return None
            words = doc[0:k].text
            upper = words.isupper() and any(c.isalpha() for c in words)
            if not upper and nxt.text == ",":
                return None
            name = words.title() if upper else words
            region = self._dateline_region(k) if nxt.text == "," else None
            if region is not None:
                self.dateline_end = region[0]
            for hit in self.kb.name(name):
                if hit.kind in COUNTRY_KINDS and hit.kind != "adjective" and hit.iso3:
                    self.dateline_end = max(self.dateline_end, k)
                    return hit.iso3
            return region[1] if region is not None else None
        return None

    def _dateline_region(self, comma: int) -> tuple[int, str] | None:
        """(end, country) of a place named right after the dateline city's comma and followed
        by a dash or a bracket ("ATLANTA, Georgia (AP)"); ``None`` otherwise."""
        m = self.scan.names_by_start.get(comma + 1)
        if m is None or m.end >= len(self.doc) or self.doc[m.end].text not in DATELINE_DASHES:
            return None
        hit = m.first(*COUNTRY_KINDS)
        if hit is None or hit.kind == "adjective" or not hit.iso3:
            return None
        return m.end, hit.iso3

    def _regional(self, start: int) -> bool:
        """True when the name at ``start`` is a country's adjective made a region's by the
        word before it ("North American", "Latin American"): no clue to any country."""
        return region_adjective(self.doc, start, self.scan, self.kb)

    # ---------------------------------------------------------------- clauses
    def _names_by_clause(self) -> dict[int, list[tuple[int, str]]]:
        """Clause head index -> (token, ISO3) of every country, place or organisation with a
        country named directly in that clause."""
        if self._clause_names is None:
            out: dict[int, list[tuple[int, str]]] = {}
            for m in self.scan.names_by_start.values():
                hit = m.first(*COUNTRY_KINDS, "org")
                if hit is None or not hit.iso3 or _reporter(hit):
                    continue
                if m.start > 0 and self.doc[m.start - 1].lower_ == "ethnic":
                    continue  # "ethnic Albanians" in Serbia are no clue to Albania
                if self._regional(m.start):
                    continue
                head = self.head_of(self.doc[m.end - 1])
                out.setdefault(head.i, []).append((m.start, hit.iso3))
            self._clause_names = out
        return self._clause_names

    def clause_country(self, tok: Token, token_country: TokenCountry) -> tuple[str | None, bool]:
        """Rules 2-3 of the module docstring: the subjects of the clauses above ``tok``, the
        subject of the clause a main verb reports, then the names of the nearest clause.
        ``token_country`` gives the countries of people and role nominals. Returns the country
        and whether the clauses decided (``(None, True)``: they name several countries)."""
        if tok.dep_ not in SUBJECT_DEPS:
            return self._names_country(tok, token_country)
        head = self.head_of(tok)
        own = head
        while True:
            for child in head.children:
                if child.dep_ in SUBJECT_DEPS and not _covers(child, tok):
                    found = self._subject_country(child, token_country, person=False)
                    if found:
                        return found, True
            if head.dep_ == "ROOT" or head.head.i == head.i:
                break
            head = self.head_of(head.head)
        if own.i == head.i:  # "X did Y, a minister said": the minister speaks for X
            for child in head.children:
                if child.dep_ not in ("ccomp", "parataxis") or _covers(child, tok):
                    continue
                for subj in child.children:
                    if subj.dep_ in SUBJECT_DEPS:
                        found = self._subject_country(subj, token_country, person=False)
                        if found:
                            return found, True
        return self._names_country(tok, token_country)

    def _names_country(self, tok: Token, token_country: TokenCountry) -> tuple[str | None, bool]:
        """The one country named in the nearest clause at or above ``tok`` that names any
        (else its subject's); ``(None, False)`` when no clause on the way names one."""
        names = self._names_by_clause()
        head = self.head_of(tok)
        mine = self.scan.name_at.get(tok.i)
        own_name = mine.start if mine is not None else -1
        actors: dict[int, list[tuple[int, str]]] = {}
        for i in range(self.scan.sent_start[tok.i], self.scan.sent_end[tok.i]):
            if i == tok.i:
                continue
            m = self.scan.name_at.get(i)
            if m is not None and m.first(*COUNTRY_KINDS, "org") is not None:
                continue  # counted with the clause's names; a person's name is an actor
            country, _ = token_country(i)
            if country:
                actors.setdefault(self.head_of(self.doc[i]).i, []).append((i, country))
        while True:
            here = [(i, iso) for i, iso in names.get(head.i, ()) if i != own_name]
            here += actors.get(head.i, [])
            distinct = list(dict.fromkeys(iso for _, iso in here))
            if len(distinct) == 1:
                return distinct[0], True
            if distinct:  # several: the clause's subject's, else the first the clause names
                for child in head.children:
                    if child.dep_ in SUBJECT_DEPS and not _covers(child, tok):
                        found_subj = self._subject_country(child, token_country, person=False)
                        if found_subj:
                            return found_subj, True
                return min(here)[1], True
            if head.dep_ == "ROOT" or head.head.i == head.i:
                return None, False
            head = self.head_of(head.head)

    # ------------------------------------------------------------ possessives
    def possessor_country(self, tok: Token, token_country: TokenCountry) -> str | None:
        """Rule 1: the country of the antecedent of a possessive pronoun on ``tok``; ``None``
        when ``tok`` has none or the antecedent's country is unknown."""
        pron = next(
            (c for c in tok.children if c.dep_ == "poss" and c.lower_ in POSSESSIVE_PRONOUNS),
            None,
        )
        if pron is None:
            return None
        person = POSSESSIVE_PRONOUNS[pron.lower_]
        cur = tok
        while cur.head.i != cur.i:
            cur = cur.head
            for child in cur.children:
                if child.dep_ not in SUBJECT_DEPS or child.i >= pron.i:
                    continue
                if _covers(child, tok):
                    continue  # "his government said": the phrase is the subject itself
                found = self._subject_country(child, token_country, person=person)
                if found:
                    return found
        return None

    def _subject_country(
        self, subj: Token, token_country: TokenCountry, *, person: bool
    ) -> str | None:
        for i in range(subj.left_edge.i, subj.i + 1):
            rm = self.scan.role_at.get(i)
            nm = self.scan.name_at.get(i)
            org = nm.first("org") if nm is not None else None
            if (rm is not None and rm.entry.sector == "JRN") or (
                org is not None and org.org is not None and org.org.sector == "JRN"
            ):
                return None  # "an AFP correspondent said": the reporter is no party to the news
        for i in (subj.i, *range(subj.i - 1, subj.left_edge.i - 1, -1)):
            country, is_person = token_country(i)
            if country and (is_person or not person):
                return country
            m = self.scan.name_at.get(i)
            hit = m.first(*COUNTRY_KINDS, "org") if m is not None and not person else None
            if hit is not None and hit.iso3:
                return hit.iso3
        return None

    def sentence_country(self, tok: Token) -> str | None:
        """The first country named in ``tok``'s sentence, ``None`` when none is."""
        for i in range(self.scan.sent_start[tok.i], self.scan.sent_end[tok.i]):
            m = self.scan.names_by_start.get(i)
            if m is None or m.start <= tok.i < m.end:
                continue
            if i > 0 and self.doc[i - 1].lower_ == "ethnic" or self._regional(i):
                continue
            hit = m.first(*COUNTRY_KINDS, "org")
            if hit is not None and hit.iso3 and not _reporter(hit):
                return hit.iso3
        return None

    # --------------------------------------------------------------- document
    def _named(self) -> list[str]:
        """The countries of every country-like or organisation name, in document order."""
        if self._doc_counts is None:
            out: list[str] = []
            for start in sorted(self.scan.names_by_start):
                hit = self.scan.names_by_start[start].first(*COUNTRY_KINDS, "org")
                if (
                    hit is not None
                    and hit.iso3
                    and not _reporter(hit)
                    and not self._regional(start)
                ):
                    out.append(hit.iso3)
            self._doc_counts = out
        return self._doc_counts

    def countries(self) -> frozenset[str]:
        """Every country the document names (itself, a place, people or organisation of it)."""
        if self._countries is None:
            self._countries = frozenset(self._named())
        return self._countries

    def count_people(self, mentions: list[tuple[int, str]]) -> None:
        """Let the people's countries, (first token, country) once per mention, count towards
        the document's country ("Tony Blair told MPs ...": a British article although it
        names no country)."""
        self._people = list(mentions)
        self._doc_country = None

    def document_country(self) -> str | None:
        """Rule 6: the country the document names most, its people's countries counted with
        its names (the first named of those tied), ``None`` when it names none."""
        if self._doc_country is not None:
            return self._doc_country or None
        named = [
            (start, hit.iso3)
            for start, m in self.scan.names_by_start.items()
            if (hit := m.first(*COUNTRY_KINDS, "org")) is not None
            and hit.iso3
            and not _reporter(hit)
            and not self._regional(start)
        ]
        found = [iso for _, iso in sorted(named + self._people)]
        if not found:
            self._doc_country = ""
            return None
        counts = Counter(found)  # in first-named order, so ties go to the first named
        self._doc_country = max(counts, key=lambda c: counts[c])
        return self._doc_country
