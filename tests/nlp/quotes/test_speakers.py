"""Tests for who can be a speaker: resolved or unresolved pronouns, the generic "you", things
that cannot speak (amounts, events), and questions a cue says were not answered."""

from __future__ import annotations

import pytest
from spacy.language import Language

from communique.nlp.extensions import QuoteSpan


def quotes(nlp: Language, text: str) -> list[QuoteSpan]:
    found: list[QuoteSpan] = nlp(text)._.quotes
    return found


def content(q: QuoteSpan) -> str:
    return " | ".join(f.text for f in q.fragments)


def test_a_pronoun_takes_its_antecedents_name(nlp: Language) -> None:
    text = (
        "Sergei Lavrov met his counterpart in Geneva on Friday. "
        "He said the two countries were united by a shared responsibility."
    )
    (q,) = quotes(nlp, text)
    assert q.speaker is not None and q.speaker.text == "He"
    assert q.speaker_name == "Sergei Lavrov"


def test_an_unresolved_pronoun_keeps_the_mention_but_no_name(nlp: Language) -> None:
    (q,) = quotes(nlp, "She said the committee would publish its findings in the spring.")
    assert q.speaker is not None and q.speaker.text == "She"
    assert q.actor is None and q.speaker_name is None


@pytest.mark.parametrize(
    "text",
    [
        "I think the committee will publish its findings in the spring.",
        "We believe the committee will publish its findings in the spring.",
    ],
)
def test_first_person_speakers_are_unresolved_not_named_i_or_we(nlp: Language, text: str) -> None:
    for q in quotes(nlp, text):
        assert q.speaker is not None and q.speaker.text in ("I", "We")
        assert q.speaker_name is None


@pytest.mark.parametrize(
    "text",
    [
        "When you see an image like this, you say “This was made by a machine,” and move on.",
        "If you think the tax will cost families more, you are not alone.",
        "If one seeks to follow constitutional principles, the answer is simple.",
    ],
)
def test_the_generic_you_or_one_speaks_for_no_one(nlp: Language, text: str) -> None:
    found = quotes(nlp, text)
    assert all(q.speaker is None or q.speaker.text.lower() not in ("you", "one") for q in found)
    assert all(q.speaker_name not in ("you", "You", "one") for q in found)


def test_one_of_a_group_still_speaks(nlp: Language) -> None:
    (q,) = quotes(nlp, "One of the officials said the border would reopen on Monday.")
    assert q.speaker is not None and "officials" in q.speaker.text


@pytest.mark.parametrize(
    "text",
    [
        "Only 34% said the economy was getting better, the poll found.",
        "Talks showed that the two sides were still far apart on the border.",
    ],
)
def test_amounts_and_events_are_no_speakers(nlp: Language, text: str) -> None:
    for q in quotes(nlp, text):
        assert q.speaker is None or q.speaker.root.lower_ not in ("34", "%", "talks")


def test_the_two_said_is_still_a_speaker(nlp: Language) -> None:
    text = "Smith and Jones met in London. The two said they would meet again in March."
    assert any(q.speaker is not None and q.speaker.text == "The two" for q in quotes(nlp, text))


@pytest.mark.parametrize(
    "text",
    [
        "Google declined to say why it lost the certificate.",
        "The senator would not say whether he would run again next year.",
        "A spokesman refused to explain how the money was spent.",
        "Officials did not say what might happen next.",
    ],
)
def test_an_unanswered_question_is_no_quote(nlp: Language, text: str) -> None:
    assert quotes(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "General Motors, whose brands include Opel and Vauxhall in Europe, is due to report "
            "earnings in January. It said profits would fall this year.",
            "General Motors",
        ),
        (
            "Andy Robinson said: “He is a natural leader and a great talent.” Jonny Wilkinson, "
            "who has scored 817 points, kicked the winning goal in the final. But he then "
            "missed the whole season. “Today I have realised a dream,” he said.",
            "Jonny Wilkinson",
        ),
    ],
)
def test_a_pronoun_prefers_the_subject_the_story_moved_on_to(
    nlp: Language, text: str, speaker: str
) -> None:
    last = quotes(nlp, text)[-1]
    assert last.speaker is not None and last.speaker.text.lower() in ("it", "he")
    assert last.speaker_name == speaker


@pytest.mark.parametrize(
    "text",
    [
        "That said, mSpy is a solid choice for parents who want to monitor their children.",
        "That said, it is not perfect. The app still lacks a few features that rivals offer.",
    ],
)
def test_a_bare_demonstrative_is_no_speaker(nlp: Language, text: str) -> None:
    found = quotes(nlp, text)
    assert all(q.speaker is None or q.speaker.text.lower() not in ("that", "this") for q in found)


def test_a_demonstrative_with_its_noun_still_speaks(nlp: Language) -> None:
    (q,) = quotes(nlp, "That official said the border would reopen on Monday.")
    assert q.speaker is not None and "official" in q.speaker.text
