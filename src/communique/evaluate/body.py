"""Body detection scored as in the shared ``score_body.py``: bag-of-words token P/R/F1 of the
body text against the gold clean text, per document, averaged over gold documents."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

_TOKEN = re.compile(r"\w+", re.UNICODE)


def _bag(text: str) -> Counter[str]:
    return Counter(t.lower() for t in _TOKEN.findall(text or ""))


def evaluate_body(
    gold: Iterable[Mapping[str, Any]], predictions: Iterable[Mapping[str, Any]]
) -> dict[str, float]:
    pred = {p["id"]: p for p in predictions}
    n = 0
    sums = [0.0, 0.0, 0.0]
    for g in gold:
        n += 1
        r = pred.get(g["id"])
        if not r:
            continue
        text = r.get("text") or ""
        body = _bag("\n".join(text[s:e] for s, e in r.get("body") or []))
        ref = _bag(g["clean_text"])
        overlap = sum((body & ref).values())
        p = overlap / sum(body.values()) if body else 0.0
        rc = overlap / sum(ref.values()) if ref else 0.0
        f = 2 * p * rc / (p + rc) if p + rc else 0.0
        sums[0] += p
        sums[1] += rc
        sums[2] += f
    return {
        "docs": n,
        "precision": sums[0] / n if n else 0.0,
        "recall": sums[1] / n if n else 0.0,
        "f1": sums[2] / n if n else 0.0,
    }


def layout_predictions(gold: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Prediction records (``id``, ``text``, ``body``) from the plain-text cleaner alone, for
    gold lines that carry ``id`` and ``text``: body detection scored without the NLP pass."""
    from ..article.plaintext import analyze_layout

    return [
        {"id": g["id"], "text": g["text"], "body": analyze_layout(g["text"]).body} for g in gold
    ]
