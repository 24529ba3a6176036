"""Measuring the figures the quality gate pins (``floors.json``).

``seed_metrics`` uses only the project's own fixture (the seed article and its gold);
``dev_metrics`` uses the development gold of ../shared when it is present. Both run the real
pipeline through ``communique.analyze.Analyzer`` and score with ``communique.evaluate``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from communique.analyze import Analyzer
from communique.evaluate.article import evaluate_article
from communique.sources import read_sources

HERE = Path(__file__).resolve().parent
FLOORS = HERE / "floors.json"
ROOT = HERE.parent.parent
SHARED = (ROOT.parent / "shared").resolve()


def records(analyzer: Analyzer, path: Path) -> list[dict[str, Any]]:
    return [a.to_dict() for a in analyzer.analyze(read_sources([str(path)]))]


def _jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]


def seed_metrics(analyzer: Analyzer) -> dict[str, float]:
    fixtures = ROOT / "tests" / "fixtures"
    gold = json.loads((fixtures / "seed-defenseone-2013.gold.json").read_text(encoding="utf-8"))
    (record,) = records(analyzer, fixtures / "seed-defenseone-2013.txt")
    return {
        f"seed.{part}": found / total
        for part, (found, total) in evaluate_article(gold, record).items()
    }


def dev_metrics(analyzer: Analyzer, shared: Path = SHARED) -> dict[str, float]:
    from communique.evaluate.actors import evaluate_actors
    from communique.evaluate.body import evaluate_body, layout_predictions
    from communique.evaluate.events import evaluate_events
    from communique.evaluate.quotes import evaluate_quotes

    out: dict[str, float] = {}
    quotes_gold = shared / "eval" / "quotes_dev.jsonl"
    gold = _jsonl(quotes_gold)
    pred = records(analyzer, quotes_gold)
    all_kinds = evaluate_quotes(gold, pred)["0.3"]
    direct = evaluate_quotes(gold, pred, kinds=["direct", "mixed"])["0.3"]
    out["quotes_dev.f1_all"] = all_kinds["f1"]
    out["quotes_dev.f1_direct_mixed"] = direct["f1"]
    out["quotes_dev.speaker_acc"] = all_kinds["speaker_acc"]

    events_gold = shared / "eval" / "events_dev.jsonl"
    gold = _jsonl(events_gold)
    pred = records(analyzer, events_gold)
    out["events_dev.root_f1"] = evaluate_events(gold, pred)["root"]["f1"]
    acts = evaluate_actors(gold, pred)
    out["actors_dev.country"] = acts["country"]
    out["actors_dev.country_role"] = acts["country_role"]

    body_gold = _jsonl(shared / "eval" / "plaintext" / "boilerplate_dev.jsonl")
    body_pred = layout_predictions(body_gold)
    out["body_dev.f1"] = evaluate_body(body_gold, body_pred)["f1"]
    return out


def load_floors() -> dict[str, Any]:
    return json.loads(FLOORS.read_text(encoding="utf-8"))
