"""Tests for communique.evaluate.quotes: hand-made cases, and agreement with the shared scorer."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from communique.evaluate.quotes import evaluate_quotes, speaker_names_match

SHARED = Path(__file__).resolve().parents[3] / "shared" / "eval"
if not SHARED.is_dir():
    SHARED = Path("/work/shared/eval")

TEXT = 'Kerry said: "We will talk." He added, "Then we will act." Obama said "good" things.'


def gold() -> list[dict[str, Any]]:
    return [
        {
            "id": "a",
            "text": TEXT,
            "quotes": [
                {
                    "start": 13,
                    "end": 26,
                    "kind": "direct",
                    "speaker": "Kerry",
                    "speaker_start": 0,
                    "speaker_end": 5,
                },
                {
                    "start": 39,
                    "end": 56,
                    "kind": "direct",
                    "speaker": "he",
                    "speaker_start": 28,
                    "speaker_end": 30,
                },
                {
                    "start": 70,
                    "end": 74,
                    "kind": "mixed",
                    "speaker": None,
                    "speaker_start": None,
                    "speaker_end": None,
                },
            ],
        }
    ]


def test_perfect_prediction_scores_one() -> None:
    pred = [
        {
            "id": "a",
            "quotes": [
                {"start": 13, "end": 26, "speaker": "John Kerry"},
                {
                    "start": 39,
                    "end": 56,
                    "speaker": "John Kerry",
                    "speaker_start": 28,
                    "speaker_end": 30,
                },
                {"start": 70, "end": 74},
            ],
        }
    ]
    res = evaluate_quotes(gold(), pred)
    assert res["0.3"]["f1"] == 1.0
    assert res["0.3"]["speaker_acc"] == 1.0
    assert res["exact"]["tp"] == 3


def test_missing_article_counts_as_nothing_found() -> None:
    res = evaluate_quotes(gold(), [])
    assert res["0.3"]["fn"] == 3
    assert res["0.3"]["precision"] == 0.0


@pytest.mark.parametrize(
    ("kinds", "tp", "fp", "fn"),
    [(None, 2, 1, 1), (["direct"], 2, 1, 0), (["mixed"], 0, 1, 1)],
)
def test_kinds_restrict_gold_and_ignore_matching_predictions(
    kinds: list[str] | None, tp: int, fp: int, fn: int
) -> None:
    pred = [
        {
            "id": "a",
            "quotes": [
                {"start": 13, "end": 26},
                {"start": 39, "end": 56},
                {"start": 76, "end": 83},
            ],
        }
    ]
    res = evaluate_quotes(gold(), pred, kinds=kinds)["0.3"]
    assert (res["tp"], res["fp"], res["fn"]) == (tp, fp, fn)


def test_cover_mode_accepts_a_split_quote_predicted_in_pieces() -> None:
    pred = [{"id": "a", "quotes": [{"start": 13, "end": 19}, {"start": 19, "end": 26}]}]
    res = evaluate_quotes(gold(), pred, kinds=["direct"])
    assert res["0.8"]["tp"] == 1
    one2one = evaluate_quotes(gold(), pred, kinds=["direct"], mode="one2one")
    assert one2one["0.8"]["tp"] == 0


@pytest.mark.parametrize(
    ("g", "p", "ok"),
    [
        ("Clinton", "Hillary Clinton", True),
        ("she", "she", True),
        ("she", "he", False),
        ("The Post", "The New York Post", True),
        ("Kerry", None, False),
    ],
)
def test_speaker_names_match(g: str, p: str | None, ok: bool) -> None:
    assert speaker_names_match(g, p) is ok


def test_unknown_mode_is_an_error() -> None:
    with pytest.raises(ValueError, match="one2one"):
        evaluate_quotes(gold(), [], mode="best")


def _shared_scorer(gold_path: Path, pred_path: Path, *extra: str) -> dict[str, Any]:
    out = subprocess.run(
        [
            sys.executable,
            str(SHARED / "score_quotes.py"),
            str(gold_path),
            str(pred_path),
            "--json",
            *extra,
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    result: dict[str, Any] = json.loads(out.stdout)
    return result


@pytest.mark.skipif(not (SHARED / "score_quotes.py").is_file(), reason="shared scorer absent")
@pytest.mark.parametrize(
    "extra", [(), ("--kinds", "direct", "mixed"), ("--mode", "one2one"), ("--thresholds", "0.5")]
)
def test_agrees_with_shared_scorer(tmp_path: Path, extra: tuple[str, ...]) -> None:
    """Perturbed gold of the dev set as predictions: every code path, same figures."""
    gold_rows = [
        json.loads(line)
        for line in (SHARED / "quotes_dev.jsonl").read_text(encoding="utf-8").splitlines()[:12]
    ]
    preds = []
    for n, row in enumerate(gold_rows):
        qs = []
        for k, q in enumerate(row["quotes"]):
            if (n + k) % 5 == 0:
                continue  # a miss
            shift = (k % 3) * 7
            qs.append(
                {
                    "start": q["start"] + shift,
                    "end": max(q["start"] + shift, q["end"] - shift),
                    "speaker": q["speaker"] if k % 4 else "someone else",
                    "speaker_start": q.get("speaker_start") if k % 2 else None,
                    "speaker_end": q.get("speaker_end") if k % 2 else None,
                }
            )
        qs.append({"start": 0, "end": 20})  # a false positive
        preds.append({"id": row["id"], "quotes": qs})
    gold_path, pred_path = tmp_path / "gold.jsonl", tmp_path / "pred.jsonl"
    gold_path.write_text("".join(json.dumps(r) + "\n" for r in gold_rows), encoding="utf-8")
    pred_path.write_text("".join(json.dumps(r) + "\n" for r in preds), encoding="utf-8")
    expected = _shared_scorer(gold_path, pred_path, *extra)
    kinds = list(extra[1:]) if extra[:1] == ("--kinds",) else None
    mode = extra[1] if extra[:1] == ("--mode",) else "cover"
    thresholds = (
        tuple(float(x) for x in extra[1:]) if extra[:1] == ("--thresholds",) else (0.3, 0.8)
    )
    got = evaluate_quotes(gold_rows, preds, thresholds=thresholds, mode=mode, kinds=kinds)
    assert got.keys() == expected.keys()
    for key, figures in expected.items():
        assert got[key] == pytest.approx(figures), key
