"""A cheap check that a text is English, so the English pipeline is not run on other languages.

The share of very common English function words among the words of the text is high (0.3 to
0.5) for English prose and close to zero for other languages written in Latin script.
"""

from __future__ import annotations

import re

from ..knowledge import read_lines

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


class LanguageGuess:
    """Decides whether a text is English from a function-word list (a knowledge file)."""

    def __init__(
        self, knowledge_dir: str = "", threshold: float = 0.08, min_words: int = 25
    ) -> None:
        self.words = frozenset(
            w.lower() for w in read_lines("english_function_words.txt", knowledge_dir)
        )
        self.threshold = threshold
        self.min_words = min_words

    def english_share(self, text: str) -> tuple[float, int]:
        words = _WORD.findall(text[:20000].lower())
        if not words:
            return 0.0, 0
        return sum(w in self.words for w in words) / len(words), len(words)

    def not_english_reason(self, text: str) -> str | None:
        """``None`` for English (or too short to tell), else a skip reason."""
        share, n = self.english_share(text)
        if n < self.min_words or share >= self.threshold:
            return None
        return f"not English ({share:.0%} English function words among {n} words)"
