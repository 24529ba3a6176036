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

from .analyze import Analyzer, analyze
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
from .nlp.pipeline import load_pipeline
from .records import Actor, Analysis, Article, Document, Event, Mention, Quote
from .settings import Settings
from .sources import read_sources
from .store import Store, ingest

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
