"""Issue 12, actors round 4: dated news (short articles written for these tests)."""

from __future__ import annotations

import datetime as dt

from actor_helpers import dated_actors, named
from spacy.language import Language


def test_a_regions_adjective_inside_a_name_is_no_clue_to_a_country(nlp: Language) -> None:
    # "North American" is a region's word (actor_words.tsv region_word): the treaty is no
    # American body and the leader in its sentence takes his country from the article
    text = (
        "Canada will not open its market to more foreign cheese, officials in Ottawa said. "
        "After the talks on the North American Free Trade Agreement, Prime Minister Mark "
        "Tremblay promised fishermen that Canada would protect them."
    )
    actors = dated_actors(nlp, text, dt.date(2023, 5, 2))
    treaty = named(actors, "Free Trade")
    assert treaty.country is None
    leader = named(actors, "Tremblay")
    assert leader.country == "CAN"
    assert leader.code == "CANGOV"


def test_a_plain_country_adjective_in_a_name_still_counts(nlp: Language) -> None:
    text = "After the talks, the American Farm Bureau said President Dale Ross would sign."
    ross = named(dated_actors(nlp, text), "Ross")
    assert ross.country == "USA"


def test_supporters_of_a_thing_are_no_opposition(nlp: Language) -> None:
    # follower_noun: a political side only when it follows a person, body or people
    text = "Supporters of the new web browser in Germany raised money for an advert."
    fans = named(dated_actors(nlp, text), "upporters")
    assert fans.code is None or "OPP" not in fans.code


def test_supporters_of_a_person_stay_a_political_side(nlp: Language) -> None:
    text = "Hundreds of supporters of former President Omar Bakri marched in Khartoum."
    fans = named(dated_actors(nlp, text), "upporters")
    assert fans.code == "SDNOPP"


def test_a_then_title_is_a_past_office_that_does_not_replace_the_current_one(
    nlp: Language,
) -> None:
    # then_word: "then-Vice President" (hyphen) and "the then Vice President" are past offices;
    # the longer title must not overwrite the office the article and the date give
    for aside in (
        "Tom Marks, an aide to then-Vice President Biden,",
        "An aide to the then Vice President Biden",
    ):
        text = f"President Joe Biden wants lower rates. {aside} agreed with him."
        biden = named(dated_actors(nlp, text, dt.date(2023, 12, 22)), "Biden")
        assert biden.role == "President"
        assert biden.code == "USAGOV"


def test_then_alone_is_an_adverb_of_sequence(nlp: Language) -> None:
    text = "The talks failed, then President Joe Biden called his Canadian counterpart."
    biden = named(dated_actors(nlp, text, dt.date(2023, 12, 22)), "Biden")
    assert biden.role == "President"


def test_a_name_the_model_calls_an_organisation_after_a_persons_title_is_a_person(
    nlp: Language,
) -> None:
    # the small model tags some full names as ORG ("Nikki Hale" here); one right after a person's title is that
    # title's holder, with the title as role
    text = "Voters are tired of the feud, said the former governor Nikki Hale."
    hale = named(dated_actors(nlp, text, dt.date(2023, 12, 22)), "Hale")
    assert hale.kind == "person"
    assert hale.role is not None and "Governor" in hale.role
