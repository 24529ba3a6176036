"""The HTML pages: search, article, actors, actor, relations, network and an API index.

Form fields are read through ``params.Filters``: values that break a rule are ignored and the
page shows the problems above its results instead of failing.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import Response

from ..records import ACTOR_KINDS, PERIODS, QUOTE_KINDS
from ..store import queries
from ..store.stories import story_of
from . import data, render
from .context import Ctx, ReadStore, html_response, urls
from .params import MAX_ACTOR_REF, Filters

PAGE_SIZE = 20

router = APIRouter(include_in_schema=False)


def page_links(
    request: Request, offset: int, count: int, size: int = PAGE_SIZE
) -> dict[str, str | None]:
    """Previous/next links keeping the current query."""
    params = {k: v for k, v in request.query_params.items() if k != "offset" and v}

    def link(o: int) -> str:
        return "?" + urlencode({**params, **({"offset": str(o)} if o else {})})

    return {
        "prev": link(max(0, offset - size)) if offset > 0 else None,
        "next": link(offset + size) if count >= size else None,
    }


@router.get("/")
def search(request: Request, ctx: Ctx, store: ReadStore) -> Response:
    f = Filters.of(request, ("q", "speaker", "country", "kind", "since", "until"))
    q, speaker = f.get("q"), f.get("speaker")
    kind = f.choice("kind", QUOTE_KINDS)
    country = f.code("country")
    since, until = f.date("since"), f.date("until")
    offset = f.offset()
    quotes = queries.quotes(
        store,
        about=q,
        speaker=speaker,
        country=country,
        kind=kind,
        since=since,
        until=until,
        limit=PAGE_SIZE,
        offset=offset,
    )
    quote_only = bool(speaker or country or kind)
    articles = (
        []
        if quote_only
        else queries.documents(store, about=q, since=since, until=until, limit=10, offset=0)
    )
    for a in articles:
        a["pieces"] = render.snippet_pieces(a.pop("snippet"))
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
            "searching": searching,
            "countries": data.countries(store),
            "kinds": QUOTE_KINDS,
            "links": page_links(request, offset, len(quotes)),
            "offset": offset,
            "stats": None if searching else store.counts(),
        },
    )


@router.get("/articles/{doc_id:path}")
def article(request: Request, doc_id: str, ctx: Ctx, store: ReadStore) -> Response:
    analysis = queries.show(store, doc_id)
    art = analysis.article
    global_ids = data.doc_actor_ids(store, doc_id)
    hrefs = {local: urls.actor(gid) for local, gid in global_ids.items()}
    quotes = queries.quotes(store, doc_id=doc_id, limit=queries.MAX_LIMIT)
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


@router.get("/actors")
def actor_list(request: Request, ctx: Ctx, store: ReadStore) -> Response:
    f = Filters.of(request, ("q", "country", "kind"))
    offset = f.offset()
    rows = queries.actors(
        store,
        query=f.get("q"),
        country=f.code("country"),
        kind=f.choice("kind", ACTOR_KINDS),
        limit=PAGE_SIZE,
        offset=offset,
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
            "links": page_links(request, offset, len(rows)),
        },
    )


@router.get("/actors/{actor}")
def actor(request: Request, actor: str, ctx: Ctx, store: ReadStore) -> Response:
    info = queries.actor(store, actor[:MAX_ACTOR_REF], limit=50)
    return html_response(ctx, request, "actor.html", {"a": info})


@router.get("/relations")
def relations(request: Request, ctx: Ctx, store: ReadStore) -> Response:
    f = Filters.of(request, ("a", "b", "by", "since", "until"))
    a, b = f.code("a"), f.code("b")
    by = f.choice("by", PERIODS) or "month"
    since, until = f.date("since"), f.date("until")
    offset = f.offset()
    chart: render.Chart | None = None
    events: list[dict[str, Any]] = []
    series: list[dict[str, Any]] = []
    if a and b:
        series = data.dyad_series(store, a, b, by=by, since=since, until=until)
        chart = render.relations_chart(series) if series else None
        events = queries.events(
            store, between=(a, b), since=since, until=until, limit=PAGE_SIZE, offset=offset
        )
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
            "links": page_links(request, offset, len(events)),
        },
    )


@router.get("/network")
def network(request: Request, ctx: Ctx, store: ReadStore) -> Response:
    f = Filters.of(request, ("since", "until"))
    since, until = f.date("since"), f.date("until")
    graph = data.network(store, since=since, until=until)
    return html_response(
        ctx,
        request,
        "network.html",
        {
            "f": f.values,
            "problems": f.problems,
            "graph": render.network_layout(graph),
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
            "description": op.get("description", ""),
        }
        for path, ops in schema["paths"].items()
        for method, op in ops.items()
    ]
    return html_response(ctx, request, "api.html", {"endpoints": endpoints})
