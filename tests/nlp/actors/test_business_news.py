"""Issue 12, actors round 5: business news (short articles written for these tests)."""

from __future__ import annotations

from spacy.language import Language

from communique.nlp.extensions import ActorCluster


def _actors(nlp: Language, text: str) -> list[ActorCluster]:
    doc = nlp.make_doc(text)
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return list(doc._.actors)


def _with_mention(nlp: Language, text: str, words: str) -> ActorCluster | None:
    """The actor one of whose mentions covers the first occurrence of ``words``."""
    doc = nlp.make_doc(text)
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    start = text.index(words)
    end = start + len(words)
    for actor in doc._.actors:
        for m in actor.mentions:
            if m.start_char < end and start < m.end_char:
                return actor
    return None


def test_a_nationality_before_a_business_person_is_that_countrys_business(
    nlp: Language,
) -> None:
    # roles.tsv: tycoon, banker, entrepreneur (Phoenix agents TYCOON, ENTREPRENEUR ~BUS;
    # the CAMEO codebook files bankers under BUS): a person of that country, never the country
    text = (
        "A Canadian tycoon has made a new offer for the football club. "
        "The Canadian tycoon, who owns a hockey team, met the board on Monday."
    )
    actor = _with_mention(nlp, text, "Canadian tycoon")
    assert actor is not None
    assert actor.kind != "country"
    assert actor.code == "CANBUS"


def test_a_nationality_before_banker_is_no_country(nlp: Language) -> None:
    text = "Poland has named a French banker to run its central bank, ministers said."
    actor = _with_mention(nlp, text, "French banker")
    assert actor is not None
    assert actor.kind != "country"
    assert actor.code == "FRABUS"


def test_an_organisations_british_spelling_is_the_same_body(nlp: Language) -> None:
    # organizations.tsv writes "World Health Organization"; British news writes -isation
    text = (
        "The World Health Organisation said the outbreak in Kenya was under control. "
        "Officials in Nairobi welcomed the news."
    )
    actor = _with_mention(nlp, text, "World Health Organisation")
    assert actor is not None
    assert actor.code is not None and actor.code.startswith("IGO")


def test_a_place_named_after_a_person_is_no_actor_of_their_kind(nlp: Language) -> None:
    # actor_words.tsv facility_noun: the title inside the name says nothing of the place
    text = (
        "Flights were diverted after the army closed Lagos's new Bishop Adeyemi "
        "International Airport on Monday, the airline said."
    )
    actors = _actors(nlp, text)
    assert not any(a.kind == "person" and "Adeyemi" in a.name for a in actors)
    airport = _with_mention(nlp, text, "International Airport")
    assert airport is None or airport.code is None or "REL" not in airport.code


def test_a_square_named_after_a_person_is_no_person(nlp: Language) -> None:
    text = "Crowds gathered in Oliver Tambo Square as the bank announced its results."
    assert not any(a.kind == "person" for a in _actors(nlp, text))


def test_a_supporters_group_that_follows_no_one_named_is_no_opposition(nlp: Language) -> None:
    # follower_noun: OPP only when a person, body or people is the one followed
    text = (
        "The supporters' group of the football club said it would fight the takeover bid "
        "by the American investor."
    )
    fans = _with_mention(nlp, text, "supporters")
    assert fans is not None
    assert fans.code is None or "OPP" not in fans.code


def test_opposition_supporters_stay_a_political_side(nlp: Language) -> None:
    text = "Opposition supporters marched through Harare on Saturday."
    fans = _with_mention(nlp, text, "supporters")
    assert fans is not None
    assert fans.code == "ZWEOPP"
