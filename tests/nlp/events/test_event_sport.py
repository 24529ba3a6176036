"""Error classes read on BBC sport news (issue 13, round 5), one short sentence each.

A player or a candidate withdrawing from a contest leaves a competition, not a place or an
engagement (CAMEO 087 withdraws forces); a person suspended by a body is disciplined, not cut
off from aid (162); "must"/"should" in a clause of its own states an obligation, not an act.
Sentences written for these tests; the actors component is stood in for by ``event_helpers``.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from communique.nlp.events import EventCoder

from event_helpers import triples


@pytest.mark.parametrize(
    "text",
    [
        "Russia withdrew from the Turkish championship because of injury.",
        "Turkey pulled out of the race for the French presidency.",
        "The Russian team withdrew from the French Open.",
    ],
)
def test_withdrawing_from_a_contest_is_no_military_withdrawal(
    base: Language, coder: EventCoder, text: str
) -> None:
    assert not any(c.startswith("087") for _, _, c in triples(base, coder, text))


def test_withdrawing_from_a_country_still_is(base: Language, coder: EventCoder) -> None:
    assert ("RUS", "TUR", "087") in triples(base, coder, "Russia withdrew from Turkey last year.")


def test_a_person_suspended_is_no_sanction_on_aid(base: Language, coder: EventCoder) -> None:
    assert triples(base, coder, "Marion Jones was suspended by France for two years.") == set()


def test_a_state_suspended_still_is(base: Language, coder: EventCoder) -> None:
    found = triples(base, coder, "France suspended Russia from the council.")
    assert ("FRA", "RUS", "162") in found


@pytest.mark.parametrize(
    "text",
    [
        "Turkey must now ratify the treaty with Russia.",
        "Turkey should withdraw its troops from Iran.",
    ],
)
def test_an_obligation_is_no_act(base: Language, coder: EventCoder, text: str) -> None:
    assert triples(base, coder, text) == set()


def test_a_reported_obligation_is_still_a_demand(base: Language, coder: EventCoder) -> None:
    found = triples(base, coder, "Putin said Turkey must withdraw its troops from Iran.")
    assert {(s, t, c[:2]) for s, t, c in found} == {("RUSGOV", "TUR", "10")}
