"""HTML main-text extraction on the Zyte article-extraction benchmark (../shared/eval/html).

Usage: python benchmarks/eval_html.py [--shared ../shared]

Runs each page through Communiqué's HTML path (``ArticleCleaner``: trafilatura with our
options) and scores the article text against ``articleBody`` with token-level precision,
recall and F1 (whitespace tokens, multiset overlap), averaged over pages, as that benchmark
reports them. Also prints pages per second.
"""

from __future__ import annotations

import argparse
import collections
import gzip
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from communique.article import ArticleCleaner  # noqa: E402
from communique.records import Document  # noqa: E402


def prf(pred: str, gold: str) -> tuple[float, float, float]:
    p, g = collections.Counter(pred.split()), collections.Counter(gold.split())
    overlap = sum((p & g).values())
    precision = overlap / sum(p.values()) if p else 0.0
    recall = overlap / sum(g.values()) if g else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = ap.parse_args()
    folder = args.shared / "eval" / "html"
    if not folder.exists():
        print(f"{folder} is absent")
        return 0
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    cleaner = ArticleCleaner()
    sums = [0.0, 0.0, 0.0]
    skipped = 0
    t0 = time.perf_counter()
    for page_id, gold in truth.items():
        html = gzip.decompress((folder / "pages" / f"{page_id}.html.gz").read_bytes()).decode(
            "utf-8", "replace"
        )
        art = cleaner(Document(source=page_id, id=page_id, html=html, url=gold.get("url")))
        skipped += art.skipped is not None
        for i, v in enumerate(prf(art.text, gold["articleBody"])):
            sums[i] += v
    secs = time.perf_counter() - t0
    n = len(truth)
    print(
        f"pages {n} (skipped {skipped})  P {sums[0] / n:.3f}  R {sums[1] / n:.3f}  F1 {sums[2] / n:.3f}"
        f"  {n / secs:.1f} pages/s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
