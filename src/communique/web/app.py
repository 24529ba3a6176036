"""The web application: HTML pages and a JSON API over a Communiqué store.

``create_app`` builds everything (templates, the lazily built analyzer, the lock that
serialises writes) into a ``WebContext`` kept on the returned application, and includes the
routers of ``web.api``, ``web.pages``, ``web.feeds`` and ``web.exports``, whose views receive
that context as a dependency; nothing is shared at module level, so two apps over two databases can run in one
process.

The app only reads, through a read-only ``Store`` opened per request, except
``POST /api/articles``, which is off unless the app was given a ``token`` and then requires
``Authorization: Bearer <token>``; it analyses the document and writes it through a separate,
writable ``Store``.

Errors become pages (or JSON under ``/api``), never tracebacks: an unknown id is a 404, a
missing or unreadable database a 503 that says how to create one, a request body over
``MAX_BODY_BYTES`` a 413.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Awaitable, Callable, MutableMapping
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exception_handlers import request_validation_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match, Mount

from ..errors import NotFound, StoreError
from ..settings import Settings
from . import api, curation, exports, feeds, pages
from .context import (
    MAX_BODY_BYTES,
    STATIC,
    AnalyzerLike,
    WebContext,
    default_analyzer_factory,
    get_context,
    html_response,
    make_templates,
)

__all__ = ["create_app", "MAX_BODY_BYTES", "AnalyzerLike"]

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (
        b"content-security-policy",
        b"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        b"object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
    ),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
    (b"x-frame-options", b"DENY"),
)


class Guard:
    """ASGI middleware: caps request bodies at ``max_bytes`` (413 before the app runs, whether
    the size is announced or streamed) and adds security headers to every response."""

    def __init__(self, app: ASGIApp, max_bytes: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = [
                    *message.get("headers", []),
                    *(h for h in SECURITY_HEADERS if h[0] not in names),
                ]
            await send(message)

        if scope.get("method") not in ("POST", "PUT", "PATCH"):
            await self.app(scope, receive, send_with_headers)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if (  # ASCII digits (bytes); more than 18 of them is over any limit
            declared is not None
            and declared.isdigit()
            and (len(declared) > 18 or int(declared) > self.max_bytes)
        ):
            await self._too_large(send_with_headers)
            return
        chunks: list[bytes] = []
        size = 0
        more = True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_bytes:
                await self._too_large(send_with_headers)
                return
            chunks.append(chunk)
            more = bool(message.get("more_body"))
        body = b"".join(chunks)
        sent = False

        async def replay() -> Message:
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send_with_headers)

    async def _too_large(self, send: Send) -> None:
        payload = json.dumps(
            {"detail": f"request body is over the {self.max_bytes:,}-byte limit"}
        ).encode()
        await send(
            {
                "type": "http.response.start",
                "status": 413,
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"content-length", str(len(payload)).encode()),
                ],
            }
        )
        await send({"type": "http.response.body", "body": payload})


def create_app(
    db_path: str,
    *,
    token: str | None = None,
    settings: Settings | None = None,
    analyzer_factory: Callable[[], AnalyzerLike] | None = None,
) -> FastAPI:
    """The web application over the database at ``db_path``.

    ``token`` enables ``POST /api/articles`` (bearer authentication); ``settings`` configure the
    analyzer it builds; ``analyzer_factory`` replaces that analyzer (tests inject a cheap one).
    The analyzer is built on the first POST, once per app.
    """
    settings = settings or Settings()
    ctx = WebContext(
        db_path=str(db_path),
        settings=settings,
        token=token or None,
        analyzer_factory=analyzer_factory or default_analyzer_factory(settings),
        templates=make_templates(),
    )
    app = FastAPI(
        title="Communiqué",
        summary="Who said what, and who did what to whom, in the news.",
        version=_version(),
        docs_url=None,
        redoc_url=None,  # their pages load scripts from a CDN
        openapi_url="/api/openapi.json",
    )
    app.state.ctx = ctx
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.include_router(api.router)
    app.include_router(curation.router)
    app.include_router(pages.router)
    app.include_router(feeds.router)
    app.include_router(exports.router)
    app.add_exception_handler(StarletteHTTPException, on_http)
    app.add_exception_handler(RequestValidationError, on_validation)
    app.add_exception_handler(NotFound, on_not_found)
    app.add_exception_handler(StoreError, on_store)
    app.add_exception_handler(sqlite3.Error, on_sqlite)
    app.add_exception_handler(Exception, on_error)
    app.add_middleware(Guard, max_bytes=ctx.max_body_bytes)
    return app


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("communique")
    except PackageNotFoundError:
        return "0"


# --- errors: JSON under /api, pages elsewhere -----------------------------------------------
def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api")


def error_response(
    request: Request, status: int, title: str, message: str, headers: dict[str, str] | None = None
) -> Response:
    """``{"detail": message}`` under ``/api``, else the error page."""
    if _wants_json(request):
        return JSONResponse({"detail": message}, status_code=status, headers=headers)
    return html_response(
        get_context(request),
        request,
        "error.html",
        {"status": status, "title": title, "message": message},
        status_code=status,
        headers=headers,
    )


METHODS = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE")


def allowed_methods(request: Request, exc: StarletteHTTPException) -> list[str]:
    """Every method answered at the request's path, with ``OPTIONS``; empty when none is.

    Starlette's 405 names only the methods of the first route matching the path, but
    ``/api/articles`` is two routes (``GET`` and ``POST``): each method is tried against
    every route (through the public ``BaseRoute.matches``), mounts excepted (they answer their
    own 405, whose ``Allow`` is kept)."""
    methods = {m.strip() for m in (exc.headers or {}).get("Allow", "").split(",") if m.strip()}
    for method in METHODS:
        probe = {
            "type": "http",
            "method": method,
            "path": request.scope["path"],
            "root_path": request.scope.get("root_path", ""),
            "headers": [],
        }
        if any(
            not isinstance(route, Mount) and route.matches(probe)[0] == Match.FULL
            for route in request.app.router.routes
        ):
            methods.add(method)
    return sorted(methods | {"OPTIONS"}) if methods else []


async def on_http(request: Request, exc: Exception) -> Response:
    if not isinstance(exc, StarletteHTTPException):  # registered for it; for mypy
        raise exc
    titles = {
        400: "Bad request",
        401: "Not authorised",
        403: "Forbidden",
        404: "Not found",
        405: "Method not allowed",
        422: "Bad request",
    }
    detail = exc.detail if isinstance(exc.detail, str) else json.dumps(exc.detail)
    if exc.status_code == 404 and detail == "Not Found":
        detail = f"There is no page at {request.url.path}."
    headers = dict(getattr(exc, "headers", None) or {})
    if exc.status_code == 405 and (methods := allowed_methods(request, exc)):
        headers["Allow"] = ", ".join(methods)
        if request.method == "OPTIONS":  # the answer to OPTIONS is the list of methods
            return Response(status_code=204, headers=headers)
        detail = f"{request.method} is not allowed at {request.url.path}; use {headers['Allow']}."
    return error_response(
        request, exc.status_code, titles.get(exc.status_code, "Error"), detail, headers or None
    )


async def on_validation(request: Request, exc: Exception) -> Response:
    if not isinstance(exc, RequestValidationError):  # registered for it; for mypy
        raise exc
    if _wants_json(request):
        return await request_validation_exception_handler(request, exc)
    problems = "; ".join(
        f"{'.'.join(str(x) for x in e['loc'][1:])}: {e['msg']}" for e in exc.errors()
    )
    return error_response(request, 400, "Bad request", problems)


async def on_not_found(request: Request, exc: Exception) -> Response:
    return error_response(request, 404, "Not found", str(exc))


async def on_store(request: Request, exc: Exception) -> Response:
    db_path = get_context(request).db_path
    message = str(exc)
    if not Path(db_path).exists():
        message = (
            f"There is no database at {db_path}. Create it with "
            f"`communique ingest FILES --db {db_path}` (or `make demo`), "
            "then reload this page."
        )
    return error_response(request, 503, "Database unavailable", message)


async def on_sqlite(request: Request, exc: Exception) -> Response:
    db_path = get_context(request).db_path
    return error_response(
        request,
        503,
        "Database unavailable",
        f"The database at {db_path} cannot be read ({exc}). Is it a "
        "Communiqué database? `communique ingest FILES --db FILE` creates one.",
    )


async def on_error(request: Request, exc: Exception) -> Response:
    return error_response(
        request,
        500,
        "Internal error",
        "Something went wrong while building this page; the server log has details.",
    )
