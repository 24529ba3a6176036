"""The actor network: who acts on, quotes or is quoted beside whom, with its filters.

``network`` reads three kinds of links from the store, counted over the articles published in
a date range, and keeps the actors a reader asked for:

- ``event``: events between the two, either direction (``mean_goldstein`` is their mean);
- ``quote``: the first (``source``) is quoted mentioning the second (``target``);
- ``coquoted``: both are quoted in the same article.

By default only named actors are nodes ("Sergei Lavrov", "Oxfam", "Russia"): a description
("officials", "the company", "people") is an actor of one article, and two hundred articles
would make two hundred "people". Rows that ``store.queries.same_actor`` finds to be one actor
("LSE" and "London Stock Exchange") are one node, their links added up.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal, get_args

from ..records import ActorKind
from ..store import queries
from ..store.db import Store

LinkKind = Literal["event", "quote", "coquoted"]
"""The kinds of links between two actors."""
LINK_KINDS: tuple[LinkKind, ...] = get_args(LinkKind)
LINK_NAMES: dict[LinkKind, str] = {
    "event": "events between them",
    "quote": "one quoted mentioning the other",
    "coquoted": "both quoted in one article",
}
"""What each kind of link means, for legends."""

MAX_NETWORK_NODES = 60
"""Most actors drawn unless asked for more."""


@dataclass(frozen=True)
class NetworkFilter:
    """What the reader asked for; every field empty or default means everything."""

    since: str | None = None
    until: str | None = None
    kinds: tuple[ActorKind, ...] = ()
    """Actor kinds drawn (both ends of a link); empty: all."""
    country: str | None = None
    """ISO 3166 alpha-3: only links with at least one end an actor of this country."""
    min_weight: int = 1
    """Links with fewer events, quotes or shared articles are left out."""
    links: tuple[LinkKind, ...] = LINK_KINDS
    descriptions: bool = False
    """Whether descriptions ("officials") are nodes too."""
    max_nodes: int = MAX_NETWORK_NODES


def _link_rows(store: Store, f: NetworkFilter) -> list[dict[str, Any]]:
    date_where: list[str] = []
    params: list[Any] = []
    if f.since:
        date_where.append("d.published >= ?")
        params.append(f.since)
    if f.until:
        date_where.append("d.published <= ?")
        params.append(f.until)
    docs = "SELECT id FROM documents d" + (
        " WHERE " + " AND ".join(date_where) if date_where else ""
    )
    queries: dict[LinkKind, tuple[str, list[Any]]] = {
        "event": (
            "SELECT MIN(e.source_actor_id, e.target_actor_id) AS a,"
            " MAX(e.source_actor_id, e.target_actor_id) AS b, COUNT(*) AS weight,"
            " SUM(e.goldstein) AS goldstein_sum, COUNT(e.goldstein) AS goldstein_n FROM events e"
            " WHERE e.source_actor_id IS NOT NULL AND e.target_actor_id IS NOT NULL"
            f" AND e.source_actor_id != e.target_actor_id AND e.doc_id IN ({docs})"
            " GROUP BY 1, 2",
            params,
        ),
        "quote": (
            "SELECT q.actor_id AS a, da.actor_id AS b, COUNT(DISTINCT q.id) AS weight"
            " FROM quotes q"
            " JOIN mentions m ON m.doc_id = q.doc_id AND m.start >= q.start AND m.end <= q.end"
            " JOIN doc_actors da ON da.doc_id = m.doc_id AND da.local_id = m.local_id"
            " WHERE q.actor_id IS NOT NULL AND da.actor_id != q.actor_id"
            f" AND q.doc_id IN ({docs}) GROUP BY 1, 2",
            params,
        ),
        "coquoted": (
            "SELECT x.actor_id AS a, y.actor_id AS b, COUNT(*) AS weight FROM"
            f" (SELECT DISTINCT doc_id, actor_id FROM quotes WHERE actor_id IS NOT NULL"
            f"  AND doc_id IN ({docs})) x JOIN"
            f" (SELECT DISTINCT doc_id, actor_id FROM quotes WHERE actor_id IS NOT NULL"
            f"  AND doc_id IN ({docs})) y"
            " ON y.doc_id = x.doc_id AND y.actor_id > x.actor_id GROUP BY 1, 2",
            [*params, *params],
        ),
    }
    rows: list[dict[str, Any]] = []
    for kind in f.links:
        sql, p = queries[kind]
        rows += [{**dict(r), "kind": kind} for r in store.query(sql, p)]
    return rows


def _coquoted_articles(store: Store, f: NetworkFilter) -> dict[int, int]:
    """Per actor, the articles in which it is quoted beside another quoted actor: what being
    quoted together adds to a node's weight (an article quoting twenty people makes twenty
    links for each, but it is one article)."""
    date_where: list[str] = []
    params: list[Any] = []
    if f.since:
        date_where.append("published >= ?")
        params.append(f.since)
    if f.until:
        date_where.append("published <= ?")
        params.append(f.until)
    dated = (" AND " + " AND ".join(date_where)) if date_where else ""
    rows = store.query(
        "SELECT actor_id, COUNT(DISTINCT doc_id) AS n FROM quotes WHERE actor_id IS NOT NULL"
        " AND doc_id IN (SELECT doc_id FROM quotes WHERE actor_id IS NOT NULL"
        f" GROUP BY doc_id HAVING COUNT(DISTINCT actor_id) > 1){dated} GROUP BY actor_id",
        params,
    )
    return {int(r["actor_id"]): int(r["n"]) for r in rows}


def _actors(store: Store, ids: list[int]) -> dict[int, dict[str, Any]]:
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    return {
        r["id"]: dict(r)
        for r in store.query(
            "SELECT a.id, a.name, a.kind, a.country, a.code, a.doc_id IS NULL"
            " AND COALESCE((SELECT MAX(named) FROM doc_actors WHERE actor_id = a.id), 1) = 1"
            f" AS named FROM actors a WHERE a.id IN ({marks})",
            ids,
        )
    }


def network(store: Store, f: NetworkFilter | None = None) -> dict[str, Any]:
    """``{"nodes": [...], "edges": [...], "merged": {...}}`` for the filter ``f``.

    Nodes (``id``, ``name``, ``kind``, ``country``, ``code``, ``named``, ``degree``) are the
    ``f.max_nodes`` heaviest actors, heaviest first: ``degree`` is the weight of a node's event
    and quote links plus the articles in which it is quoted beside another actor; edges (``source``,
    ``target``, ``kind``, ``weight``, ``mean_goldstein`` for events) join two of them;
    ``merged`` maps each actor row folded into another node to that node's id.
    """
    f = f or NetworkFilter()
    rows = _link_rows(store, f)
    ends = sorted({int(r[k]) for r in rows for k in ("a", "b")})
    merged = queries.same_actor(store, ends)
    info = _actors(store, sorted(set(ends) | set(merged.values())))

    def keep(actor_id: int) -> bool:
        a = info.get(actor_id)
        if a is None:
            return False
        if not f.descriptions and not a["named"]:
            return False
        return not f.kinds or a["kind"] in f.kinds

    links: dict[tuple[int, int, str], dict[str, Any]] = {}
    for r in rows:
        a, b = merged.get(int(r["a"]), int(r["a"])), merged.get(int(r["b"]), int(r["b"]))
        if a == b or not (keep(a) and keep(b)):
            continue
        if r["kind"] != "quote":  # undirected: one key per pair
            a, b = min(a, b), max(a, b)
        if f.country and f.country not in (info[a]["country"], info[b]["country"]):
            continue
        link = links.setdefault(
            (a, b, r["kind"]),
            {"source": a, "target": b, "kind": r["kind"], "weight": 0, "_g": 0.0, "_n": 0},
        )
        link["weight"] += int(r["weight"])
        link["_g"] += float(r.get("goldstein_sum") or 0.0)
        link["_n"] += int(r.get("goldstein_n") or 0)
    edges = [
        {
            "source": e["source"],
            "target": e["target"],
            "kind": e["kind"],
            "weight": e["weight"],
            "mean_goldstein": round(e["_g"] / e["_n"], 2) if e["_n"] else None,
        }
        for e in links.values()
        if e["weight"] >= f.min_weight
    ]
    # A node weighs its events and quotes, plus the articles it is quoted in beside others.
    together: dict[int, int] = {}
    if "coquoted" in f.links:
        for actor_id, n in _coquoted_articles(store, f).items():
            node = merged.get(actor_id, actor_id)
            together[node] = together.get(node, 0) + n
    degree: dict[int, int] = {}
    for e in edges:
        for end in (e["source"], e["target"]):
            add = e["weight"] if e["kind"] != "coquoted" else 0
            degree[end] = degree.get(end, 0) + add
    quoted_together = {
        end for e in edges if e["kind"] == "coquoted" for end in (e["source"], e["target"])
    }
    for end in quoted_together:
        degree[end] += together.get(end, 0)
    ids = sorted(degree, key=lambda i: (-degree[i], info[i]["name"], i))[: f.max_nodes]
    nodes = [
        {
            **{k: info[i][k] for k in ("id", "name", "kind", "country", "code")},
            "named": bool(info[i]["named"]),
            "degree": degree[i],
        }
        for i in ids
    ]
    shown = set(ids)
    edges = [e for e in edges if e["source"] in shown and e["target"] in shown]
    linked = {end for e in edges for end in (e["source"], e["target"])}
    nodes = [n for n in nodes if n["id"] in linked]  # whose links all lead to actors left out
    shown = linked
    edges.sort(key=lambda e: (LINK_KINDS.index(e["kind"]), e["source"], e["target"]))
    return {
        "nodes": nodes,
        "edges": edges,
        "merged": {str(k): v for k, v in sorted(merged.items()) if v in shown},
    }
