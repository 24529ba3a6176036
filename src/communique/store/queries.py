"""Read queries over the store, shared by the CLI, the HTTP API and the web pages.

Every function takes a ``Store`` and returns plain dicts (JSON-ready). Listings take ``limit``
and ``offset``. All SQL is parameterised; text searches use FTS5 with the user's words quoted,
so search input is never interpreted as query syntax.
"""

from __future__ import annotations

import json
import re
from typing import Any, Literal, TypedDict, Unpack, get_args

from ..errors import NotFound
from ..records import MAX_LIMIT, Analysis
from .actors import name_key
from .db import Store
from .stories import count as story_count


def clamp_limit(limit: int) -> int:
    """A page size within ``1 .. MAX_LIMIT``."""
    return max(1, min(int(limit), MAX_LIMIT))


def fts_query(text: str) -> str:
    """User words as an FTS5 query: each word quoted, all required."""
    words = re.findall(r"\w+", text, re.UNICODE)
    return " ".join(f'"{w}"' for w in words)


def _like_suffix(key: str) -> str:
    """A LIKE pattern for aliases ending in the word(s) ``key`` (wildcards escaped with ``\\``)."""
    return "% " + key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


STORY_COUNTING = """\
Syndicated copies of one story (``store.stories``) carry the same quotes and events; listings,
dyads and charts count each once per story. Within a story, quotes are copies when their text
is the same (ignoring case); events are copies when they have the same source, target, CAMEO
code and date, GDELT's identity of an event. An article not grouped into a story is a story of
its own."""

QUOTE_COPY_KEY = "lower(q.text)"
"""The expression by which two quotes of one story are one quote (see ``STORY_COUNTING``)."""
EVENT_COPY_KEY = "e.source, e.target, e.code, e.date"
"""The columns by which two events of one story are one event (see ``STORY_COUNTING``)."""


def has_stories(store: Store) -> bool:
    """Whether the store has the stories table (a store opened read-only before version 6
    has not: each article is then its own story)."""
    return bool(
        store.query("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'story_members'")
    )


def story_key(store: Store, alias: str) -> tuple[str, str]:
    """The join (alias ``m``) and the expression giving the story of the row ``alias`` (its
    ``doc_id``'s story; an article grouped into none is a story of its own)."""
    if has_stories(store):
        return (
            f" LEFT JOIN story_members m ON m.doc_id = {alias}.doc_id",
            f"COALESCE(m.story_id, {alias}.doc_id)",
        )
    return "", f"{alias}.doc_id"


def once_per_story(
    store: Store,
    columns: str,
    joins: str,
    where: list[str],
    *,
    alias: str,
    copy_key: str,
    first: str,
    per_article: bool,
) -> str:
    """A subquery of the rows ``where`` keeps, one per story and ``copy_key``: the ``first``
    in that order, with ``reports`` the number of copies among the kept rows (filters apply
    before copies are counted). ``per_article``: every row, ``reports`` 1."""
    condition = " WHERE " + " AND ".join(where) if where else ""
    if per_article:
        return f"SELECT {columns}, 1 AS reports{joins}{condition}"
    story_join, story = story_key(store, alias)
    joins += story_join
    return (
        f"SELECT * FROM (SELECT {columns}, COUNT(*) OVER copies AS reports,"
        f" ROW_NUMBER() OVER (copies ORDER BY {first}) AS nth{joins}{condition}"
        f" WINDOW copies AS (PARTITION BY {story}, {copy_key})) WHERE nth = 1"
    )


def _order(expr: str, descending: bool) -> str:
    """``expr`` in the given direction, empty values last either way."""
    return f"({expr}) IS NULL, {expr} {'DESC' if descending else 'ASC'}"


def _page(
    store: Store, rows_sql: str, params: list[Any], order: str, limit: int, offset: int
) -> list[dict[str, Any]]:
    """One page of the subquery ``rows_sql`` in ``order``, as dicts (``nth`` dropped)."""
    sql = f"SELECT * FROM ({rows_sql}) ORDER BY {order} LIMIT ? OFFSET ?"
    out = [dict(r) for r in store.query(sql, [*params, clamp_limit(limit), max(0, offset)])]
    for d in out:
        d.pop("nth", None)
    return out


def _count(store: Store, rows_sql: str, params: list[Any]) -> int:
    return int(store.query(f"SELECT COUNT(*) FROM ({rows_sql})", params)[0][0])


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
        (key, _like_suffix(key)),
    )
    return [r[0] for r in rows]


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
    out = _page(store, sql, params, "published DESC, doc_id, start", limit, offset)
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
    return _count(store, sql, params)


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
    rows = _page(
        store,
        sql,
        params,
        f"{_order(order, descending)}, quotes DESC, articles DESC, name, id",
        limit,
        offset,
    )
    return [{**r, "named": bool(r["named"])} for r in rows]


def count_actors(store: Store, **filters: Unpack[ActorFilters]) -> int:
    """How many actors ``actors`` lists with the same filters, over all pages."""
    sql, params = _actor_rows(filters)
    return _count(store, sql, params)


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
                (key, key, _like_suffix(key), key),
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
    if since:
        where.append("e.date >= ?")
        params.append(since)
    if until:
        where.append("e.date <= ?")
        params.append(until)
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
    return _page(
        store, sql, params, f"{_order(order, descending)}, date DESC, doc_id, start", limit, offset
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
    return _count(store, sql, params)


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


def _document_rows(
    filters: DocumentFilters, facet: FacetSql | None = None
) -> tuple[str, list[Any]]:
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
    if since:
        where.append("d.published >= ?")
        params.append(since)
    if until:
        where.append("d.published <= ?")
        params.append(until)
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
    sql, params = _document_rows(filters)
    return _page(store, sql, params, "published DESC, id", limit, offset)


def count_documents(store: Store, **filters: Unpack[DocumentFilters]) -> int:
    """How many articles ``documents`` lists with the same filters, over all pages."""
    sql, params = _document_rows(filters)
    return _count(store, sql, params)


def stats(store: Store) -> dict[str, Any]:
    """Row counts, top speakers and skip reasons."""
    out: dict[str, Any] = dict(store.counts())
    out["stories"] = story_count(store.conn)
    out["top_speakers"] = [
        dict(r)
        for r in store.query(
            f"SELECT {SPEAKER_SHOWN} AS speaker, COUNT(*) AS quotes FROM quotes q"
            " LEFT JOIN actors a ON a.id = q.actor_id WHERE q.speaker IS NOT NULL"
            " GROUP BY 1 ORDER BY quotes DESC, speaker LIMIT 10"
        )
    ]
    out["skip_reasons"] = [
        dict(r)
        for r in store.query(
            "SELECT reason, COUNT(*) AS n FROM skips GROUP BY reason ORDER BY n DESC LIMIT 10"
        )
    ]
    out["event_roots"] = [
        dict(r)
        for r in store.query(
            "SELECT root, COUNT(*) AS n FROM events GROUP BY root ORDER BY n DESC LIMIT 10"
        )
    ]
    return out


def story_ids(store: Store) -> dict[str, str]:
    """Each grouped article's story id (an article left out is a story of its own)."""
    if not has_stories(store):
        return {}
    return {r[0]: r[1] for r in store.query("SELECT doc_id, story_id FROM story_members")}


def all_document_ids(store: Store) -> list[str]:
    return [r[0] for r in store.query("SELECT id FROM documents ORDER BY rowid")]
