"""Accuracy and speed of plain-text body detection (``communique.article.plaintext``).

Runs ``analyze_layout`` over the ``text`` of every gold line, writes one prediction line
``{"id", "text", "body", "title", "byline", "outlet"}`` per page, reports the time per page and
scores the predictions with the shared ``score_body.py`` when it is present::

    python benchmarks/eval_body.py --out /tmp/body.jsonl
    python benchmarks/eval_body.py --split odd --model /tmp/even.json   # a cross-validation half
    python benchmarks/eval_body.py --cv 5       # 5-fold cross-validation of the fit
    python benchmarks/eval_body.py --cv-sites 5 --out /tmp/held.jsonl   # whole sites held out

``--fit MODEL.json`` first refits the logistic weights on the chosen pages (needs numpy) and
writes a complete model file: the vocabulary is kept from the model in force, the weights are
replaced. ``--cv K`` and ``--cv-sites K`` refit on K-1 folds and score the held-out fold with
the shared scorer's per-page token F1, printed per fold and overall beside the model in force
(fitted on every page, so scored in sample); ``--cv`` puts page ``i`` in fold ``i % K``,
``--cv-sites`` keeps every page of a site (its registered domain, by courlan) in one fold, the
way pages of an unseen site meet the bundled model. Gold lines are aligned to the page's lines by a longest common subsequence, so a line
is body when the gold clean text keeps it. Nothing from the gold file is written into the repo.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import math
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from communique.article import plaintext as pt  # noqa: E402
from communique.article.furniture import furniture, load_furniture  # noqa: E402
from communique.knowledge import data_path  # noqa: E402
from communique.sources.jsonl import read_jsonl  # noqa: E402

DEFAULT_GOLD = REPO.parent / "shared" / "eval" / "plaintext" / "boilerplate_dev.jsonl"


def read_gold(path: Path, split: str) -> Iterator[dict[str, Any]]:
    """Gold pages in file order; ``split`` keeps all, the even or the odd positions."""
    for i, page in enumerate(read_jsonl(path)):
        if split == "all" or (i % 2 == 0) == (split == "even"):
            yield page


def line_labels(text: str, clean: str) -> list[int]:
    """1 for each line of ``text`` that the gold ``clean`` text keeps (LCS over lines)."""
    ours = [line.text for line in pt._split_lines(text)]
    gold = [line.text for line in pt._split_lines(clean)]
    n, m = len(ours), len(gold)
    table = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        row, below = table[i], table[i + 1]
        for j in range(m - 1, -1, -1):
            row[j] = below[j + 1] + 1 if ours[i] == gold[j] else max(below[j], row[j + 1])
    labels, i, j = [0] * n, 0, 0
    while i < n and j < m:
        if ours[i] == gold[j]:
            labels[i], i, j = 1, i + 1, j + 1
        elif table[i + 1][j] >= table[i][j + 1]:
            i += 1
        else:
            j += 1
    return labels


def fit_logistic(
    rows: Sequence[Sequence[float]], labels: Sequence[int], weights: Sequence[float], l2: float
) -> tuple[list[float], float]:
    """Weighted, L2-penalised logistic regression by Newton's method (bias not penalised)."""
    import numpy as np

    x = np.hstack([np.asarray(rows, dtype=float), np.ones((len(rows), 1))])
    y = np.asarray(labels, dtype=float)
    w = np.asarray(weights, dtype=float)
    w = w / w.mean()
    penalty = l2 * np.eye(x.shape[1])
    penalty[-1, -1] = 0.0
    beta = np.zeros(x.shape[1])
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ beta, -30, 30)))
        grad = x.T @ ((p - y) * w) + penalty @ beta
        hess = (x * (w * p * (1 - p))[:, None]).T @ x + penalty + 1e-9 * np.eye(len(beta))
        step = np.linalg.solve(hess, grad)
        beta -= step
        if np.abs(step).max() < 1e-7:
            break
    return [round(float(b), 4) for b in beta[:-1]], round(float(beta[-1]), 4)


def prepare(pages: Sequence[dict[str, Any]], base: dict[str, Any]) -> list[tuple[Any, ...]]:
    """Per page: lines, local features, gold line labels and line weights (each page sums to 1)."""
    vocab = pt.LayoutModel.from_dict({**base, "local": {}, "context": []})
    lexicon = load_furniture()
    docs = []
    for page in pages:
        lines = pt._split_lines(page["text"])
        labels = line_labels(page["text"], page["clean_text"])
        furn = furniture([line.text for line in lines], lexicon)
        local = pt._local_features(lines, pt._find_title(lines), vocab, lexicon, furn)
        mass = sum(1.0 + line.words for line in lines) or 1.0
        docs.append(
            (
                lines,
                local,
                labels,
                [(1.0 + line.words) / mass for line in lines],
                pt._neighbourhood(lines, local),
            )
        )
    return docs


def fit_model(
    pages: Sequence[dict[str, Any]],
    base: dict[str, Any],
    stages: int,
    l2: float,
    docs: Sequence[tuple[Any, ...]] | None = None,
) -> dict[str, Any]:
    """Refit the stage weights of ``base`` on ``pages``; each page weighs the same in total."""
    model = dict(base)
    docs = prepare(pages, base) if docs is None else docs
    labels = [y for d in docs for y in d[2]]
    sample = [w for d in docs for w in d[3]]
    coef, bias = fit_logistic([f for d in docs for f in d[1]], labels, sample, l2)
    model["local"] = {**dict(zip(pt.LOCAL_FEATURES, coef, strict=True)), "bias": bias}
    local_stage = (tuple(coef), bias)
    probs = [[pt._logistic(f, local_stage) for f in d[1]] for d in docs]
    model["context"] = []
    for _ in range(stages):
        feats = [
            pt._context_features(d[0], d[1], d[4], p) for d, p in zip(docs, probs, strict=True)
        ]
        coef, bias = fit_logistic([f for fs in feats for f in fs], labels, sample, l2)
        model["context"].append({**dict(zip(pt.CONTEXT_FEATURES, coef, strict=True)), "bias": bias})
        stage = (tuple(coef), bias)
        probs = [[pt._logistic(f, stage) for f in fs] for fs in feats]
    return model


def _load_scorer(path: Path) -> Any:
    spec = importlib.util.spec_from_file_location("score_body", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load the scorer {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def site_of(page: dict[str, Any]) -> str:
    """The registered domain of the page's ``url`` ("www.bbc.co.uk" -> "bbc.co.uk"), by
    courlan when it is installed, else the host without "www."; the page id when no url."""
    url = str(page.get("url") or "")
    host = urlsplit(url).hostname or ""
    if host and importlib.util.find_spec("courlan") is not None:
        from courlan import extract_domain

        host = extract_domain(url) or host
    return host.removeprefix("www.") or str(page.get("id", ""))


def page_folds(pages: Sequence[dict[str, Any]], folds: int) -> list[int]:
    """Fold of each page (``folds`` >= 2). Random-page folds put page ``i`` in fold
    ``i % folds``; ``site_folds`` puts every page of one site in the same fold."""
    return [i % folds for i in range(len(pages))]


def site_folds(pages: Sequence[dict[str, Any]], folds: int) -> list[int]:
    """Fold of each page, whole sites at a time: sites in decreasing page count, ties in the
    order of a hash of their name (stable across runs and machines), each to the fold that
    holds the fewest pages so far (the lowest-numbered on a tie)."""
    sites = [site_of(page) for page in pages]
    sizes: dict[str, int] = {}
    for site in sites:
        sizes[site] = sizes.get(site, 0) + 1
    order = sorted(sizes, key=lambda s: (-sizes[s], hashlib.sha1(s.encode()).hexdigest()))
    load = [0] * folds
    where = {}
    for site in order:
        fold = min(range(folds), key=lambda k: (load[k], k))
        where[site] = fold
        load[fold] += sizes[site]
    return [where[site] for site in sites]


def page_f1(score: Any, page: dict[str, Any], body: Sequence[tuple[int, int]]) -> float:
    """The shared scorer's token F1 of one page's body spans against its gold clean text."""
    text = page["text"]
    found = "\n".join(text[s:e] for s, e in body)
    return float(score.prf(score.bag(found), score.bag(page["clean_text"]))[2])


def cross_validate(
    pages: Sequence[dict[str, Any]],
    base: dict[str, Any],
    assignment: Sequence[int],
    stages: int,
    l2: float,
    scorer: Path,
) -> list[tuple[int, Any, float]]:
    """Held-out predictions: for each page, its fold, its body spans from the model fitted on
    the other folds (``assignment`` gives each page's fold) and the shared scorer's token F1."""
    score = _load_scorer(scorer)
    docs = prepare(pages, base)
    result: list[tuple[int, Any, float]] = [(0, (), 0.0)] * len(pages)
    for fold in sorted(set(assignment)):
        train = [i for i, k in enumerate(assignment) if k != fold]
        model = pt.LayoutModel.from_dict(
            fit_model([pages[i] for i in train], base, stages, l2, [docs[i] for i in train])
        )
        for i, k in enumerate(assignment):
            if k == fold:
                body = pt.analyze_layout(pages[i]["text"], model).body
                result[i] = (fold, body, page_f1(score, pages[i], body))
    return result


def report_cv(
    pages: Sequence[dict[str, Any]],
    held_out: Sequence[tuple[int, Any, float]],
    in_force: Sequence[float],
    by_site: bool,
    out: Path | None,
) -> None:
    """Print per-fold and overall held-out F1 beside the model in force's (fitted on every
    page, so scored in sample); write the held-out predictions to ``out`` when given."""
    kind = "leave-sites-out" if by_site else "random-page"
    for fold in sorted({f for f, _, _ in held_out}):
        at = [i for i, (f, _, _) in enumerate(held_out) if f == fold]
        sites = len({site_of(pages[i]) for i in at})
        print(
            f"fold {fold}: {len(at)} pages, {sites} sites, held-out F1 "
            f"{statistics.fmean(held_out[i][2] for i in at):.4f} "
            f"(model in force {statistics.fmean(in_force[i] for i in at):.4f})"
        )
    print(
        f"{kind} {len({f for f, _, _ in held_out})}-fold body F1 "
        f"{statistics.fmean(f1 for _, _, f1 in held_out):.4f} over {len(pages)} pages; "
        f"model in force {statistics.fmean(in_force):.4f}"
    )
    if out:
        with out.open("w", encoding="utf-8") as fh:
            for page, (fold, body, f1) in zip(pages, held_out, strict=True):
                record = {"id": page["id"], "site": site_of(page), "fold": fold, "f1": f1}
                fh.write(json.dumps({**record, "text": page["text"], "body": body}) + "\n")
        print(f"held-out predictions -> {out}")


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument(
        "--gold",
        type=Path,
        default=DEFAULT_GOLD,
        help="gold JSONL with id, text, clean_text (default: %(default)s)",
    )
    ap.add_argument("--out", type=Path, help="prediction JSONL to write (default: a temp file)")
    ap.add_argument(
        "--split",
        choices=("all", "even", "odd"),
        default="all",
        help="pages to use, by position in the gold file (default: all)",
    )
    ap.add_argument("--model", type=Path, help="layout model JSON (default: the bundled one)")
    ap.add_argument(
        "--fit",
        type=Path,
        metavar="MODEL.json",
        help="refit the weights on the chosen pages, write them here, then evaluate",
    )
    ap.add_argument("--stages", type=int, default=2, help="context stages when fitting")
    ap.add_argument("--l2", type=float, default=10.0, help="L2 penalty when fitting")
    ap.add_argument("--scorer", type=Path, help="score_body.py (default: next to the gold dir)")
    ap.add_argument(
        "--cv",
        type=int,
        metavar="K",
        help="K-fold cross-validation of --fit on the chosen pages (page i in fold i %% K)",
    )
    ap.add_argument(
        "--cv-sites",
        type=int,
        metavar="K",
        help="K-fold cross-validation that leaves whole sites (registered domains) out",
    )
    args = ap.parse_args(argv)

    if not args.gold.is_file():
        print(f"no gold file at {args.gold}; pass --gold", file=sys.stderr)
        return 2
    pages = list(read_gold(args.gold, args.split))
    model_path = args.model or data_path(pt.MODEL_FILE)
    raw_model = json.loads(model_path.read_text(encoding="utf-8"))
    scorer = args.scorer or args.gold.parent.parent / "score_body.py"
    if args.cv or args.cv_sites:
        k = args.cv_sites or args.cv
        if k < 2:
            print(f"cross-validation needs at least 2 folds, not {k}", file=sys.stderr)
            return 2
        if not scorer.is_file():
            print(f"no scorer at {scorer}; cross-validation needs it (--scorer)", file=sys.stderr)
            return 2
        assignment = site_folds(pages, k) if args.cv_sites else page_folds(pages, k)
        held_out = cross_validate(pages, raw_model, assignment, args.stages, args.l2, scorer)
        score = _load_scorer(scorer)
        model = pt.LayoutModel.from_dict(raw_model)
        in_force = [page_f1(score, p, pt.analyze_layout(p["text"], model).body) for p in pages]
        report_cv(pages, held_out, in_force, bool(args.cv_sites), args.out)
        return 0
    if args.fit:
        raw_model = fit_model(pages, raw_model, args.stages, args.l2)
        args.fit.write_text(
            json.dumps(raw_model, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        print(f"wrote {args.fit}")
    model = pt.LayoutModel.from_dict(raw_model)

    out = args.out or Path(tempfile.gettempdir()) / "communique-eval-body.jsonl"
    times = []
    with out.open("w", encoding="utf-8") as fh:
        for page in pages:
            start = time.perf_counter()
            layout = pt.analyze_layout(page["text"], model)
            times.append(time.perf_counter() - start)
            fh.write(
                json.dumps(
                    {
                        "id": page["id"],
                        "text": page["text"],
                        "body": layout.body,
                        "title": layout.title,
                        "byline": layout.byline,
                        "outlet": layout.outlet,
                    },
                    ensure_ascii=False,
                )
                + "\n"
            )
    ms = [t * 1000 for t in times]
    print(
        f"{len(pages)} pages -> {out}; ms per page: median {statistics.median(ms):.2f}, "
        f"mean {statistics.fmean(ms):.2f}, p90 {sorted(ms)[math.ceil(0.9 * len(ms)) - 1]:.2f}"
    )

    if not scorer.is_file():
        print(f"no scorer at {scorer}; predictions written, not scored")
        return 0
    gold_for_scorer = args.gold
    if args.split != "all":  # the scorer averages over every gold line: give it our half only
        gold_for_scorer = Path(tempfile.gettempdir()) / f"communique-gold-{args.split}.jsonl"
        gold_for_scorer.write_text("".join(json.dumps(p) + "\n" for p in pages), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(scorer), str(gold_for_scorer), str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    print(result.stdout.strip() or result.stderr.strip())
    return result.returncode


if __name__ == "__main__":
    sys.exit(main())
