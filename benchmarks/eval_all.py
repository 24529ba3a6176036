"""Score the extractors on the development gold of ../shared with the shared scorers.

Usage: python benchmarks/eval_all.py [--shared ../shared] [--out .eval] [--only quotes events body actors seed]

Writes analysis records to --out (kept out of git) and runs each shared scorer on them, so the
figures are those the project is judged by. Needs ../shared; prints what it skips.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from communique.analyzer import Analyzer  # noqa: E402
from communique.evaluate.runner import analyze_gold, gold_and_predictions  # noqa: E402


def write_records(analyzer: Analyzer, source: Path, out: Path) -> float:
    t0 = time.perf_counter()
    with out.open("w", encoding="utf-8") as fh:
        for record in analyze_gold(source, analyzer):
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    return time.perf_counter() - t0


def scorer(shared: Path, name: str, *args: str) -> str:
    result = subprocess.run(
        [sys.executable, str(shared / "eval" / name), *args], capture_output=True, text=True
    )
    return (result.stdout + result.stderr).strip()


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--out", type=Path, default=ROOT / ".eval")
    ap.add_argument("--only", nargs="+", default=["seed", "body", "quotes", "events", "actors"])
    args = ap.parse_args()
    shared: Path = args.shared
    if not (shared / "eval").exists():
        print(f"{shared}/eval is absent: nothing to score")
        return 0
    args.out.mkdir(exist_ok=True)
    analyzer = Analyzer()
    if "seed" in args.only:
        seed = shared / "examples" / "seed-defenseone-2013.txt"
        write_records(analyzer, seed, args.out / "seed.jsonl")
        gold = str(shared / "examples" / "seed-defenseone-2013.gold.json")
        for part in ("body", "actors", "quotes", "events"):
            out = scorer(shared, "seed_check.py", gold, str(args.out / "seed.jsonl"), part)
            print("seed", out.splitlines()[-1] if out else "")
    if "body" in args.only:
        gold_path = shared / "eval" / "plaintext" / "boilerplate_dev.jsonl"
        _, predictions = gold_and_predictions("body", gold_path)
        with (args.out / "body.jsonl").open("w", encoding="utf-8") as fh:
            for record in predictions:
                fh.write(json.dumps(record) + "\n")
        print(
            "body (plain-text cleaning):",
            scorer(shared, "score_body.py", str(gold_path), str(args.out / "body.jsonl")),
        )
    if "quotes" in args.only:
        gold_path = shared / "eval" / "quotes_dev.jsonl"
        secs = write_records(analyzer, gold_path, args.out / "quotes.jsonl")
        print(f"quotes_dev analysed in {secs:.1f} s")
        print(scorer(shared, "score_quotes.py", str(gold_path), str(args.out / "quotes.jsonl")))
        print(
            scorer(
                shared,
                "score_quotes.py",
                str(gold_path),
                str(args.out / "quotes.jsonl"),
                "--kinds",
                "direct",
                "mixed",
            )
        )
    if "events" in args.only or "actors" in args.only:
        gold_path = shared / "eval" / "events_dev.jsonl"
        write_records(analyzer, gold_path, args.out / "events.jsonl")
        if "events" in args.only:
            print(scorer(shared, "score_events.py", str(gold_path), str(args.out / "events.jsonl")))
        if "actors" in args.only:
            print(
                "actors:",
                scorer(shared, "score_actors.py", str(gold_path), str(args.out / "events.jsonl")),
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
