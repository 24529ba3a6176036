"""Accuracy and speed of plain-text body detection (``communique.article.plaintext``).

Runs ``analyze_layout`` over the ``text`` of every gold line, writes one prediction line
``{"id", "text", "body", "title", "byline", "outlet"}`` per page, reports the time per page and
scores the predictions with the shared ``score_body.py`` when it is present::

    python benchmarks/eval_body.py --out /tmp/body.jsonl
    python benchmarks/eval_body.py --split odd --model /tmp/even.json   # a cross-validation half
    python benchmarks/eval_body.py --cv 5       # 5-fold cross-validation of the fit

``--fit MODEL.json`` first refits the logistic weights on the chosen pages (needs numpy) and
writes a complete model file: the vocabulary is kept from the model in force, the weights are
replaced. Gold lines are aligned to the page's lines by a longest common subsequence, so a line
is body when the gold clean text keeps it. Nothing from the gold file is written into the repo.
"""

from __future__ import annotations

import argparse
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

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from communique.article import plaintext as pt  # noqa: E402
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
    docs = []
    for page in pages:
        lines = pt._split_lines(page["text"])
        labels = line_labels(page["text"], page["clean_text"])
        local = pt._local_features(lines, pt._find_title(lines), vocab)
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


def cross_validate(
    pages: Sequence[dict[str, Any]],
    base: dict[str, Any],
    folds: int,
    stages: int,
    l2: float,
    scorer: Path,
) -> list[float]:
    """Mean body F1 on each held-out fold (page ``i`` is in fold ``i % folds``), fitting on the
    other folds; scored with the shared scorer's per-page token F1."""
    score = _load_scorer(scorer)
    docs = prepare(pages, base)
    result = []
    for fold in range(folds):
        train = [i for i in range(len(pages)) if i % folds != fold]
        model = pt.LayoutModel.from_dict(
            fit_model([pages[i] for i in train], base, stages, l2, [docs[i] for i in train])
        )
        f1s = []
        for page in pages[fold::folds]:
            text = page["text"]
            body = "\n".join(text[s:e] for s, e in pt.analyze_layout(text, model).body)
            f1s.append(score.prf(score.bag(body), score.bag(page["clean_text"]))[2])
        result.append(statistics.fmean(f1s))
    return result


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
        help="K-fold cross-validation of --fit on the chosen pages, then exit",
    )
    args = ap.parse_args(argv)

    if not args.gold.is_file():
        print(f"no gold file at {args.gold}; pass --gold", file=sys.stderr)
        return 2
    pages = list(read_gold(args.gold, args.split))
    model_path = args.model or data_path(pt.MODEL_FILE)
    raw_model = json.loads(model_path.read_text(encoding="utf-8"))
    scorer = args.scorer or args.gold.parent.parent / "score_body.py"
    if args.cv:
        folds = cross_validate(pages, raw_model, args.cv, args.stages, args.l2, scorer)
        print(
            f"{args.cv}-fold F1 mean {statistics.fmean(folds):.4f}; folds "
            + " ".join(f"{f:.4f}" for f in folds)
        )
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
