"""Fan-out, precision on news outside politics, and the codebook's police and protest phrasings.

Sentences written for these tests in the style of wire copy and of business, technology and
sports news. The fan-out and precision tests stand in for the actors component
(``event_helpers``); the police and protest tests run the whole pipeline, because whom
"police", "protesters" or "workers" stand for is the actors component's reading.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from spacy.language import Language

from communique.nlp.events import EventCoder

from event_helpers import code_text, triples, with_actors

Triple = tuple[str | None, str | None, str]


def _pairs(found: set[Triple]) -> set[tuple[str | None, str | None]]:
    return {(s, t) for s, t, _ in found}


# -- fan-out: one event per (source, target) that the grammar supports ------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # coordinated targets of the clause's own object or prepositional target fan out
        ("Russia imposed sanctions on Iran and Turkey.", {("RUS", "IRN"), ("RUS", "TUR")}),
        ("France pledged aid for Iran and Turkey.", {("FRA", "IRN"), ("FRA", "TUR")}),
        ("Russia criticized Iran, Turkey and Japan.", {("RUS", c) for c in ("IRN", "TUR", "JPN")}),
    ],
)
def test_coordinated_targets_fan_out(
    base: Language, coder: EventCoder, text: str, expected: set[tuple[str, str]]
) -> None:
    assert _pairs(triples(base, coder, text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        # an appeal is aimed at whom it asks: those the aid is for are helped, not asked
        "The United States appealed for aid for Iran, Turkey and Japan.",
        "The United States appealed for aid for Iran.",
    ],
)
def test_the_beneficiaries_of_what_an_appeal_asks_for_are_no_targets(
    base: Language, coder: EventCoder, text: str
) -> None:
    found = triples(base, coder, text)
    assert not {t for _, t, _ in found} & {"IRN", "TUR", "JPN"}


# -- precision: verb senses that are no political act ----------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Three executives were fired in January.",  # dismissed, not shot at
        "She says she has been fired.",
        "Exxon demonstrated its new products in London.",  # shown, not a protest
        "France released a new report on Tuesday.",  # published, no prisoner freed
        "Russia received a notice from Japan.",  # no visit hosted
        "Obama warned Russia against a possible invasion of Turkey.",  # no invasion
        "Turkey hoped to reach an agreement with Iran.",  # a hope, no agreement ("hoped": "hop")
    ],
)
def test_verb_senses_and_possibilities_code_no_act(
    base: Language, coder: EventCoder, text: str
) -> None:
    codes = {c[:2] for _, _, c in triples(base, coder, text)}
    assert not codes & {"19", "14", "08", "04", "05"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Turkey fired rockets at Iran.", ("TUR", "IRN", "19")),
        ("Russia's invasion of Turkey angered Japan.", ("RUS", "TUR", "19")),
        ("Turkey agreed to reach an agreement with Iran.", ("TUR", "IRN", "03")),
    ],
)
def test_the_same_words_still_code_the_act(
    base: Language, coder: EventCoder, text: str, expected: Triple
) -> None:
    assert expected in {(s, t, c[:2]) for s, t, c in triples(base, coder, text)}


def test_commerce_between_private_parties_is_no_event(base: Language, coder: EventCoder) -> None:
    # a company's chief stepping down, a company offering people its goods
    for text in ("Exxon's chief executive stepped down last week.", "Exxon agreed to help people."):
        assert not triples(base, coder, text)


def test_a_country_in_a_sports_article_is_a_team(base: Language, coder: EventCoder) -> None:
    text = "France travel to London with high hopes."
    assert ("FRA", "GBR", "042") in triples(base, coder, text)  # elsewhere: a visit
    doc = with_actors(base(text))
    doc._.published = dt.date(2013, 8, 9)
    doc._.topics = ["sport"]
    assert not coder(doc)._.events


# -- the codebook's police and protest phrasings, on the whole pipeline -----------------------


def _coded(nlp: Any, text: str) -> set[Triple]:
    doc = nlp.make_doc(text)
    doc._.published = dt.date(2024, 1, 10)
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return {(e.source_code, e.target_code, e.code) for e in doc._.events}


def _sector(code: str | None) -> str:
    return (code or "")[3:6] if code and len(code) >= 6 else (code or "")


@pytest.mark.parametrize(
    ("text", "code", "source", "target"),
    [
        # (text, CAMEO code or root, source sector, target sector); "" = any
        ("Police arrested 12 protesters in Cairo on Friday.", "173", "COP", ""),
        ("Dozens of protesters were arrested in Moscow.", "173", "COP", ""),
        ("Security forces fired tear gas at protesters in Khartoum.", "175", "", ""),
        ("Riot police used water cannon to disperse the crowd in Istanbul.", "175", "COP", ""),
        ("Workers went on strike over pay in Kenya.", "143", "LAB", "GOV"),
        ("Iranian workers began a hunger strike on Monday.", "142", "LAB", "GOV"),
        ("Students staged a sit-in at the university in Dhaka.", "141", "EDU", "GOV"),
        ("Workers walked off the job in Kenya.", "143", "LAB", "GOV"),
        ("Thousands rallied in Tbilisi against the new law.", "141", "", "GOV"),
        ("Rebels ambushed an army convoy in Mali, killing five soldiers.", "19", "REB", "MIL"),
        ("A journalist was detained at the border.", "173", "", "JRN"),
        ("Police raided the offices of Amnesty International in Ankara.", "17", "COP", ""),
        ("A suicide bomber killed 20 people in Baghdad.", "18", "REB", "CVL"),
        # force used by protesters is a violent protest, force used on them repression
        ("Protesters stormed the parliament building in Colombo.", "145", "OPP", ""),
        ("Police fired rubber bullets at demonstrators in Santiago.", "175", "COP", ""),
        ("Soldiers opened fire on demonstrators in Yangon.", "175", "MIL", ""),
    ],
)
def test_police_and_protest_language_is_coded(
    nlp: Any, text: str, code: str, source: str, target: str
) -> None:
    found = _coded(nlp, text)
    assert any(
        c.startswith(code)
        and (not source or _sector(s) == source)
        and (not target or _sector(t) == target)
        for s, t, c in found
    ), found


@pytest.mark.parametrize(
    "text",
    [
        "The chief executive and two other executives were fired in January.",
        "Computer giant Microsoft demonstrated its new phones at the fair.",
        "The record company is releasing the singles at the rate of one a week in Britain.",
    ],
)
def test_business_news_codes_no_force_protest_or_release(nlp: Any, text: str) -> None:
    assert not {c[:2] for _, _, c in _coded(nlp, text)} & {"19", "14", "08"}


def test_a_clash_between_protesters_and_police_codes_riot_and_repression(nlp: Any) -> None:
    found = _coded(nlp, "Demonstrators clashed with police in Nairobi.")
    codes = {(_sector(s), _sector(t), c) for s, t, c in found}
    assert ("COP", "CVL", "175") in codes or ("COP", "OPP", "175") in codes
    assert any(c == "145" and t == "COP" for _, t, c in codes)


def test_the_stand_in_actors_code_protest_force_alike(base: Language, coder: EventCoder) -> None:
    # with the stand-in actors the protesters are no actor: their force is still a riot
    doc = code_text(base, coder, "Protesters stormed the parliament building in Algiers.")
    assert {e.code for e in doc._.events} == {"145"}


@pytest.mark.parametrize(
    "text",
    [
        "Mira Nair's Indian-style adaptation of the novel has been attacked by critics in the "
        "US, who described its songs as jarring.",
        "The Indian remake has been attacked by critics in Britain.",
    ],
)
def test_a_work_is_no_victim_of_violence(nlp: Any, text: str) -> None:
    assert not {c[:2] for _, _, c in _coded(nlp, text)} & {"18", "19"}


def test_an_attack_on_people_is_still_coded(nlp: Any) -> None:
    found = _coded(nlp, "Russian troops attacked Georgian positions near Tskhinvali.")
    assert any(c.startswith("19") for _, _, c in found), found


@pytest.mark.parametrize(
    "text",
    [
        "The UN is examining whether Syrian troops attacked the village.",
        "Police are investigating whether the song incites the assault of gay people.",
    ],
)
def test_an_embedded_question_reports_no_act(nlp: Any, text: str) -> None:
    assert not {c[:2] for _, _, c in _coded(nlp, text)} & {"18", "19"}


def test_an_act_beside_an_embedded_question_is_still_coded(nlp: Any) -> None:
    text = "Syrian troops attacked the village, and the UN is examining whether to respond."
    assert any(c.startswith("19") for _, _, c in _coded(nlp, text))
