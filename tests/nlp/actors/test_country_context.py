"""Country from context (issue 12, item 3): each mistake seen on real news, on a short article
written in the same shape."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from communique.nlp.extensions import ActorCluster


@pytest.fixture(scope="module")
def nlp_actors() -> Language:
    from communique.nlp.pipeline import load_pipeline

    return load_pipeline(components_to_add=("communique_actors",))


def _actors(nlp: Language, text: str) -> list[ActorCluster]:
    doc = nlp.make_doc(text)
    doc._.published = dt.date(2005, 3, 1)
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return list(doc._.actors)


def _at(actors: list[ActorCluster], text: str, words: str) -> ActorCluster:
    """The actor with a mention overlapping the first occurrence of ``words``."""
    i = text.index(words)
    for a in actors:
        if any(m.start_char < i + len(words) and i < m.end_char for m in a.mentions):
            return a
    raise AssertionError(f"no actor for {words!r}: {[(a.name, a.code) for a in actors]}")


def _none_at(actors: list[ActorCluster], text: str, words: str) -> None:
    i = text.index(words)
    found = [
        a.name
        for a in actors
        if any(m.start_char < i + len(words) and i < m.end_char for m in a.mentions)
    ]
    assert not found, f"{words!r} made actors {found}"


ATLANTA = (
    "ATLANTA, Georgia (AP) - Police in Atlanta, Georgia, arrested two men on Friday after a "
    "shooting at a shopping mall. The governor of Georgia called for calm."
)
TBILISI = (
    "TBILISI, Georgia (AP) - Police in Tbilisi arrested two men on Friday after a shooting "
    "at a market. The president of Georgia called for calm."
)


@pytest.mark.parametrize(
    ("text", "words", "country"),
    [
        (ATLANTA, "Police", "USA"),
        (ATLANTA, "Georgia,", "USA"),
        (ATLANTA, "governor", "USA"),
        (TBILISI, "Police", "GEO"),
        (TBILISI, "president", "GEO"),
        (
            "The company, based in Atlanta, Georgia, said it would cut 500 jobs.",
            "company",
            "USA",
        ),
    ],
)
def test_georgia_the_state_is_read_by_its_neighbours(
    nlp_actors: Language, text: str, words: str, country: str
) -> None:
    assert _at(_actors(nlp_actors, text), text, words).country == country


def test_a_dateline_city_and_region_are_no_actors(nlp_actors: Language) -> None:
    actors = _actors(nlp_actors, ATLANTA)
    _none_at(actors, ATLANTA, "ATLANTA")


def test_us_states_are_not_the_united_states(nlp_actors: Language) -> None:
    text = (
        "Voters in Texas and Ohio went to the polls on Tuesday. Texas sued the federal "
        "government over the rules, and the United States said it would appeal."
    )
    actors = _actors(nlp_actors, text)
    usa = _at(actors, text, "United States")
    assert usa.kind == "country" and usa.name == "United States"
    ohio = _at(actors, text, "Ohio")
    assert ohio.kind != "country" and ohio.country == "USA" and ohio is not usa
    sued = _at(actors, text, "Texas sued")
    assert (sued.kind, sued.name, sued.code) == ("organization", "Texas", "USAGOV")
    assert all(a.kind != "country" or a.name == "United States" for a in actors)


@pytest.mark.parametrize(
    ("text", "words", "code"),
    [
        ("Moscow said on Monday it would not accept the proposal.", "Moscow", "RUSGOV"),
        ("The proposal was rejected by Washington on Monday.", "Washington", "USAGOV"),
        ("Thousands of people marched through Moscow on Saturday.", "Moscow", "RUSCVL"),
        ("The Moscow city council said the rally was peaceful.", "Moscow", "RUSCVL"),
        ("Snow fell overnight, and the Washington police closed roads.", "police", "USACOP"),
    ],
)
def test_capitals_are_governments_only_when_they_act(
    nlp_actors: Language, text: str, words: str, code: str
) -> None:
    assert _at(_actors(nlp_actors, text), text, words).code == code


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("European shares fell sharply on Monday, and Asian markets followed.", "European"),
        ("European shares fell sharply on Monday, and Asian markets followed.", "Asian"),
        ("Hindu nationalists protested in the city on Friday.", "Hindu"),
        ("The talks will resume at 10:00 GMT on Tuesday, the ministry said.", "GMT"),
        ("Experts warned that AI could replace many jobs.", "AI"),
    ],
)
def test_adjectives_and_common_abbreviations_are_no_actors(
    nlp_actors: Language, text: str, words: str
) -> None:
    _none_at(_actors(nlp_actors, text), text, words)


INDIA = (
    "NEW DELHI (Reuters) - India's Supreme Court on Monday ordered the release of the "
    "detainees. The Supreme Court said the government had acted unlawfully. The Justice "
    "Ministry declined to comment."
)


@pytest.mark.parametrize(
    ("text", "words", "code"),
    [
        (INDIA, "Supreme Court on", "INDJUD"),
        (INDIA, "Supreme Court said", "INDJUD"),
        (INDIA, "government", "INDGOV"),
        (INDIA, "Justice", "INDGOV"),
        ("The U.S. Supreme Court struck down the law on Monday.", "Supreme Court", "USAJUD"),
    ],
)
def test_courts_and_ministries_take_the_country_of_their_article(
    nlp_actors: Language, text: str, words: str, code: str
) -> None:
    assert _at(_actors(nlp_actors, text), text, words).code == code


def test_a_court_of_no_stated_country_has_none(nlp_actors: Language) -> None:
    text = "The Supreme Court said on Monday that the law was void."
    court = _at(_actors(nlp_actors, text), text, "Supreme Court")
    assert court.country is None and not court.named


@pytest.mark.parametrize(
    ("text", "words", "code"),
    [
        ("NATO and APEC leaders met in Sydney on Friday.", "NATO", "IGOMIL"),
        ("APEC said trade would grow next year.", "APEC", "IGOBUS"),
        ("Amnesty International condemned the killings.", "Amnesty", "NGO"),
        ("ZAGREB - A human rights group said police had beaten prisoners.", "group", "NGOHRI"),
        ("A human rights group in Zagreb said police had beaten prisoners.", "group", "HRVHRI"),
    ],
)
def test_international_organisations_have_their_kind(
    nlp_actors: Language, text: str, words: str, code: str
) -> None:
    assert _at(_actors(nlp_actors, text), text, words).code == code


@pytest.mark.parametrize(
    ("text", "words", "code"),
    [
        ("Kurds in northern Iraq celebrated the vote.", "Kurds", "IRQCVLkur"),
        ("Shiite Muslims in Baghdad marched on Friday.", "Shiite", "IRQCVL"),
        ("Bosnian Serbs demanded a truce on Monday.", "Bosnian Serbs", "BIHCVLsrp"),
        (
            "Ethnic Albanian guerrillas operating in Macedonia laid down their arms.",
            "guerrillas",
            "MKDREBalb",
        ),
        ("The Serbs demanded a truce with Moslem forces in east Bosnia.", "forces", "BIHREB"),
        ("Refugees fleeing the fighting in Darfur crossed into Chad.", "Refugees", "SDNREF"),
        ("Three British nationals were detained in Iran.", "nationals", "GBRCVL"),
    ],
)
def test_peoples_faiths_refugees_and_nationals_have_their_country(
    nlp_actors: Language, text: str, words: str, code: str
) -> None:
    assert _at(_actors(nlp_actors, text), text, words).code == code
