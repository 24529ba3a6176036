"""Issue 12, actors round 3 of this stop: the article's own words win over our tables, and a
name is only a name (short articles written for these tests)."""

from __future__ import annotations

import datetime as dt

from actor_helpers import dated_actors, named
from spacy.language import Language


def test_an_undated_article_takes_no_office_from_the_table(nlp: Language) -> None:
    text = "Gordon Brown met bankers in London on Monday to discuss the economy and taxes."
    brown = named(dated_actors(nlp, text), "Brown")
    assert brown.role is None  # which of his offices the undated text does not say
    assert brown.code == "GBRGOV"  # his country and branch hold through both


def test_a_dated_article_takes_the_office_held_that_day(nlp: Language) -> None:
    text = "Gordon Brown met bankers in London on Monday to discuss the economy and taxes."
    assert named(dated_actors(nlp, text, dt.date(2005, 3, 1)), "Brown").role == "Chancellor"
    assert named(dated_actors(nlp, text, dt.date(2009, 3, 1)), "Brown").role == "Prime Minister"


def test_a_definite_title_of_his_country_describes_the_named_person(nlp: Language) -> None:
    text = (
        "Gordon Brown has urged rich nations to cancel the debts of poor ones. "
        "Speaking in Ghana, the UK chancellor said a deal was close."
    )
    actors = dated_actors(nlp, text)
    brown = named(actors, "Brown")
    assert brown.role == "Chancellor"
    assert any("chancellor" in m.text for m in brown.mentions)


def test_a_bare_surname_in_a_match_report_is_no_statesman(nlp: Language) -> None:
    text = (
        "Rovers beat City 2-1 on Saturday. Brown headed the winner after the break and "
        "Smith said the squad had deserved it."
    )
    brown = named(dated_actors(nlp, text), "Brown")
    assert brown.code is None and brown.role is None


def test_a_title_before_a_full_name_is_no_part_of_it(nlp: Language) -> None:
    text = "The film showed MEP Nigel Farage arguing with the party leader about the plans."
    farage = named(dated_actors(nlp, text), "Farage")
    assert farage.name == "Nigel Farage"
    assert farage.role == "MEP"


def test_a_dash_ends_a_name_and_a_preposition_opens_none(nlp: Language) -> None:
    text = (
        "He will stand beside Alan Milburn - the man who runs the campaign - on Monday. "
        "Across Wales, teachers and nurses walked out over pensions."
    )
    names = [a.name for a in dated_actors(nlp, text)]
    assert "Alan Milburn" in names
    assert not [n for n in names if n.startswith(("Across", "Alan Milburn -"))]


def test_an_undated_article_that_writes_the_office_gives_it(nlp: Language) -> None:
    text = (
        "Tony Blair told voters in Leeds that schools would get more money. "
        "The prime minister said the plan was fully costed."
    )
    blair = named(dated_actors(nlp, text), "Blair")
    assert blair.role == "Prime Minister"
    assert any("prime minister" in m.text for m in blair.mentions)


def test_a_capitalised_title_alone_makes_no_news_of_state(nlp: Language) -> None:
    text = (
        "Sale: Robinson, Mayor, Taylor, Brown, Cueto. Replacements: Hodgson. "
        "Brown scored twice as Sale won 27-10 at home."
    )
    brown = named(dated_actors(nlp, text), "Brown")
    assert brown.code is None and brown.role is None


def test_a_spokesman_for_a_company_is_no_government(nlp: Language) -> None:
    text = "Users in Norway lost mail, said Lars Berg, spokesman for Zentrix."
    berg = named(dated_actors(nlp, text), "Berg")
    assert berg.role == "spokesman"
    assert berg.code is None or not berg.code.endswith("GOV")


def test_a_title_after_a_bodys_name_takes_the_bodys_sector(nlp: Language) -> None:
    text = "Prices will rise, said former Grain Farmers of Ontario president Paul Dubois."
    dubois = named(dated_actors(nlp, text), "Dubois")
    assert dubois.code is None or dubois.code.endswith("AGR")


def test_a_number_with_a_unit_is_no_organisation(nlp: Language) -> None:
    text = "The handheld shows games in 3D, and the firm's TV shows films in 4K, Nintendo said."
    names = [a.name for a in dated_actors(nlp, text) if a.kind == "organization"]
    assert "3D" not in names and "4K" not in names
