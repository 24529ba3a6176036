"""Communiqué: turn news into a record of who said what, and who did what to whom.

The public API::

    from communique import Analyzer, read_sources, Store, ingest

    analyzer = Analyzer()                                   # loads the spaCy pipeline once
    for analysis in analyzer.analyze(read_sources(["article.txt"])):
        print(analysis.to_dict()["quotes"])

    with Store("communique.db") as store:
        ingest(read_sources(["articles/"]), store)
"""

from __future__ import annotations

import typing as _typing

from .errors import (
    CommuniqueError,
    ConfigError,
    DictionaryError,
    EvalError,
    FetchError,
    JobError,
    ModelError,
    NotFound,
    SourceError,
    StoreError,
)
from .ingest import ingest
from .records import Actor, Analysis, Article, Document, Event, Mention, Quote
from .settings import Settings
from .store import Store

if _typing.TYPE_CHECKING:
    from .analyzer import Analyzer, analyze
    from .nlp.pipeline import load_pipeline
    from .sources import read_sources

# The NLP pass loads spaCy (about a second): its names are imported on first use, so that
# ``import communique.store`` or ``communique.web`` and the read-only commands never pay for it;
# so are the readers (WARC, URLs, feeds: a tenth of a second), which the queries do not need.
_LAZY = {
    "Analyzer": "analyzer",
    "analyze": "analyzer",
    "load_pipeline": "nlp.pipeline",
    "read_sources": "sources",
}


def __getattr__(name: str) -> _typing.Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'communique' has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


__all__ = [
    "Actor",
    "Analysis",
    "Analyzer",
    "Article",
    "CommuniqueError",
    "ConfigError",
    "DictionaryError",
    "Document",
    "EvalError",
    "Event",
    "FetchError",
    "JobError",
    "Mention",
    "ModelError",
    "NotFound",
    "Quote",
    "Settings",
    "SourceError",
    "Store",
    "StoreError",
    "analyze",
    "ingest",
    "load_pipeline",
    "read_sources",
]
