"""``evaluate_events``: hand-made cases, and agreement with the shared reference scorer."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from communique.errors import EvalError
from communique.evaluate.events import evaluate_events, event_triples

from helpers import shared_path

GOLD: list[dict[str, Any]] = [
    {
        "id": "a",
        "expected": [{"source": "USAGOV", "target": "RUSGOV", "code": "043"}],
        "expect_none": False,
    },
    {
        "id": "b",
        "expected": [{"source": "JAP", "target": "CHN", "code": "19"}],
        "expect_none": False,
    },
    {"id": "c", "expected": [], "expect_none": True},
    {
        "id": "d",
        "expected": [{"source": "FRA", "target": None, "code": "14"}],
        "expect_none": False,
    },
]
PRED: list[dict[str, Any]] = [
    {"id": "a", "events": [{"source": "USAGOV", "target": "RUSMIL", "code": "042"}]},
    {"id": "b", "events": [{"source": "JPN", "target": "CHN", "code": "190"}]},
    {"id": "c", "events": [{"source": "FRA", "target": "DEU", "code": "111"}]},
]


def test_levels_on_hand_made_cases() -> None:
    r = evaluate_events(GOLD, PRED)
    # root: a matches (USA, RUS, 04), b matches (JAP read as JPN), c is a false positive, d missed
    assert (r["root"]["tp"], r["root"]["fp"], r["root"]["fn"]) == (2, 1, 1)
    # full: a's target differs (RUSGOV vs RUSMIL)
    assert (r["full"]["tp"], r["full"]["fp"], r["full"]["fn"]) == (1, 2, 2)
    # code: only case a has a 3-digit gold code, and 042 is not 043
    assert (r["code"]["tp"], r["code"]["fp"], r["code"]["fn"]) == (0, 1, 1)
    assert r["no_event_cases"] == 1
    assert r["no_event_false_alarm_rate"] == 1.0
    assert (r["cases"], r["cases_predicted"]) == (4, 3)
    assert r["root"]["precision"] == pytest.approx(2 / 3)


def test_absent_actor_compares_as_empty() -> None:
    assert event_triples([{"source": "FRA", "target": None, "code": "141"}], "root") == {
        ("FRA", "", "14")
    }


def test_gold_without_id_is_an_error() -> None:
    with pytest.raises(EvalError):
        evaluate_events([{"expected": []}], [])


def test_agrees_with_the_reference_scorer(tmp_path: Path) -> None:
    scorer = shared_path("eval", "score_events.py")
    gold_path = shared_path("eval", "events_dev.jsonl")
    gold = [
        json.loads(line)
        for line in gold_path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    # a deterministic mix of right, wrong and missing predictions
    preds = []
    for i, g in enumerate(gold):
        if i % 3 == 0:
            continue
        events = list(g.get("expected") or [])
        if i % 3 == 1 and events:
            events = [dict(events[0], code="190")]
        if i % 5 == 0:
            events = events + [{"source": "USA", "target": "RUS", "code": "111"}]
        preds.append({"id": g["id"], "events": events})
    pred_path = tmp_path / "pred.jsonl"
    pred_path.write_text("".join(json.dumps(p) + "\n" for p in preds), encoding="utf-8")
    out = subprocess.run(
        [sys.executable, str(scorer), str(gold_path), str(pred_path), "--json"],
        check=True,
        capture_output=True,
        text=True,
    )
    reference = json.loads(out.stdout)
    ours = evaluate_events(gold, preds)
    for level in ("root", "full", "code", "event"):
        for key in ("tp", "fp", "fn"):
            assert ours[level][key] == reference[level][key], (level, key)
        assert ours[level]["f1"] == pytest.approx(reference[level]["f1"])
    assert ours["no_event_false_alarm_rate"] == pytest.approx(
        reference["no_event_false_alarm_rate"]
    )
    assert ours["cases_predicted"] == reference["cases_predicted"]


# Quality gate: floors pinned below the figures measured when they were set (dev root F1 0.632,
# false alarms 0.0, seed 5/5 on 2026-11-29). Raise them as the coder improves; lowering one
# needs a reason in the change note.
DEV_ROOT_F1_FLOOR = 0.58
DEV_FALSE_ALARM_CEILING = 0.30


def test_dev_quality_gate(nlp) -> None:  # type: ignore[no-untyped-def]
    import datetime as dt

    gold_path = shared_path("eval", "events_dev.jsonl")
    gold = [
        json.loads(line)
        for line in gold_path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    preds = []
    for case in gold:
        doc = nlp.make_doc(case.get("text") or "")
        doc._.published = (
            dt.date.fromisoformat(case["date"]) if len(case.get("date") or "") == 10 else None
        )
        doc = nlp(doc)
        preds.append(
            {
                "id": case["id"],
                "events": [
                    {"source": e.source_code, "target": e.target_code, "code": e.code}
                    for e in doc._.events
                ],
            }
        )
    scores = evaluate_events(gold, preds)
    assert scores["root"]["f1"] >= DEV_ROOT_F1_FLOOR, scores["root"]
    assert scores["no_event_false_alarm_rate"] <= DEV_FALSE_ALARM_CEILING


def test_seed_events_gate(seed_analysis) -> None:  # type: ignore[no-untyped-def]
    from helpers import SEED_GOLD

    gold = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
    events = seed_analysis.events
    for g in gold["events"]:
        assert any(
            (e.source or "").startswith(g["source"][:3])
            and (e.target or "").startswith(g["target"][:3])
            and e.code[:2] in g["codes"]
            for e in events
        ), g["what"]
