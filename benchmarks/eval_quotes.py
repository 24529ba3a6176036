"""Accuracy and cost of the quotation extractor on a gold JSONL file (not a timed test).

    .venv/bin/python benchmarks/eval_quotes.py GOLD.jsonl [--out PRED.jsonl] [--kinds direct mixed]
        [--half a|b]

Runs the full pipeline over each record's ``text``, writes the predictions in the analysis
record's ``quotes`` format (when ``--out`` is given), prints the figures of
``communique.evaluate.quotes.evaluate_quotes`` and the time spent in the quotation component
relative to the spaCy model's own components.

``--half a`` keeps the records at even positions of the sorted ids, ``--half b`` the odd ones:
analyse errors on one half, then check that a change helps the other too.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from communique.evaluate.quotes import evaluate_quotes
from communique.nlp.pipeline import load_pipeline
from communique.sources.jsonl import read_jsonl


def quote_records(doc: Doc) -> list[dict[str, Any]]:
    """``doc._.quotes`` as analysis-record dicts with character offsets."""
    out: list[dict[str, Any]] = []
    for q in doc._.quotes or ():
        frags = [[f.start_char, f.end_char] for f in q.fragments]
        out.append(
            {
                "start": frags[0][0],
                "end": frags[-1][1],
                "fragments": frags,
                "text": " ".join(f.text for f in q.fragments),
                "kind": q.kind,
                "speaker": q.speaker_name,
                "speaker_start": q.speaker.start_char if q.speaker is not None else None,
                "speaker_end": q.speaker.end_char if q.speaker is not None else None,
                "cue": q.cue.text if q.cue is not None else None,
                "cue_start": q.cue.start_char if q.cue is not None else None,
                "cue_end": q.cue.end_char if q.cue is not None else None,
            }
        )
    return out


def half_of(records: list[dict[str, Any]], half: str) -> list[dict[str, Any]]:
    """Records at even (``half="a"``) or odd (``"b"``) positions of the sorted ids."""
    ids = sorted(r["id"] for r in records)
    keep = set(ids[0::2] if half == "a" else ids[1::2])
    return [r for r in records if r["id"] in keep]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("gold")
    ap.add_argument("--out", default="")
    ap.add_argument("--kinds", nargs="+", default=None)
    ap.add_argument("--half", choices=("a", "b"), default=None)
    args = ap.parse_args(argv)
    gold = list(read_jsonl(args.gold))
    if args.half is not None:
        gold = half_of(gold, args.half)
    nlp = load_pipeline()
    timings: dict[str, float] = {name: 0.0 for name in nlp.pipe_names}
    preds: list[dict[str, Any]] = []
    for record in gold:
        doc = nlp.make_doc(record["text"])
        for name, proc in nlp.pipeline:
            t0 = time.perf_counter()
            doc = proc(doc)
            timings[name] += time.perf_counter() - t0
        preds.append({"id": record["id"], "quotes": quote_records(doc)})
    if args.out:
        Path(args.out).write_text("".join(json.dumps(p) + "\n" for p in preds), encoding="utf-8")
    results = evaluate_quotes(gold, preds, kinds=args.kinds)
    sys.stdout.write(json.dumps(results, indent=2) + "\n")
    base = sum(v for k, v in timings.items() if not k.startswith("communique"))
    quotes = timings.get("communique_quotes", 0.0)
    sys.stdout.write(
        f"spaCy components {base:.2f}s, quotes {quotes:.2f}s ({100 * quotes / base:.1f}% of spaCy)\n"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
