"""Bounds on the work one document can cause, applied before the parser runs.

Three shapes of text make the work per document grow faster than its length:

- a long run of characters without a space (a line of quote marks, an inlined image, a hash):
  spaCy's tokenizer takes time quadratic in the run's length. ``blank_long_runs`` replaces
  each such run by spaces (offsets kept), so it is left out of the analysis;
- a long passage without a sentence end (a flattened table, a list run together, junk):
  the parser makes it one sentence, and reading a sentence's clauses costs more than its
  length. ``split_long_passages`` presets sentence starts inside it (the parser keeps preset
  boundaries), so no sentence is longer than the limit;
- sheer length: the parser's memory grows with the document's, so the caller skips a document
  of more tokens than its limit.

The limits are settings (``max_word_chars``, ``max_sentence_tokens``, ``max_tokens``); each
function returns what it did, which the caller notes on the article. Ordinary news is never
touched: its words are shorter and its sentences end.
"""

from __future__ import annotations

import re

from spacy.attrs import ORTH
from spacy.tokens import Doc

SENTENCE_END_TOKENS = frozenset({".", "!", "?", ";", ":", "\u2026"})
"""Tokens after which a passage may end a sentence (a line break does too)."""


def blank_long_runs(text: str, max_chars: int) -> tuple[str, int]:
    """``text`` with every run of more than ``max_chars`` non-space characters replaced by
    spaces (offsets unchanged), and the number of runs replaced."""
    pattern = re.compile(rf"\S{{{max_chars + 1},}}")
    runs = 0

    def blank(match: re.Match[str]) -> str:
        nonlocal runs
        runs += 1
        return " " * len(match.group())

    return pattern.sub(blank, text), runs


def _ends_sentence(text: str) -> bool:
    return text in SENTENCE_END_TOKENS or "\n" in text


def split_long_passages(doc: Doc, max_tokens: int) -> int:
    """Preset sentence starts in ``doc`` so that no passage between sentence ends (final
    punctuation or a line break) holds more than ``max_tokens`` tokens; returns how many
    passages were split. Must run before the parser."""
    split = 0
    start = 0
    n = len(doc)
    # the tokens as word ids, each distinct word checked once (no Token object per token)
    orths = doc.to_array(ORTH).tolist()
    strings = doc.vocab.strings
    ends = {o for o in set(orths) if _ends_sentence(strings[o])}
    for i in range(n + 1):
        if i < n and orths[i] not in ends:
            continue
        if i - start > max_tokens:
            split += 1
            for j in range(start + max_tokens, i, max_tokens):
                doc[j].is_sent_start = True
        start = i + 1
    return split
