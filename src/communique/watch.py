"""``watch``: follow feeds, sitemaps and URL lists, and ingest the articles they add.

One round (``watch_once``) takes each source in turn: reads its listing (a local file, or an
http(s) URL fetched politely with a conditional request, see ``sources.fetch``), keeps the
items the store has not taken yet (``store.watching``), fetches each new page and ingests the
pages through the normal pipeline (``ingest.ingest``) with the URL, the outlet (the feed's
title) and the publication date of the item (the listing's, else the page's own or its URL's).
A sitemap index's sitemaps are read as part of it (``MAX_CHILD_SITEMAPS`` at most).

A source that fails (no answer, an error status, robots.txt, a listing that is not one) is
reported with its reason and the others go on. An item whose page cannot be fetched for a
passing reason (a timeout, a 5xx or 429 after the retries) is not marked as taken, so the next
round tries it again; one refused for good (4xx, robots.txt, not an http URL) is marked with
its reason. An item is marked as taken only after its document is stored (ingest commits per
batch), so a round stopped half-way leaves nothing half-made: the next one takes what is left.

``stop()`` is asked between sources and between pages: ``communique watch`` sets it on SIGINT
or SIGTERM, so a round ends cleanly at the next page.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import CommuniqueError, FetchError
from .ingest import IngestSummary, ingest
from .records import Document
from .settings import Settings
from .sources.feeds import Item, Listing, ListingError, read_listing
from .sources.fetch import PassingFetchError, PoliteFetcher, Response
from .sources.files import document_from_bytes
from .store import Store
from .store import watching as state

if TYPE_CHECKING:
    from .analyzer import Analyzer

MAX_CHILD_SITEMAPS = 20
"""Sitemaps of a sitemap index read in one round."""
_CHARSET = re.compile(rb"""charset=["']?([A-Za-z0-9._-]+)""")


@dataclass
class SourceReport:
    source: str
    kind: str | None = None
    status: str = "ok"
    """``ok``, ``not modified``, or why the source failed."""
    listed: int = 0
    new: int = 0
    failed: dict[str, str] = field(default_factory=dict)
    """Item URL -> why its page could not be fetched."""


@dataclass
class WatchReport:
    sources: list[SourceReport] = field(default_factory=list)
    ingested: IngestSummary = field(default_factory=IngestSummary)
    stopped: bool = False


def _decoded(response: Response) -> bytes:
    """The page as UTF-8 when its Content-Type or meta tag names another charset."""
    found = _CHARSET.search(response.content_type.encode("latin-1", "replace"))
    found = found or _CHARSET.search(response.content[:2048])
    if found is None:
        return response.content
    name = found.group(1).decode("ascii", "replace").lower()
    if name in ("utf-8", "utf8"):
        return response.content
    try:
        return response.content.decode(name, "replace").encode("utf-8")
    except LookupError:
        return response.content


def _page(response: Response, item: Item, listing: Listing, settings: Settings) -> Document:
    ctype = response.content_type.lower()
    if ctype and not any(k in ctype for k in ("html", "xml", "text/")):
        return Document(
            source=item.url,
            id=item.url,
            url=response.url,
            skipped=f"content type {ctype!r} is not text or HTML",
        )
    return document_from_bytes(
        _decoded(response),
        item.url,
        settings,
        html="text/plain" not in ctype,
        id=item.url,
        url=response.url,
        title=item.title,
        published=item.published,
        outlet=listing.title,
    )


class Watcher:
    """Rounds of ``watch`` over one store (see the module docstring)."""

    def __init__(
        self,
        store: Store,
        settings: Settings | None = None,
        *,
        fetcher: PoliteFetcher | None = None,
        analyzer: Analyzer | None = None,
        stop: Callable[[], bool] = lambda: False,
    ) -> None:
        self.store = store
        self.settings = (settings or Settings()).validate()
        self.fetcher = fetcher or PoliteFetcher(self.settings)
        self.analyzer = analyzer
        self.stop = stop

    def round(self, sources: Sequence[str]) -> WatchReport:
        report = WatchReport()
        for source in sources:
            if self.stop():
                report.stopped = True
                break
            report.sources.append(self._source(source, report))
        return report

    # ---------------------------------------------------------------------- sources
    def _source(self, source: str, report: WatchReport) -> SourceReport:
        out = SourceReport(source)
        try:
            listing = self._listing(source, out)
        except (CommuniqueError, OSError) as e:
            out.status = str(e)
            if not Path(source).exists():
                state.save_source(self.store, source, out.status)
            return out
        if listing is None:  # not modified since the last round
            return out
        out.kind = listing.kind
        out.listed = len(listing.items)
        self._take(source, listing, out, report)
        return out

    def _listing(self, source: str, out: SourceReport) -> Listing | None:
        path = Path(source)
        if not source.startswith(("http://", "https://")):
            if not path.is_file():
                raise ListingError(f"{source}: no such file, and not an http(s) URL")
            return read_listing(path.read_bytes(), path.resolve().as_uri())
        old = state.source_state(self.store, source)
        response = self.fetcher.get(
            source,
            etag=old.etag if old else None,
            last_modified=old.last_modified if old else None,
        )
        if response.not_modified:
            out.status = "not modified"
            out.kind = old.kind if old else None
            state.save_source(self.store, source, out.status)
            return None
        listing = read_listing(response.content, response.url)
        if listing.kind == "sitemap index":
            listing = self._children(listing)
        state.save_source(
            self.store,
            source,
            "ok",
            kind=listing.kind,
            title=listing.title,
            etag=response.etag,
            last_modified=response.last_modified,
        )
        return listing

    def _children(self, index: Listing) -> Listing:
        items: list[Item] = []
        for child in index.items[:MAX_CHILD_SITEMAPS]:
            if self.stop():
                break
            try:
                sub = read_listing(self.fetcher.get(child.url).content, child.url)
            except (FetchError, ListingError):
                continue  # one broken sitemap of an index: the others still count
            items.extend(sub.items)
        return Listing("sitemap index", index.title, tuple(items))

    # ------------------------------------------------------------------------ items
    def _take(self, source: str, listing: Listing, out: SourceReport, report: WatchReport) -> None:
        by_url = {i.url: i for i in listing.items}
        fresh = state.unseen(self.store, list(by_url))
        out.new = len(fresh)
        docs: list[Document] = []
        refused: list[tuple[str, str, str | None, str]] = []
        for url in fresh:
            if self.stop():
                report.stopped = True
                break
            item = by_url[url]
            try:
                response = self.fetcher.get(url)
            except FetchError as e:
                out.failed[url] = str(e)
                if not isinstance(e, PassingFetchError):
                    refused.append((url, source, None, f"not fetched: {e}"))
                continue
            docs.append(_page(response, item, listing, self.settings))
        if docs:
            summary = ingest(docs, self.store, self.settings, analyzer=self.analyzer)
            _add(report.ingested, summary)
        taken = [
            (d.id or d.source, source, d.id, "skipped" if d.skipped else "stored") for d in docs
        ]
        state.mark_seen(self.store, [*taken, *refused])


def _add(total: IngestSummary, one: IngestSummary) -> None:
    total.seen += one.seen
    total.written += one.written
    for reason, n in one.skip_reasons.items():
        total.skip_reasons[reason] = total.skip_reasons.get(reason, 0) + n
