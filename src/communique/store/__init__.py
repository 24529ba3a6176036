"""The embedded SQLite store: schema (``schema``), writes (``db``), cross-article actors
(``actors``), ingest (``ingest``) and read queries (``queries``)."""

from .db import Store, WriteResult
from .ingest import IngestSummary, ingest

__all__ = ["Store", "WriteResult", "IngestSummary", "ingest"]
