"""Cross-article identity (``store/actors.py``): named actors merge, descriptions stay local."""

from __future__ import annotations

from pathlib import Path

import pytest

from communique.records import Actor, Analysis, Article
from communique.store import Store
from communique.store import queries as q
from communique.store.actors import name_key

TEXT = "People said the company would appeal. Brown and Williamson denied it. Gordon Brown spoke."


def make(doc_id: str, *actors: Actor, text: str = TEXT) -> Analysis:
    art = Article(
        id=doc_id,
        source=f"{doc_id}.txt",
        text=text,
        body=((0, len(text)),),
        content_hash=f"h-{doc_id}-{len(actors)}-{len(text)}",
        title=f"Title {doc_id}",
        published="2005-03-01",
    )
    return Analysis(article=art, actors=actors)


def actor(
    local: str,
    name: str,
    kind: str = "group",
    *,
    named: bool = True,
    country: str | None = None,
    code: str | None = None,
    role: str | None = None,
) -> Actor:
    return Actor(
        id=local,
        name=name,
        kind=kind,
        mentions=((0, 6),),
        country=country,
        role=role,
        code=code,
        aliases=(name,),
        named=named,
    )


def global_ids(store: Store, doc_id: str) -> dict[str, int]:
    rows = store.query("SELECT local_id, actor_id FROM doc_actors WHERE doc_id = ?", (doc_id,))
    return {r["local_id"]: r["actor_id"] for r in rows}


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store(str(tmp_path / "s.db"))


def test_a_description_is_an_actor_of_its_own_article(store: Store) -> None:
    people = actor("a1", "people", named=False, code="CVL")
    store.write([make("d1", people), make("d2", people)])
    first, second = global_ids(store, "d1")["a1"], global_ids(store, "d2")["a1"]
    assert first != second
    rows = q.actors(store, named=False)
    assert {(r["name"], r["articles"], r["doc_id"]) for r in rows} == {
        ("people", 1, "d1"),
        ("people", 1, "d2"),
    }
    assert all(r["code"] == "CVL" and not r["named"] for r in rows)


def test_named_actors_merge_across_articles(store: Store) -> None:
    store.write([make("d1", actor("a1", "Oxfam", "organization", code="NGO"))])
    store.write([make("d2", actor("a3", "OXFAM", "organization"))])
    assert global_ids(store, "d1")["a1"] == global_ids(store, "d2")["a3"]
    (row,) = q.actors(store, named=True)
    assert (row["name"], row["articles"], row["code"], row["named"]) == ("Oxfam", 2, "NGO", True)


def test_one_description_within_an_article_whatever_its_case(store: Store) -> None:
    upper = actor("a1", "Analysts", named=False, code="BUS")
    lower = actor("a2", "analysts", named=False, code="BUS")
    store.write([make("d1", upper, lower)])
    ids = global_ids(store, "d1")
    assert ids["a1"] == ids["a2"]
    assert len(q.actors(store)) == 1


def test_descriptions_with_different_codes_stay_apart(store: Store) -> None:
    usa = actor("a1", "officials", named=False, country="USA", code="USAGOV")
    chn = actor("a2", "officials", named=False, country="CHN", code="CHNGOV")
    store.write([make("d1", usa, chn)])
    ids = global_ids(store, "d1")
    assert ids["a1"] != ids["a2"]


def test_a_named_actor_never_joins_a_description(store: Store) -> None:
    store.write([make("d1", actor("a1", "police", named=False, code="COP"))])
    store.write([make("d2", actor("a1", "Police", "group", code="COP"))])
    assert global_ids(store, "d1")["a1"] != global_ids(store, "d2")["a1"]


def test_an_organisation_never_merges_with_a_person(store: Store) -> None:
    brown = actor("a1", "Gordon Brown", "person", country="GBR", code="GBRGOV")
    firm = actor("a2", "Brown", "organization", country="GBR", code="GBRBUS")
    store.write([make("d1", brown)])
    store.write([make("d2", firm)])
    assert global_ids(store, "d1")["a1"] != global_ids(store, "d2")["a2"]
    person = q.actor(store, global_ids(store, "d1")["a1"])
    assert person["aliases"] == ["Gordon Brown"]


def test_spelling_variants_are_one_named_actor(store: Store) -> None:
    store.write([make("d1", actor("a1", "Labour Party", "organization", country="GBR"))])
    store.write([make("d2", actor("a1", "Labor Party", "organization", country="GBR"))])
    store.write([make("d3", actor("a1", "Brown & Williamson", "organization"))])
    store.write([make("d4", actor("a1", "Brown and Williamson", "organization"))])
    ids = [global_ids(store, d)["a1"] for d in ("d1", "d2", "d3", "d4")]
    assert ids[0] == ids[1] and ids[2] == ids[3] and ids[0] != ids[2]


def test_a_named_actor_matches_a_stored_alias_of_several_words(store: Store) -> None:
    un = Actor(
        id="a1",
        name="United Nations Security Council",
        kind="organization",
        mentions=((0, 6),),
        code="IGO",
        aliases=("United Nations Security Council", "Security Council"),
    )
    store.write([make("d1", un)])
    store.write([make("d2", actor("a1", "Security Council", "organization"))])
    assert global_ids(store, "d1")["a1"] == global_ids(store, "d2")["a1"]


def test_replacing_an_article_drops_its_descriptions(store: Store) -> None:
    store.write([make("d1", actor("a1", "workers", named=False, code="LAB"))])
    store.write([make("d1", actor("a1", "workers", named=False, code="LAB"), text=TEXT + " More.")])
    assert len(q.actors(store, named=False)) == 1


def test_find_actor_prefers_a_named_actor(store: Store) -> None:
    store.write([make("d1", actor("a1", "Company", named=False, code="BUS"))])
    store.write([make("d2", actor("a1", "Company", "organization"))])
    found = q.find_actor(store, "company")
    assert found == global_ids(store, "d2")["a1"]
    assert q.actor(store, found)["named"] is True
    assert q.actor(store, global_ids(store, "d1")["a1"])["doc_id"] == "d1"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Ministry of Defence", "ministry of defense"),
        ("Organisation of Islamic Cooperation", "Organization of Islamic Cooperation"),
        ("Centre for Policy Studies", "Center for Policy Studies"),
        ("Brown & Williamson", "Brown and Williamson"),
        ("Sergéi Lavrov", "Mr. Sergei Lavrov"),
    ],
)
def test_name_key_reads_spelling_variants_alike(a: str, b: str) -> None:
    assert name_key(a) == name_key(b)


@pytest.mark.parametrize(("a", "b"), [("four", "for"), ("tour", "tor"), ("fence", "fense")])
def test_name_key_keeps_short_words(a: str, b: str) -> None:
    assert name_key(a) != name_key(b)


def test_records_without_the_named_field_read_it_from_the_name() -> None:
    base = {"id": "a1", "kind": "group", "mentions": [[0, 6]]}
    assert Actor.from_dict({**base, "name": "officials"}).named is False
    assert Actor.from_dict({**base, "name": "Oxfam"}).named is True
    assert Actor.from_dict({**base, "name": "Oxfam", "named": False}).named is False


def test_a_version_2_store_gains_article_scoped_descriptions(tmp_path: Path) -> None:
    import sqlite3

    from communique.store.schema import MIGRATIONS, _apply

    path = tmp_path / "v2.db"
    conn = sqlite3.connect(path, isolation_level=None)
    for n, script in enumerate(MIGRATIONS[:2], 1):
        conn.execute("BEGIN")
        _apply(conn, script, n)
    conn.close()
    with Store(str(path)) as store:
        store.write([make("d1", actor("a1", "people", named=False, code="CVL"))])
        store.write([make("d2", actor("a1", "people", named=False, code="CVL"))])
        rows = q.actors(store)
        assert sorted(r["doc_id"] for r in rows) == ["d1", "d2"]
        shown = q.show(store, "d1").actors[0]
        assert shown.named is False
