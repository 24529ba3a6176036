"""Curation of named actors (``store.curation``): merge, split, rename, undo, and decisions that
hold when articles are written again."""

from __future__ import annotations

from pathlib import Path

import pytest

from communique.errors import NotFound
from communique.records import Actor, Analysis, Article, Event, Quote
from communique.store import Store
from communique.store import curation as cur
from communique.store import queries as q

TEXT = "Sergei Lavrov said the talks were useful. Russia and the United States met."


def person(
    name: str,
    *,
    local: str = "a1",
    country: str | None = "RUS",
    role: str | None = "Foreign Minister",
    code: str | None = "RUSGOV",
    kind: str = "person",
    named: bool = True,
) -> Actor:
    return Actor(
        id=local,
        name=name,
        kind=kind,
        mentions=((0, 13),),
        country=country,
        role=role,
        code=code,
        aliases=(name,),
        named=named,
    )


def said(local: str = "a1") -> Quote:
    return Quote(
        start=19,
        end=41,
        fragments=((19, 41),),
        text="the talks were useful",
        kind="indirect",
        speaker=None,
        speaker_actor=local,
        speaker_start=0,
        speaker_end=13,
        cue="said",
        cue_start=14,
        cue_end=18,
    )


def met(source_local: str = "a1") -> Event:
    return Event(
        source="RUSGOV",
        target="USAGOV",
        code="040",
        name="Consult",
        plover="CONSULT",
        goldstein=1.0,
        quad_class=1,
        date="2013-08-09",
        start=42,
        end=75,
        source_actor=source_local,
        target_actor=None,
    )


def article(doc_id: str, *actors: Actor, version: int = 1, events: bool = False) -> Analysis:
    art = Article(
        id=doc_id,
        source=f"{doc_id}.txt",
        text=TEXT,
        body=((0, len(TEXT)),),
        content_hash=f"h-{doc_id}-{version}",
        title=f"Title {doc_id}",
        published="2013-08-09",
    )
    return Analysis(
        article=art,
        actors=actors,
        quotes=tuple(said(a.id) for a in actors[:1]),
        events=tuple(met(a.id) for a in actors[:1]) if events else (),
    )


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = Store(tmp_path / "c.db", clock=lambda: "2024-01-01T00:00:00+00:00")
    s.write(
        [
            article("d1", person("Sergei Lavrov"), events=True),
            article("d2", person("Sergey Lavrov", country="UKR")),
            article("d3", person("Lavrov")),  # joins Sergei Lavrov: same country and role
        ]
    )
    return s


def actor_of(store: Store, doc_id: str, local: str = "a1") -> int:
    rows = store.query(
        "SELECT actor_id FROM doc_actors WHERE doc_id = ? AND local_id = ?", (doc_id, local)
    )
    return int(rows[0][0])


def dump(store: Store) -> dict[str, list[tuple[object, ...]]]:
    tables = ("actors", "actor_aliases", "actor_roles", "doc_actors", "quotes", "events")
    out = {t: sorted(map(tuple, store.query(f"SELECT * FROM {t}")), key=repr) for t in tables}
    out["actor_curation"] = list(map(tuple, store.query("SELECT * FROM actor_curation")))
    return out


def test_the_fixture_has_two_lavrovs(store: Store) -> None:
    assert actor_of(store, "d1") == actor_of(store, "d3") != actor_of(store, "d2")


# --- merge -----------------------------------------------------------------------------------
def test_merge_moves_articles_aliases_quotes_and_events(store: Store) -> None:
    keep, gone = actor_of(store, "d1"), actor_of(store, "d2")
    change = cur.merge(store, "Sergei Lavrov", "Sergey Lavrov")
    assert change.actor is not None and change.actor["id"] == keep
    assert (change.articles, change.quotes, change.events) == (1, 1, 0)
    assert actor_of(store, "d2") == keep
    assert not store.query("SELECT 1 FROM actors WHERE id = ?", (gone,))
    info = q.actor(store, keep)
    assert info["name"] == "Sergei Lavrov" and "Sergey Lavrov" in info["aliases"]
    assert info["quote_count"] == 3 and info["articles"] == 3
    assert q.find_actor(store, "Sergey Lavrov") == keep
    assert [d.action for d in cur.decisions(store)] == ["merge"]
    assert "merged" in change.message and f"#{gone}" in change.message


def test_a_merge_holds_when_the_article_is_written_again(store: Store) -> None:
    keep = actor_of(store, "d1")
    cur.merge(store, "Sergei Lavrov", "Sergey Lavrov")
    # new content for d2 (a re-ingest replaces it) and a new article naming B
    store.write(
        [
            article("d2", person("Sergey Lavrov", country="UKR"), version=2),
            article("d4", person("Sergey Lavrov", country=None, role=None)),
        ]
    )
    assert actor_of(store, "d2") == actor_of(store, "d4") == keep
    assert len(store.query("SELECT 1 FROM actors WHERE kind = 'person'")) == 1


def test_a_merge_holds_in_a_store_rebuilt_from_the_decisions(tmp_path: Path) -> None:
    first = Store(tmp_path / "a.db")
    first.write([article("d1", person("Sergei Lavrov")), article("d2", person("Sergey Lavrov"))])
    cur.merge(first, "Sergei Lavrov", "Sergey Lavrov")
    rebuilt = Store(tmp_path / "b.db")
    rebuilt.conn.executemany(
        "INSERT INTO actor_curation VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        first.query("SELECT * FROM actor_curation"),
    )
    # B's article first: the actor made for it is A, with A's name
    rebuilt.write([article("d2", person("Sergey Lavrov")), article("d1", person("Sergei Lavrov"))])
    rows = rebuilt.query("SELECT name FROM actors WHERE kind = 'person'")
    assert [r[0] for r in rows] == ["Sergei Lavrov"]
    assert actor_of(rebuilt, "d1") == actor_of(rebuilt, "d2")


def test_merging_a_person_with_an_organisation_needs_force(tmp_path: Path) -> None:
    s = Store(tmp_path / "c.db")
    brown = person("Gordon Brown", country="GBR", role="Chancellor", code="GBRGOV")
    tobacco = person("Brown and Williamson", kind="organization", country="USA", code="USABUS")
    s.write([article("d1", brown), article("d2", tobacco)])
    before = dump(s)
    with pytest.raises(cur.CurationError, match="--force"):
        cur.merge(s, "Gordon Brown", "Brown and Williamson")
    assert dump(s) == before
    change = cur.merge(s, "Gordon Brown", "Brown and Williamson", force=True)
    assert change.articles == 1 and actor_of(s, "d2") == actor_of(s, "d1")


# --- split -----------------------------------------------------------------------------------
def test_split_gives_the_alias_its_own_actor(store: Store) -> None:
    a = actor_of(store, "d1")
    change = cur.split(store, "Sergei Lavrov", "Lavrov")
    assert change.actor is not None and change.actor["name"] == "Lavrov"
    new = change.actor["id"]
    assert (change.articles, change.quotes) == (1, 1)
    assert actor_of(store, "d3") == new != a == actor_of(store, "d1")
    assert q.actor(store, a)["quote_count"] == 1
    assert q.actor(store, new)["roles"][0]["role"] == "Foreign Minister"
    assert "Lavrov" not in q.actor(store, a)["aliases"]


def test_a_split_holds_for_the_same_and_new_articles(store: Store) -> None:
    a = actor_of(store, "d1")
    new = cur.split(store, "Sergei Lavrov", "Lavrov").actor
    assert new is not None
    store.write([article("d3", person("Lavrov"), version=2), article("d5", person("Lavrov"))])
    assert actor_of(store, "d3") == actor_of(store, "d5") == new["id"] != a


def test_split_undoes_an_earlier_merge_for_that_name(store: Store) -> None:
    a = actor_of(store, "d1")
    cur.merge(store, "Sergei Lavrov", "Sergey Lavrov")
    change = cur.split(store, "Sergei Lavrov", "Sergey Lavrov")
    assert change.actor is not None and actor_of(store, "d2") == change.actor["id"] != a
    store.write([article("d6", person("Sergey Lavrov"))])
    assert actor_of(store, "d6") == change.actor["id"]


# --- rename ----------------------------------------------------------------------------------
def test_rename_keeps_the_old_name_as_an_alias(store: Store) -> None:
    a = actor_of(store, "d1")
    change = cur.rename(store, "Sergei Lavrov", "Sergei V. Lavrov")
    assert change.actor == {**(change.actor or {}), "id": a, "name": "Sergei V. Lavrov"}
    info = q.actor(store, a)
    assert info["name"] == "Sergei V. Lavrov" and "Sergei Lavrov" in info["aliases"]
    store.write([article("d1", person("Sergei Lavrov"), version=2)])
    store.write([article("d7", person("Sergei Lavrov", country=None))])
    assert actor_of(store, "d1") == actor_of(store, "d7") == a
    assert q.actor(store, a)["name"] == "Sergei V. Lavrov"


def test_a_renamed_actor_keeps_its_name_in_a_rebuilt_store(tmp_path: Path) -> None:
    first = Store(tmp_path / "a.db")
    first.write([article("d1", person("Lavrov"))])
    cur.rename(first, "Lavrov", "Sergei Lavrov")
    rebuilt = Store(tmp_path / "b.db")
    rebuilt.conn.executemany(
        "INSERT INTO actor_curation VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        first.query("SELECT * FROM actor_curation"),
    )
    rebuilt.write([article("d1", person("Lavrov"))])
    assert [r[0] for r in rebuilt.query("SELECT name FROM actors")] == ["Sergei Lavrov"]


# --- refusals --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("command", "error", "words"),
    [
        (lambda s: cur.merge(s, "Sergei Lavrov", "people"), cur.CurationError, "description"),
        (lambda s: cur.rename(s, "people", "citizens"), cur.CurationError, "description"),
        (lambda s: cur.split(s, "people", "folk"), cur.CurationError, "description"),
        (lambda s: cur.merge(s, "Sergei Lavrov", "Nobody Atall"), NotFound, "no actor"),
        (lambda s: cur.merge(s, "Sergei Lavrov", "99999"), NotFound, "no actor with id"),
        (lambda s: cur.merge(s, "Sergei Lavrov", "Lavrov"), cur.CurationError, "same actor"),
        (lambda s: cur.rename(s, "Sergei Lavrov", "Sergey Lavrov"), cur.CurationError, "merge"),
        (lambda s: cur.rename(s, "Sergei Lavrov", "!!!"), cur.CurationError, "not a name"),
        (lambda s: cur.split(s, "Sergei Lavrov", "Sergei Lavrov"), cur.CurationError, "itself"),
        (lambda s: cur.split(s, "Sergei Lavrov", "Smith"), NotFound, "never named"),
        (lambda s: cur.split(s, "Russia", "Russian Federation"), cur.CurationError, "country"),
        (lambda s: cur.merge(s, "Smith", "Sergei Lavrov"), cur.AmbiguousActor, "give the id"),
        (lambda s: cur.undo(s, 42), NotFound, "no curation decision"),
    ],
)
def test_refusals_are_clear_and_change_nothing(
    store: Store, command: object, error: type[Exception], words: str
) -> None:
    store.write(
        [
            article(
                "d8",
                person("John Smith", country="GBR"),
                person("Mary Smith", local="a2", country="GBR"),
                person("people", local="a3", named=False, role=None, code=None, country=None),
                person("Russia", local="a4", kind="country", role=None, code="RUS"),
            )
        ]
    )
    before = dump(store)
    with pytest.raises(error, match=words):
        command(store)  # type: ignore[operator]
    assert dump(store) == before


def test_a_failure_midway_rolls_everything_back(store: Store) -> None:
    before = dump(store)
    # a trigger makes the decision's insert fail after the rows were moved
    store.conn.execute(
        "CREATE TEMP TRIGGER no_decisions BEFORE INSERT ON actor_curation"
        " BEGIN SELECT RAISE(ABORT, 'refused by the test'); END"
    )
    with pytest.raises(cur.StoreError, match="nothing was changed"):
        cur.merge(store, "Sergei Lavrov", "Sergey Lavrov")
    assert dump(store) == before


# --- undo ------------------------------------------------------------------------------------
def test_undo_a_merge_gives_the_articles_back(store: Store) -> None:
    a = actor_of(store, "d1")
    decision = cur.merge(store, "Sergei Lavrov", "Sergey Lavrov").decision
    change = cur.undo(store, decision.id)
    assert change.articles == 1 and cur.decisions(store) == []
    b = actor_of(store, "d2")
    assert b != a and actor_of(store, "d3") == a
    assert q.actor(store, b)["name"] == "Sergey Lavrov"
    assert "Sergey Lavrov" not in q.actor(store, a)["aliases"]
    store.write([article("d9", person("Sergey Lavrov", country="UKR"))])
    assert actor_of(store, "d9") == b


def test_undo_a_split_joins_the_alias_again(store: Store) -> None:
    a = actor_of(store, "d1")
    split = cur.split(store, "Sergei Lavrov", "Lavrov")
    assert split.actor is not None
    cur.undo(store, split.decision.id)
    assert actor_of(store, "d3") == a
    assert not store.query("SELECT 1 FROM actors WHERE id = ?", (split.actor["id"],))


def test_undo_a_rename(store: Store) -> None:
    a = actor_of(store, "d1")
    decision = cur.rename(store, "Sergei Lavrov", "Sergei V. Lavrov").decision
    cur.undo(store, decision.id)
    info = q.actor(store, a)
    assert info["name"] == "Sergei Lavrov" and "Sergei V. Lavrov" not in info["aliases"]
    store.write([article("d1", person("Sergei Lavrov"), version=3)])
    assert actor_of(store, "d1") == a


def test_undo_refuses_a_decision_a_later_one_builds_on(store: Store) -> None:
    merge = cur.merge(store, "Sergei Lavrov", "Sergey Lavrov").decision
    rename = cur.rename(store, "Sergei Lavrov", "Sergei V. Lavrov").decision
    with pytest.raises(cur.CurationError, match=f"undo #{rename.id} first"):
        cur.undo(store, merge.id)
    cur.undo(store, rename.id)
    cur.undo(store, merge.id)
    assert cur.decisions(store) == []


def test_decisions_name_actors_by_kind_and_key(store: Store) -> None:
    cur.merge(store, "Sergei Lavrov", "Sergey Lavrov")
    (d,) = cur.decisions(store)
    assert (d.kind, d.actor_key, d.other_kind, d.other_key) == (
        "person",
        "sergei lavrov",
        "person",
        "sergey lavrov",
    )
    assert d.created_at == "2024-01-01T00:00:00+00:00"
    assert d.to_dict()["description"] == "merge 'Sergey Lavrov' (person) into 'Sergei Lavrov'"
