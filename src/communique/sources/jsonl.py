"""JSON Lines dumps: one document per line.

A line carries ``id``, ``text`` or ``html``, and optionally ``title``, a publication date
(``published``, ``date`` or another of ``DATE_KEYS``), ``url`` and ``outlet`` (``source`` is
read as the outlet when ``outlet`` is absent). Unknown fields are ignored; a ``url`` beside
``text`` or ``html`` is metadata and is never fetched.

Lines are framed by ``\\n`` only (a U+2028 inside a JSON string is text, not a line break), a
UTF-8 byte-order mark before line 1 is ignored, and a line over ``max_bytes`` is passed over as
it streams by, never held whole. Every bad line yields a skipped Document whose reason names
the line: not JSON, nested too deeply, a number too long to read, not an object, neither text
nor HTML, a string holding a lone surrogate. A file that breaks off (a truncated ``.gz``)
yields the lines before the break, then one skipped Document for the rest. A line without an
``id`` takes its source (``name:line``) as id, so two lines never share one (two copies of one
text are two documents, as they are two lines) and reading the file again gives the same ids.

``read_jsonl`` is the plain reader for every other JSON Lines file (gold files, analysis
records): one dict per non-blank line, and a ``SourceError`` naming the file and line number
for a line that is not a JSON object.
"""

from __future__ import annotations

import codecs
import gzip
import json
import re
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any, Protocol

from ..errors import SourceError
from ..records import Document
from ..settings import Settings
from .files import display_name

CHUNK = 1 << 20
"""Bytes read at a time from a JSON Lines stream."""

READ_ERRORS = (OSError, EOFError, zlib.error)
"""What reading a damaged file or stream raises (a truncated or corrupt gzip among them)."""

_SURROGATE = re.compile("[\ud800-\udfff]")

DATE_KEYS = (
    "published",
    "date",
    "pubDate",
    "pub_date",
    "publish_date",
    "published_at",
    "publication_date",
    "datePublished",
)
"""Where a dump keeps the publication date, in order of preference (the names of RSS, schema.org,
news APIs and scrapers)."""
AUTHOR_KEYS = ("author", "authors", "byline", "creator")
"""Where a dump keeps the authors (a name, or a list of names), in order of preference."""
_KEYS = ("id", "text", "html", "title", *DATE_KEYS, "url", "outlet", "publisher", "source")
"""The keys a document is read from; a lone surrogate in any of them skips the line."""


class Readable(Protocol):
    """A binary stream: a file, a ``GzipFile``, standard input, ``io.BytesIO``."""

    def read(self, size: int = -1, /) -> bytes: ...


def lone_surrogate(value: str) -> str | None:
    """``"\\ud83d at character N"`` for the first lone surrogate of ``value``, else ``None``.

    JSON's ``\\uXXXX`` escapes can spell half of a pair; such a string cannot be written as
    UTF-8 (the output, the database), so the document is skipped instead."""
    m = _SURROGATE.search(value)
    return None if m is None else f"\\u{ord(m.group()):04x} at character {m.start()}"


def escape_surrogates(value: str) -> str:
    """``value`` with each lone surrogate written as a ``\\udXXX`` escape (valid Unicode)."""
    return value.encode("utf-8", "backslashreplace").decode("utf-8")


def _names(value: Any) -> tuple[str, ...]:
    """Author names from a dump's field: one name, or a list of names (strings only)."""
    items = value if isinstance(value, list) else [value]
    names = (v.strip() for v in items if isinstance(v, str) and not lone_surrogate(v))
    return tuple(n for n in names if n)


def _str(v: Any) -> str | None:
    if v is None or v == "":
        return None
    return v if isinstance(v, str) else str(v)


def _type(v: Any) -> str:
    return {dict: "an object", list: "a list", bool: "a boolean"}.get(type(v), "a number")


def document_from_object(obj: Any, source: str, *, line: int | None = None) -> Document:
    """The Document of one parsed JSON value; ``line`` (when given) is named in a skip reason."""
    on_line = "" if line is None else f" on line {line}"
    if not isinstance(obj, dict):
        kind = type(obj).__name__
        where = "line" if line is None else f"line {line}"
        return Document(source=source, skipped=f"{where} holds a JSON {kind}, not an object")
    meta: dict[str, Any] = {
        "id": _str(obj.get("id")),
        "title": _str(obj.get("title")),
        "published": _str(next((obj[k] for k in DATE_KEYS if obj.get(k)), None)),
        "url": _str(obj.get("url")),
        "outlet": _str(obj.get("outlet") or obj.get("publisher") or obj.get("source")),
        "byline": _names(next((obj[k] for k in AUTHOR_KEYS if obj.get(k)), None)),
    }
    text, html = obj.get("text"), obj.get("html")
    for key in _KEYS:
        value = obj.get(key)
        bad = lone_surrogate(value) if isinstance(value, str) else None
        if bad:
            clean = {
                k: v for k, v in meta.items() if not isinstance(v, str) or not lone_surrogate(v)
            }
            return Document(
                source=source,
                skipped=f"'{key}'{on_line} holds a lone surrogate ({bad}); not valid Unicode",
                **clean,
            )
    if isinstance(html, str) and html.strip():
        return Document(source=source, html=html, **meta)
    if isinstance(text, str) and text.strip():
        return Document(source=source, text=text, extracted=meta["title"] is not None, **meta)
    if text is None and html is None:
        where = "line" if line is None else f"line {line}"
        return Document(source=source, skipped=f"{where} has neither 'text' nor 'html'", **meta)
    for key, value in (("html", html), ("text", text)):
        if value is not None and not isinstance(value, str):
            return Document(
                source=source, skipped=f"'{key}'{on_line} is {_type(value)}, not a string", **meta
            )
    empty = "empty document" if line is None else f"empty document (line {line})"
    return Document(source=source, skipped=empty, **meta)


def _parse(line: str, number: int, source: str) -> Document:
    """The Document of one non-blank line; every way the line can fail becomes a skip."""
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as e:
        reason = f"line {number} is not valid JSON: {e.msg} at column {e.colno}"
    except RecursionError:
        reason = f"line {number} is nested too deeply to read (JSON arrays or objects)"
    except ValueError as e:  # an integer of more digits than int() converts, and the like
        reason = f"line {number} cannot be read: {str(e).split('; use sys.')[0]}"
    else:
        try:
            return document_from_object(obj, source, line=number)
        except (RecursionError, ValueError) as e:  # str() of a deeply nested or huge value
            reason = f"line {number} cannot be read ({type(e).__name__})"
    return Document(source=source, skipped=reason)


def _with_id(doc: Document) -> Document:
    """A document without an id takes its source (``name:line``) as id."""
    return replace(doc, id=doc.source) if doc.id is None else doc


def _too_big(number: int, max_bytes: int) -> str:
    return f"line {number} is over the {max_bytes:,}-byte limit (COMMUNIQUE_MAX_BYTES)"


def documents_from_lines(
    lines: Iterable[str], name: str, max_bytes: int | None = None
) -> Iterator[Document]:
    """The Documents of lines already split and decoded (a Spark partition's lines)."""
    for number, line in enumerate(lines, 1):
        if number == 1:
            line = line.removeprefix("\ufeff")
        if not line.strip():
            continue
        source = f"{name}:{number}"
        if max_bytes is not None and len(line) > max_bytes:
            yield Document(source=source, id=source, skipped=_too_big(number, max_bytes))
            continue
        yield _with_id(_parse(line, number, source))


def split_lines(
    chunks: Iterable[bytes], max_bytes: int | None = None
) -> Iterator[tuple[int, bytes | None]]:
    """``(number, line)`` for each ``\\n``-terminated line of a byte stream (the last line may
    lack its ``\\n``). A line longer than ``max_bytes`` comes as ``None``: its bytes are
    dropped as they arrive, so memory stays within ``max_bytes`` plus one chunk."""
    number = 0
    pending: list[bytes] = []
    size = 0
    over = False
    for chunk in chunks:
        start = 0
        while True:
            end = chunk.find(b"\n", start)
            piece = chunk[start:] if end < 0 else chunk[start:end]
            if not over and piece:
                size += len(piece)
                if max_bytes is not None and size > max_bytes:
                    over = True
                    pending = []
                else:
                    pending.append(piece)
            if end < 0:
                break
            number += 1
            yield number, None if over else b"".join(pending)
            pending, size, over = [], 0, False
            start = end + 1
    if pending or over:
        yield number + 1, None if over else b"".join(pending)


def read_chunks(stream: Readable, head: bytes = b"") -> Iterator[bytes]:
    """``head``, then the rest of ``stream`` in chunks of at most ``CHUNK`` bytes.

    ``read1`` (one read of the underlying stream) is used when there is one: a truncated gzip
    then gives up every byte before the break, where ``read`` would drop the last chunk."""
    if head:
        yield head
    read = getattr(stream, "read1", stream.read)
    while chunk := read(CHUNK):
        yield chunk


def _broken(name: str, last: int, error: BaseException) -> Document:
    """The skipped Document for the unreadable rest of a file after line ``last``."""
    kind = "gzip" if isinstance(error, (EOFError, zlib.error, gzip.BadGzipFile)) else "read"
    detail = str(error).strip() or type(error).__name__
    what = "is truncated" if isinstance(error, EOFError) else "cannot be read"
    where = f"after line {last}" if last else "from its first line"
    source = f"{name}:{last + 1}"
    return Document(
        source=source, id=source, skipped=f"file {what} {where} ({kind}: {detail[:200]})"
    )


def documents_from_stream(
    chunks: Iterable[bytes], name: str, max_bytes: int | None = None
) -> Iterator[Document]:
    """The Documents of a JSON Lines byte stream, framed by ``\\n`` only.

    A read error (a truncated or corrupt gzip, an I/O error) ends the stream with one skipped
    Document naming the last line read; the documents before it have been yielded."""
    lines = split_lines(chunks, max_bytes)
    last = 0
    while True:
        try:
            number, raw = next(lines)
        except StopIteration:
            return
        except READ_ERRORS as e:
            yield _broken(name, last, e)
            return
        last = number
        source = f"{name}:{number}"
        if raw is None:
            assert max_bytes is not None  # for mypy: only a capped split yields None
            yield Document(source=source, id=source, skipped=_too_big(number, max_bytes))
            continue
        if number == 1 and raw.startswith(codecs.BOM_UTF8):
            raw = raw[len(codecs.BOM_UTF8) :]
        if not raw.strip():
            continue
        yield _with_id(_parse(raw.decode("utf-8", "replace"), number, source))


def read_jsonl_lines(path: Path, settings: Settings) -> Iterator[Document]:
    """The Documents of a ``.jsonl`` / ``.ndjson`` / ``.jsonl.gz`` file."""
    name = display_name(path)
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    with opener(path, "rb") as fh:
        yield from documents_from_stream(read_chunks(fh), name, settings.max_bytes)


def json_objects(lines: Iterable[str], name: str) -> Iterator[dict[str, Any]]:
    """The JSON object of each non-blank line; ``SourceError`` (``name:line: ...``) otherwise."""
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            raise SourceError(
                f"{name}:{number}: not valid JSON: {e.msg} at column {e.colno}"
            ) from e
        except RecursionError as e:
            raise SourceError(f"{name}:{number}: not readable: nested too deeply") from e
        except ValueError as e:
            raise SourceError(
                f"{name}:{number}: not readable: {str(e).split('; use sys.')[0]}"
            ) from e
        if not isinstance(obj, dict):
            raise SourceError(f"{name}:{number}: a JSON {type(obj).__name__}, not an object")
        yield obj


def read_jsonl(path: str | Path) -> Iterator[dict[str, Any]]:
    """The objects of a JSON Lines file (``.gz`` read compressed), one per non-blank line."""
    path = Path(path)
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    try:
        fh = opener(path, "rt", encoding="utf-8")
    except FileNotFoundError as e:
        raise SourceError(f"{path}: no such file") from e
    with fh:
        try:
            yield from json_objects(fh, str(path))
        except (*READ_ERRORS, UnicodeDecodeError) as e:
            raise SourceError(f"{path}: cannot be read ({e})") from e
