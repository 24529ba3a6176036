"""The event coder on small hand-made sentences (clauses, voice, negation, modality, dyads, dates).

The actors component is stood in for by ``event_helpers``, so these tests test the coder alone.
"""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from communique.nlp.events import EventCoder
from communique.nlp.extensions import DateSpan

from event_helpers import code_text, roots, triples, with_actors


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
    doc = code_text(
        base, coder, "Obama criticized Putin on Friday. Later, Obama criticized Putin again."
    )
    assert [(e.source_code, e.target_code, e.code) for e in doc._.events] == [
        ("USAGOV", "RUSGOV", "111")
    ]
    assert doc._.events[0].evidence.text.startswith("Obama criticized Putin on Friday")


def test_event_date_is_publication_date_unless_sentence_has_one(
    base: Language, coder: EventCoder
) -> None:
    doc = with_actors(base("Obama criticized Putin. Last week, Russia accused France of spying."))
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
        ("Israel lifted its blockade of Iran.", ("ISR", "IRN", "0872")),  # verb + object
        ("Japan filed a complaint against China.", ("JPN", "CHN", "114")),
        ("Iran opened fire on Israel with missiles.", ("IRN", "ISR", "193")),
        ("Iran embarked on negotiations with France.", ("FRA", "IRN", "046")),  # prep + noun
        ("China refused to lift the blockade on Japan.", ("CHN", "JPN", "124")),  # with modality
    ],
)
def test_patterns_from_the_verb_dictionary(
    base: Language, coder: EventCoder, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in triples(base, coder, text)


def test_bundled_rows_without_a_noun_are_not_taken(base: Language, coder: EventCoder) -> None:
    # CAMEO.2.0: "- * (AGAINST) [113]" under LOBBY, a preposition alone
    assert triples(base, coder, "Obama lobbied against France.") == set()


def test_a_dictionary_discard_codes_nothing(base: Language, coder: EventCoder) -> None:
    # CAMEO.2.0: "- * (IN ACCIDENT) [---]" under KILL; without it our bare "kill" codes 1823
    assert triples(base, coder, "Israel killed three Iranian soldiers in an accident.") == set()


def test_own_rows_win_over_the_dictionary(base: Language, coder: EventCoder) -> None:
    # verbs.tsv codes "lodge a protest" 114, the dictionary 110
    assert triples(base, coder, "Russia lodged a protest with France.") == {("RUS", "FRA", "114")}


def test_a_condition_clause_codes_nothing_of_its_own(base: Language, coder: EventCoder) -> None:
    found = triples(base, coder, "Obama will impose sanctions on Iran if Russia attacks France.")
    assert not any(s == "RUS" for s, _, _ in found)


# issue 13: a company, a newspaper or a school wields no armed force ("the strong yen hit
# exporters", "the bank attacked its rivals"); sectors.tsv marks them civilian
def test_a_civilian_body_is_no_source_of_armed_force(base: Language, coder: EventCoder) -> None:
    assert ("RUS", "TUR", "190") in triples(base, coder, "Russia attacked Turkey on Monday.")
    assert not any(
        c[:2] in ("18", "19", "20")
        for _, _, c in triples(base, coder, "Exxon attacked Turkey on Monday.")
    )
    assert ("USABUS", "TUR", "111") in triples(base, coder, "Exxon criticized Turkey on Monday.")


# issue 13 (item 5) and 14: "in 1942" made 1942-01-01 an event date
def test_a_year_or_month_away_from_publication_is_no_event_date(
    base: Language, coder: EventCoder
) -> None:
    doc = with_actors(base("In 1942, Russia accused France of spying. Obama criticized Putin."))
    doc._.published = dt.date(2013, 8, 9)
    year = next(e for e in doc.ents if e.label_ == "DATE")
    doc._.dates = [DateSpan(year, dt.date(1942, 1, 1))]
    dates = {e.code: e.date for e in coder(doc)._.events}
    assert dates["112"] is None  # history: no timeline places it
    assert dates["111"] == dt.date(2013, 8, 9)


@pytest.mark.parametrize(
    ("expression", "day"),
    [
        ("Monday", True),
        ("yesterday", True),
        ("Aug. 9", True),
        ("9 August 2013", True),
        ("2013-08-09", True),
        ("1942", False),
        ("in March", False),
        ("last year", False),
        ("March 2020", False),
    ],
)
def test_names_a_day(expression: str, day: bool) -> None:
    from communique.article.dates import names_a_day

    assert names_a_day(expression) is day


def test_closing_a_border_restricts_movement(base: Language, coder: EventCoder) -> None:
    # CAMEO 191 "impose blockade, restrict movement", as CAMEO.2.0 codes RECLOSE * BORDER
    assert ("TUR", "IRN", "191") in triples(base, coder, "Turkey closed its border with Iran.")


def test_sharing_intelligence_with_another_holds_both_ways(
    base: Language, coder: EventCoder
) -> None:
    # CAMEO.2.0 pairs sharing (SHARE * &EVIDENCE [064:064])
    found = triples(base, coder, "France shared intelligence with Turkey.")
    assert {("FRA", "TUR", "064"), ("TUR", "FRA", "064")} <= found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a predicate adjective's gerund complement shares its subject, and "guilty of" states
        # the act as done; the sides of a ceasefire violate it against each other
        ("Russia is guilty of attacking Turkey.", {("RUS", "TUR", "19")}),
        (
            "Russia and Turkey are guilty of violating the ceasefire.",
            {("RUS", "TUR", "19"), ("TUR", "RUS", "19")},
        ),
        # an accusation is no finding: the act stays alleged
        ("Russia was accused of violating the ceasefire.", set()),
    ],
)
def test_guilty_of_states_the_act_of_the_subject(
    base: Language, coder: EventCoder, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert roots(base, coder, text) == expected
