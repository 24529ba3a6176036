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
