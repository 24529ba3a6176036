"""Event coding accuracy and cost on a gold file (not a timed test).

Usage: python benchmarks/eval_events.py [GOLD.jsonl] [--pred OUT.jsonl] [--article FILE.txt]

Runs the full pipeline on each gold case (``text`` with its ``date`` as publication date),
scores the coded events with ``communique.evaluate.events.evaluate_events`` and reports the time
spent in the event coder relative to the spaCy model's own components. ``--article`` adds a
timing run over one long article (the seed) repeated, where per-document overheads matter less.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from pathlib import Path
from typing import Any

from communique.evaluate.events import evaluate_events
from communique.nlp.pipeline import OUR_COMPONENTS, load_pipeline
from communique.sources.jsonl import read_jsonl

DEFAULT_GOLD = (
    Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "events_dev.jsonl"
)


def _run(nlp: Any, text: str, published: dt.date | None, clock: dict[str, float]) -> Any:
    doc = nlp.make_doc(text)
    doc._.published = published
    for name, proc in nlp.pipeline:
        t0 = time.perf_counter()
        doc = proc(doc)
        key = (
            "events"
            if name == "communique_events"
            else ("ours" if name in OUR_COMPONENTS else "spacy")
        )
        clock[key] = clock.get(key, 0.0) + time.perf_counter() - t0
    return doc


def _date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("gold", nargs="?", default=str(DEFAULT_GOLD))
    ap.add_argument("--pred", help="also write the predictions (analysis-record subset) here")
    ap.add_argument("--article", help="a long plain-text article to time the coder on")
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args(argv)

    nlp = load_pipeline()
    gold = list(read_jsonl(args.gold))
    clock: dict[str, float] = {}
    preds = []
    for case in gold:
        doc = _run(nlp, case.get("text") or "", _date(case.get("date")), clock)
        events = [
            {"source": e.source_code, "target": e.target_code, "code": e.code} for e in doc._.events
        ]
        preds.append({"id": case["id"], "events": events})
    if args.pred:
        Path(args.pred).write_text("".join(json.dumps(p) + "\n" for p in preds), encoding="utf-8")
    report: dict[str, Any] = {"scores": evaluate_events(gold, preds), "time_sentences": clock}
    report["events_over_spacy_sentences"] = (
        clock.get("events", 0.0) / clock["spacy"] if clock.get("spacy") else None
    )
    if args.article:
        text = Path(args.article).read_text(encoding="utf-8")
        article_clock: dict[str, float] = {}
        for _ in range(args.repeat):
            _run(nlp, text, None, article_clock)
        report["time_article"] = article_clock
        report["events_over_spacy_article"] = (
            article_clock.get("events", 0.0) / article_clock["spacy"]
        )
    json.dump(report, sys.stdout, indent=2)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
