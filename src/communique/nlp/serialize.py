"""The storage boundary of the NLP pass: a processed ``Doc`` becomes a plain ``Analysis``.

Spans become character offsets, clusters become ``Actor`` records with article-local ids, and
event codes are looked up in the CAMEO codebook for their name, Goldstein score, quad class
and PLOVER category.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from ..article.dates import iso
from ..records import Actor, Analysis, Article, Event, Mention, Quote
from .extensions import ActorCluster, EventSpan, QuoteSpan


@dataclass(frozen=True)
class CodeInfo:
    """What the codebook says about one CAMEO code."""

    name: str
    goldstein: float | None
    quad_class: int | None
    plover: str | None


CodeLookup = Callable[[str], CodeInfo | None]


def _no_lookup(code: str) -> CodeInfo | None:
    return None


def codebook_lookup(knowledge_dir: str = "") -> CodeLookup:
    """A lookup over the bundled CAMEO codebook (``knowledge/cameo.tsv``)."""
    from ..knowledge import cameo

    book = cameo.Codebook.load(knowledge_dir)

    def lookup(code: str) -> CodeInfo | None:
        entry = book.get(code)
        if entry is None:
            return None
        return CodeInfo(entry.name, entry.goldstein, entry.quad_class, entry.plover)

    return lookup


def _actor_record(cluster: ActorCluster) -> Actor:
    spans = sorted({(m.start_char, m.end_char) for m in cluster.mentions})
    aliases: list[str] = []
    for m in sorted(cluster.mentions, key=lambda m: m.start_char):
        alias = m.text.strip()
        if alias and alias not in aliases:
            aliases.append(alias)
    return Actor(
        id=cluster.id,
        name=cluster.name,
        kind=cluster.kind,
        mentions=tuple(spans),
        country=cluster.country,
        role=cluster.role,
        code=cluster.code,
        aliases=tuple(aliases),
        named=cluster.named,
    )


def _quote_record(q: QuoteSpan) -> Quote:
    frags = tuple(
        (f.start_char, f.end_char) for f in sorted(q.fragments, key=lambda f: f.start_char)
    )
    text = " … ".join(f.text for f in sorted(q.fragments, key=lambda f: f.start_char))
    # the name the extractor gave the speaker: an actor's canonical name, or for a description
    # the words of the text ("The company", not the description actor's "company")
    speaker = q.speaker_name
    if speaker is None and q.actor is not None:
        speaker = q.actor.name
    return Quote(
        start=frags[0][0],
        end=frags[-1][1],
        fragments=frags,
        text=text,
        kind=q.kind,
        speaker=speaker,
        speaker_actor=q.actor.id if q.actor is not None else None,
        speaker_start=q.speaker.start_char if q.speaker is not None else None,
        speaker_end=q.speaker.end_char if q.speaker is not None else None,
        cue=q.cue.text if q.cue is not None else None,
        cue_start=q.cue.start_char if q.cue is not None else None,
        cue_end=q.cue.end_char if q.cue is not None else None,
    )


def _event_record(e: EventSpan, lookup: CodeLookup, published: str | None) -> Event:
    info = lookup(e.code)
    return Event(
        source=e.source_code or (e.source.code if e.source else None),
        target=e.target_code or (e.target.code if e.target else None),
        source_actor=e.source.id if e.source else None,
        target_actor=e.target.id if e.target else None,
        code=e.code,
        name=info.name if info else "",
        plover=info.plover if info else None,
        goldstein=info.goldstein if info else None,
        quad_class=info.quad_class if info else None,
        date=iso(e.date) or published,
        start=e.evidence.start_char,
        end=e.evidence.end_char,
        text=e.evidence.text,
    )


def _mention(span: Span, value: str | None) -> Mention:
    return Mention(text=span.text, start=span.start_char, end=span.end_char, value=value)


def doc_to_analysis(article: Article, doc: Doc, lookup: CodeLookup = _no_lookup) -> Analysis:
    """Plain records for everything our components attached to ``doc``."""
    quotes = [q for q in doc._.quotes or () if q.fragments]
    return Analysis(
        article=article,
        actors=tuple(_actor_record(c) for c in doc._.actors or ()),
        quotes=tuple(
            _quote_record(q) for q in sorted(quotes, key=lambda q: q.fragments[0].start_char)
        ),
        events=tuple(_event_record(e, lookup, article.published) for e in doc._.events or ()),
        topics=tuple(doc._.topics or ()),
        places=tuple(_mention(p, c) for p, c in doc._.places or ()),
        dates=tuple(_mention(d.span, iso(d.value)) for d in doc._.dates or ()),
        tone=doc._.tone,
    )
