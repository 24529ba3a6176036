"""The analyzer's bounds on one document's work: token limit, time budget, notes."""

from __future__ import annotations

import signal
import time

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from communique.analyzer import Analyzer, _Overtime, time_budget
from communique.errors import ConfigError
from communique.nlp.extensions import register_extensions
from communique.records import Document
from communique.settings import Settings

ARTICLE = "The foreign minister met the envoy in Paris on Monday. They talked about trade."


def text_doc(doc_id: str, text: str) -> Document:
    return Document(source=doc_id, id=doc_id, text=text, title="T", extracted=True)


@Language.component("test_slow_on_request")
def _slow_on_request(doc: Doc) -> Doc:
    if "slowly" in doc.text:  # busy for 5 s of CPU time (the budget counts CPU, not waiting)
        end = time.process_time() + 5
        while time.process_time() < end:
            pass
    return doc


@pytest.fixture
def slow_analyzer() -> Analyzer:
    """A blank English pipeline whose first 'Communiqué' component sleeps on request."""
    register_extensions()
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("test_slow_on_request", name="communique_actors")
    return Analyzer(nlp, Settings(time_budget=0.5))


def test_a_document_over_its_time_budget_is_skipped_and_the_batch_goes_on(
    slow_analyzer: Analyzer,
) -> None:
    start = time.perf_counter()
    out = slow_analyzer.analyze_batch(
        [
            text_doc("a", ARTICLE),
            text_doc("b", "He spoke slowly. " + ARTICLE),
            text_doc("c", ARTICLE),
        ]
    )
    assert time.perf_counter() - start < 4
    assert [a.skipped is None for a in out] == [True, False, True]
    assert "time budget of 0.5 s" in (out[1].skipped or "")
    assert signal.getsignal(signal.SIGPROF) in (signal.SIG_DFL, signal.SIG_IGN, None)


def test_the_time_budget_stops_a_busy_block_and_restores_the_handler() -> None:
    before = signal.getsignal(signal.SIGPROF)
    with pytest.raises(_Overtime), time_budget(0.05):
        while True:
            pass
    with time_budget(5):
        time.sleep(0.2)  # waiting is no work: the budget counts CPU time
    assert signal.getsignal(signal.SIGPROF) == before
    assert signal.getitimer(signal.ITIMER_PROF) == (0.0, 0.0)


def test_no_budget_means_no_timer() -> None:
    with time_budget(0):
        assert signal.getitimer(signal.ITIMER_PROF) == (0.0, 0.0)


def test_a_document_of_too_many_tokens_is_skipped_with_its_reason(analyzer: Analyzer) -> None:
    small = Analyzer(analyzer.nlp, Settings(max_tokens=30))
    out = small.analyze_batch([text_doc("long", ARTICLE * 3), text_doc("short", ARTICLE)])
    assert out[0].skipped is not None
    assert "over the 30 limit (COMMUNIQUE_MAX_TOKENS)" in out[0].skipped
    assert out[1].skipped is None and out[1].actors


def test_what_the_limits_change_is_noted_on_the_record(analyzer: Analyzer) -> None:
    bounded = Analyzer(analyzer.nlp, Settings(max_word_chars=50, max_sentence_tokens=40))
    junk = "x" * 60
    text = (
        ARTICLE + f" See {junk} here.\n\n" + "the envoy met the minister " * 20 + "\n\n" + ARTICLE
    )
    record = bounded.analyze_one(text_doc("n", text)).to_dict()
    assert record["skipped"] is None
    assert record["text"] == text
    assert len(record["notes"]) == 2
    assert "1 run(s) of more than 50 characters" in record["notes"][0]
    assert "1 passage(s) of more than 40 tokens" in record["notes"][1]
    assert not any(junk in a["name"] for a in record["actors"])


def test_ordinary_news_gets_no_notes(seed_analysis) -> None:  # type: ignore[no-untyped-def]
    assert seed_analysis.article.notes == ()
    assert seed_analysis.to_dict()["notes"] == []


@pytest.mark.parametrize(
    "change",
    [{"max_tokens": 0}, {"max_sentence_tokens": 0}, {"max_word_chars": -1}, {"time_budget": -1.0}],
)
def test_limits_are_validated(change: dict[str, float]) -> None:
    with pytest.raises(ConfigError):
        Settings(**change).validate()  # type: ignore[arg-type]


class _Done:
    def __init__(self, value: list[str]) -> None:
        self.value = value

    def get(self) -> list[str]:
        return self.value


class _InlinePool:
    """A stand-in for a process pool: runs each task when it is handed over."""

    def apply_async(self, func: object, args: tuple[list[str]]) -> _Done:
        return _Done([f"analysed {d}" for d in args[0]])


def test_worker_pool_reads_ahead_a_bounded_number_of_batches() -> None:
    from communique.analyzer import IN_FLIGHT_PER_WORKER, WorkerPool

    pool = WorkerPool.__new__(WorkerPool)  # no processes: the pool is replaced
    pool.workers, pool.pool = 2, _InlinePool()  # type: ignore[assignment]
    read = 0

    def batches():  # type: ignore[no-untyped-def]
        nonlocal read
        for n in range(20):
            read += 1
            yield [f"d{n}"]

    results = pool.map(batches())
    assert next(results) == ["analysed d0"]
    assert read == IN_FLIGHT_PER_WORKER * 2  # not the whole input, as Pool.imap reads it
    assert list(results) == [[f"analysed d{n}"] for n in range(1, 20)]  # in input order
