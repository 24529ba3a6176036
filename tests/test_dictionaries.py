"""PETRARCH/TABARI dictionaries loaded through the settings change the codes the pipeline gives."""

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


def test_reference_phoenix_dictionaries_change_codes(analyzer: Analyzer) -> None:
    ref = shared_path("reference", "petrarch2")
    files = [
        ref / "Phoenix.Countries.actors.txt",
        ref / "Phoenix.International.actors.txt",
        ref / "Phoenix.agents.txt",
    ]
    settings = Settings(actor_dictionaries=os.pathsep.join(map(str, files)))
    ours = _codes(analyzer)
    theirs = _codes(Analyzer(settings=settings))
    un_ours = next(c for n, c in ours.items() if "United Nations" in n)
    un_theirs = next(c for n, c in theirs.items() if "United Nations" in n)
    assert un_ours == "IGO"
    assert un_theirs is not None and un_theirs.startswith(
        "IGOUNO"
    )  # Phoenix codes the UN as IGOUNO
    assert (
        next(c for n, c in theirs.items() if n.endswith("Putin")) == "RUSGOV"
    )  # in office on that date


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
