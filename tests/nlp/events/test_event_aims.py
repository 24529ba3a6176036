"""What a clause shares with the clause it hangs on, and what is no act (issue 13, round 3).

A conjunct verb with no subject and no modal of its own shares its head's modal ("could tie
their hands and prohibit treaties"); a to-infinitive purpose of a verb that is no event word is
an aim, not an act ("raised money to advertise the release and support the foundation"), but
an act done to protest is a protest; an intent to do an act that codes nothing takes no target
from that act ("vowing to weaponize government"); investing an abstract thing and complying
with a law are no political acts. Sentences written for these tests; the actors component is
stood in for by ``event_helpers``.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from communique.nlp.events import EventCoder

from event_helpers import triples


def test_a_conjunct_shares_its_heads_modal(base: Language, coder: EventCoder) -> None:
    assert triples(base, coder, "Congress prohibited trade with Iran.")
    assert not triples(
        base, coder, "Congress could also delay the vote and prohibit trade with Iran."
    )


def test_a_conjunct_shares_its_heads_future(base: Language, coder: EventCoder) -> None:
    found = triples(base, coder, "Congress will meet Obama and sign a deal with Russia.")
    assert ("USALEG", "RUS", "032") in found  # an intent to sign, not a signed deal (057)
    assert not any(code == "057" for _, _, code in found)


def test_a_conjunct_with_its_own_subject_keeps_its_mood(base: Language, coder: EventCoder) -> None:
    found = triples(base, coder, "Congress could delay the vote, but Obama criticized Russia.")
    assert ("USAGOV", "RUS", "111") in {(s, t, c[:3]) for s, t, c in found}


def test_the_aim_of_an_act_that_is_no_event_word_is_no_act(
    base: Language, coder: EventCoder
) -> None:
    text = "Exxon raised $2m to advertise its oil in France and support the Turkish government."
    assert triples(base, coder, text) == set()


def test_an_act_done_to_protest_is_a_protest(base: Language, coder: EventCoder) -> None:
    found = triples(base, coder, "Russian farmers stopped work on Monday to protest against Putin.")
    assert any(code.startswith("14") for _, _, code in found)


def test_an_intent_to_do_an_uncoded_act_takes_no_target_from_it(
    base: Language, coder: EventCoder
) -> None:
    found = triples(base, coder, "Putin vowed to weaponize the Turkish government.")
    assert not any(t == "TURGOV" for _, t, _ in found)


@pytest.mark.parametrize(
    "text",
    [
        "Russians invest trust in their government when it works for them.",
        "Exxon invested time and energy in Russia.",
        "Exxon insisted that it had complied fully with Russian law.",
        "Exxon complied with the regulations of France.",
    ],
)
def test_investing_an_abstract_thing_or_complying_with_a_law_is_no_event(
    base: Language, coder: EventCoder, text: str
) -> None:
    assert triples(base, coder, text) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Exxon invested $2bn in Russia.", ("USABUS", "RUS", "061")),
        ("Iran complied with the demands of the United States.", ("IRN", "USA", "080")),
    ],
)
def test_investing_money_and_yielding_to_demands_stay_coded(
    base: Language, coder: EventCoder, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in triples(base, coder, text)
