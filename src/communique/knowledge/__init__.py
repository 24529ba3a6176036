"""Knowledge files: the data the extractors read, authored for this project.

Every file lives in this folder and may be overridden by a file of the same name in a user's
folder (the ``knowledge`` setting). ``data_path`` finds the file in force; ``read_table`` reads
our tab-separated format: ``#`` starts a comment line, the first non-comment line names the
columns, empty cells are ``""``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

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
    path = data_path(name, knowledge_dir)
    header: list[str] | None = None
    with path.open(encoding="utf-8") as fh:
        for raw in fh:
            line = raw.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            cells = line.split("\t")
            if header is None:
                header = [c.strip() for c in cells]
                continue
            cells += [""] * (len(header) - len(cells))
            yield {h: c.strip() for h, c in zip(header, cells, strict=False)}
