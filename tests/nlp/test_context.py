"""The context component: topics of an article from the lemmas of knowledge/topics.tsv."""

from __future__ import annotations

from spacy.language import Language


def test_a_tennis_report_leads_with_sport(nlp: Language) -> None:
    doc = nlp(
        "Ana Ivanovic captured her first WTA title of the year in Linz.\n\n"
        "The Serbian beat the top seed in straight sets in front of a full stadium, "
        "and said tennis had given her everything.\n\n"
        "She will lead the Serbia squad in the Fed Cup."
    )
    assert doc._.topics[:1] == ["sport"]


def test_a_political_report_has_no_sport_topic(nlp: Language) -> None:
    doc = nlp(
        "The minister said the final decision on the budget would come on Monday.\n\n"
        "The opposition called the vote a victory for parliament and said the government "
        "had lost its majority."
    )
    assert "sport" not in doc._.topics
