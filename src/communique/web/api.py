"""The JSON API under ``/api``: thin wrappers over ``store.queries`` and ``web.data``.

Listings are paginated with ``limit`` (capped at ``store.MAX_LIMIT``) and ``offset``
and answer a ``Page``: ``items``, ``limit``, ``offset`` and ``next_offset``.
"""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Header, HTTPException, Query, Request
from fastapi.responses import JSONResponse
from pydantic import ValidationError
from starlette.concurrency import run_in_threadpool

from ..records import ACTOR_KINDS, MAX_LIMIT, ActorKind
from ..sources.jsonl import document_from_object
from ..store import facets, queries
from . import data, render
from .context import Ctx, ReadStore, check_token, urls
from .models import (
    ActorDetail,
    ActorRow,
    ArticleIn,
    DocumentRow,
    Dyad,
    EventRow,
    Facets,
    IngestResult,
    Network,
    Page,
    QuoteRow,
)
from .network import LINK_KINDS, MAX_NETWORK_NODES, LinkKind, NetworkFilter, network
from .params import (
    ActorFacetQuery,
    ActorListing,
    ActorRef,
    ArticleFacetQuery,
    ArticleListing,
    CodeInPath,
    Country,
    DetailLimit,
    DyadQuery,
    EventListing,
    MaxNodes,
    MinWeight,
    Paging,
    QuoteFacetQuery,
    QuoteListing,
    Since,
    Until,
)

router = APIRouter(prefix="/api", tags=["api"])


def page(items: list[dict[str, Any]], paging: Paging) -> dict[str, Any]:
    """A ``Page`` of ``items``: the limit in force and the offset of the next page, if any."""
    limit, offset = min(paging.limit, MAX_LIMIT), paging.offset
    return {
        "items": items,
        "limit": limit,
        "offset": offset,
        "next_offset": offset + limit if len(items) >= limit else None,
    }


@router.get("/quotes", response_model=Page[QuoteRow], summary="Search quotes")
def list_quotes(store: ReadStore, query: Annotated[QuoteListing, Query()]) -> dict[str, Any]:
    """Quotes, newest first: full-text ``q`` over quote text and speaker, filtered by
    speaker name, speaker's country, kind, date range, confidence and the article's outlet,
    topic and month; each once per story (``reports`` copies) unless ``per_article``."""
    rows = queries.quotes(
        store,
        per_article=query.per_article,
        limit=query.limit,
        offset=query.offset,
        **query.filters(),
    )
    return page(rows, query)


@router.get("/facets/quotes", response_model=Facets, summary="Quote counts by facet")
def quote_facets(store: ReadStore, query: Annotated[QuoteFacetQuery, Query()]) -> dict[str, Any]:
    """The quotes ``/api/quotes`` lists with the same filters, counted by outlet, speaker,
    country, kind, topic and month: each value's ``count`` is the total a filter by it
    lists (once per story unless ``per_article``); ``missing`` counts rows without a value."""
    found = facets.quote_facets(
        store, limit=query.limit, per_article=query.per_article, **query.filters()
    )
    return {"facets": found}


@router.get("/actors", response_model=Page[ActorRow], summary="List actors")
def list_actors(store: ReadStore, query: Annotated[ActorListing, Query()]) -> dict[str, Any]:
    """Cross-article actors, most quoted first; ``q`` matches names and aliases; ``outlet``,
    ``topic`` and ``month`` keep the actors seen in such an article; named actors only unless
    ``descriptions`` (a description, "officials", is an actor of its article)."""
    rows = queries.actors(store, limit=query.limit, offset=query.offset, **query.filters())
    return page(rows, query)


@router.get("/facets/actors", response_model=Facets, summary="Actor counts by facet")
def actor_facets(store: ReadStore, query: Annotated[ActorFacetQuery, Query()]) -> dict[str, Any]:
    """The actors ``/api/actors`` lists with the same filters (named actors only unless
    ``descriptions``), counted by kind, country, outlet, topic and month; by outlet, topic
    and month an actor counts under each value of the articles it is seen in."""
    found = facets.actor_facets(store, limit=query.limit, **query.filters())
    return {"facets": found}


@router.get(
    "/actors/{actor}",
    response_model=ActorDetail,
    summary="One actor",
    responses={404: {"description": "no such actor"}},
)
def get_actor(actor: ActorRef, store: ReadStore, limit: DetailLimit = 20) -> dict[str, Any]:
    """An actor by id (or name/alias): aliases, roles over time, quotes, events and the
    actors seen most often in the same articles."""
    return queries.actor(store, actor, limit=limit)


@router.get("/articles", response_model=Page[DocumentRow], summary="Search articles")
def list_articles(store: ReadStore, query: Annotated[ArticleListing, Query()]) -> dict[str, Any]:
    """Articles, newest first; ``q`` searches titles and text (FTS5); ``actor_id`` keeps the
    articles naming that actor."""
    rows = queries.documents(store, limit=query.limit, offset=query.offset, **query.filters())
    for r in rows:
        r["snippet"] = render.plain_snippet(r["snippet"])
    return page(rows, query)


@router.get("/facets/articles", response_model=Facets, summary="Article counts by facet")
def article_facets(
    store: ReadStore, query: Annotated[ArticleFacetQuery, Query()]
) -> dict[str, Any]:
    """The articles ``/api/articles`` lists with the same filters, counted by outlet, topic
    and month, each value with the articles' mean ``tone``: with ``month`` facets and a high
    ``limit``, volume and tone over time."""
    found = facets.document_facets(store, limit=query.limit, **query.filters())
    return {"facets": found}


@router.get(
    "/articles/{doc_id:path}",
    summary="One article's analysis record",
    responses={404: {"description": "no such article"}},
)
def get_article(doc_id: str, store: ReadStore) -> dict[str, Any]:
    """The stored analysis record of an article (the ``communique analyze`` contract)."""
    return queries.show(store, doc_id).to_dict()


@router.post(
    "/articles",
    response_model=IngestResult,
    status_code=201,
    summary="Analyse and store an article (needs the server token)",
    responses={
        200: {"description": "already stored, or replaced, or skipped"},
        401: {"description": "missing or wrong bearer token"},
        403: {"description": "ingest is off: the server has no token"},
        413: {"description": "body over the size limit"},
        422: {"description": "invalid document"},
    },
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": ArticleIn.model_json_schema()}},
        }
    },
)
async def post_article(
    request: Request, ctx: Ctx, authorization: Annotated[str | None, Header()] = None
) -> Any:
    """Ingest one document (a JSON Lines input line: ``id``, ``text`` or ``html``,
    ``title``, ``date``, ``url``, ``outlet``; see the body schema). Off unless the server was started with a
    token; then requires ``Authorization: Bearer <token>``."""
    check_token(
        ctx,
        authorization,
        off="ingest over HTTP is off: start the server with --token "
        "(or COMMUNIQUE_TOKEN) to enable POST /api/articles",
        needs="POST /api/articles",
    )
    obj = read_json(await request.body())
    if not isinstance(obj, dict):
        raise HTTPException(422, f"the body must be a JSON object, not a {type(obj).__name__}")
    try:
        article = ArticleIn.model_validate(obj)
    except ValidationError as e:
        first = e.errors()[0]
        where = ".".join(str(x) for x in first["loc"])
        raise HTTPException(
            422, f"the body is not a document: {where + ': ' if where else ''}{first['msg']}"
        ) from e
    document = document_from_object(article.model_dump(), source="api")
    if document.skipped:  # ArticleIn checks the same rules; kept as a second line of defence
        raise HTTPException(422, f"cannot ingest this document: {document.skipped}")
    analysis, result = await run_in_threadpool(ctx.ingest, document)
    status = (
        "added"
        if result.added
        else "replaced"
        if result.replaced
        else "skipped"
        if result.skipped
        else "unchanged"
    )
    body = {
        "id": analysis.article.id,
        "status": status,
        "skipped": analysis.skipped,
        "actors": len(analysis.actors),
        "quotes": len(analysis.quotes),
        "events": len(analysis.events),
        "url": None if analysis.skipped else urls.article(analysis.article.id),
    }
    return JSONResponse(body, status_code=201 if status == "added" else 200)


def read_json(body: bytes) -> Any:
    """``body`` as JSON (UTF-8, RFC 8259), or ``HTTPException`` 422 with a one-line reason:
    not UTF-8, not JSON, ``NaN`` or ``Infinity``, a number too long to read, or nesting too deep
    for the parser. Lone surrogates (``"\\ud83d"``) parse; ``ArticleIn`` refuses them."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as e:
        raise HTTPException(
            422, f"the body is not UTF-8 text (byte {e.start} is 0x{body[e.start]:02x})"
        ) from None
    try:
        return json.loads(text, parse_int=_json_int, parse_constant=_json_constant)
    except json.JSONDecodeError as e:
        raise HTTPException(
            422, f"the body is not JSON: {e.msg} at line {e.lineno} column {e.colno}"
        ) from None
    except RecursionError:
        raise HTTPException(
            422, "the body is not JSON this server reads: nested too deeply"
        ) from None
    except ValueError as e:
        raise HTTPException(422, f"the body is not JSON this server reads: {e}") from None


MAX_JSON_DIGITS = 100
"""Longest integer read from a request body (no field of a document is a number)."""


def _json_int(literal: str) -> int:
    """A JSON integer, refused (``ValueError``) past ``MAX_JSON_DIGITS`` before ``int`` reads it
    (``int`` refuses 4,300 digits, and is slow well before)."""
    digits = len(literal.lstrip("-"))
    if digits > MAX_JSON_DIGITS:
        raise ValueError(f"an integer of {digits:,} digits (at most {MAX_JSON_DIGITS})")
    return int(literal)


def _json_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


@router.get("/events", response_model=Page[EventRow], summary="Search events")
def list_events(store: ReadStore, query: Annotated[EventListing, Query()]) -> dict[str, Any]:
    """Events, newest first, by source/target code prefix, CAMEO code prefix, dates and
    confidence; each once per story (``reports`` copies) unless ``per_article``."""
    rows = queries.events(
        store,
        per_article=query.per_article,
        limit=query.limit,
        offset=query.offset,
        **query.filters(),
    )
    return page(rows, query)


@router.get("/dyads/{a}/{b}", response_model=Dyad, summary="Events between two actors over time")
def get_dyad(
    a: CodeInPath, b: CodeInPath, store: ReadStore, query: Annotated[DyadQuery, Query()]
) -> dict[str, Any]:
    """Events between two countries (or actor-code prefixes), both directions: counts per
    quad class and mean Goldstein per period, and the events themselves; each event once per
    story unless ``per_article``."""
    since, until, per_article = query.since, query.until, query.per_article
    series = data.dyad_series(
        store, a, b, by=query.by, since=since, until=until, per_article=per_article
    )
    rows = queries.events(
        store,
        between=(a, b),
        since=since,
        until=until,
        per_article=per_article,
        limit=query.limit,
        offset=query.offset,
    )
    return {
        "a": a.upper(),
        "b": b.upper(),
        "by": query.by,
        "series": series,
        "events": page(rows, query),
    }


@router.get("/network", response_model=Network, summary="Actor network")
def get_network(
    store: ReadStore,
    since: Since = None,
    until: Until = None,
    kind: Annotated[
        list[ActorKind] | None, Query(description="actor kinds drawn (repeat for several)")
    ] = None,
    country: Country = None,
    min_weight: MinWeight = 1,
    links: Annotated[
        list[LinkKind] | None, Query(description="kinds of links (repeat for several)")
    ] = None,
    descriptions: Annotated[
        bool, Query(description='descriptions ("officials") as nodes too')
    ] = False,
    max_nodes: MaxNodes = MAX_NETWORK_NODES,
) -> dict[str, Any]:
    """Actors as nodes, heaviest first; events, quotes and shared articles as edges. Only
    named actors unless ``descriptions``; rows that are one actor ("LSE", "London Stock
    Exchange") are one node (``merged``). ``country`` keeps links with an actor of that
    country at one end at least; ``min_weight`` drops lighter links."""
    return network(
        store,
        NetworkFilter(
            since=since,
            until=until,
            kinds=tuple(k for k in ACTOR_KINDS if k in (kind or ())),
            country=country.upper() if country else None,
            min_weight=min_weight,
            links=tuple(k for k in LINK_KINDS if k in (links or LINK_KINDS)),
            descriptions=descriptions,
            max_nodes=max_nodes,
        ),
    )


@router.get("/stats", summary="Counts")
def get_stats(store: ReadStore) -> dict[str, Any]:
    """Row counts, top speakers, skip reasons and the commonest event roots."""
    return queries.stats(store)
