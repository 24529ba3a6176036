"""``communique eval``: score Communiqué against gold files.

Each command calls ``communique.evaluate.runner.score``, which reads the gold, reads ``--pred``
or analyses the gold now, and applies the scorer; the command prints the figures.
"""

from __future__ import annotations

import os

import click

from ..records import QUOTE_KINDS, QuoteKind
from ..settings import Settings
from .options import JSON_SCORES, build_settings, emit_json, handle_errors, json_option, pred_option

gold_argument = click.argument("gold", type=click.Path(exists=True, dir_okay=False))


def _settings(pred: str | None) -> Settings | None:
    """The settings for analysing the gold now; none are read when ``--pred`` is given."""
    return None if pred else build_settings()


@click.group(name="eval")
def eval_group() -> None:
    """Score Communiqué against gold files (the metrics of the shared scorers)."""


@eval_group.command(name="quotes")
@gold_argument
@pred_option()
@click.option(
    "--kinds",
    multiple=True,
    type=click.Choice(QUOTE_KINDS),
    help="Restrict gold to these kinds (repeatable).",
)
@click.option("--mode", type=click.Choice(["cover", "one2one"]), default="cover", show_default=True)
@json_option(JSON_SCORES)
@handle_errors
def eval_quotes(
    gold: str, pred: str | None, kinds: tuple[QuoteKind, ...], mode: str, as_json: bool
) -> None:
    """Quote P/R/F1 at overlap thresholds and speaker accuracy."""
    from ..evaluate.runner import score

    result = score(
        "quotes",
        gold,
        pred,
        settings=_settings(pred),
        progress=True,
        mode=mode,
        kinds=list(kinds) or None,
    )
    if as_json:
        emit_json(result)
        return
    click.echo(
        f"{'match':<7} {'tp':>6} {'fp':>6} {'fn':>6} {'P':>7} {'R':>7} {'F1':>7} {'spk_acc':>8}"
    )
    for level, v in result.items():
        if isinstance(v, dict) and "f1" in v:
            click.echo(
                f"{level:<7} {v['tp']:>6} {v['fp']:>6} {v['fn']:>6} {v['precision']:>7.3f} "
                f"{v['recall']:>7.3f} {v['f1']:>7.3f} {v.get('speaker_acc', 0.0):>8.3f}"
            )


@eval_group.command(name="events")
@gold_argument
@pred_option()
@json_option(JSON_SCORES)
@handle_errors
def eval_events(gold: str, pred: str | None, as_json: bool) -> None:
    """Event P/R/F1 at root, full and code level, and the no-event false-alarm rate.

    Analysing GOLD now codes events with the event lexicon: the project's own rows
    (knowledge/verbs.tsv, which win) over the patterns converted from PETRARCH-2's CAMEO.2.0.txt
    verb dictionary (knowledge/cameo_verbs.tsv, MIT notice beside it), plus the PETRARCH/TABARI
    verb dictionaries of the verb_dictionaries setting; the last line says which were used.
    """
    from ..evaluate.runner import score

    settings = _settings(pred)
    result = score("events", gold, pred, settings=settings, progress=True)
    if as_json:
        emit_json(result)
        return
    click.echo(f"{'level':<6} {'tp':>5} {'fp':>5} {'fn':>5} {'P':>7} {'R':>7} {'F1':>7}")
    for level in ("root", "full", "code", "event"):
        v = result.get(level)
        if isinstance(v, dict):
            click.echo(
                f"{level:<6} {v['tp']:>5} {v['fp']:>5} {v['fn']:>5} {v['precision']:>7.3f} "
                f"{v['recall']:>7.3f} {v['f1']:>7.3f}"
            )
    if "no_event_false_alarm_rate" in result:
        click.echo(
            f"no-event cases {result.get('no_event_cases')}, false-alarm rate "
            f"{result['no_event_false_alarm_rate']:.3f}"
        )
    if settings is not None:
        users = [p for p in settings.verb_dictionaries.split(os.pathsep) if p]
        click.echo(
            "event lexicon: verbs.tsv over cameo_verbs.tsv (from PETRARCH-2's CAMEO.2.0.txt)"
            + (f", with {', '.join(users)}" if users else "")
        )


@eval_group.command(name="body")
@gold_argument
@pred_option("clean GOLD now")
@json_option(JSON_SCORES)
@handle_errors
def eval_body(gold: str, pred: str | None, as_json: bool) -> None:
    """Article-body token P/R/F1 against gold clean text (plain-text cleaning)."""
    from ..evaluate.runner import score

    result = score("body", gold, pred)
    if as_json:
        emit_json(result)
    else:
        click.echo(
            f"docs {result['docs']}  P {result['precision']:.3f}  R {result['recall']:.3f}  F1 {result['f1']:.3f}"
        )


@eval_group.command(name="actors")
@gold_argument
@pred_option()
@click.option("--errors", type=int, default=0, help="Print this many misses.")
@json_option(JSON_SCORES)
@handle_errors
def eval_actors(gold: str, pred: str | None, errors: int, as_json: bool) -> None:
    """Actor country and country+role accuracy on PLOVER-coded gold records."""
    from ..evaluate.runner import score

    misses: list[str] = []
    result = score("actors", gold, pred, settings=_settings(pred), progress=True, errors=misses)
    if as_json:
        emit_json(result)
        return
    for line in misses[:errors]:
        click.echo(f"- {line}", err=True)
    click.echo(
        f"country {result['country']:.3f}, country+role {result['country_role']:.3f} ({result['actors']} actors)"
    )
