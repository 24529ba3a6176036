"""What every view shares: the per-app ``WebContext``, the URLs of the app's pages, and the
helpers that turn a view's values into a response.

``create_app`` builds one ``WebContext`` and keeps it on ``app.state``; views never import the
app, they ask for the context with the ``Ctx`` dependency (or for a read-only store with
``ReadStore``). Nothing here imports the NLP pipeline: the analyzer behind
``POST /api/articles`` is made by ``analyzer_factory`` on the first POST.
"""

from __future__ import annotations

import hmac
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Protocol
from urllib.parse import quote as url_quote
from urllib.parse import urlencode

import jinja2
from fastapi import Depends, HTTPException, Request
from fastapi.responses import Response
from fastapi.templating import Jinja2Templates

from ..records import Analysis, Document
from ..settings import Settings
from ..store.db import Store, WriteResult

__all__ = [
    "MAX_BODY_BYTES",
    "AnalyzerLike",
    "Ctx",
    "ReadStore",
    "Urls",
    "WebContext",
    "default_analyzer_factory",
    "get_context",
    "html_response",
    "make_templates",
    "open_store",
    "urls",
]

MAX_BODY_BYTES = 2_000_000
"""Largest request body accepted, in bytes; larger bodies get 413."""

HERE = Path(__file__).parent
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"


class AnalyzerLike(Protocol):
    """What ``POST /api/articles`` needs from an analyzer (``communique.analyzer.Analyzer``)."""

    def analyze_one(self, document: Document) -> Analysis: ...


def default_analyzer_factory(settings: Settings) -> Callable[[], AnalyzerLike]:
    """A factory of the real analyzer; spaCy is imported only when it is called."""

    def build() -> AnalyzerLike:
        from ..analyzer import Analyzer

        return Analyzer(settings=settings)

    return build


@dataclass
class WebContext:
    """What the views share, built once per app by ``create_app``."""

    db_path: str
    settings: Settings
    token: str | None
    analyzer_factory: Callable[[], AnalyzerLike]
    templates: Jinja2Templates
    max_body_bytes: int = MAX_BODY_BYTES
    write_lock: threading.Lock = field(default_factory=threading.Lock)
    _analyzer: AnalyzerLike | None = None

    def read_store(self) -> Store:
        """A read-only store; the caller closes it."""
        return Store(self.db_path, readonly=True)

    def ingest(self, document: Document) -> tuple[Analysis, WriteResult]:
        """Analyse ``document`` and write it; one at a time (the pipeline is not shared)."""
        with self.write_lock:
            if self._analyzer is None:
                self._analyzer = self.analyzer_factory()
            analysis = self._analyzer.analyze_one(document)
            with Store(self.db_path) as store:
                result = store.write([analysis])
        return analysis, result


def get_context(request: Request) -> WebContext:
    """The context of the app serving ``request`` (a FastAPI dependency)."""
    ctx: WebContext = request.app.state.ctx
    return ctx


Ctx = Annotated[WebContext, Depends(get_context)]
"""A view parameter receiving the app's ``WebContext``."""


def open_store(ctx: Ctx) -> Iterator[Store]:
    """A read-only store for one request, closed after the response (a FastAPI dependency)."""
    store = ctx.read_store()
    try:
        yield store
    finally:
        store.close()


ReadStore = Annotated[Store, Depends(open_store)]
"""A view parameter receiving a read-only ``Store`` for the request."""


class Urls:
    """The paths of the app's pages, built in one place (templates see it as ``urls``)."""

    @staticmethod
    def article(doc_id: str, anchor: str | None = None) -> str:
        """An article's page (ids may hold ``/``: percent-encoded), optionally at ``anchor``."""
        return "/articles/" + url_quote(str(doc_id), safe="") + (f"#{anchor}" if anchor else "")

    @staticmethod
    def actor(actor_id: int | str) -> str:
        """An actor's page, by id or name."""
        return "/actors/" + url_quote(str(actor_id), safe="")

    @staticmethod
    def api_article(doc_id: str) -> str:
        """An article's analysis record in the JSON API."""
        return "/api/articles/" + url_quote(str(doc_id))

    @staticmethod
    def api_actor(actor_id: int | str) -> str:
        """An actor in the JSON API."""
        return "/api/actors/" + url_quote(str(actor_id))

    @staticmethod
    def export(fmt: str, fields: list[tuple[str, str]]) -> str:
        """A download of the export in format ``fmt`` (``web.exports``) with query ``fields``."""
        return f"/export.{fmt}" + ("?" + urlencode(fields) if fields else "")


urls = Urls()


def make_templates() -> Jinja2Templates:
    """The page templates, autoescaped, with ``urls`` available to every template."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,  # every page: article text is untrusted
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(urls=urls)
    return Jinja2Templates(env=env)


def html_response(
    ctx: WebContext,
    request: Request,
    template: str,
    context: dict[str, Any],
    status_code: int = 200,
    headers: dict[str, str] | None = None,
) -> Response:
    """``template`` rendered with ``context``."""
    return ctx.templates.TemplateResponse(
        request, template, context, status_code=status_code, headers=headers
    )


def check_token(ctx: WebContext, authorization: str | None, off: str, needs: str) -> None:
    """The one check of the write token: 403 (``off``: what is switched off) when the server
    has none, 401 (``needs``: what needs it) without ``Authorization: Bearer <token>``."""
    if ctx.token is None:
        raise HTTPException(403, off)
    scheme, _, given = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(
        given.strip().encode(), ctx.token.encode()
    ):
        raise HTTPException(
            401,
            f"{needs} needs the header 'Authorization: Bearer <token>' with the server's token",
            headers={"WWW-Authenticate": "Bearer"},
        )
