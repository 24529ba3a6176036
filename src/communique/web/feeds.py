"""Saved searches as Atom feeds: ``/feeds/NAME.atom`` (``store.saved``).

Each entry is one match (a quote or an event) with a stable id (a ``tag:`` URI, RFC 4151,
which does not depend on the host the app is reached by), so a feed reader shows each once and
tells its reader of the new ones; it links to the evidence on the article page. The feed names
Communiqué as its author (RFC 4287 requires one). It is built with ``xml.etree`` (text escaped
by the serializer, never by hand).
"""

from __future__ import annotations

import datetime as dt
from typing import Any
from xml.etree import ElementTree as ET

from fastapi import APIRouter, HTTPException, Request, Response

from ..store import saved
from .context import ReadStore, urls

router = APIRouter(include_in_schema=False)
ATOM = "http://www.w3.org/2005/Atom"
TAG = "tag:communique,2026:"
"""Prefix of the feeds' and entries' ids."""
FEED_ENTRIES = 50
"""Newest matches in a feed."""


def _stamp(day: str | None, fallback: str) -> str:
    """An RFC 3339 time for Atom: the day's midnight UTC, else ``fallback``."""
    if day:
        try:
            return dt.date.fromisoformat(day[:10]).isoformat() + "T00:00:00Z"
        except ValueError:
            pass
    return fallback


def _text(parent: ET.Element, tag: str, text: str, **attrs: str) -> ET.Element:
    node = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
    node.text = text
    return node


def _entry(feed: ET.Element, base: str, search: saved.SavedSearch, row: dict[str, Any]) -> None:
    entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
    kind = "quote" if search.target == "quotes" else "event"
    _text(entry, "id", f"{TAG}{kind}/{row['id']}")
    if kind == "quote":
        who = row.get("speaker") or "unattributed"
        title = f"{who}: {row['text'][:120]}"
        day = row.get("published")
    else:
        title = (
            f"{row.get('source_name') or row.get('source') or '?'} -> "
            f"{row.get('target_name') or row.get('target') or '?'}: {row.get('name')}"
        )
        day = row.get("date")
    _text(entry, "title", title)
    _text(entry, "updated", _stamp(day, "1970-01-01T00:00:00Z"))
    href = base + urls.article(row["doc_id"], f"q-{row['id']}" if kind == "quote" else None)
    ET.SubElement(entry, f"{{{ATOM}}}link", {"href": href})
    _text(entry, "summary", f'{row["text"]} (from "{row.get("title") or row["doc_id"]}")')


@router.get("/feeds/{name}.atom", response_class=Response)
def feed(request: Request, name: str, store: ReadStore) -> Response:
    """A saved search's newest matches as an Atom feed."""
    try:
        search = saved.get(store, name)
    except saved.SavedSearchError as e:
        raise HTTPException(404, str(e)) from None
    rows = saved.run(store, search, limit=FEED_ENTRIES)
    base = str(request.base_url).rstrip("/")
    ET.register_namespace("", ATOM)
    root = ET.Element(f"{{{ATOM}}}feed")
    _text(root, "id", f"{TAG}feeds/{search.name}")
    _text(root, "title", f"Communiqué: {search.name} ({search.describe()})")
    days = [r.get("published") if search.target == "quotes" else r.get("date") for r in rows]
    _text(root, "updated", _stamp(max((d for d in days if d), default=None), search.created_at))
    author = ET.SubElement(root, f"{{{ATOM}}}author")
    _text(author, "name", "Communiqué")
    ET.SubElement(root, f"{{{ATOM}}}link", {"rel": "self", "href": str(request.url)})
    for row in rows:
        _entry(root, base, search, row)
    body = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return Response(body, media_type="application/atom+xml; charset=utf-8")
