from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from communique.cli import main
from communique.errors import SourceError
from communique.spark import analyze_partition, read_records

from helpers import SAMPLES


def test_analyze_partition_turns_lines_into_records(nlp) -> None:  # type: ignore[no-untyped-def]
    lines = (SAMPLES / "samples.jsonl").read_text(encoding="utf-8").splitlines() + ["{bad json"]
    out = [json.loads(x) for x in analyze_partition(lines)]
    assert [r["id"] for r in out[:2]] == [
        "sample-2013-09-lavrov-geneva",
        "sample-2014-03-sanctions",
    ]
    assert out[2]["skipped"].startswith("line 3 is not valid JSON")
    assert [a.article.id for a in read_records(json.dumps(r) for r in out[:2])] == [
        r["id"] for r in out[:2]
    ]


def test_read_records_names_the_line_that_is_not_json() -> None:
    with pytest.raises(SourceError, match=r"^part-00000:3: not valid JSON"):
        list(read_records(["", "   ", "{bad"], "part-00000"))


@pytest.mark.skipif(shutil.which("java") is None, reason="no Java runtime for Spark")
def test_spark_job_then_load(tmp_path: Path) -> None:
    pytest.importorskip("pyspark")
    out = tmp_path / "out"
    result = CliRunner().invoke(
        main, ["spark", str(SAMPLES / "samples.jsonl"), str(out), "--master", "local[1]", "--json"]
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["records"] == 2
    db = tmp_path / "s.db"
    loaded = CliRunner().invoke(main, ["load", str(out), "--db", str(db), "--json"])
    assert loaded.exit_code == 0, loaded.output
    assert json.loads(loaded.stdout)["added"] == 2
