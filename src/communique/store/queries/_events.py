"""The events listing: its filters, sort columns, rows and counts, and the condition on the
events between two sides."""

from __future__ import annotations

from typing import Any, Literal, TypedDict, Unpack, get_args

from ..db import Store
from ._per_story import EVENT_COPY_KEY, once_per_story
from ._sql import count_rows, date_range, order_by, page_rows

EventSort = Literal["date", "source", "code", "target", "goldstein"]
"""Columns an event listing can be ordered by."""
EVENT_SORTS: tuple[EventSort, ...] = get_args(EventSort)


class EventFilters(TypedDict, total=False):
    """The filters of the events listing, shared by ``events`` and ``count_events``: source and
    target (ISO3 country or actor-code prefix), CAMEO code prefix, event dates, actor, article,
    ``between`` two prefixes in either direction, and least confidence (an event stored without
    one is kept)."""

    source: str | None
    target: str | None
    code: str | None
    since: str | None
    until: str | None
    actor_id: int | None
    doc_id: str | None
    between: tuple[str, str] | None
    min_confidence: float | None


def _event_listing(
    store: Store, *, per_article: bool, undated: bool = False, **filters: Unpack[EventFilters]
) -> tuple[str, list[Any]]:
    """The subquery of the events the filters keep, once per story unless ``per_article``."""
    between, code = filters.get("between"), filters.get("code")
    since, until = filters.get("since"), filters.get("until")
    actor_id, doc_id = filters.get("actor_id"), filters.get("doc_id")
    min_confidence = filters.get("min_confidence")
    where: list[str] = []
    params: list[Any] = []
    if between is not None:
        clause, pair_params = pair_clause(*between)
        where.append(clause)
        params.extend(pair_params)
    for col in ("source", "target"):
        value = filters.get(col)
        if isinstance(value, str) and value:
            where.append(f"e.{col} LIKE ?")
            params.append(value.upper() + "%")
    if code:
        where.append("e.code LIKE ?")
        params.append(code + "%")
    dated, dated_params = date_range("e.date", since, until)
    where += dated
    params += dated_params
    if actor_id is not None:
        where.append("(e.source_actor_id = ? OR e.target_actor_id = ?)")
        params.extend([actor_id, actor_id])
    if doc_id is not None:
        where.append("e.doc_id = ?")
        params.append(doc_id)
    if min_confidence:
        where.append("(e.confidence IS NULL OR e.confidence >= ?)")
        params.append(min_confidence)
    if undated:
        where.append("e.date IS NULL")
    columns = (
        "e.id, e.doc_id, e.source, e.target, e.source_actor_id, e.target_actor_id,"
        " sa.name AS source_name, ta.name AS target_name, e.code, e.name, e.plover, e.goldstein,"
        " e.quad_class, e.date, e.start, e.end, e.text, e.confidence, d.title, d.published,"
        " d.outlet, d.url"
    )
    joins = (
        " FROM events e JOIN documents d ON d.id = e.doc_id"
        " LEFT JOIN actors sa ON sa.id = e.source_actor_id"
        " LEFT JOIN actors ta ON ta.id = e.target_actor_id"
    )
    sql = once_per_story(
        store,
        columns,
        joins,
        where,
        alias="e",
        copy_key=EVENT_COPY_KEY,
        first="e.date IS NULL, d.published IS NULL, d.published, e.doc_id, e.start",
        per_article=per_article,
    )
    return sql, params


def events(
    store: Store,
    *,
    per_article: bool = False,
    sort: EventSort = "date",
    descending: bool = True,
    limit: int = 50,
    offset: int = 0,
    **filters: Unpack[EventFilters],
) -> list[dict[str, Any]]:
    """Events filtered by source/target (ISO3 country or actor-code prefix), CAMEO code prefix,
    date range, actor, article, ``between`` two prefixes in either direction, or confidence (an
    event stored without one is kept); newest first, or ordered by the column ``sort`` (one of
    ``EVENT_SORTS``); each with its article's title and publication date.

    An event is listed once per story (``STORY_COUNTING``), with ``reports`` the number of
    matching events of its story's articles it stands for; ``per_article`` lists each."""
    order = _EVENT_ORDER.get(sort)
    if order is None:
        raise ValueError(f"sort must be one of {', '.join(EVENT_SORTS)}, not {sort!r}")
    sql, params = _event_listing(store, per_article=per_article, **filters)
    return page_rows(
        store,
        sql,
        params,
        f"{order_by(order, descending)}, date DESC, doc_id, start",
        limit,
        offset,
    )


def count_events(
    store: Store,
    *,
    per_article: bool = False,
    undated: bool = False,
    **filters: Unpack[EventFilters],
) -> int:
    """How many rows ``events`` lists with the same filters, over all pages (``undated``: of
    those with no date, which ``since``/``until`` leave out)."""
    sql, params = _event_listing(store, per_article=per_article, undated=undated, **filters)
    return count_rows(store, sql, params)


_EVENT_ORDER: dict[EventSort, str] = {
    "date": "date",
    "source": "source",
    "code": "code",
    "target": "target",
    "goldstein": "goldstein",
}


def pair_clause(a: str, b: str, both_ways: bool = True) -> tuple[str, list[Any]]:
    """SQL matching events from ``a`` to ``b`` (and back when ``both_ways``) by code prefix."""
    pa, pb = a.upper() + "%", b.upper() + "%"
    clause = "(e.source LIKE ? AND e.target LIKE ?)"
    if not both_ways:
        return clause, [pa, pb]
    return f"({clause} OR (e.source LIKE ? AND e.target LIKE ?))", [pa, pb, pb, pa]
