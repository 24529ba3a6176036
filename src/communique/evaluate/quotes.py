"""Scoring predicted quotations against gold: precision, recall, F1 and speaker accuracy.

The metrics are those of the shared scorer ``score_quotes.py`` (GenderGapTracker conventions):

* a quote is a set of content characters (the union of its ``fragments``, or ``quote_fragments``
  in gold, else ``[start, end)``);
* ``mode="cover"`` (the headline): a gold quote is *found* when the union of all predicted
  characters covers at least ``t`` of its characters; a prediction is *correct* when at least
  ``t`` of its characters lie inside gold content of the kinds kept, *ignored* when they lie
  inside gold of excluded kinds, otherwise a false positive.  Each found gold quote is paired
  with the prediction that overlaps it most, for the speaker figures;
* ``mode="one2one"``: greedy one-to-one pairs by overlap, with ``|overlap| / |gold| >= t``;
* ``"exact"`` (always reported): one-to-one pairs whose ``start``/``end`` agree once
  whitespace, quotation marks and ``,.;:`` are trimmed;
* speaker accuracy over found pairs whose gold has a speaker: ``span`` (predicted speaker span
  overlaps the gold one), ``string`` (normalised names equal, or one contains the other's last
  word unless that word is a pronoun) and ``any`` (either; reported as ``speaker_acc``).

A prediction without speaker offsets simply never matches by span; an article missing from the
predictions counts as predicting nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

_TRIM = frozenset(' \t\n"\u201c\u201d\u00ab\u00bb\u201e,.;:')
_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you", "him", "her", "them"})
_NON_WORD = re.compile(r"\W+")

Record = Mapping[str, Any]


@dataclass
class _Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tp_pred: int = 0
    spk_n: int = 0
    spk_span: int = 0
    spk_str: int = 0
    spk_any: int = 0
    spk_named: int = 0
    spk_str_named: int = 0

    def result(self) -> dict[str, float | int]:
        def ratio(a: int, b: int) -> float:
            return a / b if b else 0.0

        precision = ratio(self.tp_pred, self.tp_pred + self.fp)
        recall = ratio(self.tp, self.tp + self.fn)
        total = precision + recall
        f1 = 2 * precision * recall / total if total else 0.0
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": precision,
            "recall": recall,
            "f1": f1,
            "speaker_pairs": self.spk_n,
            "speaker_span_acc": ratio(self.spk_span, self.spk_n),
            "speaker_string_acc": ratio(self.spk_str, self.spk_n),
            "speaker_acc": ratio(self.spk_any, self.spk_n),
            "speaker_string_acc_named_gold": ratio(self.spk_str_named, self.spk_named),
        }


def _chars(quote: Record) -> frozenset[int]:
    """Content characters: ``quote_fragments``, else ``fragments``, else ``[start, end)``."""
    spans = (
        quote.get("quote_fragments") or quote.get("fragments") or [(quote["start"], quote["end"])]
    )
    out: set[int] = set()
    for a, b in spans:
        out.update(range(a, b))
    return frozenset(out)


def _normalise(name: str | None) -> str:
    return _NON_WORD.sub(" ", (name or "").lower()).strip()


def speaker_names_match(gold: str | None, pred: str | None) -> bool:
    """Normalised names equal, or one contains the other's last word (not a pronoun)."""
    g, p = _normalise(gold), _normalise(pred)
    if not g or not p:
        return False
    if g == p:
        return True
    g_words, p_words = g.split(), p.split()
    if g_words[-1] in p_words and g_words[-1] not in _PRONOUNS:
        return True
    return p_words[-1] in g_words and p_words[-1] not in _PRONOUNS


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a] in _TRIM:
        a += 1
    while b > a and text[b - 1] in _TRIM:
        b -= 1
    return a, b


def _greedy_pairs(
    gold_sets: Sequence[frozenset[int]], pred_sets: Sequence[frozenset[int]], thr: float
) -> list[tuple[int, int]]:
    scored: list[tuple[int, int, int]] = []
    for i, g in enumerate(gold_sets):
        if not g:
            continue
        for j, p in enumerate(pred_sets):
            overlap = len(g & p)
            if overlap and overlap / len(g) >= thr:
                scored.append((overlap, i, j))
    scored.sort(reverse=True)
    taken_g: set[int] = set()
    taken_p: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, i, j in scored:
        if i not in taken_g and j not in taken_p:
            taken_g.add(i)
            taken_p.add(j)
            pairs.append((i, j))
    return pairs


def _exact_pairs(
    text: str, gold: Sequence[Record], pred: Sequence[Record]
) -> list[tuple[int, int]]:
    by_bounds: dict[tuple[int, int], list[int]] = {}
    for i, q in enumerate(gold):
        by_bounds.setdefault(_trim(text, q["start"], q["end"]), []).append(i)
    taken: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for j, q in enumerate(pred):
        for i in by_bounds.get(_trim(text, q["start"], q["end"]), []):
            if i not in taken:
                taken.add(i)
                pairs.append((i, j))
                break
    return pairs


def _score_speakers(tally: _Tally, gq: Record, pq: Record) -> None:
    if gq.get("speaker") is None:
        return
    tally.spk_n += 1
    span_ok = False
    ps, pe = pq.get("speaker_start"), pq.get("speaker_end")
    if ps is not None and pe is not None:
        spans = gq.get("speaker_fragments") or [(gq["speaker_start"], gq["speaker_end"])]
        span_ok = any(max(a, ps) < min(b, pe) for a, b in spans)
        tally.spk_span += span_ok
    name_ok = speaker_names_match(gq["speaker"], pq.get("speaker"))
    tally.spk_str += name_ok
    tally.spk_any += name_ok or span_ok
    if _normalise(gq["speaker"]) not in _PRONOUNS:
        tally.spk_named += 1
        tally.spk_str_named += name_ok


def _score_article(
    tally: _Tally,
    text: str,
    gold: Sequence[Record],
    pred: Sequence[Record],
    thr: float | None,
    mode: str,
    keep: Callable[[Record], bool],
) -> None:
    gold_sets = [_chars(q) for q in gold]
    pred_sets = [_chars(q) for q in pred]
    if thr is not None and mode == "cover":
        covered = frozenset().union(*pred_sets) if pred_sets else frozenset()
        kept_chars = frozenset().union(
            *(s for s, q in zip(gold_sets, gold, strict=True) if keep(q))
        )
        dropped_chars = frozenset().union(
            *(s for s, q in zip(gold_sets, gold, strict=True) if not keep(q))
        )
        good: list[tuple[int, int]] = []
        for i, g in enumerate(gold_sets):
            found = bool(g) and len(g & covered) / len(g) >= thr
            if not keep(gold[i]):
                continue
            if not found:
                tally.fn += 1
                continue
            best = max(range(len(pred_sets)), key=lambda j: len(g & pred_sets[j]))
            good.append((i, best))
        for p in pred_sets:
            if not p:
                tally.fp += 1
            elif len(p & kept_chars) / len(p) >= thr:
                tally.tp_pred += 1
            elif len(p & dropped_chars) / len(p) < thr:
                tally.fp += 1
        tally.tp += len(good)
    else:
        pairs = (
            _exact_pairs(text, gold, pred)
            if thr is None
            else _greedy_pairs(gold_sets, pred_sets, thr)
        )
        matched_g = {i for i, _ in pairs}
        matched_p = {j for _, j in pairs}
        good = [(i, j) for i, j in pairs if keep(gold[i])]
        tally.tp += len(good)
        tally.tp_pred += len(good)
        tally.fn += sum(1 for i, q in enumerate(gold) if keep(q) and i not in matched_g)
        tally.fp += sum(1 for j in range(len(pred)) if j not in matched_p)
    for i, j in good:
        _score_speakers(tally, gold[i], pred[j])


def evaluate_quotes(
    gold: Iterable[Record],
    predictions: Iterable[Record],
    thresholds: Sequence[float] = (0.3, 0.8),
    mode: str = "cover",
    kinds: Iterable[str] | None = None,
) -> dict[str, dict[str, float | int]]:
    """Score ``predictions`` against ``gold``; one result per matching rule.

    ``gold`` records carry ``id``, ``text`` and ``quotes`` (with ``kind``, ``start``/``end``,
    optional ``quote_fragments``, ``speaker``, ``speaker_start``/``speaker_end``,
    ``speaker_fragments``); ``predictions`` carry ``id`` and ``quotes`` in the analysis-record
    format.  ``kinds`` restricts the gold kinds scored (``None``: all).  The result maps
    ``"exact"`` and ``str(t)`` for each threshold to ``tp, fp, fn, precision, recall, f1,
    speaker_pairs, speaker_span_acc, speaker_string_acc, speaker_acc,
    speaker_string_acc_named_gold``.
    """
    if mode not in ("cover", "one2one"):
        raise ValueError(f"unknown matching mode {mode!r}: use 'cover' or 'one2one'")
    kept_kinds = frozenset(kinds) if kinds else None

    def keep(q: Record) -> bool:
        return kept_kinds is None or q.get("kind") in kept_kinds

    gold_by_id = {g["id"]: g for g in gold}
    pred_by_id = {p["id"]: list(p.get("quotes") or []) for p in predictions}
    results: dict[str, dict[str, float | int]] = {}
    rules: list[float | None] = [None, *thresholds]
    for thr in rules:
        tally = _Tally()
        for aid, g in gold_by_id.items():
            _score_article(tally, g["text"], g["quotes"], pred_by_id.get(aid, []), thr, mode, keep)
        results["exact" if thr is None else str(thr)] = tally.result()
    return results
