"""Property tests over the analysis: documents with hostile text (RTL marks, emoji, NUL and
control characters, line separators, very long tokens, many quote marks, lone surrogates)
go through ``Analyzer.analyze_batch`` and come out as one valid record per document.

A record is valid when it matches ``analysis.schema.json``, every offset lies inside its
text, it can be written as UTF-8 JSON (what ``analyze`` prints and the store keeps), and it
reads back (``Analysis.from_dict``) to the same record.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

import jsonschema
import pytest
from fuzzing import FUZZ, HOSTILE, LONE_SURROGATES, NO_SHRINK, SENTENCES, hostile_text
from hypothesis import given, settings
from hypothesis import strategies as st

from communique.records import Analysis, Document

if TYPE_CHECKING:
    from communique.analyzer import Analyzer

from helpers import ROOT

SCHEMA = json.loads((ROOT / "src/communique/schema/analysis.schema.json").read_text("utf-8"))
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)

DATES = ("2013-09-05", "yesterday", "", "32/13/2013", "\x00", "‏2013‎", "9" * 400, "😀")


@st.composite
def documents(draw: st.DrawFn, *, surrogates: bool = False) -> list[Document]:
    """1-4 documents: plain text (scraped or extracted), or HTML wrapping the hostile text."""
    n = draw(st.integers(1, 4))
    docs = []
    for i in range(n):
        text = draw(hostile_text(surrogates=surrogates, max_pieces=12))
        kind = draw(st.sampled_from(["text", "extracted", "html"]))
        meta = {
            "id": draw(st.sampled_from([f"doc-{i}", None, f"‮{i}😀"])),
            "title": draw(st.one_of(st.none(), st.sampled_from(HOSTILE))),
            "published": draw(st.one_of(st.none(), st.sampled_from(DATES))),
            "outlet": draw(st.one_of(st.none(), st.sampled_from(HOSTILE))),
        }
        if kind == "html":
            paragraphs = "".join(f"<p>{s} {text}</p>" for s in SENTENCES[:4])
            html = f"<html><head><title>{text[:50]}</title></head><body>{paragraphs}</body></html>"
            docs.append(Document(source=f"fuzz:{i}", html=html, **meta))
        else:
            docs.append(
                Document(source=f"fuzz:{i}", text=text, extracted=kind == "extracted", **meta)
            )
    return docs


def check_spans(record: dict, n: int) -> None:
    def inside(start: int | None, end: int | None, what: str) -> None:
        if start is None and end is None:
            return
        assert start is not None and end is not None, what
        assert 0 <= start <= end <= n, f"{what}: [{start}, {end}) outside a text of {n}"

    for start, end in record["body"]:
        inside(start, end, "body")
    for actor in record["actors"]:
        for start, end in actor["mentions"]:
            inside(start, end, "actor mention")
    for quote in record["quotes"]:
        inside(quote["start"], quote["end"], "quote")
        inside(quote["speaker_start"], quote["speaker_end"], "speaker")
        inside(quote["cue_start"], quote["cue_end"], "cue")
        for start, end in quote["fragments"]:
            inside(start, end, "quote fragment")
    for event in record["events"]:
        inside(event["start"], event["end"], "event")
    for mention in (*record["places"], *record["dates"]):
        inside(mention["start"], mention["end"], "place or date")


def check_records(docs: list[Document], out: list[Analysis]) -> None:
    assert len(out) == len(docs)
    for doc, analysis in zip(docs, out, strict=True):
        record = analysis.to_dict()
        if doc.id is not None:
            assert record["id"] == doc.id
        assert record["source"] == doc.source
        errors = sorted(VALIDATOR.iter_errors(record), key=lambda e: list(e.path))
        assert not errors, [f"{list(e.path)}: {e.message[:200]}" for e in errors]
        check_spans(record, len(record["text"]))
        line = json.dumps(record, ensure_ascii=False).encode("utf-8")
        assert b"\n" not in line
        again = json.loads(line.decode("utf-8"))
        assert Analysis.from_dict(again).to_dict() == again


@settings(FUZZ, max_examples=40)
@given(docs=documents())
def test_hostile_documents_give_one_valid_record_each(
    analyzer: Analyzer, docs: list[Document]
) -> None:
    check_records(docs, analyzer.analyze_batch(docs))


@settings(FUZZ, max_examples=8)
@given(docs=documents())
def test_hostile_documents_analysed_one_by_one_match_the_batch(
    analyzer: Analyzer, docs: list[Document]
) -> None:
    """A hostile neighbour must not change another document's record."""
    batch = [a.to_dict() for a in analyzer.analyze_batch(docs)]
    alone = [analyzer.analyze_one(d).to_dict() for d in docs]
    assert batch == alone


@pytest.mark.xfail(
    strict=True,
    reason="issue 10 (left after the reader and CLI fixes, library level): a lone surrogate in a "
    "Document's text makes a record that cannot be written as UTF-8 (the analysis fails with "
    "UnicodeEncodeError and is skipped, but the record keeps the text)",
)
@settings(FUZZ, max_examples=15, phases=NO_SHRINK)
@given(docs=documents(surrogates=True), which=st.sampled_from(LONE_SURROGATES))
def test_lone_surrogates_give_records_that_can_be_written(
    analyzer: Analyzer, docs: list[Document], which: str
) -> None:
    first = docs[0]
    if first.html is not None:
        docs[0] = Document(source=first.source, id=first.id, html=first.html + which)
    else:
        docs[0] = Document(source=first.source, id=first.id, text=f"{which} {first.text}")
    check_records(docs, analyzer.analyze_batch(docs))


# --- nothing stuck: time linear in the size of the hostile part --------------------------------


def seconds(analyzer: Analyzer, make: Callable[[int], str], n: int) -> float:
    """The best of two timings of one document's analysis, with ``n`` and ``n + 1`` (spaCy's
    tokenizer caches what it has seen: a second run of the same text would take no time)."""
    best = float("inf")
    for k in (n, n + 1):
        doc = Document(source="t", id="t", text=make(k), title="T", extracted=True)
        start = time.perf_counter()
        analyzer.analyze_one(doc)
        best = min(best, time.perf_counter() - start)
    return best


def growth(
    analyzer: Analyzer, make: Callable[[int], str], control: Callable[[int], str], n: int
) -> float:
    """How much more the hostile part of a document costs when it is three times as long,
    over a control text of as many tokens: about 3 when linear, about 9 when quadratic."""
    small = seconds(analyzer, make, n) - seconds(analyzer, control, n)
    large = seconds(analyzer, make, 3 * n) - seconds(analyzer, control, 3 * n)
    return large / max(small, 1e-3)


LEAD = "The talks in Geneva went well, the minister said on Monday. "


@pytest.mark.xfail(
    strict=True,
    reason="new, not in issue 10: spaCy's tokenizer takes time quadratic in a run of emoji or "
    'marks with no space (8,000 " take 4 s, 28,000 emoji 2 minutes)',
)
def test_a_run_of_marks_takes_time_linear_in_its_length(analyzer: Analyzer) -> None:
    marks = lambda n: LEAD + '"' * n  # noqa: E731 - n tokens in one run
    spaced = lambda n: LEAD + "- " * n  # noqa: E731 - n tokens, spaced
    assert growth(analyzer, marks, spaced, 1100) < 5.5


@pytest.mark.xfail(
    strict=True,
    reason="new, not in issue 10: communique_actors takes time quadratic in the number of "
    "person mentions (a 300 KB run of 'Minister' took 4 minutes)",
)
def test_many_mentions_take_time_linear_in_their_number(analyzer: Analyzer) -> None:
    mentions = lambda n: LEAD + "President Putin " * n  # noqa: E731
    words = lambda n: LEAD + "the talks " * n  # noqa: E731
    assert growth(analyzer, mentions, words, 550) < 5.5
