"""PETRARCH/TABARI dictionaries loaded through the settings fill the codes the pipeline leaves
unknown, and verb dictionaries reach the event coder."""

from __future__ import annotations

import os
from pathlib import Path

from communique.analyzer import Analyzer, pipeline_from_settings
from communique.records import Document
from communique.settings import Settings

from helpers import shared_path

TEXT = "The United Nations criticized Russia on Friday. Vladimir Putin rejected the criticism."


def _codes(analyzer: Analyzer) -> dict[str, str | None]:
    doc = Document(source="t", id="t", text=TEXT, published="2013-08-09")
    return {a.name: a.code for a in analyzer.analyze_one(doc).actors}


def test_reference_phoenix_dictionaries_keep_our_codes(analyzer: Analyzer) -> None:
    ref = shared_path("reference", "petrarch2")
    files = sorted(ref.glob("Phoenix.*.txt"))  # issue coding, discards ... are passed over
    settings = Settings(actor_dictionaries=os.pathsep.join(map(str, files)))
    theirs = _codes(Analyzer(settings=settings))
    assert _codes(analyzer)["United Nations"] == theirs["United Nations"] == "IGO"  # not IGOUNO
    assert (
        next(c for n, c in theirs.items() if n.endswith("Putin")) == "RUSGOV"
    )  # in office on that date


def test_a_user_dictionary_from_the_settings_fills_unknown_actors(tmp_path: Path) -> None:
    path = tmp_path / "tiny.actors.txt"
    path.write_text("ZORAN_KOVAC_\n\t[SRBGOV]\n", encoding="utf-8")
    analyzer = Analyzer(settings=Settings(actor_dictionaries=str(path)))
    doc = Document(
        source="t", id="t", text="Zoran Kovac criticized the plan in Belgrade on Friday."
    )
    (kovac,) = [a for a in analyzer.analyze_one(doc).actors if a.name == "Zoran Kovac"]
    assert (kovac.country, kovac.code) == ("SRB", "SRBGOV")


def test_verb_dictionaries_from_the_settings_reach_the_event_coder(tmp_path: Path) -> None:
    first, second = tmp_path / "first.txt", tmp_path / "second.txt"
    first.write_text(
        "---  LIFT   [---]  ---\nLIFT\n- * BLOCKADE  [191]  # LIFT\n", encoding="utf-8"
    )
    second.write_text("---  SCOLD   [---]  ---\nSCOLD [111]\n", encoding="utf-8")
    settings = Settings(verb_dictionaries=os.pathsep.join(map(str, (first, second))))
    lexicon = pipeline_from_settings(settings).get_pipe("communique_events").lexicon
    assert lexicon.phrases["lift"][("", "blockade")].code == "191"  # before CAMEO.2.0's 0872
    assert lexicon.phrases["scold"][("", "")].code == "111"
