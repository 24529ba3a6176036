"""``analyze``, ``ingest`` and ``load`` (communique.cli.analyze)."""

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
from click.testing import CliRunner

from communique.cli import main

from helpers import ROOT, SAMPLES, SEED

SCHEMA = json.loads((ROOT / "src/communique/schema/analysis.schema.json").read_text())


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


def test_load_stores_exported_records_and_names_a_bad_line(seed_db: str, tmp_path: Path) -> None:
    runner = CliRunner()
    records = tmp_path / "records.jsonl"
    exported = runner.invoke(
        main, ["export", "--format", "jsonl", "--db", seed_db, "-o", str(records)]
    )
    assert exported.exit_code == 0, exported.output
    db = tmp_path / "loaded.db"
    loaded = runner.invoke(main, ["load", str(records), "--db", str(db), "--json"])
    assert loaded.exit_code == 0, loaded.output
    assert json.loads(loaded.stdout) == {"added": 3, "replaced": 0, "unchanged": 0, "skipped": 0}

    bad = tmp_path / "bad.jsonl"
    bad.write_text(records.read_text(encoding="utf-8").splitlines()[0] + "\n{broken\n")
    failed = runner.invoke(main, ["load", str(bad), "--db", str(tmp_path / "b.db")])
    assert failed.exit_code == 1
    (message,) = failed.stderr.strip().splitlines()
    assert message.startswith(f"communique: {bad}:2: not valid JSON")


def test_load_of_a_missing_path_creates_no_database(tmp_path: Path) -> None:
    db = tmp_path / "never.db"
    result = CliRunner().invoke(main, ["load", str(tmp_path / "nope"), "--db", str(db)])
    assert result.exit_code == 1
    assert result.stderr.strip() == f"communique: {tmp_path / 'nope'}: no such file or folder"
    assert not db.exists()
