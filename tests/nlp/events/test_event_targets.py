"""The event coder on small hand-made sentences (subjects, targets and conventions of CAMEO coding).

The actors component is stood in for by ``event_helpers``, so these tests test the coder alone.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from communique.nlp.events import EventCoder

from event_helpers import roots, triples


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an event as subject: the target is known, the source is not
        ("A roadside bombing killed two Russian soldiers.", (None, "RUSMIL", "18")),
        # a document as subject speaks for its author, not for a place it names
        ("A report by Russia accused France of spying.", ("RUS", "FRA", "11")),
        ("A report in France accused Russia of spying.", None),
    ],
)
def test_event_and_document_subjects(
    base: Language, coder: EventCoder, text: str, expected: tuple[str | None, str, str] | None
) -> None:
    found = roots(base, coder, text)
    if expected is None:
        assert not any(s == "FRA" for s, _, _ in found)
    else:
        assert expected in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "to" left without an object by the parser ("officers" made subject of "holed")
        (
            "Israel granted asylum to five Iranian army officers holed up in an embassy.",
            ("ISR", "IRNMIL", "07"),  # army officers are the army's (office_noun)
        ),
        # a particle parsed as a preposition: "forced X out of"
        ("Russia forced the French diplomats out of the country.", ("RUS", "FRAGOV", "16")),
        # a hyphenated prefix split off by the tokenizer: "re-open" is "open"
        ("Russia agreed to re-open its embassy in Iran.", ("RUS", "IRN", "03")),
    ],
)
def test_parser_errors_the_coder_survives(
    base: Language, coder: EventCoder, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in roots(base, coder, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russia withdrew its inspectors from Iran.", ("RUS", "IRN", "1662")),
        ("Russia will withdraw the peacekeepers from Iran.", ("RUS", "IRN", "136")),
        ("Russian police apprehended two French citizens.", ("RUSCOP", "FRA", "173")),
        ("Obama castigated Putin on Friday.", ("USAGOV", "RUSGOV", "111")),
    ],
)
def test_lexicon_coverage(
    base: Language, coder: EventCoder, text: str, expected: tuple[str, str, str]
) -> None:
    found = triples(base, coder, text)
    assert any(
        s == expected[0] and t[:3] == expected[1][:3] and c == expected[2] for s, t, c in found
    ), found


@pytest.mark.parametrize(
    ("text", "expected", "forbidden"),
    [
        # a protest with no named target is against the protesters' own government
        ("Russian students staged a rally on Sunday.", ("RUS", "RUSGOV", "14"), None),
        # a named target wins, and a government protesting has no "home government" target
        (
            "Russian students protested against France.",
            ("RUS", "FRA", "14"),
            ("RUS", "RUSGOV", "14"),
        ),
    ],
)
def test_protest_without_target(
    base: Language,
    coder: EventCoder,
    text: str,
    expected: tuple[str, str, str],
    forbidden: tuple[str, str, str] | None,
) -> None:
    found = {((s or "")[:3], t, c) for s, t, c in roots(base, coder, text)}
    assert expected in found
    if forbidden is not None:
        assert forbidden not in found


def test_actor_of_a_modifier_of_a_modifier_is_not_a_party(
    base: Language, coder: EventCoder
) -> None:
    # "the pro-Israel Congress caucus" is the caucus of Congress, not Israel
    found = roots(base, coder, "The pro-Israel Congress caucus criticized Iran.")
    assert not any(s == "ISR" for s, _, _ in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a name misread as a preposition loses the subject: "Barack" tagged IN
        ("Barack Obama and Vladimir Putin met in Geneva on Friday.", ("USAGOV", "RUSGOV", "04")),
        # a frame noun carries its modifier's event, "between" names the parties
        ("Japan launched a mediation effort between Russia and Turkey.", ("JPN", "TUR", "04")),
        # whose property an attack hits, named in the object's own clause
        ("Russian rebels blew up power lines leading into Turkey.", ("RUS", "TUR", "17")),
    ],
)
def test_lost_subjects_frames_and_clause_targets(
    base: Language, coder: EventCoder, text: str, expected: tuple[str, str, str]
) -> None:
    found = {((s or "")[:6], (t or "")[:6], c) for s, t, c in roots(base, coder, text)}
    assert any(
        s[: len(expected[0])] == expected[0] and t[:3] == expected[1][:3] and c == expected[2]
        for s, t, c in found
    ), found


@pytest.mark.parametrize(
    ("text", "forbidden_root"),
    [
        # ability is no act, nor is an able appeal
        ("Russia can attack Turkey.", "19"),
        ("Russia can persuade Turkey to negotiate.", "02"),
        # a misfortune is nobody's act
        ("Two hundred Turkish villagers were killed in the earthquake.", "18"),
        ("The energy crisis in Russia forced Putin to cancel the visit.", "10"),
        # a meeting happens in a place; the place is not its target
        ("Russian ministers are meeting in France on Thursday.", "04"),
        # "of" after a noun that is no measure names no event ("reform of the treaty")
        ("Obama called for a review of the treaty with Russia.", "05"),
    ],
)
def test_no_event_without_an_act(
    base: Language, coder: EventCoder, text: str, forbidden_root: str
) -> None:
    assert forbidden_root not in {c for _, _, c in roots(base, coder, text)}


def test_cannot_is_a_refusal(base: Language, coder: EventCoder) -> None:
    assert ("USA", "ISR", "12") in roots(base, coder, "The United States cannot support Israel.")


def test_in_an_event_is_no_place(base: Language, coder: EventCoder) -> None:
    found = roots(base, coder, "Russia said it is still in talks with Turkey over the pipeline.")
    assert ("RUS", "TUR", "04") in found


def test_participle_of_the_toll_is_the_same_attack(base: Language, coder: EventCoder) -> None:
    found = roots(base, coder, "Russian forces shelled Turkey overnight, killing eight people.")
    assert [c for _, _, c in found] == ["19"]


def test_withdrawal_is_from_its_target(base: Language, coder: EventCoder) -> None:
    found = roots(base, coder, "Russian troops withdrew from Iran to Turkey on Monday.")
    assert ("RUS", "IRN", "08") in {(s[:3], t, c) for s, t, c in found}
    assert not any(t == "TUR" for _, t, _ in found)


@pytest.mark.parametrize(
    ("text", "expected", "forbidden_root"),
    [
        # a passive whose named cause is no actor, attack or weapon codes nothing
        ("The Turkish economy was hit by falling oil prices.", None, "19"),
        # a weapon as cause leaves the source unknown, not the event, and names the act: a
        # rocket is conventional military force (CAMEO 19), a bomb a bombing (18)
        ("Two Turkish soldiers were killed by a rocket.", (None, "TUR", "19"), None),
        ("Two Turkish soldiers were killed by a bomb.", (None, "TUR", "18"), None),
        # the giver of what is received may be the object's own modifier
        ("Turkey received Russian aid.", ("RUS", "TUR", "07"), None),
    ],
)
def test_causes_and_givers(
    base: Language,
    coder: EventCoder,
    text: str,
    expected: tuple[str | None, str, str] | None,
    forbidden_root: str | None,
) -> None:
    found = {(s and s[:3], t and t[:3], c) for s, t, c in roots(base, coder, text)}
    if expected is not None:
        assert expected in found
    if forbidden_root is not None:
        assert forbidden_root not in {c for _, _, c in found}


@pytest.mark.parametrize(
    ("text", "expected", "forbidden_root"),
    [
        # the content of a noun is said, not done
        (
            "Turkey demanded an admission by Russia that its forces attacked Iran.",
            ("TUR", "RUS", "10"),
            "19",
        ),
        # the purpose of a protest restates it: one event
        (
            "Turkish students began a hunger strike to protest against Russia.",
            ("TUR", "RUS", "14"),
            "11",
        ),
    ],
)
def test_clauses_that_restate_or_report(
    base: Language,
    coder: EventCoder,
    text: str,
    expected: tuple[str, str, str],
    forbidden_root: str,
) -> None:
    found = {((s or "")[:3], (t or "")[:3], c) for s, t, c in roots(base, coder, text)}
    assert expected in found
    assert forbidden_root not in {c for _, _, c in found}


def test_place_of_a_joint_act_is_not_its_target(base: Language, coder: EventCoder) -> None:
    found = roots(base, coder, "Obama and Putin signed the deal in France on Tuesday.")
    assert ("USAGOV", "RUSGOV", "05") in found
    assert not any(t == "FRA" for _, t, _ in found)


def test_purpose_of_an_intended_act_is_not_done(base: Language, coder: EventCoder) -> None:
    found = roots(
        base, coder, "Barack Obama and Vladimir Putin will meet in France to discuss trade."
    )
    assert ("USAGOV", "RUSGOV", "03") in found
    assert not any(c == "04" for _, _, c in found)
