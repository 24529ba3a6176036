"""Events per 1,000 words by kind of news (issue 13): the coder should find political events in
politics and few in sport, business, tech or entertainment.

Usage: python benchmarks/events_by_category.py [--limit 100] [--corpus PATH] [--top 5]
       [--examples N] [--json] [--sets business,politics] [--skip N]

Over ``../shared/corpus/news.jsonl``, the first ``--limit`` articles (in file order, after
``--skip`` passed over) of each BBC category (business, sport, tech, entertainment, politics)
and of the NAEB set (the other outlets, no category), or of the ``--sets`` named, are analysed with the project's ``Analyzer`` as ``communique analyze``
does. For each set it prints the events per 1,000 words of article body, that rate against
politics', the share of articles with at least one event, the ``--top`` event codes with
their names, and with ``--examples N`` the first N events with their evidence, to read.

Events carry a confidence only once the coder records one: when they do (an event record with
``confidence``), the share below the default threshold (the event model's, in
``knowledge/confidence.json``) is printed too, else "no confidence recorded". About a minute per 100 articles
on two cores. This is a benchmark, not a test: it prints figures and asserts nothing.
"""

from __future__ import annotations

import argparse
import collections
import json
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from communique import Analyzer, Document, Settings  # noqa: E402
from communique.sources.jsonl import document_from_object  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "news.jsonl"
CATEGORIES = ("politics", "business", "sport", "tech", "entertainment")
NAEB = "naeb"
"""The set of articles of the other outlets (ids ``naeb/...``, no category)."""


def load_sets(
    path: Path, limit: int, names: tuple[str, ...] = (*CATEGORIES, NAEB), skip: int = 0
) -> dict[str, list[Document]]:
    """``limit`` documents of each set of ``names`` (BBC categories, the NAEB set), after the
    first ``skip`` of each (in file order)."""
    sets: dict[str, list[Document]] = {c: [] for c in names}
    passed: collections.Counter[str] = collections.Counter()
    with path.open(encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            obj = json.loads(line)
            name = obj.get("category") or str(obj.get("id", "")).split("/")[0]
            if name not in sets or len(sets[name]) >= limit:
                continue
            passed[name] += 1
            if passed[name] > skip:
                sets[name].append(document_from_object(obj, f"{path}:{n}", line=n))
    return sets


def confidence_threshold(settings: Settings) -> tuple[str, float] | None:
    """The default event confidence threshold (``communique.confidence``: the event model's,
    as ``communique events`` applies it), if the models load."""
    from communique.confidence import Models

    try:
        model = Models.load(settings.knowledge).event
    except (OSError, KeyError, ValueError):
        return None
    return ("the event model's default threshold", float(model.threshold))


def measure(
    analyzer: Analyzer, documents: list[Document], top: int, examples: int
) -> dict[str, Any]:
    words = articles = with_events = 0
    codes: collections.Counter[str] = collections.Counter()
    names: dict[str, str] = {}
    confidences: list[float | None] = []
    shown: list[str] = []
    skipped: collections.Counter[str] = collections.Counter()
    for analysis in analyzer.analyze(documents):
        a = analysis.article
        if a.skipped:
            skipped[a.skipped.split(" (")[0]] += 1
            continue
        articles += 1
        words += sum(len(a.text[s:e].split()) for s, e in a.body)
        with_events += bool(analysis.events)
        for e in analysis.events:
            codes[e.code] += 1
            names[e.code] = e.name
            confidences.append(e.to_dict().get("confidence"))
            if len(shown) < examples:
                evidence = " ".join((e.text or "").split())
                shown.append(f"{e.source} {e.code} {e.target}  ({e.name}) <- {evidence[:160]}")
    events = sum(codes.values())
    return {
        "articles": articles,
        "words": words,
        "events": events,
        "per_1000_words": 1000 * events / words if words else 0.0,
        "articles_with_events": with_events / articles if articles else 0.0,
        "top_codes": [(c, n, names[c]) for c, n in codes.most_common(top)],
        "confidences": [c for c in confidences if c is not None],
        "unscored_events": sum(c is None for c in confidences),
        "examples": shown,
        "skipped": dict(skipped),
    }


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--corpus", type=Path, default=CORPUS, help="JSONL with BBC categories")
    ap.add_argument("--limit", type=int, default=100, help="articles per set (default 100)")
    ap.add_argument("--top", type=int, default=5, help="event codes listed per set (default 5)")
    ap.add_argument("--examples", type=int, default=0, help="events printed per set to read")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument(
        "--sets",
        default=",".join((*CATEGORIES, NAEB)),
        help="comma-separated sets to analyse (default: all; without politics no ratio)",
    )
    ap.add_argument(
        "--skip", type=int, default=0, help="articles of each set passed over first (default 0)"
    )
    args = ap.parse_args()
    names = tuple(n.strip() for n in args.sets.split(",") if n.strip())
    unknown = sorted(set(names) - {*CATEGORIES, NAEB})
    if unknown or not names:
        ap.error(f"--sets: unknown set(s) {unknown}; choose among {', '.join((*CATEGORIES, NAEB))}")
    if args.skip < 0:
        ap.error("--skip must not be negative")
    if not args.corpus.exists():
        print(f"{args.corpus}: absent, benchmark skipped")
        return 0
    if args.limit < 1:
        ap.error("--limit must be at least 1")

    sets = load_sets(args.corpus, args.limit, names, args.skip)
    settings = Settings()
    analyzer = Analyzer(settings=settings)
    threshold = confidence_threshold(settings)
    t0 = time.perf_counter()
    figures = {
        name: measure(analyzer, docs, args.top, args.examples) for name, docs in sets.items()
    }
    seconds = time.perf_counter() - t0
    base = figures["politics"]["per_1000_words"] if "politics" in figures else 0.0
    for f in figures.values():
        f["against_politics"] = f["per_1000_words"] / base if base else None
        scored = f.pop("confidences")
        f["confidence_recorded"] = bool(scored)
        if scored and threshold is not None:
            f["below_threshold"] = sum(c < threshold[1] for c in scored) / len(scored)
    if args.json:
        print(json.dumps({"threshold": threshold, "seconds": seconds, "sets": figures}, indent=2))
        return 0

    n = sum(f["articles"] for f in figures.values())
    print(
        f"corpus: {args.corpus}; {args.limit} articles of each set after the first {args.skip},"
        f" {n} analysed"
    )
    print(f"{seconds:.0f} s")
    print(
        f"{'set':<14}{'articles':>9}{'words':>9}{'events':>8}{'per 1,000 words':>17}"
        f"{'vs politics':>13}{'articles with events':>22}"
    )
    for name, f in figures.items():
        against = f"{f['against_politics']:.2f}" if f["against_politics"] is not None else "-"
        print(
            f"{name:<14}{f['articles']:>9}{f['words']:>9,}{f['events']:>8}"
            f"{f['per_1000_words']:>17.2f}{against:>13}{f['articles_with_events']:>22.1%}"
        )
    print("top event codes:")
    for name, f in figures.items():
        codes = ", ".join(f"{c} {label} ({k})" for c, k, label in f["top_codes"]) or "none"
        print(f"  {name:<14}{codes}")
    if not any(f["confidence_recorded"] for f in figures.values()):
        print("confidence: no confidence recorded on the events")
    elif threshold is None:
        print("confidence: recorded, but no setting names a default threshold")
    else:
        print(f"share of events with confidence below {threshold[0]} = {threshold[1]:g}:")
        for name, f in figures.items():
            share = f.get("below_threshold")
            print(f"  {name:<14}{'-' if share is None else f'{share:.1%}'}")
    for name, f in figures.items():
        if f["skipped"]:
            print(f"skipped in {name}: {f['skipped']}")
        if f["examples"]:
            print(f"events of {name}:")
            for line in f["examples"]:
                print(f"  {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
