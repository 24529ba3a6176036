"""The Phoenix actor table as default knowledge: it fills what an article and our tables leave
unknown, read against the article's date, and loading it (or the user's PETRARCH files) never
lowers accuracy."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from spacy.language import Language

from communique.evaluate.actors import evaluate_actors
from communique.knowledge.actor_lexicon import load_actor_knowledge
from communique.knowledge.petrarch import ACTOR_TABLE
from communique.nlp.actors.dictionary import DictionaryFacts, facts_of
from communique.nlp.extensions import ActorCluster
from communique.sources.jsonl import read_jsonl

from helpers import shared_path


def _pipeline(knowledge_dir: str = "", dictionaries: tuple[str, ...] = ()) -> Language:
    from communique.nlp.pipeline import load_pipeline

    return load_pipeline(
        components_to_add=("communique_actors",),
        knowledge_dir=knowledge_dir,
        actor_dictionaries=dictionaries,
    )


@pytest.fixture(scope="module")
def without_table(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A knowledge folder whose actor table is empty (the table switched off)."""
    folder = tmp_path_factory.mktemp("no-table")
    (folder / ACTOR_TABLE).write_text("phrase\tsynonyms\tcodes\n", encoding="utf-8")
    return str(folder)


@pytest.fixture(scope="module")
def nlp_actors() -> Language:
    return _pipeline()


def _actors(nlp: Language, text: str, day: dt.date | None) -> dict[str, ActorCluster]:
    doc = nlp.make_doc(text)
    doc._.published = day
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return {a.name: a for a in doc._.actors}


@pytest.mark.parametrize(
    ("code", "facts"),
    [
        ("UGAGOV", DictionaryFacts("UGA", None, "GOV")),
        ("USAELI", DictionaryFacts("USA", None, "ELI")),
        ("NGOHRIAMN", DictionaryFacts(None, "NGO", "HRI")),
        ("IGOUNO", DictionaryFacts(None, "IGO", None)),
        ("IGOASABUS", DictionaryFacts(None, "IGO", "BUS")),
        ("MNCUSA", DictionaryFacts("USA", None, "BUS")),
        ("WEUREB", None),
    ],
)
def test_dictionary_codes_are_cut_to_ours(code: str, facts: DictionaryFacts | None) -> None:
    assert facts_of(code, load_actor_knowledge()) == facts


TEXT = "Mahendra Chaudhry said on Monday that he would not leave Fiji."


@pytest.mark.parametrize(
    ("day", "code"),
    [(dt.date(1999, 8, 1), "FJIGOV"), (dt.date(2005, 3, 1), "FJIELI")],
)
def test_the_table_places_people_our_tables_do_not_know(
    nlp_actors: Language, without_table: str, day: dt.date, code: str
) -> None:
    found = _actors(nlp_actors, TEXT, day)["Mahendra Chaudhry"]
    assert (found.country, found.code) == ("FJI", code)  # Prime Minister 1999-2000
    bare = _actors(_pipeline(without_table), TEXT, day)["Mahendra Chaudhry"]
    assert bare.country is None and bare.code is None


def test_the_article_wins_over_the_table(nlp_actors: Language) -> None:
    text = "Opposition leader Mahendra Chaudhry said on Monday that he would not leave Fiji."
    found = _actors(nlp_actors, text, dt.date(1999, 8, 1))["Mahendra Chaudhry"]
    assert found.code == "FJIOPP"  # his title in the text, not the office of that date


def test_our_tables_win_over_the_table(nlp_actors: Language) -> None:
    text = "The United Nations and the Red Cross appealed for calm."
    actors = _actors(nlp_actors, text, dt.date(2005, 3, 1))
    assert actors["United Nations"].code == "IGO"  # the table says IGOUNO
    assert actors["Red Cross"].code == "IGOMED"  # the table says NGOHLHIRC


def _score(nlp: Language, gold: list[dict[str, object]]) -> dict[str, float]:
    predictions = []
    for rec in gold:
        day = rec.get("date")
        published = (
            dt.date.fromisoformat(day[:10]) if isinstance(day, str) and len(day) >= 10 else None
        )
        actors = _actors(nlp, str(rec["text"]), published).values()
        predictions.append(
            {
                "id": rec["id"],
                "actors": [
                    {
                        "country": a.country,
                        "code": a.code,
                        "mentions": [[m.start_char, m.end_char] for m in a.mentions],
                    }
                    for a in actors
                ],
            }
        )
    return evaluate_actors(gold, predictions)


def test_loading_dictionaries_never_lowers_accuracy(
    nlp_actors: Language, without_table: str
) -> None:
    gold = [r for r in read_jsonl(shared_path("eval", "events_dev.jsonl")) if r.get("plover")]
    phoenix = tuple(str(p) for p in sorted(shared_path("reference", "petrarch2").glob("Phoenix.*")))
    without = _score(_pipeline(without_table), gold)
    for scores in (_score(nlp_actors, gold), _score(_pipeline("", phoenix), gold)):
        assert scores["country"] >= without["country"]
        assert scores["country_role"] >= without["country_role"]


def test_the_table_can_be_overridden(tmp_path: Path) -> None:
    (tmp_path / ACTOR_TABLE).write_text(
        "phrase\tsynonyms\tcodes\nMAHENDRA CHAUDHRY\t\tFJILEG\n", encoding="utf-8"
    )
    found = _actors(_pipeline(str(tmp_path)), TEXT, None)["Mahendra Chaudhry"]
    assert found.code == "FJILEG"


@pytest.mark.parametrize(
    "text",
    [
        "A second-half goal from Andy Scott condemned Mansfield to defeat.",  # not Canada's
        "The multiplayer FPS feels like a breath of fresh air.",  # an acronym: no lookup
    ],
)
def test_namesakes_and_acronyms_take_nothing(nlp_actors: Language, text: str) -> None:
    for actor in _actors(nlp_actors, text, dt.date(2005, 3, 1)).values():
        assert actor.country is None, (actor.name, actor.code)


@pytest.mark.parametrize(
    ("text", "day", "code"),
    [
        # a full name of an office holder on the day, in news of states
        ("Jean Chretien told the minister the plan was dead.", dt.date(2003, 5, 1), "CANGOV"),
        # the same name after the office: not assumed
        ("Jean Chretien told the minister the plan was dead.", dt.date(2012, 5, 1), None),
    ],
)
def test_an_office_holder_on_the_day_keeps_the_country(
    nlp_actors: Language, text: str, day: dt.date, code: str | None
) -> None:
    assert _actors(nlp_actors, text, day)["Jean Chretien"].code == code


def test_the_dictionary_knows_a_whole_name_better_than_its_words(nlp_actors: Language) -> None:
    found = _actors(nlp_actors, "The American Civil Liberties Union sued the city.", None)
    assert found["American Civil Liberties Union"].code == "NGOHRI"  # not a US labour union
