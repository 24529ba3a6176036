"""A cheap check that a text is English, so the English pipeline is not run on other languages.

Two signals, both from the text alone:

- **script**: when most letters are outside the Latin script (Cyrillic, Arabic, CJK, ...), the
  text is not English;
- **function words**: the share of each language's most frequent function words among the
  words (``knowledge/function_words.tsv``). English prose scores 0.3 to 0.5 for English. A text
  is English when its English share reaches ``threshold``; otherwise it is *not* English only
  when another language's share is higher and at least ``other_threshold``. Texts with few
  function words in any language (product lists, tables, headlines) are given the benefit of
  the doubt, because the English pipeline copes with them and dropping them loses data.
"""

from __future__ import annotations

import re
import unicodedata

from ..knowledge import read_table

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
SAMPLE_CHARS = 6000
"""Characters of the text the check reads: a thousand words decide a language."""


_ABOVE_LATIN = re.compile("[\u0250-\U0010ffff]")
"""Characters past the Latin blocks (IPA on): the only ones whose script needs a look-up."""


def _latin_share(text: str) -> float:
    """The share of Latin-script letters among the letters of ``text`` (1.0 without any)."""
    letters = sum(map(str.isalpha, text))
    if not letters:
        return 1.0
    above = [c for c in _ABOVE_LATIN.findall(text) if c.isalpha()]
    latin = letters - len(above) + sum(1 for c in above if "LATIN" in unicodedata.name(c, ""))
    return latin / letters


class LanguageGuess:
    """Decides whether a text is English; build once (it reads a knowledge file)."""

    def __init__(
        self,
        knowledge_dir: str = "",
        threshold: float = 0.08,
        other_threshold: float = 0.05,
        min_words: int = 25,
    ) -> None:
        self.languages: tuple[str, ...] = ()
        members: dict[str, list[int]] = {}
        for index, row in enumerate(read_table("function_words.tsv", knowledge_dir)):
            self.languages += (row["language"],)
            for word in {w.strip() for w in row["words"].split(",") if w.strip()}:
                members.setdefault(word, []).append(index)
        self.languages_of: dict[str, tuple[int, ...]] = {w: tuple(ix) for w, ix in members.items()}
        """Function word -> indexes into ``languages`` of the languages it belongs to."""
        self.threshold = threshold
        self.other_threshold = other_threshold
        self.min_words = min_words

    def shares(self, text: str) -> tuple[dict[str, float], int]:
        """Each language's function-word share among the words of ``text``, and the word count."""
        words = _WORD.findall(text[:SAMPLE_CHARS].lower())
        if not words:
            return {}, 0
        counts = [0] * len(self.languages)
        for word in words:
            for index in self.languages_of.get(word, ()):
                counts[index] += 1
        shares = {lang: c / len(words) for lang, c in zip(self.languages, counts, strict=True)}
        return shares, len(words)

    def not_english_reason(self, text: str) -> str | None:
        """``None`` for English (or too little evidence), else a skip reason."""
        sample = text[:SAMPLE_CHARS]
        latin = _latin_share(sample)
        if latin < 0.5 and sum(c.isalpha() for c in sample) >= self.min_words * 3:
            return f"not English (only {latin:.0%} of the letters are Latin script)"
        shares, n = self.shares(sample)
        english = shares.get("English", 0.0)
        if n < self.min_words or english >= self.threshold:
            return None
        other, share = max(
            ((k, v) for k, v in shares.items() if k != "English"),
            key=lambda kv: kv[1],
            default=("", 0.0),
        )
        if share >= self.other_threshold and share > english:
            return f"not English (looks like {other}: {share:.0%} {other} function words, {english:.0%} English, among {n} words)"
        return None
