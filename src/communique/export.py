"""Exports of a store: analysis records as JSONL, quotes as CSV, and GDELT 2.0 event rows with
each event counted once per story (``NumMentions``, ``NumSources``, ``NumArticles``).

Every format takes the filters of the listing it comes from (``Filters``): analysis records
those of ``queries.documents``, quotes those of ``queries.quotes``, GDELT rows those of
``queries.events``. A filter that a format does not have is refused with ``ValueError`` rather
than ignored.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, fields, replace
from typing import Any

from .records import EXPORT_FORMATS, MAX_LIMIT, Analysis
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
    "confidence",
    "reports",
)


@dataclass(frozen=True)
class Filters:
    """What an export keeps; ``None`` keeps everything. ``since``/``until`` are publication
    dates for records and quotes, event dates for GDELT rows; ``outlet``, ``topic`` and
    ``month`` (``YYYY-MM``) are the article's (``queries.article_filter``); ``actor_id`` keeps
    the articles naming an actor, its quotes or its events; ``between`` the events between two
    country or actor-code prefixes, either way (as the relations page and ``dyad``)."""

    since: str | None = None
    until: str | None = None
    about: str | None = None
    speaker: str | None = None
    kind: str | None = None
    country: str | None = None
    source: str | None = None
    target: str | None = None
    code: str | None = None
    min_confidence: float | None = None
    outlet: str | None = None
    topic: str | None = None
    month: str | None = None
    actor_id: int | None = None
    between: tuple[str, str] | None = None

    def given(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self) if getattr(self, f.name)}


_ARTICLE = frozenset({"outlet", "topic", "month", "actor_id"})
FORMAT_FILTERS: dict[str, frozenset[str]] = {
    "jsonl": frozenset({"since", "until", "about"}) | _ARTICLE,
    "csv": frozenset({"since", "until", "about", "speaker", "kind", "country", "min_confidence"})
    | _ARTICLE,
    "gdelt": frozenset(
        {"since", "until", "source", "target", "code", "min_confidence", "actor_id", "between"}
    ),
}
"""The filters each format takes (those of the listing it exports)."""


class RefusedFilters(ValueError):
    """Filters an export format does not take; each shell names them its own way
    (``named``: ``--speaker`` on the command line, ``speaker`` in a URL)."""

    def __init__(self, fmt: str, refused: list[str], takes: list[str]) -> None:
        self.fmt, self.refused, self.takes = fmt, refused, takes
        super().__init__(self.named(str))

    def named(self, name: Callable[[str], str]) -> str:
        return (
            f"the {self.fmt} export does not filter by {', '.join(map(name, self.refused))} "
            f"(it takes {', '.join(map(name, self.takes))})"
        )


def _check(fmt: str, filters: Filters) -> dict[str, Any]:
    if fmt not in FORMAT_FILTERS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    given = filters.given()
    refused = sorted(set(given) - FORMAT_FILTERS[fmt])
    if refused:
        raise RefusedFilters(fmt, refused, sorted(FORMAT_FILTERS[fmt]))
    return given


def _pages(fetch: Any, **kwargs: Any) -> Iterator[dict[str, Any]]:
    """Every row of a listing query, page by page."""
    offset = 0
    while rows := fetch(limit=MAX_LIMIT, offset=offset, **kwargs):
        yield from rows
        offset += len(rows)


def analyses(store: Store, filters: Filters | None = None) -> Iterator[Analysis]:
    """The stored analyses, in the order written; with filters, those of the matching
    articles, newest first."""
    given = (filters or Filters()).given()
    if not given:
        ids: Any = q.all_document_ids(store)
    else:
        ids = (r["id"] for r in _pages(lambda **k: q.documents(store, **k), **given))
    for doc_id in ids:
        yield q.show(store, doc_id)


def _event_analyses(store: Store, given: dict[str, Any]) -> Iterator[Analysis]:
    """Analyses holding only the events that match ``given`` (all when nothing is given)."""
    if not given:
        yield from analyses(store)
        return
    wanted: dict[str, set[tuple[int, str]]] = {}
    for r in _pages(lambda **k: q.events(store, per_article=True, **k), **given):
        wanted.setdefault(r["doc_id"], set()).add((r["start"], r["code"]))
    for doc_id in sorted(wanted):
        a = q.show(store, doc_id)
        keep = tuple(e for e in a.events if (e.start, e.code) in wanted[doc_id])
        yield replace(a, events=keep)


def export(
    store: Store,
    fmt: str,
    filters: Filters | None = None,
    *,
    per_article: bool = False,
) -> Iterator[str]:
    """Lines (with their newline) of the export in format ``fmt`` (one of ``FORMATS``) of what
    ``filters`` keeps. Quotes are written once per story (``reports`` copies) unless
    ``per_article``; GDELT rows always count an event once per story."""
    given = _check(fmt, filters or Filters())
    if fmt == "jsonl":
        for a in analyses(store, filters):
            yield json.dumps(a.to_dict(), ensure_ascii=False) + "\n"
    elif fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf)
        writer.writerow(QUOTE_COLUMNS)
        rows = _pages(lambda **k: q.quotes(store, per_article=per_article, **k), **given)
        for n, r in enumerate(rows, 1):
            writer.writerow([r.get(c) for c in QUOTE_COLUMNS])
            if n % MAX_LIMIT == 0:
                yield buf.getvalue()
                buf.seek(0)
                buf.truncate()
        if buf.getvalue():
            yield buf.getvalue()
    else:
        from .gdelt import gdelt_events, tsv_line

        stories = q.story_ids(store)
        for row in gdelt_events(_event_analyses(store, given), stories=stories):
            yield tsv_line(row)
