"""Helpers for the event-coder tests: a stand-in for the actors component.

Actor resolution belongs to the actors component; the event tests stand in for it with a small
local name -> code table, so that they test the coder alone.
"""

from __future__ import annotations

import datetime as dt

from spacy.language import Language
from spacy.tokens import Doc

from communique.nlp.events import EventCoder
from communique.nlp.extensions import ActorCluster

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
    "Exxon": "USABUS",
    "United States": "USA",
    "U.S.": "USA",
    "Supreme Court": "USAJUD",
}


CITIES: dict[str, str] = {
    "Geneva": "CHE",
    "Lisbon": "PRT",
    "Brussels": "BEL",
    "London": "GBR",
    "Algiers": "DZA",
}
"""Places, which the actors component reads as their people (country + ``CVL``)."""


PERSONS: dict[str, str] = {"Marion Jones": "USA"}
"""People, whom the actors component codes with their country (kind ``person``)."""


UNCODED: frozenset[str] = frozenset({"Department of Trade and Industry"})
"""Names the actors component finds but cannot code (no country, no sector)."""


def with_actors(doc: Doc) -> Doc:
    """Stand-in for the actors component: one cluster per code in ``CODES``, and a group of
    its people (``CVL``) for each city of ``CITIES``."""
    clusters: dict[str, ActorCluster] = {}
    for ent in doc.ents:
        name = ent.text.removeprefix("the ").removeprefix("The ")
        code = CODES.get(name)
        city = CITIES.get(name)
        if name in UNCODED:
            doc_uncoded = ActorCluster(
                id=f"u{len(clusters) + 1}", name=name, kind="organization", mentions=[ent]
            )
            clusters[name] = doc_uncoded
            continue
        if name in PERSONS:
            clusters[name] = ActorCluster(
                id=f"p{len(clusters) + 1}",
                name=name,
                kind="person",
                code=PERSONS[name],
                country=PERSONS[name],
                mentions=[ent],
            )
            continue
        if code is None and city is None:
            continue
        key = code or city + "CVL"
        cluster = clusters.get(key)
        if cluster is None and code is not None:
            cluster = ActorCluster(
                id=f"a{len(clusters) + 1}", name=name, kind="country", code=code, country=code[:3]
            )
        elif cluster is None and city is not None:
            cluster = ActorCluster(
                id=f"a{len(clusters) + 1}",
                name=name,
                kind="group",
                code=city + "CVL",
                country=city,
                sector="CVL",
            )
        assert cluster is not None
        clusters[key] = cluster
        cluster.mentions.append(ent)
    doc._.actors = list(clusters.values())
    doc._.quotes = []
    doc._.dates = []
    return doc


def code_text(base: Language, coder: EventCoder, text: str) -> Doc:
    doc = with_actors(base(text))
    doc._.published = dt.date(2013, 8, 9)
    return coder(doc)


def triples(
    base: Language, coder: EventCoder, text: str
) -> set[tuple[str | None, str | None, str]]:
    return {(e.source_code, e.target_code, e.code) for e in code_text(base, coder, text)._.events}


def roots(base: Language, coder: EventCoder, text: str) -> set[tuple[str | None, str | None, str]]:
    return {(s, t, c[:2]) for s, t, c in triples(base, coder, text)}
