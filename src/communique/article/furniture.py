"""Page furniture inside article text: lines that belong to the page, not to the story.

Text already extracted from a page (a JSON Lines dump, trafilatura's output, the body that
``plaintext`` marks) still carries some of the page between its paragraphs. ``furniture``
finds such lines by their shape, with the phrases of ``knowledge/furniture.tsv``:

* **links and labels**: a line opened by a label ("READ MORE:", "Related:", "See also -",
  "WATCH:") followed by a colon, a dash, a pipe, a comma or nothing but punctuation;
* **lists of links**: a heading of such a list alone on its line ("Related Stories",
  "Trending News", "You may also like...") and the headline-like lines right after it (at
  most ``MAX_LINK_ROWS``, each at most ``MAX_LINK_WORDS`` words and not closed by a full
  stop), and such a line repeated on the next line (a teaser's link and its image text);
* **calls to action**: a short line with a prompt ("Sign up", "Follow us", "Click ...") at
  the start of one of its sentences, or with a phrase only a web page says ("click here",
  "our newsletter") anywhere;
* **captions and credits**: a photo credit ("Photo: Jane Roe, AP", "(AP Photo/Evan Vucci)")
  that opens a line or closes it, a caption closed by its agency ("... in Kabul [File:
  Reuters]", "... in New York. Reuters", "Jane Roe/ZDNet"), a line opened by a caption
  label ("Image caption Protesters gathered ...", "Image copyright Getty Images"), and the
  line right before a line that is only a credit ("Photo: Jane Roe, AP"), up to
  ``MAX_CAPTION_WORDS`` words;
* **bylines**: "By Jane Roe | Staff writer", a short line opened by a byline word and a
  capitalised name (the byline is metadata, not story);
* **tables**: a run of at least ``MIN_TABLE_ROWS`` short lines, each mostly numbers (market
  prices, scores, results);
* **shouted links**: a line in capitals of at least ``MIN_SHOUTED_WORDS`` words ("BRYAN
  KOHBERGER TRIAL: MOTHER OF IDAHO VICTIM FIGHTS TO KEEP HOUSE INTACT"): the headline of
  another story that the page set between two paragraphs; a paragraph of the story has
  lower-case words, and a section heading in capitals ("WHO IS THE FRONT-RUNNER?") is
  shorter.

The text is never changed: callers drop these lines from the article's body spans, so the
NLP pass never reads them (no quote, speaker or event comes from furniture).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..knowledge import read_lists

__all__ = [
    "FURNITURE_FILE",
    "FurnitureLexicon",
    "furniture",
    "load_furniture",
    "opening",
    "without_furniture",
]

FURNITURE_FILE = "furniture.tsv"
MAX_PROMPT_WORDS = 40
"""A line with a call to action is furniture up to this many words (a paragraph of the story
that mentions signing up is longer, or has the prompt inside a sentence)."""
MAX_CREDIT_TAIL_WORDS = 8
"""A credit closes a caption line when at most this many words follow its start."""
MAX_LINK_ROWS = 12
"""Lines after a heading ("Related Stories") that can be its links ..."""
MAX_LINK_WORDS = 20
"""... each at most this many words (a headline; a paragraph of the story is longer)."""
MAX_BYLINE_WORDS = 14
"""A byline line ("By Louis Jacobson on Monday, November 18th, 2019 at 11:04 a.m.") is at
most this many words."""
MAX_CAPTION_WORDS = 40
"""The line right before a line that is only a photo credit is its caption up to this many
words (a paragraph of the story is longer)."""
MAX_CAPTION_CREDIT_WORDS = 8
"""A bracketed credit that closes a caption ("[File: Reuters]") is at most this many words."""
MIN_TABLE_ROWS = 3
"""Consecutive data rows that make a table (two numeric lines can be a score in prose)."""
MAX_ROW_WORDS = 14
"""A data row is at most this many words ..."""
MIN_ROW_NUMBERS = 0.3
"""... of which at least this share are numbers."""
MIN_SHOUTED_WORDS = 8
"""A line in capitals is the headline of another story from this many words (a section
heading, "WHAT HAPPENS NEXT FOR THE COUNCIL", or a dateline, "WASHINGTON (AP) --", is
shorter)."""

_WORD = re.compile(r"[\w'’]+")
_NUMBER = re.compile(r"^[-+]?[$€£¥]?\d[\d,.:/]*%?$")
_LABEL_END = frozenset(":-–—|»›,")
_CLOSERS = "\"'”’»)]"
_QUOTATION_MARKS = frozenset('"“”«»„')
_SENTENCE_START = re.compile(r"(?:^|[.!?…]['\"’”)]?\s+)(?=\S)")
_CREDIT_WORDS = (  # "Photo: Jane Roe, AP", "(Image: Getty)", "AP Photo/X", "file photo"
    r"\bphoto(?:graph)?s?\s*(?:by|:|credit)|\bimages?\s*(?:by|:|credit)|\bcredit\s*:|"
    r"\bAP Photo\b|\bfile photo\b"
)
_NAME_SLASH_OUTLET = re.compile(  # "Jason Cipriani/ZDNet", "Jane Roe / Staff"
    r"^[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,3}\s*/\s*[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,2}$"
)


@dataclass(frozen=True)
class FurnitureLexicon:
    """The phrases of ``furniture.tsv``, each a tuple of lower-case words, and the agencies
    of photo credits as written ("AP", "Getty Images"). Lists left empty find nothing."""

    labels: frozenset[tuple[str, ...]]
    prompts: frozenset[tuple[str, ...]]
    web_only: frozenset[tuple[str, ...]]
    headings: frozenset[tuple[str, ...]] = frozenset()
    captions: frozenset[tuple[str, ...]] = frozenset()
    bylines: frozenset[tuple[str, ...]] = frozenset()
    agencies: tuple[str, ...] = ()
    anywhere: tuple[str, ...] = ()  # agencies named only in credits ("Getty Images")

    @property
    def credit(self) -> re.Pattern[str]:
        """A photo credit anywhere in a line (``plaintext`` uses it as a feature too)."""
        return _credit_patterns(self.agencies, self.anywhere)[0]

    @property
    def closing_credit(self) -> re.Pattern[str]:
        """An agency that closes a caption line: "[File: Reuters]", ". Reuters", "Roe | AFP"."""
        return _credit_patterns(self.agencies, self.anywhere)[1]


@lru_cache(maxsize=8)
def _credit_patterns(
    agencies: tuple[str, ...], unambiguous: tuple[str, ...]
) -> tuple[re.Pattern[str], re.Pattern[str]]:
    names = sorted({a for name in agencies for a in (name, name.upper())}, key=len, reverse=True)
    alt = "|".join(re.escape(a) for a in names) or r"(?!x)x"
    own = "|".join(re.escape(a) for a in unambiguous) or r"(?!x)x"
    anywhere = re.compile(rf"(?i:{_CREDIT_WORDS})|/\s*(?:{alt})\b|\bvia (?:{alt})\b|\b(?i:{own})\b")
    closing = re.compile(
        rf"(?:[\[(][^\[\]()]*?\b(?:{alt}|(?i:file|photo|image|credit|via))\b[^\[\]()]*[\])]"
        rf"|[.!?][\"'”’]?\s+(?:{alt})(?:\s*/\s*[\w ]{{1,30}})?|[|/]\s*(?:{alt}))\s*$"
    )
    return anywhere, closing


def _words(text: str) -> list[str]:
    return [w.replace("’", "'") for w in _WORD.findall(text.lower())]


@lru_cache(maxsize=4)
def load_furniture(knowledge_dir: str = "") -> FurnitureLexicon:
    """The furniture phrases from ``knowledge_dir`` when it has the file, else the bundled."""
    lists = read_lists(FURNITURE_FILE, knowledge_dir, lists=_LISTS)

    def phrases(name: str) -> frozenset[tuple[str, ...]]:
        return frozenset(tuple(_words(p)) for p in lists[name] if _words(p))

    return FurnitureLexicon(
        labels=phrases("label"),
        prompts=phrases("prompt"),
        web_only=phrases("web_only"),
        headings=phrases("heading"),
        captions=phrases("caption"),
        bylines=phrases("byline"),
        agencies=tuple(a.strip() for a in lists["agency"] if a.strip()),
        anywhere=tuple(a.strip() for a, v in lists["agency"].items() if v.strip() == "anywhere"),
    )


_LISTS = ("label", "heading", "caption", "prompt", "web_only", "byline", "agency")


def opening(line: str, phrases: frozenset[tuple[str, ...]]) -> str | None:
    """The rest of ``line`` after the longest of ``phrases`` that opens it (four words at
    most), or ``None`` when none does."""
    rest = None
    seen: list[str] = []
    for m in _WORD.finditer(line[:80].lower()):
        seen.append(m.group().replace("’", "'"))
        if tuple(seen) in phrases:
            rest = line[m.end() :].lstrip(" \t")
        if len(seen) >= 4:
            break
    return rest


def _labelled(line: str, labels: frozenset[tuple[str, ...]]) -> bool:
    """Whether the line opens with a label and then punctuation that ends it, or nothing."""
    rest = opening(line, labels)
    return rest is not None and (not rest or rest[0] in _LABEL_END or _bare(rest))


def _bare(rest: str) -> bool:
    """Whether what follows a label is nothing but punctuation ("You may also like...")."""
    return not any(c.isalnum() for c in rest)


def _headline_like(line: str, words: Sequence[str]) -> bool:
    """A line that can be the link text of another story: short and not closed by a full
    stop (a headline may end in "?", "!" or a quotation mark)."""
    return 0 < len(words) <= MAX_LINK_WORDS and not line.rstrip(_CLOSERS).endswith(".")


def _byline(line: str, words: Sequence[str], bylines: frozenset[tuple[str, ...]]) -> bool:
    """A short line opened by a byline word and a capitalised name ("By Jane Roe, CNN"),
    not a sentence ("By Friday the talks had failed." ends in a full stop after a word)."""
    if len(words) > MAX_BYLINE_WORDS:
        return False
    rest = opening(line, bylines)
    if not rest or not rest.lstrip(":").lstrip()[:1].isupper():
        return False
    last = line.split()[-1]
    return not last.endswith((".", "!", "?")) or len(last.rstrip(".").replace(".", "")) <= 2


def _contains(words: Sequence[str], phrase: tuple[str, ...]) -> bool:
    n = len(phrase)
    return any(tuple(words[i : i + n]) == phrase for i in range(len(words) - n + 1))


def _prompting(line: str, words: Sequence[str], lexicon: FurnitureLexicon) -> bool:
    if len(words) > MAX_PROMPT_WORDS:
        return False
    if any(_contains(words, phrase) for phrase in lexicon.web_only):
        return True
    for m in _SENTENCE_START.finditer(line):
        head = tuple(_words(line[m.end() : m.end() + 60])[:4])
        if any(head[: len(p)] == p for p in lexicon.prompts):
            return True
    return False


def _credited(line: str, lexicon: FurnitureLexicon) -> bool:
    m = lexicon.credit.search(line)
    if m is not None and (
        m.start() == 0 or len(_words(line[m.start() :])) <= MAX_CREDIT_TAIL_WORDS
    ):
        return True
    if _NAME_SLASH_OUTLET.match(line):
        return True
    m = lexicon.closing_credit.search(line) if line[-1:] in ")]" or line[-1:].isalpha() else None
    return m is not None and len(_words(m.group())) <= MAX_CAPTION_CREDIT_WORDS


def _credit_only(line: str, lexicon: FurnitureLexicon) -> bool:
    """A line that opens with a photo credit ("Photo: Jane Roe, AP", "(Image: Getty)")."""
    m = lexicon.credit.search(line, 0, 40)
    return m is not None and not line[: m.start()].strip("([ ")


def _shouted(line: str, words: Sequence[str]) -> bool:
    """A line of at least ``MIN_SHOUTED_WORDS`` words with letters, none of them lower case
    and most of them capitals (a script without capitals, Korean or Arabic, has none; "MBC"
    inside a Korean sentence does not make it shouted), and no quotation marks (a post quoted
    in capitals is the story's)."""
    lettered = sum(1 for w in words if any(c.isalpha() for c in w))
    if lettered < MIN_SHOUTED_WORDS or any(c.islower() for c in line):
        return False
    if any(c in _QUOTATION_MARKS for c in line):
        return False  # a post quoted in capitals ("“THE COURT HAS RULED IN OUR FAVOR!”")
    letters = [c for c in line if c.isalpha()]
    return sum(1 for c in letters if c.isupper()) * 2 > len(letters)


def _data_row(words: Sequence[str], line: str) -> bool:
    if not words or len(words) > MAX_ROW_WORDS:
        return False
    numbers = sum(1 for tok in line.split() if _NUMBER.match(tok.strip("()[],;")))
    return numbers >= 2 and numbers / len(line.split()) >= MIN_ROW_NUMBERS


def _page_table(lines: Sequence[str], rows: Sequence[int]) -> bool:
    """Whether a run of data rows is a table of the page: long enough, and not introduced by
    the story (a line ending in a colon right before it, or before its header row: "Final
    standings after 36 races:")."""
    if len(rows) < MIN_TABLE_ROWS:
        return False
    before = lines[max(0, rows[0] - 2) : rows[0]]
    return not any(line.rstrip().endswith(":") for line in before)


def furniture(lines: Sequence[str], lexicon: FurnitureLexicon) -> set[int]:
    """Indices of the ``lines`` (each one line of text, trimmed) that are page furniture."""
    out: set[int] = set()
    rows: list[int] = []
    links = 0  # lines after a heading that may still be its links
    previous = ""
    previous_words = 0
    for i, line in enumerate(lines):
        words = _words(line)
        if i and previous_words <= MAX_CAPTION_WORDS and _credit_only(line, lexicon):
            out.add(i - 1)
        if _data_row(words, line):
            rows.append(i)
        else:
            if _page_table(lines, rows):
                out.update(rows)
            rows = []
        if links and _headline_like(line, words):
            out.add(i)
            links -= 1
        else:
            links = 0
        heading = opening(line, lexicon.headings)
        if heading is not None and (not heading or _bare(heading)):
            out.add(i)
            links = MAX_LINK_ROWS
        elif (
            (heading is not None and heading[0] in _LABEL_END)
            or _labelled(line, lexicon.labels)
            or opening(line, lexicon.captions) is not None
            or _prompting(line, words, lexicon)
            or _credited(line, lexicon)
            or _byline(line, words, lexicon.bylines)
            or _shouted(line, words)
        ):
            out.add(i)
        elif line == previous and _headline_like(line, words):
            out.update((i - 1, i))
        previous, previous_words = line, len(words)
    if _page_table(lines, rows):
        out.update(rows)
    return out


def without_furniture(
    text: str, spans: Sequence[tuple[int, int]], lexicon: FurnitureLexicon
) -> tuple[tuple[int, int], ...]:
    """``spans`` (character spans of ``text``, one line each, in order) minus furniture."""
    drop = furniture([text[a:b] for a, b in spans], lexicon)
    return tuple(span for i, span in enumerate(spans) if i not in drop)
