"""Document -> Analysis: cleaning, the NLP pass and conversion to plain records.

``Analyzer`` owns one spaCy pipeline (built once, passed in or loaded from the settings) and
turns an iterable of ``Document`` into ``Analysis`` records in input order, batching the NLP
pass with ``nlp.pipe``. Documents that cannot be analysed come out with ``skipped`` set.

``analyze`` is the library function behind ``communique analyze``; with ``workers > 1`` it
spreads batches over worker processes, each of which loads the pipeline once.

Text outside the article body is blanked (replaced by spaces, newlines kept) before the NLP
pass, so token character offsets are offsets into the article text and boilerplate produces
no actors, quotes or events.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterable, Iterator
from dataclasses import replace
from itertools import islice
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from .article import ArticleCleaner
from .article.dates import parse_date
from .nlp.pipeline import load_pipeline
from .nlp.serialize import codebook_lookup, doc_to_analysis
from .records import Analysis, Article, Document
from .settings import Settings

__all__ = ["Analyzer", "analyze", "blank_outside"]


def blank_outside(text: str, body: Iterable[tuple[int, int]]) -> str:
    """``text`` with every character outside ``body`` replaced by a space (newlines kept)."""
    chars = [c if c == "\n" else " " for c in text]
    for start, end in body:
        chars[start:end] = text[start:end]
    return "".join(chars)


def _failure(stage: str, error: Exception) -> str:
    return (
        f"{stage} failed ({type(error).__name__}: {str(error)[:200]}); please report this document"
    )


def _batches(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


class Analyzer:
    """Analyses documents with one pipeline. Build once per process."""

    def __init__(self, nlp: Language | None = None, settings: Settings | None = None) -> None:
        self.settings = (settings or Settings()).validate()
        self.nlp = nlp if nlp is not None else pipeline_from_settings(self.settings)
        self.cleaner = ArticleCleaner(self.settings)
        self.lookup = codebook_lookup(self.settings.knowledge)

    def make_doc(self, article: Article) -> Doc:
        full = len(article.body) == 1 and article.body[0] == (0, len(article.text))
        text = article.text if full else blank_outside(article.text, article.body)
        doc = self.nlp.make_doc(text)
        doc._.published = parse_date(article.published)
        return doc

    def analyze_batch(self, documents: list[Document]) -> list[Analysis]:
        articles = [self._clean(d) for d in documents]
        todo = [a for a in articles if not a.skipped]
        try:
            docs = list(
                self.nlp.pipe((self.make_doc(a) for a in todo), batch_size=self.settings.batch_size)
            )
            done = {
                id(a): doc_to_analysis(a, d, self.lookup) for a, d in zip(todo, docs, strict=True)
            }
        except Exception:  # noqa: BLE001 - isolate the failing document below
            done = {id(a): self._one_by_one(a) for a in todo}
        return [done.get(id(a)) or Analysis(article=a) for a in articles]

    def _clean(self, document: Document) -> Article:
        try:
            return self.cleaner(document)
        except Exception as e:  # noqa: BLE001 - a bad document must not stop the batch
            return Article(
                id=document.id or "",
                source=document.source,
                text="",
                body=(),
                content_hash="",
                skipped=_failure("cleaning", e),
            )

    def _one_by_one(self, article: Article) -> Analysis:
        """Analyse one article alone, turning a failure into a recorded skip reason."""
        try:
            return doc_to_analysis(article, self.nlp(self.make_doc(article)), self.lookup)
        except Exception as e:  # noqa: BLE001 - recorded on the document, batch goes on
            return Analysis(article=replace(article, skipped=_failure("analysis", e)))

    def analyze(self, documents: Iterable[Document]) -> Iterator[Analysis]:
        for batch in _batches(documents, self.settings.batch_size):
            yield from self.analyze_batch(batch)

    def analyze_one(self, document: Document) -> Analysis:
        return self.analyze_batch([document])[0]


def pipeline_from_settings(settings: Settings) -> Language:
    """The pipeline the settings name, with the actor dictionaries they list (``os.pathsep``)."""
    dictionaries = [p for p in settings.actor_dictionaries.split(os.pathsep) if p]
    return load_pipeline(
        settings.model, knowledge_dir=settings.knowledge, actor_dictionaries=dictionaries
    )


# --- worker processes -------------------------------------------------------------------------
# Each worker builds its own Analyzer in the initializer; it lives in the worker's process state,
# which is what a process pool is for.
_worker_analyzer: Analyzer | None = None


def _init_worker(settings: Settings) -> None:
    global _worker_analyzer
    _worker_analyzer = Analyzer(settings=settings)


def _work(batch: list[Document]) -> list[Analysis]:
    if _worker_analyzer is None:  # pragma: no cover - the initializer always ran
        raise RuntimeError("worker used before its initializer ran")
    return _worker_analyzer.analyze_batch(batch)


class WorkerPool:
    """Worker processes that each load the pipeline once and analyse batches in order."""

    def __init__(self, settings: Settings) -> None:
        ctx = multiprocessing.get_context("spawn")
        self.pool = ctx.Pool(settings.workers, initializer=_init_worker, initargs=(settings,))

    def map(self, batches: Iterable[list[Document]]) -> Iterator[list[Analysis]]:
        return self.pool.imap(_work, batches, chunksize=1)

    def close(self) -> None:
        self.pool.close()
        self.pool.join()


def analyze(
    documents: Iterable[Document],
    settings: Settings | None = None,
    *,
    nlp: Language | None = None,
    workers: int | None = None,
) -> Iterator[Analysis]:
    """Analyse documents in input order; ``workers > 1`` uses that many processes."""
    settings = (settings or Settings()).validate()
    n = workers or settings.workers
    if n <= 1:
        yield from Analyzer(nlp, settings).analyze(documents)
        return
    pool = WorkerPool(settings.replace(workers=n))
    try:
        for result in pool.map(_batches(documents, settings.batch_size)):
            yield from result
    finally:
        pool.close()
