"""The web application: HTML pages and a JSON API over a Communiqué store.

``create_app`` builds everything (templates, routes, the lazily built analyzer, the lock that
serialises writes) inside the returned application; nothing lives at module level, so two
apps over two databases can run in one process.

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
import threading
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol
from urllib.parse import quote as url_quote

import jinja2
from fastapi import FastAPI, Request
from fastapi.exception_handlers import request_validation_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import NotFound, StoreError
from ..records import Analysis, Document
from ..settings import Settings
from ..store.db import Store, WriteResult

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = ["create_app", "MAX_BODY_BYTES", "AnalyzerLike"]

MAX_BODY_BYTES = 2_000_000
"""Largest request body accepted, in bytes; larger bodies get 413."""

HERE = Path(__file__).parent

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy",
     b"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
     b"object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
    (b"x-frame-options", b"DENY"),
)


class AnalyzerLike(Protocol):
    """What ``POST /api/articles`` needs from an analyzer (``communique.analyze.Analyzer``)."""

    def analyze_one(self, document: Document) -> Analysis: ...


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
                message["headers"] = [*message.get("headers", []),
                                      *(h for h in SECURITY_HEADERS if h[0] not in names)]
            await send(message)

        if scope.get("method") not in ("POST", "PUT", "PATCH"):
            await self.app(scope, receive, send_with_headers)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
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
        payload = json.dumps({"detail": f"request body is over the {self.max_bytes:,}-byte limit"}).encode()
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", b"application/json"),
                                (b"content-length", str(len(payload)).encode())]})
        await send({"type": "http.response.body", "body": payload})


@dataclass
class WebContext:
    """What the routes share, built once per app by ``create_app``."""

    db_path: str
    settings: Settings
    token: str | None
    analyzer_factory: Callable[[], AnalyzerLike]
    templates: Jinja2Templates
    max_body_bytes: int = MAX_BODY_BYTES
    write_lock: threading.Lock = field(default_factory=threading.Lock)
    _analyzer: AnalyzerLike | None = None

    def open_store(self) -> Iterator[Store]:
        """A read-only store for one request (a FastAPI dependency)."""
        store = Store(self.db_path, readonly=True)
        try:
            yield store
        finally:
            store.close()

    def ingest(self, document: Document) -> tuple[Analysis, WriteResult]:
        """Analyse ``document`` and write it; one at a time (the pipeline is not shared)."""
        with self.write_lock:
            if self._analyzer is None:
                self._analyzer = self.analyzer_factory()
            analysis = self._analyzer.analyze_one(document)
            with Store(self.db_path) as store:
                result = store.write([analysis])
        return analysis, result


def article_url(doc_id: str, anchor: str | None = None) -> str:
    return "/articles/" + url_quote(str(doc_id), safe="") + (f"#{anchor}" if anchor else "")


def actor_url(actor_id: int | str) -> str:
    return "/actors/" + url_quote(str(actor_id), safe="")


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(HERE / "templates"),
        autoescape=True,  # every page: article text is untrusted
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(article_url=article_url, actor_url=actor_url)
    return env


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api")


def create_app(db_path: str, *, token: str | None = None, settings: Settings | None = None,
               analyzer_factory: Callable[[], AnalyzerLike] | None = None) -> FastAPI:
    """The web application over the database at ``db_path``.

    ``token`` enables ``POST /api/articles`` (bearer authentication); ``settings`` configure the
    analyzer it builds; ``analyzer_factory`` replaces that analyzer (tests inject a cheap one).
    The analyzer is built on the first POST, once per app.
    """
    from . import api, pages

    settings = settings or Settings()

    def default_factory() -> AnalyzerLike:
        from ..analyze import Analyzer

        return Analyzer(settings=settings)

    ctx = WebContext(
        db_path=str(db_path), settings=settings, token=token or None,
        analyzer_factory=analyzer_factory or default_factory,
        templates=Jinja2Templates(env=_environment()),
    )
    app = FastAPI(
        title="Communiqué",
        summary="Who said what, and who did what to whom, in the news.",
        version=_version(),
        docs_url=None, redoc_url=None,  # their pages load scripts from a CDN
        openapi_url="/api/openapi.json",
    )
    app.state.ctx = ctx
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.include_router(api.router(ctx))
    app.include_router(pages.router(ctx))
    _install_error_handlers(app, ctx)
    app.add_middleware(Guard, max_bytes=ctx.max_body_bytes)
    return app


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("communique")
    except PackageNotFoundError:
        return "0"


def _install_error_handlers(app: FastAPI, ctx: WebContext) -> None:
    def error(request: Request, status: int, title: str, message: str,
              headers: dict[str, str] | None = None) -> Response:
        if _wants_json(request):
            return JSONResponse({"detail": message}, status_code=status, headers=headers)
        return ctx.templates.TemplateResponse(
            request, "error.html", {"status": status, "title": title, "message": message},
            status_code=status, headers=headers)

    async def on_http(request: Request, exc: Exception) -> Response:
        if not isinstance(exc, StarletteHTTPException):  # registered for it; for mypy
            raise exc
        titles = {404: "Not found", 401: "Not authorised", 403: "Forbidden", 405: "Method not allowed"}
        detail = exc.detail if isinstance(exc.detail, str) else json.dumps(exc.detail)
        if exc.status_code == 404 and detail == "Not Found":
            detail = f"There is no page at {request.url.path}."
        return error(request, exc.status_code, titles.get(exc.status_code, "Error"), detail,
                     getattr(exc, "headers", None))

    async def on_validation(request: Request, exc: Exception) -> Response:
        if not isinstance(exc, RequestValidationError):  # registered for it; for mypy
            raise exc
        if _wants_json(request):
            return await request_validation_exception_handler(request, exc)
        problems = "; ".join(f"{'.'.join(str(x) for x in e['loc'][1:])}: {e['msg']}" for e in exc.errors())
        return error(request, 400, "Bad request", problems)

    async def on_not_found(request: Request, exc: Exception) -> Response:
        return error(request, 404, "Not found", str(exc))

    async def on_store(request: Request, exc: Exception) -> Response:
        message = str(exc)
        if not Path(ctx.db_path).exists():
            message = (f"There is no database at {ctx.db_path}. Create it with "
                       f"`communique ingest FILES --db {ctx.db_path}` (or `make demo`), "
                       "then reload this page.")
        return error(request, 503, "Database unavailable", message)

    async def on_sqlite(request: Request, exc: Exception) -> Response:
        return error(request, 503, "Database unavailable",
                     f"The database at {ctx.db_path} cannot be read ({exc}). Is it a Communiqué "
                     "database? `communique ingest FILES --db FILE` creates one.")

    async def on_error(request: Request, exc: Exception) -> Response:
        return error(request, 500, "Internal error",
                     "Something went wrong while building this page; the server log has details.")

    app.add_exception_handler(StarletteHTTPException, on_http)
    app.add_exception_handler(RequestValidationError, on_validation)
    app.add_exception_handler(NotFound, on_not_found)
    app.add_exception_handler(StoreError, on_store)
    app.add_exception_handler(sqlite3.Error, on_sqlite)
    app.add_exception_handler(Exception, on_error)


def html_response(ctx: WebContext, request: Request, template: str, context: dict[str, Any],
                  status_code: int = 200) -> Response:
    return ctx.templates.TemplateResponse(request, template, context, status_code=status_code)
