"""Shared state and helpers of the actor resolver (see ``communique.nlp.actors``).

``ResolutionState`` holds what one call keeps while it resolves a document: the gazetteer scan,
the actors under construction (``Draft``, token offsets), which tokens are already used, and
the person clusters; ``PeopleMixin`` and ``GroupsMixin`` add the passes.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from ..knowledge.actors import INTERNATIONAL, ActorKnowledge
from ..knowledge.petrarch import ActorDictionary
from .actor_roles import COUNTRY_KINDS
from .actor_scan import POSSESSIVE, ScanResult, scan

DOMESTIC_SECTORS = frozenset({"COP", "JUD", "LEG"})
"""Institutions that, unnamed, belong to the country an article is about ("police said")."""
HEAD_VERBS = frozenset({"head", "lead", "run", "chair", "command", "direct"})
DETERMINERS = frozenset({"the", "a", "an", "The", "A", "An"})
#: Which sector an organisation name with several role words takes ("Union of Teachers": EDU).
SECTOR_PRIORITY = (
    "JUD",
    "LEG",
    "MIL",
    "COP",
    "SPY",
    "EDU",
    "MED",
    "REF",
    "REB",
    "OPP",
    "PTY",
    "JRN",
    "LAB",
    "BUS",
    "AGR",
    "REL",
    "HRI",
    "NGO",
    "CVL",
    "GOV",
)


@dataclass(eq=False)
class Draft:
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


class ResolutionState:
    """What resolving one document keeps (all of it local to one call)."""

    def __init__(self, doc: Doc, kb: ActorKnowledge, dictionary: ActorDictionary | None) -> None:
        self.doc = doc
        self.kb = kb
        self.dictionary = dictionary
        self.scan: ScanResult = scan(doc, kb)
        self.used: set[int] = set()
        self.names_used: set[int] = set()
        """Tokens of people's names and of organisations already made actors."""
        self.drafts: list[Draft] = []
        self.by_key: dict[tuple[str, ...], Draft] = {}
        self.people: list[Draft] = []
        self.token_person: dict[int, Draft] = {}
        self.claimed: dict[int, Draft] = {}
        """Role-match start -> the person an appositive or predicate nominal describes."""
        self._sent_countries: dict[int, list[str]] = {}

    def _draft(self, key: tuple[str, ...], kind: str, name: str) -> Draft:
        d = self.by_key.get(key)
        if d is None:
            d = Draft(kind=kind, name=name)
            self.by_key[key] = d
            self.drafts.append(d)
        return d

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
        self, tok: Token, sector: str | None, *, institution: bool = False, office: bool = False
    ) -> str | None:
        """A country for an actor whose own words name none. An unqualified institution ("the
        government") belongs to the country the document names most; other actors take the
        first country named in their sentence, and office holders (``office``: "Home Secretary
        Charles Clarke", news names domestic officials without a country) and domestic bodies
        (police, courts, parliament) with none there the document's. ``None`` for actors
        without a sector, international ones, or when nothing is named."""
        if sector is None or sector in INTERNATIONAL:
            return None
        if institution:
            found = self._countries_in(0, len(self.doc))
            if found:
                return max(found, key=lambda c: (found.count(c), -found.index(c)))
        found = self._countries_in(self.scan.sent_start[tok.i], self.scan.sent_end[tok.i])
        if found:
            return found[0]
        if sector in DOMESTIC_SECTORS or office:
            found = self._countries_in(0, len(self.doc))
            if found:
                return max(found, key=lambda c: (found.count(c), -found.index(c)))
        return None

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


def m_text(doc: Doc, s: int, e: int) -> str:
    """The text of tokens ``[s, e)`` with whitespace collapsed."""
    return " ".join(doc[s:e].text.split())
