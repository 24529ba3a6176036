"""Readers that turn paths, URLs and streams into ``Document`` records.

``read_sources(["a.txt", "dir/", "dump.jsonl", "crawl.warc.gz", "-", "https://..."])`` yields
one ``Document`` per document found. A source that cannot be read at all (a missing path, a
failed download) raises ``SourceError``; a single bad document inside a readable source (an
empty file, a binary file, a line that is not JSON) yields a ``Document`` whose ``skipped``
says why, so the batch goes on and the reason is recorded.

Which reader applies is decided by the name (``.jsonl``, ``.warc``, ``.html`` ...) and, for
names that say nothing, by sniffing the first bytes.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from ..errors import SourceError
from ..records import Document
from ..settings import Settings
from .files import document_from_bytes, read_file
from .jsonl import read_jsonl_lines
from .url import Fetcher, UrllibFetcher, read_url
from .warc import read_warc

__all__ = ["read_sources", "Fetcher", "UrllibFetcher", "document_from_bytes", "KNOWN_SUFFIXES"]

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
            data = stdin.read(settings.max_bytes + 1)
            yield from _from_stream_bytes(data, "-", settings)
        elif source.startswith(("http://", "https://")):
            yield read_url(source, fetcher or UrllibFetcher(settings), settings)
        else:
            path = Path(source)
            if path.is_dir():
                found = False
                for item in _walk(path):
                    found = True
                    yield from _read_path(item, settings)
                if not found:
                    raise SourceError(
                        f"{source}: no files ending in {', '.join(KNOWN_SUFFIXES)} in this folder"
                    )
            elif path.is_file():
                yield from _read_path(path, settings)
            elif source.startswith(("ftp://", "file://", "s3://")):
                raise SourceError(f"{source}: only http(s) URLs can be fetched")
            else:
                raise SourceError(f"{source}: no such file or folder")


def _read_path(path: Path, settings: Settings) -> Iterator[Document]:
    name = path.name.lower()
    if name.endswith((".warc", ".warc.gz", ".arc.gz")):
        yield from read_warc(path, settings)
    elif name.endswith((".jsonl", ".ndjson", ".jsonl.gz")):
        yield from read_jsonl_lines(path, settings)
    else:
        yield read_file(path, settings)


def _from_stream_bytes(data: bytes, source: str, settings: Settings) -> Iterator[Document]:
    if len(data) > settings.max_bytes:
        yield Document(
            source=source,
            skipped=f"input is over the {settings.max_bytes:,}-byte limit (COMMUNIQUE_MAX_BYTES)",
        )
        return
    head = data.lstrip()[:1]
    if head == b"{":
        from .jsonl import documents_from_lines

        yield from documents_from_lines(data.decode("utf-8", "replace").splitlines(), source)
    else:
        yield document_from_bytes(data, source, settings)
