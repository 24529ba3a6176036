"""Shared state and helpers of the actor resolver (see ``resolver``).

``ResolutionState`` holds what one call keeps while it resolves a document: the gazetteer scan,
the actors under construction (``Draft``, token offsets), which tokens are already used, and
the person clusters; ``PeopleMixin`` and ``GroupsMixin`` add the passes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.attrs import LOWER
from spacy.tokens import Doc, Span, Token

from ...knowledge.actor_lexicon import INTERNATIONAL, ActorKnowledge
from ...knowledge.petrarch import ActorDictionary
from ...records import ActorKind
from .affiliation import COUNTRY_KINDS
from .config import ActorConfig
from .country_context import CountryContext
from .scan import POSSESSIVE, ScanResult, scan

DETERMINERS = frozenset({"the", "a", "an", "The", "A", "An"})


@dataclass(eq=False)
class Draft:
    """An actor under construction (token offsets; turned into an ActorCluster at the end)."""

    kind: ActorKind
    name: str
    mentions: list[tuple[int, int]] = field(default_factory=list)
    country: str | None = None
    role: str | None = None
    sector: str | None = None
    code: str | None = None
    """A fixed code (known organisation, dictionary); ``None``: composed at the end."""
    base: str | None = None
    """IGO/NGO prefix for actors of international organisations."""
    group: str | None = None
    """The tertiary code (an ethnic or religion code: "alb", "CHR"); ``None`` when none."""
    gender: str | None = None
    plural: bool = False
    names: list[str] = field(default_factory=list)
    """Proper names seen (people): the longest becomes ``name``."""
    title_phrase: str | None = None
    """Lower-case role phrase, for matching "the Russian foreign minister" to its holder."""
    named: bool = True
    """Known by a proper name; ``False`` for a role nominal ("officials", "the company")."""
    place: bool = False
    """A place of our tables (a capital, city or region) standing for its people or rulers."""
    self_read: bool = False
    """A named organisation whose country and sector were read from the words of its own name
    alone ("American Civil Liberties Union": USA, and LAB for "Union"): a dictionary that
    knows the whole name knows better."""

    def add(self, start: int, end: int) -> None:
        if (start, end) not in self.mentions:
            self.mentions.append((start, end))


class ResolutionState:
    """What resolving one document keeps (all of it local to one call)."""

    def __init__(
        self,
        doc: Doc,
        kb: ActorKnowledge,
        dictionary: ActorDictionary | None,
        config: ActorConfig,
    ) -> None:
        self.doc = doc
        self.kb = kb
        self.dictionary = dictionary
        self.config = config
        self.scan: ScanResult = scan(doc, kb, config)
        self.ents: Sequence[Span] = doc.ents
        """The doc's entities, read once (``Doc.ents`` makes its spans anew at each read)."""
        self.orths: set[int] | None = None
        """The doc's word forms (ORTH hashes), read when first asked for (``people``) ..."""
        self.inner_orths: set[int] | None = None
        """... and those of its words that do not open a sentence."""
        self.used: set[int] = set()
        self.names_used: set[int] = set()
        """Tokens of people's names and of organisations already made actors."""
        self.drafts: list[Draft] = []
        self.by_key: dict[tuple[str, ...], Draft] = {}
        self.people: list[Draft] = []
        self.token_person: dict[int, Draft] = {}
        self.claimed: dict[int, Draft] = {}
        """Role-match start -> the person an appositive or predicate nominal describes."""
        self.after_the: set[str] | None = None
        """Words the document writes right after "the" as a phrase's head (``_plural_name``),
        read when first asked for."""
        self.token_role: dict[int, Draft] = {}
        """Token -> the role-nominal actor whose mention holds it (for later fallbacks)."""
        self.context = CountryContext(doc, self.scan, kb, config.dateline_window)
        self.used.update(range(self.context.dateline_end))

    def _draft(self, key: tuple[str, ...], kind: ActorKind, name: str) -> Draft:
        """The draft of ``key``, created when new. Keys are compared without regard to case:
        "Analysts" opening a sentence and "analysts" within one, "HAMAS" and "Hamas", are one
        actor of the article."""
        key = tuple(part.casefold() for part in key)
        d = self.by_key.get(key)
        if d is None:
            d = Draft(kind=kind, name=name)
            self.by_key[key] = d
            self.drafts.append(d)
        return d

    def _org_named_as_person(self, ent: Span) -> bool:
        """True for a PERSON entity that names an organisation: a name with a digit ("G8",
        "Group of 77") or ending in an institution word ("Carnegie Foundation")."""
        if ent.label_ != "PERSON":
            return False
        if any(any(ch.isdigit() for ch in t.text) for t in ent):
            return True
        if len(ent) == 1 and self._plural_name(ent[0]):
            return True
        rm = self.scan.role_at.get(ent.end - 1)
        return rm is not None and rm.entry.kind == "body" and ent[-1].text[:1].isupper()

    def _plural_name(self, tok: Token) -> bool:
        """True for a one-word name in the plural ("-s") that the document also writes after
        "the" as the head of its phrase ("the Seahawks lost", "beat the Rams"), and that our
        tables know as no one: a team or other body. A person's name takes no article, and a
        family ("the Kennedys") is no one person either; "the Jones family" is a modifier."""
        word = tok.text
        if not word.endswith("s") or word.endswith("ss") or not word[:1].isupper():
            return False
        if word in self.kb.surnames or self.kb.first(word, ("person",)) is not None:
            return False
        if self.after_the is None:
            doc = self.doc
            the = doc.vocab.strings["the"]
            lower = doc.to_array(LOWER)
            self.after_the = {
                doc[i + 1].text
                for i in (lower[:-1] == the).nonzero()[0].tolist()
                if doc[i + 1].dep_ != "compound"
            }
        return word in self.after_the

    def _title_of_work(self, s: int) -> bool:
        """True when the name starting at token ``s`` is the title of a work: right after a
        noun for one ("the medical drama ER", "his album Musicology"), or after an "of" that
        follows a part of one ("season four of Stranger Things"); ``work_noun`` and
        ``work_part`` of ``actor_words.tsv`` ("a film of X's memoir" names its author). The
        word must be a noun there: "they can play Kaka" names a player; and a name opening
        with a given name is a person's ("the film Steven Spielberg directed")."""
        if s == 0 or self.doc[s].text in self.kb.given_names:
            return False
        prev = self.doc[s - 1]
        if prev.lower_ == "of":
            head = prev.head
            parts = self.kb.work_parts
            return head.pos_ != "VERB" and (
                head.lower_ in parts or (head.pos_ == "NUM" and head.head.lower_ in parts)
            )
        return prev.pos_ == "NOUN" and prev.lower_ in self.kb.work_nouns

    def _all_peoples(self, s: int, e: int) -> bool:
        """True when tokens ``[s, e)`` are all country names or adjectives and peoples, the last a
        people ("Bosnian Serbs", "Kosovo Albanians")."""
        last = self.scan.name_at.get(e - 1)
        if last is None or last.first("people") is None:
            return False
        return all(
            (m := self.scan.name_at.get(i)) is not None and m.first(*COUNTRY_KINDS) is not None
            for i in range(s, e)
        )

    def _about_states(self) -> bool:
        """True when the article names a country or an organ or office of a state (a role
        word of a ``state`` sector: "minister", "army"; not a ``local`` one such as the
        police, which every crime story names): news of public affairs, where a well-known
        office holder's name is that office holder."""
        return bool(self.context.countries()) or self._public_affairs()

    def _public_affairs(self) -> bool:
        """True when the article names an organ or office of a state (``_about_states``
        without its countries, which a sports report names as teams: "England"): a role word
        written in lower case or as an abbreviation ("MPs"), or capitalised as a title before
        a name ("Chancellor Gordon Brown"); a capitalised one alone is a name ("Mayor" in a
        team sheet)."""
        doc = self.doc
        state = self.kb.sectors.state - self.kb.sectors.local
        return any(
            rm.entry.sector in state
            and (
                not doc[rm.start].is_title  # "minister", "MPs"
                or (rm.end < len(doc) and doc[rm.end].pos_ == "PROPN")
            )
            for rm in self.scan.roles_by_start.values()
        )

    def _mark(self, s: int, e: int) -> None:
        for i in range(s, e):
            self.used.add(i)

    def _trim(self, s: int, e: int) -> tuple[int, int]:
        doc = self.doc
        while s < e and doc[s].lower_ == "the":
            s += 1
        while e > s and (
            doc[e - 1].text in POSSESSIVE or doc[e - 1].is_punct and doc[e - 1].text != "."
        ):
            e -= 1
        return s, e

    # ------------------------------------------------------------ fallbacks
    def _fallback_country(
        self,
        tok: Token,
        sector: str | None,
        *,
        institution: bool = False,
        office: bool = False,
        unbranched: bool = False,
    ) -> str | None:
        """A country for an actor whose own words name none (``tok``: its head), by the rules
        of ``country_context``: a possessive pronoun's antecedent, the clauses
        above it; then an unqualified institution ("the government") takes the country the
        document names most; then the dateline, the first country of the sentence; last,
        domestic bodies (police, courts, parliament) and office holders (``office``: "Home
        Secretary Charles Clarke") the document's most-named country. ``None`` for actors
        without a sector, international and transnational ones (``sectors.tsv``), or when nothing
        says. ``unbranched``: a title many bodies give that says no branch of its own
        ("officer", "chairman": generic and shared in ``roles.tsv``) is placed by the same
        rules although its sector is unknown ("Israeli soldiers beat detainees with the
        knowledge of senior officers")."""
        if (
            (sector is None and not unbranched)
            or sector in INTERNATIONAL
            or sector in self.kb.sectors.transnational
        ):
            return None
        ctx = self.context
        found = ctx.possessor_country(tok, self._token_country)
        if found:
            return found
        found, decided = ctx.clause_country(tok, self._token_country)
        if decided:
            return found
        if institution:  # "the government": the one the document is about
            found = ctx.document_country()
            if found:
                return found
        found = ctx.dateline or ctx.sentence_country(tok)
        if found:
            return found
        if sector in self.kb.sectors.domestic or office:
            return ctx.document_country()
        return None

    def _token_country(self, i: int) -> tuple[str | None, bool]:
        """(country, is a person) of the person or role nominal resolved at token ``i``."""
        p = self.token_person.get(i)
        if p is not None:
            base = p.base if p.base not in INTERNATIONAL else None
            return p.country or base, True
        d = self.token_role.get(i)
        if d is not None and d.sector != "JRN":  # a reporter is no clue to the news' country
            return d.country, d.kind == "person"
        return None, False

    def _text(self, s: int, e: int) -> str:
        """The text of tokens ``[s, e)`` with whitespace collapsed (``m_text``)."""
        return self.scan.text_of(s, e)


def m_text(doc: Doc, s: int, e: int) -> str:
    """The text of tokens ``[s, e)`` with whitespace collapsed."""
    return " ".join(doc[s:e].text.split())
