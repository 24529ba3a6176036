"""Document -> Analysis: cleaning, the NLP pass and conversion to plain records.

``Analyzer`` owns one spaCy pipeline (built once, passed in or loaded from the settings) and
turns an iterable of ``Document`` into ``Analysis`` records in input order, batching the NLP
pass with ``nlp.pipe``. Documents that cannot be analysed come out with ``skipped`` set.

``analyze`` is the library function behind ``communique analyze``; with ``workers > 1`` it
spreads batches over worker processes, each of which loads the pipeline once, with at most
``IN_FLIGHT_PER_WORKER`` batches per worker read ahead (memory stays bounded on any input).

Importing this module loads neither spaCy nor the article cleaner (trafilatura): an
``Analyzer`` imports them when it is built, so the parent of worker processes, which only
reads documents and writes records, never does.

Text outside the article body is blanked (replaced by spaces, newlines kept) before the NLP
pass, so token character offsets are offsets into the article text and boilerplate produces
no actors, quotes or events.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from itertools import islice
from multiprocessing.pool import AsyncResult
from typing import TYPE_CHECKING, Any

from .records import Analysis, Article, Document
from .settings import Settings
from .sources.jsonl import escape_surrogates, lone_surrogate

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["IN_FLIGHT_PER_WORKER", "Analyzer", "WorkerPool", "analyze", "blank_outside"]

IN_FLIGHT_PER_WORKER = 2
"""Batches handed to each worker process ahead of the one being written: enough to keep every
worker busy while the parent writes, few enough that memory does not grow with the input."""


def blank_outside(text: str, body: Iterable[tuple[int, int]]) -> str:
    """``text`` with every character outside ``body`` replaced by a space (newlines kept)."""
    chars = [c if c == "\n" else " " for c in text]
    for start, end in body:
        chars[start:end] = text[start:end]
    return "".join(chars)


def _body_text(article: Article) -> str:
    """The text the pipeline reads: the article's, with everything outside its body blanked."""
    full = len(article.body) == 1 and article.body[0] == (0, len(article.text))
    return article.text if full else blank_outside(article.text, article.body)


def _lone_surrogate(document: Document) -> str | None:
    """Why ``document`` cannot be analysed when one of its strings holds a lone surrogate (half
    of a UTF-16 pair, as a JSON escape can spell): no record holding it could be written as
    UTF-8. ``None`` when its strings are valid Unicode."""
    for name in ("id", "source", "text", "html", "title", "published", "url", "outlet"):
        value = getattr(document, name)
        found = lone_surrogate(value) if value else None
        if found:
            return f"the document's {name} holds a lone surrogate ({found}); not valid Unicode"
    return None


def _failure(stage: str, error: Exception) -> str:
    return (
        f"{stage} failed ({type(error).__name__}: {str(error)[:200]}); please report this document"
    )


def _batches(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


class _Overtime(Exception):
    """Raised by the alarm when a document's time budget is spent."""


@contextmanager
def time_budget(seconds: float) -> Iterator[None]:
    """Raise ``_Overtime`` in the block once it has used ``seconds`` of CPU time (0: no
    limit).

    An interval timer of the process's CPU time (``ITIMER_PROF``, ``SIGPROF``) interrupts
    whatever Python code runs, so a document whose analysis takes too long is stopped wherever
    it is; CPU time, not wall time, so that a busy machine does not skip ordinary documents.
    Signals reach the main thread only: elsewhere (a web server's thread pool) the block runs
    without a limit.
    """
    if (
        seconds <= 0
        or not hasattr(signal, "setitimer")
        or threading.current_thread() is not threading.main_thread()
    ):
        yield
        return
    armed = True

    def alarm(signum: int, frame: object) -> None:
        if armed:
            raise _Overtime

    previous = signal.signal(signal.SIGPROF, alarm)
    signal.setitimer(signal.ITIMER_PROF, seconds)
    try:
        yield
    finally:
        armed = False
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)


class Analyzer:
    """Analyses documents with one pipeline. Build once per process.

    Per batch: each article is cleaned and tokenised (with the limits of ``nlp.limits``); the
    spaCy components before ours run batched over the documents, in groups of at most
    ``max_tokens`` tokens so that the parser's memory stays bounded; then our components and
    the conversion to records run document by document, each within ``time_budget`` seconds.
    A document over a limit or the budget comes out skipped with its reason; the batch goes on.
    """

    def __init__(self, nlp: Language | None = None, settings: Settings | None = None) -> None:
        from .article import ArticleCleaner
        from .confidence import Scorer
        from .nlp.pipeline import OUR_COMPONENTS
        from .nlp.serialize import codebook_lookup

        self.settings = (settings or Settings()).validate()
        self.nlp = nlp if nlp is not None else pipeline_from_settings(self.settings)
        self.cleaner = ArticleCleaner(self.settings)
        self.lookup = codebook_lookup(self.settings.knowledge)
        self.scorer = Scorer(self.settings.knowledge)
        """Sets each quote's and event's confidence."""
        names = self.nlp.pipe_names
        first_ours = next((k for k, n in enumerate(names) if n in OUR_COMPONENTS), len(names))
        self._batched = names[:first_ours]
        """spaCy's own components, run batched (``nlp.pipe``)."""
        self._per_doc = names[first_ours:]
        """Ours (and whatever follows them), run document by document within the budget."""

    def make_doc(self, article: Article) -> Doc:
        """The tokenised text of ``article`` (outside the body blanked), ready for the pipeline;
        no limits applied (``prepare`` applies them)."""
        from .article.dates import parse_date

        doc = self.nlp.make_doc(_body_text(article))
        doc._.published = parse_date(article.published)
        doc._.byline = tuple(article.byline)
        return doc

    def prepare(self, article: Article) -> tuple[Article, Doc | None]:
        """``article`` tokenised within the limits: the doc, and the article with its notes;
        ``(article with skipped set, None)`` when it is over a limit or cannot be read."""
        from .article.dates import parse_date
        from .nlp.limits import blank_long_runs, split_long_passages

        if article.skipped:
            return article, None
        s = self.settings
        try:
            with time_budget(s.time_budget):
                text, runs = blank_long_runs(_body_text(article), s.max_word_chars)
                doc = self.nlp.make_doc(text)
                if len(doc) > s.max_tokens:
                    reason = (
                        f"the text has {len(doc):,} tokens, over the {s.max_tokens:,} limit "
                        "(COMMUNIQUE_MAX_TOKENS)"
                    )
                    return replace(article, skipped=reason), None
                split = split_long_passages(doc, s.max_sentence_tokens)
                doc._.published = parse_date(article.published)
        except _Overtime:
            return replace(article, skipped=self._overtime("tokenising")), None
        except Exception as e:  # noqa: BLE001 - recorded on the document, batch goes on
            return replace(article, skipped=_failure("tokenising", e)), None
        notes = list(article.notes)
        if runs:
            notes.append(
                f"{runs:,} run(s) of more than {s.max_word_chars:,} characters without a space "
                "left out of the analysis (COMMUNIQUE_MAX_WORD_CHARS)"
            )
        if split:
            notes.append(
                f"{split:,} passage(s) of more than {s.max_sentence_tokens:,} tokens without a "
                "sentence end split into sentences (COMMUNIQUE_MAX_SENTENCE_TOKENS)"
            )
        return (replace(article, notes=tuple(notes)) if notes else article), doc

    def _overtime(self, stage: str) -> str:
        return (
            f"{stage} took longer than the time budget of {self.settings.time_budget:g} s "
            "of CPU time (COMMUNIQUE_TIME_BUDGET)"
        )

    def analyze_batch(self, documents: list[Document]) -> list[Analysis]:
        prepared = [self.prepare(self.clean(d)) for d in documents]
        parsed = self._parse([doc for _, doc in prepared if doc is not None])
        out: list[Analysis] = []
        for article, doc in prepared:
            if doc is None:
                out.append(Analysis(article=article))
                continue
            done = parsed.get(id(doc))
            if done is None or isinstance(done, Exception):
                reason = _failure("analysis", done or RuntimeError("document lost"))
                out.append(Analysis(article=replace(article, skipped=reason)))
            else:
                out.append(self._finish(article, done))
        return out

    def _parse(self, docs: list[Doc]) -> dict[int, Doc | Exception]:
        """spaCy's own components over ``docs``, batched in groups of at most ``max_tokens``
        tokens: ``id(doc)`` -> the parsed doc, or the exception that stopped it."""
        out: dict[int, Doc | Exception] = {}
        disable = self._per_doc
        for group in _token_groups(docs, self.settings.max_tokens):
            try:
                parsed = list(self.nlp.pipe(group, disable=disable, batch_size=len(group)))
                out.update((id(d), p) for d, p in zip(group, parsed, strict=True))
            except Exception:  # noqa: BLE001 - isolate the failing document below
                for d in group:
                    try:
                        out[id(d)] = next(iter(self.nlp.pipe([d], disable=disable)))
                    except Exception as e:  # noqa: BLE001 - recorded on the document
                        out[id(d)] = e
        return out

    def _finish(self, article: Article, doc: Doc) -> Analysis:
        """Our components and the conversion to records for one parsed doc, within the time
        budget; a failure or overtime becomes the article's skip reason."""
        from .nlp.serialize import doc_to_analysis

        try:
            with time_budget(self.settings.time_budget):
                for name in self._per_doc:
                    doc = self.nlp.get_pipe(name)(doc)
                return self.scorer(doc_to_analysis(article, doc, self.lookup))
        except _Overtime:
            return Analysis(article=replace(article, skipped=self._overtime("analysis")))
        except Exception as e:  # noqa: BLE001 - recorded on the document, batch goes on
            return Analysis(article=replace(article, skipped=_failure("analysis", e)))

    def clean(self, document: Document) -> Article:
        """``document`` cleaned into an article (HTML extracted, body found), within the time
        budget; a document that cannot be cleaned comes out skipped with its reason."""
        unreadable = _lone_surrogate(document)
        if unreadable:
            return Article(
                id=escape_surrogates(document.id or document.source),
                source=escape_surrogates(document.source),
                text="",
                body=(),
                content_hash=document.raw_hash(),
                skipped=unreadable,
            )
        try:
            with time_budget(self.settings.time_budget):
                return self.cleaner(document)
        except _Overtime:
            reason = self._overtime("cleaning")
        except Exception as e:  # noqa: BLE001 - a bad document must not stop the batch
            reason = _failure("cleaning", e)
        return Article(
            id=document.id or document.raw_hash(),
            source=document.source,
            text="",
            body=(),
            content_hash=document.raw_hash(),
            skipped=reason,
        )

    def analyze(self, documents: Iterable[Document]) -> Iterator[Analysis]:
        for batch in _batches(documents, self.settings.batch_size):
            yield from self.analyze_batch(batch)

    def analyze_one(self, document: Document) -> Analysis:
        return self.analyze_batch([document])[0]


def _token_groups(docs: list[Doc], max_tokens: int) -> Iterator[list[Doc]]:
    """``docs`` in order, in consecutive groups of at most ``max_tokens`` tokens in all (a
    longer doc alone)."""
    group: list[Doc] = []
    size = 0
    for doc in docs:
        if group and size + len(doc) > max_tokens:
            yield group
            group, size = [], 0
        group.append(doc)
        size += len(doc)
    if group:
        yield group


def pipeline_from_settings(settings: Settings) -> Language:
    """The pipeline the settings name, with the actor and verb dictionaries they list
    (``os.pathsep``)."""
    from .nlp.pipeline import load_pipeline

    dictionaries = [p for p in settings.actor_dictionaries.split(os.pathsep) if p]
    verb_dictionaries = [p for p in settings.verb_dictionaries.split(os.pathsep) if p]
    return load_pipeline(
        settings.model,
        knowledge_dir=settings.knowledge,
        actor_dictionaries=dictionaries,
        verb_dictionaries=verb_dictionaries,
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
        self.workers = settings.workers
        self.pool = ctx.Pool(settings.workers, initializer=_init_worker, initargs=(settings,))

    def map(self, batches: Iterable[list[Document]]) -> Iterator[list[Analysis]]:
        """The analyses of ``batches``, batch by batch in input order. Batches are read from
        ``batches`` only as workers can take them (``IN_FLIGHT_PER_WORKER`` each), unlike
        ``Pool.imap``, which reads its whole input into the task queue at once."""
        pending: deque[AsyncResult[list[Analysis]]] = deque()
        limit = IN_FLIGHT_PER_WORKER * self.workers
        for batch in batches:
            pending.append(self.pool.apply_async(_work, (batch,)))
            if len(pending) >= limit:
                yield pending.popleft().get()
        while pending:
            yield pending.popleft().get()

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
