"""Value types for CAMEO codes, so that no caller cuts code strings by hand.

``ActorCode``  a CAMEO-style actor code: a three-letter base (an ISO 3166 alpha-3 country, or
               an international type such as ``IGO``/``NGO``/``IMG``) followed by zero or more
               three-letter role or sector codes (``RUSGOV``, ``USAMIL``, ``IGOUNO``).
``EventCode``  a CAMEO event code of two to four digits (``04``, ``043``, ``1124``): its two-digit
               root and three-digit base are GDELT's ``EventRootCode`` and ``EventBaseCode``.

Both parse leniently (a code from a user lexicon or dictionary is kept as written) and never
raise on odd input: an empty or short string gives empty parts, which callers treat as unknown.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ActorCode:
    """A CAMEO-style actor code, split into its base and its sector part."""

    code: str

    @classmethod
    def parse(cls, code: str | None) -> ActorCode:
        """The code as given (``None`` reads as the empty code)."""
        return cls(code or "")

    @property
    def base(self) -> str:
        """The first three letters: a country (``RUS``) or an international type (``IGO``)."""
        return self.code[:3]

    @property
    def sector(self) -> str:
        """The role codes after the base (``GOV`` of ``RUSGOV``, ``UNO`` of ``IGOUNO``), or ``""``."""
        return self.code[3:]

    @property
    def first_sector(self) -> str:
        """The first three-letter role code after the base (``MIL`` of ``USAMILREB``), or ``""``."""
        return self.code[3:6]

    @property
    def parts(self) -> tuple[str, ...]:
        """The code cut into its three-letter groups (``("USA", "MIL", "REB")``)."""
        return tuple(self.code[i : i + 3] for i in range(0, len(self.code), 3))

    def __bool__(self) -> bool:
        return bool(self.code)

    def __str__(self) -> str:
        return self.code


@dataclass(frozen=True)
class EventCode:
    """A CAMEO event code with its root and base."""

    code: str

    @classmethod
    def parse(cls, code: str | int | None) -> EventCode:
        """The code as a string (``None`` reads as the empty code)."""
        return cls("" if code is None else str(code))

    @property
    def root(self) -> str:
        """The two-digit root code (``04`` for ``043``)."""
        return self.code[:2]

    @property
    def base(self) -> str:
        """The three-digit base code (``043`` for ``0431``); the root for a root code."""
        return self.code[:3]

    def __bool__(self) -> bool:
        return bool(self.code)

    def __str__(self) -> str:
        return self.code
