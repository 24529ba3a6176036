"""Polite fetching over http(s) for ``watch``: robots.txt, per-host pacing, retries, caps.

``PoliteFetcher.get(url)`` returns a ``Response`` or raises ``FetchError`` with a one-line
reason; it never raises anything else for a network or server failure, so a failing source is
reported and the others go on. ``PassingFetchError`` marks a failure worth trying again later
(no answer, 429/5xx after the retries), ``StatusError`` a refusal (4xx) with its status. What it does for every request:

- **robots.txt** of the URL's host is read once (a missing one allows everything; one that
  cannot be fetched for a server error disallows the host for this run, as Google does) and
  obeyed for our user agent;
- **pacing**: requests to one host are at least ``fetch_interval`` seconds apart (requests are
  made one at a time, so at most one is open per host);
- **retries**: a 429 or 5xx answer, or a connection error, is tried again up to
  ``fetch_retries`` times, waiting what ``Retry-After`` asks (seconds or an HTTP date) or else
  1, 2, 4 ... seconds; a wait longer than ``fetch_max_wait`` is not made: the URL fails;
- **caps**: ``fetch_timeout`` per request, at most ``fetch_max_redirects`` redirects (a loop
  fails), at most ``fetch_max_bytes`` read (the body is streamed and cut off);
- **conditional GET**: ``get(url, etag=..., last_modified=...)`` sends ``If-None-Match`` and
  ``If-Modified-Since``; a 304 answer comes back as a ``Response`` with ``not_modified``.

The user agent names the project and its version. ``sleep`` and ``clock`` are injectable so
that tests need not wait.
"""

from __future__ import annotations

import email.utils
import time
import urllib.robotparser
from collections.abc import Callable
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from urllib.parse import urlsplit

import httpx

from ..errors import FetchError
from ..settings import Settings

try:
    _VERSION = version("communique")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    _VERSION = "dev"
USER_AGENT = f"communique/{_VERSION} (news analysis; polite crawler; obeys robots.txt)"
"""Sent with every request; robots.txt rules are read for the ``communique`` agent."""
ROBOTS_AGENT = "communique"
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})


class PassingFetchError(FetchError):
    """A failure worth trying again later: no answer, or 429/5xx after the retries, or a
    server asking to wait longer than we do."""


class StatusError(FetchError):
    """An answer with an error status that is not worth retrying (4xx but 429)."""

    def __init__(self, url: str, status: int) -> None:
        super().__init__(f"{url}: HTTP {status}")
        self.status = status


@dataclass(frozen=True)
class Response:
    url: str
    """The final URL after redirects."""
    status: int
    content: bytes
    content_type: str
    etag: str | None = None
    last_modified: str | None = None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


def retry_after(value: str | None, now: float) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (delta seconds or an HTTP date), ``None``
    when absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - now)


class PoliteFetcher:
    """One client for a run of ``watch`` (see the module docstring)."""

    def __init__(
        self,
        settings: Settings | None = None,
        *,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.settings = settings or Settings()
        self.sleep = sleep
        self.clock = clock
        self.client = httpx.Client(
            headers={"User-Agent": USER_AGENT},
            timeout=self.settings.fetch_timeout,
            follow_redirects=True,
            max_redirects=self.settings.fetch_max_redirects,
            transport=transport,
        )
        self._robots: dict[str, urllib.robotparser.RobotFileParser | None] = {}
        self._last: dict[str, float] = {}

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> PoliteFetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ requests
    def get(
        self, url: str, *, etag: str | None = None, last_modified: str | None = None
    ) -> Response:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise FetchError(f"{url}: not an http(s) URL")
        if not self.allowed(url):
            raise FetchError(f"{url}: disallowed by {parts.scheme}://{parts.netloc}/robots.txt")
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        return self._get(url, headers)

    def _get(self, url: str, headers: dict[str, str]) -> Response:
        s = self.settings
        attempt = 0
        while True:
            self._pace(url)
            try:
                response = self._request(url, headers)
            except httpx.TooManyRedirects:
                raise FetchError(
                    f"{url}: more than {s.fetch_max_redirects} redirects (a redirect loop?)"
                ) from None
            except httpx.TimeoutException:
                reason = f"no answer within {s.fetch_timeout:g} s"
                wait = None
            except httpx.HTTPError as e:
                reason = f"{type(e).__name__}: {str(e)[:120]}"
                wait = None
            else:
                if response.status not in RETRY_STATUSES:
                    if response.status >= 400:
                        raise StatusError(url, response.status)
                    return response.response
                reason = f"HTTP {response.status}"
                wait = retry_after(response.retry_after, time.time())
            if attempt >= s.fetch_retries:
                raise PassingFetchError(f"{url}: {reason}, after {attempt + 1} attempt(s)")
            delay = wait if wait is not None else float(2**attempt)
            if delay > s.fetch_max_wait:
                raise PassingFetchError(
                    f"{url}: {reason}, and the server asks to wait {delay:g} s "
                    f"(more than COMMUNIQUE_FETCH_MAX_WAIT, {s.fetch_max_wait:g} s)"
                )
            self.sleep(delay)
            attempt += 1

    def _request(self, url: str, headers: dict[str, str]) -> _Answer:
        cap = self.settings.fetch_max_bytes
        with self.client.stream("GET", url, headers=headers) as r:
            declared = r.headers.get("Content-Length", "")
            if declared.isdigit() and int(declared) > cap:
                raise FetchError(
                    f"{url}: the response is {int(declared):,} bytes, over {cap:,} bytes"
                )
            body = bytearray()
            for chunk in r.iter_bytes():
                body.extend(chunk)
                if len(body) > cap:
                    raise FetchError(f"{url}: the response is over {cap:,} bytes")
            return _Answer(
                Response(
                    url=str(r.url),
                    status=r.status_code,
                    content=bytes(body),
                    content_type=r.headers.get("Content-Type", ""),
                    etag=r.headers.get("ETag"),
                    last_modified=r.headers.get("Last-Modified"),
                ),
                r.headers.get("Retry-After"),
            )

    def _pace(self, url: str) -> None:
        host = urlsplit(url).netloc.lower()
        last = self._last.get(host)
        if last is not None:
            wait = last + self.settings.fetch_interval - self.clock()
            if wait > 0:
                self.sleep(wait)
        self._last[host] = self.clock()

    # -------------------------------------------------------------------- robots
    def allowed(self, url: str) -> bool:
        """Whether the host's robots.txt lets our agent fetch ``url``."""
        parts = urlsplit(url)
        root = f"{parts.scheme}://{parts.netloc}"
        if root not in self._robots:
            self._robots[root] = self._read_robots(root)
        robots = self._robots[root]
        return robots is not None and robots.can_fetch(ROBOTS_AGENT, url)

    def _read_robots(self, root: str) -> urllib.robotparser.RobotFileParser | None:
        parser = urllib.robotparser.RobotFileParser(root + "/robots.txt")
        try:
            response = self._get(root + "/robots.txt", {})
        except StatusError:  # no robots.txt (404, or another refusal): everything is allowed
            parser.parse([])
            return parser
        except FetchError:
            return None  # the server fails: stay away from the host this run
        parser.parse(response.content.decode("utf-8", "replace").splitlines())
        return parser


@dataclass(frozen=True)
class _Answer:
    response: Response
    retry_after: str | None

    @property
    def status(self) -> int:
        return self.response.status
