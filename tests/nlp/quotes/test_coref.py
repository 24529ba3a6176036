"""Tests for pronoun and title resolution, on hand-made docs and actors."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from communique.nlp.extensions import ActorCluster, register_extensions
from communique.nlp.quotes.coref import compatible, resolve_pronoun, resolve_title


@pytest.fixture(scope="module")
def blank() -> Language:
    register_extensions()
    return spacy.blank("en")


def make(
    blank: Language, text: str, actors: dict[str, tuple[str, str | None, bool, str | None]]
) -> Doc:
    """A doc whose actors have every mention of their last name (kind, gender, plural, role)."""
    doc = blank(text)
    clusters = []
    for n, (name, (kind, gender, plural, role)) in enumerate(actors.items()):
        key = name.split()[-1]
        mentions = [doc[t.i : t.i + 1] for t in doc if t.text == key]
        clusters.append(
            ActorCluster(
                id=f"a{n}",
                name=name,
                kind=kind,
                mentions=mentions,
                gender=gender,
                plural=plural,
                role=role,
            )
        )
    doc._.actors = clusters
    return doc


def token(doc: Doc, text: str, nth: int = 0) -> int:
    return [t.i for t in doc if t.text == text][nth]


PEOPLE = {
    "Hillary Clinton": ("person", "f", False, None),
    "Donald Trump": ("person", "m", False, None),
    "Senate Republicans": ("group", None, True, None),
}


@pytest.mark.parametrize(
    ("text", "pronoun", "expected"),
    [
        ("Clinton met Trump . she said no", "she", "Hillary Clinton"),
        ("Trump met Clinton . he said no", "he", "Donald Trump"),
        ("Clinton met Trump . Republicans left . they said no", "they", "Senate Republicans"),
        ("Trump met Clinton . she said no", "she", "Hillary Clinton"),
        ("Clinton met Trump . his claim", "his", "Donald Trump"),
        ("Clinton met Trump . Republicans left . their claim", "their", "Senate Republicans"),
    ],
)
def test_nearest_compatible_by_gender_and_number(
    blank: Language, text: str, pronoun: str, expected: str
) -> None:
    doc = make(blank, text, PEOPLE)
    found = resolve_pronoun(doc, doc[token(doc, pronoun)])
    assert found is not None and found.name == expected


def test_current_speaker_of_the_paragraph_wins(blank: Language) -> None:
    doc = make(
        blank,
        "Trump spoke . Smith arrived . he said no",
        {**PEOPLE, "John Smith": ("person", "m", False, None)},
    )
    trump = next(a for a in doc._.actors if a.name == "Donald Trump")
    assert resolve_pronoun(doc, doc[token(doc, "he")]).name == "John Smith"  # type: ignore[union-attr]
    assert resolve_pronoun(doc, doc[token(doc, "he")], current=trump) is trump


def test_current_speaker_of_unknown_gender_yields_to_a_later_gendered_person(
    blank: Language,
) -> None:
    actors = {"Jeff Merkley": ("person", None, False, None), **PEOPLE}
    doc = make(blank, "Merkley spoke . Clinton arrived . she said no", actors)
    merkley = next(a for a in doc._.actors if a.name == "Jeff Merkley")
    found = resolve_pronoun(doc, doc[token(doc, "she")], current=merkley)
    assert found is not None and found.name == "Hillary Clinton"
    # ... but keeps the floor when no one of that gender came after it
    doc = make(blank, "Clinton arrived . Merkley spoke . she said no", actors)
    merkley = next(a for a in doc._.actors if a.name == "Jeff Merkley")
    assert resolve_pronoun(doc, doc[token(doc, "she")], current=merkley) is merkley


def test_incompatible_current_speaker_is_passed_over(blank: Language) -> None:
    doc = make(blank, "Trump spoke . Clinton arrived . he said no", PEOPLE)
    clinton = next(a for a in doc._.actors if a.name == "Hillary Clinton")
    found = resolve_pronoun(doc, doc[token(doc, "he")], current=clinton)
    assert found is not None and found.name == "Donald Trump"


def test_mentions_that_are_skipped_are_no_antecedents(blank: Language) -> None:
    doc = make(
        blank,
        "Trump spoke : Smith is wrong . he said",
        {"Donald Trump": ("person", "m", False, None), "John Smith": ("person", "m", False, None)},
    )
    inside = set(range(token(doc, ":") + 1, token(doc, ".")))
    found = resolve_pronoun(doc, doc[token(doc, "he")], skip=inside.__contains__)
    assert found is not None and found.name == "Donald Trump"


def test_first_and_second_person_are_not_resolved(blank: Language) -> None:
    doc = make(blank, "Republicans met . we said no", PEOPLE)
    assert resolve_pronoun(doc, doc[token(doc, "we")]) is None


def test_nothing_compatible_gives_none(blank: Language) -> None:
    doc = make(
        blank, "Clinton spoke . he said no", {"Hillary Clinton": ("person", "f", False, None)}
    )
    assert resolve_pronoun(doc, doc[token(doc, "he")]) is None


@pytest.mark.parametrize(
    ("kind", "plural", "pronoun", "ok"),
    [
        ("person", False, "he", True),
        ("country", False, "he", False),
        ("country", False, "it", True),
        ("group", True, "they", True),
        ("person", False, "they", False),
        ("organization", False, "it", True),
        # possessives of report nouns ("his claim", "their statement")
        ("person", False, "his", True),
        ("group", True, "their", True),
        ("person", False, "their", False),
        ("organization", False, "its", True),
        ("person", False, "its", False),
    ],
)
def test_compatible(kind: str, plural: bool, pronoun: str, ok: bool) -> None:
    actor = ActorCluster(id="a", name="X", kind=kind, plural=plural)
    assert compatible(actor, pronoun) is ok


def test_title_resolves_to_the_role_holder(blank: Language) -> None:
    doc = make(
        blank,
        "Lavrov met Kerry . the Russian foreign minister said no",
        {
            "Sergei Lavrov": ("person", "m", False, "Foreign Minister"),
            "John Kerry": ("person", "m", False, "Secretary of State"),
        },
    )
    doc._.actors[0].country = "RUS"
    doc._.actors[1].country = "USA"
    start = token(doc, "the")
    span = doc[start : start + 4]
    found = resolve_title(doc, span, demonyms={"russian": "RUS"})
    assert found is not None and found.name == "Sergei Lavrov"
    assert resolve_title(doc, span, demonyms={"russian": "USA"}) is None
    assert resolve_title(doc, doc[start : start + 2]) is None
