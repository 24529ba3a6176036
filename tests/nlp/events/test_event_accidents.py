"""Accidents and disasters are no political events; attacks stay coded (issue 13, round 3).

A verb that names only the harm done ("killed", "injured": ``event_words.tsv``, list
``harm_verb``) is an attack only when its clause, or else the sentence before, names one: an
attacker, a weapon or an act of force. A check-list of 20 accident and disaster sentences,
none of which may give an event, and 20 violence sentences, none of which may lose theirs.
Sentences written for these tests; the actors component is stood in for by ``event_helpers``.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from communique.nlp.events import EventCoder

from event_helpers import triples

ACCIDENTS: tuple[str, ...] = (
    "Three people were killed when a bus overturned on a motorway near Lyon.",
    "A man was injured by a falling branch during a storm in Bavaria.",
    "Two children were killed and four injured by a landslide in northern Peru.",
    "Five workers were hurt when a crane collapsed at a building site in Dubai.",
    "An elderly woman was killed by a train at a level crossing in Kent.",
    "Ten people were injured in a gas explosion at a block of flats in Moscow.",
    "A cyclist was killed by a lorry in central London on Monday.",
    "Four tourists were injured by an avalanche in the Swiss Alps.",
    "Twelve people died and dozens were injured in floods across southern Brazil.",
    "A firefighter was seriously injured by a collapsing roof in Ohio.",
    "Two pilots were killed when their plane crashed near the airport in Kathmandu.",
    "Hundreds of homes were destroyed by wildfires in Greece.",
    "A teenager was badly hurt by a falling wall during heavy winds in Dublin.",
    "Six miners were killed by a rockfall in a coal mine in Shanxi province.",
    "A fisherman was injured by a shark off the coast of Australia.",
    "Three hikers were lightly injured.",
    "Several passengers were hurt in a collision between two trams in Berlin.",
    "A boy was killed by lightning while playing football in Uganda.",
    "A woman was killed and her husband injured by a car that mounted the pavement in Paris.",
    "A large tree fell over during a storm in Hamburg. Police said two women were lightly injured.",
)

ATTACKS: tuple[str, ...] = (
    "Three policemen were killed by gunmen in northern Nigeria.",
    "A journalist was shot dead in Mexico City on Tuesday.",
    "Two soldiers were killed by a roadside bomb in Afghanistan.",
    "Ten civilians were injured when Israeli jets bombed a house in Gaza.",
    "A man was stabbed to death outside a mosque in Birmingham.",
    "Four people were killed in an attack on a police station in Kashmir.",
    "Russian troops shelled the town, killing five civilians.",
    "Militants attacked a military base in Mali, killing twelve soldiers.",
    "Protesters were injured when police fired rubber bullets in Santiago.",
    "A bomb killed six people at a market in Baghdad.",
    "Three aid workers were kidnapped by rebels in eastern Congo.",
    "Two activists were beaten by security forces in Tehran.",
    "Israeli forces killed two Palestinians in the West Bank.",
    "A suicide bomber killed seven people in Pakistan.",
    "Gunmen abducted twenty students from a school in Nigeria.",
    "Israeli jets bombed Iran, killing ten civilians.",
    "Gunmen shot dead two French tourists.",
    "An opposition leader was arrested by police in Kampala.",
    "Two women were injured in a knife attack in Berlin.",
    "Students tried to hide from the gunman. Police said at least 14 people were killed.",
)


@pytest.mark.parametrize(
    "text",
    [
        "Dozens of Iranian soldiers have been killed in the war.",
        "Talks on a pause in the fighting failed. Dozens of Iranian soldiers have been killed.",
    ],
)
def test_a_toll_of_war_is_violence(base: Language, coder: EventCoder, text: str) -> None:
    # a noun of armed conflict (event_words.tsv, list conflict_noun) in the clause or the
    # sentence before names what did the harm
    assert (None, "IRNMIL", "1823") in triples(base, coder, text)


def test_a_toll_after_a_sentence_of_no_conflict_is_no_attack(
    base: Language, coder: EventCoder
) -> None:
    text = "Heavy snow closed the roads on Monday. Three hikers were killed."
    assert triples(base, coder, text) == set()


@pytest.mark.parametrize("text", ACCIDENTS)
def test_an_accident_or_a_disaster_is_no_event(
    base: Language, coder: EventCoder, text: str
) -> None:
    assert triples(base, coder, text) == set()


@pytest.mark.parametrize("text", ATTACKS)
def test_an_attack_keeps_its_event(base: Language, coder: EventCoder, text: str) -> None:
    found = triples(base, coder, text)
    assert found
    assert all(coder.lexicon.violent(code) for _, _, code in found)


def test_a_harm_with_the_attack_named_in_its_clause_is_coded(
    base: Language, coder: EventCoder
) -> None:
    # the victim of an attack named in the clause, with nobody named as attacker
    assert (None, "CVL", "180") in triples(
        base, coder, "Two women were injured in a knife attack in Berlin."
    )


def test_an_explosion_is_a_bombing_unless_an_accident_names_it(
    base: Language, coder: EventCoder
) -> None:
    assert triples(base, coder, "Ten people were injured in an explosion in Moscow.")
    assert not triples(base, coder, "Ten people were injured in a gas explosion in Moscow.")
