"""Dates, places, topics and tone: the context of an article.

- **dates**: spaCy DATE entities resolved against the publication date with dateparser
  (``article.dates.DateResolver``); expressions that are durations resolve to ``None``.
- **places**: GPE, LOC and FAC entities, with the ISO3 country of the actor that mention
  belongs to when the actors component resolved one.
- **topics**: categories of ``knowledge/topics.tsv`` whose cue lemmas occur at least
  ``min_topic_hits`` times (2) in the body, most frequent first (at most ``max_topics``, 3).
- **tone**: GDELT-style tone, (positive - negative words) per 100 words, from the lexicon in
  ``knowledge/tone.tsv``.
"""

from __future__ import annotations

from collections import Counter

from spacy.attrs import IS_ALPHA, LEMMA
from spacy.tokens import Doc

from ..article.dates import DateResolver
from ..knowledge import read_table
from .extensions import DateSpan, actor_of

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


class ContextAnnotator:
    """spaCy component: sets ``doc._.dates``, ``places``, ``topics`` and ``tone``.

    ``knowledge_dir``: a folder whose knowledge files override the bundled ones ("" = bundled
    only); ``max_topics``, ``min_topic_hits``: see the module docstring (the defaults are
    ``communique_context``'s ``default_config``).
    """

    def __init__(
        self, knowledge_dir: str = "", max_topics: int = 3, min_topic_hits: int = 2
    ) -> None:
        self.knowledge_dir = knowledge_dir
        self.resolver = DateResolver()
        self.topic_of: dict[str, str] = {}
        for row in read_table("topics.tsv", knowledge_dir):
            for lemma in row["lemmas"].split(","):
                if lemma.strip():
                    self.topic_of[lemma.strip().lower()] = row["topic"]
        self.polarity: dict[str, int] = {
            row["lemma"].lower(): int(row["polarity"])
            for row in read_table("tone.tsv", knowledge_dir)
        }
        self.max_topics = max_topics
        self.min_topic_hits = min_topic_hits

    def __call__(self, doc: Doc) -> Doc:
        published = doc._.published
        dates: list[DateSpan] = []
        places = []
        cache: dict[str, object] = {}
        for ent in doc.ents:
            if ent.label_ == "DATE":
                key = ent.text.lower()
                if key not in cache:
                    cache[key] = self.resolver.resolve(ent.text, published)
                dates.append(DateSpan(ent, cache[key]))  # type: ignore[arg-type]
            elif ent.label_ in PLACE_LABELS:
                actor = actor_of(doc, ent.start, ent.end)
                places.append((ent, actor.country if actor is not None else None))
        doc._.dates = dates
        doc._.places = places
        topics: Counter[str] = Counter()
        positive = negative = words = 0
        # the tokens' flags and lemmas as one array, each lemma's entries looked up once
        strings = doc.vocab.strings
        seen: dict[int, tuple[str | None, int | None]] = {}
        for is_alpha, lemma_id in doc.to_array([IS_ALPHA, LEMMA]).tolist():
            if not is_alpha:
                continue
            words += 1
            entry = seen.get(lemma_id)
            if entry is None:
                lemma = strings[lemma_id].lower()
                entry = seen[lemma_id] = (self.topic_of.get(lemma), self.polarity.get(lemma))
            topic, pol = entry
            if topic:
                topics[topic] += 1
            if pol is not None:
                if pol > 0:
                    positive += 1
                else:
                    negative += 1
        doc._.topics = [
            t for t, n in topics.most_common(self.max_topics) if n >= self.min_topic_hits
        ]
        doc._.tone = round(100.0 * (positive - negative) / words, 3) if words else 0.0
        return doc
