from __future__ import annotations

import json

from communique.records import Actor, Analysis, Article, Event, Quote, content_hash


def _analysis() -> Analysis:
    art = Article(
        id="d1",
        source="x.txt",
        text="Lavrov said “yes.”",
        body=((0, 18),),
        content_hash=content_hash("x"),
        title="T",
        byline=("A B",),
        published="2013-08-09",
    )
    return Analysis(
        article=art,
        actors=(
            Actor(
                id="a1",
                name="Sergei Lavrov",
                kind="person",
                mentions=((0, 6),),
                country="RUS",
                role="Foreign Minister",
                code="RUSGOV",
                aliases=("Lavrov",),
            ),
        ),
        quotes=(
            Quote(
                start=13,
                end=17,
                fragments=((13, 17),),
                text="yes.",
                kind="direct",
                speaker="Sergei Lavrov",
                speaker_actor="a1",
                speaker_start=0,
                speaker_end=6,
                cue="said",
                cue_start=7,
                cue_end=11,
            ),
        ),
        events=(
            Event(
                source="RUSGOV",
                target="USA",
                code="111",
                name="Criticize or denounce",
                plover="DISAPPROVE",
                goldstein=-2.0,
                quad_class=3,
                start=0,
                end=18,
            ),
        ),
        tone=1.5,
    )


def test_round_trip_through_json() -> None:
    a = _analysis()
    again = Analysis.from_dict(json.loads(json.dumps(a.to_dict())))
    assert again == a


def test_contract_fields_present() -> None:
    d = _analysis().to_dict()
    for key in (
        "id",
        "title",
        "byline",
        "outlet",
        "published",
        "text",
        "body",
        "actors",
        "quotes",
        "events",
        "topics",
        "places",
        "dates",
        "tone",
        "skipped",
    ):
        assert key in d
    assert d["quotes"][0]["fragments"] == [[13, 17]]
    assert d["skipped"] is None


def test_content_hash_is_stable_and_content_sensitive() -> None:
    assert content_hash("abc") == content_hash("abc")
    assert content_hash("abc") != content_hash("abd")
