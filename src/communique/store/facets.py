"""Facets: how the rows of a listing divide by outlet, speaker, country, kind, topic and month,
each value with the number of rows a filter by it would list.

A facet is counted over the very rows its listing shows: the subqueries and filter builders of
``store.queries`` (``quote_filter``, ``document_rows``, ``actor_filter``, ``article_filter``)
give the rows, and a facet only groups them. So, for every value ``v`` of a facet ``f``,
``count`` is what ``count_quotes`` (``count_documents``, ``count_actors``) answers with the same
filters and ``f=v`` added:

- quotes count once per story of syndicated copies (``queries.STORY_COUNTING``) and facet
  value: the copies of one quote in two outlets' articles count once under each outlet, as a
  filter by either outlet finds it once; ``per_article`` counts every copy;
- articles count each article; a topic facet counts an article under each of its topics;
- actors count each actor; by outlet, topic and month, an actor counts under each value of the
  articles it is seen in.

The speaker facet groups quotes by the speaker's name as shown (``queries.SPEAKER_SHOWN``: the
actor's name, the article's words for a description or no actor); a filter by that name also finds speakers whose name or alias ends in it,
so it can list a few more.

Rows without a value (an article without outlet or date, a quote without speaker) are counted
apart, as ``missing``: an undated article is in no month.
"""

from __future__ import annotations

from typing import Any, Literal, Unpack, get_args

from . import queries
from .db import Store

QuoteFacet = Literal["outlet", "speaker", "country", "kind", "topic", "month"]
"""The facets of the quotes listing."""
QUOTE_FACETS: tuple[QuoteFacet, ...] = get_args(QuoteFacet)
DocumentFacet = Literal["outlet", "topic", "month"]
"""The facets of the articles listing."""
DOCUMENT_FACETS: tuple[DocumentFacet, ...] = get_args(DocumentFacet)
ActorFacet = Literal["kind", "country", "outlet", "topic", "month"]
"""The facets of the actors listing."""
ACTOR_FACETS: tuple[ActorFacet, ...] = get_args(ActorFacet)

FACET_VALUES = 8
"""Values a facet shows by default, the largest counts first (months: the latest first)."""

_TOPIC_JOIN = " LEFT JOIN json_each(d.topics) t"
_ARTICLE_SQL: dict[str, queries.FacetSql] = {
    "outlet": ("d.outlet", ""),
    "topic": ("t.value", _TOPIC_JOIN),
    "month": ("substr(d.published, 1, 7)", ""),
}
"""Facets of an article ``d``: the values ``queries.article_filter`` filters by."""
_QUOTE_VALUES: dict[QuoteFacet, str] = {
    "outlet": "d.outlet",
    "speaker": queries.SPEAKER_SHOWN,
    "country": "a.country",
    "kind": "q.kind",
    "topic": "d.topics",
    "month": _ARTICLE_SQL["month"][0],
}
"""What each quote facet reads over ``queries.QUOTE_TABLES`` (topics: the article's list)."""
_ACTOR_SQL: dict[str, str] = {"kind": "a.kind", "country": "a.country"}
"""Actor facets read on the actor itself; the others are read on its articles."""


def _check(names: tuple[str, ...], allowed: tuple[str, ...], listing: str) -> None:
    wrong = [n for n in names if n not in allowed]
    if wrong:
        raise ValueError(
            f"{listing} have no facet {', '.join(map(repr, wrong))}; choose from {', '.join(allowed)}"
        )


def _facet(name: str, rows: list[Any], limit: int | None, *, chronological: bool) -> dict[str, Any]:
    """``{"name", "values": [{"value", "count", ...}], "missing", "more"}`` from grouped
    rows (``value`` ``None`` is ``missing``); ``more`` is how many values ``limit`` left out."""
    values = [
        {k: v for k, v in dict(r).items() if k != "facet"}
        for r in rows
        if r["value"] is not None and r["value"] != ""
    ]
    missing = sum(int(r["count"]) for r in rows if r["value"] is None or r["value"] == "")
    if chronological:
        values.sort(key=lambda v: v["value"], reverse=True)
    else:
        values.sort(key=lambda v: (-int(v["count"]), str(v["value"]).casefold()))
    shown = values if limit is None else values[:limit]
    return {"name": name, "values": shown, "missing": missing, "more": len(values) - len(shown)}


def quote_facets(
    store: Store,
    names: tuple[QuoteFacet, ...] = QUOTE_FACETS,
    *,
    limit: int | None = FACET_VALUES,
    per_article: bool = False,
    **filters: Unpack[queries.QuoteFilters],
) -> list[dict[str, Any]]:
    """The facets ``names`` of the quotes ``queries.quotes`` lists with the same filters,
    counted as it counts: once per story unless ``per_article``.

    One pass: the quotes ``queries.quote_filter`` keeps, each with its copy's identity (its
    story and ``queries.QUOTE_COPY_KEY``; its row id with ``per_article``), and every facet
    counts the distinct identities under each of its values."""
    _check(names, QUOTE_FACETS, "quotes")
    if not names:
        return []
    where, params = queries.quote_filter(store, **filters)
    story_join, story = queries.story_key(store, "q")
    identity = "q.id" if per_article else f"{story} || char(31) || {queries.QUOTE_COPY_KEY}"
    values = ", ".join(f"{_QUOTE_VALUES[n]} AS {n}" for n in names)
    condition = " WHERE " + " AND ".join(where) if where else ""
    counts = [
        f"SELECT '{n}' AS facet, {n} AS value, COUNT(DISTINCT copy) AS count FROM kept GROUP BY 2"
        if n != "topic"
        else "SELECT 'topic' AS facet, t.value AS value, COUNT(DISTINCT copy) AS count"
        " FROM kept LEFT JOIN json_each(kept.topic) t GROUP BY 2"
        for n in names
    ]
    sql = (
        f"WITH kept AS MATERIALIZED (SELECT {identity} AS copy, {values}"
        f"{queries.QUOTE_TABLES}{story_join}{condition}) " + " UNION ALL ".join(counts)
    )
    rows = store.query(sql, params)
    return [
        _facet(n, [r for r in rows if r["facet"] == n], limit, chronological=n == "month")
        for n in names
    ]


def document_facets(
    store: Store,
    names: tuple[DocumentFacet, ...] = DOCUMENT_FACETS,
    *,
    limit: int | None = FACET_VALUES,
    **filters: Unpack[queries.DocumentFilters],
) -> list[dict[str, Any]]:
    """The facets ``names`` of the articles ``queries.documents`` lists with the same filters,
    each value with ``count`` articles and ``tone``, their mean tone (``None`` when none has
    one)."""
    _check(names, DOCUMENT_FACETS, "articles")
    out = []
    for name in names:
        sql, params = queries.document_rows(filters, facet=_ARTICLE_SQL[name])
        rows = store.query(
            "SELECT facet AS value, COUNT(*) AS count, ROUND(AVG(tone), 3) AS tone"
            f" FROM ({sql}) GROUP BY facet",
            params,
        )
        out.append(_facet(name, rows, limit, chronological=name == "month"))
    return out


def actor_facets(
    store: Store,
    names: tuple[ActorFacet, ...] = ACTOR_FACETS,
    *,
    limit: int | None = FACET_VALUES,
    **filters: Unpack[queries.ActorFilters],
) -> list[dict[str, Any]]:
    """The facets ``names`` of the actors ``queries.actors`` lists with the same filters; by
    outlet, topic and month an actor counts under each value of the articles it is seen in
    (those articles meeting the listing's own outlet, topic and month)."""
    _check(names, ACTOR_FACETS, "actors")
    where, params = queries.actor_filter(**filters)
    out = []
    for name in names:
        if name in _ACTOR_SQL:
            condition = " WHERE " + " AND ".join(where) if where else ""
            sql = (
                f"SELECT {_ACTOR_SQL[name]} AS value, COUNT(*) AS count FROM actors a{condition}"
                " GROUP BY value"
            )
            rows = store.query(sql, params)
        else:
            expr, join = _ARTICLE_SQL[name]
            on_article, article_params = queries.article_filter(
                filters.get("outlet"), filters.get("topic"), filters.get("month")
            )
            condition = " AND ".join([*where, *on_article]) or "1"
            sql = (
                f"SELECT {expr} AS value, COUNT(DISTINCT a.id) AS count FROM actors a"
                " JOIN doc_actors da ON da.actor_id = a.id JOIN documents d ON d.id = da.doc_id"
                f"{join} WHERE {condition} GROUP BY value"
            )
            rows = store.query(sql, [*params, *article_params])
        out.append(_facet(name, rows, limit, chronological=name == "month"))
    return out
