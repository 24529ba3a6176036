"""The HTML pages: search, article, actors, actor, relations, network and an API index.

Form fields arrive as strings (an empty field is absent); ``Filters`` cleans them and collects
readable problems, which the page shows above its results instead of failing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from ..store import queries
from ..store.db import Store
from . import data, render
from .app import WebContext, actor_url, html_response

PAGE_SIZE = 20
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_CODE = re.compile(r"^[A-Za-z0-9]{1,20}$")
KINDS = ("direct", "mixed", "indirect")
ACTOR_KINDS = ("person", "organization", "country", "group")


@dataclass
class Filters:
    """Cleaned form values and the problems found in them."""

    values: dict[str, str]
    problems: list[str] = field(default_factory=list)

    @classmethod
    def of(cls, request: Request, names: tuple[str, ...]) -> Filters:
        values = {n: request.query_params.get(n, "").strip()[:500] for n in names}
        return cls({k: v for k, v in values.items() if v})

    def get(self, name: str) -> str | None:
        return self.values.get(name) or None

    def date(self, name: str) -> str | None:
        value = self.get(name)
        if value and not _DATE.match(value):
            self.problems.append(f"{name}: {value!r} is not a date like 2013-08-09 (ignored)")
            return None
        return value

    def choice(self, name: str, allowed: tuple[str, ...]) -> str | None:
        value = self.get(name)
        if value and value not in allowed:
            self.problems.append(f"{name}: {value!r} is not one of {', '.join(allowed)} (ignored)")
            return None
        return value

    def code(self, name: str) -> str | None:
        value = self.get(name)
        if value and not _CODE.match(value):
            self.problems.append(f"{name}: {value!r} is not a country or actor code like RUS or USAGOV (ignored)")
            return None
        return value.upper() if value else None

    def offset(self, request: Request) -> int:
        raw = request.query_params.get("offset", "0")
        return min(int(raw), 10_000_000) if raw.isdigit() else 0


def page_links(request: Request, offset: int, count: int, size: int = PAGE_SIZE) -> dict[str, str | None]:
    """Previous/next links keeping the current query."""
    params = {k: v for k, v in request.query_params.items() if k != "offset" and v}

    def link(o: int) -> str:
        return "?" + urlencode({**params, **({"offset": str(o)} if o else {})})

    return {"prev": link(max(0, offset - size)) if offset > 0 else None,
            "next": link(offset + size) if count >= size else None}


def snippet_pieces(snippet: str | None) -> list[tuple[str, bool]]:
    """An FTS5 snippet as (text, is_match) pieces, for the template to escape and mark."""
    if not snippet:
        return []
    out: list[tuple[str, bool]] = []
    for part in re.split(f"({data.SNIPPET_OPEN}.*?{data.SNIPPET_CLOSE})", snippet, flags=re.S):
        if part.startswith(data.SNIPPET_OPEN):
            out.append((part.strip(data.SNIPPET_OPEN + data.SNIPPET_CLOSE), True))
        elif part:
            out.append((part.replace(data.SNIPPET_CLOSE, "").replace(data.SNIPPET_OPEN, ""), False))
    return out


def router(ctx: WebContext) -> APIRouter:
    pages = APIRouter(include_in_schema=False)
    store_dep = Depends(ctx.open_store)

    def show(request: Request, template: str, context: dict[str, Any], status: int = 200) -> Response:
        return html_response(ctx, request, template, context, status)

    @pages.get("/")
    def search(request: Request, store: Store = store_dep) -> Response:
        f = Filters.of(request, ("q", "speaker", "country", "kind", "since", "until"))
        q, speaker = f.get("q"), f.get("speaker")
        kind = f.choice("kind", KINDS)
        country = f.code("country")
        since, until = f.date("since"), f.date("until")
        offset = f.offset(request)
        quotes = queries.quotes(store, about=q, speaker=speaker, country=country, kind=kind,
                                since=since, until=until, limit=PAGE_SIZE, offset=offset)
        quote_only = bool(speaker or country or kind)
        articles = [] if quote_only else queries.documents(
            store, about=q, since=since, until=until, limit=10, offset=0)
        for a in articles:
            a["pieces"] = snippet_pieces(a.pop("snippet"))
        searching = bool(f.values)
        return show(request, "search.html", {
            "f": f.values, "problems": f.problems, "quotes": quotes, "articles": articles,
            "searching": searching, "countries": data.countries(store), "kinds": KINDS,
            "links": page_links(request, offset, len(quotes)), "offset": offset,
            "stats": None if searching else store.counts(),
        })

    @pages.get("/articles/{doc_id:path}")
    def article(request: Request, doc_id: str, store: Store = store_dep) -> Response:
        analysis = queries.show(store, doc_id)
        art = analysis.article
        global_ids = data.doc_actor_ids(store, doc_id)
        hrefs = {local: actor_url(gid) for local, gid in global_ids.items()}
        quotes = queries.quotes(store, doc_id=doc_id, limit=queries.MAX_LIMIT)
        quotes.sort(key=lambda r: r["start"])
        events = [e.to_dict() for e in sorted(analysis.events, key=lambda e: (e.start, e.end))]
        for e in events:
            e["source_href"] = hrefs.get(e["source_actor"] or "")
            e["target_href"] = hrefs.get(e["target_actor"] or "")
        actors = [{**a.to_dict(), "href": hrefs.get(a.id)} for a in analysis.actors]
        blocks = render.article_blocks(art.text, list(art.body), quotes, actors, events, hrefs)
        return show(request, "article.html", {
            "art": art, "blocks": blocks, "speakers": render.speakers_of(quotes), "quotes": quotes,
            "actors": sorted(actors, key=lambda a: (-len(a["mentions"]), a["name"])),
            "events": events, "topics": analysis.topics, "tone": analysis.tone,
        })

    @pages.get("/actors")
    def actor_list(request: Request, store: Store = store_dep) -> Response:
        f = Filters.of(request, ("q", "country", "kind"))
        offset = f.offset(request)
        rows = queries.actors(store, query=f.get("q"), country=f.code("country"),
                              kind=f.choice("kind", ACTOR_KINDS), limit=PAGE_SIZE, offset=offset)
        return show(request, "actors.html", {
            "f": f.values, "problems": f.problems, "actors": rows, "kinds": ACTOR_KINDS,
            "countries": data.countries(store), "links": page_links(request, offset, len(rows)),
        })

    @pages.get("/actors/{actor}")
    def actor(request: Request, actor: str, store: Store = store_dep) -> Response:
        info = queries.actor(store, actor[:300], limit=50)
        return show(request, "actor.html", {"a": info})

    @pages.get("/relations")
    def relations(request: Request, store: Store = store_dep) -> Response:
        f = Filters.of(request, ("a", "b", "by", "since", "until"))
        a, b = f.code("a"), f.code("b")
        by = f.choice("by", ("week", "month", "year")) or "month"
        since, until = f.date("since"), f.date("until")
        offset = f.offset(request)
        chart, events, series = None, [], []
        if a and b:
            series = data.dyad_series(store, a, b, by=by, since=since, until=until)
            chart = render.relations_chart(series) if series else None
            events = queries.events(store, between=(a, b), since=since, until=until, limit=PAGE_SIZE, offset=offset)
        elif a or b:
            f.problems.append("pick both sides of the relation")
        return show(request, "relations.html", {
            "f": {**f.values, "by": by}, "problems": f.problems, "a": a, "b": b, "chart": chart,
            "series": series, "events": events, "quads": render.QUAD_CLASSES,
            "countries": data.countries(store), "links": page_links(request, offset, len(events)),
        })

    @pages.get("/network")
    def network(request: Request, store: Store = store_dep) -> Response:
        f = Filters.of(request, ("since", "until"))
        since, until = f.date("since"), f.date("until")
        graph = data.network(store, since=since, until=until)
        return show(request, "network.html", {
            "f": f.values, "problems": f.problems, "graph": render.network_layout(graph),
        })

    @pages.get("/api")
    def api_index(request: Request) -> Response:
        schema = request.app.openapi()
        endpoints = [{"method": method.upper(), "path": path, "summary": op.get("summary", ""),
                      "description": op.get("description", "")}
                     for path, ops in schema["paths"].items() for method, op in ops.items()]
        return show(request, "api.html", {"endpoints": endpoints})

    return pages
