"""Acts that are not done: conditions and their consequents, forecasts, abilities, and senses
of a verb that are no political act at all (issue 13, BBC politics and business).

Each case is a class of error read on real news, checked on short sentences written for the
test, each beside a control that still codes.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from communique.nlp.events import EventCoder

from event_helpers import roots, triples


@pytest.mark.parametrize(
    "text",
    [
        # the main clause of an if-condition and a relative clause inside it are hypothetical
        "If Russia's cabinet approves the plan, then this will be the first deal that Russia "
        "has signed with Turkey.",
        "Turkey attacks Russia if Russia sends troops.",
        # "is expected to" is a forecast by others, not an act nor an intent of the subject
        "Putin is expected to attack Turkey.",
        # ability is no act, and what is not done names no nominal event either
        "We can't have a situation where Putin is able to impose sanctions on Turkey.",
        "Putin is able to impose house detention on Turkey.",
        # shooting a ball, a hoop or a film is no force (CAMEO.2.0 SHOOT * DISTANCE [---])
        "Obama shot basketball hoops with Turkish pupils.",
        "Obama shot a film about Turkey.",
    ],
)
def test_no_event_from_what_is_not_done(base: Language, coder: EventCoder, text: str) -> None:
    assert roots(base, coder, text) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("This is the first deal that Russia has signed with Turkey.", ("RUS", "TUR", "05")),
        ("Turkey attacked Russia.", ("TUR", "RUS", "19")),
        # a future main clause under a condition stays a conditional threat
        ("If Russia attacks, Turkey will attack Russia.", ("TUR", "RUS", "13")),
        ("Putin imposed sanctions on Turkey.", ("RUSGOV", "TUR", "16")),
        ("Obama shot Turkish soldiers.", ("USAGOV", "TURMIL", "19")),
    ],
)
def test_controls_still_code(
    base: Language, coder: EventCoder, text: str, expected: tuple[str | None, str | None, str]
) -> None:
    assert expected in roots(base, coder, text)


def test_force_on_words_is_criticism(base: Language, coder: EventCoder) -> None:
    """A piece of words as the object of force ("attacked Mr Blair's words") is verbal."""
    assert ("RUSGOV", "USAGOV", "111") in triples(base, coder, "Putin attacked Obama's words.")


def test_resigning_in_protest_is_dissent_not_a_concession(
    base: Language, coder: EventCoder
) -> None:
    """CAMEO.2.0 RESIGN * (IN PROTEST) [140] over RESIGN [0831]."""
    found = roots(base, coder, "Putin resigned in protest against the decision.")
    assert not any(code == "08" for _, _, code in found)
    assert ("RUSGOV", None, "14") in found


def test_the_place_of_a_meeting_noun_is_its_venue(base: Language, coder: EventCoder) -> None:
    """ "gathered for a summit in Hong Kong": the place is where, not with whom."""
    assert not any(
        t == "TUR" for _, t, _ in roots(base, coder, "Russia gathered for a summit in Turkey.")
    )
    assert ("RUS", "TUR", "04") in roots(base, coder, "Russia gathered for a summit with Turkey.")
