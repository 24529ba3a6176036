"""The CAMEO codebook and the event lexicon files that point into it."""

from __future__ import annotations

import csv

import pytest

from communique.knowledge import read_table
from communique.knowledge.cameo import Codebook

from helpers import shared_path


@pytest.fixture(scope="module")
def book() -> Codebook:
    return Codebook.load()


def test_every_root_is_present(book: Codebook) -> None:
    assert [c.code for c in book.roots()] == [f"{i:02d}" for i in range(1, 21)]


@pytest.mark.parametrize(
    ("code", "name", "goldstein", "quad", "plover"),
    [
        ("043", "Host a visit", 2.8, 1, "CONSULT"),
        ("075", "Grant asylum", 7.0, 2, "AID"),
        ("111", "Criticize or denounce", -2.0, 3, "ACCUSE"),
        ("163", "Impose embargo, boycott, or sanctions", -8.0, 4, "COERCE"),
        ("010", "Make statement", 0.0, 1, None),
    ],
)
def test_lookup(
    book: Codebook, code: str, name: str, goldstein: float, quad: int, plover: str | None
) -> None:
    entry = book[code]
    assert (entry.name, entry.goldstein, entry.quad_class, entry.plover) == (
        name,
        goldstein,
        quad,
        plover,
    )
    assert book.quad_class(code) == quad
    assert book.root_name(code) == book[code[:2]].name


def test_unknown_code_falls_back_to_its_parent_and_absent_is_none(book: Codebook) -> None:
    assert book.lookup("0439") == book["043"]
    assert book.lookup("99") is None
    assert book.name("99") is None
    assert book.get("0439") is None


def test_every_code_is_well_formed(book: Codebook) -> None:
    assert len(book) > 280
    for code, entry in book.items():
        assert code.isdigit() and 2 <= len(code) <= 4
        assert 1 <= entry.quad_class <= 4
        assert -10.0 <= entry.goldstein <= 10.0
        assert code[:2] in book
        assert entry.quad_class == book[code[:2]].quad_class


@pytest.mark.parametrize(
    ("name", "column"),
    [("verbs.tsv", "code"), ("event_nouns.tsv", "code")],
)
def test_lexicon_codes_are_in_the_codebook(book: Codebook, name: str, column: str) -> None:
    rows = list(read_table(name))
    assert rows
    # an empty code is a discard (verbs.tsv: "the phrase codes nothing"), no code to look up
    assert [r for r in rows if r[column] and r[column] not in book] == []


def test_lexicon_covers_every_root(book: Codebook) -> None:
    roots = {r["code"][:2] for r in read_table("verbs.tsv") if r["code"]}  # "": a discard
    assert roots == {f"{i:02d}" for i in range(1, 21)}


def test_facts_agree_with_the_public_codebook(book: Codebook) -> None:
    path = shared_path("reference", "cameo_codes.tsv")
    with path.open(encoding="utf-8") as fh:
        public = list(csv.DictReader(fh, delimiter="\t"))
    assert {r["cameo_code"] for r in public} == set(book)
    for row in public:
        entry = book[row["cameo_code"]]
        assert entry.quad_class == int(row["quad_class"])
        if row["goldstein"]:
            assert entry.goldstein == float(row["goldstein"])


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("verbs.tsv", ("verb", "object")),
        ("event_nouns.tsv", ("noun",)),
        ("event_modals.tsv", ("word",)),
        ("event_agents.tsv", ("noun",)),
    ],
)
def test_lexicon_files_have_no_duplicate_keys(name: str, key: tuple[str, ...]) -> None:
    seen: set[tuple[str, ...]] = set()
    for row in read_table(name):
        k = tuple(row[c] for c in key)
        assert k not in seen, f"{name}: {k} appears twice (the later row would silently win)"
        seen.add(k)
