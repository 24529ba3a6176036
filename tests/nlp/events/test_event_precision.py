"""Error classes found by reading the coder's output on BBC news, one small article each.

The actors component is stood in for by ``event_helpers`` (cities are their people, country +
``CVL``, as the actors component reads them), so these tests test the coder alone.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from communique.nlp.events import EventCoder

from event_helpers import roots, triples


def _countries(found: set[tuple[str | None, str | None, str]]) -> set[str]:
    return {c[:3] for s, t, _ in found for c in (s, t) if c}


@pytest.mark.parametrize(
    ("text", "city"),
    [
        # a place after "in"/"at" is where words and meetings happen, not a party
        ("Russian and Iranian ministers held talks in Geneva on Monday.", "CHE"),
        ("France backed the plan at a meeting in London on Friday.", "GBR"),
        # a place before a noun that names no agent is where it is, not whose it is
        ("Putin met Obama at the Lisbon summit.", "PRT"),
        ("Obama criticized Russia at a Brussels meeting.", "BEL"),
    ],
)
def test_a_place_where_it_happens_is_no_party(
    base: Language, coder: EventCoder, text: str, city: str
) -> None:
    assert city not in _countries(roots(base, coder, text))


def test_the_sides_of_talks_held_somewhere_are_still_coded(
    base: Language, coder: EventCoder
) -> None:
    found = roots(base, coder, "Russian and Iranian ministers held talks in Geneva on Monday.")
    assert {("RUS", "IRN"), ("IRN", "RUS")} <= {(s[:3], t[:3]) for s, t, _ in found if s and t}


def test_a_material_act_reaches_the_people_of_its_place(base: Language, coder: EventCoder) -> None:
    # a curfew or aid "in" a city is imposed on or delivered to its people
    found = roots(base, coder, "France imposed a curfew in Algiers.")
    assert ("FRA", "DZACVL", "17") in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russia denied that it had attacked Turkey.", ("RUS", "TUR", "016")),
        ("Israel denied accusing Iran of building nuclear weapons.", ("ISR", "IRN", "016")),
        ("Iran denied accusations by the United States.", ("IRN", "USA", "016")),
        ("Israel rejected Iranian accusations of spying.", ("ISR", "IRN", "016")),
    ],
)
def test_a_denial_is_no_accusation_and_no_attack(
    base: Language, coder: EventCoder, text: str, expected: tuple[str, str, str]
) -> None:
    found = triples(base, coder, text)
    assert expected in found
    assert not any(c.startswith(("11", "19")) for _, _, c in found)


def test_ordering_a_destruction_is_no_demand(base: Language, coder: EventCoder) -> None:
    found = roots(base, coder, "Putin ordered the destruction of Turkey's air force.")
    assert not any(c == "10" for _, _, c in found)


def test_an_order_to_someone_is_a_demand(base: Language, coder: EventCoder) -> None:
    assert ("RUSGOV", "TUR", "10") in roots(
        base, coder, "Putin ordered Turkey to withdraw its troops."
    )


@pytest.mark.parametrize(
    "text",
    [
        "Obama praised the victims of the tidal wave which killed 150,000 people in Japan.",
        "Around 140,000 people were killed in Japan after an earthquake sent waves ashore.",
        "More than 100,000 people were killed in Japan, the country closest to the earthquake.",
    ],
)
def test_a_disaster_is_nobodys_violence(base: Language, coder: EventCoder, text: str) -> None:
    found = roots(base, coder, text)
    assert not any(c[:2] in ("18", "19", "20") for _, _, c in found)


def test_preparing_force_is_a_force_posture(base: Language, coder: EventCoder) -> None:
    found = roots(base, coder, "The Turkish army prepared to resume shelling Iranian territory.")
    assert any(c == "15" for _, _, c in found)
    assert not any(c == "19" for _, _, c in found)


def test_a_scheduled_act_is_done_by_its_subject(base: Language, coder: EventCoder) -> None:
    found = roots(base, coder, "Obama is scheduled to attend a summit on the unrest in Iran.")
    assert ("USAGOV", "IRN", "04") in found


def test_recognizing_a_thing_is_no_diplomatic_recognition(
    base: Language, coder: EventCoder
) -> None:
    assert not roots(base, coder, "Congress approved a law recognizing victories by Turkey.")
    assert ("RUS", "TUR", "05") in roots(base, coder, "Russia recognized Turkey on Monday.")
