"""The articles: one article's stored analysis, and the articles listing with its filters, rows,
counts and search snippets."""

from __future__ import annotations

import json
from typing import Any, TypedDict, Unpack

from ...errors import NotFound
from ...records import Analysis
from ..db import Store
from ._sql import FacetSql, article_filter, count_rows, date_range, fts_query, page_rows


def show(store: Store, doc_id: str) -> Analysis:
    """The stored analysis of one document; ``NotFound`` when there is none."""
    rows = store.query("SELECT * FROM documents WHERE id = ?", (doc_id,))
    if not rows:
        raise NotFound(f"no document with id {doc_id!r}")
    d = dict(rows[0])
    acts = []
    for r in store.query("SELECT * FROM doc_actors WHERE doc_id = ? ORDER BY rowid", (doc_id,)):
        ms = store.query(
            "SELECT start, end, text FROM mentions WHERE doc_id = ? AND local_id = ?"
            " ORDER BY start",
            (doc_id, r["local_id"]),
        )
        aliases = list(dict.fromkeys(m["text"] for m in ms))
        acts.append(
            {
                "id": r["local_id"],
                "name": r["name"],
                "kind": r["kind"],
                "country": r["country"],
                "role": r["role"],
                "code": r["code"],
                "named": None if r["named"] is None else bool(r["named"]),
                "aliases": aliases,
                "global_id": r["actor_id"],
                "mentions": [[m["start"], m["end"]] for m in ms],
            }
        )
    qs = [
        {**dict(r), "fragments": json.loads(r["fragments"]), "speaker_actor": r["local_actor"]}
        for r in store.query("SELECT * FROM quotes WHERE doc_id = ? ORDER BY start", (doc_id,))
    ]
    evs = [
        {**dict(r), "source_actor": r["source_local"], "target_actor": r["target_local"]}
        for r in store.query("SELECT * FROM events WHERE doc_id = ? ORDER BY start", (doc_id,))
    ]
    record = {
        **d,
        "byline": json.loads(d["byline"]),
        "body": json.loads(d["body"]),
        "topics": json.loads(d["topics"]),
        "places": json.loads(d["places"]),
        "dates": json.loads(d["dates"]),
        "notes": json.loads(d.get("notes") or "[]"),
        "actors": acts,
        "quotes": qs,
        "events": evs,
        "skipped": None,
    }
    return Analysis.from_dict(record)


SNIPPET_OPEN = "\x02"
SNIPPET_CLOSE = "\x03"
"""Markers FTS5 puts around matched words in ``documents`` snippets; a page splits on them and
escapes every piece, so no markup from an article can leak through."""


class DocumentFilters(TypedDict, total=False):
    """The filters of the articles listing, shared by ``documents``, ``count_documents`` and
    ``facets.document_facets``: words (FTS5 over title and text), a publication-date range,
    an outlet, a topic and a month (``article_filter``), and an actor the article names."""

    about: str | None
    since: str | None
    until: str | None
    outlet: str | None
    topic: str | None
    month: str | None
    actor_id: int | None


def document_rows(filters: DocumentFilters, facet: FacetSql | None = None) -> tuple[str, list[Any]]:
    """The articles the filters keep; tables ``d`` (documents) and, with words,
    ``documents_fts``. With ``facet``, a ``facet`` column (one row per value)."""
    about, since, until = filters.get("about"), filters.get("since"), filters.get("until")
    actor_id = filters.get("actor_id")
    where: list[str] = []
    params: list[Any] = []
    match = fts_query(about or "")
    snippet = "NULL"
    source = "documents d"
    if match:
        snippet = f"snippet(documents_fts, 1, '{SNIPPET_OPEN}', '{SNIPPET_CLOSE}', ' … ', 24)"
        source = "documents_fts JOIN documents d ON d.rowid = documents_fts.rowid"
        where.append("documents_fts MATCH ?")
        params.append(match)
    dated, dated_params = date_range("d.published", since, until)
    where += dated
    params += dated_params
    on_article, article_params = article_filter(
        filters.get("outlet"), filters.get("topic"), filters.get("month")
    )
    where += on_article
    params += article_params
    if actor_id is not None:
        where.append("d.id IN (SELECT doc_id FROM doc_actors WHERE actor_id = ?)")
        params.append(actor_id)
    columns = (
        f"d.id, d.title, d.outlet, d.published, d.url, {snippet} AS snippet,"
        " (SELECT COUNT(*) FROM quotes WHERE doc_id = d.id) AS quotes,"
        " (SELECT COUNT(*) FROM events WHERE doc_id = d.id) AS events"
    )
    if facet is not None:
        columns = f"d.id, d.tone, {facet[0]} AS facet"
        source += facet[1]
    sql = f"SELECT {columns} FROM {source}" + (" WHERE " + " AND ".join(where) if where else "")
    return sql, params


def documents(
    store: Store, *, limit: int = 50, offset: int = 0, **filters: Unpack[DocumentFilters]
) -> list[dict[str, Any]]:
    """Articles newest first, optionally matching words (FTS5 over title and text), within a
    publication-date range, of an outlet, on a topic, of a month (``article_filter``) and
    naming an actor. With words, each row has a ``snippet`` whose matches are wrapped in
    ``SNIPPET_OPEN``/``SNIPPET_CLOSE``; without, ``snippet`` is ``None``."""
    sql, params = document_rows(filters)
    return page_rows(store, sql, params, "published DESC, id", limit, offset)


def count_documents(store: Store, **filters: Unpack[DocumentFilters]) -> int:
    """How many articles ``documents`` lists with the same filters, over all pages."""
    sql, params = document_rows(filters)
    return count_rows(store, sql, params)


def all_document_ids(store: Store) -> list[str]:
    return [r[0] for r in store.query("SELECT id FROM documents ORDER BY rowid")]
