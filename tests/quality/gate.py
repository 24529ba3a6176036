"""Measuring the figures the quality gate pins (``floors.json``).

``seed_metrics`` uses only the project's own fixture (the seed article and its gold);
``dev_metrics`` uses the development gold of ../shared when it is present. Both run the real
pipeline through one ``communique.analyzer.Analyzer`` and read and score the gold with
``communique.evaluate.runner`` (the path ``communique eval`` takes) and ``communique.evaluate``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from communique.analyzer import Analyzer
from communique.evaluate.actors import evaluate_actors
from communique.evaluate.article import evaluate_article
from communique.evaluate.body import evaluate_body
from communique.evaluate.events import evaluate_events
from communique.evaluate.quotes import evaluate_quotes
from communique.evaluate.runner import analyze_gold, gold_and_predictions

HERE = Path(__file__).resolve().parent
FLOORS = HERE / "floors.json"
ROOT = HERE.parent.parent
SHARED = (ROOT.parent / "shared").resolve()


def seed_metrics(analyzer: Analyzer) -> dict[str, float]:
    fixtures = ROOT / "tests" / "fixtures"
    gold = json.loads((fixtures / "seed-defenseone-2013.gold.json").read_text(encoding="utf-8"))
    (record,) = analyze_gold(fixtures / "seed-defenseone-2013.txt", analyzer)
    return {
        f"seed.{part}": found / total
        for part, (found, total) in evaluate_article(gold, record).items()
    }


def dev_metrics(analyzer: Analyzer, shared: Path = SHARED) -> dict[str, float]:
    out: dict[str, float] = {}
    gold, pred = gold_and_predictions(
        "quotes", shared / "eval" / "quotes_dev.jsonl", analyzer=analyzer
    )
    all_kinds = evaluate_quotes(gold, pred)["0.3"]
    direct = evaluate_quotes(gold, pred, kinds=["direct", "mixed"])["0.3"]
    out["quotes_dev.f1_all"] = all_kinds["f1"]
    out["quotes_dev.f1_direct_mixed"] = direct["f1"]
    out["quotes_dev.speaker_acc"] = all_kinds["speaker_acc"]

    gold, pred = gold_and_predictions(
        "events", shared / "eval" / "events_dev.jsonl", analyzer=analyzer
    )
    out["events_dev.root_f1"] = evaluate_events(gold, pred)["root"]["f1"]
    acts = evaluate_actors(gold, pred)
    out["actors_dev.country"] = acts["country"]
    out["actors_dev.country_role"] = acts["country_role"]

    body_gold, body_pred = gold_and_predictions(
        "body", shared / "eval" / "plaintext" / "boilerplate_dev.jsonl"
    )
    out["body_dev.f1"] = evaluate_body(body_gold, body_pred)["f1"]
    return out


def load_floors() -> dict[str, Any]:
    return json.loads(FLOORS.read_text(encoding="utf-8"))
