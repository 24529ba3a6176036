"""Tests for quotation-mark pairing (``nlp/quotes/marks.py``)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from communique.nlp.extensions import QuoteSpan
from communique.nlp.quotes.marks import find_quoted


def quotes(nlp: Language, text: str) -> list[QuoteSpan]:
    doc = nlp(text)
    found: list[QuoteSpan] = doc._.quotes
    return found


def content(q: QuoteSpan) -> str:
    return " | ".join(f.text for f in q.fragments)


# ---------------------------------------------------------------- quotation marks


@pytest.mark.parametrize(
    ("text", "inside"),
    [
        ("He said “we will win this” today.", "we will win this"),
        ('He said "we will win this" today.', "we will win this"),
        ("He said ‘we will win this’ today.", "we will win this"),
        ("He said 'we will win this' today.", "we will win this"),
        ("Il a dit «nous allons gagner» hier.", "nous allons gagner"),
        ("Il a dit « nous allons gagner » hier.", "nous allons gagner"),
        ("Er sagte „wir werden gewinnen“ gestern.", "wir werden gewinnen"),
        ("Han sa »vi vinner« i går.", "vi vinner"),
        ("He said ''we will win this'' today.", "we will win this"),
    ],
)
def test_every_style_of_mark(text: str, inside: str) -> None:
    spans = find_quoted(text)
    assert [text[s.start : s.end] for s in spans] == [inside]


@pytest.mark.parametrize(
    "text", ["Obama's day", "the regions’ large communities", "the '90s", "don’t"]
)
def test_apostrophes_are_not_marks(text: str) -> None:
    assert find_quoted(text) == []


def test_quote_over_several_paragraphs_is_one_chain() -> None:
    text = "He said:\n\n“First part.\n\n“Second part.\n\n“Last part,” he said.\n\nAfter “this” one."
    spans = find_quoted(text)
    pieces = [text[s.start : s.end] for s in spans]
    assert pieces[:3] == ["First part.", "Second part.", "Last part,"]
    assert len({s.chain for s in spans[:3]}) == 1
    assert spans[3].chain != spans[0].chain


def test_mismatched_closing_mark_degrades_locally() -> None:
    text = "“We’ve seen examples and they’re not working,’ he said. “Of course,” Lavrov said."
    pieces = [text[s.start : s.end] for s in find_quoted(text)]
    assert pieces == ["We’ve seen examples and they’re not working,", "Of course,"]


@pytest.mark.parametrize(
    "text",
    [
        "“Never closed at all and the paragraph ends",
        "closed” with no opener",
        "“a” “b” “c",
        '"',
        "“”",
    ],
)
def test_unbalanced_marks_never_raise(text: str) -> None:
    for s in find_quoted(text):
        assert 0 <= s.start <= s.end <= len(text)


def test_unclosed_quote_ends_at_its_paragraph() -> None:
    text = "“We will go on,\n\nThe next paragraph is plain."
    spans = find_quoted(text)
    assert [text[s.start : s.end] for s in spans] == ["We will go on,"]
    assert not spans[0].closed
