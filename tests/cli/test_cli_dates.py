"""Publication dates at ingest (issue 14): from the source, from the URL, from --date; the
undated counted in a warning."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from communique.article.dates import url_date
from communique.cli import main
from communique.sources import read_sources
from communique.store import Store

TEXT = (
    "The foreign minister of France met his German counterpart in Berlin on Monday to discuss "
    "the European budget. Officials said further talks would be held in Paris next month."
)


def dump(tmp_path: Path, *records: dict[str, str]) -> Path:
    p = tmp_path / "d.jsonl"
    p.write_text("".join(json.dumps({"text": TEXT, **r}) + "\n" for r in records), "utf-8")
    return p


@pytest.mark.parametrize(
    "field", ["published", "date", "pubDate", "publish_date", "published_at", "datePublished"]
)
def test_a_dump_s_date_is_read_under_its_usual_names(tmp_path: Path, field: str) -> None:
    (doc,) = read_sources([str(dump(tmp_path, {"id": "a", field: "2023-12-04"}))])
    assert doc.published == "2023-12-04"


def test_dates_from_the_url_and_from_date(tmp_path: Path) -> None:
    p = dump(
        tmp_path,
        {"id": "given", "date": "2023-12-01"},
        {"id": "in-url", "url": "https://news.example/world/2023/11/30/talks"},
        {"id": "none"},
    )
    db = str(tmp_path / "c.db")
    result = CliRunner().invoke(main, ["ingest", str(p), "--db", db, "--date", "2023-12-02"])
    assert result.exit_code == 0, result.output
    with Store(db) as store:
        dates = {
            r["id"]: r["published"] for r in store.query("SELECT id, published FROM documents")
        }
    assert dates == {"given": "2023-12-01", "in-url": "2023-11-30", "none": "2023-12-02"}


def test_undated_articles_are_counted_in_a_warning(tmp_path: Path) -> None:
    p = dump(tmp_path, {"id": "a"}, {"id": "b", "date": "2023-12-01"})
    db = str(tmp_path / "c.db")
    result = CliRunner().invoke(main, ["ingest", str(p), "--db", db, "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["undated"] == 1
    assert "warning: 1 of the articles stored have no publication date" in result.stderr


@pytest.mark.parametrize("value", ["yesterday", "2005-13-01", "2023-02-30", "12/04/2023"])
def test_date_is_checked(tmp_path: Path, value: str) -> None:
    p = dump(tmp_path, {"id": "a"})
    db = tmp_path / "c.db"
    result = CliRunner().invoke(main, ["ingest", str(p), "--db", str(db), "--date", value])
    assert result.exit_code == 2 and "YYYY-MM-DD" in result.output
    assert not db.exists()


def test_url_dates() -> None:
    assert url_date("https://www.bbc.com/news/2023/12/04/story") == "2023-12-04"
    assert url_date("https://example.com/about") is None
    assert url_date(None) is None


# issue 14: `ingest missing.txt --db x.db` failed but left an empty x.db
def test_a_missing_source_leaves_no_database(tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    result = CliRunner().invoke(main, ["ingest", str(tmp_path / "missing.txt"), "--db", str(db)])
    assert result.exit_code == 1 and "no such file or folder" in result.output
    assert not db.exists()


def test_a_date_range_says_how_many_undated_items_it_leaves_out(tmp_path: Path) -> None:
    runner = CliRunner()
    db = tmp_path / "u.db"
    text = "Sergei Lavrov said the talks with the United States had been useful and frank."
    src = tmp_path / "a.jsonl"
    src.write_text(json.dumps({"id": "u1", "title": "Talks", "text": text}) + "\n", "utf-8")
    assert runner.invoke(main, ["ingest", str(src), "--db", str(db)]).exit_code == 0
    all_quotes = json.loads(runner.invoke(main, ["quotes", "--db", str(db), "--json"]).stdout)
    assert all_quotes  # undated, listed without a date range
    ranged = runner.invoke(main, ["quotes", "--db", str(db), "--since", "2020-01-01"])
    assert ranged.exit_code == 0
    assert "(nothing found)" in ranged.stdout
    assert f"{len(all_quotes)} undated quote(s)" in ranged.stderr
