"""What a watched source lists: the items of an RSS/Atom feed, a (news) sitemap, a URL list.

``read_listing(content, url)`` tells the kind by the content itself: XML whose root is a
sitemap's ``urlset`` or ``sitemapindex`` is a sitemap (read with lxml, entities and network
access off); other XML is a feed (read with feedparser); anything else is a list of URLs, one
per line (``#`` comments and other lines are passed over). A listing that cannot be read
raises ``ListingError`` with a one-line reason.

Item URLs are canonicalised (``canonical_url``: courlan's normalisation, which drops tracking
parameters and default ports, and no fragment), so that one article listed twice, or by two
feeds, is fetched once. Each item keeps the title and publication date its listing gives
(feed ``published``/``updated``, a news sitemap's ``news:publication_date``, ``lastmod``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from urllib.parse import urldefrag, urljoin

from ..errors import CommuniqueError

__all__ = ["Item", "Listing", "ListingError", "canonical_url", "read_listing"]

MAX_ITEMS = 10_000
"""Items read from one listing at most (a sitemap may hold 50,000; the newest come first in
news sitemaps and feeds)."""


class ListingError(CommuniqueError):
    """A watched source's listing cannot be read."""


@dataclass(frozen=True)
class Item:
    url: str
    title: str | None = None
    published: str | None = None
    """ISO date ``YYYY-MM-DD`` when the listing gives one."""


@dataclass(frozen=True)
class Listing:
    kind: str
    """``feed``, ``sitemap``, ``sitemap index`` or ``url list``."""
    title: str | None
    """The feed's own title (the outlet), when it has one."""
    items: tuple[Item, ...]


def canonical_url(url: str) -> str:
    """``url`` normalised (scheme and host lower-cased, default port, tracking parameters and
    the fragment dropped); ``url`` itself when courlan cannot read it."""
    from courlan import normalize_url

    bare = urldefrag(url.strip()).url
    try:
        return str(normalize_url(bare))
    except ValueError:  # pragma: no cover - courlan refuses few strings
        return bare


def read_listing(content: bytes, url: str) -> Listing:
    head = content.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    if head == b"<":
        root = _xml_root(content)
        if root in ("urlset", "sitemapindex"):
            return _sitemap(content, url)
        return _feed(content, url)
    return _url_list(content, url)


def _xml_root(content: bytes) -> str | None:
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=True)
    try:
        tree = etree.fromstring(content, parser=parser)
    except etree.XMLSyntaxError:
        return None
    if tree is None:
        return None
    return str(etree.QName(tree).localname)


def _iso(value: object) -> str | None:
    """An ISO date from a feed's time tuple or a sitemap's W3C datetime, else ``None``."""
    if value is None:
        return None
    if isinstance(value, tuple) and len(value) >= 3:  # time.struct_time
        try:
            return dt.date(int(value[0]), int(value[1]), int(value[2])).isoformat()
        except (TypeError, ValueError):
            return None
    text = str(value).strip()
    try:
        return dt.date.fromisoformat(text[:10]).isoformat()
    except ValueError:
        return None


def _feed(content: bytes, url: str) -> Listing:
    import feedparser

    parsed = feedparser.parse(content)
    items = []
    for entry in parsed.entries[:MAX_ITEMS]:
        link = entry.get("link")
        if not link:
            continue
        when = entry.get("published_parsed") or entry.get("updated_parsed")
        items.append(
            Item(canonical_url(urljoin(url, link)), entry.get("title") or None, _iso(when))
        )
    if parsed.get("bozo") and not items:
        # malformed XML from which no item with a link could be recovered
        error = parsed.get("bozo_exception")
        raise ListingError(f"{url}: not a readable feed ({type(error).__name__}: {error})")
    title = parsed.feed.get("title") if parsed.get("feed") else None
    return Listing("feed", title or None, tuple(items))


def _sitemap(content: bytes, url: str) -> Listing:
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=True)
    root = etree.fromstring(content, parser=parser)
    kind = "sitemap index" if etree.QName(root).localname == "sitemapindex" else "sitemap"
    items = []
    for node in root:
        if not isinstance(node.tag, str):
            continue  # a comment or a processing instruction
        loc = published = title = None
        for child in node.iter():
            if not isinstance(child.tag, str):
                continue
            name = etree.QName(child).localname
            text = (child.text or "").strip()
            if name == "loc" and loc is None:
                loc = text
            elif name == "publication_date" or (name == "lastmod" and published is None):
                published = _iso(text) or published
            elif name == "title" and text:
                title = text
        if loc:
            items.append(Item(canonical_url(urljoin(url, loc)), title, published))
        if len(items) >= MAX_ITEMS:
            break
    return Listing(kind, None, tuple(items))


def _url_list(content: bytes, url: str) -> Listing:
    text = content.decode("utf-8", "replace")
    items = []
    for line in text.splitlines():
        line = line.strip()
        if line.startswith(("http://", "https://")) and " " not in line:
            items.append(Item(canonical_url(line)))
        if len(items) >= MAX_ITEMS:
            break
    if not items:
        raise ListingError(f"{url}: neither a feed, a sitemap nor a list of URLs")
    return Listing("url list", None, tuple(items))
