"""Error classes found by reading the actors of real news (BBC business and politics), each on
a short article written in the same shape: things are no people, a title's sector follows its
organisation, party figures and EU institutions keep their own country, and the third part of
a code (ethnicity, religion) is given only when the text says so."""

from __future__ import annotations

import pytest
from spacy.language import Language

from communique.knowledge.actor_lexicon import load_actor_knowledge
from communique.nlp.extensions import ActorCluster


@pytest.fixture(scope="module")
def nlp_actors() -> Language:
    from communique.nlp.pipeline import load_pipeline

    return load_pipeline(components_to_add=("communique_actors",))


def _actors(nlp: Language, text: str) -> list[ActorCluster]:
    return list(nlp(text)._.actors)


def _covering(actors: list[ActorCluster], text: str, words: str) -> list[ActorCluster]:
    i = text.index(words)
    return [
        a
        for a in actors
        if any(m.start_char < i + len(words) and i < m.end_char for m in a.mentions)
    ]


@pytest.mark.parametrize(
    ("text", "thing"),
    [
        ("Sales of the iPod doubled over Christmas, the firm said.", "iPod"),
        ("Gamers queued overnight to buy the Xbox, retailers said.", "Xbox"),
        ("Production of the Mini rose by a third last year, the carmaker said.", "Mini"),
        ("He said eBay had grown faster than any other retailer.", "eBay"),
    ],
)
def test_brands_and_products_are_no_people(nlp_actors: Language, text: str, thing: str) -> None:
    for actor in _covering(_actors(nlp_actors, text), text, thing):
        assert actor.kind != "person", (actor.name, actor.kind)


def test_a_person_after_an_adjective_and_article_stays_a_person(nlp_actors: Language) -> None:
    text = "Fans gathered to remember the late Steve Irwin in Sydney on Sunday."
    found = _covering(_actors(nlp_actors, text), text, "Steve Irwin")
    assert [a.kind for a in found] in (["person"], [])


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Shares rose after Fiat's president said sales had recovered.", "president"),
        ("The president of Fiat said sales had recovered.", "president"),
        ("Bombardier chairman Laurent Beaudoin said the plan had worked.", "Laurent Beaudoin"),
        ("A Shell spokesman said the reserves had been overstated.", "spokesman"),
    ],
)
def test_a_company_title_is_no_government(nlp_actors: Language, text: str, words: str) -> None:
    for actor in _covering(_actors(nlp_actors, text), text, words):
        assert not (actor.code or "").endswith("GOV"), (actor.name, actor.code)


def test_a_company_president_is_not_the_head_of_state(nlp_actors: Language) -> None:
    text = "President Bush met business leaders. Fiat's president said the talks went well."
    actors = _actors(nlp_actors, text)
    (bush,) = _covering(actors, text, "President Bush")
    i = text.index("Fiat's president") + len("Fiat's ")
    assert all(not (m.start_char <= i < m.end_char) for m in bush.mentions)


@pytest.mark.parametrize(
    ("text", "words", "code"),
    [
        ("UKIP leader Roger Knapman said the party would fight every seat.", "Roger", "GBRPTY"),
        ("The Liberal Democrats said the tax was unfair.", "Liberal Democrats", "GBRPTY"),
        ("Tory leader Michael Howard said he would cut taxes.", "Michael Howard", "GBRPTY"),
        ("Lib Dem MP Mark Oaten said the plans were flawed.", "Mark Oaten", "GBRLEG"),
        # a "shadow" office is the opposition's counterpart of it
        (
            "Tory shadow home secretary David Davis warned of the risks.",
            "David Davis",
            "GBROPP",
        ),
    ],
)
def test_uk_party_figures_keep_their_country(
    nlp_actors: Language, text: str, words: str, code: str
) -> None:
    found = _covering(_actors(nlp_actors, text), text, words)
    assert code in {a.code for a in found}, [(a.name, a.code) for a in found]


def test_an_opposition_leader_is_no_government(nlp_actors: Language) -> None:
    text = "Liberal Democrat leader Charles Kennedy said ministers had failed."
    (kennedy,) = _covering(_actors(nlp_actors, text), text, "Charles Kennedy")
    assert kennedy.country == "GBR"
    assert not (kennedy.code or "").endswith("GOV"), kennedy.code


def test_the_commission_is_the_european_commission(nlp_actors: Language) -> None:
    text = (
        "The European Commission has warned Germany over its budget deficit. "
        "The Commission said Berlin must cut spending."
    )
    actors = _actors(nlp_actors, text)
    second = text.index("Commission said")
    (commission,) = [
        a for a in actors if any(m.start_char <= second < m.end_char for m in a.mentions)
    ]
    assert commission.name == "European Commission"
    assert (commission.code or "").startswith("IGO")
    assert commission.country is None


def test_a_commission_of_its_own_is_not_joined(nlp_actors: Language) -> None:
    text = "The European Commission met. A commission in India said prices would rise."
    actors = _actors(nlp_actors, text)
    (eu,) = [a for a in actors if a.name == "European Commission"]
    i = text.index("commission in")
    assert all(not (m.start_char <= i < m.end_char) for m in eu.mentions)


@pytest.mark.parametrize(
    ("text", "words", "code"),
    [
        (
            "Ethnic Albanian guerrillas attacked a police post in Macedonia on Sunday.",
            "guerrillas",
            "MKDREBalb",
        ),
        (
            "A Christian missionary from Calgary was arrested, Canadian police said.",
            "missionary",
            "CANRELCHR",
        ),
        ("Karen guerrillas attacked a Burmese army post near Myawaddy.", "guerrillas", "MMRREB"),
        # a population named by its people's ethnic word: CAMEO's national ethnic minority
        ("Syrian Kurds crossed the border on foot.", "Syrian Kurds", "SYRCVLkur"),
        ("Tamil refugees reached the coast of India by boat.", "Tamil refugees", "LKAREFtam"),
        ("Kurds in northern Syria fled the shelling.", "Kurds", "SYRCVLkur"),
        # a faith is no ethnic code for civilians
        ("Russian Jewish immigrants settled near Haifa.", "immigrants", "RUSCVL"),
    ],
)
def test_a_third_code_part_only_when_the_text_says(
    nlp_actors: Language, text: str, words: str, code: str
) -> None:
    found = _covering(_actors(nlp_actors, text), text, words)
    assert code in {a.code for a in found}, [(a.name, a.code) for a in found]


def test_group_codes_come_from_ethnic_groups_and_leave_country_words_alone() -> None:
    kb = load_actor_knowledge()
    assert kb.group_codes["Albanian"] == "alb"
    assert kb.group_codes["Christian"] == "CHR"
    assert [h.kind for h in kb.name("Albanian")] == ["adjective"]
    assert "REL" in kb.sectors.faith
    assert kb.sectors.population >= {"CVL", "REF"}
    assert (kb.ethnic_code("Kurds"), kb.ethnic_code("Muslims")) == ("kur", None)


@pytest.mark.parametrize(
    ("text", "words", "code"),
    [
        # a portfolio's nouns between a party and its spokesman
        (
            "Liberal Democrat home affairs spokesman Mark Oaten said the plan was wrong.",
            "Mark Oaten",
            "GBRPTY",
        ),
        # a body the party forms is still a government
        ("Taxes would be lower with a Tory government, he said.", "Tory government", "GBRGOV"),
        # a people limited to a place's inhabitants: civilians, not the state
        (
            "Palestinians of the Israeli-occupied West Bank shunned work on Monday.",
            "Palestinians",
            "PSECVL",
        ),
        (
            "The Palestinians rejected the proposed changes, their negotiator said.",
            "Palestinians",
            "PSE",
        ),
    ],
)
def test_titles_bodies_and_peoples(nlp_actors: Language, text: str, words: str, code: str) -> None:
    found = _covering(_actors(nlp_actors, text), text, words)
    assert code in {a.code for a in found}, [(a.name, a.code) for a in found]


def test_a_regions_adjective_names_no_country(nlp_actors: Language) -> None:
    text = "Mr Chavez promoted the idea of a South American oil company in Caracas."
    for actor in _covering(_actors(nlp_actors, text), text, "American"):
        assert actor.country != "USA", (actor.name, actor.code)


def test_a_title_only_the_state_gives_keeps_its_sector(nlp_actors: Language) -> None:
    text = "London's Labour mayor Ken Livingstone refused to apologise."
    (mayor,) = _covering(_actors(nlp_actors, text), text, "Ken Livingstone")
    assert mayor.code == "GBRGOV"


def test_shared_titles_are_marked_in_the_role_table() -> None:
    kb = load_actor_knowledge()
    assert kb.roles["president"].shared and kb.roles["spokesmen"].shared
    assert not kb.roles["mayor"].shared and not kb.roles["minister"].shared


@pytest.mark.parametrize(
    ("text", "words", "code"),
    [
        # a union of a profession deals with its field (CAMEO EDU: "organizations dealing
        # with education"), one actor with its members' word in its name
        ("The National Union of Teachers said the plan was wrong.", "National Union", "EDU"),
        # ... a union of no listed field is labour (LAB)
        ("The transport union warned the government.", "union", "LAB"),
        # an organ every state has is an organ of the state, whichever its portfolio
        ("The Ministry of Defence in Moscow denied the report.", "Ministry", "RUSGOV"),
        # a school is education, whatever it teaches
        ("Baghdad University Medical School said it had reopened.", "Medical School", "IRQEDU"),
        # a people named after its country's name, as after its adjective
        ("Kosovo Albanians demanded independence.", "Albanians", "XKXCVLalb"),
        # a faith's worshippers are religious actors (Phoenix agents: PILGRIM, WORSHIPPER REL)
        ("Shiite pilgrims were attacked near Karbala.", "pilgrims", "IRQRELSHI"),
    ],
)
def test_kinds_of_bodies_and_groups(nlp_actors: Language, text: str, words: str, code: str) -> None:
    found = _covering(_actors(nlp_actors, text), text, words)
    assert [a.code for a in found] == [code], [(a.name, a.code) for a in found]


def test_a_known_name_is_not_cut_into_a_person(nlp_actors: Language) -> None:
    text = "Hutu rebels attacked a village in eastern Congo."
    found = _covering(_actors(nlp_actors, text), text, "Hutu")
    assert [(a.kind, a.code) for a in found] == [("organization", "RWAREB")]


def test_an_organ_is_one_actor_per_state(nlp_actors: Language) -> None:
    text = (
        "The Ministry of Defence in Moscow denied the report. Britain's Ministry of Defence "
        "said it stood by it."
    )
    codes = sorted(a.code or "" for a in _covering(_actors(nlp_actors, text), text, "Ministry"))
    assert codes == ["RUSGOV"]
    assert {a.code for a in _actors(nlp_actors, text) if a.name == "Ministry of Defence"} == {
        "RUSGOV",
        "GBRGOV",
    }


def test_a_description_opening_a_sentence_is_the_same_actor(nlp_actors: Language) -> None:
    text = (
        "Analysts said the market would fall. Shares dropped on Monday, and analysts "
        "expected more losses."
    )
    found = [a for a in _actors(nlp_actors, text) if a.name.lower() == "analysts"]
    assert [(a.name, len(a.mentions), a.named) for a in found] == [("analysts", 2, False)]


def test_a_common_noun_is_no_place(nlp_actors: Language) -> None:
    text = "We will eat mashed potatoes and brussels sprouts, the chef said."
    assert [a.name for a in _covering(_actors(nlp_actors, text), text, "brussels")] == []


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # an article about the EU: "Brussels" acting is the EU seated there
        (
            "Brussels has warned Italy over its budget. The European Commission said the "
            "deficit was too high.",
            "IGO",
        ),
        # no organisation seated there is named: Belgium's government, as CAMEO and Phoenix
        ("Brussels protested to Kinshasa over the arrests.", "BELGOV"),
        # a report on the city, which names the EU in passing: not the EU
        (
            "For years Brussels has lagged behind other European cities. Belgium's capital "
            "is changing fast. The European Union is based there.",
            "BELGOV",
        ),
    ],
)
def test_brussels_is_the_eu_only_in_an_article_about_it(
    nlp_actors: Language, text: str, code: str
) -> None:
    (brussels,) = _covering(_actors(nlp_actors, text), text, "Brussels")
    assert brussels.code == code


def test_seats_come_from_the_organisation_table() -> None:
    kb = load_actor_knowledge()
    assert "European Union" in kb.seats["Brussels"]
    assert all(kb.name(org) for orgs in kb.seats.values() for org in orgs)


@pytest.mark.parametrize(
    ("text", "name", "role", "sector"),
    [
        # a civil title ending in "general" is no military rank
        (
            "David Frost, director general of the British Chambers of Commerce, said rates "
            "should stay on hold.",
            "David Frost",
            "Director-General",
            None,
        ),
        ("Inspector General Glenn Fine said the audit was complete.", "Glenn Fine", None, "GOV"),
        ("General David Petraeus said the surge had worked.", "David Petraeus", "General", "MIL"),
    ],
)
def test_titles_ending_in_general(
    nlp_actors: Language, text: str, name: str, role: str | None, sector: str | None
) -> None:
    (person,) = _covering(_actors(nlp_actors, text), text, name)
    assert person.sector == sector
    if role is not None:
        assert person.role == role


def test_a_surname_after_a_generational_suffix_is_still_the_surname(
    nlp_actors: Language,
) -> None:
    text = (
        "Robert F. Kennedy Jr. is running for president. His uncle, John F. Kennedy, was "
        "assassinated in 1963. Kennedy said vaccines were dangerous."
    )
    (later,) = _covering(_actors(nlp_actors, text), text, "Kennedy said")
    assert later.name == "Robert F. Kennedy Jr."


@pytest.mark.parametrize(
    ("text", "words", "code"),
    [
        # a title a body gives, after that body's possessive: the body's sector, whatever
        # office the dictionary knows the person for
        (
            "Members of the Fatah party marched in Ramallah against the party's leader "
            "Mahmoud Abbas on Friday.",
            "Mahmoud Abbas",
            "PSEPTY",
        ),
        ("The union's spokesman said the strike in Leeds would go ahead.", "spokesman", "LAB"),
    ],
)
def test_a_title_possessed_by_a_body_takes_its_sector(
    nlp_actors: Language, text: str, words: str, code: str
) -> None:
    found = _covering(_actors(nlp_actors, text), text, words)
    assert code in {a.code for a in found}, [(a.name, a.code) for a in found]


def test_part_of_a_city_is_its_people_not_a_country(nlp_actors: Language) -> None:
    text = "Police closed polling stations in East Jerusalem on Tuesday."
    found = _covering(_actors(nlp_actors, text), text, "East Jerusalem")
    assert [(a.kind, a.code) for a in found] == [("group", "PSECVL")]
