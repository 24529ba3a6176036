"""What a reader meets: titles of works in quotation marks, a report inside "according to",
and reports that someone denies (round 3 of issue 11)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from communique.knowledge.cues import load_cues
from communique.nlp.extensions import QuoteSpan


def quotes(nlp: Language, text: str) -> list[QuoteSpan]:
    found: list[QuoteSpan] = nlp(text)._.quotes
    return found


def content(q: QuoteSpan) -> str:
    return " | ".join(f.text for f in q.fragments)


def test_work_nouns_come_from_the_actor_words() -> None:
    lexicon = load_cues()
    assert {"film", "album", "documentary"} <= lexicon.work_nouns
    assert {"including", "called", "as"} <= lexicon.title_leads


# ---------------------------------------------------------------- titles of works

TITLES = [
    # a list of titles after a noun for works and a word that leads to them
    "Brennan has starred in films including “Glass Town,” “The Four Riders” and “Minor League.”",
    "Brennan has starred in movies including “Glass Town,” “The Four Riders” and “Major Storm.”",
    "The band recorded albums such as “Blue Highway” and “Paper Moon” in the 1990s.",
    "He once wrote a novel called “The Quiet Valley of Stones.”",
    # right after the noun
    "She appeared in the documentary “Rivers of the North” last year.",
]


@pytest.mark.parametrize("text", TITLES)
def test_a_title_after_a_noun_for_works_is_no_quote(nlp: Language, text: str) -> None:
    assert quotes(nlp, text) == []


def test_quoted_words_with_a_finite_verb_after_a_work_noun_still_quote(nlp: Language) -> None:
    # a clause in quotation marks is no title, even right after a noun for works
    found = quotes(
        nlp,
        "He has written books including “Long Road” and “Winter Light,” and he said the new "
        "one “is the hardest I have written.”",
    )
    assert [q.kind for q in found] == ["mixed"]
    assert "hardest" in content(found[0])
    assert "Winter" not in content(found[0])


# ---------------------------------------------------------------- a report inside a report


def test_according_to_reports_the_clause_of_its_inner_cue(nlp: Language) -> None:
    found = quotes(
        nlp, "According to the ministry, an unnamed official said the border would reopen."
    )
    assert len(found) == 1
    assert found[0].cue is not None and found[0].cue.text == "According to"
    assert found[0].speaker is not None and found[0].speaker.text == "the ministry"
    assert "the border would reopen" in content(found[0])


def test_according_to_after_the_clause(nlp: Language) -> None:
    found = quotes(
        nlp,
        "The governor told donors that the bridge would be rebuilt next year, according to "
        "two people at the dinner.",
    )
    assert len(found) == 1
    assert found[0].speaker is not None and "two people" in found[0].speaker.text


# ---------------------------------------------------------------- reports someone answers

DENIED = [
    "The governor denied reports that she had told aides the budget would fail.",
    "The coach dismissed claims that the club would sell its captain.",
    "The minister rejected allegations that the army had shelled the village.",
]


@pytest.mark.parametrize("text", DENIED)
def test_a_report_answered_by_the_subject_has_no_known_author(nlp: Language, text: str) -> None:
    # the subject of "denied" did not make the reports, and what the reports say someone
    # "told" is hearsay of hearsay: no quote
    assert quotes(nlp, text) == []


@pytest.mark.parametrize("verb", ["made", "repeated", "confirmed", "acknowledged"])
def test_a_report_made_repeated_or_affirmed_by_the_subject_is_theirs(
    nlp: Language, verb: str
) -> None:
    found = quotes(nlp, f"The senator {verb} the claim that the vote had been rigged.")
    assert len(found) == 1
    assert found[0].speaker is not None and found[0].speaker.text == "The senator"
    assert content(found[0]) == "that the vote had been rigged"


def test_a_clause_reported_around_a_title_is_still_a_quote(nlp: Language) -> None:
    # the title is a name, not quoted words; the clause around it is still reported
    found = quotes(nlp, "The critic said the film “Iron Sky” was a disaster for the studio.")
    assert len(found) == 1
    assert found[0].speaker is not None and found[0].speaker.text == "The critic"
    assert content(found[0]) == "the film “Iron Sky” was a disaster for the studio"


def test_an_adverbial_around_a_title_is_no_reported_clause(nlp: Language) -> None:
    # a phrase without a verb of its own outside the title reports nothing
    found = quotes(
        nlp, "In her 2010 book, “Make Your Garden Grow,” Ms. Hale suggested planting beans early."
    )
    assert all("Garden" not in content(q) for q in found)
