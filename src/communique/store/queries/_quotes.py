"""The quotes listing: its filters, rows and counts, and the speaker as listings show it."""

from __future__ import annotations

import json
from typing import Any, TypedDict, Unpack

from ..actors import name_key
from ..db import Store
from ._per_story import QUOTE_COPY_KEY, once_per_story
from ._sql import article_filter, count_rows, fts_query, like_suffix, page_rows

SPEAKER_SHOWN = "COALESCE(CASE WHEN a.doc_id IS NOT NULL THEN q.speaker END, a.name, q.speaker)"
"""A quote's speaker as listings, facets and stats show it, over ``QUOTE_TABLES``: the actor's
name; for a description (an actor of its article only, ``doc_id`` set, named by its head noun,
"company") the words of the article ("a Vodafone spokesman", "The company"); the article's
words when no actor was resolved."""


def _speaker_actor_ids(store: Store, speaker: str) -> list[int]:
    key = name_key(speaker)
    if not key:  # "!!!" or "Mr" name nobody: an empty key never matches
        return []
    rows = store.query(
        "SELECT DISTINCT actor_id FROM actor_aliases"
        " WHERE alias_key = ? OR alias_key LIKE ? ESCAPE '\\'",
        (key, like_suffix(key)),
    )
    return [r[0] for r in rows]


QUOTE_TABLES = (
    " FROM quotes q LEFT JOIN actors a ON a.id = q.actor_id JOIN documents d ON d.id = q.doc_id"
)
"""The tables a quote is read from: ``q`` (quotes), ``a`` (the speaker's actor), ``d`` (the
article)."""


class QuoteFilters(TypedDict, total=False):
    """The filters of the quotes listing, shared by ``quote_filter``, ``quotes``,
    ``count_quotes`` and ``facets.quote_facets``: speaker name or alias, words, publication
    dates, kind, the speaker's country, actor, article, least confidence (a quote stored
    without one is kept) and the article's outlet, topic and month (``article_filter``)."""

    speaker: str | None
    about: str | None
    since: str | None
    until: str | None
    kind: str | None
    country: str | None
    actor_id: int | None
    doc_id: str | None
    min_confidence: float | None
    outlet: str | None
    topic: str | None
    month: str | None


def quote_filter(
    store: Store, *, undated: bool = False, **filters: Unpack[QuoteFilters]
) -> tuple[list[str], list[Any]]:
    """Conditions over ``QUOTE_TABLES`` keeping the quotes of the quotes listing's filters;
    ``undated``: only those whose article has no date (what ``since``/``until`` leave out)."""
    speaker, country = filters.get("speaker"), filters.get("country")
    where: list[str] = []
    params: list[Any] = []
    speaker = (speaker or "").strip()
    if speaker:
        ids = _speaker_actor_ids(store, speaker)
        marks = ",".join("?" * len(ids))
        clause = "q.speaker LIKE ?"
        params.append(f"%{speaker}%")
        if ids:
            clause = f"({clause} OR q.actor_id IN ({marks}))"
            params.extend(ids)
        where.append(clause)
    match = fts_query(filters.get("about") or "")
    if match:
        where.append("q.id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)")
        params.append(match)
    for clause, value in (
        ("q.published >= ?", filters.get("since")),
        ("q.published <= ?", filters.get("until")),
        ("q.kind = ?", filters.get("kind")),
        ("a.country = ?", country.upper() if country else None),
        ("q.actor_id = ?", filters.get("actor_id")),
        ("q.doc_id = ?", filters.get("doc_id")),
    ):
        if value is not None and value != "":
            where.append(clause)
            params.append(value)
    min_confidence = filters.get("min_confidence")
    if min_confidence:
        where.append("(q.confidence IS NULL OR q.confidence >= ?)")
        params.append(min_confidence)
    if undated:
        where.append("q.published IS NULL")
    on_article, article_params = article_filter(
        filters.get("outlet"), filters.get("topic"), filters.get("month")
    )
    return where + on_article, params + article_params


def _quote_rows(
    store: Store, *, per_article: bool, undated: bool = False, **filters: Unpack[QuoteFilters]
) -> tuple[str, list[Any]]:
    """The subquery of the quotes ``quote_filter`` keeps with ``filters``, once per story
    unless ``per_article``."""
    where, params = quote_filter(store, undated=undated, **filters)
    columns = (
        "q.id, q.doc_id, q.start, q.end, q.fragments, q.text, q.kind, q.speaker, q.actor_id,"
        " q.speaker_start, q.speaker_end, q.cue, q.confidence, q.published, a.country, a.role,"
        " a.code, d.title, d.outlet, d.url"
    )
    sql = once_per_story(
        store,
        columns,
        QUOTE_TABLES,
        where,
        alias="q",
        copy_key=QUOTE_COPY_KEY,
        first="q.published IS NULL, q.published, q.doc_id, q.start",
        per_article=per_article,
    )
    return sql, params


def quotes(
    store: Store,
    *,
    per_article: bool = False,
    limit: int = 50,
    offset: int = 0,
    **filters: Unpack[QuoteFilters],
) -> list[dict[str, Any]]:
    """Quotes, newest first, kept by ``filters`` (``QuoteFilters``).

    A quote is listed once per story (``STORY_COUNTING``): among the matching copies its
    story's articles carry, the first published stands for it, with ``reports`` the number of
    copies. ``per_article`` lists every copy (``reports`` 1)."""
    sql, params = _quote_rows(store, per_article=per_article, **filters)
    out = page_rows(store, sql, params, "published DESC, doc_id, start", limit, offset)
    for d in out:
        d["fragments"] = json.loads(d["fragments"])
    return out


def count_quotes(
    store: Store,
    *,
    per_article: bool = False,
    undated: bool = False,
    **filters: Unpack[QuoteFilters],
) -> int:
    """How many rows ``quotes`` lists with the same filters, over all pages (``undated``:
    of those with no date, which ``since``/``until`` leave out)."""
    sql, params = _quote_rows(store, per_article=per_article, undated=undated, **filters)
    return count_rows(store, sql, params)
