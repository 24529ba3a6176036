"""The pieces every listing is built from: paging, ordering, counting, FTS5 words, row ids and
the conditions on an article (outlet, topic, month) that quotes, articles and actors share."""

from __future__ import annotations

import re
from typing import Any

from ...records import MAX_LIMIT
from ..db import Store


def clamp_limit(limit: int) -> int:
    """A page size within ``1 .. MAX_LIMIT``."""
    return max(1, min(int(limit), MAX_LIMIT))


def fts_query(text: str) -> str:
    """User words as an FTS5 query: each word quoted, all required."""
    words = re.findall(r"\w+", text, re.UNICODE)
    return " ".join(f'"{w}"' for w in words)


def like_suffix(key: str) -> str:
    """A LIKE pattern for aliases ending in the word(s) ``key`` (wildcards escaped with ``\\``)."""
    return "% " + key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def order_by(expr: str, descending: bool) -> str:
    """``expr`` in the given direction, empty values last either way."""
    return f"({expr}) IS NULL, {expr} {'DESC' if descending else 'ASC'}"


def page_rows(
    store: Store, rows_sql: str, params: list[Any], order: str, limit: int, offset: int
) -> list[dict[str, Any]]:
    """One page of the subquery ``rows_sql`` in ``order``, as dicts (``nth`` dropped)."""
    sql = f"SELECT * FROM ({rows_sql}) ORDER BY {order} LIMIT ? OFFSET ?"
    out = [dict(r) for r in store.query(sql, [*params, clamp_limit(limit), max(0, offset)])]
    for d in out:
        d.pop("nth", None)
    return out


def count_rows(store: Store, rows_sql: str, params: list[Any]) -> int:
    return int(store.query(f"SELECT COUNT(*) FROM ({rows_sql})", params)[0][0])


def date_range(column: str, since: str | None, until: str | None) -> tuple[list[str], list[Any]]:
    """Conditions keeping rows whose ``column`` (an ISO date) is from ``since`` to ``until``
    (either may be absent), with their parameters."""
    where: list[str] = []
    params: list[Any] = []
    if since:
        where.append(f"{column} >= ?")
        params.append(since)
    if until:
        where.append(f"{column} <= ?")
        params.append(until)
    return where, params


def article_filter(
    outlet: str | None, topic: str | None, month: str | None
) -> tuple[list[str], list[Any]]:
    """Conditions on an article ``d`` (a row of ``documents``): its outlet, one of its topics,
    and the month it was published (``YYYY-MM``). The quotes, articles and actors listings
    filter by these through the same conditions, and ``store.facets`` counts by them."""
    where: list[str] = []
    params: list[Any] = []
    if outlet:
        where.append("d.outlet = ?")
        params.append(outlet)
    if topic:
        where.append("EXISTS (SELECT 1 FROM json_each(d.topics) WHERE value = ?)")
        params.append(topic)
    if month:
        where.append("substr(d.published, 1, 7) = ?")
        params.append(month)
    return where, params


FacetSql = tuple[str, str]
"""How a facet reads an article row: an SQL expression of its value, and the joins it needs
(``store.facets``)."""


SQLITE_MAX_INT = 2**63 - 1
"""The largest row id SQLite can store: a larger number names no row."""


def row_id(value: str | int) -> int | None:
    """``value`` as a row id when it is one: an int, or ASCII digits only ("²" is not a number
    here), within SQLite's 64-bit range; else ``None``."""
    if isinstance(value, int):
        number = value
    elif value.isascii() and value.isdigit() and len(value) <= 19:
        number = int(value)
    else:
        return None
    return number if 0 <= number <= SQLITE_MAX_INT else None
