"""Finding quoted stretches of text by their quotation marks, one regex pass over the text.

Every style of mark is understood: “curly”, "straight", ‘single’, 'straight single',
«guillemets» (and »reversed«), „low-high“ and ‚low-high‘.  Whether a mark opens or closes is
read from its shape and from what flanks it (a mark followed by a letter and preceded by a space
opens), so misused marks still pair.  Pairing is done per paragraph and degrades locally:

* a quote running over several paragraphs (each opening with a mark, only the last closing)
  becomes one chain of pieces;
* an opener that is never closed in its paragraph is closed by a stray single closer after
  sentence punctuation (“...working,’ he said) when there is one, else at the next opener or the
  paragraph's end;
* a closer with no opener is ignored;
* single marks inside a double-quoted stretch are nested quotes and are not paired on their own.

Nothing here raises on odd input: the worst case is a quote with slightly wrong bounds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MARKS = re.compile(
    "''|``|[\"'\u201c\u201d\u201e\u201f\u00ab\u00bb\u2018\u2019\u201a\u201b\u2039\u203a\n]"
)
_DOUBLE = frozenset(['"', "''", "``", *"\u201c\u201d\u201e\u201f\u00ab\u00bb"])
_OPENERS = frozenset("\u201c\u201e\u201f\u00ab\u2018\u201a\u201b\u2039")
_CLOSERS = frozenset("\u201d\u00bb\u2019\u203a")
_OPEN, _CLOSE, _EITHER = 1, 2, 3


@dataclass(frozen=True)
class MarkedSpan:
    """A stretch of text between quotation marks (character offsets, marks excluded).

    ``closed`` is False when the closing mark was missing and the end was guessed. Pieces of a
    quote running over several paragraphs share ``chain`` (the index of the first piece);
    ``chain`` equals the span's own index otherwise.
    """

    start: int
    end: int
    open_mark: int
    """Offset of the opening mark."""
    close_mark: int | None
    """Offset of the closing mark; ``None`` when there was none."""
    closed: bool
    chain: int
    double: bool
    """True for double marks (" “ ” „ « »), False for single ones."""


@dataclass(frozen=True)
class _Mark:
    pos: int
    char: str
    role: int
    double: bool


def _role(text: str, pos: int, ch: str) -> int:
    """``_OPEN``, ``_CLOSE``, ``_EITHER`` or 0 (an apostrophe, or a mark that cannot pair).

    ``ch`` is the mark, one character or a doubled apostrophe/backtick (``''`` as in some
    wire copy).
    """
    prev = text[pos - 1] if pos > 0 else " "
    after = pos + len(ch)
    nxt = text[after] if after < len(text) else " "
    if ch == "``":
        return _OPEN
    can_open = not nxt.isspace() and not prev.isalnum()
    can_close = not prev.isspace() and not nxt.isalnum()
    if ch in ("\u2019", "'") and prev.isalnum() and nxt.isalnum():
        return 0  # don't, Obama's
    if ch in ("\u2019", "'") and prev.isalnum() and not nxt.isalnum() and (prev in "sS"):
        return _CLOSE if can_close else 0  # regions' (possessive) or a closer: decided by pairing
    if ch in _OPENERS:
        if can_close and not can_open:
            return _CLOSE  # „low-high“ or a misused opener
        return _OPEN
    if ch in _CLOSERS:
        if can_open and not can_close:
            return _OPEN  # »Danish« or a misused closer
        return _CLOSE
    if can_open and not can_close:
        return _OPEN
    if can_close and not can_open:
        return _CLOSE
    return _EITHER if can_open and can_close else 0


def _trimmed(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def _paragraphs(text: str) -> list[tuple[int, int, list[_Mark]]]:
    """Paragraphs (start, end, marks) split on newlines, with every classified mark."""
    paras: list[tuple[int, int, list[_Mark]]] = []
    start = 0
    marks: list[_Mark] = []
    for m in _MARKS.finditer(text):
        pos = m.start()
        ch = m.group()
        if ch == "\n":
            if text[start:pos].strip():
                paras.append((start, pos, marks))
            start, marks = pos + 1, []
            continue
        role = _role(text, pos, ch)
        if role:
            marks.append(_Mark(pos, ch, role, ch in _DOUBLE))
    if text[start:].strip():
        paras.append((start, len(text), marks))
    return paras


def _opens_paragraph(text: str, para: tuple[int, int, list[_Mark]]) -> bool:
    start, _, marks = para
    if not marks or not marks[0].double or marks[0].role == _CLOSE:
        return False
    return not text[start : marks[0].pos].strip()


class _Pairer:
    """Pairs the marks of one text, paragraph by paragraph, into ``MarkedSpan``s."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.out: list[MarkedSpan] = []
        self.chain_from: int | None = None
        """Chain of a quote left open at the end of the previous paragraph (``None``: none)."""
        self.singles: list[_Mark] = []
        self.used_singles: set[int] = set()
        self.double_spans: list[tuple[int, int]] = []

    def emit(self, opener: _Mark, end: int, close_pos: int | None, double: bool) -> None:
        a, b = _trimmed(self.text, opener.pos + len(opener.char), end)
        if b <= a:
            return
        index = len(self.out)
        chain = self.chain_from if self.chain_from is not None else index
        self.out.append(
            MarkedSpan(a, b, opener.pos, close_pos, close_pos is not None, chain, double)
        )
        self.chain_from = None
        if double:
            self.double_spans.append((opener.pos, end))

    def close_unclosed(self, opener: _Mark, limit: int) -> None:
        """An opener left open before ``limit``: a stray single closer, else ``limit``."""
        stray = next(
            (
                s
                for s in self.singles
                if opener.pos < s.pos < limit
                and s.role in (_CLOSE, _EITHER)
                and s.pos not in self.used_singles
                and self.text[s.pos - 1] in ",.!?"
            ),
            None,
        )
        if stray is not None:
            self.used_singles.add(stray.pos)
            self.emit(opener, stray.pos, stray.pos, True)
        else:
            self.emit(opener, limit, None, True)

    def paragraph(self, p_end: int, marks: list[_Mark], next_opens: bool) -> None:
        """Pair one paragraph's marks; ``next_opens`` when the next paragraph opens a quote."""
        self.singles = [m for m in marks if not m.double]
        self.used_singles = set()
        self.double_spans = []
        pending: _Mark | None = None
        for mark in (m for m in marks if m.double):
            if pending is None:
                if mark.role in (_OPEN, _EITHER):
                    pending = mark
            elif mark.role in (_CLOSE, _EITHER):
                self.emit(pending, mark.pos, mark.pos, True)
                pending = None
            else:  # a second opener: the first was never closed
                self.close_unclosed(pending, mark.pos)
                pending = mark
        if pending is not None:
            if next_opens:
                index = len(self.out)
                self.emit(pending, p_end, None, True)
                if len(self.out) > index:
                    self.chain_from = self.out[index].chain
            else:
                self.close_unclosed(pending, p_end)
        self._singles()

    def _singles(self) -> None:
        """Single marks outside double-quoted stretches pair among themselves."""
        open_single: _Mark | None = None
        for mark in self.singles:
            if mark.pos in self.used_singles or any(
                a < mark.pos <= b for a, b in self.double_spans
            ):
                continue
            if open_single is None:
                if mark.role in (_OPEN, _EITHER) and mark.char != "\u2019":
                    open_single = mark
            elif mark.role in (_CLOSE, _EITHER):
                self.emit(open_single, mark.pos, mark.pos, False)
                open_single = None
            elif mark.role == _OPEN:
                open_single = mark


def find_quoted(text: str) -> list[MarkedSpan]:
    """Every quoted stretch of ``text``, in text order (see the module docstring)."""
    pairer = _Pairer(text)
    paras = _paragraphs(text)
    for n, (_, p_end, marks) in enumerate(paras):
        next_opens = n + 1 < len(paras) and _opens_paragraph(text, paras[n + 1])
        pairer.paragraph(p_end, marks, next_opens)
    return sorted(pairer.out, key=lambda s: s.start)
