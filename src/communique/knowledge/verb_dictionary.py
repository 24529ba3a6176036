"""Translation of PETRARCH/TABARI verb dictionaries (``CAMEO.2.0.txt``) into our verb patterns.

``tabari.read_verb_dictionary`` reads the file (synonym sets, verb blocks, pattern lines, see
its docstring for the format); here its entries become the event lexicon's rows.

A pattern applies to every verb of its block. We translate the patterns whose structure the
event coder matches faithfully (``clauses.ClauseReader.lookup``), one ``VerbRow`` per verb and
object: the bare verb, verb + particle, verb + object head noun (a noun of one or two words, a
set expanded to its members), verb + preposition, verb + preposition + noun, each optionally
after a particle ("lay down weapons"). The rest is counted by kind in the ``Conversion``
report and left out: words before the verb (a subject: ``- MARKET * [---]``), an object with
its own prepositional phrase or two complements, actors or skipped words inside a complement,
codes for the reverse direction only (``[:173]``), noun phrases of three or more words, codes
the codebook does not know. A two-way code with two different codes keeps the forward one.
Inflections are left to the lemmatizer: the coder looks verbs up by lemma.

Nouns are reduced to a singular lemma by regular English rules ("sanctions" -> "sanction").

Run as a script to regenerate the bundled ``cameo_verbs.tsv`` from ``CAMEO.2.0.txt``::

    python -m communique.knowledge.verb_dictionary ../shared/reference/petrarch2/CAMEO.2.0.txt
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import DictionaryError
from . import BUNDLED
from .tabari import (
    CODE_RE,
    TOKEN_RE,
    VerbBlock,
    VerbEntry,
    entry_words,
    pattern_elements,
    read_verb_dictionary,
)

BUNDLED_NAME = "cameo_verbs.tsv"
"""The converted ``CAMEO.2.0.txt`` in the knowledge folder (MIT notice beside it)."""
NOTICE_NAME = "LICENSE.petrarch2.MIT.txt"
PARTICLES: frozenset[str] = frozenset(
    {
        "up",
        "down",
        "off",
        "out",
        "back",
        "in",
        "on",
        "over",
        "away",
        "aside",
        "forward",
        "together",
        "through",
        "apart",
        "around",
        "along",
        "ahead",
    }
)
"""Words that follow a verb as its particle ("set up", "call off"); any other single word after
the verb is its object's head noun."""
PREPOSITIONS: frozenset[str] = frozenset(
    {"about", "after", "against", "at", "by", "for", "from", "into", "of", "to", "with"}
)
"""Prepositions that end a verb of two words ("ask for", "come after"), besides the particles;
a verb of two words ending otherwise ("+KILLED_AND") is no verb we can look up."""
MAX_NOUN_WORDS = 2
"""Longest noun phrase we match: a head with one modifier ("water blockade"), as the coder's
``noun_keys`` builds its keys."""
_CODE_SHAPE = re.compile(r"^\d{2,4}$")
_ACTORS = frozenset("$+%")


@dataclass(frozen=True)
class VerbRow:
    """One translated pattern for one verb: what the coder looks up."""

    verb: str
    """Verb lemma with its particle, lower case ("lift", "call off")."""
    prep: str
    """Preposition whose phrase the pattern needs ("" for none)."""
    object: str
    """Lemma of the object's head noun, with one modifier at most ("" for any or none); the
    object of ``prep`` when ``prep`` is given, else the direct object."""
    code: str
    """CAMEO code; ``""`` for a discard (the phrase codes nothing, the bare verb included)."""
    flags: frozenset[str] = frozenset()
    """``recip`` for a two-way pattern with one code, ``needobj`` for ``- * +``."""
    origin: str = ""
    """The verb the dictionary names as the pattern's source (its ``# VERB`` comment), else
    the block's name."""

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.verb, self.prep, self.object)


@dataclass
class Conversion:
    """What a conversion produced and what it left out, counted by kind."""

    rows: list[VerbRow] = field(default_factory=list)
    verbs: int = 0
    """Verbs read (each block member)."""
    inflections: int = 0
    """Inflected forms read (left to the lemmatizer)."""
    patterns: int = 0
    """Pattern lines read."""
    bare_verbs: int = 0
    """Verbs given a bare reading (their own code)."""
    translated: Counter[str] = field(default_factory=Counter)
    """Pattern lines translated, by kind (a line gives one row per verb it names)."""
    untranslated: Counter[str] = field(default_factory=Counter)
    """Pattern lines left out, by kind."""
    verbs_left: Counter[str] = field(default_factory=Counter)
    """Verbs given no bare reading, by reason (a verb without a code of any kind is not
    counted: it only carries patterns)."""
    notes: Counter[str] = field(default_factory=Counter)
    """Translated lines with a loss: reverse codes dropped, set members too long."""

    def report(self) -> str:
        """The report printed by the script: totals, then counts by kind."""
        lines = [
            f"verbs read: {self.verbs} (inflections left to the lemmatizer: {self.inflections})",
            f"verbs with a bare reading: {self.bare_verbs}",
            f"verbs without one: {sum(self.verbs_left.values())}",
        ]
        lines += [f"  {kind}: {n}" for kind, n in self.verbs_left.most_common()]
        lines += [
            f"patterns read: {self.patterns}",
            f"patterns translated: {sum(self.translated.values())}",
        ]
        lines += [f"  {kind}: {n}" for kind, n in self.translated.most_common()]
        lines.append(f"not translated: {sum(self.untranslated.values())}")
        lines += [f"  {kind}: {n}" for kind, n in self.untranslated.most_common()]
        if self.notes:
            lines.append("translated with a loss:")
            lines += [f"  {kind}: {n}" for kind, n in self.notes.most_common()]
        lines.append(f"rows written: {len(self.rows)}")
        return "\n".join(lines)


@dataclass(frozen=True)
class _Pattern:
    """A pattern line after parsing, before translation for each verb."""

    particle: str
    prep: str
    objects: tuple[str, ...]
    code: str
    flags: frozenset[str]
    origin: str
    kind: str


@dataclass
class _Block:
    name: str
    code: str
    verbs: list[tuple[str, str | None]] = field(default_factory=list)
    """(lemma, own code or None) in file order."""
    forms: dict[str, str] = field(default_factory=dict)
    """Listed inflection -> its verb's lemma ("laid down" -> "lay down")."""
    patterns: list[_Pattern] = field(default_factory=list)


_INVARIANT = frozenset({"news", "series", "arrears", "headquarters", "whereabouts"})


def singular(word: str) -> str:
    """A regular singular of an English noun ("sanctions" -> "sanction", "talks" -> "talk"),
    as the lemmatizer gives it."""
    if word in _INVARIANT:
        return word
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _noun(words: Sequence[str]) -> str | None:
    """The lookup key of a noun phrase ("water blockades" -> "water blockade"), ``None`` when it
    is too long to match faithfully."""
    if not words or len(words) > MAX_NOUN_WORDS:
        return None
    return " ".join(singular(w) for w in words)


class _Translator:
    """Translates one dictionary's blocks (``tabari.VerbDictionary``); holds its synonym sets
    and the counts while converting."""

    def __init__(
        self,
        sets: Mapping[str, list[str]],
        known_codes: Collection[str] | None,
        block_defaults: bool,
    ) -> None:
        self.sets = sets
        self.known_codes = known_codes
        self.block_defaults = block_defaults
        self.result = Conversion()

    # -- codes ---------------------------------------------------------------------------
    def code(self, cell: str) -> tuple[str, frozenset[str], str | None, str | None]:
        """(code, flags, loss note, untranslated kind) of a ``[...]`` cell."""
        cell = cell.strip()
        if cell == "---" or cell == "":
            return "", frozenset(), None, None
        forward, colon, back = cell.partition(":")
        forward, back = forward.strip(), back.strip()
        if colon and not forward:
            return "", frozenset(), None, "code for the reverse direction only"
        if not _CODE_SHAPE.match(forward) or (back and not _CODE_SHAPE.match(back)):
            return "", frozenset(), None, "malformed code"
        if self.known_codes is not None and forward not in self.known_codes:
            return "", frozenset(), None, "code not in the codebook"
        if colon and back == forward:
            return forward, frozenset({"recip"}), None, None
        if colon and back:
            return forward, frozenset(), "two-way code: reverse code dropped", None
        return forward, frozenset(), None, None

    # -- nouns ---------------------------------------------------------------------------
    def nouns(self, element: object) -> tuple[tuple[str, ...], str | None, str | None]:
        """Keys of a noun element, a loss note, and the kind when it cannot be translated."""
        if isinstance(element, str):
            if element.startswith("&"):
                members = self.sets.get(element[1:].upper())
                if members is None:
                    return (), None, "unknown synonym set"
                keys = [k for k in (_noun(entry_words(m)) for m in members) if k]
                if not keys:
                    return (), None, "noun phrase of three or more words"
                note = (
                    "set members of three or more words dropped"
                    if len(keys) < len(members)
                    else None
                )
                return tuple(dict.fromkeys(keys)), note, None
            if element in _ACTORS or element == "^":
                return (), None, "actor or skip marker in a complement"
            key = _noun(entry_words(element))
            return ((key,), None, None) if key else ((), None, "noun phrase of three or more words")
        opener, inner = element if isinstance(element, tuple) else ("", [])
        if opener != "{" or not inner or not all(isinstance(w, str) for w in inner):
            return (), None, "nested phrase"
        # "{WATER BLOCKADE}", "{&MILITARY AID}": a set stands for each of its members
        choices: list[list[list[str]]] = []
        for w in inner:
            word = str(w)
            if word in _ACTORS or word == "^":
                return (), None, "actor or skip marker in a complement"
            if word.startswith("&"):
                members = self.sets.get(word[1:].upper())
                if members is None:
                    return (), None, "unknown synonym set"
                choices.append([entry_words(m) for m in members])
            else:
                choices.append([entry_words(word)])
        phrases: list[list[str]] = [[]]
        for options in choices:
            phrases = [p + o for p in phrases for o in options]
        keys = [k for k in (_noun(p) for p in phrases) if k]
        if not keys:
            return (), None, "noun phrase of three or more words"
        note = "set members of three or more words dropped" if len(keys) < len(phrases) else None
        return tuple(dict.fromkeys(keys)), note, None

    # -- patterns ------------------------------------------------------------------------
    def pattern(self, text: str, comment: str, block: str) -> _Pattern | str:
        """A parsed pattern, or the kind of pattern it is when it cannot be translated."""
        found = CODE_RE.search(text)
        if found is None:
            return "no code"
        body = text[1 : found.start()].strip()  # without the leading "-"
        code, flags, note, bad = self.code(found.group(1))
        if bad:
            return bad
        if body.count("*") != 1:
            return "no verb position"
        before, _, after = body.partition("*")
        if before.strip():
            words = before.split()
            return (
                "actor before the verb"
                if set(words) <= _ACTORS
                else "words before the verb (subject)"
            )
        try:
            elements = pattern_elements(after)
        except ValueError:
            return "unbalanced brackets"
        origin = comment.split()[0].lower().replace("_", " ") if comment.split() else block
        particle = ""
        if elements and isinstance(elements[0], str) and elements[0].lower() in PARTICLES:
            particle = str(elements.pop(0)).lower()
        words = TOKEN_RE.findall(after)
        if "^" in words:
            return "skip marker"
        if "$" in words or "%" in words:
            return "source actor after the verb"
        needobj = False
        if elements and elements[-1] == "+":
            elements.pop()
            needobj = True
        if len(elements) > 1:
            return "object with a prepositional phrase, or two complements"
        prep = ""
        objects: tuple[str, ...] = ("",)
        notes = [note] if note else []
        if elements:
            element = elements[0]
            if isinstance(element, tuple) and element[0] == "(":
                inner = list(element[1])
                if not inner or not isinstance(inner[0], str) or not inner[0][0].isalpha():
                    return "prepositional phrase without a preposition"
                prep = inner.pop(0).lower()
                if inner and inner[-1] == "+":
                    inner.pop()
                if len(inner) > 1:
                    return "prepositional phrase of several parts"
                if inner:
                    objects, set_note, bad = self.nouns(inner[0])
                    if bad:
                        return bad
                    notes += [set_note] if set_note else []
            else:
                objects, set_note, bad = self.nouns(element)
                if bad:
                    return bad
                notes += [set_note] if set_note else []
        kind = self._kind(particle, prep, objects, needobj)
        for n in notes:
            self.result.notes[n] += 1
        if code == "":
            kind = "discard: " + kind
        return _Pattern(
            particle, prep, objects, code, flags | ({"needobj"} if needobj else set()), origin, kind
        )

    @staticmethod
    def _kind(particle: str, prep: str, objects: tuple[str, ...], needobj: bool) -> str:
        parts = ["verb"]
        if particle:
            parts.append("particle")
        if prep:
            parts.append("preposition")
        if objects != ("",):
            parts.append("noun set" if len(objects) > 1 else "noun")
        if needobj and not prep:
            parts.append("target object")
        return " + ".join(parts)

    # -- blocks --------------------------------------------------------------------------
    def blocks(self, blocks: Iterable[VerbBlock]) -> list[_Block]:
        """The blocks as the coder can look them up: verbs of one or two words (a verb and
        its particle or preposition), each pattern parsed or counted as left out by kind."""
        out: list[_Block] = []
        for block in blocks:
            current = _Block(block.name, block.code)
            for entry in block.verbs:
                self._verb(entry, current)
            for line in block.patterns:
                self.result.patterns += 1
                parsed = self.pattern(line.text, line.comment, current.name)
                if isinstance(parsed, str):
                    self.result.untranslated[parsed] += 1
                else:
                    current.patterns.append(parsed)
            out.append(current)
        return out

    def _verb(self, entry: VerbEntry, block: _Block) -> None:
        self.result.verbs += 1
        self.result.inflections += len(entry.forms)
        words = entry.words
        if not words or len(words) > 2:
            self.result.verbs_left["verb of three or more words"] += 1
            return
        if len(words) == 2 and words[1] not in PARTICLES | PREPOSITIONS:
            self.result.verbs_left["two words that are no verb and particle"] += 1
            return
        lemma = " ".join(words)
        block.verbs.append((lemma, entry.code))
        for form in entry.forms:
            block.forms[" ".join(form)] = lemma

    # -- rows ----------------------------------------------------------------------------
    def rows(self, blocks: Iterable[_Block]) -> None:
        seen: set[tuple[str, str, str]] = set()
        result = self.result

        def add(row: VerbRow) -> bool:
            if row.key in seen:
                return False
            seen.add(row.key)
            result.rows.append(row)
            return True

        for block in blocks:
            for verb, own in block.verbs:
                if own is None and not self.block_defaults:
                    if _CODE_SHAPE.match(block.code.partition(":")[0].strip()):
                        result.verbs_left["default code inherited from its synset"] += 1
                    continue
                cell = own if own is not None else block.code
                code, flags, _, bad = self.code(cell)
                if bad:
                    result.verbs_left[bad] += 1
                elif code and add(VerbRow(verb, "", "", code, flags, block.name)):
                    result.bare_verbs += 1
            for p in block.patterns:
                added = False
                named = _named(p.origin, block)
                if not named:
                    result.notes["origin names no verb of its block: whole synset"] += 1
                for verb, _ in block.verbs:
                    if named and verb not in named:
                        continue
                    if p.particle and " " in verb:
                        continue  # "put down" + "DOWN &WEAPON": the particle is the verb's own
                    phrasal = f"{verb} {p.particle}" if p.particle else verb
                    for obj in p.objects:
                        added |= add(VerbRow(phrasal, p.prep, obj, p.code, p.flags, p.origin))
                if added:
                    result.translated[p.kind] += 1
                elif block.verbs:
                    result.untranslated["duplicate of an earlier pattern"] += 1
                else:
                    result.untranslated["block without verbs"] += 1


REGULAR_INFLECTIONS: tuple[tuple[str, str], ...] = (
    ("ied", "y"),
    ("ies", "y"),
    ("ed", "e"),
    ("ed", ""),
    ("ing", "e"),
    ("ing", ""),
    ("es", ""),
    ("s", ""),
    ("d", ""),
)
"""English regular verb inflections (suffix, what replaces it), in the order to try them."""


def regular_stems(word: str) -> list[str]:
    """The base forms ``word`` may be a regular inflection of ("staged" -> stage, stag),
    in the order of ``REGULAR_INFLECTIONS``, each of two letters or more."""
    return [
        word[: -len(suffix)] + repl
        for suffix, repl in REGULAR_INFLECTIONS
        if word.endswith(suffix) and len(word) > len(suffix) + 1
    ]


def _named(origin: str, block: _Block) -> set[str]:
    """The verbs of ``block`` that a pattern's origin comment names ("LIFT", "LAID_DOWN",
    "KILLED"), by lemma, listed inflection or regular inflection; empty when it names none."""
    lemmas = {v for v, _ in block.verbs}
    words = origin.split()
    out: set[str] = set()
    for n in (len(words), 1):
        phrase = " ".join(words[:n])
        if not phrase:
            continue
        if phrase in lemmas:
            out.add(phrase)
        elif phrase in block.forms:
            out.add(block.forms[phrase])
        else:
            first, _, rest = phrase.partition(" ")
            for stem in regular_stems(first):
                stems = [stem, stem[:-1]] if len(stem) > 2 and stem[-1] == stem[-2] else [stem]
                for candidate in stems:
                    lemma = f"{candidate} {rest}".strip()
                    if lemma in lemmas:
                        out.add(lemma)
        if out:
            break
    return out


def convert(
    text: str,
    *,
    name: str = "<verb dictionary>",
    known_codes: Collection[str] | None = None,
    block_defaults: bool = False,
) -> Conversion:
    """Translate a verb dictionary's text. ``known_codes`` (the codebook's codes) refuses
    patterns with other codes; ``None`` takes every well-formed code. ``block_defaults`` gives
    each verb of a block the block's code when it has none of its own (off by default: the
    blocks are WordNet synsets, and a synonym's default reading is no fact about that verb).
    A malformed file raises ``DictionaryError`` naming ``name`` and the line."""
    dictionary = read_verb_dictionary(text, name)
    translator = _Translator(dictionary.sets, known_codes, block_defaults)
    translator.rows(translator.blocks(dictionary.blocks))
    return translator.result


def convert_file(
    path: str | Path, known_codes: Collection[str] | None = None, block_defaults: bool = False
) -> Conversion:
    """``convert`` on a file; an unreadable file raises ``DictionaryError``."""
    try:
        text = Path(path).read_text(encoding="utf-8", errors="replace")
    except OSError as e:
        raise DictionaryError(f"cannot read the verb dictionary {path}: {e}") from e
    return convert(text, name=str(path), known_codes=known_codes, block_defaults=block_defaults)


HEADER = """\
# Verb patterns converted from {source} (PETRARCH-2's CAMEO verb dictionary, Open Event Data
# Alliance, MIT licence: see {notice} beside this file). Generated by
# `python -m communique.knowledge.verb_dictionary`: do not edit, edit verbs.tsv instead (its
# rows win over these, see communique.nlp.events.lexicon).
#
# verb     verb lemma, optionally with its particle ("call off")
# prep     preposition whose phrase the pattern needs ("" for none)
# object   head noun lemma of the object, or of the prep's object ("" for any or none)
# code     CAMEO code; empty: a discard, the phrase codes nothing
# flags    recip (two-way, one code), needobj (a direct object is needed)
# origin   the verb the dictionary names as the pattern's source
verb\tprep\tobject\tcode\tflags\torigin
"""


def to_tsv(rows: Iterable[VerbRow], source: str) -> str:
    """The rows in the format of ``cameo_verbs.tsv``."""
    body = "".join(
        f"{r.verb}\t{r.prep}\t{r.object}\t{r.code}\t{' '.join(sorted(r.flags))}\t{r.origin}\n"
        for r in rows
    )
    return HEADER.format(source=source, notice=NOTICE_NAME) + body


def main(argv: Sequence[str] | None = None) -> int:
    from .cameo import Codebook

    ap = argparse.ArgumentParser(
        prog="python -m communique.knowledge.verb_dictionary",
        description="Convert a PETRARCH/TABARI verb dictionary into the event lexicon's rows.",
    )
    ap.add_argument("dictionary", help="the verb dictionary (e.g. CAMEO.2.0.txt)")
    ap.add_argument(
        "-o",
        "--output",
        default=str(BUNDLED / BUNDLED_NAME),
        help="the file to write (default: the bundled cameo_verbs.tsv); '-' for none",
    )
    args = ap.parse_args(argv)
    conversion = convert_file(args.dictionary, known_codes=set(Codebook.load()))
    if args.output != "-":
        Path(args.output).write_text(
            to_tsv(conversion.rows, Path(args.dictionary).name), encoding="utf-8"
        )
    sys.stdout.write(conversion.report() + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
