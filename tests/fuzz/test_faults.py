"""Faults during ``communique ingest``: kill -9 (three times in one ingest) and concurrent
ingests into one store.

``tests/cli/test_cli_analyze.py`` kills one ingest of 8 articles once and compares the row
counts of a fixed list of tables. This extends it to the campaign of issue 10: 40 generated
articles plus unreadable files (so ``skips`` is written too), killed three times after a batch
was committed, re-run, and compared row by row (timestamps aside) to an uninterrupted run in
every table the schema has; and 5 processes ingesting different folders into one new store at
once, with no "database is locked" and every document stored.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from fuzzing import SENTENCES

pytestmark = pytest.mark.slow

TIMESTAMPS = {"ingested_at", "skipped_at", "created_at", "updated_at", "loaded_at"}
"""Columns that say when a row was written, which differs between two runs by design."""

ENV = {**os.environ, "PYTHONUNBUFFERED": "1"}


def ingest_cmd(folder: Path, db: Path, batch_size: int) -> list[str]:
    return [
        sys.executable,
        "-m",
        "communique",
        "ingest",
        str(folder),
        "--batch-size",
        str(batch_size),
        "--db",
        str(db),
    ]


def write_articles(folder: Path, n: int, *, tag: str = "", bad: bool = True) -> int:
    """``n`` short articles (plus an empty and a binary file when ``bad``); returns the number
    of documents the folder holds."""
    folder.mkdir(parents=True)
    for i in range(n):
        body = " ".join(SENTENCES[(i + k) % len(SENTENCES)] for k in range(4))
        (folder / f"{tag}a{i:03d}.txt").write_text(
            f"Story {tag}{i}\n\n{body}\n\nEdition {tag}{i}.\n", encoding="utf-8"
        )
    if not bad:
        return n
    (folder / "zz-empty.txt").write_bytes(b"")
    (folder / "zz-binary.txt").write_bytes(bytes(range(256)) * 4)
    return n + 2


def _ro(db: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=10)


def tables(conn: sqlite3.Connection) -> list[str]:
    """Every table of the schema; FTS5 segment tables (whose layout depends on how the
    inserts were batched, not on what was stored) are left out."""
    names = [
        r[0]
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    return sorted(n for n in names if not n.endswith(("_fts_data", "_fts_idx")))


def row_counts(db: Path) -> dict[str, int]:
    with _ro(db) as conn:
        return {t: conn.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in tables(conn)}


def rows(db: Path) -> dict[str, list[tuple]]:
    """Every row of every (non-virtual) table, without timestamp columns, sorted."""
    out: dict[str, list[tuple]] = {}
    with _ro(db) as conn:
        for t in tables(conn):
            if conn.execute(
                "SELECT sql LIKE 'CREATE VIRTUAL%' FROM sqlite_master WHERE name = ?", (t,)
            ).fetchone()[0]:
                continue
            cols = [
                r[1] for r in conn.execute(f'PRAGMA table_info("{t}")') if r[1] not in TIMESTAMPS
            ]
            select = ", ".join(f'"{c}"' for c in cols)
            out[t] = sorted(conn.execute(f'SELECT {select} FROM "{t}"').fetchall(), key=repr)
    return out


def documents_now(db: Path) -> int:
    """Documents committed so far (0 while the store does not exist or is being created)."""
    if not db.exists():
        return 0
    try:
        with _ro(db) as conn:
            return int(conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0])
    except sqlite3.Error:
        return 0


def integrity(db: Path) -> str:
    with _ro(db) as conn:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])


def kill_after_progress(cmd: list[str], db: Path, beyond: int, timeout: float = 240) -> int:
    """Run ``cmd``, SIGKILL it as soon as more than ``beyond`` documents are committed;
    return the documents committed then (the run may also finish first)."""
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=ENV)
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline and proc.poll() is None:
            if documents_now(db) > beyond:
                proc.send_signal(signal.SIGKILL)
                break
            time.sleep(0.01)
        else:
            if proc.poll() is None:
                pytest.fail(f"ingest made no progress beyond {beyond} documents in {timeout} s")
    finally:
        _, err = proc.communicate(timeout=60)
    assert proc.returncode in (0, -signal.SIGKILL), err.decode(errors="replace")[-2000:]
    return documents_now(db)


def test_ingest_killed_three_times_resumes_to_the_rows_of_an_uninterrupted_run(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "articles"
    total = write_articles(folder, 40)
    clean, killed = tmp_path / "clean.db", tmp_path / "killed.db"
    subprocess.run(
        ingest_cmd(folder, clean, 2), check=True, capture_output=True, env=ENV, timeout=300
    )
    assert row_counts(clean)["documents"] + row_counts(clean)["skips"] == total

    committed = [0]
    for _ in range(3):
        committed.append(kill_after_progress(ingest_cmd(folder, killed, 2), killed, committed[-1]))
        assert integrity(killed) == "ok"
    # the first kill came after the first batch and before the end (the later ones may find
    # little left to do)
    assert 2 <= committed[1] < 40, committed
    assert committed == sorted(committed)

    done = subprocess.run(
        ingest_cmd(folder, killed, 2), capture_output=True, env=ENV, timeout=300, text=True
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "Traceback" not in done.stderr
    assert integrity(killed) == "ok"
    assert row_counts(killed) == row_counts(clean)
    assert rows(killed) == rows(clean)


def test_concurrent_ingests_into_one_store_lose_nothing_and_never_lock(tmp_path: Path) -> None:
    db = tmp_path / "shared.db"
    folders = [tmp_path / f"f{p}" for p in range(5)]
    expected = sum(write_articles(f, 6, tag=f"p{p}-", bad=False) for p, f in enumerate(folders))
    procs = [
        subprocess.Popen(
            ingest_cmd(f, db, 1),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=ENV,
            text=True,
        )
        for f in folders
    ]
    results = [(p.wait(timeout=300), *p.communicate()) for p in procs]
    for code, out, err in results:
        assert "database is locked" not in (out + err).lower()
        assert "Traceback" not in err
        assert code == 0, err[-2000:]
    counts = row_counts(db)
    assert counts["documents"] == expected and counts["skips"] == 0, counts
    with _ro(db) as conn:
        ids = {r[0] for r in conn.execute("SELECT id FROM documents")}
    assert ids == {f"p{p}-a{i:03d}" for p in range(5) for i in range(6)}
    assert integrity(db) == "ok"
