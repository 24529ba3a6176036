"""The event coder's knowledge, read once from the knowledge files into dicts keyed by lemma.

``verbs.tsv``         verb (+ particle) and object lemma -> CAMEO code and flags
``event_nouns.tsv``   event nouns ("summit", "sanctions") -> CAMEO code and flags
``event_modals.tsv``  governing verbs and adjectives ("pledge", "threaten", "refuse") -> kind
``event_agents.tsv``  agent head nouns ("government", "troops") -> CAMEO sector code, and
                      nouns that are no agent: documents, mishaps, frames
``cameo.tsv``         the codebook (names, quad classes) through ``knowledge.cameo.Codebook``

Each file documents its own columns. ``EventLexicon`` is immutable after loading and can be
shared between pipelines.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from ..errors import ConfigError
from ..knowledge import read_table
from ..knowledge.cameo import Codebook

MODAL_KINDS: frozenset[str] = frozenset(
    {"intent", "threat", "refuse", "appeal", "demand", "attempt", "none", "report"}
)


@dataclass(frozen=True)
class Pattern:
    """What a verb (with an optional object lemma) or an event noun codes."""

    code: str
    flags: frozenset[str] = frozenset()
    """Subset of ``recip``, ``mutual``, ``active``, ``needobj``, ``inverse``, ``notarget``,
    ``from``, ``light`` (see ``verbs.tsv``)."""


@dataclass(frozen=True)
class EventLexicon:
    """Lookups for the event coder. Every absent key means "not an event word"."""

    verbs: Mapping[str, Mapping[str, Pattern]]
    """verb lemma (``"call off"``) -> object lemma (``""`` for any) -> pattern."""
    nouns: Mapping[str, Pattern]
    modals: Mapping[str, str]
    """word -> one of ``MODAL_KINDS``."""
    agents: Mapping[str, str]
    """agent head noun -> sector code (``GOV``, ``MIL`` ...)."""
    codebook: Codebook
    light_verbs: frozenset[str] = field(default_factory=frozenset)
    """Verbs with at least one ``light`` row: their object noun's code counts first."""
    documents: frozenset[str] = frozenset()
    """Nouns of documents and statements ("report", "letter"): no event of their own, but as a
    subject they speak for their author ("a report by X alleged" is X's allegation)."""
    frames: frozenset[str] = frozenset()
    """Nouns that only frame the event their modifier names ("a mediation effort", "a bombing
    campaign"): the modifier is looked up when the frame noun itself is no event."""
    mishaps: frozenset[str] = frozenset()
    """Nouns of misfortunes that are nobody's act ("earthquake", "crisis"): what they cause
    ("were killed in the earthquake", "the crisis forced X to") is no event."""

    @classmethod
    def load(cls, knowledge_dir: str = "") -> EventLexicon:
        """Read the knowledge files (``knowledge_dir`` overrides the bundled ones)."""
        codebook = Codebook.load(knowledge_dir)
        verbs: dict[str, dict[str, Pattern]] = {}
        light: set[str] = set()
        for row in read_table("verbs.tsv", knowledge_dir):
            flags = frozenset(row.get("flags", "").split())
            verb = " ".join(row["verb"].lower().split())
            verbs.setdefault(verb, {})[row["object"].lower()] = Pattern(row["code"], flags)
            if "light" in flags:
                light.add(verb)
        nouns = {
            " ".join(r["noun"].lower().split()): Pattern(
                r["code"], frozenset(r.get("flags", "").split())
            )
            for r in read_table("event_nouns.tsv", knowledge_dir)
        }
        modals = {
            r["word"].lower(): r["kind"] for r in read_table("event_modals.tsv", knowledge_dir)
        }
        unknown = {k for k in modals.values() if k not in MODAL_KINDS}
        if unknown:
            raise ConfigError(
                f"event_modals.tsv has unknown kinds {sorted(unknown)} (expected {sorted(MODAL_KINDS)}); "
                "fix the file in the knowledge folder"
            )
        agents: dict[str, str] = {}
        kinds: dict[str, set[str]] = {"document": set(), "mishap": set(), "frame": set()}
        for r in read_table("event_agents.tsv", knowledge_dir):
            noun, sector = " ".join(r["noun"].lower().split()), r["sector"]
            if sector.islower():
                if sector not in kinds:
                    raise ConfigError(
                        f"event_agents.tsv gives {noun!r} the unknown kind {sector!r} (expected "
                        f"an upper-case sector or one of {sorted(kinds)}); fix the file in the "
                        "knowledge folder"
                    )
                kinds[sector].add(noun)
            else:
                agents[noun] = sector
        return cls(
            verbs=MappingProxyType({k: MappingProxyType(v) for k, v in verbs.items()}),
            nouns=MappingProxyType(nouns),
            modals=MappingProxyType(modals),
            agents=MappingProxyType(agents),
            codebook=codebook,
            light_verbs=frozenset(light),
            documents=frozenset(kinds["document"]),
            mishaps=frozenset(kinds["mishap"]),
            frames=frozenset(kinds["frame"]),
        )

    def quad(self, code: str) -> int | None:
        """Quad class of a code (1-4), ``None`` when the codebook does not know it."""
        return self.codebook.quad_class(code)

    def cooperative(self, code: str) -> bool:
        """True for verbal or material cooperation (quad 1 or 2)."""
        return self.quad(code) in (1, 2)
