"""Running ``analyze`` on Apache Spark, for corpora beyond one machine.

``analyze_partition`` is the unit of work: it builds one ``Analyzer`` per partition (the
pipeline loads once per partition, never per document) and turns JSONL input lines into
analysis-record lines. ``run`` wires it into a Spark job that reads JSON Lines (local paths,
HDFS, S3: whatever the cluster's Hadoop configuration reads) and writes JSON Lines, which
``communique load`` then stores without running the NLP again (``record_files`` and
``load_records``).

PySpark is an optional dependency (``pip install communique[spark]``); importing this module
does not import it.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import JobError, SourceError
from .records import Analysis
from .settings import Settings
from .sources.jsonl import documents_from_lines, json_objects

if TYPE_CHECKING:
    from .store import Store, WriteResult


def analyze_partition(lines: Iterable[str], settings: Settings | None = None) -> Iterator[str]:
    """Analysis-record JSON lines for JSONL input lines (one Analyzer for the whole partition)."""
    from .analyzer import Analyzer

    analyzer: Analyzer | None = None
    settings = settings or Settings()
    batch = []
    for doc in documents_from_lines(lines, "spark", settings.max_bytes):
        batch.append(doc)
        if len(batch) >= settings.batch_size:
            analyzer = analyzer or Analyzer(settings=settings)
            yield from (
                json.dumps(a.to_dict(), ensure_ascii=False) for a in analyzer.analyze_batch(batch)
            )
            batch = []
    if batch:
        analyzer = analyzer or Analyzer(settings=settings)
        yield from (
            json.dumps(a.to_dict(), ensure_ascii=False) for a in analyzer.analyze_batch(batch)
        )


def run(
    input_path: str,
    output_path: str,
    *,
    master: str | None = None,
    partitions: int | None = None,
    settings: Settings | None = None,
) -> dict[str, Any]:
    """Analyse ``input_path`` (JSON Lines) on Spark and write records to ``output_path``."""
    try:
        from pyspark.sql import SparkSession
    except ImportError as e:  # pragma: no cover - depends on the install
        from .errors import ConfigError

        raise ConfigError("PySpark is not installed: pip install 'communique[spark]'") from e
    settings = settings or Settings()
    # Local workers must run this interpreter (the one that has Communiqué installed).
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder.appName("communique-analyze")
    if master:
        builder = builder.master(master)
    spark = builder.getOrCreate()
    try:
        lines = spark.sparkContext.textFile(input_path)
        if partitions:
            lines = lines.repartition(partitions)
        out = lines.mapPartitions(lambda part: analyze_partition(part, settings))
        out.saveAsTextFile(output_path)
        written = spark.sparkContext.textFile(output_path)
        skipped = written.filter(lambda line: json.loads(line).get("skipped") is not None).count()
        return {"records": written.count(), "skipped": skipped, "output": output_path}
    except Exception as e:  # noqa: BLE001 - Py4J errors carry the Java trace; keep one line
        first = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
        raise JobError(f"Spark job failed: {first}") from e
    finally:
        spark.stop()


def read_records(lines: Iterable[str], name: str = "<records>") -> Iterator[Analysis]:
    """Analysis records from JSON lines (the output of ``analyze`` or of a Spark run).

    ``name`` (a file name) prefixes the line number of a ``SourceError`` for a line that is not
    a JSON object.
    """
    for obj in json_objects(lines, name):
        yield Analysis.from_dict(obj)


def record_files(paths: Iterable[str | Path]) -> list[Path]:
    """The files of ``paths``: files as given, folders walked (a Spark output folder's part-*
    files; names starting with ``.`` or ``_`` are left out). ``SourceError`` for a missing path."""
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
    return files


def load_records(
    files: Iterable[Path],
    store: Store,
    *,
    batch_size: int = Settings.batch_size,
    on_batch: Callable[[int], object] | None = None,
) -> WriteResult:
    """Store the analysis records of ``files`` (see ``record_files``), ``batch_size`` records per
    transaction, without running the NLP again; ``on_batch(n)`` after each batch is written."""
    from .store import WriteResult

    total = WriteResult()

    def write(batch: list[Analysis]) -> None:
        nonlocal total
        total += store.write(batch)
        if on_batch is not None:
            on_batch(len(batch))

    for f in files:
        with f.open(encoding="utf-8") as fh:
            batch: list[Analysis] = []
            for record in read_records(fh, str(f)):
                batch.append(record)
                if len(batch) >= batch_size:
                    write(batch)
                    batch = []
            if batch:
                write(batch)
    return total
