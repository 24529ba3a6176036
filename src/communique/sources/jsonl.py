"""JSON Lines dumps: one document per line.

A line carries ``id``, ``text`` or ``html``, and optionally ``title``, ``date`` or
``published``, ``url`` and ``outlet`` (``source`` is read as the outlet when ``outlet`` is
absent). Unknown fields are ignored; a ``url`` beside ``text`` or ``html`` is metadata and is
never fetched. A line that is not JSON, or has neither text nor HTML, yields a skipped Document.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ..records import Document
from ..settings import Settings


def _str(v: Any) -> str | None:
    if v is None or v == "":
        return None
    return v if isinstance(v, str) else str(v)


def document_from_object(obj: Any, source: str) -> Document:
    if not isinstance(obj, dict):
        return Document(
            source=source, skipped=f"line holds a JSON {type(obj).__name__}, not an object"
        )
    doc_id = _str(obj.get("id"))
    meta: dict[str, Any] = {
        "id": doc_id,
        "title": _str(obj.get("title")),
        "published": _str(obj.get("published") or obj.get("date")),
        "url": _str(obj.get("url")),
        "outlet": _str(obj.get("outlet") or obj.get("publisher") or obj.get("source")),
    }
    text, html = obj.get("text"), obj.get("html")
    if isinstance(html, str) and html.strip():
        return Document(source=source, html=html, **meta)
    if isinstance(text, str) and text.strip():
        return Document(source=source, text=text, extracted=meta["title"] is not None, **meta)
    if text is None and html is None:
        return Document(source=source, skipped="line has neither 'text' nor 'html'", **meta)
    return Document(source=source, skipped="empty document", **meta)


def documents_from_lines(
    lines: Iterable[str], name: str, max_bytes: int | None = None
) -> Iterator[Document]:
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        source = f"{name}:{number}"
        if max_bytes is not None and len(line) > max_bytes:
            yield Document(
                source=source,
                id=source,
                skipped=f"line {number} is over the {max_bytes:,}-byte limit (COMMUNIQUE_MAX_BYTES)",
            )
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            yield Document(
                source=source,
                id=source,
                skipped=f"line {number} is not valid JSON: {e.msg} at column {e.colno}",
            )
            continue
        yield document_from_object(obj, source)


def read_jsonl_lines(path: Path, settings: Settings) -> Iterator[Document]:
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8", errors="replace") as fh:
        yield from documents_from_lines(fh, str(path), settings.max_bytes)
