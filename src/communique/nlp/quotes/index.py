"""Per-doc lookups for the quotation extractor, built once per doc.

``DocIndex`` maps characters to tokens and tokens to sentences and paragraphs (a paragraph
ends at a line break) and knows where datelines end; ``clip_to_paragraph`` keeps a cue's reported clause and speaker inside
the cue's paragraph, where the parser may have run over a heading.
"""

from __future__ import annotations

import bisect
import re

from spacy.attrs import IDX
from spacy.tokens import Doc

from .cues import Attribution
from .layout import datelines
from .reported import trim_end

_PARAGRAPH = re.compile(r"\n\s*")


class DocIndex:
    """Per-doc lookups built once: token of a character, sentence and paragraph of a token."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.starts: list[int] = doc.to_array(IDX).tolist() if len(doc) else []
        self.sent_of = [0] * len(doc)
        self.sents: list[tuple[int, int]] = []
        for n, sent in enumerate(doc.sents):
            self.sents.append((sent.start, sent.end))
            for i in range(sent.start, sent.end):
                self.sent_of[i] = n
        self.text = doc.text
        """``doc.text``, which spaCy joins from every token at each reading: read it here."""
        runs = [(m.start(), m.end()) for m in _PARAGRAPH.finditer(self.text)]
        self.breaks = [a for a, _ in runs]
        self.break_ends = [b for _, b in runs]
        self.datelines = datelines(self.text)
        """Character ranges of the datelines opening paragraphs ("WASHINGTON — ")."""

    def after_dateline(self, char: int) -> int:
        """``char``, or the end of the dateline it lies in."""
        n = bisect.bisect_right(self.datelines, (char, len(self.text) + 1)) - 1
        if n >= 0 and self.datelines[n][0] <= char < self.datelines[n][1]:
            return self.datelines[n][1]
        return char

    def token_at(self, char: int) -> int:
        """Index of the token containing (or first after) character ``char``."""
        i = bisect.bisect_right(self.starts, char) - 1
        if i < 0:
            return 0
        tok = self.doc[i]
        if char >= tok.idx + len(tok.text) and i + 1 < len(self.doc):
            return i + 1
        return i

    def token_end(self, char: int) -> int:
        """Exclusive token index for a range ending at character ``char``."""
        return bisect.bisect_left(self.starts, char)

    def para_of_char(self, char: int) -> int:
        return bisect.bisect_right(self.breaks, char)

    def para_of(self, token: int) -> int:
        return self.para_of_char(self.starts[token]) if self.starts else 0

    def para_tokens(self, token: int) -> tuple[int, int]:
        """Token range of the paragraph holding ``token``."""
        p = self.para_of(token)
        first = self.break_ends[p - 1] if p > 0 else 0
        last = self.breaks[p] if p < len(self.breaks) else len(self.text)
        return bisect.bisect_left(self.starts, first), bisect.bisect_left(self.starts, last)


def clip_to_paragraph(
    doc: Doc, index: DocIndex, attr: Attribution, min_content_tokens: int
) -> Attribution:
    """Keep a reported clause inside its cue's paragraph (the parser may run over a break);
    a clause left with fewer than ``min_content_tokens`` tokens is none."""
    if attr.content is None:
        return attr
    lo, hi = index.para_tokens(attr.hit.start)
    a, b = max(attr.content[0], lo), min(attr.content[1], hi)
    while a < b and (doc[a].is_space or doc[a].is_punct):
        a += 1
    b = trim_end(doc, a, b)
    attr.content = (a, b) if b - a >= min_content_tokens else None
    if attr.speaker is not None and not lo <= attr.speaker < hi:
        # the parser took a heading ("5:45 p.m.") for the subject: use the words before the cue
        i = attr.hit.start - 1
        while i >= lo and (doc[i].pos_ in ("AUX", "ADV", "PART") or doc[i].is_space):
            i -= 1
        ok = i >= lo and doc[i].pos_ in ("PROPN", "NOUN", "PRON")
        attr.speaker = i if ok else None
    return attr
