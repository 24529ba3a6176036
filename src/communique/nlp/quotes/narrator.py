"""Who "I" is: the author of a first-person piece, else someone the text does not name.

A column, a letter or a first-person essay speaks in the first person outside quotation
marks, paragraph after paragraph ("I still managed to do all my marathon training"); a news
report does so only inside quotations.  In a first-person piece a speaker "I" or "we" is the
author, named by the byline when there is one author; elsewhere, and when the byline is
unknown, the quote keeps the pronoun as its mention and its speaker is unresolved.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from .index import DocIndex

NARRATOR_PRONOUNS = frozenset({"i", "me", "my", "mine", "myself"})
"""First-person singular pronouns, whose use outside quotations makes a piece first-person."""


def first_person_piece(
    doc: Doc, index: DocIndex, in_quote: Sequence[int], min_paras: int, min_share: float
) -> bool:
    """Whether the writer speaks in the first person: narrator pronouns outside quotations in
    at least ``min_paras`` paragraphs and at least ``min_share`` of the paragraphs with
    words."""
    with_words: set[int] = set()
    narrated: set[int] = set()
    for tok in doc:
        if tok.is_space or tok.is_punct:
            continue
        para = index.para_of(tok.i)
        with_words.add(para)
        if in_quote[tok.i] < 0 and tok.lower_ in NARRATOR_PRONOUNS and tok.pos_ == "PRON":
            narrated.add(para)
    return len(narrated) >= min_paras and len(narrated) >= min_share * len(with_words)


def author_name(doc: Doc) -> str | None:
    """The author who says "I" in a first-person piece: the one name of ``doc._.byline``, else
    ``None`` (no byline, or several authors)."""
    byline: tuple[str, ...] = tuple(doc._.byline or ())
    return byline[0] if len(byline) == 1 else None
