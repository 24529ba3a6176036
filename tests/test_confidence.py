"""Confidence of quotes and events (issues 11 and 13): scored, stored, filtered, exported."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from pathlib import Path

from click.testing import CliRunner

from communique.cli import main
from communique.confidence import (
    EVENT_FEATURES,
    MODEL_FILE,
    QUOTE_FEATURES,
    Model,
    Models,
    Scorer,
    quote_features,
)
from communique.export import export
from communique.knowledge import data_path
from communique.knowledge.cues import load_cues
from communique.records import Actor, Analysis, Article, Quote
from communique.store import Store
from communique.store import queries as q

TEXT = "Sergei Lavrov said the talks were useful. He said they would go on."


def _analysis() -> Analysis:
    article = Article(id="d", source="d.txt", text=TEXT, body=((0, len(TEXT)),), content_hash="h")
    lavrov = Actor(id="a1", name="Sergei Lavrov", kind="person", mentions=((0, 13),), country="RUS")
    named = Quote(
        start=19,
        end=40,
        fragments=((19, 40),),
        text="the talks were useful",
        kind="indirect",
        speaker="Sergei Lavrov",
        speaker_actor="a1",
        speaker_start=0,
        speaker_end=13,
        cue="said",
    )
    pronoun = Quote(
        start=50,
        end=67,
        fragments=((50, 67),),
        text="they would go on",
        kind="indirect",
        speaker=None,
        speaker_start=42,
        speaker_end=44,
        cue="said",
    )
    return Analysis(article=article, actors=(lavrov,), quotes=(named, pronoun))


def test_the_bundled_models_know_every_feature_and_only_those() -> None:
    data = json.loads(data_path(MODEL_FILE).read_text(encoding="utf-8"))
    assert set(data["quote"]["weights"]) == set(QUOTE_FEATURES)
    assert set(data["event"]["weights"]) == set(EVENT_FEATURES)
    assert 0.0 <= data["quote"]["threshold"] <= 1.0 and 0.0 <= data["event"]["threshold"] <= 1.0


def test_features_read_the_record() -> None:
    a = _analysis()
    cues = load_cues()
    named, pronoun = (quote_features(a, x, cues) for x in a.quotes)
    assert named["named_speaker"] == 1.0 and named["speech_cue"] == 1.0
    assert pronoun["unresolved_mention"] == 1.0 and pronoun["named_speaker"] == 0.0


def test_a_model_ranks_by_its_weights() -> None:
    model = Model(
        weights={"named_speaker": 3.0, "unresolved_mention": -3.0}, bias=0.0, threshold=0.5
    )
    scorer = Scorer(models=Models(quote=model, event=model))
    named, pronoun = scorer(_analysis()).quotes
    assert named.confidence is not None and pronoun.confidence is not None
    assert named.confidence > 0.9 > 0.1 > pronoun.confidence
    # the record carries it, and reads it back
    assert Quote.from_dict(named.to_dict()).confidence == named.confidence


def test_confidence_is_stored_filtered_and_exported(tmp_path: Path) -> None:
    model = Model(
        weights={"named_speaker": 3.0, "unresolved_mention": -3.0}, bias=0.0, threshold=0.5
    )
    scored = Scorer(models=Models(quote=model, event=model))(_analysis())
    unscored = replace(
        _analysis(),
        article=replace(_analysis().article, id="old", content_hash="h2", text=TEXT + " More."),
    )
    path = tmp_path / "c.db"
    with Store(path) as store:
        store.write([scored, unscored])
    with Store(path, readonly=True) as store:
        kept = q.quotes(store, min_confidence=0.5, per_article=True)
        # the confident quote, and both quotes stored without a confidence
        assert len(kept) == 3 and all(r["confidence"] in (None, 0.953) for r in kept)
        assert q.show(store, "d").quotes[0].confidence == 0.953
        table = list(csv.DictReader(io.StringIO("".join(export(store, "csv")))))
        assert {r["confidence"] for r in table} >= {"0.953", "0.047"}
    result = CliRunner().invoke(
        main, ["quotes", "--db", str(path), "--json", "--min-confidence", "0.5", "--per-article"]
    )
    assert result.exit_code == 0 and len(json.loads(result.output)) == 3


def test_the_analyzer_scores_what_it_finds(seed_analysis: Analysis) -> None:
    assert seed_analysis.quotes and seed_analysis.events
    assert all(0.0 <= (x.confidence or -1) <= 1.0 for x in seed_analysis.quotes)
    assert all(0.0 <= (x.confidence or -1) <= 1.0 for x in seed_analysis.events)
