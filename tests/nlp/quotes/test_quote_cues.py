"""Tests for the cue lexicon (``knowledge/cues.py``, ``knowledge/cues.tsv``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from communique.knowledge.cues import inflections, load_cues
from communique.nlp.extensions import QuoteSpan
from communique.nlp.quotes import QuoteExtractor


def quotes(nlp: Language, text: str) -> list[QuoteSpan]:
    doc = nlp(text)
    found: list[QuoteSpan] = doc._.quotes
    return found


def content(q: QuoteSpan) -> str:
    return " | ".join(f.text for f in q.fragments)


# ---------------------------------------------------------------- cue lexicon


@pytest.mark.parametrize(
    ("lemma", "forms"),
    [
        ("argue", ["argue", "argues", "argued", "arguing"]),
        ("deny", ["deny", "denies", "denied", "denying"]),
        ("stress", ["stress", "stresses", "stressed", "stressing"]),
        ("tweet", ["tweet", "tweets", "tweeted", "tweeting"]),
    ],
)
def test_inflections(lemma: str, forms: list[str]) -> None:
    assert inflections(lemma) == forms


@pytest.mark.parametrize(
    "word",
    [
        "said",
        "told",
        "added",
        "warned",
        "urged",
        "insisted",
        "argued",
        "noted",
        "wrote",
        "tweeted",
        "asked",
        "admitted",
        "says",
        "telling",
    ],
)
def test_bundled_cues_cover_common_speech_verbs(word: str) -> None:
    assert load_cues().word(word, word) is not None


@pytest.mark.parametrize(("noun", "cls"), [("claim", "assertive"), ("promise", "directive")])
def test_report_nouns_are_matched_on_their_lemma_and_never_introduce_quotes(
    noun: str, cls: str
) -> None:
    cue = load_cues().nouns[noun]
    assert cue.type == "noun" and cue.cls == cls
    assert not cue.speech


def test_event_nouns_are_read_and_documents_among_them_listed() -> None:
    lexicon = load_cues()
    assert {"talk", "sanction", "summit"} <= lexicon.event_nouns
    assert {"agreement", "investigation"} <= lexicon.event_nouns & lexicon.documents


def test_multiword_cues() -> None:
    lexicon = load_cues()
    assert any(rest == ("to",) for rest, _ in lexicon.sequences["according"])
    assert any(rest == ("out",) for rest, _ in lexicon.sequences["pointed"])


def test_user_cue_file_overrides_the_bundled_one(tmp_path: Path, nlp: Language) -> None:
    (tmp_path / "cues.tsv").write_text(
        "lemma\ttype\tclass\tforms\tnotes\nopine\tverb\tassertive\t\t\n", encoding="utf-8"
    )
    lexicon = load_cues(str(tmp_path))
    assert lexicon.word("opined", "opine") is not None
    assert lexicon.word("said", "say") is None
    extractor = QuoteExtractor(knowledge_dir=str(tmp_path))
    with nlp.select_pipes(disable=["communique_quotes", "communique_events", "communique_context"]):
        doc: Doc = nlp("The senator opined that the bill would fail in the House.")
    found = extractor(doc)._.quotes
    assert [q.cue.text for q in found if q.cue is not None] == ["opined"]
