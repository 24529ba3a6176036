"""The event coder's knowledge, read once from the knowledge files into dicts keyed by lemma.

``verbs.tsv``         verb (+ particle) and object lemma -> CAMEO code and flags
``event_nouns.tsv``   event nouns ("summit", "sanctions") -> CAMEO code and flags
``event_modals.tsv``  governing verbs and adjectives ("pledge", "threaten", "refuse") -> kind
``event_agents.tsv``  agent head nouns ("government", "troops") -> CAMEO sector code
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
    """Subset of ``recip``, ``inverse``, ``notarget``, ``light`` (see ``verbs.tsv``)."""


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
        agents = {
            r["noun"].lower(): r["sector"] for r in read_table("event_agents.tsv", knowledge_dir)
        }
        return cls(
            verbs=MappingProxyType({k: MappingProxyType(v) for k, v in verbs.items()}),
            nouns=MappingProxyType(nouns),
            modals=MappingProxyType(modals),
            agents=MappingProxyType(agents),
            codebook=codebook,
            light_verbs=frozenset(light),
        )

    def quad(self, code: str) -> int | None:
        """Quad class of a code (1-4), ``None`` when the codebook does not know it."""
        return self.codebook.quad_class(code)

    def cooperative(self, code: str) -> bool:
        """True for verbal or material cooperation (quad 1 or 2)."""
        return self.quad(code) in (1, 2)
