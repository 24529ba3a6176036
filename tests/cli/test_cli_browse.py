"""The queries of the store (communique.cli.browse)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from communique.cli import main


@pytest.mark.parametrize(
    "command",
    [
        ["quotes"],
        ["actors"],
        ["events"],
        ["stats"],
        ["dyad", "USA", "RUS"],
        ["quotes", "--speaker", "Lavrov"],
        ["actors", "--country", "RUS"],
    ],
)
def test_listings_have_json(seed_db: str, command: list[str]) -> None:
    result = CliRunner().invoke(main, [*command, "--db", seed_db, "--json"])
    assert result.exit_code == 0, result.output
    json.loads(result.stdout)


def test_show_and_actor_and_export(seed_db: str, tmp_path: Path) -> None:
    runner = CliRunner()
    shown = runner.invoke(main, ["show", "seed-defenseone-2013", "--db", seed_db, "--json"])
    assert shown.exit_code == 0
    assert json.loads(shown.stdout)["id"] == "seed-defenseone-2013"
    missing = runner.invoke(main, ["show", "nope", "--db", seed_db])
    assert missing.exit_code == 1 and "no document" in missing.stderr
    out = tmp_path / "all.jsonl"
    exported = runner.invoke(main, ["export", "--format", "jsonl", "--db", seed_db, "-o", str(out)])
    assert exported.exit_code == 0
    assert len(out.read_text(encoding="utf-8").splitlines()) == 3
    csv_out = runner.invoke(main, ["export", "--format", "csv", "--db", seed_db])
    assert csv_out.stdout.splitlines()[0].startswith("doc_id,published,speaker")


def test_queries_on_missing_database_are_clear(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["quotes", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1 and "no such database" in result.stderr


def test_lavrov_in_several_articles_is_one_actor_with_all_his_quotes(seed_db: str) -> None:
    result = CliRunner().invoke(main, ["actor", "Lavrov", "--db", seed_db, "--json"])
    assert result.exit_code == 0, result.output
    info = json.loads(result.stdout)
    assert info["name"] == "Sergei Lavrov" and info["code"] == "RUSGOV"
    assert info["articles"] == 3
    assert len({q["doc_id"] for q in info["quotes"]}) == 3
    people = json.loads(
        CliRunner().invoke(main, ["actors", "--db", seed_db, "--name", "Lavrov", "--json"]).stdout
    )
    assert [p["name"] for p in people] == ["Sergei Lavrov"]


# issue 14: the quotes table had no article column and cut text at 70 characters whatever the
# terminal's width
def test_the_quotes_table_names_the_article_and_fills_the_terminal(seed_db: str) -> None:
    from click.testing import CliRunner

    from communique.cli import main

    wide = CliRunner(env={"COLUMNS": "220"}).invoke(main, ["quotes", "--db", seed_db])
    narrow = CliRunner(env={"COLUMNS": "80"}).invoke(main, ["quotes", "--db", seed_db])
    assert wide.exit_code == narrow.exit_code == 0
    header = wide.output.splitlines()[0]
    assert "doc_id" in header and "published" in header
    assert max(map(len, wide.output.splitlines())) > 150
    assert max(map(len, narrow.output.splitlines())) <= 104  # the fixed columns and 20 of text


def test_tsv_and_wide_print_every_cell_whole_with_provenance(seed_db: str) -> None:
    runner = CliRunner(env={"COLUMNS": "80"})
    quotes = json.loads(runner.invoke(main, ["quotes", "--db", seed_db, "--json"]).stdout)
    longest = max((q["text"] for q in quotes), key=len)
    assert len(longest) > 80  # the table cuts it to the terminal
    table = runner.invoke(main, ["quotes", "--db", seed_db]).stdout
    assert longest not in table
    tsv = runner.invoke(main, ["quotes", "--db", seed_db, "--tsv"])
    assert tsv.exit_code == 0, tsv.output
    lines = tsv.stdout.splitlines()
    header = lines[0].split("\t")
    assert header[:2] == ["published", "doc_id"] and "title" in header and "url" in header
    assert any(longest in line for line in lines[1:])
    assert len(lines) == len(quotes) + 1
    wide = runner.invoke(main, ["events", "--db", seed_db, "--wide", "--min-confidence", "0"])
    assert wide.exit_code == 0 and "title" in wide.stdout.splitlines()[0]
    assert "seed-defenseone-2013" in wide.stdout  # every event row names its article
