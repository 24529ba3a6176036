"""Scoring coded events against a gold file (``events_dev.jsonl`` and the like).

Gold cases are dicts ``{"id", "expected": [{"source", "target", "code"}], "expect_none"}``;
predictions are analysis records (``{"id", "events": [...]}``; other fields are ignored). An
event is a triple (source actor, target actor, CAMEO code), compared at four levels:

``root``   source country (first three letters of the code), target country, two-digit root
``full``   full source and target actor codes, two-digit root
``code``   source and target countries, full CAMEO code; only cases whose gold has a code of
           three or more digits count, and only those gold events
``event``  the two-digit root alone, ignoring actors

Each case's triples form a set; precision, recall and F1 are micro-averaged over cases. Also
reported: the false-alarm rate on cases that expect no event (a case with any predicted event
is a false alarm). An absent actor (``None``) compares as the empty string. A few old
CAMEO country codes are read as their ISO equivalents (``JAP`` is ``JPN``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from ..codes import ActorCode, EventCode
from ..errors import EvalError

LEVELS: tuple[str, ...] = ("root", "full", "code", "event")
COUNTRY_ALIASES: Mapping[str, str] = {"JAP": "JPN", "ITL": "ITA", "VTN": "VAT"}
"""Non-ISO country codes inherited from older CAMEO dictionaries -> ISO 3166 alpha-3."""

Triple = tuple[str, ...]


def _country(actor: str | None) -> str:
    c = ActorCode.parse(actor).base.upper()
    return COUNTRY_ALIASES.get(c, c)


def _full(actor: str | None) -> str:
    code = ActorCode.parse((actor or "").upper())
    return COUNTRY_ALIASES.get(code.base, code.base) + code.sector


def event_triples(events: Iterable[Mapping[str, Any]], level: str) -> set[Triple]:
    """The set of comparable triples of ``events`` at ``level`` (events without a code skipped)."""
    out: set[Triple] = set()
    for e in events:
        code = EventCode.parse(e.get("code") or None)
        if not code:
            continue
        src, tgt = e.get("source"), e.get("target")
        if level == "root":
            out.add((_country(src), _country(tgt), code.root))
        elif level == "full":
            out.add((_full(src), _full(tgt), code.root))
        elif level == "code":
            out.add((_country(src), _country(tgt), str(code)))
        elif level == "event":
            out.add((code.root,))
        else:
            raise ValueError(f"unknown level {level!r}; expected one of {LEVELS}")
    return out


def _prf(tp: int, fp: int, fn: int) -> dict[str, float | int]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": p, "recall": r, "f1": f}


def evaluate_events(
    gold: Iterable[Mapping[str, Any]],
    predictions: Iterable[Mapping[str, Any]],
    suite: str | None = None,
) -> dict[str, Any]:
    """Score ``predictions`` against ``gold``; ``suite`` keeps only gold cases of that suite.

    Returns ``{"root"|"full"|"code"|"event": {"tp", "fp", "fn", "precision", "recall", "f1"},
    "no_event_cases", "no_event_false_alarm_rate", "cases", "cases_predicted"}``. A gold case
    without a prediction counts as predicting nothing. Raises ``EvalError`` for a gold case
    without an ``id``.
    """
    cases: list[Mapping[str, Any]] = []
    for g in gold:
        if "id" not in g:
            raise EvalError(
                f"gold case without an 'id': {str(dict(g))[:120]}; every case needs one"
            )
        if suite is None or g.get("suite") == suite:
            cases.append(g)
    predicted: dict[str, list[Mapping[str, Any]]] = {}
    for p in predictions:
        if "id" in p:
            predicted[str(p["id"])] = list(p.get("events") or [])
    results: dict[str, Any] = {}
    for level in LEVELS:
        tp = fp = fn = 0
        for g in cases:
            events = predicted.get(str(g["id"]), [])
            expected = list(g.get("expected") or [])
            if level == "code":
                expected = [e for e in expected if len(str(e.get("code") or "")) >= 3]
                if not expected:
                    continue
            gs, ps = event_triples(expected, level), event_triples(events, level)
            tp += len(gs & ps)
            fp += len(ps - gs)
            fn += len(gs - ps)
        results[level] = _prf(tp, fp, fn)
    none_cases = [g for g in cases if g.get("expect_none")]
    alarms = sum(1 for g in none_cases if predicted.get(str(g["id"])))
    results["no_event_cases"] = len(none_cases)
    results["no_event_false_alarm_rate"] = alarms / len(none_cases) if none_cases else 0.0
    results["cases"] = len(cases)
    results["cases_predicted"] = sum(1 for g in cases if str(g["id"]) in predicted)
    return results


__all__ = ["LEVELS", "evaluate_events", "event_triples"]
