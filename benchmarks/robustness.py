"""Run ``analyze`` over whole corpora and count what happens to every document.

Usage: python benchmarks/robustness.py [PATH ...]   (default: ../shared/corpus/news.jsonl and
news_pages.warc.gz). Prints documents, analysed, skip reasons, and every "analysis failed"
(a bug: the per-document isolation kept the batch going, but the document was lost).
Exits 1 when any document failed.
"""

from __future__ import annotations

import collections
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from communique.analyzer import Analyzer  # noqa: E402
from communique.sources import read_sources  # noqa: E402


def main() -> int:
    corpus = ROOT.parent / "shared" / "corpus"
    paths = sys.argv[1:] or [str(corpus / "news.jsonl"), str(corpus / "news_pages.warc.gz")]
    analyzer = Analyzer()
    failed = 0
    for path in paths:
        if not Path(path).exists():
            print(f"{path}: absent, skipped")
            continue
        reasons: collections.Counter[str] = collections.Counter()
        n = ok = 0
        t0 = time.perf_counter()
        for a in analyzer.analyze(read_sources([path])):
            n += 1
            if a.skipped is None:
                ok += 1
                continue
            reasons[a.skipped.split(" (")[0]] += 1
            if a.skipped.startswith("analysis failed") or a.skipped.startswith("cleaning failed"):
                failed += 1
                print(f"  FAILED {a.article.id}: {a.skipped}")
        secs = time.perf_counter() - t0
        print(f"{path}: {n} documents, {ok} analysed, {n - ok} skipped in {secs:.0f} s")
        for reason, count in reasons.most_common():
            print(f"  {count:5}  {reason}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
