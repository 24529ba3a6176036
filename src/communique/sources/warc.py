"""WARC (and ARC) files of crawled pages: one document per ``response`` record.

Non-response records (requests, metadata, warcinfo) are passed over silently because they are
not documents; a response that is not HTML or text becomes a skipped Document, so every
response record is accounted for. A file that is not a WARC at all (empty, random bytes, no
records) yields one skipped Document; one that breaks off (a truncated gzip, junk after the
last record) yields the responses before the break, then one skipped Document for the rest.
"""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from warcio.archiveiterator import ArchiveIterator, WARCIterator
from warcio.exceptions import ArchiveLoadFailed

from ..records import Document
from ..settings import Settings
from .files import display_name, document_from_bytes
from .jsonl import escape_surrogates

BROKEN = (ArchiveLoadFailed, OSError, EOFError, zlib.error, ValueError)
"""What warcio raises on a damaged file: junk between records, a truncated or corrupt gzip,
a header it cannot parse."""


def _archive_kind(path: Path) -> tuple[str, str | None]:
    """``("warc", None)`` or ``("arc", None)`` by the header ``path`` starts with, else
    ``("", reason)``."""
    with path.open("rb") as raw:
        magic = raw.read(2)
    if not magic:
        return "", "empty file, not a WARC file"
    opener = gzip.open if magic == b"\x1f\x8b" else open
    try:
        with opener(path, "rb") as fh:
            head: bytes = fh.read(16)
    except (OSError, EOFError, zlib.error) as e:
        return "", f"not a WARC file (gzip: {str(e)[:200] or type(e).__name__})"
    if head.startswith(b"WARC/"):
        return "warc", None
    if head.startswith(b"filedesc://"):
        return "arc", None
    return "", "not a WARC file (it does not start with a WARC/ARC header)"


TRUNCATED = "file is truncated"


class _Truncated(OSError):
    """A gzip stream ended inside a member."""


def _cut_short(record: Any, *, probe: bool = False) -> bool:
    """Whether the file ended before ``record`` did (fewer bytes than its Content-Length).

    ``probe`` reads one byte when some are still due: after the content was read to its end,
    a byte left over (after a chunked body) is fine, no byte at all means the file ends."""
    due = getattr(record.raw_stream, "limit", 0)
    if not isinstance(due, int) or due <= 0:
        return False
    return not probe or not record.raw_stream.read(1)


def _iterator(fh: Any, kind: str) -> Any:
    # A WARC file is read as WARC only: junk after its records must not pass for ARC ones.
    return WARCIterator(fh) if kind == "warc" else ArchiveIterator(fh, arc2warc=True)


def _message(error: BaseException) -> str:
    # warcio quotes the junk it met ("..., first line: [...]"): the kind of error is enough.
    text = " ".join(str(error).split(", first line:")[0].split()) or type(error).__name__
    return text if len(text) <= 200 else text[:200] + "..."


def _document(record: Any, name: str, settings: Settings) -> Document:
    url = escape_surrogates(record.rec_headers.get_header("WARC-Target-URI") or "")
    rec_id = escape_surrogates(record.rec_headers.get_header("WARC-Record-ID") or url)
    source = f"{name}#{rec_id}"
    meta: dict[str, Any] = {"id": rec_id.strip("<>") or source, "url": url or None}
    ctype = (record.http_headers.get_header("Content-Type") if record.http_headers else "") or ""
    status = record.http_headers.get_statuscode() if record.http_headers else "200"
    if status and not str(status).startswith("2"):
        return Document(source=source, skipped=f"HTTP status {status}, not a page", **meta)
    try:
        content = record.content_stream().read(settings.max_bytes + 1)
    except _Truncated as e:
        return Document(
            source=source, skipped=f"{TRUNCATED} inside this record (gzip: {e})", **meta
        )
    except BROKEN as e:
        return Document(
            source=source, skipped=f"the record's content cannot be read ({_message(e)})", **meta
        )
    if len(content) <= settings.max_bytes and _cut_short(record, probe=True):
        return Document(source=source, skipped=f"{TRUNCATED} inside this record", **meta)
    if len(content) > settings.max_bytes:
        return Document(
            source=source,
            skipped="response is over the size limit (COMMUNIQUE_MAX_BYTES)",
            **meta,
        )
    if ctype and not any(t in ctype.lower() for t in ("html", "text", "xml")):
        return Document(
            source=source, skipped=f"content type {ctype!r} is not text or HTML", **meta
        )
    html = None if not ctype else ("html" in ctype.lower() or "xml" in ctype.lower())
    return document_from_bytes(content, source, settings, html=html, **meta)


class _Ungzipped:
    """A ``.warc.gz`` read decompressed, whether it has one gzip member per record (as warcio
    wants) or is one gzip stream (``gzip crawl.warc``). ``read1`` gives up every byte before a
    cut, and the cut becomes an error: warcio takes an ``EOFError`` for the end of the file."""

    def __init__(self, fh: gzip.GzipFile) -> None:
        self.fh = fh

    def read(self, size: int = -1) -> bytes:
        try:
            return self.fh.read1(size)
        except EOFError as e:
            raise _Truncated(str(e) or "the gzip stream ends inside a member") from e

    def tell(self) -> int:
        return self.fh.tell()


class _Reading:
    """The records of one WARC/ARC file, and what is known of its damage."""

    def __init__(self, name: str, kind: str, settings: Settings) -> None:
        self.name, self.kind, self.settings = name, kind, settings
        self.records = 0
        self.record: Any = None
        self.reported = False

    def _skip(self, detail: str, after: int, *, what: str = "file cannot be read") -> Document:
        self.reported = True
        source = f"{self.name}#record-{after + 1}"
        return Document(source=source, id=source, skipped=f"{what} after record {after} ({detail})")

    def run(self, fh: Any, size: int | None) -> Iterator[Document]:
        """The documents of the records in ``fh``; ``size`` (of an uncompressed file) lets a
        record header cut at the end of the file be noticed."""
        archive = _iterator(fh, self.kind)
        iterator = iter(archive)
        while True:
            try:
                record = next(iterator)
            except StopIteration:
                break
            except Exception as e:  # noqa: BLE001 - warcio fails on junk in many ways
                if isinstance(e, _Truncated):
                    if not self.reported:  # else said already, by the record it cut
                        yield self._skip(f"gzip: {e}", self.records, what=TRUNCATED)
                    return
                detail = _message(e)
                if not isinstance(e, BROKEN):  # warcio tripped over a cut or mangled header
                    detail = (
                        f"record {self.records + 1} is damaged or cut short; {type(e).__name__}"
                    )
                yield self._skip(f"warc: {detail}", self.records)
                return
            if not record.rec_headers.protocol and not record.rec_headers.headers:
                continue  # blank lines after the last record: nothing, not a record
            self.records += 1
            self.record = record
            if self.kind == "warc" and record.rec_headers.get_header("Content-Length") is None:
                # warcio then reads to the end of the file as this record: a cut header, junk.
                yield self._skip(
                    f"warc: record {self.records} has no Content-Length; truncated or damaged",
                    self.records - 1,
                )
                return
            if record.rec_type == "response":
                doc = _document(record, self.name, self.settings)
                self.reported = (doc.skipped or "").startswith(TRUNCATED)
                yield doc
            else:
                self.reported = False
        if self.records and not self.reported:
            # warcio ends quietly where an uncompressed file breaks off: in a record's content
            # (fewer bytes than its Content-Length) or in a record's header (the last record
            # ends before the file does). A cut gzip stream raises ``_Truncated`` instead.
            left = 0 if size is None else size - getattr(archive, "offset", size)
            if _cut_short(self.record) or (isinstance(left, int) and left > 0):
                detail = "the last record or its header is incomplete"
                yield self._skip(detail, self.records, what=TRUNCATED)


def read_warc(path: Path, settings: Settings) -> Iterator[Document]:
    name = display_name(path)
    kind, not_warc = _archive_kind(path)
    if not_warc:
        yield Document(source=name, id=name, skipped=not_warc)
        return
    reading = _Reading(name, kind, settings)
    with path.open("rb") as fh:
        compressed = fh.read(2) == b"\x1f\x8b"
        fh.seek(0)
        if compressed:
            with gzip.GzipFile(fileobj=fh, mode="rb") as gz:
                yield from reading.run(_Ungzipped(gz), None)
        else:
            yield from reading.run(fh, path.stat().st_size)
    if reading.records == 0 and not reading.reported:
        yield Document(source=name, id=name, skipped="no WARC records found; is it a WARC file?")
