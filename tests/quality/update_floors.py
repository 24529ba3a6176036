"""Raise the quality gate's floors to what the extractors measure now.

Usage: python tests/quality/update_floors.py [--allow-lower "REASON"] [--seed-only]

Floors only go up. A measured value below its floor is refused (exit 1) unless
``--allow-lower`` gives a reason, which is recorded in the file's ``history``; the gate test
also refuses a floor that is lower than the committed one without such a history entry.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from communique.analyzer import Analyzer  # noqa: E402

from gate import FLOORS, SHARED, dev_metrics, load_floors, seed_metrics  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--allow-lower", metavar="REASON", help="accept lower floors, recording why")
    ap.add_argument("--seed-only", action="store_true", help="skip the ../shared development sets")
    args = ap.parse_args()
    data = load_floors() if FLOORS.exists() else {"floors": {}, "history": []}
    analyzer = Analyzer()
    measured = seed_metrics(analyzer)
    if not args.seed_only and SHARED.exists():
        measured.update(dev_metrics(analyzer))
    refused = []
    for key, value in sorted(measured.items()):
        new = math.floor(value * 1000) / 1000
        old = data["floors"].get(key)
        if old is not None and new < old:
            if not args.allow_lower:
                refused.append(f"{key}: measured {value:.4f} < floor {old}")
                continue
            data["history"].append(
                {
                    "date": dt.date.today().isoformat(),
                    "key": key,
                    "from": old,
                    "to": new,
                    "reason": args.allow_lower,
                }
            )
        if old is None or new > old or args.allow_lower:
            data["floors"][key] = new
        print(f"{key:32} measured {value:.4f}  floor {data['floors'].get(key)}")
    if refused:
        print(
            "refusing to lower floors (use --allow-lower REASON):\n  " + "\n  ".join(refused),
            file=sys.stderr,
        )
        return 1
    FLOORS.write_text(json.dumps(data, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
