"""Articles for the curation tests (CLI and HTTP): one person named in several spellings, an
organisation and a description, each the speaker of one quote."""

from __future__ import annotations

from communique.records import Actor, Analysis, Article, Quote

TEXT = "Sergei Lavrov said the talks were useful."


def analysis(doc_id: str, name: str, *, kind: str = "person", named: bool = True) -> Analysis:
    art = Article(
        id=doc_id,
        source=f"{doc_id}.txt",
        text=TEXT,
        body=((0, len(TEXT)),),
        content_hash=f"h-{doc_id}",
        published="2013-08-09",
    )
    actor = Actor(
        id="a1",
        name=name,
        kind=kind,
        mentions=((0, 13),),
        country="RUS",
        role="Foreign Minister",
        aliases=(name,),
        named=named,
    )
    said = Quote(
        start=19,
        end=40,
        fragments=((19, 40),),
        text="the talks were useful",
        kind="indirect",
        speaker=name,
        speaker_actor="a1",
        speaker_start=0,
        speaker_end=13,
        cue="said",
        cue_start=14,
        cue_end=18,
    )
    return Analysis(article=art, actors=(actor,), quotes=(said,))
