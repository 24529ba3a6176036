"""The ``eval`` group (communique.cli.evaluate)."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from communique.cli import main


def test_eval_body_scores_the_cleaner_on_a_gold_file(tmp_path: Path) -> None:
    text = (
        "Home | News | Sport\n\n"
        + "The minister said the talks with the delegation went well and would continue. " * 3
        + "\n\nCookie settings\n"
    )
    clean = "The minister said the talks with the delegation went well and would continue. " * 3
    gold = tmp_path / "gold.jsonl"
    gold.write_text(
        json.dumps({"id": "p1", "text": text, "clean_text": clean}) + "\n", encoding="utf-8"
    )
    result = CliRunner().invoke(main, ["eval", "body", str(gold), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["f1"] > 0.9


def test_eval_events_names_the_lexicon_it_coded_with(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    case = {
        "id": "e1",
        "text": "Russia condemned the attack on Syria.",
        "date": "2020-01-01",
        "expected": [{"source": "RUS", "target": "SYR", "code": "111"}],
    }
    gold.write_text(json.dumps(case) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["eval", "events", str(gold)])
    assert result.exit_code == 0, result.output
    assert "root" in result.stdout
    assert "cameo_verbs.tsv (from PETRARCH-2's CAMEO.2.0.txt)" in result.stdout
    # scoring given predictions analyses nothing, so no lexicon is named
    pred = tmp_path / "pred.jsonl"
    pred.write_text(json.dumps({"id": "e1", "events": []}) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["eval", "events", str(gold), "--pred", str(pred)])
    assert result.exit_code == 0, result.output
    assert "event lexicon" not in result.stdout
