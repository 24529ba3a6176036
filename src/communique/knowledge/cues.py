"""The speech-cue lexicon: ``cues.tsv`` read into lookup tables.

``load_cues(knowledge_dir)`` returns a frozen ``CueLexicon``. Single-word verbs are matched on
the lower-cased token text against every inflection (generated here from the lemma by regular
English rules, or listed in the file's ``forms`` column) and on spaCy's lemma; multi-word cues
("according to", "point out", "quoted as saying") are matched as token sequences whose first
word may be inflected when the row's type is ``verb``.  Report nouns (type ``noun``: "claim",
"statement", "promise") are matched on spaCy's lemma of a noun.

The word lists of ``quote_words.tsv`` (sources, documents, cues that address someone, words
that are no speaker label ...) are read into the same ``CueLexicon``, and so are the nouns of
``event_nouns.tsv``: a noun that names an event ("talks", "sanctions") speaks for no one.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType

from . import read_lists, read_table

CUE_FILE = "cues.tsv"
WORD_FILE = "quote_words.tsv"
EVENT_NOUN_FILE = "event_nouns.tsv"
WORK_NOUN_FILE = "actor_words.tsv"
"""Its ``work_noun`` list: nouns for works of film, television, music, print or stage."""
ROLE_FILE = "roles.tsv"
_SPEAKING_KINDS = frozenset({"person", "group", "body"})
"""Kinds of ``roles.tsv`` rows that name someone who can speak (not equipment)."""
WORD_LISTS = (
    "source_noun",
    "document",
    "addressee_cue",
    "object_blind_cue",
    "not_implicit",
    "not_label",
    "report_participle",
    "courtesy_title",
    "quantifier_pronoun",
    "participial_conjunction",
    "title_lead",
    "affirming_cue",
    "volition_cue",
)
"""The lists of ``quote_words.tsv`` (the file documents each)."""
CLASSES: frozenset[str] = frozenset(
    {"reporting", "assertive", "directive", "written", "cognitive", "evidential", "stance"}
)
_VOWELS = "aeiou"


@dataclass(frozen=True)
class Cue:
    """One row of the lexicon."""

    lemma: str
    type: str
    """``verb`` (inflected), ``phrase`` (matched as written) or ``noun`` (a report noun matched
    on its lemma: "the claim that ...", "his promise to ...")."""
    cls: str
    """One of ``CLASSES`` for rows of the file; the extractor also makes cues of its own with
    class ``implicit`` (a verb whose object holds quoted words), ``label`` (a transcript
    speaker label) and ``signature`` (a dash signature)."""
    notes: str = ""

    @property
    def words(self) -> tuple[str, ...]:
        return tuple(self.lemma.split())

    @property
    def speech(self) -> bool:
        """True for cues that can introduce a direct quotation (not cognitive/evidential, not a
        noun: "his claim" reports a clause, it never introduces a quotation on its own)."""
        return self.type != "noun" and self.cls in (
            "reporting",
            "assertive",
            "directive",
            "written",
        )


@dataclass(frozen=True)
class CueLexicon:
    """Lookup tables built from ``cues.tsv``.

    ``words`` maps every inflected form of a single-word cue to its row; ``lemmas`` maps the
    lemma; ``sequences`` maps the (inflected) first word of a multi-word cue to the rows and
    the remaining words they need; ``nouns`` maps the lemma of a report noun ("claim",
    "statement") to its row.  An empty lexicon (no rows) matches nothing.  The word lists of
    ``quote_words.tsv`` follow (empty: none).
    """

    words: Mapping[str, Cue] = field(default_factory=lambda: MappingProxyType({}))
    lemmas: Mapping[str, Cue] = field(default_factory=lambda: MappingProxyType({}))
    sequences: Mapping[str, tuple[tuple[tuple[str, ...], Cue], ...]] = field(
        default_factory=lambda: MappingProxyType({})
    )
    nouns: Mapping[str, Cue] = field(default_factory=lambda: MappingProxyType({}))
    source_nouns: frozenset[str] = frozenset()
    """Lemmas of nouns that can be a source ("official", "study"): the ``source_noun`` list,
    and the one-word roles of people, groups and bodies of ``roles.tsv`` ("physician",
    "ministry")."""
    documents: frozenset[str] = frozenset()
    """Lemmas of documents, whose evidential cues report their object ("a study found X")."""
    addressee_cues: frozenset[str] = frozenset()
    """Cue lemmas whose object is the person addressed ("told his aides to ...")."""
    object_blind_cues: frozenset[str] = frozenset()
    """Cue lemmas whose direct object is not what was said ("told reporters")."""
    not_implicit: frozenset[str] = frozenset()
    """Verb lemmas whose complement is no reported content ("are “safe”")."""
    not_labels: frozenset[str] = frozenset()
    """Lower-case words that open a paragraph with a colon but name no speaker ("update")."""
    report_participles: frozenset[str] = frozenset()
    """Participles that introduce a report noun's content ("a statement saying ...")."""
    courtesy_titles: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    """Lower-case title ("mr.") -> the gender of the person it names (``m``/``f``)."""
    quantifier_pronouns: frozenset[str] = frozenset()
    """Quantifiers and demonstratives that stand alone for people ("Both feel ...", "Some
    say ...", "Others argue ..."): pronouns, never a speaker's name."""
    participial_conjunctions: frozenset[str] = frozenset()
    """Participles that open a conditional or causal clause without a subject ("assuming he
    wins, ...", "supposing it rains"): conjunctions, no cues."""
    generic_titles: frozenset[str] = frozenset()
    """Lower-case person titles of ``roles.tsv`` that say nothing about the branch
    ("minister", "secretary": its ``generic`` column): "the minister" can refer to anyone of
    the title's sector ("the Trade and Industry Secretary"); other titles ("president") only
    to a holder of the same title."""
    affirming_cues: frozenset[str] = frozenset()
    """Cue lemmas whose subject affirms someone else's report as true ("confirmed reports that
    ..."): the subject asserts the report's content too."""
    volition_cues: frozenset[str] = frozenset()
    """Cue lemmas of wanting, planning, seeking, refusing or offering: an object with a
    predicate after one is a state wished for ("want the trial scheduled"), no proposition."""
    title_leads: frozenset[str] = frozenset()
    """Words between a noun for works and the titles it lists ("films including “X”", "a show
    called “Y”")."""
    work_nouns: frozenset[str] = frozenset()
    """Nouns for a work of film, television, music, print or stage (the ``work_noun`` list of
    ``actor_words.tsv``): title-cased words quoted after one name the work ("films including
    “Wall Street” and “Major League”"), no quotation."""
    event_nouns: frozenset[str] = frozenset()
    """Lemmas of nouns that name an event (``event_nouns.tsv``): no speaker ("Talks showed
    that ..."), unless also a source noun or a document ("the agreement says")."""

    def word(self, lower: str, lemma: str) -> Cue | None:
        """The single-word cue for a token (its lower-cased text or lemma), ``None`` if none."""
        return self.words.get(lower) or self.lemmas.get(lemma)

    def phrase_at(self, lowers: Sequence[str], i: int) -> tuple[int, Cue] | None:
        """The multi-word cue that starts at word ``i`` of ``lowers`` (lower-cased words, as
        written: "pointed out"), as its end and row, ``None`` if none."""
        for rest, cue in self.sequences.get(lowers[i], ()):
            end = i + 1 + len(rest)
            if end <= len(lowers) and all(lowers[i + 1 + k] == w for k, w in enumerate(rest)):
                return end, cue
        return None


def inflections(lemma: str) -> list[str]:
    """Regular English inflections of a verb lemma: lemma, 3rd person, past, gerund.

    Consonant doubling ("admitted") is not guessed; list such forms in the file.
    """
    forms = [lemma]
    if lemma.endswith(("s", "sh", "ch", "x", "z", "o")):
        forms.append(lemma + "es")
    elif lemma.endswith("y") and len(lemma) > 1 and lemma[-2] not in _VOWELS:
        forms.append(lemma[:-1] + "ies")
    else:
        forms.append(lemma + "s")
    if lemma.endswith("e"):
        forms.append(lemma + "d")
        forms.append((lemma[:-1] if not lemma.endswith(("ee", "ye", "oe")) else lemma) + "ing")
    elif lemma.endswith("y") and len(lemma) > 1 and lemma[-2] not in _VOWELS:
        forms.append(lemma[:-1] + "ied")
        forms.append(lemma + "ing")
    else:
        forms.append(lemma + "ed")
        forms.append(lemma + "ing")
    return forms


def load_cues(knowledge_dir: str = "") -> CueLexicon:
    """Read ``cues.tsv``, ``quote_words.tsv`` and the role words of ``roles.tsv`` (bundled, or
    the user's copies in ``knowledge_dir``) into a lexicon.

    Rows with an unknown class are kept under ``reporting``; empty lemmas are skipped.
    """
    words: dict[str, Cue] = {}
    lemmas: dict[str, Cue] = {}
    sequences: dict[str, list[tuple[tuple[str, ...], Cue]]] = {}
    nouns: dict[str, Cue] = {}
    for row in read_table(CUE_FILE, knowledge_dir):
        lemma = " ".join(row.get("lemma", "").lower().split())
        if not lemma:
            continue
        cls = row.get("class", "") or "reporting"
        cue = Cue(
            lemma=lemma,
            type=row.get("type", "") or "verb",
            cls=cls if cls in CLASSES else "reporting",
            notes=row.get("notes", ""),
        )
        head, *rest = lemma.split()
        if cue.type == "noun":
            nouns.setdefault(lemma, cue)
            continue
        listed = [f.strip().lower() for f in row.get("forms", "").split(",") if f.strip()]
        heads = [head, *listed] if listed else inflections(head)
        if cue.type == "phrase":
            heads = [head]
        if rest:
            for h in dict.fromkeys(heads):
                sequences.setdefault(h, []).append((tuple(rest), cue))
        else:
            lemmas.setdefault(head, cue)
            for h in heads:
                words.setdefault(h, cue)
    lists = read_lists(WORD_FILE, knowledge_dir, lists=WORD_LISTS)
    return CueLexicon(
        words=MappingProxyType(words),
        lemmas=MappingProxyType(lemmas),
        sequences=MappingProxyType({k: tuple(v) for k, v in sequences.items()}),
        nouns=MappingProxyType(nouns),
        source_nouns=frozenset(lists["source_noun"])
        | frozenset(
            phrase
            for row in read_table(ROLE_FILE, knowledge_dir)
            if row.get("kind", "") in _SPEAKING_KINDS
            and (phrase := row.get("phrase", "").strip().lower())
            and " " not in phrase
        ),
        generic_titles=frozenset(
            phrase
            for row in read_table(ROLE_FILE, knowledge_dir)
            if row.get("kind", "") == "person"
            and row.get("generic", "").strip() == "yes"
            and (phrase := " ".join(row.get("phrase", "").lower().split()))
        ),
        documents=frozenset(lists["document"]),
        addressee_cues=frozenset(lists["addressee_cue"]),
        object_blind_cues=frozenset(lists["object_blind_cue"]),
        not_implicit=frozenset(lists["not_implicit"]),
        not_labels=frozenset(lists["not_label"]),
        report_participles=frozenset(lists["report_participle"]),
        courtesy_titles=MappingProxyType(dict(lists["courtesy_title"])),
        quantifier_pronouns=frozenset(lists["quantifier_pronoun"]),
        participial_conjunctions=frozenset(lists["participial_conjunction"]),
        title_leads=frozenset(lists["title_lead"]),
        affirming_cues=frozenset(lists["affirming_cue"]),
        volition_cues=frozenset(lists["volition_cue"]),
        work_nouns=frozenset(
            row["word"].lower()
            for row in read_table(WORK_NOUN_FILE, knowledge_dir)
            if row.get("list") == "work_noun" and row.get("word")
        ),
        event_nouns=frozenset(
            noun
            for row in read_table(EVENT_NOUN_FILE, knowledge_dir)
            if (noun := " ".join(row.get("noun", "").lower().split()))
        ),
    )
