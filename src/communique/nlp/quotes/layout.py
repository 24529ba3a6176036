"""Attribution read from layout rather than syntax.

* Transcript labels: a paragraph that opens with a speaker label and a colon
  ("PENCE: Well, look, ..." or "Sen. Warren: ...") is a direct quotation of that speaker.
  All-capitals labels always count; other labels only when they look like a name (1-4
  capitalised words).
* Dash signatures: a quotation followed on the same line by a dash and a name
  ("“...” ― Oscar P. Quintero") is signed by that name.
* Datelines: a paragraph that opens with a place in capitals, an optional region and wire
  credit, and a dash ("WASHINGTON — ", "TALLAHASSEE, Fla. (AP) — ", "LOS ANGELES -- ") starts
  its text after them: no quotation or speaker includes a dateline.

Both work on character offsets with anchored regular expressions, so they cost one pass over
the paragraph starts and a look a few characters past each closing mark.
"""

from __future__ import annotations

import re
from collections.abc import Container
from dataclasses import dataclass

from .config import QuoteConfig

_LABEL = re.compile(
    r"^[ \t]*[\"\u201c\u201d']?[ \t]*"
    r"(?P<label>(?:[A-Z][A-Z.'\u2019-]+(?:[ \t]+[A-Z][A-Z.'\u2019-]+){0,3})"
    r"|(?:[A-Z][\w.'\u2019-]*(?:[ \t]+[A-Z][\w.'\u2019-]*){0,3}))"
    r"[ \t]*:[ \t]+(?P<body>\S[^\n]*)$",
    re.MULTILINE,
)
_SIGNATURE = re.compile(
    r"[ \t\u00a0]*[\u2015\u2014\u2013-]{1,2}[ \t\u00a0]*"
    r"(?P<name>[A-Z][\w.'\u2019-]*(?:[ \t\u00a0]+(?:[A-Z][\w.'\u2019-]*|de|van|von|da|del|la)){0,5})"
)
_QUOTE_CHARS = "\"'\u201c\u201d\u2018\u2019 \t"
_DATELINE = re.compile(
    r"^[ \t]*[\"\u201c]?"
    r"[A-Z][A-Z.'\u2019]{2,}(?:[ \t]+[A-Z][A-Z.'\u2019]+){0,3}"  # WASHINGTON, VATICAN CITY
    r"(?:,[ \t]+[A-Z][\w.]*(?:[ \t]+[A-Z][\w.]*){0,2})?"  # , Fla.  , Gaza Strip
    r"(?:[ \t]+\([A-Za-z.\- ]{1,20}\))?"  # (AP)
    r"[ \t]*(?:\u2014|\u2013|--|[ \t]-)[ \t]*(?=[A-Z0-9])",  # the dash, then the story
    re.MULTILINE,
)


@dataclass(frozen=True)
class Labelled:
    """A paragraph spoken by a labelled speaker (character offsets)."""

    label: tuple[int, int]
    colon: int
    body: tuple[int, int]
    title: bool = False
    """The text's first line: a headline that states a claim after its source ("Smith:
    Council has failed our schools"), which counts only when the label is a person's name."""


def transcript_paragraphs(
    text: str,
    min_body_words: int = QuoteConfig.min_label_body_words,
    cue_words: Container[str] = frozenset(),
    not_labels: Container[str] = frozenset(),
) -> list[Labelled]:
    """Paragraphs that open with a speaker label, in text order.

    The first line of a text (its title) is marked ``title`` (a headline's "Source: claim");
    bodies shorter than ``min_body_words`` words are skipped. A label opening with one of
    ``cue_words`` (lower-case inflected cue verbs; empty: none) is an inverted attribution
    ("Said Ellis: “...”"): the label is the name after the verb. Quotation marks opening the
    body are left out of it. A label whose lower-case text (without a final period) is one of
    ``not_labels`` ("update", "editor's note"; empty: none) names no speaker.
    """
    out: list[Labelled] = []
    first_line_end = text.find("\n")
    for m in _LABEL.finditer(text):
        title = m.start() <= first_line_end or first_line_end < 0
        label = m.group("label")
        words = label.split()
        if label.lower().rstrip(".") in not_labels:
            continue
        if not label.isupper() and (len(words) > 4 or not all(w[0].isupper() for w in words)):
            continue
        l_start = m.start("label")
        if len(words) > 1 and words[0].lower() in cue_words:
            l_start = text.index(words[1], l_start + len(words[0]))
        b_start, b_end = m.start("body"), m.end("body")
        while b_start < b_end and text[b_start] in _QUOTE_CHARS:
            b_start += 1
        while b_end > b_start and text[b_end - 1] in _QUOTE_CHARS:
            b_end -= 1
        if len(text[b_start:b_end].split()) < min_body_words:
            continue
        out.append(
            Labelled(
                (l_start, m.end("label")),
                text.index(":", m.end("label")),
                (b_start, b_end),
                title,
            )
        )
    return out


def signature_after(
    text: str, close_mark: int, max_tail: int = QuoteConfig.max_signature_tail
) -> tuple[int, int, int] | None:
    """A dash signature right after the closing mark at ``close_mark``.

    Returns ``(dash_offset, name_start, name_end)``, or ``None`` when the line goes on with
    more than ``max_tail`` characters of anything else.
    """
    pos = close_mark + 1
    while pos < len(text) and text[pos] in "\"'\u201d\u2019.,":
        pos += 1
    m = _SIGNATURE.match(text, pos)
    if m is None:
        return None
    end = m.end("name")
    rest = text[end : text.find("\n", end) if "\n" in text[end:] else len(text)]
    if len(rest.strip(" .,\u00a0\t")) > max_tail:
        return None
    dash = pos + len(m.group(0)) - len(m.group(0).lstrip(" \t\u00a0"))
    return dash, m.start("name"), end


def datelines(text: str) -> list[tuple[int, int]]:
    """Character ranges of the datelines that open paragraphs (see the module docstring), the
    dash and the spaces after it included, in text order."""
    return [(m.start(), m.end()) for m in _DATELINE.finditer(text)]
