"""Exports of a store: analysis records as JSONL, quotes as CSV, and GDELT 2.0 event rows with
the same event merged across articles (``NumMentions``, ``NumSources``, ``NumArticles``)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator

from .records import EXPORT_FORMATS, Analysis
from .store import Store
from .store import queries as q

FORMATS = EXPORT_FORMATS

QUOTE_COLUMNS = (
    "doc_id",
    "published",
    "speaker",
    "kind",
    "cue",
    "text",
    "start",
    "end",
    "country",
    "code",
    "title",
)


def analyses(store: Store) -> Iterator[Analysis]:
    for doc_id in q.all_document_ids(store):
        yield q.show(store, doc_id)


def export(store: Store, fmt: str) -> Iterator[str]:
    """Lines (with their newline) of the export in format ``fmt`` (one of ``FORMATS``)."""
    if fmt == "jsonl":
        for a in analyses(store):
            yield json.dumps(a.to_dict(), ensure_ascii=False) + "\n"
    elif fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf)
        writer.writerow(QUOTE_COLUMNS)
        offset = 0
        while rows := q.quotes(store, limit=q.MAX_LIMIT, offset=offset):
            for r in rows:
                writer.writerow([r.get(c) for c in QUOTE_COLUMNS])
            offset += len(rows)
            yield buf.getvalue()
            buf.seek(0)
            buf.truncate()
        if buf.getvalue():
            yield buf.getvalue()
    elif fmt == "gdelt":
        from .gdelt import gdelt_events, tsv_line

        for row in gdelt_events(analyses(store)):
            yield tsv_line(row)
    else:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
