from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from communique.cli import main

from helpers import SAMPLES, SEED

SCHEMA = json.loads(
    (
        Path(__file__).resolve().parent.parent / "src/communique/schema/analysis.schema.json"
    ).read_text()
)


@pytest.fixture(scope="module")
def seed_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    db = str(tmp_path_factory.mktemp("db") / "c.db")
    result = CliRunner().invoke(main, ["ingest", str(SAMPLES), "--db", db])
    assert result.exit_code == 0, result.output
    return db


def test_analyze_seed_matches_the_schema_and_keeps_text() -> None:
    result = CliRunner().invoke(main, ["analyze", str(SEED)])
    assert result.exit_code == 0, result.output
    (line,) = [ln for ln in result.stdout.splitlines() if ln.strip()]
    record = json.loads(line)
    jsonschema.validate(record, SCHEMA)
    assert record["text"] == SEED.read_text(encoding="utf-8")
    assert record["id"] == "seed-defenseone-2013"


def test_analyze_keeps_jsonl_ids_and_reports_skips(tmp_path: Path) -> None:
    p = tmp_path / "in.jsonl"
    p.write_text(
        "\n".join(
            [
                json.dumps({"id": "ok-1", "text": "The minister said the talks went well. " * 5}),
                "{broken",
                json.dumps(
                    {
                        "id": "fr-1",
                        "text": "Le ministre a dit que les négociations se sont bien passées, et que la France et l'Allemagne sont d'accord sur les sanctions contre la Russie pour la guerre en Ukraine. "
                        * 3,
                    }
                ),
            ]
        ),
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["analyze", str(p)])
    assert result.exit_code == 0
    records = [json.loads(ln) for ln in result.stdout.splitlines() if ln.startswith("{")]
    assert [r["skipped"] is None for r in records] == [True, False, False]
    assert records[0]["id"] == "ok-1"
    assert "not English" in records[2]["skipped"]
    for r in records:
        jsonschema.validate(r, SCHEMA)


def test_analyze_fails_when_nothing_could_be_processed(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    result = CliRunner().invoke(main, ["analyze", str(tmp_path / "empty.txt")])
    assert result.exit_code == 1
    assert "nothing could be analysed" in result.stderr


def test_missing_input_is_one_line_error() -> None:
    result = CliRunner().invoke(main, ["analyze", "/no/such/file.txt"])
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [
        "communique: /no/such/file.txt: no such file or folder"
    ]


def test_ingest_is_idempotent(seed_db: str) -> None:
    before = CliRunner().invoke(main, ["stats", "--db", seed_db, "--json"])
    again = CliRunner().invoke(main, ["ingest", str(SAMPLES), "--db", seed_db, "--json"])
    assert again.exit_code == 0
    summary = json.loads(again.stdout)
    assert summary["added"] == 0 and summary["unchanged"] == summary["seen"] == 3
    after = CliRunner().invoke(main, ["stats", "--db", seed_db, "--json"])
    assert json.loads(before.stdout) == json.loads(after.stdout)


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


def _rows(db: Path) -> dict[str, int]:
    conn = sqlite3.connect(db)
    tables = (
        "documents",
        "skips",
        "actors",
        "doc_actors",
        "mentions",
        "quotes",
        "events",
        "actor_aliases",
    )
    out = {t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in tables}
    conn.close()
    return out


def test_killed_ingest_resumes_to_the_rows_of_an_uninterrupted_run(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    lines = (SAMPLES / "samples.jsonl").read_text(encoding="utf-8").splitlines()
    for i in range(8):
        record = json.loads(lines[i % len(lines)])
        (folder / f"a{i:02d}.txt").write_text(
            record["text"] + f"\n\nEdition {i}.", encoding="utf-8"
        )
    cmd = [sys.executable, "-m", "communique", "ingest", str(folder), "--batch-size", "1", "--db"]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    clean = tmp_path / "clean.db"
    subprocess.run([*cmd, str(clean)], check=True, capture_output=True, env=env, timeout=300)

    killed = tmp_path / "killed.db"
    proc = subprocess.Popen(
        [*cmd, str(killed)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env
    )
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline:
        if killed.exists() and proc.poll() is None:
            try:
                if _rows(killed)["documents"] >= 2:
                    break
            except sqlite3.Error:
                pass
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    partial = _rows(killed)["documents"]
    assert 0 < partial <= 8
    subprocess.run([*cmd, str(killed)], check=True, capture_output=True, env=env, timeout=300)
    assert _rows(killed) == _rows(clean)


def test_worker_processes_give_the_same_records_in_order() -> None:
    runner = CliRunner()
    one = runner.invoke(main, ["analyze", str(SAMPLES), "--batch-size", "1"])
    two = runner.invoke(main, ["analyze", str(SAMPLES), "--batch-size", "1", "--workers", "2"])
    assert one.exit_code == two.exit_code == 0
    assert [json.loads(x) for x in one.stdout.splitlines()] == [
        json.loads(x) for x in two.stdout.splitlines()
    ]


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


def test_gdelt_export_from_the_store_loads_in_pandas(seed_db: str, tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas")
    from communique.gdelt import GDELT_EVENT_COLUMNS

    out = tmp_path / "events.tsv"
    result = CliRunner().invoke(
        main, ["export", "--format", "gdelt", "--db", seed_db, "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    frame = pd.read_csv(out, sep="\t", header=None, names=list(GDELT_EVENT_COLUMNS), dtype=str)
    assert len(frame) > 0 and list(frame.columns)[:2] == ["GlobalEventID", "Day"]
    assert set(frame["EventRootCode"].dropna()) <= {f"{i:02d}" for i in range(1, 21)}
    assert frame["NumMentions"].astype(int).min() >= 1


def test_eval_body_scores_the_cleaner_on_a_gold_file(tmp_path: Path) -> None:
    text = (
        "Home | News | Sport\n\n"
        + "The minister said the talks with the delegation went well and would continue. " * 3
        + "\n\nCookie settings\n"
    )
    clean = "The minister said the talks with the delegation went well and would continue. " * 3
    gold = tmp_path / "gold.jsonl"
    gold.write_text(
        json.dumps({"id": "p1", "text": text, "clean_text": clean}) + "\n", encoding="utf-8"
    )
    result = CliRunner().invoke(main, ["eval", "body", str(gold), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["f1"] > 0.9
