"""The commands that run or store analysis: ``analyze``, ``ingest``, ``load`` and ``spark``.

The NLP pass (spaCy) is imported inside the commands, never when the CLI starts.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator

import click

from ..progress import Progress
from ..records import Analysis, Article, Document
from ..settings import Settings
from .options import (
    JSON_SUMMARY,
    batch_size_option,
    build_settings,
    db_option,
    emit_json,
    fail,
    handle_errors,
    iso_date,
    json_option,
    model_option,
    paths_argument,
    workers_option,
)


def _documents(paths: tuple[str, ...], settings: Settings) -> Iterator[Document]:
    from ..sources import read_sources

    return read_sources(paths, settings, stdin=sys.stdin.buffer)


def _unwritable(analysis: Analysis, char: str) -> Analysis:
    """A skip record in place of an analysis that cannot be written as UTF-8."""
    a = analysis.article

    def valid(s: str) -> str:
        return s.encode("utf-8", "backslashreplace").decode("utf-8")

    return Analysis(
        article=Article(
            id=valid(a.id),
            source=valid(a.source),
            text="",
            body=(),
            content_hash=a.content_hash,
            skipped=f"the record holds a lone surrogate ({char}); not valid Unicode",
        )
    )


@click.command()
@paths_argument
@workers_option
@batch_size_option("Documents per NLP batch.")
@model_option
@handle_errors
def analyze(
    paths: tuple[str, ...], workers: int | None, batch_size: int | None, model: str | None
) -> None:
    """Analyse documents and print one JSON analysis record per line.

    PATHS are files (.txt, .html, .jsonl, .warc.gz), folders (read recursively), http(s) URLs,
    or - for standard input. Skipped documents still get a line, with `skipped` saying why.
    """
    from ..analyzer import analyze as run
    from ..sources import count_documents

    settings = build_settings(workers=workers, batch_size=batch_size, model=model)
    progress = Progress("analyze", total=count_documents(paths))
    done = ok = 0
    for analysis in run(_documents(paths, settings), settings):
        done += 1
        line = json.dumps(analysis.to_dict(), ensure_ascii=False)
        try:
            line.encode("utf-8")
        except UnicodeEncodeError as e:  # a lone surrogate: the line could not be written
            analysis = _unwritable(analysis, f"\\u{ord(line[e.start]):04x}")
            line = json.dumps(analysis.to_dict(), ensure_ascii=False)
        if analysis.skipped:
            click.echo(f"communique: skipped {analysis.article.id}: {analysis.skipped}", err=True)
        else:
            ok += 1
        click.echo(line)
        progress.update(1, skipped=int(bool(analysis.skipped)))
    progress.close()
    if ok == 0:
        fail("nothing could be analysed" if done else "no documents found")


@click.command()
@paths_argument
@db_option
@click.option(
    "--date",
    callback=iso_date,
    help="Publication date (YYYY-MM-DD) for the documents whose source gives none.",
)
@workers_option
@batch_size_option("Documents per batch and per transaction.")
@model_option
@json_option(JSON_SUMMARY)
@handle_errors
def ingest(
    paths: tuple[str, ...],
    db: str | None,
    date: str | None,
    workers: int | None,
    batch_size: int | None,
    model: str | None,
    as_json: bool,
) -> None:
    """Analyse documents and store them in the database.

    Documents already stored unchanged are not analysed again; each batch is one transaction,
    so an interrupted ingest can simply be run again. Publication dates come from the source
    (JSONL date fields, HTML metadata, the URL); articles left without one are counted in a
    warning, as no timeline or dyad can place them (give a batch its date with --date).
    """
    from ..ingest import ingest as run
    from ..sources import check_sources, count_documents
    from ..store import Store

    check_sources(paths)  # before the database is created: a mistyped path leaves nothing
    settings = build_settings(
        db=db, workers=workers, batch_size=batch_size, model=model, default_date=date
    )
    progress = Progress("ingest", total=count_documents(paths))
    with Store(settings.db) as store:
        summary = run(_documents(paths, settings), store, settings, on_batch=progress.update)
        progress.close()
        counts = store.counts()
    w = summary.written
    result = {
        "seen": summary.seen,
        "added": w.added,
        "replaced": w.replaced,
        "unchanged": w.unchanged,
        "skipped": w.skipped,
        "skip_reasons": summary.skip_reasons,
        "undated": summary.undated,
        "database": settings.db,
        "totals": counts,
    }
    if as_json:
        emit_json(result)
    else:
        click.echo(
            f"{summary.seen} documents read: {w.added} added, {w.replaced} replaced, "
            f"{w.unchanged} unchanged, {w.skipped} skipped"
        )
        for reason, n in sorted(summary.skip_reasons.items(), key=lambda x: -x[1]):
            click.echo(f"  skipped {n}: {reason}")
        click.echo(
            f"{settings.db}: {counts['documents']} articles, {counts['actors']} actors, "
            f"{counts['quotes']} quotes, {counts['events']} events"
        )
    if summary.undated:
        click.echo(
            f"communique: warning: {summary.undated} of the articles stored have no publication "
            "date; timelines and dyads leave them out (give one with --date)",
            err=True,
        )
    if summary.seen and w.added + w.replaced + w.unchanged == 0:
        fail("nothing could be processed")
    if summary.seen == 0:
        fail("no documents found")


@click.command()
@paths_argument
@db_option
@json_option(JSON_SUMMARY)
@handle_errors
def load(paths: tuple[str, ...], db: str | None, as_json: bool) -> None:
    """Store analysis records (JSONL from `analyze` or `spark`) without running the NLP again.

    PATHS are JSONL files or folders of them (a Spark output folder's part-* files).
    """
    from ..spark import load_records, record_files
    from ..store import Store

    settings = build_settings(db=db)
    files = record_files(paths)
    progress = Progress("load")
    with Store(settings.db) as store:
        total = load_records(files, store, batch_size=settings.batch_size, on_batch=progress.update)
    progress.close()
    summary = {
        "added": total.added,
        "replaced": total.replaced,
        "unchanged": total.unchanged,
        "skipped": total.skipped,
    }
    if as_json:
        emit_json(summary)
    else:
        click.echo(
            f"{total.added} added, {total.replaced} replaced, {total.unchanged} unchanged, {total.skipped} skipped"
        )


@click.command()
@click.argument("input_path")
@click.argument("output_path")
@click.option("--master", help="Spark master URL (default: from spark-submit, else local[*]).")
@click.option("--partitions", type=int, help="Repartition the input into this many partitions.")
@json_option(JSON_SUMMARY)
@handle_errors
def spark(
    input_path: str, output_path: str, master: str | None, partitions: int | None, as_json: bool
) -> None:
    """Analyse JSON Lines on Apache Spark; write analysis records to OUTPUT_PATH.

    Store the result with `communique load OUTPUT_PATH`. Each partition loads the pipeline once.
    """
    from ..spark import run

    result = run(
        input_path, output_path, master=master, partitions=partitions, settings=build_settings()
    )
    if as_json:
        emit_json(result)
    else:
        click.echo(
            f"{result['records']} records ({result['skipped']} skipped) written to {result['output']}"
        )
