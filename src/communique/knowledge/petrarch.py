"""Reader for PETRARCH/TABARI actor and agent dictionaries (the files users already have).

Actor dictionaries (``Phoenix.Countries.actors.txt`` and friends) list a primary phrase, its
synonyms on following ``+`` lines, and one or more codes, possibly bounded by dates::

    VLADIMIR_PUTIN_  # comment
    +PUTIN_
    +PRESIDENT_PUTIN_
        [RUSELI 700101-990809]
        [RUSGOV >080508]
        [RUSELI]

Agent dictionaries (``Phoenix.agents.txt``) map common nouns to a sector that is appended to
an actor's country (``POLICE {} [~COP]``), with ``!SET! = A, B`` substitution sets and
``{PLURAL}`` forms.

Phrases are normalised to upper case with single spaces (``_`` becomes a space, a trailing
``_``, which TABARI uses to mark a word end, is dropped); we match them as whole phrases.
Dates are ``YYMMDD`` (years below 30 are 20xx) or ``YYYYMMDD``; ``>D`` means from D on, ``<D``
until D. A malformed date makes that code undated rather than failing the whole file.
``load_dictionaries`` passes over the other files of a PETRARCH set (issue coding, discards,
prepositions: no actor codes), so that ``Phoenix.*.txt`` can be given as it is.

The Phoenix actor dictionaries are bundled, converted, as ``phoenix_actors.tsv`` (default
knowledge, read by ``load_actor_table``; the MIT notice is beside it). As a script this module
regenerates that file::

    python -m communique.knowledge.petrarch ../shared/reference/petrarch2/Phoenix.*.actors.txt
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from ..errors import DictionaryError
from . import BUNDLED, data_path

_CODE_RE = re.compile(r"\[([^\]]*)\]")
_SET_RE = re.compile(r"^(![A-Z0-9_]+!)\s*=\s*(.+)$")
_PLURAL_RE = re.compile(r"\{([^}]*)\}")
_PIVOT = 30


@dataclass(frozen=True)
class DatedCode:
    """One code of a dictionary entry. ``start``/``end`` ``None`` mean unbounded on that side;
    both ``None`` is the entry's default (undated) code."""

    code: str
    start: dt.date | None = None
    end: dt.date | None = None

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None

    def valid_on(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class ActorEntry:
    """One actor: its primary phrase, synonyms and codes in file order."""

    phrase: str
    synonyms: tuple[str, ...]
    codes: tuple[DatedCode, ...]

    def code_on(self, day: dt.date | None) -> str | None:
        """The code valid on ``day``.

        With a date: of the dated codes whose range contains it, the one that started last
        (the narrower office: "[UGAELI 620101-000101] [UGAGOV >860126]" is GOV in 1996), else
        the undated default.
        Without a date (``None``: publication date unknown): the open-ended most recent code
        (``>D``) when there is one, else the undated default, else the last code listed.
        ``None`` when the entry has no usable code (``[---]``).
        """
        usable = [c for c in self.codes if c.code and c.code != "---"]
        if not usable:
            return None
        default = next((c.code for c in usable if not c.dated), None)
        if day is not None:
            valid = [c for c in usable if c.dated and c.valid_on(day)]
            if valid:
                return max(valid, key=lambda c: c.start or dt.date.min).code
            return default
        open_ended = [c for c in usable if c.start is not None and c.end is None]
        if open_ended:
            return max(open_ended, key=lambda c: c.start or dt.date.min).code
        return default or usable[-1].code


@dataclass(frozen=True)
class ActorDictionary:
    """Actor phrases (normalised, see module docstring) -> entries; later files override."""

    entries: Mapping[str, ActorEntry] = field(default_factory=lambda: MappingProxyType({}))
    max_words: int = 0

    def lookup(self, text: str) -> ActorEntry | None:
        """The entry for a phrase as written in text (any case, spaces or underscores)."""
        return self.entries.get(normalize(text))


@dataclass(frozen=True)
class AgentDictionary:
    """Agent nouns (normalised, singular and listed plurals) -> sector code (``COP``)."""

    agents: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))

    def sector(self, text: str) -> str | None:
        """The sector for a noun phrase, ``None`` when it is not an agent."""
        key = normalize(text)
        found = self.agents.get(key)
        if found is None and key.endswith("S"):
            found = self.agents.get(key[:-1])
        return found


def normalize(phrase: str) -> str:
    """Upper case, ``_`` as space, single spaces, no trailing word-end marker."""
    return " ".join(phrase.replace("_", " ").upper().split())


def parse_date(text: str) -> dt.date | None:
    """``YYMMDD`` or ``YYYYMMDD``; ``None`` when malformed."""
    text = text.strip()
    if not text.isdigit():
        return None
    try:
        if len(text) == 6:
            yy = int(text[:2])
            year = 2000 + yy if yy < _PIVOT else 1900 + yy
            return dt.date(year, int(text[2:4]), int(text[4:6]))
        if len(text) == 8:
            return dt.date(int(text[:4]), int(text[4:6]), int(text[6:8]))
    except ValueError:
        return None
    return None


def parse_code(body: str) -> DatedCode:
    """The inside of ``[...]``: ``CODE``, ``CODE D1-D2``, ``CODE >D`` or ``CODE <D``."""
    parts = body.split()
    if not parts:
        return DatedCode("")
    code = parts[0].strip()
    if len(parts) == 1:
        return DatedCode(code)
    span = parts[1]
    if span.startswith(">"):
        return DatedCode(code, start=parse_date(span[1:]))
    if span.startswith("<"):
        return DatedCode(code, end=parse_date(span[1:]))
    if "-" in span:
        a, _, b = span.partition("-")
        return DatedCode(code, start=parse_date(a), end=parse_date(b))
    return DatedCode(code)


def _strip_comment(line: str) -> str:
    return line.split("#", 1)[0].rstrip()


def parse_actors(lines: Iterable[str], source: str = "<string>") -> dict[str, ActorEntry]:
    """Parse actor-dictionary lines into phrase -> entry (synonyms map to the same entry)."""
    out: dict[str, ActorEntry] = {}
    phrase: str | None = None
    synonyms: list[str] = []
    codes: list[DatedCode] = []

    def flush() -> None:
        if phrase is None:
            return
        entry = ActorEntry(phrase, tuple(synonyms), tuple(codes))
        for p in (phrase, *synonyms):
            if p:
                out[p] = entry

    for lineno, raw in enumerate(lines, 1):
        line = _strip_comment(raw)
        if not line.strip():
            continue
        stripped = line.strip()
        if stripped.startswith("[") and phrase is None:
            raise DictionaryError(
                f"{source}:{lineno}: a code {stripped!r} comes before any actor phrase; "
                "an actor dictionary entry starts with a phrase line, so this file is not "
                "in PETRARCH/TABARI actor format"
            )
        found = [parse_code(m) for m in _CODE_RE.findall(stripped)]
        head = _CODE_RE.sub(" ", stripped).strip()
        if stripped.startswith("+"):
            synonyms.append(normalize(head[1:]))
            codes.extend(found)
            continue
        if head and not line[0].isspace():
            if phrase is not None and not codes:
                # A phrase block without codes shares the codes of the block after it.
                synonyms.append(normalize(head))
                codes.extend(found)
                continue
            flush()
            phrase, synonyms, codes = normalize(head), [], list(found)
            continue
        codes.extend(found)
    flush()
    return out


def parse_agents(lines: Iterable[str], source: str = "<string>") -> dict[str, str]:
    """Parse agent-dictionary lines into noun phrase -> sector (``~`` markers removed)."""
    sets: dict[str, list[str]] = {}
    out: dict[str, str] = {}
    for raw in lines:
        line = _strip_comment(raw).strip()
        if not line:
            continue
        m = _SET_RE.match(line)
        if m:
            sets[m.group(1)] = [w.strip() for w in m.group(2).split(",") if w.strip()]
            continue
        codes = _CODE_RE.findall(line)
        if not codes:
            continue
        sector = codes[0].replace("~", "").strip().split()[0] if codes[0].strip() else ""
        if not sector:
            continue
        head = _CODE_RE.sub(" ", line)
        plurals = [p for group in _PLURAL_RE.findall(head) for p in group.split(",")]
        head = _PLURAL_RE.sub(" ", head).strip()
        for form in (head, *plurals):
            for expanded in _expand(form.strip(), sets):
                key = normalize(expanded)
                if key:
                    out.setdefault(key, sector)
    return out


def _expand(form: str, sets: Mapping[str, list[str]]) -> list[str]:
    for name, words in sets.items():
        if name in form:
            return [x for w in words for x in _expand(form.replace(name, w, 1), sets)]
    return [form]


def holds_actor_codes(text: str) -> bool:
    """True when a PETRARCH file's text can be an actor or agent dictionary: it has a code in
    brackets and is not an issue-coding file (``<ISSUE ...>``). Discards and prepositions
    files have no codes."""
    return "<ISSUE" not in text and _CODE_RE.search(_UNCOMMENTED.sub("", text)) is not None


_UNCOMMENTED = re.compile(r"#[^\n]*")


def load_dictionaries(
    paths: Iterable[str], base: ActorDictionary | None = None
) -> tuple[ActorDictionary, AgentDictionary]:
    """Read PETRARCH/TABARI files over ``base`` (the bundled table, or nothing). A file whose
    entries are ``[~XXX]`` agents is an agent dictionary; a file without actor codes (issue
    coding, discards, prepositions) is passed over; anything else is an actor dictionary.
    Later files override earlier ones, and all of them ``base``."""
    actors: dict[str, ActorEntry] = dict(base.entries) if base is not None else {}
    agents: dict[str, str] = {}
    for p in paths:
        path = Path(p)
        try:
            text = path.read_text(encoding="utf-8", errors="replace")
        except OSError as e:
            raise DictionaryError(f"cannot read actor dictionary {p}: {e}") from e
        if not holds_actor_codes(text):
            continue
        lines = text.splitlines()
        if "[~" in text:
            agents.update(parse_agents(lines, source=str(p)))
        else:
            actors.update(parse_actors(lines, source=str(p)))
    max_words = max((len(k.split()) for k in actors), default=0)
    return (
        ActorDictionary(MappingProxyType(actors), max_words),
        AgentDictionary(MappingProxyType(agents)),
    )


# --- the bundled table -------------------------------------------------------------------------
ACTOR_TABLE = "phoenix_actors.tsv"
NOTICE_NAME = "LICENSE.petrarch2.MIT.txt"
TABLE_HEADER = """\
# Actors converted from {sources} (the Phoenix actor dictionaries of PETRARCH-2, Open Event
# Data Alliance, MIT licence: see {notice} beside this file). Generated by
# `python -m communique.knowledge.petrarch`: do not edit. Entries whose codes are all bare
# country codes (places, country names and adjectives: countries.tsv and places.tsv cover
# them) are left out. The resolver uses a code only for what an article and our own tables
# leave unknown (see communique.nlp.actors.dictionary).
#
# phrase    the entry's primary phrase, normalised (upper case, single spaces)
# synonyms  its other phrases, separated by "|"
# codes     its codes in file order, separated by spaces: CODE, or CODE@START/END with ISO
#           dates (an empty side is open)
phrase\tsynonyms\tcodes
"""


def _code_cell(c: DatedCode) -> str:
    if not c.dated:
        return c.code
    start = c.start.isoformat() if c.start else ""
    end = c.end.isoformat() if c.end else ""
    return f"{c.code}@{start}/{end}"


def _parse_code_cell(cell: str) -> DatedCode:
    code, _, span = cell.partition("@")
    if not span:
        return DatedCode(code)
    start, _, end = span.partition("/")
    return DatedCode(
        code,
        dt.date.fromisoformat(start) if start else None,
        dt.date.fromisoformat(end) if end else None,
    )


def _is_place(entry: ActorEntry) -> bool:
    """True when every usable code is a bare three-letter base: a place or a country name."""
    usable = [c.code for c in entry.codes if c.code and c.code != "---"]
    return all(len(c) == 3 for c in usable)


def table_rows(entries: Mapping[str, ActorEntry]) -> list[ActorEntry]:
    """The distinct entries worth bundling, in phrase order (see ``TABLE_HEADER``)."""
    seen: set[int] = set()
    out: list[ActorEntry] = []
    for phrase in sorted(entries):
        entry = entries[phrase]
        if id(entry) in seen:
            continue
        seen.add(id(entry))
        if entry.code_on(None) is None or _is_place(entry):
            continue
        out.append(entry)
    return out


def to_table(entries: Iterable[ActorEntry], sources: Sequence[str]) -> str:
    """The entries in the format of ``phoenix_actors.tsv``."""
    body = "".join(
        f"{e.phrase}\t{'|'.join(e.synonyms)}\t{' '.join(_code_cell(c) for c in e.codes)}\n"
        for e in entries
    )
    return TABLE_HEADER.format(sources=", ".join(sources), notice=NOTICE_NAME) + body


_CODES_CELL = re.compile(r"(?:[A-Z0-9-]+(?:@(?:\d{4}-\d\d-\d\d)?/(?:\d{4}-\d\d-\d\d)?)?(?: |$))+")


class _TableEntries(Mapping[str, ActorEntry]):
    """Phrase -> entry of the actor table, each entry built on first use (the table holds
    some 30,000 phrases, of which a document asks for a handful)."""

    def __init__(self, rows: dict[str, tuple[str, str, str]]) -> None:
        self._rows = rows
        self._built: dict[str, ActorEntry] = {}

    def __getitem__(self, key: str) -> ActorEntry:
        found = self._built.get(key)
        if found is None:
            phrase, synonyms, codes = self._rows[key]
            try:
                parsed = tuple(_parse_code_cell(c) for c in codes.split())
            except ValueError as e:
                raise DictionaryError(
                    f"{ACTOR_TABLE}: a date of {phrase!r} is no calendar date ({e})"
                ) from e
            found = self._built[key] = ActorEntry(
                phrase, tuple(x for x in synonyms.split("|") if x), parsed
            )
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(self._rows)

    def __len__(self) -> int:
        return len(self._rows)


def load_actor_table(knowledge_dir: str = "") -> ActorDictionary:
    """The bundled (or overridden) ``phoenix_actors.tsv`` as a dictionary. A row that is not
    phrase, synonyms and well-formed codes raises ``DictionaryError`` naming file and line."""
    path = data_path(ACTOR_TABLE, knowledge_dir)
    rows: dict[str, tuple[str, str, str]] = {}
    header = True
    with path.open(encoding="utf-8") as fh:
        for number, raw in enumerate(fh, 1):
            line = raw.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            if header:
                header = False
                continue
            cells = line.split("\t")
            if len(cells) != 3 or not cells[0] or not _CODES_CELL.fullmatch(cells[2]):
                raise DictionaryError(
                    f"{path}, line {number}: expected a phrase, its synonyms and codes "
                    "(CODE or CODE@START/END with ISO dates) separated by tabs"
                )
            for phrase in (cells[0], *cells[1].split("|")):
                if phrase:
                    rows.setdefault(phrase, (cells[0], cells[1], cells[2]))
    max_words = max((phrase.count(" ") + 1 for phrase in rows), default=0)
    return ActorDictionary(_TableEntries(rows), max_words)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m communique.knowledge.petrarch",
        description="Convert PETRARCH/Phoenix actor dictionaries into the bundled actor table.",
    )
    ap.add_argument("dictionaries", nargs="+", help="actor dictionaries (Phoenix.*.actors.txt)")
    ap.add_argument(
        "-o",
        "--output",
        default=str(BUNDLED / ACTOR_TABLE),
        help=f"the file to write (default: the bundled {ACTOR_TABLE}); '-' for none",
    )
    args = ap.parse_args(argv)
    actors, _ = load_dictionaries(args.dictionaries)
    rows = table_rows(actors.entries)
    if args.output != "-":
        names = [Path(p).name for p in args.dictionaries]
        Path(args.output).write_text(to_table(rows, names), encoding="utf-8")
    sys.stdout.write(f"{len(rows)} actors from {len(actors.entries)} phrases\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
