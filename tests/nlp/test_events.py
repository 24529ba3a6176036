"""The event coder on small hand-made sentences.

Actor resolution belongs to the actors component; these tests stand in for it with a small
local name -> code table, so that they test the coder alone.
"""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from communique.nlp.event_lexicon import EventLexicon
from communique.nlp.events import EventCoder
from communique.nlp.extensions import ActorCluster, DateSpan

CODES: dict[str, str] = {
    "Obama": "USAGOV",
    "Barack Obama": "USAGOV",
    "Vladimir Putin": "RUSGOV",
    "Putin": "RUSGOV",
    "Lavrov": "RUSGOV",
    "Kerry": "USAGOV",
    "Russia": "RUS",
    "Russian": "RUS",
    "Israel": "ISR",
    "Iran": "IRN",
    "France": "FRA",
    "French": "FRA",
    "Iranian": "IRN",
    "Turkey": "TUR",
    "Turkish": "TUR",
    "China": "CHN",
    "Japan": "JPN",
    "Hungarian": "HUN",
    "Romanian": "ROU",
    "Congress": "USALEG",
    "United States": "USA",
    "U.S.": "USA",
}


@pytest.fixture(scope="module")
def base() -> Language:
    from communique.nlp.pipeline import load_pipeline

    return load_pipeline(components_to_add=())


@pytest.fixture(scope="module")
def coder() -> EventCoder:
    return EventCoder(lexicon=EventLexicon.load())


def _with_actors(doc: Doc) -> Doc:
    """Stand-in for the actors component: one cluster per code in ``CODES``."""
    clusters: dict[str, ActorCluster] = {}
    for ent in doc.ents:
        name = ent.text.removeprefix("the ").removeprefix("The ")
        code = CODES.get(name)
        if code is None:
            continue
        cluster = clusters.get(code)
        if cluster is None:
            cluster = clusters[code] = ActorCluster(
                id=f"a{len(clusters) + 1}", name=name, kind="country", code=code, country=code[:3]
            )
        cluster.mentions.append(ent)
    doc._.actors = list(clusters.values())
    doc._.quotes = []
    doc._.dates = []
    return doc


def _code(base: Language, coder: EventCoder, text: str) -> Doc:
    doc = _with_actors(base(text))
    doc._.published = dt.date(2013, 8, 9)
    return coder(doc)


def triples(
    base: Language, coder: EventCoder, text: str
) -> set[tuple[str | None, str | None, str]]:
    return {(e.source_code, e.target_code, e.code) for e in _code(base, coder, text)._.events}


def roots(base: Language, coder: EventCoder, text: str) -> set[tuple[str | None, str | None, str]]:
    return {(s, t, c[:2]) for s, t, c in triples(base, coder, text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Obama criticized Putin on Friday.", ("USAGOV", "RUSGOV", "111")),
        ("Russia accused France of spying.", ("RUS", "FRA", "112")),
        ("Israel arrested two Iranian diplomats and expelled them.", None),
        ("Obama imposed sanctions on Russia.", ("USAGOV", "RUS", "163")),
        ("Lavrov took a dig at the U.S. over the unrest in Egypt.", ("RUSGOV", "USA", "111")),
        ("Obama canceled a summit with Putin.", ("USAGOV", "RUSGOV", "161")),
    ],
)
def test_active_clause(
    base: Language, coder: EventCoder, text: str, expected: tuple[str, str, str] | None
) -> None:
    found = triples(base, coder, text)
    if expected is None:
        assert all(s != t for s, t, _ in found)
    else:
        assert expected in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Putin was criticized by Obama.", ("USAGOV", "RUSGOV", "11")),
        ("Iran was attacked by Israel on Monday.", ("ISR", "IRN", "19")),
        ("Sanctions were imposed on Russia by the United States.", ("USA", "RUS", "16")),
    ],
)
def test_passive_voice_swaps_source_and_target(
    base: Language, coder: EventCoder, text: str, expected: tuple[str, str, str]
) -> None:
    found = roots(base, coder, text)
    assert expected in found
    assert (expected[1], expected[0], expected[2]) not in found


@pytest.mark.parametrize(
    ("text", "expected_root", "forbidden_roots"),
    [
        ("Obama said he would not provide support to Israel.", "12", {"05", "07", "03"}),
        ("France refused to meet Putin.", "12", {"04", "03"}),
        ("Russia did not attack Turkey.", None, {"19", "12"}),
        ("China will never accept sanctions against Iran.", None, {"16"}),
    ],
)
def test_negation_never_codes_the_negated_act(
    base: Language,
    coder: EventCoder,
    text: str,
    expected_root: str | None,
    forbidden_roots: set[str],
) -> None:
    found = {c for _, _, c in roots(base, coder, text)}
    assert not found & forbidden_roots
    if expected_root is not None:
        assert expected_root in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Obama and Putin met in Geneva.",
            {("USAGOV", "RUSGOV", "04"), ("RUSGOV", "USAGOV", "04")},
        ),
        (
            "Senior Hungarian and Romanian officials agreed on Wednesday that their countries should cooperate.",
            {("HUNGOV", "ROUGOV", "03"), ("ROUGOV", "HUNGOV", "03")},
        ),
        ("France and Japan criticized Iran.", {("FRA", "IRN", "11"), ("JPN", "IRN", "11")}),
        ("Obama criticized Iran and Russia.", {("USAGOV", "IRN", "11"), ("USAGOV", "RUS", "11")}),
        (
            "Obama and Putin pledged to do more military operations together.",
            {("USAGOV", "RUSGOV", "03"), ("RUSGOV", "USAGOV", "03")},
        ),
    ],
)
def test_compound_actors_code_one_event_per_dyad(
    base: Language, coder: EventCoder, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert expected <= roots(base, coder, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russia threatened to attack Turkey.", ("RUS", "TUR", "138")),
        ("Obama said he would not provide support to Israel.", ("USAGOV", "ISR", "121")),
        ("Israel vowed not to return the prisoners to Iran.", ("ISR", "IRN", "124")),
        ("Russia will release the prisoners to France.", ("RUS", "FRA", "0353")),
        ("Obama pledged to provide aid to Israel.", ("USAGOV", "ISR", "033")),
        ("Obama urged Putin to negotiate.", ("USAGOV", "RUSGOV", "026")),
        ("Obama demanded that Russia release the journalists.", ("USAGOV", "RUS", "105")),
        ("Russia warned that it would impose sanctions on France.", ("RUS", "FRA", "1312")),
        ("Obama faces pressure from Congress to act.", ("USALEG", "USAGOV", "100")),
    ],
)
def test_modality_and_speech_acts(
    base: Language, coder: EventCoder, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in triples(base, coder, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The summit between Obama and Putin ended without a deal.",
            {("USAGOV", "RUSGOV", "04"), ("RUSGOV", "USAGOV", "04")},
        ),
        ("Russia's attack on Turkey drew wide criticism.", {("RUS", "TUR", "19")}),
    ],
)
def test_nominal_events(
    base: Language, coder: EventCoder, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert expected <= roots(base, coder, text)


@pytest.mark.parametrize(
    ("text", "expected", "forbidden"),
    [
        # a conditional threat is aimed at whoever must meet the condition
        (
            "Russia threatened to stop negotiations if the United States deploys missiles.",
            ("RUS", "USA", "13"),
            None,
        ),
        # a country's own forces are its instrument, not its target
        (
            "Israel said it will withdraw its troops from Iran.",
            ("ISR", "IRN", "03"),
            ("ISR", "ISR", "03"),
        ),
        # whom a protest is against, not where it happens
        (
            "Demonstrators in Iran staged a rally to protest against France.",
            None,
            ("IRN", "IRN", "14"),
        ),
        # partial negation is neither agreement nor refusal
        ("Kerry and Lavrov do not always agree.", None, ("USAGOV", "RUSGOV", "12")),
        # hypothetical modality codes nothing
        ("Russia could attack Turkey.", None, ("RUS", "TUR", "19")),
    ],
)
def test_targets_and_hedges(
    base: Language,
    coder: EventCoder,
    text: str,
    expected: tuple[str, str, str] | None,
    forbidden: tuple[str, str, str] | None,
) -> None:
    found = roots(base, coder, text)
    if expected is not None:
        assert expected in found
    if forbidden is not None:
        assert forbidden not in found


def test_pronoun_subject_takes_the_previous_sentence_subject(
    base: Language, coder: EventCoder
) -> None:
    found = triples(base, coder, "Russia held elections on Sunday. It later criticized France.")
    assert ("RUS", "FRA", "111") in found


def test_role_nominal_gives_the_sector(base: Language, coder: EventCoder) -> None:
    assert ("RUSGOV", "FRA", "11") in roots(
        base, coder, "The Russian government criticized France."
    )


def test_same_event_twice_is_kept_once(base: Language, coder: EventCoder) -> None:
    doc = _code(
        base, coder, "Obama criticized Putin on Friday. Later, Obama criticized Putin again."
    )
    assert [(e.source_code, e.target_code, e.code) for e in doc._.events] == [
        ("USAGOV", "RUSGOV", "111")
    ]
    assert doc._.events[0].evidence.text.startswith("Obama criticized Putin on Friday")


def test_event_date_is_publication_date_unless_sentence_has_one(
    base: Language, coder: EventCoder
) -> None:
    doc = _with_actors(base("Obama criticized Putin. Last week, Russia accused France of spying."))
    doc._.published = dt.date(2013, 8, 9)
    last_week = next(e for e in doc.ents if e.label_ == "DATE")
    doc._.dates = [DateSpan(last_week, dt.date(2013, 8, 2))]
    dates = {e.code: e.date for e in coder(doc)._.events}
    assert dates["111"] == dt.date(2013, 8, 9)
    assert dates["112"] == dt.date(2013, 8, 2)


def test_no_actor_no_event(base: Language, coder: EventCoder) -> None:
    assert triples(base, coder, "A protestor demolished the building.") == set()


def test_doc_without_actors_gets_an_empty_list(base: Language, coder: EventCoder) -> None:
    doc = base("The tanks head back from the border.")
    assert coder(doc)._.events == []


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
            ("ISR", "IRN", "07"),
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
        # a weapon as cause leaves the source unknown, not the event
        ("Two Turkish soldiers were killed by a rocket.", (None, "TUR", "18"), None),
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
