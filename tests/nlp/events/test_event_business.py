"""Error classes read on BBC business news (issue 13, round 4), one short sentence each.

The invitee of a passive "was invited to" is no doer of what it is invited to; a possibility
("it is possible to", "could launch an attack") leaves the act and its nominal event undone; an
intent to reform mirrors political reform (083 -> 034, as the codebook's sub-codes do); lending
backing is endorsing; a foreign city visited stands for its country; a thing owned by a state
("Iran's application must be ...") is not told what to do; "is not going to" refuses as "will
not" does. Sentences written for these tests; the actors component is stood in for by
``event_helpers``.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from communique.nlp.events import EventCoder

from event_helpers import triples


@pytest.mark.parametrize(
    "text",
    [
        "Iran has been invited to take part in talks with Russia.",
        "Turkey was invited to join the talks with Russia next week.",
    ],
)
def test_the_invitee_of_a_passive_invitation_does_not_act(
    base: Language, coder: EventCoder, text: str
) -> None:
    found = triples(base, coder, text)
    assert not any(s in ("IRN", "TUR") for s, _, _ in found)


def test_a_named_inviter_invites_the_subject_of_the_passive(
    base: Language, coder: EventCoder
) -> None:
    found = triples(base, coder, "Iran has been invited by France to take part in talks.")
    assert {(s, t) for s, t, _ in found} == {("FRA", "IRN")}


def test_an_active_invitation_is_still_coded(base: Language, coder: EventCoder) -> None:
    found = triples(base, coder, "France invited Iran to take part in talks with Russia.")
    assert found and all(s == "FRA" for s, _, _ in found)


@pytest.mark.parametrize(
    "text",
    [
        "Obama said it was possible to launch an attack on Iran.",
        "It is possible for Russia to attack Iran.",
        "Obama said it would be impossible to meet Putin.",
        "Russia could launch an attack on Iran.",
        "Russia could impose sanctions on Iran.",
    ],
)
def test_a_possibility_is_no_act(base: Language, coder: EventCoder, text: str) -> None:
    assert not triples(base, coder, text)


def test_the_act_itself_is_still_coded(base: Language, coder: EventCoder) -> None:
    assert ("RUS", "IRN", "190") in triples(base, coder, "Russia launched an attack on Iran.")


def test_an_intent_to_reform_is_an_intent_of_political_reform(
    base: Language, coder: EventCoder
) -> None:
    text = "Putin is committed to continue reforming Russia's tax system."
    assert ("RUSGOV", "RUS", "034") in triples(base, coder, text)


def test_an_appeal_for_reform_is_an_appeal_for_political_reform(
    base: Language, coder: EventCoder
) -> None:
    text = "Obama urged Putin to reform the constitution."
    assert ("USAGOV", "RUSGOV", "024") in triples(base, coder, text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("France lent its backing to Israel.", "051"),
        ("France lent its weight to Israel's bid.", "051"),
        ("France lent Israel $5bn.", "071"),
    ],
)
def test_lending_backing_is_endorsing_lending_money_is_aid(
    base: Language, coder: EventCoder, text: str, code: str
) -> None:
    assert ("FRA", "ISR", code) in triples(base, coder, text)


@pytest.mark.parametrize(
    ("text", "host"),
    [
        ("Putin visited Lisbon.", "PRT"),
        ("Putin paid a visit to Geneva.", "CHE"),
    ],
)
def test_a_foreign_city_visited_stands_for_its_country(
    base: Language, coder: EventCoder, text: str, host: str
) -> None:
    assert ("RUSGOV", host, "042") in triples(base, coder, text)


def test_a_city_struck_is_still_its_people(base: Language, coder: EventCoder) -> None:
    assert ("FRA", "DZACVL", "194") in triples(base, coder, "France shelled Algiers.")


def test_a_thing_a_state_owns_is_not_told_what_to_do(base: Language, coder: EventCoder) -> None:
    assert not triples(base, coder, "Obama said Iran's application must be treated fairly.")


def test_a_state_told_what_to_do_is_still_a_demand(base: Language, coder: EventCoder) -> None:
    text = "Obama said Iran's government must stop the attacks."
    assert ("USAGOV", "IRNGOV", "105") in triples(base, coder, text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ('Putin said: "I am not going to resign."', "1231"),
        ("Putin said he is not going to meet Obama.", "125"),
    ],
)
def test_not_going_to_is_a_refusal_as_will_not_is(
    base: Language, coder: EventCoder, text: str, code: str
) -> None:
    found = triples(base, coder, text)
    assert {c for _, _, c in found} == {code}
