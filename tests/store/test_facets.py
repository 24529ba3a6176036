"""Facets (issue 14): counts by outlet, speaker, country, kind, topic and month that equal what
the listing finds with that filter added, counted as the listing counts (once per story); and
the outlet, topic and month filters they link to."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from test_store import event, lavrov, make, quote
from test_stories import OTHER, WIRE

from communique.cli import main
from communique.export import Filters, export
from communique.records import Actor, Analysis
from communique.store import Store
from communique.store import facets as fc
from communique.store import queries as q


def _doc(analysis: Analysis, outlet: str, topics: tuple[str, ...], tone: float) -> Analysis:
    return replace(
        analysis, article=replace(analysis.article, outlet=outlet), topics=topics, tone=tone
    )


def kerry() -> Actor:
    return Actor(id="a2", name="John Kerry", kind="person", mentions=((20, 30),), country="USA")


@pytest.fixture()
def path(tmp_path: Path) -> Path:
    """One wire story printed by AP (August) and Paper (September, edited), each quoting
    Lavrov; another story in Bank quoting Lavrov and Kerry (September); an undated article of
    its own story quoting Lavrov."""
    edited = WIRE.replace("on Tuesday", "late on Tuesday") + " Reuters contributed."
    undated = (
        "Farmers in the north of the country said the late spring had cut their harvest by a "
        "third, and that without help from the regional government many would sell their land "
        "before the winter; the minister promised an answer within weeks."
    )
    both = (lavrov(), kerry())
    kerry_quote = replace(
        quote(actor_id="a2", speaker="John Kerry"),
        start=40,
        end=60,
        fragments=((40, 60),),
        text="we will talk",
    )
    docs = [
        _doc(
            make("ap", text=WIRE, actors=(lavrov(),), quotes=(quote(),), events=(event(),)),
            "AP",
            ("trade", "diplomacy"),
            1.0,
        ),
        _doc(
            make(
                "paper",
                text=edited,
                published="2013-09-02",
                actors=(lavrov(),),
                quotes=(quote(),),
                events=(event(),),
            ),
            "Paper",
            ("trade",),
            3.0,
        ),
        _doc(
            make(
                "bank",
                text=OTHER,
                published="2013-09-20",
                actors=both,
                quotes=(quote(), kerry_quote),
                events=(event(code="120"),),
            ),
            "Bank",
            ("economy",),
            -2.0,
        ),
        _doc(
            make("undated", text=undated, published=None, actors=(lavrov(),), quotes=(quote(),)),
            "Bank",
            (),
            0.0,
        ),
    ]
    p = tmp_path / "f.db"
    with Store(p) as store:
        store.write(docs)
        assert q.stats(store)["stories"] == 3
    return p


def by_value(facet: dict[str, Any]) -> dict[str, int]:
    return {v["value"]: v["count"] for v in facet["values"]}


def test_quote_facets_count_once_per_story_and_value(path: Path) -> None:
    with Store(path, readonly=True) as store:
        found = {f["name"]: f for f in fc.quote_facets(store)}
        # the wire quote, printed by AP and Paper, is one quote of the listing, but a filter
        # by either outlet finds it: it counts once under each
        assert q.count_quotes(store) == 4
        assert by_value(found["outlet"]) == {"AP": 1, "Paper": 1, "Bank": 3}
        assert by_value(found["speaker"]) == {"Sergei Lavrov": 3, "John Kerry": 1}
        assert by_value(found["country"]) == {"RUS": 3, "USA": 1}
        assert by_value(found["topic"]) == {"trade": 1, "diplomacy": 1, "economy": 2}
        assert found["topic"]["missing"] == 1  # the undated article has no topic
        # months latest first; the undated quote is counted apart
        assert [v["value"] for v in found["month"]["values"]] == ["2013-09", "2013-08"]
        assert by_value(found["month"]) == {"2013-09": 3, "2013-08": 1}
        assert found["month"]["missing"] == 1
        per_article = {f["name"]: f for f in fc.quote_facets(store, per_article=True)}
        assert by_value(per_article["kind"]) == {"indirect": 5}


@pytest.mark.parametrize("per_article", [False, True])
@pytest.mark.parametrize(
    "filters",
    [{}, {"speaker": "Lavrov"}, {"outlet": "Bank"}, {"topic": "trade"}, {"month": "2013-09"}],
)
def test_every_quote_facet_value_is_the_total_its_filter_lists(
    path: Path, filters: dict[str, Any], per_article: bool
) -> None:
    with Store(path, readonly=True) as store:
        for facet in fc.quote_facets(
            store, ("outlet", "country", "kind", "topic", "month"), **filters
        ):
            name = facet["name"]
            for v in facet["values"]:
                wanted = {**filters, name: v["value"]}
                listed = q.quotes(store, per_article=per_article, **wanted)
                counted = fc.quote_facets(store, (name,), per_article=per_article, **filters)
                assert by_value(counted[0])[v["value"]] == len(listed)
                assert q.count_quotes(store, per_article=per_article, **wanted) == len(listed)


@pytest.mark.parametrize("filters", [{}, {"about": "trade"}, {"topic": "trade"}])
def test_document_facets_count_articles_with_their_mean_tone(
    path: Path, filters: dict[str, Any]
) -> None:
    with Store(path, readonly=True) as store:
        for facet in fc.document_facets(store, **filters):
            for v in facet["values"]:
                wanted = {**filters, facet["name"]: v["value"]}
                assert v["count"] == q.count_documents(store, **wanted)
        months = {f["name"]: f for f in fc.document_facets(store)}["month"]
        assert [(v["value"], v["count"], v["tone"]) for v in months["values"]] == [
            ("2013-09", 2, 0.5),
            ("2013-08", 1, 1.0),
        ]
        assert months["missing"] == 1


def test_actor_facets_count_actors_under_the_articles_they_are_seen_in(path: Path) -> None:
    with Store(path, readonly=True) as store:
        found = {f["name"]: f for f in fc.actor_facets(store, named=True)}
        assert by_value(found["country"]) == {"RUS": 1, "USA": 1}
        assert by_value(found["outlet"]) == {"AP": 1, "Paper": 1, "Bank": 2}
        assert by_value(found["month"]) == {"2013-09": 2, "2013-08": 1}
        for facet in found.values():
            for v in facet["values"]:
                wanted = {facet["name"]: v["value"]}
                assert v["count"] == q.count_actors(store, named=True, **wanted)
        within = {f["name"]: f for f in fc.actor_facets(store, named=True, month="2013-08")}
        assert by_value(within["outlet"]) == {"AP": 1}


def test_new_listing_filters(path: Path) -> None:
    with Store(path, readonly=True) as store:
        assert {r["doc_id"] for r in q.quotes(store, outlet="Paper")} == {"paper"}
        assert {r["doc_id"] for r in q.quotes(store, topic="economy")} == {"bank"}
        assert {r["doc_id"] for r in q.quotes(store, month="2013-08")} == {"ap"}
        assert {r["id"] for r in q.documents(store, topic="trade")} == {"ap", "paper"}
        kerry_id = q.find_actor(store, "John Kerry")
        assert [r["id"] for r in q.documents(store, actor_id=kerry_id)] == ["bank"]
        assert q.count_documents(store, actor_id=kerry_id) == 1
        assert [r["name"] for r in q.actors(store, month="2013-08", named=True)] == [
            "Sergei Lavrov"
        ]
        assert q.count_actors(store, outlet="Bank", named=True) == 2


def test_an_unknown_facet_is_refused(path: Path) -> None:
    with Store(path, readonly=True) as store, pytest.raises(ValueError, match="no facet"):
        fc.quote_facets(store, ("shoe_size",))  # type: ignore[arg-type]


def test_exports_take_the_new_filters(path: Path) -> None:
    with Store(path, readonly=True) as store:
        rows = list(
            csv.DictReader(io.StringIO("".join(export(store, "csv", Filters(outlet="Paper")))))
        )
        assert [r["doc_id"] for r in rows] == ["paper"]
        kerry_id = q.find_actor(store, "John Kerry")
        rows = list(
            csv.DictReader(io.StringIO("".join(export(store, "csv", Filters(actor_id=kerry_id)))))
        )
        assert [r["speaker"] for r in rows] == ["John Kerry"]
        records = list(export(store, "jsonl", Filters(topic="trade", month="2013-09")))
        assert len(records) == 1 and '"id": "paper"' in records[0]
        # between: both directions, once per story
        there = list(export(store, "gdelt", Filters(between=("USA", "RUS"))))
        back = list(export(store, "gdelt", Filters(between=("RUS", "USA"))))
        assert len(there) == len(back) == 2
        with pytest.raises(ValueError, match="does not filter by between "):
            list(export(store, "csv", Filters(between=("USA", "RUS"))))


def test_cli_listings_take_outlet_topic_and_month(path: Path) -> None:
    run = CliRunner().invoke
    out = run(main, ["quotes", "--db", str(path), "--outlet", "Paper", "--json"])
    assert out.exit_code == 0, out.output
    assert [r["doc_id"] for r in json.loads(out.output)] == ["paper"]
    out = run(main, ["actors", "--db", str(path), "--month", "2013-08", "--json"])
    assert [r["name"] for r in json.loads(out.output)] == ["Sergei Lavrov"]
    out = run(main, ["quotes", "--db", str(path), "--month", "2013-13"])
    assert out.exit_code == 2 and "not a month like 2013-08" in out.output


def test_a_described_speaker_shows_the_articles_words_not_its_noun(tmp_path: Path) -> None:
    """A description actor is named by its lower-case head noun ("spokesman"), local to its
    article; stats and the speaker facet show the quote's own words, so two companies'
    spokesmen are not one speaker."""
    spokesman = Actor(id="a1", name="spokesman", kind="person", mentions=((0, 13),), named=False)
    docs = [
        make(
            doc_id,
            actors=(spokesman,),
            quotes=(quote(speaker=words),),
        )
        for doc_id, words in (("v", "a Vodafone spokesman"), ("s", "a Shell spokesman"))
    ]
    with Store(tmp_path / "s.db") as store:
        store.write(docs)
        shown = {r["speaker"] for r in q.stats(store)["top_speakers"]}
        facet = by_value(fc.quote_facets(store, ("speaker",))[0])
    assert shown == {"a Vodafone spokesman", "a Shell spokesman"}
    assert facet == {"a Vodafone spokesman": 1, "a Shell spokesman": 1}
