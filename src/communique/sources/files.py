"""Single files and byte strings: plain text or HTML, decided by name and content.

Text is UTF-8 (a UTF-8 BOM is dropped) or UTF-16 with its BOM; anything else that is not
valid UTF-8 is skipped with the offset of the first bad byte. A file name that is not UTF-8
is named with ``\\xff``-style escapes (``display_name``), so every id and source is a valid
string.
"""

from __future__ import annotations

import codecs
import os
from pathlib import Path
from typing import Any

from ..records import Document
from ..settings import Settings

HTML_SUFFIXES = (".html", ".htm", ".xhtml")


def display_name(path: str | os.PathLike[str]) -> str:
    """``path`` as a valid string: bytes of a file name that are not UTF-8 (which Python
    carries as lone surrogates) become ``\\xff``-style escapes."""
    name = os.fsdecode(path)
    try:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # a surrogate no file system produced: escape it as it is
        return name.encode("utf-8", "backslashreplace").decode("utf-8")


def _mb(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB"


def looks_like_html(data: bytes) -> bool:
    head = data[:2048].lstrip().lower()
    return (
        head.startswith((b"<!doctype html", b"<html", b"<?xml"))
        or b"<html" in head
        or (b"<body" in head or b"<div" in head or b"<p>" in head)
    )


def decode_text(data: bytes) -> tuple[str | None, str | None]:
    """Decode bytes as UTF-8 (a BOM is honoured). Returns ``(text, None)`` or ``(None, reason)``."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), None
        except UnicodeDecodeError as e:
            return (
                None,
                f"not valid UTF-16 despite its byte-order mark ({e.reason} at byte {e.start})",
            )
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as e:
        return None, (
            f"not valid UTF-8 (byte 0x{data[e.start]:02x} at offset {e.start}); "
            "convert the file to UTF-8 and run again"
        )


def is_binary(data: bytes) -> bool:
    """NUL bytes, or many control characters, in the first 8 KB mean binary content."""
    sample = data[:8192]
    if b"\x00" in sample and not sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return True
    control = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return bool(sample) and control / len(sample) > 0.05


def document_from_bytes(
    data: bytes, source: str, settings: Settings, *, html: bool | None = None, **meta: Any
) -> Document:
    """A Document from raw bytes, with a ``skipped`` reason for empty or binary content."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        # UTF-16 is half NUL bytes: decode it first, then judge the text as UTF-8.
        text, reason = decode_text(data)
        if text is None:
            return Document(source=source, skipped=reason, **meta)
        data = text.encode("utf-8")
    if not data.strip():
        return Document(source=source, skipped="empty document", **meta)
    if is_binary(data):
        return Document(source=source, skipped="binary content, not text or HTML", **meta)
    if html is None:
        html = looks_like_html(data)
    if html:
        # HTML declares its own encoding more often than not: decode leniently.
        text = data.decode("utf-8", "replace")
        return Document(source=source, html=text, **meta)
    text_or_none, reason = decode_text(data)
    if text_or_none is None:
        return Document(source=source, skipped=reason, **meta)
    return Document(source=source, text=text_or_none, **meta)


def read_file(path: Path, settings: Settings) -> Document:
    """One document from a text or HTML file; oversized files are skipped unread."""
    source = display_name(path)
    size = path.stat().st_size
    if size > settings.max_bytes:
        return Document(
            source=source,
            id=source,
            skipped=f"file is {_mb(size)}, over the {_mb(settings.max_bytes)} limit "
            "(raise COMMUNIQUE_MAX_BYTES to read it)",
        )
    data = path.read_bytes()
    html = True if path.name.lower().endswith(HTML_SUFFIXES) else None
    if path.suffix.lower() in (".txt", ".text"):
        html = False
    return document_from_bytes(data, source, settings, html=html, id=display_name(path.stem))
