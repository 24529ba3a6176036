"""Read queries the web pages need beyond ``store.queries``, built on ``Store.query``.

Like ``store.queries``, every function takes a ``Store``, returns plain JSON-ready values and
uses parameterised SQL only; text searches go through ``queries.fts_query``, so what a user
types is never read as FTS5 syntax.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..records import QUAD_CLASS_KEYS, Period
from ..store import queries
from ..store.db import Store

MAX_NETWORK_NODES = 60


def countries(store: Store) -> list[str]:
    """ISO codes of the countries actors are affiliated with, for filter menus."""
    return [
        r[0]
        for r in store.query(
            "SELECT DISTINCT country FROM actors WHERE country IS NOT NULL ORDER BY country"
        )
    ]


def doc_actor_ids(store: Store, doc_id: str) -> dict[str, int]:
    """Article-local actor id -> cross-article actor id, for one document."""
    return {
        r[0]: int(r[1])
        for r in store.query(
            "SELECT local_id, actor_id FROM doc_actors WHERE doc_id = ?", (doc_id,)
        )
    }


def period_label(day: dt.date, by: Period) -> str:
    """The label ``queries.dyad`` gives the period containing ``day``."""
    if by == "week":
        return queries.week_label(day)
    return day.isoformat()[: {"day": 10, "month": 7, "year": 4}[by]]


def _parse_day(value: str | None) -> dt.date | None:
    if not value:
        return None
    text = value[:10]
    text += "-01-01"[len(text) - 4 :] if len(text) < 10 else ""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def dyad_series(
    store: Store,
    a: str,
    b: str,
    *,
    by: Period = "month",
    since: str | None = None,
    until: str | None = None,
    max_periods: int = 400,
) -> list[dict[str, Any]]:
    """``queries.dyad`` with empty periods filled in (zero counts, ``mean_goldstein`` None)
    so the series is a regular time axis; of a longer series, the latest ``max_periods``."""
    found = queries.dyad(store, a, b, by=by, since=since, until=until)
    if not found:
        return []
    rows = {r["period"]: r for r in found}
    first, last = _parse_day(found[0]["first_date"]), _parse_day(found[-1]["last_date"])
    if first is None or last is None:
        return []
    labels: list[str] = []
    day = last
    while day >= first:  # from the latest period back: a long series keeps its recent end
        label = period_label(day, by)
        if not labels or labels[-1] != label:
            if len(labels) == max_periods:
                break
            labels.append(label)
        day -= dt.timedelta(days=1)
    labels.reverse()
    empty: dict[str, Any] = {
        "events": 0,
        **dict.fromkeys(QUAD_CLASS_KEYS.values(), 0),
        "mean_goldstein": None,
    }
    out = []
    for label in labels:
        row = rows.get(label)
        out.append({"period": label, **({k: row[k] for k in empty} if row else empty)})
    return out


def network(
    store: Store,
    *,
    since: str | None = None,
    until: str | None = None,
    max_nodes: int = MAX_NETWORK_NODES,
) -> dict[str, Any]:
    """Actors as nodes and three kinds of edges, counted over articles published in
    ``[since, until]``:

    - ``event``: events between the two, either direction (``mean_goldstein`` is their mean);
    - ``quote``: the first (``source``) is quoted mentioning the second (``target``);
    - ``coquoted``: both are quoted in the same article.

    Nodes are the ``max_nodes`` actors with the most connections; ``weight`` is the number of
    events, quotes or shared articles.
    """
    date_where: list[str] = []
    params: list[Any] = []
    if since:
        date_where.append("d.published >= ?")
        params.append(since)
    if until:
        date_where.append("d.published <= ?")
        params.append(until)
    docs = "SELECT id FROM documents d" + (
        " WHERE " + " AND ".join(date_where) if date_where else ""
    )
    event_rows = store.query(
        "SELECT MIN(e.source_actor_id, e.target_actor_id) AS a,"
        " MAX(e.source_actor_id, e.target_actor_id) AS b, COUNT(*) AS weight,"
        " ROUND(AVG(e.goldstein), 2) AS mean_goldstein FROM events e"
        " WHERE e.source_actor_id IS NOT NULL AND e.target_actor_id IS NOT NULL"
        f" AND e.source_actor_id != e.target_actor_id AND e.doc_id IN ({docs})"
        " GROUP BY 1, 2",
        params,
    )
    quote_rows = store.query(
        "SELECT q.actor_id AS a, da.actor_id AS b, COUNT(DISTINCT q.id) AS weight FROM quotes q"
        " JOIN mentions m ON m.doc_id = q.doc_id AND m.start >= q.start AND m.end <= q.end"
        " JOIN doc_actors da ON da.doc_id = m.doc_id AND da.local_id = m.local_id"
        f" WHERE q.actor_id IS NOT NULL AND da.actor_id != q.actor_id AND q.doc_id IN ({docs})"
        " GROUP BY 1, 2",
        params,
    )
    speakers = f"SELECT DISTINCT doc_id, actor_id FROM quotes WHERE actor_id IS NOT NULL AND doc_id IN ({docs})"
    co_rows = store.query(
        f"SELECT x.actor_id AS a, y.actor_id AS b, COUNT(*) AS weight FROM ({speakers}) x"
        f" JOIN ({speakers}) y ON y.doc_id = x.doc_id AND y.actor_id > x.actor_id GROUP BY 1, 2",
        [*params, *params],
    )
    edges: list[dict[str, Any]] = []
    for kind, rows in (("event", event_rows), ("quote", quote_rows), ("coquoted", co_rows)):
        edges += [
            {
                "source": r["a"],
                "target": r["b"],
                "kind": kind,
                "weight": r["weight"],
                "mean_goldstein": r["mean_goldstein"] if kind == "event" else None,
            }
            for r in rows
        ]
    degree: dict[int, int] = {}
    for e in edges:
        for end in (e["source"], e["target"]):
            degree[end] = degree.get(end, 0) + e["weight"]
    if not degree:
        return {"nodes": [], "edges": []}
    ids = sorted(degree, key=lambda i: (-degree[i], i))[:max_nodes]
    marks = ",".join("?" * len(ids))
    info = {
        r["id"]: dict(r)
        for r in store.query(
            f"SELECT id, name, kind, country, code FROM actors WHERE id IN ({marks})", ids
        )
    }
    nodes = [{**info[i], "degree": degree[i]} for i in ids if i in info]
    keep = {n["id"] for n in nodes}
    edges = [e for e in edges if e["source"] in keep and e["target"] in keep]
    return {"nodes": nodes, "edges": edges}
