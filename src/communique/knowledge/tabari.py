"""Reader of PETRARCH/TABARI verb dictionaries (``CAMEO.2.0.txt``): the file's structure, as written.

A verb dictionary has two parts. Noun synonym sets come first::

    &FOOD
    +FOOD
    +FOODSTUFF

then verb synsets, each a block with an optional default code, its verbs (a ``+`` marks a verb
of several words, ``{...}`` lists inflections, a verb's own ``[code]`` beats the block's) and
its phrase patterns, where ``*`` stands for the verb, ``(PREP ...)`` for a prepositional phrase,
``{A B}`` for a phrase of several words, ``&SET`` for any member of a noun set, ``$``/``+`` for
the source and target actors and ``^`` for skipped words; ``[---]`` is a discard (the phrase
codes nothing) and ``[A:B]`` codes A from source to target and B back::

    ---  LIFT   [---]  ---
    +COME_UP {+COMES_UP +COMING_UP +CAME_UP }
    LIFT
    - * BLOCKADE                                          [0872]        # LIFT
    - * (AGAINST)                                         [113]         # LOBBY

``read_verb_dictionary`` gives the sets and blocks as the file has them (lines, words and code
cells uninterpreted); what they mean for the event coder is ``verb_dictionary``'s translation.
A ``#`` after a space starts a comment, which names the verb a pattern comes from; ``_`` joins
the words of an entry and a trailing ``_`` (TABARI's word end) is dropped (``entry_words``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..errors import DictionaryError

CODE_RE = re.compile(r"\[([^\]]*)\]")
"""A code cell: ``[0872]``, ``[---]``, ``[173:173]``."""
TOKEN_RE = re.compile(r"[(){}]|[^\s(){}]+")
"""The elements of a pattern's text: brackets and words."""


@dataclass(frozen=True)
class VerbEntry:
    """One verb line of a block, as written."""

    words: tuple[str, ...]
    """The verb's words in lower case ("come", "up" for ``+COME_UP``); may be empty."""
    code: str | None
    """The verb's own code cell (``"0872"``, ``"---"``), ``None`` when it has none."""
    forms: tuple[tuple[str, ...], ...] = ()
    """Its listed inflections, each as words ("came", "up")."""


@dataclass(frozen=True)
class PatternLine:
    """One pattern line of a block, as written: ``- * BLOCKADE [0872] # LIFT``."""

    text: str
    """The line without its comment (starting with ``-``)."""
    comment: str
    """The comment, which names the pattern's verb ("LIFT"); ``""`` when none."""


@dataclass
class VerbBlock:
    """A verb synset: ``---  NAME   [code]  ---`` and the lines under it."""

    name: str
    """The block's name in lower case, ``_`` read as a space ("take control")."""
    code: str
    """The block's default code cell (``"---"`` when it has none)."""
    verbs: list[VerbEntry] = field(default_factory=list)
    patterns: list[PatternLine] = field(default_factory=list)


@dataclass
class VerbDictionary:
    """A verb dictionary's synonym sets and verb blocks, in file order."""

    sets: dict[str, list[str]] = field(default_factory=dict)
    """Set name (upper case, without ``&``) -> its members as written (``FOOD_STUFF``)."""
    blocks: list[VerbBlock] = field(default_factory=list)


def entry_words(entry: str) -> list[str]:
    """The lower-case words of a dictionary entry ("KILLED_AND_" -> ["killed", "and"])."""
    return [w for w in entry.strip().rstrip("_").lower().split("_") if w]


def strip_comment(line: str) -> tuple[str, str]:
    """The line without its comment, and the comment (TABARI: `` #`` starts one)."""
    head, sep, tail = line.partition(" #")
    if not sep and line.startswith("#"):
        return "", line[1:]
    return head.rstrip(), tail.strip()


def pattern_elements(text: str) -> list[object]:
    """Pattern text as elements: words, ``("{", words)`` phrases, ``("(", elements)`` groups;
    unbalanced brackets raise ``ValueError``."""
    out: list[object] = []
    stack: list[tuple[str, list[object]]] = []
    current: list[object] = out
    for tok in TOKEN_RE.findall(text):
        if tok in ("(", "{"):
            stack.append((tok, current))
            current = []
        elif tok in (")", "}"):
            if not stack:
                raise ValueError(f"unbalanced {tok!r}")
            opener, parent = stack.pop()
            parent.append((opener, current))
            current = parent
        else:
            current.append(tok)
    if stack:
        raise ValueError("unbalanced brackets")
    return out


def _verb_entry(line: str) -> VerbEntry:
    forms = re.search(r"\{([^}]*)\}", line)
    found = CODE_RE.search(line)
    head = re.split(r"[\s{\[]", line, maxsplit=1)[0].lstrip("+")
    return VerbEntry(
        words=tuple(entry_words(head)),
        code=found.group(1).strip() if found else None,
        forms=tuple(
            tuple(entry_words(form.lstrip("+")))
            for form in (forms.group(1).split() if forms else ())
        ),
    )


def read_verb_dictionary(text: str, name: str = "<verb dictionary>") -> VerbDictionary:
    """The sets and blocks of a verb dictionary's text; a line that is neither (before the
    verbs: no set or set member; a verb or pattern before any block) raises
    ``DictionaryError`` naming ``name`` and the line."""
    out = VerbDictionary()
    current_set: str | None = None
    in_verbs = False
    for number, raw in enumerate(text.splitlines(), 1):
        if raw.startswith("#") or raw.lstrip().startswith("<!"):
            if "VERB PATTERNS" in raw:
                in_verbs = True
            continue
        line, comment = strip_comment(raw)
        if not line.strip():
            current_set = None
            continue
        stripped = line.strip()
        if not in_verbs and not stripped.startswith("---"):
            if stripped.startswith("&"):
                current_set = stripped[1:].split()[0].upper()
                out.sets[current_set] = []
            elif stripped.startswith("+") and current_set is not None:
                out.sets[current_set].append(stripped[1:].split()[0])
            else:
                raise DictionaryError(
                    f"{name}, line {number}: {stripped!r} is neither a synonym set nor a "
                    "member of one; the verb dictionary cannot be read"
                )
            continue
        in_verbs = True
        if stripped.startswith("---"):
            inner = stripped.strip("-").strip()
            found = CODE_RE.search(inner)
            block_name = inner[: found.start()].strip() if found else inner
            code = found.group(1).strip() if found else "---"
            out.blocks.append(VerbBlock(block_name.lower().replace("_", " "), code))
        elif not out.blocks:
            raise DictionaryError(
                f"{name}, line {number}: {stripped!r} comes before any verb block "
                "('---  NAME   [code]  ---'); the verb dictionary cannot be read"
            )
        elif stripped.startswith("-"):
            out.blocks[-1].patterns.append(PatternLine(stripped, comment))
        else:
            out.blocks[-1].verbs.append(_verb_entry(stripped))
    return out


__all__ = [
    "PatternLine",
    "VerbBlock",
    "VerbDictionary",
    "VerbEntry",
    "entry_words",
    "pattern_elements",
    "read_verb_dictionary",
    "strip_comment",
]
