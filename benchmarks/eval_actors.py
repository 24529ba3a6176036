"""Accuracy and cost of the actor resolver (``communique.nlp.actors``) on its own.

Runs the base spaCy pipeline plus ``communique_actors`` over the ``text`` of every line of a
JSONL file (``date`` sets ``doc._.published``), writes one line ``{"id", "actors": [...]}`` per
input (actor mentions as character offsets), reports the resolver's time as a share of the spaCy
pass, and scores with the shared scorers when ``../shared`` is present::

    python benchmarks/eval_actors.py                       # events_dev + the seed article
    python benchmarks/eval_actors.py --input FILE.jsonl --out /tmp/actors.jsonl
    python benchmarks/eval_actors.py --dictionaries ../shared/reference/petrarch2/Phoenix.*.txt
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from communique.nlp.pipeline import load_pipeline  # noqa: E402
from communique.sources.jsonl import read_jsonl  # noqa: E402


def _date(value: object) -> dt.date | None:
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def run(source: Path, out: Path, dictionaries: list[str]) -> tuple[int, float, float]:
    """Resolve actors for every line of ``source``; returns (docs, spaCy s, resolver s)."""
    nlp = load_pipeline(components_to_add=("communique_actors",), actor_dictionaries=dictionaries)
    t_spacy = t_actors = 0.0
    n = 0
    with out.open("w", encoding="utf-8") as sink:
        for rec in read_jsonl(source):
            doc = nlp.make_doc(rec.get("text") or "")
            doc._.published = _date(rec.get("date") or rec.get("published"))
            for name, proc in nlp.pipeline:
                t0 = time.perf_counter()
                doc = proc(doc)
                spent = time.perf_counter() - t0
                if name == "communique_actors":
                    t_actors += spent
                else:
                    t_spacy += spent
            actors = [
                {
                    "id": a.id,
                    "name": a.name,
                    "kind": a.kind,
                    "country": a.country,
                    "role": a.role,
                    "code": a.code,
                    "mentions": [[m.start_char, m.end_char] for m in a.mentions],
                }
                for a in doc._.actors
            ]
            sink.write(
                json.dumps({"id": rec.get("id"), "actors": actors}, ensure_ascii=False) + "\n"
            )
            n += 1
    return n, t_spacy, t_actors


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--input", help="a JSONL file with id/text[/date]; default: events_dev")
    ap.add_argument("--out", default="/tmp/communique-actors.jsonl")
    ap.add_argument("--dictionaries", nargs="*", default=[], help="PETRARCH/TABARI files")
    args = ap.parse_args()
    shared = Path(args.shared)
    source = Path(args.input) if args.input else shared / "eval" / "events_dev.jsonl"
    if not source.exists():
        print(f"{source} is absent: nothing to run", file=sys.stderr)
        return 1
    out = Path(args.out)
    n, t_spacy, t_actors = run(source, out, args.dictionaries)
    share = 100 * t_actors / t_spacy if t_spacy else 0.0
    print(
        f"{n} docs: spaCy {1000 * t_spacy / max(n, 1):.1f} ms/doc, actors "
        f"{1000 * t_actors / max(n, 1):.2f} ms/doc ({share:.1f}% of the spaCy pass)"
    )
    scorer = shared / "eval" / "score_actors.py"
    if not args.input and scorer.exists():
        subprocess.run([sys.executable, str(scorer), str(source), str(out)], check=False)
    seed = shared / "examples" / "seed-defenseone-2013.gold.json"
    check = shared / "eval" / "seed_check.py"
    if not args.input and seed.exists() and check.exists():
        gold = json.loads(seed.read_text(encoding="utf-8"))
        seed_in = out.with_suffix(".seed-input.jsonl")
        seed_in.write_text(
            json.dumps(
                {
                    "id": "seed",
                    "text": gold["text"],
                    "date": gold.get("meta", {}).get("date", "2013-08-09"),
                }
            )
            + "\n",
            encoding="utf-8",
        )
        seed_out = out.with_suffix(".seed.jsonl")
        run(seed_in, seed_out, args.dictionaries)
        subprocess.run(
            [sys.executable, str(check), str(seed), str(seed_out), "actors"], check=False
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
