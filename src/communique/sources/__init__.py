"""Readers that turn paths, URLs and streams into ``Document`` records.

``read_sources(["a.txt", "dir/", "dump.jsonl", "crawl.warc.gz", "-", "https://..."])`` yields
one ``Document`` per document found. Only a source that cannot be read at all raises
``SourceError``: a path named on the command line that does not exist or cannot be opened, a
folder with no readable files in it, a failed download. Everything else becomes a
``Document`` whose ``skipped`` says why, so the batch goes on and the reason is recorded: a
bad document (an empty or binary file, text that is not UTF-8, a JSONL line that is not JSON
or holds a lone surrogate, a line or record over ``max_bytes``), a file in a folder that
cannot be opened, and a damaged file or archive (a truncated ``.gz``, a corrupt WARC), which
yields the documents before the damage and one skipped Document for the unreadable rest. A
skipped Document always has an id of its own (its source when the input gave none), so two
bad inputs never share a database row; the ids are the same on every run.

Which reader applies is decided by the name (``.jsonl``, ``.warc``, ``.html`` ...) and, for
names that say nothing, by sniffing the first bytes. Names that are not UTF-8 are written
with ``\\xff``-style escapes in sources and ids.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import BinaryIO

from ..errors import SourceError
from ..records import Document
from ..settings import Settings
from .files import display_name, document_from_bytes, read_file
from .jsonl import documents_from_stream, read_chunks, read_jsonl_lines
from .url import Fetcher, UrllibFetcher, read_url
from .warc import read_warc

__all__ = [
    "read_sources",
    "check_sources",
    "count_documents",
    "Fetcher",
    "UrllibFetcher",
    "document_from_bytes",
    "KNOWN_SUFFIXES",
]

KNOWN_SUFFIXES: tuple[str, ...] = (
    ".txt",
    ".text",
    ".html",
    ".htm",
    ".xhtml",
    ".jsonl",
    ".ndjson",
    ".jsonl.gz",
    ".warc",
    ".warc.gz",
    ".arc.gz",
)
"""File endings a directory walk picks up."""


def _walk(directory: Path) -> Iterator[Path]:
    for path in sorted(directory.rglob("*")):
        if path.is_file() and path.name.lower().endswith(KNOWN_SUFFIXES):
            yield path


def read_sources(
    sources: Iterable[str],
    settings: Settings | None = None,
    *,
    stdin: BinaryIO | None = None,
    fetcher: Fetcher | None = None,
) -> Iterator[Document]:
    """Yield the documents of every source in order.

    ``stdin`` is read for the source ``-``; ``fetcher`` fetches http(s) URLs (injected in
    tests; the default uses urllib with the timeout, size and redirect caps of ``settings``).
    """
    settings = settings or Settings()
    for source in sources:
        if source == "-":
            if stdin is None:
                raise SourceError("'-' names standard input, but no input stream was given")
            yield from map(_own_id, _guarded(_read_stdin(stdin, settings), "-"))
        elif source.startswith(("http://", "https://")):
            yield _own_id(read_url(source, fetcher or UrllibFetcher(settings), settings))
        else:
            path = Path(source)
            if path.is_dir():
                found = False
                for item in _walk(path):
                    found = True
                    yield from map(_own_id, _read_path(item, settings, named=False))
                if not found:
                    raise SourceError(
                        f"{display_name(source)}: no files ending in "
                        f"{', '.join(KNOWN_SUFFIXES)} in this folder"
                    )
            elif path.is_file():
                yield from map(_own_id, _read_path(path, settings, named=True))
            else:
                check_sources([source])  # raises: the name is neither a file nor a folder


_COUNT_CHUNK = 1 << 20


def _count_lines(path: Path) -> int:
    """Non-blank lines of a file, read in chunks (a line may be longer than memory allows)."""
    n = 0
    inside = False  # the current line has a non-blank byte
    with path.open("rb") as fh:
        while chunk := fh.read(_COUNT_CHUNK):
            for piece in chunk.split(b"\n")[:-1]:
                n += inside or bool(piece.strip())
                inside = False
            last = chunk.rsplit(b"\n", 1)[-1]
            inside = inside or bool(last.strip())
    return n + inside


def count_documents(sources: Iterable[str]) -> int | None:
    """How many documents ``read_sources`` will yield for ``sources``, counted cheaply (a
    file is one, a JSON Lines file one per non-blank line), for a progress total; ``None``
    when that cannot be known without reading them (standard input, URLs, compressed files,
    web archives)."""
    total = 0
    for source in sources:
        if source == "-" or source.startswith(("http://", "https://")):
            return None
        path = Path(source)
        for item in _walk(path) if path.is_dir() else [path]:
            name = item.name.lower()
            if name.endswith((".gz", ".warc")):
                return None
            try:
                total += _count_lines(item) if name.endswith((".jsonl", ".ndjson")) else 1
            except OSError:
                return None
    return total


def check_sources(sources: Iterable[str]) -> None:
    """Raise ``SourceError`` for the first source that names nothing to read: a path that is
    neither a file nor a folder, a URL that is not http(s). Commands call it before they create
    anything (a database), so a mistyped name leaves nothing behind."""
    for source in sources:
        if source == "-" or source.startswith(("http://", "https://")):
            continue
        if source.startswith(("ftp://", "file://", "s3://")):
            raise SourceError(f"{display_name(source)}: only http(s) URLs can be fetched")
        path = Path(source)
        if not (path.is_dir() or path.is_file()):
            raise SourceError(f"{display_name(source)}: no such file or folder")


def _own_id(doc: Document) -> Document:
    """A skipped document without an id takes its source as id: a content hash would be the
    same for every empty skip, and two bad inputs would share one database row."""
    return replace(doc, id=doc.source) if doc.skipped and doc.id is None else doc


def _read_path(path: Path, settings: Settings, *, named: bool) -> Iterator[Document]:
    """The documents of one file. One that cannot be opened raises ``SourceError`` when it was
    ``named`` on the command line and is skipped when a folder walk found it; a reader that
    fails part-way has yielded what it read and ends with one skipped Document."""
    name = display_name(path)
    try:
        with path.open("rb"):
            pass
    except OSError as e:
        reason = f"cannot be opened ({e.strerror or type(e).__name__})"
        if named:
            raise SourceError(f"{name}: {reason}") from e
        yield Document(source=name, id=name, skipped=f"file {reason}")
        return
    lower = path.name.lower()
    if lower.endswith((".warc", ".warc.gz", ".arc.gz")):
        yield from _guarded(read_warc(path, settings), name)
    elif lower.endswith((".jsonl", ".ndjson", ".jsonl.gz")):
        yield from _guarded(read_jsonl_lines(path, settings), name)
    else:
        yield from _guarded(_one_file(path, settings), name)


def _one_file(path: Path, settings: Settings) -> Iterator[Document]:
    yield read_file(path, settings)


def _guarded(documents: Iterator[Document], name: str) -> Iterator[Document]:
    """``documents``, then, if the reader fails part-way on something it did not foresee, one
    skipped Document naming the failure: a damaged file must not stop the batch."""
    read = 0
    try:
        for doc in documents:
            read += 1
            yield doc
    except Exception as e:  # noqa: BLE001 - recorded as a skip, the batch goes on
        source = f"{name}#{read + 1}" if read else name
        detail = " ".join(str(e).split())[:200] or "no detail"
        where = f" after {read} documents" if read else ""
        yield Document(
            source=source,
            id=source,
            skipped=f"file cannot be read{where} ({type(e).__name__}: {detail})",
        )


STDIN_SNIFF = 1 << 16
"""Bytes of standard input read to tell JSON Lines from a single document."""


def _read_stdin(stdin: BinaryIO, settings: Settings) -> Iterator[Document]:
    """Standard input: JSON Lines (first character ``{``) streamed line by line, else one
    document of at most ``max_bytes``."""
    head = b""
    while len(head) < settings.max_bytes:
        chunk = stdin.read(STDIN_SNIFF)
        head += chunk
        if not chunk or head.removeprefix(codecs.BOM_UTF8).strip():
            break
    if head.removeprefix(codecs.BOM_UTF8).lstrip()[:1] == b"{":
        yield from documents_from_stream(read_chunks(stdin, head), "-", settings.max_bytes)
        return
    data = head
    if len(data) <= settings.max_bytes:
        data += stdin.read(settings.max_bytes + 1 - len(data))
    if len(data) > settings.max_bytes:
        yield Document(
            source="-",
            skipped=f"input is over the {settings.max_bytes:,}-byte limit (COMMUNIQUE_MAX_BYTES)",
        )
        return
    yield document_from_bytes(data, "-", settings)
