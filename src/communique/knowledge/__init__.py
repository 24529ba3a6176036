"""Knowledge files: the data the extractors read, authored for this project.

Every file lives in this folder and may be overridden by a file of the same name in a user's
folder (the ``knowledge`` setting). ``data_path`` finds the file in force; ``read_table`` reads
our tab-separated format: ``#`` starts a comment line, the first non-comment line names the
columns, empty cells are ``""``. ``read_lists`` reads the word-list files (``*_words.tsv``,
``event_codes.tsv``): named lists of words or codes, each entry with an optional value.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from pathlib import Path

from ..errors import ConfigError

BUNDLED = Path(__file__).resolve().parent


def data_path(name: str, knowledge_dir: str = "") -> Path:
    """The file ``name`` from ``knowledge_dir`` when it has one, else the bundled file."""
    if knowledge_dir:
        candidate = Path(knowledge_dir) / name
        if candidate.is_file():
            return candidate
    return BUNDLED / name


def read_table(name: str, knowledge_dir: str = "") -> Iterator[dict[str, str]]:
    """Rows of a bundled (or overridden) tab-separated knowledge file, as dicts."""
    for _, row in read_numbered_table(name, knowledge_dir):
        yield row


def read_numbered_table(name: str, knowledge_dir: str = "") -> Iterator[tuple[int, dict[str, str]]]:
    """``read_table`` with the line number (from 1) of each row, for error messages."""
    path = data_path(name, knowledge_dir)
    header: list[str] | None = None
    with path.open(encoding="utf-8") as fh:
        for number, raw in enumerate(fh, 1):
            line = raw.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            cells = line.split("\t")
            if header is None:
                header = [c.strip() for c in cells]
                continue
            cells += [""] * (len(header) - len(cells))
            yield number, dict(zip(header, map(str.strip, cells), strict=False))


def read_lists(
    name: str, knowledge_dir: str = "", *, lists: Collection[str], key: str = "word"
) -> dict[str, dict[str, str]]:
    """A word-list file (columns ``list``, ``key``, ``value``): list name -> word -> value
    (``""`` when the row gives none), words in file order. Every name of ``lists`` is in the
    result (empty when the file has no row for it); a row naming another list raises
    ``ConfigError`` with the file and line."""
    out: dict[str, dict[str, str]] = {k: {} for k in lists}
    for number, row in read_numbered_table(name, knowledge_dir):
        found = out.get(row["list"])
        if found is None:
            raise ConfigError(
                f"{data_path(name, knowledge_dir)}, line {number}: unknown list "
                f"{row['list']!r} (expected one of {sorted(lists)})"
            )
        found.setdefault(row[key], row.get("value", ""))
    return out
