"""Edge cases of the store: concurrent creation, odd paths, lookup keys that name nobody."""

from __future__ import annotations

import multiprocessing as mp
from pathlib import Path

import pytest
from test_store import event, lavrov, make, quote

from communique.errors import NotFound
from communique.store import Store, dyads
from communique.store import queries as q
from communique.store.schema import SCHEMA_VERSION, version


def _create(path: str, barrier: mp.synchronize.Barrier, errors: mp.Queue[str]) -> None:
    barrier.wait()
    try:
        Store(path).close()
    except Exception as e:  # reported to the parent, which asserts there were none
        errors.put(repr(e))


def test_two_processes_creating_one_new_store_at_once(tmp_path: Path) -> None:
    ctx = mp.get_context("spawn")
    for trial in range(5):
        path = str(tmp_path / f"new-{trial}.db")
        barrier = ctx.Barrier(2)
        errors: mp.Queue[str] = ctx.Queue()
        procs = [ctx.Process(target=_create, args=(path, barrier, errors)) for _ in range(2)]
        for p in procs:
            p.start()
        for p in procs:
            p.join(60)
        found = [errors.get() for _ in range(errors.qsize())] if not errors.empty() else []
        assert found == []
        assert all(p.exitcode == 0 for p in procs)
        with Store(path) as s:
            assert version(s.conn) == SCHEMA_VERSION


def test_readonly_path_with_uri_characters(tmp_path: Path) -> None:
    path = tmp_path / "my#1?.db"
    with Store(path) as s:
        s.write([make("d1")])
    with Store(path, readonly=True) as s:
        assert s.counts()["documents"] == 1
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.endswith(("-wal", "-shm"))) == [
        "my#1?.db"
    ]


@pytest.fixture
def filled(tmp_path: Path) -> Store:
    s = Store(tmp_path / "c.db")
    s.write([make("d1", actors=(lavrov(),), quotes=(quote(),), events=(event(),))])
    return s


@pytest.mark.parametrize("name", ["!!!", "-", "Mr", "²", "12345678901234567890123", " "])
def test_lookups_that_name_nobody_find_nothing(filled: Store, name: str) -> None:
    with pytest.raises(NotFound):
        q.find_actor(filled, name)


@pytest.mark.parametrize("name", ["!!!", "-", "Mr", "²"])
def test_speakers_that_name_nobody_find_no_quotes(filled: Store, name: str) -> None:
    assert q.quotes(filled, speaker=name) == []


def test_a_blank_speaker_is_no_filter(filled: Store) -> None:
    assert len(q.quotes(filled, speaker=" ")) == len(q.quotes(filled)) == 1


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("42", 42),
        (42, 42),
        ("²", None),
        ("٣", None),
        ("-1", None),
        (-1, None),
        (str(2**63), None),
        (str(2**63 - 1), 2**63 - 1),
        ("1e3", None),
        ("", None),
    ],
)
def test_row_id_is_strict(value: str | int, expected: int | None) -> None:
    assert q.row_id(value) == expected


# issue 10: what the analysis left out of a document is kept with it
def test_notes_are_stored_and_shown(tmp_path: Path) -> None:
    from dataclasses import replace

    a = make("n1")
    noted = replace(a, article=replace(a.article, notes=("1 passage(s) split",)))
    with Store(str(tmp_path / "n.db")) as store:
        store.write([noted, make("n2")])
        assert q.show(store, "n1").article.notes == ("1 passage(s) split",)
        assert q.show(store, "n2").article.notes == ()


def test_a_version_1_store_gains_the_notes_column(tmp_path: Path) -> None:
    import sqlite3

    from communique.store.schema import MIGRATIONS, _apply

    path = tmp_path / "v1.db"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    _apply(conn, MIGRATIONS[0], 1)
    conn.close()
    with Store(str(path)) as store:
        assert version(store.conn) == SCHEMA_VERSION >= 2
        store.write([make("old")])
        assert q.show(store, "old").article.notes == ()


# issue 14: `dyad --by week` labelled periods "2023-W00", and left undated events out silently
def test_weeks_are_iso_weeks_and_undated_events_are_counted(tmp_path: Path) -> None:
    from dataclasses import replace

    with Store(str(tmp_path / "w.db")) as store:
        dated = make("d1", events=(event(),), published="2023-01-01")
        dated = replace(dated, events=(replace(dated.events[0], date="2023-01-01"),))
        undated = make("d2", events=(event(),), published=None)  # type: ignore[arg-type]
        undated = replace(undated, events=(replace(undated.events[0], date=None),))
        store.write([dated, undated])
        source, target = dated.events[0].source, dated.events[0].target
        rows = dyads.dyad(store, source or "", target or "", by="week")
        assert [r["period"] for r in rows] == ["2022-W52"]  # Sunday 1 January 2023
        assert dyads.dyad_undated(store, source or "", target or "") == 1


# issue 14: the relations series was cut at 400 periods from its first one, so a 1942 event
# hid the events of 2023; a long series now keeps its latest periods
def test_a_long_series_keeps_its_latest_periods(tmp_path: Path) -> None:
    from communique.web.data import dyad_series

    with Store(str(tmp_path / "s.db")) as store:
        store.write(
            [
                make("old", events=(event(date="1942-06-01"),), published="1942-06-01"),
                make("new", events=(event(date="2023-10-07"),), published="2023-10-07"),
            ]
        )
        series = dyad_series(store, "RUS", "USA", by="month", max_periods=3)
        assert [r["period"] for r in series] == ["2023-08", "2023-09", "2023-10"]
        assert series[-1]["events"] == 1
