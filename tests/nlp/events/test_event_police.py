"""Police action and protest news: who the police are when no actor codes them, the tools of
crowd control, the ways a protest blocks, the victims named by a person noun, and the "anti-"
modifier that names whom a protest is against, not who protests.

The actors component is stood in for by ``event_helpers``; a clause's own "officers" found by
the actors component with no code is built here by hand.
"""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from communique.nlp.events import EventCoder
from communique.nlp.extensions import ActorCluster

from event_helpers import triples, with_actors


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a bare "officers" are police (Phoenix POLICE_OFFICER, SECURITY_OFFICER [~COP])
        ("Officers arrested three men.", ("COP", "CVL", "173")),
        ("A constable arrested two suspects.", ("COP", None, "173")),
        # an office noun takes the sector of the body its compound names (ARMY_OFFICER [~MIL])
        ("Russian army officers detained three men.", ("RUSMIL", "CVL", "173")),
        # a victim named by a person noun of Phoenix's civilians
        ("Gunmen killed a passenger.", ("UAF", "CVL", "1823")),
    ],
)
def test_police_and_victims_named_by_agent_nouns(
    base: Language, coder: EventCoder, text: str, expected: tuple[str | None, str | None, str]
) -> None:
    assert expected in triples(base, coder, text)


def test_an_actor_without_a_code_is_named_by_its_agent_noun(
    base: Language, coder: EventCoder
) -> None:
    # the actors component finds "officers" but can give them no country or sector
    doc = with_actors(base("Officers beat three students."))
    doc._.actors = [
        *doc._.actors,
        ActorCluster(id="u1", name="officers", kind="group", mentions=[doc[0:1]]),
    ]
    found = {(e.source_code, e.target_code, e.code) for e in coder(doc)._.events}
    assert ("COP", "EDU", "182") in found


@pytest.mark.parametrize(
    "text",
    [
        "Police officers used pepper spray on Turkish students.",
        "Riot police fired rubber bullets at Turkish demonstrators.",
        "Police used water cannon against Russian protesters.",
    ],
)
def test_crowd_control_weapons_are_violent_repression(
    base: Language, coder: EventCoder, text: str
) -> None:
    assert "175" in {code for _, _, code in triples(base, coder, text)}


def test_blocking_a_highway_obstructs_passage(base: Language, coder: EventCoder) -> None:
    found = triples(base, coder, "Turkish farmers blocked the highway.")
    assert ("TURAGR", "TURGOV", "144") in found


def _with_country(base: Language, text: str, word: str, code: str) -> Doc:
    """``text`` with the stand-in's actors and one more for ``word``, which the stand-in's
    entity lookup misses when written after "anti-"."""
    doc = with_actors(base(text))
    i = next(t.i for t in doc if t.text == word)
    actor = ActorCluster(
        id="n1", name=word, kind="country", code=code, country=code, mentions=[doc[i : i + 1]]
    )
    doc._.actors = [*doc._.actors, actor]
    return doc


@pytest.mark.parametrize(
    ("text", "word", "code", "expected"),
    [
        # "anti-" names whom the protest is against, never who protests
        (
            "Turkish students staged anti-Russian protests.",
            "Russian",
            "RUS",
            ("TUREDU", "RUS", "141"),
        ),
        (
            "Anti-French demonstrations took place across Turkey.",
            "French",
            "FRA",
            ("TURCVL", "FRA", "141"),
        ),
    ],
)
def test_anti_names_the_target_of_a_protest(
    base: Language, coder: EventCoder, text: str, word: str, code: str, expected: tuple
) -> None:
    doc = coder(_with_country(base, text, word, code))
    found = {(e.source_code, e.target_code, e.code) for e in doc._.events}
    assert expected in found
    assert not any(s and s.startswith(code) for s, _, _ in found)


def test_anti_names_no_party_of_other_events(base: Language, coder: EventCoder) -> None:
    # the anti-Russian activists are Turkey's, not Russia's
    doc = coder(
        _with_country(base, "Turkish anti-Russian activists attacked a bus.", "Russian", "RUS")
    )
    assert not any((e.source_code or "").startswith("RUS") for e in doc._.events)


def test_the_place_of_a_protest_is_not_its_target(nlp: Language) -> None:
    # the whole pipeline: its actors component reads the city as its people
    doc = nlp("Students held an anti-government rally in Belgrade.")
    found = {(e.source_code, e.target_code, e.code) for e in doc._.events}
    assert found
    assert not any(t and t.endswith("CVL") for _, t, _ in found)
