"""Fit the confidence models of quotes and events on the dev gold, cross-validated by halves.

    .venv/bin/python benchmarks/fit_confidence.py [--quotes GOLD] [--events GOLD] [--write]

Analyses the quote dev set (PolNeAR) and the event dev set, labels every predicted quote (at
least 0.3 of its characters inside gold quotes, as the scorer's precision counts) and event (its
root triple is gold), and fits an L2-regularised logistic model over the features of
``communique.confidence`` for each. Cross-validation follows the project's halves (records at
even and odd positions of the sorted ids): the model fitted on one half scores the other, and
the printed figures (AUC, log loss, and the scorer's precision, recall and F1 once predictions
below the threshold are dropped) are those held-out scores. The default threshold is, among those
that keep at least 90% of the unfiltered recall, the one with the best held-out F1 and
precision >= 0.90, else the one with the best precision. ``--write``
saves the models fitted on the whole set, with the thresholds, to
``src/communique/knowledge/confidence.json``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

import numpy as np
from scipy.optimize import minimize

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from communique.analyzer import Analyzer  # noqa: E402
from communique.confidence import (  # noqa: E402
    EVENT_FEATURES,
    MODEL_FILE,
    QUOTE_FEATURES,
    event_features,
    quote_features,
)
from communique.evaluate.events import evaluate_events, event_triples  # noqa: E402
from communique.evaluate.quotes import _chars, evaluate_quotes  # noqa: E402
from communique.evaluate.runner import analyze_gold  # noqa: E402
from communique.knowledge.cues import load_cues  # noqa: E402
from communique.records import Analysis  # noqa: E402
from communique.sources.jsonl import read_jsonl  # noqa: E402

SHARED = ROOT.parent / "shared" / "eval"
L2 = 1.0
"""Strength of the L2 penalty on the weights (not the bias), per example."""
MIN_PRECISION = 0.90
RECALL_KEPT = 0.9
"""A threshold may cost at most a tenth of the recall (a handful of confident predictions at
precision 1.0 is no default)."""
THRESHOLDS = [round(0.05 * k, 2) for k in range(0, 20)]


def fit(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, float]:
    """Weights and bias of a logistic model minimising mean log loss + L2/2 |w|^2."""
    n, d = x.shape

    def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
        w, b = theta[:d], theta[d]
        z = x @ w + b
        p = 1 / (1 + np.exp(-np.clip(z, -30, 30)))
        eps = 1e-12
        value = -np.mean(y * np.log(p + eps) + (1 - y) * np.log(1 - p + eps))
        value += L2 / 2 * float(w @ w) / n
        g = p - y
        grad = np.concatenate([x.T @ g / n + L2 * w / n, [g.mean()]])
        return float(value), grad

    result = minimize(loss, np.zeros(d + 1), jac=True, method="L-BFGS-B")
    return result.x[:d], float(result.x[d])


def predict(x: np.ndarray, w: np.ndarray, b: float) -> np.ndarray:
    return 1 / (1 + np.exp(-np.clip(x @ w + b, -30, 30)))


def auc(y: np.ndarray, p: np.ndarray) -> float:
    pos, neg = p[y == 1], p[y == 0]
    if not len(pos) or not len(neg):
        return float("nan")
    wins = sum(float((q > neg).sum()) + 0.5 * float((q == neg).sum()) for q in pos)
    return wins / (len(pos) * len(neg))


def log_loss(y: np.ndarray, p: np.ndarray) -> float:
    eps = 1e-12
    return float(-np.mean(y * np.log(p + eps) + (1 - y) * np.log(1 - p + eps)))


def halves(ids: list[str]) -> tuple[set[str], set[str]]:
    order = sorted(ids)
    return set(order[0::2]), set(order[1::2])


def quote_rows(gold: list[dict[str, Any]], preds: list[dict[str, Any]]) -> list[dict[str, Any]]:
    cues = load_cues()
    gold_by_id = {str(g["id"]): g for g in gold}
    rows = []
    for rec in preds:
        g = gold_by_id.get(str(rec["id"]))
        if g is None or rec.get("skipped"):
            continue
        analysis = Analysis.from_dict(rec)
        gold_chars = frozenset().union(*(_chars(q) for q in g.get("quotes") or []))
        for k, q in enumerate(analysis.quotes):
            chars = _chars(q.to_dict())
            label = bool(chars) and len(chars & gold_chars) / len(chars) >= 0.3
            rows.append(
                {
                    "id": str(rec["id"]),
                    "index": k,
                    "x": [quote_features(analysis, q, cues)[f] for f in QUOTE_FEATURES],
                    "y": float(label),
                }
            )
    return rows


def event_rows(gold: list[dict[str, Any]], preds: list[dict[str, Any]]) -> list[dict[str, Any]]:
    gold_by_id = {str(g["id"]): g for g in gold}
    rows = []
    for rec in preds:
        g = gold_by_id.get(str(rec["id"]))
        if g is None or rec.get("skipped"):
            continue
        analysis = Analysis.from_dict(rec)
        truth = event_triples(g.get("expected") or [], "root")
        for k, e in enumerate(analysis.events):
            label = bool(event_triples([e.to_dict()], "root") & truth)
            rows.append(
                {
                    "id": str(rec["id"]),
                    "index": k,
                    "x": [event_features(analysis, e)[f] for f in EVENT_FEATURES],
                    "y": float(label),
                }
            )
    return rows


def held_out(rows: list[dict[str, Any]]) -> dict[tuple[str, int], float]:
    """Each row's probability from the model fitted on the other half."""
    a, b = halves(sorted({r["id"] for r in rows}))
    out: dict[tuple[str, int], float] = {}
    for train, test in ((a, b), (b, a)):
        tr = [r for r in rows if r["id"] in train]
        te = [r for r in rows if r["id"] in test]
        w, bias = fit(np.array([r["x"] for r in tr]), np.array([r["y"] for r in tr]))
        p = predict(np.array([r["x"] for r in te]), w, bias)
        for r, v in zip(te, p, strict=True):
            out[(r["id"], r["index"])] = float(v)
    return out


def _keep(preds: list[dict[str, Any]], key: str, probs: dict[tuple[str, int], float], t: float):
    kept = []
    for rec in preds:
        items = [
            item
            for k, item in enumerate(rec.get(key) or [])
            if probs.get((str(rec["id"]), k), 1.0) >= t
        ]
        kept.append({**rec, key: items})
    return kept


def sweep(kind: str, gold, preds, probs) -> list[dict[str, float]]:  # type: ignore[no-untyped-def]
    table = []
    for t in THRESHOLDS:
        kept = _keep(preds, kind, probs, t)
        if kind == "quotes":
            s = evaluate_quotes(gold, kept)["0.3"]
        else:
            s = evaluate_events(gold, kept)["root"]
        table.append(
            {"threshold": t, "precision": s["precision"], "recall": s["recall"], "f1": s["f1"]}
        )
    return table


def choose(table: list[dict[str, float]]) -> tuple[float, str]:
    """The default threshold: among those keeping at least ``RECALL_KEPT`` of the unfiltered
    recall, the best F1 with precision >= ``MIN_PRECISION``, else the best precision."""
    floor = RECALL_KEPT * table[0]["recall"]
    kept = [r for r in table if r["recall"] >= floor]
    ok = [r for r in kept if r["precision"] >= MIN_PRECISION]
    if ok:
        best = max(ok, key=lambda r: (r["f1"], -r["threshold"]))
        return best["threshold"], f"best F1 with precision >= {MIN_PRECISION}"
    best = max(kept, key=lambda r: (r["precision"], -r["threshold"]))
    return best["threshold"], (
        f"no threshold reaches precision {MIN_PRECISION} keeping {RECALL_KEPT:.0%} of recall:"
        " the best precision that does"
    )


def report(name: str, rows, gold, preds, key: str) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    probs = held_out(rows)
    y = np.array([r["y"] for r in rows])
    p = np.array([probs[(r["id"], r["index"])] for r in rows])
    a, b = halves(sorted({str(g["id"]) for g in gold}))
    print(f"\n{name}: {len(rows)} predictions, {int(y.sum())} right ({y.mean():.3f})")
    print(
        f"  held-out AUC {auc(y, p):.3f}, log loss {log_loss(y, p):.3f}"
        f" (constant model {log_loss(y, np.full_like(p, y.mean())):.3f})"
    )
    for label, half in (("even", a), ("odd", b)):
        mask = np.array([r["id"] in half for r in rows])
        print(f"  half {label}: AUC {auc(y[mask], p[mask]):.3f}, n {int(mask.sum())}")
    table = sweep(key, gold, preds, probs)
    threshold, why = choose(table)
    for r in table:
        mark = " <-" if r["threshold"] == threshold else ""
        print(
            f"  t={r['threshold']:.2f}  P {r['precision']:.3f}  R {r['recall']:.3f}"
            f"  F1 {r['f1']:.3f}{mark}"
        )
    for label, half in (("even", a), ("odd", b)):
        g = [x for x in gold if str(x["id"]) in half]
        pr = [x for x in preds if str(x["id"]) in half]
        s0 = sweep(key, g, pr, probs)
        at = next(r for r in s0 if r["threshold"] == threshold)
        print(
            f"  half {label} at t={threshold}: P {at['precision']:.3f} R {at['recall']:.3f}"
            f" F1 {at['f1']:.3f} (unfiltered P {s0[0]['precision']:.3f} F1 {s0[0]['f1']:.3f})"
        )
    print(f"  threshold {threshold}: {why}")
    w, bias = fit(np.array([r["x"] for r in rows]), y)
    return {
        "weights": dict(
            zip(
                QUOTE_FEATURES if key == "quotes" else EVENT_FEATURES,
                (round(float(v), 4) for v in w),
                strict=True,
            )
        ),
        "bias": round(bias, 4),
        "threshold": threshold,
        "fitted": {
            "gold": name,
            "predictions": len(rows),
            "held_out_auc": round(auc(y, p), 3),
            "rule": why,
        },
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quotes", default=str(SHARED / "quotes_dev.jsonl"))
    ap.add_argument("--events", default=str(SHARED / "events_dev.jsonl"))
    ap.add_argument("--write", action="store_true", help=f"write knowledge/{MODEL_FILE}")
    args = ap.parse_args()
    if not Path(args.quotes).exists() or not Path(args.events).exists():
        print("dev gold not found (../shared/eval): nothing to fit", file=sys.stderr)
        return 0
    analyzer = Analyzer()
    analyzer.scorer = lambda analysis: analysis  # type: ignore[method-assign]
    models = {}
    gold = list(read_jsonl(args.quotes))
    preds = list(analyze_gold(args.quotes, analyzer))
    models["quote"] = report("quotes_dev", quote_rows(gold, preds), gold, preds, "quotes")
    gold = list(read_jsonl(args.events))
    preds = list(analyze_gold(args.events, analyzer))
    models["event"] = report("events_dev", event_rows(gold, preds), gold, preds, "events")
    if args.write:
        path = ROOT / "src" / "communique" / "knowledge" / MODEL_FILE
        data = {
            "_about": "Confidence models of communique.confidence, fitted by "
            f"benchmarks/fit_confidence.py on {dt.date.today().isoformat()}; do not edit by hand.",
            **models,
        }
        path.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
        print(f"\nwrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
