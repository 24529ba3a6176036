"""spaCy's rule components, rebuilt to give the same annotations at a fraction of the cost.

The English pipelines end their syntax with two rule components that visit every token in
Python or through a general matcher: the ``attribute_ruler`` (parts of speech, morphology and
some lemmas from the tagger's tags: a fifth of the bare pass) and the rule ``lemmatizer``.
Both depend on nothing but a few attributes of each token, so what they decide for one word,
tag and dependency holds for every token alike:

- ``TableAttributeRuler`` reads the ruler's own patterns and answers each distinct (word,
  tag, dependency) once, then writes the decided attributes token by token; a pattern it
  cannot read as such a table (an operator, an attribute beyond its word, tag, dependency and
  space flag) leaves the component spaCy's;
- ``MemoLemmatizer`` remembers every lemma by word, part of speech and morphology, and holds
  the rules' word index as sets (it loads as lists).

``make_tables(nlp)`` turns a loaded pipeline's components into these; the annotations are the
same, which the tests check token by token against spaCy's own components.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any, cast

from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.errors import Errors
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs
from thinc.types import Ints2d

_READ: dict[str, int] = {"LOWER": LOWER, "TAG": TAG, "DEP": DEP, "IS_SPACE": IS_SPACE}
"""The token attributes a table pattern may test (what a (word, tag, dependency) decides)."""


def make_tables(nlp: Language) -> None:
    """Make ``nlp``'s attribute ruler a ``TableAttributeRuler`` when its patterns allow, and its
    English rule lemmatizer a ``MemoLemmatizer``; other components are left as they are."""
    for _, pipe in nlp.pipeline:
        if type(pipe) is AttributeRuler and _table_patterns(pipe) is not None:
            pipe.__class__ = TableAttributeRuler
            cast(TableAttributeRuler, pipe).build_table()
        elif type(pipe) is EnglishLemmatizer and pipe.mode == "rule":
            pipe.__class__ = MemoLemmatizer
            index_words_as_sets(pipe)


# --- the attribute ruler ----------------------------------------------------------------------
class _Test:
    """One token's part of a pattern: ``{"TAG": "NN", "LOWER": {"IN": [...]}}``."""

    def __init__(self, spec: Mapping[str, Any]) -> None:
        self.checks: list[tuple[str, str, Any]] = []
        for attr, value in spec.items():
            if isinstance(value, dict):
                ((op, arg),) = value.items()
                if op == "REGEX":
                    arg = re.compile(arg)
                elif op in ("IN", "NOT_IN"):
                    arg = frozenset(arg)
                self.checks.append((attr, op, arg))
            else:
                self.checks.append((attr, "==", value))

    def __call__(self, values: Mapping[str, Any]) -> bool:
        for attr, op, arg in self.checks:
            value = values[attr]
            if op == "==":
                ok = value == arg
            elif op == "IN":
                ok = value in arg
            elif op == "NOT_IN":
                ok = value not in arg
            else:
                ok = bool(arg.search(value))
            if not ok:
                return False
        return True


def _readable(spec: object) -> bool:
    """Whether a token pattern is a table test: known attributes, one operator per value
    among ==, IN, NOT_IN and REGEX, no quantifier."""
    if not isinstance(spec, dict) or not spec:
        return False
    for attr, value in spec.items():
        if attr not in _READ:
            return False
        if isinstance(value, dict):
            if len(value) != 1 or next(iter(value)) not in ("IN", "NOT_IN", "REGEX"):
                return False
            if attr == "IS_SPACE":
                return False
        elif not isinstance(value, bool if attr == "IS_SPACE" else str):
            return False
    return True


def _table_patterns(
    ruler: AttributeRuler,
) -> list[tuple[int, list[list[_Test]], int]] | None:
    """The ruler's patterns as ``(attr_id, alternatives, index)``, each alternative a list of
    token tests; ``None`` when a pattern is not a table (see ``_readable``) or an attribute it
    sets is beyond what ``set_token_attrs`` sets on one token."""
    out = []
    for attr_id, spec in enumerate(ruler.patterns):
        attrs, patterns = cast(dict[str, Any], spec["attrs"]), cast(list[Any], spec["patterns"])
        if any(k == "_" for k in attrs):
            return None
        alternatives = []
        for pattern in patterns:
            if not pattern or not all(_readable(t) for t in pattern):
                return None
            alternatives.append([_Test(t) for t in pattern])
        out.append((attr_id, alternatives, int(cast(int, spec.get("index", 0)))))
    return out


class TableAttributeRuler(AttributeRuler):
    """spaCy's ``AttributeRuler`` deciding each distinct (word, tag, dependency) once.

    A pattern of one token matches every token with the same word, tag and dependency alike;
    a pattern of several tokens (spaCy's English has eight: "ai n't", "gon na") is tried only
    where its first token matches. Matches apply in spaCy's order (by pattern, later patterns
    overriding earlier ones), each token's attributes merged and set once.
    """

    def build_table(self) -> None:
        """Read the patterns as a table (``None`` when they are not one: spaCy's way then)."""
        patterns = _table_patterns(self)
        self.__dict__["_table"] = _TableState(patterns) if patterns is not None else None

    def add(self, patterns: Any, attrs: dict[Any, Any], index: int = 0) -> None:
        super().add(patterns, attrs, index)
        self.build_table()  # a pattern added later is decided too

    def __call__(self, doc: Doc) -> Doc:
        state: _TableState | None = self.__dict__.get("_table")
        if state is None or not len(doc):
            return super().__call__(doc)
        if not (doc.has_annotation("TAG") and doc.has_annotation("DEP")):
            return super().__call__(doc)
        try:
            state.apply(doc, self.attrs)
        except Exception as e:  # noqa: BLE001 - spaCy's own handling, as in AttributeRuler
            return self.get_error_handler()(self.name, self, [doc], e)
        return doc


class _TableState:
    """The ruler's patterns split by length, and what each (word, tag, dependency) passes."""

    def __init__(self, patterns: list[tuple[int, list[list[_Test]], int]]) -> None:
        self.tests: list[_Test] = []
        self.single: list[tuple[int, int]] = []
        """(attr_id, test number) of each one-token alternative."""
        self.multi: list[tuple[int, list[int], int]] = []
        """(attr_id, test numbers, index) of each longer alternative."""
        for attr_id, alternatives, index in patterns:
            for alt in alternatives:
                numbers = []
                for test in alt:
                    numbers.append(len(self.tests))
                    self.tests.append(test)
                if len(alt) == 1:
                    self.single.append((attr_id, numbers[0]))
                else:
                    self.multi.append((attr_id, numbers, index))
        self.passed: dict[tuple[int, int, int], tuple[tuple[int, ...], frozenset[int]]] = {}
        """(orth, tag, dep) -> the attr_ids of the one-token patterns such a token matches, in
        order, and the numbers of the tests it passes."""
        self.merged: dict[tuple[int, ...], dict[int, int]] = {}
        """Sorted attr_ids -> their attributes merged in that order."""

    def _passes(
        self, doc: Doc, key: tuple[int, int, int]
    ) -> tuple[tuple[int, ...], frozenset[int]]:
        found = self.passed.get(key)
        if found is None:
            strings = doc.vocab.strings
            orth, tag, dep = key
            lex = doc.vocab[orth]
            values = {
                "LOWER": lex.lower_,
                "TAG": strings[tag] if tag else "",
                "DEP": strings[dep] if dep else "",
                "IS_SPACE": lex.is_space,
            }
            tests = frozenset(n for n, test in enumerate(self.tests) if test(values))
            single = tuple(sorted({a for a, number in self.single if number in tests}))
            found = self.passed[key] = (single, tests)
        return found

    def apply(self, doc: Doc, attrs: Sequence[dict[int, int]]) -> None:
        rows = doc.to_array([ORTH, TAG, DEP]).tolist()
        passed = [self._passes(doc, (o, t, d)) for o, t, d in rows]
        hits: dict[int, tuple[int, ...]] = {i: p[0] for i, p in enumerate(passed) if p[0]}
        n = len(rows)
        for attr_id, numbers, index in self.multi:
            length = len(numbers)
            for start in range(n - length + 1):
                if all(numbers[k] in passed[start + k][1] for k in range(length)):
                    target = start + index if index >= 0 else start + length + index
                    if not start <= target < start + length:
                        raise ValueError(
                            Errors.E1001.format(patterns=numbers, span="", index=index)
                        )
                    hits[target] = tuple(sorted((*hits.get(target, ()), attr_id)))
        for i, ids in hits.items():
            merged = self.merged.get(ids)
            if merged is None:
                merged = {}
                for attr_id in ids:
                    merged.update(attrs[attr_id])
                self.merged[ids] = merged
            set_token_attrs(doc[i], merged)


# --- the lemmatizer ---------------------------------------------------------------------------
def index_words_as_sets(lemmatizer: EnglishLemmatizer) -> None:
    """Hold the lemmatizer's word index (``lemma_index``: the known words of each part of
    speech) as sets. spaCy's rules ask ``form in index`` for every candidate lemma, and the
    tables load as lists (57,000 nouns), so each question was a scan; a set answers the same
    question at once, so the lemmas are unchanged."""
    index = lemmatizer.lookups.get_table("lemma_index", {})
    for key in list(index.keys()):
        words = index[key]
        if isinstance(words, list):
            index[key] = frozenset(words)


class MemoLemmatizer(EnglishLemmatizer):
    """spaCy's English rule lemmatizer, remembering every lemma it finds.

    spaCy's lemmatizer visits each token in Python, and caches a lemma by word, part of speech
    and morphology except for base forms ("said" as a past tense is cached, "say" is not), the
    path most tokens of news take. A lemma depends on nothing but that key, so this one reads
    the keys of a whole doc as one array, asks spaCy's rules once per key never seen (a token
    without a part of speech every time: spaCy warns about it), and writes the lemmas back as
    one array: the same lemmas, at a fraction of the cost.
    """

    def __call__(self, doc: Doc) -> Doc:
        if self.mode != "rule":
            return super().__call__(doc)
        if not self._validated:
            self._validate_tables(Errors.E1004)
        memo: dict[tuple[int, int, int], int] = self.__dict__.setdefault("_memo", {})
        strings = doc.vocab.strings
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = rows[:, 3].copy()
        try:
            for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
                if lemma and not self.overwrite:
                    continue
                key = (orth, pos, morph)
                found = memo.get(key)
                if found is None:
                    found = strings.add(self.lemmatize(doc[i])[0])
                    if pos:
                        memo[key] = found
                lemmas[i] = found
            doc.from_array([LEMMA], cast(Ints2d, lemmas.reshape(-1, 1)))
        except Exception as e:  # noqa: BLE001 - spaCy's own handling, as in Lemmatizer.__call__
            self.get_error_handler()(self.name, self, [doc], e)
        return doc
