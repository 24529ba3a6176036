"""``communique actors merge|split|rename|curation|undo`` (``cli.curation``), in-process."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from communique.cli import main
from communique.store import Store
from curation_data import analysis


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = str(tmp_path / "c.db")
    with Store(path) as store:
        store.write(
            [
                analysis("d1", "Sergei Lavrov"),
                analysis("d2", "Sergey Lavrov"),
                analysis("d3", "Lavrov"),
                analysis("d4", "Gazprom", kind="organization"),
                analysis("d5", "officials", named=False),
                analysis("d6", "John Smith"),
                analysis("d7", "Mary Smith"),
            ]
        )
    return path


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


def listed(db: str) -> dict[str, dict[str, object]]:
    code, out = run("actors", "--db", db, "--json")
    assert code == 0, out
    return {r["name"]: r for r in json.loads(out)}


def test_bare_actors_still_lists(db: str) -> None:
    code, out = run("actors", "--db", db, "--kind", "organization")
    assert code == 0 and "Gazprom" in out and "Lavrov" not in out
    assert {"Sergei Lavrov", "Sergey Lavrov"} <= set(listed(db))
    assert "officials" not in listed(db)  # a description, an actor of its article
    code, out = run("actors", "--db", db, "--descriptions", "--json")
    assert code == 0 and "officials" in {r["name"] for r in json.loads(out)}


def test_merge_prints_what_changed_and_lists_the_decision(db: str) -> None:
    code, out = run("actors", "merge", "Sergei Lavrov", "Sergey Lavrov", "--db", db)
    assert code == 0, out
    assert "merged" in out and "1 article(s), 1 quote(s)" in out and "decision #1" in out
    assert "Sergey Lavrov" not in listed(db) and listed(db)["Sergei Lavrov"]["quotes"] == 3
    code, out = run("actors", "curation", "--db", db, "--json")
    assert code == 0 and json.loads(out)[0]["other_name"] == "Sergey Lavrov"
    code, out = run("actors", "--db", db, "curation")  # --db given to the group
    assert code == 0 and "merge" in out


def test_split_rename_undo(db: str) -> None:
    code, out = run("actors", "split", "Sergei Lavrov", "Lavrov", "--db", db, "--json")
    assert code == 0, out
    change = json.loads(out)
    assert change["actor"]["name"] == "Lavrov" and change["articles"] == 1
    code, out = run("actors", "rename", "Sergei Lavrov", "Sergei V. Lavrov", "--db", db)
    assert code == 0 and "renamed" in out
    assert "Sergei V. Lavrov" in listed(db)
    code, out = run("actors", "undo", "2", "--db", db)
    assert code == 0 and "undid #2" in out
    assert "Sergei Lavrov" in listed(db)


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("merge", "Sergei Lavrov", "officials"), "description"),
        (("merge", "Sergei Lavrov", "Gazprom"), "--force"),
        (("merge", "Sergei Lavrov", "Nobody Atall"), "no actor named"),
        (("merge", "Smith", "Sergei Lavrov"), "names 2 actors"),
        (("rename", "Sergei Lavrov", "Sergey Lavrov"), "merge the two instead"),
        (("split", "Sergei Lavrov", "Smith"), "never named"),
        (("undo", "5"), "no curation decision #5"),
    ],
)
def test_refusals_are_one_line_and_change_nothing(
    db: str, args: tuple[str, ...], words: str
) -> None:
    before = listed(db)
    code, out = run("actors", *args, "--db", db)
    assert code == 1 and words in out and "Traceback" not in out
    assert listed(db) == before
    assert run("actors", "curation", "--db", db, "--json")[1].strip() == "[]"


def test_merge_with_force(db: str) -> None:
    code, out = run("actors", "merge", "Sergei Lavrov", "Gazprom", "--force", "--db", db)
    assert code == 0 and "Gazprom" not in listed(db)


def test_a_missing_database_is_not_created(tmp_path: Path) -> None:
    missing = tmp_path / "none.db"
    code, out = run("actors", "merge", "a", "b", "--db", str(missing))
    assert code == 1 and "no such database" in out and not missing.exists()


def test_undo_takes_a_positive_id(db: str) -> None:
    code, out = run("actors", "undo", "0", "--db", db)
    assert code == 2 and "ID" in out
