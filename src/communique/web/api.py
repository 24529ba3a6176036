"""The JSON API under ``/api``: thin wrappers over ``store.queries`` and ``web.data``.

Listings are paginated with ``limit`` (capped at ``store.queries.MAX_LIMIT``) and ``offset``
and answer a ``Page``: ``items``, ``limit``, ``offset`` and ``next_offset``.
"""

from __future__ import annotations

import hmac
import json
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Header, HTTPException, Path, Query, Request
from fastapi.responses import JSONResponse
from pydantic import ValidationError

from ..sources.jsonl import document_from_object
from ..store import queries
from ..store.db import Store
from . import data
from .app import WebContext, article_url
from .models import (
    ActorDetail,
    ActorRow,
    ArticleIn,
    DocumentRow,
    Dyad,
    EventRow,
    IngestResult,
    Network,
    Page,
    QuoteRow,
)

DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
CODE = r"^[A-Za-z0-9]{1,20}$"
MAX_OFFSET = 10_000_000

Limit = Annotated[int, Query(ge=1, description=f"page size, capped at {queries.MAX_LIMIT}")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET)]
Since = Annotated[str | None, Query(pattern=DATE, description="first date, YYYY[-MM[-DD]]")]
Until = Annotated[str | None, Query(pattern=DATE, description="last date, YYYY[-MM[-DD]]")]
Country = Annotated[str | None, Query(pattern=r"^[A-Za-z]{3}$", description="ISO 3166 alpha-3")]
Words = Annotated[str | None, Query(max_length=500, description="words, all required (full-text)")]


def page(items: list[dict[str, Any]], limit: int, offset: int) -> dict[str, Any]:
    limit = min(limit, queries.MAX_LIMIT)
    return {"items": items, "limit": limit, "offset": offset,
            "next_offset": offset + limit if len(items) >= limit else None}


def router(ctx: WebContext) -> APIRouter:
    api = APIRouter(prefix="/api", tags=["api"])
    store_dep = Depends(ctx.open_store)

    @api.get("/quotes", response_model=Page[QuoteRow], summary="Search quotes")
    def list_quotes(store: Store = store_dep, q: Words = None,
                    speaker: Annotated[str | None, Query(max_length=200)] = None,
                    country: Country = None,
                    kind: Literal["direct", "mixed", "indirect"] | None = None,
                    since: Since = None, until: Until = None, actor_id: int | None = None,
                    doc_id: Annotated[str | None, Query(max_length=1000)] = None,
                    limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
        """Quotes, newest first: full-text ``q`` over quote text and speaker, filtered by
        speaker name, speaker's country, kind and date range."""
        rows = queries.quotes(store, about=q, speaker=speaker, country=country, kind=kind,
                              since=since, until=until, actor_id=actor_id, doc_id=doc_id,
                              limit=limit, offset=offset)
        return page(rows, limit, offset)

    @api.get("/actors", response_model=Page[ActorRow], summary="List actors")
    def list_actors(store: Store = store_dep, q: Annotated[str | None, Query(max_length=200)] = None,
                    country: Country = None,
                    kind: Literal["person", "organization", "country", "group"] | None = None,
                    limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
        """Cross-article actors, most quoted first; ``q`` matches names and aliases."""
        rows = queries.actors(store, query=q, country=country, kind=kind, limit=limit, offset=offset)
        return page(rows, limit, offset)

    @api.get("/actors/{actor}", response_model=ActorDetail, summary="One actor",
             responses={404: {"description": "no such actor"}})
    def get_actor(actor: Annotated[str, Path(max_length=300)],
                  limit: Annotated[int, Query(ge=1, le=queries.MAX_LIMIT)] = 20,
                  store: Store = store_dep) -> dict[str, Any]:
        """An actor by id (or name/alias): aliases, roles over time, quotes, events and the
        actors seen most often in the same articles."""
        return queries.actor(store, actor, limit=limit)

    @api.get("/articles", response_model=Page[DocumentRow], summary="Search articles")
    def list_articles(store: Store = store_dep, q: Words = None, since: Since = None, until: Until = None,
                      limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
        """Articles, newest first; ``q`` searches titles and text (FTS5)."""
        rows = queries.documents(store, about=q, since=since, until=until, limit=limit, offset=offset)
        for r in rows:
            if r["snippet"] is not None:
                r["snippet"] = r["snippet"].replace(data.SNIPPET_OPEN, "").replace(data.SNIPPET_CLOSE, "")
        return page(rows, limit, offset)

    @api.get("/articles/{doc_id:path}", summary="One article's analysis record",
             responses={404: {"description": "no such article"}})
    def get_article(doc_id: str, store: Store = store_dep) -> dict[str, Any]:
        """The stored analysis record of an article (the ``communique analyze`` contract)."""
        return queries.show(store, doc_id).to_dict()

    @api.post("/articles", response_model=IngestResult, status_code=201,
              summary="Analyse and store an article (needs the server token)",
              responses={200: {"description": "already stored, or replaced, or skipped"},
                         401: {"description": "missing or wrong bearer token"},
                         403: {"description": "ingest is off: the server has no token"},
                         413: {"description": "body over the size limit"},
                         422: {"description": "invalid document"}},
              openapi_extra={"requestBody": {"required": True, "content": {
                  "application/json": {"schema": ArticleIn.model_json_schema()}}}})
    async def post_article(request: Request,
                           authorization: Annotated[str | None, Header()] = None) -> Any:
        """Ingest one document (a JSON Lines input line: ``id``, ``text`` or ``html``,
        ``title``, ``date``, ``url``, ``outlet``). Off unless the server was started with a
        token; then requires ``Authorization: Bearer <token>``."""
        if ctx.token is None:
            raise HTTPException(403, "ingest over HTTP is off: start the server with --token "
                                     "(or COMMUNIQUE_TOKEN) to enable POST /api/articles")
        scheme, _, given = (authorization or "").partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), ctx.token.encode()):
            raise HTTPException(401, "POST /api/articles needs the header 'Authorization: Bearer <token>' "
                                     "with the server's token", headers={"WWW-Authenticate": "Bearer"})
        try:
            obj = json.loads(await request.body())
        except (json.JSONDecodeError, UnicodeDecodeError) as e:
            raise HTTPException(422, f"the body is not JSON ({e})") from e
        if not isinstance(obj, dict):
            raise HTTPException(422, f"the body must be a JSON object, not a {type(obj).__name__}")
        try:
            ArticleIn.model_validate(obj)
        except ValidationError as e:
            first = e.errors()[0]
            where = ".".join(str(x) for x in first["loc"])
            raise HTTPException(422, f"the body is not a document: {where}: {first['msg']}") from e
        document = document_from_object(obj, source="api")
        if document.skipped:
            raise HTTPException(422, f"cannot ingest this document: {document.skipped}")
        from starlette.concurrency import run_in_threadpool

        analysis, result = await run_in_threadpool(ctx.ingest, document)
        status = ("added" if result.added else "replaced" if result.replaced else
                  "skipped" if result.skipped else "unchanged")
        body = {"id": analysis.article.id, "status": status, "skipped": analysis.skipped,
                "actors": len(analysis.actors), "quotes": len(analysis.quotes),
                "events": len(analysis.events),
                "url": None if analysis.skipped else article_url(analysis.article.id)}
        return JSONResponse(body, status_code=201 if status == "added" else 200)

    @api.get("/events", response_model=Page[EventRow], summary="Search events")
    def list_events(store: Store = store_dep,
                    source: Annotated[str | None, Query(pattern=CODE, description="country or actor-code prefix")] = None,
                    target: Annotated[str | None, Query(pattern=CODE, description="country or actor-code prefix")] = None,
                    code: Annotated[str | None, Query(pattern=r"^\d{1,4}$", description="CAMEO code prefix")] = None,
                    since: Since = None, until: Until = None, actor_id: int | None = None,
                    doc_id: Annotated[str | None, Query(max_length=1000)] = None,
                    limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
        """Events, newest first, by source/target code prefix, CAMEO code prefix, dates."""
        rows = queries.events(store, source=source, target=target, code=code, since=since,
                              until=until, actor_id=actor_id, doc_id=doc_id, limit=limit, offset=offset)
        return page(rows, limit, offset)

    @api.get("/dyads/{a}/{b}", response_model=Dyad, summary="Events between two actors over time")
    def get_dyad(a: Annotated[str, Path(pattern=CODE)], b: Annotated[str, Path(pattern=CODE)],
                 by: Literal["day", "week", "month", "year"] = "month",
                 since: Since = None, until: Until = None,
                 limit: Limit = 50, offset: Offset = 0, store: Store = store_dep) -> dict[str, Any]:
        """Events between two countries (or actor-code prefixes), both directions: counts per
        quad class and mean Goldstein per period, and the events themselves."""
        series = data.dyad_series(store, a, b, by=by, since=since, until=until)
        rows = queries.events(store, between=(a, b), since=since, until=until, limit=limit, offset=offset)
        return {"a": a.upper(), "b": b.upper(), "by": by, "series": series,
                "events": page(rows, limit, offset)}

    @api.get("/network", response_model=Network, summary="Actor network")
    def get_network(store: Store = store_dep, since: Since = None, until: Until = None,
                    max_nodes: Annotated[int, Query(ge=1, le=200)] = data.MAX_NETWORK_NODES) -> dict[str, Any]:
        """Actors as nodes; events and co-occurrence in articles as edges."""
        return data.network(store, since=since, until=until, max_nodes=max_nodes)

    @api.get("/stats", summary="Counts")
    def get_stats(store: Store = store_dep) -> dict[str, Any]:
        """Row counts, top speakers, skip reasons and the commonest event roots."""
        return queries.stats(store)

    return api
