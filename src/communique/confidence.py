"""How far to trust each quote and event: logistic models over features of the analysis record.

A quote's or an event's ``confidence`` is the probability, estimated by a logistic model, that
the dev gold holds it (a quote: at least 0.3 of its characters inside gold quotes, as the
quote scorer's precision counts them; an event: its source country, target country and CAMEO
root are a gold triple). The features (``QUOTE_FEATURES``, ``EVENT_FEATURES``) are read from the
finished record only, so the models need nothing of the NLP pass and any record can be scored
again. The weights and the default threshold of each model live in ``knowledge/confidence.json``,
written by ``benchmarks/fit_confidence.py`` (cross-validated on the dev sets, see
``docs/accuracy.md``); a user's own file of that name in the knowledge folder replaces it.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass, replace

from .knowledge import data_path
from .knowledge.cues import CueLexicon, load_cues
from .records import Analysis, Event, Quote

MODEL_FILE = "confidence.json"

QUOTE_FEATURES: tuple[str, ...] = (
    "direct",
    "mixed",
    "no_speaker",
    "unresolved_mention",
    "speaker_actor",
    "named_speaker",
    "speech_cue",
    "belief_cue",
    "noun_cue",
    "no_cue",
    "log_words",
    "fragments",
    "in_lead",
)
"""What a quote's confidence is read from: its kind (indirect is the baseline), whether it has a
speaker (or only a mention left unresolved, a pronoun), resolved to an actor, a named one; its cue's class in ``cues.tsv`` (speech: reporting,
assertive, directive, written; belief: cognitive, stance, evidential; a report noun; none); its length
(log of words); whether it is split; whether it begins in the first fifth of the text."""

EVENT_FEATURES: tuple[str, ...] = (
    "source",
    "target",
    "source_named",
    "target_named",
    "same_country",
    "bare_countries",
    "material",
    "conflict",
    "log_words",
    "in_lead",
    "in_quote",
    "dated_apart",
)
"""What an event's confidence is read from: whether its source and target are known and named
actors, the same country at both ends, both bare country codes (no sector: a country named, not
a person or body of it), its quad class (material against verbal, conflict against
cooperation), the length of its evidence (log of words), whether it is in the first fifth of
the text or inside a quotation (reported, often hypothetical), and whether it is dated apart
from the article's publication day."""

_SPEECH = frozenset({"reporting", "assertive", "directive", "written"})
_BELIEF = frozenset({"cognitive", "stance", "evidential"})


@dataclass(frozen=True)
class Model:
    """One logistic model: ``weights`` per feature name, ``bias`` and the default threshold."""

    weights: Mapping[str, float]
    bias: float
    threshold: float

    def score(self, features: Mapping[str, float]) -> float:
        z = self.bias + sum(w * features.get(name, 0.0) for name, w in self.weights.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@dataclass(frozen=True)
class Models:
    quote: Model
    event: Model

    @classmethod
    def load(cls, knowledge_dir: str = "") -> Models:
        path = data_path(MODEL_FILE, knowledge_dir)
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(
            quote=Model(
                dict(data["quote"]["weights"]), data["quote"]["bias"], data["quote"]["threshold"]
            ),
            event=Model(
                dict(data["event"]["weights"]), data["event"]["bias"], data["event"]["threshold"]
            ),
        )


def default_threshold(kind: str, knowledge_dir: str = "") -> float:
    """The fitted default threshold of the ``kind`` model (``quote`` or ``event``), which
    listings and exports apply unless told otherwise."""
    models = Models.load(knowledge_dir)
    return float(models.quote.threshold if kind == "quote" else models.event.threshold)


def _words(text: str | None) -> float:
    return math.log1p(len((text or "").split()))


def _cue_class(cue: str | None, cues: CueLexicon) -> str:
    words = (cue or "").lower().split()
    if not words:
        return ""
    row = cues.words.get(words[0]) or cues.nouns.get(words[-1])
    if row is None:
        for rest, seq in cues.sequences.get(words[0], ()):
            if tuple(words[1:]) == rest:
                row = seq
                break
    if row is None:
        return ""
    return "noun" if row.type == "noun" else row.cls


def quote_features(analysis: Analysis, quote: Quote, cues: CueLexicon) -> dict[str, float]:
    named = {a.id for a in analysis.actors if a.named}
    cls = _cue_class(quote.cue, cues)
    lead = len(analysis.article.text) / 5
    return {
        "direct": float(quote.kind == "direct"),
        "mixed": float(quote.kind == "mixed"),
        "no_speaker": float(not quote.speaker),
        "unresolved_mention": float(not quote.speaker and quote.speaker_start is not None),
        "speaker_actor": float(quote.speaker_actor is not None),
        "named_speaker": float(quote.speaker_actor in named),
        "speech_cue": float(cls in _SPEECH),
        "belief_cue": float(cls in _BELIEF),
        "noun_cue": float(cls == "noun"),
        "no_cue": float(not quote.cue),
        "log_words": _words(quote.text),
        "fragments": float(len(quote.fragments) > 1),
        "in_lead": float(quote.start < lead),
    }


def event_features(analysis: Analysis, event: Event) -> dict[str, float]:
    named = {a.id for a in analysis.actors if a.named}
    published = (analysis.article.published or "")[:10]
    source, target, date = event.source or "", event.target or "", (event.date or "")[:10]
    lead = len(analysis.article.text) / 5
    quad = event.quad_class or 0
    return {
        "source": float(bool(event.source)),
        "target": float(bool(event.target)),
        "source_named": float(event.source_actor in named),
        "target_named": float(event.target_actor in named),
        "same_country": float(bool(source and target) and source[:3] == target[:3]),
        "bare_countries": float(len(source) == 3 and len(target) == 3),
        "material": float(quad in (2, 4)),
        "conflict": float(quad in (3, 4)),
        "log_words": _words(event.text),
        "in_lead": float(event.start < lead),
        "in_quote": float(any(q.start <= event.start < q.end for q in analysis.quotes)),
        "dated_apart": float(bool(date and published) and date != published),
    }


class Scorer:
    """Sets ``confidence`` on every quote and event of an analysis. Build once per process."""

    def __init__(self, knowledge_dir: str = "", models: Models | None = None) -> None:
        self.models = models or Models.load(knowledge_dir)
        self.cues = load_cues(knowledge_dir)

    def __call__(self, analysis: Analysis) -> Analysis:
        if analysis.skipped or not (analysis.quotes or analysis.events):
            return analysis
        quotes = tuple(
            replace(
                q,
                confidence=round(
                    self.models.quote.score(quote_features(analysis, q, self.cues)), 3
                ),
            )
            for q in analysis.quotes
        )
        events = tuple(
            replace(e, confidence=round(self.models.event.score(event_features(analysis, e)), 3))
            for e in analysis.events
        )
        return replace(analysis, quotes=quotes, events=events)
