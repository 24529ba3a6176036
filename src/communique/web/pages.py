"""The HTML pages: search, article, actors, actor, events, relations, network and an API index.

Form fields are read through ``params.Filters``: values that break a rule are ignored and the
page shows the problems above its results instead of failing.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response

from ..export import Filters as ExportFilters
from ..records import ACTOR_KINDS, MAX_LIMIT, PERIODS, QUOTE_KINDS
from ..store import dyads, facets, queries
from ..store.stories import story_of
from . import data, render
from .browse import PAGE_SIZE, facet_views, paginate, sorting
from .context import Ctx, ReadStore, html_response, urls
from .exports import export_links
from .network import LINK_KINDS, LINK_NAMES, MAX_NETWORK_NODES, NetworkFilter, network
from .params import MAX_ACTOR_REF, MAX_NODES, Filters

ARTICLES_SHOWN = 10
"""Articles listed beside the quotes on the search page."""

router = APIRouter(include_in_schema=False)


@router.get("/")
def search(request: Request, ctx: Ctx, store: ReadStore) -> Response:
    f = Filters.of(
        request, ("q", "speaker", "country", "kind", "since", "until", "outlet", "topic", "month")
    )
    q, speaker = f.get("q"), f.get("speaker")
    kind = f.choice("kind", QUOTE_KINDS)
    country = f.code("country")
    since, until = f.date("since"), f.date("until")
    on_article: dict[str, Any] = {
        "outlet": f.get("outlet"),
        "topic": f.get("topic"),
        "month": f.month("month"),
    }
    offset = f.offset()
    filters: dict[str, Any] = {
        "about": q,
        "speaker": speaker,
        "country": country,
        "kind": kind,
        "since": since,
        "until": until,
        **on_article,
    }
    quotes = queries.quotes(store, **filters, limit=PAGE_SIZE, offset=offset)
    for row in quotes:
        row["pieces"] = render.match_pieces(row["text"], q)
    quote_only = bool(speaker or country or kind)
    article_filters: dict[str, Any] = {"about": q, "since": since, "until": until, **on_article}
    articles = (
        []
        if quote_only
        else queries.documents(store, **article_filters, limit=ARTICLES_SHOWN, offset=0)
    )
    for a in articles:
        a["pieces"] = render.snippet_pieces(a.pop("snippet"))
    quote_facets = facets.quote_facets(store, limit=None, **filters)
    article_months = (
        None
        if quote_only
        else facets.document_facets(store, ("month",), limit=None, **article_filters)[0]
    )
    timeline = _timeline(
        {"quotes": _months(quote_facets)}
        | ({"articles": article_months} if article_months else {}),
        "Tone of the articles" if article_months else None,
    )
    searching = bool(f.values)
    return html_response(
        ctx,
        request,
        "search.html",
        {
            "f": f.values,
            "problems": f.problems,
            "quotes": quotes,
            "articles": articles,
            "article_total": 0 if quote_only else queries.count_documents(store, **article_filters),
            "searching": searching,
            "countries": data.countries(store),
            "kinds": QUOTE_KINDS,
            "pages": paginate(
                request.query_params, offset, len(quotes), queries.count_quotes(store, **filters)
            ),
            "offset": offset,
            "stats": None if searching else store.counts(),
            "facets": facet_views(request.query_params, quote_facets),
            "exports": export_links(ExportFilters(**filters)),
            "timeline": timeline,
        },
    )


def _months(found: list[dict[str, Any]]) -> dict[str, Any]:
    """The month facet of ``store.facets`` answers."""
    return next(x for x in found if x["name"] == "month")


def _timeline(columns: dict[str, dict[str, Any]], tone: str | None) -> dict[str, Any]:
    """A timeline of month facets (``columns``: series name -> month facet), with the tone
    line labelled ``tone`` when one of them carries tone (``chart`` ``None`` when nothing is
    dated), and what it leaves out: undated rows per series, and months before the latest
    ``data.MAX_MONTHS``."""
    series, left_out = data.month_series({k: v["values"] for k, v in columns.items()})
    undated = {k: int(v["missing"]) for k, v in columns.items() if v["missing"]}
    if not series:
        return {"chart": None, "undated": undated, "left_out": 0, "rows": []}
    bars = [(k, k, f"series-{i}") for i, k in enumerate(columns)]
    chart = render.timeline_chart(series, bars, ("tone", "mean tone") if tone else None)
    return {
        "chart": chart,
        "undated": undated,
        "left_out": left_out,
        "rows": [r for r in series if any(r[k] for k in columns)],
        "names": list(columns),
        "tone": tone,
    }


@router.get("/articles/{doc_id:path}")
def article(request: Request, doc_id: str, ctx: Ctx, store: ReadStore) -> Response:
    analysis = queries.show(store, doc_id)
    art = analysis.article
    global_ids = data.doc_actor_ids(store, doc_id)
    hrefs = {local: urls.actor(gid) for local, gid in global_ids.items()}
    quotes = queries.quotes(store, doc_id=doc_id, limit=MAX_LIMIT)
    quotes.sort(key=lambda r: r["start"])
    events = [e.to_dict() for e in sorted(analysis.events, key=lambda e: (e.start, e.end))]
    for e in events:
        e["source_href"] = hrefs.get(e["source_actor"] or "")
        e["target_href"] = hrefs.get(e["target_actor"] or "")
    actors = [{**a.to_dict(), "href": hrefs.get(a.id)} for a in analysis.actors]
    blocks = render.article_blocks(art.text, list(art.body), quotes, actors, events, hrefs)
    return html_response(
        ctx,
        request,
        "article.html",
        {
            "art": art,
            "blocks": blocks,
            "speakers": render.speakers_of(quotes),
            "quotes": quotes,
            "actors": sorted(actors, key=lambda a: (-len(a["mentions"]), a["name"])),
            "events": events,
            "topics": analysis.topics,
            "tone": analysis.tone,
            "also": story_of(store.conn, doc_id),
        },
    )


ACTOR_COLUMNS: list[tuple[str, queries.ActorSort | None, bool]] = [
    ("Name", "name", False),
    ("Kind", "kind", False),
    ("Role", "role", False),
    ("Country", "country", False),
    ("Code", "code", False),
    ("Articles", "articles", True),
    ("Quotes", "quotes", True),
    ("Events", "events", True),
]


@router.get("/actors")
def actor_list(request: Request, ctx: Ctx, store: ReadStore) -> Response:
    f = Filters.of(
        request,
        ("q", "country", "kind", "descriptions", "outlet", "topic", "month", "sort", "order"),
    )
    offset = f.offset()
    sort, descending, headers = sorting(
        f, request.query_params, ACTOR_COLUMNS, queries.ACTOR_SORTS, "quotes"
    )
    filters: dict[str, Any] = {
        "query": f.get("q"),
        "country": f.code("country"),
        "kind": f.choice("kind", ACTOR_KINDS),
        "named": None if f.flag("descriptions") else True,
        "outlet": f.get("outlet"),
        "topic": f.get("topic"),
        "month": f.month("month"),
    }
    rows = queries.actors(
        store, **filters, sort=sort, descending=descending, limit=PAGE_SIZE, offset=offset
    )
    return html_response(
        ctx,
        request,
        "actors.html",
        {
            "f": f.values,
            "problems": f.problems,
            "actors": rows,
            "kinds": ACTOR_KINDS,
            "countries": data.countries(store),
            "headers": headers,
            "pages": paginate(
                request.query_params, offset, len(rows), queries.count_actors(store, **filters)
            ),
            "facets": facet_views(
                request.query_params, facets.actor_facets(store, limit=None, **filters)
            ),
        },
    )


@router.get("/actors/{actor}")
def actor(request: Request, actor: str, ctx: Ctx, store: ReadStore) -> Response:
    info = queries.actor(store, actor[:MAX_ACTOR_REF], limit=50)
    aid = info["id"]
    timeline = _timeline(
        {
            "quotes": _months(facets.quote_facets(store, ("month",), limit=None, actor_id=aid)),
            "articles": _months(
                facets.document_facets(store, ("month",), limit=None, actor_id=aid)
            ),
        },
        "Tone of the articles naming them",
    )
    return html_response(
        ctx,
        request,
        "actor.html",
        {"a": info, "timeline": timeline, "exports": export_links(ExportFilters(actor_id=aid))},
    )


EVENT_COLUMNS: list[tuple[str, queries.EventSort | None, bool]] = [
    ("Date", "date", False),
    ("Source", "source", False),
    ("Event", "code", False),
    ("Target", "target", False),
    ("Goldstein", "goldstein", True),
    ("Evidence", None, False),
]


@router.get("/events")
def event_list(request: Request, ctx: Ctx, store: ReadStore) -> Response:
    """Every event, newest first, by source, target, CAMEO code and dates; events under the
    fitted confidence threshold are left out unless asked for (as the CLI's ``events``)."""
    f = Filters.of(request, ("source", "target", "code", "since", "until", "all", "sort", "order"))
    sort, descending, headers = sorting(
        f, request.query_params, EVENT_COLUMNS, queries.EVENT_SORTS, "date"
    )
    offset = f.offset()
    threshold = data.event_threshold(ctx.settings.knowledge)
    filters: dict[str, Any] = {
        "source": f.code("source"),
        "target": f.code("target"),
        "code": f.cameo("code"),
        "since": f.date("since"),
        "until": f.date("until"),
        "min_confidence": None if f.flag("all") else threshold,
    }
    events = queries.events(
        store, **filters, sort=sort, descending=descending, limit=PAGE_SIZE, offset=offset
    )
    total = queries.count_events(store, **filters)
    hidden = (
        0
        if f.flag("all")
        else queries.count_events(store, **{**filters, "min_confidence": None}) - total
    )
    return html_response(
        ctx,
        request,
        "events.html",
        {
            "f": f.values,
            "problems": f.problems,
            "events": events,
            "headers": headers,
            "threshold": threshold,
            "hidden": hidden,
            "countries": data.countries(store),
            "pages": paginate(request.query_params, offset, len(events), total),
            "exports": [
                x
                for x in export_links(ExportFilters(**{k: v for k, v in filters.items() if v}))
                if x.fmt == "gdelt"
            ],
        },
    )


@router.get("/relations")
def relations(request: Request, ctx: Ctx, store: ReadStore) -> Response:
    f = Filters.of(request, ("a", "b", "by", "since", "until", "sort", "order"))
    a, b = f.code("a"), f.code("b")
    sort, descending, headers = sorting(
        f, request.query_params, EVENT_COLUMNS, queries.EVENT_SORTS, "date"
    )
    by = f.choice("by", PERIODS) or "month"
    since, until = f.date("since"), f.date("until")
    offset = f.offset()
    chart: render.Chart | None = None
    events: list[dict[str, Any]] = []
    series: list[dict[str, Any]] = []
    total = undated = 0
    if a and b:
        series = data.dyad_series(store, a, b, by=by, since=since, until=until)
        chart = render.relations_chart(series) if series else None
        events = queries.events(
            store,
            between=(a, b),
            since=since,
            until=until,
            sort=sort,
            descending=descending,
            limit=PAGE_SIZE,
            offset=offset,
        )
        total = queries.count_events(store, between=(a, b), since=since, until=until)
        undated = dyads.dyad_undated(store, a, b)
    elif a or b:
        f.problems.append("pick both sides of the relation")
    return html_response(
        ctx,
        request,
        "relations.html",
        {
            "f": {**f.values, "by": by},
            "problems": f.problems,
            "a": a,
            "b": b,
            "chart": chart,
            "series": series,
            "events": events,
            "quads": render.QUAD_CLASSES,
            "periods": PERIODS,
            "countries": data.countries(store),
            "headers": headers,
            "undated": undated,
            "pages": paginate(request.query_params, offset, len(events), total),
            "exports": export_links(ExportFilters(between=(a, b), since=since, until=until))
            if a and b
            else [],
        },
    )


@router.get("/network")
def network_page(request: Request, ctx: Ctx, store: ReadStore) -> Response:
    f = Filters.of(
        request, ("since", "until", "country", "min_weight", "descriptions", "max_nodes", "all")
    )
    links = f.many("links", LINK_KINDS)
    nf = NetworkFilter(
        since=f.date("since"),
        until=f.date("until"),
        kinds=f.many("kind", ACTOR_KINDS),
        country=f.code("country"),
        min_weight=f.number("min_weight", 1, 1_000_000) or 1,
        links=links or LINK_KINDS,
        descriptions=f.flag("descriptions"),
        max_nodes=f.number("max_nodes", 1, MAX_NODES) or MAX_NETWORK_NODES,
    )
    graph = network(store, nf)
    return html_response(
        ctx,
        request,
        "network.html",
        {
            "f": f.values,
            "nf": nf,
            "problems": f.problems,
            "graph": render.network_layout(graph),
            "kinds": ACTOR_KINDS,
            "link_kinds": [(k, LINK_NAMES[k]) for k in LINK_KINDS],
            "countries": data.countries(store),
            "filtered": replace(nf, since=None, until=None) != NetworkFilter(),
        },
    )


@router.get("/api")
def api_index(request: Request, ctx: Ctx) -> Response:
    schema = request.app.openapi()
    endpoints = [
        {
            "method": method.upper(),
            "path": path,
            "summary": op.get("summary", ""),
            "description": render.doc_pieces(op.get("description", "")),
        }
        for path, ops in schema["paths"].items()
        for method, op in ops.items()
    ]
    return html_response(ctx, request, "api.html", {"endpoints": endpoints})
