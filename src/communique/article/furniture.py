"""Page furniture inside article text: lines that belong to the page, not to the story.

Text already extracted from a page (a JSON Lines dump, trafilatura's output, the body that
``plaintext`` marks) still carries some of the page between its paragraphs. ``furniture``
finds such lines by their shape, with the phrases of ``knowledge/furniture.tsv``:

* **links and labels**: a line opened by a label ("READ MORE:", "Related:", "See also -",
  "WATCH:", "Image caption,") followed by a colon, a dash, a pipe, a comma or nothing;
* **calls to action**: a short line with a prompt ("Sign up", "Follow us", "Click ...") at
  the start of one of its sentences, or with a phrase only a web page says ("click here",
  "our newsletter") anywhere;
* **captions and credits**: a photo credit ("Photo: Jane Roe, AP", "(AP Photo/Evan Vucci)")
  that opens a line or closes it;
* **tables**: a run of at least ``MIN_TABLE_ROWS`` short lines, each mostly numbers (market
  prices, scores, results).

The text is never changed: callers drop these lines from the article's body spans, so the
NLP pass never reads them (no quote, speaker or event comes from furniture).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..knowledge import read_lists

__all__ = [
    "CREDIT",
    "FURNITURE_FILE",
    "FurnitureLexicon",
    "furniture",
    "load_furniture",
    "without_furniture",
]

FURNITURE_FILE = "furniture.tsv"
MAX_PROMPT_WORDS = 40
"""A line with a call to action is furniture up to this many words (a paragraph of the story
that mentions signing up is longer, or has the prompt inside a sentence)."""
MAX_CREDIT_TAIL_WORDS = 8
"""A credit closes a caption line when at most this many words follow its start."""
MIN_TABLE_ROWS = 3
"""Consecutive data rows that make a table (two numeric lines can be a score in prose)."""
MAX_ROW_WORDS = 14
"""A data row is at most this many words ..."""
MIN_ROW_NUMBERS = 0.3
"""... of which at least this share are numbers."""

_WORD = re.compile(r"[\w'’]+")
_NUMBER = re.compile(r"^[-+]?[$€£¥]?\d[\d,.:/]*%?$")
_LABEL_END = frozenset(":-–—|»›,")
_SENTENCE_START = re.compile(r"(?:^|[.!?…]['\"’”)]?\s+)(?=\S)")
CREDIT = re.compile(  # "Photo: Jane Roe, AP", "(Image: Getty)", "Roe/Reuters", "AP Photo/X"
    r"(?i)(?:\bphoto(?:graph)?s?\s*(?:by|:|credit)|\bimages?\s*(?:by|:|credit)|\bcredit\s*:|"
    r"\bAP Photo\b|getty images|/\s*(?:AP|AFP|Reuters|Getty)\b|\bshutterstock\b|"
    r"\bvia (?:AP|Getty|Reuters)\b|\bfile photo\b)"
)
"""A photo credit anywhere in a line (``plaintext`` uses it as a feature too)."""


@dataclass(frozen=True)
class FurnitureLexicon:
    """The phrases of ``furniture.tsv``, each a tuple of lower-case words."""

    labels: frozenset[tuple[str, ...]]
    prompts: frozenset[tuple[str, ...]]
    web_only: frozenset[tuple[str, ...]]


def _words(text: str) -> list[str]:
    return [w.replace("’", "'") for w in _WORD.findall(text.lower())]


@lru_cache(maxsize=4)
def load_furniture(knowledge_dir: str = "") -> FurnitureLexicon:
    """The furniture phrases from ``knowledge_dir`` when it has the file, else the bundled."""
    lists = read_lists(FURNITURE_FILE, knowledge_dir, lists=("label", "prompt", "web_only"))

    def phrases(name: str) -> frozenset[tuple[str, ...]]:
        return frozenset(tuple(_words(p)) for p in lists[name] if _words(p))

    return FurnitureLexicon(phrases("label"), phrases("prompt"), phrases("web_only"))


def _labelled(line: str, labels: frozenset[tuple[str, ...]]) -> bool:
    """Whether the line opens with a label and then punctuation that ends it, or nothing."""
    words = _WORD.finditer(line.lower())
    seen: list[str] = []
    for m in words:
        seen.append(m.group().replace("’", "'"))
        if tuple(seen) in labels:
            rest = line[m.end() :].lstrip(" \t")
            if not rest or rest[0] in _LABEL_END:
                return True
        if len(seen) >= 4:
            break
    return False


def _contains(words: Sequence[str], phrase: tuple[str, ...]) -> bool:
    n = len(phrase)
    return any(tuple(words[i : i + n]) == phrase for i in range(len(words) - n + 1))


def _prompting(line: str, words: Sequence[str], lexicon: FurnitureLexicon) -> bool:
    if len(words) > MAX_PROMPT_WORDS:
        return False
    if any(_contains(words, phrase) for phrase in lexicon.web_only):
        return True
    for m in _SENTENCE_START.finditer(line):
        head = tuple(_words(line[m.end() : m.end() + 60])[:4])
        if any(head[: len(p)] == p for p in lexicon.prompts):
            return True
    return False


def _credited(line: str, words: Sequence[str]) -> bool:
    m = CREDIT.search(line)
    if m is None:
        return False
    return m.start() == 0 or len(_words(line[m.start() :])) <= MAX_CREDIT_TAIL_WORDS


def _data_row(words: Sequence[str], line: str) -> bool:
    if not words or len(words) > MAX_ROW_WORDS:
        return False
    numbers = sum(1 for tok in line.split() if _NUMBER.match(tok.strip("()[],;")))
    return numbers >= 2 and numbers / len(line.split()) >= MIN_ROW_NUMBERS


def _page_table(lines: Sequence[str], rows: Sequence[int]) -> bool:
    """Whether a run of data rows is a table of the page: long enough, and not introduced by
    the story (a line ending in a colon right before it, or before its header row: "Final
    standings after 36 races:")."""
    if len(rows) < MIN_TABLE_ROWS:
        return False
    before = lines[max(0, rows[0] - 2) : rows[0]]
    return not any(line.rstrip().endswith(":") for line in before)


def furniture(lines: Sequence[str], lexicon: FurnitureLexicon) -> set[int]:
    """Indices of the ``lines`` (each one line of text, trimmed) that are page furniture."""
    out: set[int] = set()
    rows: list[int] = []
    for i, line in enumerate(lines):
        words = _words(line)
        if _data_row(words, line):
            rows.append(i)
        else:
            if _page_table(lines, rows):
                out.update(rows)
            rows = []
        if (
            _labelled(line, lexicon.labels)
            or _prompting(line, words, lexicon)
            or _credited(line, words)
        ):
            out.add(i)
    if _page_table(lines, rows):
        out.update(rows)
    return out


def without_furniture(
    text: str, spans: Sequence[tuple[int, int]], lexicon: FurnitureLexicon
) -> tuple[tuple[int, int], ...]:
    """``spans`` (character spans of ``text``, one line each, in order) minus furniture."""
    drop = furniture([text[a:b] for a, b in spans], lexicon)
    return tuple(span for i, span in enumerate(spans) if i not in drop)
