"""``communique eval``, ``serve``, ``spark``, ``load`` and ``settings``: the commands that are not
queries of the store, kept apart from those in ``cli.py``."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import click

from .cli import _emit_json, _settings, _table, handle_errors
from .errors import SourceError
from .settings import SETTINGS, Settings, settings_markdown


def _read_jsonl(path: str) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _predictions(gold_path: str, pred_path: str | None) -> Iterator[dict[str, Any]]:
    """Analysis records for the gold file: read from ``pred_path``, or made now."""
    if pred_path:
        yield from _read_jsonl(pred_path)
        return
    from .analyze import analyze
    from .progress import Progress
    from .sources import read_sources

    settings = _settings()
    progress = Progress("analyse gold")
    for analysis in analyze(read_sources([gold_path], settings), settings):
        progress.update(1, skipped=int(bool(analysis.skipped)))
        yield analysis.to_dict()
    progress.close()


@click.group(name="eval")
def eval_group() -> None:
    """Score Communiqué against gold files (the metrics of the shared scorers)."""


@eval_group.command(name="quotes")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option(
    "--pred",
    type=click.Path(exists=True, dir_okay=False),
    help="Analysis records to score (default: analyse GOLD now).",
)
@click.option(
    "--kinds",
    multiple=True,
    type=click.Choice(["direct", "mixed", "indirect"]),
    help="Restrict gold to these kinds (repeatable).",
)
@click.option("--mode", type=click.Choice(["cover", "one2one"]), default="cover", show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@handle_errors
def eval_quotes(
    gold: str, pred: str | None, kinds: tuple[str, ...], mode: str, as_json: bool
) -> None:
    """Quote P/R/F1 at overlap thresholds and speaker accuracy."""
    from .evaluate.quotes import evaluate_quotes

    result = evaluate_quotes(
        _read_jsonl(gold), list(_predictions(gold, pred)), mode=mode, kinds=list(kinds) or None
    )
    if as_json:
        _emit_json(result)
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
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option(
    "--pred",
    type=click.Path(exists=True, dir_okay=False),
    help="Analysis records to score (default: analyse GOLD now).",
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@handle_errors
def eval_events(gold: str, pred: str | None, as_json: bool) -> None:
    """Event P/R/F1 at root, full and code level, and the no-event false-alarm rate."""
    from .evaluate.events import evaluate_events

    result = evaluate_events(_read_jsonl(gold), list(_predictions(gold, pred)))
    if as_json:
        _emit_json(result)
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


@eval_group.command(name="body")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option(
    "--pred",
    type=click.Path(exists=True, dir_okay=False),
    help="Analysis records to score (default: clean GOLD now).",
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@handle_errors
def eval_body(gold: str, pred: str | None, as_json: bool) -> None:
    """Article-body token P/R/F1 against gold clean text (plain-text cleaning)."""
    from .evaluate.body import evaluate_body, layout_predictions

    gold_rows = _read_jsonl(gold)
    preds = _read_jsonl(pred) if pred else layout_predictions(gold_rows)
    result = evaluate_body(gold_rows, preds)
    if as_json:
        _emit_json(result)
    else:
        click.echo(
            f"docs {result['docs']}  P {result['precision']:.3f}  R {result['recall']:.3f}  F1 {result['f1']:.3f}"
        )


@eval_group.command(name="actors")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option(
    "--pred",
    type=click.Path(exists=True, dir_okay=False),
    help="Analysis records to score (default: analyse GOLD now).",
)
@click.option("--errors", type=int, default=0, help="Print this many misses.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@handle_errors
def eval_actors(gold: str, pred: str | None, errors: int, as_json: bool) -> None:
    """Actor country and country+role accuracy on PLOVER-coded gold records."""
    from .evaluate.actors import evaluate_actors

    misses: list[str] = []
    result = evaluate_actors(_read_jsonl(gold), list(_predictions(gold, pred)), misses)
    if as_json:
        _emit_json(result)
        return
    for line in misses[:errors]:
        click.echo(f"- {line}", err=True)
    click.echo(
        f"country {result['country']:.3f}, country+role {result['country_role']:.3f} ({result['actors']} actors)"
    )


@click.command()
@click.option("--db", help="Database file (default communique.db).")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.option(
    "--token",
    envvar="COMMUNIQUE_TOKEN",
    help="Enables POST /api/articles, which then requires this bearer token.",
)
@handle_errors
def serve(db: str | None, host: str, port: int, token: str | None) -> None:
    """Start the web application and HTTP API (read-only unless --token is given)."""
    import uvicorn

    from .web.app import create_app

    settings = _settings(db=db)
    app = create_app(settings.db, token=token, settings=settings)
    click.echo(f"Communiqué on http://{host}:{port}/ (database {settings.db}); Ctrl-C stops it")
    uvicorn.run(app, host=host, port=port, log_level="warning")


@click.command()
@click.argument("input_path")
@click.argument("output_path")
@click.option("--master", help="Spark master URL (default: from spark-submit, else local[*]).")
@click.option("--partitions", type=int, help="Repartition the input into this many partitions.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@handle_errors
def spark(
    input_path: str, output_path: str, master: str | None, partitions: int | None, as_json: bool
) -> None:
    """Analyse JSON Lines on Apache Spark; write analysis records to OUTPUT_PATH.

    Store the result with `communique load OUTPUT_PATH`. Each partition loads the pipeline once.
    """
    from .spark import run

    result = run(
        input_path, output_path, master=master, partitions=partitions, settings=_settings()
    )
    if as_json:
        _emit_json(result)
    else:
        click.echo(
            f"{result['records']} records ({result['skipped']} skipped) written to {result['output']}"
        )


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--db", help="Database file (default communique.db).")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@handle_errors
def load(paths: tuple[str, ...], db: str | None, as_json: bool) -> None:
    """Store analysis records (JSONL from `analyze` or `spark`) without running the NLP again.

    PATHS are JSONL files or folders of them (a Spark output folder's part-* files).
    """
    from pathlib import Path

    from .progress import Progress
    from .spark import read_records
    from .store import Store, WriteResult

    settings = _settings(db=db)
    files: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            files += sorted(
                f for f in p.rglob("*") if f.is_file() and not f.name.startswith((".", "_"))
            )
        elif p.is_file():
            files.append(p)
        else:
            raise SourceError(f"{p}: no such file or folder")
    total = WriteResult()
    progress = Progress("load")
    with Store(settings.db) as store:
        for f in files:
            with f.open(encoding="utf-8") as fh:
                batch = []
                for record in read_records(fh):
                    batch.append(record)
                    if len(batch) >= settings.batch_size:
                        total += store.write(batch)
                        progress.update(len(batch))
                        batch = []
                if batch:
                    total += store.write(batch)
                    progress.update(len(batch))
    progress.close()
    summary = {
        "added": total.added,
        "replaced": total.replaced,
        "unchanged": total.unchanged,
        "skipped": total.skipped,
    }
    if as_json:
        _emit_json(summary)
    else:
        click.echo(
            f"{total.added} added, {total.replaced} replaced, {total.unchanged} unchanged, {total.skipped} skipped"
        )


@click.command(name="settings")
@click.option("--markdown", is_flag=True, help="Print the table as Markdown.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
def settings_cmd(markdown: bool, as_json: bool) -> None:
    """List the settings, their environment variables and the values in force."""
    current = Settings.from_env()
    if markdown:
        click.echo(settings_markdown(), nl=False)
        return
    rows = [
        {"setting": s.name, "env": s.env, "value": getattr(current, s.name), "help": s.help}
        for s in SETTINGS
    ]
    if as_json:
        _emit_json(rows)
    else:
        _table(rows, ["setting", "env", "value", "help"], {"help": 60})
