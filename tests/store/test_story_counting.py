"""Quotes and events counted once per story in listings, dyads and exports (issue 16)."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_store import event, lavrov, make, quote
from test_stories import OTHER, WIRE

from communique.cli import main
from communique.export import Filters, export
from communique.gdelt import GDELT_EVENT_COLUMNS
from communique.store import Store, dyads
from communique.store import queries as q

COL = {n: i for i, n in enumerate(GDELT_EVENT_COLUMNS)}


def _outlet(analysis, outlet: str):  # type: ignore[no-untyped-def]
    return replace(analysis, article=replace(analysis.article, outlet=outlet))


@pytest.fixture()
def path(tmp_path: Path) -> Path:
    """Three outlets print one wire story (each with the quote and the event); a fourth
    article tells another story with the same quote and event."""
    edited = WIRE.replace("on Tuesday", "late on Tuesday") + " Reuters contributed."
    docs = [
        _outlet(
            make("ap", text=WIRE, actors=(lavrov(),), quotes=(quote(),), events=(event(),)), "AP"
        ),
        _outlet(
            make("paper", text=edited, actors=(lavrov(),), quotes=(quote(),), events=(event(),)),
            "Paper",
        ),
        _outlet(
            make("copy", text=WIRE, actors=(lavrov(),), quotes=(quote(),), events=(event(),)),
            "Copy",
        ),
        _outlet(
            make("bank", text=OTHER, actors=(lavrov(),), quotes=(quote(),), events=(event(),)),
            "Bank",
        ),
    ]
    p = tmp_path / "s.db"
    with Store(p) as store:
        store.write(docs)
        assert q.stats(store)["stories"] == 2
    return p


def test_listings_count_once_per_story(path: Path) -> None:
    with Store(path, readonly=True) as store:
        quotes = q.quotes(store)
        assert sorted(r["reports"] for r in quotes) == [1, 3]
        assert {r["doc_id"] for r in quotes} == {"ap", "bank"}  # the first of each story
        assert len(q.quotes(store, per_article=True)) == 4
        assert sorted(r["reports"] for r in q.events(store)) == [1, 3]
        assert len(q.events(store, per_article=True)) == 4
        # totals count what the listing shows
        assert q.count_quotes(store) == 2 and q.count_quotes(store, per_article=True) == 4
        assert q.count_events(store, between=("USA", "RUS")) == 2
        # filters apply before copies are counted
        assert [r["reports"] for r in q.quotes(store, doc_id="paper")] == [1]


def test_dyads_count_once_per_story(path: Path) -> None:
    with Store(path, readonly=True) as store:
        assert [r["events"] for r in dyads.dyad(store, "RUS", "USA")] == [2]
        assert [r["events"] for r in dyads.dyad(store, "RUS", "USA", per_article=True)] == [4]


def test_undated_events_of_one_story_count_once(tmp_path: Path) -> None:
    docs = [
        make("a", text=WIRE, events=(event(date=None),), published=None),
        make("b", text=WIRE, events=(event(date=None),), published=None),
        make("c", text=OTHER, events=(event(date=None),), published=None),
    ]
    with Store(tmp_path / "u.db") as store:
        store.write(docs)
        assert dyads.dyad_undated(store, "RUS", "USA") == 2
        assert dyads.dyad_undated(store, "RUS", "USA", per_article=True) == 3


def test_gdelt_export_counts_mentions_sources_and_articles_of_a_story(path: Path) -> None:
    with Store(path, readonly=True) as store:
        rows = [line.rstrip("\n").split("\t") for line in export(store, "gdelt")]
    counts = sorted(
        (r[COL["NumMentions"]], r[COL["NumSources"]], r[COL["NumArticles"]]) for r in rows
    )
    assert counts == [("1", "1", "1"), ("3", "3", "3")]


def test_exports_take_the_listings_filters(path: Path) -> None:
    with Store(path, readonly=True) as store:
        assert list(export(store, "gdelt", Filters(code="19"))) == []
        assert len(list(export(store, "gdelt", Filters(source="RUS", code="04")))) == 2
        table = list(csv.DictReader(io.StringIO("".join(export(store, "csv")))))
        assert sorted(r["reports"] for r in table) == ["1", "3"]
        raw = "".join(export(store, "csv", per_article=True))
        assert len(list(csv.DictReader(io.StringIO(raw)))) == 4
        records = list(export(store, "jsonl", Filters(about="central bank interest")))
        assert len(records) == 1 and '"bank"' in records[0]
        with pytest.raises(ValueError, match="does not filter by speaker "):
            list(export(store, "gdelt", Filters(speaker="Lavrov")))


def test_cli_per_article_and_refused_filter(path: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    once = runner.invoke(main, ["events", "--db", str(path), "--json"])
    raw = runner.invoke(main, ["events", "--db", str(path), "--json", "--per-article"])
    assert once.exit_code == 0 and raw.exit_code == 0
    assert once.output.count('"reports"') == 2 and raw.output.count('"reports"') == 4
    out = tmp_path / "x.tsv"
    bad = runner.invoke(
        main, ["export", "--db", str(path), "--format", "gdelt", "--kind", "direct", "-o", str(out)]
    )
    assert bad.exit_code == 2 and "does not filter by --kind" in bad.output
    assert not out.exists()
