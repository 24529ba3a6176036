"""Police news, round 2: parties known by name only, formal charges, baton charges, victims
named by their state ("shot dead", "into custody"), states of emergency, and two figures of
speech ("received a call", "bombarded X with requests").

The actors component is stood in for by ``event_helpers``; a person it finds but cannot code
is built here by hand.
"""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from communique.nlp.events import EventCoder
from communique.nlp.extensions import ActorCluster

from event_helpers import triples, with_actors


def _with_people(base: Language, text: str, *people: str, named: bool = True) -> Doc:
    """``text`` with the stand-in actors, plus each of ``people`` as an actor of no code."""
    doc = with_actors(base(text))
    found = list(doc._.actors)
    for n, name in enumerate(people):
        start = doc.text.index(name)
        span = doc.char_span(start, start + len(name))
        assert span is not None
        found.append(
            ActorCluster(id=f"p{n}", name=name, kind="person", mentions=[span], named=named)
        )
    doc._.actors = found
    return doc


def test_a_person_known_by_name_only_is_kept_without_a_code(
    base: Language, coder: EventCoder
) -> None:
    events = coder(
        _with_people(base, "John Carter was arrested on Sunday.", "John Carter")
    )._.events
    assert [(e.source_code, e.target_code, e.code) for e in events] == [(None, None, "173")]
    assert events[0].target is not None and events[0].target.name == "John Carter"
    assert events[0].source is None


def test_a_named_victim_of_a_coded_source(base: Language, coder: EventCoder) -> None:
    events = coder(_with_people(base, "Police detained Ali Hassan.", "Ali Hassan"))._.events
    assert [(e.source_code, e.target_code, e.code) for e in events] == [("COP", None, "173")]
    assert events[0].target is not None and events[0].target.name == "Ali Hassan"


def test_two_people_known_by_name_only_are_two_events(base: Language, coder: EventCoder) -> None:
    doc = _with_people(
        base, "Police arrested John Carter and Ali Hassan.", "John Carter", "Ali Hassan"
    )
    names = sorted(e.target.name for e in coder(doc)._.events if e.target is not None)
    assert names == ["Ali Hassan", "John Carter"]


@pytest.mark.parametrize(
    ("text", "people", "named"),
    [
        # two names and no code at all say nothing of states or groups
        ("John Carter attacked Ali Hassan.", ("John Carter", "Ali Hassan"), True),
        # a description without a code is no party
        ("Police detained the newcomers.", ("newcomers",), False),
    ],
)
def test_no_event_without_any_code_or_with_a_description_only(
    base: Language, coder: EventCoder, text: str, people: tuple[str, ...], named: bool
) -> None:
    assert coder(_with_people(base, text, *people, named=named))._.events == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a charge with an offence by a police, a court or a government is legal action (173)
        ("Prosecutors charged the former minister with corruption.", ("JUD", "GOV", "173")),
        ("Police charged the man with assault.", ("COP", "CVL", "173")),
        # with nobody named, a formal charge too
        ("A man was charged with murder.", (None, "CVL", "173")),
        # by anyone else an accusation
        ("Iran charged Russia with hypocrisy.", ("IRN", "RUS", "112")),
        # no "with": a baton charge, on a crowd or protesters violent repression
        ("Riot police charged the crowd.", ("COP", "CVL", "175")),
        ("Police charged the demonstrators outside parliament.", ("COP", "OPP", "175")),
    ],
)
def test_charges(
    base: Language, coder: EventCoder, text: str, expected: tuple[str | None, str | None, str]
) -> None:
    assert expected in triples(base, coder, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a person noun (Phoenix's SHOPKEEPER, PROPERTY_OWNER [~CVL])
        ("Two officers beat a shopkeeper.", ("COP", "CVL", "182")),
        ("Officers beat the bar owner.", ("COP", "CVL", "182")),
        # a state only a person is put in makes the object a person
        ("A police officer shot dead a teenager.", ("COP", "CVL", "190")),
        ("Police took the driver into custody.", ("COP", "CVL", "173")),
        ("Two journalists have been held in custody since March.", (None, "JRN", "173")),
        # CAMEO 1724 impose, 0814 ease a state of emergency
        ("The French government declared a state of emergency.", ("FRAGOV", None, "1724")),
        ("The French government lifted the state of emergency.", ("FRAGOV", None, "0814")),
    ],
)
def test_victims_custody_and_emergencies(
    base: Language, coder: EventCoder, text: str, expected: tuple[str | None, str | None, str]
) -> None:
    assert expected in triples(base, coder, text)


@pytest.mark.parametrize(
    "text",
    [
        "The company beat the forecasts.",  # no person: no victim
        "Voters bombarded Congress with emails.",  # a "with" phrase of no weapon: a figure
        "Fans bombarded the club with requests for tickets.",
    ],
)
def test_figures_of_speech_code_nothing(base: Language, coder: EventCoder, text: str) -> None:
    assert triples(base, coder, text) == set()


def test_bombarded_with_missiles_is_still_force(base: Language, coder: EventCoder) -> None:
    assert ("ISR", "IRN", "194") in triples(base, coder, "Israel bombarded Iran with missiles.")


def test_a_call_received_is_a_telephone_conversation_not_a_visit(
    base: Language, coder: EventCoder
) -> None:
    found = triples(base, coder, "Obama received a call from Putin.")
    # CAMEO.2.0 RECEIVE * CALL (FROM) [041:041]
    assert {("USAGOV", "RUSGOV", "041"), ("RUSGOV", "USAGOV", "041")} <= found
    assert not any(code == "043" for _, _, code in found)
