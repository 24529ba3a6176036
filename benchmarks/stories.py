"""Story grouping (issue 16): pairwise precision and recall, and speed, on near-duplicates built
from the shared corpus at run time.

Usage: python benchmarks/stories.py [--count 10000] [--seed 16] [--corpus PATH]
       [--similarity X] [--batch N] [--json]

From ``../shared/corpus/news.jsonl`` it builds ``--count`` articles: every corpus article is the
original of one story (the order shuffled by ``--seed``); about 30 % of them stay alone (distinct
articles on the same topic: the other articles of their BBC category, or of the NAEB set), the
others get near-duplicate variants until the count is reached, as an outlet re-posting a wire
copy makes them. The variant's text is laid out as news sites print it, in paragraphs of one or
two sentences (the corpus' BBC texts run several into one), and gets:

- the headline rewritten (an "UPDATE 2-" or "Analysis:" tag, the outlet's name after a bar, a
  word dropped, or the lede's first words as the headline);
- its paragraphs edited, one of: the last ones cut (a wire copy trimmed to fit), some dropped
  from anywhere after the lede (one, or up to one in ``CUT``, for both), one moved elsewhere,
  two neighbours swapped;
- outlet furniture: "Read more:" lines naming another story of the same topic, share and
  newsletter prompts, a photo credit, a copyright line, and sometimes a dateline before the lede;
- delivered either as a record with its own ``title`` (the furniture inside its text) or as a
  plain-text page whose first lines are the headline and a byline.

Corpus articles that are already one story (copies under two names, updates of one report:
their 5-word shingles overlap by ``SAME_STORY`` or more) would make the truth uncertain: the
later of each such pair is left out, so the hardest distinct pairs left overlap by less than
that. Every article is cleaned by the project's ``ArticleCleaner`` (the body found, furniture
left out of it) and written to a temporary store (``Store.write``, which groups it with
``store.stories.StoryIndex``), in batches of ``--batch`` as ``ingest`` does. Printed:

- pairwise precision and recall: over every pair of stored articles, "same story" as the store
  grouped them against the truth (target: both >= 0.95);
- to read why a figure falls short: the share of variants that ended in their original's story
  by kind of edit and by share of the words cut, the added lines the cleaner left in the body,
  and the grouped stories that hold more than one true story;
- speed in articles per second (and per CPU second): cleaning, and grouping (signature, LSH
  lookup and the store's write).

``--similarity X`` is a what-if: the store groups with threshold X instead of the project's
``SIMILARITY``. The randomness is seeded: the same seed gives the same articles and the same
figures (the speeds aside). This is a benchmark, not a test: it prints figures, asserts nothing.
"""

from __future__ import annotations

import argparse
import collections
import json
import random
import re
import sys
import tempfile
import time
from dataclasses import dataclass, field
from math import comb
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from communique import Analysis, Document, Settings, Store  # noqa: E402
from communique.article import ArticleCleaner  # noqa: E402
from communique.records import Article  # noqa: E402
from communique.sources.jsonl import document_from_object  # noqa: E402
from communique.store import stories  # noqa: E402
from communique.store.stories import shingles  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "news.jsonl"
ALONE = 0.3
"""Share of the originals that get no variant (distinct articles on the same topic)."""
SAME_STORY = 0.5
"""Exact Jaccard similarity of their shingles from which two corpus articles are taken to be
one story already (copies under two names, updates of one report); the later is left out."""
CUT = 5
"""A trimmed or cut variant loses one paragraph, or up to one in ``CUT`` of its paragraphs."""
PAGE_SHARE = 0.5
"""Share of the variants delivered as plain-text pages (headline and byline as first lines)."""

OUTLETS = (
    "The Northern Post",
    "Metro Wire",
    "City Herald",
    "Daily Courier",
    "Valley Times",
    "Coastal Gazette",
    "Evening Ledger",
    "Capital Report",
)
REPORTERS = ("Anna Keller", "Tom Reyes", "Priya Nair", "James O'Connor", "Sofia Marin", "Li Wei")
PLACES = ("LONDON", "NEW YORK", "WASHINGTON", "BRUSSELS", "PARIS", "TOKYO")
TAGS = ("UPDATE 2-", "UPDATE 1-", "Analysis:", "EXCLUSIVE:", "WATCH:", "Breaking:")
_SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"'”’]))\s+(?=[\"'“‘A-Z0-9])")


@dataclass
class Item:
    """One article of the benchmark: its document, its true story and how it was made."""

    document: Document
    story: str
    edits: tuple[str, ...] = ()
    """Empty for an original; else the kinds of edit of the variant."""
    added: tuple[tuple[str, str], ...] = ()
    """(kind, line) of each line the variant added that is not the story: furniture, and a
    page's headline and byline."""


@dataclass
class Corpus:
    originals: list[Document]
    topic: dict[str, str]
    left_out: list[tuple[str, str, float]] = field(default_factory=list)
    """(kept id, left-out id, exact Jaccard) for corpus articles that were one story already."""


def topic_of(record: dict[str, Any]) -> str:
    return str(record.get("category") or str(record.get("id", "")).split("/")[0] or "other")


def jaccard(a: set[bytes], b: set[bytes]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


def load_corpus(path: Path) -> Corpus:
    """The corpus articles with text, less the later of two that are one story already."""
    records = []
    with path.open(encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            obj = json.loads(line)
            doc = document_from_object(obj, f"{path}:{n}", line=n)
            if doc.skipped is None and doc.text and doc.id:
                records.append((doc, topic_of(obj)))
    sets = [shingles(d.text or "") for d, _ in records]
    holders: dict[bytes, list[int]] = collections.defaultdict(list)
    for i, s in enumerate(sets):
        for sh in s:
            holders[sh].append(i)
    shared: collections.Counter[tuple[int, int]] = collections.Counter()
    for ids in holders.values():
        if 1 < len(ids) <= 50:  # a shingle in more articles than that is a stock phrase
            for a in range(len(ids)):
                for b in range(a + 1, len(ids)):
                    shared[(ids[a], ids[b])] += 1
    dropped: set[int] = set()
    left_out = []
    for (a, b), n in sorted(shared.items()):
        if a in dropped:
            continue
        similarity = n / len(sets[a] | sets[b])
        if similarity >= SAME_STORY and b not in dropped:
            dropped.add(b)
            left_out.append((records[a][0].id or "", records[b][0].id or "", similarity))
    kept = [r for i, r in enumerate(records) if i not in dropped]
    return Corpus(
        originals=[d for d, _ in kept],
        topic={d.id or "": t for d, t in kept},
        left_out=left_out,
    )


def paragraphs(text: str) -> list[str]:
    """``text`` laid out as news sites print it: paragraphs of one or two sentences (the
    BBC texts of the corpus hold several sentences per paragraph)."""
    out = []
    for block in re.split(r"\n\s*\n|\n", text):
        sentences = [x for x in _SENTENCE_END.split(block.strip()) if x]
        out += [" ".join(sentences[i : i + 2]) for i in range(0, len(sentences), 2)]
    return out


def rewrite_headline(rng: random.Random, title: str, lede: str, outlet: str) -> tuple[str, str]:
    kind = rng.choice(("tag", "outlet", "drop_word", "from_lede"))
    words = title.split()
    if kind == "tag":
        tag = rng.choice(TAGS)
        return (f"{tag}{title}" if tag.endswith("-") else f"{tag} {title}"), kind
    if kind == "outlet":
        return f"{title} | {outlet}", kind
    if kind == "drop_word" and len(words) > 3:
        del words[rng.randrange(len(words))]
        return " ".join(words), kind
    first = _SENTENCE_END.split(lede, maxsplit=1)[0].split()
    return " ".join(first[:9]).rstrip(",.;:"), "from_lede"


def edit_paragraphs(rng: random.Random, paras: list[str]) -> tuple[list[str], str]:
    n = len(paras)
    kind = rng.choice(("trim", "drop", "move", "swap")) if n >= 3 else "none"
    out = list(paras)
    if kind == "trim":
        k = rng.randint(1, max(1, n // CUT))
        out = out[: n - k]
    elif kind == "drop":
        k = rng.randint(1, max(1, n // CUT))
        for i in sorted(rng.sample(range(1, n), k), reverse=True):
            del out[i]
    elif kind == "move":
        p = out.pop(rng.randrange(1, n))
        out.insert(rng.randrange(1, n), p)
    elif kind == "swap":
        i = rng.randrange(1, n - 1)
        out[i], out[i + 1] = out[i + 1], out[i]
    return out, kind


def furniture(
    rng: random.Random, outlet: str, other_titles: list[str]
) -> list[tuple[int, str, str]]:
    """Lines of outlet furniture: (the paragraph index it goes before, -1 for the end; its
    kind; the line)."""
    lines: list[tuple[int, str, str]] = []
    kinds = rng.sample(
        ("read_more", "share", "newsletter", "photo", "copyright"), rng.randint(1, 3)
    )
    for kind in kinds:
        if kind == "read_more":
            for _ in range(rng.randint(1, 2)):
                label = rng.choice(("Read more:", "READ MORE:", "Related:", "See also:"))
                lines.append((rng.randint(1, 4), kind, f"{label} {rng.choice(other_titles)}"))
        elif kind == "share":
            text = rng.choice(
                (
                    "Share this article on Facebook, Twitter or by email",
                    "Share this story",
                    "Click here to share this article with a friend",
                )
            )
            lines.append((-1, kind, text))
        elif kind == "newsletter":
            text = rng.choice(
                (
                    f"Sign up for the {outlet} daily newsletter",
                    "Get the day's top stories in your inbox: sign up here",
                    f"Follow {outlet} on Twitter and Facebook",
                )
            )
            lines.append((rng.choice((2, -1)), kind, text))
        elif kind == "photo":
            credit = rng.choice(("Getty Images", "Reuters", "AFP", "AP"))
            lines.append((1, kind, f"(Photo: {credit})"))
        else:
            lines.append((-1, kind, f"Copyright {outlet}. All rights reserved."))
    return lines


def bucket(share: float) -> str:
    """A share of words cut, as a bucket of ten points."""
    if share <= 0:
        return "none"
    low = min(int(share * 10), 4) * 10
    return f"{low}-{low + 10}%" if low < 40 else ">=40%"


def make_variant(rng: random.Random, original: Document, k: int, other_titles: list[str]) -> Item:
    outlet = rng.choice(OUTLETS)
    paras = paragraphs(original.text or "")
    title, headline_kind = rewrite_headline(rng, original.title or "", paras[0], outlet)
    words = sum(len(p.split()) for p in paras)
    paras, para_kind = edit_paragraphs(rng, paras)
    cut = 1 - sum(len(p.split()) for p in paras) / max(words, 1)
    edits = [f"headline:{headline_kind}", f"paragraphs:{para_kind}", f"words cut:{bucket(cut)}"]
    if rng.random() < 0.3:
        place = rng.choice(PLACES)
        paras[0] = f"{place} ({outlet}) - {paras[0]}"
        edits.append("dateline")
    extra = furniture(rng, outlet, other_titles)
    edits += sorted({f"furniture:{kind}" for _, kind, _ in extra})
    added = [(kind, line) for _, kind, line in extra]
    body = list(paras)
    for at, _, line in sorted(extra, key=lambda x: -x[0]):
        if at < 0 or at >= len(body):
            body.append(line)
        else:
            body.insert(at, line)
    reporter = rng.choice(REPORTERS)
    vid = f"variant/{k}/{original.id}"
    if rng.random() < PAGE_SHARE:
        head = [title, f"By {reporter}, {outlet}"]
        added += [("page headline", head[0]), ("page byline", head[1])]
        doc = Document(source=vid, id=vid, text="\n\n".join(head + body), outlet=outlet)
        edits.append("as:page")
    else:
        doc = Document(
            source=vid,
            id=vid,
            text="\n\n".join(body),
            title=title,
            outlet=outlet,
            extracted=True,
        )
        edits.append("as:record")
    return Item(document=doc, story=original.id or "", edits=tuple(edits), added=tuple(added))


def build(corpus: Corpus, count: int, seed: int) -> list[Item]:
    """``count`` articles: originals and their variants, in a seeded random order."""
    rng = random.Random(seed)
    originals = list(corpus.originals)
    rng.shuffle(originals)
    n_stories = min(len(originals), max(1, count // 4))
    originals = originals[:n_stories]
    sizes = [1] * n_stories
    grown = [i for i in range(n_stories) if rng.random() >= ALONE] or [0]
    for i in rng.choices(grown, k=max(0, count - n_stories)):
        sizes[i] += 1
    by_topic: dict[str, list[str]] = collections.defaultdict(list)
    for d in corpus.originals:
        by_topic[corpus.topic[d.id or ""]].append(d.title or "")
    items: list[Item] = []
    for original, size in zip(originals, sizes, strict=True):
        items.append(Item(document=original, story=original.id or ""))
        others = [t for t in by_topic[corpus.topic[original.id or ""]] if t != original.title]
        for k in range(1, size):
            items.append(make_variant(rng, original, k, others or ["More news"]))
    rng.shuffle(items)
    return items


def left_in_body(items: list[Item], articles: list[Article]) -> dict[str, tuple[int, int]]:
    """Per kind of added line: how many the cleaner left in the body, of how many added."""
    kept: collections.Counter[str] = collections.Counter()
    total: collections.Counter[str] = collections.Counter()
    for item, article in zip(items, articles, strict=True):
        for kind, line in item.added:
            start = article.text.find(line)
            end = start + len(line)
            total[kind] += 1
            kept[kind] += start >= 0 and any(s < end and start < e for s, e in article.body)
    return {k: (kept[k], total[k]) for k in sorted(total)}


def pairs(groups: collections.Counter[Any]) -> int:
    return sum(comb(n, 2) for n in groups.values())


def run(items: list[Item], batch: int) -> dict[str, Any]:
    cleaner = ArticleCleaner(Settings())
    t0, c0 = time.perf_counter(), time.process_time()
    articles: list[Article] = [cleaner(i.document) for i in items]
    clean_s, clean_cpu = time.perf_counter() - t0, time.process_time() - c0
    with (
        tempfile.TemporaryDirectory(prefix="communique-stories-") as tmp,
        Store(Path(tmp) / "stories.db") as store,
    ):
        t0, c0 = time.perf_counter(), time.process_time()
        for start in range(0, len(articles), batch):
            store.write(Analysis(article=a) for a in articles[start : start + batch])
        group_s, group_cpu = time.perf_counter() - t0, time.process_time() - c0
        grouped = {
            r["doc_id"]: r["story_id"]
            for r in store.query("SELECT doc_id, story_id FROM story_members")
        }
    return {
        "articles": articles,
        "grouped": grouped,
        "clean_seconds": clean_s,
        "group_seconds": group_s,
        "clean_cpu_seconds": clean_cpu,
        "group_cpu_seconds": group_cpu,
    }


def score(items: list[Item], grouped: dict[str, str], skipped: set[str]) -> dict[str, Any]:
    """Pairwise precision and recall over the articles the cleaner did not skip (a skipped
    article is never stored, so it is in no story)."""
    items = [i for i in items if i.document.id not in skipped]
    ids = [i.document.id or "" for i in items]
    missing = [d for d in ids if d not in grouped]
    pred = {d: grouped.get(d, f"missing:{d}") for d in ids}
    truth = {i.document.id or "": i.story for i in items}
    both = collections.Counter((truth[d], pred[d]) for d in ids)
    true_pairs = pairs(collections.Counter(truth.values()))
    pred_pairs = pairs(collections.Counter(pred.values()))
    tp = pairs(both)
    precision = tp / pred_pairs if pred_pairs else 1.0
    recall = tp / true_pairs if true_pairs else 1.0
    joined: collections.Counter[str] = collections.Counter()
    total: collections.Counter[str] = collections.Counter()
    for item in items:
        if not item.edits:
            continue
        if item.story not in pred:  # the original was skipped
            continue
        ok = pred[item.document.id or ""] == pred[item.story]
        for edit in (*item.edits, "all variants"):
            total[edit] += 1
            joined[edit] += ok
    merges = collections.defaultdict(set)
    for (t, p), _ in both.items():
        merges[p].add(t)
    false_merges = sorted(
        (sorted(ts) for ts in merges.values() if len(ts) > 1), key=lambda ts: (-len(ts), ts)
    )
    return {
        "articles": len(items),
        "stories_true": len(set(truth.values())),
        "stories_grouped": len(set(pred.values())),
        "missing": missing,
        "pairs_true": true_pairs,
        "pairs_grouped": pred_pairs,
        "pairs_both": tp,
        "precision": precision,
        "recall": recall,
        "joined_by_edit": {k: (joined[k], total[k]) for k in sorted(total)},
        "false_merges": false_merges,
    }


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--corpus", type=Path, default=CORPUS, help="JSONL of articles")
    ap.add_argument("--count", type=int, default=10000, help="articles in all (default 10000)")
    ap.add_argument("--seed", type=int, default=16, help="seed of the variants (default 16)")
    ap.add_argument("--batch", type=int, default=Settings().batch_size, help="per transaction")
    ap.add_argument(
        "--similarity",
        type=float,
        help=f"what-if: group with this threshold instead of the project's ({stories.SIMILARITY})",
    )
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args()
    if args.similarity is not None:
        if not 0 < args.similarity <= 1:
            ap.error("--similarity must be in (0, 1]")
        stories.SIMILARITY = args.similarity  # read by StoryIndex when it builds its index
    if not args.corpus.exists():
        print(f"{args.corpus}: absent, benchmark skipped")
        return 0
    if args.count < 2:
        ap.error("--count must be at least 2")

    corpus = load_corpus(args.corpus)
    items = build(corpus, args.count, args.seed)
    done = run(items, args.batch)
    skipped = [f"{a.id}: {a.skipped}" for a in done["articles"] if a.skipped]
    figures = score(items, done["grouped"], {a.id for a in done["articles"] if a.skipped})
    n = len(items)
    figures["skipped_by_cleaner"] = skipped
    figures["added_lines_in_body"] = left_in_body(items, done["articles"])
    figures["left_out_of_corpus"] = len(corpus.left_out)
    figures["speed"] = {
        "cleaning_per_s": n / done["clean_seconds"],
        "grouping_per_s": n / done["group_seconds"],
        "both_per_s": n / (done["clean_seconds"] + done["group_seconds"]),
        "cleaning_per_cpu_s": n / done["clean_cpu_seconds"],
        "grouping_per_cpu_s": n / done["group_cpu_seconds"],
    }
    if args.json:
        print(json.dumps(figures, indent=2))
        return 0
    f = figures
    print(f"corpus: {args.corpus} ({len(corpus.originals)} articles kept; {len(corpus.left_out)}")
    print(f"  left out as one story with an earlier one, shingle Jaccard >= {SAME_STORY})")
    print(f"grouping threshold (estimated Jaccard of 5-word shingles): {stories.SIMILARITY}")
    print(
        f"{n} articles (seed {args.seed}): {f['stories_true']} stories, "
        f"{n - f['stories_true']} variants; the store grouped them into "
        f"{f['stories_grouped']} stories"
    )
    if skipped:
        reasons = collections.Counter(r.split(": ", 1)[1].split(" (")[0] for r in skipped)
        print(f"  skipped by the cleaner, left out of the scores: {len(skipped)} {dict(reasons)}")
    if f["missing"]:
        print(f"  stored but not grouped: {len(f['missing'])}")
    print(
        f"pairwise precision {f['precision']:.4f}, recall {f['recall']:.4f} "
        f"({f['pairs_both']:,} of {f['pairs_grouped']:,} grouped pairs true, "
        f"of {f['pairs_true']:,} true pairs)   target >= 0.95 each"
    )
    print("variants in their original's story, by edit:")
    for edit, (ok, total) in f["joined_by_edit"].items():
        print(f"  {edit:<26} {ok:5d} / {total:<5d} {ok / total:.3f}")
    print("lines added to the variants that the cleaner left in the body (their shingles count):")
    for kind, (kept, total) in f["added_lines_in_body"].items():
        print(f"  {kind:<26} {kept:5d} / {total}")
    merges = f["false_merges"]
    print(f"false merges: {len(merges)} grouped stories hold more than one true story")
    for ts in merges[:8]:
        print("  " + " + ".join(ts))
    s = f["speed"]
    print(
        f"speed: cleaning {s['cleaning_per_s']:,.0f} articles/s, grouping (signature, LSH, "
        f"store write) {s['grouping_per_s']:,.0f} articles/s, both {s['both_per_s']:,.0f} "
        "articles/s"
    )
    print(
        f"  per CPU second (steadier on a shared machine): cleaning "
        f"{s['cleaning_per_cpu_s']:,.0f}, grouping {s['grouping_per_cpu_s']:,.0f} articles"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
