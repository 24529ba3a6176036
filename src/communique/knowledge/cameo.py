"""The CAMEO event codebook as the project's own data (``cameo.tsv``).

``Codebook.load(knowledge_dir)`` reads the bundled (or overridden) file once; lookups are dict
lookups. A code that is not in the codebook gives ``None`` from ``get`` (and from the helpers
built on it), never an exception: coders may produce codes from user lexicons.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from ..codes import EventCode
from . import read_table


@dataclass(frozen=True)
class CameoCode:
    """One row of the codebook."""

    code: str
    """The CAMEO code as a string of 2 to 4 digits (``"04"``, ``"043"``, ``"1124"``)."""
    name: str
    goldstein: float
    """Goldstein conflict-cooperation weight in [-10, 10]."""
    quad_class: int
    """1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict."""
    plover: str | None
    """PLOVER event category (``CONSULT``, ``ASSAULT`` ...), ``None`` when PLOVER dropped the code."""

    @property
    def root(self) -> str:
        """The two-digit root code (``"04"`` for ``"043"``)."""
        return EventCode.parse(self.code).root

    @property
    def base(self) -> str:
        """The three-digit base code (GDELT's ``EventBaseCode``); the root for a root code."""
        return EventCode.parse(self.code).base


class Codebook(Mapping[str, CameoCode]):
    """Every CAMEO event code, keyed by its code string."""

    def __init__(self, codes: Mapping[str, CameoCode]) -> None:
        self._codes = dict(codes)

    @classmethod
    def load(cls, knowledge_dir: str = "") -> Codebook:
        """Read ``cameo.tsv`` from ``knowledge_dir`` when it has one, else the bundled file."""
        codes: dict[str, CameoCode] = {}
        for row in read_table("cameo.tsv", knowledge_dir):
            code = row["code"]
            codes[code] = CameoCode(
                code=code,
                name=row["name"],
                goldstein=float(row["goldstein"]),
                quad_class=int(row["quad"]),
                plover=row["plover"] or None,
            )
        return cls(codes)

    def __getitem__(self, code: str) -> CameoCode:
        return self._codes[code]

    def __iter__(self) -> Iterator[str]:
        return iter(self._codes)

    def __len__(self) -> int:
        return len(self._codes)

    def lookup(self, code: str) -> CameoCode | None:
        """The entry for ``code``; for an unknown code its nearest known ancestor; else ``None``."""
        code = str(code)
        while code:
            found = self._codes.get(code)
            if found is not None:
                return found
            code = code[:-1] if len(code) > 2 else ""
        return None

    def name(self, code: str) -> str | None:
        """The code's name, ``None`` when neither it nor an ancestor is known."""
        entry = self.lookup(code)
        return entry.name if entry else None

    def root_name(self, code: str) -> str | None:
        """The name of the code's two-digit root (``"Consult"`` for ``"043"``), ``None`` if unknown."""
        entry = self._codes.get(EventCode.parse(code).root)
        return entry.name if entry else None

    def quad_class(self, code: str) -> int | None:
        """The quad class (1-4), ``None`` when unknown."""
        entry = self.lookup(code)
        return entry.quad_class if entry else None

    def goldstein(self, code: str) -> float | None:
        """The Goldstein weight, ``None`` when unknown."""
        entry = self.lookup(code)
        return entry.goldstein if entry else None

    def plover(self, code: str) -> str | None:
        """The PLOVER category, ``None`` when unknown or dropped in PLOVER."""
        entry = self.lookup(code)
        return entry.plover if entry else None

    def roots(self) -> list[CameoCode]:
        """The twenty two-digit root codes, in order."""
        return [c for k, c in self._codes.items() if len(k) == 2]
