"""Fetching an http(s) URL named on the command line.

The fetcher is a seam: ``read_url`` takes any object with a ``fetch(url) -> FetchResult``
method, so tests serve pages from 127.0.0.1 or from memory and never touch the internet.
``UrllibFetcher`` enforces the timeout, the response-size cap and the redirect cap of the
settings and raises ``FetchError`` with a one-line reason on any failure.
"""

from __future__ import annotations

import urllib.error
import urllib.request
from dataclasses import dataclass
from typing import Protocol

from ..errors import FetchError
from ..records import Document
from ..settings import Settings
from .files import document_from_bytes


@dataclass(frozen=True)
class FetchResult:
    url: str
    """The final URL after redirects."""
    content: bytes
    content_type: str


class Fetcher(Protocol):
    def fetch(self, url: str) -> FetchResult: ...


def _capped_redirects(limit: int) -> urllib.request.HTTPRedirectHandler:
    class CappedRedirects(urllib.request.HTTPRedirectHandler):
        max_redirections = limit
        max_repeats = limit

    return CappedRedirects()


class UrllibFetcher:
    """Fetches with the standard library, within the caps of ``settings``."""

    def __init__(self, settings: Settings) -> None:
        self.timeout = settings.fetch_timeout
        self.max_bytes = settings.fetch_max_bytes
        self.max_redirects = settings.fetch_max_redirects
        self.opener = urllib.request.build_opener(_capped_redirects(settings.fetch_max_redirects))

    def fetch(self, url: str) -> FetchResult:
        request = urllib.request.Request(url, headers={"User-Agent": "communique/0.1"})
        try:
            with self.opener.open(request, timeout=self.timeout) as response:
                declared = response.headers.get("Content-Length")
                if declared and declared.isdigit() and int(declared) > self.max_bytes:
                    raise FetchError(
                        f"{url}: response is {int(declared):,} bytes, over the {self.max_bytes:,}-byte cap"
                    )
                content = response.read(self.max_bytes + 1)
                if len(content) > self.max_bytes:
                    raise FetchError(f"{url}: response is over the {self.max_bytes:,}-byte cap")
                return FetchResult(
                    response.geturl(), content, response.headers.get("Content-Type", "")
                )
        except urllib.error.HTTPError as e:
            if e.code in (301, 302, 303, 307, 308):
                raise FetchError(
                    f"{url}: too many redirects (more than {self.max_redirects})"
                ) from e
            raise FetchError(f"{url}: HTTP {e.code} {e.reason}") from e
        except urllib.error.URLError as e:
            raise FetchError(f"{url}: cannot fetch ({e.reason})") from e
        except TimeoutError as e:
            raise FetchError(f"{url}: no answer within {self.timeout:g} s") from e


def read_url(url: str, fetcher: Fetcher, settings: Settings) -> Document:
    result = fetcher.fetch(url)
    ctype = result.content_type.lower()
    html: bool | None = None
    if "html" in ctype or "xml" in ctype:
        html = True
    elif ctype.startswith("text/plain"):
        html = False
    elif ctype and not ctype.startswith("text/"):
        return Document(
            source=url,
            id=url,
            url=result.url,
            skipped=f"content type {ctype!r} is not text or HTML",
        )
    return document_from_bytes(result.content, url, settings, html=html, id=url, url=result.url)
