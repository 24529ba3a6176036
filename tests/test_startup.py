"""What starting a command costs: modules that only some commands need are not imported by
the others (checked in fresh processes, by the modules loaded, not by timing)."""

from __future__ import annotations

import subprocess
import sys

import pytest

HEAVY = ("spacy", "thinc", "trafilatura", "dateparser", "warcio")
"""Modules that take a tenth of a second to seconds to import."""


def _loaded_after(code: str) -> list[str]:
    script = f"import sys\n{code}\nprint(sorted(m for m in {HEAVY!r} if m in sys.modules))\n"
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    ).stdout
    return eval(out.strip().splitlines()[-1])  # a list of module names, printed by repr


@pytest.mark.parametrize("args", [["--help"], ["analyze", "--help"], ["ingest", "--help"]])
def test_help_imports_no_heavy_module(args: list[str]) -> None:
    code = (
        "from click.testing import CliRunner\n"
        "from communique.cli import main\n"
        f"result = CliRunner().invoke(main, {args!r})\n"
        "assert result.exit_code == 0, result.output\n"
    )
    assert _loaded_after(code) == []


def test_the_analyzer_module_loads_spacy_only_when_an_analyzer_is_built() -> None:
    # the parent of worker processes imports it, and reads and writes only (the readers,
    # warcio among them, it needs)
    loaded = _loaded_after("import communique.analyzer")
    assert not {"spacy", "thinc", "trafilatura", "dateparser"} & set(loaded)


def test_text_input_does_not_need_trafilatura() -> None:
    code = (
        "from communique.article import ArticleCleaner\n"
        "from communique.records import Document\n"
        "text = 'The minister said on Monday that talks would resume. ' * 20\n"
        "article = ArticleCleaner()(Document(source='t.txt', id='t', text=text))\n"
        "assert not article.skipped, article.skipped\n"
    )
    assert "trafilatura" not in _loaded_after(code)
