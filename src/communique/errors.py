"""Exceptions raised by Communiqué.

All of them derive from ``CommuniqueError``, so a caller can catch one class::

    CommuniqueError
    ├── ConfigError          a setting or option has a value that cannot work
    ├── ModelError           no usable spaCy pipeline could be loaded
    ├── SourceError          an input could not be read at all (missing path, failed download)
    │   └── FetchError       an http(s) URL failed: status, timeout, size cap, redirects
    ├── StoreError           the database cannot be opened, migrated or written
    │   └── NotFound         a requested document or actor does not exist
    ├── DictionaryError      a PETRARCH/TABARI dictionary file is malformed
    ├── JobError             a distributed (Spark) job failed
    └── EvalError            a gold file for ``communique eval`` is malformed

Problems with a single document (binary content, invalid JSON, not English) are not raised:
they become a ``skipped`` reason on that document's record, and the batch goes on.
"""

from __future__ import annotations


class CommuniqueError(Exception):
    """Base class of every error Communiqué raises on purpose."""


class ConfigError(CommuniqueError):
    """A setting or option has a value that cannot work."""


class ModelError(CommuniqueError):
    """No usable spaCy pipeline could be loaded."""


class SourceError(CommuniqueError):
    """An input could not be read at all."""


class FetchError(SourceError):
    """Fetching an http(s) URL failed."""


class StoreError(CommuniqueError):
    """The database cannot be opened, migrated or written."""


class NotFound(StoreError):
    """A requested record does not exist."""


class DictionaryError(CommuniqueError):
    """A PETRARCH/TABARI dictionary file is malformed."""


class JobError(CommuniqueError):
    """A distributed (Spark) job failed."""


class EvalError(CommuniqueError):
    """A gold file for evaluation is malformed."""
