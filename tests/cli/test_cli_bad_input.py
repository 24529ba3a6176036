"""Bad values on the command line get a clear error, never a silent empty answer (issue 14)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from communique.cli import main


@pytest.mark.parametrize(
    "args",
    [
        ["quotes", "--since", "yesterday"],
        ["quotes", "--until", "2005-13-01"],
        ["events", "--since", "2023-02-30"],
        ["quotes", "--limit", "-5"],
        ["quotes", "--limit", "5000"],  # more than one page holds: refused, not cut
        ["actors", "--offset", "-1"],
        ["actors", "--country", "Narnia"],
    ],
)
def test_bad_values_are_refused(seed_db: str, args: list[str]) -> None:
    result = CliRunner().invoke(main, [*args, "--db", seed_db])
    assert result.exit_code == 2
    assert "Invalid value" in result.output and "Traceback" not in result.output


def test_a_country_may_be_named(seed_db: str) -> None:
    by_code = CliRunner().invoke(main, ["actors", "--country", "RUS", "--db", seed_db, "--json"])
    by_name = CliRunner().invoke(main, ["actors", "--country", "Russia", "--db", seed_db, "--json"])
    by_adj = CliRunner().invoke(main, ["actors", "--country", "russian", "--db", seed_db, "--json"])
    assert by_code.exit_code == by_name.exit_code == by_adj.exit_code == 0
    rows = json.loads(by_code.stdout)
    assert rows and rows == json.loads(by_name.stdout) == json.loads(by_adj.stdout)


def test_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    bogus = tmp_path / "notes.db"
    bogus.write_text("not a database", encoding="utf-8")
    for command in (["stats"], ["quotes"], ["actors"]):
        result = CliRunner().invoke(main, [*command, "--db", str(bogus)])
        assert result.exit_code == 1
        assert "cannot open as a Communiqué database" in result.output
        assert result.exception is None or isinstance(result.exception, SystemExit)


def test_a_database_that_is_not_ours(tmp_path: Path) -> None:
    import sqlite3

    other = tmp_path / "other.db"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE t (x)")
    result = CliRunner().invoke(main, ["stats", "--db", str(other)])
    assert result.exit_code == 1 and "not a Communiqué database" in result.output
