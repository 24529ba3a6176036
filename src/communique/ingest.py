"""``ingest``: read sources, analyse what is new, write it in transactional batches.

Documents already stored with the same id and content hash are recognised before the NLP pass
and cost nothing, so re-running an ingest (after a crash, or on a grown folder) only analyses
what is missing, and ends with exactly the rows of an uninterrupted run.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import TYPE_CHECKING

from .records import Document
from .settings import Settings
from .store import Store, WriteResult

if TYPE_CHECKING:
    from .analyzer import Analyzer, WorkerPool


@dataclass
class IngestSummary:
    seen: int = 0
    written: WriteResult = field(default_factory=WriteResult)
    skip_reasons: dict[str, int] = field(default_factory=dict)
    undated: int = 0
    """Articles analysed and written without a publication date (no timeline shows them)."""

    @property
    def unchanged(self) -> int:
        return self.written.unchanged


def _chunks(items: Iterable[Document], size: int) -> Iterator[list[Document]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def _stored(store: Store, doc: Document) -> bool:
    """Whether ``doc`` is stored already with the same content (the id defaults to the hash)."""
    chash = doc.raw_hash()
    return store.is_current(doc.id or chash, chash)


def ingest(
    documents: Iterable[Document],
    store: Store,
    settings: Settings | None = None,
    *,
    analyzer: Analyzer | None = None,
    on_batch: Callable[[int, int], None] | None = None,
) -> IngestSummary:
    """Analyse and store ``documents``; ``on_batch(n_done, n_skipped)`` reports progress."""
    from .analyzer import Analyzer, WorkerPool  # the NLP pass loads spaCy: only when ingesting

    settings = (settings or Settings()).validate()
    summary = IngestSummary()
    pool: WorkerPool | None = None
    if settings.workers > 1 and analyzer is None:
        pool = WorkerPool(settings)
    elif analyzer is None:
        analyzer = Analyzer(settings=settings)
    try:
        window = settings.batch_size * max(settings.workers, 1)
        for chunk in _chunks(documents, window):
            summary.seen += len(chunk)
            fresh = [d for d in chunk if not _stored(store, d)]
            summary.written.unchanged += len(chunk) - len(fresh)
            if pool is not None:
                batches = pool.map(list(_chunks(fresh, settings.batch_size)))
            else:
                assert analyzer is not None  # for mypy: set above
                batches = (analyzer.analyze_batch(b) for b in _chunks(fresh, settings.batch_size))
            skipped = 0
            for analyses in batches:
                result = store.write(analyses)
                summary.written += result
                for a in analyses:
                    if not a.skipped and a.article.published is None:
                        summary.undated += 1
                    if a.skipped:
                        skipped += 1
                        reason = a.skipped.split(" (")[0].split(":")[0]
                        summary.skip_reasons[reason] = summary.skip_reasons.get(reason, 0) + 1
            if on_batch:
                on_batch(len(chunk), skipped)
    finally:
        if pool is not None:
            pool.close()
    return summary
