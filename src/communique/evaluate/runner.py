"""Analyse a gold file, then score it: the one path behind ``communique eval``, the quality gate
(``tests/quality/gate.py``) and the benchmarks.

``analyze_gold(path, analyzer)`` runs the pipeline over the documents of a gold file (read as
any input is, so a JSONL gold's ``id`` is kept) and yields analysis records as dicts.
``gold_and_predictions(kind, gold_path, pred_path)`` reads the gold rows and the records to
score: those of ``pred_path`` when given, else made now (by ``analyze_gold``, or for ``body``
by the plain-text cleaner alone). ``score(kind, ...)`` then applies the scorer of ``kind``.

Nothing here imports spaCy until an analysis is actually run.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, get_args

from ..settings import Settings
from ..sources.jsonl import read_jsonl

if TYPE_CHECKING:
    from ..analyzer import Analyzer

EvalKind = Literal["quotes", "events", "actors", "body"]
"""What a gold file is scored for."""
EVAL_KINDS: tuple[EvalKind, ...] = get_args(EvalKind)

Record = dict[str, Any]


def analyze_gold(
    path: str | Path,
    analyzer: Analyzer | None = None,
    *,
    settings: Settings | None = None,
    progress: bool = False,
) -> Iterator[Record]:
    """Analysis records (dicts) for the documents of the gold file ``path``, analysed now.

    With an ``analyzer`` its pipeline is used; otherwise ``communique.analyzer.analyze`` runs
    with ``settings`` (so ``workers`` applies). ``progress`` draws a progress line on a terminal.
    """
    from ..progress import Progress
    from ..sources import read_sources

    if analyzer is not None:
        analyses = analyzer.analyze(read_sources([str(path)], analyzer.settings))
    else:
        from ..analyzer import analyze

        settings = settings or Settings()
        analyses = analyze(read_sources([str(path)], settings), settings)
    bar = Progress("analyse gold") if progress else None
    for analysis in analyses:
        if bar is not None:
            bar.update(1, skipped=int(bool(analysis.skipped)))
        yield analysis.to_dict()
    if bar is not None:
        bar.close()


def gold_and_predictions(
    kind: EvalKind,
    gold_path: str | Path,
    pred_path: str | Path | None = None,
    *,
    analyzer: Analyzer | None = None,
    settings: Settings | None = None,
    progress: bool = False,
) -> tuple[list[Record], list[Record]]:
    """The gold rows of ``gold_path`` and the records to score against them.

    The records are read from ``pred_path`` when it is given; otherwise they are made now: for
    ``body`` by the plain-text cleaner alone (``layout_predictions``), for the other kinds by
    ``analyze_gold``. Raises ``SourceError`` for a line that is not a JSON object.
    """
    gold = list(read_jsonl(gold_path))
    if pred_path is not None:
        return gold, list(read_jsonl(pred_path))
    if kind == "body":
        from .body import layout_predictions

        return gold, layout_predictions(gold)
    return gold, list(analyze_gold(gold_path, analyzer, settings=settings, progress=progress))


def _scorer(kind: EvalKind) -> Callable[..., dict[str, Any]]:
    if kind == "quotes":
        from .quotes import evaluate_quotes

        return evaluate_quotes
    if kind == "events":
        from .events import evaluate_events

        return evaluate_events
    if kind == "actors":
        from .actors import evaluate_actors

        return evaluate_actors
    if kind == "body":
        from .body import evaluate_body

        return evaluate_body
    raise ValueError(f"unknown evaluation {kind!r}; expected one of {', '.join(EVAL_KINDS)}")


def score(
    kind: EvalKind,
    gold_path: str | Path,
    pred_path: str | Path | None = None,
    *,
    analyzer: Analyzer | None = None,
    settings: Settings | None = None,
    progress: bool = False,
    **options: Any,
) -> dict[str, Any]:
    """Score ``kind`` on the gold file: ``gold_and_predictions``, then the scorer of ``kind``.

    ``options`` go to the scorer: ``mode`` and ``kinds`` for quotes (``evaluate_quotes``),
    ``suite`` for events, ``errors`` (a list that collects misses) for actors.
    """
    scorer = _scorer(kind)
    gold, predictions = gold_and_predictions(
        kind, gold_path, pred_path, analyzer=analyzer, settings=settings, progress=progress
    )
    return scorer(gold, predictions, **options)


__all__ = ["EVAL_KINDS", "EvalKind", "analyze_gold", "gold_and_predictions", "score"]
