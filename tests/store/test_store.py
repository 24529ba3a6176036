from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from communique.errors import NotFound, StoreError
from communique.records import Actor, Analysis, Article, Event, Quote
from communique.store import Store, dyads
from communique.store import queries as q
from communique.store.actors import name_key
from communique.store.schema import SCHEMA_VERSION

TEXT = "Sergei Lavrov said the talks were useful. Russia and the United States met."


def make(
    doc_id: str,
    *,
    text: str = TEXT,
    published: str = "2013-08-09",
    actors: tuple[Actor, ...] = (),
    quotes: tuple[Quote, ...] = (),
    events: tuple[Event, ...] = (),
    skipped: str | None = None,
    chash: str | None = None,
) -> Analysis:
    art = Article(
        id=doc_id,
        source=f"{doc_id}.txt",
        text=text,
        body=((0, len(text)),),
        content_hash=chash or f"h-{doc_id}",
        title=f"Title {doc_id}",
        published=published,
        skipped=skipped,
    )
    return Analysis(article=art, actors=actors, quotes=quotes, events=events)


def lavrov(name: str = "Sergei Lavrov", role: str | None = "Foreign Minister") -> Actor:
    return Actor(
        id="a1",
        name=name,
        kind="person",
        mentions=((0, 13),),
        country="RUS",
        role=role,
        code="RUSGOV",
        aliases=(name,),
    )


def quote(actor_id: str = "a1", speaker: str = "Sergei Lavrov") -> Quote:
    return Quote(
        start=19,
        end=41,
        fragments=((19, 41),),
        text="the talks were useful",
        kind="indirect",
        speaker=speaker,
        speaker_actor=actor_id,
        speaker_start=0,
        speaker_end=13,
        cue="said",
        cue_start=14,
        cue_end=18,
    )


def event(code: str = "040", date: str = "2013-08-09") -> Event:
    return Event(
        source="RUSGOV",
        target="USAGOV",
        code=code,
        name="Consult",
        plover="CONSULT",
        goldstein=1.0,
        quad_class=1,
        start=42,
        end=74,
        date=date,
    )


@pytest.fixture()
def store(tmp_path: Path) -> Store:
    s = Store(tmp_path / "t.db", clock=lambda: "2026-01-01T00:00:00")
    yield s
    s.close()


def test_schema_is_migrated_and_versioned(store: Store) -> None:
    assert store.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.db"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.close()
    with pytest.raises(StoreError, match="newer"):
        Store(path)


def test_not_a_database_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "junk.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="cannot open"):
        Store(path)


def test_writing_twice_changes_nothing(store: Store) -> None:
    batch = [
        make("d1", actors=(lavrov(),), quotes=(quote(),), events=(event(),)),
        make("d2", skipped="empty document"),
    ]
    first = store.write(batch)
    counts = store.counts()
    second = store.write(batch)
    assert (first.added, first.skipped) == (1, 1)
    assert (second.added, second.unchanged) == (0, 2)
    assert store.counts() == counts


def test_changed_content_replaces_the_document(store: Store) -> None:
    store.write([make("d1", actors=(lavrov(),), quotes=(quote(),))])
    result = store.write([make("d1", chash="new", actors=(lavrov(),), quotes=())])
    assert result.replaced == 1
    assert store.counts()["quotes"] == 0 and store.counts()["documents"] == 1


def test_failed_batch_is_rolled_back(store: Store) -> None:
    bad = make("d2", actors=(lavrov(),))
    object.__setattr__(bad.article, "text", None)  # violates NOT NULL mid-batch
    with pytest.raises(StoreError, match="rolled back"):
        store.write([make("d1"), bad])
    assert store.counts()["documents"] == 0


def test_same_person_in_two_articles_is_one_actor_with_both_quotes(store: Store) -> None:
    store.write([make("d1", actors=(lavrov(),), quotes=(quote(),))])
    store.write([make("d2", actors=(lavrov(),), quotes=(quote(),), published="2014-03-17")])
    people = q.actors(store, kind="person")
    assert len(people) == 1 and people[0]["quotes"] == 2 and people[0]["articles"] == 2
    info = q.actor(store, "Lavrov")
    assert {r["first"] for r in info["roles"]} == {"2013-08-09"}
    assert info["roles"][0]["last"] == "2014-03-17"


def test_surname_alone_joins_with_country_and_role_evidence(store: Store) -> None:
    store.write([make("d1", actors=(lavrov(),))])
    store.write([make("d2", actors=(lavrov("Lavrov"),))])
    store.write(
        [make("d3", actors=(Actor(id="a1", name="Lavrov", kind="person", mentions=((0, 6),)),))]
    )
    names = sorted(r["name"] for r in q.actors(store, kind="person"))
    assert names == ["Lavrov", "Sergei Lavrov"]  # the bare Lavrov with no evidence stays apart


def test_two_smiths_stay_two(store: Store) -> None:
    a = Actor(
        id="a1",
        name="John Smith",
        kind="person",
        mentions=((0, 10),),
        country="USA",
        role="Senator",
        code="USALEG",
    )
    b = Actor(
        id="a1",
        name="Mary Smith",
        kind="person",
        mentions=((0, 10),),
        country="USA",
        role="Senator",
        code="USALEG",
    )
    store.write([make("d1", actors=(a,)), make("d2", actors=(b,))])
    assert len(q.actors(store, kind="person")) == 2


def test_quote_queries_filter(store: Store) -> None:
    store.write(
        [
            make("d1", actors=(lavrov(),), quotes=(quote(),)),
            make("d2", actors=(lavrov(),), quotes=(quote(),), published="2014-03-17"),
        ]
    )
    # the two articles have one text: one story, whose quote is listed once
    assert [r["reports"] for r in q.quotes(store, speaker="Lavrov")] == [2]
    assert len(q.quotes(store, speaker="Lavrov", per_article=True)) == 2
    assert len(q.quotes(store, speaker="Lavrov", since="2014-01-01")) == 1
    assert len(q.quotes(store, about="talks useful", per_article=True)) == 2
    assert q.quotes(store, about="nonexistentword") == []
    assert len(q.quotes(store, country="rus", per_article=True)) == 2
    assert q.quotes(store, kind="direct") == []
    assert q.quotes(store, about='") OR 1=1 --') == []  # user words never become query syntax


def test_events_and_dyad(store: Store) -> None:
    store.write(
        [
            make("d1", events=(event("040", "2013-08-09"),)),
            make("d2", events=(event("111", "2013-09-02"),)),
        ]
    )
    assert [e["code"] for e in q.events(store, source="RUS")] == ["111", "040"]
    assert q.events(store, code="04")[0]["reports"] == 1
    rows = dyads.dyad(store, "USA", "RUS", by="month")
    assert [r["period"] for r in rows] == ["2013-08", "2013-09"]
    assert rows[0]["verbal_cooperation"] == 1
    with pytest.raises(ValueError):
        dyads.dyad(store, "USA", "RUS", by="decade")


def test_show_rebuilds_the_record(store: Store) -> None:
    a = make("d1", actors=(lavrov(),), quotes=(quote(),), events=(event(),))
    store.write([a])
    again = q.show(store, "d1")
    assert again.article.text == TEXT
    assert again.quotes[0].speaker == "Sergei Lavrov" and again.quotes[0].speaker_actor == "a1"
    assert again.actors[0].code == "RUSGOV"
    with pytest.raises(NotFound):
        q.show(store, "nope")


def test_readonly_store_refuses_missing_file(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such database"):
        Store(tmp_path / "missing.db", readonly=True)


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Mr. Putin", "putin"),
        ("Sergei Lavrov’s", "sergei lavrov"),
        ("the Kremlin", "kremlin"),
        ("Sergéi  Lavrov", "sergei lavrov"),
    ],
)
def test_name_key(name: str, key: str) -> None:
    assert name_key(name) == key


def test_dyad_date_range_and_events_between(store: Store) -> None:
    store.write(
        [
            make("d1", events=(event("040", "2013-08-09"),)),
            make("d2", events=(event("111", "2013-09-02"),)),
        ]
    )
    rows = dyads.dyad(store, "USA", "RUS", by="month", since="2013-09-01")
    assert [(r["period"], r["first_date"], r["last_date"]) for r in rows] == [
        ("2013-09", "2013-09-02", "2013-09-02")
    ]
    between = q.events(store, between=("usa", "rus"))
    assert [e["code"] for e in between] == ["111", "040"] and between[0]["title"] == "Title d2"
    assert q.events(store, between=("USA", "CHN")) == []
