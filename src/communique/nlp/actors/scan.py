"""Gazetteer matching for the actor resolver: one left-to-right pass over a Doc's tokens.

``scan(doc, knowledge)`` finds the longest known proper-name phrase (country, adjective,
people, capital, place, organisation, well-known person) and the longest role phrase starting
at each token, using dictionary lookups only (a phrase is looked up only when its first word is
the first word of some known phrase). The result is indexed by start and by end token so that
the resolver can walk left from a name through its premodifiers.

A name that denotes places of several countries ("Georgia": the country and the US state) is
read as the one its neighbour names ("Atlanta, Georgia"; "Tbilisi, Georgia"), else as the one
the document's unambiguous names point to most, else as listed first (``disambiguate``).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace

from spacy.attrs import IDX, IS_PUNCT, IS_SPACE, LOWER, ORTH, SPACY
from spacy.tokens import Doc

from ...knowledge.actor_lexicon import ActorKnowledge, NameHit, RoleEntry
from .config import ActorConfig

POSSESSIVE = frozenset({"'s", "\u2019s", "'", "\u2019"})
OPENING_BRACKETS = frozenset({"(", "["})
"""A name never runs past one ("B Cohen (England)")."""
PLACE_KINDS = ("country", "capital", "city", "place")
"""Readings of a name that locate it in a country (``disambiguate`` chooses among them)."""


@dataclass(frozen=True)
class NameMatch:
    """A proper-name phrase at tokens ``[start, end)`` and its readings."""

    start: int
    end: int
    hits: tuple[NameHit, ...]

    def first(self, *kinds: str) -> NameHit | None:
        """The first reading whose kind is in ``kinds``; ``None`` when none is."""
        for h in self.hits:
            if h.kind in kinds:
                return h
        return None


@dataclass(frozen=True)
class RoleMatch:
    """A role phrase at tokens ``[start, end)``."""

    start: int
    end: int
    entry: RoleEntry


@dataclass
class ScanResult:
    """Matches indexed by start and end token (at most one of each kind per token)."""

    names_by_start: dict[int, NameMatch] = field(default_factory=dict)
    names_by_end: dict[int, NameMatch] = field(default_factory=dict)
    roles_by_start: dict[int, RoleMatch] = field(default_factory=dict)
    roles_by_end: dict[int, RoleMatch] = field(default_factory=dict)
    name_at: dict[int, NameMatch] = field(default_factory=dict)
    """Token index -> the name match containing it."""
    role_at: dict[int, RoleMatch] = field(default_factory=dict)
    """Token index -> the role match containing it."""
    sent_start: list[int] = field(default_factory=list)
    """Token index -> first token of its sentence."""
    sent_end: list[int] = field(default_factory=list)
    """Token index -> end (exclusive) of its sentence."""
    text: str = ""
    """The doc's text."""
    tok_start: list[int] = field(default_factory=list)
    """Token index -> its character offset in ``text``."""
    tok_end: list[int] = field(default_factory=list)
    """Token index -> the character offset after it."""

    def text_of(self, start: int, end: int) -> str:
        """The text of tokens ``[start, end)`` (a slice as ``doc[start:end]`` takes it) with
        white space runs made one space: ``" ".join(doc[start:end].text.split())``."""
        n = len(self.tok_start)
        start = min(n, max(0, start + n if start < 0 else start))
        end = min(n, max(start, end + n if end < 0 else end))
        if start >= end:
            return ""
        return " ".join(self.text[self.tok_start[start] : self.tok_end[end - 1]].split())


@dataclass(frozen=True)
class _Tokens:
    """The token attributes the scan reads, read once per doc (a spaCy ``Token`` is made anew
    at each ``doc[i]``)."""

    text: list[str]
    lower: list[str]
    start: list[int]
    """Character offset of each token."""
    end: list[int]
    """Character offset after each token."""
    space: list[bool]
    punct: list[bool]
    full: str
    """The doc's text (``Doc.text``), joined from the tokens and their trailing spaces."""

    @classmethod
    def of(cls, doc: Doc) -> _Tokens:
        if not len(doc):
            return cls([], [], [], [], [], [], "")
        strings = doc.vocab.strings
        orth, lower, start, space, punct, trailing = doc.to_array(
            [ORTH, LOWER, IDX, IS_SPACE, IS_PUNCT, SPACY]
        ).T.tolist()
        text = [strings[o] for o in orth]
        return cls(
            text=text,
            lower=[strings[w] for w in lower],
            start=start,
            end=[a + len(w) for a, w in zip(start, text, strict=True)],
            space=[bool(f) for f in space],
            punct=[bool(f) for f in punct],
            full="".join(w + " " if ws else w for w, ws in zip(text, trailing, strict=True)),
        )

    def norm_text(self, full: str, start: int, end: int) -> str:
        """The text of tokens ``[start, end)``, white space runs made one space, curly
        apostrophes straight."""
        text = full[self.start[start] : self.end[end - 1]]
        if "  " in text or "\n" in text or "\t" in text:
            text = " ".join(text.split())
        return text.replace("\u2019", "'")


def _shouting(doc: Doc, i: int, config: ActorConfig) -> bool:
    """True when the token's neighbours are upper-case words too (a headline in capitals),
    where short acronyms such as "WHO" or "US" are ordinary words."""
    n = 0
    w = config.shouting_window
    for j in (*range(i - w, i), *range(i + 1, i + w + 1)):
        if 0 <= j < len(doc) and doc[j].is_alpha and doc[j].is_upper and len(doc[j]) > 1:
            n += 1
    return n >= config.min_shouting_neighbors


def scan(doc: Doc, kb: ActorKnowledge, config: ActorConfig) -> ScanResult:
    """Longest, non-overlapping name and role matches (see module docstring)."""
    res = ScanResult()
    n = len(doc)
    res.sent_start = [0] * n
    res.sent_end = [n] * n
    if doc.has_annotation("SENT_START") or doc.has_annotation("DEP"):
        for sent in doc.sents:
            a, b = sent.start, sent.end
            res.sent_start[a:b] = [a] * (b - a)
            res.sent_end[a:b] = [b] * (b - a)
    toks = _Tokens.of(doc)
    full = res.text = toks.full
    res.tok_start, res.tok_end = toks.start, toks.end
    i = 0
    while i < n:
        text = toks.text[i]
        if text in kb.name_starts or text.replace("\u2019", "'") in kb.name_starts:
            for end in range(min(n, i + kb.max_name_words), i, -1):
                if (
                    toks.space[end - 1]
                    or toks.punct[end - 1]
                    and end - 1 > i
                    and toks.text[end - 1] not in (".", "-", "/")
                ):
                    continue
                key = toks.norm_text(full, i, end)
                hits = kb.names.get(key)
                if hits is None:
                    continue
                if (
                    len(key) <= config.max_acronym_length
                    and key.isupper()
                    and _shouting(doc, i, config)
                ):
                    continue
                m = NameMatch(i, end, hits)
                res.names_by_start[i] = m
                res.names_by_end[end] = m
                for k in range(i, end):
                    res.name_at[k] = m
                i = end - 1
                break
        i += 1
    disambiguate(doc, res, kb)
    i = 0
    while i < n:
        if toks.lower[i] in kb.role_starts and not toks.space[i] and i not in res.name_at:
            for end in range(min(n, i + kb.max_role_words), i, -1):
                if any(k in res.name_at for k in range(i + 1, end)):
                    continue
                entry = kb.roles.get(toks.norm_text(full, i, end).lower())
                if entry is None:
                    continue
                if end - i == 1 and doc[i].pos_ not in ("NOUN", "PROPN", "ADJ"):
                    continue
                m2 = RoleMatch(i, end, entry)
                res.roles_by_start[i] = m2
                res.roles_by_end[end] = m2
                for k in range(i, end):
                    res.role_at[k] = m2
                i = end - 1
                break
        i += 1
    return res


def _countries_of(m: NameMatch) -> list[str]:
    """The distinct countries of a match's place readings, in reading order."""
    return list(dict.fromkeys(h.iso3 for h in m.hits if h.kind in PLACE_KINDS and h.iso3))


def _neighbour_countries(doc: Doc, res: ScanResult, kb: ActorKnowledge, m: NameMatch) -> set[str]:
    """Countries of the place named just before ``m`` with a comma between ("Atlanta,
    Georgia"; "ATLANTA, Georgia" in a dateline)."""
    if m.start < 2 or doc[m.start - 1].text != ",":
        return set()
    prev = res.names_by_end.get(m.start - 1)
    if prev is not None:
        return set(_countries_of(prev))
    word = doc[m.start - 2]
    if word.is_upper and word.is_alpha:
        return {h.iso3 for h in kb.name(word.text.title()) if h.kind in PLACE_KINDS and h.iso3}
    return set()


def disambiguate(doc: Doc, res: ScanResult, kb: ActorKnowledge) -> None:
    """Put first the reading of an ambiguous place name that its context supports (see the
    module docstring); matches with one country are left as they are."""
    ambiguous = [m for m in res.names_by_start.values() if len(_countries_of(m)) > 1]
    if not ambiguous:
        return
    counts: Counter[str] = Counter()
    for m in res.names_by_start.values():
        found = _countries_of(m)
        if len(found) == 1:
            counts[found[0]] += 1
    for m in ambiguous:
        options = _countries_of(m)
        near = [c for c in options if c in _neighbour_countries(doc, res, kb, m)]
        chosen = near[0] if near else max(options, key=lambda c: counts[c])
        if chosen == options[0]:
            continue
        hits = tuple(sorted(m.hits, key=lambda h: h.iso3 != chosen))  # stable: chosen first
        new = replace(m, hits=hits)
        res.names_by_start[m.start] = new
        res.names_by_end[m.end] = new
        for k in range(m.start, m.end):
            res.name_at[k] = new
