"""Headline, byline and outlet of a scraped plain text (used by ``plaintext.analyze_layout``).

Every function takes the page's non-blank lines, trimmed, in order. The headline is the first
line with a site suffix (" - WSJ", " | VentureBeat") cut off; that suffix, or failing it a
"More from X" or copyright line, names the outlet. Bylines are "By Name" (or "Posted by",
"Written by") at a line start or after a sentence, or a lone "By" line followed by a name; the
one nearest before the body wins.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = ["find_byline", "find_outlet", "find_title", "split_title"]

_TITLE_SEP = re.compile(r"\s+[-|–—:·»]\s+")


def split_title(first: str) -> tuple[str, str | None]:
    """Cut site names (" - WSJ", " | News | Al Jazeera") off a page title: (headline, site)."""
    cut, site = len(first), None
    for sep in reversed(list(_TITLE_SEP.finditer(first))):
        tail, head = first[sep.end() : cut].strip(), first[: sep.start()].strip()
        if len(tail.split()) > 4 or len(head.split()) < 2:
            break
        cut, site = sep.start(), site or tail
    return first[:cut].strip(), site


def find_title(first: str, words: float) -> str | None:
    """``first`` (the page's first line, ``words`` long) when it reads like a headline: 2-30
    words, not ending in a full stop; ``None`` otherwise."""
    if not 2 <= words <= 30 or (first.endswith(".") and not first.endswith("..")):
        return None
    return first


_NAME_TOKEN = r"(?:[A-Z][a-z'’\-]+|[A-Z]\.|[A-Z][a-z]*[A-Z][a-z]+|[A-ZÀ-Þ][a-zß-ÿ'’\-]+)(?!\w)"
_NAME = rf"{_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{1,3}}"
_BYLINE = re.compile(
    rf"(?:^|(?<=[.!?”\"]\s))(?:[Bb]y|BY|[Pp]osted by|[Ww]ritten by|[Ss]tory by)[:\s]+"
    rf"({_NAME}(?:\s*(?:,|and|&)\s*{_NAME})*)"
)
_NAME_ONLY = re.compile(rf"^({_NAME})$")
_SPLIT_NAMES = re.compile(r"\s*(?:,|\band\b|&)\s*")


def _clean_names(raw: str, stops: frozenset[str]) -> tuple[str, ...]:
    names = []
    for part in _SPLIT_NAMES.split(raw):
        kept = []
        for tok in part.split():
            if tok.lower().strip(".,") in stops:
                break
            kept.append(tok)
        if len(kept) >= 2:
            names.append(" ".join(kept))
    return tuple(names)


def find_byline(lines: Sequence[str], body_start: int, stops: frozenset[str]) -> tuple[str, ...]:
    """Author names of the byline nearest before line ``body_start``; a name ends at a word of
    ``stops`` ("staff", "november"). Empty when no line is a byline."""
    candidates: list[tuple[int, tuple[str, ...]]] = []
    for i, s in enumerate(lines):
        if s.lower() in ("by", "by:"):  # "By" alone, the name on the next line
            m = _NAME_ONLY.match(lines[i + 1]) if i + 1 < len(lines) else None
        else:
            m = _BYLINE.search(s) if "by" in s or "By" in s or "BY" in s else None
        names = _clean_names(m.group(1), stops) if m else ()
        if names:
            # the nearest byline at or before the body wins over any later one
            rank = body_start - i if i <= body_start else len(lines) + i - body_start
            candidates.append((rank, names))
    return min(candidates)[1] if candidates else ()


_MORE_FROM = re.compile(r"\bMore from ([A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,3})")
_COPYRIGHT = re.compile(
    r"(?:©|\(c\)|Copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?)\s*,?\s*"
    r"([A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,4})"
)
_RIGHTS = re.compile(r"(?i)\s+all(?:\s+rights\b|$)")


def find_outlet(lines: Sequence[str], site: str | None) -> str | None:
    """The publication: ``site`` (the title's suffix) when given, else the first "More from X"
    or copyright holder in ``lines``; ``None`` when none names one."""
    if site:
        return site
    for pattern in (_MORE_FROM, _COPYRIGHT):
        for line in lines:
            m = pattern.search(line)
            name = _RIGHTS.split(m.group(1))[0].strip(" .,") if m else ""
            if name:
                return name
    return None
