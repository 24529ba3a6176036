"""Events whose parties are not named in the clause: agentless passives, unnamed victims and
perpetrators, nominal events, protests, and the precision rules that keep figures of speech out.

The actors component is stood in for by ``event_helpers``: "police", "men" or "teachers" are no
actors there, so their codes come from the coder's own agent nouns (``event_agents.tsv``).
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from communique.nlp.events import EventCoder

from event_helpers import roots, triples


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an unnamed victim of the sector of its agent noun, or unknown when it is a person
        ("Police arrested three men.", ("COP", "CVL", "173")),
        ("Two suspects were detained by police.", ("COP", None, "173")),
        # an agentless arrest is the act of the authority of the place
        ("Fifty people were arrested in Russia.", ("RUSCOP", "CVL", "173")),
        # a perpetrator named by no actor
        ("Gunmen killed five villagers in the night.", ("UAF", "CVL", "1823")),
        # the weapon names the act; the place of the bomb is not the bomber
        (
            "Three Russian soldiers were killed by a roadside bomb in Turkey.",
            (None, "RUSMIL", "1833"),
        ),
    ],
)
def test_coercion_and_violence_with_unnamed_parties(
    base: Language, coder: EventCoder, text: str, expected: tuple[str | None, str | None, str]
) -> None:
    assert expected in triples(base, coder, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # protesters named by nobody are the people of the place, against their government
        ("Thousands protested in Russia on Sunday.", ("RUSCVL", "RUSGOV", "14")),
        ("Protests erupted across Iran after the vote.", ("IRNCVL", "IRNGOV", "14")),
        # nominal events: the doer in a "by" phrase, the victim in an "of" phrase
        ("A walkout by Russian teachers closed schools.", ("RUSEDU", "RUSGOV", "14")),
        ("The arrest of Putin sparked anger.", (None, "RUSGOV", "17")),
        # police force on protesters is repression, the protesters' force a riot (PETRARCH's
        # POLICE * (WITH DEMONSTRATOR) [175:145])
        ("Clashes between police and protesters left two dead.", ("COP", "OPP", "17")),
        ("Clashes between police and protesters left two dead.", ("OPP", "COP", "14")),
    ],
)
def test_protests_and_nominal_events(
    base: Language, coder: EventCoder, text: str, expected: tuple[str | None, str | None, str]
) -> None:
    assert expected in roots(base, coder, text)


@pytest.mark.parametrize(
    "text",
    [
        # an object that is a thing, not a person: another sense of the verb
        "The managers executed their business plans.",
        # a verb of stopping whose object names no event and no actor
        "Exxon halted its flights to Turkey.",
        "The festival in Turkey was postponed.",
        # a conditional, not a report of what someone said they would do
        "An intervention means that the government would take control of Exxon.",
        # a ban by nobody named on persons not named
        "About 20,000 people have been banned from playing the game.",
        # a reciprocal verb with no partner is a figure of speech
        "A U.S. flight attendant is fighting for her job.",
        # a violent act named in passing, as the circumstance of another, has no unknown doer
        "Putin offered to negotiate with Turkey following the invasion of Turkey.",
        # an act of an actor is no wielder of force ("China's attempts ... hit Japan")
        "China's attempts to cool its economy have hit Japan.",
        # a sentence that gives a score reports a match
        "Turkey beat France 30-20 on Saturday.",
        "France rallied to a 53-37 win over Turkey.",
    ],
)
def test_no_event_from_figures_of_speech(base: Language, coder: EventCoder, text: str) -> None:
    found = roots(base, coder, text)
    assert not {r for r in found if r[2] in ("16", "17", "18", "19")}


def test_an_unknown_party_adds_nothing_when_the_sentence_names_it(
    base: Language, coder: EventCoder
) -> None:
    found = triples(
        base, coder, "Russian aircraft killed 46 civilians in Turkey in an attack on a village."
    )
    assert not any(s is None for s, _, _ in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a protest named as the occasion of a clause is held by the clause's subject
        (
            "Iranian students threw stones during demonstrations against Israel.",
            ("IRNEDU", "ISR", "14"),
        ),
        ("Iranian students took part in protests against Israel.", ("IRNEDU", "ISR", "14")),
        # the act protested is aimed at its doer ("against abuses by X")
        (
            "Iranian students threw stones during protests against abuses by Israel.",
            ("IRNEDU", "ISR", "14"),
        ),
    ],
)
def test_the_subject_of_a_clause_takes_part_in_its_protest(
    base: Language, coder: EventCoder, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in roots(base, coder, text)


@pytest.mark.parametrize(
    "text",
    [
        # police and a state named alone take no part in the protest they act during
        "Police arrested twenty Iranian students during protests against Israel.",
        "Iran arrested twenty students during protests against Israel.",
    ],
)
def test_a_force_or_a_state_acting_during_a_protest_is_no_protester(
    base: Language, coder: EventCoder, text: str
) -> None:
    assert not any(code == "14" for _, _, code in roots(base, coder, text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a side demobilizes or withdraws its own forces: in an agentless passive the forces'
        # side does it, towards whom "from" names (CAMEO 087)
        ("Russian troops were withdrawn from Turkey last week.", ("RUSMIL", "TUR", "087")),
        (
            "Half of the Russian rebels have been demobilized since the accord.",
            ("RUSREB", None, "087"),
        ),
        # a named agent stays the doer
        ("The Turkish rebels were demobilized by Russia.", ("RUS", "TURREB", "087")),
    ],
)
def test_an_agentless_withdrawal_is_done_by_the_forces_side(
    base: Language, coder: EventCoder, text: str, expected: tuple[str | None, str | None, str]
) -> None:
    assert triples(base, coder, text) == {expected}


def test_a_weapon_named_after_an_uncoded_name_has_no_known_attacker(
    base: Language, coder: EventCoder
) -> None:
    # the maker's name on a weapon ("a BAK missile") is no bomber: the weapon names the act
    text = "A Russian airliner was blown up by the Department of Trade and Industry missile."
    assert triples(base, coder, text) == {(None, "RUS", "190")}


@pytest.mark.parametrize(
    "text", ["Russian funds were withdrawn from Turkey.", "The Russian bill was withdrawn."]
)
def test_a_withdrawal_of_no_forces_is_no_de_escalation(
    base: Language, coder: EventCoder, text: str
) -> None:
    assert triples(base, coder, text) == set()
