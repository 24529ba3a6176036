"""The people pass: a name right after a common noun for a body names that body."""

from __future__ import annotations

from spacy.language import Language

from communique.nlp.extensions import ActorCluster


def _by_name(actors: list[ActorCluster]) -> dict[str, ActorCluster]:
    return {a.name: a for a in actors}


def test_a_company_named_like_a_person_is_an_organisation(nlp: Language) -> None:
    text = (
        "Gordon Brown, the Chancellor, said the economy was strong. The tobacco company Brown "
        "and Williamson said it would appeal. Brown and Williamson denied that the claims were true."
    )
    doc = nlp(text)
    actors = _by_name(doc._.actors)
    firm = actors["Brown and Williamson"]
    assert firm.kind == "organization" and firm.sector == "BUS"
    assert [m.text for m in firm.mentions] == [
        "company",
        "Brown and Williamson",
        "Brown and Williamson",
    ]
    brown = actors["Gordon Brown"]
    assert all("Williamson" not in m.text and "company" not in m.text for m in brown.mentions)
    speakers = {q.speaker.text: q.actor.name for q in doc._.quotes if q.actor and q.speaker}
    assert speakers["The tobacco company"] == "Brown and Williamson"
    assert speakers["Brown and Williamson"] == "Brown and Williamson"


def test_a_known_surname_the_model_left_unlabelled(nlp: Language) -> None:
    actors = _by_name(nlp("Musharraf accused India of backing militants.")._.actors)
    assert actors["Musharraf"].code == "PAKGOV"


def test_a_double_barrelled_surname_alone_is_the_person_named_in_full(nlp: Language) -> None:
    # the tagger may stop a lone "Newton-Rex" at its hyphen and call "Newton" an organisation
    text = (
        "Ed Newton-Rex, a composer, resigned from the start-up in November. "
        "Newton-Rex questioned the model as a threat to musicians, he said on Friday."
    )
    doc = nlp(text)
    people = [a for a in doc._.actors if a.kind == "person"]
    assert [(a.name, [m.text for m in a.mentions]) for a in people] == [
        ("Ed Newton-Rex", ["Ed Newton-Rex", "Newton-Rex"])
    ]
    assert not any(a.name == "Newton" for a in doc._.actors)


def test_a_word_capitalised_only_at_sentence_starts_is_no_person(nlp: Language) -> None:
    text = (
        "Georgia lets patients buy medical marijuana products. Marijuana sold for "
        "recreational use typically has a higher level of the drug. “It just makes no sense "
        "to me,” he said."
    )
    doc = nlp(text)
    assert not any(a.name.startswith("Marijuana") for a in doc._.actors)
    assert [q.speaker_name for q in doc._.quotes] == [None]
