"""Actor errors that made events wrong on BBC business and politics news, each on a short
article written in the same shape: descriptions placed beyond any one state ("a foreign oil
company", "European firms") take no country from their context; a title's sector follows the
words that qualify it ("chief financial officer", "financial advisers", a bare "officer");
a description with no country of its own takes the country of the article's people, and "MPs
there" the place named before; watchdogs are regulators (Phoenix: REGULATOR, GOV), and the
Paris Club, the ECB and ONGC have the codes of what they are."""

from __future__ import annotations

import pytest
from spacy.language import Language

from communique.knowledge.actor_lexicon import load_actor_knowledge
from communique.nlp.extensions import ActorCluster


@pytest.fixture(scope="module")
def nlp_actors() -> Language:
    from communique.nlp.pipeline import load_pipeline

    return load_pipeline(components_to_add=("communique_actors",))


def _covering(nlp: Language, text: str, words: str) -> list[ActorCluster]:
    i = text.index(words)
    return [
        a
        for a in nlp(text)._.actors
        if any(m.start_char < i + len(words) and i < m.end_char for m in a.mentions)
    ]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            "BAGHDAD (Reuters) - Iraq has signed its first deal with a foreign oil company "
            "since the war, the ministry said.",
            "company",
        ),
        ("Iraq said the overseas firm would run the field for 20 years.", "firm"),
        ("International investors welcomed the deal Iraq signed on Monday.", "investors"),
        ("Shares fell in Tokyo after global investors sold Japanese bonds.", "investors"),
    ],
)
def test_a_foreign_description_takes_no_country_from_context(
    nlp_actors: Language, text: str, words: str
) -> None:
    found = _covering(nlp_actors, text, words)
    assert found, "no actor"
    assert all(a.country is None for a in found), [(a.name, a.code) for a in found]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("European firms have been hit by the strong euro, US officials said.", "European"),
        ("Asian investors bought American bonds on Monday.", "Asian investors"),
        ("Latin American leaders met in Brasilia with US envoys.", "Latin American"),
        ("European leaders said the US must act.", "European leaders"),
        ("North African leaders asked France for help.", "North African"),
    ],
)
def test_a_continents_adjective_is_no_country(nlp_actors: Language, text: str, words: str) -> None:
    found = _covering(nlp_actors, text, words)
    assert found, "no actor"
    assert all(a.country is None for a in found), [(a.name, a.code) for a in found]


def test_a_continents_description_does_not_merge_with_a_countrys(nlp_actors: Language) -> None:
    text = (
        "European firms have been hit by the strong euro. American firms said little, and "
        "the US firms that export did best."
    )
    european = _covering(nlp_actors, text, "European firms")
    american = _covering(nlp_actors, text, "American firms")
    assert european and american
    assert {id(a) for a in european}.isdisjoint({id(a) for a in american})
    assert all(a.code == "USABUS" for a in american), [(a.name, a.code) for a in american]


def test_a_country_adjective_after_a_beyond_word_keeps_its_country(
    nlp_actors: Language,
) -> None:
    text = "Iraq signed the deal with the Indian foreign ministry on Monday."
    found = _covering(nlp_actors, text, "ministry")
    assert [a.code for a in found] == ["INDGOV"], [(a.name, a.code) for a in found]


@pytest.mark.parametrize(
    ("text", "words", "code"),
    [
        (
            "Parmalat has sued its former auditors and financial advisors in Italy.",
            "financial advisors",
            "ITABUS",
        ),
        (
            "Ford said its chief financial officer would step down in March, "
            "a US newspaper reported.",
            "chief financial officer",
            "USABUS",
        ),
        ("The company officer said sales were weak in Germany.", "company officer", "DEUBUS"),
        ("An army officer was hurt in Kabul, Afghanistan.", "army officer", "AFGMIL"),
        ("A police officer was hurt in Kabul, Afghanistan.", "police officer", "AFGCOP"),
    ],
)
def test_a_titles_sector_follows_its_qualifier(
    nlp_actors: Language, text: str, words: str, code: str
) -> None:
    found = _covering(nlp_actors, text, words)
    assert code in {a.code for a in found}, [(a.name, a.code) for a in found]


def test_a_bare_officer_is_no_government(nlp_actors: Language) -> None:
    text = "An officer was injured in London on Monday, the mayor said."
    found = _covering(nlp_actors, text, "officer")
    assert found, "no actor"
    assert all(a.sector != "GOV" for a in found), [(a.name, a.code) for a in found]


def test_the_articles_people_say_its_country(nlp_actors: Language) -> None:
    text = (
        "Tony Blair told MPs on Wednesday that the economy was strong. The prime minister "
        "said the United States would also benefit. MPs voted 300 to 200."
    )
    doc = nlp_actors(text)
    mps = [
        a for a in doc._.actors if any(m.text == "MPs" for m in a.mentions) and a.kind != "person"
    ]
    assert mps and all(a.code == "GBRLEG" for a in mps), [(a.name, a.code) for a in mps]


def test_there_points_back_to_the_place_named_before(nlp_actors: Language) -> None:
    text = (
        "A Turkish firm may pull out of a deal to build a network in Iran after MPs there "
        "cut its stake."
    )
    found = _covering(nlp_actors, text, "MPs")
    assert [a.code for a in found] == ["IRNLEG"], [(a.name, a.code) for a in found]


@pytest.mark.parametrize(
    ("text", "words", "code"),
    [
        ("The city watchdog said London banks must pay.", "watchdog", "GBRGOV"),
        ("The European Central Bank left its rates unchanged.", "Central Bank", "IGOBUS"),
        ("Human Rights Watch, a rights watchdog, criticised Kenya.", "rights watchdog", "HRI"),
        (
            "The Paris Club of creditor nations agreed to write off Iraq's debt.",
            "Paris Club",
            "IGOBUS",
        ),
        ("Firms led by ONGC will help develop Iranian oil fields.", "ONGC", "INDBUS"),
    ],
)
def test_watchdogs_and_named_bodies(nlp_actors: Language, text: str, words: str, code: str) -> None:
    found = _covering(nlp_actors, text, words)
    codes = {a.code or "" for a in found}
    assert any(c.endswith(code) for c in codes), [(a.name, a.code) for a in found]


def test_beyond_state_words_are_lower_case_and_not_countries() -> None:
    kb = load_actor_knowledge()
    assert {"foreign", "european"} <= kb.beyond_state
    assert "latin" in kb.region_words
    for word in kb.beyond_state | kb.region_words:
        assert word == word.lower()
        assert not any(h.iso3 for h in kb.name(word.title())), word
