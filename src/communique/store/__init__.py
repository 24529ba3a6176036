"""The embedded SQLite store: schema and migrations (``schema``), writes (``db``), cross-article
actor identity (``actors``) and read queries (``queries``). It never imports the NLP pass:
``communique.ingest`` sits above both."""

from .db import Store, WriteResult

__all__ = ["Store", "WriteResult"]
