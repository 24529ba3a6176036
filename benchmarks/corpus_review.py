"""Speakers and actors across a real corpus, as a user first sees them (issues 11 and 12).

Usage: python benchmarks/corpus_review.py [--corpus PATH] [--naeb N] [--bbc N] [--db FILE]
       [--top 20] [--sample 20] [--seed 0] [--json]

Ingests the 724 corpus articles of the issues (every NAEB article and the first 300 BBC ones of
``../shared/corpus/news.jsonl``, in file order; the record's ``source`` field names the outlet:
"BBC News" for the BBC set, the site for the NAEB set) into a temporary store with the
project's ``ingest``, then prints:

- quotes (issue 11): the share whose speaker is a bare pronoun (target <= 2%), the share whose
  speaker is left unresolved (no name, the mention kept), and the ``--top`` most frequent
  speakers, overall and for each set;
- actors (issue 12): how many lower-case descriptions (an actor's name without a capital
  letter: "people", "the company") are one stored actor spanning two or more articles
  (target 0), listed if any, the ``--top`` actors with the most articles, and ``--sample``
  article actors drawn at random (``--seed``), as a reader meets them in one article: name,
  kind, country, code and role.

A speaker is a bare pronoun when it is one of ``PRONOUNS`` (the list the before-stop review
uses, so that its figure over 70 articles and this one over 724 compare). ``--db FILE`` keeps
the store (ingest is idempotent: a second run over the same file analyses nothing and only
reads the figures). About 3 minutes per 300 articles on two cores. This is a benchmark, not a
test: it prints figures and asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from communique import Document, Store, ingest  # noqa: E402
from communique.sources.jsonl import document_from_object  # noqa: E402
from communique.store.queries import SPEAKER_SHOWN  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "news.jsonl"
BBC_OUTLET = "BBC News"
PRONOUNS = frozenset(
    {"i", "me", "you", "we", "us", "they", "them", "he", "him", "she", "her", "it", "one"}
    | {"that", "this", "who"}
)
"""Personal, demonstrative and relative pronouns that can stand as a speaker's whole name."""


def load(path: Path, naeb: int, bbc: int) -> tuple[list[Document], dict[str, str]]:
    """The first ``naeb`` NAEB and ``bbc`` BBC documents, and each document's set."""
    docs: list[Document] = []
    sets: dict[str, str] = {}
    counts = {"bbc": 0, "naeb": 0}
    with path.open(encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            obj = json.loads(line)
            name = "bbc" if obj.get("source") == BBC_OUTLET else "naeb"
            if counts[name] >= (bbc if name == "bbc" else naeb):
                continue
            doc = document_from_object(obj, f"{path}:{n}", line=n)
            counts[name] += 1
            docs.append(doc)
            sets[doc.id or doc.raw_hash()] = name
    return docs, sets


def speaker_figures(store: Store, sets: dict[str, str], top: int) -> dict[str, Any]:
    rows = store.query(
        f"SELECT q.doc_id, {SPEAKER_SHOWN} AS speaker, q.speaker_start"
        " FROM quotes q LEFT JOIN actors a ON a.id = q.actor_id"
    )
    out: dict[str, Any] = {}
    for name in ("all", "naeb", "bbc"):
        picked = [r for r in rows if name == "all" or sets.get(r["doc_id"]) == name]
        speakers = [(r["speaker"] or "").strip() for r in picked]
        counts: dict[str, int] = {}
        for s in speakers:
            if s:
                counts[s] = counts.get(s, 0) + 1
        n = len(picked)
        pronoun = sum(s.lower() in PRONOUNS for s in speakers)
        unresolved = sum(
            not s and r["speaker_start"] is not None for s, r in zip(speakers, picked, strict=True)
        )
        out[name] = {
            "quotes": n,
            "pronoun_speaker": pronoun,
            "pronoun_share": pronoun / n if n else 0.0,
            "unresolved": unresolved,
            "no_speaker": sum(not s for s in speakers) - unresolved,
            "top": sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:top],
        }
    return out


def actor_sample(store: Store, n: int, seed: int) -> list[dict[str, Any]]:
    """``n`` actors of articles drawn at random (one row of ``doc_actors`` each)."""
    rows = store.query(
        "SELECT d.doc_id, d.name, d.kind, d.country, d.code, d.role FROM doc_actors d"
        " ORDER BY d.doc_id, d.local_id"
    )
    picked = random.Random(seed).sample(range(len(rows)), min(n, len(rows)))
    return [dict(rows[i]) for i in sorted(picked)]


def actor_figures(store: Store, top: int) -> dict[str, Any]:
    rows = store.query(
        "SELECT a.id, a.name, a.kind, a.country, a.code,"
        " COUNT(DISTINCT d.doc_id) AS articles,"
        " (SELECT COUNT(*) FROM quotes q WHERE q.actor_id = a.id) AS quotes"
        " FROM actors a JOIN doc_actors d ON d.actor_id = a.id GROUP BY a.id"
        " ORDER BY articles DESC, a.name"
    )
    spanning = [dict(r) for r in rows if r["articles"] >= 2 and r["name"] == r["name"].lower()]
    return {
        "actors": len(rows),
        "lower_case_spanning": spanning,
        "top": [dict(r) for r in rows[:top]],
    }


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--corpus", type=Path, default=CORPUS, help="JSONL of articles")
    ap.add_argument("--naeb", type=int, default=424, help="NAEB articles (default all, 424)")
    ap.add_argument("--bbc", type=int, default=300, help="first BBC articles (default 300)")
    ap.add_argument("--db", type=Path, help="keep the store in this file (default: temporary)")
    ap.add_argument("--top", type=int, default=20, help="speakers and actors listed")
    ap.add_argument("--sample", type=int, default=20, help="article actors drawn at random")
    ap.add_argument("--seed", type=int, default=0, help="seed of the random draw")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args()
    if not args.corpus.exists():
        print(f"{args.corpus}: absent, benchmark skipped")
        return 0

    docs, sets = load(args.corpus, args.naeb, args.bbc)
    with tempfile.TemporaryDirectory(prefix="communique-review-") as tmp:
        path = args.db or Path(tmp) / "review.db"
        with Store(path) as store:
            t0 = time.perf_counter()
            summary = ingest(docs, store)
            seconds = time.perf_counter() - t0
            figures: dict[str, Any] = {
                "articles": {k: sum(v == k for v in sets.values()) for k in ("naeb", "bbc")},
                "stored": store.counts()["documents"],
                "skip_reasons": summary.skip_reasons,
                "seconds": seconds,
                "speakers": speaker_figures(store, sets, args.top),
                "actors": actor_figures(store, args.top),
                "sample": actor_sample(store, args.sample, args.seed),
            }
    if args.json:
        print(json.dumps(figures, indent=2))
        return 0

    a = figures["articles"]
    print(
        f"corpus: {args.corpus}: {a['naeb']} NAEB + {a['bbc']} BBC articles, "
        f"{figures['stored']} stored in {seconds:.0f} s"
    )
    if figures["skip_reasons"]:
        print(f"  skipped: {figures['skip_reasons']}")
    sp = figures["speakers"]
    print("quotes (issue 11):")
    for name in ("all", "naeb", "bbc"):
        f = sp[name]
        n = f["quotes"] or 1
        print(
            f"  {name:<5} {f['quotes']:5d} quotes: pronoun speaker {f['pronoun_speaker']} "
            f"({f['pronoun_share']:.1%}, target <= 2%), unresolved {f['unresolved']} "
            f"({f['unresolved'] / n:.1%}), no speaker {f['no_speaker']} ({f['no_speaker'] / n:.1%})"
        )
    print(f"  most frequent speakers: {', '.join(f'{s} {k}' for s, k in sp['all']['top'])}")
    for name in ("naeb", "bbc"):
        print(f"    {name}: {', '.join(f'{s} {k}' for s, k in sp[name]['top'][:8])}")
    ac = figures["actors"]
    spanning = ac["lower_case_spanning"]
    print("actors (issue 12):")
    print(
        f"  {ac['actors']} stored actors; lower-case descriptions spanning two or more articles "
        f"as one actor: {len(spanning)} (target 0)"
    )
    for r in spanning[:20]:
        print(f"    {r['name']} ({r['kind']}, {r['code'] or '-'}): {r['articles']} articles")
    print(f"  the {len(ac['top'])} actors with the most articles:")
    for r in ac["top"]:
        print(
            f"    {r['articles']:4d}  {r['name']} ({r['kind']}, {r['country'] or '-'}, "
            f"{r['code'] or '-'}), {r['quotes']} quotes"
        )
    print(f"  {len(figures['sample'])} article actors drawn at random (seed {args.seed}):")
    for r in figures["sample"]:
        print(
            f"    {r['name']} ({r['kind']}, {r['country'] or '-'}, {r['code'] or '-'}, "
            f"{r['role'] or '-'})  [{r['doc_id']}]"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
