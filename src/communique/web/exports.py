"""Downloads: ``GET /export.csv``, ``/export.jsonl`` and ``/export.gdelt`` stream
``communique.export.export`` over the read-only store, with the filters of the page that
links to them; and the links themselves (``export_links``), which every listing page shows.

The query fields are the names of ``communique.export.Filters`` (``a`` and ``b`` for
``between``) plus ``per_article``. A format is offered on a page only when it can express
every filter in force there (``export.FORMAT_FILTERS``): the search page for a speaker offers
its quotes as CSV but not its articles as JSON Lines, since articles are not filtered by
speaker; the link says why instead. A filter a format does not take, given by hand, is a 400.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import chain
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query
from fastapi.responses import StreamingResponse

from ..export import FORMAT_FILTERS, Filters, RefusedFilters, export
from ..records import ExportFormat
from ..store.db import Store
from .context import Ctx, urls
from .params import ExportQuery

router = APIRouter(include_in_schema=False)

WHAT: dict[str, tuple[str, str, str, str]] = {
    "csv": ("quotes", "CSV", "text/csv; charset=utf-8", "csv"),
    "jsonl": ("articles", "JSON Lines", "application/x-ndjson; charset=utf-8", "jsonl"),
    "gdelt": ("events", "GDELT", "text/tab-separated-values; charset=utf-8", "gdelt.tsv"),
}
"""Per format: what it holds, its name on the button, its media type and file extension."""

FILTER_NAMES: dict[str, str] = {
    "about": "words",
    "actor_id": "actor",
    "between": "a pair of sides",
    "min_confidence": "confidence",
}
"""How a link that is not offered names a filter (the others by their field name)."""

MAX_FILE_NAME = 80
"""Longest file name offered, extension aside."""


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^A-Za-z0-9]+", "-", ascii_text).strip("-")


def file_name(fmt: str, given: dict[str, Any]) -> str:
    """``communique-quotes-speaker-lavrov-since-2013.csv``: what the file holds and its
    filters, in ASCII letters, digits and dashes."""
    what, _, _, extension = WHAT[fmt]
    parts = ["communique", what]
    for name, value in given.items():
        shown = "-".join(value) if isinstance(value, tuple) else str(value)
        parts += [_slug(name.replace("_", "-")), _slug(shown)]
    stem = "-".join(p for p in parts if p)[:MAX_FILE_NAME].rstrip("-")
    return f"{stem}.{extension}"


def query_fields(filters: Filters) -> list[tuple[str, str]]:
    """The query fields of ``/export.FORMAT`` that stand for ``filters``."""
    fields: list[tuple[str, str]] = []
    for name, value in filters.given().items():
        if name == "between":
            fields += [("a", value[0]), ("b", value[1])]
        else:
            fields.append((name, str(value)))
    return fields


@dataclass
class ExportLink:
    """A download button: its link, or ``None`` with the reason it is not offered."""

    fmt: str
    label: str
    what: str
    href: str | None
    reason: str | None = None


def export_links(filters: Filters) -> list[ExportLink]:
    """One link per format, keeping ``filters``; a format that cannot express one of them is
    not linked, and says which."""
    given = filters.given()
    out = []
    for fmt, (what, label, _, _) in WHAT.items():
        refused = sorted(set(given) - FORMAT_FILTERS[fmt])
        if refused:
            names = ", ".join(FILTER_NAMES.get(n, n.replace("_", " ")) for n in refused)
            out.append(ExportLink(fmt, label, what, None, f"{what} are not filtered by {names}"))
            continue
        out.append(ExportLink(fmt, label, what, urls.export(fmt, query_fields(filters))))
    return out


def _stream(store: Store, lines: Iterator[str]) -> Iterator[bytes]:
    """The export's lines as UTF-8, closing the store when done (or when the client leaves)."""
    try:
        for line in lines:
            yield line.encode("utf-8")
    finally:
        store.close()


@router.get("/export.{fmt}")
def download(
    fmt: ExportFormat, ctx: Ctx, query: Annotated[ExportQuery, Query()]
) -> StreamingResponse:
    """The export in format ``fmt`` of what the filters keep, as a download."""
    try:
        filters = query.filters()
    except ValueError as e:
        raise HTTPException(400, str(e)) from None
    store = ctx.read_store()
    try:
        lines = export(store, fmt, filters, per_article=query.per_article)
        first = next(lines, "")  # a filter the format does not take fails here
    except RefusedFilters as e:
        store.close()
        raise HTTPException(400, e.named(lambda n: "a and b" if n == "between" else n)) from None
    except ValueError as e:
        store.close()
        raise HTTPException(400, str(e)) from None
    except BaseException:
        store.close()
        raise
    _, _, media_type, _ = WHAT[fmt]
    name = file_name(fmt, filters.given())
    return StreamingResponse(
        _stream(store, chain([first], lines)),
        media_type=media_type,
        headers={"content-disposition": f'attachment; filename="{name}"'},
    )
