"""Attribution read from layout rather than syntax.

* Transcript labels: a paragraph that opens with a speaker label and a colon
  ("PENCE: Well, look, ..." or "Sen. Warren: ...") is a direct quotation of that speaker.
  All-capitals labels always count; other labels only when they look like a name (1-4
  capitalised words).
* Dash signatures: a quotation followed on the same line by a dash and a name
  ("“...” ― Oscar P. Quintero"), perhaps after the speaker's role ("“...” - Newcastle boss
  Graeme Souness"), is signed by that name.
* Dash labels: a line that opens with a dash and a speaker ("- Bolton boss Sam Allardyce")
  right before a quotation, on the same line or the line above, announces who says it (the
  layout of match reports and interview round-ups).
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
_DASH = re.compile(r"[ \t\u00a0]*[\u2015\u2014\u2013-]{1,2}[ \t\u00a0]*")
_ROLE_NAME = re.compile(
    r"(?:[\w.'\u2019&-]+[ \t\u00a0]+){0,3}?[a-z][\w.'\u2019-]*[ \t\u00a0]+"  # "Newcastle boss"
    r"(?P<name>[A-Z][\w.'\u2019-]*(?:[ \t\u00a0]+(?:[A-Z][\w.'\u2019-]*|de|van|von|da|del|la)){0,4})"
    r"[ \t\u00a0.,]*$"
)
"""A role ending in a common noun, then a name, to the end of a line: "Newcastle boss Graeme
Souness", "former England captain Alan Shearer"."""
_DASH_LABEL = re.compile(
    r"[ \t\u00a0]*[\u2015\u2014\u2013-]{1,2}[ \t\u00a0]*"
    r"(?P<label>[A-Z][\w.'\u2019&-]*(?:[ \t\u00a0]+[\w.'\u2019&-]+){0,6})[ \t\u00a0:,]*$"
)
"""A line that is a dash and a speaker phrase, nothing else ("- Bolton boss Sam Allardyce")."""
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


def _name_end(text: str, start: int, end: int) -> int:
    """The end of a name without the full stop that ends its sentence ("Alan Shearer."), which
    an initial or an abbreviation keeps ("Oscar P.", "Jr.")."""
    last = text[start:end].split()[-1]
    if last.endswith(".") and len(last) > 3 and last[:-1].isalpha():
        return end - 1
    return end


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
    line_end = text.find("\n", pos)
    line_end = len(text) if line_end < 0 else line_end
    dash_m = _DASH.match(text, pos, line_end)
    if dash_m is None:
        return None
    dash = dash_m.end() - len(dash_m.group(0).lstrip(" \t\u00a0"))
    role = _ROLE_NAME.match(text, dash_m.end(), line_end)
    if role is not None:
        # "- Newcastle boss Graeme Souness": the name after the role signs, not "Newcastle"
        return dash, role.start("name"), _name_end(text, role.start("name"), role.end("name"))
    m = _SIGNATURE.match(text, pos)
    if m is None:
        return None
    end = m.end("name")
    if len(text[end:line_end].strip(" .,\u00a0\t")) > max_tail:
        return None
    return dash, m.start("name"), end


def label_before(text: str, open_mark: int) -> tuple[int, int, int] | None:
    """A dash label announcing the quotation whose opening mark is at ``open_mark``: the
    line up to the mark, or the line above when the mark opens its line, is a dash and a
    speaker phrase ("- Bolton boss Sam Allardyce “I am bitterly disappointed ...").

    Returns ``(dash_offset, name_start, name_end)``: the name is the capitalised words that
    end the phrase ("Sam Allardyce"), or the whole phrase when it has no role before a name;
    ``None`` when there is no such label.
    """
    line_start = text.rfind("\n", 0, open_mark) + 1
    if not text[line_start:open_mark].strip():
        if line_start == 0:
            return None
        end = line_start - 1
        line_start = text.rfind("\n", 0, end) + 1
    else:
        end = open_mark
    m = _DASH_LABEL.match(text, line_start, end)
    if m is None:
        return None
    dash = line_start + len(text[line_start:end]) - len(text[line_start:end].lstrip(" \t\u00a0"))
    label_end = m.end("label")
    role = _ROLE_NAME.match(text, m.start("label"), label_end)
    if role is not None:
        return dash, role.start("name"), _name_end(text, role.start("name"), role.end("name"))
    words = m.group("label").split()
    if not all(w[0].isupper() for w in words):
        return None  # a line of prose after a dash, not a name
    return dash, m.start("label"), label_end


def datelines(text: str) -> list[tuple[int, int]]:
    """Character ranges of the datelines that open paragraphs (see the module docstring), the
    dash and the spaces after it included, in text order."""
    return [(m.start(), m.end()) for m in _DATELINE.finditer(text)]
