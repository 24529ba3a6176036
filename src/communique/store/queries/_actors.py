"""The actors listing and one actor: filters, sort columns, rows and counts, finding an actor by
id, name or alias, and the actors that are another one under a short name."""

from __future__ import annotations

from typing import Any, Literal, TypedDict, Unpack, get_args

from ...errors import NotFound
from ..actors import name_key
from ..db import Store
from ._events import events
from ._quotes import quotes
from ._sql import article_filter, count_rows, like_suffix, order_by, page_rows, row_id

ActorSort = Literal["name", "kind", "role", "country", "code", "articles", "quotes", "events"]
"""Columns the actor listing can be ordered by."""
ACTOR_SORTS: tuple[ActorSort, ...] = get_args(ActorSort)
_ACTOR_ORDER: dict[ActorSort, str] = {
    "name": "name COLLATE NOCASE",
    "kind": "kind",
    "role": "role COLLATE NOCASE",
    "country": "country",
    "code": "code",
    "articles": "articles",
    "quotes": "quotes",
    "events": "events",
}


class ActorFilters(TypedDict, total=False):
    """The filters of the actors listing, shared by ``actor_filter``, ``actors``,
    ``count_actors`` and ``facets.actor_facets``: country, kind, a part of a name or alias,
    named or a description, and an article it is seen in by outlet, topic and month."""

    country: str | None
    kind: str | None
    query: str | None
    named: bool | None
    outlet: str | None
    topic: str | None
    month: str | None


def actor_filter(**filters: Unpack[ActorFilters]) -> tuple[list[str], list[Any]]:
    """Conditions on an actor ``a`` (a row of ``actors``) for the actors listing
    (``ActorFilters``; an article meeting outlet, topic and month all three,
    ``article_filter``)."""
    country, kind, query = filters.get("country"), filters.get("kind"), filters.get("query")
    named = filters.get("named")
    where: list[str] = []
    params: list[Any] = []
    if named is not None:
        where.append("a.doc_id IS NULL" if named else "a.doc_id IS NOT NULL")
    if country:
        where.append("a.country = ?")
        params.append(country.upper())
    if kind:
        where.append("a.kind = ?")
        params.append(kind)
    if query:
        where.append("a.id IN (SELECT actor_id FROM actor_aliases WHERE alias LIKE ?)")
        params.append(f"%{query}%")
    on_article, article_params = article_filter(
        filters.get("outlet"), filters.get("topic"), filters.get("month")
    )
    if on_article:
        where.append(
            "a.id IN (SELECT da.actor_id FROM doc_actors da JOIN documents d ON d.id = da.doc_id"
            f" WHERE {' AND '.join(on_article)})"
        )
        params += article_params
    return where, params


def _actor_rows(filters: ActorFilters) -> tuple[str, list[Any]]:
    where, params = actor_filter(**filters)
    sql = (
        "SELECT a.id, a.name, a.kind, a.country, a.role, a.code,"
        " a.doc_id IS NULL AS named, a.doc_id,"
        " (SELECT COUNT(DISTINCT doc_id) FROM doc_actors WHERE actor_id = a.id) AS articles,"
        " (SELECT COUNT(*) FROM quotes WHERE actor_id = a.id) AS quotes,"
        " (SELECT COUNT(*) FROM events WHERE source_actor_id = a.id OR target_actor_id = a.id)"
        " AS events FROM actors a" + (" WHERE " + " AND ".join(where) if where else "")
    )
    return sql, params


def actors(
    store: Store,
    *,
    sort: ActorSort = "quotes",
    descending: bool = True,
    limit: int = 50,
    offset: int = 0,
    **filters: Unpack[ActorFilters],
) -> list[dict[str, Any]]:
    """Actors with their article, quote and event counts, most quoted first, or ordered by the
    column ``sort`` (one of ``ACTOR_SORTS``) then by quotes, articles and name. ``named``: only
    named actors (``True``), only descriptions (``False``, each an actor of the article in its
    ``doc_id``), or both (``None``). ``outlet``, ``topic``, ``month``: actors seen in an article
    of that outlet, on that topic, published that month (``actor_filter``)."""
    order = _ACTOR_ORDER.get(sort)
    if order is None:
        raise ValueError(f"sort must be one of {', '.join(ACTOR_SORTS)}, not {sort!r}")
    sql, params = _actor_rows(filters)
    rows = page_rows(
        store,
        sql,
        params,
        f"{order_by(order, descending)}, quotes DESC, articles DESC, name, id",
        limit,
        offset,
    )
    return [{**r, "named": bool(r["named"])} for r in rows]


def count_actors(store: Store, **filters: Unpack[ActorFilters]) -> int:
    """How many actors ``actors`` lists with the same filters, over all pages."""
    sql, params = _actor_rows(filters)
    return count_rows(store, sql, params)


def same_actor(store: Store, ids: list[int]) -> dict[int, int]:
    """Of the named actors ``ids``, those that are another stored actor under a short name,
    mapped to that actor's id.

    Cross-article resolution (``store.actors``) joins a single-word name to nothing but a
    person's surname, so "LSE" in one article stays apart from "London Stock Exchange (LSE)"
    of another although the second article gave "LSE" as an alias. Here a named actor whose
    name key is an alias of exactly one other named actor of the same kind, with countries
    that do not contradict each other, is that actor. An alias shared by two actors
    ("Smith" of John and of Mary Smith) joins nobody.
    """
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    rows = store.query(
        "SELECT a.id AS id, o.id AS other FROM actors a"
        " JOIN actor_aliases x ON x.alias_key = a.name_key AND x.actor_id != a.id"
        " JOIN actors o ON o.id = x.actor_id"
        f" WHERE a.id IN ({marks}) AND a.doc_id IS NULL AND o.doc_id IS NULL"
        " AND o.kind = a.kind AND o.name_key != a.name_key"
        " AND (a.country IS NULL OR o.country IS NULL OR a.country = o.country)",
        ids,
    )
    found: dict[int, set[int]] = {}
    for r in rows:
        found.setdefault(int(r["id"]), set()).add(int(r["other"]))
    out = {i: others.pop() for i, others in found.items() if len(others) == 1}
    # a chain (A is B, B is C) ends at its last actor; a cycle is left alone
    for i in list(out):
        seen = {i}
        j = out[i]
        while j in out and j not in seen:
            seen.add(j)
            j = out[j]
        out[i] = j if j != i else i
    return {i: j for i, j in out.items() if i != j}


def find_actor(store: Store, name_or_id: str | int) -> int:
    """The id of an actor given its id or a name or alias; ``NotFound`` when none matches."""
    actor_id = row_id(name_or_id)
    rows: list[Any] = []
    if actor_id is not None:
        rows = store.query("SELECT id FROM actors WHERE id = ?", (actor_id,))
    elif not (isinstance(name_or_id, str) and name_or_id.isascii() and name_or_id.isdigit()):
        key = name_key(str(name_or_id))
        if key:  # "!!!", "-" or "Mr" name nobody: an empty key never matches
            rows = store.query(
                "SELECT a.id FROM actors a JOIN actor_aliases x ON x.actor_id = a.id"
                " WHERE x.alias_key = ? OR a.name_key = ? OR x.alias_key LIKE ? ESCAPE '\\'"
                " GROUP BY a.id ORDER BY (a.name_key = ?) DESC, (a.doc_id IS NULL) DESC,"
                " (SELECT COUNT(*) FROM doc_actors WHERE actor_id = a.id) DESC",
                (key, key, like_suffix(key), key),
            )
    if not rows:
        raise NotFound(f"no actor named {name_or_id!r}")
    return int(rows[0][0])


def actor(store: Store, name_or_id: str | int, *, limit: int = 20) -> dict[str, Any]:
    """One actor: aliases, roles over time, counts, recent quotes and events, and the named
    actors it shares articles with (``named`` is ``False`` for a description of one article)."""
    aid = find_actor(store, name_or_id)
    row = store.query(
        "SELECT id, name, kind, country, role, code, doc_id FROM actors WHERE id = ?", (aid,)
    )[0]
    out = dict(row)
    out["named"] = row["doc_id"] is None
    out["aliases"] = [
        r[0]
        for r in store.query(
            "SELECT alias FROM actor_aliases WHERE actor_id = ? ORDER BY alias", (aid,)
        )
    ]
    out["roles"] = [
        dict(r)
        for r in store.query(
            "SELECT role, country, code, MIN(date) AS first, MAX(date) AS last, COUNT(*) AS articles"
            " FROM actor_roles WHERE actor_id = ? GROUP BY role, country, code ORDER BY first",
            (aid,),
        )
    ]
    out["articles"] = store.query(
        "SELECT COUNT(DISTINCT doc_id) FROM doc_actors WHERE actor_id = ?", (aid,)
    )[0][0]
    out["quote_count"] = store.query("SELECT COUNT(*) FROM quotes WHERE actor_id = ?", (aid,))[0][0]
    out["event_count"] = store.query(
        "SELECT COUNT(*) FROM events WHERE source_actor_id = ? OR target_actor_id = ?", (aid, aid)
    )[0][0]
    out["quotes"] = quotes(store, actor_id=aid, limit=limit)
    out["events"] = events(store, actor_id=aid, limit=limit)
    out["co_actors"] = [
        dict(r)
        for r in store.query(
            "SELECT a.id, a.name, a.country, a.code, COUNT(DISTINCT o.doc_id) AS articles"
            " FROM doc_actors me JOIN doc_actors o ON o.doc_id = me.doc_id AND o.actor_id != me.actor_id"
            " JOIN actors a ON a.id = o.actor_id WHERE me.actor_id = ? AND a.doc_id IS NULL"
            " GROUP BY a.id ORDER BY articles DESC, a.name LIMIT ?",
            (aid, limit),
        )
    ]
    return out
