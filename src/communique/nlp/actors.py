"""Placeholder actor resolver (replaced by the actors work)."""

from __future__ import annotations

from spacy.tokens import Doc

from .extensions import ActorCluster

KINDS = {"PERSON": "person", "ORG": "organization", "GPE": "country", "NORP": "group"}


class ActorResolver:
    def __init__(self, knowledge_dir: str = "", actor_dictionaries: list[str] | None = None) -> None:
        self.knowledge_dir = knowledge_dir

    def __call__(self, doc: Doc) -> Doc:
        actors: dict[str, ActorCluster] = {}
        for ent in doc.ents:
            kind = KINDS.get(ent.label_)
            if kind is None:
                continue
            key = ent.text.split()[-1]
            actor = actors.get(key)
            if actor is None:
                actor = actors[key] = ActorCluster(id=f"a{len(actors) + 1}", name=ent.text, kind=kind)
            actor.mentions.append(ent)
        doc._.actors = list(actors.values())
        return doc
