"""``communique.evaluate.runner`` and the one JSON Lines reader it uses."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from communique.errors import SourceError
from communique.evaluate.body import evaluate_body, layout_predictions
from communique.evaluate.runner import gold_and_predictions, score
from communique.sources.jsonl import read_jsonl

TEXT = (
    "Home | News | Sport\n\n"
    + "The minister said the talks with the delegation went well and would continue. " * 3
    + "\n\nCookie settings\n"
)
CLEAN = "The minister said the talks with the delegation went well and would continue. " * 3


def _write(path: Path, rows: list[object]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_read_jsonl_skips_blank_lines_and_reads_gzip(tmp_path: Path) -> None:
    plain = tmp_path / "a.jsonl"
    plain.write_text('{"id": 1}\n\n  \n{"id": 2}\n', encoding="utf-8")
    assert [r["id"] for r in read_jsonl(plain)] == [1, 2]
    packed = tmp_path / "a.jsonl.gz"
    packed.write_bytes(gzip.compress(plain.read_bytes()))
    assert list(read_jsonl(packed)) == list(read_jsonl(str(plain)))


@pytest.mark.parametrize(
    ("line", "message"),
    [("{broken", ":3: not valid JSON"), ("[1, 2]", ":3: a JSON list, not an object")],
)
def test_read_jsonl_names_the_file_and_line(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "g.jsonl"
    path.write_text('{"id": 1}\n\n' + line + "\n", encoding="utf-8")
    with pytest.raises(SourceError, match=f"^{path}{message}"):
        list(read_jsonl(path))


def test_read_jsonl_of_a_missing_file_is_a_source_error(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="no such file"):
        list(read_jsonl(tmp_path / "absent.jsonl"))


def test_body_is_scored_from_the_cleaner_without_predictions(tmp_path: Path) -> None:
    gold = _write(tmp_path / "gold.jsonl", [{"id": "p1", "text": TEXT, "clean_text": CLEAN}])
    rows, preds = gold_and_predictions("body", gold)
    assert preds == layout_predictions(rows)
    assert score("body", gold) == evaluate_body(rows, preds)
    assert score("body", gold)["f1"] > 0.9


def test_predictions_are_read_from_the_pred_file(tmp_path: Path) -> None:
    gold = _write(tmp_path / "gold.jsonl", [{"id": "p1", "text": TEXT, "clean_text": CLEAN}])
    pred = _write(tmp_path / "pred.jsonl", [{"id": "p1", "text": TEXT, "body": []}])
    assert gold_and_predictions("body", gold, pred)[1] == [{"id": "p1", "text": TEXT, "body": []}]
    assert score("body", gold, pred)["f1"] == 0.0


def test_options_reach_the_scorer(tmp_path: Path) -> None:
    gold = _write(
        tmp_path / "gold.jsonl",
        [{"id": "a", "expected": [{"source": "USA", "target": "RUS", "code": "043"}]}],
    )
    pred = _write(
        tmp_path / "pred.jsonl",
        [{"id": "a", "events": [{"source": "USAGOV", "target": "RUS", "code": "042"}]}],
    )
    result = score("events", gold, pred, suite="other")
    assert result["cases"] == 0
    result = score("events", gold, pred)
    assert result["root"]["tp"] == 1 and result["code"]["tp"] == 0


def test_an_unknown_kind_is_refused(tmp_path: Path) -> None:
    gold = _write(tmp_path / "gold.jsonl", [])
    with pytest.raises(ValueError, match="unknown evaluation"):
        score("tones", gold)  # type: ignore[arg-type]
