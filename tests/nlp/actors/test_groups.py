"""Role nominals are descriptions, names are named; one draft per key whatever its case."""

from __future__ import annotations

import pytest
from spacy.language import Language

from communique.nlp.extensions import ActorCluster


def _find(actors: list[ActorCluster], name: str) -> ActorCluster:
    found = [a for a in actors if a.name.lower() == name.lower()]
    assert len(found) == 1, [(a.name, a.code) for a in actors]
    return found[0]


@pytest.mark.parametrize(
    ("text", "name", "named"),
    [
        ("Police said the protest was peaceful, Reuters reported.", "Police", False),
        ("Police said the protest was peaceful, Reuters reported.", "Reuters", True),
        ("Turkish officials said the border was closed.", "Turkish officials", False),
        ("The company said profits rose at Oxfam.", "company", False),
        ("Russia said it would respond.", "Russia", True),
    ],
)
def test_descriptions_and_names(nlp: Language, text: str, name: str, named: bool) -> None:
    assert _find(nlp(text)._.actors, name).named is named


def test_one_actor_whatever_the_case_of_its_name(nlp: Language) -> None:
    doc = nlp("HAMAS leaders met in Gaza. Hamas said it would talk.")
    hamas = _find(doc._.actors, "Hamas")
    assert [m.text for m in hamas.mentions] == ["HAMAS", "Hamas"]
    assert hamas.code == "PSEREB"


def test_the_record_carries_named(analyzer) -> None:  # type: ignore[no-untyped-def]
    from communique.records import Document

    analysis = analyzer.analyze_one(
        Document(
            source="t.txt", id="t", text="Police said the protest was peaceful, Reuters reported."
        )
    )
    named = {a.name: a.named for a in analysis.actors}
    assert named["Reuters"] is True and named["police"] is False  # read as within a sentence
    assert all(a.to_dict()["named"] is a.named for a in analysis.actors)


def test_a_known_name_heading_a_longer_name_is_another_body(nlp: Language) -> None:
    doc = nlp("The Trades Union Congress said it would strike. The bill was approved by Congress.")
    tuc = _find(doc._.actors, "Trades Union Congress")
    assert tuc.kind == "organization" and tuc.code != "USALEG"
    assert _find(doc._.actors, "Congress").code == "USALEG"


def test_an_institution_word_alone_is_a_description(nlp: Language) -> None:
    doc = nlp("Lawmakers met in Canberra. Parliament voted on the bill on Monday.")
    parliament = _find(doc._.actors, "Parliament")
    assert parliament.code == "AUSLEG" and not parliament.named  # aggregated by its code
