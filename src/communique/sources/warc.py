"""WARC (and ARC) files of crawled pages: one document per ``response`` record.

Non-response records (requests, metadata, warcinfo) are passed over silently because they are
not documents; a response that is not HTML or text becomes a skipped Document, so every
response record is accounted for.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from ..errors import SourceError
from ..records import Document
from ..settings import Settings
from .files import document_from_bytes


def _looks_like_warc(path: Path) -> bool:
    with path.open("rb") as raw:
        magic = raw.read(2)
    opener = gzip.open if magic == b"\x1f\x8b" else open
    try:
        with opener(path, "rb") as fh:
            head: bytes = fh.read(16)
    except (OSError, EOFError):
        return False
    return head.startswith((b"WARC/", b"filedesc://"))


def read_warc(path: Path, settings: Settings) -> Iterator[Document]:
    if not _looks_like_warc(path):
        raise SourceError(f"{path}: not a WARC file (it does not start with a WARC/ARC header)")
    with path.open("rb") as fh:
        records = 0
        try:
            for record in ArchiveIterator(fh, arc2warc=True):
                records += 1
                if record.rec_type != "response":
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI") or ""
                rec_id = record.rec_headers.get_header("WARC-Record-ID") or url
                source = f"{path}#{rec_id}"
                ctype = (
                    record.http_headers.get_header("Content-Type") if record.http_headers else ""
                ) or ""
                status = record.http_headers.get_statuscode() if record.http_headers else "200"
                content = record.content_stream().read(settings.max_bytes + 1)
                meta: dict[str, Any] = {"id": rec_id.strip("<>"), "url": url or None, "published": None}
                if status and not str(status).startswith("2"):
                    yield Document(
                        source=source, skipped=f"HTTP status {status}, not a page", **meta
                    )
                elif len(content) > settings.max_bytes:
                    yield Document(
                        source=source,
                        skipped="response is over the size limit (COMMUNIQUE_MAX_BYTES)",
                        **meta,
                    )
                elif ctype and not any(t in ctype.lower() for t in ("html", "text", "xml")):
                    yield Document(
                        source=source, skipped=f"content type {ctype!r} is not text or HTML", **meta
                    )
                else:
                    html = (
                        None if not ctype else ("html" in ctype.lower() or "xml" in ctype.lower())
                    )
                    yield document_from_bytes(content, source, settings, html=html, **meta)
        except ArchiveLoadFailed as e:
            raise SourceError(f"{path}: not a readable WARC file ({e})") from e
        if records == 0:
            raise SourceError(f"{path}: no WARC records found; is it a WARC file?")
