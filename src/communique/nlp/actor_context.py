"""Where an actor whose own words name no country belongs (see ``communique.nlp.actors``).

The resolver asks, in order, and stops at the first answer:

1. a possessive pronoun's antecedent: "his government" belongs to the country of the subject
   of the nearest clause above it whose subject has one ("President X ... arranged a ceasefire
   with rebels fighting to topple his government"; "his"/"her" only take people);
2. the nearest clause, walking up from the actor's own clause to the main one, that names a
   country: one country there decides; several decide through that clause's subject, else not
   at all. Clauses embedded below that are not on the way up do not count ("Mr Blair told MPs
   that Iraq...": the MPs are not Iraq's);
3. the dateline of the article ("BAGHDAD, Jan 3 (AFP) -");
4. for domestic bodies and office holders only: the country the document names most, when one
   country is named more than any other.

Otherwise the country stays unknown (``None``) rather than guessed.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Token

from ..knowledge.actors import ActorKnowledge
from .actor_roles import COUNTRY_KINDS
from .actor_scan import ScanResult

CLAUSE_DEPS = frozenset(
    {"ccomp", "xcomp", "advcl", "relcl", "acl", "csubj", "csubjpass", "parataxis", "pcomp"}
)
"""Dependencies that start a clause of their own when their head word is a verb."""
POSSESSIVE_PRONOUNS: dict[str, bool] = {"his": True, "her": True, "its": False, "their": False}
"""Possessive pronoun -> whether its antecedent must be a person."""
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
DATELINE_DASHES = frozenset({"-", "--", "\u2014", "\u2013", "("})

#: token index -> (country, is a person) of the actor or name there; ``None`` when unknown.
TokenCountry = Callable[[int], tuple[str | None, bool]]


def clause_head(tok: Token) -> Token:
    """The head of the clause ``tok`` belongs to: the nearest verb at or above it that heads a
    clause (the sentence root, a complement, adverbial or relative clause, a verb conjunct)."""
    cur = tok
    while True:
        if cur.dep_ == "ROOT" or cur.head is cur:
            return cur
        if cur.pos_ in ("VERB", "AUX") and (
            cur.dep_ in CLAUSE_DEPS or cur.dep_ == "conj" and cur.head.pos_ in ("VERB", "AUX")
        ):
            return cur
        cur = cur.head


class CountryContext:
    """The country clues of one document (see the module docstring); built once per doc."""

    def __init__(self, doc: Doc, scan: ScanResult, kb: ActorKnowledge) -> None:
        self.doc = doc
        self.scan = scan
        self.kb = kb
        self._clause_names: dict[int, list[tuple[int, str]]] | None = None
        self._doc_counts: list[str] | None = None
        self.dateline: str | None = self._find_dateline()

    # -------------------------------------------------------------- dateline
    def _find_dateline(self) -> str | None:
        """The country of a dateline ("MOSCOW, Aug 9 (AFP) -", "Kabul — "), ``None`` without
        one. The place must be written in capitals or be followed by a dash or a bracket."""
        doc = self.doc
        for k in range(1, min(6, len(doc))):
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
            for hit in self.kb.name(name):
                if hit.kind in COUNTRY_KINDS and hit.kind != "adjective" and hit.iso3:
                    return hit.iso3
            return None
        return None

    # ---------------------------------------------------------------- clauses
    def _names_by_clause(self) -> dict[int, list[tuple[int, str]]]:
        """Clause head index -> (token, ISO3) of every country, place or organisation with a
        country named directly in that clause."""
        if self._clause_names is None:
            out: dict[int, list[tuple[int, str]]] = {}
            for m in self.scan.names_by_start.values():
                hit = m.first(*COUNTRY_KINDS, "org")
                if hit is None or not hit.iso3:
                    continue
                head = clause_head(self.doc[m.end - 1])
                out.setdefault(head.i, []).append((m.start, hit.iso3))
            self._clause_names = out
        return self._clause_names

    def clause_country(self, tok: Token, token_country: TokenCountry) -> str | None:
        """Rule 2 of the module docstring: the nearest clause at or above ``tok`` naming a
        country. ``token_country`` adds the countries of people and role nominals."""
        names = self._names_by_clause()
        head = clause_head(tok)
        actors: dict[int, list[str]] = {}
        for i in range(self.scan.sent_start[tok.i], self.scan.sent_end[tok.i]):
            if i == tok.i or i in self.scan.name_at:
                continue
            country, _ = token_country(i)
            if country:
                actors.setdefault(clause_head(self.doc[i]).i, []).append(country)
        while True:
            found = [iso for _, iso in names.get(head.i, ())] + actors.get(head.i, [])
            distinct = list(dict.fromkeys(found))
            if len(distinct) == 1:
                return distinct[0]
            if distinct:
                for child in head.children:
                    if child.dep_ in SUBJECT_DEPS and child.i != tok.i:
                        return self._subject_country(child, token_country, person=False)
                return None
            if head.dep_ == "ROOT" or head.head is head:
                return None
            head = clause_head(head.head)

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
        while cur.head is not cur:
            cur = cur.head
            for child in cur.children:
                if child.dep_ not in SUBJECT_DEPS or child.i >= pron.i:
                    continue
                if child.left_edge.i <= tok.i <= child.right_edge.i:
                    continue  # "his government said": the phrase is the subject itself
                found = self._subject_country(child, token_country, person=person)
                if found:
                    return found
        return None

    def _subject_country(
        self, subj: Token, token_country: TokenCountry, *, person: bool
    ) -> str | None:
        for i in range(subj.left_edge.i, subj.i + 1):
            country, is_person = token_country(i)
            if country and (is_person or not person):
                return country
            m = self.scan.name_at.get(i)
            hit = m.first(*COUNTRY_KINDS, "org") if m is not None and not person else None
            if hit is not None and hit.iso3:
                return hit.iso3
        return None

    # --------------------------------------------------------------- document
    def document_country(self) -> str | None:
        """Rule 4: the country the document names most, ``None`` on a tie or when none."""
        if self._doc_counts is None:
            out: list[str] = []
            for start in sorted(self.scan.names_by_start):
                hit = self.scan.names_by_start[start].first(*COUNTRY_KINDS, "org")
                if hit is not None and hit.iso3:
                    out.append(hit.iso3)
            self._doc_counts = out
        found = self._doc_counts
        if not found:
            return None
        counts = sorted(((found.count(c), c) for c in set(found)), reverse=True)
        if len(counts) > 1 and counts[0][0] == counts[1][0]:
            return None
        return counts[0][1]
