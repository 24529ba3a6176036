from __future__ import annotations

import io
import json
from pathlib import Path

from communique.progress import LOG_SECONDS, Progress
from communique.sources import count_documents


class Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_progress_draws_a_bar_on_a_terminal() -> None:
    tty, clock = Tty(), Clock()
    p = Progress("ingest", total=4, stream=tty, clock=clock)
    clock.now = 1.0
    p.update(2, skipped=1)
    p.close()
    out = tty.getvalue()
    assert "ingest [" in out and "2/4 documents" in out and "skipped 1" in out
    assert "about 1 s left" in out


def test_a_short_run_leaves_a_log_clean() -> None:
    pipe, clock = io.StringIO(), Clock()
    p = Progress("ingest", total=4, stream=pipe, clock=clock)
    clock.now = 2.0
    p.update(4)
    p.close()
    assert pipe.getvalue() == ""


def test_a_long_run_reports_on_a_log_now_and_then() -> None:
    pipe, clock = io.StringIO(), Clock()
    p = Progress("ingest", stream=pipe, clock=clock)
    for _ in range(5):
        clock.now += LOG_SECONDS / 2
        p.update(10)
    p.close()
    lines = pipe.getvalue().splitlines()
    assert len(lines) == 3  # two along the way, one at the end
    assert all(line.startswith("ingest: ") and "\r" not in line for line in lines)
    assert lines[-1].startswith("ingest: 50 documents")


def test_documents_are_counted_for_a_total(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("One.", encoding="utf-8")
    dump = tmp_path / "d.jsonl"
    dump.write_text("\n".join(json.dumps({"text": f"T{i}"}) for i in range(3)) + "\n\n", "utf-8")
    assert count_documents([str(tmp_path)]) == 4
    assert count_documents([str(dump)]) == 3
    assert count_documents(["-"]) is None
    (tmp_path / "c.warc.gz").write_bytes(b"")
    assert count_documents([str(tmp_path)]) is None
